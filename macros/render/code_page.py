"""A version of the Code as a page: status, versions, downloads, contents, sections, clauses.

Python prepares what each part shows (numbers, links relative to the page, status words)
as the small view records below; the templates in `templates/` lay them out, one template
per part (`version.html.jinja`, `section.html.jinja`, `clause.html.jinja`, ...). The same
section and clause templates lay out the version in force, a hand-written page's `clause()`
and `section()` macros, and the PDF. Autoescaping shows every piece of data as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from markupsafe import Markup

from macros.compute import guidance, urls
from macros.compute.citation import clause_citation
from macros.compute.code import Code
from macros.compute.consultation import ClauseComments, clause_comments
from macros.compute.documents import named
from macros.compute.downloads import Download
from macros.compute.guidance import GuidanceNote
from macros.compute.numbering import NumberedClause, NumberedItem, NumberedSection, NumberedVersion
from macros.compute.versions import (
    ClauseVersions,
    Replacement,
    VersionList,
    VersionStatus,
    clause_versions,
    replaced_by,
    version_list,
    version_status,
    worded_in,
)
from macros.compute.views import Link, RichText
from macros.model import inline
from macros.model.inline import Paragraph
from macros.render.downloads import DownloadList, download_list
from macros.render.environment import Templates


@dataclass(frozen=True, slots=True)
class PageContext:
    """Where the HTML will be published, so links can be made relative to it."""

    code: Code
    version: NumberedVersion
    page: str  # site path of the page being rendered, e.g. "code/1.0/"
    site_url: str = ""  # the site's public address, for full addresses (the PDF prints them)
    council: str = ""  # the council that publishes the Code, as a citation names it

    def link(self, anchor: str) -> str:
        """Link to an anchor of this version, from this page."""
        return urls.relative(self.page, urls.anchored(urls.version_path(self.version.id), anchor))

    def same_page_link(self, anchor: str) -> str:
        """An anchor on the page being rendered (which shows this version)."""
        return f"#{anchor}"

    def online(self, anchor: str | None = None) -> str:
        """Full versioned URL of the version page, or of an anchor on it."""
        path = urls.version_path(self.version.id)
        return urls.absolute(self.site_url, urls.anchored(path, anchor) if anchor else path)

    def xref(self, key: str) -> Link:
        """Where a cross-reference to `key` goes, and its words ('clause 2.3')."""
        target = self.version.targets[key]
        return Link(self.link(target.anchor), target.label)

    def text(self, paragraphs: tuple[Paragraph, ...]) -> RichText:
        """Clause text with its cross-references linked from this page."""
        return RichText(paragraphs, self.xref)


class Provenance(NamedTuple):
    """Where a clause's wording comes from, as `provenance.html.jinja` says it."""

    kind: str  # "verbatim", "reconstructed" or "drafted"
    at: str  # where in the document it is quoted or described: 'paragraph 2.2' ('' if not said)
    note: str | None
    document: str  # the document, named: 'the report to the Committee of 1 October 2019' ('')
    worded_in: str  # the first version with this wording: this one, or one it was copied from
    new: bool  # the wording is new in this version


class ItemView:
    """A lettered item of a clause (`item.html.jinja` receives it as `item`)."""

    __slots__ = ("_ctx", "_item")

    def __init__(self, ctx: PageContext, item: NumberedItem) -> None:
        self._ctx, self._item = ctx, item

    @property
    def key(self) -> str:
        return self._item.target.key

    @property
    def anchor(self) -> str:
        return self._item.target.anchor

    @property
    def letter(self) -> str:
        return self._item.letter

    @property
    def text(self) -> RichText:
        return self._ctx.text(self._item.text)


