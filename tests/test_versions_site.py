"""End to end: the two-version fixture built with MkDocs, read as a visitor gets it.

Checks the changelog page, clause history pages, the version list and notice on
each version page, the version selector's files and the navigation.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from htmlpage import Page, read_page
from testkit import FIXTURES, built

TWO = FIXTURES / "two-versions"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(TWO / "mkdocs.yml", tmp_path_factory.mktemp("two-versions-site"))


def page(site: Path, path: str) -> Page:
    return read_page(site / path / "index.html")


def hrefs(p: Page, css: str | None = None) -> list[str]:
    return [h for h, a in p.links if css is None or a.get("class") == css]


def test_history_page_of_a_renumbered_clause_shows_both_numbers(site: Path) -> None:
    history = page(site, "clause/safety")
    text = history.text
    assert "Version 1.0 (in force): clause 2.3" in text
    assert "Version 2.0 (draft, not adopted): clause 2.2" in text
    assert "2.3 in version 1.0, 2.2 in version 2.0" in text
    links = hrefs(history)
    for anchor in ("../../code/1.0/#clause-2.3", "../../code/1.0/#safety",
                   "../../code/2.0/#clause-2.2", "../../code/2.0/#safety"):
        assert anchor in links
    assert "Renumbered: clause 2.3 in version 1.0 → clause 2.2 in version 2.0." in text
    # Full addresses to copy into a committee paper: each version's, and this lasting one.
    assert "Links: https://fixture.example.org/code/1.0/#clause-2.3 (by number) and " \
           "https://fixture.example.org/code/1.0/#safety (by name" in text
    assert "Its address, https://fixture.example.org/clause/safety/, never changes." in text
    assert "(a) [deleted: save] [inserted: keep] the messages; and" in text
    assert "Why: Keep, not only save, the messages." in text


def history_text(site: Path, key: str) -> str:
    """The text of a history page's body, from its introduction on."""
    text = page(site, f"clause/{key}").text
    return text[text.index("This page is the lasting address"):]


def test_history_page_of_an_unchanged_clause_says_so(site: Path) -> None:
    text = history_text(site, "scope")
    assert "Version 2.0 (draft, not adopted): clause 1.1" in text
    assert text.count("This Code applies to every councillor.") == 2
    assert "Unchanged from version 1.0." in text
    assert "New in" not in text


def test_history_page_of_a_new_clause_starts_with_the_version_that_added_it(site: Path) -> None:
    text = history_text(site, "same-standards")
    assert "Version 1.0" not in text
    assert "Version 2.0 (draft, not adopted): clause 1.2" in text
    assert "New in this version." in text
    assert "Why: New, in the words a member proposed." in text


def test_history_page_of_a_removed_clause_says_why(site: Path) -> None:
    history = page(site, "clause/no-criticism")
    text = history.text
    assert "Version 1.0 (in force): clause 1.3" in text
    assert "Version 2.0 (draft, not adopted): removed" in text
    assert "Why: Councillors must be free to criticise the council." in text
    assert "../../consultation/#member-b-criticism" in hrefs(history)


def test_changelog_counts_reasons_and_consultation_links(site: Path) -> None:
    changes = page(site, "changes")
    text = changes.text
    assert "Version 2.0 (draft, not adopted) compared with version 1.0 (in force)" in text
    assert "1 clause added, 1 removed, 3 reworded, 4 moved or renumbered." in text
    for heading in ("Added (1)", "Removed (1)", "Reworded (3)", "Moved or renumbered (4)"):
        assert heading in text
    assert "Why: New, in the words a member proposed." in text
    assert "Cllr B: Criticising the council" in text
    consultation_ids = page(site, "consultation").ids
    answers = [h for h in hrefs(changes) if "consultation/#" in h]
    assert answers and {h.split("#")[1] for h in answers} <= consultation_ids
    assert {"changes-2.0", "changes-2.0-added", "changes-2.0-moved"} <= changes.ids


