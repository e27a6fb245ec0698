"""Problems found in the Code's data, reported all at once.

Every problem is one line that names the file (and line, where known), the
clause or section key, what is wrong and how to fix it, so the Monitoring
Officer's team can correct the data without reading a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple


class Problem(NamedTuple):
    """One problem in the data: where it is, what is wrong and how to fix it."""

    file: str
    line: int | None
    key: str | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        who = f" {self.key}:" if self.key else ""
        stop = "" if self.message.endswith((".", "?", "!")) else "."
        return f"{where}:{who} {self.message}{stop} Fix: {self.fix}"


class CodeDataError(Exception):
    """Raised with every problem found; its message is one line per problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"The Code's data has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean 'x'?' for the nearest choice, or '' when none is near."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def shown_path(path: Path, base: Path) -> str:
    """`path` as a problem names it: relative to `base` (the site's folder) when inside it."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return str(path)
