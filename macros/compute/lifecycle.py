"""Starting a new version of the Code, and adopting a draft.

`plan_new_version` copies the latest version's sections and clauses into a new draft and
lists it in the manifest; `plan_adopt` puts a draft in force and supersedes the version in
force before it. Each plans every file it changes before anything is written, so a refusal
changes nothing, and edits the files' text in place (`yamledit`), reading each edit back to
check that it changed exactly the fields it meant to.
"""

from __future__ import annotations

import copy
import datetime as dt
import posixpath
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from macros.compute import yamledit
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.compute.versions import status_words
from macros.compute.yamledit import EditFailed
from macros.model.dates import long_date
from macros.model.problems import shown_path
from macros.model.records import VERSION_ID_PATTERN, Status

SCHEMA_COMMENT = "# yaml-language-server:"


class Refused(Exception):
    """The command cannot be carried out: one line per reason, each with its fix."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = tuple(reasons)
        super().__init__("\n".join(reasons))


def version_number(version_id: str) -> tuple[int, ...]:
    """'2.10' -> (2, 10): versions compare by their numbers, so 2.10 comes after 2.9."""
    return tuple(int(part) for part in version_id.split("."))


def next_id(version_id: str) -> str:
    """The next number after `version_id`: '2.0' -> '2.1'."""
    major, minor = version_number(version_id)
    return f"{major}.{minor + 1}"


class FileEdit(NamedTuple):
    """One file's text before (None for a new file) and after the command."""

    path: Path
    before: str | None
    after: str
    newline: str = "\n"


class Plan(NamedTuple):
    """Every file a command changes, and what to tell its user about each change."""

    edits: tuple[FileEdit, ...]
    said: tuple[str, ...]

    def write(self) -> None:
        """Write every file."""
        for edit in self.edits:
            edit.path.write_bytes(edit.after.replace("\n", edit.newline).encode("utf-8"))

    def undo(self) -> None:
        """Put every file back as it was, and remove the new ones."""
        for edit in self.edits:
            if edit.before is None:
                edit.path.unlink(missing_ok=True)
            else:
                edit.path.write_bytes(edit.before.replace("\n", edit.newline).encode("utf-8"))


def _read(path: Path) -> tuple[str, str]:
    """A file's text with Unix line breaks, and the line break the file uses."""
    text = path.read_bytes().decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.replace("\r\n", "\n"), newline


def _edited(path: Path, base: Path, change: dict[str, Any], after: str) -> FileEdit:
    """A version file with the top-level fields in `change` set, and nothing else changed."""
    before, newline = _read(path)
    text = before
    try:
        for key, value in change.items():
            text = yamledit.set_field(text, key, value, after)
        same = yamledit.parse(text) == {**yamledit.parse(before), **change}
    except (EditFailed, yaml.YAMLError):
        same = False
    if not same:
        fields = ", ".join(f"{key}: {yamledit.scalar(value)}" for key, value in change.items())
        raise Refused([f"{shown_path(path, base)}: its fields could not be changed in place. Fix: "
                       f"set {fields} by hand, keeping each field on its own line."])
    return FileEdit(path, before, text, newline)


def _id_problem(version_id: str, code: Code) -> str | None:
    """Why `version_id` cannot be the next version, or None."""
    latest = code.versions[-1].id
    fix = f"choose a number after {latest}, the latest version, e.g. {next_id(latest)}"
    if not re.fullmatch(VERSION_ID_PATTERN, version_id):
        return (f"'{version_id}' is not a version number. Fix: write two whole numbers joined "
                f"by a dot: {fix}.")
    written = ".".join(str(n) for n in version_number(version_id))
    if written != version_id:
        return f"'{version_id}' has a leading zero. Fix: write it {written}."
    for version in code.versions:
        if version.id == version_id:
            return f"Version {version_id} already exists ({version.file}). Fix: {fix}."
    if version_number(version_id) <= version_number(latest):
        return (f"Version {version_id} would come before version {latest}, the latest "
                f"(numbers compare as numbers: 2.10 comes after 2.9). Fix: {fix}.")
    return None


def _clauses(sections: yaml.Node) -> Iterator[yaml.MappingNode]:
    """Every clause mapping of a version's `sections` node."""
    for section in sections.value if isinstance(sections, yaml.SequenceNode) else ():
        found = yamledit.pair(section, "clauses") if isinstance(section, yaml.MappingNode) else None
        if found is not None and isinstance(found[1], yaml.SequenceNode):
            yield from (c for c in found[1].value if isinstance(c, yaml.MappingNode))


