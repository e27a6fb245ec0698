"""The records as the loader reads them: one exact problem line for each kind of fault in
the data's shape, every fault of a file together, and records that are immutable, stripped
and typed; the export documents written as JSON and read back unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError
from testkit import VERSION_HEAD

from macros.export.changes_json import (
    Answer,
    ChangeCounts,
    ChangesDocument,
    ExportChange,
    Placement,
    RedlinePart,
)
from macros.export.version_json import to_json
from macros.load.loader import load_model
from macros.load.settings import Contact
from macros.model.comments import Consultation
from macros.model.records import (
    Citation,
    GuidanceList,
    Manifest,
    Provenance,
    ProvenanceKind,
    Status,
    Version,
    validate,
)

GOOD = VERSION_HEAD + """\
  - key: one
    title: One
    clauses:
      - key: alpha
        text: Alpha.
        provenance: {kind: drafted}
"""
SCHEMA_FIX = "Fix: correct the value; the schema in content/pages/schema/ lists what is allowed"


def problems(tmp_path: Path, text: str, model: type[object] = Version) -> list[str]:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_model(path, "data.yaml", model)
    assert isinstance(result, list), "the data was accepted"
    return [str(p) for p in result]


# (text replaced in GOOD, its replacement, the one problem line expected)
CASES = {
    "a value not among the choices": (
        "{kind: drafted}", "{kind: invented}",
        "data.yaml:13: clause 'alpha': field 'kind': must be 'verbatim', 'reconstructed' or "
        f"'drafted'. {SCHEMA_FIX}"),
    "a source in the old form, a paragraph without its document": (
        "{kind: drafted}", '{kind: verbatim, source: "2.2"}',
        "data.yaml:13: clause 'alpha': source '2.2' names a place but not the document it is in "
        "(the old form). Fix: name the document, listed once under 'documents:' in "
        "content/data/code.yaml, and the place in it, e.g. "
        "source: {document: report, at: paragraph 2.2}"),
    "empty text": (
        "text: Alpha.", 'text: "  "',
        f"data.yaml:12: clause 'alpha': field 'text': must not be empty. {SCHEMA_FIX}"),
    "no value at all": (
        "text: Alpha.", "text:",
        "data.yaml:12: clause 'alpha': field 'text' is empty. Fix: write a value after 'text:'"),
    "a list where text belongs": (
        "text: Alpha.", "text: [a, b]",
        "data.yaml:12: clause 'alpha': field 'text' must be text, not a list. "
        "Fix: write the text after the colon, in quotes if it starts with [ { or *"),
    "text where a list belongs": (
        "text: Alpha.", "text: Alpha.\n        items: x",
        "data.yaml:13: clause 'alpha': field 'items' must be a list (lines starting with '- '), "
        "not 'x'. Fix: write each entry of 'items' on its own line starting with '- '"),
    "text where fields belong": (
        "provenance: {kind: drafted}", "provenance: drafted",
        "data.yaml:13: clause 'alpha': field 'provenance' must be a set of fields (name: value "
        "lines), not 'drafted'. Fix: write the fields as the schema in content/pages/schema/ "
        "shows"),
    "a date in another form": (
        "approved_on: 2020-01-01", "approved_on: 01/10/2019",
        "data.yaml:5: field 'approved_on' must be a date written YYYY-MM-DD, not '01/10/2019'. "
        "Fix: write the date as YYYY-MM-DD, e.g. 2019-10-01"),
    "a number for a date": (
        "approved_on: 2020-01-01", "approved_on: 20191001",
        "data.yaml:5: field 'approved_on' must be a date written YYYY-MM-DD, not '20191001'. "
        "Fix: write the date as YYYY-MM-DD, e.g. 2019-10-01"),
    "a quoted date that does not exist": (
        "approved_on: 2020-01-01", "approved_on: '2019-02-30'",
        "data.yaml:5: field 'approved_on' must be a date written YYYY-MM-DD, not '2019-02-30'. "
        "Fix: write the date as YYYY-MM-DD, e.g. 2019-10-01"),
    "an unknown field named by a number": (
        "text: Alpha.", "text: Alpha.\n        1: x",
        "data.yaml:13: clause 'alpha': unknown field '1'. "
        "Fix: remove it or use one of: key, text, provenance, items, refs, guidance, change"),
    "an unknown field in a nested record": (
        "{kind: drafted}", '{kind: drafted, sourse: "2.2"}',
        "data.yaml:13: clause 'alpha': unknown field 'sourse'. Did you mean 'source'? "
        "Fix: remove it or use one of: kind, source, note"),
    "a bad key in a list": (
        "text: Alpha.", "text: Alpha.\n        refs: [Bad Key]",
        "data.yaml:13: clause 'alpha': 'Bad Key' is not a valid key. Fix: use lower-case "
        "letters and digits joined by single hyphens, e.g. 'facebook-page'"),
}


@pytest.mark.parametrize("name", CASES)
def test_each_kind_of_fault_is_one_exact_line(tmp_path: Path, name: str) -> None:
    old, new, expected = CASES[name]
    assert old in GOOD
    assert problems(tmp_path, GOOD.replace(old, new, 1)) == [expected]


def test_every_fault_of_a_file_is_reported_together_in_field_order(tmp_path: Path) -> None:
    broken = (GOOD.replace("approved_on: 2020-01-01", "approved_on: someday")
              .replace("title: One", "title: ''").replace("text: Alpha.", "txt: Alpha.")
              .replace("{kind: drafted}", "{kind: verbatim}"))
    assert problems(tmp_path, broken) == [
        "data.yaml:5: field 'approved_on' must be a date written YYYY-MM-DD, not 'someday'. "
        "Fix: write the date as YYYY-MM-DD, e.g. 2019-10-01",
        f"data.yaml:9: section 'one': field 'title': must not be empty. {SCHEMA_FIX}",
        "data.yaml:11: clause 'alpha': missing required field 'text'. "
        "Fix: add 'text:' with a value",
        "data.yaml:13: clause 'alpha': field 'provenance': a verbatim clause needs 'source': the "
        f"document it comes from. {SCHEMA_FIX}",
        "data.yaml:12: clause 'alpha': unknown field 'txt'. Did you mean 'text'? "
        "Fix: remove it or use one of: key, text, provenance, items, refs, guidance, change",
    ]


COMMENTS = """\
rounds:
  - reviewed_version: "1.0"
    answered_by: "2.0"
    source: the report
    comments:
      - id: ann
        member: Cllr Ann
        topic: The reputation clause
        paragraph: "4.2"
        kind: quoted
        words: Too vague.
        response: {status: addressed, text: Reworded.}
