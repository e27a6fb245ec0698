"""The pages the generator adds to the site, written from the Code.

A generated page's file holds only its front matter, with `render_macros:
false` so the macros plugin leaves the page alone: its text, titles included,
comes from the data and is shown as written, even where it holds Jinja marks
such as '{{'. Its body, finished Markdown (HTML blocks), is written when MkDocs
reaches the page (`GeneratedPage.body()`), so a Code of thousands of clauses
never holds every page's text twice. Hand-written pages use the macros instead.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.downloads import Download
from macros.compute.numbering import NumberedVersion
from macros.compute.versions import status_words
from macros.render.changes_page import render_changelog
from macros.render.code_page import render_current, render_version
from macros.render.consultation_page import render_consultation
from macros.render.environment import Templates
from macros.render.guidance_page import render_guidance_page
from macros.render.history_page import history_title, render_history
from macros.render.page_inputs import PageInputs


def _whole(inputs: PageInputs) -> str:
    return inputs.whole


class GeneratedPage(NamedTuple):
    """A page the generator adds to the site, written from the Code when MkDocs reaches it."""

    src_uri: str  # path of the virtual Markdown file, e.g. "code/1.0/index.md"
    title: str
    write: Callable[[str], str]  # the page's content (one HTML block) for its site path
    searchable: bool = True  # False for pages that repeat another page's text
    search_boost: float | None = None  # rank this page's sections above others in search
    in_nav: bool = True  # False for pages reached only by links (clause histories)
    # The fingerprint of what the page shows, taken before it is laid out (page_inputs.py).
    shows: Callable[[PageInputs], str] = _whole

    @property
    def meta(self) -> dict[str, object]:
        """Its front matter's values: title, search settings, and that no macro is to run."""
        meta: dict[str, object] = {"title": self.title, "render_macros": False}
        if not self.searchable:
            meta["search"] = {"exclude": True}
        elif self.search_boost:
            meta["search"] = {"boost": self.search_boost}
        return meta

    @property
    def front_matter(self) -> str:
        """The file MkDocs reads: `meta`, each value written as JSON (which YAML reads as
        the same values)."""
        lines = [f"{name}: {json.dumps(value)}" for name, value in self.meta.items()]
        return "---\n" + "\n".join(lines) + "\n---\n"

    def body(self) -> str:
        """The page's content, written for its own site path."""
        return self.write(page_path(self.src_uri)) + "\n"

    def html(self) -> str:
        """The page's content as Markdown writes the HTML block `body()` is, without parsing
        it: Markdown keeps a block of HTML as it is, once it has normalised its white space."""
        return markdown_block(self.body())


def markdown_block(html: str) -> str:
    """`html` as Python-Markdown writes a raw HTML block: its line ends and tabs normalised
    (with Markdown's tab length, 4), lines of spaces emptied, and stripped."""
    text = html.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    return _SPACES_LINE.sub("\n", "\n" + text).strip()


_SPACES_LINE = re.compile(r"(?<=\n) +\n")


def page_path(src_uri: str) -> str:
    """The site path of a generated page ('code/1.0/index.md' -> 'code/1.0/')."""
    return src_uri.removesuffix("index.md")


def version_title(code: Code, version_id: str) -> str:
    """The title of a version's page: "<Code title>: version 2.0"."""
    return f"{code.title}: version {version_id}"


def generated_pages(code: Code, downloads: Mapping[str, tuple[Download, ...]],
                    site_url: str, templates: Templates,
                    council: str = "") -> list[GeneratedPage]:
    """Every page the Code adds; each body is written for its own path (links are relative).

    `templates` lay the pages out (made once per build); `council` names the publisher in
    each clause's citation."""
    pages: list[GeneratedPage] = []

    def add(src_uri: str, title: str, write: Callable[[str], str], *, searchable: bool = True,
            search_boost: float | None = None, in_nav: bool = True,
            shows: Callable[[PageInputs], str] = _whole) -> None:
        pages.append(GeneratedPage(src_uri, title, write, searchable, search_boost, in_nav,
                                   shows))

    # Search ranks the Code's own clauses above pages that quote them, the version in force first.
    for v in code.versions:
        add(f"{urls.version_path(v.id)}index.md", version_title(code, v.id),
            functools.partial(_version_body, templates, code, v, downloads.get(v.id, ()),
                              site_url, council),
            search_boost=3 if v is code.current else 2,
            shows=functools.partial(PageInputs.version, version_id=v.id))
    if code.current:
        # The version in force is also at its own path; search offers that one only.
        current = code.current
        add(f"{urls.current_path()}index.md", f"{code.title}: the version in force",
            lambda path: render_current(templates, code, path, downloads.get(current.id, ()),
                                        site_url, council),
            searchable=False, shows=functools.partial(PageInputs.version, version_id=current.id))
    if code.guidance:
        add(f"{urls.GUIDANCE_PATH}index.md", "Further guidance",
            lambda path: render_guidance_page(templates, code.guidance.values(), code.versions,
                                              code.documents, path,
                                              lambda version: status_words(code, version)))
    if code.consultation:
        add(f"{urls.CONSULTATION_PATH}index.md", templates.words.comments_title,
            lambda path: render_consultation(templates, code, path))
    if len(code.versions) > 1:
        add(f"{urls.changes_path()}index.md", f"What changed in the {code.title}",
            lambda path: render_changelog(templates, code, path, downloads))
    # One lasting page per clause key, reached from each clause; not in the navigation,
    # and not in search, which offers the clause itself in each version instead.
    for key, history in code.changelog.histories.items():
        add(f"{urls.history_path(key)}index.md", history_title(history),
            functools.partial(_history_body, templates, code, key, site_url, council),
            in_nav=False, searchable=False, shows=functools.partial(PageInputs.history, key=key))
    return pages


def _version_body(templates: Templates, code: Code, version: NumberedVersion,
                  downloads: tuple[Download, ...], site_url: str, council: str,
                  path: str) -> str:
    return render_version(templates, code, version, path, downloads, site_url, council)


def _history_body(templates: Templates, code: Code, key: str, site_url: str, council: str,
                  path: str) -> str:
    return render_history(templates, code, key, path, site_url, council)
