"""Python's garbage collector during a build: fewer passes while the pages are written, none
while the Code loads (see each function)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

USUAL_THRESHOLD = gc.get_threshold()


def fewer_collections_while_building() -> None:
    """Collect the youngest objects every 50,000 allocations instead of every 700 until the
    site is written (`on_post_build` sets the usual threshold back).

    Writing the pages makes many short-lived objects (Markdown's trees, the templates'
    output) and few reference cycles, so the collector's frequent passes over them find
    almost nothing; on the real site they took a few per cent of the build. Cycles are still
    collected, only less often.
    """
    gc.set_threshold(50_000, *USUAL_THRESHOLD[1:])


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Load the Code without Python's cycle collector, then exempt it from later collections.

    Loading builds millions of small objects and no garbage cycles; the collector
    would walk all of them each time the heap grows by a quarter, so loading a
    5,000-clause Code of 10 versions took three times as long. The loaded Code is
    read-only, so later collections skip it (`gc.freeze`); its objects are still
    freed as usual when nothing refers to them.
    """
    gc.unfreeze()  # a rebuild under `mkdocs serve` may collect what the last build froze
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()
