"""What each generated page shows, fingerprinted from the Code before the page is laid out.

A preview reuses a page the last build wrote when what made it is unchanged
(`page_reuse.py`). Laying a page out only to fingerprint its HTML costs as much as laying it
out, so each page is fingerprinted from its inputs instead: the records it shows.

- A version's page shows that version whole (every clause, its notes, the changes into it),
  and of the other versions only what `Skeleton` holds: their ids, statuses and dates,
  where each clause stands in them and how it changed (added, reworded, moved), never their
  wording. An edit to one clause of a draft leaves the other versions' pages as they were.
- A clause's history page shows that clause in every version, with how it changed and the
  consultation's comments, and the skeleton.
- Every other page (the changes, guidance, consultation) may show anything: it is
  fingerprinted from the whole Code.

Every fingerprint also holds what every page of the Code shares: the title, the documents,
the guidance, the consultation record and the words the templates use. When in doubt a part
belongs in a fingerprint: a part too many lays a page out again, a part too few would show a
stale page.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property

from macros.compute.changelog import ClauseChange, HistoryEntry, Placed, VersionChanges
from macros.compute.code import Code
from macros.compute.downloads import Download
from macros.compute.numbering import NumberedVersion
from macros.load.kept import Kept


def digest(parts: Iterable[object]) -> str:
    """The SHA-256 of each part's text (its `repr` unless it is text), each with its length."""
    found = hashlib.sha256()
    for part in parts:
        data = (part if isinstance(part, str) else repr(part)).encode()
        found.update(len(data).to_bytes(8, "big"))
        found.update(data)
    return found.hexdigest()


def _version_fields(version: NumberedVersion) -> tuple[object, ...]:
    """A version's own fields (status, dates, summary, removals), without its sections."""
    record = version.version
    return tuple((f.name, getattr(record, f.name)) for f in dataclasses.fields(record)
                 if f.name != "sections")


def _placed(placed: Placed | None) -> object:
    if placed is None:
        return None
    return (placed.version.id, placed.section.target, placed.section.title, placed.clause)


def _change(change: ClauseChange | None) -> object:
    """A change whole: both wordings, the reason, the comments it answers, the redline."""
    if change is None:
        return None
    return (change.key, _placed(change.old), _placed(change.new), change.reworded,
            change.moved, change.reason, change.answers, change.segments)


def _change_shape(change: ClauseChange | None) -> object:
    """What a change is, without its words: its kind and numbers."""
    if change is None:
        return None
    return (change.key, change.added, change.removed, change.reworded, change.moved,
            change.renumbered, change.reason is not None,
            change.old.number if change.old else None,
            change.new.number if change.new else None)


class PageInputs:
    """The fingerprint of what each generated page shows, for one build's Code."""

    def __init__(self, code: Code, downloads: Mapping[str, Sequence[Download]],
                 shared: Sequence[object], kept: Kept | None = None) -> None:
        """`shared`: what else every page shows (the site's address, the council, the
        words the templates use). `kept` (a preview): the fingerprints of records that are
        the very objects of the last build (their files unchanged) are not taken again."""
        self._code, self._downloads, self._shared = code, downloads, tuple(shared)
        self._kept = kept

    def _of(self, step: tuple[str, ...], records: tuple[object, ...],
            parts: Callable[[], Iterable[object]]) -> str:
        """The fingerprint of `parts()`, made from `records` (kept by their identity)."""
        if self._kept is None:
            return digest(parts())
        return self._kept.get(("page-inputs", *step), records, lambda: digest(parts()))

    def _version_part(self, version: NumberedVersion) -> str:
        return self._of(("common", version.id), (version,), lambda: [
            version.id, _version_fields(version), version.file, sorted(version.targets.items()),
            [(s.target, s.title) for s in version.sections]])

    def _changes_part(self, version_id: str, changes: VersionChanges | None,
                      whole: bool) -> str:
        """The changes into a version: whole (`_change`) or their shape (`_change_shape`)."""
        if changes is None:
            return ""
        shown = _change if whole else _change_shape
        return self._of(("changes", version_id, str(whole)), (changes,),
                        lambda: [shown(c) for c in changes.clauses])

    def _record(self, version: NumberedVersion) -> str:
        """A version's record whole: every clause and what it says."""
        return self._of(("record", version.id), (version.version,), lambda: [version.version])

    def _entry_part(self, entry: HistoryEntry) -> str:
        placed = entry.placed
        return self._of(("entry", placed.version.id, placed.clause.key),
                        (placed.clause, placed.section, entry.change),
                        lambda: [_placed(placed), _change(entry.change)])

    @cached_property
    def _common(self) -> str:
        """What every page of the Code may show, the versions' wording aside."""
        code = self._code
        changelog = code.changelog
        return digest([
            *self._shared, code.title, sorted(code.documents.items()),
            sorted(code.guidance.items()),
            code.consultation.consultation if code.consultation else None,
            *(self._version_part(v) for v in code.versions),
            *((vid, self._changes_part(vid, changes, whole=False))
              for vid, changes in changelog.versions.items()),
            *((key, [(e.placed.version.id, e.placed.number, _change_shape(e.change))
                     for e in history.entries],
               history.removed_in.id if history.removed_in else None,
               _change_shape(history.removal))
              for key, history in changelog.histories.items()),
        ])

    def _files(self, version_id: str) -> list[object]:
        """What a page says of a version's downloads (not their bytes: their size)."""
        return [(d.kind, d.path, d.link_text, d.what, d.schema, d.size, d.ready)
                for d in self._downloads.get(version_id, ())]

    def version(self, version_id: str) -> str:
        """A version's page (or the version in force's short path): the version whole."""
        version = self._code.version(version_id)
        changes = self._code.changelog.for_version(version_id)
        return digest(["version", self._common, self._record(version), self._files(version_id),
                       self._changes_part(version_id, changes, whole=True)])

    def history(self, key: str) -> str:
        """A clause's history page: the clause in every version, and how it changed."""
        history = self._code.changelog.histories[key]
        return digest(["history", self._common, key,
                       *(self._entry_part(e) for e in history.entries),
                       _change(history.removal)])

    @cached_property
    def whole(self) -> str:
        """Any other page: the whole Code."""
        code = self._code
        return digest(["whole", self._common,
                       *(self._record(v) for v in code.versions),
                       *(self._files(v.id) for v in code.versions),
                       *((vid, self._changes_part(vid, changes, whole=True))
                         for vid, changes in code.changelog.versions.items())])
