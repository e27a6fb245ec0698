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


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # path of the virtual Markdown file, e.g. "code/1.0/index.md"
    title: str
    body: str  # Markdown, usually one macro call

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
    return pages
