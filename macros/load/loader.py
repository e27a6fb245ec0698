"""Read the Code's YAML files and validate their shape into typed models.

Structural problems (syntax, unknown or missing fields, wrong types) are
collected for every file before anything fails, each with file, line and key.
pydantic checks the data against the records of macros/model/records.py and
reports every fault at once; this module words each fault for the person who
edits the YAML.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from macros.load.kept import Kept, file_digest
from macros.load.old_forms import old_date, old_source_form
from macros.load.yamlfile import YamlDoc, parse_yaml, read_file, read_yaml
from macros.model.comments import Consultation
from macros.model.problems import Problem, did_you_mean, shown_path
from macros.model.records import (
    KEY_PATTERN,
    VERSION_ID_PATTERN,
    FieldRule,
    GuidanceList,
    Manifest,
    Version,
    adapter,
    validate,
)

M = TypeVar("M")

_CONTAINERS = {"sections": "section", "clauses": "clause", "items": "item", "guidance": "guidance",
               "comments": "comment", "rounds": "round"}
# pydantic's kinds of fault for a field a record does not declare (dataclasses give the first).
UNKNOWN_FIELD = ("unexpected_keyword_argument", "extra_forbidden")


# How each kind of file starts: the fix for a file that holds no fields at all.
_STARTS: dict[type, str] = {
    Version: "start the file with the fields of a version, e.g. 'id: \"1.0\"'",
    GuidanceList: "start the file with 'guidance:' and list each entry under it, e.g. "
                  "'- id: lga-guide'",
    Consultation: "start the file with the fields of the consultation record, e.g. "
                  "'reviewed_version: \"1.0\"'",
    Manifest: "start the file with the fields of the manifest, e.g. 'title: ...' and "
              "'versions:'",
}


class Loaded(NamedTuple, Generic[M]):
    """A record loaded from a YAML file, with the file (for line numbers)."""

    doc: YamlDoc
    model: M


def faults(err: ValidationError) -> list[ErrorDetails]:
    """Pydantic's errors, less a list's 'too short' that only counts the entries that failed."""
    return [e for e in err.errors() if not (
        e["type"] == "too_short" and isinstance(e["input"], list)
        and len(e["input"]) >= e.get("ctx", {}).get("min_length", 0))]


def load_model(path: Path, shown_as: str, model: type[M],
               kept: Kept | None = None) -> Loaded[M] | list[Problem]:
    """Parse and validate one file into `model`, or return its problems. With `kept`, a file
    whose bytes are those of the last load is not parsed and validated again (kept.py)."""
    if kept is None:
        return _validated(read_yaml(path, shown_as), shown_as, model)
    raw = read_file(path, shown_as)
    if isinstance(raw, Problem):
        return [raw]
    return kept.get(("load", shown_as, model), (file_digest(raw),),
                    lambda: _validated(parse_yaml(raw, shown_as), shown_as, model))


def _validated(doc: YamlDoc | Problem, shown_as: str, model: type[M]
               ) -> Loaded[M] | list[Problem]:
    if isinstance(doc, Problem):
        return [doc]
    if not isinstance(doc.data, dict):
        return [Problem(shown_as, doc.line(()), None,
                        "the file does not hold a mapping of fields",
                        _STARTS.get(model, "start the file with its fields, one 'name: value' "
                                           "line each"))]
    try:
        # Once validated, the model holds the data: the plain copy YAML built is dropped
        # (lines for later problems come from the file's text, see YamlDoc.root).
        return Loaded(replace(doc, data=None), validate(model, doc.data))
    except ValidationError as err:
        found = faults(err)
        old, found = old_date(doc, found) if model is Version else (None, found)
        return [*([old] if old else []), *(_problem(doc, model, wrong) for wrong in found)]


def _label(data: Any, loc: Sequence[str | int]) -> str | None:
    """'clause 'foo'' for the innermost keyed element containing `loc`."""
    label = None
    node = data
    for i, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and i > 0 and loc[i - 1] in _CONTAINERS:
            kind = _CONTAINERS[str(loc[i - 1])]
            key = node.get("key") or node.get("id") if isinstance(node, dict) else None
            label = f"{kind} '{key}'" if isinstance(key, str) else f"{kind} {part + 1}"
    return label


def _problem(doc: YamlDoc, model: type, wrong: ErrorDetails) -> Problem:
    loc = wrong["loc"]
    label = _label(doc.data, loc)
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    kind, given, ctx = wrong["type"], wrong["input"], wrong.get("ctx", {})
    old = old_source_form(loc, kind, given)
    if old is not None:
        return Problem(doc.file, doc.line(loc), label, *old)
    if kind in UNKNOWN_FIELD:
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(field, allowed)
        return Problem(doc.file, doc.line(loc), label, f"unknown field '{field}'.{hint}".rstrip(),
                       "remove it or use one of: " + ", ".join(allowed))
    if kind == "missing":
        return Problem(doc.file, doc.line(loc[:-1]), label, f"missing required field '{field}'",
                       f"add '{field}:' with a value")
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == VERSION_ID_PATTERN:
        return Problem(doc.file, doc.line(loc), label,
                       f"field '{field}' must be a version number such as 2.1, not "
                       f"{_shown(given)}",
                       f"write two whole numbers joined by a dot, in quotes, e.g. "
                       f"{field}: \"2.1\"")
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == KEY_PATTERN:
        return Problem(doc.file, doc.line(loc), label, f"'{given}' is not a valid key",
                       "use lower-case letters and digits joined by single hyphens, "
                       "e.g. 'facebook-page'")
    if kind == "string_type" and isinstance(given, int | float):
        return Problem(doc.file, doc.line(loc), label,
                       f"field '{field}' must be text, not the number {given!r}",
                       f"put the value in quotes, e.g. {field}: \"{given}\"")
    if kind == "string_too_long":
        return Problem(doc.file, doc.line(loc), label,
                       f"field '{field}' is {len(given):,} characters long; the limit is "
                       f"{ctx['max_length']:,}", _shorten(loc, ctx["max_length"]))
    what = f"each entry of '{field}'" if loc and isinstance(loc[-1], int) else f"field '{field}'"
    shown = _shown(given)
    if kind == "string_type" and given is None:
        return Problem(doc.file, doc.line(loc), label, f"{what} is empty",
                       f"write a value after '{field}:'")
    if kind == "string_type":
        return Problem(doc.file, doc.line(loc), label, f"{what} must be text, not {shown}",
                       "write the text after the colon, in quotes if it starts with [ { or *")
    if kind == "dataclass_type":
        return Problem(doc.file, doc.line(loc), label,
                       f"{what} must be a set of fields (name: value lines), not {shown}",
                       "write the fields as the schema in content/pages/schema/ shows")
    if kind == "tuple_type":
        return Problem(doc.file, doc.line(loc), label,
                       f"{what} must be a list (lines starting with '- '), not {shown}",
                       f"write each entry of '{field}' on its own line starting with '- '")
    if kind.startswith("date_"):
        return Problem(doc.file, doc.line(loc), label,
                       f"{what} must be a date written YYYY-MM-DD, not {shown}",
                       "write the date as YYYY-MM-DD, e.g. 2019-10-01")
    rule = ctx.get("error")
    if kind == "value_error" and isinstance(rule, FieldRule):
        record = doc.data
        for part in loc:
            record = record[part]
        key = record.get("key") or record.get("id") if isinstance(record, dict) else None
        return Problem(doc.file, doc.line((*loc, rule.field)),
                       label or (f"version '{key}'" if model is Version else None),
                       str(rule), rule.fix)
    return Problem(doc.file, doc.line(loc), label, f"field '{field}': {fault_message(wrong)}",
                   "correct the value; the schema in content/pages/schema/ lists what is allowed")


def _shorten(loc: Sequence[str | int], limit: int) -> str:
    """How to bring an over-long value within its limit: the text of a clause or an item may
    be split into several; anything else is shortened."""
    if len(loc) >= 3 and loc[-1] == "text" and loc[-3] in ("clauses", "items"):
        return f"shorten it or split it into several {loc[-3]}"
    return f"shorten it to at most {limit:,} characters"


def fault_message(wrong: ErrorDetails) -> str:
    """What is wrong with a value, in a few plain words (after its name)."""
    kind, ctx = wrong["type"], wrong.get("ctx", {})
    if kind == "missing":
        return "is required"
    if kind in UNKNOWN_FIELD:
        return "is not a known field"
    if kind in ("string_too_short", "too_short") and ctx["min_length"] == 1:
        return "must not be empty"
    if kind == "string_too_short":
        return f"must be at least {ctx['min_length']} characters long"
    if kind == "too_short":
        return f"must have at least {ctx['min_length']} entries"
    if kind == "string_too_long":
        return f"must be at most {ctx['max_length']:,} characters long"
    if kind == "string_pattern_mismatch":
        return f"must match the pattern {ctx['pattern']}"
    if kind in ("enum", "literal_error"):
        return f"must be {ctx['expected']}"
    if kind == "value_error":
        return str(ctx["error"])
    if kind.startswith("int_"):
        return "must be a whole number"
    if kind.startswith("bool_"):
        return "must be true or false"
    if kind == "date_parsing" and "outside expected range" in str(ctx.get("error")):
        return "is not a real date"  # e.g. 2019-02-30
    if kind.startswith("date_"):
        return "must be a date written YYYY-MM-DD"
    if kind == "string_type":
        return "must be text"
    if kind == "tuple_type":
        return "must be a list"
    if kind == "dataclass_type":
        return "must be a set of fields"
    return wrong["msg"]


@cache
def _schema(model: type) -> dict[str, Any]:
    return adapter(model).json_schema()


def _fields_at(model: type, loc: Sequence[str | int]) -> list[str]:
    """The fields the published schema allows at `loc` within a `model` (list positions
    skipped): what to offer in place of an unknown field."""
    schema = _schema(model)
    defs = schema.get("$defs", {})

    def inside(node: dict[str, Any]) -> dict[str, Any]:  # through references, lists and nulls
        if "$ref" in node:
            return inside(defs[node["$ref"].rsplit("/", 1)[1]])
        if "items" in node:
            return inside(node["items"])
        for choice in node.get("anyOf", ()):
            if choice.get("type") != "null":
                return inside(choice)
        return node

    node = inside(schema)
    for part in loc:
        if isinstance(part, str):
            node = inside(node.get("properties", {}).get(part, {}))
    return list(node.get("properties", {}))


def _shown(value: Any) -> str:
    """A short, plain description of a wrong value, for a message."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list | tuple):
        return "a list"
    text = " ".join(str(value).split())
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


