"""Every built page is valid HTML by the W3C Nu HTML checker (vnu.jar)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import ROOT, Served, read_suppressions, vnu_errors

SUPPRESSIONS = ROOT / "tests" / "vnu-suppressions.txt"


def test_every_page_is_valid_html(served: Served, record_property: pytest.RecordProperty) -> None:
    suppressions = read_suppressions(SUPPRESSIONS)
    errors, matched = vnu_errors(served.site, suppressions)
    record_property("summary", f"Nu HTML checker: {len(served.pages)} pages, {len(errors)} "
                               f"errors, {sum(matched)} suppressed by {SUPPRESSIONS.name}")
    assert errors == []
    unused = [s.pattern.pattern for s, n in zip(suppressions, matched, strict=True) if n == 0]
    assert unused == [], "suppressions that no longer match any message: remove them"


def test_a_suppression_without_a_reason_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "suppressions.txt"
    bad.write_text("Attribute .autocomplete.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="needs a reason"):
        read_suppressions(bad)
