"""The glossary in the HTML of every page: the table of every abbreviation.

`glossary-table.html.jinja` lays out the table of every abbreviation.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.load.glossary import Glossary
from macros.render.environment import Templates


def render_glossary_table(templates: Templates, glossary: Glossary) -> Markup:
    """Every abbreviation in the glossary and what it stands for, in alphabetical order."""
    terms = sorted(glossary.terms.items(), key=lambda term: term[0].lower())
    return templates.render("glossary-table.html.jinja", terms=terms)
