"""The files the manifest names: only regular files inside the data folder, of a bounded size,
are read; anything else is one line naming the manifest's line and the entry."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from testkit import ROOT, VERSION_HEAD, CodeDir

from macros.compute.code import build_code
from macros.load.glossary import load_glossary
from macros.load.yamlfile import MAX_FILE_BYTES, read_yaml
from macros.model.problems import CodeDataError, Problem

GOOD = VERSION_HEAD + """\
  - key: one
    title: One
    clauses:
      - key: alpha
        text: Alpha.
        provenance: {kind: drafted}
"""
MANIFEST = "content/data/code.yaml"
FIX = ("Fix: put the file in the data folder, content/data/ (the folder of code.yaml), and list "
       "its path from there, e.g. ")


def problems(code_dir: CodeDir) -> list[str]:
    with pytest.raises(CodeDataError) as caught:
        build_code(code_dir.manifest, code_dir.root)
    return [str(p) for p in caught.value.problems]


def listing(code_dir: CodeDir, name: str) -> None:
    """List `name` as a second version file (line 5 of the manifest)."""
    code_dir.version(GOOD)
    code_dir.versions.append(name)
    code_dir.write_manifest()


def test_an_absolute_path_outside_the_data_folder_is_not_read(code_dir: CodeDir) -> None:
    listing(code_dir, "/etc/passwd")
    assert problems(code_dir) == [
        f"{MANIFEST}:5: versions: '/etc/passwd' is outside the data folder. "
        f"{FIX}'versions/1.0.yaml'"]


def test_dot_dot_out_of_the_data_folder_is_not_read(code_dir: CodeDir) -> None:
    # A valid version file beside the data folder: the old loader read and built it.
    (code_dir.root / "content" / "outside.yaml").write_text(
        GOOD.replace('"1.0"', '"2.0"').replace("2020", "2021"), encoding="utf-8")
    listing(code_dir, "../outside.yaml")
    assert problems(code_dir) == [
        f"{MANIFEST}:5: versions: '../outside.yaml' is outside the data folder. "
        f"{FIX}'versions/1.0.yaml'"]


def test_dot_dot_that_stays_inside_the_data_folder_is_read(code_dir: CodeDir) -> None:
    code_dir.version(GOOD)
    code_dir.versions[0] = "versions/../versions/v1.yaml"
    code_dir.write_manifest()
    assert [v.id for v in build_code(code_dir.manifest, code_dir.root).versions] == ["1.0"]


def test_a_link_out_of_the_data_folder_is_not_followed(code_dir: CodeDir) -> None:
    outside = code_dir.root / "outside.yaml"
    outside.write_text(GOOD.replace('"1.0"', '"2.0"').replace("2020", "2021"),
                       encoding="utf-8")
    (code_dir.data / "versions" / "link.yaml").symlink_to(outside)
    listing(code_dir, "versions/link.yaml")
    assert problems(code_dir) == [
        f"{MANIFEST}:5: versions: 'versions/link.yaml' is a link to {outside.resolve()}, "
        f"outside the data folder. {FIX}'versions/1.0.yaml'"]


def test_guidance_and_consultation_outside_the_data_folder(code_dir: CodeDir) -> None:
    code_dir.version(GOOD)
    manifest = code_dir.manifest.read_text(encoding="utf-8")
    code_dir.manifest.write_text(
        manifest.replace("guidance: guidance.yaml", "guidance: /etc/hostname")
        + "consultation: ../../consultation.yaml\n", encoding="utf-8")
    assert problems(code_dir) == [
        f"{MANIFEST}:5: guidance: '/etc/hostname' is outside the data folder. "
        f"{FIX}'guidance.yaml'",
        f"{MANIFEST}:6: consultation: '../../consultation.yaml' is outside the data folder. "
        f"{FIX}'consultation.yaml'"]


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(code_dir: CodeDir) -> None:
    listing(code_dir, "versions/pipe.yaml")
    os.mkfifo(code_dir.data / "versions" / "pipe.yaml")
    # In a child process: a loader that opens the pipe would wait for ever.
    script = ("import sys; from pathlib import Path; "
              "from macros.compute.code import build_code; "
              "from macros.model.problems import CodeDataError\n"
              "try:\n    build_code(Path(sys.argv[1]), Path(sys.argv[2]))\n"
              "except CodeDataError as err:\n    print(err)\n")
    result = subprocess.run([sys.executable, "-c", script, str(code_dir.manifest),
                             str(code_dir.root)], cwd=ROOT, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.stdout.splitlines() == [
        "The Code's data has 1 problem:",
        "content/data/versions/pipe.yaml: is not a regular file (it is a named pipe). "
        "Fix: list a YAML file that holds the data, not a device, pipe or socket"]


def test_the_size_is_checked_before_the_file_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as out:  # sparse: no disk space, but 10 times the limit
        out.truncate(MAX_FILE_BYTES * 10)
    tracemalloc.start()
    try:
        found = read_yaml(big, "big.yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == Problem("big.yaml", None, None,
                            f"file is {MAX_FILE_BYTES * 10:,} bytes; the limit is "
                            f"{MAX_FILE_BYTES:,}", "split the Code or shorten the clauses")
    assert peak < 1_000_000, f"{peak:,} bytes held while refusing the file"


def test_a_glossary_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "glossary.md"
    with big.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)
    assert load_glossary(big, "glossary.md") == [Problem(
        "glossary.md", None, None, f"file is {MAX_FILE_BYTES + 1:,} bytes; the limit is "
        f"{MAX_FILE_BYTES:,}", "keep one short line per abbreviation")]
