"""Typed, immutable models of the members' comments (content/data/consultation.yaml), round
by round, and the responses to them; validated and published as the records in records.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import Field, with_config

from macros.model.records import (
    RECORD,
    REPORT_PARAGRAPH_PATTERN,
    VERSION_ID_PATTERN,
    Key,
)


class ResponseStatus(StrEnum):
    addressed = "addressed"
    partly_addressed = "partly-addressed"
    not_addressed = "not-addressed"
    for_committee = "for-committee"


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    """How the revised version answers a comment, or why it does not."""

    status: ResponseStatus
    text: Annotated[str, Field(min_length=1, description="The answer, in plain English.")]
    clauses: Annotated[tuple[Key, ...], Field(
        description="Keys of clauses in the revised version that answer the comment.",
    )] = ()
    options: Annotated[tuple[Annotated[str, Field(min_length=1)], ...], Field(
        description="For a comment the committee must decide (status 'for-committee'): the "
        "choices open to it, one plain sentence each.",
    )] = ()


class CommentKind(StrEnum):
    quoted = "quoted"
    summarised = "summarised"


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Comment:
    """One member's comment on a version of the Code, as its round's source records it."""

    id: Key
    member: Annotated[str, Field(min_length=1, description="e.g. 'Cllr Manning'.")]
    topic: Annotated[str, Field(
        min_length=1,
        max_length=120,
        description="A few words naming what the comment is about, used as its heading and "
        "as the text of links to it, e.g. 'The reputation clause'.",
    )]
    paragraph: Annotated[str, Field(
        pattern=REPORT_PARAGRAPH_PATTERN,
        description="The paragraph of the round's source that records the comment, e.g. '2.2'.",
    )]
    kind: Annotated[CommentKind, Field(
        description="quoted: the member's words exactly; summarised.",
    )]
    words: Annotated[str, Field(
        min_length=1,
        description="What the member said: exactly, for 'quoted'; in plain words, for "
        "'summarised'. Same Markdown subset as clause text, without cross-references.",
    )]
    concerns: Annotated[tuple[Key, ...], Field(
        description="Keys of the clauses (or lettered items) of the reviewed version it is "
        "about; none when it is about the whole Code.",
    )] = ()
    response: Annotated[Response | None, Field(
        description="How the answering version answers it. Every comment of a round that has "
        "an answering version needs one; in a round without one (still open) it may be left out.",
    )] = None


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Round:
    """Members' comments on one version, where they are recorded, and the version answering them."""

    reviewed_version: Annotated[str, Field(
        pattern=VERSION_ID_PATTERN,
        description="The version the members commented on, e.g. '1.0'.",
    )]
    answered_by: Annotated[str | None, Field(
        pattern=VERSION_ID_PATTERN,
        description="The later version that answers the comments, e.g. '2.0'. Leave out while "
        "the round is open: its comments are recorded and no version answers them yet.",
    )] = None
    source: Annotated[str, Field(
        min_length=1,
        description="Where the comments are recorded, as a reader would name it, e.g. 'the "
        "report to the Constitution and Ethics Committee of 1 October 2019'. Each comment's "
        "'paragraph' is a paragraph of it.",
    )]
    date: Annotated[dt.date | None, Field(
        description="The date of the source (of the report, or of the meeting), shown after "
        "its name unless the name says it, e.g. 2020-02-03.",
    )] = None
    comments: Annotated[tuple[Comment, ...], Field(min_length=1)]


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Consultation:
    """The members' comments on the Code, round by round, and how later versions answer them."""

    rounds: Annotated[tuple[Round, ...], Field(
        min_length=1,
        description="The rounds of comments, oldest first; add a new round at the end.",
    )]
