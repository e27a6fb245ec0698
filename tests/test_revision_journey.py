"""A revision of a Code from start to finish, as the README's "Publishing a revision, step by
step" tells the Monitoring Officer: start version 2.1 from draft 2.0 (which the committee
amended at its meeting), edit it, record a second round of members' comments that it answers,
make the committee paper, adopt it, record its URLs, and start version 3.0. At each step the
whole site is built, PDFs included, with its check of every published URL: the pages, the
PDFs (their text, as pdftotext reads it), the JSON and the record of published URLs are
checked as a reader, a committee clerk or another council system would find them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from htmlpage import read_page
from recordkit import copy_fixture, edit, record_lines
from testkit import mkdocs_build, pdf_pages

from macros.__main__ import main

DATA = Path("content/data")
VERSIONS = DATA / "versions"

SECOND_ROUND = """\
  - reviewed_version: "2.0"
    answered_by: "2.1"
    source: the minutes of the Fixture Committee
    date: 2020-06-01
    comments:
      - id: member-c-coopted
        member: Cllr C
        topic: Co-opted members
        paragraph: "4"
        kind: summarised
        words: The Code should apply to co-opted members too.
        concerns: [scope]
        response:
          status: addressed
          text: Version 2.1 names co-opted members.
          clauses: [scope]
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    """`python -m macros ARGV`, which must succeed: the lines it printed."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return out.splitlines()


def build(root: Path, name: str) -> Path:
    """The whole site, PDFs included; the build checks every recorded URL in its output."""
    site = root.parent / name
    result = mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def page(site: Path, path: str) -> str:
    return read_page(site / path / "index.html").text


def version_json(site: Path, version_id: str) -> dict[str, object]:
    path = site / "code" / version_id / f"code-{version_id}.json"
    found: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))["version"]
    return found


def changes_json(site: Path, version_id: str) -> dict[str, object]:
    path = site / "code" / version_id / f"changes-{version_id}.json"
    found: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return found


def pdf(site: Path, version_id: str, kind: str = "code") -> list[str]:
    """The text of each page of a version's PDF ("code") or committee paper ("changes")."""
    return pdf_pages(site / "code" / version_id / f"{kind}-{version_id}.pdf")


def every_page_says(pages: list[str], *words: str) -> None:
    assert pages
    for number, text in enumerate(pages, 1):
        for said in words:
            assert said in text, (number, said, text[:300])
        assert f"Page {number} of {len(pages)}" in text, (number, text[-200:])


