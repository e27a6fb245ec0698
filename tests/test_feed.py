"""The feed of new versions (feed.xml), read with a feed reader's parser: every version, its
status, date, summary and links; each page links it; entry ids stay when a draft is adopted."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from htmlpage import read_page
from recordkit import copy_fixture, edit
from testkit import ROOT, mkdocs_build

from macros.__main__ import main
from macros.compute.code import build_code

SITE_URL = "https://www.cambridgeshire.gov.uk/social-media-code/"


def parse(site: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_real_feed_has_every_version_with_status_date_summary_and_links(
        real_site: Path) -> None:
    feed = parse(real_site)
    code = build_code(ROOT / "content" / "data" / "code.yaml", ROOT)
    assert [e.id for e in feed.entries] == [
        f"{SITE_URL}code/{v.id}/" for v in reversed(code.versions)]
    draft, in_force = feed.entries
    assert draft.title == "Version 2.0 (draft, not adopted)"
    assert draft.summary.startswith("Draft: version 2.0 has not been adopted.")
    assert "What changed from version 1.0: 5 clauses added, 10 removed" in draft.summary
    assert draft.tags[0].term == "draft"
    assert draft.published.startswith("2019-10-01")
    assert {link.rel: link.href for link in draft.links} == {
        "alternate": f"{SITE_URL}code/2.0/", "related": f"{SITE_URL}changes/#changes-2.0"}
    assert in_force.title == "Version 1.0 (in force)"
    assert in_force.summary.startswith("In force: version 1.0 was approved by the "
                                       "Constitution and Ethics Committee on 27 June 2019.")
    assert in_force.published.startswith("2019-06-27")
    assert feed.feed.link == f"{SITE_URL}changes/"
    assert feed.feed.author == "Cambridgeshire County Council"


@pytest.mark.parametrize("page", ["", "code/", "code/1.0/", "changes/", "consultation/",
                                  "accessibility/", "clause/purpose/"])
def test_every_page_links_the_feed_in_its_head(real_site: Path, page: str) -> None:
    html = (real_site / page / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    depth = "../" * page.count("/")
    assert (f'<link rel="alternate" type="application/atom+xml" title="New versions of the '
            f'Social Media Code for Councillors (Atom feed)" href="{depth}feed.xml">') in head


def test_the_changes_page_links_the_feed(real_site: Path) -> None:
    links = read_page(real_site / "changes" / "index.html").links
    assert "../feed.xml" in [href for href, _ in links]


def test_entry_ids_stay_when_a_draft_is_adopted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = copy_fixture(tmp_path)
    edit(dest / "mkdocs.yml", "      url_record: published-urls.txt\n", "      pdf: false\n")
    before, after = tmp_path / "before", tmp_path / "after"
    assert mkdocs_build(dest / "mkdocs.yml", before).returncode == 0
    first = parse(before)
    assert [e.title for e in first.entries] == ["Version 2.0 (draft, not adopted)",
                                                "Version 1.0 (in force)"]
    monkeypatch.chdir(dest)
    assert main(["adopt", "2.0", "--date", "2020-06-01"]) == 0
    assert mkdocs_build(dest / "mkdocs.yml", after).returncode == 0
    second = parse(after)
    assert [e.id for e in second.entries] == [e.id for e in first.entries]
    assert [e.title for e in second.entries] == ["Version 2.0 (in force)",
                                                 "Version 1.0 (superseded)"]
    assert second.entries[1].updated.startswith("2020-06-01")
    assert second.entries[1].published.startswith("2020-01-01")
