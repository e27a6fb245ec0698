"""Helpers for the tests of the record of published URLs and wording: a copy of the
two-version fixture (whose published-urls.txt records both versions), edits to it, and the
commands and checks that read the record."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from testkit import FIXTURES, ROOT

from macros.adapters.version_site import check_record
from macros.compute.code import build_code
from macros.model.problems import CodeDataError

TWO = FIXTURES / "two-versions"
RECORD = "published-urls.txt"


def copy_fixture(tmp_path: Path) -> Path:
    """A copy of the two-version fixture whose mkdocs.yml builds from this checkout."""
    dest = tmp_path / "two-versions"
    shutil.copytree(TWO, dest)
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                      encoding="utf-8")
    return dest


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file with `new`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def versions(fixture: Path) -> Path:
    """The fixture's folder of version files."""
    return fixture / "content" / "data" / "versions"


def record_urls(fixture: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m macros record-urls` in the fixture, with `args`."""
    return subprocess.run(
        [sys.executable, "-m", "macros", "record-urls", "content/data/code.yaml",
         "--record", RECORD, *args],
        cwd=fixture, capture_output=True, text=True, check=False)


def problems(fixture: Path) -> list[str]:
    """What the build's check of the record says about the fixture, one line per problem."""
    code = build_code(fixture / "content" / "data" / "code.yaml", fixture)
    try:
        check_record(code, fixture / RECORD, fixture)
    except CodeDataError as err:
        return [str(p) for p in err.problems]
    return []


def record_lines(fixture: Path) -> list[str]:
    """The lines of the fixture's record."""
    return (fixture / RECORD).read_text(encoding="utf-8").splitlines()


def line_of(fixture: Path, text: str, file: str = RECORD) -> int:
    """The number of the first line of `file` (in the fixture) that starts with `text`."""
    lines = (fixture / file).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))
