"""`@frozen`: immutable value classes, as `@dataclass(frozen=True, slots=True)` makes them.

Python 3.11's dataclasses compiles each generated method with its own `exec`,
six per frozen class. This package defines about seventy such classes, and
creating them was a third of what importing it cost on every build (see
./bench-run.sh). `@frozen` writes the same methods with one `exec` per class.

It supports what this package uses, and tests/test_frozen.py holds it to the
behaviour of dataclasses: fields in annotation order; plain defaults or
`field(default=..., default_factory=..., init=False, repr=False,
compare=False, metadata=...)`; `kw_only`; `order`; `__post_init__`. Instances
refuse assignment (dataclasses.FrozenInstanceError), compare and hash by
their compared fields, and print as `Name(a=1, b='x')`. A subclass of a
`@frozen` class has the base's fields first, then its own.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")
MISSING = dataclasses.MISSING
FrozenInstanceError = dataclasses.FrozenInstanceError
_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Field:
    """One field of a `@frozen` class; `field()` makes one with options."""

    __slots__ = ("name", "default", "default_factory", "init", "repr", "compare", "metadata")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING, init: bool = True,
                 repr: bool = True, compare: bool = True,  # dataclasses' names
                 metadata: Mapping[str, Any] | None = None) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot give both default and default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
        self.metadata = MappingProxyType(dict(metadata)) if metadata else _EMPTY

    @property
    def required(self) -> bool:
        return self.default is MISSING and self.default_factory is MISSING

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | Any = MISSING,
          init: bool = True, repr: bool = True, compare: bool = True,
          metadata: Mapping[str, Any] | None = None) -> Any:
    return Field(default, default_factory, init, repr, compare, metadata)


def fields(cls_or_instance: Any) -> tuple[Field, ...]:
    """The fields of a `@frozen` class or instance, in order."""
    try:
        return cls_or_instance.__frozen_fields__
    except AttributeError:
        raise TypeError(f"{cls_or_instance!r} is not a @frozen class or instance") from None


def is_frozen(value: Any) -> bool:
    return hasattr(value, "__frozen_fields__")


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def frozen(cls: type[T] | None = None, /, *, kw_only: bool = False, order: bool = False
           ) -> Any:
    """Make `cls` an immutable value class with slots (see the module's docstring)."""
    def make(cls: type[T]) -> type[T]:
        return _make(cls, kw_only=kw_only, order=order)
    return make if cls is None else make(cls)


def _make(cls: type[T], *, kw_only: bool, order: bool) -> type[T]:
    inherited = next((base.__frozen_fields__ for base in cls.__mro__[1:] if is_frozen(base)), ())
    namespace = dict(cls.__dict__)
    own: list[Field] = []
    for name in namespace.get("__annotations__", {}):
        if any(f.name == name for f in inherited):
            raise TypeError(f"{cls.__name__}: field {name!r} is already a field of a base class")
        value = namespace.pop(name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        own.append(f)
    made = [*inherited, *own]
    if not kw_only:
        required_after_default = [f.name for i, f in enumerate(made) if f.init and f.required
                                  and any(g.init and not g.required for g in made[:i])]
        if required_after_default:
            raise TypeError(f"{cls.__name__}: field {required_after_default[0]!r} without a "
                            "default follows one with a default")
    glob: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": MISSING,
                            "FrozenInstanceError": FrozenInstanceError}
    source = _source(cls.__qualname__, made, kw_only, order, hasattr(cls, "__post_init__"), glob)
    local: dict[str, Any] = {}
    exec(source, glob, local)  # text built above from field names
    local["__repr__"] = reprlib.recursive_repr()(local["__repr__"])
    for name in ("__dict__", "__weakref__"):
        namespace.pop(name, None)
    for name, function in local.items():
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        namespace[name] = function
    namespace["__slots__"] = tuple(f.name for f in own)  # a base class holds its own
    namespace["__frozen_fields__"] = tuple(made)
    namespace["__match_args__"] = tuple(f.name for f in made if f.init and not kw_only)
    return type(cls)(cls.__name__, cls.__bases__, namespace)  # type: ignore[return-value]


def _source(qualname: str, made: list[Field], kw_only: bool, order: bool, post_init: bool,
            glob: dict[str, Any]) -> str:
    params, body = [], []
    for f in made:
        default = ""
        if f.default is not MISSING:
            glob[f"_dflt_{f.name}"] = f.default
            default = f"=_dflt_{f.name}"
        elif f.default_factory is not MISSING:
            glob[f"_fct_{f.name}"] = f.default_factory
            default = "=_MISSING"
        if f.init:
            params.append(f.name + default)
            value = (f"_fct_{f.name}() if {f.name} is _MISSING else {f.name}"
                     if f.default_factory is not MISSING else f.name)
        elif f.default_factory is not MISSING:
            value = f"_fct_{f.name}()"
        elif f.default is not MISSING:
            value = f"_dflt_{f.name}"
        else:
            continue  # set by __post_init__
        body.append(f"    _set(self, {f.name!r}, {value})")
    if post_init:
        body.append("    self.__post_init__()")
    signature = ", ".join((["*"] if kw_only and params else []) + params)
    compared = "".join(f"self.{f.name}," for f in made if f.compare)
    theirs = "".join(f"other.{f.name}," for f in made if f.compare)
    shown = " + ', ' + ".join(f"'{f.name}=' + repr(self.{f.name})" for f in made if f.repr)
    lines = [
        f"def __init__(self{', ' if signature else ''}{signature}):",
        *(body or ["    pass"]),
        "def __repr__(self):",
        f"    return {qualname!r} + '(' + {shown or repr('')} + ')'",
        "def __eq__(self, other):",
        "    if other.__class__ is self.__class__:",
        f"        return ({compared}) == ({theirs})",
        "    return NotImplemented",
        "def __hash__(self):",
        f"    return hash(({compared}))",
        "def __setattr__(self, name, value):",
        "    raise FrozenInstanceError(f'cannot assign to field {name!r}')",
        "def __delattr__(self, name):",
        "    raise FrozenInstanceError(f'cannot delete field {name!r}')",
    ]
    if order:
        for method, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            lines += [f"def {method}(self, other):",
                      "    if other.__class__ is self.__class__:",
                      f"        return ({compared}) {op} ({theirs})",
                      "    return NotImplemented"]
    return "\n".join(lines) + "\n"
