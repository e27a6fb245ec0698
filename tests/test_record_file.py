"""The record of published URLs never loses a line: a comment survives recording, and a URL
recorded twice with two meanings, a git conflict marker or an unreadable line is an error
naming its line, which recording refuses to rewrite away.

Each test copies the two-version fixture, whose published-urls.txt records both versions.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from recordkit import RECORD, copy_fixture, edit, problems, record_lines, record_urls, versions

from macros.compute.fingerprints import Fingerprint
from macros.compute.recordfile import EMPTY, HEADER, PublishedUrl, parse_record, updated_text

NEW_VERSION_URLS = 28  # the URLs a copy of version 2.0 published as 3.0 adds


def add_version_3(fixture: Path) -> None:
    """Version 3.0: a copy of 2.0 with nothing changed, listed in the manifest."""
    v3 = yaml.safe_load((versions(fixture) / "2.0.yaml").read_text(encoding="utf-8"))
    v3.update(id="3.0", prepared_for="2020-09-01")
    del v3["removed"]
    for section in v3["sections"]:
        for clause in section["clauses"]:
            clause.pop("change", None)
    (versions(fixture) / "3.0.yaml").write_text(yaml.safe_dump(v3), encoding="utf-8")
    edit(fixture / "content" / "data" / "code.yaml", "  - versions/2.0.yaml\n",
         "  - versions/2.0.yaml\n  - versions/3.0.yaml\n")


def insert_after(fixture: Path, line: str, new: str) -> int:
    """Put `new` lines after the record's line `line`; the number of the first new line."""
    lines = record_lines(fixture)
    at = lines.index(line) + 1
    lines[at:at] = new.splitlines()
    (fixture / RECORD).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def test_comments_added_by_hand_survive_recording(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    insert_after(fixture, "code/1.0/#clause-1.3 no-criticism",
                 "# 1.3 was cited in the complaint of 3 March 2020: never renumber it.")
    before = [*record_lines(fixture), "# Last line: a note at the end."]
    (fixture / RECORD).write_text("\n".join(before), encoding="utf-8")  # no final line break
    add_version_3(fixture)
    result = record_urls(fixture)
    assert result.returncode == 0, result.stderr
    after = record_lines(fixture)
    assert [line for line in after if line in before] == before  # every line, in its place
    assert len(after) - len(before) == NEW_VERSION_URLS + len(
        [x for x in after if x.startswith(("outline 3.0", "heading 3.0", "wording 3.0"))])
    last_wording = next(x for x in before if x.startswith("wording 2.0 privacy "))
    assert after[after.index(last_wording) + 1].startswith("outline 3.0 ")
    assert after[-1] == before[-1]
    assert problems(fixture) == []


def test_a_url_recorded_twice_with_two_meanings_is_an_error_never_collapsed(
        tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    first = record_lines(fixture).index("code/1.0/#clause-1.2 tone") + 1
    # After a merge, the same number anchor recorded with the key each branch published.
    second = insert_after(fixture, "code/1.0/#clause-1.3 no-criticism",
                          "code/1.0/#clause-1.2 scope")
    before = (fixture / RECORD).read_text(encoding="utf-8")
    message = (f"{RECORD}:{second}: code/1.0/#clause-1.2: recorded twice with two meanings: "
               f"'code/1.0/#clause-1.2 scope' here and 'code/1.0/#clause-1.2 tone' on line "
               f"{first}. Fix: keep the line that says what the published site shows (open the "
               "page) and delete the other")
    assert problems(fixture) == [message]
    result = record_urls(fixture)
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == [message]
    assert (fixture / RECORD).read_text(encoding="utf-8") == before


def test_a_fingerprint_recorded_twice_with_two_values_is_an_error(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    first = next(x for x in record_lines(fixture) if x.startswith("wording 1.0 tone "))
    second = insert_after(fixture, first, "wording 1.0 tone 0123456789abcdef")
    assert problems(fixture) == [
        f"{RECORD}:{second}: wording 1.0 tone: recorded twice with two fingerprints: "
        f"0123456789abcdef here and {first.split()[-1]} on line {second - 1}. Fix: keep the line "
        f"recorded when the version was published (git log -p {RECORD} shows which) and "
        "delete the other"]


def test_git_conflict_markers_are_errors_not_urls(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    start = insert_after(fixture, "code/1.0/#clause-2.3-b safety-tell",
                         "<<<<<<< HEAD\ncode/1.0/#extra\n=======\ncode/1.0/#other\n"
                         ">>>>>>> branch-b")
    before = (fixture / RECORD).read_text(encoding="utf-8")
    fix = ("Fix: keep the lines of both sides (the record only grows), delete the marker "
           "lines, then run the build to check that no URL is recorded with two meanings")
    expected = [f"{RECORD}:{start + n}: '{marker}' is a git conflict marker: a merge of this "
                f"file was left unfinished. {fix}"
                for n, marker in ((0, "<<<<<<< HEAD"), (2, "======="), (4, ">>>>>>> branch-b"))]
    assert problems(fixture) == expected
    result = record_urls(fixture)
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == expected
    assert "no longer resolves" not in result.stderr
    assert (fixture / RECORD).read_text(encoding="utf-8") == before


def test_an_unreadable_line_fails_the_build_and_is_kept(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    # A slip of the hand: a key is lower-case words, so this line cannot mean anything.
    line = insert_after(fixture, "code/1.0/", "code/1.0/#clause-1.1 Scope")
    before = (fixture / RECORD).read_text(encoding="utf-8")
    [problem] = problems(fixture)
    assert problem.startswith(f"{RECORD}:{line}: cannot read 'code/1.0/#clause-1.1 Scope'. Fix: ")
    assert record_urls(fixture).returncode == 1
    assert (fixture / RECORD).read_text(encoding="utf-8") == before


def test_new_lines_go_in_order_among_the_old_ones() -> None:
    text = ("# head\ncode/1.0/\n# a note on 1.0\ncode/1.0/#clause-1.10 ten\nschema/x.json\n\n"
            "# wording\noutline 1.0 0123456789abcdef\n# end\n")
    record = parse_record(text, RECORD)
    assert not isinstance(record, list)
    new_urls = [PublishedUrl("code/1.0/#clause-1.9", "nine"), PublishedUrl("zzz/"),
                PublishedUrl("code/")]
    new_prints = [Fingerprint("2.0", "", "fedcba9876543210", "outline")]
    assert updated_text(record, new_urls, new_prints) == (
        "# head\ncode/\ncode/1.0/\n# a note on 1.0\ncode/1.0/#clause-1.9 nine\n"
        "code/1.0/#clause-1.10 ten\nschema/x.json\nzzz/\n\n# wording\noutline 1.0 "
        "0123456789abcdef\noutline 2.0 fedcba9876543210\n# end\n")
    # In a record that is not sorted, a new URL goes before the first that sorts after it.
    unsorted = parse_record("c/\na/\nd/\n", RECORD)
    assert not isinstance(unsorted, list)
    assert updated_text(unsorted, [PublishedUrl("b/"), PublishedUrl("e/")], []) == (
        "b/\nc/\na/\nd/\ne/\n")
    fresh = updated_text(EMPTY, new_urls[:1], new_prints)
    assert fresh.startswith(HEADER + "code/1.0/#clause-1.9 nine\n\n# The wording of each")
    assert fresh.endswith("\noutline 2.0 fedcba9876543210\n")
