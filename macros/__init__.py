"""Generator of the Social Media Code website: load, validate, number, diff, render.

`define_env` is the mkdocs-macros-plugin entry point. It reads the Code that
the `clauses` plugin loaded once for this build and offers hand-written pages
the macros they use (links to the version in force, the contact details, the
guidance call-outs). The pages made from the Code are written by `pages.py`.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .dates import long_date
from .render import render_status
from .site_macros import define_site_macros


def _code(env: Any) -> Any:
    try:
        plugin = env.conf.plugins["clauses"]
    except KeyError:
        raise RuntimeError("mkdocs.yml must list the 'clauses' plugin before 'macros'") from None
    if plugin.code is None:
        raise RuntimeError("mkdocs.yml must list the 'clauses' plugin before 'macros'")
    return plugin.code


def define_env(env: Any) -> None:
    code = _code(env)
    plugin = env.conf.plugins["clauses"]

    def page_path() -> str:
        return env.page.url if env.page else ""

    define_site_macros(env, code, plugin.glossary, plugin.settings, page_path)

    env.variables["code_title"] = code.title
    env.variables["current_version"] = code.current.id if code.current else None
    env.variables["current_version_date"] = (
        long_date(code.current.version.date) if code.current else None
    )

    @env.macro
    def current_version_link(text: str | None = None) -> str:
        """A link to the version in force, from the page being rendered."""
        current = code.current
        label = text or f"version {current.id}"
        return f'<a href="{urls.relative(page_path(), urls.version_path(current.id))}">{label}</a>'

    @env.macro
    def version_status(version_id: str) -> str:
        return render_status(code, code.version(version_id))
