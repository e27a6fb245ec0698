"""Each version of the Code as a PDF for committee agendas, rendered by WeasyPrint.

The PDF is laid out from the numbered Code (not from a web page), with its own
small print stylesheet: a cover with the version's status and approval, the
contents, then every section and clause with the same numbers and anchors as
the web page and each clause's versioned URL beside it. Drafts carry a DRAFT
mark on every page. The file is tagged (PDF/UA-1) with its language and title.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html import escape

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedClause, NumberedItem, NumberedSection, NumberedVersion
from macros.compute.versions import printed_status, status_text
from macros.model import inline
from macros.model.dates import long_date
from macros.model.records import Status
from macros.render.code_page import PageContext, render_provenance, render_refs
from macros.render.print_running import css_string

LANG = "en-GB"


@dataclass(frozen=True, slots=True)
class PdfContext(PageContext):
    """Links inside the PDF point at the PDF's own anchors."""

    site_url: str = ""

    def link(self, anchor: str) -> str:
        return f"#{anchor}"

    def online(self, anchor: str | None = None) -> str:
        """Full versioned URL of the version page, or of an anchor on it."""
        path = urls.version_path(self.version.id)
        return urls.absolute(self.site_url, urls.anchored(path, anchor) if anchor else path)


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot run here; the message says what to install."""


def document_title(council: str, code: Code, version: NumberedVersion) -> str:
    return f"{council}: {code.title}, version {version.id} ({printed_status(code, version)})"


PAGE_CSS = """
@page {
  size: A4;
  margin: 24mm 18mm 22mm 18mm;
  @top-left { content: %(running)s; font: 8pt "DejaVu Sans"; color: #333; }
  @top-right { content: %(status)s; font: bold 8pt "DejaVu Sans"; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
                  font: 8pt "DejaVu Sans"; color: #333; }
  @bottom-left { content: %(online)s; font: 7pt "DejaVu Sans Mono"; color: #333; }
}
"""

# A large pale "DRAFT" behind every page of a draft, drawn as strokes rather than
# text so that it never breaks into the words a reader copies or a screen reader
# reads. As a page background it is an artifact. The running header also says
# "DRAFT, NOT ADOPTED" in words on every page.
_LETTERS = (
    "M0 0V100H28Q60 100 60 50Q60 0 28 0Z",  # D
    "M0 100V0H34Q60 0 60 26Q60 52 34 52H0M30 52L60 100",  # R
    "M0 100L30 0L60 100M11 64H49",  # A
    "M60 0H0V100M0 48H44",  # F
    "M0 0H60M30 0V100",  # T
)
_WATERMARK = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='600' height='840' viewBox='0 0 600 840'>"
    "<g transform='rotate(-55 300 420) translate(110 370)' fill='none' stroke='%23f2caca' "
    "stroke-width='13' stroke-linejoin='round'>"
    + "".join(f"<path transform='translate({i * 80} 0)' d='{d}'/>" for i, d in enumerate(_LETTERS))
    + "</g></svg>"
)
DRAFT_CSS = f"""
@page {{ background: url("data:image/svg+xml,{_WATERMARK}") center / 100% auto no-repeat; }}
"""

PRINT_CSS = """
html { font-family: "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.4; color: #111; }
body { margin: 0; }
a { color: #1a3d8f; text-decoration: none; }
h1, h2, h3 { font-family: "DejaVu Sans", sans-serif; }
.cover { break-after: page; }
.cover .council { font: bold 14pt "DejaVu Sans"; margin: 20mm 0 6mm; }
.cover h1 { font-size: 26pt; line-height: 1.2; margin: 0 0 4mm; bookmark-level: none; }
.cover .version { font: 16pt "DejaVu Sans"; margin: 0 0 10mm; }
.cover dl { margin: 0 0 8mm; }
.cover dl div { display: flex; margin: 0 0 2mm; }
.cover dt { font: bold 10pt "DejaVu Sans"; width: 42mm; flex: none; }
.cover dd { margin: 0; }
.status { border: 2pt solid #333; padding: 3mm 4mm; margin: 0 0 6mm; }
.status--draft { border-color: #a00000; }
.status strong { font: bold 12pt "DejaVu Sans"; }
.status p { margin: 1.5mm 0; }
.status--draft strong { color: #a00000; }
.about { font-size: 9.5pt; }
.contents { break-after: page; }
.contents h2 { bookmark-level: 1; }
.contents ol { list-style: none; padding: 0; }
.contents li { margin: 0 0 2mm; }
.contents a::after { content: leader(".") target-counter(attr(href), page); }
.contents .span { color: #333; font-size: 9pt; }
.section h2 { font-size: 15pt; margin: 8mm 0 3mm; bookmark-level: 1;
  bookmark-label: attr(data-bookmark); break-after: avoid; }
.section:first-of-type h2 { margin-top: 0; }
.clause { margin: 0 0 5mm; break-inside: avoid; }
.clause-head { display: flex; justify-content: space-between; align-items: baseline;
  border-top: 0.5pt solid #999; padding-top: 1.5mm; break-after: avoid; }
.clause-head h3 { font-size: 11pt; margin: 0; bookmark-level: 2;
  bookmark-label: attr(data-bookmark); }
.clause-url { font: 7pt "DejaVu Sans Mono"; color: #333; }
.clause-text p { margin: 1.5mm 0; }
.items { list-style: none; padding: 0 0 0 8mm; margin: 1.5mm 0; }
.items li { display: flex; gap: 2mm; margin: 0 0 1mm; }
.items li p { margin: 0; }
.smc-refs, .guidance, .smc-provenance { font-size: 9pt; margin: 1.5mm 0; }
.smc-provenance { color: #333; font-style: italic; }
.smc-provenance--reconstructed { border-left: 2pt solid #8a5a00; padding-left: 2mm; }
.smc-provenance--reconstructed strong { font-style: normal; }
.guidance ul { margin: 0.5mm 0; padding-left: 5mm; }
.guidance .address { font: 7.5pt "DejaVu Sans Mono"; }
.removed { break-before: page; }
.removed h2 { bookmark-level: 1; }
"""


def _xref(ctx: PdfContext) -> inline.XRefRenderer:
    def render(key: str) -> str:
        target = ctx.version.targets[key]
        return f'<a href="#{escape(target.anchor)}">{escape(target.label)}</a>'
    return render


def _bookmark(number: str, clause: NumberedClause, ctx: PdfContext) -> str:
    words = inline.render_plain(clause.text, lambda k: ctx.version.targets[k].label)
    words = " ".join(words.split())
    short = words if len(words) <= 60 else words[:57].rsplit(" ", 1)[0] + "…"
    return f"{number} {short}"


def _guidance(ctx: PdfContext, clause: NumberedClause) -> str:
    if not clause.clause.guidance:
        return ""
    entries = []
    for gid in clause.clause.guidance:
        g = ctx.code.guidance[gid]
        address = g.url or urls.absolute(ctx.site_url, f"guidance/#{g.id}")
        entries.append(f"<li>{escape(g.title)} ({escape(g.publisher)}): {escape(g.summary)} "
                       f'<a class="address" href="{escape(address)}">{escape(address)}</a></li>')
    return (f'<div class="guidance"><p><strong>Further guidance</strong></p>'
            f"<ul>{''.join(entries)}</ul></div>")


def _item(ctx: PdfContext, item: NumberedItem) -> str:
    return (f'<li id="{item.target.anchor}"><span class="letter">({item.letter})</span> '
            f"<div>{inline.render(item.text, _xref(ctx))}</div></li>")


def _clause(ctx: PdfContext, clause: NumberedClause) -> str:
    number = clause.number
    url = ctx.online(clause.target.anchor)
    items = ""
    if clause.items:
        items = f'<ol class="items">{"".join(_item(ctx, i) for i in clause.items)}</ol>'
    return (f'<div class="clause" id="{escape(clause.key)}">'
            f'<div class="clause-head"><h3 id="{clause.target.anchor}" '
            f'data-bookmark="{escape(_bookmark(number, clause, ctx))}">{number}</h3>'
            f'<a class="clause-url" href="{escape(url)}">{escape(url)}</a></div>'
            f'<div class="clause-text">{inline.render(clause.text, _xref(ctx))}{items}</div>'
            f"{render_refs(ctx, clause)}{_guidance(ctx, clause)}"
            f"{render_provenance(ctx, clause)}</div>")


def _section(ctx: PdfContext, section: NumberedSection) -> str:
    label = f"{section.target.number} {section.title}"
    return (f'<section class="section" id="{escape(section.section.key)}">'
            f'<h2 id="{section.target.anchor}" data-bookmark="{escape(label)}">'
            f"{section.target.number} {escape(section.title)}</h2>"
            f"{''.join(_clause(ctx, c) for c in section.clauses)}</section>")


def _contents(version: NumberedVersion) -> str:
    rows = []
    for section in version.sections:
        rows.append(f'<li><a href="#{section.target.anchor}">{section.target.number} '
                    f'{escape(section.title)} <span class="span">({section.span})</span></a></li>')
    return f'<nav class="contents"><h2>Contents</h2><ol>{"".join(rows)}</ol></nav>'


def _cover(ctx: PdfContext, council: str) -> str:
    v = ctx.version.version
    approved = "Prepared for" if v.status is Status.draft else "Approved by"
    when = "Meeting date" if v.status is Status.draft else "Date approved"
    status = printed_status(ctx.code, ctx.version)
    rows = [("Status", status), (approved, v.body), (when, long_date(v.date))]
    if v.superseded_on:
        rows.append(("Superseded on", long_date(v.superseded_on)))
    previous = ctx.code.previous(v.id)
    if previous:
        rows.append(("Replaces", f"version {previous.id}"))
    online = ctx.online()
    dl = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(val)}</dd></div>" for k, val in rows)
    return (f'<section class="cover"><p class="council">{escape(council)}</p>'
            f"<h1>{escape(ctx.code.title)}</h1>"
            f'<p class="version">Version {escape(v.id)}</p>'
            f'<div class="status status--{v.status.value}"><p class="status-title"><strong>'
            f"{escape(status)}</strong></p>"
            f"<p>{escape(status_text(ctx.code, ctx.version))}</p>"
            f"<p>{escape(v.summary)}</p></div>"
            f"<dl>{dl}<div><dt>Online</dt>"
            f'<dd><a href="{escape(online)}">{escape(online)}</a></dd></div></dl>'
            f'<div class="about"><p>Sections and clauses are numbered as on the web page. '
            f"Beside each clause is its address online; a committee paper can cite the clause "
            f"by its number and that address.</p><p>The wording of each clause says where it "
            f"comes from: quoted in {escape(ctx.code.source_document)}, reconstructed from "
            f"that report's description, or new wording in this version.</p></div></section>")


def _removed(ctx: PdfContext) -> str:
    removed = ctx.version.version.removed
    previous = ctx.code.previous(ctx.version.id)
    if not removed or previous is None:
        return ""
    rows = []
    for r in removed:
        target = previous.targets.get(r.key)
        number = f"Clause {target.number} of version {previous.id}" if target else r.key
        rows.append(f"<li><strong>{escape(number)}</strong> ({escape(r.key)}): "
                    f"{escape(r.reason)}</li>")
    return (f'<section class="removed"><h2>Left out of this version</h2>'
            f"<ul>{''.join(rows)}</ul></section>")


def version_html(code: Code, version: NumberedVersion, site_url: str, council: str) -> str:
    """The whole PDF source of one version: HTML with its print stylesheet."""
    ctx = PdfContext(code, version, urls.version_path(version.id), site_url)
    v = version.version
    status = printed_status(code, version)
    running = f"{code.title}, version {v.id}"
    mark = status.upper() if v.status is Status.draft else status
    page_css = PAGE_CSS % {"running": css_string(running), "status": css_string(mark),
                           "online": css_string(ctx.online())}
    if v.status is Status.draft:
        page_css += DRAFT_CSS
    sections = "".join(_section(ctx, s) for s in version.sections)
    title = document_title(council, code, version)
    return (f'<!DOCTYPE html><html lang="{LANG}"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title>"
            f'<meta name="author" content="{escape(council)}">'
            f'<meta name="description" content="{escape(v.summary)}">'
            f'<meta name="keywords" content="social media, code of conduct, councillors">'
            f"<style>{page_css}{PRINT_CSS}</style></head>"
            f'<body class="status-{v.status.value}">{_cover(ctx, council)}'
            f"{_contents(version)}<main>{sections}{_removed(ctx)}</main></body></html>")


def render_pdf(html: str) -> bytes:
    """PDF bytes of `html`, tagged as PDF/UA-1, with an identifier from its content.

    The identifier is derived from the HTML so the same Code gives the same file.
    """
    try:
        from weasyprint import HTML  # imported here: loading WeasyPrint takes a while
    except OSError as err:  # WeasyPrint loads Pango when imported
        raise PdfUnavailable(
            f"cannot make the PDF downloads: WeasyPrint could not load Pango ({err}). Fix: "
            "install it (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            "libharfbuzz-subset0 fonts-dejavu-core)") from None

    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    return HTML(string=html, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=identifier, uncompressed_pdf=False
    )


def version_pdf(code: Code, version: NumberedVersion, site_url: str, council: str) -> bytes:
    return render_pdf(version_html(code, version, site_url, council))
