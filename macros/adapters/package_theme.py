"""The package's own theme overrides and assets, added to every site that uses the plugin.

The templates and assets that change mkdocs-material for the Code (the header, the version
selector, the styles and scripts) come from the installed package, not from the site's
folder, so a site gets their fixes by upgrading the package. In the source checkout they are
its top-level `overrides/` folder, which pyproject.toml ships inside the package as
`macros/theme/`. A site's own `theme.custom_dir` still comes first, and may replace any of
them.

Pages load the package's styles as one stylesheet and its scripts as one script, each
written at every build from the readable sources (macros/render/minify.py): a page fetches
two files instead of six.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from macros.render.minify import minify_css, minify_js

_INSTALLED = Path(__file__).parents[1] / "theme"  # macros/theme/ of an installed package
THEME_DIR = _INSTALLED if _INSTALLED.is_dir() else Path(__file__).parents[2] / "overrides"
# The package's styles and scripts, in the order they apply; pages load each list as one file.
STYLES = ("assets/theme/a11y.css", "assets/code.css", "assets/print.css")
SCRIPTS = ("assets/clause-link.js", "assets/version-switch.js", "assets/theme/md-keyboard.js")
STYLE_BUNDLE = "assets/smc.css"
SCRIPT_BUNDLE = "assets/smc.js"


def use_package_theme(config: MkDocsConfig) -> None:
    """Search the package's theme overrides after the site's own and before the theme's,
    and load the package's styles and scripts on every page (each list as one file, where a
    site that lists any of them lists the first)."""
    dirs = config.theme.dirs
    theme = str(THEME_DIR)
    if theme not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, theme)
    _bundled(config.extra_css, STYLES, STYLE_BUNDLE)
    _bundled(config.extra_javascript, SCRIPTS, SCRIPT_BUNDLE)


def _bundled(listed: list[Any], sources: tuple[str, ...], bundle: str) -> None:
    """The list with the sources it names, and the bundle, replaced by the bundle once."""
    ours = {*sources, bundle}
    names = [str(entry) for entry in listed]
    first = next((i for i, name in enumerate(names) if name in ours), len(names))
    rest = [entry for entry in listed[first:] if str(entry) not in ours]
    listed[:] = [*listed[:first], bundle, *rest]


def bundles(config: MkDocsConfig, extra_css: str = "") -> list[tuple[str, str]]:
    """The stylesheet (with `extra_css` after the package's styles) and the script pages load:
    each source as the site's docs, its custom_dir or the package's theme has it, made
    smaller."""
    styles = [minify_css(_source(config, path)) for path in STYLES]
    if extra_css:
        styles.append(minify_css(extra_css))
    # A script starts where the last one ended, whether or not that ended with a semicolon.
    scripts = [minify_js(_source(config, path)) for path in SCRIPTS]
    return [(STYLE_BUNDLE, "\n".join(styles) + "\n"), (SCRIPT_BUNDLE, ";\n".join(scripts) + "\n")]


def _source(config: MkDocsConfig, path: str) -> str:
    for folder in (config.docs_dir, *config.theme.dirs):
        candidate = Path(folder) / path
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{path} is in none of {[config.docs_dir, *config.theme.dirs]}")
