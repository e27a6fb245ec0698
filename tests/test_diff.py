"""The word-level redline: what it marks as deleted and inserted, and its HTML.

The golden file is reviewed HTML; after an intended change to the markup,
regenerate with `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_diff.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

from htmlpage import Page

from macros.compute.diff import BREAK, Segment, Word, redline, same_words
from macros.compute.diff import _paragraph_words as paragraph_words
from macros.model import inline
from macros.render.environment import Templates
from macros.render.redline import render_redline as render_with

GOLDEN = Path(__file__).parent / "golden"
TEMPLATES = Templates()


def render_redline(segments: tuple[Segment, ...]) -> str:
    return render_with(TEMPLATES, segments)


def words(text: str, numbers: dict[str, str] | None = None) -> list[Word]:
    labels = numbers or {}
    return paragraph_words(inline.parse(text), lambda key: f"clause {labels.get(key, '?')}")


def marked(old: str, new: str) -> list[tuple[str, str]]:
    """(op, words) of each changed run."""
    return [(s.op, " ".join(w.text for w in s.words))
            for s in redline(words(old), words(new)) if s.op != "equal"]


def test_changed_words_are_deleted_then_inserted() -> None:
    assert marked("Do not provide references for individuals.",
                  "Do provide honest references for people.") == [
        ("delete", "not"), ("insert", "honest"), ("delete", "individuals."),
        ("insert", "people."),
    ]


def test_identical_wording_has_no_change() -> None:
    assert marked("Be polite online.", "Be polite online.") == []
    assert same_words(words("Be *polite* online."), words("Be polite online."))


def test_a_renumbered_cross_reference_is_not_a_change_of_wording() -> None:
    old = words("See [[safety]].", {"safety": "2.3"})
    new = words("See [[safety]].", {"safety": "2.2"})
    assert same_words(old, new)
    assert render_redline(redline(old, new)) == \
        '<div class="smc-redline"><p>See clause 2.2.</p></div>'


def test_a_cross_reference_to_another_clause_is_a_change() -> None:
    assert marked("See [[safety]].", "See [[privacy]].") == [
        ("delete", "clause ?"), ("insert", "clause ?")]


def test_paragraph_breaks_are_kept_and_a_removed_break_is_shown() -> None:
    kept = render_redline(redline(words("One.\n\nTwo."), words("One.\n\nTwo.")))
    assert kept == '<div class="smc-redline"><p>One.</p><p>Two.</p></div>'
    merged = redline(words("One.\n\nTwo."), words("One. Two."))
    assert [(s.op, [w.compare for w in s.words]) for s in merged if s.op != "equal"] == [
        ("delete", [BREAK])]
    assert "paragraph break" in render_redline(merged)


def test_redline_says_deleted_and_inserted_in_words_not_colour_alone() -> None:
    html = render_redline(redline(words("Use privacy settings to hide your posts."),
                                  words("Privacy settings do not hide your posts.")))
    page = Page()
    page.feed(html)
    assert page.text == ("[deleted: Use privacy] [inserted: Privacy] settings "
                         "[deleted: to] [inserted: do not] hide your posts.")
    assert html.count("<del ") == 2 and html.count("<ins ") == 2


def test_redline_html_matches_golden() -> None:
    old = words("Be polite online, as you are in person. See [[safety]].\n\n"
                "Use your settings & more.", {"safety": "2.3"})
    new = words("Be courteous online, as you are in person, and criticise policies, not "
                "people. See [[safety]].\n\nUse your \"privacy\" & settings.", {"safety": "2.2"})
    html = render_redline(redline(old, new))
    golden = GOLDEN / "redline.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == golden.read_text(encoding="utf-8")
