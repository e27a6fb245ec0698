"""Small pieces of English shared by the pages: lists joined with 'and'."""

from __future__ import annotations

from collections.abc import Sequence


def and_list(parts: Sequence[str], separator: str = ", ") -> str:
    """'a, b and c' (or 'a; b and c' with separator '; ')."""
    if len(parts) < 2:
        return "".join(parts)
    return separator.join(parts[:-1]) + " and " + parts[-1]
