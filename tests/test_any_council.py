"""Any council, from nothing to a published revision, with the package's commands only.

A council starts its site with `new-council`, puts its own protocol (a bulleted list of do's
and don'ts, with no paragraph numbers: `tests/fixtures/bulleted-protocol/`) in place of the example,
publishes it, then publishes a revision that rewords one clause, adds one and removes one.
At each step the pages, the PDF, the JSON and the record of published URLs say so.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
from councilkit import macros, original_council_words, published_text
from htmlpage import read_page
from testkit import FIXTURES, mkdocs_build, pdf_pages

PROTOCOL = FIXTURES / "bulleted-protocol"
NAME = "Westmere District Council"
TITLE = "Councillors' Social Media Protocol"
SITE = "https://www.westmere.example/protocol/"


class Step(NamedTuple):
    """A built site, what recording its URLs printed, and the record after it."""

    site: Path
    recorded: str
    record: list[str]


def build_and_record(folder: Path, name: str) -> Step:
    site = folder.parent / name
    result = mkdocs_build(folder / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    recorded = macros(folder, "record-urls")
    assert recorded.returncode == 0, recorded.stderr
    record = (folder / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    # The record now holds the site's URLs: the next build checks them.
    again = mkdocs_build(folder / "mkdocs.yml", site)
    assert again.returncode == 0, again.stdout + again.stderr
    return Step(site, recorded.stdout.strip(), record)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("any-council")
    started = macros(root, "new-council", "westmere", "--name", NAME, "--document", "Protocol",
                     "--title", TITLE, "--site-url", SITE)
    assert started.returncode == 0, started.stderr
    return root / "westmere"


@pytest.fixture(scope="module")
def first(folder: Path) -> Step:
    """The council's own protocol in place of the example, built and recorded."""
    data = folder / "content" / "data"
    (data / "versions" / "1.0.yaml").unlink()
    shutil.copytree(PROTOCOL / "content" / "data", data, dirs_exist_ok=True)
    checked = macros(folder, "check")
    assert checked.returncode == 0, checked.stderr
    return build_and_record(folder, "site-1")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def second(folder: Path, first: Step) -> Step:
    """Version 1.1: 'check-facts' reworded, 'keep-records' added, 'no-council-logo' removed;
    started, edited, adopted, built and recorded with the package's commands."""
    started = macros(folder, "new-version", "1.1", "--date", "2026-03-04", "--summary",
                     "The Protocol with the changes the Standards Committee asked for.")
    assert started.returncode == 0, started.stderr
    version = folder / "content" / "data" / "versions" / "1.1.yaml"
    edit(version, "        text: Check that what you share is true before you share it.\n"
         "        provenance: {kind: verbatim, source: {document: protocol, at: bullet 2}}\n",
         "        text: Check that what you share is true, and say where it comes from.\n"
         "        provenance: {kind: drafted}\n"
         "        change: {reason: Readers should be able to check it too.}\n")
    edit(version, "        text: Report threats or abuse you receive to the police and to the "
         "Council.\n"
         "        provenance: {kind: verbatim, source: {document: protocol, at: bullet 4}}\n",
         "        text: Report threats or abuse you receive to the police and to the "
         "Council.\n"
         "        provenance: {kind: verbatim, source: {document: protocol, at: bullet 4}}\n"
         "      - key: keep-records\n"
         "        text: Keep a copy of anything you report.\n"
         "        provenance: {kind: drafted}\n"
         "        change: {reason: The police ask for copies.}\n")
    edit(version, "      - key: no-council-logo\n"
         "        text: Do not use the Council's logo on a personal account.\n"
         "        provenance: {kind: verbatim, source: {document: protocol, at: bullet 7}}\n", "")
    version.write_text(version.read_text(encoding="utf-8") + (
        "removed:\n  - key: no-council-logo\n"
        "    reason: The Council's brand guidelines now say this for everyone.\n"),
        encoding="utf-8")
    checked = macros(folder, "check")
    assert checked.returncode == 0, checked.stderr
    adopted = macros(folder, "adopt", "1.1", "--date", "2026-03-04")
    assert adopted.returncode == 0, adopted.stderr
    return build_and_record(folder, "site-2")


