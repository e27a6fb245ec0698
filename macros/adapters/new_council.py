"""`python -m macros new-council DIR --name "..."`: the whole site of a new council, in a new
folder, ready to build.

It writes the site's settings (mkdocs.yml), an example version of the document to replace,
the hand-written pages (which take every fact about the council from the settings and the
data), a glossary, an empty record of published URLs and a README with the site's commands,
from the files in `council/` beside this module. The generator, its templates, the theme's
overrides and the assets are not copied: they come from the installed package.

The folder is written beside its final place and renamed into it at the end (into an empty
folder, its files are moved), so a command that fails leaves nothing behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import NamedTuple
from urllib.parse import urlsplit

import yaml

from macros.compute.recordfile import EMPTY as EMPTY_RECORD
from macros.compute.recordfile import updated_text
from macros.load.settings import DEFAULT_DOCUMENT

COUNCIL_FILES = Path(__file__).parent / "council"
SITE_FILES = COUNCIL_FILES / "files"
VERSION_FILE = COUNCIL_FILES / "version.yaml"
EXAMPLE_SECTIONS = COUNCIL_FILES / "example-sections.yaml"
DEFAULT_SITE_URL = "https://www.example.org/social-media-code/"
_RENAMED = {"gitignore": ".gitignore"}  # files a package cannot hold under their own name
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SITE_URL = re.compile(r"^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s#?]*)?/$")


class Refused(Exception):
    """The command cannot do what it was asked; the message says why, in one line."""


class VersionHead(NamedTuple):
    """The fields at the top of a version file."""

    id: str
    title: str
    status: str  # draft, adopted or superseded
    body: str
    date: dt.date  # the date approved; for a draft, of the meeting it is prepared for
    summary: str


def version_text(head: VersionHead, sections: str, comment: str = "") -> str:
    """A version file: its fields, then `sections` (the YAML list under 'sections:', indented
    by two spaces). Every version file the package writes for a new site is written here."""
    return Template(VERSION_FILE.read_text(encoding="utf-8")).substitute(
        comment="".join(f"# {line}".rstrip() + "\n" for line in comment.splitlines()),
        id_yaml=_yaml(head.id), title_yaml=_yaml(head.title), status=head.status,
        body_yaml=_yaml(head.body),
        date_field="prepared_for" if head.status == "draft" else "approved_on",
        date=head.date.isoformat(),
        summary_yaml=_yaml(head.summary), sections=sections.rstrip("\n"))


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `new-council` command and its options."""
    new = sub.add_parser(
        "new-council", help="write the whole site of a new council in a new folder",
        description="Write a new folder holding a council's site: its settings (mkdocs.yml), "
        "an example version of its document to replace, its hand-written pages, a glossary, "
        "an empty record of published URLs and a README with its commands. The generator "
        "and the look of the pages come from this package, so upgrading it updates the site.")
    new.add_argument("folder", metavar="DIR", type=Path,
                     help="the new folder; it must not exist, or be empty")
    new.add_argument("--name", required=True,
                     help="the council's name, e.g. \"Anyshire County Council\"")
    new.add_argument("--document", default=DEFAULT_DOCUMENT,
                     help="what the council calls the document, e.g. Protocol (default: Code)")
    new.add_argument("--title", help="the document's title (default: "
                     "'Social Media <document> for Councillors')")
    new.add_argument("--site-url", default=DEFAULT_SITE_URL,
                     help=f"the address the site will be published at, ending in / "
                     f"(default: {DEFAULT_SITE_URL}, to replace)")


class Council(NamedTuple):
    """What the command was told about the new council."""

    name: str
    document: str
    title: str
    site_url: str


def council_of(args: argparse.Namespace) -> Council:
    """The council the arguments describe; Refused if one of them cannot be used."""
    name = _words("--name", args.name, "the council's name, e.g. --name \"Anyshire County "
                  "Council\"")
    document = _words("--document", args.document, "one or two words, e.g. --document Protocol")
    title = _words("--title", args.title or f"Social Media {document} for Councillors",
                   "the document's title, e.g. --title \"Councillors' Social Media Protocol\"")
    if not _SITE_URL.match(args.site_url):
        raise Refused(f"--site-url '{args.site_url}' is not an address starting https:// and "
                      "ending in /. Fix: give the address the site will be published at, e.g. "
                      f"--site-url {DEFAULT_SITE_URL}")
    return Council(name, document, title, args.site_url)


def _words(option: str, value: str, fix: str) -> str:
    words = " ".join(value.split())
    if not words:
        raise Refused(f"{option} is empty. Fix: give {fix}")
    if _CONTROL.search(value.strip()) or len(words) > 200:
        raise Refused(f"{option} is not one line of at most 200 characters. Fix: give {fix}")
    return words


def write_site(folder: Path, council: Council, today: dt.date) -> None:
    """Write the council's site into `folder` (new, or empty); Refused if it cannot."""
    if folder.exists() and not folder.is_dir():
        raise Refused(f"{folder} is a file. Fix: give the path of a new folder.")
    if folder.is_dir() and any(folder.iterdir()):
        raise Refused(f"{folder} already exists and is not empty. Fix: give the path of a new "
                      "folder, or of an empty one.")
    target = folder.resolve()
    if not target.parent.is_dir():
        raise Refused(f"{target.parent} does not exist. Fix: create it first, or give a folder "
                      "in one that exists.")
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        _fill(building, council, today)
        if target.is_dir():  # empty: the files move into it, so a shell inside it stays there
            for entry in sorted(building.iterdir()):
                entry.replace(target / entry.name)
        else:
            building.chmod(0o755)
            building.replace(target)
    finally:
        shutil.rmtree(building, ignore_errors=True)


def _fill(root: Path, council: Council, today: dt.date) -> None:
    values = _values(council, today)
    for source in sorted(SITE_FILES.rglob("*")):
        if source.is_dir():
            continue
        relative = source.relative_to(SITE_FILES)
        target = root / relative.parent / _RENAMED.get(relative.name, relative.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(Template(source.read_text(encoding="utf-8")).substitute(values),
                          encoding="utf-8")
    example = VersionHead(
        "1.0", council.title, "adopted", "Standards Committee", today,
        f"An example to replace with the first version of the council's own {council.document}.")
    version = root / "content" / "data" / "versions" / "1.0.yaml"
    version.parent.mkdir(parents=True)
    version.write_text(version_text(
        example, EXAMPLE_SECTIONS.read_text(encoding="utf-8"),
        comment=f"An EXAMPLE to replace with the council's own {council.document}: its "
        "status, the body that\napproved it, the date and every section and clause."),
        encoding="utf-8")
    (root / "published-urls.txt").write_text(
        updated_text(EMPTY_RECORD, (), (), site=council.site_url), encoding="utf-8")


def _values(council: Council, today: dt.date) -> Mapping[str, str]:
    description = f"The {council.title} of {council.name}, clause by clause, with every version."
    return {
        "council_name": council.name, "council_yaml": _yaml(council.name),
        "document": council.document, "document_yaml": _yaml(council.document),
        "title": council.title, "title_yaml": _yaml(council.title),
        "description_yaml": _yaml(description), "site_url": council.site_url,
        "preview": "http://127.0.0.1:8000" + urlsplit(council.site_url).path,
        "today": today.isoformat(),
    }


def _yaml(text: str) -> str:
    """`text` as a YAML value: plain where YAML reads it back as that text, else quoted."""
    if (re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.()-]*[A-Za-z0-9.)]", text) and ": " not in text
            and yaml.safe_load(text) == text):
        return text
    return json.dumps(text, ensure_ascii=False)
