"""The generated pages of the last build, kept by what made them, for a preview to reuse.

While the site is previewed, most saves change a few pages: one clause's version page, its
history, the changes. A generated page is a pure function of what its content shows (the
records `page_inputs.py` fingerprints before the page is laid out), its front matter, its
address, and what every page shares (the navigation, the settings, the theme, the
glossary); `page_digest` fingerprints all of these. A page whose
fingerprint is the one it had in the last build is the page that build wrote, byte for byte,
so the preview writes that again instead of laying it out in the theme and indexing it for
search anew. Nothing is reused across processes: a `build` always lays out every page.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple


class Kept(NamedTuple):
    """A page as the last build wrote it."""

    digest: str  # `page_digest` of what made it
    html: str  # the whole page, as written
    search: tuple[Any, ...]  # the entries it added to the search index, in order
    terms: frozenset[str] = frozenset()  # the glossary's abbreviations its content explains


def site_digest(parts: Iterable[str | bytes]) -> str:
    """The fingerprint of what every page shares (settings, navigation, theme files)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def page_digest(site: str, src_uri: str, meta: Mapping[str, Any], shows: str) -> str:
    """The fingerprint of one page: what every page shares, its address, front matter and
    what its content shows (`PageInputs`, page_inputs.py)."""
    return site_digest((site, src_uri, json.dumps(meta, sort_keys=True, default=str), shows))


class PageStore:
    """The pages of the last build that finished, and those of the build under way."""

    def __init__(self) -> None:
        self._last: dict[str, Kept] = {}
        self._next: dict[str, Kept] = {}

    def start(self) -> None:
        """A build begins: what it writes is kept apart until it finishes."""
        self._next = {}

    def finish(self) -> None:
        """The build finished: its pages are the ones the next build may reuse."""
        self._last, self._next = self._next, {}

    def get(self, src_uri: str, digest: str) -> Kept | None:
        """The page the last build wrote at `src_uri`, if it was made from the same inputs."""
        kept = self._last.get(src_uri)
        return kept if kept is not None and kept.digest == digest else None

    def keep(self, src_uri: str, kept: Kept) -> None:
        """Keep a page of this build for the next one."""
        self._next[src_uri] = kept

    def __len__(self) -> int:
        return len(self._last)
