"""Keyboard only: the skip link, search, the version switch and "link to this clause"
can all be reached and used with Tab and Enter, and focus is always visible."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from sitecheck import DESKTOP, NARROW, ROOT, Served, focused, tab_until

from macros.compute import urls
from macros.compute.code import Code, build_code


@pytest.fixture(scope="module")
def code() -> Code:
    return build_code(ROOT / "content" / "data" / "code.yaml", ROOT)


@pytest.fixture
def context(browser: Browser) -> BrowserContext:
    ctx = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    yield ctx
    ctx.close()


def test_skip_link_is_first_and_moves_past_the_navigation_on_every_page(
    context: BrowserContext, served: Served, record_property: pytest.RecordProperty,
) -> None:
    page = context.new_page()
    problems = []
    for path in served.pages:
        name = path or "home"
        page.goto(served.url(path))
        page.keyboard.press("Tab")
        focus = focused(page)
        if focus is None or "md-skip" not in focus.cls:
            problems.append(f"{name}: the first Tab reaches {focus}, not the skip link")
            continue
        if not focus.visible:
            problems.append(f"{name}: skip link focus not visible: {focus.problem}")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        after = page.evaluate("""() => {
            const el = document.activeElement;
            return !!el && !el.closest('.md-header, .md-sidebar--primary, .md-skip');
        }""")
        if not after:
            problems.append(f"{name}: after the skip link, Tab goes back into the navigation")
    record_property("summary", f"keyboard: skip link checked on {len(served.pages)} pages")
    assert problems == []


def search_word(code: Code) -> str:
    """A word from the first clause of the version in force, to search for."""
    version = code.current or code.versions[-1]
    words = re.findall(r"[A-Za-z]{6,}", version.clauses()[0].clause.text)
    return words[0]


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
def test_search_by_keyboard(browser: Browser, served: Served, code: Code,
                            viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(served.url(""))
    # On a wide screen the search box is in the header; on a narrow one a button opens it.
    focus = tab_until(page, "input.md-search__input, label[for=__search], button.smc-search")
    assert focus is not None, "Tab never reaches search"
    assert focus.visible, focus.problem
    if focus.tag != "input":
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    word = search_word(code)
    page.keyboard.type(word)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    # The theme moves through results with the arrow keys (its links are out of the Tab order).
    page.keyboard.press("ArrowDown")
    result = focused(page)
    assert result is not None and "md-search-result__link" in result.cls, \
        f"ArrowDown does not reach the search results: {result}"
    assert result.visible, result.problem
    href = page.evaluate("document.activeElement.href")
    assert served.page_of(href) is not None
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    context.close()


def test_version_switch_by_keyboard(context: BrowserContext, served: Served, code: Code) -> None:
    if not any(served.site.rglob("versions.json")):
        pytest.skip("the build has no versions.json, so the theme shows no version switch")
    page = context.new_page()
    first, other = code.versions[0], code.versions[-1]
    page.goto(served.url(urls.version_path(first.id)))
    page.locator(".md-version__current").wait_for()
    focus = tab_until(page, ".md-version__current")
    assert focus is not None, "Tab never reaches the version switch"
    assert focus.visible, focus.problem
    link = tab_until(page, f'.md-version__link[href*="/{other.id}/"]', limit=10)
    assert link is not None, f"Tab does not reach version {other.id} in the switch"
    assert link.visible, link.problem
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(f"/{urls.version_path(other.id)}")))
    assert page.locator(f'[data-smc-version="{other.id}"]').count() == 1


def test_link_to_this_clause_by_keyboard(context: BrowserContext, served: Served,
                                         code: Code) -> None:
    version = code.current or code.versions[-1]
    clause = version.clauses()[0]
    page: Page = context.new_page()
    page.goto(served.url(urls.version_path(version.id)))
    focus = tab_until(page, "a.smc-clause__link", limit=300)
    assert focus is not None, "Tab never reaches a 'link to this clause'"
    assert focus.visible, focus.problem
    href = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    expected = served.url(urls.anchored(urls.version_path(version.id), clause.target.anchor))
    assert href == expected
    page.wait_for_url(expected)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.get_by_role("status").filter(has_text="copied").count() == 1


def test_navigation_drawer_by_keyboard_on_a_narrow_screen(browser: Browser, served: Served) -> None:
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(served.url(""))
    # Closed, the drawer's links take no focus.
    assert page.locator(".md-sidebar--primary a:visible").count() == 0
    button = tab_until(page, ".smc-drawer-button")
    assert button is not None, "Tab never reaches the navigation button"
    assert button.visible, button.problem
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    link = tab_until(page, ".md-sidebar--primary a", limit=10)
    assert link is not None, "Tab does not reach the navigation once it is open"
    assert link.visible, link.problem
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('.smc-drawer-button')")
    context.close()
