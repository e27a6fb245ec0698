"""`serve` rebuilds only the generated pages a save changed; the others are written as the
last build wrote them (see `macros/render/page_reuse.py`).

MkDocs reads and lays out every page on every rebuild. For a generated page, the plugin first
fingerprints what it shows (the records of the Code it is made from, see
`macros/render/page_inputs.py`) with what the page shares with every other page. When the
fingerprint is the one the page had in the last build, its content is not laid out by the
Code's templates, nor the page in the theme, nor indexed for search again:
`REUSED_TEMPLATE` writes the page the last build wrote, and the search entries it made then
are added to the index in its place. A `build` never reuses anything, so what it writes does
not depend on this module (tests/test_preview_reuse.py checks that a preview's rebuild writes
the same files as a build).
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.adapters.data_pages import read_given, render_nothing
from macros.adapters.search_chunks import SearchChunks
from macros.render.page_reuse import Kept, PageStore, page_digest, site_digest

REUSED_TEMPLATE = "clauses-reused-page.html"
log = logging.getLogger("mkdocs.plugins.clauses")


def with_reused_template(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's templates and `REUSED_TEMPLATE`, which writes a page's kept HTML as it is."""
    loader = env.loader
    kept = jinja2.DictLoader({REUSED_TEMPLATE: "{{ page.content|safe }}"})
    env.loader = jinja2.ChoiceLoader([loader, kept]) if loader is not None else kept
    return env


def _nav_parts(items: Any) -> list[str]:
    parts = []
    for item in items or ():
        parts.append(f"{type(item).__name__}\t{item.title}\t{getattr(item, 'url', '')}")
        parts.extend(_nav_parts(getattr(item, "children", None)))
        parts.append("end")
    return parts


def _settings_files(path: Path) -> list[bytes]:
    """The configuration file and each file it inherits from (`INHERIT:`), as they are."""
    found: list[bytes] = []
    while path.is_file() and len(found) < 10:
        data = path.read_bytes()
        found.append(data)
        parent = _INHERIT.search(data)
        if parent is None:
            break
        path = path.parent / parent.group(1).decode().strip().strip("'\"")
    return found


_INHERIT = re.compile(rb"^INHERIT:[ \t]*(\S[^#\n]*)", re.MULTILINE)


