"""With JavaScript off, every clause is there with its number, text and both anchors, and
every page can be reached from the home page by following links that work."""

from __future__ import annotations

from collections import deque
from urllib.parse import urldefrag

import pytest
from playwright.sync_api import Browser, Page
from sitecheck import DESKTOP, ROOT, Served

from macros.compute import urls
from macros.compute.code import Code, build_code
from macros.compute.numbering import NumberedVersion
from macros.model import inline

_IDS_AND_TEXT = """
(ids) => Object.fromEntries(ids.map((id) => {
  const el = document.getElementById(id);
  return [id, el ? el.innerText : null];
}))
"""


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def code() -> Code:
    return build_code(ROOT / "content" / "data" / "code.yaml", ROOT)


@pytest.fixture(scope="module")
def no_js_page(browser: Browser) -> Page:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    yield context.new_page()
    context.close()


def missing_clauses(page: Page, version: NumberedVersion) -> list[str]:
    """Clauses and items of `version` whose number, text or either anchor is not on the page."""
    def plain(text: tuple[inline.Paragraph, ...]) -> str:
        return squash(inline.render_plain(text, lambda key: version.targets[key].label))

    expected: list[tuple[str, str, str, str]] = []  # (number anchor, key anchor, number, text)
    for clause in version.clauses():
        expected.append((clause.target.anchor, clause.key, clause.number, plain(clause.text)))
        expected.extend((item.target.anchor, item.target.key, f"({item.letter})",
                         plain(item.text)) for item in clause.items)
    ids = [e[0] for e in expected] + [e[1] for e in expected]
    # A section off screen is laid out only when the reader reaches it (content-visibility),
    # and the text of one not laid out is not yet rendered: lay them all out, as reading on
    # does (test_an_anchor_far_down_shows_its_clause checks that reaching one shows it).
    page.evaluate("""() => document.querySelectorAll(".smc-section").forEach(
        (section) => { section.style.contentVisibility = "visible"; })""")
    found = page.evaluate(_IDS_AND_TEXT, ids)
    missing = []
    for number_anchor, key_anchor, number, text in expected:
        # A clause's key anchor wraps it and its number anchor is its heading; an item's
        # number anchor wraps it and its key anchor marks its start. Between them they
        # show the number and the text.
        shown = squash(f"{found.get(number_anchor) or ''} {found.get(key_anchor) or ''}")
        if found.get(number_anchor) is None:
            missing.append(f"#{number_anchor} (anchor from its number) is missing")
        if found.get(key_anchor) is None:
            missing.append(f"#{key_anchor} (anchor from its key) is missing")
        if number not in shown:
            missing.append(f"#{key_anchor} does not show its number {number}")
        if text not in shown:
            missing.append(f"#{key_anchor} does not show its text {text[:50]!r}")
    return missing


def test_every_clause_is_on_its_version_page_without_javascript(
    no_js_page: Page, served: Served, code: Code, record_property: pytest.RecordProperty,
) -> None:
    problems = []
    pages = {urls.version_path(v.id): v for v in code.versions}
    if code.current:
        pages[urls.current_path()] = code.current
    for path, version in pages.items():
        assert path in served.pages, f"the build has no page {path}"
        no_js_page.goto(served.url(path))
        assert "no-js" in no_js_page.evaluate("document.documentElement.className")
        problems += [f"{path}: {p}" for p in missing_clauses(no_js_page, version)]
    clauses = sum(len(v.clauses()) for v in code.versions)
    record_property("summary", f"without JavaScript: {clauses} clauses of {len(code.versions)} "
                               f"versions on {len(pages)} pages, {len(problems)} missing")
    assert problems == []


def test_an_anchor_far_down_shows_its_clause(no_js_page: Page, served: Served,
                                             code: Code) -> None:
    """A link to the last clause of the longest version opens the page at the clause, laid
    out and readable, though its section was off screen."""
    version = max(code.versions, key=lambda v: len(v.clauses()))
    clause = version.clauses()[-1]
    path = urls.version_path(version.id)
    no_js_page.goto(served.url(path) + "#" + clause.target.anchor)
    heading = no_js_page.locator(f"[id='{clause.target.anchor}']")
    no_js_page.wait_for_timeout(300)
    assert heading.is_visible()
    assert clause.number in squash(no_js_page.locator(f"[id='{clause.key}']").inner_text())
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < DESKTOP["height"], box


def test_every_page_is_reached_by_links_that_work_without_javascript(
    no_js_page: Page, served: Served, code: Code, record_property: pytest.RecordProperty,
) -> None:
    start = served.url("")
    seen_pages: dict[str, set[str]] = {}  # page URL -> ids on it
    linked_from: dict[str, str] = {}
    queue = deque([start])
    broken: list[str] = []
    checked_links = 0
    fragments: list[tuple[str, str, str]] = []  # (from, page URL, fragment)
    while queue:
        url = queue.popleft()
        if url in seen_pages:
            continue
        if not url.endswith((".html", "/")):
            # A download (PDF, JSON, ...): it must be there; it is not a page to crawl.
            status = no_js_page.request.get(url).status
            seen_pages[url] = set()
            if status != 200:
                broken.append(f"{url} (linked from {linked_from.get(url)}): {status}")
            continue
        response = no_js_page.goto(url)
        if response is None or response.status != 200:
            broken.append(f"{url} (linked from {linked_from.get(url)}): "
                          f"{response.status if response else 'no response'}")
            seen_pages[url] = set()
            continue
        seen_pages[url] = set(no_js_page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        for href in no_js_page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            target, fragment = urldefrag(href)
            if served.page_of(target) is None:
                continue  # another site, or mailto:
            checked_links += 1
            if fragment:
                fragments.append((url, target, fragment))
            if target not in seen_pages:
                linked_from.setdefault(target, url)
                queue.append(target)
    for source, target, fragment in fragments:
        if seen_pages.get(target) and fragment not in seen_pages[target]:
            broken.append(f"{source} links to {target}#{fragment}: no such anchor")
    reached = {served.page_of(u) for u in seen_pages}
    unreachable = [p for p in served.pages if p not in reached and p != "404.html"]
    # Every version, and every clause's history once the site has history pages.
    expected = {urls.version_path(v.id) for v in code.versions}
    if any(p.startswith(urls.HISTORY_ROOT) for p in served.pages):
        expected |= {urls.history_path(c.key) for v in code.versions for c in v.clauses()}
    unreachable += sorted(expected - reached)
    record_property("summary", f"links without JavaScript: {checked_links} links followed, "
                               f"{len(seen_pages)} addresses reached, {len(broken)} broken")
    assert broken == []
    assert unreachable == []
