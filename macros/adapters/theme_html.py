"""Corrections to the theme's page HTML that no template block can make.

mkdocs-material writes its drawer and search toggles, hidden checkboxes, straight
into base.html (outside any block) with ``autocomplete="off"``. HTML allows
``autocomplete`` only on text-like inputs, so the Nu validator reports two errors
on every page. Dropping the attribute changes nothing a reader sees.
"""

from __future__ import annotations

import re

# The toggles' attributes as the theme writes them, up to the end of the tag.
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(class="md-toggle" data-md-toggle="[a-z]+" type="checkbox" id="__[a-z]+")'
    r' autocomplete="off"(?=>)'
)


def fix_theme_html(html: str) -> str:
    """The page with the theme's invalid attributes removed."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
