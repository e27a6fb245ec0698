"""The guidance page: every reference, the documents that cite it, and which clauses do.

`guidance-page.html.jinja` lays out the page and `guidance-entry.html.jinja` each
reference; the clauses that cite one come from `guidance.citations`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from markupsafe import Markup

from macros.compute import urls
from macros.compute.documents import named, place
from macros.compute.guidance import citations
from macros.compute.numbering import NumberedVersion
from macros.compute.views import Link
from macros.model.records import Document, Guidance
from macros.model.wording import and_list, or_list
from macros.render.environment import Templates


class Citing(NamedTuple):
    """The clauses of one version that cite a reference (each link's text: its number)."""

    version: str
    status: str
    clauses: tuple[Link, ...]


class Entry(NamedTuple):
    """One piece of guidance on the guidance page, with the clauses that cite it."""

    id: str
    title: str
    summary: str
    publisher: str
    url: str | None
    cited_in: str  # where it is cited: 'paragraph 3.1 of the report ...' ('' if nowhere)
    documents: str  # the documents that cite it: 'the report ...' ('' if none)
    cited_by: tuple[Citing, ...]


def _entry(g: Guidance, versions: tuple[NumberedVersion, ...], page: str,
           status: Callable[[NumberedVersion], str], documents: Mapping[str, Document]) -> Entry:
    cited_by = []
    for citation in citations(versions, g.id):
        version = citation.version
        links = tuple(
            Link(urls.relative(page, urls.anchored(urls.version_path(version.id),
                                                   clause.target.anchor)), clause.number)
            for clause in citation.clauses)
        cited_by.append(Citing(version.id, status(version), links))
    cited_in = and_list([place(c, documents) for c in g.cited_in])
    citing = or_list(list(dict.fromkeys(named(documents[c.document]) for c in g.cited_in)))
    return Entry(g.id, g.title, g.summary, g.publisher, g.url, cited_in, citing, tuple(cited_by))


def render_guidance_page(templates: Templates, guidance: Iterable[Guidance],
                         versions: tuple[NumberedVersion, ...], documents: Mapping[str, Document],
                         page: str, status: Callable[[NumberedVersion], str]) -> Markup:
    """The guidance page, for the page at `page`.

    `status` names a version's standing ('in force', 'draft, not adopted'), as everywhere.
    """
    return templates.render("guidance-page.html.jinja",
                            entries=[_entry(g, versions, page, status, documents)
                                     for g in guidance])
