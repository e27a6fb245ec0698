"""What the tests of a new council's site share: the command, and every word a site shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from testkit import ROOT, pdf_pages


def macros(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m macros ARGS` in `cwd`, as a council's officer types it there."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def published_text(site: Path) -> dict[str, str]:
    """The text of every page, data file and PDF the built site holds, by its path."""
    found = {}
    for path in sorted(site.rglob("*")):
        name = str(path.relative_to(site))
        if path.suffix in (".html", ".json", ".xml", ".txt"):
            found[name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".pdf":
            found[name] = "\n".join(pdf_pages(path))
    return found


def original_council_words() -> list[str]:
    """Words that name the real site's council: its name, its Monitoring Officer, the
    committee and report its Code comes from, and the members who commented on it."""
    def load(path: Path) -> dict[str, object]:
        text = path.read_text(encoding="utf-8")
        return yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 (strings only)

    extra = load(ROOT / "mkdocs.yml")["extra"]
    assert isinstance(extra, dict)
    officer = extra["monitoring_officer"]
    manifest = load(ROOT / "content" / "data" / "code.yaml")
    assert isinstance(manifest["documents"], list)
    consultation = load(ROOT / "content" / "data" / "consultation.yaml")
    assert isinstance(consultation, dict)
    members = {str(c["member"]) for r in consultation["rounds"] for c in r["comments"]}
    bodies = {str(load(p)["body"]) for p in (ROOT / "content" / "data" / "versions").glob("*.yaml")}
    words = [extra["council"]["name"], "Cambridgeshire", officer["name"], officer["email"],
             officer["phone"], *(str(d["title"]) for d in manifest["documents"]), *bodies,
             *members]
    return sorted(set(words))
