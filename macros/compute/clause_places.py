"""Where each clause stands in every version, so a page can name a clause it does not hold.

A reader who switches version on a clause, or follows a link to one, may land on a version
without it (added later, or removed). The page then names the clause as a reader knows it,
by its number and opening words in the versions that have it, never by its internal key.
"""

from __future__ import annotations

from typing import NamedTuple

from macros.compute.code import Code
from macros.compute.numbering import NumberedClause, NumberedVersion
from macros.compute.versions import status_words
from macros.model.inline import render_plain

OPENING_WORDS = 8


class ClausePlace(NamedTuple):
    """A clause in one version: its number there, and its opening words."""

    version: str
    status: str  # 'in force', 'draft, not adopted', ...
    number: str
    opening: str  # 'Do not publish anything that reflects badly on the…'


def opening(version: NumberedVersion, clause: NumberedClause) -> str:
    """The clause's first words, cross-references as numbers, '…' if there are more."""
    words = render_plain(clause.text, lambda key: version.targets[key].label).split()
    more = "…" if len(words) > OPENING_WORDS else ""
    return " ".join(words[:OPENING_WORDS]) + more


def clause_places(code: Code) -> dict[str, list[ClausePlace]]:
    """Every clause key, with its place in each version that has it, oldest version first."""
    places: dict[str, list[ClausePlace]] = {}
    for version in code.versions:
        status = status_words(code, version)
        for clause in version.clauses():
            places.setdefault(clause.key, []).append(
                ClausePlace(version.id, status, clause.number, opening(version, clause)))
    return places
