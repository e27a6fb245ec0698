"""Every problem of one build in one report: the data's, the glossary's, the council settings'
and the record of published URLs', with a lost published URL first. While some of the data
has problems, the record is checked against the versions whose own data is fine, and the
report says what could not be checked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from recordkit import copy_fixture, edit, versions
from testkit import FIXTURES, mkdocs_build

from macros.compute.code import check_code

FIX_LOST = ("Fix: restore it: a published version keeps its clauses, numbers and keys for ever; "
            "make changes in a new version")
FIX_UNCHECKED = "Fix: correct those problems; the next build checks every recorded URL"
NO_CRITICISM = ('      - key: no-criticism\n        text: Do not criticise the council.\n'
                '        provenance: {kind: verbatim, '
                'source: {document: report, at: paragraph 2.3}}\n')


def report(fixture: Path, tmp_path: Path) -> list[str]:
    """The lines of the failed build's report, from its head on."""
    result = mkdocs_build(fixture / "mkdocs.yml", tmp_path / "site")
    output = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    head = next(i for i, line in enumerate(output) if line.startswith("The Code's data has"))
    return output[head:]


def lost(fixture: Path, url: str, message: str) -> str:
    record = (fixture / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(record, 1) if text.split()[0] == url)
    return f"published-urls.txt:{line}: {url}: published URL {url} {message}. {FIX_LOST}"


def test_deleting_a_published_clause_names_its_lost_urls_first(tmp_path: Path) -> None:
    # Only the deletion: the references to the clause elsewhere are not 'fixed' first.
    fixture = copy_fixture(tmp_path)
    edit(versions(fixture) / "1.0.yaml", NO_CRITICISM, "")
    assert report(fixture, tmp_path) == [
        "The Code's data has 6 problems:",
        lost(fixture, "clause/no-criticism/", "no longer resolves"),
        lost(fixture, "code/1.0/#clause-1.3", "no longer resolves (it pointed at 'no-criticism')"),
        lost(fixture, "code/1.0/#no-criticism", "no longer resolves"),
        "content/data/consultation.yaml:35: comment 'member-b-criticism': concerns unknown key "
        "'no-criticism' of version 1.0. Fix: use the key of a clause or item in "
        "content/data/versions/1.0.yaml",
        "content/data/versions/2.0.yaml:50: removed 'no-criticism': is not a clause of version "
        "1.0. Fix: use the key of a clause of version 1.0 that this version leaves out",
        "published-urls.txt: 4 recorded URLs could not be checked: those of the consultation "
        f"record, whose data has the problems above. {FIX_UNCHECKED}",
    ]