def test_changelog_moves_table_gives_old_and_new_numbers(site: Path) -> None:
    html = (site / "changes" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="smc-moves">'):html.index("</table>")]
    rows = re.findall(r'<tr><td><a href="([^"]+)">([^<]+)</a></td><td><a href="([^"]+)">'
                      r"([^<]+)</a></td><td>([^<]+)</td>", table)
    assert [(r[1], r[3], r[4]) for r in rows] == [
        ("1.2", "1.3", "renumbered and reworded"), ("2.2", "2.1", "renumbered"),
        ("2.3", "2.2", "renumbered and reworded"), ("2.1", "3.1", "moved and reworded")]
    assert rows[1][0] == "../code/1.0/#clause-2.2" and rows[1][2] == "../code/2.0/#clause-2.1"


def test_every_link_on_the_generated_pages_resolves(site: Path) -> None:
    pages = ["changes", "code/1.0", "code/2.0", "code"] + [
        f"clause/{p.name}" for p in (site / "clause").iterdir()]
    ids: dict[Path, set[str]] = {}
    checked = 0
    for path in pages:
        for href in hrefs(page(site, path)):
            if "://" in href or href.startswith(("mailto:", "//")):
                continue
            target, _, anchor = href.partition("#")
            base = site / path
            file = Path(posixpath.normpath(base / target)) if target else base
            file = file / "index.html" if file.is_dir() else file
            assert file.is_file(), f"{path}: {href}"
            if anchor:
                if file not in ids:
                    ids[file] = read_page(file).ids
                assert anchor in ids[file], f"{path}: {href}"
            checked += 1
    assert checked > 100


def test_version_pages_list_every_version_and_what_changed(site: Path) -> None:
    v1, v2 = page(site, "code/1.0"), page(site, "code/2.0")
    # One short block says the status, the other versions and what changed, once.
    assert ("In force: version 1.0 was approved by the Fixture Committee on 1 January 2020. "
            "Other versions: Version 2.0 (draft, not adopted). See what version 2.0 changes.") \
        in v1.text
    assert "../2.0/" in hrefs(v1)
    assert "Other versions: Version 1.0 (in force). See what changed since version 1.0." in v2.text
    assert "../../changes/#changes-2.0" in hrefs(v1) and "../../changes/#changes-2.0" in hrefs(v2)
    short = page(site, "code")
    assert "1.0/" in hrefs(short) and "2.0/" in hrefs(short)
    assert ("In force: version 1.0 was approved by the Fixture Committee on 1 January 2020. "
            "Other versions: Version 2.0 (draft, not adopted). See what version 2.0 changes.") \
        in short.text
    assert "../changes/#changes-2.0" in hrefs(short)


def test_each_clause_links_to_its_history_and_to_itself_in_other_versions(site: Path) -> None:
    v1 = page(site, "code/1.0")
    assert hrefs(v1, "smc-clause__history") == [
        f"../../clause/{key}/" for key in
        ("scope", "tone", "no-criticism", "privacy", "separate", "safety")]
    # Under "About this clause", after the citation (its copy button is added by script).
    text = " ".join(v1.text.replace("History of", " History of").split())
    assert "clause 2.3, https://fixture.example.org/code/1.0/#clause-2.3 " \
           "History of this clause · clause 2.2 in version 2.0 (draft, not adopted)" in text
    assert "../2.0/#safety" in hrefs(v1)
    assert "clause 1.3, https://fixture.example.org/code/1.0/#clause-1.3 " \
           "History of this clause · removed in version 2.0" in text


def test_version_selector_list_marks_drafts_and_the_version_in_force(site: Path) -> None:
    versions = json.loads((site / "code" / "versions.json").read_text(encoding="utf-8"))
    assert versions == [
        {"version": "2.0", "title": "2.0 (draft, not adopted)", "aliases": []},
        {"version": "1.0", "title": "1.0 (in force)", "aliases": ["in-force"]},
    ]


def config_of(site: Path, path: str) -> dict[str, object]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)
    assert found
    return json.loads(found.group(1))


def test_version_pages_give_the_selector_their_own_folder(site: Path) -> None:
    # The theme fetches ../versions.json and links ../<version>/ from this base.
    assert config_of(site, "code/1.0")["base"] == "./"
    assert config_of(site, "code/1.0")["version"] == {"provider": "mike", "default": "in-force"}
    assert config_of(site, "code")["base"] == "1.0/"
    assert config_of(site, "")["version"] is None
    assert config_of(site, "clause/safety")["version"] is None
    # ...and search still finds pages from there.
    index = json.loads((site / "code" / "1.0" / "search" / "search_index.json").read_text())
    locations = {d["location"] for d in index["docs"]}
    assert "../../code/2.0/" in locations


def test_navigation_is_computed_from_the_data(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary"):]
    titles = re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', nav)
    code_titles = [t for t in titles if t.startswith(("Version", "The Code", "What changed"))]
    assert code_titles[:4] == ["The Code in force", "Version 2.0 (draft for 1 June 2020)",
                               "Version 1.0 (in force, adopted 1 January 2020)", "What changed"]
    assert not any(t.startswith("Clause history") for t in titles)
