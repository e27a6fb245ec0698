"""Each version of the Code as JSON, for other council systems.

The JSON is built from the same numbered Code as the web pages, so numbers,
anchors and URLs are the same. Its shape is the `VersionDocument` model: the
published JSON Schema is generated from it, and a downloaded file can be read
back into it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, with_config

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedClause, NumberedItem, NumberedVersion, Target
from macros.compute.versions import replacement, status_text
from macros.model import inline
from macros.model.records import (
    DOCUMENT,
    Change,
    Document,
    Guidance,
    Key,
    Provenance,
    Removal,
    Status,
    adapter,
)

SCHEMA_NAME = urls.VERSION_SCHEMA_NAME
RefContext = Literal["text", "see-also"]  # named in the wording, or listed after it


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """A cross-reference to another clause or item of the same version."""

    key: Annotated[Key, Field(description="Stable key of the clause or item referred to.")]
    number: Annotated[str, Field(description="Its number in this version, e.g. '2.3' or '2.3(a)'.")]
    url: Annotated[str, Field(description="Its versioned URL.")]
    context: Annotated[RefContext, Field(
        description="text: named in the wording; see-also: listed after the clause.",
    )]


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class ExportItem:
    key: Key
    letter: Annotated[str, Field(description="The item's letter, e.g. 'a'.")]
    number: Annotated[str, Field(description="e.g. '2.3(a)'.")]
    anchor: Annotated[str, Field(
        description="Anchor of the item on its version page, e.g. 'clause-2.3-a'.",
    )]
    url: Annotated[str, Field(description="Versioned URL of the item.")]
    text: Annotated[str, Field(
        description="Wording in the data's Markdown subset; [[key]] is a cross-reference.",
    )]
    plain_text: Annotated[str, Field(
        description="Wording as plain text, cross-references as numbers.",
    )]
    cross_references: tuple[Reference, ...] = ()


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class ExportClause:
    key: Annotated[Key, Field(
        description="Stable key: follows the clause from version to version.",
    )]
    number: Annotated[str, Field(description="Number in this version, e.g. '2.3'.")]
    anchor: Annotated[str, Field(
        description="Anchor on the version page, e.g. 'clause-2.3'. The key is also an anchor.",
    )]
    url: Annotated[str, Field(description="Versioned URL of the clause: it never changes meaning.")]
    text: Annotated[str, Field(
        description="Wording in the data's Markdown subset; [[key]] is a cross-reference.",
    )]
    plain_text: Annotated[str, Field(
        description="Wording as plain text, cross-references as numbers.",
    )]
    provenance: Provenance
    items: tuple[ExportItem, ...] = ()
    cross_references: tuple[Reference, ...] = ()
    guidance: Annotated[tuple[Key, ...], Field(
        description="Ids of guidance cited; see the document's 'guidance' list.",
    )] = ()
    change: Annotated[Change | None, Field(
        description="Why the clause differs from the previous version, when it does.",
    )] = None


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class ExportSection:
    key: Key
    number: str
    anchor: str
    url: str
    title: str
    clauses: tuple[ExportClause, ...]


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class VersionInfo:
    id: str
    title: str
    status: Annotated[Status, Field(
        description="draft; adopted (in force if in_force is true); superseded; replaced: a "
        "draft not adopted as it stood, another version (replaced_by) adopted in its place.",
    )]
    status_text: Annotated[str, Field(description="Plain sentence: in force, superseded or draft.")]
    in_force: Annotated[bool, Field(description="True only for the version in force.")]
    body: Annotated[str, Field(
        description="Body that approved this version, or that a draft is for.",
    )]
    date: Annotated[dt.date, Field(
        description="Kept with its first meaning: the date approved (approved_on) for an "
        "adopted or superseded version; for a draft, or a replaced one, the date of the meeting "
        "it was prepared for (prepared_for).",
    )]
    prepared_for: Annotated[dt.date | None, Field(
        description="The date of the meeting the version was prepared for, if known; every "
        "draft has it.",
    )] = None
    approved_on: Annotated[dt.date | None, Field(
        description="The date the body approved the version, from which it is in force; none "
        "for a draft, or a replaced one.",
    )] = None
    superseded_on: dt.date | None = None
    replaced_by: Annotated[str | None, Field(
        description="For a replaced draft (status 'replaced'): the id of the version adopted in "
        "its place. The draft was not adopted as it stood, and stays published as it was.",
    )] = None
    replaced_by_url: Annotated[str | None, Field(
        description="The page of the version adopted in its place.",
    )] = None
    replaced_on: Annotated[dt.date | None, Field(
        description="The date the version adopted in its place was approved.",
    )] = None
    summary: str
    previous: Annotated[str | None, Field(description="Id of the version before.")] = None
    url: Annotated[str, Field(description="The version's page.")]
    pdf_url: str
    json_url: str
    changes_url: Annotated[str | None, Field(
        description="What changed from the previous version, as JSON.",
    )] = None


@with_config(DOCUMENT)
@dataclass(frozen=True, slots=True, kw_only=True)
class VersionDocument:
    """One version of the document, numbered, as published at code/<id>/code-<id>.json."""

    schema_uri: Annotated[str, Field(alias="$schema", description="URL of this JSON Schema.")]
    council: str
    code_title: Annotated[str, Field(title="Document Title", description="The document's title.")]
    documents: Annotated[tuple[Document, ...], Field(
        description="The documents its clauses' wording comes from and its guidance is cited "
        "in; a clause's 'provenance.source' and a guidance entry's 'cited_in' name them by id.",
    )] = ()
    version: VersionInfo
    sections: tuple[ExportSection, ...]
    removed: Annotated[tuple[Removal, ...], Field(
        description="Clauses of the previous version left out, with why.",
    )] = ()
    guidance: Annotated[tuple[Guidance, ...], Field(
        description="Guidance cited by this version's clauses.",
    )] = ()


def _clause_refs(clause: NumberedClause) -> Iterator[tuple[str, RefContext]]:
    for key in inline.xref_keys(clause.text):
        yield key, "text"
    for key in clause.clause.refs:
        yield key, "see-also"


def _references(
    pairs: Iterator[tuple[str, RefContext]], version: NumberedVersion, site_url: str
) -> tuple[Reference, ...]:
    seen: set[tuple[str, RefContext]] = set()
    refs = []
    for key, context in pairs:
        if (key, context) in seen:
            continue
        seen.add((key, context))
        target = version.targets[key]
        refs.append(Reference(key=key, number=target.number, context=context,
                              url=_url(site_url, version, target)))
    return tuple(refs)


def _url(site_url: str, version: NumberedVersion, target: Target) -> str:
    return urls.absolute(site_url, urls.anchored(urls.version_path(version.id), target.anchor))


def _plain(version: NumberedVersion) -> Callable[[str], str]:
    def xref_text(key: str) -> str:
        return version.targets[key].label
    return xref_text


def _item(item: NumberedItem, raw: str, version: NumberedVersion, site_url: str) -> ExportItem:
    refs = _references(((k, "text") for k in inline.xref_keys(item.text)), version, site_url)
    return ExportItem(key=item.target.key, letter=item.letter, number=item.target.number,
                      anchor=item.target.anchor, url=_url(site_url, version, item.target),
                      text=raw, plain_text=inline.render_plain(item.text, _plain(version)),
                      cross_references=refs)


def _clause(clause: NumberedClause, version: NumberedVersion, site_url: str) -> ExportClause:
    c = clause.clause
    items = tuple(_item(n, raw.text, version, site_url) for n, raw in zip(clause.items, c.items,
                                                                         strict=True))
    return ExportClause(
        key=c.key, number=clause.number, anchor=clause.target.anchor,
        url=_url(site_url, version, clause.target),
        text=c.text, plain_text=inline.render_plain(clause.text, _plain(version)),
        provenance=c.provenance, items=items,
        cross_references=_references(_clause_refs(clause), version, site_url),
        guidance=c.guidance, change=c.change,
    )


def version_document(code: Code, version: NumberedVersion, site_url: str,
                     council: str) -> VersionDocument:
    """The JSON document of one version, with absolute URLs under `site_url`."""
    v = version.version
    previous = code.previous(version.id)
    current = code.current
    sections = tuple(
        ExportSection(key=s.section.key, number=s.target.number, anchor=s.target.anchor,
                      url=_url(site_url, version, s.target), title=s.title,
                      clauses=tuple(_clause(c, version, site_url) for c in s.clauses))
        for s in version.sections
    )
    cited = {g for c in version.clauses() for g in c.clause.guidance}
    guidance = tuple(g for gid, g in code.guidance.items() if gid in cited)
    sources = {c.clause.provenance.source.document for c in version.clauses()
               if c.clause.provenance.source}
    sources.update(c.document for g in guidance for c in g.cited_in)
    later = replacement(code, version)
    info = VersionInfo(
        id=v.id, title=v.title, status=v.status, status_text=status_text(code, version),
        in_force=current is not None and current.id == v.id, body=v.body, date=v.status_date,
        prepared_for=v.prepared_for, approved_on=v.approved_on,
        superseded_on=v.superseded_on, replaced_by=later.id if later else None,
        replaced_by_url=urls.absolute(site_url, urls.version_path(later.id)) if later else None,
        replaced_on=later.version.approved_on if later else None, summary=v.summary,
        previous=previous.id if previous else None,
        url=urls.absolute(site_url, urls.version_path(v.id)),
        pdf_url=urls.absolute(site_url, urls.download_path(v.id, "pdf")),
        json_url=urls.absolute(site_url, urls.download_path(v.id, "json")),
        changes_url=urls.absolute(site_url, urls.changes_json_path(v.id)) if previous else None,
    )
    return VersionDocument(
        schema_uri=urls.absolute(site_url, urls.schema_path()), council=council,
        code_title=code.title, version=info, sections=sections, removed=v.removed,
        documents=tuple(d for did, d in code.documents.items() if did in sources),
        guidance=guidance,
    )


def to_json(document: object) -> bytes:
    """Stable, readable JSON bytes of an export document, fields named as published."""
    return adapter(type(document)).dump_json(document, indent=2, by_alias=True) + b"\n"
