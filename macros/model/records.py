"""Typed, immutable models of the Code's data, as the YAML files hold it.

These models are the single source of the data's shape: the loader validates
YAML into them with pydantic and the published JSON Schema is generated from them.
Each is a frozen, slotted dataclass; `Annotated[..., Field(...)]` adds a field's
description and constraints. A record's `__post_init__` checks rules across its
fields, raising ValueError; pydantic reports it as a problem of that record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import ConfigDict, Field, TypeAdapter, with_config
from pydantic_core import to_json

from macros.model.status import FieldRule as FieldRule  # the loader imports both from here
from macros.model.status import Status as Status
from macros.model.status import check_dates

T = TypeVar("T")

KEY_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
VERSION_ID_PATTERN = r"^[0-9]+\.[0-9]+$"
REPORT_PARAGRAPH_PATTERN = r"^([0-9]+(\.[0-9]+)*|Appendix [0-9]+)$"

# How pydantic validates every record: text stripped of surrounding white space, and a field
# the record does not declare refused.
RECORD = ConfigDict(extra="forbid", str_strip_whitespace=True)
# The published JSON documents (macros/export/): read back exactly as written.
DOCUMENT = ConfigDict(extra="forbid")

_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def adapter(record: type[T]) -> TypeAdapter[T]:
    """Pydantic's validator, serialiser and JSON Schema for a record type, made once."""
    made = _ADAPTERS.get(record)
    if made is None:
        made = _ADAPTERS[record] = TypeAdapter(record)
    return made


def validate(record: type[T], data: Any) -> T:
    """`data`, parsed from YAML or JSON, as a `record`; raises pydantic's ValidationError
    listing every fault.

    The data is checked as JSON, strictly: as the published JSON Schema describes it and an
    editor's schema tools check it. Text must be text (a YAML date where text belongs is read
    as the text written), a date a real YYYY-MM-DD date, a whole number an integer; a number
    is never taken for text, a date or true/false.
    """
    json = to_json(data, inf_nan_mode="constants", bytes_mode="base64")
    return adapter(record).validate_json(json, strict=True)


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


class ProvenanceKind(StrEnum):
    verbatim = "verbatim"
    reconstructed = "reconstructed"
    drafted = "drafted"


