"""The MkDocs configurations the benchmark builds, derived from the project's own mkdocs.yml.

- the real site: mkdocs.yml as it is;
- the floor: plain MkDocs + Material building the real site's pages already
  rendered to static Markdown (captured from a build), with the same theme,
  navigation and Markdown settings, and neither the `clauses` nor the `macros`
  plugin;
- a synthetic site: the real configuration pointed at a synthetic Code;
- a stock site: Material with this site's theme options and nothing added,
  holding the version pages' own content, to compare what a reader downloads.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
VERSION_PAGE = re.compile(r"^code/[0-9]+\.[0-9]+/index\.md$")
# What MkDocs and its search plugin write whatever the pages are.
BUILT_BY_MKDOCS = re.compile(r"^(search/|sitemap\.xml|404\.html$)")


def load_config(path: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def write_config(config: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        yaml.safe_dump(config, f, sort_keys=False, allow_unicode=True)
    return path


def _plugin_items(plugins: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    items = []
    for entry in plugins:
        if isinstance(entry, str):
            items.append((entry, {}))
        else:
            (name, options), = entry.items()
            items.append((name, dict(options or {})))
    return items


def _absolute(config: dict[str, Any]) -> dict[str, Any]:
    """The real configuration with every path made absolute, to be used from another folder."""
    config = json.loads(json.dumps(config, default=str))
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    config["hooks"] = [str(ROOT / h) for h in config.get("hooks", [])]
    plugins = []
    for name, options in _plugin_items(config.get("plugins", [])):
        if name == "macros":
            if "module_name" in options:
                options["module_name"] = str(ROOT / options["module_name"])
            for key in ("include_dir", "include_yaml"):
                if isinstance(options.get(key), str):
                    options[key] = str(ROOT / options[key])
        if name == "clauses":
            for key, value in list(options.items()):
                if isinstance(value, str) and (ROOT / value).exists():
                    options[key] = str(ROOT / value)
        plugins.append({name: options})
    config["plugins"] = plugins
    return config


# --- the floor -------------------------------------------------------------------------------

def capture_config(capture_dir: Path, source: Path = ROOT / "mkdocs.yml") -> Path:
    """The configuration plus the hook that captures each page's final Markdown."""
    config = _absolute(load_config(source))
    config["docs_dir"] = str(ROOT / config.get("docs_dir", "docs"))
    config["hooks"] = [*config["hooks"], str(Path(__file__).with_name("capture_hook.py"))]
    return write_config(config, capture_dir / "mkdocs.yml")


def floor_config(capture_dir: Path, real_site: Path, source: Path = ROOT / "mkdocs.yml"
                 ) -> Path:
    """Plain MkDocs over the captured pages, with every other file of the real site as is."""
    captured = json.loads((capture_dir / "capture.json").read_text(encoding="utf-8"))
    docs = capture_dir / "docs"
    skip = set(captured["pages"]) | set(captured["theme"])
    for path in real_site.rglob("*"):
        rel = path.relative_to(real_site).as_posix()
        if path.is_file() and rel not in skip and not BUILT_BY_MKDOCS.match(rel):
            target = docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    config = _absolute(load_config(source))
    config["docs_dir"] = str(docs)
    config["plugins"] = [{n: o} for n, o in _plugin_items(config["plugins"]) if n == "search"]
    config["hooks"] = []
    final = captured["config"]
    config["nav"] = final["nav"]
    config["extra_css"] = final["extra_css"]
    config["extra_javascript"] = final["extra_javascript"]
    config["markdown_extensions"] = [{name: final["mdx_configs"].get(name, {})}
                                     for name in final["markdown_extensions"]]
    not_in_nav = _collapse(captured["not_in_nav"], captured["all_pages"])
    if not_in_nav:
        config["not_in_nav"] = "\n".join(not_in_nav)
    return write_config(config, capture_dir / "floor.yml")


def _collapse(paths: list[str], all_pages: list[str]) -> list[str]:
    """Gitignore-style patterns for `paths`: a whole top folder when all its pages are listed."""
    listed = set(paths)
    patterns: list[str] = []
    tops: dict[str, list[str]] = {}
    for path in paths:
        tops.setdefault(path.split("/", 1)[0] if "/" in path else "", []).append(path)
    for top, members in tops.items():
        whole = top and all(p in listed for p in all_pages if p.startswith(top + "/"))
        if whole:
            patterns.append(f"/{top}/")
        else:
            patterns.extend(f"/{p}" for p in members)
    return patterns


# --- synthetic sites -------------------------------------------------------------------------

def synthetic_config(site_dir: Path, pdf: bool) -> Path:
    """The real configuration, with the real hand pages, pointed at the synthetic Code.

    The record of published URLs is the real site's, so it is not checked here.
    """
    config = _absolute(load_config())
    docs = site_dir / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(ROOT / config.get("docs_dir", "docs"), docs)
    config["docs_dir"] = str(docs)
    config["site_name"] = "Benchmark Code"
    plugins = []
    for name, options in _plugin_items(config["plugins"]):
        if name == "clauses":
            options["manifest"] = str(site_dir / "data" / "code.yaml")
            options.pop("url_record", None)
            options["pdf"] = pdf
            options["pdf_cache"] = str(site_dir / "pdf-cache")
        plugins.append({name: options})
    config["plugins"] = plugins
    return write_config(config, site_dir / "mkdocs.yml")


# --- a stock Material page -------------------------------------------------------------------

def stock_config(out_dir: Path, real_config: dict[str, Any]) -> Path:
    """Material as installed, with this site's theme options (palette, features, fonts off,
    language) but none of its template overrides, extra CSS or JavaScript, and no plugin but
    search. Pages are whatever is in `out_dir`/docs."""
    theme = {k: v for k, v in real_config.get("theme", {}).items() if k != "custom_dir"}
    config = {
        "site_name": real_config.get("site_name", "Site"),
        "site_url": real_config.get("site_url"),
        "docs_dir": str(out_dir / "docs"),
        "use_directory_urls": real_config.get("use_directory_urls", True),
        "theme": theme,
        "plugins": ["search"],
        "markdown_extensions": real_config.get("markdown_extensions", []),
    }
    return write_config(config, out_dir / "mkdocs.yml")
