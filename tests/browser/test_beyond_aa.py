"""axe-core's experimental and AAA rules that the Code's pages meet, at 375 and 1280 px:
every control's name holds its visible text, no complementary landmark sits inside another
landmark (main included, which axe allows: guidance notes are notes), and text and links on
every page reach 7:1 contrast (WCAG 1.4.6, enhanced)."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from sitecheck import ARTIFACTS, Served

RULES = ["label-content-name-mismatch", "landmark-complementary-is-top-level",
         "color-contrast-enhanced"]


def beyond_aa(page: Page) -> dict[str, Any]:
    """axe-core's result for RULES on the page as it is now."""
    result: dict[str, Any] = Axe().run(page, options={
        "runOnly": {"type": "rule", "values": RULES},
        "resultTypes": ["violations"],
    }).response
    return result


def complementary_in_main(page: Page) -> int:
    """How many complementary landmarks (an aside with a name, say) are inside the main one:
    axe-core allows them there, but each is announced as a landmark of its own."""
    return page.locator("main").get_by_role("complementary").count()


def test_the_checks_catch_what_they_are_for(browser: Browser) -> None:
    """A complementary landmark inside another, a button named otherwise than it reads, a
    link in the theme's old indigo (6.85:1), and a named aside inside main, are each
    reported."""
    page = browser.new_page()
    page.set_content("""<!doctype html><html lang="en"><head><title>Faults</title></head>
        <body><header><aside aria-label="Help"><p>Help</p></aside></header>
        <main><h1>Faults</h1><aside aria-label="Guidance"><p>Note</p></aside>
        <button aria-label="Select version">1.0 (in force)</button>
        <p><a href="#x" style="color: #4051b5">A link at 6.85 to 1</a></p></main></body>
        </html>""")
    found = {v["id"] for v in beyond_aa(page)["violations"]}
    assert found == set(RULES)
    assert complementary_in_main(page) == 1
    page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_no_name_mismatch_no_nested_complementary_and_7_to_1_contrast_on_any_page(
        browser: Browser, served: Served, width: int,
        record_property: pytest.RecordProperty) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    found: list[str] = []
    ran: set[str] = set()
    for path in served.pages:
        page.goto(served.url(path), wait_until="load")
        if path.startswith("code/"):
            page.locator(".md-version__current").wait_for()  # the selector is checked too
        result = beyond_aa(page)
        ran |= {r["id"] for kind in ("violations", "passes", "incomplete", "inapplicable")
                for r in result.get(kind, [])}
        found += [f"{path or 'home'}: {v['id']} at {' '.join(n['target'])}"
                  for v in result["violations"] for n in v["nodes"]]
        if complementary_in_main(page):
            found.append(f"{path or 'home'}: a complementary landmark inside main")
    context.close()
    record_property("summary", f"axe-core's {', '.join(RULES)} at {width}px: "
                               f"{len(served.pages)} pages, {len(found)} nodes")
    assert ran == set(RULES)  # this axe-core has each rule (none is skipped unknown)
    assert found == []


@pytest.mark.parametrize("path", ["code/", "code/2.0/"])
def test_on_a_phone_the_title_reads_whole_and_the_versions_stay_in_reach(
        browser: Browser, served: Served, path: str) -> None:
    """At 375 px the site's name is not cut, and once scrolled the version selector is still
    on screen (screenshots of both in test-artifacts/)."""
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(served.url(path))
    current = page.locator(".md-version__current")
    current.wait_for()
    title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert not page.evaluate("""el => el.scrollHeight > el.clientHeight + 1
                                       || el.scrollWidth > el.clientWidth + 1""",
                             title.element_handle())
    ARTIFACTS.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "-")
    page.screenshot(path=str(ARTIFACTS / f"{name}-375px-header.png"))
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(600)
    box = current.bounding_box()
    assert box is not None and 0 <= box["y"] < 120
    page.screenshot(path=str(ARTIFACTS / f"{name}-375px-scrolled.png"))
    page.close()