def _files_in(folder: Path) -> list[str]:
    """Each file in `folder`, with its size and time."""
    parts = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            stat = path.stat()
            parts.append(f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return parts


def _theme_files(config: MkDocsConfig) -> list[str]:
    """The theme's version, and each file of the site's overrides."""
    parts = [f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material")]
    custom = config.theme.custom_dir
    return parts + (_files_in(Path(custom)) if custom else [])


class PageReuse:
    """Which generated pages of this build are the last build's, and keeping this build's."""

    def __init__(self) -> None:
        self.store = PageStore()
        self.enabled = False  # only while serving
        self._site = ""
        self._reused: dict[str, Kept] = {}
        self._digests: dict[str, str] = {}
        self._search_from: dict[str, int] = {}
        self._search: dict[str, tuple[Any, ...]] = {}
        self._terms: dict[str, frozenset[str]] = {}
        self._held: dict[str, str] = {}  # pages' HTML held back from the search plugin
        self.chunks = SearchChunks()
        self._count = 0

    def start(self, serving: bool, config: MkDocsConfig, *shared: str) -> None:
        """A build begins; `shared`: what else every page shows (the versions' list)."""
        self.enabled = serving
        self.store.start()
        self._reused, self._digests, self._search_from, self._search = {}, {}, {}, {}
        self._terms, self._held = {}, {}
        self.chunks.start()
        self._count = 0
        if serving:
            self._site = site_digest([
                *_settings_files(Path(config.config_file_path or "")), str(config.site_url),
                *shared, json.dumps(config.nav, sort_keys=True, default=str),
                *_files_in(Path(config.docs_dir)), *_theme_files(config)])

    def reusable(self, page: Page, config: MkDocsConfig, shows: str) -> bool:
        """Before the page's content is laid out: whether the last build's page can be written
        again, nothing it shows (`shows`, its inputs' fingerprint) having changed."""
        if not self.enabled:
            return False
        uri = page.file.src_uri
        digest = page_digest(self._site, uri, page.meta, shows)
        self._digests[uri] = digest
        kept = self.store.get(uri, digest)
        if kept is None:
            return False
        self._reused[uri] = kept
        meta = {**page.meta, "template": REUSED_TEMPLATE}
        if self._searched(page) and _search_entries(config) is not None:
            # its entries are added after the search plugin's turn
            meta["search"] = {"exclude": True}
        page.meta = meta
        setattr(page, "render", functools.partial(render_nothing, page))  # noqa: B010
        return True

    def kept_terms(self, page: Page) -> frozenset[str] | None:
        """The abbreviations a reused page's content explains; None for a page laid out."""
        kept = self._reused.get(page.file.src_uri)
        return kept.terms if kept is not None else None

    def laid_out(self, page: Page, terms: frozenset[str]) -> None:
        """A page's content is laid out anew: the abbreviations it explains, kept with it."""
        if page.file.src_uri in self._digests:
            self._terms[page.file.src_uri] = terms

    @staticmethod
    def _searched(page: Page) -> bool:
        return not (page.meta.get("search") or {}).get("exclude")

    def before_search(self, page: Page, config: MkDocsConfig) -> None:
        """Before a page laid out anew is indexed for search: where its entries will start.
        Its HTML is held back from the search plugin, which indexes it part by part after
        its turn (search_chunks.py)."""
        uri = page.file.src_uri
        entries = _search_entries(config)
        if uri in self._digests and uri not in self._reused and entries is not None:
            self._search_from[uri] = len(entries)
            if (self._searched(page) and page.content
                    and _search_index(config) is not None):
                self._held[uri] = page.content
                page.content = ""

    def _index(self, page: Page, config: MkDocsConfig, html: str) -> None:
        """Index `html` for search as Material's plugin does (`add_entry_from_context`, and
        the attributes it then removes), parsing only the parts that changed."""
        index = _search_index(config)
        if index is not None:
            for section in self.chunks.sections(html):
                if not section.is_excluded():
                    index.create_entry_for_section(section, page.toc, page.url, page)
        page.content = _SEARCH_ATTRIBUTES.sub("", html)

    def after_search(self, page: Page, config: MkDocsConfig) -> None:
        """After the page is indexed: a reused page gets its entries and its kept HTML."""
        uri = page.file.src_uri
        kept = self._reused.get(uri)
        if kept is not None:
            entries = _search_entries(config)
            if entries is not None:
                entries.extend(kept.search)
            page.content = kept.html
            return
        held = self._held.pop(uri, None)
        if held is not None:
            self._index(page, config, held)
        start = self._search_from.pop(uri, None)
        entries = _search_entries(config)
        if start is not None and entries is not None:
            self._search[uri] = tuple(entries[start:])

    def written(self, page: Page, output: str, finish: Callable[[str], str]) -> str:
        """The page as written (`finish`ed, unless it is the last build's); kept for the next
        build."""
        uri = page.file.src_uri
        digest = self._digests.get(uri)
        if digest is None:
            return finish(output)
        kept = self._reused.get(uri)
        if kept is None:
            kept = Kept(digest, finish(output), self._search.pop(uri, ()),
                        self._terms.pop(uri, frozenset()))
        else:
            self._count += 1
        self.store.keep(uri, kept)
        return kept.html

    def finish(self, pages: int) -> None:
        """The build finished: say how many pages were reused."""
        if self.enabled:
            self.store.finish()
            self.chunks.finish()
            if self._count:
                log.info(f"{self._count} of {pages} generated pages unchanged since the last "
                         "build, written again as they were")


def read_generated(page: Page, meta: dict[str, object]) -> None:
    """Have `page`, a generated page, read as MkDocs reads its file, without parsing the
    front matter's YAML, which for a Code of thousands of clauses is a tenth of a preview's
    rebuild (`data_pages.read_given`)."""
    def read_source(config: MkDocsConfig) -> None:
        read_given(page, meta)
    setattr(page, "read_source", read_source)  # noqa: B010


# The attributes Material's search plugin removes from a page's HTML once it has indexed it.
_SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def _search_index(config: MkDocsConfig) -> Any:
    """Material's search index, where its plugin is on; None otherwise."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        enabled = getattr(getattr(plugin, "config", None), "enabled", False)
        if index is not None and enabled and hasattr(index, "create_entry_for_section"):
            return index
    return None


def _search_entries(config: MkDocsConfig) -> list[Any] | None:
    """The search index's entries, where a reused page's are added (mkdocs-material's)."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        if isinstance(entries, list):
            return entries
    return None
