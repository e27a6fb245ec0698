"""The consultation record: members' comments on one version and the answers to them.

Loaded and checked once per build, with the versions it links: every comment
id that a version's `change.answers` or `removed[].answers` names must exist,
every key a comment `concerns` must be a clause or item of the reviewed
version, and every clause a response names must be in the answering version.
The result is an index that pages read to link clauses and comments both ways.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import NamedTuple

from macros.compute import urls
from macros.compute.views import Link
from macros.load.loader import Loaded, RawCode
from macros.model import inline
from macros.model.inline import Paragraph
from macros.model.problems import Problem, did_you_mean
from macros.model.records import Comment, Consultation, Version

MANIFEST_FILE = "content/data/code.yaml"


class ConsultationRecord(NamedTuple):
    """The checked comments, their parsed words, and which clauses they are linked to."""

    consultation: Consultation
    file: str
    words: Mapping[str, tuple[Paragraph, ...]]
    linked: Mapping[tuple[str, str], tuple[str, ...]]  # (version id, clause key) -> comment ids

    @property
    def reviewed_version(self) -> str:
        """The id of the version the members commented on."""
        return self.consultation.reviewed_version

    @property
    def answered_by(self) -> str:
        """The id of the version that answers the comments."""
        return self.consultation.answered_by

    @property
    def comments(self) -> tuple[Comment, ...]:
        """Every comment, in the order of the record."""
        return self.consultation.comments

    def comment(self, comment_id: str) -> Comment:
        """The comment with this id; KeyError if there is none."""
        for comment in self.comments:
            if comment.id == comment_id:
                return comment
        raise KeyError(f"no comment '{comment_id}'")

    def comments_on(self, version_id: str, clause_key: str) -> tuple[Comment, ...]:
        """Comments about a clause (reviewed version) or that it answers (answering version)."""
        return tuple(self.comment(i) for i in self.linked.get((version_id, clause_key), ()))

    def by_member(self) -> list[tuple[str, tuple[Comment, ...]]]:
        """Comments grouped by member, members in the order the report takes them."""
        groups: dict[str, list[Comment]] = {}
        for comment in self.comments:
            groups.setdefault(comment.member, []).append(comment)
        return [(member, tuple(found)) for member, found in groups.items()]


def _keys(version: Version) -> tuple[set[str], set[str]]:
    """(clause keys, item keys) of a version."""
    clauses: set[str] = set()
    items: set[str] = set()
    for section in version.sections:
        for clause in section.clauses:
            clauses.add(clause.key)
            items.update(item.key for item in clause.items)
    return clauses, items


class _Answer(NamedTuple):
    """One comment id named by a version, and where."""

    loaded: Loaded[Version]
    label: str
    loc: tuple[str | int, ...]
    comment_id: str


def _answers(loaded: Loaded[Version]) -> Iterator[_Answer]:
    version = loaded.model
    for s, section in enumerate(version.sections):
        for c, clause in enumerate(section.clauses):
            if clause.change:
                for a, cid in enumerate(clause.change.answers):
                    loc = ("sections", s, "clauses", c, "change", "answers", a)
                    yield _Answer(loaded, f"clause '{clause.key}'", loc, cid)
    for r, removal in enumerate(version.removed):
        for a, cid in enumerate(removal.answers):
            yield _Answer(loaded, f"removed '{removal.key}'", ("removed", r, "answers", a), cid)


def load_consultation(raw: RawCode) -> tuple[ConsultationRecord | None, list[Problem]]:
    """Check the manifest's consultation file (if any) against the versions."""
    if raw.manifest.consultation is None:
        return None, [
            Problem(a.loaded.doc.file, a.loaded.doc.line(a.loc), a.label,
                    f"answers comment '{a.comment_id}' but {MANIFEST_FILE} lists no "
                    "consultation file",
                    "add 'consultation: consultation.yaml' to the manifest, or remove the id")
            for loaded in raw.versions for a in _answers(loaded)
        ]
    if raw.consultation is None:
        return None, []  # the file could not be loaded: its problems are in raw.problems
    return check_consultation(raw.consultation, raw)


