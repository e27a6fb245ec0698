"""The changelog page: for each version, what changed from the one before, and why.

Everything shown is computed by `changelog.build_changelog`; this module turns it into
plain view data (numbers, relative links, status words, redline runs) and the templates
lay it out: `changes.html.jinja` for the page, `version-changes.html.jinja` for each
version, `change-entry.html.jinja` and `moves-table.html.jinja` for its changes, and the
parts they share with the clause history pages (`wording`, `number-change`,
`wording-change`, `redline`, `reason`, `history-link`). Clause wording is rendered with the
inline subset (escaped), and a redline marks deleted and inserted words in words as well
as by strike-through and underline, so no change is shown by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from markupsafe import Markup

from macros.compute import urls
from macros.compute.changelog import ClauseChange, Placed, VersionChanges
from macros.compute.code import Code
from macros.compute.diff import Run, redline_paragraphs
from macros.compute.downloads import Download
from macros.compute.feed import FEED_PATH
from macros.compute.versions import changes_anchor, count_sentence, status_text, version_label
from macros.compute.views import Link, RichText
from macros.render.downloads import DownloadList, download_list
from macros.render.environment import Templates


class Item(NamedTuple):
    """A lettered item of a clause's wording."""

    letter: str
    text: RichText


class Wording(NamedTuple):
    """A clause's wording as it stands in `version`, cross-references linked into it."""

    version: str
    text: RichText
    items: tuple[Item, ...]


class Number(NamedTuple):
    """A clause's number in a version."""

    number: str
    version: str


class Section(NamedTuple):
    """A section, as a move names it: "section 2, Your accounts"."""

    number: str
    title: str


class NumberChange(NamedTuple):
    """'Renumbered: clause 2.3 in version 1.0 → clause 2.4 in version 2.0' (or 'Moved'),
    with the sections when it moved from one to another."""

    verb: str
    old: Number
    new: Number
    from_section: Section | None
    to_section: Section | None


class Answer(NamedTuple):
    """A link to a consultation comment a change answers."""

    href: str
    text: str  # 'Cllr A Taylor: Topic', or the comment's id without a consultation record
    id: str  # the comment's id, its anchor on the consultation page
    topic: str | None  # None without a consultation record


class Reason(NamedTuple):
    """Why a clause changed, and the consultation comments the change answers."""

    text: str
    answers: tuple[Answer, ...]


Paragraphs = tuple[tuple[Run, ...], ...]


class Entry(NamedTuple):
    """A clause added, removed or reworded, as listed under its kind."""

    kind: str  # "added", "removed" or "reworded"
    clause: Link
    was: Number | None  # its number before, when it was renumbered
    wording: Wording | None  # an added clause's wording, or a removed one's
    number_change: NumberChange | None
    redline: Paragraphs | None
    reason: Reason | None
    history: str


class Move(NamedTuple):
    """A row of the table of clause numbers that changed."""

    old: Link
    new: Link
    what: str
    why: str
    history: str
    answers: tuple[Answer, ...]  # the comments the change answers


class Group(NamedTuple):
    """The changes of one kind into a version, under their heading."""

    kind: str  # "added", "removed", "reworded" or "moved"
    title: str
    anchor: str
    entries: tuple[Entry, ...] | tuple[Move, ...]


class VersionView(NamedTuple):
    """One version compared with the one before (`version-changes.html.jinja`)."""

    version: str
    previous: str
    anchor: str
    heading: str
    status: str
    counted: str
    groups: tuple[Group, ...]
    downloads: DownloadList | None = None  # the changes as a committee paper, when made


def wording(templates: Templates, placed: Placed, page: str) -> Wording:
    """A clause's wording in its version, for the page at `page`."""
    version = placed.version

    def xref(key: str) -> Link:
        target = version.targets[key]
        href = urls.relative(page, urls.anchored(urls.version_path(version.id), target.anchor))
        return Link(href, target.label)

    clause = placed.clause
    return Wording(version.id, RichText(clause.text, xref),
                   tuple(Item(item.letter, RichText(item.text, xref)) for item in clause.items))


def clause_link(placed: Placed, page: str, text: str) -> Link:
    """A link to a clause by its number anchor in its version."""
    return Link(urls.relative(page, urls.anchored(urls.version_path(placed.version.id),
                                                  placed.clause.target.anchor)), text)


def history_href(key: str, page: str) -> str:
    """The link from `page` to the history page of clause `key`."""
    return urls.relative(page, urls.history_path(key))


def reason(code: Code, change: ClauseChange, page: str) -> Reason | None:
    """Why the clause changed, None when nothing is said."""
    if not change.explained:
        return None
    return Reason(change.explained, answers(code, change, page))


