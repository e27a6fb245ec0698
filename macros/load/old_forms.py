"""Version files written before a version had two dates: one line, naming the fix.

A version's `date` once meant the date approved for an adopted version and the date of the
meeting a draft was prepared for, so adopting a draft changed its meaning. It is now two
fields, `prepared_for` and `approved_on`. A file that still has `date` is reported once, on
that line, with the field to rename it to; the problems that follow only from it (an
unknown field, a missing date) are not reported as well.
"""

from __future__ import annotations

from pydantic_core import ErrorDetails

from macros.load.yamlfile import YamlDoc
from macros.model.problems import Problem
from macros.model.records import FieldRule, Status

OLD_DATE = "date"


def _follows_from_old_date(wrong: ErrorDetails) -> bool:
    """Whether a fault is the old field itself, or a date missing because of it."""
    loc = wrong["loc"]
    if tuple(loc) == (OLD_DATE,):
        return True
    rule = wrong.get("ctx", {}).get("error")
    return not loc and isinstance(rule, FieldRule) and rule.field == "status"


def old_date(doc: YamlDoc, found: list[ErrorDetails]) -> tuple[Problem | None, list[ErrorDetails]]:
    """The one problem of a version file that still has `date`, and the faults left once
    those that follow from it are set aside; (None, `found`) for a file without it."""
    data = doc.data
    if not isinstance(data, dict) or OLD_DATE not in data:
        return None, found
    status = data.get("status")
    approved = (f"approved_on (the date the {data.get('body') or 'committee'} approved the "
                "version)")
    prepared = "prepared_for (the date of the meeting the draft is prepared for)"
    if status in (Status.adopted.value, Status.superseded.value):
        fix = f"rename it {approved}"
    elif status in (Status.draft.value, Status.replaced.value):
        fix = f"rename it {prepared}"
    else:
        fix = f"rename it {approved} or, for a draft, {prepared}"
    version_id = data.get("id")
    label = f"version '{version_id}'" if isinstance(version_id, str) else None
    problem = Problem(doc.file, doc.line((OLD_DATE,)), label,
                      "field 'date' is no longer used: it meant the date approved, or for a "
                      "draft the meeting it is prepared for", fix)
    return problem, [wrong for wrong in found if not _follows_from_old_date(wrong)]
