"""Generated pages' HTML held compressed between MkDocs reading a page and writing it.

MkDocs reads every page (the plugin lays out each generated page's content then) before it
writes any, so the content of every page is in memory at once: for a Code of 5,000 clauses in
10 versions, over 300 MB of HTML, most of the build's peak memory. Held compressed (zlib at
its fastest level, about a tenth of the size) it costs well under a second of a build of a
minute, and each page is given back just before the theme lays it out.
"""

from __future__ import annotations

import zlib


class HeldPages:
    """The content of pages read but not yet written, by page, compressed."""

    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}

    def hold(self, uri: str, html: str) -> str:
        """Keep `html` for page `uri`; what the page holds meanwhile (nothing)."""
        self._held[uri] = zlib.compress(html.encode("utf-8"), 1)
        return ""

    def give_back(self, uri: str) -> str | None:
        """The content held for `uri` (once), or None if none was."""
        held = self._held.pop(uri, None)
        return None if held is None else zlib.decompress(held).decode("utf-8")
