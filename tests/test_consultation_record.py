"""The real consultation record: every member heard, quoted words exact, every answer traceable."""

from __future__ import annotations

import re

import pytest
from testkit import ROOT

from macros.compute.code import Code, build_code
from macros.compute.consultation import ConsultationRecord
from macros.model.comments import CommentKind, ResponseStatus

MANIFEST = ROOT / "content" / "data" / "code.yaml"

# Every member whose comments the report records, and the paragraph (there is no para 2.7).
MEMBERS = {
    "Cllr Manning": "2.2",
    "Cllr Dupre": "2.3",
    "Cllr Downes": "2.4",
    "Cllr Van de Ven": "2.5",
    "Cllr A Taylor": "2.6",
    "Cllr Count": "2.8",
}
# Passages a member quotes from the Code are in straight double quotes (which may hold a short
# quoted word, as in "friend") or single quotes (not apostrophes: "council's").
QUOTED = re.compile(r'"(?P<double>[^"\n]*(?:"[^"\n]{1,20}"[^"\n]*)*)"'
                    r"|(?<!\w)'(?P<single>[^\n]+?)'(?!\w)")


@pytest.fixture(scope="module")
def code() -> Code:
    return build_code(MANIFEST, ROOT)


@pytest.fixture(scope="module")
def record(code: Code) -> ConsultationRecord:
    assert code.consultation is not None, "content/data/code.yaml lists no consultation"
    return code.consultation


def texts(code: Code, version_id: str) -> dict[str, str]:
    """Clause and item wording of a version, by key (items include their clause's lead-in)."""
    found: dict[str, str] = {}
    for clause in code.version(version_id).clauses():
        found[clause.key] = clause.clause.text
        for item in clause.clause.items:
            found[item.key] = item.text
    return found


def test_record_is_one_round_on_1_0_from_the_report_answered_by_2_0(
    record: ConsultationRecord,
) -> None:
    assert [(r.reviewed_version, r.answered_by, r.source) for r in record.rounds] == [
        ("1.0", "2.0", "the report to the Constitution and Ethics Committee of 1 October 2019")]


@pytest.mark.parametrize("member", MEMBERS)
def test_every_member_named_in_paras_2_2_to_2_8_has_a_response(
    record: ConsultationRecord, member: str
) -> None:
    theirs = [c for c in record.comments if c.member == member]
    assert theirs, f"{member} is not in the consultation record"
    for comment in theirs:
        assert comment.paragraph == MEMBERS[member]
        assert comment.response.text.strip()


def test_nobody_else_is_in_the_record(record: ConsultationRecord) -> None:
    assert {c.member for c in record.comments} == set(MEMBERS)


def test_every_quoted_1_0_passage_is_still_exact_in_1_0(code: Code,
                                                          record: ConsultationRecord) -> None:
    """A passage a member quotes is the wording of a 1.0 clause it concerns (or, for Cllr
    Manning's proposals, of a 2.0 clause that adopts it); quoted passages are not edited."""
    old, new = texts(code, "1.0"), texts(code, "2.0")
    checked = 0
    for comment in record.comments:
        if comment.kind is not CommentKind.quoted:
            continue
        for match in QUOTED.finditer(comment.words):
            passage = match.group("double") or match.group("single")
            if len(passage) < 30:
                continue
            in_old = any(passage.casefold() in old[k].casefold() for k in comment.concerns)
            in_new = passage.replace("**", "") in [new[k] for k in comment.response.clauses]
            assert in_old or in_new, f"{comment.id}: quoted passage not found: {passage!r}"
            checked += 1
    assert checked


def test_manning_proposals_are_quoted_with_the_reports_bold_marks(
    code: Code, record: ConsultationRecord
) -> None:
    facebook = record.comment("manning-facebook")
    assert "**and separate profile to control that page**" in facebook.words
    assert "**Posts should be set to public by default.**" in facebook.words
    adopted = texts(code, "2.0")["facebook-page"]
    assert f'"{adopted}"' in facebook.words.replace("**", "")
    statement = texts(code, "2.0")["same-standards"]
    assert f'"{statement}"' in record.comment("manning-overall").words


def test_each_response_clause_says_it_answers_that_comment(code: Code,
                                                           record: ConsultationRecord) -> None:
    v2 = {c.key: c.clause for c in code.version("2.0").clauses()}
    for comment in record.comments:
        for key in comment.response.clauses:
            change = v2[key].change
            assert change is not None and comment.id in change.answers, (comment.id, key)


def test_every_comment_on_a_clause_is_answered_by_a_change_or_a_removal(
    code: Code, record: ConsultationRecord
) -> None:
    v2 = code.version("2.0")
    answered = {a for c in v2.clauses() if c.clause.change for a in c.clause.change.answers}
    answered |= {a for r in v2.version.removed for a in r.answers}
    for comment in record.comments:
        if comment.concerns and comment.response.status in (ResponseStatus.addressed,
                                                            ResponseStatus.partly_addressed):
            assert comment.id in answered, comment.id


def test_count_proposal_is_left_to_the_committee_without_invented_text(
    record: ConsultationRecord
) -> None:
    count = [c for c in record.comments if c.member == "Cllr Count"]
    assert len(count) == 1
    proposal = count[0]
    assert proposal.kind is CommentKind.summarised
    assert proposal.response.status is ResponseStatus.for_committee
    assert len(proposal.response.options) >= 2
    assert any("Appendix 2" in option for option in proposal.response.options)
    assert "not reproduced" in proposal.response.text
    assert not proposal.response.clauses
