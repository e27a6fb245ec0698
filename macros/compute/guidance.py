"""External guidance the Code points to: checks, the note after a clause, who cites what.

Guidance is held once (content/data/guidance.yaml). A clause cites it by id;
the clause shows it as a "Further guidance" note, and the guidance page
(`macros.render.guidance_page`) lists every reference with the clauses, in every
version, that cite it (`citations`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
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


def _link(guidance: Guidance, page: str) -> str:
    rel = ' rel="noopener"' if guidance.url else ""
    return f'<a href="{escape(href(guidance, page))}"{rel}>{escape(guidance.title)}</a>'


def render_note(entries: Iterable[Guidance], page: str, clause_number: str) -> str:
    """The "Further guidance" note after a clause; a callout when the guidance asks for one."""
    entries = tuple(entries)
    if not entries:
        return ""
    items = "".join(f"<li>{_link(g, page)} ({escape(g.publisher)}): {escape(g.summary)}</li>"
                    for g in entries)
    callouts = [g.callout for g in entries if g.callout]
    modifier = " smc-guidance--callout" if callouts else ""
    title = escape(callouts[0]) if callouts else "Further guidance"
    return (f'<aside class="smc-guidance{modifier}" aria-label="Further guidance on clause '
            f'{escape(clause_number)}"><p class="smc-guidance__title">{title}</p>'
            f"<ul>{items}</ul></aside>")


def render_callout(guidance: Guidance, page: str) -> str:
    """A prominent box pointing to one piece of guidance, e.g. on the home page."""
    heading = escape(guidance.callout or guidance.title)
    label = f"help-{escape(guidance.id)}"
    return (f'<aside class="smc-guidance smc-guidance--callout smc-guidance--home" '
            f'aria-labelledby="{label}"><h2 class="smc-guidance__title" id="{label}">'
            f"{heading}</h2>"
            f"<p>{escape(guidance.summary)}</p>"
            f'<p class="smc-guidance__go">{_link(guidance, page)} '
            f"({escape(guidance.publisher)})</p></aside>")


@dataclass(frozen=True, slots=True)
class Citation:
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
