"""Every kind of page the generator writes, compared whole with a reviewed golden file.

The fixture Code in tests/fixtures/golden/ is built once with MkDocs; each page kind
(a version page, a draft's page, the version in force, what changed, a clause's history,
the consultation record, the guidance, the home page and the other hand pages with their
macros), the HTML a version's PDF is made from and the HTML of the committee paper of
version 2.0's changes are compared with the files in tests/golden/pages/. After an
intended change to the markup, rewrite them with

    UPDATE_GOLDEN=1 ./run-tests.sh tests/test_golden_pages.py

and read the change as a diff (`git diff tests/golden/pages/`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from testkit import FIXTURES, mkdocs_build

from macros.compute.code import build_code
from macros.compute.words import site_words
from macros.export.paper import paper_html
from macros.export.pdf import version_html
from macros.render.environment import Templates

FIXTURE = FIXTURES / "golden"
GOLDEN = Path(__file__).parent / "golden" / "pages"

PAGES = {
    "version-adopted": "code/1.0/index.html",
    "version-draft": "code/2.0/index.html",
    "in-force": "code/index.html",
    "changes": "changes/index.html",
    "clause-history": "clause/tone/index.html",
    "consultation": "consultation/index.html",
    "guidance": "guidance/index.html",
    "home": "index.html",
    "concerns": "concerns/index.html",
    "accessibility": "accessibility/index.html",
    "glossary": "glossary/index.html",
}


def normalised(html: str) -> str:
    """One tag per line, so that a change reads as a short diff."""
    return re.sub(r">\s*<", ">\n<", html.strip()) + "\n"


def compare(name: str, html: str) -> None:
    golden = GOLDEN / f"{name}.html"
    text = normalised(html)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}: run with UPDATE_GOLDEN=1 and review it"
    expected = golden.read_text(encoding="utf-8")
    if text != expected:  # name the first line that differs, not a truncated blob
        ours, theirs = text.splitlines(), expected.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
                    min(len(ours), len(theirs)))
        pytest.fail(f"{golden.name} differs at line {line + 1}:\n"
                    f"  golden: {theirs[line] if line < len(theirs) else '(end)'}\n"
                    f"  now:    {ours[line] if line < len(ours) else '(end)'}\n"
                    "If the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff.")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden-site")
    result = mkdocs_build(FIXTURE / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_golden(built: Path, name: str) -> None:
    compare(name, (built / PAGES[name]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("version_id", ["1.0", "2.0"])
def test_pdf_html_matches_golden(version_id: str) -> None:
    code = build_code(FIXTURE / "content" / "data" / "code.yaml", FIXTURE)
    templates = Templates(words=site_words(code, council="Fixture District Council"))
    html = version_html(templates, code, code.version(version_id), "https://fixture.example.org/",
                        "Fixture District Council")
    compare(f"pdf-{version_id}", html)


def test_paper_html_matches_golden() -> None:
    code = build_code(FIXTURE / "content" / "data" / "code.yaml", FIXTURE)
    changes = code.changelog.for_version("2.0")
    assert changes is not None
    templates = Templates(words=site_words(code, council="Fixture District Council"))
    html = paper_html(templates, code, changes, "https://fixture.example.org/",
                      "Fixture District Council")
    compare("paper-2.0", html)
