"""HTML of a word-level redline, laid out by `redline.html.jinja` from the computed runs."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from macros.compute.diff import Segment, redline_paragraphs
from macros.render.environment import Templates


def render_redline(templates: Templates, segments: Sequence[Segment]) -> Markup:
    """Deleted words struck through, inserted words underlined, each also announced in words."""
    return templates.render("redline.html.jinja", paragraphs=redline_paragraphs(segments))
