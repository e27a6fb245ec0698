"""Data written in an older form of the records: one line saying so, with the new form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
