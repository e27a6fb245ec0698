"""@frozen classes behave as frozen dataclasses do, for everything this package uses."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Generic, TypeVar, get_type_hints

import pytest

from macros.frozen import FrozenInstanceError, field, fields, frozen

T = TypeVar("T")


def _pair(kw_only: bool = False, order: bool = False) -> tuple[type, type]:
    """The same class made by dataclasses and by @frozen."""
    def body() -> dict:
        return {"__annotations__": {"a": "int", "b": "str", "c": "tuple", "d": "list",
                                    "e": "int"},
                "b": "x", "c": (), "d": dataclasses.field(default_factory=list),
                "e": dataclasses.field(default=0, repr=False, compare=False)}

    def ours_body() -> dict:
        made = body()
        made["d"] = field(default_factory=list)
        made["e"] = field(default=0, repr=False, compare=False)
        return made

    theirs = dataclasses.dataclass(frozen=True, slots=True, kw_only=kw_only, order=order)(
        type("Thing", (), body()))
    ours = frozen(type("Thing", (), ours_body()), kw_only=kw_only, order=order)
    return theirs, ours


@pytest.mark.parametrize("args", [((1,), {}), ((1, "y"), {"e": 5}), ((), {"a": 2, "c": (1,)})])
def test_construction_equality_hash_and_repr_match_dataclasses(args: tuple) -> None:
    positional, keywords = args
    theirs, ours = _pair()
    a, b = theirs(*positional, **keywords), ours(*positional, **keywords)
    assert repr(a) == repr(b)
    assert [getattr(a, n) for n in "abcde"] == [getattr(b, n) for n in "abcde"]
    assert b == ours(*positional, **{**keywords, "e": 99})  # 'e' is not compared
    assert b != a and b != (1, "x")
    hashable = {**keywords, "d": ()}
    assert hash(theirs(*positional, **hashable)) == hash(ours(*positional, **hashable))


def test_each_instance_gets_its_own_default_from_a_factory() -> None:
    _, ours = _pair()
    first, second = ours(1), ours(1)
    assert first.d == [] and first.d is not second.d


def test_assignment_and_deletion_are_refused() -> None:
    _, ours = _pair()
    thing = ours(1)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'a'"):
        thing.a = 2
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'a'"):
        del thing.a
    with pytest.raises(AttributeError):
        thing.other = 1  # slots: no other attributes
    assert not hasattr(thing, "__dict__")


def test_keyword_only_and_order_as_dataclasses() -> None:
    theirs, ours = _pair(kw_only=True, order=True)
    with pytest.raises(TypeError):
        ours(1)
    values = [(3, "a"), (1, "b"), (1, "a")]
    assert ([(t.a, t.b) for t in sorted(theirs(a=a, b=b) for a, b in values)]
            == [(t.a, t.b) for t in sorted(ours(a=a, b=b) for a, b in values)])
    assert ours(a=1) <= ours(a=1) < ours(a=2)


def test_post_init_and_fields_set_only_there() -> None:
    @frozen
    class Squared:
        n: int
        square: int = field(init=False, repr=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "square", self.n * self.n)

    assert Squared(3).square == 9
    assert repr(Squared(3)) == "test_post_init_and_fields_set_only_there.<locals>.Squared(n=3)"
    assert [f.name for f in fields(Squared)] == ["n", "square"]
    assert Squared.__match_args__ == ("n",)


def test_generic_classes_keep_their_parameters_and_hints() -> None:
    @frozen
    class Box(Generic[T]):
        """A box."""

        item: T
        label: str = field(default="", metadata={"unit": "cm"})

    assert Box[int](1).item == 1
    assert Box.__doc__ == "A box."
    assert fields(Box)[1].metadata == {"unit": "cm"}
    assert set(get_type_hints(Box)) == {"item", "label"}


def test_mistakes_are_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="field 'b' without a default follows one with a default"):
        frozen(type("Bad", (), {"__annotations__": {"a": "int", "b": "int"}, "a": 1}))
    base = frozen(type("Base", (), {"__annotations__": {"a": "int"}}))
    with pytest.raises(TypeError, match="'a' is already a field of a base class"):
        frozen(type("Child", (base,), {"__annotations__": {"a": "int"}}))


def test_a_subclass_has_the_base_fields_first_as_dataclasses() -> None:
    def pair(make):
        base = make(type("Base", (), {"__annotations__": {"a": "int"}}))
        child = make(type("Child", (base,), {"__annotations__": {"b": "str"}, "b": "x",
                                            "twice": lambda self: self.a * 2}))
        return base, child

    theirs_base, theirs = pair(dataclasses.dataclass(frozen=True, slots=True))
    ours_base, ours = pair(frozen)
    assert repr(theirs(1)) == repr(ours(1)) == "Child(a=1, b='x')"
    assert ours(2, "y").twice() == 4 and isinstance(ours(1), ours_base)
    assert ours(1) != ours_base(1) and ours(1) == ours(1)
    assert [f.name for f in fields(ours)] == ["a", "b"]


def test_instances_are_not_pickled_by_accident() -> None:
    """Nothing here pickles them; a slotted frozen class pickles only with help."""
    _, ours = _pair()
    with pytest.raises((TypeError, pickle.PicklingError, AttributeError)):
        pickle.dumps(ours(1))
