"""A published version keeps its wording: the record holds fingerprints of each clause, each
heading and the outline of every recorded version, and a build that changes one fails, naming
the file, the line and the clause. A correction is recorded with its date and reason.

Each test copies the two-version fixture (adopted 1.0 and draft 2.0, both recorded) and
changes it as an editor's slip would.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from recordkit import (
    RECORD,
    copy_fixture,
    edit,
    line_of,
    problems,
    record_lines,
    record_urls,
    versions,
)
from testkit import ROOT, mkdocs_build

from macros.adapters.version_site import check_record
from macros.compute.code import build_code
from macros.compute.fingerprints import clause_digest, normalised, outline_digest
from macros.compute.numbering import NumberedClause, NumberedVersion

V1 = "content/data/versions/1.0.yaml"
V2 = "content/data/versions/2.0.yaml"
CORRECT = ".venv/bin/python -m macros record-urls --correct"


def changed_fix(version: str, key: str, file: str) -> str:
    return (f"Fix: publish the change as a new version, and put back the wording as published "
            f"(git log -p {file} shows it); if the published text was wrong in the data, "
            f'record a correction: {CORRECT} {version} {key} --reason "..."')


def reworded(fixture: Path) -> None:
    """Clause 1.2 ('tone') of adopted version 1.0 reworded in place."""
    edit(versions(fixture) / "1.0.yaml", "Be polite online, as you are in person.",
         "Be polite online, as you would be in person.")


def appended(fixture: Path) -> None:
    """A clause appended to the last section of the published draft 2.0, with its reason."""
    edit(versions(fixture) / "2.0.yaml", "removed:\n",
         "      - key: block-trolls\n        text: Block accounts that abuse you.\n"
         "        provenance: {kind: drafted}\n"
         "        change: {reason: New., answers: [member-a-privacy]}\nremoved:\n")


def test_rewording_an_adopted_clause_fails_the_build_naming_file_line_and_clause(
        tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    reworded(fixture)
    result = mkdocs_build(fixture / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    line = line_of(fixture, "      - key: tone", V1)
    expected = (f"{V1}:{line}: clause 'tone': the wording of clause 1.2 of version 1.0 has "
                f"changed since it was published. {changed_fix('1.0', 'tone', V1)}")
    assert [x for x in (result.stdout + result.stderr).splitlines() if x.startswith(V1)] == [
        expected]
    assert not (tmp_path / "site" / "code").exists()


def test_rewording_an_item_or_a_heading_fails_naming_each(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    edit(versions(fixture) / "1.0.yaml", "text: tell the Monitoring Officer.}",
         "text: tell the Monitoring Officer at once.}")
    edit(versions(fixture) / "1.0.yaml", "title: Your accounts", "title: Your own accounts")
    assert problems(fixture) == [
        f"{V1}:{line_of(fixture, '    title: Your own', V1)}: section 'accounts': the heading "
        f"of section 2 of version 1.0 has changed since it was published. "
        f"{changed_fix('1.0', 'accounts', V1)}",
        f"{V1}:{line_of(fixture, '      - key: safety', V1)}: clause 'safety': the wording of "
        f"clause 2.3 of version 1.0 has changed since it was published. "
        f"{changed_fix('1.0', 'safety', V1)}",
    ]


def test_adding_a_clause_to_a_published_draft_fails(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    appended(fixture)
    line = line_of(fixture, "      - key: block-trolls", V2)
    assert problems(fixture) == [
        f"{V2}:{line}: clause 'block-trolls': clause 3.2 was added to version 2.0 after it was "
        "published. Fix: publish it in a new version and take it out of version 2.0; if the "
        "adopted text had it and the data left it out, record a correction: "
        f'{CORRECT} 2.0 block-trolls --reason "..."']


def test_rewrapping_the_yaml_of_a_clause_changes_nothing(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    edit(versions(fixture) / "1.0.yaml", "text: Be polite online, as you are in person.",
         "text: >-\n          Be polite   online, as you\n          are in person.")
    assert problems(fixture) == []


def test_recording_refuses_while_a_published_version_differs(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    before = (fixture / RECORD).read_text(encoding="utf-8")
    reworded(fixture)
    appended(fixture)
    result = record_urls(fixture)
    assert result.returncode == 1
    assert "clause 'tone': the wording of clause 1.2 of version 1.0 has changed" in result.stderr
    assert "clause 'block-trolls': clause 3.2 was added to version 2.0" in result.stderr
    # Neither the new clause's URLs nor its wording were recorded.
    assert (fixture / RECORD).read_text(encoding="utf-8") == before


def test_a_correction_replaces_one_fingerprint_and_says_why(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    before = record_lines(fixture)
    reworded(fixture)
    reason = "The data said 'as you are'; the adopted report says 'as you would be'."
    result = record_urls(fixture, "--correct", "1.0", "tone", "--reason", reason)
    assert result.returncode == 0, result.stderr
    after = record_lines(fixture)
    at = before.index(next(x for x in before if x.startswith("wording 1.0 tone ")))
    old = before[at].split()[-1]
    assert after[:at] == before[:at] and after[at + 2:] == before[at + 1:]
    assert after[at].startswith("wording 1.0 tone ") and after[at] != before[at]
    assert re.fullmatch(rf"# corrected \d{{4}}-\d\d-\d\d: clause 1\.2 \('tone'\) of version "
                        rf"1\.0 \(was {old}\): {re.escape(reason)}", after[at + 1])
    assert result.stdout.strip() == f"{RECORD}: {after[at + 1][2:]}"
    assert problems(fixture) == []
    assert mkdocs_build(fixture / "mkdocs.yml", tmp_path / "site").returncode == 0


def test_correcting_an_added_clause_records_it_and_the_outline(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    appended(fixture)
    result = record_urls(fixture, "--correct", "2.0", "block-trolls", "--reason", "Left out.")
    assert result.returncode == 0, result.stderr
    lines = record_lines(fixture)
    today = dt.date.today().isoformat()
    outline = next(n for n, x in enumerate(lines) if x.startswith("outline 2.0 "))
    assert lines[outline + 1].startswith(
        f"# corrected {today}: the outline, for clause 3.2 ('block-trolls'), of version 2.0 "
        "(was ")
    added = lines.index(next(x for x in lines if x.startswith("wording 2.0 block-trolls ")))
    assert lines[added - 1].startswith("wording 2.0 privacy ")  # after version 2.0's last
    assert lines[added + 1] == (f"# corrected {today}: clause 3.2 ('block-trolls') of version "
                                "2.0 (not recorded before): Left out.")
    assert problems(fixture) == []
    # The clause's URLs are recorded by the next plain run.
    assert record_urls(fixture).stdout.strip() == f"{RECORD}: added 3 URL(s)"
    assert {"code/2.0/#clause-3.2 block-trolls", "code/2.0/#block-trolls",
            "clause/block-trolls/"} <= set(record_lines(fixture))


def test_a_correction_that_the_data_does_not_need_is_refused(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    before = (fixture / RECORD).read_text(encoding="utf-8")
    reworded(fixture)
    cases = {
        ("1.0", "scope", "typo"): "published-urls.txt: version '1.0': the wording of 'scope' in "
        "version 1.0 is as recorded: there is nothing to correct. Fix: check the version and key",
        ("1.0", "tonne", "typo"): "published-urls.txt: version '1.0': version 1.0 has no clause, "
        "item or section 'tonne'. Did you mean 'tone'? Fix: name the key of the clause or "
        "section to correct",
        ("3.0", "tone", "typo"): "published-urls.txt: version '3.0': no version '3.0' (versions: "
        "1.0, 2.0). Fix: name a version the manifest lists",
        ("1.0", "tone", " "): "published-urls.txt: version '1.0': a correction needs a reason. "
        'Fix: say why with --reason "..."',
    }
    for (version, key, reason), message in cases.items():
        result = record_urls(fixture, "--correct", version, key, "--reason", reason)
        assert result.returncode == 1
        assert result.stderr.splitlines()[1:] == [message]
    assert record_urls(fixture, "--correct", "1.0", "tone").returncode == 2  # no --reason
    assert (fixture / RECORD).read_text(encoding="utf-8") == before


def test_with_other_changes_left_the_last_correction_records_the_outline(
        tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    appended(fixture)
    edit(versions(fixture) / "2.0.yaml", "text: Behave online as you behave in real life.",
         "text: Behave online as you do in real life.")
    outline = record_lines(fixture).index(next(x for x in record_lines(fixture)
                                                if x.startswith("outline 2.0 ")))
    result = record_urls(fixture, "--correct", "2.0", "block-trolls", "--reason", "Left out.")
    assert result.returncode == 0, result.stderr
    # The changed clause 1.2 could explain a changed outline too: it is not re-recorded yet.
    assert "outline" not in result.stdout
    assert record_lines(fixture)[outline + 1].startswith("heading 2.0 general ")
    assert [p.split(": ")[1] for p in problems(fixture)] == ["clause 'same-standards'"]
    result = record_urls(fixture, "--correct", "2.0", "same-standards", "--reason", "Typo.")
    assert result.returncode == 0, result.stderr
    assert record_lines(fixture)[outline + 1].startswith(
        "# corrected ") and "the outline, for clause 1.2 ('same-standards')" in result.stdout
    assert problems(fixture) == []


def test_a_published_version_without_recorded_wording_fails_until_recorded(
        tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    record = fixture / RECORD
    text = record.read_text(encoding="utf-8")
    record.write_text(text[:text.index("\n# The wording of each")] + "\n", encoding="utf-8")
    page = record_lines(fixture).index("code/1.0/") + 1
    assert problems(fixture)[0] == (
        f"{RECORD}:{page}: code/1.0/: version 1.0 is published but its wording is not "
        f"recorded. Fix: check that {V1} still says what was published, then run "
        f".venv/bin/python -m macros record-urls and commit {RECORD}")
    result = record_urls(fixture)
    assert result.stdout.strip() == (f"{RECORD}: added 0 URL(s); recorded the wording of "
                                     "versions 1.0 and 2.0")
    assert record.read_text(encoding="utf-8") == text


def test_the_real_record_holds_the_wording_of_every_version() -> None:
    code = build_code(ROOT / "content" / "data" / "code.yaml", ROOT)
    lines = (ROOT / RECORD).read_text(encoding="utf-8").splitlines()
    for version in code.versions:
        assert f"outline {version.id} {outline_digest(version)}" in lines
        assert all(f"wording {version.id} {c.key} {clause_digest(c)}" in lines
                   for c in version.clauses())
    check_record(code, ROOT / RECORD, ROOT)


def _clause(fixture: Path, version: str, key: str) -> tuple[NumberedVersion, NumberedClause]:
    code = build_code(fixture / "content" / "data" / "code.yaml", fixture)
    v = code.version(version)
    return v, next(c for c in v.clauses() if c.key == key)


def test_a_fingerprint_is_of_the_words_and_the_outline_of_the_keys(tmp_path: Path) -> None:
    assert normalised("  One  two\nthree.\n\n  Four. \n") == ["One two three.", "Four."]
    fixture = copy_fixture(tmp_path)
    version, safety = _clause(fixture, "1.0", "safety")
    assert re.fullmatch(r"[0-9a-f]{16}", clause_digest(safety))
    edit(versions(fixture) / "1.0.yaml", "key: safety-tell", "key: safety-inform")
    renamed_version, renamed = _clause(fixture, "1.0", "safety")
    assert clause_digest(renamed) == clause_digest(safety)
    assert outline_digest(renamed_version) != outline_digest(version)
