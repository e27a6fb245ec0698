"""Small records the templates receive: a link, and clause text with its cross-references.

Templates lay these out; they never compute a number, a link or a word of status.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from macros.model.inline import Paragraph


class Link(NamedTuple):
    """A link as a page shows it: where it goes (relative to the page) and its words."""

    href: str
    text: str


class RichText(NamedTuple):
    """Parsed clause text, and where each of its cross-references goes from this page.

    `inline.html.jinja` lays it out; `xref(key)` gives the link of `[[key]]`.
    """

    paragraphs: tuple[Paragraph, ...]
    xref: Callable[[str], Link]
