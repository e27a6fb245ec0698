"""A version's status, and the rules its dates and status fields follow together."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum


class Status(StrEnum):
    """Where a version stands: draft; adopted (the newest is in force); superseded by a later
    one; replaced: a draft not adopted as it stood, another version adopted in its place."""

    draft = "draft"
    adopted = "adopted"
    superseded = "superseded"
    replaced = "replaced"

    @property
    def approved(self) -> bool:
        """Whether a committee approved the version (adopted or superseded); a draft and a
        replaced draft never were."""
        return self in (Status.adopted, Status.superseded)


class FieldRule(ValueError):
    """A rule across a record's fields, broken: what is wrong, the field to point at and the
    fix (the loader words it as one problem on that field's line)."""

    def __init__(self, message: str, field: str, fix: str) -> None:
        super().__init__(message)
        self.field = field
        self.fix = fix


def check_dates(status: Status, *, prepared_for: dt.date | None, approved_on: dt.date | None,
                superseded_on: dt.date | None, replaced_by: str | None) -> None:
    """Raise FieldRule if a version's dates do not fit its status: a draft (or a replaced
    draft) has the meeting it was prepared for and no approval; an adopted or superseded
    version has the date approved; only a superseded one has `superseded_on`, only a
    replaced one `replaced_by`."""
    approved = status.approved
    a = f"{'an' if status.value[0] in 'aeiou' else 'a'} {status.value}"  # 'an adopted'
    if approved and approved_on is None:
        raise FieldRule(f"{a} version needs 'approved_on'", "status",
                        "add 'approved_on:' with the date the version was approved, e.g. "
                        "approved_on: 2019-06-27")
    if not approved and prepared_for is None:
        raise FieldRule(f"{a} version needs 'prepared_for'", "status",
                        "add 'prepared_for:' with the date of the meeting the version is "
                        "prepared for, e.g. prepared_for: 2019-10-01")
    if not approved and approved_on is not None:
        raise FieldRule(f"{a} version has not been approved, but has "
                        "'approved_on'", "approved_on",
                        "remove 'approved_on', or adopt the draft with 'python -m macros "
                        "adopt'")
    if prepared_for and approved_on and approved_on < prepared_for:
        raise FieldRule(f"approved on {approved_on.isoformat()}, before the meeting it "
                        f"was prepared for ({prepared_for.isoformat()})", "approved_on",
                        "correct one of the two dates")
    if status is Status.replaced and replaced_by is None:
        raise FieldRule("a replaced version needs 'replaced_by'", "status",
                        "add 'replaced_by:' with the id of the version adopted in its place, "
                        'e.g. replaced_by: "2.1"')
    if status is not Status.replaced and replaced_by is not None:
        raise FieldRule(f"{a} version has 'replaced_by'", "replaced_by",
                        "remove it: only a draft that another version replaced "
                        "(status: replaced) names the version that replaced it")
    if status is not Status.superseded and superseded_on is not None:
        raise FieldRule(f"{a} version has 'superseded_on'", "superseded_on",
                        "remove it, or mark the version 'status: superseded'")
