"""The glossary in the HTML of every page: abbreviations explained, and the table of them.

Markdown's `abbr` extension explains the glossary's abbreviations in hand-written pages,
but it does not look inside HTML, which the generator writes; `Abbreviations.apply` wraps
them there, after Markdown, in every page. Each abbreviation is laid out once per build
(`abbr.html.jinja`), so wrapping a page is one pass of a regular expression.
`glossary-table.html.jinja` lays out the table of every abbreviation.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from markupsafe import Markup

from macros.load.glossary import Glossary
from macros.render.environment import Templates

# Text inside these elements is left alone (they do not nest in the pages this site writes).
_SKIPPED_ELEMENTS = ("abbr", "code", "pre", "script", "style", "textarea", "title", "svg")
_SKIPPED = re.compile(
    "<(" + "|".join(_SKIPPED_ELEMENTS) + r")\b[^>]*(?<!/)>.*?</\1\s*>", re.S | re.I)
_WORD_CHAR = re.compile(r"\w")


class Abbreviations:
    """Wraps each of the glossary's abbreviations in the text of a page's HTML."""

    def __init__(self, glossary: Glossary, templates: Templates) -> None:
        self.wrapped = MappingProxyType({
            word: str(templates.render("abbr.html.jinja", word=word, title=title))
            for word, title in glossary.terms.items()})
        words = sorted(glossary.terms, key=len, reverse=True)
        # Starting with the words themselves lets the regex engine skip ahead quickly; the
        # word boundary before a match is checked in `_wrap`. A word followed by '>' before
        # any '<' is inside a tag (an attribute or a comment): the generator and Markdown
        # write a '>' in text as '&gt;'.
        pattern = (r"(?:" + "|".join(map(re.escape, words)) + r")\b(?![^<]*>)" if words
                   else r"(?!)")
        self._pattern = re.compile(pattern)

    def _wrap(self, text: str) -> str:
        wrapped = self.wrapped

        def one(match: re.Match[str]) -> str:
            word, start = match.group(0), match.start()
            if start and _WORD_CHAR.match(text, start - 1):
                return word  # the end of a longer word
            return wrapped[word]
        return self._pattern.sub(one, text)

    def apply(self, html: str) -> str:
        """`html` with each known abbreviation in its text wrapped (never inside tags, nor
        inside code, preformatted text, scripts, drawings or an abbreviation already)."""
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


def render_glossary_table(templates: Templates, glossary: Glossary) -> Markup:
    """Every abbreviation in the glossary and what it stands for, in alphabetical order."""
    terms = sorted(glossary.terms.items(), key=lambda term: term[0].lower())
    return templates.render("glossary-table.html.jinja", terms=terms)
