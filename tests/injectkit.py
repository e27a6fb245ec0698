"""A small council whose every string carries markup: in each data file, in `extra`, in
`site_name` and `site_description`, in the glossary and in each hand page's title.

Each string field (fields holding the same value form one field, so that a clause's
unchanged wording stays unchanged between versions) gets its own numbered payload, added
after its value. The payloads, from the most dangerous down (the first the data checks
accept is used):

- "markup": elements, an attribute-ending quote, an inline handler, a javascript: link,
  a refresh, Markdown's link and attribute-list syntax ("short markup": the first two, for
  fields of limited length);
- "marks": markup hidden behind the clause text's own marks (`**<**img ...`), which a
  check of the source for '<' followed by a letter lets through;
- "text": quotes and character references only (`&lt;s ...&gt;`), which the clause text
  takes as text and which must still be shown as text wherever they go.

A field that refuses all three (keys, ids, dates, e-mail addresses: checked values) is
listed with the check's message. Every payload marks what it could inject with the
attribute `data-inj` (or a `javascript:` address, or an `alert()`), and carries a
word of its own, `zq<N>x`, to search for.
"""

from __future__ import annotations

import copy
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from testkit import FIXTURES, ROOT

from macros.compute.code import build_code
from macros.load.glossary import parse_glossary
from macros.load.settings import SettingsError, read_settings
from macros.model.problems import CodeDataError

MARK = "data-inj"
DATA = FIXTURES / "two-versions" / "content" / "data"
HAND_PAGES = ("concerns.md", "accessibility.md", "glossary.md")
GLOSSARY = "*[LGA]: Local Government Association\n*[Cllr]: Councillor\n"


def word(n: int) -> str:
    """The searchable word of payload `n`."""
    return f"zq{n}x"


def markup(n: int) -> str:
    return (f'{word(n)} </title></script><i {MARK}>i</i> "><b {MARK}>b</b> \'><u {MARK}>u '
            f'<img src=x onerror=alert({n}) {MARK}> [j](javascript:alert({n})) '
            f'<meta {MARK} http-equiv="refresh" content="1;url=about:blank"> '
            f'{{: {MARK} }} &lt;s {MARK}&gt;')


def short_markup(n: int) -> str:
    return f'{word(n)} <i {MARK}>i</i> "><b {MARK}>b</b> \' {MARK}=\''


def marks(n: int) -> str:
    return (f'{word(n)} **<**i {MARK}>i *<*img src=x onerror=alert({n}) {MARK}> '
            f'[<](https://example.org)svg {MARK}> " {MARK}=" \' {MARK}=\' &lt;s {MARK}&gt;')


def text(n: int) -> str:
    return f'{word(n)} " {MARK}=" \' {MARK}=\' &lt;s {MARK}&gt;'


PAYLOADS: dict[str, Callable[[int], str]] = {
    "markup": markup, "short markup": short_markup, "marks": marks, "text": text}

# A home page that writes every kind of value the macros offer into its Markdown: as a
# paragraph's text, at the start of a line, in a heading, and as a link's text. It has no
# heading of its own, so the search index takes its title from the front matter.
HOME = """\
---
title: Home of the council
---

{{ council_name }} and {{ config.extra.council.name }} publish the {{ code_title }}.

{{ config.site_name }}: {{ config.site_description }}

## About {{ code_title }}

[{{ monitoring_officer.post }}](https://example.org/) {{ monitoring_officer.name }},
{{ accessibility.method }}; in force: {{ current_version_link() }} of {{ current_version_date }}.

{{ guidance_callout("help") }}

Read {{ guidance_link("help") }}.
"""


@dataclass
class Field:
    """One string field: every place in the files that holds the same value."""

    value: str  # as the fixture's source has it
    where: list[str]  # 'versions/1.0.yaml: sections.0.title', ...
    places: list[tuple[str, tuple[Any, ...]]]  # (file, path of keys) for each place
    number: int
    payload: str | None = None  # the name of the payload it carries
    refused: str = ""  # the message of the check that refused every payload


@dataclass
class InjectedCouncil:
    """The fixture: its mkdocs.yml, and what each field carries."""

    config: Path
    fields: list[Field] = field(default_factory=list)

    def carrying(self, payload: str) -> list[Field]:
        return [f for f in self.fields if f.payload == payload]

    def refused(self) -> list[Field]:
        return [f for f in self.fields if f.payload is None]

    def field_at(self, where: str) -> Field:
        return next(f for f in self.fields if where in f.where)

    def value(self, where: str) -> str:
        """The value the field at `where` has in the fixture: as written, then its payload."""
        f = self.field_at(where)
        assert f.payload is not None, f"{where} refuses every payload: {f.refused}"
        return f"{f.value} {PAYLOADS[f.payload](f.number)}"

    def summary(self) -> str:
        counts = ", ".join(f"{len(self.carrying(p))} {p}" for p in PAYLOADS)
        return (f"data is text: {len(self.fields)} string fields ({counts}; "
                f"{len(self.refused())} refused by the data checks)")


