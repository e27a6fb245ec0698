"""Bad consultation data: each mistake gives one exact line naming file, line, key and fix."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from testkit import FIXTURES

from macros.compute.code import build_code
from macros.model.problems import CodeDataError

SOURCE = FIXTURES / "consultation"
V2 = "content/data/versions/2.0.yaml"
V21 = "content/data/versions/2.1.yaml"
RECORD = "content/data/consultation.yaml"
VERSIONS = "content/data/code.yaml: 1.0, 2.0, 2.1"

# name: (file to edit, text to replace, replacement, *the problem lines expected)
CASES = {
    "unknown comment id in a clause's answers": (
        "versions/2.0.yaml", "answers: [ann-criticism]", "answers: [ann-critcism]",
        f"{V2}:16: clause 'alpha': answers unknown comment 'ann-critcism'. "
        "Did you mean 'ann-criticism'? "
        f"Fix: use the id of a comment in {RECORD}",
    ),
    "unknown comment id in a removal's answers": (
        "versions/2.0.yaml", "\n    answers: [bob-haste]\n", "\n    answers: [bob]\n",
        f"{V2}:26: removed 'beta': answers unknown comment 'bob'. "
        f"Fix: use the id of a comment in {RECORD}",
    ),
    "a change answers a comment on its own version": (
        "versions/2.0.yaml", "answers: [ann-criticism]", "answers: [ann-criticism, dee-gamma]",
        f"{V2}:16: clause 'alpha': answers comment 'dee-gamma', a comment on version 2.0, which "
        "does not come before version 2.0. "
        "Fix: name only comments on earlier versions, or remove the id",
    ),
    "unknown 1.0 key in concerns": (
        "consultation.yaml", "concerns: [beta-one]", "concerns: [beta-three]",
        f"{RECORD}:26: comment 'bob-haste': concerns unknown key 'beta-three' of version 1.0. "
        "Did you mean 'beta-two'? "
        "Fix: use the key of a clause or item in content/data/versions/1.0.yaml",
    ),
    "unknown 2.0 key in a response": (
        "consultation.yaml", "The rule is removed.\n          clauses: [gamma]",
        "The rule is removed.\n          clauses: [beta]",
        f"{RECORD}:30: comment 'bob-haste': response names unknown clause 'beta' of version 2.0. "
        f"Fix: use the key of a clause in {V2}",
    ),
    "unknown 2.1 key in a second round's response": (
        "consultation.yaml", "The clause says it.\n          clauses: [gamma]",
        "The clause says it.\n          clauses: [gama]",
        f"{RECORD}:58: comment 'dee-gamma': response names unknown clause 'gama' of version "
        f"2.1. Did you mean 'gamma'? Fix: use the key of a clause in {V21}",
    ),
    "duplicate comment id": (
        "consultation.yaml", "id: cy-replace", "id: ann-criticism",
        f"{RECORD}:31: comment 'ann-criticism': duplicate comment id 'ann-criticism' "
        "(already used at line 6, in round 1). Fix: give every comment its own id, in every round",
    ),
    "duplicate comment id across rounds": (
        "consultation.yaml", "id: ann-again", "id: cy-replace",
        f"{RECORD}:59: comment 'cy-replace': duplicate comment id 'cy-replace' "
        "(already used at line 31, in round 1). Fix: give every comment its own id, in every "
        "round",
    ),
    "answering version not in the manifest": (
        "consultation.yaml", 'answered_by: "2.0"', 'answered_by: "3.0"',
        f"{RECORD}:3: round 1: answered_by '3.0' is not a version of the Code. "
        f"Fix: use the id of a version listed in {VERSIONS}",
    ),
    "reviewed version not in the manifest": (
        "consultation.yaml", 'reviewed_version: "2.0"', 'reviewed_version: "2.5"',
        f"{RECORD}:43: round 2: reviewed_version '2.5' is not a version of the Code. "
        f"Fix: use the id of a version listed in {VERSIONS}",
    ),
    "answering version not after the reviewed one": (
        "consultation.yaml", 'answered_by: "2.1"', 'answered_by: "2.0"',
        f"{RECORD}:44: round 2: answered_by '2.0' is not a version after reviewed_version "
        "'2.0'. Fix: answer the round with a version listed after 2.0 in content/data/code.yaml, "
        "or leave answered_by out until one answers it",
    ),
    "an open round's response names clauses": (
        "consultation.yaml", '    answered_by: "2.1"\n', "",
        f"{RECORD}:57: comment 'dee-gamma': response names clauses, but round 2 has no "
        "answering version. Fix: add 'answered_by:' to round 2, or remove the clauses",
    ),
    "no response in an answered round": (
        "consultation.yaml", "        response:\n          status: not-addressed\n"
        "          text: Thanks are not a rule of conduct.\n", "",
        f"{RECORD}:59: comment 'ann-again': has no response, but version 2.1 answers round 2. "
        "Fix: add 'response:' with its status and text",
    ),
    "a round without its source": (
        "consultation.yaml", "    source: the minutes of the fixture meeting\n", "",
        f"{RECORD}:43: round 2: missing required field 'source'. Fix: add 'source:' with a value",
    ),
    "cross-reference in a comment's words": (
        "consultation.yaml", "Who can tell how fast I type?", "See [[alpha]].",
        f"{RECORD}:25: comment 'bob-haste': a comment's words cannot hold a cross-reference. "
        "Fix: name the clause in 'concerns' instead of [[...]]",
    ),
    "comment without a topic": (
        "consultation.yaml", "        topic: Posting in haste\n", "",
        f"{RECORD}:20: comment 'bob-haste': missing required field 'topic'. "
        "Fix: add 'topic:' with a value",
    ),
    "answers given but no consultation file": (
        "code.yaml", "consultation: consultation.yaml\n", "",
        *[f"{file}:{line}: {where}: answers comment '{cid}' but content/data/code.yaml lists no "
          "consultation file. "
          "Fix: add 'consultation: consultation.yaml' to the manifest, or remove the id"
          for file, line, where, cid in [(V2, 16, "clause 'alpha'", "ann-criticism"),
                                         (V2, 22, "clause 'gamma'", "bob-haste"),
                                         (V2, 26, "removed 'beta'", "bob-haste"),
                                         (V21, 19, "clause 'gamma'", "dee-gamma")]],
    ),
}

OLD_FORM = """\
reviewed_version: "1.0"
answered_by: "2.0"
comments:
  - id: ann-criticism
    member: Cllr Ann
    topic: Criticising the council
    paragraph: "2.1"
    kind: summarised
    words: Challenging the council is our job.
    response: {status: addressed, text: Councillors may criticise the council.}
