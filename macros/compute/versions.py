"""The versions side by side: status words, labels, navigation entries and plain version links.

Without JavaScript the choice of version is a plain list of links on every version page,
and each clause links to itself in the other versions; the theme's selector, which offers
the same choice in the header, is set up by `macros.adapters.material`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from macros.compute import urls
from macros.compute.changelog import Changelog, VersionChanges
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.model.dates import long_date
from macros.model.records import Status


def status_words(code: Code, version: NumberedVersion) -> str:
    """'draft, not adopted', 'in force' or 'superseded': said wherever a version is named."""
    status = version.version.status
    if status is Status.draft:
        return "draft, not adopted"
    if status is Status.superseded:
        return "superseded"
    return "in force" if code.current and code.current.id == version.id else "adopted"

def status_text(code: Code, version: NumberedVersion) -> str:
    """One plain sentence saying whether a version is in force."""
    v = version.version
    current = code.current
    if v.status is Status.draft:
        in_force = f" Version {current.id} is in force." if current else " No version is in force."
        return (f"Draft: version {v.id} has not been adopted. It was prepared for the "
                f"{v.body} on {long_date(v.date)}.{in_force}")
    if v.status is Status.superseded:
        later = f" Version {current.id} is in force." if current else ""
        ended = f" on {long_date(v.superseded_on)}" if v.superseded_on else ""
        return (f"Superseded{ended}: version {v.id} is no longer in force. It was approved "
                f"by the {v.body} on {long_date(v.date)}.{later}")
    return f"In force: version {v.id} was approved by the {v.body} on {long_date(v.date)}."


def status_heading(code: Code, version: NumberedVersion) -> str:
    """`status_words` as a heading or label: 'Draft, not adopted', 'In force', 'Superseded'."""
    words = status_words(code, version)
    return words[:1].upper() + words[1:]


def printed_status(code: Code, version: NumberedVersion) -> str:
    """On paper a draft says so in capitals, 'DRAFT, not adopted'; otherwise the heading."""
    heading = status_heading(code, version)
    if version.version.status is not Status.draft:
        return heading
    word, comma, rest = heading.partition(",")
    return word.upper() + comma + rest


def version_label(code: Code, version: NumberedVersion) -> str:
    """'Version 2.0 (draft, not adopted)'."""
    return f"Version {version.id} ({status_words(code, version)})"


def nav_title(code: Code, version: NumberedVersion) -> str:
    """A version's title in the navigation, with its status and date."""
    v = version.version
    if v.status is Status.draft:
        return f"Version {v.id} (draft for {long_date(v.date)})"
    return f"Version {v.id} ({status_words(code, version)}, adopted {long_date(v.date)})"


@dataclass(frozen=True, slots=True)
class NavEntry:
    """One page of the navigation: its title and its source path."""

    title: str
    src_uri: str


def nav_entries(code: Code) -> list[NavEntry]:
    """The Code's pages for the navigation: in force, each version newest first, changes."""
    entries = []
    if code.current:
        entries.append(NavEntry("The Code in force", f"{urls.current_path()}index.md"))
    entries.extend(NavEntry(nav_title(code, v), f"{urls.version_path(v.id)}index.md")
                   for v in reversed(code.versions))
    if len(code.versions) > 1:
        entries.append(NavEntry("What changed", f"{urls.changes_path()}index.md"))
    return entries


def render_version_list(code: Code, version: NumberedVersion | None, page: str) -> str:
    """Every version as a plain link, this one marked, and what changed since the last one.

    Works without JavaScript; the theme's selector offers the same choice in the header.
    """
    items = []
    for other in reversed(code.versions):
        label = escape(version_label(code, other))
        if version is not None and other.id == version.id and page == urls.version_path(other.id):
            items.append(f'<li aria-current="page"><strong>{label}</strong> (this page)</li>')
        else:
            href = escape(urls.relative(page, urls.version_path(other.id)))
            items.append(f'<li><a href="{href}">{label}</a></li>')
    return (f'<nav class="smc-versions" aria-label="Versions of the Code">'
            f'<p class="smc-versions__title">Versions of this Code</p><ul>{"".join(items)}</ul>'
            f"{_changed_note(code, version, page, code.changelog)}</nav>")


