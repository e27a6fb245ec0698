"""Command line: `python -m macros check` validates the data; `schema` regenerates schemas;
`record-urls` adds the URLs the Code now publishes, and the wording of each new version, to
published-urls.txt (`--correct` re-records one clause's wording, with a reason)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.adapters.version_site import check_record
from macros.compute.code import build_code
from macros.compute.published import CorrectionRequest, record
from macros.export.schema import write_schemas
from macros.model.problems import CodeDataError


def main(argv: list[str] | None = None) -> int:
    """Run the command named in `argv` (default: the process's arguments); return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the Code's data and report every problem")
    check.add_argument("manifest", nargs="?", default="content/data/code.yaml", type=Path)
    check.add_argument("--record", default="published-urls.txt", type=Path,
                       help="also check this record of published URLs, if it exists")
    schema = sub.add_parser("schema", help="write the JSON Schemas generated from the models")
    schema.add_argument("folder", nargs="?", default="content/pages/schema", type=Path)
    rec = sub.add_parser("record-urls", help="add every URL and anchor the Code now publishes "
                         "to the record the build checks (run after adding a version)")
    rec.add_argument("manifest", nargs="?", default="content/data/code.yaml", type=Path)
    rec.add_argument("--record", default="published-urls.txt", type=Path)
    rec.add_argument("--correct", nargs=2, metavar=("VERSION", "KEY"),
                     help="re-record the wording of clause or section KEY of a published "
                     "VERSION, where the data never matched the adopted text (needs --reason)")
    rec.add_argument("--reason", help="why the correction is right; written in the record")
    args = parser.parse_args(argv)
    if args.command == "record-urls":
        if (args.correct is None) != (args.reason is None):
            parser.error("--correct VERSION KEY and --reason go together")
        request = None
        if args.correct:
            version, key = args.correct
            request = CorrectionRequest(version, key, args.reason)
        return _record_urls(args.manifest, args.record, request)
    if args.command == "schema":
        for path in write_schemas(args.folder):
            print(f"wrote {path}")
        return 0
    try:
        code = build_code(args.manifest, Path.cwd())
        if args.record.is_file():
            check_record(code, args.record, Path.cwd())
    except CodeDataError as err:
        print(err, file=sys.stderr)
        return 1
    clauses = sum(len(v.clauses()) for v in code.versions)
    recorded = f"; every URL in {args.record} resolves" if args.record.is_file() else ""
    print(f"OK: {len(code.versions)} version(s), {clauses} clauses{recorded}")
    return 0


def _record_urls(manifest: Path, record_path: Path, request: CorrectionRequest | None) -> int:
    try:
        outcome = record(manifest, record_path, Path.cwd(), request)
    except CodeDataError as err:
        print(err, file=sys.stderr)
        return 1
    if outcome.problems:
        print(f"{record_path} is unchanged: first fix these problems:", file=sys.stderr)
        print("\n".join(str(p) for p in outcome.problems), file=sys.stderr)
        return 1
    print(outcome.summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
