"""The only code that knows MkDocs, mkdocs-material and mkdocs-macros-plugin.

May import every other stage; no other stage imports it.
"""
