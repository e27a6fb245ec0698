"""The changelog computed from the two-version fixture, and the checks on reasons for changes."""

from __future__ import annotations

import pytest
from testkit import FIXTURES, VERSION_HEAD, CodeDir

from macros.compute.changelog import RENUMBERED_ONLY, build_changelog
from macros.compute.code import Code, build_code
from macros.compute.numbering import NumberedVersion, number_version
from macros.model import inline
from macros.model.problems import CodeDataError
from macros.model.records import Version, validate

TWO = FIXTURES / "two-versions"


@pytest.fixture(scope="module")
def code() -> Code:
    return build_code(TWO / "content" / "data" / "code.yaml", TWO)


def summary(code: Code) -> dict[str, tuple[str, str, str]]:
    """key -> (kinds, old number, new number) for each changed clause of version 2.0."""
    changes = code.changelog.for_version("2.0")
    assert changes is not None
    found = {}
    for c in changes.clauses:
        kinds = "".join(k for k, on in (("A", c.added), ("R", c.removed), ("W", c.reworded),
                                        ("M", c.moved), ("N", c.renumbered)) if on)
        found[c.key] = (kinds, c.old.number if c.old else "-", c.new.number if c.new else "-")
    return found


def test_each_clause_is_classified(code: Code) -> None:
    assert summary(code) == {
        "same-standards": ("A", "-", "1.2"),
        "tone": ("WN", "1.2", "1.3"),
        "separate": ("N", "2.2", "2.1"),
        "safety": ("WN", "2.3", "2.2"),
        "privacy": ("WMN", "2.1", "3.1"),
        "no-criticism": ("R", "1.3", "-"),
    }


def test_counts_at_the_top(code: Code) -> None:
    changes = code.changelog.for_version("2.0")
    assert changes is not None
    assert [len(changes.added), len(changes.removed), len(changes.reworded),
            len(changes.moved_or_renumbered)] == [1, 1, 3, 4]
    assert code.changelog.for_version("1.0") is None  # nothing before the first version


def test_reasons_and_answers_come_from_the_data(code: Code) -> None:
    changes = code.changelog.for_version("2.0")
    assert changes is not None
    by_key = {c.key: c for c in changes.clauses}
    assert by_key["tone"].reason == "Reworded so that criticising the council is allowed."
    assert by_key["tone"].answers == ("member-b-criticism",)
    assert by_key["no-criticism"].reason == "Councillors must be free to criticise the council."
    assert by_key["no-criticism"].answers == ("member-b-criticism",)
    # Renumbered only because a clause before it was removed: the reason is computed.
    assert by_key["separate"].reason is None
    assert by_key["separate"].explained == RENUMBERED_ONLY


def test_history_of_each_key(code: Code) -> None:
    histories = code.changelog.histories
    assert list(histories) == ["scope", "tone", "no-criticism", "privacy", "separate", "safety",
                               "same-standards"]
    safety = histories["safety"]
    assert [(e.placed.version.id, e.placed.number) for e in safety.entries] == [
        ("1.0", "2.3"), ("2.0", "2.2")]
    assert safety.entries[0].change is None and safety.entries[1].change is not None
    removed = histories["no-criticism"]
    assert removed.removed_in is not None and removed.removed_in.id == "2.0"
    assert histories["same-standards"].entries[0].placed.version.id == "2.0"


def test_one_moved_clause_among_many_is_the_only_one_moved() -> None:
    v1 = _numbered([f"c{i}" for i in range(400)], "1.0")
    v2 = _numbered([f"c{i}" for i in range(1, 400)] + ["c0"], "2.0")
    changes = build_changelog([v1, v2]).for_version("2.0")
    assert changes is not None
    moved = [c.key for c in changes.clauses if c.moved]
    assert moved == ["c0"]
    assert len(changes.clauses) == 400  # all renumbered


def _numbered(keys: list[str], version_id: str) -> NumberedVersion:
    version = validate(Version, {
        "id": version_id, "title": "T", "status": "adopted", "body": "B",
        "approved_on": "2020-01-01", "summary": "S.",
        "sections": [{"key": "s", "title": "S", "clauses": [
            {"key": k, "text": f"Clause {k}.", "provenance": {"kind": "drafted"}}
            for k in keys]}],
    })
    texts = {k: inline.parse(f"Clause {k}.") for k in keys}
    return number_version(version, f"{version_id}.yaml", texts)


V1 = VERSION_HEAD + """\
  - key: main
    title: Main
    clauses:
      - key: alpha
        text: Alpha wording.
        provenance: {kind: drafted}
      - key: beta
        text: Beta wording.
        provenance: {kind: drafted}
      - key: gamma
        text: Gamma wording.
        provenance: {kind: drafted}
"""


def v2(clauses: str, removed: str = "") -> str:
    return f"""\
id: "2.0"
title: T
status: draft
body: Committee
prepared_for: 2020-06-01
summary: S.
sections:
  - key: main
    title: Main
    clauses:
{clauses}{removed}"""


