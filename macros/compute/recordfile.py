"""The file `published-urls.txt`: reading it line by line, and adding to it without loss.

Each line is one of:

- a published URL, site-relative ("code/1.0/#clause-2.3"); a number anchor is followed
  by the key of the clause it designates ("code/1.0/#clause-2.3 information-law");
- a fingerprint of a published version's wording (see `macros.compute.fingerprints`):
  "wording 1.0 information-law 3f2a9c0d1e2b4a5c" (a clause), "heading 1.0 do-not
  0a1b2c3d4e5f6a7b" (a section) or "outline 1.0 9a8b7c6d5e4f3a2b" (the version);
- the address of the site it records ("site https://www.example.org/social-media-code/"),
  once, above the URLs: the build refuses the record on a site with another `site_url`;
- a comment (starting with '#') or a blank line.

Reading refuses, one problem per line, what would lose or blur the record: a line it
cannot read, a git conflict marker, and a URL or fingerprint recorded twice with two
meanings. Writing keeps every existing line as it is and where it is: new URLs go in
among the URLs in sorted order, new fingerprints after the last recorded fingerprint.
A correction replaces one fingerprint in place and adds a comment line after it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from macros.compute.fingerprints import DIGITS, Fingerprint
from macros.model.problems import Problem
from macros.model.records import KEY_PATTERN, VERSION_ID_PATTERN

HEADER = """\
# Every URL and anchor this site has published. The build fails if one stops resolving.
# Site-relative; a number anchor also names the key of the clause it designates.
# Written by  .venv/bin/python -m macros record-urls  (run it after adding a version), which
# only adds lines and keeps your comments. Never delete or change a line by hand.
# 'site' is the address of the site it records (site_url in mkdocs.yml).
"""

WORDING_HEADER = """\
# The wording of each published version: a fingerprint (SHA-256, first 16 hex digits) of each
# clause's text and items ('wording <version> <key> <fingerprint>'), each section's heading
# ('heading ...') and the order of its sections, clauses and items ('outline ...').
# The build fails if a published version's wording changes: publish changes as a new version.
# To correct the data where it never matched the adopted text:
#   .venv/bin/python -m macros record-urls --correct <version> <key> --reason "..."
"""

UNREADABLE_FIX = ("each line is a site-relative URL, optionally followed by one key, or a "
                  "fingerprint: 'wording <version> <key> <fingerprint>' (or 'heading', or "
                  "'outline <version> <fingerprint>'); restore the line as it was (git diff "
                  "shows what changed)")
_CONFLICT = re.compile(r"(<{7}|={7}|>{7}|\|{7})(\s|$)")
_KEY = re.compile(KEY_PATTERN)
_VERSION = re.compile(VERSION_ID_PATTERN)
_DIGEST = re.compile(rf"^[0-9a-f]{{{DIGITS}}}$")
_KINDS = ("wording", "heading", "outline")


@dataclass(frozen=True, slots=True, order=True)
class PublishedUrl:
    """One URL the site publishes and, for a number anchor, the clause key it designates."""

    url: str  # site-relative path, maybe with "#anchor"
    means: str = ""  # for a number anchor: the key it designates

    @property
    def line(self) -> str:
        """The URL as the record file writes it."""
        return f"{self.url} {self.means}".rstrip()


@dataclass(frozen=True, slots=True)
class Recorded:
    """A URL of the record file and the line it is on."""

    line: int
    published: PublishedUrl


@dataclass(frozen=True, slots=True)
class RecordedPrint:
    """A fingerprint of the record file and the line it is on."""

    line: int
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class RecordFile:
    """The record as read: its lines as they are, and the URLs and fingerprints on them."""

    lines: tuple[str, ...]  # every line with its line ending, as in the file
    urls: tuple[Recorded, ...]
    prints: tuple[RecordedPrint, ...]
    site: tuple[int, str] | None = None  # (line, address) of the site it was made for, if said
    _by_key: Mapping[tuple[str, str], RecordedPrint] = field(init=False, repr=False,
                                                             compare=False)
    _versions: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[tuple[str, str], RecordedPrint] = {}
        for p in self.prints:
            by_key.setdefault((p.fingerprint.version, p.fingerprint.key), p)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_versions", frozenset(v for v, _ in by_key))

    def fingerprint(self, version: str, key: str) -> RecordedPrint | None:
        """The recorded fingerprint of `key` ("" for the outline) in `version`, if any."""
        return self._by_key.get((version, key))

    def has_wording(self, version: str) -> bool:
        """Whether any fingerprint of `version` is recorded."""
        return version in self._versions


EMPTY = RecordFile((), (), ())


def read_record_file(path: Path, shown_as: str) -> RecordFile | list[Problem]:
    """The record with its URLs and fingerprints, or one problem per line it cannot trust."""
    if not path.is_file():
        return [Problem(shown_as, None, None, "the record of published URLs is missing",
                        "run .venv/bin/python -m macros record-urls to create it, and commit it")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return [Problem(shown_as, None, None, f"is not UTF-8 text ({err.reason})",
                        "restore the file as git last had it: git checkout -- " + shown_as)]
    except OSError as err:
        return [Problem(shown_as, None, None, f"cannot be read ({err.strerror})",
                        "make the file readable by the user who builds the site")]
    return parse_record(text, shown_as)


def read_record(path: Path, shown_as: str) -> list[Recorded] | list[Problem]:
    """The recorded URLs with their line numbers, or the problems with the file."""
    found = read_record_file(path, shown_as)
    return found if isinstance(found, list) else list(found.urls)


def parse_record(text: str, shown_as: str) -> RecordFile | list[Problem]:
    """The record in `text`, or one problem per line it cannot trust."""
    lines = tuple(text.splitlines(keepends=True))
    urls: list[Recorded] = []
    prints: list[RecordedPrint] = []
    problems: list[Problem] = []
    site: tuple[int, str] | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if _CONFLICT.match(line):
            problems.append(Problem(
                shown_as, number, None,
                f"'{line}' is a git conflict marker: a merge of this file was left unfinished",
                "keep the lines of both sides (the record only grows), delete the marker "
                "lines, then run the build to check that no URL is recorded with two meanings"))
            continue
        if not line or line.startswith("#"):
            continue
        if line.split()[0] == "site" and len(line.split()) == 2:
            address = line.split()[1]
            if site is not None and site[1] != address:
                problems.append(Problem(shown_as, number, "site",
                                        f"says two sites: {address} here and {site[1]} on "
                                        f"line {site[0]}", "keep the line of the site the "
                                        "record was made for and delete the other"))
            site = site or (number, address)
            continue
        entry = _entry(line, number)
        if entry is None:
            problems.append(Problem(shown_as, number, None, f"cannot read '{line}'",
                                    UNREADABLE_FIX))
        elif isinstance(entry, Recorded):
            urls.append(entry)
        else:
            prints.append(entry)
    problems.extend(_twice(urls, prints, shown_as))
    return sorted(problems, key=lambda p: p.line or 0) or RecordFile(lines, tuple(urls),
                                                                       tuple(prints), site)


def _entry(line: str, number: int) -> Recorded | RecordedPrint | None:
    parts = line.split()
    kind = parts[0]
    if kind in ("wording", "heading") and len(parts) == 4:
        _, version, key, found = parts
        if _VERSION.match(version) and _KEY.match(key) and _DIGEST.match(found):
            return RecordedPrint(number, Fingerprint(version, key, found, kind))
        return None
    if kind == "outline" and len(parts) == 3:
        _, version, found = parts
        if _VERSION.match(version) and _DIGEST.match(found):
            return RecordedPrint(number, Fingerprint(version, "", found, kind))
        return None
    url = parts[0]
    if len(parts) > 2 or url.startswith("/") or "://" in url or url in _KINDS:
        return None
    if len(parts) == 2 and not _KEY.match(parts[1]):
        return None
    return Recorded(number, PublishedUrl(url, parts[1] if len(parts) > 1 else ""))


def _twice(urls: Iterable[Recorded], prints: Iterable[RecordedPrint], shown_as: str
           ) -> list[Problem]:
    """A URL or fingerprint recorded twice with two meanings: one problem at the later line."""
    problems = []
    first_url: dict[str, Recorded] = {}
    for entry in urls:
        url = entry.published.url
        first = first_url.setdefault(url, entry)
        if first.published != entry.published:
            problems.append(Problem(
                shown_as, entry.line, url,
                f"recorded twice with two meanings: '{entry.published.line}' here and "
                f"'{first.published.line}' on line {first.line}",
                "keep the line that says what the published site shows (open the page) and "
                "delete the other"))
    first_print: dict[tuple[str, str], RecordedPrint] = {}
    for p in prints:
        name = p.fingerprint.name
        earlier = first_print.setdefault((p.fingerprint.version, p.fingerprint.key), p)
        if earlier.fingerprint != p.fingerprint:
            problems.append(Problem(
                shown_as, p.line, name,
                f"recorded twice with two fingerprints: {p.fingerprint.digest} here and "
                f"{earlier.fingerprint.digest} on line {earlier.line}",
                "keep the line recorded when the version was published (git log -p "
                f"{shown_as} shows which) and delete the other"))
    return problems


@dataclass(frozen=True, slots=True)
class Correction:
    """A fingerprint replaced (or added, if `replaces` is None) and the comment saying why."""

    fingerprint: Fingerprint
    replaces: RecordedPrint | None
    comment: str


def updated_text(record: RecordFile, new_urls: Iterable[PublishedUrl],
                 new_prints: Sequence[Fingerprint], corrections: Sequence[Correction] = (),
                 site: str | None = None) -> str:
    """The record with new URLs and fingerprints and the corrections; no line lost or moved.

    New URLs go before the first recorded URL that sorts after them (so a sorted record
    stays sorted), new fingerprints after the last recorded fingerprint (or at the end,
    under WORDING_HEADER). A correction replaces its line and adds a comment after it. A
    record that does not say its site gets `site` after its opening comments.
    """
    lines = [*record.lines] if record.lines else HEADER.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    if site and record.site is None:
        at = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
        lines.insert(at, f"site {site}\n")
        if record.lines:
            again = parse_record("".join(lines), "")
            if isinstance(again, list):  # cannot happen: the record was read before
                raise ValueError("the record cannot be read again")
            record = again
    # (index of the line to insert before, group, lines); a stable sort keeps their order.
    inserts: list[tuple[int, int, tuple[str, ...]]] = []
    url_end = record.urls[-1].line if record.urls else len(lines)
    # The first recorded URL that sorts after a new one is the first whose running maximum
    # does: a bisection, even if the record was not sorted.
    highest: list[tuple[tuple[int, int, str], ...]] = []
    for r in record.urls:
        key = _sort_key(r.published.url)
        highest.append(max(highest[-1], key) if highest else key)
    for published in sorted(new_urls, key=lambda p: _sort_key(p.url)):
        after = bisect.bisect_right(highest, _sort_key(published.url))
        at = record.urls[after].line - 1 if after < len(record.urls) else url_end
        inserts.append((at, 1, (published.line,)))
    print_end = max((p.line for p in record.prints), default=0)
    if new_prints and not print_end:
        blank = ("",) if lines and lines[-1].strip() else ()
        inserts.append((len(lines), 2, (*blank, *WORDING_HEADER.splitlines())))
    inserts.extend((print_end or len(lines), 3, (p.line,)) for p in new_prints)
    for correction in corrections:
        if correction.replaces is not None:
            index = correction.replaces.line - 1
            ending = lines[index][len(lines[index].rstrip("\r\n")):]
            lines[index] = correction.fingerprint.line + ending
            inserts.append((index + 1, 0, (correction.comment,)))
        else:
            at = _after_version(record, correction.fingerprint.version, len(lines))
            inserts.append((at, 4, (correction.fingerprint.line, correction.comment)))
    inserts.sort(key=lambda insert: insert[:2])
    out: list[str] = []
    pending = 0
    for index in range(len(lines) + 1):
        while pending < len(inserts) and inserts[pending][0] == index:
            out.extend(f"{text}\n" for text in inserts[pending][2])
            pending += 1
        if index < len(lines):
            out.append(lines[index])
    return "".join(out)


def _after_version(record: RecordFile, version: str, end: int) -> int:
    """The index just after the last fingerprint line of `version` (or the end)."""
    lines = [p.line for p in record.prints if p.fingerprint.version == version]
    return max(lines) if lines else end


def _sort_key(url: str) -> tuple[tuple[int, int, str], ...]:
    """Natural order: code/1.0/ before code/2.0/, clause-2.10 after clause-2.9."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", url))
