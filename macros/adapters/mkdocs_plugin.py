"""The thin MkDocs layer: load the Code once per build and add its pages.

Everything MkDocs-specific lives here and in `define_env`; the rest of the
package knows nothing of MkDocs.
"""

from __future__ import annotations

import functools
import gc
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.adapters.build_checks import (
    ClausesOptions,
    check_build,
    glossary_required,
    record_path,
)
from macros.adapters.collector import (
    USUAL_THRESHOLD,
    fewer_collections_while_building,
    without_cycle_collection,
)
from macros.adapters.data_pages import DataPage
from macros.adapters.held_pages import HeldPages
from macros.adapters.material import has_version_selector, with_version_selector
from macros.adapters.nav_once import NavOnce
from macros.adapters.package_theme import bundles, use_package_theme
from macros.adapters.pdf_later import PdfsLater
from macros.adapters.preview import Builder, data_paths, keep_last_good_site
from macros.adapters.preview_pages import PageReuse, read_generated, with_reused_template
from macros.adapters.search_index import index_stand_in, shape_search_index
from macros.adapters.serve_files import UnchangedFiles
from macros.adapters.site_usage import SiteUsage
from macros.adapters.theme_html import fix_theme_html
from macros.adapters.theme_text import nav_titles, page_titles
from macros.adapters.version_site import (
    check_record_output,
    search_index_for_versions,
    versions_files,
    with_code_nav,
)
from macros.compute.code import Code, check_code
from macros.compute.downloads import Download
from macros.compute.feed import FEED_PATH
from macros.compute.search import code_search, searched_pages
from macros.compute.words import site_words
from macros.export.downloads import build_downloads, make_pdf, schema_files
from macros.export.pdf import PdfUnavailable
from macros.export.schema import schema_text
from macros.load.glossary import EMPTY as EMPTY_GLOSSARY
from macros.load.glossary import Glossary
from macros.load.kept import Kept
from macros.load.settings import Settings
from macros.model.problems import CodeDataError
from macros.render.abbreviations import Abbreviations
from macros.render.environment import (
    Templates,
    keep_compiled,
    site_templates,
    template_problem,
)
from macros.render.feed import render_feed
from macros.render.page_inputs import PageInputs
from macros.render.pages import GeneratedPage, generated_pages
from macros.render.print_running import running_css

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

_log = logging.getLogger("mkdocs.plugins.clauses")

