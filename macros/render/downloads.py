"""The links to a version's downloads, with their sizes, shown on its page."""

from __future__ import annotations

from html import escape

from macros.compute import urls
from macros.compute.downloads import Download, size_text


def render_downloads(downloads: tuple[Download, ...], page: str) -> str:
    """Links to a version's files, with their sizes, from the page at `page`."""
    if not downloads:
        return ""
    rows = []
    for d in downloads:
        href = escape(urls.relative(page, d.path))
        schema = ""
        if d.schema:
            schema = f' (<a href="{escape(urls.relative(page, d.schema))}">JSON Schema</a>)'
        rows.append(f'<li><a class="smc-download" href="{href}" type="{d.mime}">'
                    f"{escape(d.link_text)} ({size_text(d.size)})</a>: {escape(d.what)}"
                    f"{schema}</li>")
    return (f'<div class="smc-downloads" role="group" '
            f'aria-label="Downloads of version {escape(downloads[0].version_id)}">'
            f'<ul class="smc-downloads__list">{"".join(rows)}</ul></div>')
