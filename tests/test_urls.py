"""Relative links between site paths: the same as posixpath.relpath would give."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from macros.compute.urls import relative

SEGMENT = st.sampled_from(["code", "1.0", "2.0", "clause", "scope", "schema", "x.json"])
PATH = st.lists(SEGMENT, max_size=3).map(lambda parts: "/".join(parts))


def _expected(from_page: str, to: str) -> str:
    """The link the standard library's relpath gives, as the site writes it."""
    path, _, fragment = to.partition("#")
    if path == from_page:
        rel = ""
    else:
        rel = posixpath.relpath(path or ".", from_page or ".")
        if (path.endswith("/") or not path) and rel != ".":
            rel += "/"
        elif rel == ".":
            rel = "./"
    return f"{rel}#{fragment}" if fragment else (rel or "./")


@given(PATH, PATH, st.booleans(), st.booleans(), st.sampled_from(["", "clause-2.3"]))
def test_relative_matches_relpath(start: str, target: str, start_dir: bool, target_dir: bool,
                                  fragment: str) -> None:
    from_page = start + "/" if start and start_dir else start
    to = (target + "/" if target and target_dir else target) + (f"#{fragment}" if fragment else "")
    assert relative(from_page, to) == _expected(from_page, to)


def test_examples_a_reader_follows() -> None:
    assert relative("code/1.0/", "code/2.0/#clause-2.3") == "../2.0/#clause-2.3"
    assert relative("code/1.0/", "code/1.0/#clause-2.3") == "#clause-2.3"
    assert relative("clause/scope/", "code/1.0/code-1.0.pdf") == "../../code/1.0/code-1.0.pdf"
    assert relative("", "code/") == "code/"
    assert relative("code/", "") == "../"
