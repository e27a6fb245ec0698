"""axe-core finds no WCAG 2.2 A or AA failure on any page, on a desktop and a 320 px screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from sitecheck import DESKTOP, NARROW, WCAG_TAGS, Served, run_axe


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
def test_no_axe_violations_on_any_page(
    browser: Browser, served: Served, viewport: dict[str, int],
    record_property: pytest.RecordProperty,
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    found: list[str] = []
    rules: set[str] = set()
    for path in served.pages:
        page.goto(served.url(path), wait_until="load")
        run = run_axe(page)
        rules |= run.rules
        found += [f"{path or 'home'}: {v}" for v in run.violations]
    context.close()
    record_property("summary", f"axe-core at {viewport['width']}px: {len(served.pages)} pages, "
                               f"{len(rules)} rules ({', '.join(WCAG_TAGS)}), "
                               f"{len(found)} violations")
    assert len(rules) > 0
    assert found == []
