"""The macros that hand-written pages call, registered with mkdocs-macros-plugin.

mkdocs.yml names this module under the macros plugin's `modules`; `define_env` reads the
Code that the `clauses` plugin loaded once for this build and offers hand-written pages
the version in force, the contact details, the guidance call-outs and the glossary.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, Protocol, TypeVar

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.adapters.mkdocs_plugin import ClausesPlugin, template_errors
from macros.adapters.theme_text import markdown_html, markdown_text
from macros.compute import guidance, urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.compute.views import Link
from macros.load.glossary import Glossary
from macros.load.settings import Settings
from macros.model.dates import long_date
from macros.model.records import Guidance
from macros.render.abbreviations import render_glossary_table
from macros.render.code_page import PageContext, render_clause, render_section, render_status
from macros.render.environment import Templates
from macros.render.statements import render_accessibility_statement, render_contact

P = ParamSpec("P")
_Macro = TypeVar("_Macro", bound=Callable[..., str])


class MacroEnv(Protocol):
    """The parts of mkdocs-macros-plugin's `env` that these macros use."""

    @property
    def conf(self) -> MkDocsConfig:
        """The MkDocs configuration of the build."""
        ...

    @property
    def variables(self) -> dict[str, Any]:
        """The variables every page's Markdown can use."""
        ...

    @property
    def env(self) -> jinja2.Environment:
        """The Jinja environment that renders the pages (made after `define_env`)."""
        ...

    @property
    def page(self) -> Page | None:
        """The page being rendered."""
        ...

    def macro(self, v: _Macro, name: str = "") -> _Macro:
        """Register `v` as a macro pages can call; return it unchanged."""
        ...


def template_macro(env: MacroEnv) -> Callable[[Callable[P, Markup]], Callable[P, Markup]]:
    """`@template_macro(env)` registers a macro that lays out a template: a template that
    cannot be laid out stops the build with one line naming it and its line. Its HTML is
    written into the page's Markdown so that Markdown reads none of its text as marks."""
    base = Path(env.conf.config_file_path).parent

    def register(macro: Callable[P, Markup]) -> Callable[P, Markup]:
        @functools.wraps(macro)
        def laid_out(*args: P.args, **kwargs: P.kwargs) -> Markup:
            with template_errors(base):
                return markdown_html(macro(*args, **kwargs))
        env.macro(laid_out)
        return laid_out
    return register


def define_site_macros(env: MacroEnv, code: Code, glossary: Glossary, settings: Settings | None,
                       page_path: Callable[[], str], templates: Templates) -> None:
    """Register the macros; `page_path` gives the site path of the page being rendered."""

    def need_settings(what: str) -> Settings:
        if settings is None:
            raise RuntimeError(f"{what} needs 'monitoring_officer' and 'accessibility' under "
                               "'extra:' in mkdocs.yml")
        return settings

    def find(guidance_id: str) -> Guidance:
        try:
            return code.guidance[guidance_id]
        except KeyError:
            known = ", ".join(code.guidance) or "none"
            raise RuntimeError(f"no guidance with id '{guidance_id}' (ids: {known})") from None

    laid_out = template_macro(env)

    @laid_out
    def guidance_callout(guidance_id: str) -> Markup:
        """A prominent box pointing to one piece of guidance."""
        return templates.render("guidance-callout.html.jinja",
                                callout=guidance.callout(find(guidance_id), page_path()))

    @laid_out
    def guidance_link(guidance_id: str) -> Markup:
        """A link to one piece of guidance, from the page being rendered."""
        return templates.render("guidance-link.html.jinja",
                                guidance=guidance.entry(find(guidance_id), page_path()))

    @laid_out
    def monitoring_officer_contact() -> Markup:
        """How to reach the Monitoring Officer, as an address block."""
        return render_contact(
            templates, need_settings("The Monitoring Officer's contact").monitoring_officer)

    @laid_out
    def accessibility_statement() -> Markup:
        """The accessibility statement, from extra.accessibility."""
        return render_accessibility_statement(
            templates, need_settings("The accessibility statement"), env.conf.site_name,
            env.conf.site_url or "")

    @laid_out
    def glossary_table() -> Markup:
        """Every abbreviation in the glossary and what it stands for."""
        return render_glossary_table(templates, glossary)

    if settings is not None:
        env.variables["council_name"] = settings.council.name


