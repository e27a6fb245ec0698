"""Site-wide pieces of the versions: navigation, the selector's files, the record's checks.

Plain functions on plain data (the nav list, paths, files in the built site),
called by the MkDocs plugin.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from macros.adapters.material import clauses_json, selector_base, versions_json
from macros.compute import urls
from macros.compute.code import Code, CodeCheck
from macros.compute.published import COMMAND, changed_wording, other_site, unrecorded_wording
from macros.compute.recordfile import Recorded, RecordFile, read_record_file
from macros.compute.urlrecord import computed_urls, lost_urls, missing_in_output, vouched_for
from macros.compute.versions import nav_entries
from macros.model.problems import CodeDataError, Problem, shown_path
from macros.model.wording import and_list


def _nav_target(entry: Any) -> str | None:
    if isinstance(entry, dict) and len(entry) == 1:
        value = next(iter(entry.values()))
        return value if isinstance(value, str) else None
    return entry if isinstance(entry, str) else None


def with_code_nav(code: Code, nav: list[Any] | None, in_force: str = "The Code in force"
                  ) -> list[Any] | None:
    """The navigation with the Code's pages computed from the data.

    Entries of mkdocs.yml's nav that point at the Code's generated pages (the
    version in force, each version, the changelog) are replaced, where the first
    of them stood, by one entry per page, so adding a version needs no edit to
    mkdocs.yml. A nav without any of them gets the Code's pages after its first entry. An
    entry for the consultation page or the guidance page stays where it is while the data
    has a consultation record or guidance, and is left out while it has none; a nav that
    lists neither page gets the ones the data has after the Code's pages.
    """
    if nav is None:
        return None
    entries = nav_entries(code, in_force)
    ours = {e.src_uri for e in entries}
    ours.add(f"{urls.changes_path()}index.md")
    ours.update(f"{urls.version_path(v)}index.md" for v in _version_like(nav))
    optional = [(title, f"{path}index.md", bool(there)) for title, path, there in (
        ("Members' comments and responses", urls.CONSULTATION_PATH, code.consultation),
        ("Further guidance", urls.GUIDANCE_PATH, code.guidance))]
    absent = {src for _, src, there in optional if not there}
    listed = {_nav_target(entry) for entry in nav}
    kept: list[Any] = []
    position = None
    for entry in nav:
        if _nav_target(entry) in absent:
            continue
        if _nav_target(entry) in ours:
            if position is None:
                position = len(kept)
            continue
        kept.append(entry)
    if position is None:
        position = min(1, len(kept))
    computed = [{e.title: e.src_uri} for e in entries]
    computed.extend({title: src} for title, src, there in optional
                    if there and src not in listed)
    return kept[:position] + computed + kept[position:]


def _version_like(nav: list[Any]) -> list[str]:
    """Version ids of nav entries 'code/<id>/index.md' (stale ones are dropped, too)."""
    found = []
    for entry in nav:
        target = _nav_target(entry) or ""
        parts = target.split("/")
        if len(parts) == 3 and parts[0] + "/" == urls.current_path() and parts[2] == "index.md":
            found.append(parts[1])
    return found


def versions_files(code: Code) -> list[tuple[str, str]]:
    """(site path, content) of the version selector's list, and of where each clause stands
    in every version."""
    return [(urls.versions_json_path(), versions_json(code)),
            (urls.clauses_json_path(), clauses_json(code))]


def search_index_for_versions(code: Code, site_dir: Path, written: str | None = None) -> None:
    """A copy of the search index where the selector's base makes the theme look for it.

    On a version page the theme's base URL is the version's folder (so that
    its version selector works), and it loads `search/search_index.json` from
    there; the copy's locations are made relative to that folder. `written`: the index's
    text, when the caller has it (else it is read).
    """
    index_file = site_dir / "search" / "search_index.json"
    if written is None:
        if not index_file.is_file():
            return
        written = index_file.read_text(encoding="utf-8")
    folders = {selector_base(code, urls.version_path(v.id)) for v in code.versions}
    for folder in sorted(f for f in folders if f):
        target = site_dir / folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(relocated(written, posixpath.relpath(".", folder) + "/"),
                          encoding="utf-8")


def relocated(index: str, up: str) -> str:
    """The search index's JSON text (compact, as the theme and `shape_search_index` write
    it) with `up` put before each entry's location: the same text as loading it, prefixing
    each "location" and writing it again. Only an entry has a "location" key, and a value
    holding those characters has its quotes escaped, so replacing the key's text finds
    every location and nothing else."""
    key = '"location":"'
    return index.replace(key, key + json.dumps(up)[1:-1])


def _read(record_path: Path, base: Path) -> tuple[RecordFile, str]:
    shown = shown_path(record_path, base)
    found = read_record_file(record_path, shown)
    if isinstance(found, list):
        raise CodeDataError(found)
    return found, shown


def check_record(code: Code, record_path: Path, base: Path, site_url: str | None = None) -> None:
    """Raise CodeDataError naming every recorded URL the Code no longer publishes, and every
    clause or section of a published version whose wording differs from the record; or only
    that the record was made for another site than `site_url`."""
    record, shown = _read(record_path, base)
    elsewhere = other_site(record, site_url, shown)
    problems = ([elsewhere] if elsewhere else
                _record_problems(code, record, record.urls, shown, base))
    if problems:
        raise CodeDataError(problems)


class RecordCheck(NamedTuple):
    """What checking the record against the data found."""

    problems: list[Problem]  # the record cannot be read, a URL is lost or wording changed
    unchecked: list[Problem]  # what could not be checked because the data has problems
    said: str = ""  # what to do with a record that holds no URL yet


def check_record_against(checked: CodeCheck, record_path: Path, base: Path,
                         site_url: str | None = None) -> RecordCheck:
    """Check the record against the Code, or, while the data has problems, against the
    versions whose own data is fine; say how much of the record that leaves unchecked.
    A record made for another site than `site_url` is that one problem."""
    shown = shown_path(record_path, base)
    record = read_record_file(record_path, shown)
    if isinstance(record, list):
        return RecordCheck(record, [])
    elsewhere = other_site(record, site_url, shown)
    if elsewhere is not None:
        return RecordCheck([elsewhere], [])
    if not record.urls:
        return RecordCheck([], [], f"{shown} records no published URL yet. When the first "
                           f"version is published, record its URLs with {COMMAND} and "
                           f"commit {shown}: from then on the build keeps every one working.")
    if checked.code is not None:
        return RecordCheck(_record_problems(checked.code, record, record.urls, shown, base), [])
    if checked.numbered is None:
        return RecordCheck([], [_unchecked(shown, len(record.urls), "the Code cannot be "
                                           "numbered while the manifest has the problems "
                                           "above")] if record.urls else [])
    code = checked.numbered
    vouched = vouched_for(code, every_version=checked.every_version,
                          consultation=not checked.consultation_failed)
    entries = tuple(e for e in record.urls if vouched(e.published.url))
    parts = []
    if checked.unnumbered:
        parts.append(f"the versions in {and_list(checked.unnumbered)}")
    if not checked.every_version:
        parts.extend(("the clause histories", "the changes", "the version in force"))
    if checked.consultation_failed:
        parts.append("the consultation record")
    left = len(record.urls) - len(entries)
    return RecordCheck(
        _record_problems(code, record, entries, shown, base),
        [_unchecked(shown, left, f"those of {and_list(parts)}, whose data has the problems "
                                 "above")] if left else [])


def _record_problems(code: Code, record: RecordFile, entries: Iterable[Recorded], shown: str,
                     base: Path) -> list[Problem]:
    lost = lost_urls(entries, computed_urls(code), shown)
    return [*lost, *unrecorded_wording(code, record, shown),
            *changed_wording(code, record, base, lost)]


def _unchecked(shown: str, count: int, which: str) -> Problem:
    return Problem(shown, None, None,
                   f"{count} recorded URL{'s' if count != 1 else ''} could not be checked: "
                   f"{which}", "correct those problems; the next build checks every recorded URL")


def check_record_output(record_path: Path, base: Path, site_dir: Path) -> None:
    """Raise CodeDataError naming every recorded URL missing from the built site."""
    record, shown = _read(record_path, base)
    problems = missing_in_output(record.urls, site_dir, shown)
    if problems:
        raise CodeDataError(problems)