class ClauseView:
    """A clause (`clause.html.jinja` and the parts it includes receive it as `clause`).

    Each value is worked out when a template first asks for it, and once, so the parts a
    page does not show (the PDF's addresses on a web page) cost nothing.
    """

    def __init__(self, ctx: PageContext, clause: NumberedClause) -> None:
        self._ctx, self._clause = ctx, clause

    @property
    def key(self) -> str:
        return self._clause.key

    @property
    def anchor(self) -> str:
        return self._clause.target.anchor

    @property
    def number(self) -> str:
        return self._clause.number

    @property
    def kind(self) -> str:
        """Where its wording comes from: 'verbatim', 'reconstructed' or 'drafted'."""
        return self._clause.clause.provenance.kind.value

    @property
    def text(self) -> RichText:
        return self._ctx.text(self._clause.text)

    @cached_property
    def items(self) -> tuple[ItemView, ...]:
        return tuple(ItemView(self._ctx, item) for item in self._clause.items)

    @cached_property
    def provenance(self) -> Provenance:
        p = self._clause.clause.provenance
        version = self._ctx.version.id
        first = worded_in(self._ctx.code, version, self._clause.key)
        source = p.source
        document = named(self._ctx.code.documents[source.document]) if source else ""
        return Provenance(p.kind.value, source.at or "" if source else "", p.note, document,
                          first, first == version)

    @cached_property
    def refs(self) -> tuple[Link, ...]:
        """The clauses it points the reader to ('See also')."""
        return tuple(self._ctx.xref(key) for key in self._clause.clause.refs)

    @cached_property
    def guidance(self) -> GuidanceNote | None:
        ctx = self._ctx
        return guidance.note((ctx.code.guidance[gid] for gid in self._clause.clause.guidance),
                             ctx.page, self.number, ctx.site_url)

    @cached_property
    def comments(self) -> tuple[ClauseComments, ...]:
        ctx = self._ctx
        return clause_comments(ctx.code.consultation, ctx.version.id, self.key, ctx.page)

    @property
    def link(self) -> str:
        """Its lasting versioned link, from this page."""
        ctx = self._ctx
        return urls.relative(ctx.page, urls.anchored(urls.version_path(ctx.version.id),
                                                     self.anchor))

    @cached_property
    def versions(self) -> ClauseVersions | None:
        """Its history page and the same clause in the other versions."""
        ctx = self._ctx
        return clause_versions(ctx.code, ctx.version.id, self.key, ctx.page)

    @property
    def url(self) -> str:
        """Its full versioned address, as the PDF prints it."""
        return self._ctx.online(self.anchor)

    @cached_property
    def citation(self) -> str:
        """The clause cited in one line: council, Code, version, number, lasting address."""
        ctx = self._ctx
        return clause_citation(ctx.council, ctx.code.title, ctx.version, self.number,
                               self.anchor, ctx.site_url)

    @cached_property
    def bookmark(self) -> str:
        """Its number and first words, for the PDF's outline."""
        targets = self._ctx.version.targets
        words = inline.render_plain(self._clause.text, lambda key: targets[key].label)
        words = " ".join(words.split())
        short = words if len(words) <= 60 else words[:57].rsplit(" ", 1)[0] + "…"
        return f"{self.number} {short}"


class SectionView:
    """A numbered section (`section.html.jinja` receives it as `section`)."""

    def __init__(self, ctx: PageContext, section: NumberedSection) -> None:
        self._ctx, self._section = ctx, section

    @property
    def key(self) -> str:
        return self._section.section.key

    @property
    def anchor(self) -> str:
        return self._section.target.anchor

    @property
    def number(self) -> str:
        return self._section.target.number

    @property
    def title(self) -> str:
        return self._section.title

    @property
    def span(self) -> str:
        """'clauses 2.1 to 2.6', as the contents show it."""
        return self._section.span

    @cached_property
    def clauses(self) -> tuple[ClauseView, ...]:
        return tuple(ClauseView(self._ctx, clause) for clause in self._section.clauses)


class VersionView(NamedTuple):
    """A version's page (`version.html.jinja` receives it as `version`)."""

    id: str
    status: VersionStatus
    versions: VersionList
    downloads: DownloadList | None
    sections: tuple[SectionView, ...]
    replaced_by: Replacement | None = None  # for a replaced draft: the version adopted instead


class CurrentView(NamedTuple):
    """What the short path adds to the version in force's page (`current.html.jinja`)."""

    id: str
    href: str  # the version's own page, from the short path


def sections(ctx: PageContext) -> tuple[SectionView, ...]:
    """Every section of the version `ctx` shows, as its template receives it."""
    return tuple(SectionView(ctx, section) for section in ctx.version.sections)


def version_view(code: Code, version: NumberedVersion, page: str,
                 downloads: Sequence[Download] = (), site_url: str = "",
                 council: str = "") -> VersionView:
    """What `version.html.jinja` receives for a version's page at `page`.

    `site_url` and `council` complete each clause's citation."""
    ctx = PageContext(code, version, page, site_url, council)
    return VersionView(version.id, version_status(code, version),
                       version_list(code, version, page), download_list(tuple(downloads), page),
                       sections(ctx),
                       replaced_by(code, version, lambda path: urls.relative(page, path)))


def render_status(templates: Templates, code: Code, version: NumberedVersion) -> Markup:
    """The box saying whether a version is in force."""
    return templates.render("status.html.jinja", status=version_status(code, version))


def render_clause(templates: Templates, ctx: PageContext, clause: NumberedClause) -> Markup:
    """One clause with its notes and links, as its version's page shows it."""
    return templates.render("clause.html.jinja", clause=ClauseView(ctx, clause))


def render_section(templates: Templates, ctx: PageContext, section: NumberedSection) -> Markup:
    """One section and its clauses, as its version's page shows them."""
    return templates.render("section.html.jinja", section=SectionView(ctx, section))


def render_version(templates: Templates, code: Code, version: NumberedVersion, page: str,
                   downloads: Sequence[Download] = (), site_url: str = "",
                   council: str = "") -> Markup:
    """The whole body of a version page, as one block of HTML.

    `downloads` are the version's files, offered after its status; `site_url` and
    `council` complete each clause's citation.
    """
    return templates.render("version.html.jinja",
                            version=version_view(code, version, page, downloads, site_url,
                                                 council))


def render_current(templates: Templates, code: Code, page: str,
                   downloads: Sequence[Download] = (), site_url: str = "",
                   council: str = "") -> Markup:
    """The short path: says which version is in force and that links should use its own path."""
    current = code.current
    if current is None:
        raise ValueError("no version is in force, so the short path has nothing to show")
    intro = CurrentView(current.id, urls.relative(page, urls.version_path(current.id)))
    return templates.render("current.html.jinja", current=intro,
                            version=version_view(code, current, page, downloads, site_url,
                                                 council))
