"""The catalogue of bad input: each broken Code, built with site-build.sh, fails with the
exact lines expected, no traceback, and leaves the last good site exactly as it was."""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from problem_shapes import unexplained
from testkit import GUIDANCE, MANIFEST, ROOT

VERSION = "content/data/versions/1.0.yaml"

GOOD = """\
id: "1.0"
title: Test Code
status: adopted
body: Test Committee
approved_on: 2020-01-01
summary: A Code for the bad-input tests.
sections:
  - key: first
    title: First
    clauses:
      - key: alpha
        text: Alpha, see [[beta]].
        provenance: {kind: drafted}
        guidance: [help]
      - key: beta
        text: Beta.
        provenance: {kind: verbatim, source: {document: report, at: paragraph 2.2}}
  - key: second
    title: Second
    clauses:
      - key: gamma
        text: Gamma.
        provenance: {kind: drafted}
"""

# A revision of GOOD (2.0) and of that (2.1), and two rounds of comments: on 1.0, answered
# by 2.0, and on 2.0, answered by 2.1.
def draft(version: str, date: str) -> str:
    """GOOD as a draft `version` for the meeting on `date`."""
    return GOOD.replace('"1.0"', f'"{version}"').replace("adopted", "draft").replace(
        "approved_on: 2020-01-01", f"prepared_for: {date}")


V2 = draft("2.0", "2021-01-01").replace(
    "text: Beta.\n", "text: Beta, reworded.\n        change: {reason: Clearer., answers: "
    "[ann-beta]}\n")
V21 = draft("2.1", "2021-06-01").replace("text: Beta.\n", "text: Beta, reworded.\n").replace(
    "text: Gamma.\n", "text: Gamma, reworded.\n        change: {reason: Clearer., answers: "
    "[bob-gamma]}\n")
ROUNDS = """\
rounds:
  - reviewed_version: "1.0"
    answered_by: "2.0"
    source: the test report of 1 March 2020
    comments:
      - id: ann-beta
        member: Cllr Ann
        topic: Beta
        paragraph: "2.2"
        kind: summarised
        words: Beta is unclear.
        concerns: [beta]
        response: {status: addressed, text: Reworded., clauses: [beta]}
  - reviewed_version: "2.0"
    answered_by: "2.1"
    source: the minutes of the members' meeting
    date: 2021-03-01
    comments:
      - id: bob-gamma
        member: Cllr Bob
        topic: Gamma
        paragraph: "4"
        kind: summarised
        words: Gamma is unclear.
        concerns: [gamma]
        response: {status: addressed, text: Reworded., clauses: [gamma]}
      - id: cy-code
        member: Cllr Cy
        topic: The whole Code
        paragraph: "5"
        kind: summarised
        words: The Code is too long.
        response: {status: not-addressed, text: It is as short as it can be.}
"""
ONE_ROUND = """\
reviewed_version: "1.0"
answered_by: "2.0"
comments:
  - id: ann-beta
    member: Cllr Ann
    topic: Beta
    paragraph: "2.2"
    kind: summarised
    words: Beta is unclear.
    concerns: [beta]
    response: {status: addressed, text: Reworded., clauses: [beta]}
"""
RECORD = "content/data/consultation.yaml"


class Project:
    """A copy of the small fixture site whose data the cases break."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(ROOT / "tests" / "fixtures" / "mini", root)
        config = root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                          encoding="utf-8")
        self.config = config
        self.config_text = config.read_text(encoding="utf-8")
        self.data = root / "content" / "data"
        self.reset()

    def reset(self) -> None:
        self.config.write_text(self.config_text, encoding="utf-8")
        shutil.rmtree(self.data)
        (self.data / "versions").mkdir(parents=True)
        (self.data / "guidance.yaml").write_text(GUIDANCE, encoding="utf-8")
        self.versions({"1.0.yaml": GOOD})

    def versions(self, files: dict[str, str | bytes]) -> None:
        for name, content in files.items():
            path = self.data / "versions" / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        listed = "\n".join(f"  - versions/{name}" for name in files)
        (self.data / "code.yaml").write_text(MANIFEST.format(versions=listed), encoding="utf-8")

    def build(self, site: Path) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "SITE_DIR": str(site), "SITE_CONFIG": str(self.config),
               "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run([str(ROOT / "site-build.sh")], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=False)


def snapshot(site: Path) -> tuple[int, dict[str, str]]:
    """The site folder's identity and the hash of every file in it."""
    files = {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(site.rglob("*")) if p.is_file()}
    return site.stat().st_ino, files


