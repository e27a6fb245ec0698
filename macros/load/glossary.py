"""Abbreviations explained on hover and to assistive technology, from one file.

The glossary file uses the abbreviation syntax of Markdown's `abbr`
extension, one line each: ``*[LGA]: Local Government Association``. MkDocs
appends it to every hand-written page (pymdownx.snippets ``auto_append``), and
`apply` wraps the same abbreviations in the HTML this generator writes itself,
which Markdown does not look inside.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from types import MappingProxyType

from macros.model.problems import Problem

_LINE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:[ \t]*(?P<title>.*?)\s*$")
_ABBR = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
# Text inside these elements is left alone (they do not nest in the pages this site writes).
_SKIPPED = re.compile(
    r"<(abbr|code|pre|script|style|textarea|title|svg)\b[^>]*(?<!/)>.*?</\1\s*>", re.S | re.I)
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Glossary:
    """Abbreviations and what they stand for, and how to explain them in HTML."""

    terms: Mapping[str, str]
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = sorted(self.terms, key=len, reverse=True)
        # Starting with the words themselves lets the regex engine skip ahead quickly; the
        # word boundary before a match is checked in `_wrap`. A word followed by '>' before
        # any '<' is inside a tag (an attribute or a comment): the generator and Markdown
        # write a '>' in text as '&gt;'.
        pattern = (r"(?:" + "|".join(map(re.escape, words)) + r")\b(?![^<]*>)" if words
                   else r"(?!)")
        object.__setattr__(self, "_pattern", re.compile(pattern))

    def _wrap(self, text: str) -> str:
        def one(match: re.Match[str]) -> str:
            word, start = match.group(0), match.start()
            if start and _WORD_CHAR.match(text, start - 1):
                return word  # the end of a longer word
            return f'<abbr title="{escape(self.terms[word])}">{word}</abbr>'
        return self._pattern.sub(one, text)

    def apply(self, html: str) -> str:
        """Wrap each known abbreviation in the text of `html` (never inside tags or <abbr>)."""
        if not self._pattern.search(html):
            return html
        out: list[str] = []
        pos = 0
        for skipped in _SKIPPED.finditer(html):
            out.append(self._wrap(html[pos:skipped.start()]))
            out.append(skipped.group(0))
            pos = skipped.end()
        out.append(self._wrap(html[pos:]))
        return "".join(out)


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
    return problems if problems else Glossary(MappingProxyType(terms))


def load_glossary(path: Path, shown_as: str) -> Glossary | list[Problem]:
    """Read the glossary at `path`; return the problems instead if it is missing or malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [Problem(shown_as, None, None, "the glossary file does not exist",
                        "create it, or correct the 'glossary' option of the clauses plugin "
                        "in mkdocs.yml")]
    except UnicodeDecodeError:
        return [Problem(shown_as, None, None, "the glossary file is not UTF-8 text",
                        "save it as UTF-8")]
    return parse_glossary(text, shown_as)
