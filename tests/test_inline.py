"""The clause-text subset: what it refuses (its HTML: tests/test_templates.py)."""

from __future__ import annotations

import pytest

from macros.model import inline


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<script>alert(1)</script>", "HTML is not allowed in clause text (found '<script>')"),
        ("<img src=x onerror=alert(1)>", "HTML is not allowed in clause text"),
        # Marks and links are resolved before the check: nothing hides between '<' and a name.
        ("**<**img src=x onerror=alert(1)>", "HTML is not allowed in clause text (found '<img"),
        ("*<*svg onload=alert(1)>", "HTML is not allowed in clause text (found '<svg"),
        ("[<](https://example.org)img src=x>", "HTML is not allowed in clause text (found '<img"),
        ("a <**/**p> b", "HTML is not allowed in clause text (found '</p>')"),
        ("see <[[key]]", "HTML is not allowed in clause text (found '<key')"),
        ("<!-- a comment -->", "HTML is not allowed in clause text (found '<!-- a comment -->')"),
        ("[x](javascript:alert(1))", "link address 'javascript:alert(1' is not allowed"),
        ("[x](http://insecure.example)", "link address 'http://insecure.example' is not allowed"),
        ("see [[unclosed", "a cross-reference is not closed ('[[' without ']]')"),
        ("see [[ ]]", "an empty cross-reference '[[]]'"),
    ],
)
def test_refuses(text: str, message: str) -> None:
    with pytest.raises(inline.InlineError) as caught:
        inline.parse(text)
    assert caught.value.message.startswith(message)


@pytest.mark.parametrize("text", ["a < b", "a <3 b", "x << y", "&lt;img src=x&gt;"])
def test_takes_a_less_than_sign_that_starts_no_tag(text: str) -> None:
    assert inline.render_plain(inline.parse(text), lambda key: key) == text


def test_cross_reference_keys_in_reading_order() -> None:
    parsed = inline.parse("[[b]] then **[[a]]**\n\n[see [[c]]](https://x.org)")
    assert list(inline.xref_keys(parsed)) == ["b", "a", "c"]


def test_plain_text_for_diffs() -> None:
    parsed = inline.parse("**Do** see [[k]].\n\nNext.")
    assert inline.render_plain(parsed, lambda k: "clause 1.1") == "Do see clause 1.1.\n\nNext."
