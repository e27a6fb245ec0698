"""Macros for the pages around the Code: guidance, glossary, contact, accessibility."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from . import guidance
from .code import Code
from .glossary import Glossary
from .settings import Settings
from .statements import render_accessibility_statement, render_contact


def define_site_macros(env: Any, code: Code, glossary: Glossary, settings: Settings | None,
                       page_path: Callable[[], str]) -> None:
    """Register the macros; `page_path` gives the site path of the page being rendered."""

    def need_settings(what: str) -> Settings:
        if settings is None:
            raise RuntimeError(f"{what} needs 'monitoring_officer' and 'accessibility' under "
                               "'extra:' in mkdocs.yml")
        return settings

    def find(guidance_id: str) -> Any:
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
        """How to reach the Monitoring Officer, as an <address>."""
        return render_contact(need_settings("The Monitoring Officer's contact").monitoring_officer)

    @env.macro
    def accessibility_statement() -> str:
        """The accessibility statement, from extra.accessibility."""
        return render_accessibility_statement(
            need_settings("The accessibility statement"), env.conf.site_name,
            env.conf.site_url or "")

    @env.macro
    def glossary_table() -> str:
        """Every abbreviation in the glossary and what it stands for."""
        rows = "".join(f"<tr><th scope=\"row\">{escape(abbr)}</th><td>{escape(title)}</td></tr>"
                       for abbr, title in sorted(glossary.terms.items(), key=lambda t:
                                                 t[0].lower()))
        return ('<table class="smc-glossary"><caption>Abbreviations used on this site'
                "</caption><thead><tr><th scope=\"col\">Abbreviation</th>"
                f'<th scope="col">Stands for</th></tr></thead><tbody>{rows}</tbody></table>')

    if settings is not None:
        env.variables["council_name"] = settings.council.name