def clause_texts(site: Path, version: str) -> dict[str, str]:
    """Each clause's number and text in a version's JSON."""
    data = json.loads((site / "code" / version / f"code-{version}.json").read_text("utf-8"))
    return {c["number"]: c["text"] for s in data["sections"] for c in s["clauses"]}


def test_the_protocol_replaces_the_example(first: Step) -> None:
    page = read_page(first.site / "code" / "1.0" / "index.html")
    assert "Clause 1.2 Check that what you share is true before you share it." in page.text
    assert "Clause 2.3 Do not use the Council's logo on a personal account." in page.text
    # (the only "example" left is in the council's own address, which its citations give)
    assert "example" not in page.text.lower().replace("westmere.example", "")
    # Its wording is quoted from the bulleted list: the source names the bullet, no paragraph.
    assert "bullet 2" in page.text
    assert "paragraph" not in page.text.lower()
    home = read_page(first.site / "index.html")
    assert f"the standards {NAME} expects of its councillors" in home.text
    assert clause_texts(first.site, "1.0")["2.2"] == (
        "Do not post in anger; wait until you are calm.")
    pdf = " ".join(pdf_pages(first.site / "code" / "1.0" / "code-1.0.pdf"))
    assert NAME in pdf
    assert "Do not post in anger; wait until you are calm." in pdf
    texts = published_text(first.site)
    for word in original_council_words():
        assert not [name for name, text in texts.items() if word in text], word


def test_the_first_publication_is_recorded(first: Step) -> None:
    urls = [line for line in first.record if "/" in line and not line.startswith(("#", "site"))]
    assert first.recorded == (f"published-urls.txt: added {len(urls)} URL(s); recorded the "
                              "wording of version 1.0")
    assert f"site {SITE}" in first.record
    assert "code/1.0/#clause-2.3 no-council-logo" in first.record
    assert any(line.startswith("wording 1.0 no-council-logo ") for line in first.record)


def test_the_revision_shows_what_changed(second: Step) -> None:
    texts = clause_texts(second.site, "1.1")
    assert texts["1.2"] == "Check that what you share is true, and say where it comes from."
    assert texts["1.5"] == "Keep a copy of anything you report."
    assert "Do not use the Council's logo on a personal account." not in texts.values()
    assert clause_texts(second.site, "1.0")["2.3"] == (
        "Do not use the Council's logo on a personal account.")
    changes = read_page(second.site / "changes" / "index.html").text
    for said in ("Readers should be able to check it too.", "The police ask for copies.",
                 "The Council's brand guidelines now say this for everyone."):
        assert said in changes
    data = json.loads((second.site / "code" / "1.1" / "changes-1.1.json").read_text("utf-8"))
    assert "keep-records" in json.dumps(data)
    assert "no-council-logo" in json.dumps(data)
    paper = " ".join(pdf_pages(second.site / "code" / "1.1" / "changes-1.1.pdf"))
    assert "Keep a copy of anything you report." in paper
    assert "Changes from version 1.0 to version 1.1" in paper
    old = read_page(second.site / "code" / "1.0" / "index.html").text
    assert "Superseded" in old


def test_the_revision_is_recorded_and_the_first_still_resolves(first: Step,
                                                              second: Step) -> None:
    assert second.recorded.startswith("published-urls.txt: added ")
    assert second.recorded.endswith("; recorded the wording of version 1.1")
    assert [line for line in first.record if line in second.record] == first.record
    assert "code/1.1/#clause-1.5 keep-records" in second.record
    assert (second.site / "code" / "1.0" / "code-1.0.pdf").is_file()
