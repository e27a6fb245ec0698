"""Smaller copies of the package's stylesheets and scripts, for pages to load.

The readable sources stay in the theme folder (`overrides/assets/`); a build joins them into
one stylesheet and one script (fewer files for a page to fetch) and leaves out only what a
browser does not read: comments, indentation, blank lines and, in CSS, spaces next to
`{ } ; , >` and after `:`. The text of CSS strings is kept as it is. A script keeps its
line breaks, so no statement comes to depend on where a line ends; only comments that fill
whole lines go.
"""

from __future__ import annotations

import re

# A CSS string (either quote) or a comment, in the order they come.
_CSS_STRING_OR_COMMENT = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|/\*.*?\*/""",
                                    re.S)
_CSS_PUNCTUATION = re.compile(r" ?([{};,>]) ?")
# A comment that fills its lines: /* ... */ with nothing but spaces before and after it
# on its lines (and no `*/` inside), or a line that is only a // comment.
_JS_WHOLE_LINE_COMMENT = re.compile(r"^[ \t]*(?:/\*(?:(?!\*/).)*\*/|//[^\n]*)[ \t]*$",
                                    re.M | re.S)


def minify_css(text: str) -> str:
    """`text` without comments and with no more spaces than CSS needs; strings kept."""
    parts: list[str] = []
    plain: list[str] = []  # text between strings; a comment there reads as a space
    position = 0
    for found in _CSS_STRING_OR_COMMENT.finditer(text):
        plain.append(text[position:found.start()])
        token = found.group()
        if token.startswith("/*"):
            plain.append(" ")
        else:
            parts.append(_squeeze_css("".join(plain)))
            parts.append(token)
            plain = []
        position = found.end()
    plain.append(text[position:])
    parts.append(_squeeze_css("".join(plain)))
    return "".join(parts).strip()


def _squeeze_css(text: str) -> str:
    text = _CSS_PUNCTUATION.sub(r"\1", re.sub(r"\s+", " ", text))
    return text.replace(": ", ":").replace(";}", "}")


def minify_js(text: str) -> str:
    """`text` without whole-line comments, indentation and blank lines.

    Safe for scripts that have no template literals (a line break inside one is text): the
    package's scripts use none, and a script with a backquote is refused."""
    if "`" in text:
        raise ValueError("a script with a template literal cannot be made smaller here")
    lines = (line.strip() for line in _JS_WHOLE_LINE_COMMENT.sub("", text).splitlines())
    return "\n".join(line for line in lines if line)
