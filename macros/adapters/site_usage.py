"""What the pages use of the data, gathered while MkDocs renders them and checked once after.

Nothing in the data may go stale unseen: a page that names guidance the data does not hold,
guidance that no clause cites and no page names, and an abbreviation of the glossary that no
page uses are each one problem, naming the file, the line and the fix.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

from macros.compute.code import Code
from macros.compute.guidance import uncited
from macros.load.glossary import Glossary
from macros.model.problems import Problem, shown_path


class _Abbreviations(HTMLParser):
    """The words of every abbreviation element of a page's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: set[str] = set()
        self._inside = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr":
            self._inside += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "abbr" and self._inside:
            self._inside -= 1

    def handle_data(self, data: str) -> None:
        if self._inside and data.strip():
            self.words.add(data.strip())


class SiteUsage:
    """The guidance ids and abbreviations the pages of one build use, and what they lack."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.guidance: set[str] = set()  # ids the hand-written pages name
        self.terms: set[str] = set()  # abbreviations some page shows
        self.glossary_pages: set[str] = set()  # pages listing the whole glossary
        self.problems: list[Problem] = []

    def named_guidance(self, guidance_id: str, code: Code, source: str | None) -> bool:
        """Note that a page names `guidance_id`; whether the data holds it (if not, the
        problem names the page's file `source` and the line naming the id)."""
        self.guidance.add(guidance_id)
        if guidance_id in code.guidance:
            return True
        file, line = self._where(source, guidance_id)
        known = ", ".join(code.guidance)
        fix = (f"use the id of a guidance entry: {known}" if known else
               "the Code has no guidance: remove the macro, or add the guidance to the data")
        self.problems.append(Problem(file, line, f"guidance '{guidance_id}'",
                                     "is not guidance the Code's data holds", fix))
        return False

    def page_shown(self, url: str, html: str, glossary: Glossary) -> None:
        """Note the abbreviations a page's HTML explains (not the glossary's own table);
        once every one has been seen, pages are no longer read."""
        if (url not in self.glossary_pages and "abbr" in html
                and not self.terms.issuperset(glossary.terms)):
            found = _Abbreviations()
            found.feed(html)
            found.close()
            self.terms.update(found.words)

    def check(self, code: Code, glossary: Glossary) -> list[Problem]:
        """Every problem found: guidance named but missing, cited by nothing, and
        abbreviations no page uses."""
        problems = [*self.problems, *uncited(
            code.guidance.values(), code.versions, self.guidance,
            lambda guidance_id: code.guidance_at.get(guidance_id, ("guidance", None)))]
        problems.extend(Problem(
            glossary.file, glossary.lines.get(term), term,
            "is used on no page of the site, though the glossary page lists it",
            "remove its line, or use the abbreviation where it belongs")
            for term in glossary.terms if term not in self.terms)
        return problems

    def _where(self, source: str | None, guidance_id: str) -> tuple[str, int | None]:
        """The page's file, and the first line naming the id in quotes."""
        if source is None:
            return "a hand-written page", None
        path = Path(source)
        quoted = re.compile(rf"""["']{re.escape(guidance_id)}["']""")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        line = next((n for n, text in enumerate(lines, start=1) if quoted.search(text)), None)
        inside = os.path.relpath(path, self.base)  # as the site names it, links and all
        return (inside if not inside.startswith("..") else shown_path(path, self.base)), line
