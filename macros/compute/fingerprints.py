"""Fingerprints of a version's wording, so that a published version cannot change unnoticed.

A fingerprint is the first 16 hex digits of the SHA-256 of a value written as JSON:

- a clause's wording: its text and the text of each of its items, in order;
- a section's heading;
- the version's outline: its section keys, each with its clause keys, each with its
  item keys, in order.

Whitespace is normalised first (runs of spaces and line breaks inside a paragraph count as
one space; paragraphs are still told apart), so re-wrapping a line of YAML changes nothing,
while changing, adding or removing a word does.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import NamedTuple

from macros.compute.numbering import NumberedClause, NumberedSection, NumberedVersion

DIGITS = 16
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


class Fingerprint(NamedTuple):
    """The recorded fingerprint of one clause's wording or section's heading in a version,
    or of the version's outline."""

    version: str
    key: str  # a clause or section key; "" for the version's outline
    digest: str
    kind: str = "wording"  # "wording" (a clause), "heading" (a section) or "outline"

    @property
    def name(self) -> str:
        """How the record names it: 'wording 1.0 purpose', 'heading 1.0 intro', 'outline 1.0'."""
        return f"{self.kind} {self.version} {self.key}".rstrip()

    @property
    def line(self) -> str:
        """The fingerprint as the record file writes it."""
        return f"{self.name} {self.digest}"


def digest(value: object) -> str:
    """The first 16 hex digits of the SHA-256 of `value` written as compact JSON."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:DIGITS]


def normalised(text: str) -> list[str]:
    """The paragraphs of `text`, each with its white space reduced to single spaces."""
    paragraphs = _PARAGRAPH_BREAK.split(text.strip())
    return [" ".join(p.split()) for p in paragraphs if p.strip()]


def clause_digest(clause: NumberedClause) -> str:
    """The fingerprint of a clause's wording: its text and its items' text."""
    return digest({"text": normalised(clause.clause.text),
                   "items": [normalised(item.text) for item in clause.clause.items]})


def section_digest(section: NumberedSection) -> str:
    """The fingerprint of a section's heading."""
    return digest({"title": normalised(section.title)})


def outline_digest(version: NumberedVersion) -> str:
    """The fingerprint of the order of a version's sections, clauses and items, by key."""
    return digest([[s.section.key,
                    [[c.key, [item.key for item in c.clause.items]] for c in s.clauses]]
                   for s in version.sections])


def version_fingerprints(version: NumberedVersion) -> list[Fingerprint]:
    """Every fingerprint of a version, as the record lists them: its outline, then each
    section's heading followed by its clauses' wording."""
    found = [Fingerprint(version.id, "", outline_digest(version), "outline")]
    for section in version.sections:
        found.append(Fingerprint(version.id, section.section.key, section_digest(section),
                                 "heading"))
        found.extend(Fingerprint(version.id, c.key, clause_digest(c)) for c in section.clauses)
    return found
