"""axe-core's experimental and AAA rules that the Code's pages meet, at 375 and 1280 px:
every control's name holds its visible text, no complementary landmark sits inside another
landmark, and text and links on every page reach 7:1 contrast (WCAG 1.4.6, enhanced)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser
from sitecheck import ARTIFACTS, Served

RULES = ["label-content-name-mismatch", "landmark-complementary-is-top-level",
         "color-contrast-enhanced"]


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
        result = Axe().run(page, options={
            "runOnly": {"type": "rule", "values": RULES},
            "resultTypes": ["violations"],
        }).response
        ran |= {r["id"] for kind in ("violations", "passes", "incomplete", "inapplicable")
                for r in result.get(kind, [])}
        found += [f"{path or 'home'}: {v['id']} at {' '.join(n['target'])}"
                  for v in result["violations"] for n in v["nodes"]]
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
