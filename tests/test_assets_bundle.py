"""The one stylesheet and one script pages load, made from the readable sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.adapters.package_theme import (
    SCRIPT_BUNDLE,
    SCRIPTS,
    STYLE_BUNDLE,
    STYLES,
    THEME_DIR,
    _bundled,
)
from macros.render.minify import minify_css, minify_js

COMMENT = re.compile(r"/\*.*?\*/", re.S)


def test_css_loses_comments_and_spare_spaces_but_not_the_text_of_strings() -> None:
    css = '/* a note */\n.a  >  b ,\n.c {\n  content: " (" attr(href) ")";\n  color: red;\n}\n'
    assert minify_css(css) == '.a>b,.c{content:" (" attr(href) ")";color:red}'


def test_a_css_comment_still_parts_what_it_stood_between() -> None:
    assert minify_css(".a/* x */.b{}") == ".a .b{}"
    assert minify_css('a::after{content:"/* kept */"}') == 'a::after{content:"/* kept */"}'


def test_css_keeps_the_space_that_separates_words() -> None:
    assert minify_css("@media screen and (max-width: 30em) { .a :not(b) { x: 1 2 } }") == \
        "@media screen and (max-width:30em){.a :not(b){x:1 2}}"


@pytest.mark.parametrize("path", STYLES)
def test_each_stylesheet_keeps_every_character_but_spaces_and_comments(path: str) -> None:
    source = (THEME_DIR / path).read_text(encoding="utf-8")
    squeezed = minify_css(source)
    assert len(squeezed) < len(source)

    def visible(text: str) -> str:
        return re.sub(r"\s", "", text).replace(";}", "}")
    assert visible(squeezed) == visible(COMMENT.sub("", source))


def test_a_script_keeps_its_lines_but_not_whole_line_comments_or_indentation() -> None:
    script = ('/* About this script:\n   two lines. */\n(function () {\n  // a note\n'
              '  var a = "/* not a comment */";  /* kept: after code */\n\n  f(a);\n})();\n')
    assert minify_js(script) == ('(function () {\nvar a = "/* not a comment */";  '
                                 '/* kept: after code */\nf(a);\n})();')


def test_a_comment_is_not_taken_to_run_on_over_code_to_a_later_comment() -> None:
    assert minify_js("/* a */ f(); /* b */\ng();") == "/* a */ f(); /* b */\ng();"


def test_a_script_with_a_template_literal_is_refused() -> None:
    with pytest.raises(ValueError):
        minify_js("var a = `two\n  lines`;")


@pytest.mark.parametrize("path", SCRIPTS)
def test_each_script_keeps_its_code_lines_in_order(path: str) -> None:
    source = (THEME_DIR / path).read_text(encoding="utf-8")
    # A line goes only if nothing on it but spaces is outside a comment.
    blanked = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)
    expected = [line.strip() for line, left in zip(source.splitlines(), blanked.splitlines(),
                                                   strict=True) if left.strip()]
    assert minify_js(source).splitlines() == expected


def test_a_site_that_lists_the_sources_loads_the_bundle_in_their_place() -> None:
    listed = ["site.css", "assets/code.css", "own.css", "assets/print.css"]
    _bundled(listed, STYLES, STYLE_BUNDLE)
    assert listed == ["site.css", STYLE_BUNDLE, "own.css"]
    listed = ["own.js"]
    _bundled(listed, SCRIPTS, SCRIPT_BUNDLE)
    assert listed == ["own.js", SCRIPT_BUNDLE]
    _bundled(listed, SCRIPTS, SCRIPT_BUNDLE)
    assert listed == ["own.js", SCRIPT_BUNDLE]


def test_the_built_pages_load_the_bundles_not_the_sources() -> None:
    golden = Path(__file__).parent / "golden" / "pages" / "version-adopted.html"
    page = golden.read_text(encoding="utf-8")
    assert "assets/smc.css" in page and "assets/smc.js" in page
    for path in (*STYLES, *SCRIPTS):
        assert path not in page
