"""What the site's search finds on each version page: the version, and each clause's own words.

Each clause is one search entry at its number anchor, titled with its number, version and
status ("Clause 2.1 (version 2.0, draft, not adopted)"), whose words are the clause's text and
its items' text only: not the notes, links and comments laid out around it on the page. The
entries of the version in force are marked, so that search lists them first.
"""

from __future__ import annotations

from typing import NamedTuple

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedClause, NumberedVersion
from macros.compute.versions import status_text, status_words
from macros.load.kept import Kept
from macros.model.inline import render_plain


class SearchEntry(NamedTuple):
    """One entry of the search index: a version page, or one clause on it."""

    location: str  # site path, with the clause's number anchor
    title: str  # 'Clause 2.1 (version 2.0, draft, not adopted)'
    text: str  # plain words: the clause's text and items, or the version's status
    in_force: bool  # from the version in force: listed before every other result


class VersionSearch(NamedTuple):
    """A version page's entries: the page itself first, then its clauses in order."""

    path: str  # the version's page, e.g. 'code/1.0/'
    entries: tuple[SearchEntry, ...]


def clause_words(version: NumberedVersion, clause: NumberedClause) -> str:
    """The clause's text and its lettered items as plain words, cross-references as numbers."""
    def named(key: str) -> str:
        return version.targets[key].label

    parts = [render_plain(clause.text, named)]
    parts.extend(f"({item.letter}) {render_plain(item.text, named)}" for item in clause.items)
    return " ".join(" ".join(parts).split())


def version_search(code: Code, version: NumberedVersion, title: str,
                   words: tuple[str, ...] | None = None) -> VersionSearch:
    """The search entries of a version's page, whose own title is `title`; `words`: each
    clause's `clause_words`, when they are known already."""
    if words is None:
        words = tuple(clause_words(version, clause) for clause in version.clauses())
    path = urls.version_path(version.id)
    status = status_words(code, version)
    in_force = code.current is not None and code.current.id == version.id
    page = SearchEntry(path, f"{title} ({status})",
                       f"{status_text(code, version)} {version.version.summary}", in_force)
    clauses = tuple(
        SearchEntry(urls.anchored(path, clause.target.anchor),
                    f"Clause {clause.number} (version {version.id}, {status})",
                    said, in_force)
        for clause, said in zip(version.clauses(), words, strict=True))
    return VersionSearch(path, (page, *clauses))


def searched_pages(code: Code) -> frozenset[str]:
    """The pages `code_search` gives entries for: every version's page."""
    return frozenset(urls.version_path(v.id) for v in code.versions)


def code_search(code: Code, kept: Kept | None = None) -> tuple[VersionSearch, ...]:
    """Every version's search entries, each page titled as it is ("<Code>: version 1.0").
    With `kept` (a preview), the words of a version unchanged since the last build are
    not gathered again."""
    def words(version: NumberedVersion) -> tuple[str, ...] | None:
        if kept is None:
            return None
        return kept.get(("search-words", version.id), (version,),
                        lambda: tuple(clause_words(version, c) for c in version.clauses()))
    return tuple(version_search(code, v, f"{code.title}: version {v.id}", words(v))
                 for v in code.versions)
