"""The small inline Markdown subset allowed in clause text.

Clause text is data, not HTML: it is parsed once, at validation, into tokens,
and laid out by `inline.html.jinja` with every character escaped. Only these marks are
understood:
``**bold**``, ``*emphasis*``, ``[text](https://address)``, ``[[clause-key]]``
(a cross-reference) and a blank line between paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

ALLOWED_SCHEMES = ("https://", "mailto:")

# What a browser would read as the start of a tag, a comment or a declaration.
_HTML = re.compile(r"<[A-Za-z!/?][^<>]*>?")
_TOKEN = re.compile(
    r"\[\[(?P<xref>[^\]\n]*)\]\]"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<url>[^)\s]*)\)"
    r"|\*\*(?P<strong>.+?)\*\*"
    r"|\*(?P<em>[^*\n]+?)\*"
)


class InlineError(ValueError):
    """Text that the subset cannot hold; the message says what to change."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True, slots=True)
class Plain:
    """Text with no markup."""

    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    """Strong text: `**bold**`."""

    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emphasis:
    """Emphasised text: `*emphasis*`."""

    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A link: `[text](https://address)`."""

    children: tuple[Inline, ...]
    url: str


@dataclass(frozen=True, slots=True)
class XRef:
    """A cross-reference to another clause, by key: `[[clause-key]]`."""

    key: str


Inline = Plain | Strong | Emphasis | Link | XRef
Paragraph = tuple[Inline, ...]


def parse(text: str, where: str = "clause text") -> tuple[Paragraph, ...]:
    """Parse clause text into paragraphs of tokens, or raise InlineError; `where` names the
    text in the message (e.g. "a comment's words").

    HTML is looked for in the text as parsed, with every mark resolved (the
    text of each paragraph as `render_plain` gives it, a cross-reference as its
    key), so a mark between '<' and a tag's name ('**<**img ...') hides nothing.
    """
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    parsed = tuple(_parse_inline(" ".join(p.split())) for p in paragraphs)
    for paragraph in parsed:
        found = _HTML.search(_plain(paragraph, lambda key: key))
        if found:
            raise InlineError(
                f"HTML is not allowed in {where} (found '{found.group(0)[:20]}')",
                "write plain text; use **bold**, *emphasis* or [text](https://address) "
                "instead",
            )
    return parsed


def _parse_inline(text: str) -> Paragraph:
    tokens: list[Inline] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            tokens.append(Plain(text[pos : match.start()]))
        tokens.append(_token(match))
        pos = match.end()
    if pos < len(text):
        tokens.append(Plain(text[pos:]))
    for token in tokens:
        if isinstance(token, Plain) and "[[" in token.text:
            raise InlineError(
                "a cross-reference is not closed ('[[' without ']]')",
                "write cross-references as [[clause-key]]",
            )
    return tuple(tokens)


def _token(match: re.Match[str]) -> Inline:
    if match.group("xref") is not None:
        key = match.group("xref").strip()
        if "[[" in key:
            raise InlineError(
                "a cross-reference is not closed ('[[' without ']]')",
                "write cross-references as [[clause-key]]",
            )
        if not key:
            raise InlineError("an empty cross-reference '[[]]'", "put a clause key inside [[ ]]")
        return XRef(key)
    if match.group("url") is not None:
        url = match.group("url")
        if not url.lower().startswith(ALLOWED_SCHEMES):
            raise InlineError(
                f"link address '{url[:60]}' is not allowed",
                "links must start with https:// or mailto:",
            )
        return Link(_parse_inline(match.group("label")), url)
    if match.group("strong") is not None:
        return Strong(_parse_inline(match.group("strong")))
    return Emphasis(_parse_inline(match.group("em")))


def xref_keys(paragraphs: tuple[Paragraph, ...]) -> Iterator[str]:
    """Every cross-reference key in parsed text, in reading order."""
    for paragraph in paragraphs:
        yield from _xrefs(paragraph)


def _xrefs(tokens: tuple[Inline, ...]) -> Iterator[str]:
    for token in tokens:
        if isinstance(token, XRef):
            yield token.key
        elif isinstance(token, Strong | Emphasis | Link):
            yield from _xrefs(token.children)


XRefRenderer = Callable[[str], str]


def render_plain(paragraphs: tuple[Paragraph, ...], xref_text: XRefRenderer) -> str:
    """Unformatted text, for diffs, search and PDF outlines."""
    return "\n\n".join(_plain(p, xref_text) for p in paragraphs)


def _plain(tokens: tuple[Inline, ...], xref_text: XRefRenderer) -> str:
    out: list[str] = []
    for token in tokens:
        if isinstance(token, Plain):
            out.append(token.text)
        elif isinstance(token, XRef):
            out.append(xref_text(token.key))
        else:
            out.append(_plain(token.children, xref_text))
    return "".join(out)
