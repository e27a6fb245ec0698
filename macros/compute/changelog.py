"""What changed between each version and the one before it, computed from the data.

For every version after the first, each clause is added, removed, reworded,
moved or renumbered (or unchanged), with the reason the data gives
(`Clause.change`, `Version.removed`) and the consultation comments it answers.
Everything is computed once per build from dicts keyed by clause key.

Rules that the data must follow (reported as problems, one line each):

- a clause that is new, reworded or moved needs a `change` with a `reason`;
- a clause that is only renumbered (because clauses before it were added,
  removed or moved) needs none: the changelog says why it was renumbered;
- an unchanged clause must not keep a `change` (usually copied by mistake
  from the previous version's file);
- every clause of the previous version that is left out is listed under
  `removed` with a reason, and `removed` lists only such clauses.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from macros.compute.diff import Segment, clause_words, redline, same_words
from macros.compute.numbering import NumberedClause, NumberedSection, NumberedVersion
from macros.load.kept import Kept
from macros.load.yamlfile import YamlDoc
from macros.model.problems import Problem, did_you_mean

RENUMBERED_ONLY = ("Renumbered only: sections or clauses before it were added, removed or "
                   "moved. Its wording is unchanged.")


class Placed(NamedTuple):
    """A clause as it stands in one version, with its section."""

    version: NumberedVersion
    section: NumberedSection
    clause: NumberedClause

    @property
    def number(self) -> str:
        """The clause's number in this version, e.g. '2.3'."""
        return self.clause.number


class ClauseChange(NamedTuple):
    """How one clause differs between a version and the one before it."""

    key: str
    old: Placed | None  # None: added in this version
    new: Placed | None  # None: removed in this version
    reworded: bool
    moved: bool  # into another section, or out of order with the clauses around it
    reason: str | None  # the data's reason; None only for an unchanged clause
    answers: tuple[str, ...]
    segments: tuple[Segment, ...]  # the redline, when reworded

    @property
    def added(self) -> bool:
        """Whether the clause is new in this version."""
        return self.old is None

    @property
    def removed(self) -> bool:
        """Whether this version leaves the clause out."""
        return self.new is None

    @property
    def renumbered(self) -> bool:
        """Whether the clause is in both versions under different numbers."""
        return bool(self.old and self.new and self.old.number != self.new.number)

    @property
    def changed(self) -> bool:
        """Whether the clause was added, removed, reworded, moved or renumbered."""
        return self.added or self.removed or self.reworded or self.moved or self.renumbered

    @property
    def explained(self) -> str:
        """The reason to show: the data's, or the computed one for a renumbering."""
        return self.reason or (RENUMBERED_ONLY if self.renumbered else "")


class VersionChanges(NamedTuple):
    """Every clause change from `previous` to `version`, in the order a reader meets them."""

    version: NumberedVersion
    previous: NumberedVersion
    clauses: tuple[ClauseChange, ...]  # changed clauses only: new order, then removals

    @property
    def added(self) -> tuple[ClauseChange, ...]:
        """The clauses new in this version."""
        return tuple(c for c in self.clauses if c.added)

    @property
    def removed(self) -> tuple[ClauseChange, ...]:
        """The clauses of the previous version that this one leaves out."""
        return tuple(c for c in self.clauses if c.removed)

    @property
    def reworded(self) -> tuple[ClauseChange, ...]:
        """The clauses whose wording changed."""
        return tuple(c for c in self.clauses if c.reworded)

    @property
    def moved_or_renumbered(self) -> tuple[ClauseChange, ...]:
        """The clauses that moved or only changed number."""
        return tuple(c for c in self.clauses if c.moved or c.renumbered)

    @property
    def unchanged(self) -> int:
        """How many clauses of this version are as they were in the previous one."""
        return len(self.version.clauses()) - len(self.clauses) + len(self.removed)


class HistoryEntry(NamedTuple):
    """A clause in one version, and how it got there from the version before."""

    placed: Placed
    change: ClauseChange | None  # None in the first version that has the clause


class ClauseHistory(NamedTuple):
    """One clause in every version that has it, and the version that removed it, if any."""

    key: str
    entries: tuple[HistoryEntry, ...]  # oldest first
    removal: ClauseChange | None  # set when a later version leaves the clause out
    removed_in: NumberedVersion | None  # the version that leaves it out

    @property
    def latest(self) -> Placed:
        """The clause as it stands in the newest version that has it."""
        return self.entries[-1].placed


