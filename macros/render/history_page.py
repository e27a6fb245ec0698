"""A clause's history page (`clause/KEY/`): the clause in every version that has it.

The page is the clause's lasting address: it needs no fragment, so it works
without JavaScript, and it survives renumbering and removal. For each version
it shows the clause's number, links to both of its anchors there, its wording,
how it changed from the version before (redline, reason, comments answered), and the
members' comments of every round about it or that it answers.
`history.html.jinja` lays out the page and `history-entry.html.jinja` each version,
with the parts the changelog page also uses.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.compute import urls
from macros.compute.changelog import ClauseChange, ClauseHistory, HistoryEntry
from macros.compute.citation import clause_citation
from macros.compute.code import Code
from macros.compute.consultation import ClauseComments, clause_comments
from macros.compute.versions import version_label
from macros.compute.views import Link
from macros.model.inline import render_plain
from macros.render.changes_page import (
    NumberChange,
    Paragraphs,
    Reason,
    Wording,
    number_change,
    reason,
    redline,
    wording,
)
from macros.render.environment import Templates


class Change(NamedTuple):
    """How the clause got to a version from the one before."""

    new: bool  # new in this version
    number_change: NumberChange | None
    redline: Paragraphs | None
    reason: Reason | None


class Entry(NamedTuple):
    """The clause in one version."""

    version: str
    number: str
    heading: str  # 'Version 2.0 (draft, not adopted): clause 3.2'
    by_number: Link  # its anchor by number in that version, the address shown in full
    by_key: Link  # its anchor by key, which follows it between versions
    wording: Wording
    change: Change | None  # None when it is unchanged, or in the first version
    unchanged_from: str | None  # the version before, when it is unchanged from it
    unchanged: bool  # unchanged from the version before, though a reason was not needed
    comments: tuple[ClauseComments, ...]  # round by round, comments about it or it answers
    citation: str  # the clause in that version, cited in one line


class Removal(NamedTuple):
    """The version that leaves a clause out, and why."""

    version: str
    heading: str  # 'Version 3.0 (draft, not adopted): removed'
    reason: Reason | None


def history_title(history: ClauseHistory) -> str:
    """'History of clause 3.2 (version 2.0): It is recommended that…' from the latest wording,
    so the title names the clause as a reader would cite it."""
    latest = history.latest
    text = render_plain(latest.clause.text, lambda key: key)
    words = text.split()
    opening = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return (f"History of clause {latest.clause.number} (version {latest.version.id}): "
            f"{opening}")


def _shown(site_url: str, path: str) -> str:
    """The address to print: full when the site's address is known."""
    return urls.absolute(site_url, path) if site_url else path


def _change(code: Code, change: ClauseChange, page: str) -> Change:
    return Change(change.added, number_change(change), redline(change),
                  reason(code, change, page))


def _entry(templates: Templates, code: Code, entry: HistoryEntry, page: str,
           site_url: str, council: str) -> Entry:
    placed = entry.placed
    vid = placed.version.id
    path = urls.version_path(vid)
    by_number = urls.anchored(path, placed.clause.target.anchor)
    by_key = urls.anchored(path, placed.clause.key)
    change, unchanged_from, unchanged = None, None, False
    if entry.change is None:
        # Changes list every clause that is new or differs, so this one is as it was.
        previous = code.previous(vid)
        unchanged_from = previous.id if previous is not None else None
    elif entry.change.changed or entry.change.reason:
        change = _change(code, entry.change, page)
    else:
        unchanged = True
    heading = f"{version_label(code, placed.version)}: clause {placed.number}"
    return Entry(vid, placed.number, heading,
                 Link(urls.relative(page, by_number), _shown(site_url, by_number)),
                 Link(urls.relative(page, by_key), _shown(site_url, by_key)),
                 wording(templates, placed, page), change, unchanged_from, unchanged,
                 clause_comments(code.consultation, vid, placed.clause.key, page),
                 clause_citation(council, code.title, placed.version, placed.number,
                                 placed.clause.target.anchor, site_url))


def render_history(templates: Templates, code: Code, key: str, page: str,
                   site_url: str = "", council: str = "") -> Markup:
    """The whole body of the history page of the clause `key`.

    With `site_url`, the versioned links are printed as full addresses to copy; `council`
    names the publisher in each version's citation.
    """
    history = code.changelog.histories[key]
    removal = None
    if history.removed_in is not None and history.removal is not None:
        removal = Removal(history.removed_in.id,
                          f"{version_label(code, history.removed_in)}: removed",
                          reason(code, history.removal, page))
    return templates.render(
        "history.html.jinja", key=key, address=_shown(site_url, urls.history_path(key)),
        entries=[_entry(templates, code, e, page, site_url, council)
                 for e in history.entries],
        removal=removal)
