"""Dates as GOV.UK style writes them: 27 June 2019."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """`day` written out, e.g. '27 June 2019'."""
    return f"{day.day} {day:%B %Y}"
