"""The real site comes out the same from ProperDocs as from MkDocs.

MkDocs 1.6.1 is the last MkDocs 1.x (MkDocs 2 drops plugins). ProperDocs, its fork that
keeps the 1.x plugin API, is the engine to move to; both are installed in .venv and
`ENGINE=properdocs ./site-build.sh` builds with it. This test builds the real site with
ProperDocs and compares every file, byte for byte, with the MkDocs build the other tests
use (`real_site`). Only these may differ, each for a reason stated here:

- The `<meta name="generator">` of every page names the engine and its version. The test
  checks that each build's names its own engine (so ProperDocs really built its copy) and
  then leaves that one attribute out of the comparison.
- sitemap.xml gives every page the build's date as `lastmod`, and sitemap.xml.gz carries
  that date as its timestamp. Both engines take the date from SOURCE_DATE_EPOCH when it is
  set (for reproducible builds), so the ProperDocs build is given the date of the MkDocs
  build: the two agree even when the builds fall either side of midnight.

Nothing else is normalised: the search index, JSON, schemas and assets must be identical.
The PDFs are rendered by the generator from the data, not by the engine; the second build
takes them from .cache/pdf, where the first left them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from testkit import ROOT, mkdocs_build

pytestmark = pytest.mark.engine

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
LASTMOD = re.compile(r"<lastmod>([^<]*)</lastmod>")


def build_date_epoch(site: Path) -> str:
    """SOURCE_DATE_EPOCH for the day `site` was built, read from its sitemap."""
    dates = set(LASTMOD.findall((site / "sitemap.xml").read_text(encoding="utf-8")))
    assert len(dates) == 1, f"one build date expected in the sitemap, found {sorted(dates)}"
    day = dt.date.fromisoformat(dates.pop())
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def without_generator(html: bytes, engine_says: str) -> bytes:
    """The page with its generator meta blanked, after checking that it names the engine."""
    found = GENERATOR.findall(html)
    assert found, "no generator meta"
    for content in found:
        assert engine_says in content.decode(), f"{content!r} does not name {engine_says}"
    return GENERATOR.sub(b'<meta name="generator" content="">', html)


def first_difference(a: bytes, b: bytes) -> str:
    try:
        lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(),
                                     "mkdocs", "properdocs", n=1, lineterm="")
        return "\n".join(list(lines)[:12])
    except UnicodeDecodeError:
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                  min(len(a), len(b)))
        return f"binary files first differ at byte {at} ({len(a)} and {len(b)} bytes)"


def test_properdocs_builds_the_same_site(real_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "properdocs-site"
    result = mkdocs_build(ROOT / "mkdocs.yml", site, engine="properdocs",
                          extra_env={"SOURCE_DATE_EPOCH": build_date_epoch(real_site)})
    assert result.returncode == 0, result.stdout + result.stderr

    by_mkdocs, by_properdocs = files_of(real_site), files_of(site)
    assert sorted(by_properdocs) == sorted(by_mkdocs), "the two builds made different files"

    differ = []
    pages = 0
    for name, ours in by_mkdocs.items():
        theirs = by_properdocs[name]
        if name.endswith(".html"):
            ours = without_generator(ours, f"mkdocs-{version('mkdocs')}")
            theirs = without_generator(theirs, f"ProperDocs {version('properdocs')}")
            pages += 1
        if ours != theirs:
            differ.append(f"{name}:\n{first_difference(ours, theirs)}")
    assert not differ, (f"{len(differ)} of {len(by_mkdocs)} files differ:\n\n" +
                        "\n\n".join(differ[:5]))
    assert pages > 30 and "sitemap.xml.gz" in by_mkdocs and "search/search_index.json" in by_mkdocs