class Changelog(NamedTuple):
    """What changed in each version, and each clause's history, for the whole Code."""

    versions: Mapping[str, VersionChanges]  # by id of the later version
    histories: Mapping[str, ClauseHistory]  # by clause key, in first-seen order

    def for_version(self, version_id: str) -> VersionChanges | None:
        """The changes into the version with this id; None for the first version."""
        return self.versions.get(version_id)


def _placed(version: NumberedVersion) -> dict[str, Placed]:
    return {c.key: Placed(version, s, c) for s in version.sections for c in s.clauses}


def _out_of_order(old_order: Sequence[str], new_order: Sequence[str]) -> set[str]:
    """Keys (in both orders) that moved relative to the others.

    The clauses kept in order are a longest increasing subsequence of old
    positions taken in the new order (O(n log n)); every other one moved.
    """
    old_index = {key: i for i, key in enumerate(old_order)}
    common = [key for key in new_order if key in old_index]
    tails: list[int] = []  # old positions ending increasing runs of each length
    tail_at: list[int] = []  # index into `common` of each tail
    parent = [-1] * len(common)
    for i, key in enumerate(common):
        pos = old_index[key]
        length = bisect_left(tails, pos)
        if length == len(tails):
            tails.append(pos)
            tail_at.append(i)
        else:
            tails[length] = pos
            tail_at[length] = i
        parent[i] = tail_at[length - 1] if length else -1
    kept: set[str] = set()
    i = tail_at[-1] if tail_at else -1
    while i != -1:
        kept.add(common[i])
        i = parent[i]
    return set(common) - kept


def _rewording(old: NumberedClause, previous: NumberedVersion, new: NumberedClause,
               version: NumberedVersion) -> tuple[bool, tuple[Segment, ...]]:
    """Whether the clause was reworded, and the redline if it was.

    Most clauses are written in the next version exactly as before; their words are then the
    same (cross-references compare by key), so they are not compared word by word.
    """
    if old.clause.text == new.clause.text and \
            [i.text for i in old.clause.items] == [i.text for i in new.clause.items]:
        return False, ()
    old_words = clause_words(old, previous)
    new_words = clause_words(new, version)
    if same_words(old_words, new_words):
        return False, ()
    return True, redline(old_words, new_words)


def compare(previous: NumberedVersion, version: NumberedVersion) -> VersionChanges:
    """The changes from `previous` to `version` (no checks: see `check`)."""
    old, new = _placed(previous), _placed(version)
    out_of_order = _out_of_order(list(old), [k for k in new if k in old])
    removal_of = {r.key: r for r in version.version.removed}
    changes: list[ClauseChange] = []
    for key, placed in new.items():
        change = placed.clause.clause.change
        reason, answers = (change.reason, change.answers) if change else (None, ())
        before = old.get(key)
        if before is None:
            changes.append(ClauseChange(key, None, placed, False, False, reason, answers, ()))
            continue
        reworded, segments = _rewording(before.clause, previous, placed.clause, version)
        moved = before.section.section.key != placed.section.section.key or key in out_of_order
        item = ClauseChange(key, before, placed, reworded, moved, reason, answers, segments)
        if item.changed or change:
            changes.append(item)
    for key, before in old.items():
        if key not in new:
            removal = removal_of.get(key)
            changes.append(ClauseChange(
                key, before, None, False, False, removal.reason if removal else None,
                removal.answers if removal else (), ()))
    return VersionChanges(version, previous, tuple(changes))


def build_changelog(versions: Sequence[NumberedVersion], kept: Kept | None = None) -> Changelog:
    """Compare each version with the one before, and gather each clause's history. With
    `kept`, two versions compared in the last build (the same objects) are not compared
    again."""
    by_version: dict[str, VersionChanges] = {}
    entries: dict[str, list[HistoryEntry]] = {}
    removals: dict[str, tuple[ClauseChange, NumberedVersion] | None] = {}
    previous: NumberedVersion | None = None
    for version in versions:
        changes = None
        if previous is not None:
            changes = (compare(previous, version) if kept is None else
                       kept.get(("compare", version.id), (previous, version),
                                functools.partial(compare, previous, version)))
        if changes:
            by_version[version.id] = changes
        change_of = {c.key: c for c in changes.clauses} if changes else {}
        for key, placed in _placed(version).items():
            entries.setdefault(key, []).append(HistoryEntry(placed, change_of.get(key)))
            removals[key] = None
        for change in changes.removed if changes else ():
            removals[change.key] = (change, version)
        previous = version
    histories = {}
    for key, found in entries.items():
        removal, removed_in = removals.get(key) or (None, None)
        histories[key] = ClauseHistory(key, tuple(found), removal, removed_in)
    return Changelog(MappingProxyType(by_version), MappingProxyType(histories))


