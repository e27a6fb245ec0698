"""Generator of the Social Media Code website, in the order its data flows.

- `model`: the typed records of the Code and its settings, and the plain words that state them;
- `load`: reading the YAML and markdown data into the model, reporting every problem at once;
- `compute`: numbers, cross-references, changes between versions, statuses and lasting URLs;
- `render`: the HTML of every page the Code makes, from Jinja templates;
- `export`: the PDF and JSON of each version, and the published JSON Schemas;
- `adapters`: the only code that knows MkDocs, mkdocs-material and mkdocs-macros-plugin.

Each stage imports only the stages listed before it (`lint-imports` checks this).
"""
