"""The record of every URL and anchor the site has published, and the check that none is lost.

`published-urls.txt` (read and written by `macros.compute.recordfile`) holds one
published URL per line, site-relative ("code/1.0/#clause-2.3"). A number anchor also
names the key it designates ("code/1.0/#clause-2.3 information-law"), because on a
version's page a number must never come to mean another clause. The file is written
only by `python -m macros record-urls` (`macros.compute.published`), which adds the URLs
the Code now publishes and never removes one. Every build compares the record with what
it computes and fails, naming each lost URL; after writing the site it also checks that
each recorded page exists and has each recorded anchor.

Each kind of published URL comes from a provider: a function of the Code
listed in PROVIDERS. To publish a new kind (downloads, say), add a provider.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.recordfile import PublishedUrl, Recorded
from macros.compute.versions import changes_anchor
from macros.model.problems import Problem

FIX = ("restore it: a published version keeps its clauses, numbers and keys for ever; "
       "make changes in a new version")


Provider = Callable[[Code], Iterable[PublishedUrl]]

def download_paths(code: Code) -> Iterator[str]:
    """Every lasting path of a download or schema that a build of `code` publishes.

    The same paths as `macros.export.downloads` publishes, without rendering anything, for
    the record of published URLs.
    """
    for version in code.versions:
        yield urls.download_path(version.id, "pdf")
        yield urls.download_path(version.id, "json")
        if code.changelog.for_version(version.id) is not None:
            yield urls.changes_json_path(version.id)
            yield urls.changes_pdf_path(version.id)
    yield from (urls.schema_path(name)
                for name in (urls.VERSION_SCHEMA_NAME, urls.CHANGES_SCHEMA_NAME))


def version_urls(code: Code) -> Iterator[PublishedUrl]:
    """Each version's page, and each section, clause and item's number and key anchors."""
    for version in code.versions:
        path = urls.version_path(version.id)
        yield PublishedUrl(path)
        for key, target in version.targets.items():
            yield PublishedUrl(urls.anchored(path, target.anchor), key)
            yield PublishedUrl(urls.anchored(path, key))


def history_urls(code: Code) -> Iterator[PublishedUrl]:
    """The lasting page of each clause."""
    for key in code.changelog.histories:
        yield PublishedUrl(urls.history_path(key))


def site_urls(code: Code) -> Iterator[PublishedUrl]:
    """The short path of the version in force, the changelog and its sections per version."""
    if code.current:
        yield PublishedUrl(urls.current_path())
    if code.changelog.versions:
        yield PublishedUrl(urls.changes_path())
        for version_id in code.changelog.versions:
            yield PublishedUrl(urls.anchored(urls.changes_path(), changes_anchor(version_id)))


def download_urls(code: Code) -> Iterator[PublishedUrl]:
    """Each version's PDF and JSON, the changes as data and as a PDF, and the schemas."""
    for path in download_paths(code):
        yield PublishedUrl(path)


def consultation_urls(code: Code) -> Iterator[PublishedUrl]:
    """The consultation record and each comment on it (the changelog links to them)."""
    if code.consultation is not None:
        yield PublishedUrl(urls.CONSULTATION_PATH)
        for comment in code.consultation.comments:
            yield PublishedUrl(urls.comment_path(comment.id))


PROVIDERS: tuple[Provider, ...] = (version_urls, history_urls, site_urls, download_urls,
                                   consultation_urls)


def computed_urls(code: Code, providers: Iterable[Provider] = PROVIDERS
                  ) -> dict[str, PublishedUrl]:
    """Every URL the Code publishes now, by URL."""
    found: dict[str, PublishedUrl] = {}
    for provider in providers:
        for published in provider(code):
            found[published.url] = published
    return found


def vouched_for(code: Code, *, every_version: bool, consultation: bool
                ) -> Callable[[str], bool]:
    """Which recorded URLs `code` can say are kept, when it holds only the versions whose own
    data is fine: their pages and anchors, PDFs and JSON, and the schemas; the rest
    (histories, changes, the version in force) only with `every_version`, and the
    consultation's only with `consultation` (it was checked, or the manifest lists none)."""
    pages = {urls.version_path(v.id) for v in code.versions}
    files = {urls.download_path(v.id, ext) for v in code.versions for ext in ("pdf", "json")}
    files.update(urls.schema_path(name)
                 for name in (urls.VERSION_SCHEMA_NAME, urls.CHANGES_SCHEMA_NAME))

    def vouched(url: str) -> bool:
        path = url.partition("#")[0]
        if path in pages or url in files:
            return True
        if path == urls.CONSULTATION_PATH:
            return consultation
        return every_version

    return vouched


def lost_urls(record: Iterable[Recorded], computed: Mapping[str, PublishedUrl],
              shown_as: str) -> list[Problem]:
    """One problem per recorded URL that the Code no longer publishes, or that changed meaning."""
    problems = []
    for entry in record:
        url, means = entry.published.url, entry.published.means
        now = computed.get(url)
        if now is None:
            problems.append(Problem(shown_as, entry.line, url,
                                    f"published URL {url} no longer resolves"
                                    f"{_was(means)}", FIX))
        elif means and now.means != means:
            problems.append(Problem(
                shown_as, entry.line, url,
                f"published URL {url} now points at '{now.means}', but it was published "
                f"pointing at '{means}'", FIX))
    return problems


def _was(means: str) -> str:
    return f" (it pointed at '{means}')" if means else ""


def page_file(site_dir: Path, url: str) -> Path:
    """The built file of a site-relative URL (directory URLs end in index.html)."""
    path = url.partition("#")[0]
    return site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path


# Starts with the literal 'id=' so the regex engine skips ahead fast; the white space
# that must come before an attribute is checked in `_ids`.
_ID = re.compile(r"""id=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")


def missing_in_output(record: Iterable[Recorded], site_dir: Path, shown_as: str
                      ) -> list[Problem]:
    """Recorded URLs whose page or anchor is missing from the built site."""
    ids_of: dict[Path, set[str] | None] = {}
    problems = []
    for entry in record:
        url = entry.published.url
        file = page_file(site_dir, url)
        if file not in ids_of:
            ids_of[file] = _ids(file) if file.is_file() else None
        ids = ids_of[file]
        anchor = url.partition("#")[2]
        if ids is None:
            problems.append(Problem(shown_as, entry.line, url,
                                    f"published URL {url} is not in the built site "
                                    f"({file.relative_to(site_dir)} is missing)", FIX))
        elif anchor and anchor not in ids:
            problems.append(Problem(shown_as, entry.line, url,
                                    f"published URL {url} no longer resolves: the built page "
                                    f"has no id '{anchor}'", FIX))
    return problems


def _ids(file: Path) -> set[str]:
    if file.suffix not in (".html", ""):
        return set()
    text = file.read_text(encoding="utf-8", errors="replace")
    return {m.group(m.lastindex or 0) for m in _ID.finditer(text)
            if m.start() and text[m.start() - 1].isspace()}
