"""Validation libraries compared on this generator's own records: import and validation time.

Run from the repository root (figures in macros/DESIGN.md, "Validation library"):

    .venv/bin/pip install msgspec==0.23.0   # only for its column: not a dependency of the site
    .venv/bin/python tests/bench/validation.py

Measured, as CPU time (median of several runs):

- importing each library in a fresh interpreter, beyond the interpreter itself, and
  importing the generator's records (macros/model/records.py, which imports pydantic);
- pydantic's first use in a build: making the validators of the four data files' records;
- validating every data file of the real Code (content/data/code.yaml and the files it
  lists) and of a synthetic Code of 5,000 clauses in 2 versions (tests/bench/synth.py),
  already parsed from YAML: with pydantic as the loader does (the data as JSON, strict), with
  pydantic on the Python objects (lax), and with msgspec.convert into msgspec Structs made
  from the same records (its fastest form; into dataclasses it cannot refuse unknown fields);
- how many faults each reports for a version file with several (msgspec stops at the first).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import synth

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pydantic import ValidationError  # noqa: E402

from macros.load.yamlfile import YamlDoc, read_yaml  # noqa: E402
from macros.model import records  # noqa: E402
from macros.model.comments import Consultation  # noqa: E402
from macros.model.records import GuidanceList, Manifest, Version  # noqa: E402

UNIONS = (typing.Union, types.UnionType)
IMPORT_RUNS = 21
VALIDATE_RUNS = 5


def cpu_of(code: str) -> float:
    """CPU seconds a fresh interpreter spends running `code` (median)."""
    times = []
    for _ in range(IMPORT_RUNS):
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
        _, _, usage = os.wait4(proc.pid, 0)
        times.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times)


def median_cpu(run: Callable[[], object], repeat: int = VALIDATE_RUNS) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


def parsed(path: Path) -> Any:
    doc = read_yaml(path, path.name)
    assert isinstance(doc, YamlDoc), doc
    return doc.data


def files_of(data: Path) -> list[tuple[type, Any]]:
    """(record, parsed YAML) for the manifest and every file it lists."""
    manifest = parsed(data / "code.yaml")
    found: list[tuple[type, Any]] = [(Manifest, manifest)]
    found += [(Version, parsed(data / name)) for name in manifest["versions"]]
    if manifest.get("guidance"):
        found.append((GuidanceList, parsed(data / manifest["guidance"])))
    if manifest.get("consultation"):
        found.append((Consultation, parsed(data / manifest["consultation"])))
    return found


# --- msgspec Structs made from the records, field for field ------------------------------

def msgspec_structs() -> dict[type, Any]:
    import annotated_types
    import msgspec

    made: dict[type, Any] = {}

    def convert(hint: Any) -> Any:
        origin = typing.get_origin(hint)
        if origin is typing.Annotated:
            inner, *extras = typing.get_args(hint)
            rules: dict[str, Any] = {}
            for extra in extras:
                for m in getattr(extra, "metadata", ()):
                    if isinstance(m, annotated_types.MinLen):
                        rules["min_length"] = m.min_length
                    elif isinstance(m, annotated_types.MaxLen):
                        rules["max_length"] = m.max_length
                    elif getattr(m, "pattern", None):
                        rules["pattern"] = m.pattern
            if not rules:
                return convert(inner)
            if typing.get_origin(inner) in UNIONS:  # the rules are the text's, not None's
                (text,) = [a for a in typing.get_args(inner) if a is not type(None)]
                return typing.Annotated[convert(text), msgspec.Meta(**rules)] | None
            return typing.Annotated[convert(inner), msgspec.Meta(**rules)]
        if origin is tuple:
            return tuple[convert(typing.get_args(hint)[0]), ...]  # type: ignore[misc]
        if origin in UNIONS:
            args = [convert(a) for a in typing.get_args(hint)]
            return typing.Union[tuple(args)]  # noqa: UP007
        if dataclasses.is_dataclass(hint):
            return struct(hint)
        return hint

    def struct(cls: Any) -> Any:
        if cls not in made:
            hints = typing.get_type_hints(cls, include_extras=True)
            fields: list[tuple[Any, ...]] = []
            for f in dataclasses.fields(cls):
                if f.default is dataclasses.MISSING:
                    fields.append((f.name, convert(hints[f.name])))
                else:
                    fields.append((f.name, convert(hints[f.name]), f.default))
            post = getattr(cls, "__post_init__", None)
            made[cls] = msgspec.defstruct(
                cls.__name__, fields, kw_only=True, frozen=True, forbid_unknown_fields=True,
                namespace={"__post_init__": post} if post else None)
        return made[cls]

    for cls in (Manifest, Version, GuidanceList, Consultation):
        struct(cls)
    return made


def main() -> int:
    say = print
    base = cpu_of("pass")
    say(f"Import, CPU ms beyond a bare interpreter (median of {IMPORT_RUNS}):")
    for label, code in (
        ("pydantic (the names the records use)",
         "from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, with_config"),
        ("msgspec", "import msgspec"),
        ("macros.model.records (with pydantic)", "import macros.model.records"),
    ):
        if label != "msgspec" or importlib.util.find_spec("msgspec"):
            say(f"  {label}: {1000 * (cpu_of(code) - base):.0f}")
    records_only = cpu_of("import macros.model.records")
    data_records = cpu_of("import macros.model.records as r\n"
                          "for c in (r.Manifest, r.Version, r.GuidanceList, r.Consultation):\n"
                          "    r.adapter(c)")
    say(f"  pydantic's validators of the 4 data files' records, made at first use: "
        f"{1000 * (data_records - records_only):.0f}")
    build = ("from macros.model import records as r\n"
             "from macros.load.settings import Settings\n"
             "from macros.export.version_json import VersionDocument\n"
             "from macros.export.changes_json import ChangesDocument\n")
    every = cpu_of(build + "for c in (r.Manifest, r.Version, r.GuidanceList, r.Consultation, "
                   "Settings, VersionDocument, ChangesDocument):\n    r.adapter(c)")
    say(f"  ... and of all 7 records a build validates or writes (settings, the 2 JSON "
        f"exports): {1000 * (every - cpu_of(build)):.0f}")

    try:
        import msgspec
        structs = msgspec_structs()
        start = time.process_time()
        for struct in structs.values():
            msgspec.json.Decoder(struct)  # builds the type information convert uses too
        say(f"  msgspec's decoders of the same records, made at first use: "
            f"{1000 * (time.process_time() - start):.1f} (in this process)")
    except ImportError:
        msgspec = None
        structs = {}
        say("(msgspec is not installed: its column is left out)")

    with tempfile.TemporaryDirectory() as tmp:
        synth.write_code(Path(tmp) / "data", 5000, 2, ROOT / "content" / "data" / "guidance.yaml")
        codes = [("real Code", files_of(ROOT / "content" / "data")),
                 ("5,000 clauses x 2 versions", files_of(Path(tmp) / "data"))]
        for label, files in codes:
            for model, data in files:
                records.validate(model, data)  # validators made before timing
            say(f"Validating the {label}, CPU ms (median of {VALIDATE_RUNS}):")

            def strict(files: list[tuple[type, Any]] = files) -> None:
                for model, data in files:
                    records.validate(model, data)

            def lax(files: list[tuple[type, Any]] = files) -> None:
                for model, data in files:
                    records.adapter(model).validate_python(data)

            def fast(files: list[tuple[type, Any]] = files) -> None:
                for model, data in files:
                    msgspec.convert(data, structs[model], strict=False)

            say(f"  pydantic, as JSON, strict (the loader): {1000 * median_cpu(strict):.1f}")
            say(f"  pydantic, Python objects, lax: {1000 * median_cpu(lax):.1f}")
            if msgspec is not None:
                say(f"  msgspec.convert into Structs: {1000 * median_cpu(fast):.1f}")

    broken = files_of(ROOT / "content" / "data")[1][1]
    dated = "approved_on" if "approved_on" in broken else "prepared_for"
    broken = {**broken, "title": "", dated: "someday", "colour": "red",
              "sections": [{**broken["sections"][0], "key": "Not A Key"}, "x"]}
    try:
        records.validate(Version, broken)
    except ValidationError as err:
        say(f"Faults reported for a version file with 5: pydantic {err.error_count()}", end="")
    if msgspec is not None:
        try:
            msgspec.convert(broken, structs[Version], strict=False)
        except msgspec.ValidationError as err:
            say(f", msgspec 1 ({err})")
    say()
    return 0


if __name__ == "__main__":
    sys.exit(main())
