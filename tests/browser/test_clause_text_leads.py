"""On code/ and every version page the clause text leads: with nothing opened, the Code's own
words are most of what a reader sees, and the first clause starts near the top of the page,
at 375 and 1280 px. Screenshots of code/ at 375 px are kept in test-artifacts/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest
from playwright.sync_api import Browser, Page
from sitecheck import ARTIFACTS, ROOT, Served, run_axe, tab_until

from macros.compute import urls
from macros.compute.code import build_code

WIDTHS = {375: {"width": 375, "height": 812}, 1280: {"width": 1280, "height": 800}}
CLAUSE_SHARE = 0.60  # clause text, as a share of the words a reader sees in the article
FIRST_CLAUSE_BY = 1000  # CSS px from the top of the page
BEFORE = Path(__file__).parent / "reference" / "code-375px-before.png"  # code/, 375 px wide

# Words drawn on screen inside the article: text that is rendered (not in a closed
# <details>, not hidden) and not clipped to nothing (the visually hidden "Clause ").
_WORDS = """
() => {
  const article = document.querySelector("article");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const word = /[\\p{L}\\p{N}][\\p{L}\\p{N}'\\u2019.,:;()-]*/gu;
  const count = (text) => (text.match(word) || []).length;
  let all = 0, clause = 0;
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect(), own = el.getBoundingClientRect();
    if (Math.min(box.width, own.width) < 2 || Math.min(box.height, own.height) < 2) continue;
    const words = count(node.data);
    all += words;
    if (el.closest(".smc-clause__text")) clause += words;
  }
  const first = document.querySelector(".smc-clause");
  const top = first.getBoundingClientRect().top + window.scrollY;
  return {all, clause, first: Math.round(top)};
}
"""


class Reading(NamedTuple):
    words: int  # visible words in the article
    clause_words: int  # of which clause text
    first_clause: int  # px from the top of the page to the first clause

    @property
    def share(self) -> float:
        return self.clause_words / self.words


def reading(page: Page) -> Reading:
    found = page.evaluate(_WORDS)
    return Reading(found["all"], found["clause"], found["first"])


def code_pages() -> list[str]:
    code = build_code(ROOT / "content" / "data" / "code.yaml", ROOT)
    return ["code/", *(urls.version_path(v.id) for v in code.versions)]


@pytest.mark.parametrize("width", WIDTHS)
def test_clause_text_is_most_of_what_a_reader_sees(
        browser: Browser, served: Served, width: int,
        record_property: pytest.RecordProperty) -> None:
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    found = {}
    for path in code_pages():
        page.goto(served.url(path), wait_until="load")
        found[path] = reading(page)
        if path == "code/" and width == 375:
            # code/ at 375 px as it is, beside its first 1,600 px before the clause text led
            # (kept in reference/: the first clause began 1,525 px down, under 217 words).
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=ARTIFACTS / "code-375px.png", full_page=True)
            shutil.copy(BEFORE, ARTIFACTS / "code-375px-before.png")
    context.close()
    record_property("summary", f"clause text at {width}px: " + ", ".join(
        f"{path} {r.share:.0%} of {r.words} words, first clause at {r.first_clause}px"
        for path, r in found.items()))
    thin = {path: f"{r.share:.0%}" for path, r in found.items() if r.share < CLAUSE_SHARE}
    late = {path: r.first_clause for path, r in found.items()
            if r.first_clause > FIRST_CLAUSE_BY}
    assert thin == {}, f"clause text under {CLAUSE_SHARE:.0%} of the words seen"
    assert late == {}, f"first clause below {FIRST_CLAUSE_BY}px"


_BEFORE_FIRST_CLAUSE = """
() => {
  const first = document.querySelector(".smc-clause");
  const range = document.createRange();
  range.setStartBefore(document.querySelector("article h1"));
  range.setEndBefore(first);
  const text = range.cloneContents().textContent;
  return text;
}
"""


def test_status_versions_and_changes_are_said_once_before_the_first_clause(
        browser: Browser, served: Served) -> None:
    context = browser.new_context(viewport=WIDTHS[375])
    page = context.new_page()
    for path in code_pages():
        page.goto(served.url(path), wait_until="load")
        block = page.locator(".smc-status")
        assert block.count() == 1, path
        said = " ".join(block.inner_text().split())
        # Status, other versions and what changed: one short block, each said once.
        assert len(said.split()) <= 60, (path, said)
        assert said.count("See what ") == len(page.locator(".smc-versions__changed").all()) <= 2
        before = " ".join(page.evaluate(_BEFORE_FIRST_CLAUSE).split())
        assert before.lower().count("in force") <= 3, (path, before)
    context.close()


def test_reconstructed_marker_opens_the_note_that_explains_it(browser: Browser,
                                                             served: Served) -> None:
    for javascript in (True, False):
        context = browser.new_context(viewport=WIDTHS[375], java_script_enabled=javascript)
        page = context.new_page()
        page.goto(served.url("code/1.0/"), wait_until="load")
        clause = page.locator("div#purpose")
        note = clause.locator(".smc-provenance")
        assert not note.is_visible()
        clause.get_by_role("link", name="wording reconstructed").click()
        note.wait_for(state="visible")
        assert note.inner_text().startswith("Wording reconstructed.")
        context.close()


def test_each_clause_can_be_cited_in_one_line(browser: Browser, served: Served) -> None:
    expected = ("Cambridgeshire County Council, Social Media Code for Councillors, version 1.0 "
                "(adopted 27 June 2019), clause 3.2, "
                "https://www.cambridgeshire.gov.uk/social-media-code/code/1.0/#clause-3.2")
    # Without JavaScript: the citation is text to select, and no button that does nothing.
    context = browser.new_context(viewport=WIDTHS[1280], java_script_enabled=False)
    page = context.new_page()
    page.goto(served.url("code/1.0/"), wait_until="load")
    clause = page.locator("div:has(> h3#clause-3\\.2)")
    clause.get_by_text("About this clause").click()
    citation = clause.locator(".smc-citation__text")
    assert citation.inner_text() == expected
    assert not clause.get_by_role("button", name="Copy citation").is_visible()
    # The clause's history page cites it in each version.
    page.goto(served.url("clause/purpose/"), wait_until="load")
    cited = [" ".join(t.split()) for t in page.locator(".smc-citation__text").all_inner_texts()]
    assert len(cited) == 2
    assert ", version 1.0 (adopted 27 June 2019), clause 1.1, " in cited[0]
    assert ", version 2.0 (draft for 1 October 2019, not adopted), clause 1.1, " in cited[1]
    assert cited[1].endswith("/social-media-code/code/2.0/#clause-1.1")
    context.close()
    # With JavaScript: a button copies it, and says so.
    context = browser.new_context(viewport=WIDTHS[1280],
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served.url("code/1.0/"), wait_until="load")
    clause = page.locator("div:has(> h3#clause-3\\.2)")
    clause.get_by_text("About this clause").click()
    clause.get_by_role("button", name="Copy citation").click()
    page.get_by_role("status").filter(has_text="Citation copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_opened_notes_meet_wcag(browser: Browser, served: Served, width: int) -> None:
    """With every "About this clause" and "About this version" open, axe finds nothing."""
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    found = []
    for path in code_pages():
        page.goto(served.url(path), wait_until="load")
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        # Sections off screen are laid out only as they come near (content-visibility: auto),
        # and axe cannot tell the background of text not yet laid out; lay them all out.
        page.evaluate("document.querySelectorAll('.smc-section')"
                      ".forEach((s) => { s.style.contentVisibility = 'visible'; })")
        found += [f"{path}: {v}" for v in run_axe(page).violations]
    context.close()
    assert found == []


def printed_text(page: Page, tmp_path: Path) -> str:
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


@pytest.mark.parametrize("javascript", [True, False])
def test_printed_page_keeps_the_marker_and_prints_the_notes_open(
        browser: Browser, served: Served, tmp_path: Path, javascript: bool) -> None:
    """Paper cannot fold: printing from the browser lays a clause out as the PDF does."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(served.url("code/1.0/"), wait_until="load")
    printed = printed_text(page, tmp_path)
    assert "1.1 wording reconstructed This Code sets out" in printed
    assert "personal one. Wording reconstructed. We do not have the adopted words" in printed
    assert "About this clause" not in printed and "Copy citation" not in printed
    assert "About this version" not in printed
    context.close()


def test_about_this_clause_opens_from_the_keyboard(browser: Browser, served: Served) -> None:
    page = browser.new_page(viewport=WIDTHS[375])
    page.goto(served.url("code/"), wait_until="load")
    focus = tab_until(page, "summary", limit=80)
    assert focus is not None and focus.visible, focus
    assert focus.text.startswith("About this")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open") is True
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_each_clause_control_is_a_target_of_at_least_24_px(
        browser: Browser, served: Served, width: int) -> None:
    """WCAG 2.2 2.5.8: a clause's link and its "About this clause" are at least 24 CSS px
    high, so a finger on a phone finds them apart from the text and links around them."""
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    small = []
    for path in code_pages():
        page.goto(served.url(path), wait_until="load")
        heights = page.eval_on_selector_all(
            "a.smc-clause__link, details.smc-clause__about > summary",
            "(els) => els.map((e) => e.getBoundingClientRect().height)")
        assert heights, path
        small += [f"{path}: {h:.1f}px" for h in heights if h < 24]
    context.close()
    assert small == []
