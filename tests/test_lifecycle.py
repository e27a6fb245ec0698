"""A Code carried through every revision with the commands: `new-version`, an edit, `adopt`
and `new-version` again, the pages and JSON checked at each step; and every refusal of the
two commands, each of which changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from htmlpage import read_page
from recordkit import copy_fixture, edit, record_urls
from testkit import VERSION_HEAD, CodeDir, mkdocs_build

from macros.__main__ import main
from macros.compute.code import build_code
from macros.export.pdf import version_html
from macros.render.environment import Templates

DATA = Path("content/data")
SITE_URL = "https://fixture.example.org/"


@pytest.fixture
def fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the two-version fixture (1.0 in force, 2.0 a draft, both published), as the
    working folder of the commands. Its builds leave out the PDFs, for speed, and with them the
    check of the record, which would miss them; the commands still check the record, and the
    PDFs' text is checked from the HTML they are made from."""
    dest = copy_fixture(tmp_path)
    edit(dest / "mkdocs.yml", "      url_record: published-urls.txt\n", "      pdf: false\n")
    monkeypatch.chdir(dest)
    return dest


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`python -m macros ARGV` in this process: exit code, standard output and error."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def files(root: Path) -> dict[str, str]:
    """Every file of the Code's data and the record, by path: to show nothing changed."""
    found = sorted([*(root / DATA).rglob("*.yaml"), root / "published-urls.txt"])
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in found}


def clauses(version_text: str) -> list[dict[str, object]]:
    """The clauses of a version file, as data."""
    data = yaml.safe_load(version_text)
    return [c for s in data["sections"] for c in s["clauses"]]


def build(root: Path, tmp_path: Path, name: str) -> Path:
    site = tmp_path / name
    result = mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def text(site: Path, page: str) -> str:
    return read_page(site / page / "index.html").text


def version_json(site: Path, version_id: str) -> dict[str, object]:
    path = site / "code" / version_id / f"code-{version_id}.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    version: dict[str, object] = document["version"]
    return version


def counts(site: Path, version_id: str) -> dict[str, int]:
    path = site / "code" / version_id / f"changes-{version_id}.json"
    found: dict[str, int] = json.loads(path.read_text(encoding="utf-8"))["counts"]
    return found


def pdf_html(root: Path, version_id: str) -> str:
    code = build_code(root / DATA / "code.yaml", root)
    return str(version_html(Templates(), code, code.version(version_id), SITE_URL,
                            "Fixture District Council"))


