"""The one Jinja environment that lays out every page and PDF made from the Code.

Templates live in `templates/` beside this module, one small template per part of a page
(named `<part>.html.jinja`). A site replaces any one of them by putting a file of the same
name in its own templates folder (`overrides/clauses/`, beside the theme's overrides): that
folder is searched first, for the web pages and the PDF alike.

Autoescaping is on for every template, so data is always shown as text (escaped as Python's
`html.escape` does, so `'` is `&#x27;` on every page); an undefined variable fails the build
naming the template and line (`StrictUndefined`, and `template_problem` for the message). The
environment is made once per build, and each template is compiled once, when first used (or
loaded already compiled from the cache folder, while its source and the way
templates are compiled are unchanged).
"""

from __future__ import annotations

import html
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from macros.compute.words import Words, site_words
from macros.model import inline

TEMPLATES = Path(__file__).parent / "templates"
OVERRIDES = "clauses"  # the folder, inside the site's theme overrides, of its own templates
SUFFIX = ".jinja"
INLINE = "inline.html.jinja"  # clause text; its macros are in every template
INLINE_MACROS = ("inline", "xref")

# `{% if token is strong %}`: what kind of inline token a template is laying out.
TOKEN_TESTS = {
    "plain": inline.Plain,
    "strong": inline.Strong,
    "emphasis": inline.Emphasis,
    "link": inline.Link,
    "xref": inline.XRef,
}


@jinja2.pass_eval_context
def _as_text(eval_ctx: jinja2.nodes.EvalContext, value: Any) -> Any:
    """Quotes in a `{{ value }}` written as `html.escape` writes them (`&quot;`, `&#x27;`)
    where autoescaping is on; autoescaping then escapes `&`, `<` and `>` as usual."""
    if eval_ctx.autoescape and not hasattr(value, "__html__"):
        text = str(value)
        if '"' in text or "'" in text:
            return Markup(html.escape(text, quote=True))  # noqa: S704 (escaped here)
        return text
    return value


def _token_test(kind: type) -> Callable[[object], bool]:
    return lambda token: isinstance(token, kind)


class _Macro:
    """A macro of a template (the site's own, if it has one), loaded when first called."""

    __slots__ = ("_env", "_macro", "_name", "_template")

    def __init__(self, env: jinja2.Environment, template: str, name: str) -> None:
        self._env, self._template, self._name = env, template, name
        self._macro: Callable[..., Markup] | None = None

    def __call__(self, *args: Any) -> Markup:
        if self._macro is None:
            module = self._env.get_template(self._template).module
            if not hasattr(module, self._name):
                raise jinja2.TemplateRuntimeError(
                    f"{self._template} defines no macro '{self._name}'")
            self._macro = getattr(module, self._name)
        return self._macro(*args)



class _Compiled(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in a folder between builds. Jinja checks its own version and
    Python's; the checksum of a template's source also covers the environment's settings."""

    def __init__(self, folder: Path, settings: str) -> None:
        super().__init__(str(folder))
        self.settings = settings

    def get_source_checksum(self, source: str) -> str:
        return super().get_source_checksum(f"{self.settings}\n{source}")


def keep_compiled(env: jinja2.Environment, folder: Path) -> None:
    """Have `env` keep its compiled templates in `folder` between builds, by their source and
    the environment's settings (the theme's templates too: compiling them is most of a small
    site's rebuild). A folder that cannot be written leaves `env` compiling every template."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    env.bytecode_cache = _Compiled(folder, _compile_settings(env))


def _compile_settings(env: jinja2.Environment) -> str:
    """What a template's compiled code depends on besides its source."""
    finalize = env.finalize
    how = (getattr(finalize, "__qualname__", None), getattr(finalize, "jinja_pass_arg", None))
    return repr((env.autoescape, how, env.trim_blocks, env.lstrip_blocks,
                 env.keep_trailing_newline, env.newline_sequence, env.optimized,
                 env.block_start_string, env.block_end_string, env.variable_start_string,
                 env.variable_end_string, env.comment_start_string, env.comment_end_string,
                 env.line_statement_prefix, env.line_comment_prefix, sorted(env.extensions)))


class Templates:
    """Renders the package's templates, or a site's own template of the same name."""

    def __init__(self, site_templates: Path | None = None, cache: Path | None = None,
                 words: Words | None = None) -> None:
        """`cache`: a folder keeping compiled templates between builds, by their source
        (compiling them all takes longer than laying out a small Code's pages). `words`: the
        site's fixed words, which every template receives (`use_words` sets them later)."""
        self.words = words or site_words(None)
        folders = [str(TEMPLATES)]
        if site_templates is not None and site_templates.is_dir():
            folders.insert(0, str(site_templates))
        self.folders = tuple(folders)
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folders),
            autoescape=True,
            finalize=_as_text,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # compiled once per build; a new build makes a new environment
            cache_size=-1,
        )
        if cache is not None:
            keep_compiled(self.env, cache)
        self.env.tests.update({name: _token_test(kind) for name, kind in TOKEN_TESTS.items()})
        # The macros of `inline.html.jinja`, in every template without an import (a template
        # laid out for each clause would otherwise import them again each time).
        self.env.globals.update({name: _Macro(self.env, INLINE, name) for name in INLINE_MACROS})
        self.env.globals["words"] = self.words

    def use_words(self, words: Words) -> None:
        """Give every template the site's fixed words, worked out once its data is loaded."""
        self.words = self.env.globals["words"] = words

    def render(self, name: str, context: Mapping[str, Any] | None = None, /,
               **values: Any) -> Markup:
        """The template `name` laid out with `context` and `values`, as safe HTML."""
        template = self.env.get_template(name)
        # Autoescaped: every value the template printed was escaped.
        return Markup(template.render({**(context or {}), **values}))  # noqa: S704


def site_templates(theme_dir: str | Path | None) -> Path | None:
    """The site's own templates folder inside its theme overrides, if it has one."""
    if not theme_dir:
        return None
    folder = Path(theme_dir) / OVERRIDES
    return folder if folder.is_dir() else None


def template_problem(err: jinja2.TemplateError, base: Path | None = None) -> str:
    """One line for a template that cannot be laid out: '<template>:<line>: <what>. Fix: ...'.

    The template is named relative to `base` (the site's folder) when it is inside it.
    """
    if isinstance(err, jinja2.TemplateSyntaxError):
        where: tuple[str | None, int | None] = (err.filename or err.name, err.lineno)
        what, fix = err.message or str(err), "correct the template's Jinja syntax"
    elif isinstance(err, jinja2.TemplateNotFound):
        where = _template_frame(err)
        what = f"no template named '{err.name}'"
        fix = f"name a template of {TEMPLATES.name}/ or of the site's {OVERRIDES}/ folder"
    else:
        where = _template_frame(err)
        what = err.message or str(err)
        fix = ("use only the values this template receives (README.md, 'Templates'); "
               "a copied template must match this version of the package")
    path, line = where
    place = f"{_shown(path, base)}:{line}: " if path else ""
    return f"{place}{what}. Fix: {fix}"


def _template_frame(err: BaseException) -> tuple[str | None, int | None]:
    """The file and line of the innermost template in the error's traceback."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(err.__traceback__):
        if frame.filename.endswith(SUFFIX):
            found = (frame.filename, frame.lineno)
    return found


def _shown(path: str, base: Path | None) -> str:
    file = Path(path)
    for root in (base, TEMPLATES.parent.parent.parent):
        if root is not None and file.is_absolute() and file.is_relative_to(root.resolve()):
            return str(file.relative_to(root.resolve()))
    return path