def _sections_text(text: str) -> str:
    """The `sections:` field of a version file as written, without the clauses' `change`s."""
    found = yamledit.pair(yamledit.root_mapping(text), "sections")
    if found is None:
        raise EditFailed("no sections")
    start, end = yamledit.field_lines(text, *found)
    spans = [(0, start), (end, len(text))]
    for clause in _clauses(found[1]):
        change = yamledit.pair(clause, "change")
        if change is not None:
            spans.append(yamledit.field_lines(text, *change))
    return yamledit.cut(text, spans)


def _summary_field(summary: str) -> str:
    lines = textwrap.wrap(summary, 84, break_long_words=False, break_on_hyphens=False)
    if len(lines) <= 1:
        return f"summary: {yamledit.scalar(summary)}\n"
    return "summary: >-\n" + "".join(f"  {line}\n" for line in lines)


def _draft_text(latest_text: str, latest: NumberedVersion, fields: dict[str, Any]) -> str:
    """The new draft's file: a short head, its fields, and the latest version's sections."""
    first = latest_text.split("\n", 1)[0]
    head = [first, "#"] if first.startswith(SCHEMA_COMMENT) else []
    head += [
        f"# Version {fields['id']}: a revision of version {latest.id}, started from its "
        "sections and clauses.",
        "# - a clause carried over keeps its key;",
        "# - a clause that is new, reworded or moved gets `change: {reason: ..., answers: [...]}`;",
        f"# - each clause of version {latest.id} left out is listed under `removed:` with its "
        "key and reason.",
    ]
    expected = dict(fields)
    sections = copy.deepcopy(yamledit.parse(latest_text)["sections"])
    for section in sections:
        for clause in section.get("clauses") or ():
            clause.pop("change", None)
    expected["sections"] = sections
    lines = [f'id: "{fields["id"]}"\n', f"title: {yamledit.scalar(fields['title'])}\n",
             "status: draft\n", f"body: {yamledit.scalar(fields['body'])}\n",
             f"prepared_for: {fields['prepared_for'].isoformat()}\n",
             _summary_field(fields["summary"])]
    try:
        text = "\n".join(head) + "\n" + "".join(lines) + _sections_text(latest_text)
        if yamledit.parse(text) == expected:
            return text
    except (EditFailed, yaml.YAMLError):
        pass
    # Laid out in a way the text edits do not expect: write the same data afresh.
    return "\n".join(head) + "\n" + yaml.safe_dump(expected, sort_keys=False, allow_unicode=True,
                                                  width=88)


def plan_new_version(code: Code, manifest: Path, base: Path, version_id: str, date: dt.date,
                     body: str | None = None, summary: str | None = None) -> Plan:
    """A new draft `version_id`, prepared for the meeting on `date`, holding the latest
    version's sections and clauses, without its reasons for changes, its removed clauses or
    its status, listed in the manifest."""
    latest = code.versions[-1]
    reasons = []
    problem = _id_problem(version_id, code)
    if problem:
        reasons.append(problem)
    dated = latest.version.status_date
    if date < dated:
        reasons.append(
            f"--for {date.isoformat()} is before {long_date(dated)}, the date of version "
            f"{latest.id}. Fix: give the date of the meeting the new version is prepared for, "
            f"on or after {dated.isoformat()}.")
    body = " ".join((body if body is not None else latest.version.body).split())
    summary = " ".join((summary if summary is not None
                        else f"A revision of version {latest.id}.").split())
    reasons += [f"--{name} is empty. Fix: write {what} in quotes after --{name}."
                for name, value, what in (("body", body, "the body's name"),
                                          ("summary", summary, "one or two plain sentences"))
                if not value]
    manifest_text, newline = _read(manifest)
    entries: list[str] = list(yamledit.parse(manifest_text)["versions"])
    entry = posixpath.join(posixpath.dirname(entries[-1]), f"{version_id}.yaml")
    path = manifest.parent / entry
    if not problem and path.exists():
        reasons.append(f"{shown_path(path, base)} already exists, though "
                       f"{shown_path(manifest, base)} does not list it. Fix: move it away, or "
                       "list it there by hand.")
    if reasons:
        raise Refused(reasons)
    try:
        listed = yamledit.append_to_list(manifest_text, "versions", entry)
        ok = yamledit.parse(listed) == {**yamledit.parse(manifest_text),
                                        "versions": [*entries, entry]}
    except (EditFailed, yaml.YAMLError):
        ok = False
    if not ok:
        raise Refused([f"{shown_path(manifest, base)}: the new version could not be added to its "
                       "'versions:' list. Fix: write the list with one '- ' line per file."])
    fields = {"id": version_id, "title": latest.version.title, "status": "draft", "body": body,
              "prepared_for": date, "summary": summary}
    latest_text, latest_newline = _read(base / latest.file)
    clauses = len(latest.clauses())
    said = (f"Wrote {shown_path(path, base)}: draft version {version_id}, prepared for the {body} "
            f"on {long_date(date)}, with the {len(latest.sections)} sections and {clauses} "
            f"clauses of version {latest.id}.",
            f"Listed it in {shown_path(manifest, base)}.")
    return Plan((FileEdit(path, None, _draft_text(latest_text, latest, fields), latest_newline),
                 FileEdit(manifest, manifest_text, listed, newline)), said)


