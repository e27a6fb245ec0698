"""The real site, built once with site-build.sh, served on 127.0.0.1, and a Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from sitecheck import ROOT, Served, build_with_site_build, launch, serve, site_prefix


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: runs Chromium against a built site (part of the normal suite)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session by site-build.sh into a temporary folder.

    SITE_UNDER_TEST=<folder> checks an already built site instead.
    """
    if os.environ.get("SITE_UNDER_TEST"):
        return Path(os.environ["SITE_UNDER_TEST"]).resolve()
    site = tmp_path_factory.mktemp("browser") / "site"
    build_with_site_build(site)
    return site


@pytest.fixture(scope="session")
def served(built_site: Path) -> Iterator[Served]:
    with serve(built_site, site_prefix(ROOT / "mkdocs.yml")) as s:
        yield s


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
