"""Checks that need more than one field: keys, references, order and status.

Every check runs on every version and every problem is collected, so one
build reports all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from macros.load.loader import Loaded, RawCode
from macros.model import inline
from macros.model.inline import Paragraph
from macros.model.problems import Problem, did_you_mean
from macros.model.records import Status, Version

RESERVED_PREFIXES = ("clause-", "section-", "md-", "smc-", "__")


@dataclass
class VersionCheck:
    """What checking one version found: its parsed texts and its problems."""

    texts: dict[str, tuple[Paragraph, ...]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class _Place(NamedTuple):
    kind: str
    key: str
    loc: tuple[str | int, ...]
    section: int
    text: str | None
    refs: tuple[str, ...] = ()
    guidance: tuple[str, ...] = ()
    source: str | None = None  # the document its wording comes from


def _places(version: Version) -> Iterator[_Place]:
    for s, section in enumerate(version.sections):
        s_loc: tuple[str | int, ...] = ("sections", s)
        yield _Place("section", section.key, s_loc, s, None)
        for c, clause in enumerate(section.clauses):
            c_loc = (*s_loc, "clauses", c)
            source = clause.provenance.source
            yield _Place("clause", clause.key, c_loc, s, clause.text, clause.refs,
                         clause.guidance, source.document if source else None)
            for i, item in enumerate(clause.items):
                yield _Place("item", item.key, (*c_loc, "items", i), s, item.text)


def check_version(
    loaded: Loaded[Version], guidance_ids: frozenset[str] | None,
    document_ids: frozenset[str] = frozenset(),
) -> VersionCheck:
    """Check one version; `guidance_ids` is None when the guidance could not be loaded;
    `document_ids` are the documents the manifest lists."""
    doc, version = loaded.doc, loaded.model
    result = VersionCheck()

    def report(place: _Place | None, loc: tuple[str | int, ...], message: str, fix: str) -> None:
        label = f"{place.kind} '{place.key}'" if place else f"version '{version.id}'"
        result.problems.append(Problem(doc.file, doc.line(loc), label, message, fix))

    if not version.sections:
        report(None, ("sections",), "the version has no sections",
               "add at least one section with clauses")
    places = list(_places(version))
    seen: dict[str, _Place] = {}
    for place in places:
        if place.key.startswith(RESERVED_PREFIXES):
            report(place, (*place.loc, "key"), f"key '{place.key}' starts with a reserved prefix",
                   "choose a key that does not start with " + ", ".join(RESERVED_PREFIXES))
        if place.key in seen:
            first = seen[place.key]
            report(place, (*place.loc, "key"),
                   f"duplicate key '{place.key}' (already used by a {first.kind} at line "
                   f"{doc.line((*first.loc, 'key'))})",
                   "give every section, clause and item its own key")
        else:
            seen[place.key] = place
        if place.kind == "section" and not version.sections[place.section].clauses:
            report(place, (*place.loc, "clauses"), "the section has no clauses",
                   "add at least one clause or remove the section")
        if place.text is not None:
            try:
                result.texts[place.key] = inline.parse(place.text)
            except inline.InlineError as err:
                report(place, (*place.loc, "text"), err.message, err.fix)
    for place in places:
        text_refs = tuple(inline.xref_keys(result.texts.get(place.key, ())))
        for where, keys in (("refs", place.refs), ("text", text_refs)):
            for key in keys:
                if key == place.key:
                    report(place, (*place.loc, where), f"refers to itself ('{key}')",
                           "remove the reference; a clause cannot refer to itself")
                elif key not in seen:
                    report(place, (*place.loc, where),
                           f"cross-reference to unknown key '{key}'.{did_you_mean(key, seen)}"
                           .rstrip(), f"use the key of a clause in version {version.id}")
        for gid in place.guidance:
            if guidance_ids is not None and gid not in guidance_ids:
                report(place, (*place.loc, "guidance"),
                       f"unknown guidance id '{gid}'.{did_you_mean(gid, guidance_ids)}".rstrip(),
                       "use an id from content/data/guidance.yaml, or add the guidance there")
        if place.source is not None and place.source not in document_ids:
            listed = ", ".join(sorted(document_ids))
            report(place, (*place.loc, "provenance", "source", "document"),
                   f"unknown source document '{place.source}'."
                   f"{did_you_mean(place.source, document_ids)}".rstrip(),
                   "use the id of a document listed under 'documents:' in "
                   f"content/data/code.yaml{f' ({listed})' if listed else ''}, or add the "
                   "document there")
    return result


def check_versions(raw: RawCode) -> list[Problem]:
    """Checks across versions: unique ids, date order, a single version in force."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    previous: Loaded[Version] | None = None
    for loaded in raw.versions:
        doc, version = loaded.doc, loaded.model
        label = f"version '{version.id}'"
        if version.id in seen:
            problems.append(Problem(doc.file, doc.line(("id",)), label,
                                    f"version id '{version.id}' is also used by {seen[version.id]}",
                                    "give each version its own id"))
        seen.setdefault(version.id, doc.file)
        if previous and version.status_date < previous.model.status_date:
            field = "approved_on" if version.approved_on else "prepared_for"
            problems.append(Problem(
                doc.file, doc.line((field,)), label,
                f"dated {version.status_date.isoformat()}, before version {previous.model.id} "
                f"({previous.model.status_date.isoformat()}) listed above it",
                "list versions in content/data/code.yaml from oldest to newest"))
        previous = loaded
    problems.extend(_replacements(raw))
    adopted = [v for v in raw.versions if v.model.status is Status.adopted]
    problems.extend(
        Problem(
            loaded.doc.file, loaded.doc.line(("status",)), f"version '{loaded.model.id}'",
            f"is marked adopted but a later version ({adopted[-1].model.id}) is adopted too",
            "mark the older version 'superseded' and give its 'superseded_on' date")
        for loaded in adopted[:-1])
    return problems


