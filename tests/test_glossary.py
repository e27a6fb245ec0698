"""One glossary file explains abbreviations wherever they appear, including generated HTML."""

from __future__ import annotations

from pathlib import Path

from testkit import ROOT

from macros.load.glossary import Glossary, load_glossary, parse_glossary
from macros.render.abbreviations import Abbreviations
from macros.render.environment import Templates

FILE = "content/data/glossary.md"


def glossary(text: str) -> Abbreviations:
    parsed = parse_glossary(text, FILE)
    assert isinstance(parsed, Glossary), parsed
    return Abbreviations(parsed, Templates())


def test_each_bad_line_is_one_exact_problem() -> None:
    text = ("*[LGA]: Local Government Association\n"
            "LGA - Local Government Association\n"
            "*[F O I]: Freedom of Information\n"
            "*[SMT]:\n"
            "*[LGA]: Again\n")
    problems = parse_glossary(text, FILE)
    assert isinstance(problems, list)
    assert [str(p) for p in problems] == [
        f"{FILE}:2: 'LGA - Local Government Association' is not an abbreviation line. "
        "Fix: write each line as *[ABBR]: What it stands for",
        f"{FILE}:3: F O I: 'F O I' is not a single word. Fix: use letters and digits only, "
        "e.g. *[LGA]: ...",
        f"{FILE}:4: SMT: has no explanation. Fix: write what it stands for after '*[SMT]:'",
        f"{FILE}:5: LGA: 'LGA' is already explained at line 1. "
        "Fix: keep one line per abbreviation",
    ]


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    problems = load_glossary(tmp_path / "glossary.md", FILE)
    assert isinstance(problems, list)
    assert [str(p) for p in problems] == [
        f"{FILE}: the glossary file does not exist. "
        "Fix: create it, or correct the 'glossary' option of the clauses plugin in mkdocs.yml"
    ]


def test_abbreviations_in_text_are_explained() -> None:
    g = glossary("*[FOI]: Freedom of Information\n*[LGA]: Local Government Association\n")
    html = "<p>An FOI request; the LGA's advice.</p>"
    assert g.apply(html) == (
        '<p>An <abbr title="Freedom of Information">FOI</abbr> request; the '
        '<abbr title="Local Government Association">LGA</abbr>\'s advice.</p>')


def test_whole_words_only_and_never_inside_tags_code_or_existing_abbr() -> None:
    g = glossary("*[LGA]: Local Government Association\n*[WLGA]: Welsh LGA\n")
    html = ('<a href="https://x.example/LGA" title="LGA">WLGA and LGA</a> '
            "<code>LGA</code> <abbr title=\"x\">LGA</abbr> LGAs")
    assert g.apply(html) == (
        '<a href="https://x.example/LGA" title="LGA"><abbr title="Welsh LGA">WLGA</abbr> and '
        '<abbr title="Local Government Association">LGA</abbr></a> '
        '<code>LGA</code> <abbr title="x">LGA</abbr> LGAs')


def test_explanations_are_escaped() -> None:
    g = glossary('*[ICO]: Information Commissioner\'s Office "ICO"\n')
    assert g.apply("ICO") == (
        '<abbr title="Information Commissioner&#x27;s Office &quot;ICO&quot;">ICO</abbr>')


def test_the_sites_glossary_explains_the_abbreviations_the_site_uses() -> None:
    loaded = load_glossary(ROOT / FILE, FILE)
    assert isinstance(loaded, Glossary), loaded
    for abbr in ("LGA", "WLGA", "SMT", "Cllr"):
        assert abbr in loaded.terms
    for abbr in ("FOI", "DPA"):  # the report uses them; no page of the site does
        assert abbr not in loaded.terms


def test_comments_preformatted_text_and_drawings_are_left_alone() -> None:
    g = glossary("*[LGA]: Local Government Association\n")
    html = ('<!-- LGA --><pre><code class="x">LGA</code> LGA</pre><svg viewBox="0 0 1 1">'
            '<title>LGA</title><path d="LGA"/></svg><img alt="LGA"/><p>LGA &gt; LGA</p>')
    assert g.apply(html) == html.replace(
        "<p>LGA &gt; LGA</p>",
        '<p><abbr title="Local Government Association">LGA</abbr> &gt; '
        '<abbr title="Local Government Association">LGA</abbr></p>')


def test_a_self_closing_element_does_not_hide_the_text_after_it() -> None:
    g = glossary("*[LGA]: Local Government Association\n")
    assert g.apply('<svg class="i"/><p>LGA</p><svg></svg>') == (
        '<svg class="i"/><p><abbr title="Local Government Association">LGA</abbr></p>'
        "<svg></svg>")


def test_a_word_that_only_ends_with_an_abbreviation_is_left_alone() -> None:
    g = glossary("*[LGA]: Local Government Association\n")
    assert g.apply("<p>XLGA 2LGA _LGA (LGA)</p>") == (
        '<p>XLGA 2LGA _LGA (<abbr title="Local Government Association">LGA</abbr>)</p>')
