"""The Atom feed of versions (`feed.xml`), laid out by `feed.xml.jinja`."""

from __future__ import annotations

from macros.compute.code import Code
from macros.compute.feed import version_feed
from macros.render.environment import Templates


def render_feed(templates: Templates, code: Code, site_url: str, council: str) -> str:
    """The feed's XML: every version with its status, date, summary and links."""
    return str(templates.render("feed.xml.jinja", feed=version_feed(code, site_url, council)))
