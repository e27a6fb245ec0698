"""A version's two dates and its status: `prepared_for` (the meeting a draft is prepared for)
and `approved_on` (the date approved), the old single `date`, and a draft replaced by the
version adopted in its place. Each mistake is one line naming the file, line, version and fix."""

from __future__ import annotations

import pytest
from testkit import VERSION_HEAD, CodeDir

from macros.compute.code import build_code
from macros.model.problems import CodeDataError

SECTIONS = """\
  - key: s
    title: S
    clauses:
      - {key: c, text: C., provenance: {kind: drafted}}
"""
ADOPTED = VERSION_HEAD + SECTIONS  # 1.0, adopted, approved_on 2020-01-01 (line 5)


def draft(version_id: str, status: str = "draft", extra: str = "") -> str:
    """A version file for `version_id`, prepared for 1 June 2020, with `extra` fields."""
    return (VERSION_HEAD.replace('"1.0"', f'"{version_id}"')
            .replace("status: adopted", f"status: {status}")
            .replace("approved_on: 2020-01-01", "prepared_for: 2020-06-01" + extra) + SECTIONS)


def problems(code_dir: CodeDir, *files: str) -> list[str]:
    for i, text in enumerate(files):
        code_dir.version(text, f"{i}.yaml")
    with pytest.raises(CodeDataError) as caught:
        build_code(code_dir.data / "code.yaml", code_dir.root)
    return [str(p) for p in caught.value.problems]


V0 = "content/data/versions/0.yaml"


@pytest.mark.parametrize(("text", "expected"), [
    (ADOPTED.replace("approved_on:", "date:"),
     f"{V0}:5: version '1.0': field 'date' is no longer used: it meant the date approved, or for "
     "a draft the meeting it is prepared for. Fix: rename it approved_on (the date the "
     "Committee approved the version)"),
    (draft("1.0").replace("prepared_for:", "date:"),
     f"{V0}:5: version '1.0': field 'date' is no longer used: it meant the date approved, or for "
     "a draft the meeting it is prepared for. Fix: rename it prepared_for (the date of the "
     "meeting the draft is prepared for)"),
    (ADOPTED.replace("approved_on:", "prepared_for:"),
     f"{V0}:3: version '1.0': an adopted version needs 'approved_on'. Fix: add 'approved_on:' "
     "with the date the version was approved, e.g. approved_on: 2019-06-27"),
    (ADOPTED.replace("status: adopted", "status: draft"),
     f"{V0}:3: version '1.0': a draft version needs 'prepared_for'. Fix: add 'prepared_for:' "
     "with the date of the meeting the version is prepared for, e.g. prepared_for: 2019-10-01"),
    (draft("1.0", extra="\napproved_on: 2020-07-01"),
     f"{V0}:6: version '1.0': a draft version has not been approved, but has 'approved_on'. "
     "Fix: remove 'approved_on', or adopt the draft with 'python -m macros adopt'"),
    (draft("1.0", "adopted", "\napproved_on: 2020-05-01"),
     f"{V0}:6: version '1.0': approved on 2020-05-01, before the meeting it was prepared for "
     "(2020-06-01). Fix: correct one of the two dates"),
    (draft("1.0", "replaced"),
     f"{V0}:3: version '1.0': a replaced version needs 'replaced_by'. Fix: add 'replaced_by:' "
     'with the id of the version adopted in its place, e.g. replaced_by: "2.1"'),
    (draft("1.0", extra='\nreplaced_by: "2.0"'),
     f"{V0}:6: version '1.0': a draft version has 'replaced_by'. Fix: remove it: only a draft "
     "that another version replaced (status: replaced) names the version that replaced it"),
    (ADOPTED.replace("approved_on: 2020-01-01", "approved_on: 2020-01-01\n"
                     "superseded_on: 2020-02-01"),
     f"{V0}:6: version '1.0': an adopted version has 'superseded_on'. Fix: remove it, or mark "
     "the version 'status: superseded'"),
], ids=["old date, adopted", "old date, draft", "adopted without approved_on",
        "draft without prepared_for", "draft with approved_on", "approved before prepared",
        "replaced without replaced_by", "replaced_by on a draft", "superseded_on when adopted"])
def test_each_date_mistake_is_one_line(code_dir: CodeDir, text: str, expected: str) -> None:
    assert problems(code_dir, text) == [expected]


def test_an_old_date_is_reported_once_with_the_files_other_problems(code_dir: CodeDir) -> None:
    text = ADOPTED.replace("approved_on:", "date:").replace("title: S\n", "title: ''\n")
    found = problems(code_dir, text)
    assert len(found) == 2
    assert found[0].startswith(f"{V0}:5: version '1.0': field 'date' is no longer used")
    assert "field 'title': must not be empty" in found[1]


def test_a_draft_before_an_approved_version_must_be_marked_replaced(code_dir: CodeDir) -> None:
    later = draft("2.0", "adopted", "\napproved_on: 2020-06-02")
    assert problems(code_dir, draft("1.0"), later) == [
        f"{V0}:3: version '1.0': is a draft, but version 2.0, listed after it, is adopted: this "
        "draft can no longer be adopted. Fix: mark it 'status: replaced' with 'replaced_by: "
        "\"2.0\"' (it stays published as it was)"]


@pytest.mark.parametrize(("replaced_by", "later_status", "expected"), [
    ("3.0", "adopted", f"{V0}:6: version '1.0': replaced_by '3.0' is not a version listed after "
     "it (listed after it: 2.0). Fix: name the version adopted in its place, listed after it "
     "in content/data/code.yaml"),
    ("2.0", "draft", f"{V0}:6: version '1.0': replaced_by '2.0' names a version that is draft, "
     "not approved. Fix: adopt version 2.0 with 'python -m macros adopt', which marks this "
     "draft replaced, or make this version a draft again (status: draft, without replaced_by)"),
])
def test_a_replaced_draft_names_a_later_approved_version(
        code_dir: CodeDir, replaced_by: str, later_status: str, expected: str) -> None:
    extra = "\napproved_on: 2020-06-02" if later_status == "adopted" else ""
    later = draft("2.0", later_status, extra)
    assert problems(code_dir, draft("1.0", "replaced", f'\nreplaced_by: "{replaced_by}"'),
                    later) == [expected]
