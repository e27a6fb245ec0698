"""The site's search index, as the built site holds it: each version page is the page and its
clauses, each clause titled with its number, version and status and holding only its words,
the version in force boosted above every other entry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from testkit import ROOT

from macros.adapters.version_site import relocated
from macros.compute.code import build_code
from macros.compute.search import clause_words
from macros.compute.versions import status_words

CODE = build_code(ROOT / "content" / "data" / "code.yaml", ROOT)


def index(site: Path, folder: str = "") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    return data


def test_each_version_page_is_its_status_and_its_clauses_words(real_site: Path) -> None:
    docs = index(real_site)["docs"]
    for version in CODE.versions:
        path = f"code/{version.id}/"
        entries = [d for d in docs if d["location"].split("#")[0] == path]
        status = status_words(CODE, version)
        assert entries[0]["title"] == (f"Social Media Code for Councillors: version "
                                       f"{version.id} ({status})")
        assert [(d["location"], d["title"], d["text"]) for d in entries[1:]] == [
            (f"{path}#clause-{c.number}", f"Clause {c.number} (version {version.id}, {status})",
             clause_words(version, c).replace("&", "&amp;").replace("<", "&lt;"))
            for c in version.clauses()]


def test_the_version_in_force_outranks_every_other_entry(real_site: Path) -> None:
    data = index(real_site)
    title_boost = data["config"]["fields"]["title"]["boost"]
    assert CODE.current is not None
    in_force = f"code/{CODE.current.id}/"
    for doc in data["docs"]:
        if doc["location"].startswith(in_force):
            assert doc["boost"] >= 100 * title_boost
        else:
            assert doc.get("boost", 1) <= 3
    # The pages around the Code are still found, as the theme indexed them.
    assert any(d["location"].startswith("consultation/#") for d in data["docs"])


def test_the_copies_for_version_pages_hold_the_same_entries(real_site: Path) -> None:
    docs = index(real_site)["docs"]
    for version in CODE.versions:
        copy = index(real_site, f"code/{version.id}")["docs"]
        assert [("../../" + d["location"], d["title"], d.get("boost")) for d in docs] == [
            (d["location"], d["title"], d.get("boost")) for d in copy]


def test_a_version_folder_s_copy_of_the_index_has_each_location_relative_to_it() -> None:
    index = {"config": {"lang": ["en"], "separator": '[\\s\\-"]+'},
             "docs": [{"location": "code/1.0/#clause-1.1", "title": 'Say "location":"x"',
                       "text": "caf\u00e9 \\ / <b>", "boost": 2},
                      {"location": "", "title": "Home", "text": '"location":""'}]}
    text = json.dumps(index, separators=(",", ":"))
    moved = {**index, "docs": [{**doc, "location": "../../" + doc["location"]}
                               for doc in index["docs"]]}
    assert relocated(text, "../../") == json.dumps(moved, separators=(",", ":"))
