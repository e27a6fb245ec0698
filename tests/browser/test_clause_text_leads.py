"""On code/ and every version page the clause text leads: with nothing opened, the Code's own
words are most of what a reader sees, and the first clause starts near the top of the page,
at 375 and 1280 px. Screenshots of code/ at 375 px are kept in test-artifacts/."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from playwright.sync_api import Browser, Page
from sitecheck import ARTIFACTS, ROOT, Served

from macros.compute import urls
from macros.compute.code import build_code

WIDTHS = {375: {"width": 375, "height": 812}, 1280: {"width": 1280, "height": 800}}
CLAUSE_SHARE = 0.60  # clause text, as a share of the words a reader sees in the article
FIRST_CLAUSE_BY = 1000  # CSS px from the top of the page

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
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=ARTIFACTS / "code-375px.png", full_page=True)
    context.close()
    record_property("summary", f"clause text at {width}px: " + ", ".join(
        f"{path} {r.share:.0%} of {r.words} words, first clause at {r.first_clause}px"
        for path, r in found.items()))
    thin = {path: f"{r.share:.0%}" for path, r in found.items() if r.share < CLAUSE_SHARE}
    late = {path: r.first_clause for path, r in found.items()
            if r.first_clause > FIRST_CLAUSE_BY}
    assert thin == {}, f"clause text under {CLAUSE_SHARE:.0%} of the words seen"
    assert late == {}, f"first clause below {FIRST_CLAUSE_BY}px"
