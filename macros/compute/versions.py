"""The versions side by side: status words, labels, navigation entries and plain version links.

Without JavaScript the choice of version is a plain list of links on every version page,
and each clause links to itself in the other versions; the theme's selector, which offers
the same choice in the header, is set up by `macros.adapters.material`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from macros.compute import urls
from macros.compute.changelog import VersionChanges
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.model.dates import long_date
from macros.model.records import Status


def replacement(code: Code, version: NumberedVersion) -> NumberedVersion | None:
    """The version adopted in place of a replaced draft; None for any other version."""
    replaced_by = version.version.replaced_by
    if version.version.status is not Status.replaced or replaced_by is None:
        return None
    return next((v for v in code.versions if v.id == replaced_by), None)


class Replacement(NamedTuple):
    """The version adopted in place of a replaced draft, as its pages, PDF and JSON link it."""

    id: str
    href: str  # its page, from the page or file that links it
    body: str  # the body that approved it
    date: str  # the date approved, in words


def replaced_by(code: Code, version: NumberedVersion, href: Callable[[str], str]
                ) -> Replacement | None:
    """The version adopted in place of a replaced draft, linked by `href` (from a version's
    path to its address where the link is shown); None for any other version."""
    later = replacement(code, version)
    if later is None:
        return None
    return Replacement(later.id, href(urls.version_path(later.id)), later.version.body,
                       long_date(later.version.status_date))


def status_words(code: Code, version: NumberedVersion) -> str:
    """'draft, not adopted', 'in force', 'superseded' or 'not adopted, replaced by version
    2.1': said wherever a version is named."""
    v = version.version
    if v.status is Status.draft:
        return "draft, not adopted"
    if v.status is Status.replaced:
        return f"not adopted, replaced by version {v.replaced_by}"
    if v.status is Status.superseded:
        return "superseded"
    return "in force" if code.current and code.current.id == version.id else "adopted"


def _in_force(code: Code) -> str:
    current = code.current
    return f" Version {current.id} is in force." if current else " No version is in force."


def status_text(code: Code, version: NumberedVersion) -> str:
    """One plain sentence saying whether a version is in force."""
    v = version.version
    if v.status is Status.draft:
        return (f"Draft: version {v.id} has not been adopted. It was prepared for the "
                f"{v.body} on {long_date(v.status_date)}.{_in_force(code)}")
    if v.status is Status.replaced:
        later = replacement(code, version)
        prepared = (f"Not adopted as it stood: version {v.id} was prepared for the {v.body} on "
                    f"{long_date(v.status_date)}.")
        if later is None:
            return f"{prepared} Version {v.replaced_by} replaced it.{_in_force(code)}"
        adopted = (f" Version {later.id} was adopted in its place by the {later.version.body} "
                   f"on {long_date(later.version.status_date)}")
        if code.current is not None and code.current.id == later.id:
            return f"{prepared}{adopted}, and is in force."
        return f"{prepared}{adopted}.{_in_force(code)}"
    if v.status is Status.superseded:
        now = f" Version {code.current.id} is in force." if code.current else ""
        ended = f" on {long_date(v.superseded_on)}" if v.superseded_on else ""
        return (f"Superseded{ended}: version {v.id} is no longer in force. It was approved "
                f"by the {v.body} on {long_date(v.status_date)}.{now}")
    return (f"In force: version {v.id} was approved by the {v.body} on "
            f"{long_date(v.status_date)}.")


def status_heading(code: Code, version: NumberedVersion) -> str:
    """`status_words` as a heading or label: 'Draft, not adopted', 'In force', 'Superseded'."""
    words = status_words(code, version)
    return words[:1].upper() + words[1:]


def printed_status(code: Code, version: NumberedVersion) -> str:
    """On paper a draft says so in capitals, 'DRAFT, not adopted'; otherwise the heading."""
    heading = status_heading(code, version)
    if version.version.status is Status.replaced:
        return f"DRAFT, {heading[:1].lower()}{heading[1:]}"
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
        return f"Version {v.id} (draft for {long_date(v.status_date)})"
    if v.status is Status.replaced:
        return f"Version {v.id} ({status_words(code, version)})"
    return (f"Version {v.id} ({status_words(code, version)}, adopted "
            f"{long_date(v.status_date)})")


class NavEntry(NamedTuple):
    """One page of the navigation: its title and its source path."""

    title: str
    src_uri: str


def nav_entries(code: Code, in_force: str = "The Code in force") -> list[NavEntry]:
    """The Code's pages for the navigation: in force (titled `in_force`), each version newest
    first, changes."""
    entries = []
    if code.current:
        entries.append(NavEntry(in_force, f"{urls.current_path()}index.md"))
    entries.extend(NavEntry(nav_title(code, v), f"{urls.version_path(v.id)}index.md")
                   for v in reversed(code.versions))
    if len(code.versions) > 1:
        entries.append(NavEntry("What changed", f"{urls.changes_path()}index.md"))
    return entries


