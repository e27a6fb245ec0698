"""The links to a version's downloads, with their sizes, shown on its page."""

from __future__ import annotations

from typing import NamedTuple

from macros.compute import urls
from macros.compute.downloads import BEING_MADE, Download, size_text


class DownloadLink(NamedTuple):
    """One file offered on a version's page (`downloads.html.jinja`)."""

    href: str
    mime: str
    text: str  # 'Download PDF'
    size: str  # '52 KB'
    what: str  # what the file is for
    schema: str | None  # link to the JSON Schema the file follows, if it is data


class DownloadList(NamedTuple):
    """The files of one version offered on its page."""

    version: str
    files: tuple[DownloadLink, ...]


def download_list(downloads: tuple[Download, ...], page: str) -> DownloadList | None:
    """A version's files, with their sizes, linked from the page at `page`; None if none."""
    if not downloads:
        return None
    return DownloadList(downloads[0].version_id, tuple(
        DownloadLink(urls.relative(page, d.path), d.mime, d.link_text,
                     size_text(d.size) if d.ready else BEING_MADE, d.what,
                     urls.relative(page, d.schema) if d.schema else None)
        for d in downloads))
