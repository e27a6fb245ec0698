"""Text from the data and the settings, made safe for the two places that read it as markup.

The theme (mkdocs-material) prints a page's title without escaping it, in the title
element, the header, the navigation, the page's heading and the search index, because
MkDocs takes a title from a Markdown heading as HTML. Here every title is text:
`page_titles` hands the theme each title escaped (as `Markup`, so where the theme escapes
it again, nothing changes). The settings the theme prints (`site_name`, `site_description`,
`extra.council.name`) are escaped by the theme's templates in `theme/`.

Hand-written pages are Markdown, and mkdocs-macros-plugin writes each `{{ value }}` into
that Markdown before it is converted. `markdown_text` is the macros' `finalize`: a value
is written as text, with every character that HTML or Markdown would read as markup
written as a character reference, so a council's name can neither open an element nor
make a link, a list or an attribute. A macro's own HTML (`Markup`, laid out by the
templates with the data escaped) is kept, but Markdown still reads the text between the
tags of HTML written inside a paragraph (a link to guidance, say): `markdown_html` writes
the marks in that text as references too, so the data in it stays text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

# Characters that start markup in HTML, or in the Markdown of a hand-written page
# (emphasis, code, links, images, attribute lists, headings, block quotes, admonitions).
_MARKUP_CHARACTERS = frozenset("&<>\"'\\`*_[]{}()#!|~^")
# Markdown's marks inside a paragraph (the rest of the characters above are escaped already
# in HTML the templates wrote).
_INLINE_MARK = re.compile(r"(&#?\w+;)|[\\`*_\[\]{}#!|~^]")  # a reference is kept
_TAG = re.compile(r"(<[^>]*>)")
# At the start of a line, these start a list or underline a heading.
_BLOCK_START = re.compile(r"\d+[.)]|[-+=]")


def _reference(char: str) -> str:
    """The character as a reference; HTML's own as `html.escape` writes them, as on the
    rest of the site ('&#x27;' for an apostrophe)."""
    escaped = html.escape(char)
    return escaped if escaped != char else f"&#{ord(char)};"


def _escaped(text: str) -> Markup:
    """Text escaped for HTML as `html.escape` escapes it."""
    return Markup(html.escape(text))  # noqa: S704 - escaped here


def markdown_text(value: Any) -> Any:
    """`value` as Markdown that shows it as text, whatever it holds (`Markup` is kept)."""
    if hasattr(value, "__html__"):
        return value
    text = re.sub(r"\s+", " ", str(value))
    lead = len(text) - len(text.lstrip())
    start = _BLOCK_START.match(text, lead)
    mark = start.end() - 1 if start else -1  # the '.', ')', '-', '+' or '=' of a block start
    out = "".join(_reference(c) if c in _MARKUP_CHARACTERS or i == mark else c
                  for i, c in enumerate(text))
    return Markup(out)  # noqa: S704 - `out` is the text with every markup character escaped


def markdown_html(laid_out: Markup) -> Markup:
    """HTML a macro laid out, with Markdown's marks in the text between its tags written
    as references, so that Markdown passes the text through as it is."""
    parts = _TAG.split(str(laid_out))
    for index in range(0, len(parts), 2):  # the text between tags
        parts[index] = _INLINE_MARK.sub(lambda m: m.group(1) or _reference(m.group(0)),
                                        parts[index])
    return Markup("".join(parts))  # noqa: S704 - the macro's HTML, with references added


def page_titles(page: Page) -> None:
    """Give the theme `page`'s titles escaped, to print as they are.

    The front matter's `title` (a hand-written page's, or one the generator wrote from the
    data) is text. A title given by the navigation, or rendered by the macros, may hold
    character references already: it is read as HTML text (references resolved, nothing
    else), then escaped. A title MkDocs takes from the page's heading is left as MkDocs
    made it (HTML without tags). A title already escaped is left alone.
    """
    title = page.meta.get("title")
    if isinstance(title, str) and not isinstance(title, Markup):
        page.meta["title"] = _escaped(title)
    given = vars(page).get("title")  # set by the navigation or the macros, if at all
    if isinstance(given, str) and not isinstance(given, Markup):
        vars(page)["title"] = _html_text(given)


def nav_titles(items: Iterable[StructureItem]) -> None:
    """Escape the titles of the navigation's sections and links (each page's: `page_titles`)."""
    for item in items:
        if isinstance(item, Section | Link) and isinstance(item.title, str):
            item.title = _html_text(item.title)
        if isinstance(item, Section):
            nav_titles(item.children)


def _html_text(title: str) -> Markup:
    return title if isinstance(title, Markup) else _escaped(html.unescape(title))
