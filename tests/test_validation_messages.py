"""Each kind of bad data gives one exact line naming file, line, key and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from testkit import FIXTURES, VERSION_HEAD, CodeDir

from macros.compute.code import build_code
from macros.model.problems import CodeDataError

GOOD = VERSION_HEAD + """\
  - key: one
    title: One
    clauses:
      - key: alpha
        text: Alpha, see [[beta]].
        provenance: {kind: drafted}
      - key: beta
        text: Beta.
        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.2}}
"""
FILE = "content/data/versions/v1.yaml"

CASES = {
    "malformed YAML": (
        GOOD.replace("title: One", "title: [One"),
        f"{FILE}:10: malformed YAML at column 12: expected ',' or ']', but got ':'. "
        "Fix: correct the YAML syntax near that line (indent with spaces, quote text with ':')",
    ),
    "tab indentation": (
        GOOD.replace("    title: One", "\ttitle: One"),
        f"{FILE}:9: malformed YAML at column 1: a tab character is used for indentation. "
        "Fix: indent with spaces, never tabs",
    ),
    "unknown field": (
        GOOD.replace("        text: Beta.", "        txt: Beta.\n        text: Beta."),
        f"{FILE}:15: clause 'beta': unknown field 'txt'. Did you mean 'text'? "
        "Fix: remove it or use one of: key, text, provenance, items, refs, guidance, change",
    ),
    "missing field": (
        GOOD.replace("        text: Beta.\n", ""),
        f"{FILE}:14: clause 'beta': missing required field 'text'. Fix: add 'text:' with a value",
    ),
    "duplicate key": (
        GOOD.replace("key: beta", "key: alpha").replace("[[beta]]", "[[one]]"),
        f"{FILE}:14: clause 'alpha': duplicate key 'alpha' (already used by a clause at line 11)."
        " Fix: give every section, clause and item its own key",
    ),
    "unknown cross-reference": (
        GOOD.replace("[[beta]]", "[[bet]]"),
        f"{FILE}:12: clause 'alpha': cross-reference to unknown key 'bet'. Did you mean 'beta'? "
        "Fix: use the key of a clause in version 1.0",
    ),
    "reference to itself": (
        GOOD.replace("[[beta]]", "[[alpha]]"),
        f"{FILE}:12: clause 'alpha': refers to itself ('alpha'). "
        "Fix: remove the reference; a clause cannot refer to itself",
    ),
    "unknown guidance id": (
        GOOD.replace("{kind: drafted}", "{kind: drafted}\n        guidance: [helpp]"),
        f"{FILE}:14: clause 'alpha': unknown guidance id 'helpp'. Did you mean 'help'? "
        "Fix: use an id from content/data/guidance.yaml, or add the guidance there",
    ),
    "empty section": (
        GOOD + "  - key: two\n    title: Two\n    clauses: []\n",
        f"{FILE}:19: section 'two': the section has no clauses. "
        "Fix: add at least one clause or remove the section",
    ),
    "version id as a number": (
        GOOD.replace('id: "1.0"', "id: 1.0"),
        f"{FILE}:1: field 'id' must be text, not the number 1.0. "
        'Fix: put the value in quotes, e.g. id: "1.0"',
    ),
    "HTML in clause text": (
        GOOD.replace("text: Beta.", "text: Beta <script>alert(1)</script>."),
        f"{FILE}:15: clause 'beta': HTML is not allowed in clause text (found '<script>'). "
        "Fix: write plain text; use **bold**, *emphasis* or [text](https://address) instead",
    ),
    "javascript: link": (
        GOOD.replace("text: Beta.", "text: Beta [click](javascript:alert(1))."),
        f"{FILE}:15: clause 'beta': link address 'javascript:alert(1' is not allowed. "
        "Fix: links must start with https:// or mailto:",
    ),
    "version id that is a path": (
        GOOD.replace('id: "1.0"', 'id: "../../etc"'),
        f"{FILE}:1: field 'id' must be a version number such as 2.1, not '../../etc'. "
        'Fix: write two whole numbers joined by a dot, in quotes, e.g. id: "2.1"',
    ),
    "a Python tag": (
        GOOD.replace("title: One", "title: !!python/object/apply:os.system [ls]"),
        f"{FILE}:9: the YAML tag '!!python/object/apply:os.system' is not allowed. Fix: remove "
        "the tag (the word starting with '!'); if the value is text that starts with '!', put "
        "it in quotes",
    ),
    "a tag of the editor's own": (
        GOOD.replace("text: Beta.", "text: !include beta.txt"),
        f"{FILE}:15: the YAML tag '!include' is not allowed. Fix: remove the tag (the word "
        "starting with '!'); if the value is text that starts with '!', put it in quotes",
    ),
    "over-long section title": (
        GOOD.replace("title: One", "title: " + "O" * 201),
        f"{FILE}:9: section 'one': field 'title' is 201 characters long; the limit is 200. "
        "Fix: shorten it to at most 200 characters",
    ),
    "over-long item text": (
        GOOD.replace("text: Beta.", "text: Beta.\n        items:\n          - key: b-one\n"
                     "            text: " + "b" * 20_001),
        f"{FILE}:18: item 'b-one': field 'text' is 20,001 characters long; the limit is "
        "20,000. Fix: shorten it or split it into several items",
    ),
    "verbatim clause without its source": (
        GOOD.replace("{kind: verbatim, source: {document: report, at: paragraph 2.2}}",
                     "{kind: verbatim}"),
        f"{FILE}:16: clause 'beta': field 'provenance': a verbatim clause needs 'source': the "
        "document it comes from. Fix: correct the value; the schema in "
        "content/pages/schema/ lists what is allowed",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_data_gives_one_exact_line(code_dir: CodeDir, name: str) -> None:
    text, expected = CASES[name]
    code_dir.version(text)
    with pytest.raises(CodeDataError) as caught:
        build_code(code_dir.manifest, code_dir.root)
    assert [str(p) for p in caught.value.problems] == [expected]
    assert str(caught.value).splitlines() == ["The Code's data has 1 problem:", expected]


def test_every_problem_is_reported_at_once(code_dir: CodeDir) -> None:
    broken = GOOD.replace("[[beta]]", "[[gamma]]").replace(
        "{kind: drafted}", "{kind: drafted}\n        guidance: [nowhere]")
    code_dir.version(broken)
    code_dir.version(GOOD.replace("        text: Beta.\n", ""), name="v2.yaml")
    with pytest.raises(CodeDataError) as caught:
        build_code(code_dir.manifest, code_dir.root)
    lines = str(caught.value).splitlines()
    assert lines[0] == "The Code's data has 3 problems:"
    assert any("v2.yaml" in line and "missing required field 'text'" in line for line in lines)
    assert any("unknown key 'gamma'" in line for line in lines)
    assert any("unknown guidance id 'nowhere'" in line for line in lines)


def test_versions_must_have_distinct_ids_and_date_order(code_dir: CodeDir) -> None:
    code_dir.version(GOOD.replace("2020-01-01", "2021-01-01").replace("adopted", "superseded"))
    code_dir.version(GOOD, name="v2.yaml")
    with pytest.raises(CodeDataError) as caught:
        build_code(code_dir.manifest, code_dir.root)
    assert [str(p) for p in caught.value.problems] == [
        f"content/data/versions/v2.yaml:1: version '1.0': version id '1.0' is also used by "
        f"{FILE}. Fix: give each version its own id",
        "content/data/versions/v2.yaml:5: version '1.0': dated 2020-01-01, before version 1.0 "
        "(2021-01-01) listed above it. Fix: list versions in content/data/code.yaml from oldest "
        "to newest",
    ]


def test_a_listed_file_that_is_a_directory(code_dir: CodeDir) -> None:
    (code_dir.data / "versions" / "folder.yaml").mkdir()
    code_dir.versions.append("versions/folder.yaml")
    code_dir.write_manifest()
    with pytest.raises(CodeDataError) as caught:
        build_code(code_dir.manifest, code_dir.root)
    assert [str(p) for p in caught.value.problems] == [
        "content/data/versions/folder.yaml: is a directory, not a YAML file. Fix: point the "
        "manifest at a .yaml file inside it, or remove the entry"
    ]


def test_a_guidance_file_that_is_a_list_is_told_how_guidance_starts(code_dir: CodeDir) -> None:
    code_dir.version(GOOD)
    (code_dir.data / "guidance.yaml").write_text("- id: help\n", encoding="utf-8")
    with pytest.raises(CodeDataError) as caught:
        build_code(code_dir.manifest, code_dir.root)
    assert [str(p) for p in caught.value.problems] == [
        "content/data/guidance.yaml:1: the file does not hold a mapping of fields. Fix: start "
        "the file with 'guidance:' and list each entry under it, e.g. '- id: lga-guide'"]


RECORD = "content/data/consultation.yaml"
CONSULTATION_CASES = {
    "HTML in a comment's words": (
        "Who can tell how fast I type?", "Who can <b>tell</b>?",
        f"{RECORD}:25: comment 'bob-haste': HTML is not allowed in a comment's words (found "
        "'<b>'). Fix: write plain text; use **bold**, *emphasis* or [text](https://address) "
        "instead",
    ),
    "over-long topic": (
        "topic: Posting in haste", "topic: " + "haste " * 30,
        f"{RECORD}:22: comment 'bob-haste': field 'topic' is 179 characters long; the limit is "
        "120. Fix: shorten it to at most 120 characters",
    ),
    "reviewed version that is not a version number": (
        '  - reviewed_version: "1.0"', '  - reviewed_version: "v1"',
        f"{RECORD}:2: round 1: field 'reviewed_version' must be a version number such as 2.1, not "
        "'v1'. Fix: write two whole numbers joined by a dot, in quotes, e.g. "
        'reviewed_version: "2.1"',
    ),
}


@pytest.mark.parametrize("name", CONSULTATION_CASES)
def test_each_consultation_message_names_its_own_field(tmp_path: Path, name: str) -> None:
    old, new, expected = CONSULTATION_CASES[name]
    data = tmp_path / "content" / "data"
    shutil.copytree(FIXTURES / "consultation", data)
    record = data / "consultation.yaml"
    text = record.read_text(encoding="utf-8")
    assert text.count(old) == 1
    record.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(CodeDataError) as caught:
        build_code(data / "code.yaml", tmp_path)
    assert [str(p) for p in caught.value.problems] == [expected]


def test_a_consultation_file_that_is_a_list_is_told_how_the_record_starts(
    tmp_path: Path,
) -> None:
    data = tmp_path / "content" / "data"
    shutil.copytree(FIXTURES / "consultation", data)
    (data / "consultation.yaml").write_text("- ann\n", encoding="utf-8")
    with pytest.raises(CodeDataError) as caught:
        build_code(data / "code.yaml", tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{RECORD}:1: the file does not hold a mapping of fields. Fix: start the file with the "
        "fields of the consultation record, e.g. 'reviewed_version: \"1.0\"'"]
