"""What the pages use of the data, gathered while MkDocs renders them and checked once after.

Nothing in the data may go stale unseen: a page that asks for what the data does not hold
(guidance, a version, a clause or section, the version in force, the council's settings),
guidance that no clause cites and no page names, and an abbreviation of the glossary that no
page uses are each one problem, naming the file, the line and the fix.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from macros.compute.code import Code
from macros.compute.guidance import uncited
from macros.load.glossary import Glossary
from macros.model.problems import Problem, shown_path
from macros.render.abbreviations import Abbreviations


class Missing(Exception):
    """Raised by a macro when the page asks for what the data lacks; the build goes on reading
    the pages, and stops with every such problem once all are read."""

    def __init__(self, key: str, message: str, fix: str, named: str | None = None) -> None:
        super().__init__(message)
        self.key, self.message, self.fix = key, message, fix
        self.named = named  # the id or key the page names, to find its line by


class SiteUsage:
    """The guidance ids and abbreviations the pages of one build use, and what they lack."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.guidance: set[str] = set()  # ids the hand-written pages name
        self.terms: set[str] = set()  # abbreviations some page shows
        self.glossary_pages: set[str] = set()  # pages listing the whole glossary
        self.problems: list[Problem] = []

    def named_guidance(self, guidance_id: str, code: Code) -> None:
        """Note that a page names `guidance_id`; Missing if the data does not hold it."""
        self.guidance.add(guidance_id)
        if guidance_id not in code.guidance:
            known = ", ".join(code.guidance)
            raise Missing(f"guidance '{guidance_id}'", "is not guidance the Code's data holds",
                          f"use the id of a guidance entry: {known}" if known else
                          "the Code has no guidance: remove the macro, or add the guidance "
                          "to the data", guidance_id)

    def missing(self, source: str | None, macro: str, err: Missing) -> None:
        """Note what the page `source` (its file) asked for in `macro` and the data lacks, at
        the first line naming it."""
        pattern = (rf"""["']{re.escape(err.named)}["']""" if err.named
                   else rf"\b{re.escape(macro)}\b")
        file, line = self._where(source, re.compile(pattern))
        self.problems.append(Problem(file, line, err.key, err.message, err.fix))

    def page_shown(self, url: str, html: str, abbreviations: Abbreviations | None,
                   *, every: bool = False) -> frozenset[str]:
        """Note the abbreviations a page's HTML explains (not the glossary's own table): each
        one not seen yet is looked for as its explained form ends (the word, then the end of
        the element), which Markdown and `abbreviations` write alike. Returns those found;
        with `every`, each the page explains, seen before or not (a preview keeps them with
        the page, to note them again when it reuses it)."""
        if url in self.glossary_pages or abbreviations is None:
            return frozenset()
        found = frozenset(word for word, shown in abbreviations.wrapped.items()
                          if (every or word not in self.terms)
                          and shown[shown.rindex(word):] in html)
        self.terms |= found
        return found

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

    def _where(self, source: str | None, quoted: re.Pattern[str]) -> tuple[str, int | None]:
        """The page's file, and the first line that matches `quoted`."""
        if source is None:
            return "a hand-written page", None
        path = Path(source)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        line = next((n for n, text in enumerate(lines, start=1) if quoted.search(text)), None)
        inside = os.path.relpath(path, self.base)  # as the site names it, links and all
        return (inside if not inside.startswith("..") else shown_path(path, self.base)), line
