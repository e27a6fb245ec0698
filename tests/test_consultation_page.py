"""The consultation page and the comment links on each version page, in the built site."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from htmlpage import read_page
from testkit import ROOT

from macros.compute.code import Code, build_code
from macros.compute.consultation import ConsultationRecord, RoundRecord
from macros.render.consultation_page import member_anchor


@pytest.fixture(scope="module")
def code() -> Code:
    return build_code(ROOT / "content" / "data" / "code.yaml", ROOT)


@pytest.fixture(scope="module")
def record(code: Code) -> ConsultationRecord:
    assert code.consultation is not None
    return code.consultation


@pytest.fixture(scope="module")
def first(record: ConsultationRecord) -> RoundRecord:
    """The record's one round: the comments on 1.0, answered by 2.0."""
    assert len(record.rounds) == 1
    return record.rounds[0]


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def blocks(source: str, css_class: str) -> dict[str, str]:
    """The HTML of each element whose class list starts with `css_class`, by its id."""
    found = {}
    for part in source.split(f'class="{css_class}')[1:]:
        match = re.search(r'\bid="([^"]+)"', part)
        assert match
        found[match.group(1)] = part
    return found


def resolve(site: Path, page: str, href: str) -> tuple[str, str]:
    """(site path of the target page, fragment) for a relative link on `page`."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, href
    target = posixpath.normpath(posixpath.join(page, parts.path)) + "/"
    return ("" if target == "./" else target), parts.fragment


def test_every_comment_has_its_anchor_under_its_member(real_site: Path,
                                                       first: RoundRecord) -> None:
    source = html(real_site, "consultation")
    sections = source.split('<section class="smc-member"')[1:]
    assert len(sections) == len(first.by_member())
    for (member, comments), section in zip(first.by_member(), sections, strict=True):
        heading = section.split("</h3>", 1)[0]
        assert f'id="{member_anchor(member)}"' in heading
        assert member in " ".join(unescape(re.sub(r"<[^>]+>", " ", heading)).split())
        for comment in comments:
            assert f'<article class="smc-comment" id="{comment.id}"' in section, comment.id


def test_the_round_has_a_heading_naming_its_versions_and_source(real_site: Path) -> None:
    text = read_page(real_site / "consultation" / "index.html").text
    assert ("Round 1: comments on version 1.0, answered by version 2.0 (the report to the "
            "Constitution and Ethics Committee of 1 October 2019)") in text
    assert 'id="round-1"' in html(real_site, "consultation")
    # One round: no list of rounds.
    assert 'aria-label="Rounds"' not in html(real_site, "consultation")


def test_consultation_page_says_2_0_is_a_draft_and_which_version_is_in_force(
    real_site: Path,
) -> None:
    text = read_page(real_site / "consultation" / "index.html").text
    assert "Draft: version 2.0 has not been adopted" in text
    assert "Version 1.0 is in force" in text


def test_each_comment_links_to_the_clauses_it_concerns_and_that_answer_it(
    real_site: Path, code: Code, first: RoundRecord
) -> None:
    articles = blocks(html(real_site, "consultation"), "smc-comment\"")
    assert first.answered_by is not None
    pages = {v: read_page(real_site / "code" / v / "index.html")
             for v in (first.reviewed_version, first.answered_by)}
    checked = 0
    for comment in first.comments:
        assert comment.response is not None
        links = {resolve(real_site, "consultation/", href)
                 for href in re.findall(r'href="([^"]+)"', articles[comment.id])}
        for version_id, keys in ((first.reviewed_version, comment.concerns),
                                 (first.answered_by, comment.response.clauses)):
            for key in keys:
                anchor = code.version(version_id).targets[key].anchor
                assert (f"code/{version_id}/", anchor) in links, (comment.id, key)
                assert anchor in pages[version_id].ids
                checked += 1
    assert checked


def test_each_clause_links_to_the_comments_about_it(real_site: Path, code: Code,
                                                    record: ConsultationRecord,
                                                    first: RoundRecord) -> None:
    comment_ids = read_page(real_site / "consultation" / "index.html").ids
    assert first.answered_by is not None
    for version_id, lead in ((first.reviewed_version, "Comments on this clause: "),
                             (first.answered_by, "Comments this clause answers: ")):
        clauses = blocks(html(real_site, f"code/{version_id}"), "smc-clause smc-clause--")
        for numbered in code.version(version_id).clauses():
            found = record.comments_on(version_id, numbered.key)
            block = clauses[numbered.key]
            if not found:
                assert "smc-comments" not in block, numbered.key
                continue
            assert [f.round for f in found] == [first], numbered.key
            expected = found[0].comments
            assert lead in block, numbered.key
            paragraph = block.split('class="smc-comments">', 1)[1].split("</p>", 1)[0]
            hrefs = re.findall(r'href="([^"]+)"', paragraph)
            targets = [resolve(real_site, f"code/{version_id}/", h) for h in hrefs]
            assert targets == [("consultation/", c.id) for c in expected], numbered.key
            assert all(fragment in comment_ids for _, fragment in targets)


def test_comments_about_a_removed_clause_are_reachable_from_1_0(
    real_site: Path, code: Code, record: ConsultationRecord, first: RoundRecord
) -> None:
    assert first.answered_by is not None
    removed = {r.key for r in code.version(first.answered_by).version.removed}
    clauses = blocks(html(real_site, f"code/{first.reviewed_version}"),
                     "smc-clause smc-clause--")
    for key in removed:
        for found in record.comments_on(first.reviewed_version, key):
            for comment in found.comments:
                assert f"consultation/#{comment.id}" in clauses[key], (key, comment.id)


def test_the_committees_options_on_the_fenland_proposal_are_listed(
    real_site: Path, record: ConsultationRecord
) -> None:
    proposal = next(c for c in record.comments if c.response and c.response.options)
    article = blocks(html(real_site, "consultation"), "smc-comment\"")[proposal.id]
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).split())
    assert "For the Committee to decide" in text
    for option in proposal.response.options:
        assert option in text


def test_the_consultation_page_is_in_the_navigation(real_site: Path) -> None:
    home = read_page(real_site / "index.html")
    assert any(href.rstrip("/").endswith("consultation") or href == "consultation/"
               for href, _ in home.links)
