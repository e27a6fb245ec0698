"""The PDF and JSON of each version: what a committee clerk prints and what another system reads.

The PDF's text is read back with poppler's pdftotext and pypdf; the JSON is checked
against the published JSON Schema with jsonschema and against the version page.
"""

from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import testkit
from htmlpage import read_page
from pypdf import PdfReader
from testkit import FIXTURES, ROOT, CodeDir, pdf_pages

from macros.compute.code import build_code
from macros.compute.numbering import NumberedVersion
from macros.compute.urlrecord import download_paths
from macros.compute.urls import download_path
from macros.export.changes_json import CHANGES_SCHEMA_NAME, ChangesDocument
from macros.export.downloads import build_downloads
from macros.export.pdf import version_pdf
from macros.export.version_json import SCHEMA_NAME, VersionDocument, to_json
from macros.model import inline
from macros.model.records import validate
from macros.render.environment import Templates

SCHEMA_FILE = ROOT / "content" / "pages" / "schema" / SCHEMA_NAME
FIXTURE_URL = "https://fixture.example.org/"


def reading_order(version: NumberedVersion, site_url: str) -> list[str]:
    """What a reader of the PDF must meet, in order: each number, its URL, its wording."""
    def plain(paragraphs: tuple) -> str:
        text = inline.render_plain(paragraphs, lambda key: version.targets[key].label)
        return " ".join(text.split())

    expected = []
    for section in version.sections:
        expected.append(f"{section.target.number} {section.title}")
        for clause in section.clauses:
            expected += [clause.number, f"{site_url}code/{version.id}/#{clause.target.anchor}",
                         plain(clause.text)]
            for item in clause.items:
                expected += [f"({item.letter})", plain(item.text)]
    return expected


def assert_in_order(text: str, expected: list[str]) -> None:
    pos = 0
    for part in expected:
        found = text.find(part, pos)
        assert found >= 0, f"{part!r} missing or out of order after {text[pos - 80:pos]!r}"
        pos = found + len(part)


def body_text(pages: list[str]) -> str:
    """The text after the cover and contents, where the sections are."""
    return " ".join(pages[2:])


