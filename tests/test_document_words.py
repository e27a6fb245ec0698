"""A council's own words: the document's name and the fixed sentences follow its settings and data.

The fixture council calls its document a Protocol, quotes a bulleted list that has no
paragraph numbers, keeps no record of members' comments and has no reconstructed wording:
nothing it publishes may say "Code", "consultation" or "reconstructed".
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from htmlpage import read_page
from testkit import FIXTURES, ROOT, built, mkdocs_build, pdf_pages

from macros.compute.code import build_code
from macros.compute.words import site_words

PROTOCOL = FIXTURES / "protocol"
NOT_TRUE_HERE = re.compile(r"\bCode\b|(?i:consultation|reconstructed)")
CODE_WORD = re.compile(r"\bCode\b")  # the word, not the HTML element or the code/ address


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(PROTOCOL / "mkdocs.yml", tmp_path_factory.mktemp("protocol"))


def found(pattern: re.Pattern[str], text: str) -> list[str]:
    """Each match with a little of the text around it, to say where it is."""
    return [text[max(0, m.start() - 40):m.end() + 20] for m in pattern.finditer(text)]


def test_no_page_pdf_or_json_says_what_is_not_true_of_the_council(site: Path) -> None:
    checked = {".html": 0, ".pdf": 0, ".json": 0}
    wrong = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in checked or path.is_relative_to(site / "assets"):
            continue
        checked[path.suffix] += 1
        name = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":
            text = "\n".join(pdf_pages(path))
        else:
            text = path.read_text(encoding="utf-8")
        # The published JSON Schemas describe the data format every council shares: it
        # allows the provenance kind 'reconstructed', though this council's data uses none.
        pattern = CODE_WORD if name.startswith("schema/") else NOT_TRUE_HERE
        if name.startswith("schema/"):
            assert "consultation" not in text.lower(), name
        wrong.extend(f"{name}: {hit!r}" for hit in found(pattern, text))
    assert wrong == []
    # The pages, both versions' PDFs and the changes paper, the JSON and the search index.
    assert checked[".pdf"] == 3 and checked[".html"] >= 8
    assert (site / "search" / "search_index.json").is_file()
    assert checked[".json"] >= 6


def test_the_pages_name_the_document_as_the_council_does(site: Path) -> None:
    current = read_page(site / "code" / "index.html")
    assert "The Protocol in force" in current.text
    assert 'aria-label="Other versions of the Protocol"' in (site / "code" / "index.html"
                                                             ).read_text(encoding="utf-8")
    changes = read_page(site / "changes" / "index.html")
    assert ("This page lists every change between one version of the Protocol and the next."
            ) in changes.text
    assert "Each change gives its reason.Where words changed" in changes.text
    history = read_page(site / "clause" / "threats" / "index.html")
    assert "one clause of the Protocol, whatever its number" in history.text
    home = read_page(site / "index.html")
    assert "What the Protocol expects of councillors online." in home.text


def test_a_bulleted_source_is_cited_by_its_bullets_or_as_a_whole(site: Path) -> None:
    version = read_page(site / "code" / "1.0" / "index.html")
    document = "the Council's do's and don'ts for councillors of 2 May 2023"
    assert f"These are the adopted words, as bullet 1 of {document} quotes them." in version.text
    assert f"These are the adopted words, as {document} quotes them." in version.text  # whole list
    assert "paragraph" not in version.text
    guidance = read_page(site / "guidance" / "index.html")
    assert f"Cited in bullet 7 of {document}." in guidance.text
    data = json.loads((site / "code" / "1.0" / "code-1.0.json").read_text(encoding="utf-8"))
    assert data["documents"] == [{
        "id": "do-and-dont", "title": "the Council's do's and don'ts for councillors",
        "date": "2023-05-02", "url": None, "publisher": "Exampleshire Council"}]
    first = data["sections"][0]["clauses"][0]["provenance"]
    assert first == {"kind": "verbatim", "source": {"document": "do-and-dont", "at": "bullet 1"},
                     "note": None}


def test_the_pdf_says_where_the_wording_comes_from_without_a_kind_it_has_not(site: Path) -> None:
    cover = pdf_pages(site / "code" / "1.1" / "code-1.1.pdf")[0]
    assert ("The wording of each clause says where it comes from: quoted in the Council's do's "
            "and don'ts for councillors of 2 May 2023, or new wording in this version.") in cover
    paper = " ".join(pdf_pages(site / "code" / "1.1" / "changes-1.1.pdf"))
    assert "Under each change, “Why” gives its reason." in paper
    assert "Changes from version 1.0 to version 1.1" in paper


@pytest.mark.parametrize(("given", "shown"), [
    ('"protocol"', "'protocol'"), ('"The Protocol."', "'The Protocol.'"),
    ("[Code]", "a value that is not text"),
])
def test_a_document_name_that_is_not_one_is_one_line_with_the_fix(
        tmp_path: Path, given: str, shown: str) -> None:
    site = tmp_path / "protocol"
    shutil.copytree(PROTOCOL, site)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT}/")
    config.write_text(text.replace("document: Protocol", f"document: {given}"), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "out")
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines()
             if "extra.council.document" in line]
    assert lines == [
        f"mkdocs.yml:40: extra.council.document: {shown} is not a short name for the document. "
        "Fix: write the name the council gives the document, as 'the ... in force' would say "
        "it: one to four words, the first with a capital letter, e.g. 'Code' or 'Protocol'"]
    assert "Traceback" not in result.stdout + result.stderr


def test_the_words_follow_the_data_of_each_council() -> None:
    real = site_words(build_code(ROOT / "content" / "data" / "code.yaml", ROOT),
                      council="The Council")
    assert (real.document, real.consultation, real.reconstructed) == ("Code", True, True)
    assert real.in_force == "The Code in force"
    assert real.changes_intro.endswith("Each change gives its reason, and the members\u2019 "
                                       "comments it answers.")
    assert real.wording_sources == (
        "The wording of each clause says where it comes from: quoted in the report to the "
        "Constitution and Ethics Committee of 1 October 2019, reconstructed from that "
        "document's description, or new wording in this version.")
    mini = site_words(build_code(FIXTURES / "mini" / "content" / "data" / "code.yaml",
                                 FIXTURES / "mini"), "Protocol")
    assert (mini.document, mini.consultation, mini.reconstructed) == ("Protocol", False, True)
    assert mini.comments_title == "Members' comments on the Protocol and the responses"
    assert mini.changes_intro.endswith("Each change gives its reason.")