APPROVED = (Status.adopted, Status.superseded)


def _replacements(raw: RawCode) -> Iterator[Problem]:
    """A replaced draft names a later version that was approved; a draft listed before an
    approved version was replaced by it (it can no longer come into force)."""
    versions = [loaded.model for loaded in raw.versions]
    for i, loaded in enumerate(raw.versions):
        doc, version = loaded.doc, loaded.model
        label = f"version '{version.id}'"
        later = versions[i + 1:]
        if version.status is Status.replaced:
            by = next((v for v in later if v.id == version.replaced_by), None)
            if by is None and raw.every_version_loaded:  # else it may be in a file that failed
                named = ", ".join(v.id for v in later) or "none"
                yield Problem(doc.file, doc.line(("replaced_by",)), label,
                              f"replaced_by '{version.replaced_by}' is not a version listed "
                              f"after it (listed after it: {named})",
                              "name the version adopted in its place, listed after it in "
                              "content/data/code.yaml")
            elif by is not None and by.status not in APPROVED:
                yield Problem(doc.file, doc.line(("replaced_by",)), label,
                              f"replaced_by '{by.id}' names a version that is {by.status.value}, "
                              "not approved",
                              f"adopt version {by.id} with 'python -m macros adopt', which marks "
                              f"this draft replaced, or make this version a draft again "
                              "(status: draft, without replaced_by)")
        elif version.status is Status.draft:
            approved = next((v for v in later if v.status in APPROVED), None)
            if approved is not None:
                yield Problem(doc.file, doc.line(("status",)), label,
                              f"is a draft, but version {approved.id}, listed after it, is "
                              f"{approved.status.value}: this draft can no longer be adopted",
                              f"mark it 'status: replaced' with 'replaced_by: \"{approved.id}\"' "
                              "(it stays published as it was)")