"""


def copy_fixture(root: Path) -> Path:
    """The fixture Code under root/content/data; returns the manifest."""
    data = root / "content" / "data"
    shutil.copytree(SOURCE, data)
    return data / "code.yaml"


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    code = build_code(copy_fixture(tmp_path), tmp_path)
    assert code.consultation is not None
    assert [c.id for c in code.consultation.comments] == ["ann-criticism", "bob-haste",
                                                          "cy-replace", "dee-gamma", "ann-again"]
    assert [(r.reviewed_version, r.answered_by) for r in code.consultation.rounds] == [
        ("1.0", "2.0"), ("2.0", "2.1")]
    assert code.consultation.round_of("ann-again").source == \
        "the minutes of the fixture meeting of 1 July 2020"


def test_a_file_of_one_round_without_rounds_gives_one_line(tmp_path: Path) -> None:
    manifest = copy_fixture(tmp_path)
    (manifest.parent / "versions" / "2.1.yaml").write_text(
        (manifest.parent / "versions" / "2.0.yaml").read_text(encoding="utf-8")
        .replace('"2.0"', '"2.1"').replace("2020-06-01", "2020-09-01"), encoding="utf-8")
    (manifest.parent / "consultation.yaml").write_text(OLD_FORM, encoding="utf-8")
    with pytest.raises(CodeDataError) as err:
        build_code(manifest, tmp_path)
    # One line for the record (the copied 2.1 has problems of its own, reported beside it).
    assert [str(p) for p in err.value.problems if p.file == RECORD] == [
        f"{RECORD}:1: consultation: the comments are not in rounds. Fix: put the comments under "
        "rounds: write 'rounds:', then '  - reviewed_version: \"1.0\"' and, indented under it, "
        "answered_by, source (where the comments are recorded) and comments"]


def test_an_open_round_needs_no_answering_version_nor_responses(tmp_path: Path) -> None:
    manifest = copy_fixture(tmp_path)
    record = manifest.parent / "consultation.yaml"
    text = record.read_text(encoding="utf-8")
    opened = (text.replace('    answered_by: "2.1"\n', "")
              .replace("        response:\n          status: addressed\n"
                       "          text: The clause says it.\n          clauses: [gamma]\n", ""))
    assert opened.count("response:") == text.count("response:") - 1
    record.write_text(opened, encoding="utf-8")
    code = build_code(manifest, tmp_path)
    assert code.consultation is not None
    second = code.consultation.rounds[1]
    assert second.answered_by is None
    assert code.consultation.comment("dee-gamma").response is None
    # Version 2.1 may still say that it answers a comment of the open round.
    found = code.consultation.comments_on("2.1", "gamma")
    assert [(f.round.number, f.answers, [c.id for c in f.comments]) for f in found] == [
        (2, True, ["dee-gamma"])]


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_gives_exact_problem_lines(tmp_path: Path, name: str) -> None:
    file, old, new, *expected = CASES[name]
    manifest = copy_fixture(tmp_path)
    path = manifest.parent / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture text to replace not found once: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(CodeDataError) as err:
        build_code(manifest, tmp_path)
    assert [str(p) for p in err.value.problems] == expected


def test_python_m_macros_check_reports_it_without_a_traceback(tmp_path: Path) -> None:
    manifest = copy_fixture(tmp_path)
    record = manifest.parent / "consultation.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("[beta-one]", "[nope]"),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros", "check", str(manifest)],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("content/data/consultation.yaml:26: comment 'bob-haste': concerns unknown key "
            "'nope' of version 1.0.") in result.stderr
