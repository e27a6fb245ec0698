"""Each kind of bad data gives one exact line naming file, line, key and fix."""

from __future__ import annotations

import pytest
from testkit import VERSION_HEAD, CodeDir

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
        provenance: {kind: verbatim, source: "2.2"}
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
    "verbatim clause without its source": (
        GOOD.replace('{kind: verbatim, source: "2.2"}', "{kind: verbatim}"),
        f"{FILE}:16: clause 'beta': field 'provenance': a verbatim clause needs 'source': the "
        "report paragraph it comes from. Fix: correct the value; the schema in "
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
