"""Rendered clause HTML compared with reviewed golden files.

After an intended change to the markup, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_golden.py` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from testkit import VERSION_HEAD, CodeDir

from macros.compute.code import build_code
from macros.render.code_page import PageContext, render_clause
from macros.render.environment import Templates

GOLDEN = Path(__file__).parent / "golden"

CODE = VERSION_HEAD + """\
  - key: first
    title: First
    clauses:
      - key: verbatim-clause
        text: Do be mindful of the "public" & [[listed]].
        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.2}}
      - key: listed
        text: "Do not:"
        provenance:
          kind: reconstructed
          source: {document: report, at: paragraph 2.6}
          note: Described only.
        items:
          - {key: listed-one, text: "do *this*; or"}
          - {key: listed-two, text: do that.}
        refs: [verbatim-clause]
        guidance: [help]
"""


@pytest.mark.parametrize("key", ["verbatim-clause", "listed"])
def test_clause_html_matches_golden(code_dir: CodeDir, key: str) -> None:
    code_dir.version(CODE)
    code = build_code(code_dir.manifest, code_dir.root)
    version = code.version("1.0")
    clause = next(c for c in version.clauses() if c.key == key)
    html = str(render_clause(Templates(), PageContext(code, version, "code/1.0/"), clause))
    html = html.replace("><", ">\n<") + "\n"
    golden = GOLDEN / f"clause-{key}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")
