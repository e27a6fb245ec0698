"""Reading the YAML and Markdown data into the model; every problem named by file and line.

May import `macros.model`.
"""
