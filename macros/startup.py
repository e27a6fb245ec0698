"""Spare each build start-up work of mkdocs-macros-plugin 1.5 that this site never uses.

Both are guarded: each does nothing when what it expects is absent (the
`requests` package, the plugin's `get_git_info`), and neither changes what a
build produces. The benchmark's start-up line (./bench-run.sh) measures the imports.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

# Imported by mkdocs_macros.util at load time, used only to ask PyPI about pluglets.
DEFERRED_MODULES = ("requests",)


class _OnFirstUse(types.ModuleType):
    """Stands in for a module in `sys.modules` until one of its attributes is used."""

    def __getattr__(self, attr: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attr)


def defer_import(name: str) -> bool:
    """Have `import name` give a stand-in that imports the module when first used.

    mkdocs-macros-plugin imports `requests` (about 60 ms with its dependencies)
    only to look packages up on PyPI, which a build of this site never does; if
    anything does use it, the real module loads then and behaves as usual. (The
    standard library's LazyLoader does not help: `import` itself reads the
    module's `__spec__`, which makes LazyLoader load it at once.)

    Returns False, doing nothing, when the module is already loaded or absent.
    """
    if name in sys.modules or importlib.util.find_spec(name) is None:
        return False
    stand_in = _OnFirstUse(name)
    stand_in.__spec__ = None  # `import name` asks whether the module is still initialising
    sys.modules[name] = stand_in
    return True


def defer_unused_imports() -> None:
    for name in DEFERRED_MODULES:
        defer_import(name)


def skip_macros_git_info() -> None:
    """Spare every build the twelve `git` commands mkdocs-macros-plugin runs at start.

    mkdocs-macros-plugin 1.5 fills a `git` variable (last commit, tag, author) by
    running git twelve times, about 65 ms a build; no page of this site uses it, and
    with `on_undefined: strict` a page that tried would fail the build by name.
    """
    try:
        import mkdocs_macros.context as macros_context
    except ImportError:
        return
    if hasattr(macros_context, "get_git_info"):
        macros_context.get_git_info = lambda: {"status": False, "date": None}