class OrderedIds(HTMLParser):
    """Ids of a page in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs).get("id")
        if found:
            self.ids.append(found)


def ordered_ids(path: Path) -> list[str]:
    parser = OrderedIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


def json_anchors(document: VersionDocument) -> list[str]:
    anchors = []
    for section in document.sections:
        anchors.append(section.anchor)
        for clause in section.clauses:
            anchors.append(clause.anchor)
            anchors += [item.anchor for item in clause.items]
    return anchors


# ---------------------------------------------------------------- the fixture site, built


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return testkit.built(FIXTURES / "mini" / "mkdocs.yml",
                         tmp_path_factory.mktemp("mini-downloads"))


@pytest.fixture(scope="module")
def mini_version() -> NumberedVersion:
    manifest = FIXTURES / "mini" / "content" / "data" / "code.yaml"
    return build_code(manifest).version("1.0")


def test_downloads_are_published_at_their_lasting_paths(built: Path) -> None:
    assert (built / "code" / "1.0" / "code-1.0.pdf").read_bytes().startswith(b"%PDF-")
    document = json.loads((built / "code" / "1.0" / "code-1.0.json").read_text())
    assert document["version"]["pdf_url"] == f"{FIXTURE_URL}code/1.0/code-1.0.pdf"
    assert document["version"]["json_url"] == f"{FIXTURE_URL}code/1.0/code-1.0.json"


@pytest.mark.parametrize("page", ["code/1.0/index.html", "code/index.html"])
def test_version_page_offers_both_files_with_their_real_size(built: Path, page: str) -> None:
    html = read_page(built / page)
    offered = {href: attrs for href, attrs in html.links
               if "smc-download" in (attrs.get("class") or "")}
    assert len(offered) == 2
    text = html.text
    for ext in ("pdf", "json"):
        target = built / download_path("1.0", ext)
        href = next(h for h in offered if h.endswith(f"code-1.0.{ext}"))
        assert (built / page).parent.joinpath(href).resolve() == target.resolve()
        kb = math.ceil(target.stat().st_size / 1024)
        assert f"Download {ext.upper()} ({kb} KB)" in text


def test_schema_is_published_where_the_json_says(built: Path) -> None:
    document = json.loads((built / download_path("1.0", "json")).read_text())
    assert document["$schema"] == f"{FIXTURE_URL}schema/{SCHEMA_NAME}"
    published = built / "schema" / SCHEMA_NAME
    assert published.read_text(encoding="utf-8") == SCHEMA_FILE.read_text(encoding="utf-8")


def test_json_validates_against_the_published_schema(built: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads((built / download_path("1.0", "json")).read_text())
    jsonschema.Draft202012Validator(schema).validate(document)


def test_json_schema_rejects_a_clause_without_a_number(built: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    document = json.loads((built / download_path("1.0", "json")).read_text())
    del document["sections"][0]["clauses"][0]["number"]
    with pytest.raises(jsonschema.ValidationError, match="'number' is a required property"):
        jsonschema.validate(document, schema)


def test_json_round_trips_through_the_models(built: Path) -> None:
    raw = (built / download_path("1.0", "json")).read_bytes()
    assert to_json(validate(VersionDocument, json.loads(raw))) == raw


def test_json_matches_the_version_page(built: Path) -> None:
    document = validate(VersionDocument, json.loads(
        (built / download_path("1.0", "json")).read_bytes()))
    on_page = [i for i in ordered_ids(built / "code" / "1.0" / "index.html")
               if re.fullmatch(r"(section|clause)-[0-9.]+(-[a-z]+)?", i)]
    assert json_anchors(document) == on_page
    ids = set(ordered_ids(built / "code" / "1.0" / "index.html"))
    for section in document.sections:
        for clause in section.clauses:
            assert clause.key in ids
            assert clause.url == f"{FIXTURE_URL}code/1.0/#{clause.anchor}"
            assert clause.anchor == f"clause-{clause.number}"


def test_json_cross_references_give_key_and_number(built: Path) -> None:
    document = json.loads((built / download_path("1.0", "json")).read_text())
    clauses = {c["key"]: c for s in document["sections"] for c in s["clauses"]}
    assert [(r["key"], r["number"], r["context"]) for r in clauses["alpha"]["cross_references"]] \
        == [("gamma", "2.1", "text")]
    assert clauses["gamma"]["cross_references"][0] == {
        "key": "beta-two", "number": "1.2(b)", "context": "see-also",
        "url": f"{FIXTURE_URL}code/1.0/#clause-1.2-b"}
    assert clauses["gamma"]["guidance"] == ["help"]
    assert [g["id"] for g in document["guidance"]] == ["help"]
    assert clauses["beta"]["provenance"] == {
        "kind": "reconstructed", "source": {"document": "report", "at": "paragraph 2.2"},
        "note": "Described only."}


def test_pdf_has_every_clause_in_order_with_its_url(built: Path, mini_version) -> None:
    pages = pdf_pages(built / download_path("1.0", "pdf"))
    assert_in_order(body_text(pages), reading_order(mini_version, FIXTURE_URL))


def test_pdf_shows_provenance_as_the_web_page_does(built: Path) -> None:
    text = " ".join(pdf_pages(built / download_path("1.0", "pdf")))
    assert ("Wording reconstructed. We do not have the adopted words of this clause: the "
            "fixture report of 1 January 2020 does not quote them. So these words are written "
            "from what its paragraph 2.2 says about the clause. Described only.") in text
    assert ("These are the adopted words, as paragraph 2.1 of the fixture report of 1 January "
            "2020 quotes them.") in text
    assert "This wording is new in this version." in text
    assert "1.2 wording reconstructed" in text


def test_pdf_cover_names_council_code_version_status_and_approval(built: Path) -> None:
    cover = pdf_pages(built / download_path("1.0", "pdf"))[0]
    for words in ("Fixture District Council", "Fixture Code", "Version 1.0", "In force",
                  "Approved by Fixture Committee", "Date approved 1 January 2020"):
        assert words in cover


def test_pdf_pages_have_running_header_and_page_x_of_y(built: Path) -> None:
    pages = pdf_pages(built / download_path("1.0", "pdf"))
    for number, text in enumerate(pages, start=1):
        assert "Fixture Code, version 1.0" in text
        assert f"Page {number} of {len(pages)}" in text
        assert "DRAFT" not in text


def test_pdf_metadata_title_language_tags_and_bookmarks(built: Path) -> None:
    reader = PdfReader(built / download_path("1.0", "pdf"))
    assert reader.metadata.title == "Fixture District Council: Fixture Code, version 1.0 (In force)"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    outline = reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == ["Contents", "1 First section", "2 Second section"]
    clauses = [item.title for sub in outline if isinstance(sub, list) for item in sub]
    assert [t.split()[0] for t in clauses] == ["1.1", "1.2", "2.1"]
    assert clauses[0] == "1.1 Alpha clause. See clause 2.1."


# ---------------------------------------------------------------- drafts


DRAFT_CLAUSE = """\
          - key: {key}
            text: >-
              Clause {key} of the draft says something long enough to fill some of a page, so
              that the draft runs over several pages and the mark is checked on each of them.
            provenance: {{kind: drafted}}
