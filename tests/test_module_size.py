"""Every module of the generator stays small enough to read in one sitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import ROOT

MAX_LINES = 400
MODULES = sorted((ROOT / "macros").rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_is_at_most_max_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, (
        f"{path.relative_to(ROOT)} has {lines} lines (at most {MAX_LINES}): split it by purpose"
    )
