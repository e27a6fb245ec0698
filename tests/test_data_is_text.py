"""Markup in the data or the settings reaches the built pages as text, never as HTML.

A small fixture council is built once with markup in the Code's title, the council's
name, the site's name and description and a hand page's title; each page is read with an
HTML5 parser (as a browser reads it, so an element that ends <head> early is seen where it
lands). The whole site, every string field at once, in Chromium: tests/browser/test_data_is_text.py.
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest
import tinyhtml5
import yaml
from markupsafe import Markup
from testkit import FIXTURES, ROOT, mkdocs_build

from macros.adapters.theme_text import markdown_html, markdown_text
from macros.compute.code import build_code
from macros.export.pdf import version_html
from macros.render.environment import Templates

XHTML = "{http://www.w3.org/1999/xhtml}"
MARK = "data-inj"
CODE_TITLE = f'Fixture </title><i {MARK}>Code</i> & "co"'
SITE_NAME = f'Fish & Chips "Code" <b {MARK}>'
DESCRIPTION = f'A description "><img {MARK} src=x onerror=alert(1)>'
COUNCIL = (f'Fixture Council <i {MARK}>c</i>'
           '<meta http-equiv="refresh" content="1;url=https://attacker.example/">')
HOME_TITLE = f"Home </title><u {MARK}>page</u> 'of' the council"
HOME = f"""\
---
title: {json.dumps(HOME_TITLE)}
---
# Home

{{{{ config.extra.council.name }}}} publishes the {{{{ code_title }}}}: {{{{ council_name }}}}.

