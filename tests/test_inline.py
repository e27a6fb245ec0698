"""The clause-text subset: rendered HTML for given input, and what it refuses."""

from __future__ import annotations

import pytest

from macros.model import inline


def xref(key: str) -> str:
    return f'<a href="#{key}">clause {key}</a>'


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Plain text.", "<p>Plain text.</p>"),
        ("One\nline, two\n\nParagraph two.", "<p>One line, two</p><p>Paragraph two.</p>"),
        ("**Do** and *do not*.", "<p><strong>Do</strong> and <em>do not</em>.</p>"),
        ("See [[x-key]].", '<p>See <a href="#x-key">clause x-key</a>.</p>'),
        ("[LGA](https://www.local.gov.uk/a?b=1&c=2)",
         '<p><a href="https://www.local.gov.uk/a?b=1&amp;c=2" rel="noopener">LGA</a></p>'),
        ("[email](mailto:a@b.org)", '<p><a href="mailto:a@b.org">email</a></p>'),
        ('a "friend" & council\'s', "<p>a &quot;friend&quot; &amp; council&#x27;s</p>"),
        ("{{ config }} and {% if x %}", "<p>{{ config }} and {% if x %}</p>"),
        ("5 < 6 and 7 > 2", "<p>5 &lt; 6 and 7 &gt; 2</p>"),
    ],
)
def test_renders(text: str, html: str) -> None:
    assert inline.render(inline.parse(text), xref) == html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<script>alert(1)</script>", "HTML is not allowed in clause text (found '<script>')"),
        ("<img src=x onerror=alert(1)>", "HTML is not allowed in clause text"),
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


def test_cross_reference_keys_in_reading_order() -> None:
    parsed = inline.parse("[[b]] then **[[a]]**\n\n[see [[c]]](https://x.org)")
    assert list(inline.xref_keys(parsed)) == ["b", "a", "c"]


def test_plain_text_for_diffs() -> None:
    parsed = inline.parse("**Do** see [[k]].\n\nNext.")
    assert inline.render_plain(parsed, lambda k: "clause 1.1") == "Do see clause 1.1.\n\nNext."