def test_a_code_through_new_version_edit_adopt_and_new_version_again(
        fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest_before = (fixture / DATA / "code.yaml").read_text(encoding="utf-8")

    # 1. Start version 2.1 from the latest, 2.0: its clauses, none of 2.0's reasons.
    code, out, err = run(capsys, "new-version", "2.1", "--date", "2020-09-01")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Wrote content/data/versions/2.1.yaml: draft version 2.1, prepared for the Fixture "
        "Committee on 1 September 2020, with the 3 sections and 6 clauses of version 2.0.",
        "Listed it in content/data/code.yaml.",
        "OK: 3 version(s), 18 clauses; every URL in published-urls.txt resolves",
    ]
    manifest = (fixture / DATA / "code.yaml").read_text(encoding="utf-8")
    assert manifest == manifest_before.replace("  - versions/2.0.yaml\n",
                                               "  - versions/2.0.yaml\n  - versions/2.1.yaml\n")
    draft = (fixture / DATA / "versions" / "2.1.yaml").read_text(encoding="utf-8")
    assert "removed" not in yaml.safe_load(draft) and "member-b" not in draft
    assert not [c for c in clauses(draft) if "change" in c]
    assert 'id: "2.1"\n' in draft and "status: draft\n" in draft
    assert "prepared_for: 2020-09-01\n" in draft
    assert "summary: A revision of version 2.0.\n" in draft
    # as 2.0 wrote it
    assert "        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.1}}\n" \
        in draft
    site = build(fixture, tmp_path, "site-1")
    assert ("Draft: version 2.1 has not been adopted. It was prepared for the "
            "Fixture Committee on 1 September 2020. Version 1.0 is in force.") in text(site,
                                                                               "code/2.1")
    assert "About this version A revision of version 2.0." in text(site, "code/2.1")
    assert "now version 1.0." in text(site, "code")
    assert "This wording is new in this version." not in text(site, "code/2.1")
    assert text(site, "code/2.1").count("This wording was first written for version 2.0.") == 3
    assert version_json(site, "2.1")["status"] == "draft"
    assert version_json(site, "2.1")["in_force"] is False
    assert counts(site, "2.1") == {"added": 0, "removed": 0, "reworded": 0,
                                   "moved_or_renumbered": 0, "unchanged": 6}

    # 2. Reword a clause of the draft, saying why.
    edit(fixture / DATA / "versions" / "2.1.yaml",
         "        text: This Code applies to every councillor.\n"
         "        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.1}}\n",
         "        text: This Code applies to every councillor and co-opted member.\n"
         "        provenance: {kind: drafted}\n"
         "        change: {reason: Co-opted members use social media for the council too.}\n")
    assert run(capsys, "check")[:2] == (0, "OK: 3 version(s), 18 clauses; every URL in "
                                           "published-urls.txt resolves\n")
    site = build(fixture, tmp_path, "site-2")
    assert "every councillor and co-opted member" in text(site, "code/2.1")
    assert text(site, "code/2.1").count("This wording is new in this version.") == 1
    assert counts(site, "2.1")["reworded"] == 1
    assert "Co-opted members use social media for the council too." in text(site, "changes")

    # 3. Adopt it: 2.1 in force, 1.0 superseded on that date, 2.0 replaced by it.
    before = files(fixture)
    code, out, err = run(capsys, "adopt", "2.1", "--date", "2020-09-15", "--body",
                         "Full Council")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "content/data/versions/2.1.yaml: status draft -> adopted; approved_on 2020-09-15; "
        "body 'Fixture Committee' -> 'Full Council'.",
        "content/data/versions/1.0.yaml: status adopted -> superseded; superseded_on "
        "2020-09-15.",
        "content/data/versions/2.0.yaml: status draft -> replaced; replaced_by 2.1.",
        "Version 2.1 is in force from 15 September 2020; version 1.0 is superseded on that date.",
        "Version 2.0 was not adopted as it stood: its pages, PDF and JSON stay published, and "
        "say that version 2.1 replaced it.",
        "OK: 3 version(s), 18 clauses; every URL in published-urls.txt resolves",
    ]
    after = files(fixture)
    changed = {path for path in after if after[path] != before[path]}
    assert changed == {"content/data/versions/1.0.yaml", "content/data/versions/2.0.yaml",
                       "content/data/versions/2.1.yaml"}
    v1 = "content/data/versions/1.0.yaml"
    assert after[v1] == before[v1].replace(
        "status: adopted\n", "status: superseded\n").replace(
        "approved_on: 2020-01-01\n", "approved_on: 2020-01-01\nsuperseded_on: 2020-09-15\n")
    v21 = "content/data/versions/2.1.yaml"
    assert after[v21] == before[v21].replace("status: draft\n", "status: adopted\n").replace(
        "body: Fixture Committee\n", "body: Full Council\n").replace(
        "prepared_for: 2020-09-01\n", "prepared_for: 2020-09-01\napproved_on: 2020-09-15\n")
    v20 = "content/data/versions/2.0.yaml"
    assert after[v20] == before[v20].replace("status: draft\n", "status: replaced\n").replace(
        "prepared_for: 2020-06-01\n", "prepared_for: 2020-06-01\nreplaced_by: '2.1'\n")
    site = build(fixture, tmp_path, "site-3")
    assert ("In force: version 2.1 was approved by the Full Council on 15 September "
            "2020.") in text(site, "code/2.1")
    assert "now version 2.1." in text(site, "code")
    assert "The version in force is version 2.1." in text(site, "")
    assert ("Superseded on 15 September 2020: version 1.0 is no longer in force. It "
            "was approved by the Fixture Committee on 1 January 2020. Version 2.1 is in "
            "force.") in text(site, "code/1.0")
    assert ("Not adopted as it stood: version 2.0 was "
            "prepared for the Fixture Committee on 1 June 2020. Version 2.1 was adopted in its "
            "place by the Full Council on 15 September 2020, and is in force.") in text(
                site, "code/2.0")
    assert ("Read version 2.1, adopted in its place by the Full Council on 15 September 2020. "
            "This page keeps the draft as it was published.") in text(site, "code/2.0")
    for page in ("code/2.1", "code", "changes", "clause/scope", ""):
        assert "2.1 (draft" not in text(site, page), page
    assert {"status": "adopted", "in_force": True, "date": "2020-09-15",
            "approved_on": "2020-09-15", "prepared_for": "2020-09-01",
            "body": "Full Council"}.items() <= version_json(site, "2.1").items()
    assert {"status": "replaced", "in_force": False, "date": "2020-06-01",
            "prepared_for": "2020-06-01", "approved_on": None, "replaced_by": "2.1",
            "replaced_on": "2020-09-15"}.items() <= version_json(site, "2.0").items()
    assert {"status": "superseded", "in_force": False,
            "superseded_on": "2020-09-15"}.items() <= version_json(site, "1.0").items()
    versions = json.loads((site / "code" / "versions.json").read_text(encoding="utf-8"))
    assert [v["title"] for v in versions] == [
        "2.1 (in force)", "2.0 (not adopted, replaced by version 2.1)", "1.0 (superseded)"]
    assert "In force" in pdf_html(fixture, "2.1") and "DRAFT" not in pdf_html(fixture, "2.1")
    assert "Superseded" in pdf_html(fixture, "1.0")
    recorded = record_urls(fixture)
    assert recorded.returncode == 0, recorded.stderr

    # 4. Start version 3.0 from 2.1: 2.1's reason for its change is not carried over.
    code, out, err = run(capsys, "new-version", "3.0", "--date", "2021-01-12", "--summary",
                         "A revision for co-opted members.")
    assert (code, err) == (0, ""), err
    new = (fixture / DATA / "versions" / "3.0.yaml").read_text(encoding="utf-8")
    assert not [c for c in clauses(new) if "change" in c]
    assert "status: draft\n" in new and "body: Full Council\n" in new
    assert "summary: A revision for co-opted members.\n" in new
    site = build(fixture, tmp_path, "site-4")
    assert "now version 2.1." in text(site, "code")
    assert ("Other versions: Version 3.0 (draft, not adopted), Version 2.0 (not adopted, "
            "replaced by version 2.1), "
            "Version 1.0 (superseded). See what changed since version 2.0. See what version "
            "3.0 changes.") in text(site, "code")
    assert version_json(site, "3.0")["status"] == "draft"
    assert counts(site, "3.0")["reworded"] == 0
    assert "DRAFT, not adopted" in pdf_html(fixture, "3.0")


