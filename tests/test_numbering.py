"""Numbers and anchors come from order alone, and cross-references resolve to them."""

from __future__ import annotations

from testkit import VERSION_HEAD, CodeDir

from macros.compute.code import build_code
from macros.compute.numbering import letter

CODE = VERSION_HEAD + """\
  - key: first
    title: First
    clauses:
      - key: a-clause
        text: A, see [[c-item-two]].
        provenance: {kind: drafted}
      - key: b-clause
        text: B.
        provenance: {kind: drafted}
  - key: second
    title: Second
    clauses:
      - key: c-clause
        text: "C:"
        provenance: {kind: drafted}
        refs: [a-clause]
        items:
          - {key: c-item-one, text: one}
          - {key: c-item-two, text: two}
"""


def test_letters_run_past_z() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "a", "b", "z", "aa", "ab", "az", "ba"]


def test_sections_clauses_and_items_are_numbered_from_order(code_dir: CodeDir) -> None:
    code_dir.version(CODE)
    version = build_code(code_dir.manifest, code_dir.root).version("1.0")
    assert [(s.target.number, s.title) for s in version.sections] == [("1", "First"),
                                                                       ("2", "Second")]
    assert [(c.number, c.key) for c in version.clauses()] == [
        ("1.1", "a-clause"), ("1.2", "b-clause"), ("2.1", "c-clause")]
    items = version.clauses()[2].items
    assert [(i.target.number, i.target.anchor, i.letter) for i in items] == [
        ("2.1(a)", "clause-2.1-a", "a"), ("2.1(b)", "clause-2.1-b", "b")]


def test_moving_a_clause_renumbers_it_and_keeps_its_key(code_dir: CodeDir) -> None:
    swapped = CODE.replace("key: a-clause", "key: tmp").replace("key: b-clause", "key: a-clause")
    swapped = swapped.replace("key: tmp", "key: b-clause").replace("A, see", "B2, see")
    code_dir.version(swapped)
    targets = build_code(code_dir.manifest, code_dir.root).version("1.0").targets
    assert targets["a-clause"].number == "1.2"
    assert targets["b-clause"].number == "1.1"


def test_cross_references_resolve_to_number_and_anchor(code_dir: CodeDir) -> None:
    code_dir.version(CODE)
    targets = build_code(code_dir.manifest, code_dir.root).version("1.0").targets
    assert targets["c-item-two"].label == "clause 2.1(b)"
    assert targets["c-item-two"].anchor == "clause-2.1-b"
    assert targets["a-clause"].label == "clause 1.1"
    assert targets["second"].label == "section 2"
    assert targets["second"].anchor == "section-2"
