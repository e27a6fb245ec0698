"""Typed, immutable models of the Code's data, as the YAML files hold it.

These models are the single source of the data's shape: the loader validates
YAML into them and the published JSON Schema is generated from them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

KEY_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
VERSION_ID_PATTERN = r"^[0-9]+\.[0-9]+$"
REPORT_PARAGRAPH_PATTERN = r"^([0-9]+(\.[0-9]+)*|Appendix [0-9]+)$"

Key = Annotated[
    str,
    Field(
        pattern=KEY_PATTERN,
        max_length=80,
        description="Stable key: lower-case words joined by hyphens. Never reused for another "
        "clause, and kept when the clause moves or is reworded.",
    ),
]
Text = Annotated[
    str,
    Field(
        min_length=1,
        max_length=20_000,
        description="Clause wording in a small Markdown subset: **bold**, *emphasis*, "
        "[link text](https://address), [[clause-key]] for a cross-reference, and a blank line "
        "between paragraphs. HTML is not allowed.",
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class ProvenanceKind(StrEnum):
    verbatim = "verbatim"
    reconstructed = "reconstructed"
    drafted = "drafted"


class Provenance(Strict):
    """Where a clause's wording comes from."""

    kind: ProvenanceKind = Field(
        description="verbatim: quoted exactly in the committee report; reconstructed: written "
        "from the report's description of the clause; drafted: new wording written for this "
        "version."
    )
    source: str | None = Field(
        default=None,
        pattern=REPORT_PARAGRAPH_PATTERN,
        description="The report paragraph that quotes or describes the clause, e.g. '2.2'.",
    )
    note: str | None = Field(
        default=None, description="Anything a reader should know about the wording's origin."
    )

    @model_validator(mode="after")
    def _source_needed(self) -> Provenance:
        if self.kind is not ProvenanceKind.drafted and not self.source:
            raise ValueError(
                f"a {self.kind.value} clause needs 'source': the report paragraph it comes from"
            )
        return self


class Change(Strict):
    """Why a clause differs from the previous version (used by the changelog)."""

    reason: str = Field(min_length=1, description="Plain-English reason for the change.")
    answers: tuple[Key, ...] = Field(
        default=(), description="Ids of the consultation comments this change answers."
    )


class Removal(Strict):
    """A clause of the previous version that this version leaves out, and why."""

    key: Key = Field(description="Key of the clause in the previous version.")
    reason: str = Field(min_length=1, description="Plain-English reason for removing it.")
    answers: tuple[Key, ...] = Field(
        default=(), description="Ids of the consultation comments this removal answers."
    )


class Item(Strict):
    key: Key
    text: Text


class Clause(Strict):
    key: Key
    text: Text
    provenance: Provenance
    items: tuple[Item, ...] = Field(default=(), description="Lettered items: (a), (b), ...")
    refs: tuple[Key, ...] = Field(
        default=(), description="Keys of clauses this clause points the reader to ('see also')."
    )
    guidance: tuple[Key, ...] = Field(default=(), description="Ids of guidance this clause cites.")
    change: Change | None = None


class Section(Strict):
    key: Key
    title: str = Field(min_length=1, max_length=200)
    clauses: tuple[Clause, ...]


class Status(StrEnum):
    draft = "draft"
    adopted = "adopted"
    superseded = "superseded"


class Version(Strict):
    """One version of the Code, as adopted or as drafted."""

    id: str = Field(pattern=VERSION_ID_PATTERN, description="Version number, e.g. '1.0'.")
    title: str = Field(min_length=1)
    status: Status
    body: str = Field(
        min_length=1,
        description="The body that approved this version, or that a draft is prepared for.",
    )
    date: dt.date = Field(
        description="Date approved (adopted or superseded) or the meeting a draft is prepared for."
    )
    superseded_on: dt.date | None = None
    summary: str = Field(min_length=1, description="One or two plain sentences about this version.")
    sections: tuple[Section, ...]
    removed: tuple[Removal, ...] = Field(
        default=(), description="Clauses of the previous version left out of this one, with why."
    )


class Manifest(Strict):
    """content/data/code.yaml: which files hold the Code, in date order."""

    title: str = Field(min_length=1)
    source_document: str = Field(
        min_length=1,
        description="The document the Code's wording is taken from, as a reader would name it, "
        "e.g. 'the report to the Constitution and Ethics Committee of 1 October 2019'.",
    )
    versions: tuple[str, ...] = Field(min_length=1)
    guidance: str | None = None
    consultation: str | None = None


class Guidance(Strict):
    """A published reference the Code points readers to."""

    id: Key
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    # Checked by guidance.check_guidance, which says exactly what is wrong with an address.
    url: str | None = Field(
        default=None,
        description="The address as the report cites it; https only. Leave out if none.",
        json_schema_extra={"format": "uri", "pattern": r"^https://[^\s/$.?#][^\s]*$"},
    )
    cited_in: str = Field(pattern=REPORT_PARAGRAPH_PATTERN,
                          description="Where the report cites it, e.g. '3.1' or 'Appendix 3'.")
    summary: str = Field(min_length=1, description="One plain sentence on what the reader finds.")
    callout: str | None = Field(
        default=None, min_length=1, max_length=80,
        description="A heading that makes the guidance stand out where it is shown, e.g. "
        "'Being abused or threatened online?'. Leave out for a plain 'Further guidance' note.",
    )


class GuidanceList(Strict):
    guidance: tuple[Guidance, ...]


class ResponseStatus(StrEnum):
    addressed = "addressed"
    partly_addressed = "partly-addressed"
    not_addressed = "not-addressed"
    for_committee = "for-committee"


class Response(Strict):
    """How the revised version answers a comment, or why it does not."""

    status: ResponseStatus
    text: str = Field(min_length=1, description="The answer, in plain English.")
    clauses: tuple[Key, ...] = Field(
        default=(), description="Keys of clauses in the revised version that answer the comment."
    )
    options: tuple[Annotated[str, Field(min_length=1)], ...] = Field(
        default=(),
        description="For a comment the committee must decide (status 'for-committee'): the "
        "choices open to it, one plain sentence each.",
    )


class CommentKind(StrEnum):
    quoted = "quoted"
    summarised = "summarised"


class Comment(Strict):
    """One member's comment on the Code, as the report records it."""

    id: Key
    member: str = Field(min_length=1, description="e.g. 'Cllr Manning'.")
    topic: str = Field(
        min_length=1, max_length=120,
        description="A few words naming what the comment is about, used as its heading and "
        "as the text of links to it, e.g. 'The reputation clause'.",
    )
    paragraph: str = Field(pattern=REPORT_PARAGRAPH_PATTERN, description="Report paragraph.")
    kind: CommentKind = Field(description="quoted: the member's words exactly; summarised.")
    words: str = Field(
        min_length=1,
        description="What the member said: exactly, for 'quoted'; in plain words, for "
        "'summarised'. Same Markdown subset as clause text, without cross-references.",
    )
    concerns: tuple[Key, ...] = Field(
        default=(),
        description="Keys of the clauses (or lettered items) of the reviewed version it is "
        "about; none when it is about the whole Code.",
    )
    response: Response


class Consultation(Strict):
    """The members' comments on one version and how the next version answers them."""

    reviewed_version: str = Field(pattern=VERSION_ID_PATTERN)
    answered_by: str = Field(pattern=VERSION_ID_PATTERN)
    comments: tuple[Comment, ...] = Field(min_length=1)
