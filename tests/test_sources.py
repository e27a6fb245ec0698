"""Where wording comes from: any document, declared once, with a free locator or none.

A clause's `source` and a guidance entry's `cited_in` name a document listed under
`documents:` in the manifest; a wrong id, or data in the form of one committee report
(a bare paragraph number, `source_document:`), is one line with the fix.
"""

from __future__ import annotations

import pytest
from testkit import VERSION_HEAD, CodeDir

from macros.compute.code import build_code
from macros.model.problems import CodeDataError
from macros.render.code_page import PageContext, render_clause
from macros.render.environment import Templates
from macros.render.guidance_page import render_guidance_page

VERSION = VERSION_HEAD + """\
  - key: one
    title: One
    clauses:
      - key: alpha
        text: Alpha.
        provenance: {kind: verbatim, source: {document: report, at: bullet 7}}
      - key: beta
        text: Beta.
        provenance: {kind: reconstructed, source: {document: report}}
"""
VERSION_FILE = "content/data/versions/v1.yaml"


def problems(code_dir: CodeDir) -> list[str]:
    with pytest.raises(CodeDataError) as caught:
        build_code(code_dir.manifest, code_dir.root)
    return [str(p) for p in caught.value.problems]


def test_a_locator_is_any_words_and_may_be_left_out(code_dir: CodeDir) -> None:
    code_dir.version(VERSION)
    code = build_code(code_dir.manifest, code_dir.root)
    version = code.version("1.0")
    alpha, beta = version.sections[0].clauses
    html = [str(render_clause(Templates(), PageContext(code, version, "code/1.0/"), c))
            for c in (alpha, beta)]
    assert "These are the adopted words, as bullet 7 of the test report quotes them." in html[0]
    assert ("We do not have the adopted words of this clause: the test report does not quote "
            "them. So these words are written from what it says about the clause.") in html[1]


def test_a_document_with_a_date_is_named_with_it_unless_its_title_says_it(
        code_dir: CodeDir) -> None:
    code_dir.version(VERSION)
    manifest = code_dir.manifest.read_text(encoding="utf-8")
    code_dir.manifest.write_text(manifest.replace(
        "documents: [{id: report, title: the test report}]",
        "documents:\n  - {id: report, title: the test report, date: 2020-03-01}\n"
        "  - {id: minutes, title: the minutes of 2 March 2020, date: 2020-03-02}"),
        encoding="utf-8")
    (code_dir.data / "guidance.yaml").write_text(
        "guidance:\n  - id: help\n    title: Help\n    publisher: P\n    summary: S.\n"
        "    cited_in: [{document: report, at: page 4}, {document: minutes}]\n",
        encoding="utf-8")
    code = build_code(code_dir.manifest, code_dir.root)
    version = code.version("1.0")
    html = str(render_clause(Templates(), PageContext(code, version, "code/1.0/"),
                             version.sections[0].clauses[0]))
    assert "bullet 7 of the test report of 1 March 2020 quotes them." in html
    page = str(render_guidance_page(Templates(), code.guidance.values(), code.versions,
                                    code.documents, "guidance/", lambda v: "in force"))
    assert ("Cited in page 4 of the test report of 1 March 2020 and the minutes of 2 March 2020."
            in page)
    assert ("No web address is given for it in the test report of 1 March 2020 or the minutes "
            "of 2 March 2020.") in page


def test_an_unknown_document_is_one_line_naming_those_listed(code_dir: CodeDir) -> None:
    code_dir.version(VERSION.replace("{document: report, at: bullet 7}",
                                     "{document: reprt, at: bullet 7}"))
    (code_dir.data / "guidance.yaml").write_text(
        "guidance:\n  - id: help\n    title: Help\n    publisher: P\n    summary: S.\n"
        "    cited_in: [{document: minutes}]\n", encoding="utf-8")
    assert problems(code_dir) == [
        "content/data/guidance.yaml:6: guidance 'help': cited in unknown document 'minutes'. "
        "Fix: use the id of a document listed under 'documents:' in content/data/code.yaml "
        "(report), or add the document there",
        f"{VERSION_FILE}:13: clause 'alpha': unknown source document 'reprt'. Did you mean "
        "'report'? Fix: use the id of a document listed under 'documents:' in "
        "content/data/code.yaml (report), or add the document there",
    ]


def test_a_document_listed_twice_is_one_line(code_dir: CodeDir) -> None:
    code_dir.version(VERSION)
    manifest = code_dir.manifest.read_text(encoding="utf-8")
    code_dir.manifest.write_text(manifest.replace(
        "documents: [{id: report, title: the test report}]",
        "documents:\n  - {id: report, title: the test report}\n"
        "  - {id: report, title: another, url: http://example.org/}"), encoding="utf-8")
    assert problems(code_dir) == [
        "content/data/code.yaml:4: document 'report': duplicate document id 'report' (already "
        "used at line 3). Fix: give every document its own id",
        "content/data/code.yaml:4: document 'report': address 'http://example.org/' does not "
        "start with https://. Fix: give the full https:// address where it is published, or "
        "leave 'url' out if it is not online",
    ]


def test_a_clause_quoted_or_described_needs_a_document(code_dir: CodeDir) -> None:
    code_dir.version(VERSION.replace("{kind: reconstructed, source: {document: report}}",
                                     "{kind: reconstructed}"))
    assert problems(code_dir) == [
        f"{VERSION_FILE}:16: clause 'beta': field 'provenance': a reconstructed clause needs "
        "'source': the document it comes from. Fix: correct the value; the schema in "
        "content/pages/schema/ lists what is allowed"]


def test_the_old_form_of_one_report_is_one_line_each_with_the_new_form(
        code_dir: CodeDir) -> None:
    code_dir.version(VERSION.replace("{document: report, at: bullet 7}", '"2.2"')
                     .replace("{document: report}", "Appendix 3"))
    (code_dir.data / "guidance.yaml").write_text(
        "guidance:\n  - id: help\n    title: Help\n    publisher: P\n    summary: S.\n"
        '    cited_in: "3.1"\n', encoding="utf-8")
    manifest = code_dir.manifest.read_text(encoding="utf-8")
    code_dir.manifest.write_text(manifest.replace(
        "documents: [{id: report, title: the test report}]",
        "source_document: the test report"), encoding="utf-8")
    assert problems(code_dir) == [
        "content/data/code.yaml:2: 'source_document' is the old form: documents are now listed "
        "under 'documents:' and named by id. Fix: replace it with 'documents:', then "
        "'  - id: report' and '    title: the test report', and name it in each clause's "
        "source and guidance's cited_in, e.g. source: {document: report, at: paragraph 2.2}",
    ]
    code_dir.write_manifest()
    assert problems(code_dir) == [
        f"{VERSION_FILE}:13: clause 'alpha': source '2.2' names a place but not the document "
        "it is in (the old form). Fix: name the document, listed once under 'documents:' in "
        "content/data/code.yaml, and the place in it, e.g. "
        "source: {document: report, at: paragraph 2.2}",
        f"{VERSION_FILE}:16: clause 'beta': source 'Appendix 3' names a place but not the "
        "document it is in (the old form). Fix: name the document, listed once under "
        "'documents:' in content/data/code.yaml, and the place in it, e.g. "
        "source: {document: report, at: Appendix 3}",
        "content/data/guidance.yaml:6: guidance 'help': cited_in '3.1' names a place but not "
        "the document it is in (the old form). Fix: list the documents that cite it, each "
        "listed once under 'documents:' in content/data/code.yaml, with the place in it, e.g. "
        "cited_in: [{document: report, at: paragraph 3.1}]",
    ]
