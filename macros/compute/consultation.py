"""The consultation record: members' comments on the Code, round by round, and the answers.

Each round holds the comments on one version, where they are recorded (its source), and
the later version that answers them (none while the round is open). The record is loaded
and checked once per build with the versions it links (`consultation_checks`); the result
is an index that pages read to link clauses and comments both ways: a clause of a round's
reviewed version lists the comments about it, and a clause of a later version the comments
it answers, round by round.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from macros.compute import urls
from macros.compute.consultation_checks import check_rounds, keys_of, unrecorded_answers
from macros.compute.views import Link
from macros.load.loader import Loaded, RawCode
from macros.model.comments import Comment, Consultation, Round
from macros.model.dates import long_date
from macros.model.inline import Paragraph
from macros.model.problems import Problem
from macros.model.records import Version


class RoundRecord(NamedTuple):
    """One round of comments, numbered from 1 in the order of the record."""

    number: int
    round: Round

    @property
    def reviewed_version(self) -> str:
        """The id of the version the members commented on."""
        return self.round.reviewed_version

    @property
    def answered_by(self) -> str | None:
        """The id of the version that answers the comments; None while the round is open."""
        return self.round.answered_by

    @property
    def comments(self) -> tuple[Comment, ...]:
        """The round's comments, in the order of the record."""
        return self.round.comments

    @property
    def source(self) -> str:
        """Where the comments are recorded, with its date when its name does not say it."""
        source, date = self.round.source, self.round.date
        if date is None or long_date(date) in source:
            return source
        return f"{source} of {long_date(date)}"

    def by_member(self) -> list[tuple[str, tuple[Comment, ...]]]:
        """The round's comments grouped by member, members in the order the source takes them."""
        groups: dict[str, list[Comment]] = {}
        for comment in self.comments:
            groups.setdefault(comment.member, []).append(comment)
        return [(member, tuple(found)) for member, found in groups.items()]


class ClauseRound(NamedTuple):
    """The comments of one round that a clause of one version is about, or answers."""

    round: RoundRecord
    answers: bool  # the clause's version answers them (else they are about this clause)
    comments: tuple[Comment, ...]


class _Linked(NamedTuple):
    round: int  # its number
    answers: bool
    ids: tuple[str, ...]


class ConsultationRecord(NamedTuple):
    """The checked rounds, their comments' parsed words, and which clauses they are linked to."""

    consultation: Consultation
    file: str
    rounds: tuple[RoundRecord, ...]
    words: Mapping[str, tuple[Paragraph, ...]]
    # (version id, clause key) -> the rounds whose comments it is about or answers
    linked: Mapping[tuple[str, str], tuple[_Linked, ...]]
    by_id: Mapping[str, tuple[int, Comment]]  # comment id -> (its round's number, the comment)

    @property
    def comments(self) -> tuple[Comment, ...]:
        """Every comment of every round, in the order of the record."""
        return tuple(comment for _, comment in self.by_id.values())

    def comment(self, comment_id: str) -> Comment:
        """The comment with this id, in whichever round; KeyError if there is none."""
        return self.by_id[comment_id][1]

    def round_of(self, comment_id: str) -> RoundRecord:
        """The round that holds the comment with this id; KeyError if there is none."""
        return self.rounds[self.by_id[comment_id][0] - 1]

    def comments_on(self, version_id: str, clause_key: str) -> tuple[ClauseRound, ...]:
        """Round by round, the comments about a clause of a version (the round reviewed that
        version) or that it answers (a later version)."""
        return tuple(ClauseRound(self.rounds[linked.round - 1], linked.answers,
                                 tuple(self.comment(i) for i in linked.ids))
                     for linked in self.linked.get((version_id, clause_key), ()))


