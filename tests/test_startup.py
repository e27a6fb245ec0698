"""What the build skips at start is skipped, and still works if it is used."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from testkit import ROOT


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_macros_plugin_loads_without_importing_requests() -> None:
    out = _run("""
        import sys
        import macros.mkdocs_plugin  # MkDocs loads this plugin before the macros plugin
        import mkdocs_macros.plugin
        print(sorted(m for m in ("requests", "urllib3", "charset_normalizer", "idna")
                     if m in sys.modules and type(sys.modules[m]).__name__ != "_OnFirstUse"))
    """)
    assert out == "[]"


def test_deferred_module_works_when_used() -> None:
    out = _run("""
        import sys
        import macros.mkdocs_plugin
        import mkdocs_macros.util as util
        error = util.requests.exceptions.RequestException
        import requests
        print(error is requests.exceptions.RequestException, sys.modules["requests"] is requests,
              type(requests).__name__, callable(util.requests.get))
    """)
    assert out == "True True module True"


def test_an_already_loaded_module_is_left_alone() -> None:
    out = _run("""
        import requests
        from macros.startup import defer_import
        import sys
        print(defer_import("requests"), sys.modules["requests"] is requests,
              defer_import("no_such_module_here"))
    """)
    assert out == "False True False"


def test_importing_a_submodule_of_a_deferred_module_loads_it_as_usual() -> None:
    out = _run("""
        import macros.mkdocs_plugin
        import requests.adapters
        from requests import Session
        print(type(requests).__name__, requests.adapters.HTTPAdapter.__name__, Session.__name__)
    """)
    assert out == "module HTTPAdapter Session"
