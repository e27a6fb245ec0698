"""The record of every URL and anchor the site has published, and the check that none is lost.

`published-urls.txt` holds one published URL per line, site-relative
("code/1.0/#clause-2.3"). A number anchor also names the key it designates
("code/1.0/#clause-2.3 information-law"), because on a version's page a
number must never come to mean another clause. The file is written only by
`python -m macros record-urls`, which adds the URLs the Code now publishes and
never removes one. Every build compares the record with what it computes and
fails, naming each lost URL; after writing the site it also checks that each
recorded page exists and has each recorded anchor.

Each kind of published URL comes from a provider: a function of the Code
listed in PROVIDERS. To publish a new kind (downloads, say), add a provider.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from macros.compute import urls
from macros.compute.code import Code, build_code
from macros.compute.versions import changes_anchor
from macros.model.problems import Problem

HEADER = """\
# Every URL and anchor this site has published. The build fails if one stops resolving.
# Site-relative; a number anchor also names the key of the clause it designates.
# Do not edit by hand: after adding a version run  .venv/bin/python -m macros record-urls
"""

FIX = ("restore it: a published version keeps its clauses, numbers and keys for ever; "
       "make changes in a new version")


@dataclass(frozen=True, slots=True, order=True)
class PublishedUrl:
    """One URL the site publishes and, for a number anchor, the clause key it designates."""

    url: str  # site-relative path, maybe with "#anchor"
    means: str = ""  # for a number anchor: the key it designates

    @property
    def line(self) -> str:
        """The URL as the record file writes it."""
        return f"{self.url} {self.means}".rstrip()


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
    """Each version's PDF and JSON, the changes as data, and their schemas."""
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


@dataclass(frozen=True, slots=True)
class Recorded:
    """A URL of the record file and the line it is on."""

    line: int
    published: PublishedUrl


def read_record(path: Path, shown_as: str) -> list[Recorded] | list[Problem]:
    """The recorded URLs with their line numbers, or the problems with the file."""
    if not path.is_file():
        return [Problem(shown_as, None, None, "the record of published URLs is missing",
                        "run .venv/bin/python -m macros record-urls to create it, and commit it")]
    found: list[Recorded] = []
    problems: list[Problem] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        parts = text.split()
        if len(parts) > 2 or parts[0].startswith("/") or "://" in parts[0]:
            problems.append(Problem(shown_as, number, None, f"cannot read '{text}'",
                                    "each line is a site-relative URL, optionally followed by "
                                    "one key; regenerate the file with record-urls"))
            continue
        found.append(Recorded(number, PublishedUrl(parts[0], parts[1] if len(parts) > 1 else "")))
    return problems or found


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


def write_record(path: Path, record: Iterable[PublishedUrl],
                 computed: Mapping[str, PublishedUrl]) -> int:
    """Write the record plus every computed URL not yet in it; return how many were added."""
    kept = {p.url: p for p in record}
    added = [p for url, p in computed.items() if url not in kept]
    for p in added:
        kept[p.url] = p
    lines = sorted((p for p in kept.values()), key=_sort_key)
    path.write_text(HEADER + "".join(f"{p.line}\n" for p in lines), encoding="utf-8")
    return len(added)


def _sort_key(p: PublishedUrl) -> tuple[object, ...]:
    """Natural order: code/1.0/ before code/2.0/, clause-2.10 after clause-2.9."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", p.url))


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


def record(manifest: Path, record_path: Path, base: Path) -> tuple[int, list[Problem]]:
    """Add every URL the Code publishes to the record; (number added, lost URLs).

    Lost URLs are reported, not dropped: the record never shrinks.
    """
    code = build_code(manifest, base)
    shown = _shown(record_path, base)
    existing = read_record(record_path, shown) if record_path.is_file() else []
    if existing and isinstance(existing[0], Problem):
        return 0, [p for p in existing if isinstance(p, Problem)]
    entries = [e for e in existing if isinstance(e, Recorded)]
    computed = computed_urls(code)
    added = write_record(record_path, (e.published for e in entries), computed)
    return added, lost_urls(entries, computed, shown)


def _shown(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
