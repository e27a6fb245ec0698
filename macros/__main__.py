"""Command line: `python -m macros new-council DIR --name "..."` writes a new council's site;
`check` runs every check a build runs, without building; `schema` regenerates schemas;
`record-urls` adds the URLs the Code now publishes, and the wording of each new version, to
published-urls.txt (`--correct` re-records one clause's wording, with a reason);
`new-version` starts a draft from the latest version; `adopt` puts a draft in force. Every
command that changes the data ends by checking it as `check` does."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

from macros.adapters import new_council
from macros.adapters.build_checks import check_site
from macros.compute.code import Code, build_code
from macros.compute.lifecycle import Plan, Refused, plan_adopt, plan_new_version
from macros.compute.published import CorrectionRequest, record
from macros.export.schema import write_schemas
from macros.load.configfile import check_config
from macros.model.problems import CodeDataError, Problem, shown_path

MANIFEST = Path("content/data/code.yaml")
RECORD = Path("published-urls.txt")
CONFIG = Path("mkdocs.yml")


def main(argv: list[str] | None = None) -> int:
    """Run the command named in `argv` (default: the process's arguments); return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check", help="run every check a build runs, without building, and report every problem",
        description="Check the Code's data, the record of published URLs, the glossary, "
        "mkdocs.yml and the council's settings in it, as a build does, without writing a site. "
        "Prints OK, or one line per problem.")
    check.add_argument("manifest", nargs="?", type=Path,
                       help="the Code's manifest (default: the one mkdocs.yml names, else "
                       f"{MANIFEST})")
    check.add_argument("--record", type=Path,
                       help="the record of published URLs (default: the one mkdocs.yml names, "
                       f"else {RECORD} if it exists)")
    check.add_argument("--config", default=CONFIG, type=Path,
                       help=f"the site's configuration (default: {CONFIG})")
    schema = sub.add_parser("schema", help="write the JSON Schemas generated from the models")
    schema.add_argument("folder", nargs="?", default="content/pages/schema", type=Path)
    rec = sub.add_parser("record-urls", help="add every URL and anchor the Code now publishes "
                         "to the record the build checks (run after adding a version)")
    rec.add_argument("manifest", nargs="?", default=MANIFEST, type=Path)
    rec.add_argument("--record", default=RECORD, type=Path)
    rec.add_argument("--correct", nargs=2, metavar=("VERSION", "KEY"),
                     help="re-record the wording of clause or section KEY of a published "
                     "VERSION, where the data never matched the adopted text (needs --reason)")
    rec.add_argument("--reason", help="why the correction is right; written in the record")
    rec.add_argument("--new-site", action="store_true",
                     help="start the record again for the site_url of mkdocs.yml, keeping "
                     "nothing of the old one (for a record made for another site)")
    rec.add_argument("--config", default=CONFIG, type=Path,
                     help=f"the site's configuration, for its site_url (default: {CONFIG})")
    _lifecycle_commands(sub)
    new_council.add_command(sub)
    args = parser.parse_args(argv)
    if args.command == "new-council":
        return _new_council(args)
    if args.command == "record-urls":
        if (args.correct is None) != (args.reason is None):
            parser.error("--correct VERSION KEY and --reason go together")
        request = None
        if args.correct:
            version, key = args.correct
            request = CorrectionRequest(version, key, args.reason)
        return _record_urls(args.manifest, args.record, request, args.config, args.new_site)
    if args.command == "schema":
        for path in write_schemas(args.folder):
            print(f"wrote {path}")
        return 0
    if args.command == "new-version":
        return _change(args.manifest, args.record, lambda code: plan_new_version(
            code, args.manifest, Path.cwd(), args.id, args.prepared_for, args.body, args.summary))
    if args.command == "adopt":
        return _change(args.manifest, args.record, lambda code: plan_adopt(
            code, Path.cwd(), args.id, args.date, args.body))
    code, said = _checked(args.manifest, args.record, args.config)
    print(said, file=sys.stdout if code else sys.stderr)
    return 0 if code else 1