def _changed_note(code: Code, version: NumberedVersion | None, page: str,
                  changelog: Changelog) -> str:
    if version is None:
        return ""
    notes = []
    here = changelog.for_version(version.id)
    if here:
        notes.append(_summary_link(code, here.version, here.previous.id, page, changelog,
                                   f"What changed since version {here.previous.id}"))
    index = code.versions.index(version)
    following = code.versions[index + 1] if index + 1 < len(code.versions) else None
    if following is not None:
        notes.append(_summary_link(code, following, version.id, page, changelog,
                                   f"What {version_label(code, following).lower()} changes"))
    return "".join(f'<p class="smc-versions__changed">{n}</p>' for n in notes)


def _summary_link(code: Code, version: NumberedVersion, since: str, page: str,
                  changelog: Changelog, text: str) -> str:
    changes = changelog.versions[version.id]
    href = escape(urls.relative(page, urls.anchored(urls.changes_path(),
                                                    changes_anchor(version.id))))
    return f'<a href="{href}">{escape(text)}</a>: {escape(count_sentence(changes))}'


def changes_anchor(version_id: str) -> str:
    """The anchor of a version's entry on the changes page."""
    return f"changes-{version_id}"


def count_sentence(changes: VersionChanges) -> str:
    """'3 clauses added, 2 removed, 4 reworded, 5 moved or renumbered.'"""
    parts = [
        (len(changes.added), "added"),
        (len(changes.removed), "removed"),
        (len(changes.reworded), "reworded"),
        (len(changes.moved_or_renumbered), "moved or renumbered"),
    ]
    said = [f"{n} {what}" for n, what in parts]
    first = said[0].split(" ", 1)
    said[0] = f"{first[0]} clause{'s' if first[0] != '1' else ''} {first[1]}"
    return ", ".join(said) + "."


def render_clause_versions(code: Code, version_id: str, key: str, page: str) -> str:
    """A clause's lasting history link, and the same clause in the other versions."""
    history = code.changelog.histories.get(key)
    if history is None:
        return ""
    links = [f'<a class="smc-clause__history" href="'
             f'{escape(urls.relative(page, urls.history_path(key)))}">History of this clause</a>']
    for entry in history.entries:
        other = entry.placed.version
        if other.id == version_id:
            continue
        href = urls.relative(page, urls.anchored(urls.version_path(other.id), key))
        links.append(f'<a href="{escape(href)}">clause {entry.placed.number} in version '
                     f"{escape(other.id)} ({status_words(code, other)})</a>")
    if history.removed_in is not None:
        links.append(f"removed in version {escape(history.removed_in.id)}")
    return " · ".join(["", *links])


def render_newer_drafts(code: Code, page: str) -> str:
    """On the short path: each draft newer than the version in force, and what it would change."""
    current = code.current
    if current is None:
        return ""
    newer = code.versions[code.versions.index(current) + 1:]
    notes = []
    for draft in (v for v in newer if v.version.status is Status.draft):
        href = escape(urls.relative(page, urls.version_path(draft.id)))
        v = draft.version
        changes = code.changelog.for_version(draft.id)
        what = ""
        if changes is not None:
            what = " " + _summary_link(code, draft, changes.previous.id, page, code.changelog,
                                       "What it would change")
        notes.append(f'<p class="smc-newer-draft"><strong>A newer draft exists.</strong> '
                     f'<a href="{href}">Version {escape(draft.id)}</a>, prepared for the '
                     f"{escape(v.body)} on {escape(long_date(v.date))}, has not been adopted; "
                     f"version {escape(current.id)} remains in force.{what}</p>")
    return "".join(notes)
