"""Typed, immutable records, checked against their declared shape, and their JSON Schemas.

A record is a frozen, slotted dataclass made with `@record`. Its annotations give each
field's type; `field(...)`, or `Annotated[str, Rule(...)]` for a reusable type,
adds a description and constraints. From that one declaration:

- `validate(Record, data)` builds the record from parsed YAML or JSON, or
  raises `Invalid` listing every problem with where it is (`loc`);
- `json_schema(Record)` is the JSON Schema published for editors and systems;
- `to_data(record)` is the record as plain JSON-ready data again.

Types understood: str, int, bool, datetime.date, StrEnum, Literal[...], records,
tuple[X, ...] and `X | None`. Strings are stripped of surrounding white space;
unknown fields are refused. A record may define `_check(self)`, raising
ValueError, for rules across its fields; it runs once the fields are valid.

Written for this generator rather than taken from a validation library: the
library cost more to import than the rest of a build of the site spends on
its data, and the benchmark's start-up budget has no room for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from macros.model.wording import or_list

T = TypeVar("T")
Loc = tuple[str | int, ...]
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


@dataclass(frozen=True, slots=True)
class Rule:
    """What a field or reusable type says beyond its Python type."""

    description: str | None = None
    pattern: str | None = None
    min_length: int | None = None  # characters of a string, entries of a tuple
    max_length: int | None = None
    alias: str | None = None  # the name in the data, when not the field's name
    schema_extra: Mapping[str, Any] | None = None  # added to the field's JSON Schema

    def merged(self, over: Rule) -> Rule:
        """This rule with every setting that `over` gives replacing its own."""
        return Rule(**{f.name: getattr(over, f.name) if getattr(over, f.name) is not None
                       else getattr(self, f.name) for f in dataclasses.fields(Rule)})


NO_RULE = Rule()


def field(default: Any = dataclasses.MISSING, *, description: str | None = None,
          pattern: str | None = None, min_length: int | None = None,
          max_length: int | None = None, alias: str | None = None,
          schema_extra: Mapping[str, Any] | None = None) -> Any:
    """A record field with a description and constraints (and a default, if given)."""
    rule = Rule(description, pattern, min_length, max_length, alias, schema_extra)
    return dataclasses.field(default=default, metadata={"rule": rule})


def record(cls: type[T]) -> type[T]:
    """Make `cls` an immutable, keyword-only class whose shape `validate` checks."""
    written = cls.__doc__  # dataclass() writes a signature where there is none
    made = dataclass(frozen=True, slots=True, kw_only=True)(cls)
    made.__shape_doc__ = written
    made.__shape_record__ = True
    return made


def is_record(value: Any) -> bool:
    return getattr(value, "__shape_record__", False) is True


# --- faults -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fault:
    """One thing wrong with the data: where, what kind, the value found, in words."""

    loc: Loc
    kind: str  # e.g. 'missing', 'extra_forbidden', 'string_type', 'string_too_long'
    input: Any
    message: str
    limit: int | None = None  # the length limit broken, for '_too_long' and '_too_short'


class Invalid(ValueError):
    def __init__(self, faults: list[Fault]) -> None:
        self.faults = faults
        super().__init__("; ".join(f"{'.'.join(map(str, p.loc)) or '(top)'}: {p.message}"
                                   for p in faults))


# --- the shapes of types --------------------------------------------------------------------

class _Shape:
    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        raise NotImplementedError

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError


def _spoken(values: list[str]) -> str:
    return or_list([f"'{v}'" for v in values])


class _Str(_Shape):
    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.pattern = re.compile(rule.pattern) if rule.pattern else None

    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        if not isinstance(value, str):
            faults.append(Fault(loc, "string_type", value, "must be text"))
            return None
        value = value.strip()
        rule = self.rule
        if rule.min_length is not None and len(value) < rule.min_length:
            faults.append(Fault(loc, "string_too_short", value,
                                "must not be empty" if rule.min_length == 1 else
                                f"must be at least {rule.min_length} characters long",
                                rule.min_length))
        elif rule.max_length is not None and len(value) > rule.max_length:
            faults.append(Fault(loc, "string_too_long", value,
                                f"must be at most {rule.max_length:,} characters long",
                                rule.max_length))
        elif self.pattern is not None and not self.pattern.search(value):
            faults.append(Fault(loc, "string_pattern_mismatch", value,
                                f"must match the pattern {rule.pattern}"))
        return value

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string"}
        if self.rule.min_length is not None:
            out["minLength"] = self.rule.min_length
        if self.rule.max_length is not None:
            out["maxLength"] = self.rule.max_length
        if self.rule.pattern:
            out["pattern"] = self.rule.pattern
        return out


class _Int(_Shape):
    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            faults.append(Fault(loc, "int_type", value, "must be a whole number"))
        return value

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "integer"}


class _Bool(_Shape):
    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        if not isinstance(value, bool):
            faults.append(Fault(loc, "bool_type", value, "must be true or false"))
        return value

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "boolean"}


class _Date(_Shape):
    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str) and _DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                faults.append(Fault(loc, "date_parsing", value, "is not a real date"))
                return None
        faults.append(Fault(loc, "date_type", value, "must be a date written YYYY-MM-DD"))
        return None

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"format": "date", "type": "string"}


class _Enum(_Shape):
    def __init__(self, cls: type[enum.Enum]) -> None:
        self.cls = cls
        self.values = {m.value: m for m in cls}

    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        if isinstance(value, self.cls):
            return value
        if isinstance(value, str) and value.strip() in self.values:
            return self.values[value.strip()]
        faults.append(Fault(loc, "enum", value, f"must be {_spoken(list(self.values))}"))
        return None

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        name = self.cls.__name__
        if name not in defs:
            defs[name] = {"enum": list(self.values), "title": name, "type": "string"}
        return {"$ref": f"#/$defs/{name}"}


class _Literal(_Shape):
    def __init__(self, values: tuple[Any, ...]) -> None:
        self.values = values

    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        if isinstance(value, str) and value in self.values:
            return value
        faults.append(Fault(loc, "literal_error", value,
                            f"must be {_spoken([str(v) for v in self.values])}"))
        return None

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        if len(self.values) == 1:
            return {"const": self.values[0], "type": "string"}
        return {"enum": list(self.values), "type": "string"}


class _Optional(_Shape):
    def __init__(self, inner: _Shape) -> None:
        self.inner = inner

    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        return None if value is None else self.inner.check(value, loc, faults)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"anyOf": [self.inner.schema(defs), {"type": "null"}]}


class _Tuple(_Shape):
    def __init__(self, inner: _Shape, rule: Rule, item_rule: Rule = NO_RULE) -> None:
        self.inner = inner
        self.rule = rule
        self.item_rule = item_rule

    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        if not isinstance(value, list | tuple):
            faults.append(Fault(loc, "tuple_type", value, "must be a list"))
            return None
        if self.rule.min_length is not None and len(value) < self.rule.min_length:
            wanted = self.rule.min_length
            faults.append(Fault(loc, "too_short", value, "must not be empty" if wanted == 1
                                else f"must have at least {wanted} entries", wanted))
        check = self.inner.check
        return tuple(check(v, (*loc, i), faults) for i, v in enumerate(value))

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        items = self.inner.schema(defs)
        if self.item_rule.description:
            items["description"] = self.item_rule.description
        out: dict[str, Any] = {"items": items, "type": "array"}
        if self.rule.min_length is not None:
            out["minItems"] = self.rule.min_length
        return out


@dataclass(frozen=True, slots=True)
class _Field:
    name: str  # the attribute
    key: str  # the name in the data
    shape: _Shape
    rule: Rule
    default: Any  # dataclasses.MISSING when required


class _Record(_Shape):
    def __init__(self, cls: type) -> None:
        self.cls = cls
        self._fields: tuple[_Field, ...] | None = None

    @property
    def fields(self) -> tuple[_Field, ...]:
        if self._fields is None:  # on first use: a record may refer to one declared after it
            hints = typing.get_type_hints(self.cls, include_extras=True)
            made = []
            for f in dataclasses.fields(self.cls):
                rule = f.metadata.get("rule", NO_RULE)
                shape, rule = _shape_of(hints[f.name], rule)
                made.append(_Field(f.name, rule.alias or f.name, shape, rule, f.default))
            self._fields = tuple(made)
        return self._fields

    def check(self, value: Any, loc: Loc, faults: list[Fault]) -> Any:
        if not isinstance(value, Mapping):
            faults.append(Fault(loc, "model_type", value, "must be a set of fields"))
            return None
        before = len(faults)
        values = {}
        for f in self.fields:
            if f.key in value:
                values[f.name] = f.shape.check(value[f.key], (*loc, f.key), faults)
            elif f.default is dataclasses.MISSING:
                faults.append(Fault((*loc, f.key), "missing", None, "is required"))
        known = {f.key for f in self.fields}
        for key in value:
            if key not in known:  # a YAML key may be a number or a date: named as written
                faults.append(Fault((*loc, key if isinstance(key, str) else str(key)),
                                    "extra_forbidden", value[key], "is not a known field"))
        if len(faults) > before:
            return None
        made = self.cls(**values)
        check = getattr(made, "_check", None)
        if check is not None:
            try:
                check()
            except ValueError as err:
                faults.append(Fault(loc, "value_error", value, str(err)))
                return None
        return made

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        name = self.cls.__name__
        if name not in defs:
            defs[name] = {}  # claimed first, so a record that refers to itself ends
            defs[name] = self.body(defs)
        return {"$ref": f"#/$defs/{name}"}

    def body(self, defs: dict[str, Any]) -> dict[str, Any]:
        properties = {}
        required = []
        for f in self.fields:
            schema = f.shape.schema(defs)
            # A title, except beside a reference to a record or a list of choices, whose
            # definition has its own: the form the published schemas have always had.
            if not isinstance(f.shape, _Record | _Enum) and not (
                    isinstance(f.shape, _Optional) and isinstance(f.shape.inner, _Record)):
                schema["title"] = f.key.replace("_", " ").title()
            if f.rule.description:
                schema["description"] = f.rule.description
            if f.default is dataclasses.MISSING:
                required.append(f.key)
            else:
                schema["default"] = to_data(f.default)
            schema.update(f.rule.schema_extra or {})
            properties[f.key] = schema
        out: dict[str, Any] = {"additionalProperties": False, "properties": properties,
                               "title": self.cls.__name__, "type": "object"}
        doc = getattr(self.cls, "__shape_doc__", None)
        if doc:
            out["description"] = " ".join(doc.split())
        if required:
            out["required"] = required
        return out


_RECORDS: dict[type, _Record] = {}
_SIMPLE: dict[Any, Callable[[], _Shape]] = {int: _Int, bool: _Bool, dt.date: _Date}


def _record_shape(cls: type) -> _Record:
    shape = _RECORDS.get(cls)
    if shape is None:
        shape = _RECORDS[cls] = _Record(cls)
    return shape


def _shape_of(hint: Any, rule: Rule) -> tuple[_Shape, Rule]:
    """The shape of a type hint, and the field's rule with any `Annotated` rule under it."""
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        inner, *extras = typing.get_args(hint)
        for extra in extras:
            if isinstance(extra, Rule):
                rule = extra.merged(rule)
        return _shape_of(inner, rule)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union {hint!r}")
        shape, rule = _shape_of(args[0], rule)
        return _Optional(shape), rule
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"only tuple[X, ...] is supported, not {hint!r}")
        item, item_rule = _shape_of(args[0], NO_RULE)
        return _Tuple(item, rule, item_rule), rule
    if origin is typing.Literal:
        return _Literal(typing.get_args(hint)), rule
    if hint is str:
        return _Str(rule), rule
    if hint in _SIMPLE:
        return _SIMPLE[hint](), rule
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _Enum(hint), rule
    if isinstance(hint, type) and is_record(hint):
        return _record_shape(hint), rule
    raise TypeError(f"unsupported type {hint!r}")


