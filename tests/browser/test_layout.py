"""Nothing needs sideways scrolling at 320 px or at 200% zoom; screenshots of the home page
and a version page are kept in test-artifacts/."""

from __future__ import annotations

import struct

import pytest
from playwright.sync_api import Browser
from sitecheck import ARTIFACTS, DESKTOP, NARROW, ROOT, ZOOM_200, Served, horizontal_overflow

from macros.compute import urls
from macros.compute.code import build_code

VIEWS = {
    "320px": (NARROW, 1),
    "200pc-zoom": (ZOOM_200, 2),  # a 1280 px window at 200%: 640 CSS px, drawn twice as large
}


@pytest.mark.parametrize("view", VIEWS)
def test_no_page_scrolls_sideways(browser: Browser, served: Served, view: str,
                                  record_property: pytest.RecordProperty) -> None:
    viewport, scale = VIEWS[view]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    wide = []
    for path in served.pages:
        page.goto(served.url(path), wait_until="load")
        overflow = horizontal_overflow(page)
        if overflow > 0:
            wide.append(f"{path or 'home'}: {overflow}px too wide")
    context.close()
    record_property("summary", f"reflow at {view}: {len(served.pages)} pages, "
                               f"{len(wide)} scroll sideways")
    assert wide == []


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_home_and_a_version_page(browser: Browser, served: Served) -> None:
    code = build_code(ROOT / "content" / "data" / "code.yaml", ROOT)
    version = code.current or code.versions[-1]
    ARTIFACTS.mkdir(exist_ok=True)
    for viewport in (DESKTOP, NARROW):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for name, path in (("home", ""), (f"version-{version.id}", urls.version_path(version.id))):
            page.goto(served.url(path), wait_until="networkidle")
            shot = ARTIFACTS / f"{name}-{viewport['width']}px.png"
            data = page.screenshot(path=shot, full_page=True)
            width, height = png_size(data)
            # A full-page screenshot is as wide as the page: no wider than the window.
            assert width == viewport["width"]
            assert height >= viewport["height"]
        context.close()
