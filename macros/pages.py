"""The pages the generator adds to the site, computed from the Code.

Each generated page is a few lines of Markdown calling one macro, so the
page-level work is one macro call, not one per clause.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import urls
from .code import Code
from .consultation_page import CONSULTATION_PATH
from .guidance import GUIDANCE_PATH
from .history_html import history_title


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # path of the virtual Markdown file, e.g. "code/1.0/index.md"
    title: str
    body: str  # Markdown, usually one macro call
    searchable: bool = True  # False for pages that repeat another page's text
    search_boost: float | None = None  # rank this page's sections above others in search
    in_nav: bool = True  # False for pages reached only by links (clause histories)

    @property
    def markdown(self) -> str:
        search = "" if self.searchable else "search:\n  exclude: true\n"
        if self.searchable and self.search_boost:
            search = f"search:\n  boost: {self.search_boost}\n"
        return f"---\ntitle: {json.dumps(_as_text(self.title))}\n{search}---\n\n{self.body}\n"


def _as_text(title: str) -> str:
    """A title from the data, shown as written. The macros plugin renders a page title
    that contains Jinja marks ('{{', '{%', '{#') and the theme shows the title unrendered,
    so an invisible word joiner (U+2060) goes between the two characters of each mark."""
    for mark in ("{{", "{%", "{#"):
        title = title.replace(mark, mark[0] + "\u2060" + mark[1])
    return title


def version_title(code: Code, version_id: str) -> str:
    return f"{code.title}: version {version_id}"


def generated_pages(code: Code) -> list[GeneratedPage]:
    # Search ranks the Code's own clauses above pages that quote them, the version in force first.
    pages = [
        GeneratedPage(f"{urls.version_path(v.id)}index.md", version_title(code, v.id),
                      f'{{{{ code_version("{v.id}") }}}}',
                      search_boost=3 if v is code.current else 2)
        for v in code.versions
    ]
    if code.current:
        # The version in force is also at its own path; search offers that one only.
        pages.append(GeneratedPage(f"{urls.current_path()}index.md",
                                   f"{code.title}: the version in force", "{{ code_current() }}",
                                   searchable=False))
    if code.guidance:
        pages.append(GeneratedPage(f"{GUIDANCE_PATH}index.md", "Further guidance",
                                   "{{ guidance_page() }}"))
    if code.consultation:
        pages.append(GeneratedPage(f"{CONSULTATION_PATH}index.md",
                                   "Members' comments on the Code and the responses",
                                   "{{ consultation_record() }}"))
    if len(code.versions) > 1:
        pages.append(GeneratedPage(f"{urls.changes_path()}index.md",
                                   f"What changed in the {code.title}", "{{ changelog() }}"))
    # One lasting page per clause key, reached from each clause; not in the navigation,
    # and not in search, which offers the clause itself in each version instead.
    pages.extend(
        GeneratedPage(f"{urls.history_path(key)}index.md", history_title(history),
                      f'{{{{ clause_history("{key}") }}}}', in_nav=False,
                      searchable=False)
        for key, history in code.changelog.histories.items()
    )
    return pages
