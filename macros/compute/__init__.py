"""What the build works out once: numbers, references, changes, statuses and lasting URLs.

May import `macros.model` and `macros.load`.
"""