"""


def _version(version_id: str, status: str, sections: int, per_section: int) -> str:
    body = [f'id: "{version_id}"', "title: Test Code", f"status: {status}",
            "body: Test Committee",
            f"{'prepared_for' if status == 'draft' else 'approved_on'}: 2020-02-01",
            "summary: A test version.", "sections:"]
    for s in range(sections):
        body += [f"  - key: part-{s}", f"    title: Part {s}", "    clauses:"]
        body += [DRAFT_CLAUSE.format(key=f"c{s}-{c}").rstrip("\n")
                 for c in range(per_section)]
    return "\n".join(body) + "\n"


@pytest.fixture(scope="module")
def draft_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = CodeDir(tmp_path_factory.mktemp("draft-code"))
    folder.version(_version("2.0", "draft", 4, 8))
    code = build_code(folder.manifest)
    path = folder.root / "code-2.0.pdf"
    path.write_bytes(version_pdf(Templates(), code, code.version("2.0"), FIXTURE_URL,
                                 "Test Council"))
    return path


def test_every_page_of_a_draft_says_draft(draft_pdf: Path) -> None:
    pages = pdf_pages(draft_pdf)
    assert len(pages) >= 4
    for number, text in enumerate(pages, start=1):
        assert "DRAFT" in text, f"page {number} has no DRAFT mark"
        assert f"Page {number} of {len(pages)}" in text
    assert "DRAFT, not adopted" in pages[0]
    assert "Draft: version 2.0 has not been adopted." in pages[0]
    assert "Prepared for Test Committee" in pages[0]


def test_draft_title_says_draft(draft_pdf: Path) -> None:
    assert PdfReader(draft_pdf).metadata.title == (
        "Test Council: Test Code, version 2.0 (DRAFT, not adopted)")


# ---------------------------------------------------------------- the real Code

REAL_URL = "https://www.cambridgeshire.gov.uk/social-media-code/"


@pytest.fixture(scope="module")
def real_code():
    return build_code(ROOT / "content" / "data" / "code.yaml", ROOT)


def test_real_pdfs_have_every_clause_with_the_web_numbers(real_site: Path, real_code) -> None:
    assert real_code.version("1.0")
    for version in real_code.versions:
        pages = pdf_pages(real_site / download_path(version.id, "pdf"))
        assert_in_order(body_text(pages), reading_order(version, REAL_URL))
        document = validate(VersionDocument, json.loads(
            (real_site / download_path(version.id, "json")).read_bytes()))
        on_page = [i for i in ordered_ids(real_site / "code" / version.id / "index.html")
                   if re.fullmatch(r"(section|clause)-[0-9.]+(-[a-z]+)?", i)]
        assert json_anchors(document) == on_page


def test_real_drafts_say_draft_on_every_page(real_site: Path, real_code) -> None:
    for version in real_code.versions:
        pages = pdf_pages(real_site / download_path(version.id, "pdf"))
        marked = ["DRAFT, NOT ADOPTED" in text for text in pages]
        assert marked == [version.version.status.value == "draft"] * len(pages), version.id


def test_every_download_path_is_published(real_site: Path, real_code) -> None:
    paths = list(download_paths(real_code))
    assert "code/1.0/code-1.0.pdf" in paths and "code/1.0/code-1.0.json" in paths
    for path in paths:
        assert (real_site / path).is_file(), path


def test_every_published_json_validates(real_site: Path, real_code) -> None:
    schemas = {name: json.loads((real_site / "schema" / name).read_text(encoding="utf-8"))
               for name in (SCHEMA_NAME, CHANGES_SCHEMA_NAME)}
    found = sorted([*real_site.glob("code/*/code-*.json"),
                    *real_site.glob("code/*/changes-*.json")])
    assert {p.name for p in found} >= {f"code-{v.id}.json" for v in real_code.versions}
    for path in found:
        document = json.loads(path.read_text(encoding="utf-8"))
        name = document["$schema"].rsplit("/", 1)[1]
        jsonschema.Draft202012Validator(schemas[name]).validate(document)
    for version in real_code.versions[1:]:
        assert (real_site / "code" / version.id / f"changes-{version.id}.json").is_file()


# ---------------------------------------------------------------- changes between versions

CHANGES_SCHEMA_FILE = ROOT / "content" / "pages" / "schema" / CHANGES_SCHEMA_NAME

OLD = """\
id: "1.0"
title: Test Code
status: adopted
body: Test Committee
approved_on: 2020-01-01
summary: The first version.
sections:
  - key: first
    title: First
    clauses:
      - key: one
        text: One clause.
        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.1}}
      - key: two
        text: Two clause, see [[three]].
        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.1}}
  - key: second
    title: Second
    clauses:
      - key: three
        text: Three clause.
        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.1}}