def _clauses(env: MacroEnv) -> tuple[ClausesPlugin, Code]:
    """The `clauses` plugin of this build and the Code it loaded."""
    plugin = env.conf.plugins.get("clauses")
    if not isinstance(plugin, ClausesPlugin) or plugin.code is None:
        raise RuntimeError("mkdocs.yml must list the 'clauses' plugin before 'macros'")
    return plugin, plugin.code


def define_code_macros(env: MacroEnv, code: Code, page_path: Callable[[], str],
                       templates: Templates) -> None:
    """The macros that show the Code itself on a hand-written page, with the templates of the
    version pages: the version in force, its status, a clause, a section."""

    def in_force() -> NumberedVersion:
        if code.current is None:
            raise RuntimeError("no version of the Code is in force (none is adopted)")
        return code.current

    def version_of(version_id: str | None) -> NumberedVersion:
        return in_force() if version_id is None else code.version(version_id)

    council = (env.conf.extra.get("council") or {}).get("name") or ""

    def context(version: NumberedVersion) -> PageContext:
        """Where a clause is shown: this page; its citation names the council and site."""
        return PageContext(code, version, page_path(), env.conf.site_url or "", council)

    laid_out = template_macro(env)

    @laid_out
    def current_version_link(text: str | None = None) -> Markup:
        """A link to the version in force, from the page being rendered."""
        current = in_force()
        href = urls.relative(page_path(), urls.version_path(current.id))
        return templates.render("version-link.html.jinja",
                                link=Link(href, text or f"version {current.id}"))

    @laid_out
    def version_status(version_id: str) -> Markup:
        """The status box of a version, as at the top of its page."""
        return render_status(templates, code, code.version(version_id))

    @laid_out
    def version_in_force() -> Markup:
        """The status box of the version in force."""
        return render_status(templates, code, in_force())

    @laid_out
    def clause(key: str, version: str | None = None) -> Markup:
        """A clause as its version's page shows it (the version in force unless `version`)."""
        numbered = version_of(version)
        found = next((c for c in numbered.clauses() if c.key == key), None)
        if found is None:
            known = ", ".join(c.key for c in numbered.clauses())
            raise RuntimeError(f"no clause '{key}' in version {numbered.id} (keys: {known})")
        return render_clause(templates, context(numbered), found)

    @laid_out
    def section(key: str, version: str | None = None) -> Markup:
        """A section and its clauses as its version's page shows them."""
        numbered = version_of(version)
        found = next((s for s in numbered.sections if s.section.key == key), None)
        if found is None:
            known = ", ".join(s.section.key for s in numbered.sections)
            raise RuntimeError(f"no section '{key}' in version {numbered.id} (keys: {known})")
        return render_section(templates, context(numbered), found)


def define_env(env: MacroEnv) -> None:
    """Register every macro and the variables pages use; mkdocs-macros-plugin calls this."""
    plugin, code = _clauses(env)
    templates = plugin.templates
    if templates is None:
        raise RuntimeError("mkdocs.yml must list the 'clauses' plugin before 'macros'")

    def page_path() -> str:
        return env.page.url if env.page else ""

    define_site_macros(env, code, plugin.glossary, plugin.settings, page_path, templates)
    define_code_macros(env, code, page_path, templates)

    env.variables["code_title"] = code.title
    env.variables["current_version"] = code.current.id if code.current else None
    env.variables["current_version_date"] = (
        long_date(code.current.version.date) if code.current else None
    )


def on_pre_page_macros(env: MacroEnv) -> None:
    """Before a page is rendered: every `{{ value }}` is written into its Markdown as text
    (`markdown_text`), so a value from the data or the settings cannot become markup."""
    env.env.finalize = markdown_text
