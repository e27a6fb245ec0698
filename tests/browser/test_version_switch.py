"""In Chromium: the theme's version selector moves between versions on the same clause,
and without JavaScript the plain links do the same.

Uses the two-version fixture, where clause 2.3 of version 1.0 (key 'safety') is
clause 2.2 of the draft version 2.0, served under a sub-path like the real site.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from sitecheck import serve
from testkit import FIXTURES, mkdocs_build

PREFIX = "/published/under/"


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("two-versions") / "site"
    result = mkdocs_build(FIXTURES / "two-versions" / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    with serve(site, PREFIX) as served:
        yield served.url("")


def open_page(browser: Browser, url: str, javascript: bool = True) -> Page:
    context = browser.new_context(java_script_enabled=javascript,
                                  viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url)
    return page


def test_selector_lists_versions_marks_draft_and_version_shown(browser: Browser,
                                                               origin: str) -> None:
    page = open_page(browser, origin + "code/1.0/")
    current = page.locator(".md-version__current")
    current.wait_for()
    assert current.inner_text() == "1.0 (in force)"
    titles = page.locator(".md-version__link").all_inner_texts()
    assert titles == ["2.0 (draft, not adopted)", "1.0 (in force)"]
    page.context.close()


@pytest.mark.parametrize("start", ["code/1.0/#clause-2.3", "code/1.0/#safety",
                                   "code/1.0/#clause-2.3-a"])
def test_switching_version_keeps_the_same_clause(browser: Browser, origin: str,
                                                 start: str) -> None:
    page = open_page(browser, origin + start)
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text="2.0").click()
    expected = "safety-save" if start.endswith("-a") else "safety"
    page.wait_for_url(origin + f"code/2.0/#{expected}")
    assert page.locator(".md-version__current").inner_text() == "2.0 (draft, not adopted)"
    # The same clause, under its new number.
    assert page.locator("div#safety > h3").inner_text().split()[-1] == "2.2"
    target = f".smc-item:has([id='{expected}'])" if expected != "safety" else "div#safety"
    assert page.locator(target).is_visible()
    page.context.close()


def test_switching_from_the_short_path_keeps_the_same_clause(browser: Browser,
                                                             origin: str) -> None:
    page = open_page(browser, origin + "code/#clause-1.2")
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text="2.0").click()
    page.wait_for_url(origin + "code/2.0/#tone")
    page.context.close()


def test_switching_to_a_version_without_the_clause_says_so(browser: Browser,
                                                          origin: str) -> None:
    page = open_page(browser, origin + "code/2.0/#same-standards")
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text="1.0").click()
    page.wait_for_url(origin + "code/1.0/#same-standards")
    note = page.get_by_role("status").filter(has_text="has no clause")
    assert note.inner_text() == ("Version 1.0 has no clause \u201csame-standards\u201d: it is "
                                 "only in other versions of the Code. See what changed between "
                                 "versions.")
    page.context.close()


def test_without_javascript_the_versions_and_same_clause_are_plain_links(
        browser: Browser, origin: str) -> None:
    page = open_page(browser, origin + "code/1.0/", javascript=False)
    assert page.locator(".md-version").count() == 0
    versions = page.get_by_role("navigation", name="Versions of the Code")
    assert versions.get_by_role("link", name="Version 2.0 (draft, not adopted)",
                                 exact=True).count() == 1
    page.locator("div#safety").get_by_text("About this clause").click()
    page.get_by_role("link", name="clause 2.2 in version 2.0 (draft, not adopted)").click()
    page.wait_for_url(origin + "code/2.0/#safety")
    page.locator("div#separate").get_by_text("About this clause").click()
    page.locator("div#separate").get_by_role("link", name="History of this clause").click()
    page.wait_for_url(origin + "clause/separate/")
    assert page.get_by_role("heading", name="Version 1.0 (in force): clause 2.2").count() == 1
    assert page.get_by_role("heading", name="Version 2.0 (draft, not adopted): clause 2.1") \
        .count() == 1
    page.context.close()
