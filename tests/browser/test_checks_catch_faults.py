"""The checks fail when they should: a fixture site with deliberate faults (pale text, a
third-party script, an external link without noopener, a duplicated id) is caught by
axe, the request watch, the Content-Security-Policy, the link check and the Nu checker."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser
from sitecheck import (
    DESKTOP,
    ROOT,
    Served,
    build_with_site_build,
    csp_violations,
    external_links_without_noopener,
    run_axe,
    serve,
    site_prefix,
    site_url,
    vnu_errors,
    watch,
)

FAULTS_PAGE = """\
# Deliberate faults

<div class="fault-holder">
<link rel="stylesheet" href="../faults.css">
<p class="fault-pale">This pale grey text on white fails the contrast minimum.</p>
<p><a href="https://elsewhere.example.net/page">A link to another site without noopener</a></p>
<div id="said-twice">An id used twice.</div>
<div id="said-twice">The same id again.</div>
</div>
<script src="https://cdn.example.net/tracker.js"></script>
"""
FAULTS_CSS = ".fault-pale { color: #c8c8c8; }\n"
FAULTS_URL = "faults/"


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The small fixture Code plus one page of faults, built by site-build.sh and served."""
    root = tmp_path_factory.mktemp("faulty")
    project = root / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT}/")
    text = text.replace("\nnav:\n", "\nnav:\n  - Deliberate faults: faults.md\n", 1)
    config.write_text(text, encoding="utf-8")
    (project / "content" / "pages" / "faults.md").write_text(FAULTS_PAGE, encoding="utf-8")
    (project / "content" / "pages" / "faults.css").write_text(FAULTS_CSS, encoding="utf-8")
    site = root / "site"
    build_with_site_build(site, config)
    with serve(site, site_prefix(config)) as served:
        served.site_url = site_url(config)  # type: ignore[attr-defined]
        yield served


def test_axe_catches_low_contrast(browser: Browser, faulty: Served) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(faulty.url(FAULTS_URL))
    violations = run_axe(page).violations
    page.close()
    assert any(v.startswith("color-contrast") and ".fault-pale" in v for v in violations)


def test_request_watch_catches_a_third_party_script(browser: Browser, faulty: Served) -> None:
    context = browser.new_context(bypass_csp=True)
    traffic = watch(context)
    context.new_page().goto(faulty.url(FAULTS_URL), wait_until="networkidle")
    context.close()
    assert traffic.outside == ["https://cdn.example.net/tracker.js"]


def test_policy_refuses_a_third_party_script(browser: Browser, faulty: Served) -> None:
    context = browser.new_context()
    traffic = watch(context)
    page = context.new_page()
    page.goto(faulty.url(FAULTS_URL), wait_until="networkidle")
    violations = csp_violations(page)
    context.close()
    assert traffic.outside == []  # refused before any request was made
    assert any("https://cdn.example.net/tracker.js" in v for v in violations)


def test_link_check_catches_missing_noopener(faulty: Served) -> None:
    missing = external_links_without_noopener(faulty.site, faulty.pages,
                                              faulty.site_url)  # type: ignore[attr-defined]
    assert missing == ["faults/: https://elsewhere.example.net/page"]


def test_nu_checker_catches_a_duplicate_id(faulty: Served) -> None:
    errors, _ = vnu_errors(faulty.site, [])
    assert len(errors) == 1
    assert errors[0].startswith("faults/index.html:")
    assert "Duplicate ID “said-twice”" in errors[0]