def _clause_locs(version: NumberedVersion) -> dict[str, tuple[str | int, ...]]:
    return {
        clause.key: ("sections", s, "clauses", c)
        for s, section in enumerate(version.version.sections)
        for c, clause in enumerate(section.clauses)
    }


def check(changelog: Changelog, versions: Sequence[tuple[NumberedVersion, YamlDoc]]
          ) -> list[Problem]:
    """Problems with the reasons the data gives for its changes; one per clause."""
    problems: list[Problem] = []
    for index, (version, doc) in enumerate(versions):
        locs = _clause_locs(version)
        if index == 0:
            problems.extend(_first_version(version, doc, locs))
            continue
        changes = changelog.versions[version.id]
        previous = changes.previous
        for change in changes.clauses:
            problems.extend(_check_clause(change, previous, version, doc, locs))
        problems.extend(_check_removed_list(version, previous, doc))
    return problems


def _first_version(version: NumberedVersion, doc: YamlDoc,
                   locs: Mapping[str, tuple[str | int, ...]]) -> list[Problem]:
    problems = [
        Problem(doc.file, doc.line((*locs[c.key], "change")), f"clause '{c.key}'",
                f"has a 'change', but version {version.id} is the first version: there is "
                "nothing it changed from", "remove 'change' from this clause")
        for c in version.clauses() if c.clause.change
    ]
    if version.version.removed:
        problems.append(Problem(
            doc.file, doc.line(("removed",)), f"version '{version.id}'",
            f"lists 'removed' clauses, but version {version.id} is the first version",
            "remove the 'removed' list"))
    return problems


def _check_clause(change: ClauseChange, previous: NumberedVersion, version: NumberedVersion,
                  doc: YamlDoc, locs: Mapping[str, tuple[str | int, ...]]) -> list[Problem]:
    if change.removed:
        if change.reason is None and change.old is not None:
            return [Problem(
                doc.file, doc.line(("removed",) if version.version.removed else ("sections",)),
                f"clause '{change.key}'",
                f"clause {change.old.number} of version {previous.id} is missing from version "
                f"{version.id} and not listed under 'removed'",
                f"put it back, or list it under 'removed:' as '- key: {change.key}' with a "
                "'reason' (and the consultation comments it 'answers')")]
        return []
    loc = locs[change.key]
    label = f"clause '{change.key}'"
    has_change = change.new is not None and change.new.clause.clause.change is not None
    what = _what_changed(change, previous)
    if what and not has_change:
        return [Problem(doc.file, doc.line((*loc, "key")), label,
                        f"{what} but has no 'change' saying why",
                        "add 'change:' with a 'reason' (and the consultation comments it "
                        "'answers')")]
    if has_change and not what and not change.renumbered:
        return [Problem(doc.file, doc.line((*loc, "change")), label,
                        f"has a 'change' but is the same as in version {previous.id}",
                        "remove 'change' (it was probably copied from the previous version's "
                        "file)")]
    return []


def _what_changed(change: ClauseChange, previous: NumberedVersion) -> str:
    old, new = change.old, change.new
    if old is None:
        return f"is new since version {previous.id}"
    parts = []
    if change.reworded:
        parts.append(f"is reworded since version {previous.id}")
    if change.moved and new is not None:
        parts.append(f"has moved from clause {old.number} (version {previous.id}) to "
                     f"{new.number}")
    return " and ".join(parts)


def _check_removed_list(version: NumberedVersion, previous: NumberedVersion,
                        doc: YamlDoc) -> list[Problem]:
    problems: list[Problem] = []
    before = {c.key for c in previous.clauses()}
    now = {c.key for c in version.clauses()}
    seen: set[str] = set()
    for i, removal in enumerate(version.version.removed):
        label = f"removed '{removal.key}'"
        if removal.key in seen:
            problems.append(Problem(doc.file, doc.line(("removed", i, "key")), label,
                                    "is listed twice under 'removed'",
                                    "keep one entry per removed clause"))
        seen.add(removal.key)
        if removal.key in now:
            problems.append(Problem(
                doc.file, doc.line(("removed", i, "key")), label,
                f"is listed under 'removed' but version {version.id} still has it",
                "remove the entry from 'removed', or remove the clause"))
        elif removal.key not in before:
            hint = did_you_mean(removal.key, before - now)
            problems.append(Problem(
                doc.file, doc.line(("removed", i, "key")), label,
                f"is not a clause of version {previous.id}.{hint}".rstrip(),
                f"use the key of a clause of version {previous.id} that this version leaves out"))
    return problems
