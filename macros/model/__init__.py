"""The typed records of the Code, its settings and problems, and the words that state them.

Imports nothing else of the package.
"""