@dataclass(frozen=True)
class Case:
    break_data: Callable[[Project], None]
    expected: list[str]


def edit(old: str, new: str) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        assert old in GOOD
        project.versions({"1.0.yaml": GOOD.replace(old, new, 1)})
    return apply


def second_version(text: str) -> Callable[[Project], None]:
    return lambda project: project.versions({"1.0.yaml": GOOD, "2.0.yaml": text})


def rounds(old: str = "", new: str = "", file: str = "consultation.yaml",
           record: str = ROUNDS) -> Callable[[Project], None]:
    """Versions 1.0, 2.0 and 2.1 with the two rounds of comments, `old` replaced by `new` in
    one of the files."""
    def apply(project: Project) -> None:
        files = {"1.0.yaml": GOOD, "2.0.yaml": V2, "2.1.yaml": V21, "consultation.yaml": record}
        if old:
            assert files[file].count(old) == 1, old
            files[file] = files[file].replace(old, new)
        project.versions({name: files[name] for name in ("1.0.yaml", "2.0.yaml", "2.1.yaml")})
        (project.data / "consultation.yaml").write_text(files["consultation.yaml"],
                                                         encoding="utf-8")
        manifest = project.data / "code.yaml"
        manifest.write_text(manifest.read_text(encoding="utf-8")
                            + "consultation: consultation.yaml\n", encoding="utf-8")
    return apply


def directory(project: Project) -> None:
    (project.data / "versions" / "1.0.yaml").unlink()
    (project.data / "versions" / "1.0.yaml").mkdir()


def manifest_lists(name: str) -> Callable[[Project], None]:
    """The manifest lists `name` as a second version file, at line 5."""
    def apply(project: Project) -> None:
        manifest = project.data / "code.yaml"
        text = manifest.read_text(encoding="utf-8")
        manifest.write_text(text.replace("guidance:", f"  - {name}\nguidance:", 1),
                            encoding="utf-8")
    return apply


def config(old: str, new: str) -> Callable[[Project], None]:
    """mkdocs.yml with `old` replaced by `new`."""
    def apply(project: Project) -> None:
        assert project.config_text.count(old) == 1
        project.config.write_text(project.config_text.replace(old, new), encoding="utf-8")
    return apply


ACCESSIBILITY = """\
extra:
  accessibility:
    compliance: partially
    non_accessible: [Not yet tested by hand.]
    prepared: 2026-01-05
    tested: 2026-02-30
    method: Checked with automated tools.
"""


def guidance_file(text: str) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        (project.data / "guidance.yaml").write_text(text, encoding="utf-8")
    return apply


CONSULTATION = """\
rounds:
  - reviewed_version: "1.0"
    answered_by: "2.0"
    source: the test report
    comments:
      - id: ann
        member: Cllr Ann
        topic: The first clause
        paragraph: "2.1"
        kind: summarised
        words: Alpha is too strict.
        concerns: [alpha]
        response: {status: addressed, text: Reworded in version 2.0.}
"""


def broken_answering_version(project: Project) -> None:
    """Version 2.0 answers the consultation, and cannot be read."""
    project.versions({"1.0.yaml": GOOD, "2.0.yaml": GOOD.replace('"1.0"', '"2.0"').replace(
        "title: First", "title: [First")})
    (project.data / "consultation.yaml").write_text(CONSULTATION, encoding="utf-8")
    manifest = project.data / "code.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "consultation: consultation.yaml\n",
                        encoding="utf-8")


OUTSIDE = ("Fix: put the file in the data folder, content/data/ (the folder of code.yaml), "
           "and list its path from there, e.g. 'versions/1.0.yaml'")
