"""`python -m macros new-council` starts a whole site for another council: it builds at once,
shows nothing of the council this repository publishes, and refuses what it cannot do."""

from __future__ import annotations

from pathlib import Path

import pytest
from councilkit import macros, original_council_words, published_text
from htmlpage import read_page
from testkit import mkdocs_build

NAME = "Anyshire County Council"


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A new council's folder, and what the command printed."""
    root = tmp_path_factory.mktemp("new-council")
    result = macros(root, "new-council", "anyshire", "--name", NAME)
    assert result.returncode == 0, result.stderr
    return root / "anyshire", result.stdout


@pytest.fixture(scope="module")
def built(started: tuple[Path, str]) -> tuple[Path, str]:
    """The new council's site, built as its README says, and what the build printed."""
    folder, _ = started
    result = mkdocs_build(folder / "mkdocs.yml", folder / "site", quiet=False)
    assert result.returncode == 0, result.stderr
    return folder / "site", result.stderr


def test_the_command_says_what_it_wrote_and_what_to_do_next(started: tuple[Path, str]) -> None:
    folder, said = started
    assert said.splitlines() == [
        f"Wrote anyshire/: the site of {NAME} for its Social Media Code for Councillors, "
        "with an example version 1.0 to replace.",
        "OK: 1 version(s), 2 clauses",
        "Next: read anyshire/README.md and replace the lines of anyshire/mkdocs.yml marked "
        "REPLACE; then, in anyshire, preview the site with: .venv/bin/mkdocs serve --strict"]
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        ".gitignore", "README.md", "content/data/code.yaml", "content/data/glossary.md",
        "content/data/versions/1.0.yaml", "content/pages/accessibility.md",
        "content/pages/concerns.md", "content/pages/glossary.md", "content/pages/index.md",
        "mkdocs.yml", "published-urls.txt"]


def test_the_generator_and_theme_come_from_the_package_not_copies(
        started: tuple[Path, str], built: tuple[Path, str]) -> None:
    folder, _ = started
    site, _ = built
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in config
    assert "document: Code" in config
    assert (site / "assets" / "code.css").is_file()
    assert (site / "assets" / "version-switch.js").is_file()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "    .venv/bin/mkdocs serve --strict\n" in readme
    assert "    .venv/bin/mkdocs build --strict\n" in readme


def test_the_example_is_marked_as_one_to_replace(started: tuple[Path, str],
                                                  built: tuple[Path, str]) -> None:
    folder, _ = started
    site, _ = built
    version = (folder / "content" / "data" / "versions" / "1.0.yaml").read_text(encoding="utf-8")
    assert version.startswith("# An EXAMPLE to replace with the council's own Code")
    page = read_page(site / "code" / "1.0" / "index.html")
    assert "This is an example clause, to replace with the council's own wording" in page.text
    assert "An example to replace with the first version of the council's own Code." in page.text


def test_the_new_site_builds_with_its_own_council_and_nothing_of_ours(
        built: tuple[Path, str]) -> None:
    site, _ = built
    home = read_page(site / "index.html")
    assert f"the standards {NAME} expects of its councillors" in home.text
    concerns = read_page(site / "concerns" / "index.html")
    assert f"Councillors of {NAME} must follow" in concerns.text
    assert "mailto:monitoring.officer@example.org" in [h for h, _ in concerns.links]
    texts = published_text(site)
    assert any(name.endswith(".pdf") for name in texts)
    assert any(name.endswith("code-1.0.json") for name in texts)
    for word in original_council_words():
        for name, text in texts.items():
            assert word not in text, f"{word!r} in {name}"


def test_no_consultation_or_guidance_page_and_no_nav_entry_for_them(
        built: tuple[Path, str]) -> None:
    site, _ = built
    assert not (site / "consultation").exists()
    assert not (site / "guidance").exists()
    links = [href for href, _ in read_page(site / "index.html").links]
    assert "code/1.0/" in links
    assert not [h for h in links if h.startswith(("consultation", "guidance"))]


def test_the_first_build_says_when_to_record_the_urls(built: tuple[Path, str]) -> None:
    _, printed = built
    assert ("published-urls.txt records no published URL yet. When the first version is "
            "published, record its URLs with .venv/bin/python -m macros record-urls and "
            "commit published-urls.txt") in printed


def test_help_explains_the_command(tmp_path: Path) -> None:
    result = macros(tmp_path, "new-council", "--help")
    assert result.returncode == 0
    assert "DIR" in result.stdout and "--name" in result.stdout
    assert "upgrading it updates the site" in " ".join(result.stdout.split())


@pytest.mark.parametrize(("args", "said"), [
    (["taken", "--name", NAME],
     "taken already exists and is not empty. Fix: give the path of a new folder, or of an "
     "empty one."),
    (["a-file", "--name", NAME], "a-file is a file. Fix: give the path of a new folder."),
    (["new", "--name", "  "],
     "--name is empty. Fix: give the council's name, e.g. --name \"Anyshire County Council\""),
    (["new", "--name", "Any\nshire"],
     "--name is not one line of at most 200 characters. Fix: give the council's name, e.g. "
     "--name \"Anyshire County Council\""),
    (["new", "--name", NAME, "--site-url", "http://example.org"],
     "--site-url 'http://example.org' is not an address starting https:// and ending in /. "
     "Fix: give the address the site will be published at, e.g. --site-url "
     "https://www.example.org/social-media-code/"),
])
def test_what_it_refuses_is_one_line_and_changes_nothing(tmp_path: Path, args: list[str],
                                                         said: str) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine\n", encoding="utf-8")
    (tmp_path / "a-file").write_text("mine\n", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    result = macros(tmp_path, "new-council", *args)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [said, "Nothing was changed."]
    assert sorted(tmp_path.rglob("*")) == before


def test_a_missing_parent_folder_is_refused(tmp_path: Path) -> None:
    result = macros(tmp_path, "new-council", "no/such/place", "--name", NAME)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'no' / 'such'} does not exist. Fix: create it first, or give a folder "
        "in one that exists.", "Nothing was changed."]
    assert not (tmp_path / "no").exists()


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = macros(tmp_path, "new-council", "empty", "--name", NAME, "--document", "Protocol")
    assert result.returncode == 0, result.stderr
    assert "for its Social Media Protocol for Councillors" in result.stdout
    assert (tmp_path / "empty" / "mkdocs.yml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["empty"]  # nothing left beside it


def test_the_folder_may_be_the_empty_one_you_are_in(tmp_path: Path) -> None:
    here = tmp_path / "anyshire"
    here.mkdir()
    result = macros(here, "new-council", ".", "--name", NAME)
    assert result.returncode == 0, result.stderr
    assert (here / "mkdocs.yml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anyshire"]
