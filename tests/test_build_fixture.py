"""End to end: build the small fixture Code with MkDocs and read what a visitor gets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from htmlpage import Page, read_page
from testkit import FIXTURES, mkdocs_build


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mini-site")
    result = mkdocs_build(FIXTURES / "mini" / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def version_page(built: Path) -> Page:
    return read_page(built / "code" / "1.0" / "index.html")


def test_numbers_are_shown(version_page: Page) -> None:
    text = version_page.text
    for heading in ("1 First section", "2 Second section", "Clause 1.1", "Clause 1.2",
                    "Clause 2.1", "(a) first item;", "(b) second item"):
        assert heading in text


def test_every_clause_has_number_and_key_anchors(version_page: Page) -> None:
    expected = {"section-1", "section-2", "clause-1.1", "clause-1.2", "clause-1.2-a",
                "clause-1.2-b", "clause-2.1", "first", "second", "alpha", "beta", "beta-one",
                "beta-two", "gamma"}
    assert expected <= version_page.ids


def test_cross_references_render_as_linked_numbers(version_page: Page) -> None:
    xrefs = {(href, attrs.get("class")) for href, attrs in version_page.links}
    assert ("#clause-2.1", "smc-xref") in xrefs  # [[gamma]] in 1.1
    assert ("#clause-1.1", "smc-xref") in xrefs  # [[alpha]] in item 1.2(b)
    assert ("#clause-1.2-b", "smc-xref") in xrefs  # refs: [beta-two] on 2.1
    assert "See also clause 1.2(b)." in version_page.text


def test_link_to_this_clause_is_a_plain_versioned_link(built: Path, version_page: Page) -> None:
    controls = [(href, a) for href, a in version_page.links if a.get("class") == "smc-clause__link"]
    assert [href for href, _ in controls] == ["#clause-1.1", "#clause-1.2", "#clause-2.1"]
    short = read_page(built / "code" / "index.html")
    short_controls = [h for h, a in short.links if a.get("class") == "smc-clause__link"]
    assert short_controls == ["1.0/#clause-1.1", "1.0/#clause-1.2", "1.0/#clause-2.1"]
    assert "version 1.0" in short.text


def test_data_is_escaped_not_run(version_page: Page, built: Path) -> None:
    html = (built / "code" / "1.0" / "index.html").read_text(encoding="utf-8")
    assert 'Gamma clause about &quot;safety&quot; &amp; {{ not_jinja }}.' in html
    assert 'Gamma clause about "safety" & {{ not_jinja }}.' in version_page.text


def test_reconstructed_clause_says_so(version_page: Page) -> None:
    # Beside the number, linked to the note under "About this clause" that explains it.
    assert "Clause 1.2 wording reconstructed " in version_page.text
    assert "#wording-1.2" in [href for href, _ in version_page.links]
    assert ("Wording reconstructed. We do not have the adopted words of this clause: the "
            "fixture report of 1 January 2020 does not quote them. So these words are written "
            "from what its paragraph 2.2 says about the clause.") in version_page.text


def test_broken_cross_reference_fails_naming_file_and_key(tmp_path: Path) -> None:
    fixture = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", fixture)
    data = fixture / "content" / "data" / "versions" / "1.0.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("[[gamma]]", "[[gama]]"),
                    encoding="utf-8")
    config = fixture / "mkdocs.yml"
    config.write_text(_rebase(config.read_text(encoding="utf-8")), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "out")
    assert result.returncode != 0
    assert ("content/data/versions/1.0.yaml:12: clause 'alpha': cross-reference to unknown key "
            "'gama'. Did you mean 'gamma'? Fix: use the key of a clause in version 1.0"
            ) in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()


def _rebase(config: str) -> str:
    """Point a copied fixture config's relative paths back at the repository."""
    root = str(FIXTURES.parent.parent)
    return config.replace("../../../", root + "/")
