"""The checks of the consultation record against the Code's versions.

In each round, the reviewed and the answering version must be versions of the Code, the
answering one listed after the reviewed one; every key a comment `concerns` must be a
clause or item of the round's reviewed version, and every clause its response names a
clause of the round's answering version. A comment id is used once in the whole record,
and every id a version's `change.answers` or `removed[].answers` names must be a comment
on an earlier version. Each problem names the file, the line, the round or comment, and
the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from macros.load.loader import Loaded, RawCode
from macros.model import inline
from macros.model.comments import Consultation
from macros.model.inline import Paragraph
from macros.model.problems import Problem, did_you_mean
from macros.model.records import Version

MANIFEST_FILE = "content/data/code.yaml"

Loc = tuple[str | int, ...]


def keys_of(version: Version) -> dict[str, tuple[str, ...]]:
    """Each clause's key, with the keys it answers to: its own and its items'."""
    return {clause.key: (clause.key, *(item.key for item in clause.items))
            for section in version.sections for clause in section.clauses}


class _Answer(NamedTuple):
    """One comment id named by a version, and where."""

    loaded: Loaded[Version]
    label: str
    loc: Loc
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


def unrecorded_answers(raw: RawCode) -> list[Problem]:
    """Without a consultation file, every comment id a version answers is a problem."""
    return [
        Problem(a.loaded.doc.file, a.loaded.doc.line(a.loc), a.label,
                f"answers comment '{a.comment_id}' but {MANIFEST_FILE} lists no "
                "consultation file",
                "add 'consultation: consultation.yaml' to the manifest, or remove the id")
        for loaded in raw.versions for a in _answers(loaded)
    ]




def check_rounds(loaded: Loaded[Consultation], raw: RawCode
                 ) -> tuple[dict[str, tuple[Paragraph, ...]], list[Problem]]:
    """The parsed words of every comment, and every problem of the record."""
    doc = loaded.doc
    problems: list[Problem] = []

    def report(loc: Loc, label: str, message: str, fix: str) -> None:
        problems.append(Problem(doc.file, doc.line(loc), label, message, fix))

    versions = {v.model.id: v for v in raw.versions}
    order = {vid: i for i, vid in enumerate(versions)}
    listed = ", ".join(versions)
    seen: dict[str, tuple[Loc, int]] = {}  # comment id -> (where it is, round number)
    reviewed_of: dict[str, str] = {}  # comment id -> the version it is on
    words: dict[str, tuple[Paragraph, ...]] = {}
    for r, round_ in enumerate(loaded.model.rounds):
        at: Loc = ("rounds", r)
        number, label = r + 1, f"round {r + 1}"
        for field in ("reviewed_version", "answered_by"):
            vid = getattr(round_, field)
            # A version file that could not be loaded may be this version: its own problems say so.
            if vid is not None and vid not in versions and raw.every_version_loaded:
                report((*at, field), label, f"{field} '{vid}' is not a version of the Code",
                       f"use the id of a version listed in {MANIFEST_FILE}: {listed}")
        reviewed = versions.get(round_.reviewed_version)
        answered_by = round_.answered_by
        answering = versions.get(answered_by) if answered_by is not None else None
        if reviewed and answering and order[answering.model.id] <= order[reviewed.model.id]:
            report((*at, "answered_by"), label,
                   f"answered_by '{answered_by}' is not a version after reviewed_version "
                   f"'{round_.reviewed_version}'",
                   f"answer the round with a version listed after {round_.reviewed_version} "
                   f"in {MANIFEST_FILE}, or leave answered_by out until one answers it")
        reviewed_keys = ({k for keys in keys_of(reviewed.model).values() for k in keys}
                         if reviewed else set())
        answering_clauses = set(keys_of(answering.model)) if answering else set()
        for i, comment in enumerate(round_.comments):
            loc: Loc = (*at, "comments", i)
            label = f"comment '{comment.id}'"
            if comment.id in seen:
                at_first, first = seen[comment.id]
                line = doc.line(at_first)
                report((*loc, "id"), label,
                       f"duplicate comment id '{comment.id}' (already used at line {line}, in "
                       f"round {first})", "give every comment its own id, in every round")
            else:
                seen[comment.id] = (*loc, "id"), number
                reviewed_of[comment.id] = round_.reviewed_version
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
                               f"concerns unknown key '{key}' of version {reviewed.model.id}."
                               f"{hint}".rstrip(),
                               f"use the key of a clause or item in {reviewed.doc.file}")
            response = comment.response
            if response is None and answered_by is not None:
                report(loc, label, f"has no response, but version {answered_by} answers "
                       f"round {number}", "add 'response:' with its status and text")
            elif response is not None and answered_by is None and response.clauses:
                report((*loc, "response", "clauses"), label,
                       f"response names clauses, but round {number} has no answering version",
                       f"add 'answered_by:' to round {number}, or remove the clauses")
            elif response is not None and answering:
                for k, key in enumerate(response.clauses):
                    if key not in answering_clauses:
                        hint = did_you_mean(key, answering_clauses)
                        report((*loc, "response", "clauses", k), label,
                               f"response names unknown clause '{key}' of version "
                               f"{answering.model.id}.{hint}".rstrip(),
                               f"use the key of a clause in {answering.doc.file}")
    for version in raw.versions:
        for a in _answers(version):
            on = reviewed_of.get(a.comment_id)
            vid = version.model.id
            if on is None:
                problems.append(Problem(
                    version.doc.file, version.doc.line(a.loc), a.label,
                    f"answers unknown comment '{a.comment_id}'."
                    f"{did_you_mean(a.comment_id, seen)}".rstrip(),
                    f"use the id of a comment in {doc.file}"))
            elif on in order and order[on] >= order[vid]:
                problems.append(Problem(
                    version.doc.file, version.doc.line(a.loc), a.label,
                    f"answers comment '{a.comment_id}', a comment on version {on}, which does "
                    f"not come before version {vid}",
                    "name only comments on earlier versions, or remove the id"))
    return words, problems
