"""What the last load of the Code made, kept for the next load while the site is previewed.

A preview loads the whole Code again after every save, though a save changes one file: a
version file of 1,000 clauses takes a tenth of a second or more to parse and validate, and
numbering it and comparing it with the version before take as long again. `Kept` holds each
step's result with what it was made from: a file's bytes (by their SHA-256), or the very
objects the step read (the same objects when the step before was itself kept). A step whose
inputs are the same returns the same result, unchanged and shared; any other input makes it
again. A `build` keeps nothing (it passes no `Kept`), so what it makes never depends on this.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

# Values compared by what they hold; anything else (records, named tuples) must be the very
# same object. Plain tuples are compared item by item.
_BY_VALUE = (str, bytes, int, float, bool, type(None), frozenset)


def _same(a: object, b: object) -> bool:
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, _BY_VALUE):
        return a == b
    if type(a) is tuple:
        items = b if isinstance(b, tuple) else ()
        return len(a) == len(items) and all(_same(x, y) for x, y in zip(a, items, strict=True))
    return False


def file_digest(data: bytes) -> bytes:
    """What a file held, as an input of a kept step."""
    return hashlib.sha256(data).digest()


class Kept:
    """Each step's last result, by the step's name, with the inputs it was made from."""

    def __init__(self) -> None:
        self._steps: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}

    def get(self, step: Hashable, inputs: tuple[Any, ...], make: Callable[[], T]) -> T:
        """The result of `step` for `inputs`: the last one if its inputs were the same (the
        same objects, or equal text, bytes and numbers), else `make()`, kept for next time.

        The last result is replaced, so at most one result is kept for each step."""
        last = self._steps.get(step)
        if last is not None and _same(last[0], inputs):
            found: T = last[1]
            return found
        made = make()
        self._steps[step] = (inputs, made)
        return made

    def __len__(self) -> int:
        return len(self._steps)
