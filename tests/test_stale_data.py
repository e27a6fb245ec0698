"""Nothing left over from another council builds silently: guidance nothing cites, an
abbreviation no page uses, a page naming guidance the data lacks, a consultation record of
versions the Code does not have. Each is one line naming the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from councilkit import macros
from testkit import mkdocs_build

GUIDANCE = """\
guidance:
  - id: safety
    title: Staying safe online
    publisher: Example Association
    url: https://help.example.org/safe
    summary: Advice on threats and abuse online.
"""


@pytest.fixture
def council(tmp_path: Path) -> Path:
    """A council just started with the command."""
    result = macros(tmp_path, "new-council", "council", "--name", "Anyshire County Council")
    assert result.returncode == 0, result.stderr
    return tmp_path / "council"


def build_problems(council: Path) -> list[str]:
    """The lines a failed build printed (the build must fail, without a traceback)."""
    result = mkdocs_build(council / "mkdocs.yml", council / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    return [line for line in output.splitlines() if line.strip()]


def add(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_page_naming_guidance_the_data_lacks(council: Path) -> None:
    add(council / "content" / "pages" / "index.md",
        '\nHelp: {{ guidance_link("lga-handling-abuse") }}\n')
    lines = build_problems(council)
    assert ("content/pages/index.md:20: guidance 'lga-handling-abuse': is not guidance the "
            "Code's data holds. Fix: the Code has no guidance: remove the macro, or add the "
            "guidance to the data") in lines


def test_guidance_no_clause_cites_and_no_page_names(council: Path) -> None:
    data = council / "content" / "data"
    (data / "guidance.yaml").write_text(GUIDANCE, encoding="utf-8")
    add(data / "code.yaml", "guidance: guidance.yaml\n")
    lines = build_problems(council)
    assert lines[-1] == (
        "content/data/guidance.yaml:2: guidance 'safety': is cited by no clause of any "
        "version and named on no page, so nothing points readers to it. Fix: remove it, or "
        "cite it from a clause ('guidance: [safety]') or a page "
        "('{{ guidance_link(\"safety\") }}')")
    add(council / "content" / "pages" / "index.md", '\n{{ guidance_callout("safety") }}\n')
    result = mkdocs_build(council / "mkdocs.yml", council / "site")
    assert result.returncode == 0, result.stderr


def test_an_abbreviation_no_page_uses(council: Path) -> None:
    add(council / "content" / "data" / "glossary.md", "*[SMT]: Strategic Management Team\n")
    lines = build_problems(council)
    assert lines[-1] == (
        "content/data/glossary.md:4: SMT: is used on no page of the site, though the glossary "
        "page lists it. Fix: remove its line, or use the abbreviation where it belongs")


def test_a_consultation_record_of_versions_the_code_does_not_have(council: Path) -> None:
    data = council / "content" / "data"
    (data / "consultation.yaml").write_text(
        "rounds:\n  - reviewed_version: \"2.0\"\n    source: the minutes\n    comments:\n"
        "      - id: dupre-officers\n        member: Cllr Dupre\n        topic: Officers\n"
        "        paragraph: \"4\"\n        kind: summarised\n        words: More on officers.\n",
        encoding="utf-8")
    add(data / "code.yaml", "consultation: consultation.yaml\n")
    lines = build_problems(council)
    assert any(line.startswith("content/data/consultation.yaml:2: round 1: reviewed_version "
                               "'2.0' is not a version of the Code. Fix: use the id of a "
                               "version listed in content/data/code.yaml: 1.0")
               for line in lines), lines


def test_a_version_that_fails_is_not_also_said_to_be_missing(council: Path) -> None:
    data = council / "content" / "data"
    (data / "consultation.yaml").write_text(
        "rounds:\n  - reviewed_version: \"1.0\"\n    source: the minutes\n    comments:\n"
        "      - id: dupre-officers\n        member: Cllr Dupre\n        topic: Officers\n"
        "        paragraph: \"4\"\n        kind: summarised\n        words: More on officers.\n",
        encoding="utf-8")
    add(data / "code.yaml", "consultation: consultation.yaml\n")
    version = data / "versions" / "1.0.yaml"
    version.write_text(version.read_text(encoding="utf-8").replace(
        "provenance: {kind: drafted}", "provenance: {kind: drafted}\n        guidance: [none]", 1),
        encoding="utf-8")
    lines = build_problems(council)
    assert any("unknown guidance id 'none'" in line for line in lines), lines
    assert not [line for line in lines if "is not a version of the Code" in line]


def test_pages_asking_for_what_the_data_lacks(council: Path) -> None:
    version = council / "content" / "data" / "versions" / "1.0.yaml"
    version.write_text(version.read_text(encoding="utf-8").replace(
        "status: adopted", "status: draft").replace("approved_on:", "prepared_for:"),
        encoding="utf-8")
    add(council / "content" / "pages" / "glossary.md",
        '\n{{ clause("example-same-standard", "1.0") }}\n{{ version_status("9.9") }}\n')
    in_force = ("version in force: no version is adopted, so none is in force for the page to "
                "show. Fix: adopt a version (python -m macros adopt), or take this macro off "
                "the page until one is")
    assert build_problems(council)[-5:] == [
        f"content/pages/index.md:9: {in_force}",
        f"content/pages/index.md:13: {in_force}",
        f"content/pages/concerns.md:5: {in_force}",
        "content/pages/glossary.md:8: clause 'example-same-standard': is not a clause of "
        "version 1.0. Did you mean 'example-same-standards'? Fix: use the key of a clause in "
        "content/data/versions/1.0.yaml",
        "content/pages/glossary.md:9: version '9.9': is not a version in "
        "content/data/code.yaml. Fix: use one of: 1.0"]


def test_guidance_added_to_the_data_gets_its_page_and_nav_entry(council: Path) -> None:
    """The nav the command wrote lists the guidance page; one that does not gets it too."""
    data = council / "content" / "data"
    (data / "guidance.yaml").write_text(GUIDANCE, encoding="utf-8")
    add(data / "code.yaml", "guidance: guidance.yaml\n")
    add(council / "content" / "pages" / "index.md", '\n{{ guidance_callout("safety") }}\n')
    config = council / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - Further guidance: guidance/index.md\n", ""), encoding="utf-8")
    result = mkdocs_build(config, council / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (council / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="guidance/" class="md-nav__link' in html