"""

NEW = """\
id: "2.0"
title: Test Code
status: draft
body: Test Committee
prepared_for: 2020-06-01
summary: The second version.
sections:
  - key: first
    title: First
    clauses:
      - key: two
        text: Two clause, reworded, see [[three]].
        provenance: {kind: drafted}
        change: {reason: Clearer.}
      - key: four
        text: Four clause.
        provenance: {kind: drafted}
        change: {reason: Needed.}
  - key: second
    title: Second
    clauses:
      - key: three
        text: Three clause.
        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.1}}
removed:
  - key: one
    reason: Not needed.
"""


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory):
    folder = CodeDir(tmp_path_factory.mktemp("two-versions"))
    folder.version(OLD)
    folder.version(NEW)
    return build_code(folder.manifest)


@pytest.fixture(scope="module")
def changes_json(two_versions) -> dict:
    files = build_downloads(Templates(), two_versions, FIXTURE_URL, "Test Council")
    assert [d.kind for d in files["1.0"]] == ["pdf", "json"]
    changes = next(d for d in files["2.0"] if d.kind == "changes")
    assert changes.path == "code/2.0/changes-2.0.json"
    return json.loads(changes.content)


def test_changes_json_validates_and_round_trips(changes_json: dict) -> None:
    schema = json.loads(CHANGES_SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(changes_json)
    raw = json.dumps(changes_json, indent=2, ensure_ascii=False) + "\n"
    assert to_json(validate(ChangesDocument, json.loads(raw))).decode() == raw
    assert changes_json["$schema"] == f"{FIXTURE_URL}schema/{CHANGES_SCHEMA_NAME}"


def test_changes_json_lists_each_change_with_numbers_and_reason(changes_json: dict) -> None:
    assert changes_json["counts"] == {"added": 1, "removed": 1, "reworded": 1,
                                      "moved_or_renumbered": 1, "unchanged": 1}
    by_key = {c["key"]: c for c in changes_json["changes"]}
    two = by_key["two"]
    assert two["kinds"] == ["reworded", "renumbered"]
    assert (two["old"]["number"], two["new"]["number"]) == ("1.2", "1.1")
    assert two["new"]["url"] == f"{FIXTURE_URL}code/2.0/#clause-1.1"
    assert two["reason"] == "Clearer."
    assert {"op": "insert", "text": "reworded,"} in two["redline"]
    assert (by_key["four"]["kinds"], by_key["four"]["old"]) == (["added"], None)
    one = by_key["one"]
    assert (one["kinds"], one["new"], one["reason"]) == (["removed"], None, "Not needed.")
    assert one["old"]["url"] == f"{FIXTURE_URL}code/1.0/#clause-1.1"


def test_version_json_points_at_its_changes(two_versions) -> None:
    files = build_downloads(Templates(), two_versions, FIXTURE_URL, "Test Council")
    second = json.loads(next(d for d in files["2.0"] if d.kind == "json").content)
    first = json.loads(next(d for d in files["1.0"] if d.kind == "json").content)
    assert second["version"]["changes_url"] == f"{FIXTURE_URL}code/2.0/changes-2.0.json"
    assert second["version"]["previous"] == "1.0"
    assert first["version"]["changes_url"] is None
    assert second["removed"] == [{"key": "one", "reason": "Not needed.", "answers": []}]
