"""Abbreviations explained on hover and to assistive technology, from one file.

The glossary file uses the abbreviation syntax of Markdown's `abbr`
extension, one line each: ``*[LGA]: Local Government Association``. MkDocs
appends it to every hand-written page (pymdownx.snippets ``auto_append``), and
`macros.render.abbreviations` wraps the same abbreviations in the HTML this generator
writes itself, which Markdown does not look inside.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from macros.load.yamlfile import read_file
from macros.model.problems import Problem

_LINE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:[ \t]*(?P<title>.*?)\s*$")
_ABBR = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


@dataclass(frozen=True, slots=True)
class Glossary:
    """Abbreviations and what they stand for, from the glossary file."""

    terms: Mapping[str, str]  # abbreviation -> what it stands for, in the file's order
    # abbreviation -> its line in the file
    lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    file: str = ""  # the file, as problems name it


EMPTY = Glossary(MappingProxyType({}))


def parse_glossary(text: str, shown_as: str) -> Glossary | list[Problem]:
    """Read abbreviation lines; return every malformed or repeated line as a problem."""
    terms: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            problems.append(Problem(shown_as, number, None,
                                    f"'{line.strip()[:40]}' is not an abbreviation line",
                                    "write each line as *[ABBR]: What it stands for"))
            continue
        abbr, title = match.group("abbr"), match.group("title")
        if not _ABBR.match(abbr):
            problems.append(Problem(shown_as, number, abbr,
                                    f"'{abbr}' is not a single word",
                                    "use letters and digits only, e.g. *[LGA]: ..."))
        elif not title:
            problems.append(Problem(shown_as, number, abbr, "has no explanation",
                                    f"write what it stands for after '*[{abbr}]:'"))
        elif abbr in terms:
            problems.append(Problem(shown_as, number, abbr,
                                    f"'{abbr}' is already explained at line {lines[abbr]}",
                                    "keep one line per abbreviation"))
        else:
            terms[abbr] = title
            lines[abbr] = number
    return problems if problems else Glossary(MappingProxyType(terms), MappingProxyType(lines),
                                              shown_as)


def load_glossary(path: Path, shown_as: str) -> Glossary | list[Problem]:
    """Read the glossary at `path`; return the problems instead if it is missing or malformed."""
    option = "the 'glossary' option of the clauses plugin in mkdocs.yml"
    if not path.exists() and not path.is_symlink():
        return [Problem(shown_as, None, None, "the glossary file does not exist",
                        f"create it, or correct {option}")]
    raw = read_file(path, shown_as, kind="glossary file", listed_in=option,
                    directory_fix=f"point {option} at the glossary file",
                    size_fix="keep one short line per abbreviation")
    if isinstance(raw, Problem):
        return [raw]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [Problem(shown_as, None, None, "the glossary file is not UTF-8 text",
                        "save it as UTF-8")]
    return parse_glossary(text, shown_as)