class VersionStatus(NamedTuple):
    """A version's standing, as the status box on its page and the PDF's cover show it."""

    id: str
    value: str  # "draft", "adopted", "superseded" or "replaced"
    heading: str  # 'Draft, not adopted', 'In force', 'Superseded'
    printed: str  # the heading on paper: 'DRAFT, not adopted'
    text: str  # one plain sentence: approved by whom and when, or prepared for
    summary: str  # the version's own summary


def version_status(code: Code, version: NumberedVersion) -> VersionStatus:
    """A version's standing, worded from its status and dates alone."""
    v = version.version
    return VersionStatus(v.id, v.status.value, status_heading(code, version),
                         printed_status(code, version), status_text(code, version), v.summary)


class VersionEntry(NamedTuple):
    """One version in the plain list of versions."""

    label: str  # 'Version 2.0 (draft, not adopted)'
    href: str  # from the page showing the list
    here: bool  # the page showing the list is this version's own page
    shown: bool  # the page shows this version (at its own path, or at the short path)


class ChangeSummary(NamedTuple):
    """A link to what changed into a version, with the counts."""

    version: str  # the version the changes made
    since: str  # the version before it
    label: str  # 'version 2.0 (draft, not adopted)'
    href: str
    counts: str  # '3 clauses added, 2 removed, 4 reworded, 5 moved or renumbered.'


class VersionList(NamedTuple):
    """Every version, newest first, and what changed into and out of the one shown."""

    entries: tuple[VersionEntry, ...]
    changed_since: ChangeSummary | None  # what this version changed from the one before
    next_changes: ChangeSummary | None  # what the next version changes in this one


def version_list(code: Code, version: NumberedVersion | None, page: str) -> VersionList:
    """Every version as a plain link, this one marked, and what changed since the last one.

    Works without JavaScript; the theme's selector offers the same choice in the header.
    """
    entries = tuple(
        VersionEntry(version_label(code, other), urls.relative(page, urls.version_path(other.id)),
                     version is not None and other.id == version.id
                     and page == urls.version_path(other.id),
                     version is not None and other.id == version.id)
        for other in reversed(code.versions))
    if version is None:
        return VersionList(entries, None, None)
    index = code.versions.index(version)
    following = code.versions[index + 1] if index + 1 < len(code.versions) else None
    return VersionList(entries, change_summary(code, version, page),
                       change_summary(code, following, page) if following else None)


def change_summary(code: Code, version: NumberedVersion, page: str) -> ChangeSummary | None:
    """What changed into `version`, linked from `page`; None for the first version."""
    changes = code.changelog.for_version(version.id)
    if changes is None:
        return None
    href = urls.relative(page, urls.anchored(urls.changes_path(), changes_anchor(version.id)))
    label = version_label(code, version)
    return ChangeSummary(version.id, changes.previous.id, label.lower(), href,
                         count_sentence(changes))


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


class OtherVersion(NamedTuple):
    """The same clause in another version."""

    href: str
    number: str  # its number there
    version: str
    status: str  # 'draft, not adopted', 'in force', ...


class ClauseVersions(NamedTuple):
    """A clause's lasting history link, the same clause in the other versions, and the
    version that removed it (if one did)."""

    history: str  # link to the clause's history page
    others: tuple[OtherVersion, ...]
    removed_in: str | None


def clause_versions(code: Code, version_id: str, key: str, page: str) -> ClauseVersions | None:
    """A clause's lasting history link, and the same clause in the other versions."""
    history = code.changelog.histories.get(key)
    if history is None:
        return None
    others = tuple(
        OtherVersion(urls.relative(page, urls.anchored(urls.version_path(entry.placed.version.id),
                                                       key)),
                     entry.placed.number, entry.placed.version.id,
                     status_words(code, entry.placed.version))
        for entry in history.entries if entry.placed.version.id != version_id)
    return ClauseVersions(urls.relative(page, urls.history_path(key)), others,
                          history.removed_in.id if history.removed_in is not None else None)


def worded_in(code: Code, version_id: str, key: str) -> str:
    """The first version whose clause `key` reads as it does in `version_id`: that version
    itself where the clause is new or reworded in it, or an earlier one it was copied from."""
    history = code.changelog.histories.get(key)
    entries = list(history.entries) if history else []
    at = next((i for i, e in enumerate(entries) if e.placed.version.id == version_id), None)
    if at is None:
        return version_id
    while at > 0:
        change = entries[at].change
        if change is not None and (change.old is None or change.reworded):
            break
        at -= 1
    return entries[at].placed.version.id
