"""The theme's primary navigation laid out once per folder for pages outside it.

The theme lays the whole navigation out again for every page, marking where the page is in
it. A page the navigation does not list (each clause's history) is marked nowhere, and its
links differ only with the page's folder, so every such page of a folder gets the same HTML:
it is laid out for the first and copied for the rest (overrides/partials/nav.html). For a Code
of thousands of clauses, that was over a third of the time the theme took for their pages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from markupsafe import Markup
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page


class NavOnce:
    """The navigation laid out for pages outside it, by folder; made anew for each build."""

    def __init__(self) -> None:
        self._laid_out: dict[str, str] = {}

    def __call__(self, page: object, lay_out: Callable[[], str]) -> str:
        """The navigation for `page`: `lay_out()`, or its copy for another page of the folder."""
        if not isinstance(page, Page) or page.file.inclusion is not InclusionLevel.NOT_IN_NAV:
            return lay_out()
        folder = posixpath.dirname(page.url.rstrip("/"))
        laid_out = self._laid_out.get(folder)
        if laid_out is None:
            laid_out = self._laid_out[folder] = lay_out()
        return Markup(laid_out)  # noqa: S704 (the theme's HTML, as it laid it out)
