"""HTML of the changelog page: for each version, what changed from the one before, and why.

Everything shown is computed by `changelog.build_changelog`; this module only
lays it out. Clause wording is rendered with the inline subset (escaped), and
each redline uses <del>/<ins> with the words "deleted"/"inserted" for screen
readers, so no change is shown by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from macros.compute import urls
from macros.compute.changelog import ClauseChange, Placed, VersionChanges
from macros.compute.code import Code
from macros.compute.diff import render_redline
from macros.compute.versions import changes_anchor, count_sentence, status_text, version_label
from macros.model import inline

REDLINE_KEY = ("In a redline, deleted words are struck through and marked “deleted”; "
               "inserted words are underlined and marked “inserted”.")


def render_wording(placed: Placed, page: str) -> str:
    """A clause's wording as it stands in its version, cross-references linked into it."""
    version = placed.version

    def xref(key: str) -> str:
        target = version.targets[key]
        href = urls.relative(page, urls.anchored(urls.version_path(version.id), target.anchor))
        return f'<a class="smc-xref" href="{escape(href)}">{escape(target.label)}</a>'

    clause = placed.clause
    items = "".join(f'<li><span class="smc-item__letter">({item.letter})</span> '
                    f'<div class="smc-item__text">{inline.render(item.text, xref)}</div></li>'
                    for item in clause.items)
    items_html = f'<ol class="smc-items">{items}</ol>' if items else ""
    return f'<div class="smc-wording">{inline.render(clause.text, xref)}{items_html}</div>'


def clause_link(placed: Placed, page: str, text: str | None = None) -> str:
    """A link to a clause by its number anchor in its version."""
    href = urls.relative(page, urls.anchored(urls.version_path(placed.version.id),
                                             placed.clause.target.anchor))
    label = text or f"clause {placed.number} of version {placed.version.id}"
    return f'<a href="{escape(href)}">{escape(label)}</a>'


def history_link(key: str, page: str) -> str:
    href = escape(urls.relative(page, urls.history_path(key)))
    return f'<a class="smc-history-link" href="{href}">History of this clause</a>'


def render_answers(code: Code, answers: Sequence[str], page: str) -> str:
    """Links to the consultation comments a change answers."""
    if not answers:
        return ""
    links = []
    for comment_id in answers:
        text = comment_id
        if code.consultation is not None:
            comment = code.consultation.comment(comment_id)
            text = f"{comment.member}: {comment.topic}"
        href = urls.relative(page, urls.comment_path(comment_id))
        links.append(f'<li><a href="{escape(href)}">{escape(text)}</a></li>')
    return (f'<div class="smc-answers"><p class="smc-answers__title">Answers these comments '
            f'from the consultation</p><ul>{"".join(links)}</ul></div>')


def render_reason(code: Code, change: ClauseChange, page: str) -> str:
    reason = change.explained
    if not reason:
        return ""
    return (f'<p class="smc-reason"><strong>Why:</strong> {escape(reason)}</p>'
            f"{render_answers(code, change.answers, page)}")


def number_change(change: ClauseChange) -> str:
    """'Renumbered: 2.3 → 2.4' (or 'Moved: ...'), '' if the number is the same."""
    if not (change.old and change.new) or not (change.moved or change.renumbered):
        return ""
    verb = "Moved" if change.moved else "Renumbered"
    old, new = change.old, change.new
    where = ""
    if old.section.section.key != new.section.section.key:
        where = f" (from section {old.section.target.number} {old.section.title} to section " \
                f"{new.section.target.number} {new.section.title})"
    return (f'<p class="smc-number-change">{verb}: clause {old.number} in version '
            f"{escape(old.version.id)} → clause {new.number} in version "
            f"{escape(new.version.id)}{escape(where)}.</p>")


def redline_block(change: ClauseChange) -> str:
    if not change.reworded:
        return ""
    return (f'<p class="smc-redline__title">Changes to the wording</p>'
            f"{render_redline(change.segments)}")