class ClausesPlugin(BasePlugin[ClausesOptions]):
    """Loads, validates and numbers the Code; adds the version pages."""

    code: Code | None = None
    downloads: Mapping[str, tuple[Download, ...]] = MappingProxyType({})
    glossary: Glossary = EMPTY_GLOSSARY
    abbreviations: Abbreviations | None = None
    settings: Settings | None = None
    generated: Mapping[str, GeneratedPage] = MappingProxyType({})
    # The templates that lay out the Code's pages, its PDFs and the macros' parts; made once
    # per build from the package's templates and the site's own (`<custom_dir>/clauses/`).
    templates: Templates | None = None
    council: str = ""  # extra.council.name, which each clause's citation names
    base: Path = Path()
    # What the pages use of the data (guidance, abbreviations), checked once all are rendered.
    usage: SiteUsage = SiteUsage(Path())
    _searched_elsewhere: frozenset[str] = frozenset()

    def __init__(self) -> None:
        super().__init__()
        # While serving, the plugin lives from one rebuild to the next (MkDocs keeps a plugin
        # that has `on_startup`) and keeps the pages of the last build to reuse.
        self.reuse = PageReuse()
        self.kept = Kept()  # what each data file made, kept by its bytes (macros/load/kept.py)
        self.serving = False
        self.held = HeldPages()
        # While serving (after the first build): PDFs not made yet are made after the pages.
        self.pdfs_later: PdfsLater | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether the site is being served (pages are then reused between rebuilds)."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the Code, make its downloads and add its versions to the nav."""
        base = self.base = Path(config.config_file_path).parent
        self.usage = SiteUsage(base)
        use_package_theme(config)
        templates = self.templates = Templates(site_templates(config.theme.custom_dir),
                                               cache=base / self.config.template_cache)
        fewer_collections_while_building()
        with without_cycle_collection():
            checked = check_code(base / self.config.manifest, base,
                                 self.kept if self.serving else None)
        # One report of every problem: a lost published URL first, what could not be checked
        # because of the others last (the same checks as `python -m macros check`).
        found = check_build(config, checked, record_path(self.config, base),
                            base / self.config.glossary, glossary_required(self.config))
        self.glossary, self.settings = found.glossary, found.settings
        site_url, council = found.site_url, found.council
        code = checked.code
        if found.problems or code is None:
            raise Abort(str(CodeDataError(found.problems)))
        if found.glossary is not EMPTY_GLOSSARY:
            _use_glossary(config, base / self.config.glossary)
        if found.record_said:
            _log.info(found.record_said)
        self.code, self.council = code, council
        templates.use_words(site_words(code, found.document, council))
        self.abbreviations = Abbreviations(self.glossary, templates)
        self.later: list[str] | None = [] if self.pdfs_later is not None else None
        try:
            with template_errors(base):
                self.downloads = build_downloads(templates, code, site_url, council,
                                                 pdf_cache=base / self.config.pdf_cache,
                                                 pdf=self.config.pdf, later=self.later,
                                                 kept=self.kept if self.serving else None)
        except PdfUnavailable as err:
            raise Abort(str(err)) from None
        config.nav = with_code_nav(code, config.nav, templates.words.in_force)
        return config

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Builder) -> LiveReloadServer:
        """`serve` also rebuilds when the Code's data, the glossary or the URL record changes,
        and a rebuild that finds a problem in them keeps the last good site served."""
        extra = [self.config.glossary, *filter(None, [self.config.url_record])]
        # A folder that is not there cannot be watched (the default glossary's, say).
        for path, recursive in data_paths(self.base / self.config.manifest,
                                          [self.base / name for name in extra
                                           if (self.base / name).parent.is_dir()]):
            server.watch(str(path), recursive=recursive)
        # A rebuild writes only the files that changed (serve_files.py).
        files = UnchangedFiles(Path(config.site_dir))
        if self.config.pdf and self.config.pdf_cache:
            cache = self.base / self.config.pdf_cache
            cache.mkdir(parents=True, exist_ok=True)
            server.watch(str(cache), recursive=False)  # a PDF made after the pages: rebuild
            self.pdfs_later = PdfsLater(functools.partial(make_pdf, cache=cache))
        server.builder = keep_last_good_site(files.builder(server.builder),
                                             Path(config.site_dir), lambda: files.written > 0)
        return server

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """While serving, a generated page's front matter is taken as written, not parsed."""
        generated = self.generated.get(page.file.src_uri)
        if generated is not None and self.reuse.enabled:
            read_generated(page, generated.meta)
        return page

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """The Markdown of a generated page; any other page's Markdown unchanged."""
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return markdown
        if self.reuse.enabled and self.reuse.reusable(page, config, generated.shows(self.inputs)):
            return ""  # the page the last build wrote is written again (preview_pages.py)
        # The content is one block of HTML, which Markdown would keep as it is: it is laid out
        # here and handed over in `on_page_content`, and Markdown reads an empty page.
        with template_errors(self.base, PluginError):
            self._contents[page.file.src_uri] = generated.html()
        return ""

    def _page_content(self, html: str, page: Page, config: MkDocsConfig,
                      files: Files) -> str:
        """The page's HTML with the glossary's abbreviations explained; its titles escaped
        for the theme, which prints them as they are (see theme_text.py)."""
        page_titles(page)
        reused = self.reuse.kept_terms(page)
        if reused is not None:
            self.usage.terms |= reused
            return html
        generated = page.file.src_uri in self._contents
        html = self._contents.pop(page.file.src_uri, html)
        if self.abbreviations is not None:
            html = self.abbreviations.apply(html)  # generated HTML, which Markdown's abbr skips
        terms = self.usage.page_shown(page.url, html, self.abbreviations,
                                      every=self.reuse.enabled)
        if generated:
            self.reuse.laid_out(page, terms)
        return html

    @event_priority(float("-inf"))  # after every other plugin's and hook's turn
    def _hold_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.generated:
            return self.held.hold(page.file.src_uri, html)
        return html

    on_page_content = CombinedEvent(_page_content, _hold_content)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """The navigation with its sections' and links' titles escaped for the theme."""
        nav_titles(nav.items)
        return nav

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages, versions.json, the feed, the styles and scripts, downloads,
        schemas."""
        code = self._loaded()
        if self.templates is None:
            raise PluginError("the clauses plugin's templates were not loaded (on_config)")
        pages = generated_pages(code, self.downloads, config.site_url or "", self.templates,
                                self.council)
        self.generated = {page.src_uri: page for page in pages}
        self._contents: dict[str, str] = {}
        # The theme's search indexes a stand-in for each version page (see search_index.py);
        # its entries, from the data, replace the stand-in's once the index is written.
        self._searched_elsewhere = searched_pages(code)
        self._searched_content: dict[str, str] = {}
        self.held = HeldPages()
        listed = versions_files(code)
        # Every page shows the version selector's list (versions.json); where each clause
        # stands (the second file) is read by the script only, so no page depends on it.
        # Generated pages show the glossary's abbreviations too.
        glossary = self.base / self.config.glossary
        self.reuse.start(self.serving, config, listed[0][1],
                         glossary.read_text(encoding="utf-8") if glossary.is_file() else "")
        self.inputs = PageInputs(code, self.downloads, (config.site_url or "", self.council,
                                                        self.templates.words),
                                 self.kept if self.serving else None)
        for page in pages:
            file = File.generated(
                config, page.src_uri, content=page.front_matter,
                inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV)
            files.append(file)
            if not page.in_nav:  # a page in the nav takes its title there from the nav
                DataPage(file, config, page.meta)
        for path, text in listed:
            files.append(File.generated(config, path, content=text))
        with template_errors(self.base):
            feed = render_feed(self.templates, code, config.site_url or "", self.council)
        files.append(File.generated(config, FEED_PATH, content=feed))
        # The package's styles with the printed margins of each version, and its scripts.
        for path, text in bundles(config, running_css(code, config.site_url or "")):
            files.append(File.generated(config, path, content=text))
        for download in (d for ds in self.downloads.values() for d in ds if d.ready):
            files.append(File.generated(config, download.path, content=download.content))
        for schema, name in schema_files():
            if files.get_file_from_path(schema) is None:  # a site without content/pages/schema/
                files.append(File.generated(config, schema, content=schema_text(name)))
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Fix the search index for the versions, then check the built site's URLs."""
        gc.set_threshold(*USUAL_THRESHOLD)
        self.reuse.finish(len(self.generated))
        if self.pdfs_later is not None and self.later is not None:
            self.pdfs_later.start(self.later)
        site = Path(config.site_dir)
        written = shape_search_index(site, code_search(self._loaded(),
                                                       self.kept if self.serving else None))
        search_index_for_versions(self._loaded(), site, written)
        if self.config.url_record:
            base = Path(config.config_file_path).parent
            try:
                check_record_output(base / self.config.url_record, base, site)
            except CodeDataError as err:
                raise Abort(str(err)) from None

    def on_build_error(self, error: Exception) -> None:
        """A failed build (a preview goes on serving) collects garbage as usual again."""
        gc.set_threshold(*USUAL_THRESHOLD)

    @event_priority(-100)  # after other plugins have set the environment up
    def on_env(self, env: jinja2.Environment, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        """Once every page is read: stop on what the pages lack or leave unused of the data
        (see site_usage.py). Give the theme's templates the `version_selector` filter
        (overrides/main.html), and keep them compiled between builds, with the Code's
        templates."""
        problems = self.usage.check(self._loaded(), self.glossary)
        if problems:
            raise Abort(str(CodeDataError(problems)))
        env.filters["version_selector"] = self._version_selector
        env.globals["nav_once"] = NavOnce()
        env.globals["has_version_selector"] = functools.partial(has_version_selector,
                                                                   self._loaded())
        keep_compiled(env, self.base / self.config.template_cache)
        return with_reused_template(env)

    @event_priority(float("inf"))  # before every other plugin's and hook's turn
    def _context_given_back(self, context: dict[str, object], page: Page,
                            config: MkDocsConfig, nav: Navigation) -> None:
        held = self.held.give_back(page.file.src_uri)
        if held is not None:
            page.content = held

    @event_priority(50)  # before the search plugin indexes the page
    def _context_before_search(self, context: dict[str, object], page: Page,
                               config: MkDocsConfig, nav: Navigation) -> None:
        if page.file.src_uri in self.generated:
            if page.url in self._searched_elsewhere and page.content:
                self._searched_content[page.url] = page.content
                page.content = index_stand_in(page.title or "")
            self.reuse.before_search(page, config)

    @event_priority(-100)  # after it
    def _context_after_search(self, context: dict[str, object], page: Page,
                              config: MkDocsConfig, nav: Navigation) -> None:
        if page.file.src_uri in self.generated:
            self.reuse.after_search(page, config)
            held = self._searched_content.pop(page.url, None)
            if held is not None:
                page.content = held

    on_page_context = CombinedEvent(_context_given_back, _context_before_search,
                                    _context_after_search)

    def _version_selector(self, settings: str, page: object) -> Markup:
        """The theme's settings for `page` (its `config` block), see theme/main.html."""
        url = getattr(page, "url", None)
        if self.code is None or not isinstance(url, str):
            return Markup(settings)  # noqa: S704 (the theme's own HTML, unchanged)
        # The theme's HTML with its settings' JSON rewritten and '<' written as \u003c.
        return Markup(with_version_selector(settings, self.code, url))  # noqa: S704

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The page's HTML with the theme's invalid attributes removed (or, in a preview, as the
        last build wrote it, when nothing it shows has changed)."""
        written = self.reuse.written(page, output, fix_theme_html)
        if page.file.src_uri in self.generated:
            # Nothing reads a generated page's content once it is written; a Code of thousands
            # of clauses would otherwise hold every page twice until the build ends.
            page.content = page.markdown = None
        return written

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        """A template's HTML with the theme's markup fixed."""
        return fix_theme_html(output_content)  # 404.html is a template, not a page

    def _loaded(self) -> Code:
        if self.code is None:
            raise RuntimeError("the clauses plugin's on_config has not loaded the Code")
        return self.code


@contextmanager
def template_errors(base: Path, stop: type[Exception] = Abort) -> Iterator[None]:
    """A template that cannot be laid out stops the build with one line naming it, no traceback.

    While a page is read, `stop=PluginError` has MkDocs say which page, then this line once.
    """
    try:
        yield
    except jinja2.TemplateError as err:
        raise stop(template_problem(err, base)) from None


def _use_glossary(config: MkDocsConfig, path: Path) -> None:
    """Have Markdown append the glossary to every hand-written page."""
    for extension in ("abbr", "pymdownx.snippets"):
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    bases = snippets.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else list(bases)
    snippets["base_path"] = [*bases, str(path.parent.resolve())]
    snippets["auto_append"] = [*snippets.get("auto_append", []), path.name]
    snippets.setdefault("check_paths", True)
