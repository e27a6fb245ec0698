"""Typed, immutable models of the Code's data, as the YAML files hold it.

These models are the single source of the data's shape: the loader validates
YAML into them and the published JSON Schema is generated from them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from macros.model.shape import Rule, field, record

KEY_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
VERSION_ID_PATTERN = r"^[0-9]+\.[0-9]+$"
REPORT_PARAGRAPH_PATTERN = r"^([0-9]+(\.[0-9]+)*|Appendix [0-9]+)$"

Key = Annotated[
    str,
    Rule(
        pattern=KEY_PATTERN,
        max_length=80,
        description="Stable key: lower-case words joined by hyphens. Never reused for another "
        "clause, and kept when the clause moves or is reworded.",
    ),
]
Text = Annotated[
    str,
    Rule(
        min_length=1,
        max_length=20_000,
        description="Clause wording in a small Markdown subset: **bold**, *emphasis*, "
        "[link text](https://address), [[clause-key]] for a cross-reference, and a blank line "
        "between paragraphs. HTML is not allowed.",
    ),
]


class ProvenanceKind(StrEnum):
    verbatim = "verbatim"
    reconstructed = "reconstructed"
    drafted = "drafted"


@record
class Provenance:
    """Where a clause's wording comes from."""

    kind: ProvenanceKind = field(
        description="verbatim: quoted exactly in the committee report; reconstructed: written "
        "from the report's description of the clause; drafted: new wording written for this "
        "version."
    )
    source: str | None = field(
        default=None,
        pattern=REPORT_PARAGRAPH_PATTERN,
        description="The report paragraph that quotes or describes the clause, e.g. '2.2'.",
    )
    note: str | None = field(
        default=None, description="Anything a reader should know about the wording's origin."
    )

    def _check(self) -> None:
        if self.kind is not ProvenanceKind.drafted and not self.source:
            raise ValueError(
                f"a {self.kind.value} clause needs 'source': the report paragraph it comes from"
            )


@record
class Change:
    """Why a clause differs from the previous version (used by the changelog)."""

    reason: str = field(min_length=1, description="Plain-English reason for the change.")
    answers: tuple[Key, ...] = field(
        default=(), description="Ids of the consultation comments this change answers."
    )


@record
class Removal:
    """A clause of the previous version that this version leaves out, and why."""

    key: Key = field(description="Key of the clause in the previous version.")
    reason: str = field(min_length=1, description="Plain-English reason for removing it.")
    answers: tuple[Key, ...] = field(
        default=(), description="Ids of the consultation comments this removal answers."
    )


@record
class Item:
    key: Key
    text: Text


@record
class Clause:
    key: Key
    text: Text
    provenance: Provenance
    items: tuple[Item, ...] = field(default=(), description="Lettered items: (a), (b), ...")
    refs: tuple[Key, ...] = field(
        default=(), description="Keys of clauses this clause points the reader to ('see also')."
    )
    guidance: tuple[Key, ...] = field(default=(), description="Ids of guidance this clause cites.")
    change: Change | None = None


@record
class Section:
    key: Key
    title: str = field(min_length=1, max_length=200)
    clauses: tuple[Clause, ...]


class Status(StrEnum):
    draft = "draft"
    adopted = "adopted"
    superseded = "superseded"


@record
class Version:
    """One version of the Code, as adopted or as drafted."""

    id: str = field(pattern=VERSION_ID_PATTERN, description="Version number, e.g. '1.0'.")
    title: str = field(min_length=1)
    status: Status
    body: str = field(
        min_length=1,
        description="The body that approved this version, or that a draft is prepared for.",
    )
    date: dt.date = field(
        description="Date approved (adopted or superseded) or the meeting a draft is prepared for."
    )
    superseded_on: dt.date | None = None
    summary: str = field(min_length=1, description="One or two plain sentences about this version.")
    sections: tuple[Section, ...]
    removed: tuple[Removal, ...] = field(
        default=(), description="Clauses of the previous version left out of this one, with why."
    )


@record
class Manifest:
    """content/data/code.yaml: which files hold the Code, in date order."""

    title: str = field(min_length=1)
    source_document: str = field(
        min_length=1,
        description="The document the Code's wording is taken from, as a reader would name it, "
        "e.g. 'the report to the Constitution and Ethics Committee of 1 October 2019'.",
    )
    versions: tuple[str, ...] = field(min_length=1)
    guidance: str | None = None
    consultation: str | None = None


@record
class Guidance:
    """A published reference the Code points readers to."""

    id: Key
    title: str = field(min_length=1)
    publisher: str = field(min_length=1)
    # Checked by guidance.check_guidance, which says exactly what is wrong with an address.
    url: str | None = field(
        default=None,
        description="The address as the report cites it; https only. Leave out if none.",
        schema_extra={"format": "uri", "pattern": r"^https://[^\s/$.?#][^\s]*$"},
    )
    cited_in: str = field(pattern=REPORT_PARAGRAPH_PATTERN,
                          description="Where the report cites it, e.g. '3.1' or 'Appendix 3'.")
    summary: str = field(min_length=1, description="One plain sentence on what the reader finds.")
    callout: str | None = field(
        default=None, min_length=1, max_length=80,
        description="A heading that makes the guidance stand out where it is shown, e.g. "
        "'Being abused or threatened online?'. Leave out for a plain 'Further guidance' note.",
    )


@record
class GuidanceList:
    guidance: tuple[Guidance, ...]


class ResponseStatus(StrEnum):
    addressed = "addressed"
    partly_addressed = "partly-addressed"
    not_addressed = "not-addressed"
    for_committee = "for-committee"


@record
class Response:
    """How the revised version answers a comment, or why it does not."""

    status: ResponseStatus
    text: str = field(min_length=1, description="The answer, in plain English.")
    clauses: tuple[Key, ...] = field(
        default=(), description="Keys of clauses in the revised version that answer the comment."
    )
    options: tuple[Annotated[str, Rule(min_length=1)], ...] = field(
        default=(),
        description="For a comment the committee must decide (status 'for-committee'): the "
        "choices open to it, one plain sentence each.",
    )


class CommentKind(StrEnum):
    quoted = "quoted"
    summarised = "summarised"


@record
class Comment:
    """One member's comment on the Code, as the report records it."""

    id: Key
    member: str = field(min_length=1, description="e.g. 'Cllr Manning'.")
    topic: str = field(
        min_length=1, max_length=120,
        description="A few words naming what the comment is about, used as its heading and "
        "as the text of links to it, e.g. 'The reputation clause'.",
    )
    paragraph: str = field(pattern=REPORT_PARAGRAPH_PATTERN, description="Report paragraph.")
    kind: CommentKind = field(description="quoted: the member's words exactly; summarised.")
    words: str = field(
        min_length=1,
        description="What the member said: exactly, for 'quoted'; in plain words, for "
        "'summarised'. Same Markdown subset as clause text, without cross-references.",
    )
    concerns: tuple[Key, ...] = field(
        default=(),
        description="Keys of the clauses (or lettered items) of the reviewed version it is "
        "about; none when it is about the whole Code.",
    )
    response: Response


@record
class Consultation:
    """The members' comments on one version and how the next version answers them."""

    reviewed_version: str = field(pattern=VERSION_ID_PATTERN)
    answered_by: str = field(pattern=VERSION_ID_PATTERN)
    comments: tuple[Comment, ...] = field(min_length=1)
