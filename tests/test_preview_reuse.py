"""A preview rebuilds only the pages a save changed, and writes the same site a build does.

`serve` keeps the clauses plugin from one rebuild to the next; a generated page whose inputs
are unchanged is written as the last build wrote it. These tests build a fixture twice in one
process as `serve` does (the second time after editing one clause), and compare what the
second build wrote, file for file and byte for byte, with a separate `mkdocs build` of the
edited data.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from recordkit import edit
from testkit import FIXTURES, ROOT, mkdocs_build

from macros.adapters.serve_files import UnchangedFiles
from macros.render.pages import GeneratedPage

OLD = "text: Behave online as you behave in real life."
NEW = "text: Behave online exactly as you behave in real life."


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def serve_build(config: Path, site: Path) -> None:
    """One build as `serve` makes it: the plugins are kept from the build before."""
    loaded = load_config(config_file=str(config), site_dir=str(site))
    loaded.plugins.on_startup(command="serve", dirty=False)
    build(loaded)


@pytest.fixture
def fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the golden pages' fixture (two versions, no record of published URLs)."""
    root = tmp_path / "golden"
    shutil.copytree(FIXTURES / "golden", root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                      encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return root


def test_a_rebuild_after_an_edit_writes_what_a_build_writes(
        fixture: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = fixture / "mkdocs.yml"
    serve_build(config, tmp_path / "first")
    edit(fixture / "content" / "data" / "versions" / "2.0.yaml", OLD, NEW)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.clauses"):
        serve_build(config, tmp_path / "preview")
    reused = [r.getMessage() for r in caplog.records if "unchanged since the last build" in
              r.getMessage()]
    assert reused, "no page was reused"
    count, total = (int(w) for w in reused[0].split()[:3:2])
    assert 0 < count < total  # the edited clause's pages were laid out again, the rest not

    built = mkdocs_build(config, tmp_path / "built")
    assert built.returncode == 0, built.stderr
    preview, fresh = files(tmp_path / "preview"), files(tmp_path / "built")
    assert sorted(preview) == sorted(fresh)
    differ = [name for name in fresh if preview[name] != fresh[name]]
    assert differ == []
    for shown in ("code/2.0/index.html", "clause/same-standards/index.html",
                  "changes/index.html"):
        assert "exactly as you behave" in preview[shown].decode(), shown
    # A page that shows nothing of the edited clause is written as the last build wrote it.
    assert preview["code/1.0/index.html"] == files(tmp_path / "first")["code/1.0/index.html"]


# Edits, each after the one before, and words that each shows on the pages named.
EDITS = [
    ("text: Behave online as you behave in real life.",
     "text: Behave online as you behave offline.", "as you behave offline",
     ("code/2.0/index.html", "clause/same-standards/index.html", "changes/index.html")),
    ("reason: Reworded so that criticising the council is allowed.",
     "reason: Reworded so that members may criticise the council.",
     "members may criticise the council",
     ("clause/tone/index.html", "changes/index.html")),
    ("title: Your accounts", "title: Your social media accounts", "Your social media accounts",
     ("code/2.0/index.html",)),
]


def test_each_rebuild_of_a_preview_shows_its_edit_and_writes_what_a_build_writes(
        fixture: Path, tmp_path: Path) -> None:
    """Wording, a reason, a section's title: each shown on every page that shows it, and the
    rebuild's files those of a build of the same data."""
    config = fixture / "mkdocs.yml"
    serve_build(config, tmp_path / "first")
    for n, (old, new, words, pages) in enumerate(EDITS):
        edit(fixture / "content" / "data" / "versions" / "2.0.yaml", old, new)
        serve_build(config, tmp_path / f"preview{n}")
        built = mkdocs_build(config, tmp_path / f"built{n}")
        assert built.returncode == 0, built.stderr
        preview, fresh = files(tmp_path / f"preview{n}"), files(tmp_path / f"built{n}")
        assert sorted(preview) == sorted(fresh)
        assert [name for name in fresh if preview[name] != fresh[name]] == [], new
        for shown in pages:
            assert words in preview[shown].decode(), (new, shown)


def test_a_build_after_a_build_reuses_nothing(fixture: Path, tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    config = fixture / "mkdocs.yml"
    for name in ("one", "two"):
        loaded = load_config(config_file=str(config), site_dir=str(tmp_path / name))
        loaded.plugins.on_startup(command="build", dirty=False)
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.clauses"):
            build(loaded)
    assert not [r for r in caplog.records if "unchanged since" in r.getMessage()]
    assert files(tmp_path / "one") == files(tmp_path / "two")


def test_a_rebuild_into_the_served_folder_writes_only_what_changed(
        fixture: Path, tmp_path: Path) -> None:
    """`serve` rebuilds into the folder it serves: files left as they were where their bytes
    are the same, what the build no longer makes removed, and the folder then holds exactly
    what a build writes."""
    config, site = fixture / "mkdocs.yml", tmp_path / "served"
    serve_build(config, site)
    untouched = site / "code" / "1.0" / "index.html"
    stale = site / "clause" / "no-longer-a-clause" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("a page of a clause the data no longer holds", encoding="utf-8")
    before = untouched.stat().st_mtime_ns
    edit(fixture / "content" / "data" / "versions" / "2.0.yaml", OLD, NEW)
    rebuilds = UnchangedFiles(site)
    rebuilds.builder(lambda: serve_build(config, site))()
    assert untouched.stat().st_mtime_ns == before
    assert not stale.parent.exists()
    assert 0 < rebuilds.written < rebuilds.unchanged
    built = mkdocs_build(config, tmp_path / "built")
    assert built.returncode == 0, built.stderr
    preview, fresh = files(site), files(tmp_path / "built")
    assert sorted(preview) == sorted(fresh)
    assert [name for name in fresh if preview[name] != fresh[name]] == []
    assert "exactly as you behave" in preview["code/2.0/index.html"].decode()


@pytest.mark.parametrize("title", ["Plain", 'Quote " and \\ backslash',
                                   "Caf\u00e9: {{ x }} # not a comment", "- a dash",
                                   "line\nbreak"])
def test_a_generated_page_s_front_matter_reads_as_its_values(title: str) -> None:
    """A preview takes a generated page's front matter as written instead of parsing it:
    MkDocs reads the same values from the file."""
    for searchable, boost in ((True, None), (True, 3), (False, None)):
        page = GeneratedPage("code/1.0/index.md", title, str, searchable, boost)
        assert get_data(page.front_matter) == ("", page.meta)
