"""No page asks any host but its own for anything, even when used; only the site's own
scripts and styles may run; every link to another site has rel="noopener"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page
from sitecheck import (
    DESKTOP,
    ROOT,
    Served,
    Traffic,
    csp_problems,
    csp_violations,
    external_links_without_noopener,
    site_url,
    watch,
)


def use_page(page: Page) -> list[str]:
    """Do what a reader does: scroll, search, open the version switch, copy a clause link.
    Returns what was used, for the failure message."""
    used = []
    page.mouse.wheel(0, 100_000)
    search = page.locator("input.md-search__input")
    if search.count():
        word = page.locator("h1").first.inner_text().split()[0] if page.locator("h1").count() \
            else "code"
        page.locator("label[for=__search]:visible, input.md-search__input:visible").first.click()
        search.fill(word)
        page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\w")).wait_for()
        page.keyboard.press("Escape")
        used.append(f"searched for {word!r}")
    switch = page.locator(".md-version__current")
    if switch.count():
        switch.first.focus()
        used.append("opened the version switch")
    link = page.locator("a.smc-clause__link")
    if link.count():
        link.first.click()
        used.append("used 'link to this clause'")
    page.wait_for_load_state("networkidle")
    return used


def test_no_request_leaves_127_0_0_1_while_pages_load_and_are_used(
    browser: Browser, served: Served, record_property: pytest.RecordProperty,
) -> None:
    # The policy would block third-party requests anyway; bypass it here so this test
    # proves the pages do not even try.
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    traffic = watch(context)
    page = context.new_page()
    uses = set()
    for path in served.pages:
        page.goto(served.url(path), wait_until="load")
        uses.update(use_page(page))
    context.close()
    record_property("summary", f"privacy: {len(served.pages)} pages loaded and used "
                               f"({'; '.join(sorted(uses))}), {len(traffic.requests)} requests, "
                               f"{len(traffic.outside)} to another host")
    assert traffic.outside == []
    assert traffic.failed == []
    assert len(traffic.requests) >= len(served.pages)


def test_policy_allows_only_own_scripts_and_styles(served: Served) -> None:
    assert csp_problems(served.site, served.pages) == []


def test_pages_work_under_the_policy_with_no_violation(browser: Browser, served: Served) -> None:
    context = browser.new_context(viewport=DESKTOP,
                                  permissions=["clipboard-read", "clipboard-write"])
    traffic: Traffic = watch(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    not_running = []
    for path in served.pages:
        page.goto(served.url(path), wait_until="load")
        # The theme's script swaps 'no-js' for 'js' once it runs.
        if "js" not in page.evaluate("document.documentElement.className").split():
            not_running.append(path or "home")
        use_page(page)
        traffic.csp_violations += csp_violations(page)
    context.close()
    assert traffic.csp_violations == []
    assert errors == []
    assert not_running == []


def test_every_external_link_has_rel_noopener(
    served: Served, record_property: pytest.RecordProperty,
) -> None:
    missing = external_links_without_noopener(served.site, served.pages,
                                              site_url(ROOT / "mkdocs.yml"))
    record_property("summary", f"noopener: external links on {len(served.pages)} pages checked, "
                               f"{len(missing)} without rel=noopener")
    assert missing == []