def load_consultation(raw: RawCode) -> tuple[ConsultationRecord | None, list[Problem]]:
    """Check the manifest's consultation file (if any) against the versions."""
    if raw.manifest.consultation is None:
        return None, unrecorded_answers(raw)
    if raw.consultation is None:
        return None, []  # the file could not be loaded: its problems are in raw.problems
    return check_consultation(raw.consultation, raw)


def check_consultation(
    loaded: Loaded[Consultation], raw: RawCode
) -> tuple[ConsultationRecord | None, list[Problem]]:
    """Check a loaded consultation against the Code's versions.

    Returns the record, or None when it has problems, and every problem found.
    """
    words, problems = check_rounds(loaded, raw)
    if problems or not raw.every_version_loaded:  # a version it names may be the one missing
        return None, problems
    consultation = loaded.model
    rounds = tuple(RoundRecord(n, r) for n, r in enumerate(consultation.rounds, start=1))
    index = {c.id: (r.number, c) for r in rounds for c in r.comments}
    versions = tuple(v.model for v in raw.versions)
    return ConsultationRecord(consultation, loaded.doc.file, rounds, MappingProxyType(words),
                              MappingProxyType(_links(rounds, index, versions)),
                              MappingProxyType(index)), []


def _links(rounds: tuple[RoundRecord, ...], index: Mapping[str, tuple[int, Comment]],
           versions: tuple[Version, ...]) -> dict[tuple[str, str], tuple[_Linked, ...]]:
    """Which comments of which round each clause of each version is linked to, rounds in
    order and comments in the order of the record."""
    found: dict[tuple[str, str], dict[tuple[int, bool], list[str]]] = {}
    order = {cid: i for i, cid in enumerate(index)}

    def add(version_id: str, clause_key: str, number: int, answers: bool, cid: str) -> None:
        ids = found.setdefault((version_id, clause_key), {}).setdefault((number, answers), [])
        if cid not in ids:
            ids.append(cid)

    by_id = {v.id: v for v in versions}
    for r in rounds:
        concerned: dict[str, list[str]] = {}  # clause or item key -> ids of comments about it
        for comment in r.comments:
            for key in comment.concerns:
                concerned.setdefault(key, []).append(comment.id)
        for clause_key, keys in keys_of(by_id[r.reviewed_version]).items():
            for key in keys:
                for cid in concerned.get(key, ()):
                    add(r.reviewed_version, clause_key, r.number, False, cid)
        if r.answered_by is not None:
            for comment in r.comments:
                for key in comment.response.clauses if comment.response else ():
                    add(r.answered_by, key, r.number, True, comment.id)
    for version in versions:
        for section in version.sections:
            for clause in section.clauses:
                for cid in clause.change.answers if clause.change else ():
                    add(version.id, clause.key, index[cid][0], True, cid)
    return {place: tuple(_Linked(number, answers, tuple(sorted(ids, key=order.__getitem__)))
                         for (number, answers), ids in sorted(lines.items()))
            for place, lines in found.items()}


def comment_label(comment: Comment) -> str:
    """The words of a link to a comment: "Cllr A: The reputation clause"."""
    return f"{comment.member}: {comment.topic}"


class ClauseComments(NamedTuple):
    """The comments of one round a clause is about (on the version the round reviewed) or
    answers (on a later version's page), as `comments.html.jinja` lists them under it."""

    answers: bool  # the clause's version answers the comments
    source: str | None  # the round's source, when the record has more than one round
    links: tuple[Link, ...]  # each comment's anchor on the consultation page, and its label


def clause_comments(record: ConsultationRecord | None, version_id: str, key: str,
                    page: str) -> tuple[ClauseComments, ...]:
    """The comments to list under clause `key` of a version, round by round, linked from
    `page`; none when it has none."""
    if record is None:
        return ()
    several = len(record.rounds) > 1
    return tuple(
        ClauseComments(
            found.answers, found.round.source if several else None,
            tuple(Link(urls.relative(page, urls.comment_path(c.id)), comment_label(c))
                  for c in found.comments))
        for found in record.comments_on(version_id, key))
