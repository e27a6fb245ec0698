"""The theme's search index (`search/search_index.json`), shaped so search answers from the
Code in force.

mkdocs-material's search plugin indexes each version page as the theme lays it out: one
entry per heading, holding everything up to the next heading (for a clause, its notes,
links and members' comments too), titled only "Clause 2.1", whatever the version. After it
has written the index, each version page's entries are replaced by those computed in
`macros.compute.search`: the page, then each clause, titled with its version and status and
holding only the clause's words.

Order: the theme's search (lunr) scores a match by how often and how rarely the word occurs,
times its field's boost (a title counts 1,000 times the text) and the entry's own `boost`,
and lists the best first. An entry of the version in force gets a boost 100 times the
greatest field boost, so a clause in force that holds a word ranks above any other page's
title that holds it; the other versions keep the boost they had over the rest of the site.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from macros.compute.search import SearchEntry, VersionSearch

# Words are also split at punctuation, so that 'friend' finds '"friend"' and 'Twitter' finds
# '(Twitter)' (the theme splits at spaces and hyphens only). A full stop splits unless a digit
# follows it, so clause numbers such as 2.1 stay whole; an apostrophe never splits.
PUNCTUATION = r'[,:;!?()\[\]{}"\u201c\u201d\u2018/]+|\.(?!\d)'
THEME_SEPARATOR = r"[\s\-]+"  # the theme's, for English
OTHER_VERSION_BOOST = 2  # other versions above the pages that quote them (see render/pages.py)
IN_FORCE_FACTOR = 100  # times the greatest field boost


def _doc(entry: SearchEntry, in_force_boost: float) -> dict[str, Any]:
    # The theme shows an entry's title and text as HTML: '&' and '<' are escaped (quotes are
    # not, so that search finds "council's" as it is written).
    return {"location": entry.location, "title": html.escape(entry.title, quote=False),
            "text": html.escape(entry.text, quote=False),
            "boost": in_force_boost if entry.in_force else OTHER_VERSION_BOOST}


def shaped_index(index: dict[str, Any], versions: Iterable[VersionSearch]) -> dict[str, Any]:
    """The index with each version page's entries replaced by the computed ones, in place of
    the page's first entry (a page the index left out stays out), and words split at
    punctuation too."""
    fields = index.get("config", {}).get("fields", {})
    greatest = max((float(f.get("boost", 1)) for name, f in fields.items() if name != "tags"),
                   default=1.0)
    in_force_boost = IN_FORCE_FACTOR * greatest
    config = dict(index.get("config", {}))
    theirs = config.get("separator") or THEME_SEPARATOR
    config["separator"] = f"(?:{theirs})|{PUNCTUATION}"
    by_path = {v.path: v for v in versions}
    docs: list[dict[str, Any]] = []
    for doc in index["docs"]:
        path = str(doc["location"]).split("#", 1)[0]
        version = by_path.get(path)
        if version is None:
            docs.append(doc)
        elif doc["location"] == path:
            docs.extend(_doc(entry, in_force_boost) for entry in version.entries)
    return {**index, "config": config, "docs": docs}


def index_stand_in(title: str) -> str:
    """What the theme's search reads of a version page in place of its content: its title as
    text, which makes the one entry (the page's own) that `shaped_index` replaces with the
    computed ones.

    Parsing a version page's HTML only for entries that are then replaced was a quarter of a
    large Code's build (each version page of 5,000 clauses holds megabytes).
    """
    return html.escape(title or "version", quote=False)


def shape_search_index(site_dir: Path, versions: Iterable[VersionSearch]) -> str | None:
    """Rewrite the built site's search index (if the theme wrote one) with `shaped_index`;
    return what it wrote."""
    index_file = site_dir / "search" / "search_index.json"
    if not index_file.is_file():
        return None
    index = json.loads(index_file.read_text(encoding="utf-8"))
    text = json.dumps(shaped_index(index, versions), separators=(",", ":"))
    index_file.write_text(text, encoding="utf-8")
    return text
