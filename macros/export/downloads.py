"""The downloadable files of each version (PDF, JSON, the changes as a PDF committee paper and
as JSON) and the links to them.

All files are made once per build, before pages are rendered, so each version
page can state the real size of what it offers. A PDF is rendered only when
its source changed since the last build in this process (``mkdocs serve``) or,
given a cache folder, since any earlier build: rendering is most of a build's
time and a published version's PDF rarely changes.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from types import MappingProxyType

from macros.compute import urls
from macros.compute.changelog import VersionChanges
from macros.compute.code import Code
from macros.compute.downloads import Download
from macros.compute.numbering import NumberedVersion
from macros.export.changes_json import CHANGES_SCHEMA_NAME, changes_document
from macros.export.paper import paper_html
from macros.export.pdf import render_pdf, version_html
from macros.export.version_json import SCHEMA_NAME, to_json, version_document
from macros.load.kept import Kept
from macros.render.environment import Templates

_PDF_CACHE: dict[str, bytes] = {}
_PDF_CACHE_LIMIT = 16



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


def _stored_name(digest: str, cache: Path) -> Path:
    return cache / f"{digest}-weasyprint-{_weasyprint_version()}.pdf"


def _made_pdf(html: str, cache: Path | None) -> bytes | None:
    """The PDF of `html` if this process or the cache folder has it already, else None."""
    digest = hashlib.sha256(html.encode()).hexdigest()
    if digest in _PDF_CACHE:
        return _PDF_CACHE[digest]
    stored = _stored_name(digest, cache) if cache else None
    if stored is not None and stored.is_file():
        return _pdf(html, cache)
    return None


def make_pdf(html: str, cache: Path | None) -> None:
    """Render the PDF of `html` and keep it (a preview's PDF, made after its pages): the next
    build finds it in this process and in the cache folder, whose change `serve` watches."""
    _pdf(html, cache)


def _stored_pdf(html: str, digest: str, cache: Path) -> bytes:
    """The PDF from the cache folder, rendered and stored there when missing."""
    stored = _stored_name(digest, cache)
    if stored.is_file():
        return stored.read_bytes()
    data = render_pdf(html)
    cache.mkdir(parents=True, exist_ok=True)
    partial = stored.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(stored)
    return data


def build_downloads(templates: Templates, code: Code, site_url: str, council: str,
                    pdf_cache: Path | None = None, pdf: bool = True,
                    later: list[str] | None = None,
                    kept: Kept | None = None) -> Mapping[str, tuple[Download, ...]]:
    """Every version's files, by version id: PDF, (after the first) the committee paper of its
    changes, JSON and (after the first) its changes as JSON.

    `templates` lay out the PDFs. `pdf_cache`: a folder keeping rendered PDFs by content.
    `pdf=False` leaves PDFs out (for the benchmark's synthetic Codes, whose PDFs would take
    minutes). `later` (a preview): a PDF not made yet is not rendered now; its HTML is added
    to `later`, to be made after the pages (`make_pdf`), and its download is not `ready`.
    With `kept` (a preview), JSON made from records unchanged since the last build (the same
    objects) is not made again.
    """
    result = {}
    standing = _standing(code)

    def json_of(step: tuple[str, str], records: tuple[object, ...],
                make: Callable[[], bytes]) -> bytes:
        if kept is None:
            return make()
        return kept.get(("download", *step), (*records, site_url, council, code.title,
                                              standing), make)

    def pdf_file(vid: str, kind: str, path: str, html: str, text: str, what: str) -> Download:
        if later is None:
            return Download(vid, kind, path, _pdf(html, pdf_cache), text, what)
        made = _made_pdf(html, pdf_cache)
        if made is None:
            later.append(html)
        return Download(vid, kind, path, made or b"", text, what, ready=made is not None)

    for version in code.versions:
        vid = version.id
        changes = code.changelog.for_version(vid)
        files = [
            pdf_file(vid, "pdf", urls.download_path(vid, "pdf"),
                     version_html(templates, code, version, site_url, council),
                     "Download PDF", "for committee papers and printing"),
        ] if pdf else []
        if pdf and changes is not None:
            files.append(pdf_file(
                vid, "paper", urls.changes_pdf_path(vid),
                paper_html(templates, code, changes, site_url, council),
                "Download changes as PDF",
                f"what changed from version {changes.previous.id}, marked up as tracked "
                "changes with the reasons, for committee papers"))
        files += [
            Download(vid, "json", urls.download_path(vid, "json"),
                     json_of(("json", vid),
                             (version, tuple(code.guidance.values()),
                              tuple(code.documents.values())),
                             functools.partial(_version_json, code, version, site_url,
                                               council)),
                     "Download JSON", "the numbered clauses as data for other systems",
                     urls.schema_path(SCHEMA_NAME)),
        ]
        if changes is not None:
            files.append(Download(
                vid, "changes", urls.changes_json_path(vid),
                json_of(("changes", vid), (changes, code.consultation is None),
                        functools.partial(_changes_json, code, changes, site_url, council)),
                "Download changes as JSON",
                f"what changed from version {changes.previous.id}, and why",
                urls.schema_path(CHANGES_SCHEMA_NAME)))
        result[vid] = tuple(files)
    return MappingProxyType(result)



def _standing(code: Code) -> str:
    """What a version's files say of every version: its own fields (status, dates, title,
    what it replaced), without its clauses."""
    return repr(tuple(
        (v.id, tuple((f.name, getattr(v.version, f.name)) for f in dataclasses.fields(v.version)
                     if f.name != "sections"))
        for v in code.versions))


def _version_json(code: Code, version: NumberedVersion, site_url: str, council: str) -> bytes:
    return to_json(version_document(code, version, site_url, council))


def _changes_json(code: Code, changes: VersionChanges, site_url: str, council: str) -> bytes:
    return to_json(changes_document(code, changes, site_url, council))


def schema_files() -> tuple[tuple[str, str], ...]:
    """Site paths and names of the JSON Schemas the downloads name in '$schema'.

    Generate a schema's text with `schema_text(name)` only where the site does not
    already publish it (generating costs more than the rest of a small build's data work).
    """
    return tuple((urls.schema_path(name), name) for name in (SCHEMA_NAME, CHANGES_SCHEMA_NAME))
