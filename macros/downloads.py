"""The downloadable files of each version (PDF and JSON) and the links that offer them.

All files are made once per build, before pages are rendered, so each version
page can state the real size of what it offers. A PDF is rendered only when
its source changed since the last build in this process (``mkdocs serve``).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from types import MappingProxyType

from . import urls
from .code import Code
from .export_json import SCHEMA_NAME, download_path, schema_path, to_json, version_document
from .pdf import render_pdf, version_html
from .schema import schema_text

_PDF_CACHE: dict[str, bytes] = {}
_PDF_CACHE_LIMIT = 16


@dataclass(frozen=True)
class Download:
    version_id: str
    kind: str  # "pdf" or "json"
    path: str  # site path, e.g. "code/1.0/code-1.0.pdf"
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def label(self) -> str:
        return self.kind.upper()


def size_text(size: int) -> str:
    """A file size as GOV.UK writes it: '58 KB', '1.2 MB' (rounded up, never '0 KB')."""
    if size < 1024 * 1024:
        return f"{max(1, math.ceil(size / 1024))} KB"
    return f"{math.ceil(size / (1024 * 1024) * 10) / 10:.1f} MB"


def _pdf(html: str) -> bytes:
    digest = hashlib.sha256(html.encode()).hexdigest()
    if digest not in _PDF_CACHE:
        if len(_PDF_CACHE) >= _PDF_CACHE_LIMIT:
            _PDF_CACHE.pop(next(iter(_PDF_CACHE)))
        _PDF_CACHE[digest] = render_pdf(html)
    return _PDF_CACHE[digest]


def build_downloads(code: Code, site_url: str, council: str) -> Mapping[str, tuple[Download, ...]]:
    """The PDF and JSON of every version, by version id."""
    result = {}
    for version in code.versions:
        pdf = _pdf(version_html(code, version, site_url, council))
        data = to_json(version_document(code, version, site_url, council))
        result[version.id] = (
            Download(version.id, "pdf", download_path(version.id, "pdf"), pdf),
            Download(version.id, "json", download_path(version.id, "json"), data),
        )
    return MappingProxyType(result)


def schema_file() -> tuple[str, bytes]:
    """Site path and text of the JSON Schema the version files name in '$schema'."""
    return schema_path(), schema_text(SCHEMA_NAME).encode()


def render_downloads(downloads: tuple[Download, ...], page: str) -> str:
    """Links to a version's files, with their sizes, from the page at `page`."""
    what = {"pdf": "for committee papers and printing",
            "json": "the numbered clauses as data for other systems"}
    if not downloads:
        return ""
    rows = []
    version_id = downloads[0].version_id
    for d in downloads:
        href = escape(urls.relative(page, d.path))
        mime = "application/pdf" if d.kind == "pdf" else "application/json"
        extra = ""
        if d.kind == "json":
            schema = escape(urls.relative(page, schema_path()))
            extra = f' (<a href="{schema}">JSON Schema</a>)'
        rows.append(f'<li><a class="smc-download" href="{href}" type="{mime}">'
                    f"Download {d.label} ({size_text(d.size)})</a>: {what[d.kind]}{extra}</li>")
    return (f'<div class="smc-downloads" role="group" '
            f'aria-label="Downloads of version {escape(version_id)}">'
            f'<ul class="smc-downloads__list">{"".join(rows)}</ul></div>')
