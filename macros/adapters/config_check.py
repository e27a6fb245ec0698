"""`python -m macros.adapters.config_check [mkdocs.yml]`: check the site's configuration file
before MkDocs reads it.

MkDocs reads mkdocs.yml before any plugin runs, and a date that does not exist there
(`tested: 2026-02-30`) stops it with a traceback. site-build.sh runs this first, so that
such a slip, like a key given twice, is one line naming the file, the line and the setting.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.load.configfile import check_config
from macros.model.problems import CodeDataError


def main(argv: list[str] | None = None) -> int:
    """Check the configuration file named in `argv` (default mkdocs.yml); 1 if it has problems."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "mkdocs.yml")
    problems = check_config(path, path.parent).problems
    if problems:
        print(CodeDataError(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
