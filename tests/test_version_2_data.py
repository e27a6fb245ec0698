"""Version 2.0: its status said by its data alone, and every difference from 1.0 explained."""

from __future__ import annotations

import re

import pytest
from testkit import ROOT

from macros.compute.code import Code, build_code
from macros.model.records import Clause, ProvenanceKind, Status

MANIFEST = ROOT / "content" / "data" / "code.yaml"

# Wording Cllr Manning proposed in para 2.2, as the report prints it without its bold marks.
MANNING_STATEMENT = (
    "You should behave online as you behave in real life, and apply all the same standards. "
    "Adding content to a social media site is the same as publishing in a traditional newspaper "
    "and carries the same benefits and liabilities."
)
MANNING_FACEBOOK = (
    "It is recommended that in the case of Facebook, councillors wishing to keep their personal "
    "life and role as a councillor separate create a Facebook page and separate profile to "
    "control that page which members of the public can like rather than using their personal "
    "profiles. Posts should be set to public by default."
)


@pytest.fixture(scope="module")
def code() -> Code:
    return build_code(MANIFEST, ROOT)


def clauses(code: Code, version_id: str) -> dict[str, Clause]:
    return {c.key: c.clause for c in code.version(version_id).clauses()}


def test_2_0_is_a_draft_for_the_committee_of_1_october_2019(code: Code) -> None:
    v2 = code.version("2.0").version
    assert v2.status is Status.draft
    assert v2.body == "Constitution and Ethics Committee"
    assert str(v2.prepared_for) == "2019-10-01" and v2.approved_on is None
    assert code.current is not None and code.current.id == "1.0"


STATUS_WORDS = re.compile(r"\b(draft|adopt\w*|in force|supersed\w*|not yet|has not been)\b",
                          re.IGNORECASE)


def test_prose_in_the_data_describes_content_never_status(code: Code) -> None:
    """Whether a version is a draft, in force or superseded is worded by the site from its
    status and dates; a summary, a removal's reason or a response that said so would be
    contradicted the day the version is adopted."""
    v2 = code.version("2.0").version
    assert not STATUS_WORDS.search(v2.summary), v2.summary
    for removal in v2.removed:
        assert not STATUS_WORDS.search(removal.reason), removal.reason
    assert code.consultation is not None
    for comment in code.consultation.comments:
        text = comment.response.text
        assert not re.search(r"\b(this|the) draft\b|\bnot adopted\b", text), comment.id


@pytest.mark.parametrize("wording", [MANNING_STATEMENT, MANNING_FACEBOOK])
def test_manning_proposed_wording_is_in_2_0_exactly_and_says_whose_it_is(
    code: Code, wording: str
) -> None:
    found = [c for c in clauses(code, "2.0").values() if c.text == wording]
    assert len(found) == 1, "Cllr Manning's proposed wording is not in version 2.0 exactly"
    provenance = found[0].provenance
    assert provenance.kind is ProvenanceKind.verbatim
    assert provenance.source is not None
    assert provenance.source.at == "paragraph 2.2"
    assert "Cllr Manning's proposed" in (provenance.note or "")
    assert "quoted exactly" in (provenance.note or "")


def test_2_0_wording_is_either_drafted_or_a_members_quoted_proposal(code: Code) -> None:
    for key, clause in clauses(code, "2.0").items():
        kind = clause.provenance.kind
        assert kind is not ProvenanceKind.reconstructed, key
        if kind is ProvenanceKind.verbatim:
            assert clause.text in (MANNING_STATEMENT, MANNING_FACEBOOK), key


def test_every_2_0_clause_that_differs_from_1_0_says_why(code: Code) -> None:
    old = clauses(code, "1.0")
    old_places = {c.key: (s.section.key, i) for s in code.version("1.0").sections
                  for i, c in enumerate(s.clauses)}
    for section in code.version("2.0").sections:
        for i, numbered in enumerate(section.clauses):
            clause = numbered.clause
            previous = old.get(clause.key)
            same = (previous is not None and previous.text == clause.text
                    and previous.items == clause.items
                    and old_places[clause.key] == (section.section.key, i))
            if not same:
                assert clause.change is not None, f"{clause.key} differs from 1.0 with no reason"
                assert clause.change.reason.strip()
                assert clause.change.answers, f"{clause.key}: which comments does it answer?"


def test_every_1_0_clause_is_carried_over_or_removed_with_a_reason(code: Code) -> None:
    v2 = code.version("2.0").version
    kept = set(clauses(code, "2.0"))
    removed = {r.key: r for r in v2.removed}
    for key in clauses(code, "1.0"):
        assert (key in kept) != (key in removed), f"{key}: neither kept nor removed, or both"
    for key, removal in removed.items():
        assert key in clauses(code, "1.0")
        assert removal.reason.strip() and removal.answers, key


def test_every_answer_names_a_comment_in_the_record(code: Code) -> None:
    record = code.consultation
    assert record is not None
    ids = {c.id for c in record.comments}
    v2 = code.version("2.0").version
    named = [a for c in clauses(code, "2.0").values() if c.change for a in c.change.answers]
    named += [a for r in v2.removed for a in r.answers]
    assert named
    assert set(named) <= ids


def test_2_0_has_fewer_clauses_than_1_0(code: Code) -> None:
    # Word counts are not compared: much of 1.0 survives only as short reconstructions.
    assert len(clauses(code, "2.0")) < len(clauses(code, "1.0"))


def test_safety_clauses_cite_the_lga_guidance_on_abuse(code: Code) -> None:
    v2 = clauses(code, "2.0")
    for key in ("personal-safety", "contact-details"):
        assert "lga-handling-abuse" in v2[key].guidance, key
