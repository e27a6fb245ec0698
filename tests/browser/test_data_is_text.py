"""In Chromium, with JavaScript on: no string of the data or the settings becomes markup.

`injectkit` writes a small council (two versions, guidance, members' comments, glossary,
the real hand pages and settings) in which every string field of every data file, of
`extra`, `site_name`, `site_description` and each hand page's title carries a payload of
markup at once; the site is built once and every page it has is loaded. No element or
attribute from a payload may exist in any page's DOM, no `alert()` may run, the
Content-Security-Policy must be the first element of <head>, and the site search must show
the payloads as text.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from injectkit import MARK, InjectedCouncil, make_injected_council, word
from playwright.sync_api import Browser, Page
from sitecheck import Served, build_with_site_build, serve, site_prefix

# Anything a payload could have made: its attribute, a javascript: link, a refresh.
INJECTED = f'[{MARK}], a[href^="javascript:" i], meta[http-equiv="refresh" i]'
FIND = """selector => {
  const found = [...document.querySelectorAll(selector)].map(el => el.outerHTML.slice(0, 100));
  const first = document.head.firstElementChild;
  return {found, cspFirst: first !== null
    && first.getAttribute("http-equiv") === "Content-Security-Policy"};
}"""


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> InjectedCouncil:
    return make_injected_council(tmp_path_factory.mktemp("injected"))


@pytest.fixture(scope="module")
def site(council: InjectedCouncil, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    built = tmp_path_factory.mktemp("injected-site") / "site"
    build_with_site_build(built, council.config)
    with serve(built, site_prefix(council.config)) as served:
        yield served


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page with JavaScript on; the messages of the dialogs it opened (each dismissed)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    dialogs: list[str] = []
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield tab, dialogs
    context.close()


def test_every_kind_of_string_field_carries_a_payload(
        council: InjectedCouncil, record_property: pytest.RecordProperty) -> None:
    """The fixture covers what it should: every free-text field carries a payload (the most
    dangerous its checks accept); only checked values (keys, ids, dates, addresses) refuse
    all of them, each with its check's message."""
    record_property("summary", council.summary())
    free_text = [
        "code.yaml: title", "code.yaml: documents.0.title", "versions/1.0.yaml: body",
        "versions/2.0.yaml: summary", "versions/1.0.yaml: sections.0.title",
        "versions/1.0.yaml: sections.0.clauses.1.text",
        "versions/1.0.yaml: sections.1.clauses.2.items.0.text",
        "versions/2.0.yaml: sections.0.clauses.2.change.reason",
        "versions/2.0.yaml: removed.0.reason", "guidance.yaml: guidance.0.title",
        "guidance.yaml: guidance.0.publisher", "guidance.yaml: guidance.0.summary",
        "consultation.yaml: rounds.0.source", "consultation.yaml: rounds.0.comments.0.member",
        "consultation.yaml: rounds.0.comments.0.topic",
        "consultation.yaml: rounds.0.comments.0.words",
        "consultation.yaml: rounds.0.comments.0.response.text",
        "glossary: LGA", "mkdocs.yml: site_name", "mkdocs.yml: site_description",
        "mkdocs.yml: extra.council.name", "mkdocs.yml: extra.monitoring_officer.name",
        "mkdocs.yml: extra.accessibility.method", "pages: index.md", "pages: concerns.md",
    ]
    assert [w for w in free_text if council.field_at(w).payload is None] == []
    assert council.carrying("markup")
    # Markup behind the clause text's marks is refused: a clause carries quotes and references.
    assert council.field_at("versions/1.0.yaml: sections.0.clauses.1.text").payload == "text"
    assert [f.where for f in council.refused() if not f.refused] == []


def test_no_page_has_an_element_or_attribute_from_the_data(
        site: Served, page: tuple[Page, list[str]],
        record_property: pytest.RecordProperty) -> None:
    tab, dialogs = page
    problems = []
    for path in site.pages:
        tab.goto(site.url(path), wait_until="load")
        seen = tab.evaluate(FIND, INJECTED)
        problems.extend(f"{path or 'home'}: {html}" for html in seen["found"])
        if not seen["cspFirst"]:
            problems.append(f"{path or 'home'}: the CSP is not the first element of <head>")
        if site.page_of(tab.url) != path:
            problems.append(f"{path or 'home'}: went to {tab.url}")
    record_property("summary", f"data is text: {len(site.pages)} pages of the injected council "
                    "loaded with JavaScript on")
    assert problems == []
    assert dialogs == []
    assert len(site.pages) > 15


def test_titles_show_the_markup_as_text(site: Served, council: InjectedCouncil,
                                        page: tuple[Page, list[str]]) -> None:
    tab, _ = page
    code_title = council.value("code.yaml: title")
    site_name = council.value("mkdocs.yml: site_name")
    tab.goto(site.url("code/1.0/"))
    assert tab.title() == f"{code_title}: version 1.0 - {site_name}"
    topic = tab.locator("[data-md-component=header-topic]").inner_text()
    assert " ".join(topic.split()) == " ".join(f"{code_title}: version 1.0".split())


@pytest.mark.parametrize("where", [
    "code.yaml: title",  # the title of every version page, in the results' headings
    "pages: index.md",  # a hand page's title
    "mkdocs.yml: extra.council.name",  # written into the home page's Markdown by a macro
    "versions/1.0.yaml: sections.0.clauses.1.text",  # a clause
])
def test_search_results_show_the_data_as_text(site: Served, council: InjectedCouncil,
                                              page: tuple[Page, list[str]], where: str) -> None:
    tab, dialogs = page
    field = council.field_at(where)
    tab.goto(site.url(""))
    tab.locator(".md-search__input").click()
    tab.keyboard.type(word(field.number))
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    seen = tab.evaluate(FIND, f".md-search-result :is({INJECTED})")
    assert seen["found"] == []
    shown = tab.locator(".md-search-result").inner_text()
    assert word(field.number) in shown
    assert f"{MARK}=" in shown or f"<i {MARK}>" in shown  # the payload, as text
    assert dialogs == []
