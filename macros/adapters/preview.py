"""`serve` previews the Code's data as well as the pages: what it watches, and how a rebuild
that finds a problem keeps the last good site served.

MkDocs's own `serve` watches only the pages, `mkdocs.yml` and the theme; the `clauses` plugin
adds the Code's data here. When a rebuild fails, MkDocs holds every request until a build
succeeds ("the server will appear stuck"). A problem in the data is found while the build is
configured, before MkDocs empties the folder it serves, so that folder still holds the last
good site: `keep_last_good_site` then says what is wrong and lets the server go on serving it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

Builder = Callable[..., Any]


def data_paths(manifest: Path, extra: list[Path]) -> list[tuple[Path, bool]]:
    """What `serve` watches for the Code, each with whether to watch inside its folders: the
    manifest's folder and everything in it, and the folder of each file the manifest names
    outside it, and of each of `extra` (those folders by themselves)."""
    folder = manifest.parent.resolve()
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None
    named: list[object] = []
    if isinstance(data, dict):
        versions = data.get("versions")
        named = [*(versions if isinstance(versions, list) else []), data.get("guidance"),
                 data.get("consultation")]
    files = [folder / name for name in named if isinstance(name, str)] + extra
    paths = [(folder, True)]
    for file in files:
        parent = file.resolve().parent
        if not parent.is_relative_to(folder) and (parent, False) not in paths:
            paths.append((parent, False))
    return paths


def _contents(site_dir: Path) -> frozenset[tuple[str, int, int]]:
    """What the served folder holds at its top: each entry's name, inode and change time."""
    try:
        return frozenset((entry.name, entry.inode(), entry.stat().st_mtime_ns)
                         for entry in os.scandir(site_dir))
    except OSError:
        return frozenset()


def keep_last_good_site(builder: Builder, site_dir: Path,
                        wrote: Callable[[], bool] = lambda: False) -> Builder:
    """`builder`, except that a build stopped before it touched `site_dir` prints why and
    returns, so the server goes on serving the last good site; the next change rebuilds.
    `wrote`: whether the build wrote into the folder (where its top alone would not say)."""
    def build(*args: Any, **kwargs: Any) -> Any:
        before = _contents(site_dir)
        try:
            return builder(*args, **kwargs)
        except SystemExit as err:  # MkDocs's Abort, which the plugin raises with the problems
            if _contents(site_dir) != before or wrote():
                raise  # part-written: let MkDocs hold requests until a build succeeds
            print(f"{err}\nThe site was not rebuilt; the last good one is still served. Fix "
                  "the problems above and save: the site is rebuilt.", file=sys.stderr)
            return None
    return build