HTTPS_URL = {"format": "uri", "pattern": r"^https://[^\s/$.?#][^\s]*$"}


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A document that wording comes from or that cites guidance, declared once in the manifest."""

    id: Annotated[Key, Field(description="The id a clause's 'source' or a guidance entry's "
                             "'cited_in' names it by, e.g. 'committee-report'.")]
    title: Annotated[str, Field(
        min_length=1,
        description="The document as a reader would name it in a sentence, e.g. 'the report to "
        "the Standards Committee'.",
    )]
    date: Annotated[dt.date | None, Field(
        description="Its date, shown after the title ('of 4 March 2024') unless the title says it.",
    )] = None
    # Checked by documents.check_documents, which says exactly what is wrong with an address.
    url: Annotated[str | None, Field(
        description="Where it is published; https only. Leave out if it is not online.",
        json_schema_extra=HTTPS_URL,
    )] = None
    publisher: Annotated[str | None, Field(min_length=1, description="Who published it.")] = None


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """A place in a document: the document's id, and where in it, if it says."""

    document: Annotated[Key, Field(description="The id of a document listed under 'documents' "
                                   "in the manifest.")]
    at: Annotated[str | None, Field(
        min_length=1,
        max_length=200,
        description="Where in the document, as a reader would find it: 'paragraph 2.2', "
        "'page 3', 'bullet 7', 'Appendix 3', a heading. Leave out for the whole document.",
    )] = None


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where a clause's wording comes from."""

    kind: Annotated[ProvenanceKind, Field(
        description="verbatim: quoted exactly in the source document; reconstructed: written "
        "from the source's description of the clause; drafted: new wording written for this "
        "version.",
    )]
    source: Annotated[Citation | None, Field(
        description="The document (and the place in it) that quotes or describes the clause, "
        "e.g. {document: committee-report, at: paragraph 2.2}.",
    )] = None
    note: Annotated[str | None, Field(
        description="Anything a reader should know about the wording's origin.",
    )] = None

    def __post_init__(self) -> None:
        if self.kind is not ProvenanceKind.drafted and not self.source:
            raise ValueError(
                f"a {self.kind.value} clause needs 'source': the document it comes from"
            )


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """Why a clause differs from the previous version (used by the changelog)."""

    reason: Annotated[str, Field(min_length=1, description="Plain-English reason for the change.")]
    answers: Annotated[tuple[Key, ...], Field(
        description="Ids of the members' comments this change answers.",
    )] = ()


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """A clause of the previous version that this version leaves out, and why."""

    key: Annotated[Key, Field(description="Key of the clause in the previous version.")]
    reason: Annotated[str, Field(min_length=1, description="Plain-English reason for removing it.")]
    answers: Annotated[tuple[Key, ...], Field(
        description="Ids of the members' comments this removal answers.",
    )] = ()


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    key: Key
    text: Text


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Clause:
    key: Key
    text: Text
    provenance: Provenance
    items: Annotated[tuple[Item, ...], Field(description="Lettered items: (a), (b), ...")] = ()
    refs: Annotated[tuple[Key, ...], Field(
        description="Keys of clauses this clause points the reader to ('see also').",
    )] = ()
    guidance: Annotated[tuple[Key, ...], Field(
        description="Ids of guidance this clause cites.",
    )] = ()
    change: Change | None = None


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    key: Key
    title: Annotated[str, Field(min_length=1, max_length=200)]
    clauses: tuple[Clause, ...]


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Version:
    """One version of the Code, as adopted or as drafted."""

    id: Annotated[str, Field(pattern=VERSION_ID_PATTERN, description="Version number, e.g. '1.0'.")]
    title: Annotated[str, Field(min_length=1)]
    status: Status
    body: Annotated[str, Field(
        min_length=1,
        description="The body that approved this version, or that a draft is prepared for.",
    )]
    prepared_for: Annotated[dt.date | None, Field(
        description="The date of the meeting of 'body' the version was prepared for. A draft "
        "has it (and keeps it when replaced); an adopted or superseded version keeps it if known.",
    )] = None
    approved_on: Annotated[dt.date | None, Field(
        description="The date 'body' approved the version, from which it is in force. An adopted "
        "or superseded version has it; a draft has not.",
    )] = None
    superseded_on: Annotated[dt.date | None, Field(
        description="For a superseded version: the date the version after it came into force.",
    )] = None
    replaced_by: Annotated[str | None, Field(
        pattern=VERSION_ID_PATTERN,
        description="For a replaced draft (status 'replaced'): the later version adopted in its "
        "place, e.g. '2.1'. The draft was not adopted as it stood; it stays published as it was.",
    )] = None
    summary: Annotated[str, Field(
        min_length=1,
        description="One or two plain sentences about this version.",
    )]
    sections: tuple[Section, ...]
    removed: Annotated[tuple[Removal, ...], Field(
        description="Clauses of the previous version left out of this one, with why.",
    )] = ()

    def __post_init__(self) -> None:
        check_dates(self.status, prepared_for=self.prepared_for, approved_on=self.approved_on,
                    superseded_on=self.superseded_on, replaced_by=self.replaced_by)

    @property
    def status_date(self) -> dt.date:
        """The date its status is dated from: the date approved for a version approved, else
        the meeting the draft was prepared for."""
        dated = self.approved_on or self.prepared_for
        if dated is None:  # __post_init__ requires one of them
            raise ValueError(f"version {self.id} has neither approved_on nor prepared_for")
        return dated


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Manifest:
    """content/data/code.yaml: which files hold the Code, in date order."""

    title: Annotated[str, Field(min_length=1)]
    documents: Annotated[tuple[Document, ...], Field(
        description="The documents clauses' wording comes from and guidance is cited in, each "
        "once; clauses and guidance name them by id.",
    )] = ()
    versions: Annotated[tuple[str, ...], Field(min_length=1)]
    guidance: str | None = None
    consultation: str | None = None


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class Guidance:
    """A published reference the clauses point readers to."""

    id: Key
    title: Annotated[str, Field(min_length=1)]
    publisher: Annotated[str, Field(min_length=1)]
    # Checked by guidance.check_guidance, which says exactly what is wrong with an address.
    url: Annotated[str | None, Field(
        description="The address as the report cites it; https only. Leave out if none.",
        json_schema_extra=HTTPS_URL,
    )] = None
    cited_in: Annotated[tuple[Citation, ...], Field(
        description="The documents that cite it, and where, e.g. "
        "[{document: committee-report, at: paragraph 3.1}]. Leave out if none does.",
    )] = ()
    summary: Annotated[str, Field(
        min_length=1,
        description="One plain sentence on what the reader finds.",
    )]
    callout: Annotated[str | None, Field(
        min_length=1,
        max_length=80,
        description="A heading that makes the guidance stand out where it is shown, e.g. "
        "'Being abused or threatened online?'. Leave out for a plain 'Further guidance' note.",
    )] = None


@with_config(RECORD)
@dataclass(frozen=True, slots=True, kw_only=True)
class GuidanceList:
    guidance: tuple[Guidance, ...]