SYNTAX = "Fix: correct the YAML syntax near that line (indent with spaces, quote text with ':')"
CATALOGUE: dict[str, Case] = {
    "malformed YAML": Case(edit("title: First", "title: [First"), [
        f"{VERSION}:10: malformed YAML at column 12: expected ',' or ']', but got ':'. {SYNTAX}"]),
    "a tab where spaces belong": Case(edit("    title: First", "\ttitle: First"), [
        f"{VERSION}:9: malformed YAML at column 1: a tab character is used for indentation. "
        "Fix: indent with spaces, never tabs"]),
    "unknown field": Case(edit("        text: Beta.", "        txt: Beta.\n        text: Beta."), [
        f"{VERSION}:16: clause 'beta': unknown field 'txt'. Did you mean 'text'? Fix: remove it "
        "or use one of: key, text, provenance, items, refs, guidance, change"]),
    "missing field": Case(edit("        text: Gamma.\n", ""), [
        f"{VERSION}:21: clause 'gamma': missing required field 'text'. "
        "Fix: add 'text:' with a value"]),
    "duplicate key across sections": Case(edit("key: gamma", "key: beta"), [
        f"{VERSION}:21: clause 'beta': duplicate key 'beta' (already used by a clause at line "
        "15). Fix: give every section, clause and item its own key"]),
    "unknown cross-reference": Case(edit("[[beta]]", "[[betta]]"), [
        f"{VERSION}:12: clause 'alpha': cross-reference to unknown key 'betta'. Did you mean "
        "'beta'? Fix: use the key of a clause in version 1.0"]),
    "cross-reference to itself": Case(edit("[[beta]]", "[[alpha]]"), [
        f"{VERSION}:12: clause 'alpha': refers to itself ('alpha'). "
        "Fix: remove the reference; a clause cannot refer to itself"]),
    "unknown guidance id": Case(edit("guidance: [help]", "guidance: [helpp]"), [
        f"{VERSION}:14: clause 'alpha': unknown guidance id 'helpp'. Did you mean 'help'? "
        "Fix: use an id from content/data/guidance.yaml, or add the guidance there"]),
    "two versions with the same id": Case(second_version(
        draft("1.0", "2021-01-01")), [
        "content/data/versions/2.0.yaml:1: version '1.0': version id '1.0' is also used by "
        f"{VERSION}. Fix: give each version its own id"]),
    "versions out of date order": Case(second_version(
        draft("2.0", "2019-01-01")), [
        "content/data/versions/2.0.yaml:5: version '2.0': dated 2019-01-01, before version 1.0 "
        "(2020-01-01) listed above it. Fix: list versions in content/data/code.yaml from oldest "
        "to newest"]),
    "an empty version": Case(
        lambda p: p.versions({"1.0.yaml": GOOD.split("sections:")[0] + "sections: []\n"}), [
        f"{VERSION}:7: version '1.0': the version has no sections. "
        "Fix: add at least one section with clauses"]),
    "<script> in clause text": Case(edit("Beta.", "Beta <script>alert(1)</script>."), [
        f"{VERSION}:16: clause 'beta': HTML is not allowed in clause text (found '<script>'). "
        "Fix: write plain text; use **bold**, *emphasis* or [text](https://address) instead"]),
    "javascript: link in clause text": Case(edit("Beta.", "'[Beta](javascript:alert(1)).'"), [
        f"{VERSION}:16: clause 'beta': link address 'javascript:alert(1' is not allowed. "
        "Fix: links must start with https:// or mailto:"]),
    "a clause of 1 MB": Case(edit("Gamma.", "G" * 1_000_000), [
        f"{VERSION}:22: clause 'gamma': field 'text' is 1,000,000 characters long; the limit is "
        "20,000. Fix: shorten it or split it into several clauses"]),
    "non-UTF-8 bytes": Case(
        lambda p: p.versions({"1.0.yaml": GOOD.replace("Beta.", "Bêta.").encode("latin-1")}), [
        f"{VERSION}:16: not UTF-8 text (byte 0xea cannot be read). "
        "Fix: save the file with UTF-8 encoding"]),
    "a data file that is a directory": Case(directory, [
        f"{VERSION}: is a directory, not a YAML file. "
        "Fix: point the manifest at a .yaml file inside it, or remove the entry"]),
    "a field given twice": Case(edit("text: Beta.", "text: Beta.\n        text: B."), [
        f"{VERSION}:17: 'text' is given twice in the same place (first at line 16); YAML would "
        "silently keep only the second. Fix: remove one of the two 'text:' lines"]),
    "a date that does not exist": Case(edit("2020-01-01", "2020-02-30"), [
        f"{VERSION}:5: '2020-02-30' is not a real date (day is out of range for month). "
        "Fix: write a date that exists as YYYY-MM-DD, e.g. 2019-10-01"]),
    "a version file outside the data folder": Case(manifest_lists("/etc/passwd"), [
        "content/data/code.yaml:5: versions: '/etc/passwd' is outside the data folder. "
        f"{OUTSIDE}"]),
    "a version file reached with '..'": Case(manifest_lists("../../mkdocs.yml"), [
        "content/data/code.yaml:5: versions: '../../mkdocs.yml' is outside the data folder. "
        f"{OUTSIDE}"]),
    "a version id that is a path": Case(edit('id: "1.0"', 'id: "../../etc"'), [
        f"{VERSION}:1: field 'id' must be a version number such as 2.1, not '../../etc'. "
        'Fix: write two whole numbers joined by a dot, in quotes, e.g. id: "2.1"']),
    "a Python tag": Case(edit("title: First", "title: !!python/object/apply:os.system [id]"), [
        f"{VERSION}:9: the YAML tag '!!python/object/apply:os.system' is not allowed. Fix: "
        "remove the tag (the word starting with '!'); if the value is text that starts with "
        "'!', put it in quotes"]),
    "an over-long section title": Case(edit("title: First", "title: " + "F" * 201), [
        f"{VERSION}:9: section 'first': field 'title' is 201 characters long; the limit is "
        "200. Fix: shorten it to at most 200 characters"]),
    "a source in the old form, a paragraph without its document": Case(
        edit("{document: report, at: paragraph 2.2}", '"2.2"'), [
        f"{VERSION}:17: clause 'beta': source '2.2' names a place but not the document it is in "
        "(the old form). Fix: name the document, listed once under 'documents:' in "
        "content/data/code.yaml, and the place in it, e.g. "
        "source: {document: report, at: paragraph 2.2}"]),
    "a source document not listed": Case(edit("{document: report,", "{document: reprot,"), [
        f"{VERSION}:17: clause 'beta': unknown source document 'reprot'. Did you mean 'report'? "
        "Fix: use the id of a document listed under 'documents:' in content/data/code.yaml "
        "(report), or add the document there"]),
    "a document name that is not one": Case(
        config("  council:\n", "  council:\n    document: the Code\n"), [
        "mkdocs.yml:20: extra.council.document: 'the Code' is not a short name for the "
        "document. Fix: write the name the council gives the document, as 'the ... in force' "
        "would say it: one to four words, the first with a capital letter, e.g. 'Code' or "
        "'Protocol'"]),
    "a guidance file that is a list": Case(guidance_file("- id: help\n"), [
        "content/data/guidance.yaml:1: the file does not hold a mapping of fields. Fix: start "
        "the file with 'guidance:' and list each entry under it, e.g. '- id: lga-guide'"]),
    "a version file that fails, which the consultation names": Case(
        broken_answering_version, [
            "content/data/versions/2.0.yaml:10: malformed YAML at column 12: expected ',' or "
            f"']', but got ':'. {SYNTAX}"]),
    "a date in mkdocs.yml that does not exist": Case(config("extra:\n", ACCESSIBILITY), [
        "mkdocs.yml:22: extra.accessibility.tested: '2026-02-30' is not a real date. "
        "Fix: write a date that exists, as YYYY-MM-DD, e.g. 2026-02-28"]),
    "a setting given twice in mkdocs.yml": Case(
        config("site_name: Fixture Code\n", "site_name: Fixture Code\nsite_name: Other Code\n"), [
            "mkdocs.yml:4: site_name: 'site_name' is given twice, at lines 3 and 4; MkDocs "
            "would silently keep only the second. Fix: remove one of the two 'site_name:' "
            "lines"]),
    "a wrong setting in mkdocs.yml": Case(config("extra:\n", "extra:\n  monitoring_officer:\n"
                                                 "    post: Monitoring Officer\n"
                                                 "    email: mo at example.org\n"), [
        "mkdocs.yml:20: extra.monitoring_officer.email: 'mo at example.org' is not a valid "
        "email. Fix: correct the value in mkdocs.yml"]),
    "an invisible control character": Case(edit("Beta.", "Be\x07ta."), [
        f"{VERSION}:16: contains a control character (U+0007) that YAML does not allow. "
        "Fix: delete it: it is invisible in most editors, so retype the text around it"]),
    # The members' comments, round by round (content/data/consultation.yaml).
    "comments not in rounds": Case(rounds(record=ONE_ROUND), [
        f"{RECORD}:1: consultation: the comments are not in rounds. Fix: put the comments under "
        "rounds: write 'rounds:', then '  - reviewed_version: \"1.0\"' and, indented under it, "
        "answered_by, source (where the comments are recorded) and comments"]),
    "a comment id used in two rounds": Case(rounds("id: cy-code", "id: ann-beta"), [
        f"{RECORD}:27: comment 'ann-beta': duplicate comment id 'ann-beta' (already used at line "
        "6, in round 1). Fix: give every comment its own id, in every round"]),
    "a response clause not in its round's answering version": Case(
        rounds("clauses: [gamma]", "clauses: [gama]"), [
        f"{RECORD}:26: comment 'bob-gamma': response names unknown clause 'gama' of version 2.1. "
        "Did you mean 'gamma'? Fix: use the key of a clause in content/data/versions/2.1.yaml"]),
    "a reviewed version not in the Code": Case(
        rounds('reviewed_version: "2.0"', 'reviewed_version: "2.2"'), [
        f"{RECORD}:14: round 2: reviewed_version '2.2' is not a version of the Code. Fix: use the "
        "id of a version listed in content/data/code.yaml: 1.0, 2.0, 2.1"]),
    "an answering version not in the Code": Case(
        rounds('answered_by: "2.0"', 'answered_by: "3.0"'), [
        f"{RECORD}:3: round 1: answered_by '3.0' is not a version of the Code. Fix: use the id "
        "of a version listed in content/data/code.yaml: 1.0, 2.0, 2.1"]),
    "an answering version before the reviewed one": Case(
        rounds('answered_by: "2.1"', 'answered_by: "1.0"'), [
        f"{RECORD}:15: round 2: answered_by '1.0' is not a version after reviewed_version '2.0'. "
        "Fix: answer the round with a version listed after 2.0 in content/data/code.yaml, or "
        "leave answered_by out until one answers it"]),
    "a change answers an unknown comment": Case(
        rounds("answers: [bob-gamma]", "answers: [bob-gama]", file="2.1.yaml"), [
        "content/data/versions/2.1.yaml:23: clause 'gamma': answers unknown comment 'bob-gama'. "
        f"Did you mean 'bob-gamma'? Fix: use the id of a comment in {RECORD}"]),
    "a change answers a comment on its own version": Case(
        rounds("answers: [ann-beta]", "answers: [ann-beta, cy-code]", file="2.0.yaml"), [
        "content/data/versions/2.0.yaml:17: clause 'beta': answers comment 'cy-code', a comment "
        "on version 2.0, which does not come before version 2.0. Fix: name only comments on "
        "earlier versions, or remove the id"]),
    "an open round whose response names clauses": Case(rounds('    answered_by: "2.1"\n'), [
        f"{RECORD}:25: comment 'bob-gamma': response names clauses, but round 2 has no answering "
        "version. Fix: add 'answered_by:' to round 2, or remove the clauses"]),
    "an answered round's comment without a response": Case(
        rounds("        response: {status: not-addressed, text: It is as short as it can be.}\n"), [
        f"{RECORD}:27: comment 'cy-code': has no response, but version 2.1 answers round 2. "
        "Fix: add 'response:' with its status and text"]),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(tmp_path_factory.mktemp("bad-input") / "project")


@pytest.fixture(scope="module")
def good_site(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The last good build, which every failed build must leave alone."""
    site = tmp_path_factory.mktemp("last-good") / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize("name", CATALOGUE)
def test_bad_input_fails_with_the_catalogued_lines_and_leaves_the_site(
    project: Project, good_site: Path, name: str,
) -> None:
    case = CATALOGUE[name]
    before = snapshot(good_site)
    project.reset()
    case.break_data(project)
    result = project.build(good_site)
    project.reset()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    count = len(case.expected)
    head = f"The Code's data has {count} problem{'s' if count != 1 else ''}:"
    assert output.strip().splitlines()[-count - 1:] == [head, *case.expected]
    assert [unexplained(line) for line in case.expected] == [None] * count
    assert snapshot(good_site) == before, "the failed build changed the last good site"


@pytest.mark.parametrize("text", [
    "Written {{ config.site_name }} and {% if true %}kept{% endif %} as typed.",
    "Written {{ 7*7 }} and {# a comment #} and {%raw%} as typed.",
])
def test_template_syntax_in_clause_text_is_shown_as_text(
    project: Project, tmp_path: Path, text: str,
) -> None:
    project.reset()
    project.versions({"1.0.yaml": GOOD.replace("text: Gamma.", f"text: '{text}'")})
    site = tmp_path / "site"
    result = project.build(site)
    project.reset()
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "code" / "1.0" / "index.html").read_text(encoding="utf-8")
    assert f"<p>{text}</p>" in page.replace("&#x27;", "'")
    # The clause's history page takes its title from the wording, also as typed.
    history = (site / "clause" / "gamma" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", history, re.S).group(1)
    assert " ".join(text.split()[:4]) in html.unescape(title)
    assert "\u2060" not in history
