"""Each version of the Code as a PDF for committee agendas, rendered by WeasyPrint.

The PDF is laid out from the numbered Code (not from a web page) by the templates
of `macros/render/templates/pdf/`, which extend the web page's own section, clause
and contents templates, with a small print stylesheet (`pdf/print.css.jinja`): a
cover with the version's status and approval, the contents, then every section and
clause with the same numbers and anchors as the web page and each clause's
versioned URL beside it. Drafts carry a DRAFT mark on every page. The file is
tagged (PDF/UA-1) with its language and title.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.compute.versions import (
    Replacement,
    VersionStatus,
    printed_status,
    replaced_by,
    version_status,
)
from macros.model.dates import long_date
from macros.render.code_page import PageContext, SectionView, sections
from macros.render.environment import Templates
from macros.render.print_running import css_string

LANG = "en-GB"


@dataclass(frozen=True, slots=True)
class PdfContext(PageContext):
    """Links inside the PDF point at the PDF's own anchors."""

    def link(self, anchor: str) -> str:
        """An anchor of this version, inside the PDF."""
        return f"#{anchor}"


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot run here; the message says what to install."""


def document_title(council: str, code: Code, version: NumberedVersion) -> str:
    """The PDF's title: council, Code, version and its status."""
    return f"{council}: {code.title}, version {version.id} ({printed_status(code, version)})"


def css_text(text: str) -> str:
    """`text` as a CSS string that cannot end the stylesheet it is written in."""
    return css_string(text).replace("<", "\\3c ")


class PdfDocument(NamedTuple):
    """The PDF's head and page margins (`pdf/document.html.jinja`, `pdf/print.css.jinja`)."""

    lang: str
    title: str
    council: str
    summary: str
    status: VersionStatus
    running: str  # CSS string: the Code's title and version, at the top of every page
    mark: str  # CSS string: its status, at the top of every page
    online: str  # CSS string: its address, at the foot of every page


class Cover(NamedTuple):
    """The PDF's first page (`pdf/cover.html.jinja`)."""

    council: str
    title: str
    version: str
    status: VersionStatus
    body: str  # the body that approved it, or that a draft is prepared for
    date: str  # the date approved, or of the meeting a draft was prepared for, in words
    superseded_on: str | None
    replaces: str | None  # the id of the version before
    replaced_by: Replacement | None  # for a replaced draft: the version adopted in its place
    online: str


class PdfVersion(NamedTuple):
    """What the PDF's contents and sections show (as a version page's `version`)."""

    id: str
    sections: tuple[SectionView, ...]


class RemovedClause(NamedTuple):
    """A clause of the version before that this version leaves out (`pdf/removed.html.jinja`)."""

    key: str
    number: str | None  # its number in the version before
    version: str  # the version before
    reason: str


def _cover(ctx: PdfContext, council: str, status: VersionStatus) -> Cover:
    v = ctx.version.version
    previous = ctx.code.previous(v.id)
    return Cover(council, ctx.code.title, v.id, status, v.body, long_date(v.status_date),
                 long_date(v.superseded_on) if v.superseded_on else None,
                 previous.id if previous else None,
                 replaced_by(ctx.code, ctx.version, lambda path: urls.absolute(ctx.site_url, path)),
                 ctx.online())


def _removed(ctx: PdfContext) -> tuple[RemovedClause, ...]:
    previous = ctx.code.previous(ctx.version.id)
    if previous is None:
        return ()
    removed = []
    for r in ctx.version.version.removed:
        target = previous.targets.get(r.key)
        removed.append(RemovedClause(r.key, target.number if target else None, previous.id,
                                     r.reason))
    return tuple(removed)


def version_html(templates: Templates, code: Code, version: NumberedVersion, site_url: str,
                 council: str) -> Markup:
    """The whole PDF source of one version: HTML with its print stylesheet."""
    ctx = PdfContext(code, version, urls.version_path(version.id), site_url)
    v = version.version
    status = version_status(code, version)
    mark = status.printed.upper() if not v.status.approved else status.printed
    document = PdfDocument(LANG, document_title(council, code, version), council, v.summary,
                           status, css_text(f"{code.title}, version {v.id}"), css_text(mark),
                           css_text(ctx.online()))
    return templates.render("pdf/document.html.jinja", document=document,
                            cover=_cover(ctx, council, status),
                            version=PdfVersion(version.id, sections(ctx)),
                            removed=_removed(ctx))


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
    pdf: bytes = HTML(string=html, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=identifier, uncompressed_pdf=False
    )
    return pdf


def version_pdf(templates: Templates, code: Code, version: NumberedVersion, site_url: str,
                council: str) -> bytes:
    """The PDF of one version."""
    return render_pdf(version_html(templates, code, version, site_url, council))
