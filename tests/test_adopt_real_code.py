"""Adopting version 2.0 of the real Code with `python -m macros adopt`: after it, no page,
JSON file or PDF calls 2.0 a draft or "not adopted", 1.0 is superseded wherever it is named,
and the hand-written home page states the version in force's own words."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from htmlpage import read_page
from recordkit import edit
from testkit import ROOT, mkdocs_build

from macros.__main__ import main
from macros.compute.code import build_code
from macros.export.pdf import version_html
from macros.render.environment import Templates

ADOPTED = "2019-10-15"
# What a page would say of version 2.0 were it still a draft, or of 1.0 were it in force.
STALE = re.compile(r"not adopted|\(draft|\bDRAFT\b|newer draft|[Dd]raft version|"
                   r"[Vv]ersion 1\.0 (is|remains) in force|1\.0 \(in force|"
                   r"In force: version 1\.0")


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A copy of the real site in which 2.0 is adopted, its build (without PDFs, for speed:
    their HTML is checked below) and what `adopt` printed."""
    root = tmp_path_factory.mktemp("adopt-real")
    shutil.copytree(ROOT / "content", root / "content", ignore=shutil.ignore_patterns(".cache"))
    for name in ("mkdocs.yml", "published-urls.txt"):
        shutil.copy(ROOT / name, root / name)
    # Without PDFs the record's PDF addresses are missing from the build, so the build skips
    # the record; `adopt` still checks it.
    edit(root / "mkdocs.yml", "      url_record: published-urls.txt\n", "      pdf: false\n")
    # and no page offers a PDF, so the glossary may not list the abbreviation
    edit(root / "content" / "data" / "glossary.md", "*[PDF]: Portable Document Format\n", "")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
        patch.chdir(root)
        assert main(["adopt", "2.0", "--date", ADOPTED]) == 0
    site = root / "site"
    result = mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, site, out.getvalue()


def test_adopt_says_what_it_changed(adopted: tuple[Path, Path, str]) -> None:
    assert adopted[2].splitlines() == [
        "content/data/versions/2.0.yaml: status draft -> adopted; approved_on 2019-10-15.",
        "content/data/versions/1.0.yaml: status adopted -> superseded; superseded_on "
        "2019-10-15.",
        "Version 2.0 is in force from 15 October 2019; version 1.0 is superseded on that date.",
        "OK: 2 version(s), 37 clauses; every URL in published-urls.txt resolves",
    ]


def test_no_page_or_json_calls_2_0_a_draft_or_1_0_in_force(
        adopted: tuple[Path, Path, str]) -> None:
    site = adopted[1]
    checked = 0
    for path in sorted([*site.rglob("*.html"), *(site / "code").rglob("*.json")]):
        text = (read_page(path).text if path.suffix == ".html"
                else path.read_text(encoding="utf-8"))
        found = STALE.search(text)
        assert found is None, (path.relative_to(site),
                               text[max(0, found.start() - 80):found.end() + 80])
        checked += 1
    assert checked > 40


def test_every_pdf_says_the_new_status(adopted: tuple[Path, Path, str]) -> None:
    root = adopted[0]
    code = build_code(root / "content" / "data" / "code.yaml", root)
    site_url = "https://www.cambridgeshire.gov.uk/social-media-code/"
    html = {v.id: str(version_html(Templates(), code, v, site_url, "Cambridgeshire County "
                                   "Council")) for v in code.versions}
    for version_id, text in html.items():
        assert STALE.search(text) is None, version_id
    assert "In force" in html["2.0"]
    assert "Superseded on</dt><dd>15 October 2019" in html["1.0"]


def test_1_0_is_superseded_and_2_0_in_force_wherever_they_are_named(
        adopted: tuple[Path, Path, str]) -> None:
    site = adopted[1]
    v1 = read_page(site / "code" / "1.0" / "index.html").text
    assert ("Superseded on 15 October 2019: version 1.0 is no longer in force. It was approved "
            "by the Constitution and Ethics Committee on 27 June 2019. Version 2.0 is in "
            "force.") in v1
    v2 = read_page(site / "code" / "2.0" / "index.html").text
    assert ("In force: version 2.0 was approved by the Constitution and Ethics Committee on "
            "15 October 2019.") in v2
    assert "Other versions: Version 1.0 (superseded)." in v2
    consultation = read_page(site / "consultation" / "index.html").text
    assert consultation.count("Answered in version 2.0 (in force) by") == 26
    versions = (site / "code" / "versions.json").read_text(encoding="utf-8")
    assert '"2.0 (in force)"' in versions and '"1.0 (superseded)"' in versions


def test_the_home_page_gives_the_version_in_force(adopted: tuple[Path, Path, str]) -> None:
    home = read_page(adopted[1] / "index.html").text
    assert ("Who it applies to In the words of the version in force: Clause 1.3 This Code "
            "applies when you use social media as a councillor") in home
    assert "perceived to be acting" not in home
    assert "The version in force is version 2.0, approved on 15 October 2019." in home


def test_before_adoption_the_same_check_finds_the_draft(real_site: Path) -> None:
    """The check above is not empty: on the real site as it is, 2.0 is a draft everywhere."""
    for page in ("code/2.0", "code", "consultation", "changes"):
        assert STALE.search(read_page(real_site / page / "index.html").text), page
