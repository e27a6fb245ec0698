"""The committee paper: each version's changes as a "tracked changes" PDF.

The two-version fixture is built with MkDocs; the paper of version 2.0 is read back with
poppler's pdftotext (its text, page by page) and pypdf (its tags, language, title and links),
and the version page and `changes/` are read for the links to it.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from htmlpage import read_page
from pypdf import PdfReader
from testkit import FIXTURES, built, pdf_pages

from macros.compute.code import build_code
from macros.compute.urlrecord import download_paths
from macros.compute.urls import changes_json_path, changes_pdf_path
from macros.export.downloads import build_downloads
from macros.export.paper import changes_pdf
from macros.render.environment import Templates

TWO = FIXTURES / "two-versions"
URL = "https://fixture.example.org/"
PAPER = "code/2.0/changes-2.0.pdf"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(TWO / "mkdocs.yml", tmp_path_factory.mktemp("two-versions-paper"))


@pytest.fixture(scope="module")
def pages(site: Path) -> list[str]:
    return pdf_pages(site / PAPER)


@pytest.fixture(scope="module")
def text(pages: list[str]) -> str:
    return " ".join(pages)


def test_the_paper_is_published_at_its_lasting_path_and_recorded(site: Path) -> None:
    assert changes_pdf_path("2.0") == PAPER
    assert changes_json_path("2.0") != PAPER  # beside the changes as JSON
    assert (site / PAPER).read_bytes().startswith(b"%PDF-")
    assert not list(site.glob("code/1.0/changes-*"))  # the first version changed nothing
    code = build_code(TWO / "content" / "data" / "code.yaml", TWO)
    paths = list(download_paths(code))
    assert PAPER in paths and "code/1.0/changes-1.0.pdf" not in paths
    recorded = (TWO / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert PAPER in recorded


def test_the_version_page_offers_the_paper_with_its_size(site: Path) -> None:
    size = math.ceil((site / PAPER).stat().st_size / 1024)
    for path, href in (("code/2.0", "changes-2.0.pdf"), ("code/1.0", None)):
        page = read_page(site / path / "index.html")
        offered = [h for h, a in page.links if "smc-download" in (a.get("class") or "")]
        if href is None:
            assert not [h for h in offered if "changes-" in h and h.endswith(".pdf")]
            continue
        assert href in offered
        assert (site / path / href).resolve() == (site / PAPER).resolve()
        assert f"Download changes as PDF ({size} KB)" in page.text
        assert next(a for h, a in page.links if h == href)["type"] == "application/pdf"


def test_changes_page_links_the_paper_in_the_version_section(site: Path) -> None:
    html = (site / "changes" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="changes-2.0"'):]
    assert 'href="../code/2.0/changes-2.0.pdf"' in section
    size = math.ceil((site / PAPER).stat().st_size / 1024)
    assert f"Download changes as PDF ({size} KB)" in read_page(site / "changes" /
                                                                 "index.html").text


def test_cover_names_council_code_versions_status_date_and_counts(pages: list[str]) -> None:
    cover = pages[0]
    for words in ("Fixture District Council", "Fixture Code",
                  "Changes from version 1.0 to version 2.0",
                  "Status Version 2.0: DRAFT, not adopted", "Prepared for Fixture Committee",
                  "Meeting date 1 June 2020", "Compared with Version 1.0 (in force)",
                  "Added: 1", "Removed: 1", "Reworded: 3", "Moved or renumbered: 4",
                  "Unchanged: 1", "How to read this paper", "[deleted: …]", "[inserted: …]",
                  "Be [deleted: polite] [inserted: courteous] online."):
        assert words in cover, words


def test_every_changed_clause_is_there_by_number(text: str) -> None:
    for words in ("Clause 1.2 of version 2.0 New wording: Behave online as you behave in "
                  "real life.",
                  "Clause 1.3 of version 1.0 (removed) Its wording in version 1.0: Do not "
                  "criticise the council.",
                  "Clause 1.3 of version 2.0 (was clause 1.2 of version 1.0)",
                  "Clause 2.2 of version 2.0 (was clause 2.3 of version 1.0)",
                  "Clause 3.1 of version 2.0 (was clause 2.1 of version 1.0)",
                  "Moved: clause 2.1 in version 1.0 → clause 3.1 in version 2.0 (from section 2 "
                  "Your accounts to section 3 Privacy).",
                  "Clause numbers that changed from version 1.0 to version 2.0",
                  "2.2 2.1 renumbered Renumbered only"):
        assert words in text, words


def test_rewording_is_marked_inserted_and_deleted_in_words(text: str) -> None:
    assert ("Be [deleted: polite] [inserted: courteous] online, as you are in [deleted: person.] "
            "[inserted: person, and criticise policies, not people.] See clause 2.2.") in text
    assert "(a) [deleted: save] [inserted: keep] the messages; and" in text


def test_each_change_gives_its_reason_and_the_comments_it_answers(text: str) -> None:
    for words in ("Why: New, in the words a member proposed. Answers these comments from the "
                  "consultation",
                  "Cllr A: One plain statement (comment member-a-statement)",
                  "Why: Councillors must be free to criticise the council. Answers these "
                  "comments from the consultation",
                  "Cllr B: Criticising the council (comment member-b-criticism)",
                  "Why: Keep, not only save, the messages.",
                  "Cllr A: Privacy settings (comment member-a-privacy)",
                  "Answers: member-a-privacy (Privacy settings)."):
        assert words in text, words


def test_every_page_gives_the_status_and_page_x_of_y(pages: list[str]) -> None:
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Fixture Code: changes from version 1.0 to 2.0" in page
        assert "Version 2.0: DRAFT, NOT ADOPTED" in page, number
        assert f"Page {number} of {len(pages)}" in page
        assert f"{URL}changes/#changes-2.0" in page


def test_the_paper_is_tagged_with_language_title_and_full_links(site: Path) -> None:
    reader = PdfReader(site / PAPER)
    assert reader.metadata.title == ("Fixture District Council: Fixture Code, changes from "
                                     "version 1.0 to version 2.0 (DRAFT, not adopted)")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    links = {annot.get_object().get("/A", {}).get("/URI")
             for page in reader.pages for annot in page.get("/Annots", ())
             if annot.get_object().get("/Subtype") == "/Link"}
    external = {link for link in links if link}
    assert f"{URL}code/2.0/#clause-1.2" in external
    assert f"{URL}consultation/#member-b-criticism" in external
    assert all(link.startswith(URL) for link in external), external
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == ["How to read this paper", "Added (1)", "Removed (1)", "Reworded (3)",
                   "Moved or renumbered (4)"]


def test_the_paper_comes_after_the_version_pdf_and_only_with_the_pdfs() -> None:
    code = build_code(TWO / "content" / "data" / "code.yaml", TWO)
    files = build_downloads(Templates(), code, URL, "Fixture District Council")
    assert [d.kind for d in files["1.0"]] == ["pdf", "json"]
    assert [d.kind for d in files["2.0"]] == ["pdf", "paper", "json", "changes"]
    paper = next(d for d in files["2.0"] if d.kind == "paper")
    assert (paper.path, paper.mime) == (PAPER, "application/pdf")
    without = build_downloads(Templates(), code, URL, "Fixture District Council", pdf=False)
    assert [d.kind for d in without["2.0"]] == ["json", "changes"]


def test_an_adopted_version_says_so_on_every_page(tmp_path: Path) -> None:
    fixture = tmp_path / "two-versions"
    shutil.copytree(TWO / "content", fixture / "content")
    versions = fixture / "content" / "data" / "versions"
    for name, old, new in (("1.0.yaml", "status: adopted", "status: superseded\n"
                            "superseded_on: 2020-06-01"),
                           ("2.0.yaml", "status: draft", "status: adopted\n"
                            "approved_on: 2020-06-01")):
        path = versions / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code = build_code(fixture / "content" / "data" / "code.yaml", fixture)
    changes = code.changelog.for_version("2.0")
    assert changes is not None
    pdf = tmp_path / "changes-2.0.pdf"
    pdf.write_bytes(changes_pdf(Templates(), code, changes, URL, "Fixture District Council"))
    pages = pdf_pages(pdf)
    for number, page in enumerate(pages, start=1):
        assert "Version 2.0: In force" in page
        assert f"Page {number} of {len(pages)}" in page
        assert "DRAFT" not in page
    assert "Approved by Fixture Committee Date approved 1 June 2020" in pages[0]
    assert "Compared with Version 1.0 (superseded)" in pages[0]
