"""The macros that hand-written pages call, registered with mkdocs-macros-plugin.

mkdocs.yml names this module under the macros plugin's `modules`; `define_env` reads the
Code that the `clauses` plugin loaded once for this build and offers hand-written pages
the version in force, the contact details, the guidance call-outs and the glossary.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, Protocol, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.adapters.mkdocs_plugin import ClausesPlugin
from macros.compute import guidance, urls
from macros.compute.code import Code
from macros.load.glossary import Glossary
from macros.load.settings import Settings
from macros.model.dates import long_date
from macros.model.records import Guidance
from macros.render.abbreviations import render_glossary_table
from macros.render.code_page import render_status
from macros.render.environment import Templates
from macros.render.statements import render_accessibility_statement, render_contact

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
    def page(self) -> Page | None:
        """The page being rendered."""
        ...

    def macro(self, v: _Macro, name: str = "") -> _Macro:
        """Register `v` as a macro pages can call; return it unchanged."""
        ...


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

    @env.macro
    def guidance_callout(guidance_id: str) -> str:
        """A prominent box pointing to one piece of guidance."""
        return guidance.render_callout(find(guidance_id), page_path())

    @env.macro
    def guidance_link(guidance_id: str) -> str:
        """A link to one piece of guidance, from the page being rendered."""
        g = find(guidance_id)
        rel = ' rel="noopener"' if g.url else ""
        return f'<a href="{escape(guidance.href(g, page_path()))}"{rel}>{escape(g.title)}</a>'

    @env.macro
    def monitoring_officer_contact() -> str:
        """How to reach the Monitoring Officer, as an address block."""
        return render_contact(
            templates, need_settings("The Monitoring Officer's contact").monitoring_officer)

    @env.macro
    def accessibility_statement() -> str:
        """The accessibility statement, from extra.accessibility."""
        return render_accessibility_statement(
            templates, need_settings("The accessibility statement"), env.conf.site_name,
            env.conf.site_url or "")

    @env.macro
    def glossary_table() -> str:
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


def define_env(env: MacroEnv) -> None:
    """Register every macro and the variables pages use; mkdocs-macros-plugin calls this."""
    plugin, code = _clauses(env)

    def page_path() -> str:
        return env.page.url if env.page else ""

    define_site_macros(env, code, plugin.glossary, plugin.settings, page_path, plugin.templates)

    env.variables["code_title"] = code.title
    env.variables["current_version"] = code.current.id if code.current else None
    env.variables["current_version_date"] = (
        long_date(code.current.version.date) if code.current else None
    )

    @env.macro
    def current_version_link(text: str | None = None) -> str:
        """A link to the version in force, from the page being rendered."""
        current = code.current
        if current is None:
            raise RuntimeError("current_version_link: no version of the Code is adopted")
        label = text or f"version {current.id}"
        return f'<a href="{urls.relative(page_path(), urls.version_path(current.id))}">{label}</a>'

    @env.macro
    def version_status(version_id: str) -> str:
        """The status line of the version with this id."""
        return render_status(code, code.version(version_id))
