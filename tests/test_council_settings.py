"""The council's settings: checked with one line per problem, and written into its pages."""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from macros.load.configfile import check_config
from macros.load.settings import Settings, SettingsError, read_settings
from macros.render.environment import Templates
from macros.render.statements import render_accessibility_statement, render_contact

TEMPLATES = Templates()

GOOD: dict[str, Any] = {
    "generator": False,
    "council": {"name": "Example Borough Council"},
    "monitoring_officer": {"post": "Monitoring Officer", "email": "mo@example.org",
                           "phone": "01632 960001"},
    "accessibility": {
        "compliance": "partially",
        "non_accessible": ["Some tables have no headers."],
        "prepared": dt.date(2025, 1, 2),
        "tested": dt.date(2025, 1, 3),
        "method": "Checked with automated tools.",
    },
}


def problems(change: dict[str, Any]) -> list[str]:
    extra = copy.deepcopy(GOOD)
    for path, value in change.items():
        *parents, last = path.split(".")
        node = extra
        for part in parents:
            node = node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    with pytest.raises(SettingsError) as err:
        read_settings(extra, "mkdocs.yml")
    return [str(p) for p in err.value.problems]


def settings(**accessibility: Any) -> Settings:
    extra = copy.deepcopy(GOOD)
    extra["accessibility"].update(accessibility)
    return read_settings(extra, "mkdocs.yml")


@pytest.mark.parametrize(("change", "line"), [
    ({"monitoring_officer.email": "mo at example.org"},
     "mkdocs.yml: extra.monitoring_officer.email: 'mo at example.org' is not a valid email. "
     "Fix: correct the value in mkdocs.yml"),
    ({"monitoring_officer.phone": "call us"},
     "mkdocs.yml: extra.monitoring_officer.phone: 'call us' is not a valid phone. "
     "Fix: correct the value in mkdocs.yml"),
    ({"monitoring_officer.email": None, "monitoring_officer.phone": None},
     "mkdocs.yml: extra.monitoring_officer: give at least one of 'email', 'phone' or "
     "'address'. Fix: correct the value in mkdocs.yml"),
    ({"council": None},
     "mkdocs.yml: extra.council: missing. Fix: add it under 'extra:' in mkdocs.yml"),
    ({"accessibility.tested": None},
     "mkdocs.yml: extra.accessibility.tested: missing. Fix: add it under 'extra:' in mkdocs.yml"),
    ({"accessibility.tested_on": "2025-01-01"},
     "mkdocs.yml: extra.accessibility.tested_on: is not a setting this site knows. "
     "Fix: remove it, or check its spelling against macros/settings.py"),
    ({"accessibility.non_accessible": []},
     "mkdocs.yml: extra.accessibility: 'compliance: partially' needs 'non_accessible': the "
     "failures, one line each. Fix: correct the value in mkdocs.yml"),
    ({"accessibility.compliance": "fully"},
     "mkdocs.yml: extra.accessibility: a fully compliant site lists no 'non_accessible' "
     "content; set 'compliance: partially' or empty the list. Fix: correct the value in "
     "mkdocs.yml"),
])
def test_each_bad_setting_is_one_exact_line(change: dict[str, Any], line: str) -> None:
    assert problems(change) == [line]


def test_contact_gives_every_way_to_reach_the_office() -> None:
    html = render_contact(TEMPLATES, settings().monitoring_officer)
    assert html == (
        '<address class="smc-contact"><strong>Monitoring Officer</strong><br>'
        'Email: <a href="mailto:mo@example.org">mo@example.org</a><br>'
        'Telephone: <a href="tel:01632960001">01632 960001</a></address>')


def statement(s: Settings) -> str:
    return render_accessibility_statement(TEMPLATES, s, "Example Code", "https://code.example.org/")


def test_statement_has_the_sections_the_regulations_model_statement_has() -> None:
    html = statement(settings())
    for heading in ("How accessible this website is", "Feedback and contact information",
                    "Enforcement procedure",
                    "Technical information about this website's accessibility",
                    "Compliance status", "Non-accessible content",
                    "Preparation of this accessibility statement"):
        assert f">{heading}</h" in html.replace("&#x27;", "'")
    assert ("Example Borough Council wants its website to be accessible to everyone. The "
            "accessibility regulations are the Public Sector Bodies (Websites and Mobile "
            "Applications) (No. 2) Accessibility Regulations 2018.") in html
    assert ("This website is partially compliant with the Web Content Accessibility "
            "Guidelines version 2.2 AA standard, due to the non-compliances listed below."
            in html)
    assert "<li>Some tables have no headers.</li>" in html
    assert "This statement was prepared on 2 January 2025." in html
    assert "This website was last tested on 3 January 2025. Checked with automated tools." \
        in html
    assert "Equality and Human Rights Commission" in html
    assert 'href="mailto:mo@example.org"' in html  # problems go to the Monitoring Officer