def check_consultation(
    loaded: Loaded[Consultation], raw: RawCode
) -> tuple[ConsultationRecord | None, list[Problem]]:
    """Check a loaded consultation against the Code's versions.

    Returns the record, or None when it has problems, and every problem found.
    """
    doc, consultation = loaded.doc, loaded.model
    problems: list[Problem] = []

    def report(loc: tuple[str | int, ...], label: str, message: str, fix: str) -> None:
        problems.append(Problem(doc.file, doc.line(loc), label, message, fix))

    versions = {v.model.id: v for v in raw.versions}
    listed = ", ".join(versions)
    for field in ("reviewed_version", "answered_by"):
        vid = getattr(consultation, field)
        # A version file that could not be loaded may be this version: its own problems say so.
        if vid not in versions and raw.every_version_loaded:
            report((field,), "consultation", f"{field} '{vid}' is not a version of the Code",
                   f"use the id of a version listed in {MANIFEST_FILE}: {listed}")
    reviewed = versions.get(consultation.reviewed_version)
    answering = versions.get(consultation.answered_by)
    reviewed_clauses, reviewed_items = _keys(reviewed.model) if reviewed else (set(), set())
    answering_clauses = _keys(answering.model)[0] if answering else set()
    reviewed_keys = reviewed_clauses | reviewed_items

    seen: dict[str, int | None] = {}
    words: dict[str, tuple[Paragraph, ...]] = {}
    for i, comment in enumerate(consultation.comments):
        loc: tuple[str | int, ...] = ("comments", i)
        label = f"comment '{comment.id}'"
        if comment.id in seen:
            report((*loc, "id"), label,
                   f"duplicate comment id '{comment.id}' (already used at line "
                   f"{seen[comment.id]})", "give every comment its own id")
        else:
            seen[comment.id] = doc.line((*loc, "id"))
        try:
            words[comment.id] = inline.parse(comment.words, "a comment's words")
            if any(True for _ in inline.xref_keys(words[comment.id])):
                raise inline.InlineError("a comment's words cannot hold a cross-reference",
                                         "name the clause in 'concerns' instead of [[...]]")
        except inline.InlineError as err:
            report((*loc, "words"), label, err.message, err.fix)
        if reviewed:
            for k, key in enumerate(comment.concerns):
                if key not in reviewed_keys:
                    hint = did_you_mean(key, reviewed_keys)
                    report((*loc, "concerns", k), label,
                           f"concerns unknown key '{key}' of version {reviewed.model.id}.{hint}"
                           .rstrip(),
                           f"use the key of a clause or item in {reviewed.doc.file}")
        if answering:
            for k, key in enumerate(comment.response.clauses):
                if key not in answering_clauses:
                    hint = did_you_mean(key, answering_clauses)
                    report((*loc, "response", "clauses", k), label,
                           f"response names unknown clause '{key}' of version "
                           f"{answering.model.id}.{hint}".rstrip(),
                           f"use the key of a clause in {answering.doc.file}")
    problems.extend(
        Problem(version.doc.file, version.doc.line(a.loc), a.label,
                f"answers unknown comment '{a.comment_id}'.{did_you_mean(a.comment_id, seen)}"
                .rstrip(),
                f"use the id of a comment in {doc.file}")
        for version in raw.versions for a in _answers(version) if a.comment_id not in seen)
    if problems or reviewed is None or answering is None:
        return None, problems
    linked = _links(consultation, reviewed.model, answering.model)
    return ConsultationRecord(consultation, doc.file, MappingProxyType(words),
                              MappingProxyType(linked)), problems


def _links(
    consultation: Consultation, reviewed: Version, answering: Version
) -> dict[tuple[str, str], tuple[str, ...]]:
    """Which comments each clause of the two versions is linked to, in the record's order."""
    found: dict[tuple[str, str], list[str]] = {}

    def add(version_id: str, clause_key: str, comment_id: str) -> None:
        ids = found.setdefault((version_id, clause_key), [])
        if comment_id not in ids:
            ids.append(comment_id)

    order = {c.id: i for i, c in enumerate(consultation.comments)}
    concerned: dict[str, list[str]] = {}  # clause or item key -> ids of comments about it
    for comment in consultation.comments:
        for key in comment.concerns:
            concerned.setdefault(key, []).append(comment.id)
    for section in reviewed.sections:
        for clause in section.clauses:
            for key in (clause.key, *(item.key for item in clause.items)):
                for comment_id in concerned.get(key, ()):
                    add(reviewed.id, clause.key, comment_id)
    for comment in consultation.comments:
        for key in comment.response.clauses:
            add(answering.id, key, comment.id)
    for section in answering.sections:
        for clause in section.clauses:
            for cid in clause.change.answers if clause.change else ():
                add(answering.id, clause.key, cid)
    return {k: tuple(sorted(v, key=order.__getitem__)) for k, v in found.items()}


def comment_label(comment: Comment) -> str:
    """The words of a link to a comment: "Cllr A: The reputation clause"."""
    return f"{comment.member}: {comment.topic}"


class ClauseComments(NamedTuple):
    """The comments a clause is about (on the reviewed version) or answers (on the answering
    version's page), as `comments.html.jinja` lists them under the clause."""

    answers: bool  # the clause is in the version that answers the comments
    links: tuple[Link, ...]  # each comment's anchor on the consultation page, and its label


def clause_comments(record: ConsultationRecord | None, version_id: str, key: str,
                    page: str) -> ClauseComments | None:
    """The comments to list under clause `key` of a version, linked from `page`, or None."""
    if record is None:
        return None
    comments = record.comments_on(version_id, key)
    if not comments:
        return None
    return ClauseComments(
        version_id == record.answered_by,
        tuple(Link(urls.relative(page, urls.comment_path(c.id)), comment_label(c))
              for c in comments))
