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
RECORD = "content/data/consultation.yaml"

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
    "unknown 1.0 key in concerns": (
        "consultation.yaml", "concerns: [beta-one]", "concerns: [beta-three]",
        f"{RECORD}:24: comment 'bob-haste': concerns unknown key 'beta-three' of version 1.0. "
        "Did you mean 'beta-two'? "
        "Fix: use the key of a clause or item in content/data/versions/1.0.yaml",
    ),
    "unknown 2.0 key in a response": (
        "consultation.yaml", "clauses: [gamma]", "clauses: [beta]",
        f"{RECORD}:28: comment 'bob-haste': response names unknown clause 'beta' of version 2.0. "
        f"Fix: use the key of a clause in {V2}",
    ),
    "duplicate comment id": (
        "consultation.yaml", "id: cy-replace", "id: ann-criticism",
        f"{RECORD}:29: comment 'ann-criticism': duplicate comment id 'ann-criticism' "
        "(already used at line 4). Fix: give every comment its own id",
    ),
    "answering version not in the manifest": (
        "consultation.yaml", 'answered_by: "2.0"', 'answered_by: "3.0"',
        f"{RECORD}:2: consultation: answered_by '3.0' is not a version of the Code. "
        "Fix: use the id of a version listed in content/data/code.yaml: 1.0, 2.0",
    ),
    "cross-reference in a comment's words": (
        "consultation.yaml", "Who can tell how fast I type?", "See [[alpha]].",
        f"{RECORD}:23: comment 'bob-haste': a comment's words cannot hold a cross-reference. "
        "Fix: name the clause in 'concerns' instead of [[...]]",
    ),
    "comment without a topic": (
        "consultation.yaml", "    topic: Posting in haste\n", "",
        f"{RECORD}:18: comment 'bob-haste': missing required field 'topic'. "
        "Fix: add 'topic:' with a value",
    ),
    "answers given but no consultation file": (
        "code.yaml", "consultation: consultation.yaml\n", "",
        *[f"{V2}:{line}: {where}: answers comment '{cid}' but content/data/code.yaml lists no "
          "consultation file. "
          "Fix: add 'consultation: consultation.yaml' to the manifest, or remove the id"
          for line, where, cid in [(16, "clause 'alpha'", "ann-criticism"),
                                   (22, "clause 'gamma'", "bob-haste"),
                                   (26, "removed 'beta'", "bob-haste")]],
    ),
}


def copy_fixture(root: Path) -> Path:
    """The fixture Code under root/content/data; returns the manifest."""
    data = root / "content" / "data"
    shutil.copytree(SOURCE, data)
    return data / "code.yaml"


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    code = build_code(copy_fixture(tmp_path), tmp_path)
    assert code.consultation is not None
    assert [c.id for c in code.consultation.comments] == ["ann-criticism", "bob-haste",
                                                          "cy-replace"]


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
    assert ("content/data/consultation.yaml:24: comment 'bob-haste': concerns unknown key "
            "'nope' of version 1.0.") in result.stderr