class RawCode(NamedTuple):
    """Everything the manifest points to, validated file by file."""

    manifest: Manifest
    versions: tuple[Loaded[Version], ...]
    guidance: Loaded[GuidanceList] | None
    problems: tuple[Problem, ...] = ()
    # The version files listed that could not be read or validated, as shown in problems
    # (which say why): checks that need every version leave out what these might hold.
    failed_versions: tuple[str, ...] = ()
    # The consultation record, when the manifest lists one and it loaded.
    consultation: Loaded[Consultation] | None = None
    # The manifest's file, for the lines of its documents.
    manifest_doc: YamlDoc | None = None

    @property
    def every_version_loaded(self) -> bool:
        """True when every version file the manifest lists was read and validated."""
        return not self.failed_versions


# What each file the manifest lists holds, as an example of a path from the data folder.
_EXAMPLE_PATH = {"versions": "versions/1.0.yaml", "guidance": "guidance.yaml",
                 "consultation": "consultation.yaml"}


def listed_file(manifest: YamlDoc, here: Path, loc: tuple[str | int, ...], name: str
                ) -> Path | Problem:
    """The file that entry `loc` of the manifest (in folder `here`) names, or why it may not
    be read.

    Every file the manifest lists must be inside the data folder (the manifest's folder):
    an absolute path or '..' that leads out of it, or a link to a file outside it, is
    refused before anything is opened.
    """
    field = str(loc[0])
    folder = here.resolve()
    shown_manifest = Path(manifest.file)
    fix = (f"put the file in the data folder, {shown_manifest.parent.as_posix()}/ (the folder "
           f"of {shown_manifest.name}), and list its path from there, e.g. "
           f"'{_EXAMPLE_PATH.get(field, 'file.yaml')}'")
    try:
        path = here / name
        resolved = path.resolve()
    except (OSError, ValueError, RuntimeError):
        return Problem(manifest.file, manifest.line(loc), field,
                       f"{_shown(name)} is not a file name the data folder can hold", fix)
    if resolved.is_relative_to(folder):
        return path
    inside = Path(os.path.normpath(path.absolute())).is_relative_to(
        Path(os.path.normpath(here.absolute())))
    message = (f"{_shown(name)} is a link to {resolved}, outside the data folder" if inside
               else f"{_shown(name)} is outside the data folder")
    return Problem(manifest.file, manifest.line(loc), field, message, fix)


