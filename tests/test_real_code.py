"""The real version 1.0: quoted passages word for word, every clause reachable by both anchors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from htmlpage import read_page
from testkit import ROOT

from macros.compute.code import build_code
from macros.export.schema import SCHEMAS, schema_text

# Every passage of the 27 June 2019 Code that the committee report quotes (para 2.2).
QUOTED_IN_REPORT = [
    "Councillors must ensure that they use social media sensibly and responsibly and that their "
    "use will not adversely affect the council or its business, nor be damaging to the "
    "council's reputation and credibility.",
    "Do not do anything to jeopardise the council's obligations under the Freedom of Information "
    "Act and Data Protection Act such as citing or referencing residents, partners or suppliers "
    "without their written approval. Be aware that content on such social media websites may be "
    "subject to Freedom of Information requests.",
    "Do not provide references for individuals on social or professional networking sites as this "
    "creates a legal liability.",
    "Do be mindful that what you publish will be in the public domain for a long time and can't "
    "be easily retracted once published.",
    'Do exercise caution in requesting or accepting a Council employee or contractor providing '
    'services to the Council as a "friend" on a social networking site where this can suggest '
    "close personal association.",
    "Make use of stringent privacy settings if you don't want your social media to be accessed by "
    "the press or public. Read the terms of service of any social media site accessed and make "
    "sure you understand their confidentiality/privacy settings.",
    "It is recommended that in the case of Facebook, councillors wishing to keep their personal "
    "life and role as a councillor separate create a Facebook page which members of the public "
    "can like rather than using their personal profiles.",
]

MANIFEST = ROOT / "content" / "data" / "code.yaml"


@pytest.fixture(scope="module")
def version_one():
    return build_code(MANIFEST, ROOT).version("1.0")


def test_version_one_metadata(version_one) -> None:
    v = version_one.version
    assert (v.status.value, v.body, str(v.approved_on)) == (
        "adopted", "Constitution and Ethics Committee", "2019-06-27")


@pytest.mark.parametrize("passage", QUOTED_IN_REPORT, ids=lambda p: p[:30])
def test_quoted_passage_is_a_verbatim_clause(version_one, passage: str) -> None:
    matches = [c for c in version_one.clauses() if c.clause.text == passage]
    assert len(matches) == 1, "passage missing or altered"
    assert matches[0].clause.provenance.kind.value == "verbatim"


def test_every_other_clause_is_marked_reconstructed(version_one) -> None:
    for clause in version_one.clauses():
        kind = clause.clause.provenance.kind.value
        if clause.clause.text not in QUOTED_IN_REPORT:
            assert kind == "reconstructed", clause.key
            assert clause.clause.provenance.source


@pytest.mark.parametrize("passage", QUOTED_IN_REPORT, ids=lambda p: p[:30])
def test_quoted_passage_appears_word_for_word_on_the_page(real_site: Path, passage: str) -> None:
    assert passage in read_page(real_site / "code" / "1.0" / "index.html").text


def test_every_clause_reachable_by_number_and_key(real_site: Path, version_one) -> None:
    ids = read_page(real_site / "code" / "1.0" / "index.html").ids
    for clause in version_one.clauses():
        assert clause.target.anchor in ids
        assert clause.key in ids
        for item in clause.items:
            assert {item.target.anchor, item.target.key} <= ids


def test_reconstructed_clauses_say_so_on_the_page(real_site: Path, version_one) -> None:
    text = read_page(real_site / "code" / "1.0" / "index.html").text
    reconstructed = [c for c in version_one.clauses()
                     if c.clause.provenance.kind.value == "reconstructed"]
    assert text.count("wording reconstructed") == len(reconstructed)  # beside each number
    assert text.count("Wording reconstructed.") == len(reconstructed)  # the note it links to


def test_published_schemas_match_the_models() -> None:
    folder = ROOT / "content" / "pages" / "schema"
    for name in SCHEMAS:
        assert (folder / name).read_text(encoding="utf-8") == schema_text(name), (
            f"{name} is out of date: run .venv/bin/python -m macros schema")


def test_data_files_point_editors_at_their_schema() -> None:
    data = ROOT / "content" / "data"
    for path in [*data.glob("versions/*.yaml"), data / "guidance.yaml", data / "code.yaml"]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=../"), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path} points at a missing schema"
        assert yaml.safe_load(path.read_text(encoding="utf-8"))
