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
    note = page.get_by_role("status").filter(has_text="does not have")
    # Named as a reader knows it, by its number and first words, not by its key.
    assert note.inner_text() == ("Version 1.0 does not have clause 1.2 of version 2.0 (draft, "
                                 "not adopted), \u201cBehave online as you behave in real "
                                 "life.\u201d. See what changed between versions.")
    page.context.close()


@pytest.mark.parametrize("start", ["code/1.0/", "code/1.0/#clause-1.1"])
def test_switching_keeps_the_clause_in_view_after_scrolling(browser: Browser, origin: str,
                                                           start: str) -> None:
    """No anchor in the address, or one the reader has scrolled away from: the clause at
    the top of the window (2.1 of 1.0, 'privacy', 3.1 of 2.0) is the one the other version
    opens at, even with the last lines of the clause before it still showing."""
    context = browser.new_context(viewport={"width": 375, "height": 500})
    page = context.new_page()
    page.goto(origin + start)
    page.locator(".md-version__current").wait_for()
    page.evaluate("""() => {
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const clause = document.getElementById('privacy');
        window.scrollBy(0, clause.getBoundingClientRect().top - header - 30);
    }""")
    page.wait_for_timeout(300)
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text="2.0").click()
    page.wait_for_url(origin + "code/2.0/#privacy")
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_selector_stays_in_reach_and_is_named_by_its_text(browser: Browser, origin: str,
                                                              width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 600})
    page = context.new_page()
    page.goto(origin + "code/1.0/")
    current = page.locator(".md-version__current")
    current.wait_for()
    name = current.get_attribute("aria-label") or ""
    assert name.startswith(current.inner_text())  # WCAG 2.5.3, label in name
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(600)
    assert page.evaluate("window.scrollY") > 0
    box = current.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 600
    assert current.is_visible()
    assert page.evaluate("""() => {
        const el = document.elementFromPoint(...(() => {
          const b = document.querySelector('.md-version__current').getBoundingClientRect();
          return [b.left + b.width / 2, b.top + b.height / 2]; })());
        return el.closest('.md-version__current') !== null; }""")
    context.close()


def test_the_header_title_is_readable_on_a_phone(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto(origin + "code/2.0/")
    page.locator(".md-version__current").wait_for()
    title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    cut = page.evaluate("""el => el.scrollHeight > el.clientHeight + 1
                                  || el.scrollWidth > el.clientWidth + 1""",
                        title.element_handle())
    assert not cut, title.inner_text()
    assert title.bounding_box()["width"] > 200  # type: ignore[index]
    context.close()


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