def answers(code: Code, change: ClauseChange, page: str) -> tuple[Answer, ...]:
    """The consultation comments the change answers, linked from `page`."""
    found = []
    for comment_id in change.answers:
        text, topic = comment_id, None
        if code.consultation is not None:
            comment = code.consultation.comment(comment_id)
            text, topic = f"{comment.member}: {comment.topic}", comment.topic
        found.append(Answer(urls.relative(page, urls.comment_path(comment_id)), text,
                            comment_id, topic))
    return tuple(found)


def number_change(change: ClauseChange) -> NumberChange | None:
    """How a clause's number or place changed; None if it kept both."""
    if not (change.old and change.new) or not (change.moved or change.renumbered):
        return None
    old, new = change.old, change.new
    sections: tuple[Section | None, Section | None] = (None, None)
    if old.section.section.key != new.section.section.key:
        sections = (Section(old.section.target.number, old.section.title),
                    Section(new.section.target.number, new.section.title))
    return NumberChange("Moved" if change.moved else "Renumbered",
                        Number(old.number, old.version.id), Number(new.number, new.version.id),
                        *sections)


def redline(change: ClauseChange) -> Paragraphs | None:
    """The word-by-word redline of a reworded clause; None for any other change."""
    return redline_paragraphs(change.segments) if change.reworded else None


def _entry(templates: Templates, code: Code, change: ClauseChange, page: str,
           kind: str) -> Entry:
    shown = change.old if kind == "removed" else change.new
    if shown is None:
        raise ValueError(f"clause '{change.key}': a {kind} change has no clause to show")
    was = None
    if kind != "removed" and change.old and change.renumbered:
        was = Number(change.old.number, change.old.version.id)
    reworded = kind == "reworded"
    return Entry(
        kind, clause_link(shown, page, f"Clause {shown.number} of version {shown.version.id}"),
        was, None if reworded else wording(templates, shown, page),
        number_change(change) if reworded and change.moved else None,
        redline(change) if reworded else None,
        reason(code, change, page), history_href(change.key, page))


def _move(code: Code, change: ClauseChange, page: str) -> Move:
    if change.old is None or change.new is None:
        raise ValueError(f"clause '{change.key}': only a kept clause can move")
    what = "moved" if change.moved else "renumbered"
    if change.reworded:
        what += " and reworded"
    return Move(clause_link(change.old, page, change.old.number),
                clause_link(change.new, page, change.new.number),
                what, change.explained, history_href(change.key, page),
                answers(code, change, page))


GROUPS: tuple[tuple[str, str, Callable[[VersionChanges], tuple[ClauseChange, ...]]], ...] = (
    ("added", "Added", lambda c: c.added),
    ("removed", "Removed", lambda c: c.removed),
    ("reworded", "Reworded", lambda c: c.reworded),
    ("moved", "Moved or renumbered", lambda c: c.moved_or_renumbered),
)


def version_changes(templates: Templates, code: Code, changes: VersionChanges,
                    page: str, downloads: Sequence[Download] = ()) -> VersionView:
    """What `version-changes.html.jinja` shows of one version.

    `downloads`: the version's files; the committee paper of these changes is offered.
    """
    anchor = changes_anchor(changes.version.id)
    groups = []
    for kind, title, pick in GROUPS:
        found = pick(changes)
        entries: tuple[Entry, ...] | tuple[Move, ...]
        if kind == "moved":
            entries = tuple(_move(code, c, page) for c in found)
        else:
            entries = tuple(_entry(templates, code, c, page, kind) for c in found)
        groups.append(Group(kind, title, f"{anchor}-{kind}", entries))
    heading = (f"{version_label(code, changes.version)} compared with "
               f"{version_label(code, changes.previous).lower()}")
    return VersionView(changes.version.id, changes.previous.id, anchor, heading,
                       status_text(code, changes.version), count_sentence(changes),
                       tuple(groups),
                       download_list(tuple(d for d in downloads if d.kind == "paper"), page))


def render_changelog(templates: Templates, code: Code, page: str,
                     downloads: Mapping[str, Sequence[Download]] | None = None) -> Markup:
    """The whole changelog page, newest version first; `downloads`: each version's files."""
    versions = [
        version_changes(templates, code, changes, page, (downloads or {}).get(v.id, ()))
        for v in reversed(code.versions)
        if (changes := code.changelog.for_version(v.id)) is not None
    ]
    return templates.render("changes.html.jinja", versions=versions,
                            feed=urls.relative(page, FEED_PATH))

