"""What a version offers to download: each file's lasting path, what it is, and its size.

The files themselves are made by `macros.export.downloads`; pages only read these records.
"""

from __future__ import annotations

import math
from typing import NamedTuple


class Download(NamedTuple):
    """One file a version is published as, with where it lives and how pages describe it."""

    version_id: str
    kind: str  # "pdf", "json", "changes" (as JSON) or "paper" (the changes as a PDF)
    path: str  # site path, e.g. "code/1.0/code-1.0.pdf"
    content: bytes
    link_text: str  # e.g. "Download PDF"; the size is added to it
    what: str  # what the file is for, after the link
    schema: str | None = None  # site path of the JSON Schema it follows
    # False while a preview has yet to make the file (a draft's PDF, made after the pages):
    # `content` is empty, and the page says the file is being made instead of its size.
    ready: bool = True

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return len(self.content)

    @property
    def mime(self) -> str:
        """The file's media type."""
        return "application/pdf" if self.path.endswith(".pdf") else "application/json"


BEING_MADE = "being made: reload the page in a moment"


def size_text(size: int) -> str:
    """A file size as GOV.UK writes it: '58 KB', '1.2 MB' (rounded up, never '0 KB')."""
    if size < 1024 * 1024:
        return f"{max(1, math.ceil(size / 1024))} KB"
    return f"{math.ceil(size / (1024 * 1024) * 10) / 10:.1f} MB"
