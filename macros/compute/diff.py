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
from typing import Literal, NamedTuple

from macros.compute.numbering import NumberedClause, NumberedVersion
from macros.model.inline import Emphasis, Inline, Link, Paragraph, Plain, Strong, XRef

BREAK = "\n"  # the compared form of a paragraph or item break


class Word(NamedTuple):
    """One word of a clause: `compare` is what the diff compares, `text` what a reader sees."""

    compare: str
    text: str
    space_before: bool = True  # False for punctuation right after a cross-reference

    @property
    def is_break(self) -> bool:
        """Whether this is the marker between two paragraphs or items, not a word."""
        return self.compare == BREAK


SegmentOp = Literal["equal", "delete", "insert"]


class Segment(NamedTuple):
    """A run of words that is unchanged ('equal'), deleted ('delete') or inserted ('insert')."""

    op: SegmentOp
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


class Piece(NamedTuple):
    """Words of a run as shown, with the spaces between them; or, inside a deletion or an
    insertion, a paragraph break (`is_break`), which is then itself the change."""

    text: str
    space: bool  # a space before it
    is_break: bool = False


class Run(NamedTuple):
    """Words of one paragraph of a redline that are unchanged ('equal'), deleted ('delete')
    or inserted ('insert')."""

    op: str
    space: bool  # a space before it
    pieces: tuple[Piece, ...]


def _pieces(words: Sequence[Word]) -> tuple[Piece, ...]:
    """A deletion's or insertion's words, breaks kept as pieces of their own."""
    pieces: list[Piece] = []
    text: list[str] = []
    space = False
    for index, word in enumerate(words):
        if word.is_break:
            if text:
                pieces.append(Piece("".join(text), space))
                text = []
            pieces.append(Piece("", index > 0, is_break=True))
        elif text:
            text.append((" " if word.space_before else "") + word.text)
        else:
            space = index > 0 and word.space_before
            text.append(word.text)
    if text:
        pieces.append(Piece("".join(text), space))
    return tuple(pieces)


def redline_paragraphs(segments: Sequence[Segment]) -> tuple[tuple[Run, ...], ...]:
    """A redline as shown: paragraphs of runs. An unchanged break starts a new paragraph;
    a space stands between words where the wording has one, never at a paragraph's start."""
    paragraphs: list[list[Run]] = [[]]
    for segment in segments:
        if not segment.words:
            continue
        first = segment.words[0]
        space = bool(paragraphs[-1]) and first.space_before and not first.is_break
        if segment.op != "equal":
            paragraphs[-1].append(Run(segment.op, space, _pieces(segment.words)))
            continue
        text: list[str] = []
        for word in segment.words:
            if word.is_break:
                if text:
                    paragraphs[-1].append(Run("equal", space, (Piece("".join(text), False),)))
                    text = []
                paragraphs.append([])
                space = False
            else:
                text.append((" " if text and word.space_before else "") + word.text)
        if text:
            paragraphs[-1].append(Run("equal", space, (Piece("".join(text), False),)))
    return tuple(tuple(runs) for runs in paragraphs)
