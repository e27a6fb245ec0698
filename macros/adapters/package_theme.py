"""The package's own theme overrides and assets, added to every site that uses the plugin.

The templates and assets that change mkdocs-material for the Code (the header, the version
selector, the styles and scripts) come from the installed package, not from the site's
folder, so a site gets their fixes by upgrading the package. In the source checkout they are
its top-level `overrides/` folder, which pyproject.toml ships inside the package as
`macros/theme/`. A site's own `theme.custom_dir` still comes first, and may replace any of
them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

_INSTALLED = Path(__file__).parents[1] / "theme"  # macros/theme/ of an installed package
THEME_DIR = _INSTALLED if _INSTALLED.is_dir() else Path(__file__).parents[2] / "overrides"
# The package's styles and scripts, in the order pages load them; a site lists them or not.
STYLES = ("assets/code.css", "assets/print.css")
SCRIPTS = ("assets/clause-link.js", "assets/version-switch.js")


def use_package_theme(config: MkDocsConfig) -> None:
    """Search the package's theme overrides after the site's own and before the theme's,
    and load the package's styles and scripts on every page."""
    dirs = config.theme.dirs
    theme = str(THEME_DIR)
    if theme not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, theme)
    _add_missing(config.extra_css, STYLES)
    _add_missing(config.extra_javascript, SCRIPTS)


def _add_missing(listed: list[Any], wanted: tuple[str, ...]) -> None:
    """Add each wanted path the list lacks, after the last of them it has (in their order)."""
    names = [str(entry) for entry in listed]
    position = 0
    for path in wanted:
        if path in names:
            position = names.index(path) + 1
            continue
        listed.insert(position, path)
        names.insert(position, path)
        position += 1
