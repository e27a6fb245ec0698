"""The HTML of the pages made from the Code, laid out by the Jinja templates in `templates/`.

May import `macros.model`, `macros.load` and `macros.compute`.
"""
