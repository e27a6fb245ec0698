"""Helpers the tests import: paths, building a site, writing small fixture Codes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
FIXTURES = ROOT / "tests" / "fixtures"


def mkdocs_build(config: Path, site_dir: Path, engine: str = "mkdocs",
                 extra_env: dict[str, str] | None = None,
                 quiet: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a strict build of `config` into `site_dir`, as site-build.sh does, with `engine`
    "mkdocs" or "properdocs" (ENGINE in site-build.sh) and `extra_env` in the environment."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [str(VENV_BIN / engine), "build", "--strict", *(["-q"] if quiet else []), "-f",
         str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True, check=False,
    )


def built(config: Path, site_dir: Path) -> Path:
    """`site_dir`, with `config` built into it strictly; a failed build fails the test with
    what the build printed."""
    result = mkdocs_build(config, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


VERSION_HEAD = """\
id: "1.0"
title: T
status: adopted
body: Committee
approved_on: 2020-01-01
summary: S.
sections:
"""
"""The metadata lines of a small adopted version 1.0; tests add its sections."""

MANIFEST = """\
title: Test Code
documents: [{{id: report, title: the test report}}]
versions:
{versions}
guidance: guidance.yaml
"""

GUIDANCE = """\
guidance:
  - id: help
    title: Help with abuse
    publisher: Test Association
    url: https://help.example.org/abuse
    cited_in: [{document: report, at: paragraph 3.1}]
    summary: Where to get help.
"""


class CodeDir:
    """A throwaway data folder: write version files, then load them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "content" / "data"
        (self.data / "versions").mkdir(parents=True)
        (self.data / "guidance.yaml").write_text(GUIDANCE, encoding="utf-8")
        self.versions: list[str] = []

    def version(self, text: str, name: str | None = None) -> Path:
        """Add a version file (dedented YAML) and list it in the manifest."""
        name = name or f"v{len(self.versions) + 1}.yaml"
        path = self.data / "versions" / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        self.versions.append(f"versions/{name}")
        self.write_manifest()
        return path

    def write_manifest(self) -> None:
        listed = "\n".join(f"  - {v}" for v in self.versions)
        (self.data / "code.yaml").write_text(MANIFEST.format(versions=listed), encoding="utf-8")

    @property
    def manifest(self) -> Path:
        return self.data / "code.yaml"


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, white space folded, as pdftotext reads it."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(p.split()) for p in pages]
