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
from .history_html import history_title


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # path of the virtual Markdown file, e.g. "code/1.0/index.md"
    title: str
    body: str  # Markdown, usually one macro call
    in_nav: bool = True  # False for pages reached only by links (clause histories)

    @property
    def markdown(self) -> str:
        return f"---\ntitle: {json.dumps(self.title)}\n---\n\n{self.body}\n"


def version_title(code: Code, version_id: str) -> str:
    return f"{code.title}: version {version_id}"


def generated_pages(code: Code) -> list[GeneratedPage]:
    pages = [
        GeneratedPage(f"{urls.version_path(v.id)}index.md", version_title(code, v.id),
                      f'{{{{ code_version("{v.id}") }}}}')
        for v in code.versions
    ]
    if code.current:
        pages.append(GeneratedPage(f"{urls.current_path()}index.md",
                                   f"{code.title}: the version in force", "{{ code_current() }}"))
    if code.consultation:
        pages.append(GeneratedPage(f"{CONSULTATION_PATH}index.md",
                                   "Members' comments on the Code and the responses",
                                   "{{ consultation_record() }}"))
    if len(code.versions) > 1:
        pages.append(GeneratedPage(f"{urls.changes_path()}index.md",
                                   f"What changed in the {code.title}", "{{ changelog() }}"))
    # One lasting page per clause key, reached from each clause; not in the navigation.
    pages.extend(
        GeneratedPage(f"{urls.history_path(key)}index.md", history_title(history),
                      f'{{{{ clause_history("{key}") }}}}', in_nav=False)
        for key, history in code.changelog.histories.items()
    )
    return pages
