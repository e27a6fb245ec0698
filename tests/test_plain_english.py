"""Plain English: what a resident reads scores at least 60 on Flesch reading ease (textstat),
both the hand-written pages and the fixed sentences the templates put around the data; and
the words a resident may not know are explained where they appear, or kept off their path.

The Code's own clauses and the report's quoted words are left out: they are reproduced
exactly, however they read."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import textstat
from testkit import ROOT

from macros.compute.code import build_code
from macros.compute.versions import count_sentence, status_text, version_label

EASE = 60
TEMPLATES = ROOT / "macros" / "render" / "templates"
# Kept out of the text measured: the Code's own words and the blocks drawn from the data.
DATA_BLOCKS = ("smc-clause", "smc-status", "smc-guidance-callout", "smc-contact")
HARD_WORDS = ("provenance", "reconstructed", "json schema", "renumbered")


BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "div", "section", "ul",
          "ol", "address", "blockquote", "nav", "aside"}


def sentences(chunks: list[str]) -> str:
    """Text with each block (a heading, a list item) read as a sentence of its own."""
    units = (" ".join(unit.split()) for unit in "".join(chunks).split("\n"))
    return " ".join(u if u[-1] in ".!?:;" else u + "." for u in units if u)


class Reading(HTMLParser):
    """The words of a page's article, less the blocks named in `leave_out` (by class)."""

    def __init__(self, leave_out: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.leave_out, self.words = leave_out, []
        self._stack: list[bool] = []  # for each open element: is its text measured?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            return
        classes = (dict(attrs).get("class") or "").split()
        inside = bool(self._stack) and self._stack[-1]
        measured = (inside or tag == "article") and not any(c in self.leave_out
                                                            for c in classes)
        if tag in ("script", "style", "summary") or (tag == "details"):
            measured = False
        self._stack.append(measured)
        if tag in BLOCKS:
            self.words.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._stack and tag not in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            self._stack.pop()
        if tag in BLOCKS:
            self.words.append("\n")

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1]:
            self.words.append(data)

    @property
    def text(self) -> str:
        return sentences(self.words)


def article_text(page: Path, leave_out: tuple[str, ...] = DATA_BLOCKS) -> str:
    reading = Reading(leave_out)
    reading.feed(page.read_text(encoding="utf-8"))
    return reading.text


def template_text(path: Path) -> str:
    """A template's fixed words: each value it prints read as 'it', tags and markup removed."""
    source = path.read_text(encoding="utf-8")
    source = re.sub(r"\{#.*?#\}", " ", source, flags=re.DOTALL)
    source = re.sub(r"\{\{.*?\}\}", "it", source, flags=re.DOTALL)
    source = re.sub(r"\{%.*?%\}", " ", source, flags=re.DOTALL)
    source = re.sub(r"</?(?:p|li|h[1-6]|dt|dd|td|th|div|section|ul|ol|nav|aside)\b[^>]*>",
                    "\n", source)
    return sentences([re.sub(r"<[^>]+>", " ", source)])


HAND_WRITTEN = {"home": "index.html", "concerns": "concerns/index.html",
                "accessibility": "accessibility/index.html"}


@pytest.mark.parametrize("name", HAND_WRITTEN)
def test_hand_written_pages_read_easily(real_site: Path, name: str,
                                        record_property: pytest.RecordProperty) -> None:
    text = article_text(real_site / HAND_WRITTEN[name])
    ease = textstat.flesch_reading_ease(text)
    record_property("summary", f"Flesch reading ease of {name}: {ease:.0f} ({len(text.split())} "
                               "words)")
    assert ease >= EASE, text


def test_guidance_page_introduction_reads_easily(real_site: Path) -> None:
    page = (real_site / "guidance" / "index.html").read_text(encoding="utf-8")
    intro = re.search(r'<div class="smc-guidance-intro">(.*?)</div>', page, re.DOTALL)
    assert intro, "the guidance page has no introduction"
    text = sentences([re.sub(r"</p>", "\n", re.sub(r"<(?!/p>)[^>]+>", " ", intro.group(1)))])
    assert textstat.flesch_reading_ease(text) >= EASE, text


def test_fixed_sentences_of_generated_pages_read_easily(
        record_property: pytest.RecordProperty) -> None:
    """The templates' own words, and the sentences Python words from the data."""
    web = sorted(TEMPLATES.glob("*.html.jinja"))
    texts = {p.name: template_text(p) for p in web}
    code = build_code(ROOT / "content" / "data" / "code.yaml", ROOT)
    texts["status sentences"] = " ".join(status_text(code, v) for v in code.versions)
    texts["version labels"] = ". ".join(version_label(code, v) for v in code.versions) + "."
    texts["counts"] = " ".join(count_sentence(c) for c in code.changelog.versions.values())
    whole = " ".join(t for t in texts.values() if t)
    ease = textstat.flesch_reading_ease(whole)
    record_property("summary", f"Flesch reading ease of the fixed sentences of {len(web)} "
                               f"templates: {ease:.0f} ({len(whole.split())} words)")
    assert ease >= EASE
    hard = {name: ease for name, text in texts.items()
            if len(text.split()) >= 40 and (ease := textstat.flesch_reading_ease(text)) < EASE}
    assert hard == {}, "templates whose own words read hard"


# A hard word, and the words that explain it wherever it is shown ("wording reconstructed"
# beside a clause's number links to the note that explains it).
EXPLAINED = {"provenance": None, "reconstructed": "wording reconstructed",
             "renumbered": "new number", "json schema": "how the data is laid out"}


@pytest.mark.parametrize("name", [*HAND_WRITTEN, "code/1.0", "code/2.0", "code", "changes",
                                  "clause/contact-details"])
def test_hard_words_are_explained_or_off_the_readers_path(real_site: Path, name: str) -> None:
    """Visible without opening anything, a hard word is explained where a reader first meets
    it on the page."""
    path = real_site / (HAND_WRITTEN.get(name) or f"{name}/index.html")
    text = article_text(path, ("smc-clause__text",)).lower()
    for word, explained in EXPLAINED.items():
        found = re.search(re.escape(word), text)
        if found:
            around = text[max(0, found.start() - 120):found.end() + 120]
            assert explained and explained in around, (name, word, around)
