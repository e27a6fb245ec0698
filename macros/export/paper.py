"""The committee paper of each version's changes: a "tracked changes" PDF, rendered by WeasyPrint.

For every version after the first, the paper shows what `changes/` shows of it, from the
same view data (`macros.render.changes_page.version_changes`): the clauses added and removed,
with their wording; rewording as a word-by-word redline; the clauses moved or renumbered; and
each change's reason with the consultation comments it answers, by topic and id. A deletion
is struck through and printed inside "[deleted: ...]", an insertion underlined and printed
inside "[inserted: ...]", so that a page printed in greyscale and a screen reader both tell
them apart. The cover names the council, the Code, the two versions, the later version's
status and its meeting or approval date, counts the changes and says how to read the marks.

The paper is laid out by `macros/render/templates/paper/`, whose templates extend the changes
page's own (`change-entry`, `reason`, `moves-table`) and include the shared parts (`wording`,
`number-change`, `redline`, the PDF's status box); the page margins (the changes and the
status at the top of every page, "Page X of Y" at the foot), the fonts and a draft's DRAFT
mark come from the version PDF's stylesheet, `pdf/print.css.jinja`. Like the version PDFs it
is tagged PDF/UA-1, with its language and title.

Links are written from the site's root and made full addresses by the document's base
address (`<base href>`), so every link in the PDF leads to the site.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.compute import urls
from macros.compute.changelog import VersionChanges
from macros.compute.code import Code
from macros.compute.diff import Run, Word, redline, redline_paragraphs
from macros.compute.versions import (
    Replacement,
    VersionStatus,
    changes_anchor,
    printed_status,
    replaced_by,
    version_label,
    version_status,
)
from macros.export.pdf import LANG, css_text, render_pdf
from macros.model.dates import long_date
from macros.render.changes_page import version_changes
from macros.render.environment import Templates

SITE_ROOT = ""  # the page the paper's links are written from; `base` makes them full


class PaperDocument(NamedTuple):
    """The paper's head and page margins (`paper/document.html.jinja`, `pdf/print.css.jinja`)."""

    lang: str
    title: str
    council: str
    summary: str
    base: str  # the site's address: the links, written from its root, lead there
    status: VersionStatus  # of the later version
    running: str  # CSS string: the Code and the two versions, at the top of every page
    mark: str  # CSS string: the later version's status, at the top of every page
    online: str  # CSS string: the changes' address, at the foot of every page


class PaperCover(NamedTuple):
    """The paper's first page (`paper/cover.html.jinja`, `paper/how-to-read.html.jinja`)."""

    council: str
    title: str  # the Code's
    heading: str  # 'Changes from version 1.0 to version 2.0'
    version: str
    previous: str
    previous_label: str  # 'Version 1.0 (in force)'
    status: VersionStatus  # of the later version
    body: str  # the body that approved it, or that a draft is prepared for
    date: str  # the meeting, or the approval, in words
    unchanged: int  # clauses as they were
    online: str  # the changes on the web, in full
    consultation: str | None  # the consultation record, in full, when there is one
    example: tuple[tuple[Run, ...], ...]  # a small redline, to show the marks
    replaced_by: Replacement | None = None  # a replaced draft's: the version adopted instead


def paper_title(council: str, code: Code, changes: VersionChanges) -> str:
    """The PDF's title: council, Code, the two versions and the later one's status."""
    return (f"{council}: {code.title}, changes from version {changes.previous.id} to version "
            f"{changes.version.id} ({printed_status(code, changes.version)})")


def _example() -> tuple[tuple[Run, ...], ...]:
    """'Be [deleted: polite] [inserted: courteous] online.', as the redline shows it."""
    def words(text: str) -> tuple[Word, ...]:
        return tuple(Word(word, word) for word in text.split())

    return redline_paragraphs(redline(words("Be polite online."), words("Be courteous online.")))


def _cover(code: Code, changes: VersionChanges, council: str, status: VersionStatus,
           site_url: str) -> PaperCover:
    v = changes.version.version
    consultation = (urls.absolute(site_url, urls.CONSULTATION_PATH)
                    if code.consultation is not None else None)
    return PaperCover(
        council, code.title,
        f"Changes from version {changes.previous.id} to version {v.id}", v.id,
        changes.previous.id, version_label(code, changes.previous), status, v.body,
        long_date(v.status_date), changes.unchanged, _online(site_url, changes), consultation,
        _example(), replaced_by(code, changes.version, lambda path: urls.absolute(site_url, path)))


def _online(site_url: str, changes: VersionChanges) -> str:
    return urls.absolute(site_url, urls.anchored(urls.changes_path(),
                                                 changes_anchor(changes.version.id)))


def paper_html(templates: Templates, code: Code, changes: VersionChanges, site_url: str,
               council: str) -> Markup:
    """The whole PDF source of the paper of `changes`: HTML with its print stylesheet."""
    version = changes.version
    status = version_status(code, version)
    printed = (status.printed.upper() if not version.version.status.approved
               else status.printed)
    document = PaperDocument(
        LANG, paper_title(council, code, changes), council,
        f"What changed from version {changes.previous.id} to version {version.id} of the "
        f"{code.title}, and why.",
        urls.absolute(site_url, SITE_ROOT), status,
        css_text(f"{code.title}: changes from version {changes.previous.id} to "
                 f"{version.id}"),
        css_text(f"Version {version.id}: {printed}"), css_text(_online(site_url, changes)))
    return templates.render("paper/document.html.jinja", document=document,
                            cover=_cover(code, changes, council, status, site_url),
                            changes=version_changes(templates, code, changes, SITE_ROOT))


def changes_pdf(templates: Templates, code: Code, changes: VersionChanges, site_url: str,
                council: str) -> bytes:
    """The paper of `changes` as PDF bytes."""
    return render_pdf(paper_html(templates, code, changes, site_url, council))