def _strings(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def _set(doc: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        doc = doc[part]
    doc[path[-1]] = value


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


class _Files:
    """The fixture's files as data: the YAML documents and the glossary, or the settings
    and the hand pages' titles."""

    def __init__(self, docs: dict[str, Any]) -> None:
        self.docs = docs

    def with_payloads(self, fields: list[Field], chosen: dict[int, str]) -> dict[str, Any]:
        docs = copy.deepcopy(self.docs)
        for f in fields:
            if f.number in chosen:
                for name, path in f.places:
                    original = _get(self.docs[name], path)
                    _set(docs[name], path, f"{original} {chosen[f.number]}")
        return docs


def _fields(docs: dict[str, Any], first: int) -> list[Field]:
    by_value: dict[str, Field] = {}
    for name, doc in docs.items():
        for path, value in _strings(doc):
            found = by_value.get(value)
            if found is None:
                found = by_value[value] = Field(value, [], [], first + len(by_value))
            found.where.append(f"{name}: {'.'.join(map(str, path))}")
            found.places.append((name, path))
    return list(by_value.values())


def _write_data(docs: dict[str, Any], folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "versions").mkdir(parents=True)
    for name, doc in docs.items():
        if name.endswith(".yaml"):
            (folder / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True),
                                       encoding="utf-8")
    glossary = "".join(f"*[{term}]: {title}\n" for term, title in docs["glossary"].items())
    (folder / "glossary.md").write_text(glossary, encoding="utf-8")


def _data_problem(docs: dict[str, Any], scratch: Path) -> str:
    """The first line of what the data checks say about `docs`, or '' if they accept them."""
    _write_data(docs, scratch)
    glossary = parse_glossary((scratch / "glossary.md").read_text(encoding="utf-8"),
                              "glossary.md")
    if isinstance(glossary, list):
        return str(glossary[0])
    try:
        build_code(scratch / "code.yaml", scratch)
    except CodeDataError as err:
        return str(err.problems[0])
    return ""


def _settings_problem(docs: dict[str, Any]) -> str:
    try:
        read_settings(docs["mkdocs.yml"]["extra"], "mkdocs.yml")
    except SettingsError as err:
        return str(err.problems[0])
    return ""


def _choose(fields: list[Field], files: _Files, accepts: Callable[[dict[str, Any]], str]) -> None:
    """Give each field the most dangerous payload the checks accept, alone in the files."""
    for f in fields:
        for name, payload in PAYLOADS.items():
            problem = accepts(files.with_payloads(fields, {f.number: payload(f.number)}))
            if not problem:
                f.payload = name
                break
            f.refused = problem


def _settings() -> dict[str, Any]:
    real = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return {"site_name": real["site_name"], "site_description": real["site_description"],
            "extra": real["extra"]}


def _hand_titles() -> dict[str, str]:
    titles = {"index.md": "Home of the council"}
    for name in HAND_PAGES:
        head = (ROOT / "content" / "pages" / name).read_text(encoding="utf-8").split("---")[1]
        titles[name] = yaml.safe_load(head)["title"]
    return titles


def _mkdocs_yml(settings: dict[str, Any]) -> dict[str, Any]:
    real = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {**real, **settings}
    config["site_url"] = "https://injected.example.org/"
    config["theme"] = dict(real["theme"])
    config["nav"] = [{"Home": "index.md"}, {"The Code in force": "code/index.md"},
                     {"Members' comments": "consultation/index.md"},
                     {"Further guidance": "guidance/index.md"},
                     {"Concerned?": "concerns.md"}, {"Abbreviations": "glossary.md"},
                     {"Accessibility statement": "accessibility.md"}]
    config["plugins"] = ["search", {"clauses": {"manifest": "content/data/code.yaml"}},
                         next(p for p in real["plugins"] if isinstance(p, dict) and "macros" in p)]
    return config


def _write_pages(pages: dict[str, str], folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, title in pages.items():
        source = HOME if name == "index.md" else (ROOT / "content" / "pages" / name).read_text(
            encoding="utf-8")
        # The real pages name the real guidance; the fixture's one entry is "help".
        body = re.sub(r'guidance_(link|callout)\("[a-z0-9-]+"\)', r'guidance_\1("help")',
                      source.split("---", 2)[2])
        (folder / name).write_text(f"---\ntitle: {yaml.safe_dump(title).strip()}\n---{body}",
                                   encoding="utf-8")


def make_injected_council(root: Path) -> InjectedCouncil:
    """Write the fixture council into `root`: data, hand pages and mkdocs.yml, every string
    field carrying the most dangerous payload the data checks accept for it."""
    data = {name: yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
            for name in ("code.yaml", "guidance.yaml", "consultation.yaml",
                         "versions/1.0.yaml", "versions/2.0.yaml")}
    data["glossary"] = dict(line[2:].split("]: ", 1) for line in GLOSSARY.splitlines())
    data_fields = _fields(data, 1)
    data_files = _Files(data)
    _choose(data_fields, data_files, lambda docs: _data_problem(docs, root / "scratch"))
    shutil.rmtree(root / "scratch")

    settings = {"mkdocs.yml": _settings(), "pages": _hand_titles()}
    settings_fields = _fields(settings, len(data_fields) + 1)
    settings_files = _Files(settings)
    _choose(settings_fields, settings_files, _settings_problem)

    chosen = {f.number: PAYLOADS[f.payload](f.number)
              for f in data_fields + settings_fields if f.payload}
    _write_data(data_files.with_payloads(data_fields, chosen), root / "content" / "data")
    injected = settings_files.with_payloads(settings_fields, chosen)
    _write_pages(injected["pages"], root / "content" / "pages")
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(_mkdocs_yml(injected["mkdocs.yml"]), sort_keys=False,
                                     allow_unicode=True), encoding="utf-8")
    return InjectedCouncil(config, data_fields + settings_fields)
