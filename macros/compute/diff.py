"""Word-level redline of a clause between two versions, using the standard library's difflib.

A clause is flattened into words: its paragraphs, then each lettered item as
"(a)" followed by the item's words. A cross-reference is one word that compares
by the key it points to, so a reference that is only renumbered ("clause 2.3"
becoming "clause 2.4") is not shown as a change of wording. Formatting (bold,
emphasis, link addresses) is not compared: the redline is about the words.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html import escape

from macros.compute.numbering import NumberedClause, NumberedVersion
from macros.model.inline import Emphasis, Inline, Link, Paragraph, Plain, Strong, XRef

BREAK = "\n"  # the compared form of a paragraph or item break


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a clause: `compare` is what the diff compares, `text` what a reader sees."""

    compare: str
    text: str
    space_before: bool = True  # False for punctuation right after a cross-reference

    @property
    def is_break(self) -> bool:
        """Whether this is the marker between two paragraphs or items, not a word."""
        return self.compare == BREAK


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words that is unchanged ('equal'), deleted ('delete') or inserted ('insert')."""

    op: str
    words: tuple[Word, ...]


_XREF = "\x00"  # marks a cross-reference key in the flattened text
_XREF_SPLIT = re.compile(f"({_XREF}[^{_XREF}]*{_XREF})")


def _flatten(tokens: Sequence[Inline]) -> str:
    out: list[str] = []
    for token in tokens:
        if isinstance(token, Plain):
            out.append(token.text.replace(_XREF, ""))
        elif isinstance(token, XRef):
            out.append(f"{_XREF}{token.key}{_XREF}")
        elif isinstance(token, Strong | Emphasis | Link):
            out.append(_flatten(token.children))
    return "".join(out)


def _inline_words(tokens: Sequence[Inline], label: Callable[[str], str]) -> Iterator[Word]:
    for chunk in _flatten(tokens).split():
        if _XREF not in chunk:  # most words: no cross-reference to split out
            yield Word(chunk, chunk, True)
            continue
        pieces = [p for p in _XREF_SPLIT.split(chunk) if p]
        for index, piece in enumerate(pieces):
            if piece.startswith(_XREF):
                key = piece.strip(_XREF)
                yield Word(f"[[{key}]]", label(key), index == 0)
            else:
                yield Word(piece, piece, index == 0)


def _paragraph_words(paragraphs: Sequence[Paragraph], label: Callable[[str], str]) -> list[Word]:
    words: list[Word] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            words.append(Word(BREAK, BREAK))
        words.extend(_inline_words(paragraph, label))
    return words


def clause_words(clause: NumberedClause, version: NumberedVersion) -> tuple[Word, ...]:
    """The words of a clause and its items, cross-references shown as numbers in `version`."""

    def label(key: str) -> str:
        target = version.targets.get(key)
        return target.label if target else key

    words = _paragraph_words(clause.text, label)
    for item in clause.items:
        words.append(Word(BREAK, BREAK))
        words.append(Word(f"({item.letter})", f"({item.letter})"))
        words.extend(_paragraph_words(item.text, label))
    return tuple(words)


def same_words(old: Sequence[Word], new: Sequence[Word]) -> bool:
    """Whether the two wordings compare equal, word for word."""
    return [w.compare for w in old] == [w.compare for w in new]


def redline(old: Sequence[Word], new: Sequence[Word]) -> tuple[Segment, ...]:
    """The segments that turn `old` into `new`; unchanged runs show the new wording."""
    matcher = difflib.SequenceMatcher(
        None, [w.compare for w in old], [w.compare for w in new], autojunk=False
    )
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", tuple(new[j1:j2])))
            continue
        if i2 > i1:
            segments.append(Segment("delete", tuple(old[i1:i2])))
        if j2 > j1:
            segments.append(Segment("insert", tuple(new[j1:j2])))
    return tuple(segments)


_MARK = {
    "delete": ("del", "smc-del", "deleted"),
    "insert": ("ins", "smc-ins", "inserted"),
}


def _words_html(words: Sequence[Word], in_mark: bool) -> str:
    out: list[str] = []
    for word in words:
        if word.is_break:
            # Inside a deletion or insertion a break is itself the change: show it.
            out.append(' <span class="smc-break" aria-hidden="true">¶</span>'
                       '<span class="smc-visually-hidden">paragraph break</span>'
                       if in_mark else "</p><p>")
        else:
            space = word.space_before and out and out[-1] != "</p><p>"
            out.append((" " if space else "") + escape(word.text))
    return "".join(out).strip()


def render_redline(segments: Sequence[Segment]) -> str:
    """HTML of a redline: deletions in <del>, insertions in <ins>, each announced in words.

    The words "deleted" and "inserted" are visually hidden but read out, and the
    marks are struck through and underlined, so the change never relies on colour.
    """
    body = ""
    for segment in segments:
        if not segment.words:
            continue
        first = segment.words[0]
        space = " " if body and not body.endswith("<p>") and first.space_before \
            and not first.is_break else ""
        if segment.op == "equal":
            body += space + _words_html(segment.words, in_mark=False)
            continue
        tag, css, said = _MARK[segment.op]
        body += (f'{space}<{tag} class="{css}"><span class="smc-visually-hidden">[{said}: '
                 f"</span>{_words_html(segment.words, in_mark=True)}"
                 f'<span class="smc-visually-hidden">]</span></{tag}>')
    return f'<div class="smc-redline"><p>{body}</p></div>'
