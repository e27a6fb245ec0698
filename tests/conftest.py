"""Fixtures shared by every test: the real site built once, throwaway fixture Codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import ROOT, CodeDir, built


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session into a temporary folder."""
    return built(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("real-site"))


@pytest.fixture
def code_dir(tmp_path: Path) -> CodeDir:
    return CodeDir(tmp_path)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the counts tests recorded with record_property("summary", ...): pages checked,
    axe rules run, validator errors, fuzz examples."""
    lines = [value for reports in terminalreporter.stats.values() for report in reports
             if getattr(report, "when", None) == "call"
             for name, value in getattr(report, "user_properties", ()) if name == "summary"]
    if lines:
        terminalreporter.section("what was checked")
        for line in dict.fromkeys(lines):
            terminalreporter.write_line(str(line))
