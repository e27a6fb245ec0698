"""Generated clause data, valid and broken: the generator either builds and renders it, or
refuses it with problem lines from the catalogue (tests/problem_shapes.py). Never a
traceback.

FUZZ_EXAMPLES sets how many examples to run (default 500, with a fixed seed so the normal
suite is repeatable); setting it also lets hypothesis choose examples at random, e.g.
    FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_loader_fuzz.py
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from problem_shapes import unexplained

from macros.compute import urls
from macros.compute.code import build_code
from macros.model.problems import CodeDataError
from macros.render.code_page import render_version
from macros.render.environment import Templates

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "500"))
GUIDANCE = {"guidance": [{"id": "help", "title": "Help", "publisher": "Test Association",
                          "url": "https://help.example.org/",
                          "cited_in": [{"document": "report", "at": "paragraph 3.1"}],
                          "summary": "Where to get help."}]}

keys = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3}){0,2}", fullmatch=True).filter(
    lambda k: not k.startswith(("clause-", "section-", "md-", "smc-")))
# Marks clause text may use, and marks it may not (to provoke every inline rule).
GOOD_MARKS = ["**bold**", "*em*", "[a](https://example.org/x)", "[b](mailto:a@b.example)",
              "{{ config }}", "{% if x %}", "{#", "\n\n", "&amp;", "\"", "'", ": ", " # ",
              "\\", "\u00a0", "\u202e", "\U0001f600", "é"]
BAD_MARKS = ["**", "*", "[[", "]]", "[[nowhere]]", "[c](javascript:alert(1))",
             "[d](http://plain.example)", "<script>", "</p>", "<b>", "[[]]", "\t", "- "]
plain = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs"]), max_size=12)
wild = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


def texts(refs: list[str], bad: bool) -> st.SearchStrategy[str]:
    marks = GOOD_MARKS + [f"[[{k}]]" for k in refs] + (BAD_MARKS if bad else [])
    parts = st.one_of(wild if bad else plain, st.sampled_from(marks))
    return st.lists(parts, max_size=6).map(lambda p: "w " + "".join(p))


@st.composite
def versions(draw: st.DrawFn, version_id: str = "1.0", bad: bool = False) -> dict[str, Any]:
    """A version with unique keys whose references and guidance ids are real; with
    `bad`, its text and references may break any rule."""
    shape = [[draw(st.integers(0, 2)) for _ in range(draw(st.integers(1, 3)))]
             for _ in range(draw(st.integers(1, 3)))]
    needed = sum(1 + len(s) + sum(s) for s in shape)
    pool = draw(st.lists(keys, min_size=needed, max_size=needed, unique=True))
    taken = iter(pool)
    sections = []
    for clause_items in shape:
        section_key = next(taken)
        clauses = []
        for item_count in clause_items:
            key = next(taken)
            others = [k for k in pool if k != key] + (["nowhere", key] if bad else [])
            clause: dict[str, Any] = {"key": key, "text": draw(texts(others[:4], bad)),
                                      "provenance": draw(provenances)}
            if item_count:
                clause["items"] = [{"key": next(taken), "text": draw(texts(others[:2], bad))}
                                   for _ in range(item_count)]
            if draw(st.booleans()):
                clause["refs"] = draw(st.lists(st.sampled_from(others), max_size=2,
                                               unique=True))
            if draw(st.booleans()):
                clause["guidance"] = [draw(st.sampled_from(["help", "helpp"] if bad
                                                           else ["help"]))]
            clauses.append(clause)
        sections.append({"key": section_key, "title": draw(plain) or "T", "clauses": clauses})
    return {"id": version_id, "title": "Test Code", "status": "adopted",
            "body": "Test Committee", "approved_on": draw(st.dates()).isoformat(),
            "summary": "A generated version.", "sections": sections}


provenances = st.one_of(
    st.just({"kind": "drafted"}),
    st.fixed_dictionaries({"kind": st.sampled_from(["verbatim", "reconstructed"]),
                           "source": st.fixed_dictionaries(
                               {"document": st.sampled_from(["report", "reprt"])},
                               optional={"at": st.sampled_from(["paragraph 2.2", "Appendix 1",
                                                                "bullet 7"])})}),
)


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for k, v in data.items():
            found += paths_in(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += paths_in(v, (*prefix, i))
    return found


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, list[bytes]]:
    """One or two version files, as bytes, and the name of what was done to them."""
    kind = draw(st.sampled_from(["valid", "valid", "wild text", "drop", "add", "retype",
                                 "second", "bytes", "text"]))
    first = copy.deepcopy(draw(versions(bad=kind == "wild text")))  # strategies share objects
    files = [first]
    paths = paths_in(first)
    if kind == "drop" and paths:
        path = draw(st.sampled_from(paths))
        parent = parent_of(first, path)
        del parent[path[-1]]
    elif kind == "add":
        path = draw(st.sampled_from([p for p in paths if isinstance(parent_of(first, p), dict)]))
        parent_of(first, path)[draw(st.sampled_from(["txt", "keys", "note", "x"]))] = "extra"
    elif kind == "retype" and paths:
        path = draw(st.sampled_from(paths))
        parent_of(first, path)[path[-1]] = copy.deepcopy(draw(st.sampled_from(
            [None, 7, 1.5, True, [], {}, ["a"], {"a": 1}, "", "2019-02-30", "../../etc",
             "x" * 20_001])))
    elif kind == "second":
        second = draw(versions(draw(st.sampled_from(["1.0", "2.0", "10.1", "2"]))))
        dated = draw(st.sampled_from([first["approved_on"], "2100-01-01", "1900-01-01"]))
        second["status"] = draw(st.sampled_from(["draft", "adopted", "superseded"]))
        del second["approved_on"]
        second["prepared_for" if second["status"] == "draft" else "approved_on"] = dated
        files.append(second)
    raw = [yaml.safe_dump(f, allow_unicode=True, sort_keys=False).encode() for f in files]
    if kind == "bytes":
        at = draw(st.integers(0, len(raw[0])))
        raw[0] = raw[0][:at] + draw(st.binary(min_size=1, max_size=4)) + raw[0][at:]
    elif kind == "text":
        lines = raw[0].decode().splitlines(keepends=True)
        at = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["\t", "  ", "- ", ": ", "[", "{", "'", "&a ", "*a ", "!!",
                                     "!!python/object/apply:os.system ", "!include "]))
        lines[at] = edit + lines[at] if draw(st.booleans()) else lines[at][:-1] + edit + "\n"
        raw[0] = "".join(lines).encode()
    return kind, raw


OUTCOMES: Counter[str] = Counter()
TEMPLATES = Templates()  # one set of compiled templates for every example, as in one build


@settings(max_examples=EXAMPLES, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
          database=None)
@given(case=mutated())
def test_generated_data_builds_or_fails_with_catalogued_messages(
    case: tuple[str, list[bytes]],
) -> None:
    kind, files = case
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        data = Path(tmp) / "content" / "data"
        (data / "versions").mkdir(parents=True)
        names = []
        for i, content in enumerate(files):
            (data / "versions" / f"v{i}.yaml").write_bytes(content)
            names.append(f"versions/v{i}.yaml")
        (data / "guidance.yaml").write_text(yaml.safe_dump(GUIDANCE), encoding="utf-8")
        (data / "code.yaml").write_text(yaml.safe_dump(
            {"title": "Fuzz", "documents": [{"id": "report", "title": "the report"}],
             "versions": names,
             "guidance": "guidance.yaml"}), encoding="utf-8")
        try:
            code = build_code(data / "code.yaml", Path(tmp))
        except CodeDataError as err:
            lines = [str(p) for p in err.problems]
            assert lines, "a refusal names at least one problem"
            assert [(line, unexplained(line)) for line in lines if unexplained(line)] == []
            OUTCOMES[f"refused ({kind})"] += 1
            return
        for version in code.versions:
            html = render_version(TEMPLATES, code, version, urls.version_path(version.id))
            assert "<script" not in html.lower() and "javascript:" not in html.lower()
        OUTCOMES[f"built ({kind})"] += 1


def test_fuzz_counts(record_property: pytest.RecordProperty) -> None:
    """Reports how many examples the fuzz test ran (it runs first: same module, earlier)."""
    total = sum(OUTCOMES.values())
    if total == 0:
        pytest.skip("the fuzz test did not run in this session")
    built = sum(n for k, n in OUTCOMES.items() if k.startswith("built"))
    record_property("summary", f"fuzz: {total} generated examples ({built} built and rendered, "
                               f"{total - built} refused with catalogued messages, 0 tracebacks; "
                               f"FUZZ_EXAMPLES={EXAMPLES})")
    assert total >= EXAMPLES
