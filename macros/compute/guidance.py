"""External guidance the Code points to: checks, the note after a clause, who cites what.

Guidance is held once (content/data/guidance.yaml). A clause cites it by id;
the clause shows it as a "Further guidance" note, and the guidance page
(`macros.render.guidance_page`) lists every reference with the clauses, in every
version, that cite it (`citations`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple
from urllib.parse import urlsplit

from macros.compute import urls
from macros.compute.numbering import NumberedClause, NumberedVersion
from macros.load.loader import Loaded
from macros.model.problems import Problem
from macros.model.records import Guidance, GuidanceList


def url_problem(url: str) -> str | None:
    """Why `url` is not a well-formed https address, or None when it is."""
    if any(ch.isspace() for ch in url):
        return f"address '{url}' contains a space"
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        return f"address '{url}' does not start with https://"
    try:
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return f"address '{url}' has an invalid port"
    labels = host.split(".")
    if (len(labels) < 2 or not all(labels)
            or not all(label.replace("-", "").isalnum() for label in labels)):
        return f"address '{url}' has no valid host name (found '{parts.netloc}')"
    if parts.username is not None or port == 0:
        return f"address '{url}' is not a plain web address"
    return None


def check_guidance(loaded: Loaded[GuidanceList]) -> list[Problem]:
    """Duplicate ids and badly formed addresses, one problem each."""
    doc = loaded.doc
    problems: list[Problem] = []
    first_line: dict[str, int | None] = {}
    for index, entry in enumerate(loaded.model.guidance):
        label = f"guidance '{entry.id}'"
        if entry.id in first_line:
            problems.append(Problem(
                doc.file, doc.line(("guidance", index, "id")), label,
                f"duplicate guidance id '{entry.id}' (already used at line "
                f"{first_line[entry.id]})",
                "give every guidance entry its own id"))
        else:
            first_line[entry.id] = doc.line(("guidance", index, "id"))
        if entry.url is not None:
            wrong = url_problem(entry.url)
            if wrong:
                problems.append(Problem(
                    doc.file, doc.line(("guidance", index, "url")), label, wrong,
                    "give the full https:// address as published, e.g. "
                    "https://www.local.gov.uk/handling-abuse-social-media, "
                    "or leave 'url' out if it has none"))
    return problems


def href(guidance: Guidance, page: str) -> str:
    """Where a reader goes for this guidance: its address, or its entry on the guidance page."""
    return guidance.url or urls.relative(page, urls.anchored(urls.GUIDANCE_PATH, guidance.id))


class GuidanceEntry(NamedTuple):
    """One piece of guidance as a page or the PDF shows it."""

    id: str
    title: str
    publisher: str
    summary: str
    href: str  # its web address, or its entry on the guidance page (relative to the page)
    external: bool  # `href` is the publisher's own address
    address: str  # its full address, as printed: the web address or the guidance entry's


def entry(guidance: Guidance, page: str, site_url: str = "") -> GuidanceEntry:
    """`guidance` linked from the page at `page`; `site_url` makes the printed address full."""
    link = href(guidance, page)
    address = guidance.url or (urls.absolute(site_url, urls.anchored(urls.GUIDANCE_PATH,
                                                                     guidance.id))
                               if site_url else link)
    return GuidanceEntry(guidance.id, guidance.title, guidance.publisher, guidance.summary, link,
                         bool(guidance.url), address)


class GuidanceNote(NamedTuple):
    """The "Further guidance" note after a clause."""

    clause_number: str
    title: str  # 'Further guidance', or the first call-out heading of the guidance it cites
    callout: bool  # some of the guidance asks to stand out
    entries: tuple[GuidanceEntry, ...]


def note(entries: Iterable[Guidance], page: str, clause_number: str,
         site_url: str = "") -> GuidanceNote | None:
    """The note after a clause citing `entries`; None when it cites none."""
    cited = tuple(entries)
    if not cited:
        return None
    callouts = [g.callout for g in cited if g.callout]
    return GuidanceNote(clause_number, callouts[0] if callouts else "Further guidance",
                        bool(callouts), tuple(entry(g, page, site_url) for g in cited))


class GuidanceCallout(NamedTuple):
    """A prominent box pointing to one piece of guidance, e.g. on the home page."""

    heading: str  # its call-out heading, or its title
    guidance: GuidanceEntry


def callout(guidance: Guidance, page: str) -> GuidanceCallout:
    """A piece of guidance as a prominent box shows it: its call-out heading, or its title."""
    return GuidanceCallout(guidance.callout or guidance.title, entry(guidance, page))


class Citation(NamedTuple):
    """The clauses of one version that cite a piece of guidance."""

    version: NumberedVersion
    clauses: tuple[NumberedClause, ...]


def citations(versions: Iterable[NumberedVersion], guidance_id: str) -> tuple[Citation, ...]:
    """For each version, the clauses that cite `guidance_id` (versions citing none left out)."""
    found = []
    for version in versions:
        clauses = tuple(c for c in version.clauses() if guidance_id in c.clause.guidance)
        if clauses:
            found.append(Citation(version, clauses))
    return tuple(found)


def uncited(code_guidance: Iterable[Guidance], versions: Iterable[NumberedVersion],
            on_pages: Iterable[str], where: Callable[[str], tuple[str, int | None]]
            ) -> list[Problem]:
    """One problem for each guidance entry no clause of any version cites, nor any page
    (`on_pages`: the ids the hand-written pages name); `where` gives its file and line."""
    cited = set(on_pages)
    for version in versions:
        cited.update(g for clause in version.clauses() for g in clause.clause.guidance)
    problems = []
    for entry in code_guidance:
        if entry.id not in cited:
            file, line = where(entry.id)
            problems.append(Problem(
                file, line, f"guidance '{entry.id}'",
                "is cited by no clause of any version and named on no page, so nothing "
                "points readers to it",
                f"remove it, or cite it from a clause ('guidance: [{entry.id}]') or a page "
                f"('{{{{ guidance_link(\"{entry.id}\") }}}}')"))
    return problems