def _lifecycle_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = sub.add_parser(
        "new-version", help="start a draft version from the latest version",
        description="Write content/data/versions/ID.yaml: a draft holding the latest version's "
        "sections and clauses (without its reasons for changes, its removed clauses or its "
        "status), and list it in content/data/code.yaml. Then check the Code.")
    new.add_argument("id", metavar="ID", help="the new version's number, after the latest "
                     "(2.10 comes after 2.9), e.g. 2.1")
    new.add_argument("--for", "--date", dest="prepared_for", metavar="YYYY-MM-DD", required=True,
                     type=_date, help="the date of the meeting the draft is prepared for "
                     "(written in the file as prepared_for)")
    new.add_argument("--body", help="the body it is prepared for (default: the latest "
                     "version's body)")
    new.add_argument("--summary", help="one or two plain sentences on what the version is "
                     "(default: 'A revision of version X.', X the latest)")
    adopt = sub.add_parser(
        "adopt", help="put a draft in force from a date",
        description="Mark draft ID adopted, in force from --date (written as approved_on), the "
        "version in force before it superseded on that date, and any older draft replaced by "
        "it (not adopted as it stood; it stays published as it was). Only the fields status, "
        "approved_on, body, superseded_on and replaced_by change; the rest of each file stays "
        "as it is. Then check the Code.")
    adopt.add_argument("id", metavar="ID", help="the draft's version number, e.g. 2.0")
    adopt.add_argument("--date", metavar="YYYY-MM-DD", required=True, type=_date,
                       help="the date it was approved, which it is in force from (written in "
                       "the file as approved_on)")
    adopt.add_argument("--body", help="the body that approved it, if not the one it was "
                       "prepared for")
    for command in (new, adopt):
        command.add_argument("--manifest", default=MANIFEST, type=Path,
                             help=f"the Code's manifest (default: {MANIFEST})")
        command.add_argument("--record", type=Path,
                             help="the record of published URLs to check (default: the one "
                             f"mkdocs.yml names, else {RECORD} if it exists)")


def _new_council(args: argparse.Namespace) -> int:
    """Write the new council's site, check its data, and say what to do next."""
    try:
        council = new_council.council_of(args)
        new_council.write_site(args.folder, council, dt.date.today())
    except new_council.Refused as err:
        print(f"{err}\nNothing was changed.", file=sys.stderr)
        return 1
    folder = args.folder
    code = build_code(folder / MANIFEST, folder)
    clauses = sum(len(v.clauses()) for v in code.versions)
    print(f"Wrote {folder}/: the site of {council.name} for its {council.title}, with an "
          f"example version 1.0 to replace.\n"
          f"OK: {len(code.versions)} version(s), {clauses} clauses\n"
          f"Next: read {folder}/README.md and replace the lines of {folder}/mkdocs.yml "
          f"marked REPLACE; then, in {folder}, preview the site with: "
          ".venv/bin/mkdocs serve --strict")
    return 0


def _date(text: str) -> dt.date:
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD, e.g. "
                                     "2019-10-15")


def _site_url(config: Path) -> tuple[str | None, list[Problem]]:
    """The site_url of the site's configuration, if there is one, and its problems."""
    if not config.is_file():
        return None, []
    checked = check_config(config, Path.cwd())
    return checked.text("site_url"), list(checked.problems)


def _checked(manifest: Path | None, record_path: Path | None,
             config: Path = CONFIG) -> tuple[Code | None, str]:
    """The Code checked as a build of `config` checks it, and 'OK: ...' or its problems."""
    found = check_site(Path.cwd() / config, manifest, record_path)
    if found.code is None:
        return None, str(CodeDataError(found.problems))
    code = found.code
    clauses = sum(len(v.clauses()) for v in code.versions)
    recorded = (f"; every URL in {shown_path(found.record, Path.cwd())} resolves"
                if found.record is not None else "")
    return code, f"OK: {len(code.versions)} version(s), {clauses} clauses{recorded}"


def _change(manifest: Path, record_path: Path | None, plan_of: Callable[[Code], Plan]) -> int:
    """Check the Code, plan the change, make it and check again; undo it if that fails."""
    code, said = _checked(manifest, record_path)
    if code is None:
        print(f"{said}\nNothing was changed: fix these problems first.", file=sys.stderr)
        return 1
    try:
        plan = plan_of(code)
    except Refused as err:
        print(f"{err}\nNothing was changed.", file=sys.stderr)
        return 1
    plan.write()
    code, said = _checked(manifest, record_path)
    if code is None:
        plan.undo()
        print(f"{said}\nNothing was changed: the change would leave these problems.",
              file=sys.stderr)
        return 1
    print("\n".join([*plan.said, said]))
    return 0


def _record_urls(manifest: Path, record_path: Path, request: CorrectionRequest | None,
                 config: Path, new_site: bool) -> int:
    site_url, problems = _site_url(config)
    if new_site and not site_url:
        print(f"--new-site needs site_url in {config}. Fix: set site_url to the address "
              f"where the site is published.\n{record_path} is unchanged.", file=sys.stderr)
        return 1
    found = (check_site(Path.cwd() / config, manifest, with_record=False).problems
             if config.is_file() and not problems else ())
    if found:
        print(f"{CodeDataError(found)}\n{record_path} is unchanged: fix these problems first.",
              file=sys.stderr)
        return 1
    try:
        if problems:
            raise CodeDataError(problems)
        outcome = record(manifest, record_path, Path.cwd(), request, site_url=site_url,
                         new_site=new_site)
    except CodeDataError as err:
        print(f"{err}\n{record_path} is unchanged: fix these problems first.", file=sys.stderr)
        return 1
    if outcome.problems:
        print(f"{record_path} is unchanged: first fix these problems:", file=sys.stderr)
        print("\n".join(str(p) for p in outcome.problems), file=sys.stderr)
        return 1
    print(outcome.summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
