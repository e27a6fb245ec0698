"""A preview indexes for search only the parts of a page that a save changed.

Material's search plugin parses each page's HTML into sections (one per heading) with a
parser written in Python: for a version page of 1,000 clauses that is most of a preview's
rebuild after an edit, though the edit changed one clause. A generated page is a run of
section elements (the Code's sections, the changes of each version). Where the parser
stands in the same way at the start of such a part as it stood in the last build, and the
part's HTML is the same, parsing it does the same again: it adds the same sections and the
same white space to the page's first section, and leaves the sections before it as they
were (a part that changes them is not kept). So
`SearchChunks` feeds Material's own parser the page part by part, and where a part and the
parser's state at its start are those of a part of the last build, it adds what that part
added instead of parsing it. Any other part is parsed; a page whose parts do not start and
end in that state is parsed whole, as before. A `build` never uses this module.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from material.plugins.search.plugin import (  # type: ignore[import-untyped]
    Element,
    Parser,
    Section,
)

_BOUNDARY = re.compile(r"<section[\s>]")
_SKIP = frozenset({"object", "script", "style"})  # what the parser skips before any page


class _Added(NamedTuple):
    """What parsing a part added: its sections, and white space to the first section."""

    # Each section's tag, attributes, title, text, id and depth (infinite once closed).
    sections: tuple[tuple[str, tuple[tuple[str, Any], ...], tuple[str, ...], tuple[str, ...],
                          str | None, float], ...]
    first_text: tuple[str, ...]


_CLOSED = float("inf")


def _at_boundary(parser: Parser) -> tuple[Any, ...] | None:
    """The parser's state where a part may be reused, or None where it may not (something
    held unparsed, skipped beyond what every page skips, or a section other than the first
    current): the open elements and the depth of each section not closed, which decide where
    the parser goes back to when an element closes."""
    data = parser.data
    if (parser.rawdata or parser.cdata_elem is not None or not data
            or parser.section is not data[0] or set(parser.skip) != _SKIP
            or data[0].depth > len(parser.context)):
        return None
    return (tuple((el.tag, tuple(sorted(el.attrs.items()))) for el in parser.context),
            tuple(section.depth for section in data[1:] if section.depth != _CLOSED))


def _open_sections(parser: Parser) -> list[tuple[Section, int, int, Any, Any]]:
    """Each section not closed but the first, with what a part must leave as it is: the
    lengths of its text and title and their last parts."""
    return [(s, len(s.text), len(s.title), s.text[-1] if s.text else None,
             s.title[-1] if s.title else None)
            for s in parser.data[1:] if s.depth != _CLOSED]


class SearchChunks:
    """The parts of the pages of the last build, with what parsing each added."""

    def __init__(self) -> None:
        self._last: dict[tuple[Any, ...], _Added] = {}
        self._next: dict[tuple[Any, ...], _Added] = {}
        self.reused = 0  # parts of this build added without parsing

    def start(self) -> None:
        """A build begins."""
        self._next, self.reused = {}, 0

    def finish(self) -> None:
        """The build finished: its parts are the ones the next build may reuse."""
        self._last, self._next = self._next, {}

    def sections(self, html: str) -> list[Section]:
        """The sections Material's parser makes of `html`, as it makes them."""
        starts = [match.start() for match in _BOUNDARY.finditer(html)]
        parser = Parser()
        if not starts:
            parser.feed(html)
            parser.close()
            return list(parser.data)
        parser.feed(html[:starts[0]])
        ends = [*starts[1:], len(html)]
        for start, end in zip(starts, ends, strict=True):
            self._part(parser, html[start:end])
        parser.close()
        return list(parser.data)

    def _part(self, parser: Parser, part: str) -> None:
        context = _at_boundary(parser)
        if context is None:
            parser.feed(part)
            return
        first = parser.data[0]
        tail = first.text[-1].isspace() if first.text else None
        key = (context, tail, part)
        added = self._last.get(key) or self._next.get(key)
        if added is not None:
            for tag, attrs, title, text, section_id, depth in added.sections:
                section = Section(Element(tag, dict(attrs)), depth)
                section.title, section.text, section.id = list(title), list(text), section_id
                parser.data.append(section)
            first.text.extend(added.first_text)
            self._next[key] = added
            self.reused += 1
            return
        before, count, still = tuple(first.text), len(parser.data), _open_sections(parser)
        parser.feed(part)
        new_text = tuple(first.text[len(before):])
        end = _at_boundary(parser)
        if (end is None or end[0] != context[0] or tuple(first.text[:len(before)]) != before
                or first.title or not all(text.isspace() for text in new_text)
                or any(s.depth == _CLOSED or (len(s.text), len(s.title)) != (n_text, n_title)
                       or (s.text[-1] if s.text else None) is not text_end
                       or (s.title[-1] if s.title else None) is not title_end
                       for s, n_text, n_title, text_end, title_end in still)):
            return  # not a part whose parse can be repeated: it changed what came before
        self._next[key] = _Added(
            tuple((s.el.tag, tuple(sorted(s.el.attrs.items())), tuple(s.title), tuple(s.text),
                   s.id, s.depth) for s in parser.data[count:]), new_text)
