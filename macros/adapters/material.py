"""The theme's version selector, set up for versions that are folders of one build.

The theme's version selector (mkdocs-material with `version.provider: mike`)
was made for sites where each version is a separate build in a sibling folder.
It fetches `../versions.json` relative to the page's base URL, links each
version as `../<version>/`, and marks as current the version named by the
base URL's last folder. Here every version is a folder of one build,
`code/<id>/`, so a version page declares its own folder as its base for the
selector (see overrides/main.html): the list is then `code/versions.json`, and
each entry's `version` is the version id. Without JavaScript the same choice is
a plain list of links on every version page, and each clause links to itself in
the other versions.
"""

from __future__ import annotations

import json
import re

from macros.compute import urls
from macros.compute.code import Code
from macros.compute.versions import status_words

IN_FORCE_ALIAS = "in-force"


def versions_json(code: Code) -> str:
    """The selector's list, newest first, in the format mike writes.

    Titles say which version is in force and which are drafts; the version in
    force also carries the alias 'in-force'.
    """
    entries = []
    for version in reversed(code.versions):
        in_force = code.current is not None and code.current.id == version.id
        entries.append({
            "version": version.id,
            "title": f"{version.id} ({status_words(code, version)})",
            "aliases": [IN_FORCE_ALIAS] if in_force else [],
        })
    return json.dumps(entries, indent=1) + "\n"


def selector_base(code: Code, page: str) -> str | None:
    """The folder the selector treats as this page's version, or None off version pages."""
    for version in code.versions:
        if page == urls.version_path(version.id):
            return page
    if page == urls.current_path() and code.current:
        return urls.version_path(code.current.id)
    return None


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def with_version_selector(html: str, code: Code, page: str) -> str:
    """Turn on the theme's version selector in a version page's settings, based on its folder.

    Other pages are returned unchanged: there is no version to switch from.
    """
    folder = selector_base(code, page)
    if folder is None or len(code.versions) < 2:
        return html

    def rewrite(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        config["base"] = urls.relative(page, folder)
        config["version"] = {"provider": "mike", "default": IN_FORCE_ALIAS}
        text = json.dumps(config, sort_keys=True).replace("<", "\\u003c")
        return f"{match.group(1)}{text}{match.group(3)}"

    return _CONFIG.sub(rewrite, html, count=1)
