"""site-build.sh replaces site/ only when a build succeeds."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from testkit import FIXTURES, ROOT


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _site_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_CONFIG": str(config), "SITE_DIR": str(site)}
    return subprocess.run([str(ROOT / "site-build.sh")], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path) -> None:
    fixture = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", fixture)
    config = fixture / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                      encoding="utf-8")
    site = tmp_path / "site"

    good = _site_build(config, site)
    assert good.returncode == 0, good.stdout + good.stderr
    assert (site / "code" / "1.0" / "index.html").is_file()
    before = _snapshot(site)

    data = fixture / "content" / "data" / "versions" / "1.0.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("key: beta\n", "key: alpha\n"),
                    encoding="utf-8")
    bad = _site_build(config, site)
    assert bad.returncode != 0
    assert "duplicate key 'alpha'" in bad.stdout + bad.stderr
    assert _snapshot(site) == before
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == ["mini", "site"]
