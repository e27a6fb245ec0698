"""What residents and councillors look for, in the real site as built."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml
from htmlpage import read_page
from testkit import ROOT

LGA_ABUSE = "https://www.local.gov.uk/handling-abuse-social-media"


def extra() -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=yaml.BaseLoader)  # noqa: S506 (strings only)
    return config["extra"]


def test_home_page_links_straight_to_the_lga_abuse_guidance(real_site: Path) -> None:
    home = read_page(real_site / "index.html")
    hrefs = [href for href, _ in home.links]
    assert LGA_ABUSE in hrefs
    html = (real_site / "index.html").read_text(encoding="utf-8")
    callout = re.search(r'<section class="smc-guidance smc-guidance--callout[^"]*".*?</section>',
                        html, re.S)
    assert callout, "the abuse guidance is not in a callout on the home page"
    assert "Being abused or threatened online?" in callout.group(0)
    assert f'href="{LGA_ABUSE}"' in callout.group(0)
    # It comes before the rest of the page, not after it.
    assert html.index(LGA_ABUSE) < html.index('id="who-it-applies-to"')


def clause_html(page: Path, key: str) -> str:
    """The HTML of one clause (from its opening tag to the next clause's)."""
    html = page.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r'<div class="smc-clause smc-clause--', html)]
    for i, start in enumerate(starts):
        if html.startswith(f'id="{key}"', html.index("id=", start)):
            end = starts[i + 1] if i + 1 < len(starts) else len(html)
            return html[start:end]
    raise AssertionError(f"no clause '{key}' in {page}")


def test_safety_clauses_show_the_abuse_guidance_as_a_callout(real_site: Path) -> None:
    version = real_site / "code" / "1.0" / "index.html"
    for key in ("personal-safety", "safety-repeated"):
        block = clause_html(version, key)
        assert "smc-guidance--callout" in block
        assert "Being abused or threatened online?" in block
        assert f'href="{LGA_ABUSE}"' in block


def test_every_clause_citing_guidance_shows_it(real_site: Path) -> None:
    data = yaml.safe_load((ROOT / "content/data/guidance.yaml").read_text(encoding="utf-8"))
    titles = {g["id"]: g["title"] for g in data["guidance"]}
    for version_file in sorted((ROOT / "content/data/versions").glob("*.yaml")):
        version = yaml.safe_load(version_file.read_text(encoding="utf-8"))
        page = real_site / "code" / version["id"] / "index.html"
        for section in version["sections"]:
            for clause in section["clauses"]:
                block = clause_html(page, clause["key"])
                for gid in clause.get("guidance", ()):
                    assert titles[gid].replace("'", "&#x27;") in block, (version["id"], gid)


def test_guidance_page_has_an_anchor_per_reference_and_the_clauses_citing_it(
        real_site: Path) -> None:
    page = read_page(real_site / "guidance" / "index.html")
    data = yaml.safe_load((ROOT / "content/data/guidance.yaml").read_text(encoding="utf-8"))
    assert {g["id"] for g in data["guidance"]} <= page.ids
    hrefs = [href for href, _ in page.links]
    assert "../code/1.0/#clause-5.5" in hrefs and "../code/1.0/#clause-6.2" in hrefs
    assert LGA_ABUSE in hrefs


def test_concerns_page_sends_complaints_to_the_monitoring_officer(real_site: Path) -> None:
    officer = extra()["monitoring_officer"]
    page = read_page(real_site / "concerns" / "index.html")
    assert "Concerned about a councillor's conduct?" in page.text
    assert "goes to the Monitoring Officer" in page.text
    assert "Members' Code of Conduct" in page.text
    assert f"mailto:{officer['email']}" in [href for href, _ in page.links]
    assert officer["phone"] in page.text
    home = read_page(real_site / "index.html")
    assert "concerns/" in [href for href, _ in home.links]


def test_accessibility_statement_is_written_from_the_settings(real_site: Path) -> None:
    settings = extra()
    a = settings["accessibility"]
    page = read_page(real_site / "accessibility" / "index.html")
    assert (f"{settings['council']['name']} wants its website to be accessible to everyone. "
            "The accessibility regulations are the Public Sector Bodies (Websites and Mobile "
            "Applications) (No. 2) Accessibility Regulations 2018.") in page.text
    assert f"This website is {a['compliance']} compliant" in page.text
    for item in a["non_accessible"]:
        assert " ".join(item.split()) in page.text
    tested = dt.date.fromisoformat(a["tested"])
    assert f"This website was last tested on {tested.day} {tested:%B} {tested.year}." \
        in page.text
    assert f"mailto:{settings['monitoring_officer']['email']}" in [h for h, _ in page.links]


def test_abbreviations_are_explained_in_generated_clause_html(real_site: Path) -> None:
    html = (real_site / "code" / "1.0" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Councillor">Cllr</abbr>' in html
    glossary = read_page(real_site / "glossary" / "index.html")
    for abbr in ("LGA", "WLGA", "SMT"):
        assert abbr in glossary.text
    for abbr in ("FOI", "DPA"):  # used on no page, so not listed as used on this site
        assert abbr not in glossary.text
    # The glossary lines themselves never show on a page.
    assert "*[" not in read_page(real_site / "index.html").text


def test_search_index_has_each_clause_under_its_number_and_anchor(real_site: Path) -> None:
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    facebook = docs["code/1.0/#clause-6.1"]
    assert facebook["title"] == "Clause 6.1 (version 1.0, in force)"
    assert "in the case of Facebook" in facebook["text"]
    assert "Link to clause" not in facebook["text"]
    privacy = docs["code/1.0/#clause-5.1"]
    assert "stringent privacy settings" in privacy["text"]
    # The short path and clause histories repeat clauses; search offers each version's own.
    assert not [loc for loc in docs if loc.startswith(("code/#", "clause/")) or loc == "code/"]
