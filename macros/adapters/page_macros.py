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
from macros.adapters.site_usage import Missing, SiteUsage
from macros.adapters.theme_text import markdown_html, markdown_text
from macros.compute import guidance, urls
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.compute.views import Link
from macros.load.glossary import Glossary
from macros.load.settings import Settings
from macros.model.dates import long_date
from macros.model.problems import did_you_mean
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


def template_macro(env: MacroEnv, usage: SiteUsage
                   ) -> Callable[[Callable[P, Markup]], Callable[P, Markup]]:
    """`@template_macro(env, usage)` registers a macro that lays out a template: a template
    that cannot be laid out stops the build with one line naming it and its line. Its HTML is
    written into the page's Markdown so that Markdown reads none of its text as marks. What
    the page asks for and the data lacks (`Missing`) is one problem of the page, reported
    once every page is read; the macro then shows nothing."""
    base = Path(env.conf.config_file_path).parent

    def register(macro: Callable[P, Markup]) -> Callable[P, Markup]:
        @functools.wraps(macro)
        def laid_out(*args: P.args, **kwargs: P.kwargs) -> Markup:
            try:
                with template_errors(base):
                    return markdown_html(macro(*args, **kwargs))
            except Missing as err:
                page = env.page
                usage.missing(page.file.abs_src_path if page else None, macro.__name__, err)
                return Markup()
        env.macro(laid_out)
        return laid_out
    return register


def define_site_macros(env: MacroEnv, code: Code, glossary: Glossary, settings: Settings | None,
                       page_path: Callable[[], str], templates: Templates,
                       usage: SiteUsage) -> None:
    """Register the macros; `page_path` gives the site path of the page being rendered."""

    def need_settings(what: str) -> Settings:
        if settings is None:
            raise Missing("extra.monitoring_officer", f"is not set, so the page cannot show "
                          f"{what}", "add 'monitoring_officer' and 'accessibility' under "
                          "'extra:' in mkdocs.yml")
        return settings

    def find(guidance_id: str) -> Guidance:
        usage.named_guidance(guidance_id, code)
        return code.guidance[guidance_id]

    laid_out = template_macro(env, usage)

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
            templates, need_settings("the Monitoring Officer's contact").monitoring_officer)

    @laid_out
    def accessibility_statement() -> Markup:
        """The accessibility statement, from extra.accessibility."""
        return render_accessibility_statement(
            templates, need_settings("the accessibility statement"), env.conf.site_name,
            env.conf.site_url or "")

    @laid_out
    def glossary_table() -> Markup:
        """Every abbreviation in the glossary and what it stands for."""
        usage.glossary_pages.add(page_path())
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
                       templates: Templates, usage: SiteUsage) -> None:
    """The macros that show the Code itself on a hand-written page, with the templates of the
    version pages: the version in force, its status, a clause, a section."""

    def in_force() -> NumberedVersion:
        if code.current is None:
            raise Missing("version in force", "no version is adopted, so none is in force "
                          "for the page to show", "adopt a version (python -m macros adopt), "
                          "or take this macro off the page until one is")
        return code.current

    def version_of(version_id: str | None) -> NumberedVersion:
        if version_id is None:
            return in_force()
        for version in code.versions:
            if version.id == version_id:
                return version
        raise Missing(f"version '{version_id}'", "is not a version in content/data/code.yaml",
                      "use one of: " + ", ".join(v.id for v in code.versions), version_id)

    council = (env.conf.extra.get("council") or {}).get("name") or ""

    def context(version: NumberedVersion) -> PageContext:
        """Where a clause is shown: this page; its citation names the council and site."""
        return PageContext(code, version, page_path(), env.conf.site_url or "", council)

    laid_out = template_macro(env, usage)

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
        return render_status(templates, code, version_of(version_id))

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
            raise Missing(f"clause '{key}'", f"is not a clause of version {numbered.id}."
                          f"{did_you_mean(key, (c.key for c in numbered.clauses()))}",
                          f"use the key of a clause in {numbered.file}", key)
        return render_clause(templates, context(numbered), found)

    @laid_out
    def section(key: str, version: str | None = None) -> Markup:
        """A section and its clauses as its version's page shows them."""
        numbered = version_of(version)
        found = next((s for s in numbered.sections if s.section.key == key), None)
        if found is None:
            raise Missing(f"section '{key}'", f"is not a section of version {numbered.id}."
                          f"{did_you_mean(key, (s.section.key for s in numbered.sections))}",
                          f"use the key of a section in {numbered.file}", key)
        return render_section(templates, context(numbered), found)


def define_env(env: MacroEnv) -> None:
    """Register every macro and the variables pages use; mkdocs-macros-plugin calls this."""
    plugin, code = _clauses(env)
    templates = plugin.templates
    if templates is None:
        raise RuntimeError("mkdocs.yml must list the 'clauses' plugin before 'macros'")

    def page_path() -> str:
        return env.page.url if env.page else ""

    define_site_macros(env, code, plugin.glossary, plugin.settings, page_path, templates,
                       plugin.usage)
    define_code_macros(env, code, page_path, templates, plugin.usage)

    env.variables["code_title"] = code.title
    env.variables["document_name"] = templates.words.document  # 'Code', 'Protocol'
    env.variables["current_version"] = code.current.id if code.current else None
    env.variables["current_version_date"] = (
        long_date(code.current.version.status_date) if code.current else None
    )


def on_pre_page_macros(env: MacroEnv) -> None:
    """Before a page is rendered: every `{{ value }}` is written into its Markdown as text
    (`markdown_text`), so a value from the data or the settings cannot become markup."""
    env.env.finalize = markdown_text