def test_fully_compliant_statement_in_northern_ireland_with_its_own_contact() -> None:
    s = settings(compliance="fully", non_accessible=[], enforcement="northern-ireland",
                 reviewed=dt.date(2025, 6, 1), tested_by="the web team",
                 contact={"post": "Web Team", "email": "web@example.org"})
    html = statement(s)
    assert ("This website is fully compliant with the Web Content Accessibility Guidelines "
            "version 2.2 AA standard.") in html
    assert "Non-accessible content" not in html
    assert "Equality Commission for Northern Ireland" in html
    assert "Equality and Human Rights Commission" not in html
    assert "It was last reviewed on 1 June 2025." in html
    assert "The test was carried out by the web team." in html
    assert 'href="mailto:web@example.org"' in html
    assert "mo@example.org" not in html


CONFIG = """\
site_name: Example Code
site_url: https://code.example.org/
extra:
  council:
    name: Example Borough Council
  accessibility:
    compliance: partially
    non_accessible: [Some tables have no headers.]
    prepared: 2025-01-02
    tested: 2025-01-03
    method: Checked with automated tools.
"""


def config_problems(tmp_path: Path, text: str, name: str = "mkdocs.yml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in check_config(path, tmp_path).problems]


def test_a_date_that_does_not_exist_in_mkdocs_yml_is_one_line(tmp_path: Path) -> None:
    assert config_problems(tmp_path, CONFIG.replace("2025-01-03", "2026-02-30")) == [
        "mkdocs.yml:10: extra.accessibility.tested: '2026-02-30' is not a real date. "
        "Fix: write a date that exists, as YYYY-MM-DD, e.g. 2026-02-28"]


def test_a_key_given_twice_in_mkdocs_yml_names_both_lines(tmp_path: Path) -> None:
    text = CONFIG + "site_name: Another Code\n"
    text = text.replace("    name: Example Borough Council\n",
                        "    name: Example Borough Council\n    name: Example Council\n")
    assert config_problems(tmp_path, text) == [
        "mkdocs.yml:6: extra.council.name: 'name' is given twice, at lines 5 and 6; MkDocs "
        "would silently keep only the second. Fix: remove one of the two 'name:' lines",
        "mkdocs.yml:13: site_name: 'site_name' is given twice, at lines 1 and 13; MkDocs would "
        "silently keep only the second. Fix: remove one of the two 'site_name:' lines"]


def test_the_files_mkdocs_yml_inherits_from_are_checked_too(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text(CONFIG.replace("2025-01-02", "2025-13-01"),
                                       encoding="utf-8")
    assert config_problems(tmp_path, "INHERIT: base.yml\nsite_name: Child\n") == [
        "base.yml:9: extra.accessibility.prepared: '2025-13-01' is not a real date. "
        "Fix: write a date that exists, as YYYY-MM-DD, e.g. 2026-02-28"]


def test_mkdocs_yml_tags_and_quoted_dates_are_left_to_mkdocs(tmp_path: Path) -> None:
    text = CONFIG + ("markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
                     "        - format: !!python/name:pymdownx.superfences.fence_code_format\n"
                     "copyright: !ENV [COPYRIGHT, 'none']\nedit_uri: '2026-02-30'\n")
    assert config_problems(tmp_path, text) == []


def test_a_wrong_setting_names_its_line_in_the_file_that_holds_it(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text(CONFIG + "  monitoring_officer:\n    post: MO\n"
                                       "    email: mo at example.org\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nextra:\n  monitoring_officer:\n"
                                         "    post: Monitoring Officer\n", encoding="utf-8")
    checked = check_config(tmp_path / "mkdocs.yml", tmp_path)
    extra = copy.deepcopy(GOOD)
    extra["monitoring_officer"] = {"post": "Monitoring Officer", "email": "mo at example.org"}
    with pytest.raises(SettingsError) as err:
        read_settings(extra, "mkdocs.yml", checked.locate)
    assert [str(p) for p in err.value.problems] == [
        "base.yml:14: extra.monitoring_officer.email: 'mo at example.org' is not a valid email. "
        "Fix: correct the value in mkdocs.yml"]


def test_the_check_before_mkdocs_reads_the_file_prints_one_line(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(CONFIG.replace("2025-01-03", "2026-02-30"),
                                         encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.adapters.config_check",
                             "mkdocs.yml"], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "The Code's data has 1 problem:",
        "mkdocs.yml:10: extra.accessibility.tested: '2026-02-30' is not a real date. "
        "Fix: write a date that exists, as YYYY-MM-DD, e.g. 2026-02-28"]