The version in force is {{{{ current_version_link() }}}}.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini fixture with markup in its titles and settings, built."""
    tmp = tmp_path_factory.mktemp("data-is-text")
    shutil.copytree(FIXTURES / "mini", tmp / "mini")
    project = tmp / "mini"
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["INHERIT"] = str(ROOT / "mkdocs.yml")
    config["site_name"] = SITE_NAME
    config["site_description"] = DESCRIPTION
    config["extra"]["council"]["name"] = COUNCIL
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    data = project / "content" / "data"
    for name in ("code.yaml", "versions/1.0.yaml"):
        text = (data / name).read_text(encoding="utf-8")
        (data / name).write_text(text.replace("title: Fixture Code",
                                              f"title: {json.dumps(CODE_TITLE)}"),
                                 encoding="utf-8")
    (project / "content" / "pages" / "index.md").write_text(HOME, encoding="utf-8")
    out = tmp / "site"
    result = mkdocs_build(project / "mkdocs.yml", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pages(site: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")


def parse(text: str) -> Element:
    return tinyhtml5.parse(text)


def injected(root: Element) -> list[str]:
    """Elements the data made: any with the mark, and any refresh."""
    return [f"<{el.tag.removeprefix(XHTML)} {el.attrib}>" for el in root.iter()
            if MARK in el.attrib or el.attrib.get("http-equiv", "").lower() == "refresh"]


def text_of(el: Element | None) -> str:
    assert el is not None
    return " ".join("".join(el.itertext()).split())


def test_no_page_has_an_element_made_from_the_data(site: Path) -> None:
    found = {name: injected(parse(text)) for name, text in pages(site)}
    assert {name: els for name, els in found.items() if els} == {}
    assert len(found) > 5


def test_titles_are_shown_as_written_in_title_header_and_heading(site: Path) -> None:
    version = parse((site / "code/1.0/index.html").read_text(encoding="utf-8"))
    title = f"{CODE_TITLE}: version 1.0"
    assert text_of(version.find(f".//{XHTML}title")) == f"{title} - {SITE_NAME}"
    header = version.find(f".//{XHTML}div[@data-md-component='header-topic']")
    assert text_of(header) == title
    topic = version.find(f".//{XHTML}div[@class='md-header__topic']")
    assert text_of(topic) == SITE_NAME
    logo = version.find(f".//{XHTML}a[@data-md-component='logo']")
    assert logo is not None
    assert logo.attrib["aria-label"] == SITE_NAME


def test_a_history_pages_title_from_the_clause_text_is_shown_as_written(site: Path) -> None:
    history = parse((site / "clause/gamma/index.html").read_text(encoding="utf-8"))
    title = 'History of clause 2.1 (version 1.0): Gamma clause about "safety" & {{ not_jinja }}.'
    assert text_of(history.find(f".//{XHTML}h1")) == title
    assert text_of(history.find(f".//{XHTML}title")) == f"{title} - {SITE_NAME}"


def test_a_hand_pages_title_is_shown_as_written(site: Path) -> None:
    home = parse((site / "index.html").read_text(encoding="utf-8"))
    assert text_of(home.find(f".//{XHTML}title")) == f"{HOME_TITLE} - {SITE_NAME}"


def test_the_council_name_on_a_hand_page_is_text(site: Path) -> None:
    home = parse((site / "index.html").read_text(encoding="utf-8"))
    main = text_of(home.find(f".//{XHTML}article"))
    assert f"{COUNCIL} publishes the {CODE_TITLE}: {COUNCIL}." in main


def test_the_council_name_cannot_send_a_page_elsewhere(site: Path) -> None:
    for name, text in pages(site):
        refresh = [el for el in parse(text).iter(f"{XHTML}meta")
                   if el.attrib.get("http-equiv", "").lower() == "refresh"]
        assert refresh == [], name


def test_search_index_holds_titles_as_escaped_text(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert "<" not in titles["code/1.0/"]
    assert html.unescape(titles["code/1.0/"]) == f"{CODE_TITLE}: version 1.0 (in force)"
    for doc in index["docs"]:
        assert f"<i {MARK}" not in doc["title"] + doc["text"], doc["location"]
        assert f"<u {MARK}" not in doc["title"] + doc["text"], doc["location"]


def test_csp_comes_first_and_the_description_stays_in_its_attribute(site: Path) -> None:
    for name, text in pages(site):
        root = parse(text)
        head = root.find(f"{XHTML}head")
        assert head is not None
        first = head[0]
        assert first.attrib.get("http-equiv") == "Content-Security-Policy", name
        assert text.encode("utf-8").find(b'<meta charset="utf-8">') < 1024, name
        descriptions = [m.attrib.get("content") for m in head.iter(f"{XHTML}meta")
                        if m.attrib.get("name") == "description"]
        assert descriptions == [DESCRIPTION], name


def test_the_pdf_shows_the_data_as_text(site: Path, tmp_path: Path) -> None:
    code_yaml = site.parent / "mini" / "content" / "data" / "code.yaml"
    code = build_code(code_yaml, code_yaml.parent)
    page = version_html(Templates(), code, code.version("1.0"), "https://fixture.example.org/",
                        COUNCIL)
    root = parse(page)
    assert injected(root) == []
    assert text_of(root.find(f".//{XHTML}title")).startswith(f"{COUNCIL}: {CODE_TITLE}")


@pytest.mark.parametrize(("value", "written"), [
    ('Fish & Chips "Code"', "Fish &amp; Chips &quot;Code&quot;"),
    ("<i data-inj> 'x'", "&lt;i data-inj&gt; &#x27;x&#x27;"),
    ("[link](javascript:alert(1))", "&#91;link&#93;&#40;javascript:alert&#40;1&#41;&#41;"),
    ("Name {: data-inj }", "Name &#123;: data-inj &#125;"),
    ("*em* and _em_ and `code`", "&#42;em&#42; and &#95;em&#95; and &#96;code&#96;"),
    ("1. a list", "1&#46; a list"),
    (" 12) a list", " 12&#41; a list"),
    ("= a heading's underline", "&#61; a heading&#x27;s underline"),
    ("- a list", "&#45; a list"),
    ("two\n\n# paragraphs", "two &#35; paragraphs"),
    ("1 October 2019", "1 October 2019"),
])
def test_a_value_is_written_into_markdown_as_text(value: str, written: str) -> None:
    assert markdown_text(value) == written


def test_a_macros_html_is_kept_with_its_texts_marks_as_references() -> None:
    laid_out = Markup('<a href="https://x.org/a_b#c" class="k__l">[j](javascript:x) '
                      "&#x27;*x*&amp;</a>")
    assert markdown_text(laid_out) is laid_out
    assert markdown_html(laid_out) == (
        '<a href="https://x.org/a_b#c" class="k__l">&#91;j&#93;(javascript:x) '
        "&#x27;&#42;x&#42;&amp;</a>")
