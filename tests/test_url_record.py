"""The record of published URLs: a lost or re-pointed URL fails the build, naming it.

Each test copies the two-version fixture (whose published-urls.txt records both
versions) and changes a published version as a careless edit would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from recordkit import copy_fixture, edit, record_urls, versions
from testkit import ROOT, mkdocs_build

from macros.compute.recordfile import (
    PublishedUrl,
    Recorded,
    read_record,
)
from macros.compute.urlrecord import missing_in_output


def failed_build(fixture: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "site"
    out.mkdir()
    (out / "kept.html").write_text("the previous site", encoding="utf-8")
    result = mkdocs_build(fixture / "mkdocs.yml", out)
    assert result.returncode != 0
    assert (out / "kept.html").is_file()
    output = result.stdout + result.stderr
    return [line for line in output.splitlines() if line.startswith("published-urls")]


def test_the_fixture_record_matches_its_build(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    result = mkdocs_build(fixture / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_deleting_a_clause_from_a_published_version_fails_naming_each_lost_url(
        tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    # Delete clause 1.3 from version 1.0, and (so the data is otherwise consistent) the
    # entry of version 2.0 that says it was removed.
    edit(versions(fixture) / "1.0.yaml",
         '      - key: no-criticism\n        text: Do not criticise the council.\n'
         '        provenance: {kind: verbatim, '
         'source: {document: report, at: paragraph 2.3}}\n', "")
    edit(versions(fixture) / "2.0.yaml",
         "removed:\n  - key: no-criticism\n    reason: Councillors must be free to criticise "
         "the council.\n    answers: [member-b-criticism]\n", "")
    edit(fixture / "content" / "data" / "consultation.yaml", "[no-criticism, tone]", "[tone]")
    lines = failed_build(fixture, tmp_path)
    record = (fixture / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    fix = ("Fix: restore it: a published version keeps its clauses, numbers and keys for ever; "
           "make changes in a new version")

    def problem(url: str, message: str) -> str:
        line = next(n for n, text in enumerate(record, 1) if text.split()[0] == url)
        return f"published-urls.txt:{line}: {url}: published URL {url} {message}. {fix}"

    assert lines == [
        problem("clause/no-criticism/", "no longer resolves"),
        problem("code/1.0/#clause-1.3", "no longer resolves (it pointed at 'no-criticism')"),
        problem("code/1.0/#no-criticism", "no longer resolves"),
    ]


def test_renumbering_a_published_clause_fails_naming_the_url(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    # Swap clauses 2.1 (privacy) and 2.2 (separate) of the published version 1.0.
    privacy = ("      - key: privacy\n        text: Use privacy settings to hide your posts "
               "from the press.\n        provenance: {kind: verbatim, "
               "source: {document: report, at: paragraph 2.4}}\n")
    edit(versions(fixture) / "1.0.yaml", privacy, "")
    edit(versions(fixture) / "1.0.yaml", "      - key: safety\n", privacy + "      - key: safety\n")
    lines = failed_build(fixture, tmp_path)
    assert [line.split(": published URL ")[1].split(". Fix:")[0] for line in lines] == [
        "code/1.0/#clause-2.1 now points at 'separate', but it was published pointing at "
        "'privacy'",
        "code/1.0/#clause-2.2 now points at 'privacy', but it was published pointing at "
        "'separate'",
    ]


def test_a_failed_check_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    edit(versions(fixture) / "1.0.yaml", "key: safety-tell", "key: safety-inform")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    env = {**os.environ, "SITE_DIR": str(site), "SITE_CONFIG": str(fixture / "mkdocs.yml"),
           "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(ROOT / "site-build.sh")], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "code/1.0/#safety-tell no longer resolves" in output
    assert "code/1.0/#clause-2.3-b now points at 'safety-inform'" in output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"


def test_adding_a_version_adds_its_urls_with_one_command(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    record = fixture / "published-urls.txt"
    before = record.read_text(encoding="utf-8").splitlines()
    # Version 3.0 repeats 2.0 unchanged, so it gives no reasons.
    v3 = yaml.safe_load((versions(fixture) / "2.0.yaml").read_text(encoding="utf-8"))
    v3.update(id="3.0", prepared_for="2020-09-01")
    del v3["removed"]
    for section in v3["sections"]:
        for clause in section["clauses"]:
            clause.pop("change", None)
    (versions(fixture) / "3.0.yaml").write_text(yaml.safe_dump(v3), encoding="utf-8")
    edit(fixture / "content" / "data" / "code.yaml", "  - versions/2.0.yaml\n",
         "  - versions/2.0.yaml\n  - versions/3.0.yaml\n")
    result = record_urls(fixture)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("published-urls.txt: added 28 URL(s); recorded the "
                                     "wording of version 3.0")
    after = record.read_text(encoding="utf-8").splitlines()
    assert [line for line in after if line in before] == before  # each kept, in its place
    assert "code/3.0/#clause-2.2 safety" in after and "changes/#changes-3.0" in after
    # New URLs go among the URLs in order, the new version's wording after the last wording.
    assert after.index("code/3.0/") == after.index("code/2.0/code-2.0.pdf") + 1
    assert after[after.index(before[-1]) + 1].startswith("outline 3.0 ")
    assert after[-1].startswith("wording 3.0 privacy ")
    assert record_urls(fixture).stdout.strip() == "published-urls.txt: added 0 URL(s)"
    assert mkdocs_build(fixture / "mkdocs.yml", tmp_path / "site").returncode == 0


def test_recording_never_drops_a_lost_url(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    edit(versions(fixture) / "1.0.yaml", "key: safety-tell", "key: safety-inform")
    result = record_urls(fixture)
    assert result.returncode == 1
    assert "code/1.0/#safety-tell no longer resolves" in result.stderr
    assert "code/1.0/#safety-tell" in (fixture / "published-urls.txt").read_text().splitlines()


def test_the_built_site_is_checked_for_each_recorded_anchor(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "code" / "1.0").mkdir(parents=True)
    (site / "code" / "1.0" / "index.html").write_text(
        '<h3 id="clause-1.1">1.1</h3><div class="smc-clause"\nid=scope></div>'
        "<p data-id='clause-1.3' grid=\"clause-1.4\">id=clause-1.5</p>",
        encoding="utf-8")
    record = [Recorded(4, PublishedUrl("code/1.0/#clause-1.1", "scope")),
              Recorded(5, PublishedUrl("code/1.0/#clause-1.2", "tone")),
              Recorded(6, PublishedUrl("code/2.0/")),
              *(Recorded(7, PublishedUrl(f"code/1.0/#clause-1.{n}")) for n in (3, 4, 5))]
    assert [str(p) for p in missing_in_output(record, site, "published-urls.txt")] == [
        "published-urls.txt:5: code/1.0/#clause-1.2: published URL code/1.0/#clause-1.2 no "
        "longer resolves: the built page has no id 'clause-1.2'. Fix: restore it: a published "
        "version keeps its clauses, numbers and keys for ever; make changes in a new version",
        "published-urls.txt:6: code/2.0/: published URL code/2.0/ is not in the built site "
        "(code/2.0/index.html is missing). Fix: restore it: a published version keeps its "
        "clauses, numbers and keys for ever; make changes in a new version",
        *(f"published-urls.txt:7: code/1.0/#clause-1.{n}: published URL code/1.0/#clause-1.{n} "
          f"no longer resolves: the built page has no id 'clause-1.{n}'. Fix: restore it: a "
          "published version keeps its clauses, numbers and keys for ever; make changes in a "
          "new version" for n in (3, 4, 5)),
    ]


UNREADABLE = ("Fix: each line is a site-relative URL, optionally followed by one key, or a "
              "fingerprint: 'wording <version> <key> <fingerprint>' (or 'heading', or 'outline "
              "<version> <fingerprint>'); restore the line as it was (git diff shows what "
              "changed)")


def test_a_hand_edited_record_line_is_refused(tmp_path: Path) -> None:
    record = tmp_path / "published-urls.txt"
    record.write_text("# header\nhttps://example.org/code/1.0/\ncode/1.0/#clause-1.1 Scope!\n"
                      "wording 1.0 scope 12ab\n", encoding="utf-8")
    assert [str(p) for p in read_record(record, "published-urls.txt")] == [
        f"published-urls.txt:{n}: cannot read '{text}'. {UNREADABLE}"
        for n, text in ((2, "https://example.org/code/1.0/"), (3, "code/1.0/#clause-1.1 Scope!"),
                        (4, "wording 1.0 scope 12ab"))]


def test_the_real_record_covers_the_adopted_version() -> None:
    lines = (ROOT / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert "code/1.0/#clause-2.1 council-reputation" in lines
    assert "clause/council-reputation/" in lines
    assert "code/1.0/code-1.0.pdf" in lines


def test_check_command_names_a_lost_url_without_building(tmp_path: Path) -> None:
    fixture = copy_fixture(tmp_path)
    ok = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=fixture,
                        capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and "every URL in published-urls.txt resolves" in ok.stdout
    edit(versions(fixture) / "1.0.yaml", "key: safety-tell", "key: safety-inform")
    result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=fixture,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "published URL code/1.0/#safety-tell no longer resolves" in result.stderr
