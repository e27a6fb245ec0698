"""The templates of the pages around the Code: one part each, and a site can replace any one.

A site puts a template of the same name in `overrides/clauses/` (beside its theme
overrides); the others stay the generator's. Python only prepares the data: no HTML tag
stands in a Python string in any module of the generator.
"""

from __future__ import annotations

import io
import re
import shutil
import tokenize
from pathlib import Path

import pytest
from testkit import FIXTURES, ROOT, mkdocs_build

from macros.compute.code import build_code
from macros.render.changes_page import render_changelog
from macros.render.environment import TEMPLATES, Templates, _Compiled
from macros.render.history_page import render_history

PARTS = ("changes", "version-changes", "change-entry", "moves-table", "wording",
         "number-change", "wording-change", "redline", "reason", "history-link", "history",
         "history-entry", "consultation", "consultation-round", "members", "comment",
         "guidance-page", "guidance-entry", "accessibility-statement", "contact",
         "glossary-table", "abbr")

# Every module of the generator: no HTML tag stands in one of its Python strings.
MODULES = tuple(sorted(str(p.relative_to(ROOT / "macros"))
                       for p in (ROOT / "macros").rglob("*.py")))
NOT_YET: set[str] = set()

# An HTML element's tag, not a placeholder such as '<id>' in a docstring.
ELEMENTS = ("a|abbr|address|article|aside|b|blockquote|body|br|button|caption|code|dd|del|"
            "details|div|dl|dt|em|figure|footer|form|g|h[1-6]|head|header|html|i|img|input|"
            "ins|label|li|link|main|mark|meta|nav|ol|p|path|pre|script|section|small|span|"
            "strong|style|sub|summary|sup|svg|table|tbody|td|th|thead|time|title|tr|ul")
TAG = re.compile(rf"(?<!\?P)</?(?:{ELEMENTS})[\s/>]")
FIXTURE = FIXTURES / "golden"


@pytest.mark.parametrize("part", PARTS)
def test_each_part_has_one_template_that_compiles(part: str) -> None:
    assert (TEMPLATES / f"{part}.html.jinja").is_file()
    Templates().env.get_template(f"{part}.html.jinja")


def _strings_with_tags(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    skipped: set[int] = set()
    lines = source.splitlines()
    for number, line in enumerate(lines, start=1):
        match = re.match(r"def (\w+)", line)
        if match and match.group(1) in NOT_YET:
            end = next((n for n in range(number, len(lines))
                        if lines[n] and not lines[n][0].isspace()), len(lines))
            skipped.update(range(number, end + 1))
    return [f"{path.name}:{token.start[0]}: {token.string[:60]}"
            for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type == tokenize.STRING and TAG.search(token.string)
            and token.start[0] not in skipped]


def test_no_html_tag_stands_in_a_python_string() -> None:
    found = [line for module in MODULES
             for line in _strings_with_tags(ROOT / "macros" / module)]
    assert found == []


def test_a_site_template_replaces_that_part_only(tmp_path: Path) -> None:
    (tmp_path / "reason.html.jinja").write_text(
        '<p class="own-reason">Because: {{ reason.text }}</p>\n', encoding="utf-8")
    code = build_code(FIXTURE / "content" / "data" / "code.yaml", FIXTURE)
    own, default = Templates(tmp_path), Templates()
    changes = render_changelog(own, code, "changes/")
    assert '<p class="own-reason">Because: ' in changes
    assert 'class="smc-reason"' not in changes
    assert changes.replace("own-reason", "x") != render_changelog(default, code, "changes/")
    # The same part on the clause history pages; every other part is the generator's.
    history = render_history(own, code, "tone", "clause/tone/")
    assert 'class="smc-history__intro"' in history and 'class="smc-wording"' in history
    assert 'class="own-reason"' in history and 'class="smc-reason"' not in history


def test_the_build_uses_the_templates_in_the_sites_theme_overrides(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    theme = tmp_path / "overrides"
    (theme / "clauses").mkdir(parents=True)
    (theme / "clauses" / "history-link.html.jinja").write_text(
        '<a class="smc-history-link" href="{{ history }}">Every version of this clause</a>\n',
        encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", f"  name: material\n  custom_dir: {theme}\n"), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    changes = (tmp_path / "out" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "Every version of this clause</a>" in changes
    assert "History of this clause" not in changes


def test_compiled_templates_are_reused_only_while_their_source_is_the_same(
        tmp_path: Path) -> None:
    cache, own = tmp_path / "cache", tmp_path / "own"
    own.mkdir()
    part = own / "history-link.html.jinja"
    part.write_text('<a href="{{ history }}">Before</a>\n', encoding="utf-8")
    first = Templates(own, cache=cache).render("history-link.html.jinja", history="h/")
    assert any(cache.iterdir())
    assert Templates(own, cache=cache).render("history-link.html.jinja", history="h/") == first
    part.write_text('<a href="{{ history }}">After</a>\n', encoding="utf-8")
    assert "After" in Templates(own, cache=cache).render("history-link.html.jinja", history="h/")


def test_compiled_templates_depend_on_how_they_are_compiled(tmp_path: Path) -> None:
    assert (_Compiled(tmp_path, "trim").get_source_checksum("x")
            != _Compiled(tmp_path, "keep").get_source_checksum("x"))