def _entry(code: Code, change: ClauseChange, page: str, kind: str) -> str:
    if kind == "removed":
        assert change.old is not None
        head = (f"{clause_link(change.old, page, _capital(change.old))} (removed)")
        body = (f"<p>Its wording in version {escape(change.old.version.id)}:</p>"
                f"{render_wording(change.old, page)}")
    else:
        assert change.new is not None
        was = ""
        if change.old and change.renumbered:
            was = f" (was clause {change.old.number} of version {escape(change.old.version.id)})"
        head = f"{clause_link(change.new, page, _capital(change.new))}{was}"
        if kind == "added":
            body = f"<p>New wording:</p>{render_wording(change.new, page)}"
        else:
            body = f"{number_change(change) if change.moved else ''}{redline_block(change)}"
    return (f'<li class="smc-change smc-change--{kind}">'
            f'<h4 class="smc-change__head">{head}</h4>'
            f"{body}{render_reason(code, change, page)}"
            f'<p class="smc-change__more">{history_link(change.key, page)}</p></li>')


def _capital(placed: Placed) -> str:
    return f"Clause {placed.number} of version {placed.version.id}"


def _moves_table(code: Code, changes: VersionChanges, page: str) -> str:
    """Old number to new number for every clause whose number or place changed."""
    rows = []
    for change in changes.moved_or_renumbered:
        assert change.old is not None and change.new is not None
        what = "moved" if change.moved else "renumbered"
        if change.reworded:
            what += " and reworded"
        rows.append(
            f"<tr><td>{clause_link(change.old, page, change.old.number)}</td>"
            f"<td>{clause_link(change.new, page, change.new.number)}</td>"
            f"<td>{escape(what)}</td><td>{escape(change.explained)} "
            f"{history_link(change.key, page)}</td></tr>")
    old, new = changes.previous.id, changes.version.id
    return (f'<table class="smc-moves"><caption>Clause numbers that changed from version '
            f"{escape(old)} to version {escape(new)}</caption><thead><tr>"
            f'<th scope="col">Version {escape(old)}</th><th scope="col">Version {escape(new)}'
            f'</th><th scope="col">Change</th><th scope="col">Why</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


GROUPS: tuple[tuple[str, str, Callable[[VersionChanges], tuple[ClauseChange, ...]]], ...] = (
    ("added", "Added", lambda c: c.added),
    ("removed", "Removed", lambda c: c.removed),
    ("reworded", "Reworded", lambda c: c.reworded),
    ("moved", "Moved or renumbered", lambda c: c.moved_or_renumbered),
)


def render_version_changes(code: Code, changes: VersionChanges, page: str) -> str:
    vid = changes.version.id
    anchor = changes_anchor(vid)
    counts = []
    groups = []
    for kind, title, pick in GROUPS:
        found = pick(changes)
        group_anchor = f"{anchor}-{kind}"
        counts.append(f'<li><a href="#{group_anchor}">{escape(title)}: {len(found)}</a></li>')
        if not found:
            listed = "<p>None.</p>"
        elif kind == "moved":
            listed = _moves_table(code, changes, page)
        else:
            entries = "".join(_entry(code, c, page, kind) for c in found)
            listed = f'<ol class="smc-change-list">{entries}</ol>'
        groups.append(f'<h3 id="{group_anchor}">{escape(title)} ({len(found)})</h3>{listed}')
    heading = (f"{version_label(code, changes.version)} compared with "
               f"{version_label(code, changes.previous).lower()}")
    return (f'<section class="smc-version-changes" id="{anchor}" '
            f'aria-labelledby="{anchor}-title">'
            f'<h2 id="{anchor}-title">{escape(heading)}</h2>'
            f"<p>{escape(status_text(code, changes.version))}</p>"
            f'<p class="smc-counts__sentence">{escape(count_sentence(changes))}</p>'
            f'<ul class="smc-counts" aria-label="Changes in version {escape(vid)}">'
            f'{"".join(counts)}</ul>{"".join(groups)}</section>')


def render_changelog(code: Code, page: str) -> str:
    """The whole changelog page, newest version first."""
    parts = [
        render_version_changes(code, changes, page)
        for v in reversed(code.versions)
        if (changes := code.changelog.for_version(v.id)) is not None
    ]
    intro = ("<p>Every change between versions of the Code, computed from the Code’s data: "
             "clauses added, removed, reworded, moved or renumbered, with the reason for each "
             "and the consultation comments it answers. "
             f"{escape(REDLINE_KEY)}</p>")
    if not parts:
        parts = ["<p>There is only one version, so nothing has changed yet.</p>"]
    return f'<div class="smc-changes">{intro}{"".join(parts)}</div>'
