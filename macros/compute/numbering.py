"""Numbers and anchors computed from the order of sections, clauses and items.

Nobody types a number: section 2, clause 2.3 and item 2.3(a) come from their
position in the data. Each gets a number anchor (``clause-2.3``) and keeps its
stable key, which is also an anchor on the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from macros.model.inline import Paragraph
from macros.model.records import Clause, Section, Version


def letter(index: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa': the label of a lettered item."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


class Target(NamedTuple):
    """Something a cross-reference or a link can point at."""

    key: str
    kind: str  # "section", "clause" or "item"
    number: str
    anchor: str

    @property
    def label(self) -> str:
        """How text names it, e.g. 'clause 2.3' or 'section 4' (an item is a clause)."""
        return f"{self.kind if self.kind != 'item' else 'clause'} {self.number}"


class NumberedItem(NamedTuple):
    """A lettered item of a clause, with its parsed text."""

    target: Target
    letter: str
    text: tuple[Paragraph, ...]


class NumberedClause(NamedTuple):
    """A clause with its number, its parsed text and its lettered items."""

    target: Target
    clause: Clause
    text: tuple[Paragraph, ...]
    items: tuple[NumberedItem, ...]

    @property
    def key(self) -> str:
        """The clause's lasting key."""
        return self.clause.key

    @property
    def number(self) -> str:
        """The clause's number, e.g. '2.3'."""
        return self.target.number


class NumberedSection(NamedTuple):
    """A section with its number and its numbered clauses."""

    target: Target
    section: Section
    clauses: tuple[NumberedClause, ...]

    @property
    def title(self) -> str:
        """The section's heading."""
        return self.section.title

    @property
    def span(self) -> str:
        """'clauses 2.1 to 2.6' (or 'clause 3.1'), as contents lists show a section."""
        first, last = self.clauses[0].number, self.clauses[-1].number
        return f"clause {first}" if first == last else f"clauses {first} to {last}"


class NumberedVersion(NamedTuple):
    """A version with every section, clause and item numbered, and its targets by key."""

    version: Version
    file: str
    sections: tuple[NumberedSection, ...]
    targets: Mapping[str, Target]

    @property
    def id(self) -> str:
        """The version's id, e.g. '1.0'."""
        return self.version.id

    def clauses(self) -> tuple[NumberedClause, ...]:
        """Every clause of the version, in order."""
        return tuple(c for s in self.sections for c in s.clauses)


def number_version(
    version: Version, file: str, texts: Mapping[str, tuple[Paragraph, ...]]
) -> NumberedVersion:
    """Number every section, clause and item of a validated version.

    `texts` holds the parsed text of each clause and item, by key.
    """
    targets: dict[str, Target] = {}
    sections = []
    for s_index, section in enumerate(version.sections, start=1):
        s_target = Target(section.key, "section", str(s_index), f"section-{s_index}")
        targets[section.key] = s_target
        clauses = []
        for c_index, clause in enumerate(section.clauses, start=1):
            number = f"{s_index}.{c_index}"
            c_target = Target(clause.key, "clause", number, f"clause-{number}")
            targets[clause.key] = c_target
            clauses.append(NumberedClause(c_target, clause, texts[clause.key],
                                          _items(clause, number, texts, targets)))
        sections.append(NumberedSection(s_target, section, tuple(clauses)))
    return NumberedVersion(version, file, tuple(sections), MappingProxyType(targets))


def _items(
    clause: Clause, number: str, texts: Mapping[str, tuple[Paragraph, ...]],
    targets: dict[str, Target],
) -> tuple[NumberedItem, ...]:
    items = []
    for i, item in enumerate(clause.items):
        label = letter(i)
        target = Target(item.key, "item", f"{number}({label})", f"clause-{number}-{label}")
        targets[item.key] = target
        items.append(NumberedItem(target, label, texts[item.key]))
    return tuple(items)