def test_a_revision_from_first_draft_to_the_version_in_force(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture(tmp_path)
    monkeypatch.chdir(root)
    published = record_lines(root)
    ok_3 = "OK: 3 version(s), 18 clauses; every URL in published-urls.txt resolves"

    # 1. Start version 2.1 from draft 2.0, for the meeting of 1 September 2020.
    assert run(capsys, "new-version", "2.1", "--for", "2020-09-01", "--summary",
               "Version 2.0 as the Fixture Committee amended it.") == [
        "Wrote content/data/versions/2.1.yaml: draft version 2.1, prepared for the Fixture "
        "Committee on 1 September 2020, with the 3 sections and 6 clauses of version 2.0.",
        "Listed it in content/data/code.yaml.", ok_3]
    draft = (root / VERSIONS / "2.1.yaml").read_text(encoding="utf-8")
    assert "status: draft\nbody: Fixture Committee\nprepared_for: 2020-09-01\n" in draft
    assert "approved_on" not in draft

    # 2. Edit it, answering a second round of members' comments, on draft 2.0.
    edit(root / VERSIONS / "2.1.yaml",
         "        text: This Code applies to every councillor.\n"
         "        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.1}}\n",
         "        text: This Code applies to every councillor and co-opted member.\n"
         "        provenance: {kind: drafted}\n"
         "        change: {reason: Co-opted members use social media for the council too., "
         "answers: [member-c-coopted]}\n")
    consultation = root / DATA / "consultation.yaml"
    consultation.write_text(consultation.read_text(encoding="utf-8") + SECOND_ROUND,
                            encoding="utf-8")
    assert run(capsys, "check") == [ok_3]
    site = build(root, "site-1")
    assert record_lines(root) == published  # nothing is recorded until record-urls
    assert ("Draft: version 2.1 has not been adopted. It was prepared for "
            "the Fixture Committee on 1 September 2020. Version 1.0 is in force.") in page(
                site, "code/2.1")
    assert "every councillor and co-opted member" in page(site, "code/2.1")
    assert {"status": "draft", "in_force": False, "date": "2020-09-01",
            "prepared_for": "2020-09-01", "approved_on": None}.items() <= version_json(
                site, "2.1").items()
    every_page_says(pdf(site, "2.1"), "Fixture Code, version 2.1 DRAFT, NOT ADOPTED")
    assert "Prepared for Fixture Committee Meeting date 1 September 2020" in pdf(site, "2.1")[0]
    consultation_page = page(site, "consultation")
    assert ("Round 2: comments on version 2.0, answered by version 2.1 (the minutes of the "
            "Fixture Committee of 1 June 2020)Draft: version 2.1 has not been adopted.") in (
                consultation_page)
    assert "Answered in version 2.1 (draft, not adopted) by clause 1.1." in consultation_page
    assert "Co-opted members use social media for the council too." in page(site, "changes")
    changes = changes_json(site, "2.1")
    assert changes["counts"] == {"added": 0, "removed": 0, "reworded": 1,
                                 "moved_or_renumbered": 0, "unchanged": 5}

    # 3. The committee paper: what 2.1 changes in 2.0, and why, marked as a draft.
    paper = pdf(site, "2.1", "changes")
    every_page_says(paper, "Version 2.1: DRAFT, NOT ADOPTED")
    whole = " ".join(paper)
    assert "Changes from version 2.0 to version 2.1" in whole
    assert ("This Code applies to every [deleted: councillor.] [inserted: councillor and "
            "co-opted member.] Why: Co-opted members use social media for the council too. "
            "Answers these comments from the consultation ◦ Cllr C: Co-opted members (comment "
            "member-c-coopted)") in whole

    # 4. Adopt it: 2.1 in force, 1.0 superseded, draft 2.0 replaced by 2.1; record its URLs.
    assert run(capsys, "adopt", "2.1", "--date", "2020-09-15") == [
        "content/data/versions/2.1.yaml: status draft -> adopted; approved_on 2020-09-15.",
        "content/data/versions/1.0.yaml: status adopted -> superseded; superseded_on "
        "2020-09-15.",
        "content/data/versions/2.0.yaml: status draft -> replaced; replaced_by 2.1.",
        "Version 2.1 is in force from 15 September 2020; version 1.0 is superseded on that date.",
        "Version 2.0 was not adopted as it stood: its pages, PDF and JSON stay published, and "
        "say that version 2.1 replaced it.", ok_3]
    said = run(capsys, "record-urls")
    assert len(said) == 1 and said[0].startswith("published-urls.txt: added ")
    assert said[0].endswith(" URL(s); recorded the wording of version 2.1")
    recorded = record_lines(root)
    assert set(published) <= set(recorded)  # every URL published before is still recorded
    assert "code/2.1/changes-2.1.pdf" in recorded and "code/2.1/#clause-1.1 scope" in recorded
    site = build(root, "site-2")  # every recorded URL, 2.0's included, resolves
    assert "now version 2.1." in page(site, "code")
    assert ("In force: version 2.1 was approved by the Fixture Committee on 15 September "
            "2020.") in page(site, "code/2.1")
    assert ("Superseded on 15 September 2020: version 1.0 is no longer in force."
            in page(site, "code/1.0"))
    old_draft = page(site, "code/2.0")
    assert ("Not adopted as it stood: version 2.0 was prepared for the Fixture Committee on 1 "
            "June 2020. Version 2.1 was adopted in its place by the Fixture Committee on 15 "
            "September 2020, and is in force.") in old_draft
    assert "Read version 2.1, adopted in its place" in old_draft
    link = read_page(site / "code" / "2.0" / "index.html")
    assert any(href == "../2.1/" for href, _ in link.links), link.links
    assert {"status": "replaced", "in_force": False, "date": "2020-06-01",
            "prepared_for": "2020-06-01", "approved_on": None, "replaced_by": "2.1",
            "replaced_by_url": "https://fixture.example.org/code/2.1/",
            "replaced_on": "2020-09-15"}.items() <= version_json(site, "2.0").items()
    assert {"status": "adopted", "in_force": True, "date": "2020-09-15",
            "prepared_for": "2020-09-01", "approved_on": "2020-09-15"}.items() <= version_json(
                site, "2.1").items()
    assert {"status": "superseded", "superseded_on": "2020-09-15",
            "approved_on": "2020-01-01"}.items() <= version_json(site, "1.0").items()
    every_page_says(pdf(site, "2.0"), "DRAFT, NOT ADOPTED, REPLACED BY VERSION 2.1")
    assert "Replaced by version 2.1, adopted in its place by the Fixture Committee on 15 " \
           "September 2020" in pdf(site, "2.0")[0]
    every_page_says(pdf(site, "2.1"), "Fixture Code, version 2.1 In force")
    assert "Approved by Fixture Committee Date approved 15 September 2020" in pdf(site, "2.1")[0]
    assert not any("DRAFT" in text for text in pdf(site, "2.1"))
    every_page_says(pdf(site, "2.1", "changes"), "Version 2.1: In force")
    old_paper = pdf(site, "2.0", "changes")
    every_page_says(old_paper, "Version 2.0: DRAFT, NOT ADOPTED, REPLACED BY VERSION 2.1")
    assert ("Replaced by version 2.1, adopted in its place by the Fixture Committee on 15 "
            "September 2020") in old_paper[0]
    assert "Answered in version 2.1 (in force)" in page(site, "consultation")

    # 5. Start version 3.0 from 2.1, the version in force.
    assert run(capsys, "new-version", "3.0", "--for", "2021-01-12") == [
        "Wrote content/data/versions/3.0.yaml: draft version 3.0, prepared for the Fixture "
        "Committee on 12 January 2021, with the 3 sections and 6 clauses of version 2.1.",
        "Listed it in content/data/code.yaml.",
        "OK: 4 version(s), 24 clauses; every URL in published-urls.txt resolves"]
    new = (root / VERSIONS / "3.0.yaml").read_text(encoding="utf-8")
    assert "        change:" not in new and "co-opted member" in new
    assert record_lines(root) == recorded
    site = build(root, "site-3")
    assert "Other versions: Version 3.0 (draft, not adopted)," in page(site, "code")
    assert "now version 2.1." in page(site, "code")
    assert version_json(site, "3.0")["status"] == "draft"
    assert changes_json(site, "3.0")["counts"] == {
        "added": 0, "removed": 0, "reworded": 0, "moved_or_renumbered": 0, "unchanged": 6}
    every_page_says(pdf(site, "3.0"), "Fixture Code, version 3.0 DRAFT, NOT ADOPTED")
    assert "Meeting date 12 January 2021" in pdf(site, "3.0")[0]
    every_page_says(pdf(site, "2.0"), "DRAFT, NOT ADOPTED, REPLACED BY VERSION 2.1")