def test_the_commands_run_as_python_m_macros_and_explain_themselves(fixture: Path) -> None:
    for command in ("new-version", "adopt"):
        shown = subprocess.run([sys.executable, "-m", "macros", command, "--help"],
                               capture_output=True, text=True, check=False)
        assert shown.returncode == 0 and "--date" in shown.stdout and "ID" in shown.stdout
    made = subprocess.run([sys.executable, "-m", "macros", "new-version", "2.1", "--date",
                           "2020-09-01"], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    assert made.stdout.endswith("OK: 3 version(s), 18 clauses; every URL in "
                                "published-urls.txt resolves\n")


def refused(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> list[str]:
    """The lines a refused command prints, after checking that it changed nothing."""
    before = files(root)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, ""), out
    assert files(root) == before
    return err.splitlines()


NOTHING = "Nothing was changed."
NEXT = "Fix: choose a number after 2.0, the latest version, e.g. 2.1."


@pytest.mark.parametrize(("argv", "lines"), [
    (["new-version", "2.0", "--date", "2020-09-01"],
     [f"Version 2.0 already exists (content/data/versions/2.0.yaml). {NEXT}", NOTHING]),
    (["new-version", "1.5", "--date", "2020-09-01"],
     ["Version 1.5 would come before version 2.0, the latest (numbers compare as numbers: "
      f"2.10 comes after 2.9). {NEXT}", NOTHING]),
    (["new-version", "2.0.1", "--date", "2020-09-01"],
     ["'2.0.1' is not a version number. Fix: write two whole numbers joined by a dot: choose "
      "a number after 2.0, the latest version, e.g. 2.1.", NOTHING]),
    (["new-version", "2.01", "--date", "2020-09-01"],
     ["'2.01' has a leading zero. Fix: write it 2.1.", NOTHING]),
    (["new-version", "2.1", "--date", "2020-05-01"],
     ["--for 2020-05-01 is before 1 June 2020, the date of version 2.0. Fix: give the date "
      "of the meeting the new version is prepared for, on or after 2020-06-01.", NOTHING]),
    (["new-version", "2.1", "--date", "2020-09-01", "--summary", "  "],
     ["--summary is empty. Fix: write one or two plain sentences in quotes after --summary.",
      NOTHING]),
    (["new-version", "2.1", "--date", "2020-09-01", "--body", ""],
     ["--body is empty. Fix: write the body's name in quotes after --body.", NOTHING]),
    (["adopt", "3.0", "--date", "2020-09-01"],
     ["There is no version 3.0. Fix: give one of the versions: 1.0, 2.0.", NOTHING]),
    (["adopt", "1.0", "--date", "2020-09-01"],
     ["Version 1.0 is in force, not a draft: only a draft can be adopted. Fix: start a new "
      "version from the latest with 'python -m macros new-version', and adopt that.", NOTHING]),
    (["adopt", "2.0", "--date", "2020-05-31"],
     ["--date 2020-05-31 is before 1 June 2020, the meeting version 2.0 was prepared for. Fix: "
      "give the date it was approved, on or after 2020-06-01.", NOTHING]),
    (["adopt", "2.0", "--date", "2020-09-01", "--body", " "],
     ["--body is empty. Fix: write the name of the body that approved it.", NOTHING]),
])
def test_each_refusal_says_why_in_one_line_and_changes_nothing(
        fixture: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
        lines: list[str]) -> None:
    assert refused(capsys, fixture, *argv) == lines


def test_versions_compare_as_numbers(fixture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new-version", "2.9", "--date", "2020-09-01")[0] == 0
    assert run(capsys, "new-version", "2.10", "--date", "2020-10-01")[0] == 0
    assert refused(capsys, fixture, "new-version", "2.11", "--date", "2020-01-01")[0].startswith(
        "--for 2020-01-01 is before 1 October 2020, the date of version 2.10.")
    assert refused(capsys, fixture, "new-version", "2.9", "--date", "2020-11-01")[0].startswith(
        "Version 2.9 already exists")
    assert refused(capsys, fixture, "new-version", "2.8", "--date", "2020-11-01")[0].startswith(
        "Version 2.8 would come before version 2.10, the latest")


def test_adopt_refuses_an_old_draft_once_a_later_version_is_in_force_or_dated_before(
        fixture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new-version", "2.1", "--date", "2020-09-01")[0] == 0
    assert refused(capsys, fixture, "adopt", "2.0", "--date", "2020-10-01") == [
        "Version 2.1, listed after version 2.0, is prepared for 2020-09-01, before --date "
        "2020-10-01: the versions would no longer be in date order. Fix: adopt version 2.1 "
        "instead, or correct its prepared_for date.", NOTHING]
    code, out, _ = run(capsys, "adopt", "2.1", "--date", "2020-09-01")
    assert (code, out.splitlines()[0]) == (0, "content/data/versions/2.1.yaml: status draft -> "
                                              "adopted; approved_on 2020-09-01.")
    assert refused(capsys, fixture, "adopt", "2.0", "--date", "2020-06-01") == [
        "Version 2.0 was not adopted as it stood: version 2.1 was adopted in its place, and "
        "version 2.0 stays published as it was. Fix: start a new version from the latest with "
        "'python -m macros new-version', and adopt that.", NOTHING]
    assert refused(capsys, fixture, "adopt", "1.0", "--date", "2020-09-01") == [
        "Version 1.0 is superseded, not a draft: only a draft can be adopted. Fix: start a new "
        "version from the latest with 'python -m macros new-version', and adopt that.", NOTHING]


def test_a_version_file_already_there_but_not_listed_is_left_alone(
        fixture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fixture / DATA / "versions" / "2.1.yaml").write_text("# someone's notes\n", encoding="utf-8")
    assert refused(capsys, fixture, "new-version", "2.1", "--date", "2020-09-01") == [
        "content/data/versions/2.1.yaml already exists, though content/data/code.yaml does not "
        "list it. Fix: move it away, or list it there by hand.", NOTHING]


def test_problems_already_in_the_data_are_reported_and_nothing_is_changed(
        fixture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(fixture / DATA / "versions" / "2.0.yaml", "See [[safety]].", "See [[safty]].")
    for argv in (["new-version", "2.1", "--date", "2020-09-01"],
                 ["adopt", "2.0", "--date", "2020-09-01"]):
        lines = refused(capsys, fixture, *argv)
        # As a build reports it: the problem, then what of the record it left unchecked.
        assert lines[0] == "The Code's data has 2 problems:"
        assert lines[1].startswith("content/data/versions/2.0.yaml:")
        assert "cross-reference to unknown key 'safty'" in lines[1]
        assert lines[2].startswith("published-urls.txt: ")
        assert "recorded URLs could not be checked: those of the versions in " \
               "content/data/versions/2.0.yaml" in lines[2]
        assert lines[3:] == ["Nothing was changed: fix these problems first."]


def test_a_field_that_cannot_be_edited_in_place_is_refused(
        fixture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Version 1.0 written as one flow mapping: superseded_on has no line of its own to go on."""
    path = fixture / DATA / "versions" / "1.0.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(data, default_flow_style=True, width=10_000), encoding="utf-8")
    assert run(capsys, "check")[0] == 0
    assert refused(capsys, fixture, "adopt", "2.0", "--date", "2020-06-01") == [
        "content/data/versions/1.0.yaml: its fields could not be changed in place. Fix: set "
        "status: superseded, superseded_on: 2020-06-01 by hand, keeping each field on its own "
        "line.", NOTHING]


def test_bad_dates_are_refused_by_the_command_line(
        fixture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["adopt", "2.0", "--date", "1 June 2020"])
    assert ("argument --date: '1 June 2020' is not a date written YYYY-MM-DD, e.g. 2019-10-15"
            in capsys.readouterr().err)


def test_a_change_that_would_leave_problems_is_undone(
        fixture: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The check after writing is the last guard: whatever it finds, the files go back."""
    import macros.__main__ as cli
    from macros.compute import lifecycle

    def broken(*args: object) -> lifecycle.Plan:
        plan = lifecycle.plan_new_version(*args)  # type: ignore[arg-type]
        made = plan.edits[0]
        wrong = made.after.replace('id: "2.1"', 'id: "2.0"')
        return lifecycle.Plan((lifecycle.FileEdit(made.path, None, wrong), *plan.edits[1:]),
                              plan.said)

    monkeypatch.setattr(cli, "plan_new_version", broken)
    lines = refused(capsys, fixture, "new-version", "2.1", "--date", "2020-09-01")
    assert lines[0].startswith("The Code's data has ")
    assert any("version id '2.0' is also used by" in line for line in lines)
    assert lines[-1] == "Nothing was changed: the change would leave these problems."
    assert not (fixture / DATA / "versions" / "2.1.yaml").exists()


MANIFEST_HEAD = ("title: Fixture Code\n"
                 "documents: [{id: report, title: the fixture report of 1 January 2020}]\n")
MANIFEST_TAIL = "guidance: guidance.yaml\nconsultation: consultation.yaml\n"


@pytest.mark.parametrize(("listed", "expected"), [
    ("versions:\n  - versions/1.0.yaml   # the first\n  # the draft:\n  - versions/2.0.yaml\n"
     "# what the clauses cite\n",
     "versions:\n  - versions/1.0.yaml   # the first\n  # the draft:\n  - versions/2.0.yaml\n"
     "  - versions/2.1.yaml\n# what the clauses cite\n"),
    ("versions: [versions/1.0.yaml, versions/2.0.yaml]  # oldest first\n",
     "versions: [versions/1.0.yaml, versions/2.0.yaml, versions/2.1.yaml]  # oldest first\n"),
    ("versions:\n- versions/1.0.yaml\n- 'versions/2.0.yaml'\n",
     "versions:\n- versions/1.0.yaml\n- 'versions/2.0.yaml'\n- versions/2.1.yaml\n"),
])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_manifest_keeps_its_comments_and_layout(
        fixture: Path, capsys: pytest.CaptureFixture[str], listed: str, expected: str,
        newline: str) -> None:
    manifest = fixture / DATA / "code.yaml"
    manifest.write_bytes((MANIFEST_HEAD + listed + MANIFEST_TAIL).replace(
        "\n", newline).encode())
    assert run(capsys, "new-version", "2.1", "--date", "2020-09-01")[0] == 0
    assert manifest.read_bytes() == (MANIFEST_HEAD + expected + MANIFEST_TAIL).replace(
        "\n", newline).encode()


def test_reasons_are_left_behind_however_a_clause_is_written(
        fixture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clause written as one flow mapping cannot lose its `change` line by line: the new
    file is then written afresh from the same data."""
    edit(fixture / DATA / "versions" / "2.0.yaml",
         "      - key: privacy\n"
         "        text: Privacy settings do not stop posts being shared; assume anything you "
         "post is public.\n"
         "        provenance: {kind: drafted}\n"
         "        change:\n"
         "          reason: Privacy settings do not prevent access, so the advice was wrong; "
         "moved to its own section.\n"
         "          answers: [member-a-privacy]\n",
         "      - {key: privacy, text: \"Privacy settings do not stop posts being shared; "
         "assume anything you post is public.\", provenance: {kind: drafted}, change: {reason: "
         "\"Privacy settings do not prevent access, so the advice was wrong; moved to its own "
         "section.\", answers: [member-a-privacy]}}\n")
    code, _, err = run(capsys, "new-version", "2.1", "--date", "2020-09-01")
    assert code == 0, err
    written = (fixture / DATA / "versions" / "2.1.yaml").read_text(encoding="utf-8")
    assert not [c for c in clauses(written) if "change" in c]
    assert len(clauses(written)) == 6


def test_the_first_version_adopted_supersedes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code_dir = CodeDir(tmp_path)
    head = VERSION_HEAD.replace("status: adopted", "status: draft").replace(
        "approved_on", "prepared_for")
    code_dir.version(head + "  - key: s\n    title: S\n    clauses:\n"
                            "      - {key: c, text: C., provenance: {kind: drafted}}\n",
                     "1.0.yaml")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "adopt", "1.0", "--date", "2020-01-02") == (0, (
        "content/data/versions/1.0.yaml: status draft -> adopted; approved_on 2020-01-02.\n"
        "Version 1.0 is in force from 2 January 2020.\n"
        "OK: 1 version(s), 1 clauses\n"), "")


def test_a_manifest_list_laid_out_unexpectedly_is_refused(
        fixture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The last entry of `versions:` does not start its own '- ' line: nothing is written."""
    manifest = fixture / DATA / "code.yaml"
    manifest.write_text(MANIFEST_HEAD + "versions:\n  - versions/1.0.yaml\n  -\n"
                        "    versions/2.0.yaml\n" + MANIFEST_TAIL, encoding="utf-8")
    assert run(capsys, "check")[0] == 0
    assert refused(capsys, fixture, "new-version", "2.1", "--for", "2020-09-01") == [
        "content/data/code.yaml: the new version could not be added to its 'versions:' list. "
        "Fix: write the list with one '- ' line per file.", NOTHING]
    assert not (fixture / DATA / "versions" / "2.1.yaml").exists()
