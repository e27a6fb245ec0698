"""Records: what `validate` accepts and refuses, and that the published schema agrees."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import jsonschema
import pytest
import yaml
from testkit import ROOT

from macros.export.schema import SCHEMAS
from macros.model.shape import (
    Invalid,
    Rule,
    field,
    field_keys,
    json_schema,
    record,
    to_data,
    validate,
)

Word = Annotated[str, Rule(pattern=r"^[a-z]+$", max_length=5, description="A short word.")]


class Colour(StrEnum):
    red = "red"
    blue = "blue"


@record
class Part:
    """A part."""

    name: Word
    colour: Colour = Colour.red


@record
class Thing:
    title: str = field(min_length=1, description="What it is called.")
    made: dt.date
    parts: tuple[Part, ...] = field(default=(), min_length=1)
    tags: tuple[Word, ...] = ()
    size: int | None = None
    kind: Literal["big", "small"] = "small"
    schema_uri: str | None = field(default=None, alias="$schema")

    def _check(self) -> None:
        if self.kind == "big" and not self.size:
            raise ValueError("a big thing needs 'size'")


def faults(data: object) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(Invalid) as caught:
        validate(Thing, data)
    return [(f.loc, f.kind) for f in caught.value.faults]


def test_valid_data_becomes_an_immutable_record() -> None:
    thing = validate(Thing, {"title": "  Kite ", "made": "2019-06-27",
                             "parts": [{"name": "tail", "colour": "blue"}], "$schema": "x"})
    assert thing.title == "Kite"
    assert thing.made == dt.date(2019, 6, 27)
    assert thing.parts == (Part(name="tail", colour=Colour.blue),)
    assert thing.schema_uri == "x" and thing.tags == () and thing.size is None
    with pytest.raises(AttributeError):
        thing.title = "Other"  # type: ignore[misc]


def test_every_fault_is_reported_with_where_it_is() -> None:
    assert faults({"title": "", "made": "27/06/2019", "parts": [{"name": "Tail"}, "x"],
                   "tags": "a", "colour": "red"}) == [
        (("title",), "string_too_short"),
        (("made",), "date_type"),
        (("parts", 0, "name"), "string_pattern_mismatch"),
        (("parts", 1), "model_type"),
        (("tags",), "tuple_type"),
        (("colour",), "extra_forbidden"),
    ]


@pytest.mark.parametrize(("data", "expected"), [
    ({"made": "2019-06-27"}, [(("title",), "missing")]),
    ({"title": 3, "made": "2019-02-30"},
     [(("title",), "string_type"), (("made",), "date_parsing")]),
    ({"title": "T", "made": dt.datetime(2019, 6, 27, 10, 0)}, [(("made",), "date_type")]),
    ({"title": "T", "made": "2019-06-27", "parts": []}, [(("parts",), "too_short")]),
    ({"title": "T", "made": "2019-06-27", "tags": ["toolong"]}, [(("tags", 0), "string_too_long")]),
    ({"title": "T", "made": "2019-06-27", "size": True}, [(("size",), "int_type")]),
    ({"title": "T", "made": "2019-06-27", "kind": "huge"}, [(("kind",), "literal_error")]),
    ({"title": "T", "made": "2019-06-27", "parts": [{"name": "a", "colour": "green"}]},
     [(("parts", 0, "colour"), "enum")]),
    ({"title": "T", "made": "2019-06-27", "kind": "big"}, [((), "value_error")]),
    ([], [((), "model_type")]),
])
def test_each_kind_of_fault(data: object, expected: list) -> None:
    assert faults(data) == expected


def test_faults_say_what_is_allowed() -> None:
    with pytest.raises(Invalid) as caught:
        validate(Thing, {"title": "T", "made": "2019-06-27", "kind": "big",
                         "parts": [{"name": "a", "colour": "green"}]})
    assert [f.message for f in caught.value.faults] == ["must be 'red' or 'blue'"]
    with pytest.raises(Invalid, match="a big thing needs 'size'"):
        validate(Thing, {"title": "T", "made": "2019-06-27", "kind": "big"})


def test_field_keys_follow_the_path() -> None:
    assert field_keys(Thing) == ["title", "made", "parts", "tags", "size", "kind", "$schema"]
    assert field_keys(Thing, ("parts", 3)) == ["name", "colour"]
    assert field_keys(Thing, ("title",)) == []


def test_to_data_round_trips() -> None:
    data = {"title": "Kite", "made": "2019-06-27", "parts": [{"name": "tail", "colour": "blue"}],
            "tags": ["a"], "size": 2, "kind": "big", "$schema": "https://example.org/s.json"}
    assert to_data(validate(Thing, data)) == data


def test_schema_states_the_same_rules() -> None:
    schema = json_schema(Thing)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["title", "made"]
    assert list(schema["properties"]) == ["title", "made", "parts", "tags", "size", "kind",
                                          "$schema"]
    assert schema["properties"]["tags"]["items"] == {
        "description": "A short word.", "maxLength": 5, "pattern": "^[a-z]+$", "type": "string"}
    assert schema["$defs"]["Part"]["description"] == "A part."
    assert schema["$defs"]["Colour"] == {"enum": ["red", "blue"], "title": "Colour",
                                         "type": "string"}
    good = {"title": "Kite", "made": "2019-06-27", "parts": [{"name": "tail"}]}
    jsonschema.validate(good, schema)
    for bad in ({"title": "Kite"}, {**good, "colour": "red"}, {**good, "parts": []},
                {**good, "tags": ["UPPER"]}, {**good, "kind": "huge"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
        with pytest.raises(Invalid):
            validate(Thing, bad)


def _as_json(value: object) -> object:
    """YAML data as an editor's schema checker sees it: dates are text."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


@pytest.mark.parametrize("path", sorted((ROOT / "content" / "data").rglob("*.yaml")),
                         ids=lambda p: p.name)
def test_real_data_files_pass_their_published_schema(path: Path) -> None:
    """The schema an editor's tools check against accepts what the build accepts."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    name = first.rsplit("/", 1)[1]
    schema = json.loads((ROOT / "content" / "pages" / "schema" / name).read_text("utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(_as_json(data))
    validate(SCHEMAS[name], data)


def test_an_unknown_field_that_is_not_text_is_named_as_written() -> None:
    assert faults({"title": "T", "made": "2019-06-27", 1: "x", None: "y"}) == [
        (("1",), "extra_forbidden"), (("None",), "extra_forbidden")]
