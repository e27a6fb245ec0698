"""The one Jinja environment that lays out every page and PDF made from the Code.

Templates live in `templates/` beside this module, one small template per part of a page
(named `<part>.html.jinja`). A site replaces any one of them by putting a file of the same
name in its own templates folder (`overrides/clauses/`, beside the theme's overrides): that
folder is searched first, for the web pages and the PDF alike.

Autoescaping is on for every template, so data is always shown as text (escaped as
`html.escape` does, `&quot;` and `&#x27;`, so the pages keep their bytes); an undefined
variable fails the build naming the template and line (`StrictUndefined`). The environment
is made once per build, and each template is compiled once, when first used; given a cache
folder, a build reuses the templates an earlier build compiled, while their source and the
way they are compiled are unchanged.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"
OVERRIDES = "clauses"  # the folder, inside the site's theme overrides, of its own templates


def shown_as_text(value: Any) -> Any:
    """What `{{ value }}` prints: markup as it is, anything else escaped by `html.escape`."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))


class _Compiled(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in a folder between builds. Jinja checks its own version and
    Python's; the checksum of a template's source also covers the environment's settings."""

    def __init__(self, folder: Path, settings: str) -> None:
        super().__init__(str(folder))
        self.settings = settings

    def get_source_checksum(self, source: str) -> str:
        return super().get_source_checksum(f"{self.settings}\n{source}")


def _compile_settings(env: jinja2.Environment) -> str:
    """What a template's compiled code depends on besides its source."""
    return repr((env.autoescape, env.finalize is not None, env.trim_blocks, env.lstrip_blocks,
                 env.keep_trailing_newline, env.newline_sequence, env.optimized,
                 env.block_start_string, env.block_end_string, env.variable_start_string,
                 env.variable_end_string, env.comment_start_string, env.comment_end_string,
                 env.line_statement_prefix, env.line_comment_prefix, sorted(env.extensions)))


class Templates:
    """Renders the package's templates, or a site's own template of the same name."""

    def __init__(self, site_templates: Path | None = None, cache: Path | None = None) -> None:
        folders = [str(TEMPLATES)]
        if site_templates is not None and site_templates.is_dir():
            folders.insert(0, str(site_templates))
        self.folders = tuple(folders)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folders),
            autoescape=True,
            finalize=shown_as_text,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # compiled once per build; a new build makes a new environment
            cache_size=-1,
        )
        if cache is not None:
            try:
                cache.mkdir(parents=True, exist_ok=True)
            except OSError:
                return  # a folder it cannot write: compile every template, as without one
            self.env.bytecode_cache = _Compiled(cache, _compile_settings(self.env))

    def render(self, name: str, context: Mapping[str, Any] | None = None, /,
               **values: Any) -> Markup:
        """The template `name` laid out with `context` and `values`, as safe HTML."""
        template = self.env.get_template(name)
        return Markup(template.render({**(context or {}), **values}))  # autoescaped


def site_templates(theme_dir: str | Path | None) -> Path | None:
    """The site's own templates folder inside its theme overrides, if it has one."""
    if not theme_dir:
        return None
    folder = Path(theme_dir) / OVERRIDES
    return folder if folder.is_dir() else None
