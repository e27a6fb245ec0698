"""Plain data that templates lay out, shared by several pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """A link: its address relative to the page it is on, and its text."""

    href: str
    text: str
