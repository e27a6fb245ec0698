"""MkDocs pages whose content the plugin writes from the data, read without Markdown.

MkDocs reads each page's file and runs Markdown on it, with every extension set up afresh for
each page. A generated page's file holds only its front matter, and the plugin hands over
its content (`on_page_content`), so for the thousands of clause histories of a large Code that
work made nothing and cost about a twentieth of the build. A `DataPage` has its settings given
and renders to nothing, as Markdown rendered its empty text; the plugin's content follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class DataPage(Page):
    """A page with settings (`meta`) given and no Markdown to read or render."""

    def __init__(self, file: File, config: MkDocsConfig, meta: Mapping[str, Any]) -> None:
        self._given_meta = dict(meta)
        super().__init__(None, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        """The page's settings, as its front matter would give them, and no Markdown."""
        self.markdown, self.meta = "", dict(self._given_meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """What Markdown makes of no text: no content, headings or anchors."""
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
