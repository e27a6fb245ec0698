"""The downloadable files of each version (PDF, JSON, changes as JSON) and the links to them.

All files are made once per build, before pages are rendered, so each version
page can state the real size of what it offers. A PDF is rendered only when
its source changed since the last build in this process (``mkdocs serve``) or,
given a cache folder, since any earlier build: rendering is most of a build's
time and a published version's PDF rarely changes.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
from collections.abc import Iterator, Mapping
from html import escape
from importlib import metadata
from pathlib import Path
from types import MappingProxyType

from . import urls
from .code import Code
from .export_changes import CHANGES_SCHEMA_NAME, changes_document
from .export_json import (
    SCHEMA_NAME,
    changes_path,
    download_path,
    schema_path,
    to_json,
    version_document,
)
from .frozen import frozen
from .pdf import render_pdf, version_html

_PDF_CACHE: dict[str, bytes] = {}
_PDF_CACHE_LIMIT = 16


@frozen
class Download:
    version_id: str
    kind: str  # "pdf", "json" or "changes"
    path: str  # site path, e.g. "code/1.0/code-1.0.pdf"
    content: bytes
    link_text: str  # e.g. "Download PDF"; the size is added to it
    what: str  # what the file is for, after the link
    schema: str | None = None  # site path of the JSON Schema it follows

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def mime(self) -> str:
        return "application/pdf" if self.kind == "pdf" else "application/json"


def size_text(size: int) -> str:
    """A file size as GOV.UK writes it: '58 KB', '1.2 MB' (rounded up, never '0 KB')."""
    if size < 1024 * 1024:
        return f"{max(1, math.ceil(size / 1024))} KB"
    return f"{math.ceil(size / (1024 * 1024) * 10) / 10:.1f} MB"


def _pdf(html: str, cache: Path | None = None) -> bytes:
    """The PDF of `html` (self-contained: styles inline, no external resources)."""
    digest = hashlib.sha256(html.encode()).hexdigest()
    if digest not in _PDF_CACHE:
        if len(_PDF_CACHE) >= _PDF_CACHE_LIMIT:
            _PDF_CACHE.pop(next(iter(_PDF_CACHE)))
        _PDF_CACHE[digest] = _stored_pdf(html, digest, cache) if cache else render_pdf(html)
    return _PDF_CACHE[digest]


@functools.cache
def _weasyprint_version() -> str:
    """Part of each stored PDF's name: another WeasyPrint may render the same HTML otherwise.
    Read once (about a millisecond each time), not once per version."""
    return metadata.version("weasyprint")


def _stored_pdf(html: str, digest: str, cache: Path) -> bytes:
    """The PDF from the cache folder, rendered and stored there when missing."""
    stored = cache / f"{digest}-weasyprint-{_weasyprint_version()}.pdf"
    if stored.is_file():
        return stored.read_bytes()
    data = render_pdf(html)
    cache.mkdir(parents=True, exist_ok=True)
    partial = stored.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(stored)
    return data


def build_downloads(code: Code, site_url: str, council: str, pdf_cache: Path | None = None,
                    pdf: bool = True) -> Mapping[str, tuple[Download, ...]]:
    """Every version's files, by version id: PDF, JSON and (after the first) its changes.

    `pdf_cache`: a folder keeping rendered PDFs by content. `pdf=False` leaves PDFs out
    (for the benchmark's synthetic Codes, whose PDFs would take minutes).
    """
    result = {}
    for version in code.versions:
        vid = version.id
        files = [
            Download(vid, "pdf", download_path(vid, "pdf"),
                     _pdf(version_html(code, version, site_url, council), pdf_cache),
                     "Download PDF", "for committee papers and printing"),
        ] if pdf else []
        files += [
            Download(vid, "json", download_path(vid, "json"),
                     to_json(version_document(code, version, site_url, council)),
                     "Download JSON", "the numbered clauses as data for other systems",
                     schema_path(SCHEMA_NAME)),
        ]
        changes = code.changelog.for_version(vid)
        if changes is not None:
            files.append(Download(
                vid, "changes", changes_path(vid),
                to_json(changes_document(code, changes, site_url, council)),
                "Download changes as JSON",
                f"what changed from version {changes.previous.id}, and why",
                schema_path(CHANGES_SCHEMA_NAME)))
        result[vid] = tuple(files)
    return MappingProxyType(result)


def download_paths(code: Code) -> Iterator[str]:
    """Every lasting path of a download or schema that a build of `code` publishes.

    The same paths as `build_downloads` and `schema_files`, without rendering anything,
    for the record of published URLs.
    """
    for version in code.versions:
        yield download_path(version.id, "pdf")
        yield download_path(version.id, "json")
        if code.changelog.for_version(version.id) is not None:
            yield changes_path(version.id)
    yield from (schema_path(name) for name in (SCHEMA_NAME, CHANGES_SCHEMA_NAME))


def schema_files() -> tuple[tuple[str, str], ...]:
    """Site paths and names of the JSON Schemas the downloads name in '$schema'.

    Generate a schema's text with `schema_text(name)` only where the site does not
    already publish it (generating costs more than the rest of a small build's data work).
    """
    return tuple((schema_path(name), name) for name in (SCHEMA_NAME, CHANGES_SCHEMA_NAME))


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