ALPHA = """\
      - key: alpha
        text: Alpha wording.
        provenance: {kind: drafted}
"""
BETA = """\
      - key: beta
        text: Beta wording.
        provenance: {kind: drafted}
"""
GAMMA = """\
      - key: gamma
        text: Gamma wording.
        provenance: {kind: drafted}
"""


def problems(code_dir: CodeDir, second: str) -> list[str]:
    code_dir.version(V1, "1.0.yaml")
    code_dir.version(second, "2.0.yaml")
    with pytest.raises(CodeDataError) as err:
        build_code(code_dir.manifest, code_dir.root)
    return [str(p) for p in err.value.problems]


FILE = "content/data/versions/2.0.yaml"


def test_a_reworded_clause_without_a_reason_is_a_problem(code_dir: CodeDir) -> None:
    reworded = BETA.replace("Beta wording.", "Beta, reworded.")
    assert problems(code_dir, v2(ALPHA + reworded + GAMMA)) == [
        f"{FILE}:14: clause 'beta': is reworded since version 1.0 but has no 'change' saying "
        "why. Fix: add 'change:' with a 'reason' (and the consultation comments it 'answers')"]


def test_a_new_clause_without_a_reason_is_a_problem(code_dir: CodeDir) -> None:
    new = "      - key: delta\n        text: Delta.\n        provenance: {kind: drafted}\n"
    assert problems(code_dir, v2(ALPHA + BETA + GAMMA + new)) == [
        f"{FILE}:20: clause 'delta': is new since version 1.0 but has no 'change' saying why. "
        "Fix: add 'change:' with a 'reason' (and the consultation comments it 'answers')"]


def test_a_moved_clause_without_a_reason_is_a_problem(code_dir: CodeDir) -> None:
    assert problems(code_dir, v2(ALPHA + GAMMA + BETA)) == [
        f"{FILE}:14: clause 'gamma': has moved from clause 1.3 (version 1.0) to 1.2 but has no "
        "'change' saying why. Fix: add 'change:' with a 'reason' (and the consultation "
        "comments it 'answers')"]


def test_a_clause_missing_without_a_removed_entry_is_a_problem(code_dir: CodeDir) -> None:
    assert problems(code_dir, v2(ALPHA + GAMMA)) == [
        f"{FILE}:8: clause 'beta': clause 1.2 of version 1.0 is missing from version 2.0 and "
        "not listed under 'removed'. Fix: put it back, or list it under 'removed:' as "
        "'- key: beta' with a 'reason' (and the consultation comments it 'answers')"]


def test_a_renumbered_only_clause_needs_no_reason(code_dir: CodeDir) -> None:
    code_dir.version(V1, "1.0.yaml")
    code_dir.version(v2(ALPHA + GAMMA, "removed:\n  - key: beta\n    reason: Not needed.\n"),
                     "2.0.yaml")
    code = build_code(code_dir.manifest, code_dir.root)
    changes = code.changelog.for_version("2.0")
    assert changes is not None
    gamma = next(c for c in changes.clauses if c.key == "gamma")
    assert (gamma.renumbered, gamma.moved, gamma.reworded) == (True, False, False)


def test_a_stale_reason_on_an_unchanged_clause_is_a_problem(code_dir: CodeDir) -> None:
    stale = ALPHA + "        change: {reason: Copied from the last version.}\n"
    assert problems(code_dir, v2(stale + BETA + GAMMA)) == [
        f"{FILE}:14: clause 'alpha': has a 'change' but is the same as in version 1.0. "
        "Fix: remove 'change' (it was probably copied from the previous version's file)"]


def test_removed_entries_must_name_clauses_left_out(code_dir: CodeDir) -> None:
    removed = ("removed:\n  - key: betta\n    reason: Typo.\n"
               "  - key: alpha\n    reason: Still there.\n")
    assert problems(code_dir, v2(ALPHA + GAMMA, removed)) == [
        f"{FILE}:18: clause 'beta': clause 1.2 of version 1.0 is missing from version 2.0 and "
        "not listed under 'removed'. Fix: put it back, or list it under 'removed:' as "
        "'- key: beta' with a 'reason' (and the consultation comments it 'answers')",
        f"{FILE}:18: removed 'betta': is not a clause of version 1.0. Did you mean 'beta'? "
        "Fix: use the key of a clause of version 1.0 that this version leaves out",
        f"{FILE}:20: removed 'alpha': is listed under 'removed' but version 2.0 still has it. "
        "Fix: remove the entry from 'removed', or remove the clause",
    ]


def test_the_first_version_has_nothing_to_change_from(code_dir: CodeDir) -> None:
    code_dir.version(V1.replace("        text: Alpha wording.\n",
                                "        text: Alpha wording.\n        change: {reason: R.}\n"),
                     "1.0.yaml")
    with pytest.raises(CodeDataError) as err:
        build_code(code_dir.manifest, code_dir.root)
    assert [str(p) for p in err.value.problems] == [
        "content/data/versions/1.0.yaml:13: clause 'alpha': has a 'change', but version 1.0 is "
        "the first version: there is nothing it changed from. Fix: remove 'change' from this "
        "clause"]
