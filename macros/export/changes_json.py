"""What changed between consecutive versions, as JSON for other systems.

Built from `Code.changelog` (see changelog.py), the same computation as the
changelog page, so the JSON and the page never disagree. One file per version
after the first: ``code/<id>/changes-<id>.json`` (changes from the version before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, with_config

from macros.compute import urls
from macros.compute.changelog import ClauseChange, Placed, VersionChanges
from macros.compute.code import Code
from macros.compute.diff import BREAK, Segment
from macros.model.records import DOCUMENT, Key, Status

CHANGES_SCHEMA_NAME = urls.CHANGES_SCHEMA_NAME

ChangeKind = Literal["added", "removed", "reworded", "moved", "renumbered"]


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class Placement:
    """Where a clause stands in one version."""

    version: str
    number: str
    anchor: str
    url: Annotated[str, Field(description="Versioned URL of the clause in that version.")]
    section_number: str
    section_title: str


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class RedlinePart:
    op: Literal["equal", "delete", "insert"]
    text: Annotated[str, Field(
        description="The words; a blank line marks a paragraph or item break.",
    )]


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    id: Annotated[Key, Field(description="Id of a member's comment.")]
    url: Annotated[str | None, Field(
        description="The comment on the page of members' comments.")] = None


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class ExportChange:
    key: Key
    kinds: Annotated[tuple[ChangeKind, ...], Field(description="What happened to the clause.")]
    old: Annotated[Placement | None, Field(description="In the previous version; null when added.")]
    new: Annotated[Placement | None, Field(description="In this version; null when removed.")]
    reason: Annotated[str, Field(
        description="Why, as the data gives it (or why it was renumbered).",
    )]
    answers: tuple[Answer, ...] = ()
    redline: Annotated[tuple[RedlinePart, ...], Field(
        description="Word-level changes of wording, when reworded.",
    )] = ()


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeCounts:
    added: int
    removed: int
    reworded: int
    moved_or_renumbered: int
    unchanged: int


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class ChangesDocument:
    """The changes from one version of the document to the next."""

    schema_uri: Annotated[str, Field(alias="$schema", description="URL of this JSON Schema.")]
    council: str
    code_title: Annotated[str, Field(title="Document Title", description="The document's title.")]
    version: str
    status: Status
    version_url: str
    previous: str
    previous_url: str
    counts: ChangeCounts
    changes: tuple[ExportChange, ...]


def _placement(site_url: str, placed: Placed | None) -> Placement | None:
    if placed is None:
        return None
    target = placed.clause.target
    path = urls.anchored(urls.version_path(placed.version.id), target.anchor)
    return Placement(version=placed.version.id, number=target.number, anchor=target.anchor,
                     url=urls.absolute(site_url, path),
                     section_number=placed.section.target.number,
                     section_title=placed.section.title)


def _kinds(change: ClauseChange) -> tuple[ChangeKind, ...]:
    flags: tuple[tuple[ChangeKind, bool], ...] = (
        ("added", change.added), ("removed", change.removed), ("reworded", change.reworded),
        ("moved", change.moved), ("renumbered", change.renumbered))
    return tuple(kind for kind, on in flags if on)


def _redline(segments: tuple[Segment, ...]) -> tuple[RedlinePart, ...]:
    parts = []
    for segment in segments:
        text = " ".join(BREAK if w.is_break else w.text for w in segment.words)
        parts.append(RedlinePart(op=segment.op, text=re.sub(r" ?\n ?", "\n\n", text)))
    return tuple(parts)


def _change(code: Code, site_url: str, change: ClauseChange) -> ExportChange:
    answers = tuple(
        Answer(id=a,
               url=urls.absolute(site_url, urls.comment_path(a)) if code.consultation else None)
        for a in change.answers
    )
    return ExportChange(key=change.key, kinds=_kinds(change),
                        old=_placement(site_url, change.old),
                        new=_placement(site_url, change.new), reason=change.explained,
                        answers=answers, redline=_redline(change.segments))


def changes_document(code: Code, changes: VersionChanges, site_url: str,
                     council: str) -> ChangesDocument:
    """The JSON document of what changed into a version, with absolute URLs."""
    counts = ChangeCounts(added=len(changes.added), removed=len(changes.removed),
                          reworded=len(changes.reworded),
                          moved_or_renumbered=len(changes.moved_or_renumbered),
                          unchanged=changes.unchanged)
    v, p = changes.version, changes.previous
    return ChangesDocument(
        schema_uri=urls.absolute(site_url, urls.schema_path(CHANGES_SCHEMA_NAME)), council=council,
        code_title=code.title, version=v.id, status=v.version.status,
        version_url=urls.absolute(site_url, urls.version_path(v.id)), previous=p.id,
        previous_url=urls.absolute(site_url, urls.version_path(p.id)), counts=counts,
        changes=tuple(_change(code, site_url, c) for c in changes.clauses),
    )