def _adopt_problems(code: Code, draft: NumberedVersion, date: dt.date) -> list[str]:
    version = draft.version
    if version.status is Status.replaced:
        return [f"Version {draft.id} was not adopted as it stood: version {version.replaced_by} "
                f"was adopted in its place, and version {draft.id} stays published as it was. "
                "Fix: start a new version from the latest with 'python -m macros new-version', "
                "and adopt that."]
    if version.status is not Status.draft:
        return [f"Version {draft.id} is {status_words(code, draft)}, not a draft: only a draft "
                "can be adopted. Fix: start a new version from the latest with 'python -m "
                "macros new-version', and adopt that."]
    reasons = []
    prepared = version.status_date
    if date < prepared:
        reasons.append(f"--date {date.isoformat()} is before {long_date(prepared)}, the "
                       f"meeting version {draft.id} was prepared for. Fix: give the date it was "
                       f"approved, on or after {prepared.isoformat()}.")
    # Every version after a draft is a draft too: the build refuses a draft listed before an
    # approved version, which is marked replaced when that version is adopted.
    reasons.extend(
        f"Version {later.id}, listed after version {draft.id}, is prepared for "
        f"{later.version.status_date.isoformat()}, before --date {date.isoformat()}: the "
        f"versions would no longer be in date order. Fix: adopt version {later.id} instead, or "
        "correct its prepared_for date."
        for later in code.versions[code.versions.index(draft) + 1:]
        if later.version.status_date < date)
    return reasons


def plan_adopt(code: Code, base: Path, version_id: str, date: dt.date,
               body: str | None = None) -> Plan:
    """Draft `version_id` in force from `date`; the version in force before it superseded on
    that date, and every older draft replaced by it. Only the fields `status`,
    `approved_on`, `body`, `superseded_on` and `replaced_by` change."""
    try:
        draft = code.version(version_id)
    except KeyError:
        known = ", ".join(v.id for v in code.versions)
        raise Refused([f"There is no version {version_id}. Fix: give one of the versions: "
                       f"{known}."]) from None
    reasons = _adopt_problems(code, draft, date)
    body = " ".join(body.split()) if body is not None else None
    if body == "":
        reasons.append("--body is empty. Fix: write the name of the body that approved it.")
    if reasons:
        raise Refused(reasons)
    old = draft.version
    change: dict[str, Any] = {"status": Status.adopted.value, "approved_on": date}
    said_change = ["status draft -> adopted", f"approved_on {date.isoformat()}"]
    if body and body != old.body:
        change["body"] = body
        said_change.append(f"body '{old.body}' -> '{body}'")
    edits = [_edited(base / draft.file, base, change, "prepared_for")]
    said = [f"{draft.file}: {'; '.join(said_change)}."]
    current = code.current
    if current is not None:
        edits.append(_edited(base / current.file, base,
                             {"status": Status.superseded.value, "superseded_on": date},
                             "approved_on"))
        said.append(f"{current.file}: status adopted -> superseded; superseded_on "
                    f"{date.isoformat()}.")
    earlier = [v for v in code.versions[:code.versions.index(draft)]
               if v.version.status is Status.draft]
    for replaced in earlier:
        edits.append(_edited(base / replaced.file, base,
                             {"status": Status.replaced.value, "replaced_by": draft.id},
                             "prepared_for"))
        said.append(f"{replaced.file}: status draft -> replaced; replaced_by {draft.id}.")
    if current is not None:
        said.append(f"Version {draft.id} is in force from {long_date(date)}; version "
                    f"{current.id} is superseded on that date.")
    else:
        said.append(f"Version {draft.id} is in force from {long_date(date)}.")
    said.extend(f"Version {replaced.id} was not adopted as it stood: its pages, PDF and JSON "
                f"stay published, and say that version {draft.id} replaced it."
                for replaced in earlier)
    return Plan(tuple(edits), tuple(said))
