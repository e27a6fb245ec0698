"""Another council reuses the generator with its own settings and data, and no code change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from councilkit import macros
from htmlpage import read_page
from testkit import FIXTURES, ROOT, built

SECOND = FIXTURES / "second-council"


def council_names() -> set[str]:
    """The council names every configuration in the repository gives."""
    names = set()
    for config in [ROOT / "mkdocs.yml", *FIXTURES.glob("*/mkdocs.yml")]:
        data = yaml.load(config.read_text(encoding="utf-8"),
                         Loader=yaml.BaseLoader)  # noqa: S506 (strings only)
        name = ((data.get("extra") or {}).get("council") or {}).get("name")
        if name:
            names.add(name)
    return names


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(SECOND / "mkdocs.yml", tmp_path_factory.mktemp("second-council"))


def test_it_builds_with_its_own_name_title_and_logo(site: Path) -> None:
    home = read_page(site / "index.html")
    assert "Councillors' Online Conduct Protocol" in home.text
    assert "What Example Borough Council expects of its councillors online." in home.text
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<img src="assets/example-borough-logo.svg" alt="Example Borough Council">' in html
    assert (site / "assets" / "example-borough-logo.svg").is_file()
    version = read_page(site / "code" / "3.1" / "index.html")
    assert "Clause 1.3" in version.text


def test_nothing_of_the_first_council_appears(site: Path) -> None:
    first = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                      Loader=yaml.BaseLoader)["extra"]  # noqa: S506 (strings only)
    words = [first["council"]["name"], first["monitoring_officer"]["email"],
             first["monitoring_officer"]["phone"]]
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".css", ".xml"):
            text = path.read_text(encoding="utf-8")
            for word in words:
                assert word not in text, f"{word!r} in {path.relative_to(site)}"


def test_its_concerns_page_gives_its_own_monitoring_officer(site: Path) -> None:
    page = read_page(site / "concerns" / "index.html")
    assert "Councillors of Example Borough Council must follow" in page.text
    assert "Head of Legal Services and Monitoring Officer" in page.text
    assert "Town Hall, High Street, Exampleton EX1 1AA" in page.text
    assert "mailto:standards@example-borough.example" in [h for h, _ in page.links]


def test_its_accessibility_statement_uses_its_settings(site: Path) -> None:
    page = read_page(site / "accessibility" / "index.html")
    assert ("This website is fully compliant with the Web Content Accessibility Guidelines "
            "version 2.2 AA standard.") in page.text
    assert "Equality Commission for Northern Ireland" in page.text
    assert "This website was last tested on 15 January 2026." in page.text
    assert "mailto:web@example-borough.example" in [h for h, _ in page.links]


def test_its_own_glossary_and_guidance_are_used(site: Path) -> None:
    clause = (site / "code" / "3.1" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Information Commissioner&#x27;s Office">ICO</abbr>' in clause
    assert "Local Government Association" not in clause
    assert "Threatened online?" in clause
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "ICO</abbr>" in home  # hand-written Markdown, through the abbr extension
    assert 'href="https://help.example.org/safe"' in home
    guidance = read_page(site / "guidance" / "index.html")
    assert {"ico-guide", "safety-help"} <= guidance.ids


def test_hand_written_pages_and_the_generator_name_no_council() -> None:
    names = council_names()
    assert len(names) >= 2
    pages = [*(ROOT / "content" / "pages").rglob("*.md"), *(ROOT / "macros").rglob("*.py"),
             *(ROOT / "macros").rglob("*.html")]
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for name in names:
            assert name not in text, f"{page.relative_to(ROOT)} names {name!r}"


def test_it_was_started_by_the_command_and_lists_no_version_in_its_nav(tmp_path: Path) -> None:
    """The fixture is what `new-council` writes, with its own settings, data, logo and home
    page: its other hand pages and README are the command's, unchanged."""
    result = macros(tmp_path, "new-council", "started", "--name", "Example Borough Council",
                    "--document", "Protocol", "--title", "Councillors' Online Conduct Protocol",
                    "--site-url", "https://protocol.example-borough.example/")
    assert result.returncode == 0, result.stderr
    for name in (".gitignore", "README.md", "content/pages/accessibility.md",
                 "content/pages/concerns.md", "content/pages/glossary.md"):
        assert (SECOND / name).read_text(encoding="utf-8") == (
            tmp_path / "started" / name).read_text(encoding="utf-8"), name
    nav = yaml.safe_load((SECOND / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert not [entry for entry in nav if "code/3.1/index.md" in entry.values()]