def load_code(manifest_path: Path, base: Path, kept: Kept | None = None
              ) -> RawCode | list[Problem]:
    """Load the manifest and every file it lists; paths are shown relative to `base`.
    With `kept`, each file is parsed and validated only if it changed since the last load.

    Files that fail are left out of the result and their problems kept, so the
    files that did load can still be checked and every problem reported at once.
    """
    def shown(path: Path) -> str:
        return shown_path(path, base)

    loaded = load_model(manifest_path, shown(manifest_path), Manifest, kept)
    if isinstance(loaded, list):
        return loaded
    manifest, doc = loaded.model, loaded.doc
    problems: list[Problem] = []

    def load(loc: tuple[str | int, ...], name: str, model: type[M]) -> Loaded[M] | None:
        path = listed_file(doc, manifest_path.parent, loc, name)
        result = path if isinstance(path, Problem) else load_model(path, shown(path), model,
                                                                   kept)
        if isinstance(result, Loaded):
            return result
        problems.extend(result if isinstance(result, list) else [result])
        return None

    versions: list[Loaded[Version]] = []
    failed: list[str] = []
    for i, name in enumerate(manifest.versions):
        version = load(("versions", i), name, Version)
        if version is None:
            failed.append(shown(manifest_path.parent / name))
        else:
            versions.append(version)
    guidance = load(("guidance",), manifest.guidance, GuidanceList) if manifest.guidance else None
    consultation = None
    if manifest.consultation:
        before = len(problems)
        consultation = load(("consultation",), manifest.consultation, Consultation)
        if consultation is None:
            old_form = _old_form(listed_file(doc, manifest_path.parent, ("consultation",),
                                             manifest.consultation), shown)
            if old_form is not None:  # one line for the whole file, not one per field
                problems[before:] = [old_form]
    return RawCode(manifest, tuple(versions), guidance, tuple(problems), tuple(failed),
                   consultation, doc)


# The fields of the single round a consultation file held before it held rounds.
OLD_FORM_KEYS = ("reviewed_version", "answered_by", "comments")


def _old_form(path: Path | Problem, shown: Callable[[Path], str]) -> Problem | None:
    """The one problem of a consultation file in the form it had before rounds, if it is."""
    if isinstance(path, Problem):
        return None
    doc = read_yaml(path, shown(path))
    if isinstance(doc, Problem) or not isinstance(doc.data, dict) or "rounds" in doc.data \
            or not any(key in doc.data for key in OLD_FORM_KEYS):
        return None
    return old_form_problem(doc)

def old_form_problem(doc: YamlDoc) -> Problem:
    """The one problem of a file that holds one round's fields at its top, not `rounds:`."""
    first = next(key for key in doc.data if key in OLD_FORM_KEYS)
    reviewed = doc.data.get("reviewed_version")
    example = f'"{reviewed}"' if isinstance(reviewed, str) else '"1.0"'
    return Problem(doc.file, doc.line((first,)), "consultation",
                   "the comments are not in rounds", "put the comments under rounds: write "
                   f"'rounds:', then '  - reviewed_version: {example}' and, indented under it, "
                   "answered_by, source (where the comments are recorded) and comments")
