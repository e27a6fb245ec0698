"""HTML of a clause's history page (`clause/<key>/`): the clause in every version that has it.

The page is the clause's lasting address: it needs no fragment, so it works
without JavaScript, and it survives renumbering and removal. For each version
it shows the clause's number, links to both of its anchors there, its wording,
and how it changed from the version before (redline, reason, comments answered).
"""

from __future__ import annotations

from html import escape

from macros.compute import urls
from macros.compute.changelog import ClauseHistory, HistoryEntry
from macros.compute.code import Code
from macros.compute.versions import version_label
from macros.model.inline import render_plain
from macros.render.changes_page import number_change, redline_block, render_reason, render_wording


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


def _anchor_links(entry: HistoryEntry, page: str, site_url: str) -> str:
    placed = entry.placed
    path = urls.version_path(placed.version.id)
    by_number = urls.anchored(path, placed.clause.target.anchor)
    by_key = urls.anchored(path, placed.clause.key)
    return (f'<p class="smc-history__links">Links: '
            f'<a href="{escape(urls.relative(page, by_number))}">'
            f"{escape(_shown(site_url, by_number))}</a> (by number) and "
            f'<a href="{escape(urls.relative(page, by_key))}">{escape(_shown(site_url, by_key))}'
            f"</a> (by key, follows the clause between versions)</p>")


def _entry(code: Code, entry: HistoryEntry, page: str, site_url: str) -> str:
    placed = entry.placed
    vid = placed.version.id
    change = ""
    if entry.change is None:
        # Changes list every clause that is new or differs, so this one is as it was.
        previous = code.previous(vid)
        if previous is not None:
            change = (f'<p class="smc-history__change">Unchanged from version '
                      f"{escape(previous.id)}.</p>")
    elif entry.change.changed or entry.change.reason:
        c = entry.change
        what = "New in this version." if c.added else ""
        change = (f'<div class="smc-history__change">{"<p>" + what + "</p>" if what else ""}'
                  f"{number_change(c)}{redline_block(c)}{render_reason(code, c, page)}</div>")
    else:
        change = '<p class="smc-history__change">Unchanged from the version before.</p>'
    heading = f"{version_label(code, placed.version)}: clause {placed.number}"
    return (f'<li><section id="version-{escape(vid)}" aria-labelledby="version-{escape(vid)}-h">'
            f'<h2 id="version-{escape(vid)}-h">{escape(heading)}</h2>'
            f"{_anchor_links(entry, page, site_url)}{render_wording(placed, page)}{change}"
            "</section></li>")


def render_history(code: Code, key: str, page: str, site_url: str = "") -> str:
    """The whole body of the history page of the clause `key`.

    With `site_url`, the versioned links are printed as full addresses to copy.
    """
    history = code.changelog.histories[key]
    entries = [_entry(code, e, page, site_url) for e in history.entries]
    if history.removed_in is not None and history.removal is not None:
        vid = history.removed_in.id
        heading = f"{version_label(code, history.removed_in)}: removed"
        entries.append(
            f'<li><section id="version-{escape(vid)}" aria-labelledby="version-{escape(vid)}-h">'
            f'<h2 id="version-{escape(vid)}-h">{escape(heading)}</h2>'
            f"<p>Version {escape(vid)} leaves this clause out.</p>"
            f"{render_reason(code, history.removal, page)}</section></li>")
    numbers = ", ".join(f"{e.placed.number} in version {e.placed.version.id}"
                        for e in history.entries)
    lasting = _shown(site_url, urls.history_path(key))
    intro = (f'<p class="smc-history__intro">This page is the lasting address of one clause '
             f"of the Code (key <code>{escape(key)}</code>), whatever its number: "
             f"{escape(numbers)}. Its address, {escape(lasting)}, never changes. To cite the "
             f"clause as it stands in one version, use that version’s link below.</p>")
    return f'<div class="smc-history">{intro}<ol class="smc-history__versions">' \
           f'{"".join(entries)}</ol></div>'
