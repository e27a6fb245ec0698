"""The files each version is published as: the PDF, the JSON and the JSON Schemas.

May import `macros.model`, `macros.load`, `macros.compute` and `macros.render`.
"""
