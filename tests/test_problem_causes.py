"""A problem is reported once, at its cause: what follows from a file that could not be loaded
is not reported as a second, wrong problem elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from testkit import FIXTURES

from macros.compute.code import build_code
from macros.model.problems import CodeDataError

V1 = "content/data/versions/1.0.yaml"
V2 = "content/data/versions/2.0.yaml"


def consultation_code(root: Path) -> Path:
    """The consultation fixture under root/content/data; returns its manifest."""
    data = root / "content" / "data"
    shutil.copytree(FIXTURES / "consultation", data)
    return data / "code.yaml"


def problems(manifest: Path, root: Path) -> list[str]:
    with pytest.raises(CodeDataError) as caught:
        build_code(manifest, root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(("name", "shown"), [("1.0.yaml", V1), ("2.0.yaml", V2)])
def test_a_version_file_that_fails_is_not_also_missing_from_the_consultation(
    tmp_path: Path, name: str, shown: str,
) -> None:
    manifest = consultation_code(tmp_path)
    version = manifest.parent / "versions" / name
    version.write_text(version.read_text(encoding="utf-8").replace("status:", "status: [",
                                                                   1), encoding="utf-8")
    found = problems(manifest, tmp_path)
    assert len(found) == 1, found
    assert found[0].startswith(f"{shown}:4: malformed YAML")


def test_a_version_file_outside_the_data_folder_is_not_also_missing_from_the_consultation(
    tmp_path: Path,
) -> None:
    manifest = consultation_code(tmp_path)
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("versions/2.0.yaml", "../2.0.yaml"), encoding="utf-8")
    assert problems(manifest, tmp_path) == [
        "content/data/code.yaml:6: versions: '../2.0.yaml' is outside the data folder. Fix: "
        "put the file in the data folder, content/data/ (the folder of code.yaml), and list "
        "its path from there, e.g. 'versions/1.0.yaml'"]


def test_a_version_the_manifest_does_not_list_is_still_reported(tmp_path: Path) -> None:
    manifest = consultation_code(tmp_path)
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  - versions/2.0.yaml\n", ""), encoding="utf-8")
    assert ("content/data/consultation.yaml:3: round 1: answered_by '2.0' is not a "
            "version of the Code. Fix: use the id of a version listed in "
            "content/data/code.yaml: 1.0, 2.1") in problems(manifest, tmp_path)
