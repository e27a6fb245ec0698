"""In Chromium: search offers the clause and opens at it; printing keeps version and status."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sitecheck import Served

from macros.compute.code import build_code

ROOT = Path(__file__).resolve().parents[2]


def search(browser: Browser, served: Served, words: str, clause_href_end: str) -> str:
    """Type `words` into the site search, pick the clause's result; the URL it opens."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(served.url(""))
        page.locator(".md-search__input").click()
        page.keyboard.type(words)
        result = page.locator(f'.md-search-result__item a[href$="{clause_href_end}"]').first
        result.wait_for(state="visible", timeout=10_000)
        result.click()
        page.wait_for_url(f"**{clause_href_end}")
        anchor = clause_href_end.rsplit("#", 1)[1]
        top = page.evaluate(
            "id => document.getElementById(id).getBoundingClientRect().top", anchor)
        assert 0 <= top < page.viewport_size["height"] / 2  # type: ignore[index]
        return page.url
    finally:
        page.close()


@pytest.mark.parametrize(("words", "clause"), [
    ("Facebook", "code/1.0/?h=facebook#clause-6.1"),
    ("privacy", "code/1.0/?h=privacy#clause-5.1"),
])
def test_search_offers_the_clause_and_opens_at_its_anchor(
        browser: Browser, served: Served, words: str, clause: str) -> None:
    assert search(browser, served, words, clause).endswith(clause)


def pdf_pages(browser: Browser, served: Served, page_path: str, tmp_path: Path) -> list[str]:
    page = browser.new_page()
    try:
        page.goto(served.url(page_path))
        pdf = tmp_path / "printed.pdf"
        page.pdf(path=str(pdf), format="A4")
    finally:
        page.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [p for p in text.split("\f") if p.strip()]


@pytest.mark.parametrize(("version_id", "status"), [
    ("1.0", "In force (approved 27 June 2019)"),
    ("2.0", "DRAFT, not adopted"),
])
def test_printed_version_has_version_and_status_on_every_page_and_no_navigation(
        browser: Browser, served: Served, tmp_path: Path, version_id: str, status: str) -> None:
    pages = pdf_pages(browser, served, f"code/{version_id}/", tmp_path)
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        lines = [line for line in text.splitlines() if line.strip()]
        assert f"version {version_id}" in lines[0], (number, lines[0])
        assert status in lines[0], (number, lines[0])
        assert f"Page {number} of {len(pages)}" in lines[-1]
        assert f"/code/{version_id}/" in lines[-1]
    whole = "\n".join(pages)
    for chrome in ("Skip to content", "Link to clause", "Accessibility statement",
                   "Concerned about a councillor's conduct?", "Back to top"):
        assert chrome not in whole
    code = build_code(ROOT / "content" / "data" / "code.yaml", ROOT)
    flat = " ".join(whole.split())
    for clause in code.version(version_id).clauses():
        assert f"{clause.number} " in flat
