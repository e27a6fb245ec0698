"""The macros of the changelog page and the clause history pages: one call per page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .changes_html import render_changelog
from .code import Code
from .history_html import render_history


def define_version_macros(env: Any, code: Code, page_path: Callable[[], str]) -> None:
    @env.macro
    def changelog() -> str:
        """Every change between versions, newest version first."""
        return render_changelog(code, page_path())

    @env.macro
    def clause_history(key: str) -> str:
        """One clause in every version that has it, with the changes between them."""
        return render_history(code, key, page_path(), env.conf.site_url or "")
