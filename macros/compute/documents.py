"""The documents the wording comes from and the guidance is cited in: checks, and their names.

Each document is declared once, under `documents:` in the manifest; a clause's provenance
(`source`) and a guidance entry (`cited_in`) name it by id, with a free locator (`at`):
'paragraph 2.2', 'page 3', 'bullet 7', a heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from macros.compute.guidance import url_problem
from macros.load.loader import RawCode
from macros.model.dates import long_date
from macros.model.problems import Problem, did_you_mean
from macros.model.records import Citation, Document

FIX_UNKNOWN = ("use the id of a document listed under 'documents:' in "
               "content/data/code.yaml{known}, or add the document there")


def known(ids: Iterable[str]) -> str:
    """' (ids: a, b)' for a fix that names the declared documents; '' when there are none."""
    listed = ", ".join(ids)
    return f" ({listed})" if listed else ""


def named(document: Document) -> str:
    """The document as a sentence names it: its title, with its date unless the title says it."""
    if document.date is None or long_date(document.date) in document.title:
        return document.title
    return f"{document.title} of {long_date(document.date)}"


def place(citation: Citation, documents: Mapping[str, Document]) -> str:
    """'paragraph 3.1 of the report to the Committee of 1 October 2019', or the document alone."""
    name = named(documents[citation.document])
    return f"{citation.at} of {name}" if citation.at else name


def check_documents(raw: RawCode) -> list[Problem]:
    """Documents declared twice or with a wrong address, and guidance citing an unknown one."""
    problems: list[Problem] = []
    doc = raw.manifest_doc
    first: dict[str, int | None] = {}
    for index, document in enumerate(raw.manifest.documents):
        label = f"document '{document.id}'"
        line = doc.line(("documents", index, "id")) if doc else None
        file = doc.file if doc else ""
        if document.id in first:
            problems.append(Problem(file, line, label, f"duplicate document id '{document.id}' "
                                    f"(already used at line {first[document.id]})",
                                    "give every document its own id"))
        first.setdefault(document.id, line)
        wrong = url_problem(document.url) if document.url else None
        if wrong:
            problems.append(Problem(file, doc.line(("documents", index, "url")) if doc else None,
                                    label, wrong, "give the full https:// address where it is "
                                    "published, or leave 'url' out if it is not online"))
    if raw.guidance is not None:
        gdoc = raw.guidance.doc
        for g, entry in enumerate(raw.guidance.model.guidance):
            for c, citation in enumerate(entry.cited_in):
                if citation.document not in first:
                    problems.append(Problem(
                        gdoc.file, gdoc.line(("guidance", g, "cited_in", c, "document")),
                        f"guidance '{entry.id}'",
                        f"cited in unknown document '{citation.document}'."
                        f"{did_you_mean(citation.document, first)}".rstrip(),
                        FIX_UNKNOWN.format(known=known(first))))
    return problems
