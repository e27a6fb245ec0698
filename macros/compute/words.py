"""The fixed sentences that depend on the council's settings and its data, worked out once.

The document's own name (`extra.council.document`: 'Code', 'Protocol'), the council's name,
and whether the data has a record of members' comments or reconstructed wording decide
them, so no page, PDF or JSON file says 'Code', 'consultation' or 'reconstructed' where that
is not true of the site. Every template receives them as `words`.
"""

from __future__ import annotations

from typing import NamedTuple

from macros.compute.code import Code
from macros.compute.documents import named
from macros.load.settings import DEFAULT_DOCUMENT
from macros.model.records import ProvenanceKind
from macros.model.wording import or_list


class Words(NamedTuple):
    """The site's fixed words (templates receive them as `words`)."""

    document: str  # the document's own name: 'Code', 'Protocol'
    council: str  # the council's name
    consultation: bool  # the data has a record of members' comments
    reconstructed: bool  # some clause's wording is written from a description of it
    in_force: str  # 'The Code in force': the navigation's entry and that page's heading
    comments_title: str  # the title of the page of members' comments
    changes_intro: str  # the first sentence of the page of changes
    wording_sources: str  # the PDF cover's sentence on where each clause's wording comes from


def _sources(code: Code | None, kind: ProvenanceKind) -> list[str]:
    """The documents, named, that clauses of `kind` come from, in order of first use."""
    found: dict[str, str] = {}
    for version in code.versions if code else ():
        for clause in version.clauses():
            source = clause.clause.provenance.source
            if clause.clause.provenance.kind is kind and source is not None:
                found.setdefault(source.document, named(code.documents[source.document])
                                 if code and source.document in code.documents
                                 else source.document)
    return list(found.values())


def _wording_sources(code: Code | None) -> str:
    quoted = _sources(code, ProvenanceKind.verbatim)
    described = _sources(code, ProvenanceKind.reconstructed)
    parts = [f"quoted in {or_list(quoted)}"] if quoted else []
    if described == quoted and quoted:
        there = "that document's" if len(quoted) == 1 else "those documents'"
        parts.append(f"reconstructed from {there} description")
    elif described:
        parts.append(f"reconstructed from its description in {or_list(described)}")
    if not parts:
        return "Each clause says which version its wording was first written for."
    return ("The wording of each clause says where it comes from: " + ", ".join(parts)
            + ", or new wording in this version.")


def site_words(code: Code | None, document: str = DEFAULT_DOCUMENT, council: str = "") -> Words:
    """The words of a site whose document is called `document`, for its data `code`."""
    consultation = code is not None and code.consultation is not None
    reconstructed = bool(_sources(code, ProvenanceKind.reconstructed))
    answers = ", and the members\u2019 comments it answers" if consultation else ""
    return Words(
        document, council, consultation, reconstructed,
        in_force=f"The {document} in force",
        comments_title=f"Members' comments on the {document} and the responses",
        changes_intro=(f"This page lists every change between one version of the {document} and "
                       "the next. It shows the clauses that were added, taken out, reworded or "
                       "moved. It also shows the ones that were renumbered: they have a new "
                       "number because clauses before them came or went. Each change gives its "
                       f"reason{answers}."),
        wording_sources=_wording_sources(code),
    )
