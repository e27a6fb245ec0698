"""A published version keeps its wording: the check against the record, and its corrections.

A version is published once `record-urls` has recorded it. From then on the record holds
fingerprints of its wording (see `macros.compute.fingerprints`), and every build fails,
naming the version file, the line and the clause, if a clause is reworded, a clause or
section is added, or a heading changes. Changes are published as a new version. The one
way to change a recorded fingerprint is a correction, for data that never matched the
adopted text: `record-urls --correct <version> <key> --reason "..."` replaces the
fingerprint and writes the date and the reason on the line after it, for review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from macros.compute import urls
from macros.compute.code import Code, build_code
from macros.compute.fingerprints import (
    Fingerprint,
    clause_digest,
    outline_digest,
    section_digest,
    version_fingerprints,
)
from macros.compute.numbering import NumberedVersion
from macros.compute.recordfile import (
    EMPTY,
    Correction,
    RecordedPrint,
    RecordFile,
    read_record_file,
    updated_text,
)
from macros.compute.urlrecord import computed_urls, lost_urls
from macros.load.yamlfile import YamlDoc, read_yaml
from macros.model.problems import Problem, did_you_mean, shown_path
from macros.model.wording import and_list

COMMAND = ".venv/bin/python -m macros record-urls"
CHECK = ".venv/bin/python -m macros check"


def other_site(record: RecordFile, site_url: str | None, shown_as: str) -> Problem | None:
    """The problem of a record made for another site than `site_url`, if it is one."""
    if (record.site is None or not site_url or record.site[1] == site_url
            or not (record.urls or record.prints)):
        return None  # an empty record is for whatever site it is first used on
    line, made_for = record.site
    return Problem(shown_as, line, "site",
                   f"the record was made for {made_for}, but site_url in mkdocs.yml is "
                   f"{site_url}",
                   f"if this is a new site, start a new record for it with {COMMAND} "
                   f"--new-site; if the site has moved, change this line to 'site {site_url}'")


def unrecorded_wording(code: Code, record: RecordFile, shown_as: str) -> list[Problem]:
    """One problem per version whose page is recorded but whose wording is not."""
    pages = {r.published.url: r for r in record.urls}
    problems = []
    for version in code.versions:
        page = pages.get(urls.version_path(version.id))
        if page is not None and not record.has_wording(version.id):
            problems.append(Problem(
                shown_as, page.line, page.published.url,
                f"version {version.id} is published but its wording is not recorded",
                f"check that {version.file} still says what was published, then run "
                f"{COMMAND} and commit {shown_as}"))
    return problems


def changed_wording(code: Code, record: RecordFile, base: Path,
                    lost: Sequence[Problem] = ()) -> list[Problem]:
    """One problem per clause or section of a recorded version that differs from its record.

    `lost` are the problems of lost URLs: a version with one is not also said to have a
    changed outline (its lost URLs already name what moved or went).
    """
    problems: list[Problem] = []
    for version in code.versions:
        if record.has_wording(version.id):
            path = urls.version_path(version.id)
            troubled = any((p.key or "").startswith(path) for p in lost)
            problems.extend(_version_problems(version, record, base, troubled))
    return problems


Loc = tuple[str | int, ...]


def _version_problems(version: NumberedVersion, record: RecordFile, base: Path,
                      troubled: bool) -> list[Problem]:
    found: list[tuple[Loc, str, str, str]] = []  # (YAML location, label, message, fix)
    vid = version.id
    for s, section in enumerate(version.sections):
        key = section.section.key
        label = f"section '{key}'"
        recorded = record.fingerprint(vid, key)
        if recorded is None:
            found.append((("sections", s, "key"), label,
                          f"section {section.target.number} was added to version {vid} "
                          "after it was published", _added_fix(version, key)))
        elif recorded.fingerprint.digest != section_digest(section):
            found.append((("sections", s, "title"), label,
                          f"the heading of section {section.target.number} of version {vid} "
                          "has changed since it was published", _changed_fix(version, key)))
        for c, clause in enumerate(section.clauses):
            loc: Loc = ("sections", s, "clauses", c)
            label = f"clause '{clause.key}'"
            recorded = record.fingerprint(vid, clause.key)
            if recorded is None:
                found.append((loc, label, f"clause {clause.number} was added to version {vid} "
                              "after it was published", _added_fix(version, clause.key)))
            elif recorded.fingerprint.digest != clause_digest(clause):
                found.append((loc, label, f"the wording of clause {clause.number} of version "
                              f"{vid} has changed since it was published",
                              _changed_fix(version, clause.key)))
    outline = record.fingerprint(vid, "")
    if not found and not troubled and (outline is None
                                       or outline.fingerprint.digest != outline_digest(version)):
        found.append((("sections",), f"version '{vid}'",
                      f"the order of the sections, clauses or items of version {vid} has "
                      "changed since it was published",
                      f"put them back in their published order (git log -p {version.file} "
                      "shows it) and publish the change as a new version; if a correction "
                      "added a clause, section or item, record the outline with it: "
                      f"{_correct_command(version, '<key>')}"))
    if not found:
        return []
    doc = read_yaml(base / version.file, version.file)
    line: Callable[[Loc], int | None] = doc.line if isinstance(doc, YamlDoc) else _no_line
    return [Problem(version.file, line(loc), label, message, fix)
            for loc, label, message, fix in found]


def _no_line(loc: Loc) -> int | None:
    return None


def _correct_command(version: NumberedVersion, key: str) -> str:
    return f'{COMMAND} --correct {version.id} {key} --reason "..."'


def _changed_fix(version: NumberedVersion, key: str) -> str:
    return (f"publish the change as a new version, and put back the wording as published "
            f"(git log -p {version.file} shows it); if the published text was wrong in the "
            f"data, record a correction: {_correct_command(version, key)}")


def _added_fix(version: NumberedVersion, key: str) -> str:
    return (f"publish it in a new version and take it out of version {version.id}; if the "
            f"adopted text had it and the data left it out, record a correction: "
            f"{_correct_command(version, key)}")


class CorrectionRequest(NamedTuple):
    """`--correct <version> <key> --reason "..."`: re-record one clause's or section's
    fingerprint (and the version's outline, if that changed with it)."""

    version: str
    key: str
    reason: str


def corrections(code: Code, record: RecordFile, request: CorrectionRequest, shown_as: str,
                base: Path, today: dt.date) -> list[Correction] | list[Problem]:
    """The fingerprints a correction replaces, each with its dated reason; or why not.

    The version's outline is re-recorded too if it changed and nothing else in the version
    differs from the record, so that only corrected clauses can explain it: when a correction
    adds a clause while other changes remain, the last correction records the outline.
    """
    def refuse(message: str, fix: str) -> list[Problem]:
        return [Problem(shown_as, None, f"version '{request.version}'", message, fix)]

    reason = " ".join(request.reason.split())
    if not reason:
        return refuse("a correction needs a reason", 'say why with --reason "..."')
    try:
        version = code.version(request.version)
    except KeyError as err:
        return refuse(str(err.args[0]), "name a version the manifest lists")
    if not record.has_wording(version.id):
        return refuse(f"the wording of version {version.id} is not recorded yet, so there is "
                      "nothing to correct", f"run {COMMAND} without --correct to record it")
    current = {p.key: p for p in version_fingerprints(version)}
    key = _owner(version, request.key)
    if not key or key not in current:
        return refuse(f"version {version.id} has no clause, item or section "
                      f"'{request.key}'.{did_you_mean(request.key, list(version.targets))}",
                      "name the key of the clause or section to correct")
    found = [c for c in [_correction(record, current[key], version, reason, today, key)]
             if c.replaces is None or c.replaces.fingerprint != c.fingerprint]
    outline = _correction(record, current[""], version, reason, today, key)
    if outline.replaces is None or outline.replaces.fingerprint != outline.fingerprint:
        lost = lost_urls(record.urls, computed_urls(code), shown_as)
        others = [p for p in changed_wording(code, with_corrections(record, found), base, lost)
                  if p.file == version.file and p.key != f"version '{version.id}'"]
        path = urls.version_path(version.id)
        if not others and not any((p.key or "").startswith(path) for p in lost):
            found.append(outline)
    if not found:
        return refuse(f"the wording of '{key}' in version {version.id} is as recorded: "
                      "there is nothing to correct", "check the version and key")
    return found


def _correction(record: RecordFile, fingerprint: Fingerprint, version: NumberedVersion,
                reason: str, today: dt.date, key: str) -> Correction:
    old = record.fingerprint(version.id, fingerprint.key)
    return Correction(fingerprint, old, _comment(fingerprint, old, version, reason, today, key))


def _owner(version: NumberedVersion, key: str) -> str:
    """The clause an item key belongs to; any other key as it is."""
    for clause in version.clauses():
        if any(item.key == key for item in clause.clause.items):
            return clause.key
    return key


def _comment(fingerprint: Fingerprint, old: RecordedPrint | None, version: NumberedVersion,
             reason: str, today: dt.date, key: str) -> str:
    def named(key: str) -> str:
        return f"{version.targets[key].label} ('{key}')"

    what = named(fingerprint.key) if fingerprint.key else f"the outline, for {named(key)},"
    was = f"was {old.fingerprint.digest}" if old is not None else "not recorded before"
    return f"# corrected {today.isoformat()}: {what} of version {version.id} ({was}): {reason}"


def with_corrections(record: RecordFile, found: Sequence[Correction]) -> RecordFile:
    """The record as it reads once the corrections are written."""
    replaced = {c.replaces.line: c.fingerprint for c in found if c.replaces is not None}
    added = [RecordedPrint(0, c.fingerprint) for c in found if c.replaces is None]
    prints = tuple(RecordedPrint(p.line, replaced.get(p.line, p.fingerprint))
                   for p in record.prints)
    return RecordFile(record.lines, record.urls, prints + tuple(added))


class Outcome(NamedTuple):
    """What `record-urls` did ("published-urls.txt: added 27 URL(s)"), or why it did nothing."""

    summary: str
    problems: list[Problem]


def record(manifest: Path, record_path: Path, base: Path,
           request: CorrectionRequest | None = None, today: dt.date | None = None,
           site_url: str | None = None, new_site: bool = False) -> Outcome:
    """Add every URL the Code publishes, and the wording of each version not yet recorded,
    to the record; with `request`, record only that correction.

    All or nothing: if the record cannot be read, a recorded URL is lost or a recorded
    version's wording has changed, the file is left as it was and the problems returned.
    Raises CodeDataError if the Code's data has problems. `site_url` is the site's address:
    a record made for another is refused, unless `new_site` starts the record again for it.
    """
    code = build_code(manifest, base)
    shown = shown_path(record_path, base)
    existing = (read_record_file(record_path, shown) if record_path.exists() and not new_site
                else EMPTY)
    if isinstance(existing, list):
        return Outcome("", existing)
    if not (existing.urls or existing.prints):
        existing = EMPTY  # a record of nothing yet starts again, for this site
    elsewhere = other_site(existing, site_url, shown)
    if elsewhere is not None:
        return Outcome("", [elsewhere])
    if request is not None:
        result = corrections(code, existing, request, shown, base, today or dt.date.today())
        found = [c for c in result if isinstance(c, Correction)]
        if len(found) != len(result):
            return Outcome("", [p for p in result if isinstance(p, Problem)])
        record_path.write_text(updated_text(existing, (), (), found), encoding="utf-8")
        return Outcome(f"{shown}: " + "; ".join(c.comment.removeprefix("# ") for c in found), [])
    computed = computed_urls(code)
    lost = lost_urls(existing.urls, computed, shown)
    problems = [*lost, *changed_wording(code, existing, base, lost)]
    if problems:
        return Outcome("", problems)
    recorded = {r.published.url for r in existing.urls}
    new_urls = [p for url, p in computed.items() if url not in recorded]
    new_versions = [v for v in code.versions if not existing.has_wording(v.id)]
    new_prints = [p for v in new_versions for p in version_fingerprints(v)]
    record_path.write_text(updated_text(existing, new_urls, new_prints, site=site_url),
                           encoding="utf-8")
    started = f"started a new record for {site_url}; " if new_site and site_url else ""
    said = f"{shown}: {started}added {len(new_urls)} URL(s)"
    if new_versions:
        ids = [v.id for v in new_versions]
        said += f"; recorded the wording of version{'s' if len(ids) > 1 else ''} {and_list(ids)}"
    return Outcome(said, [])


