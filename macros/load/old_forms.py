"""Data written in an older form of the records: one line saying so, with the new form.

Sources: a clause's source and a guidance entry's cited_in were once a paragraph number of
one committee report, named by the manifest's 'source_document'; documents are now listed
once and named by id.

Dates: a version's `date` once meant the date approved for an adopted version and the date
of the meeting a draft was prepared for, so adopting a draft changed its meaning. It is now
two fields, `prepared_for` and `approved_on`. A file that still has `date` is reported once,
on that line, with the field to rename it to; the problems that follow only from it (an
unknown field, a missing date) are not reported as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_core import ErrorDetails

from macros.load.yamlfile import YamlDoc
from macros.model.problems import Problem
from macros.model.records import FieldRule, Status

_DOCUMENTS = "listed once under 'documents:' in content/data/code.yaml"


def old_source_form(loc: Sequence[str | int], kind: str, given: Any
                    ) -> tuple[str, str] | None:
    """What is wrong, and the fix, for a source written in the form of one committee report:
    a paragraph number without its document, or the manifest's single 'source_document'."""
    field = loc[-1] if loc else ""
    if field == "source_document" and kind in ("unexpected_keyword_argument", "extra_forbidden"):
        title = given if isinstance(given, str) else "the report ..."
        return ("'source_document' is the old form: documents are now listed under "
                "'documents:' and named by id",
                f"replace it with 'documents:', then '  - id: report' and '    title: {title}', "
                "and name it in each clause's source and guidance's cited_in, e.g. "
                "source: {document: report, at: paragraph 2.2}")
    if isinstance(given, str) and field == "source" and loc[-2:-1] == ("provenance",):
        return (f"source '{given}' names a place but not the document it is in (the old form)",
                f"name the document, {_DOCUMENTS}, and the place in it, e.g. "
                f"source: {{document: report, at: {_at(given)}}}")
    if isinstance(given, str) and field == "cited_in":
        return (f"cited_in '{given}' names a place but not the document it is in (the old form)",
                f"list the documents that cite it, each {_DOCUMENTS}, with the place in it, e.g. "
                f"cited_in: [{{document: report, at: {_at(given)}}}]")
    return None


def _at(given: str) -> str:
    """An old paragraph number as a locator: '2.2' -> 'paragraph 2.2'; 'Appendix 3' as it is."""
    text = " ".join(given.split())
    return f"paragraph {text}" if text[:1].isdigit() else text


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
