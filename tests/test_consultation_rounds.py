"""Two rounds of comments, built end to end: the comments on 1.0 (answered by 2.0) and on 2.0
(answered by 2.1), in tests/fixtures/two-rounds/.

Its versions 1.0 and 2.0 are the two-version fixture's own files, and the build checks the
two-version fixture's record of published URLs: the first round's URLs are those it
published, and must keep resolving.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from htmlpage import read_page
from pypdf import PdfReader
from testkit import FIXTURES, built

from macros.compute.code import Code, build_code
from macros.render.consultation_page import render_consultation
from macros.render.environment import Templates

ROUNDS = FIXTURES / "two-rounds"
RECORD = FIXTURES / "two-versions" / "published-urls.txt"
URL = "https://fixture.example.org/"
REPORT = "the fixture report of 1 January 2020"
MEETING = "the minutes of the fixture members' meeting of 1 July 2020"
ON, ANSWERS = "Comments on this clause", "Comments this clause answers"

# Each clause's comment lines, version by version: (lead, round's source, comment ids).
LINES = {
    "1.0": {
        "scope": [(ON, REPORT, ["member-a-statement"])],
        "tone": [(ON, REPORT, ["member-b-criticism"])],
        "no-criticism": [(ON, REPORT, ["member-b-criticism"])],
        "privacy": [(ON, REPORT, ["member-a-privacy"])],
    },
    "2.0": {
        "same-standards": [(ANSWERS, REPORT, ["member-a-statement"])],
        "tone": [(ANSWERS, REPORT, ["member-b-criticism"]), (ON, MEETING, ["member-c-tone"])],
        "safety": [(ON, MEETING, ["member-a-safety"])],
        "privacy": [(ANSWERS, REPORT, ["member-a-privacy"])],
    },
    "2.1": {
        "tone": [(ANSWERS, MEETING, ["member-c-tone"])],
        "safety": [(ANSWERS, MEETING, ["member-a-safety"])],
    },
}
Line = tuple[str, str, list[str]]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(ROUNDS / "mkdocs.yml", tmp_path_factory.mktemp("two-rounds-site"))


@pytest.fixture(scope="module")
def code() -> Code:
    return build_code(ROUNDS / "content" / "data" / "code.yaml", ROUNDS)


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def words(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def comment_lines(fragment: str, page: str) -> list[Line]:
    """The comment lines in a piece of a page: (lead, source, the ids they link to)."""
    found = []
    for match in re.finditer(r'<p class="smc-comments">(.*?)</p>', fragment, re.S):
        text = words(match.group(1))
        lead, source = re.match(r"(Comments [a-z ]+), from (.+?): ", text).groups()
        ids = []
        for href in re.findall(r'href="([^"]+)"', match.group(1)):
            parts = urlsplit(href)
            assert posixpath.normpath(posixpath.join(page, parts.path)) == "consultation", href
            ids.append(parts.fragment)
        found.append((lead, source, ids))
    return found


def clause_blocks(source: str) -> dict[str, str]:
    """The HTML of each clause on a version page, by its key."""
    return {re.match(r'\w+" id="([^"]+)"', part).group(1): part
            for part in source.split('<div class="smc-clause smc-clause--')[1:]}


def test_the_consultation_page_has_a_heading_for_each_round(site: Path) -> None:
    source = html(site, "consultation")
    rounds = re.findall(r'<h2 class="smc-round__title" id="(round-\d)">(.*?)</h2>', source, re.S)
    assert [(anchor, words(title)) for anchor, title in rounds] == [
        ("round-1", f"Round 1: comments on version 1.0, answered by version 2.0 ({REPORT})"),
        ("round-2", f"Round 2: comments on version 2.0, answered by version 2.1 ({MEETING})"),
    ]
    contents = source.split('aria-label="Rounds">', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="#([^"]+)"', contents) == ["round-1", "round-2"]
    text = read_page(site / "consultation" / "index.html").text
    assert ("Members' comments on version 2.0 of the Code, as recorded in paragraphs 3 to 5 of "
            f"{MEETING}, and how version 2.1 answers each one: 3 comments from 2 members.") in text
    assert "Draft: version 2.1 has not been adopted." in text


def test_comments_are_grouped_by_round_then_member_each_with_its_anchor(
    site: Path, code: Code,
) -> None:
    source = html(site, "consultation")
    sections = source.split('<section class="smc-round"')[1:]
    expected = {
        1: [("member-a", ["member-a-statement", "member-a-privacy"]),
            ("member-b", ["member-b-criticism"])],
        2: [("round-2-member-c", ["member-c-tone", "member-c-review"]),
            ("round-2-member-a", ["member-a-safety"])],
    }
    for number, section in enumerate(sections, start=1):
        members = section.split('<section class="smc-member"')[1:]
        found = [(re.search(r'<h3 class="smc-member__name" id="([^"]+)"', m).group(1),
                  re.findall(r'<article class="smc-comment" id="([^"]+)"', m)) for m in members]
        assert found == expected[number]
    ids = read_page(site / "consultation" / "index.html").ids
    assert code.consultation is not None
    for comment in code.consultation.comments:
        assert comment.id in ids
        assert source.count(f'id="{comment.id}"') == 1


@pytest.mark.parametrize("version", LINES)
def test_each_clause_lists_the_comments_of_each_round(site: Path, code: Code,
                                                      version: str) -> None:
    page = f"code/{version}"
    blocks = clause_blocks(html(site, page))
    keys = [c.key for c in code.version(version).clauses()]
    assert sorted(blocks) == sorted(keys)
    for key in keys:
        assert comment_lines(blocks[key], page) == LINES[version].get(key, []), key


@pytest.mark.parametrize(("key", "versions"), [
    ("tone", ["1.0", "2.0", "2.1"]), ("safety", ["1.0", "2.0", "2.1"]),
    ("no-criticism", ["1.0", "2.0"]),  # 2.0 removes it
])
def test_each_clause_history_lists_the_comments_of_each_round(site: Path, key: str,
                                                              versions: list[str]) -> None:
    page = f"clause/{key}"
    source = html(site, page)
    entries = {m.group(1): m.group(2) for m in re.finditer(
        r'<section id="version-([\d.]+)"(.*?)</section>', source, re.S)}
    assert list(entries) == versions
    for version, entry in entries.items():
        assert comment_lines(entry, page) == LINES[version].get(key, []), version


def test_the_changes_page_and_json_link_the_comments_each_version_answers(site: Path) -> None:
    ids = read_page(site / "consultation" / "index.html").ids
    changes = html(site, "changes")
    part = {text.split('"', 1)[0]: text for text in
            changes.split('<section class="smc-version-changes" id="changes-')[1:]}
    answered = {v: set(re.findall(r'href="\.\./consultation/#([^"]+)"', text))
                for v, text in part.items()}
    assert answered == {"2.1": {"member-c-tone", "member-a-safety"},
                        "2.0": {"member-a-statement", "member-a-privacy", "member-b-criticism"}}
    assert set().union(*answered.values()) <= ids
    data = json.loads((site / "code" / "2.1" / "changes-2.1.json").read_text(encoding="utf-8"))
    answers = {(a["id"], a["url"]) for change in data["changes"] for a in change["answers"]}
    assert answers == {(cid, f"{URL}consultation/#{cid}")
                       for cid in ("member-c-tone", "member-a-safety")}


def test_the_committee_paper_of_2_1_links_the_second_rounds_comments(site: Path) -> None:
    reader = PdfReader(site / "code" / "2.1" / "changes-2.1.pdf")
    links = {annot.get_object().get("/A", {}).get("/URI")
             for page in reader.pages for annot in page.get("/Annots", ())
             if annot.get_object().get("/Subtype") == "/Link"}
    assert {f"{URL}consultation/#member-c-tone", f"{URL}consultation/#member-a-safety"} <= links


def test_every_url_the_two_version_fixture_published_still_resolves(site: Path) -> None:
    """The first round's URLs (and every other) as recorded, checked in the built files."""
    recorded = [line.split()[0] for line in RECORD.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#") and "/" in line.split()[0]]
    comments = [u for u in recorded if u.startswith("consultation/#")]
    assert sorted(comments) == ["consultation/#member-a-privacy",
                                "consultation/#member-a-statement",
                                "consultation/#member-b-criticism"]
    for url in recorded:
        path, _, fragment = url.partition("#")
        target = site / path / "index.html" if path.endswith("/") else site / path
        assert target.is_file(), url
        if fragment:
            assert fragment in read_page(target).ids, url


def test_an_open_round_lists_its_comments_with_no_answer_yet(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROUNDS / "content" / "data", data)
    manifest = data / "code.yaml"
    with (data / "consultation.yaml").open("a", encoding="utf-8") as record:
        record.write("""\
  - reviewed_version: "2.1"
    source: the fixture members' survey
    comments:
      - id: member-b-safety
        member: Cllr B
        topic: The police
        paragraph: "1"
        kind: summarised
        words: Say which police number to call.
        concerns: [safety]
""")
    code = build_code(manifest, tmp_path)
    assert code.consultation is not None
    assert [r.answered_by for r in code.consultation.rounds] == ["2.0", "2.1", None]
    text = words(render_consultation(Templates(), code, "consultation/"))
    assert "Round 3: comments on version 2.1, not yet answered (the fixture members' survey)" \
        in text
    assert ("as recorded in paragraph 1 of the fixture members' survey: 1 comment from 1 member. "
            "No version answers them yet.") in text
    assert "About version 2.1: clause 2.2 . No response yet." in text
    found = code.consultation.comments_on("2.1", "safety")
    assert [(f.round.number, f.answers, [c.id for c in f.comments]) for f in found] == [
        (2, True, ["member-a-safety"]), (3, False, ["member-b-safety"])]
