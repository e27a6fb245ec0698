"""The templates that lay out the Code: a site replaces one by name, for its pages and its PDF;
a broken template stops the build with one line; hand-written pages show clauses with them."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from testkit import FIXTURES, mkdocs_build

from macros.compute.views import Link, RichText
from macros.model import inline
from macros.render.environment import TEMPLATES, Templates

MARKER = "Checked against the Council's register"
CLAUSES = {"1.0": 6, "2.0": 6}  # clauses of each version of the golden fixture


def council(tmp_path: Path, pdf: bool = False, templates: dict[str, str] | None = None,
            pages: dict[str, str] | None = None) -> Path:
    """A copy of the golden fixture council with its own theme overrides, site templates
    (`overrides/clauses/<name>`) and extra hand-written pages; returns its mkdocs.yml."""
    site = tmp_path / "council"
    shutil.copytree(FIXTURES / "golden", site)
    (site / "overrides").mkdir()
    for name, text in (templates or {}).items():
        path = site / "overrides" / "clauses" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in (pages or {}).items():
        (site / "content" / "pages" / name).write_text(text, encoding="utf-8")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    if pdf:
        text = text.replace("pdf: false", "pdf: true")
    config.write_text(text, encoding="utf-8")
    return config


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return " ".join(out.split())


def test_a_site_template_replaces_the_clause_on_every_page_and_in_the_pdf(
        tmp_path: Path) -> None:
    package = (TEMPLATES / "clause.html.jinja").read_text(encoding="utf-8")
    assert "{{ inline(clause.text) }}" in package
    own = package.replace("{{ inline(clause.text) }}",
                          '{{ inline(clause.text) }}<p class="council-note">' + MARKER + "</p>")
    config = council(tmp_path, pdf=True, templates={"clause.html.jinja": own},
                     pages={"tone.md": '# Tone\n\n{{ clause("tone") }}\n'})
    out = tmp_path / "site"
    result = mkdocs_build(config, out)
    assert result.returncode == 0, result.stderr
    for version, count in CLAUSES.items():
        page = (out / "code" / version / "index.html").read_text(encoding="utf-8")
        assert page.count(MARKER) == count
        assert pdf_text(out / "code" / version / f"code-{version}.pdf").count(MARKER) == count
    assert (out / "code" / "index.html").read_text(encoding="utf-8").count(MARKER) == 6
    assert (out / "tone" / "index.html").read_text(encoding="utf-8").count(MARKER) == 1


def test_a_template_with_an_unknown_value_stops_the_build_naming_file_and_line(
        tmp_path: Path) -> None:
    broken = "{% set p = clause.provenance %}\n<p>{{ clause.wording }}</p>\n"
    config = council(tmp_path, templates={"provenance.html.jinja": broken})
    result = mkdocs_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    lines = [line for line in output.splitlines() if "provenance.html.jinja" in line]
    assert len(lines) == 1, output
    assert re.search(r"overrides/clauses/provenance\.html\.jinja:2: .*'wording'\. Fix: ",
                     lines[0]), lines[0]
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_a_template_that_is_not_jinja_stops_the_build_naming_file_and_line(
        tmp_path: Path) -> None:
    config = council(tmp_path, pdf=True, templates={"pdf/cover.html.jinja": "<p>\n{% if %}\n"})
    result = mkdocs_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "overrides/clauses/pdf/cover.html.jinja:2: " in output
    assert "Fix: correct the template's Jinja syntax" in output
    assert "Traceback" not in output


Node = tuple[str, tuple[tuple[str, str | None], ...], str]
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class _Element(HTMLParser):
    """The element with a given id and everything in it, as (tag, attributes, text) in
    order, each link made absolute from the page's own address."""

    def __init__(self, wanted: str, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted, self.page, self.depth = wanted, page, 0
        self.found: list[Node] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0 and ("id", self.wanted) not in attrs:
            return
        self.depth += tag not in VOID
        self.found.append((tag, tuple(
            (name, urljoin(self.page, value) if name == "href" and value else value)
            for name, value in attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        self.depth -= bool(self.depth) and tag not in VOID

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.found.append(("", (), " ".join(data.split())))


def element(html: Path, page: str, wanted: str) -> list[Node]:
    parser = _Element(wanted, "https://fixture.example.org/" + page)
    parser.feed(html.read_text(encoding="utf-8"))
    assert parser.found, f"no element with id '{wanted}' in {html}"
    return parser.found


def test_hand_written_pages_show_clauses_and_sections_as_the_version_page_does(
        tmp_path: Path) -> None:
    page = ('# The Code on a page\n\n{{ version_in_force() }}\n\n{{ clause("safety") }}\n\n'
            '{{ section("general", version="2.0") }}\n')
    config = council(tmp_path, pages={"shown.md": page})
    out = tmp_path / "site"
    result = mkdocs_build(config, out)
    assert result.returncode == 0, result.stderr
    shown = out / "shown" / "index.html"
    assert (element(shown, "shown/", "safety")
            == element(out / "code" / "1.0" / "index.html", "code/1.0/", "safety"))
    assert (element(shown, "shown/", "general")
            == element(out / "code" / "2.0" / "index.html", "code/2.0/", "general"))
    text = shown.read_text(encoding="utf-8")
    assert "In force: version 1.0 was approved by the Fixture Committee" in text


def test_an_unknown_clause_on_a_hand_written_page_fails_the_build(tmp_path: Path) -> None:
    config = council(tmp_path, pages={"shown.md": '{{ clause("tonne") }}\n'})
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert ("content/pages/shown.md:1: clause 'tonne': is not a clause of version 1.0. Did "
            "you mean 'tone'? Fix: use the key of a clause in content/data/versions/1.0.yaml"
            ) in output.splitlines()
    assert "Traceback" not in output


def xref(key: str) -> Link:
    return Link(f"#{key}", f"clause {key}")


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Plain text.", "<p>Plain text.</p>"),
        ("One\nline, two\n\nParagraph two.", "<p>One line, two</p><p>Paragraph two.</p>"),
        ("**Do** and *do not*.", "<p><strong>Do</strong> and <em>do not</em>.</p>"),
        ("See [[x-key]].", '<p>See <a class="smc-xref" href="#x-key">clause x-key</a>.</p>'),
        ("**[[x-key]]** [*a*](https://a.org)",
         '<p><strong><a class="smc-xref" href="#x-key">clause x-key</a></strong> '
         '<a href="https://a.org" rel="noopener"><em>a</em></a></p>'),
        ("[LGA](https://www.local.gov.uk/a?b=1&c=2)",
         '<p><a href="https://www.local.gov.uk/a?b=1&amp;c=2" rel="noopener">LGA</a></p>'),
        ("[email](mailto:a@b.org)", '<p><a href="mailto:a@b.org">email</a></p>'),
        ('a "friend" & council\'s', "<p>a &quot;friend&quot; &amp; council&#x27;s</p>"),
        ("{{ config }} and {% if x %}", "<p>{{ config }} and {% if x %}</p>"),
        ("5 < 6 and 7 > 2", "<p>5 &lt; 6 and 7 &gt; 2</p>"),
    ],
)
def test_clause_text_is_laid_out_by_the_inline_template(text: str, html: str) -> None:
    layout = Templates().env.from_string("{{ inline(text) }}")
    assert layout.render(text=RichText(inline.parse(text), xref)) == html
