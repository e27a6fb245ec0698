"""Command line: `python -m macros check` validates the data; `schema` regenerates schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .code import build_code
from .problems import CodeDataError
from .schema import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the Code's data and report every problem")
    check.add_argument("manifest", nargs="?", default="content/data/code.yaml", type=Path)
    schema = sub.add_parser("schema", help="write the JSON Schemas generated from the models")
    schema.add_argument("folder", nargs="?", default="content/pages/schema", type=Path)
    args = parser.parse_args(argv)
    if args.command == "schema":
        for path in write_schemas(args.folder):
            print(f"wrote {path}")
        return 0
    try:
        code = build_code(args.manifest, Path.cwd())
    except CodeDataError as err:
        print(err, file=sys.stderr)
        return 1
    clauses = sum(len(v.clauses()) for v in code.versions)
    print(f"OK: {len(code.versions)} version(s), {clauses} clauses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
