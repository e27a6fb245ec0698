"""Small pieces of English shared by the pages and messages: lists joined with 'and' or 'or'."""

from __future__ import annotations

from collections.abc import Sequence


def and_list(parts: Sequence[str], separator: str = ", ", conjunction: str = "and") -> str:
    """'a, b and c' (or 'a; b and c' with separator '; ', or 'a, b or c')."""
    if len(parts) < 2:
        return "".join(parts)
    return separator.join(parts[:-1]) + f" {conjunction} " + parts[-1]


def or_list(parts: Sequence[str]) -> str:
    """'a, b or c'."""
    return and_list(parts, conjunction="or")
