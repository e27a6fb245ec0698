"""The theme's version selector, set up for versions that are folders of one build.

The theme's version selector (mkdocs-material with `version.provider: mike`)
was made for sites where each version is a separate build in a sibling folder.
It fetches `../versions.json` relative to the page's base URL, links each
version as `../VERSION/`, and marks as current the version named by the
base URL's last folder. Here every version is a folder of one build,
`code/ID/`, so a version page declares its own folder as its base for the
selector (theme/main.html passes the theme's settings through
`with_version_selector`): the list is then `code/versions.json`, and
each entry's `version` is the version id. Without JavaScript the same choice is
a plain list of links on every version page, and each clause links to itself in
the other versions.
"""

from __future__ import annotations

import json

from macros.compute import urls
from macros.compute.clause_places import clause_places
from macros.compute.code import Code
from macros.compute.numbering import NumberedVersion
from macros.compute.versions import status_words

IN_FORCE_ALIAS = "in-force"


def selector_title(code: Code, version: NumberedVersion) -> str:
    """A version as the selector shows it: '1.0 (in force)'."""
    return f"{version.id} ({status_words(code, version)})"


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
            "title": selector_title(code, version),
            "aliases": [IN_FORCE_ALIAS] if in_force else [],
        })
    return json.dumps(entries, indent=1) + "\n"


def clauses_json(code: Code) -> str:
    """`code/clauses.json`: each clause key's number and opening words in every version that
    has it, for naming a clause a version page does not hold (see version-switch.js)."""
    return json.dumps({key: [place._asdict() for place in places]
                       for key, places in clause_places(code).items()},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def selector_base(code: Code, page: str) -> str | None:
    """The folder the selector treats as this page's version, or None off version pages."""
    for version in code.versions:
        if page == urls.version_path(version.id):
            return page
    if page == urls.current_path() and code.current:
        return urls.version_path(code.current.id)
    return None


def _selector_folder(code: Code, page: str) -> str | None:
    """The selector's folder for the page at `page` when the page shows the selector (a
    version page of a Code with more than one version), else None."""
    return selector_base(code, page) if len(code.versions) > 1 else None


def has_version_selector(code: Code, page: object) -> bool:
    """Whether the theme's version selector appears on `page` (theme/partials/header.html
    keeps room for it on a narrow screen, so the page does not move down when it comes)."""
    url = getattr(page, "url", None)
    return isinstance(url, str) and _selector_folder(code, url) is not None


def with_version_selector(settings: str, code: Code, page: str) -> str:
    """The theme's settings for the page at `page`, with its version selector turned on for
    the versions of this build when the page shows one of them.

    `settings` is what the theme's `config` block writes: one script element holding the
    settings as JSON (theme/main.html passes it through the `version_selector` filter).
    Other pages' settings are returned unchanged: there is no version to switch from.
    """
    folder = _selector_folder(code, page)
    if folder is None:
        return settings
    start = settings.index(">") + 1  # the JSON follows the element's start tag
    end = settings.rindex("<")  # and ends where its end tag starts (JSON escapes '<')
    config = json.loads(settings[start:end])
    config["base"] = urls.relative(page, folder)
    config["version"] = {"provider": "mike", "default": IN_FORCE_ALIAS}
    # The selector's button shows the version's title; its name starts with the same words
    # (WCAG 2.5.3, label in name), instead of the theme's "Select version".
    shown = next(v for v in code.versions if urls.version_path(v.id) == folder)
    config.setdefault("translations", {})["select.version"] = (
        f"{selector_title(code, shown)}: choose another version")
    text = json.dumps(config, sort_keys=True).replace("<", "\\u003c")
    return settings[:start] + text + settings[end:]
