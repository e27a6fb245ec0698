"""HTML for a version of the Code: banner, contents, numbered sections and clauses.

Rendering only reads what the pipeline computed. Every piece of data is
escaped here; nothing in the data can add markup or script.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from macros.compute import guidance, urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedClause, NumberedItem, NumberedSection, NumberedVersion
from macros.compute.versions import (
    render_clause_versions,
    render_newer_drafts,
    render_version_list,
    status_heading,
    status_text,
)
from macros.model import inline
from macros.model.records import ProvenanceKind, Status
from macros.model.wording import and_list
from macros.render.consultation_page import render_clause_comments


@dataclass(frozen=True, slots=True)
class PageContext:
    """Where the HTML will be published, so links can be made relative to it."""

    code: Code
    version: NumberedVersion
    page: str  # site path of the page being rendered, e.g. "code/1.0/"

    def link(self, anchor: str) -> str:
        """Link to an anchor of this version, from this page."""
        return urls.relative(self.page, urls.anchored(urls.version_path(self.version.id), anchor))

    def same_page_link(self, anchor: str) -> str:
        """An anchor on the page being rendered (which shows this version)."""
        return f"#{anchor}"




def render_status(code: Code, version: NumberedVersion) -> str:
    kind = {Status.draft: "warning", Status.superseded: "note", Status.adopted: "info"}
    status = version.version.status
    title = status_heading(code, version)
    return (f'<div class="admonition {kind[status]} smc-status smc-status--{status.value}" '
            f'role="note" aria-label="Status of this version">'
            f'<p class="admonition-title">{escape(title)}</p>'
            f"<p>{escape(status_text(code, version))}</p>"
            f"<p>{escape(version.version.summary)}</p></div>")


def render_contents(version: NumberedVersion) -> str:
    rows = []
    for section in version.sections:
        rows.append(f'<li><a href="#{section.target.anchor}">'
                    f'<span class="smc-num">{section.target.number}</span> '
                    f"{escape(section.title)}</a> "
                    f'<span class="smc-span">({section.span})</span></li>')
    label = f"Contents of version {escape(version.id)}"
    # Search offers the clauses themselves, not the contents list or section headings.
    return (f'<nav class="smc-contents" aria-label="{label}" data-search-exclude="">'
            f'<p class="smc-contents__title">Contents</p><ol>{"".join(rows)}</ol></nav>')


def render_provenance(ctx: PageContext, clause: NumberedClause) -> str:
    p = clause.clause.provenance
    source = ctx.code.source_document
    note = f" {escape(p.note)}" if p.note else ""
    if p.kind is ProvenanceKind.reconstructed:
        return (f'<p class="smc-provenance smc-provenance--reconstructed">'
                f"<strong>Reconstructed wording.</strong> The adopted text of this clause is "
                f"not quoted in {escape(source)}; this wording is written from its description "
                f"in paragraph {escape(p.source or '')}.{note}</p>")
    if p.kind is ProvenanceKind.verbatim:
        return (f'<p class="smc-provenance smc-provenance--verbatim">'
                f"Wording as quoted in paragraph {escape(p.source or '')} of "
                f"{escape(source)}.{note}</p>")
    return (f'<p class="smc-provenance smc-provenance--drafted">'
            f"New wording in this version.{note}</p>")


def _xref(ctx: PageContext) -> inline.XRefRenderer:
    def render(key: str) -> str:
        target = ctx.version.targets[key]
        return (f'<a class="smc-xref" href="{escape(ctx.link(target.anchor))}">'
                f"{escape(target.label)}</a>")
    return render


def render_refs(ctx: PageContext, clause: NumberedClause) -> str:
    if not clause.clause.refs:
        return ""
    links = [_xref(ctx)(key) for key in clause.clause.refs]
    return f'<p class="smc-refs">See also {and_list(links)}.</p>'


def render_guidance(ctx: PageContext, clause: NumberedClause) -> str:
    entries = (ctx.code.guidance[gid] for gid in clause.clause.guidance)
    return guidance.render_note(entries, ctx.page, clause.number)


def render_item(ctx: PageContext, item: NumberedItem) -> str:
    return (f'<li class="smc-item" id="{item.target.anchor}">'
            f'<span class="smc-anchor" id="{escape(item.target.key)}"></span>'
            f'<span class="smc-item__letter">({item.letter})</span> '
            f'<div class="smc-item__text">{inline.render(item.text, _xref(ctx))}</div></li>')


def render_clause(ctx: PageContext, clause: NumberedClause) -> str:
    number = clause.number
    items = ""
    if clause.items:
        items = (f'<ol class="smc-items">'
                 f"{''.join(render_item(ctx, i) for i in clause.items)}</ol>")
    link = escape(urls.relative(ctx.page, urls.anchored(urls.version_path(ctx.version.id),
                                                        clause.target.anchor)))
    kind = clause.clause.provenance.kind.value
    return (f'<div class="smc-clause smc-clause--{kind}" id="{escape(clause.key)}">'
            f'<h3 class="smc-clause__number" id="{clause.target.anchor}">'
            f'<span class="smc-visually-hidden">Clause </span>{number}</h3>'
            f'<div class="smc-clause__text">{inline.render(clause.text, _xref(ctx))}{items}</div>'
            f"{render_provenance(ctx, clause)}"
            f"{render_refs(ctx, clause)}{render_guidance(ctx, clause)}"
            f"{render_clause_comments(ctx, clause)}"
            f'<p class="smc-clause__actions" data-search-exclude=""><a class="smc-clause__link" '
            f'href="{link}" '
            f'data-smc-copy="">Link to clause {number}</a>'
            f"{render_clause_versions(ctx.code, ctx.version.id, clause.key, ctx.page)}</p></div>")


def render_section(ctx: PageContext, section: NumberedSection) -> str:
    anchor = section.target.anchor
    clauses = "\n".join(render_clause(ctx, c) for c in section.clauses)
    return (f'<section class="smc-section" id="{escape(section.section.key)}" '
            f'aria-labelledby="{anchor}">\n'
            f'<h2 id="{anchor}" data-search-exclude="">'
            f'<span class="smc-num">{section.target.number}</span> '
            f"{escape(section.title)}</h2>\n{clauses}\n</section>")


def render_version(code: Code, version: NumberedVersion, page: str, downloads: str = "") -> str:
    """The whole body of a version page, as one block of HTML.

    `downloads` is the HTML offering the version's files, shown after its status.
    """
    ctx = PageContext(code, version, page)
    sections = "\n".join(render_section(ctx, s) for s in version.sections)
    return (f'<div class="smc-code" data-smc-version="{escape(version.id)}">\n'
            f"{render_status(code, version)}\n{render_version_list(code, version, page)}"
            f"{downloads}{render_contents(version)}\n"
            f"{sections}\n</div>")


def render_current(code: Code, page: str, downloads: str = "") -> str:
    """The short path: says which version is in force and that links should use its own path."""
    current = code.current
    if current is None:
        raise ValueError("no version is in force, so the short path has nothing to show")
    link = escape(urls.relative(page, urls.version_path(current.id)))
    intro = (f'<div class="smc-current"><p>This page always shows the version in force. '
             f'It is <a href="{link}">version {escape(current.id)}</a>; to link to a clause in '
             f"a committee paper, use the clause's versioned link, which never changes.</p>"
             f"{render_newer_drafts(code, page)}</div>")
    return intro + render_version(code, current, page, downloads)
