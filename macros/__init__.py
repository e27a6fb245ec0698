"""Generator of the Social Media Code website: load, validate, number, diff, render.

`define_env` is the mkdocs-macros-plugin entry point. It reads the Code that
the `clauses` plugin loaded once for this build and exposes one macro per
kind of page, so a page costs one macro call however many clauses it has.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .consultation_page import render_consultation
from .dates import long_date
from .downloads import render_downloads
from .render import render_current, render_status, render_version
from .site_macros import define_site_macros
from .version_macros import define_version_macros


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
    downloads = plugin.downloads

    def page_path() -> str:
        return env.page.url if env.page else ""

    define_site_macros(env, code, plugin.glossary, plugin.settings, page_path)
    define_version_macros(env, code, page_path)

    def offer(version_id: str) -> str:
        return render_downloads(downloads.get(version_id, ()), page_path())

    @env.macro
    def code_version(version_id: str) -> str:
        """The whole of one version of the Code, numbered, with its status."""
        version = code.version(version_id)
        return render_version(code, version, page_path(), offer(version_id))

    @env.macro
    def code_current() -> str:
        """The version in force, at the short path, saying which version it is."""
        return render_current(code, page_path(), offer(code.current.id))

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

    @env.macro
    def consultation_record() -> str:
        """Every member's comment on the Code, grouped by member, with its response."""
        return render_consultation(code, page_path())