def test_the_record_is_checked_against_the_versions_whose_data_is_fine(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    edit(versions(fixture) / "1.0.yaml", NO_CRITICISM, "")
    edit(versions(fixture) / "2.0.yaml", 'id: "2.0"', 'id: ["2.0"')
    lines = report(fixture, tmp_path)
    assert lines[:3] == [
        "The Code's data has 5 problems:",
        lost(fixture, "code/1.0/#clause-1.3", "no longer resolves (it pointed at 'no-criticism')"),
        lost(fixture, "code/1.0/#no-criticism", "no longer resolves"),
    ]
    assert lines[3].startswith("content/data/versions/2.0.yaml:2: malformed YAML")
    assert lines[-1] == (
        "published-urls.txt: 41 recorded URLs could not be checked: those of the versions in "
        "content/data/versions/2.0.yaml, the clause histories, the changes, the version in "
        f"force and the consultation record, whose data has the problems above. {FIX_UNCHECKED}")


def test_a_manifest_that_cannot_be_read_says_the_record_was_not_checked(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    edit(fixture / "content" / "data" / "code.yaml", "title: Fixture Code", "title: [Fixture")
    lines = report(fixture, tmp_path)
    assert lines[0] == "The Code's data has 2 problems:"
    assert lines[1].startswith("content/data/code.yaml:3: malformed YAML")
    recorded = sum(1 for line in (fixture / "published-urls.txt").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith(
            ("#", "site ", "wording ", "heading ", "outline ")))
    assert lines[2] == (
        f"published-urls.txt: {recorded} recorded URLs could not be checked: the Code cannot "
        f"be numbered while the manifest has the problems above. {FIX_UNCHECKED}")


def test_data_glossary_and_settings_problems_come_in_one_report(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    edit(versions(fixture) / "2.0.yaml", 'id: "2.0"', 'id: ["2.0"')
    (fixture / "content" / "data" / "glossary.md").write_text(
        "*[LGA]: Local Government Association\nLGA means the association\n", encoding="utf-8")
    edit(fixture / "mkdocs.yml", "    name: Fixture District Council\n",
         "    name: Fixture District Council\n  monitoring_officer:\n    post: Monitoring "
         "Officer\n    email: mo at example.org\n")
    lines = report(fixture, tmp_path)
    assert lines[0] == "The Code's data has 4 problems:"
    assert lines[1].startswith("content/data/versions/2.0.yaml:2: malformed YAML")
    assert lines[2:4] == [
        "content/data/glossary.md:2: 'LGA means the association' is not an abbreviation line. "
        "Fix: write each line as *[ABBR]: What it stands for",
        "mkdocs.yml:23: extra.monitoring_officer.email: 'mo at example.org' is not a valid email. "
        "Fix: correct the value in mkdocs.yml",
    ]
    assert lines[4].startswith("published-urls.txt: ")


def test_the_changes_are_checked_whatever_the_consultation_record_says(tmp_path: Path) -> None:
    data = tmp_path / "content" / "data"
    shutil.copytree(FIXTURES / "consultation", data)
    edit(data / "consultation.yaml", "concerns: [beta-one]", "concerns: [beta-three]")
    edit(data / "versions" / "2.0.yaml",
         "        change:\n          reason: Criticism is part of the role.\n"
         "          answers: [ann-criticism]\n", "")
    checked = check_code(data / "code.yaml", tmp_path)
    assert checked.code is None
    assert [p.file for p in checked.problems] == ["content/data/consultation.yaml",
                                                  "content/data/versions/2.0.yaml"]
    assert "has no 'change' saying why" in checked.problems[1].message


def test_a_key_given_twice_in_mkdocs_yml_stops_mkdocs_itself(tmp_path: Path) -> None:
    # Without site-build.sh's check first: the plugin reads mkdocs.yml again.
    fixture = copy_fixture(tmp_path)
    edit(fixture / "mkdocs.yml", "site_url: https://fixture.example.org/\n",
         "site_url: https://fixture.example.org/\nsite_name: Another name\n")
    assert report(fixture, tmp_path) == [
        "The Code's data has 1 problem:",
        "mkdocs.yml:6: site_name: 'site_name' is given twice, at lines 4 and 6; MkDocs would "
        "silently keep only the second. Fix: remove one of the two 'site_name:' lines"]


def check_command(fixture: Path) -> subprocess.CompletedProcess[str]:
    """`python -m macros check` in the fixture's folder."""
    return subprocess.run([sys.executable, "-m", "macros", "check"], cwd=fixture,
                          capture_output=True, text=True, check=False)


def test_the_check_command_reports_what_a_build_reports_without_building(
        tmp_path: Path) -> None:
    """The data's, the record's, the glossary's and the settings' problems, in the build's
    order, and no site written."""
    fixture = copy_fixture(tmp_path)
    edit(versions(fixture) / "1.0.yaml", NO_CRITICISM, "")
    (fixture / "content" / "data" / "glossary.md").write_text(
        "*[LGA]: Local Government Association\nLGA means the association\n", encoding="utf-8")
    edit(fixture / "mkdocs.yml", "    name: Fixture District Council\n",
         "    name: Fixture District Council\n  monitoring_officer:\n    post: Monitoring "
         "Officer\n    email: mo at example.org\n")
    checked = check_command(fixture)
    assert (checked.returncode, checked.stdout) == (1, "")
    assert "Traceback" not in checked.stderr
    assert not (fixture / "site").exists()
    lines = checked.stderr.strip().splitlines()
    assert lines == report(fixture, tmp_path)
    assert lines[0] == "The Code's data has 8 problems:"  # 3 lost URLs, 2 in the data
    assert lines[1] == lost(fixture, "clause/no-criticism/", "no longer resolves")
    assert lines[6:] == [
        "content/data/glossary.md:2: 'LGA means the association' is not an abbreviation line. "
        "Fix: write each line as *[ABBR]: What it stands for",
        "mkdocs.yml:23: extra.monitoring_officer.email: 'mo at example.org' is not a valid email. "
        "Fix: correct the value in mkdocs.yml",
        "published-urls.txt: 4 recorded URLs could not be checked: those of the consultation "
        f"record, whose data has the problems above. {FIX_UNCHECKED}",
    ]


def test_the_check_command_says_ok_and_what_it_checked(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    checked = check_command(fixture)
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout == ("OK: 2 version(s), 12 clauses; every URL in published-urls.txt "
                              "resolves\n")
    edit(fixture / "mkdocs.yml", "site_url: https://fixture.example.org/\n",
         "site_url: https://fixture.example.org/\nsite_name: Another name\n")
    assert check_command(fixture).stderr.splitlines() == [
        "The Code's data has 1 problem:",
        "mkdocs.yml:6: site_name: 'site_name' is given twice, at lines 4 and 6; MkDocs would "
        "silently keep only the second. Fix: remove one of the two 'site_name:' lines"]
