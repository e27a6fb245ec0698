"""MkDocs pages whose content the plugin writes from the data, read without Markdown.

MkDocs reads each page's file and runs Markdown on it, with every extension set up afresh for
each page. A generated page's file holds only its front matter, and the plugin hands over
its content (`on_page_content`), so for the thousands of clause histories of a large Code that
work made nothing and cost about a twentieth of the build. A `DataPage` has its settings given
and renders to nothing, as Markdown rendered its empty text; the plugin's content follows.
While serving, other generated pages are read and (when reused) rendered the same way
(`preview_pages.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


def read_given(page: Page, meta: Mapping[str, object]) -> None:
    """What MkDocs reads of a generated page's file (`Page.read_source`): front matter
    holding `meta`, then no Markdown; without parsing the front matter's YAML."""
    page.markdown, page.meta = "", dict(meta)


def render_nothing(page: Page, *_: object) -> None:
    """What `Page.render` makes of no Markdown (no content, headings or anchors), without
    making a Markdown converter with every extension for it."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


class DataPage(Page):
    """A page with settings (`meta`) given and no Markdown to read or render."""

    def __init__(self, file: File, config: MkDocsConfig, meta: Mapping[str, object]) -> None:
        self._given_meta = dict(meta)
        super().__init__(None, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        """The page's settings, as its front matter would give them, and no Markdown."""
        read_given(self, self._given_meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """What Markdown makes of no text."""
        render_nothing(self)