# --- the public functions -------------------------------------------------------------------

def validate(cls: type[T], data: Any) -> T:
    """`data` (parsed YAML or JSON) as a `cls` record; raises Invalid with every problem."""
    faults: list[Fault] = []
    made = _record_shape(cls).check(data, (), faults)
    if faults:
        raise Invalid(faults)
    return made


def field_keys(cls: type, loc: Loc = ()) -> list[str]:
    """The field names allowed at `loc` within a `cls` record (list positions skipped)."""
    shape = _record_at(_record_shape(cls), [p for p in loc if isinstance(p, str)])
    return [f.key for f in shape.fields] if shape else []


def _record_at(shape: _Shape | None, names: list[str]) -> _Record | None:
    """The record reached by following field `names`, through lists and optional values."""
    while isinstance(shape, _Optional | _Tuple):
        shape = shape.inner
    if not isinstance(shape, _Record):
        return None
    if not names:
        return shape
    inner = next((f.shape for f in shape.fields if f.key == names[0]), None)
    return _record_at(inner, names[1:])


def to_data(value: Any) -> Any:
    """A record (or a value inside one) as plain data: dicts, lists, str, int, bool, None."""
    if is_record(value):
        return {f.key: to_data(getattr(value, f.name)) for f in _record_shape(type(value)).fields}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a `cls` record, keys sorted as published."""
    defs: dict[str, Any] = {}
    top = _record_shape(cls).body(defs)
    defs.pop(cls.__name__, None)
    schema = {"$defs": dict(sorted(defs.items())), **top} if defs else top
    return _sorted(schema)


def _sorted(node: Any, properties: bool = False) -> Any:
    """Schema keys in sorted order, except each record's properties, kept in field order."""
    if isinstance(node, dict):
        items = node.items() if properties else sorted(node.items())
        return {k: _sorted(v, properties=(k == "properties" and not properties))
                for k, v in items}
    if isinstance(node, list):
        return [_sorted(v) for v in node]
    return node
