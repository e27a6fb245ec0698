"""Guidance as data: every address well formed, every id unique, each shown where cited."""

from __future__ import annotations

import pytest
from testkit import VERSION_HEAD, CodeDir

from macros.compute.code import build_code
from macros.compute.guidance import url_problem
from macros.compute.versions import status_words
from macros.model.problems import CodeDataError
from macros.render.code_page import PageContext, render_clause
from macros.render.environment import Templates
from macros.render.guidance_page import render_guidance_page

FILE = "content/data/guidance.yaml"

VERSION = VERSION_HEAD + """\
  - key: one
    title: One
    clauses:
      - key: safety
        text: Keep safe.
        provenance: {kind: drafted}
        guidance: [help]
      - key: other
        text: Other.
        provenance: {kind: drafted}
        guidance: [principles]
"""

GUIDANCE = """\
guidance:
  - id: help
    title: Help with abuse
    publisher: Test Association
    url: https://help.example.org/abuse
    cited_in: [{document: report, at: paragraph 3.1}]
    summary: Where to get help.
    callout: Being abused online?
  - id: principles
    title: The Principles
    publisher: A Committee
    cited_in: [{document: report, at: paragraph 2.6}]
    summary: What public office asks.
"""


def problems(code_dir: CodeDir, guidance: str) -> list[str]:
    (code_dir.data / "guidance.yaml").write_text(guidance, encoding="utf-8")
    code_dir.version(VERSION)
    with pytest.raises(CodeDataError) as err:
        build_code(code_dir.manifest, code_dir.root)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize(("bad", "message"), [
    ("http://help.example.org/abuse", "does not start with https://"),
    ("https://help example.org", "contains a space"),
    ("https://localhost/abuse", "has no valid host name (found 'localhost')"),
    ("https://help..example.org/", "has no valid host name (found 'help..example.org')"),
    ("www.local.gov.uk/handling-abuse-social-media", "does not start with https://"),
    ("https://help.example.org:99999/", "has an invalid port"),
])
def test_bad_address_gives_one_exact_line(code_dir: CodeDir, bad: str, message: str) -> None:
    lines = problems(code_dir, GUIDANCE.replace("https://help.example.org/abuse", bad))
    assert lines == [
        f"{FILE}:5: guidance 'help': address '{bad}' {message}. Fix: give the full https:// "
        "address as published, e.g. https://www.local.gov.uk/handling-abuse-social-media, "
        "or leave 'url' out if it has none"
    ]


def test_the_addresses_the_report_cites_are_accepted() -> None:
    for url in ("https://www.local.gov.uk/handling-abuse-social-media",
                "https://www.local.gov.uk/councillors-and-social-media"):
        assert url_problem(url) is None


def test_duplicate_id_names_both_lines(code_dir: CodeDir) -> None:
    doubled = GUIDANCE.replace("  - id: principles", "  - id: help")
    lines = problems(code_dir, doubled)
    assert lines == [
        f"{FILE}:9: guidance 'help': duplicate guidance id 'help' (already used at line 2). "
        "Fix: give every guidance entry its own id",
        # The clause citing the entry that is now gone is reported too.
        "content/data/versions/v1.yaml:18: clause 'other': unknown guidance id 'principles'. "
        "Fix: use an id from content/data/guidance.yaml, or add the guidance there",
    ]


def test_clause_citing_unknown_guidance_fails_the_build(code_dir: CodeDir) -> None:
    lines = problems(code_dir, GUIDANCE.replace("id: principles", "id: principle"))
    assert lines == [
        "content/data/versions/v1.yaml:18: clause 'other': unknown guidance id 'principles'. "
        "Did you mean 'principle'? Fix: use an id from content/data/guidance.yaml, "
        "or add the guidance there"
    ]


def test_clause_shows_its_guidance_and_a_callout_stands_out(code_dir: CodeDir) -> None:
    (code_dir.data / "guidance.yaml").write_text(GUIDANCE, encoding="utf-8")
    code_dir.version(VERSION)
    code = build_code(code_dir.manifest, code_dir.root)
    version = code.version("1.0")
    safety, other = version.clauses()
    ctx = PageContext(code, version, "code/1.0/")
    templates = Templates()
    safety_html = render_clause(templates, ctx, safety)
    assert 'class="smc-guidance smc-guidance--callout"' in safety_html
    assert '<p class="smc-guidance__title">Being abused online?</p>' in safety_html
    assert '<a href="https://help.example.org/abuse" rel="noopener">Help with abuse</a>' \
        in safety_html
    other_html = render_clause(templates, ctx, other)
    assert '<p class="smc-guidance__title">Further guidance</p>' in other_html
    # Guidance with no address links to its entry on the guidance page.
    assert '<a href="../../guidance/#principles">The Principles</a>' in other_html


def test_guidance_page_lists_each_reference_with_the_clauses_citing_it(
        code_dir: CodeDir) -> None:
    (code_dir.data / "guidance.yaml").write_text(GUIDANCE, encoding="utf-8")
    code_dir.version(VERSION)
    code_dir.version(VERSION.replace('"1.0"', '"2.0"').replace("adopted", "draft")
                     .replace("approved_on: 2020-01-01", "prepared_for: 2021-01-01")
                     .replace("guidance: [principles]", "guidance: [help]"))
    code = build_code(code_dir.manifest, code_dir.root)
    html = render_guidance_page(Templates(), code.guidance.values(), code.versions,
                                code.documents, "guidance/",
                                lambda version: status_words(code, version))
    help_entry, principles_entry = html.split('<section class="smc-guidance-entry"')[1:]
    assert '<h2 id="help">Help with abuse</h2>' in help_entry
    assert ('<li>Version 1.0 (in force): <a href="../code/1.0/#clause-1.1">clause 1.1</a></li>'
            in help_entry)
    assert ('<li>Version 2.0 (draft, not adopted): <a href="../code/2.0/#clause-1.1">clause '
            '1.1</a> and <a href="../code/2.0/#clause-1.2">clause 1.2</a></li>' in help_entry)
    assert "Cited in paragraph 3.1 of the test report." in help_entry
    assert '<h2 id="principles">The Principles</h2>' in principles_entry
    assert "No web address is given for it in the test report." in principles_entry
    assert "Version 2.0" not in principles_entry
