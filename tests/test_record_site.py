"""The record of published URLs knows the site it was made for: another site's record is one
line saying so, with the command that starts a new record, and `record-urls` writes nothing
while the build has problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from councilkit import macros
from testkit import mkdocs_build

from macros.compute.recordfile import RecordFile, parse_record

EXAMPLE = "https://www.example.org/social-media-code/"
OURS = "https://code.anyshire.example/"
MOVED = (f"published-urls.txt:6: site: the record was made for {EXAMPLE}, but site_url in "
         f"mkdocs.yml is {OURS}. Fix: if this is a new site, start a new record for it with "
         ".venv/bin/python -m macros record-urls --new-site; if the site has moved, change "
         f"this line to 'site {OURS}'")


@pytest.fixture
def council(tmp_path: Path) -> Path:
    """A council just started with the command (its record empty, made for the example
    address)."""
    result = macros(tmp_path, "new-council", "council", "--name", "Anyshire County Council")
    assert result.returncode == 0, result.stderr
    return tmp_path / "council"


def set_site_url(council: Path, url: str) -> None:
    config = council / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"site_url: {EXAMPLE}", f"site_url: {url}"), encoding="utf-8")


def test_the_record_names_its_site(council: Path) -> None:
    record = council / "published-urls.txt"
    assert f"\nsite {EXAMPLE}\n" in record.read_text(encoding="utf-8")
    result = macros(council, "record-urls")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("published-urls.txt: added ")
    assert result.stdout.rstrip().endswith("; recorded the wording of version 1.0")
    lines = record.read_text(encoding="utf-8").splitlines()
    assert lines[5] == f"site {EXAMPLE}"
    assert "code/1.0/" in lines


def test_an_empty_record_goes_with_a_new_address(council: Path) -> None:
    set_site_url(council, OURS)
    assert mkdocs_build(council / "mkdocs.yml", council / "site").returncode == 0
    result = macros(council, "record-urls")
    assert result.returncode == 0, result.stderr
    assert f"\nsite {OURS}\n" in (council / "published-urls.txt").read_text(encoding="utf-8")


def test_a_record_made_for_another_site_is_one_line(council: Path) -> None:
    assert macros(council, "record-urls").returncode == 0
    record = council / "published-urls.txt"
    before = record.read_text(encoding="utf-8")
    set_site_url(council, OURS)
    built = mkdocs_build(council / "mkdocs.yml", council / "site")
    assert built.returncode == 1
    assert [line for line in (built.stdout + built.stderr).splitlines() if "Fix:" in line] == [
        MOVED]
    check = macros(council, "check")
    assert check.returncode == 1
    assert MOVED in check.stderr.splitlines()
    refused = macros(council, "record-urls")
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "published-urls.txt is unchanged: first fix these problems:", MOVED]
    assert record.read_text(encoding="utf-8") == before
    started = macros(council, "record-urls", "--new-site")
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith(f"published-urls.txt: started a new record for {OURS}; "
                                     "added ")
    assert f"\nsite {OURS}\n" in record.read_text(encoding="utf-8")
    assert mkdocs_build(council / "mkdocs.yml", council / "site").returncode == 0


def test_record_urls_writes_nothing_while_the_settings_have_problems(council: Path) -> None:
    config = council / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "docs_dir: content/pages\n", "docs_dir: content/pages\ndocs_dir: content/pages\n"),
        encoding="utf-8")
    record = council / "published-urls.txt"
    before = record.read_text(encoding="utf-8")
    result = macros(council, "record-urls")
    assert result.returncode == 1
    assert result.stderr.splitlines()[1].startswith(
        "mkdocs.yml:8: docs_dir: 'docs_dir' is given twice, at lines 7 and 8")
    assert result.stderr.splitlines()[-1] == (
        "published-urls.txt is unchanged: fix these problems first.")
    assert record.read_text(encoding="utf-8") == before


def test_record_urls_writes_nothing_while_a_setting_is_wrong(council: Path) -> None:
    config = council / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "email: monitoring.officer@example.org", "email: the office"), encoding="utf-8")
    record = council / "published-urls.txt"
    before = record.read_text(encoding="utf-8")
    result = macros(council, "record-urls")
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == [
        "mkdocs.yml:54: extra.monitoring_officer.email: 'the office' is not a valid email. "
        "Fix: correct the value in mkdocs.yml",
        "published-urls.txt is unchanged: fix these problems first."]
    assert record.read_text(encoding="utf-8") == before


def test_a_record_naming_two_sites_is_refused_at_the_second() -> None:
    found = parse_record(f"# record\nsite {EXAMPLE}\ncode/\nsite {OURS}\n", "published-urls.txt")
    assert [str(p) for p in found] == [
        f"published-urls.txt:4: site: says two sites: {OURS} here and {EXAMPLE} on line 2. "
        "Fix: keep the line of the site the record was made for and delete the other"]
    same = parse_record(f"site {EXAMPLE}\ncode/\nsite {EXAMPLE}\n", "published-urls.txt")
    assert isinstance(same, RecordFile)
    assert same.site == (1, EXAMPLE)
