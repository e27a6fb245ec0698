"""MkDocs hook used once by the benchmark: keep each page's Markdown as the macros left it.

The benchmark's floor is plain MkDocs building the same pages already rendered
to static Markdown. This hook runs after every plugin (lowest priority) and
writes each page's final Markdown, with its front matter, under the folder
named by BENCH_CAPTURE_DIR, plus `capture.json` listing what MkDocs itself
produces (pages, theme files) so that everything else in the built site (files
the generator adds, such as downloads) can be copied in as static files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from mkdocs.plugins import event_priority

_OUT = Path(os.environ.get("BENCH_CAPTURE_DIR", "bench-capture"))
_pages: list[str] = []
_theme: list[str] = []
_docs: list[str] = []
_all_pages: list[str] = []
_not_in_nav: list[str] = []


@event_priority(-1000)
def on_files(files: Any, config: Any) -> Any:
    docs_dir = str(Path(config.docs_dir).resolve())
    for file in files:
        if file.is_documentation_page():
            _all_pages.append(file.src_uri)
            if file.inclusion.name == "NOT_IN_NAV":
                _not_in_nav.append(file.src_uri)
            continue
        src = file.abs_src_path
        if src and not str(Path(src).resolve()).startswith(docs_dir) and not file.generated_by:
            _theme.append(file.dest_uri)
        else:
            _docs.append(file.dest_uri)
    return files


_markdown: dict[str, tuple[str, dict[str, Any]]] = {}


@event_priority(-1000)
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    _markdown[page.file.src_uri] = (markdown, dict(page.meta))
    return markdown


@event_priority(-1000)
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Write the page's Markdown; a generated page's, which the plugin hands over as HTML
    without Markdown (its Markdown is empty), is that HTML, a block Markdown keeps as it is."""
    markdown, meta = _markdown.pop(page.file.src_uri)
    if not markdown.strip() and page.file.generated_by:
        markdown = html + "\n"
    target = _OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta \
        else ""
    target.write_text(front + markdown, encoding="utf-8")
    _pages.append(page.file.dest_uri)
    return html


@event_priority(-1000)
def on_post_build(config: Any) -> None:
    _OUT.mkdir(parents=True, exist_ok=True)
    (_OUT / "capture.json").write_text(
        json.dumps({"pages": _pages, "theme": _theme, "docs": _docs, "all_pages": _all_pages,
                    "not_in_nav": _not_in_nav,
                    "config": {"nav": config.nav,
                               "extra_css": list(config.extra_css),
                               "extra_javascript": [str(j) for j in config.extra_javascript],
                               "markdown_extensions": list(config.markdown_extensions),
                               "mdx_configs": config.mdx_configs}},
                   indent=1, default=str),
        encoding="utf-8")