"""


def test_a_list_that_must_not_be_empty(tmp_path: Path) -> None:
    manifest = "title: T\ndocuments: [{id: r, title: R}]\nversions: []\n"
    assert problems(tmp_path, manifest, Manifest) == [
        f"data.yaml:3: field 'versions': must not be empty. {SCHEMA_FIX}"]
    # A list whose only entry is wrong is not also said to be empty.
    assert problems(tmp_path, COMMENTS.replace("addressed", "done"), Consultation) == [
        "data.yaml:12: comment 'ann': field 'status': must be 'addressed', 'partly-addressed', "
        f"'not-addressed' or 'for-committee'. {SCHEMA_FIX}"]


def test_text_over_its_limit(tmp_path: Path) -> None:
    guidance = ("guidance:\n  - {id: help, title: Help, publisher: P, "
                "cited_in: [{document: report, at: paragraph 3.1}], "
                f"summary: S., callout: {'x' * 81}}}\n")
    assert problems(tmp_path, guidance, GuidanceList) == [
        "data.yaml:2: guidance 'help': field 'callout' is 81 characters long; the limit is 80. "
        "Fix: shorten it to at most 80 characters"]


def test_valid_data_becomes_typed_immutable_records(tmp_path: Path) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(GOOD.replace("title: One", "title: '  One  '").replace(
        "{kind: drafted}", '{kind: verbatim, source: {document: report, at: " paragraph 2.2 "}}\n'
        '        refs: [beta]'),
        encoding="utf-8")
    loaded = load_model(path, "v.yaml", Version)
    assert not isinstance(loaded, list)
    version = loaded.model
    assert version.approved_on == dt.date(2020, 1, 1) and version.status is Status.adopted
    section = version.sections[0]
    assert section.title == "One"  # stripped
    clause = section.clauses[0]
    assert clause.provenance == Provenance(
        kind=ProvenanceKind.verbatim, source=Citation(document="report", at="paragraph 2.2"))
    assert clause.refs == ("beta",) and clause.items == () and clause.change is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        clause.key = "other"  # type: ignore[misc]


def test_a_date_may_be_quoted_text_but_never_a_number() -> None:
    head = {"id": "1.0", "title": "T", "status": "adopted", "body": "B", "summary": "S.",
            "sections": []}
    made = validate(Version, {**head, "approved_on": "2020-01-31"})
    assert made.approved_on == dt.date(2020, 1, 31)
    for wrong in (0, 20200131, "31/01/2020", dt.datetime(2020, 1, 31, 9, 30)):
        with pytest.raises(ValidationError):
            validate(Version, {**head, "approved_on": wrong})


def test_rules_across_fields_hold_however_a_record_is_made() -> None:
    with pytest.raises(ValueError, match="a verbatim clause needs 'source'"):
        Provenance(kind=ProvenanceKind.verbatim)
    with pytest.raises(ValueError, match="give at least one of 'email', 'phone' or 'address'"):
        Contact(post="Monitoring Officer")


def changes_document() -> ChangesDocument:
    placed = Placement(version="2.0", number="2.1", anchor="clause-2.1",
                       url="https://example.org/code/2.0/#clause-2.1", section_number="2",
                       section_title="Café rules")
    return ChangesDocument(
        schema_uri="https://example.org/schema/code-changes.schema.json", council="C",
        code_title="Code", version="2.0", status=Status.draft,
        version_url="https://example.org/code/2.0/", previous="1.0",
        previous_url="https://example.org/code/1.0/",
        counts=ChangeCounts(added=1, removed=0, reworded=0, moved_or_renumbered=0, unchanged=3),
        changes=(ExportChange(key="alpha", kinds=("added",), old=None, new=placed,
                              reason="New.", answers=(Answer(id="ann"),),
                              redline=(RedlinePart(op="insert", text="Alpha."),)),),
    )


def test_an_export_document_is_written_as_published_and_read_back_unchanged() -> None:
    document = changes_document()
    raw = to_json(document)
    data = json.loads(raw)
    assert list(data)[:2] == ["$schema", "council"]
    assert data["status"] == "draft" and data["changes"][0]["old"] is None
    assert data["changes"][0]["kinds"] == ["added"]
    assert data["changes"][0]["answers"] == [{"id": "ann", "url": None}]
    assert "Café rules" in raw.decode() and raw.endswith(b"}\n")
    assert raw == (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
    assert validate(ChangesDocument, data) == document
    with pytest.raises(ValidationError):
        validate(ChangesDocument, {**data, "colour": "red"})
