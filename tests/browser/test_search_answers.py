"""In Chromium, on the real site: search answers from the Code in force.

A resident types a word; every clause among the results names its version and status, the
clauses of the version in force that hold the word come first, and none of them is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sitecheck import Served

from macros.compute.code import build_code
from macros.compute.search import clause_words
from macros.compute.versions import status_words

ROOT = Path(__file__).resolve().parents[2]
CODE = build_code(ROOT / "content" / "data" / "code.yaml", ROOT)
CLAUSE_TITLE = re.compile(r"Clause (\d+\.\d+) \(version ([\d.]+), (.+)\)")


def results(browser: Browser, served: Served, start: str, words: str) -> list[tuple[str, str]]:
    """(title, link) of every result search lists for `words`, in order, all shown."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(served.url(start))
        page.locator(".md-search__input").click()
        page.keyboard.type(words)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.wait_for_timeout(300)  # the last keystroke's results
        found = page.evaluate("""() => [...document.querySelectorAll(
            '.md-search-result__item a.md-search-result__link')].map(a => [
              a.querySelector('h1, h2').textContent.trim(), a.getAttribute('href')])""")
        return [(str(title), str(href)) for title, href in found]
    finally:
        page.close()


def in_force_clauses_with(word: str) -> list[str]:
    """Numbers of the clauses in force whose words hold one starting with `word`, as search
    matches it (each word of the query, as its start)."""
    current = CODE.current
    assert current is not None
    pattern = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
    return [c.number for c in current.clauses() if pattern.search(clause_words(current, c))]


@pytest.mark.parametrize("start", ["", "code/2.0/"], ids=["home", "draft page"])
@pytest.mark.parametrize("words", ["criticise", "Facebook", "friend", "privacy"])
def test_search_names_version_and_status_and_answers_from_the_code_in_force_first(
        browser: Browser, served: Served, start: str, words: str) -> None:
    found = results(browser, served, start, words)
    assert found, words
    clauses = [(m.groups(), href) for title, href in found if (m := CLAUSE_TITLE.fullmatch(title))]
    statuses = {v.id: status_words(CODE, v) for v in CODE.versions}
    for (number, version, status), href in clauses:
        assert status == statuses[version], (number, version, status)
        assert href.split("?")[0].endswith(f"code/{version}/") and f"#clause-{number}" in href
    current = CODE.current
    assert current is not None
    expected = in_force_clauses_with(words)
    got = [number for (number, version, _), _ in clauses if version == current.id]
    assert sorted(got) == sorted(expected), words
    # The version in force's page and its clauses come before every other result.
    first_other = next((i for i, (_, href) in enumerate(found)
                        if f"code/{current.id}/" not in href), len(found))
    assert all(f"code/{current.id}/" not in href for _, href in found[first_other:])
    if expected:
        assert f"code/{current.id}/" in found[0][1]


def test_a_draft_clause_says_it_is_a_draft(browser: Browser, served: Served) -> None:
    titles = [title for title, _ in results(browser, served, "", "criticise")]
    assert "Clause 2.1 (version 2.0, draft, not adopted)" in titles
    assert "Social Media Code for Councillors: version 2.0 (draft, not adopted)" in titles
