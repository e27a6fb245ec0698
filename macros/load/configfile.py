"""The site's configuration file (mkdocs.yml), checked as strictly as the data.

MkDocs reads the file itself, before any plugin runs: it silently keeps the second of two
equal keys, and stops with a traceback at a date that does not exist. `check_config` reads
the same file (and the files it INHERITs from) again, as nodes only, so that each of these
is one line naming the file, the line and the setting; the lines it finds also let a
problem with a setting name its line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from macros.load.yamlfile import YamlDoc, read_file
from macros.model.problems import Problem, shown_path

# MkDocs' own loader builds these from plain text; each raises a bare ValueError on a value
# it cannot build (a date that does not exist, a number of thousands of digits).
_BUILT = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_MAX_PARENTS = 10


class ConfigCheck(NamedTuple):
    """The configuration file and the files it inherits from, and what is wrong in them."""

    problems: tuple[Problem, ...]
    docs: tuple[YamlDoc, ...]  # the file first, then each file it INHERITs from

    def text(self, name: str) -> str | None:
        """The text of top-level setting `name` (e.g. 'site_url'), as the file that sets it
        first (the file itself, then those it inherits from) gives it; None if unset."""
        for doc in self.docs:
            if isinstance(doc.root, yaml.MappingNode):
                for key, value in doc.root.value:
                    if key.value == name and isinstance(value, yaml.ScalarNode):
                        return str(value.value)
        return None

    def locate(self, loc: Sequence[str | int]) -> tuple[str, int | None]:
        """The file and line of the setting at `loc` (e.g. ('extra', 'council', 'name')): in
        the file that holds most of the path, the file itself before those it inherits from."""
        best: tuple[int, YamlDoc] | None = None
        for doc in self.docs:
            depth = doc.depth(loc)
            if best is None or depth > best[0]:
                best = (depth, doc)
        if best is None:
            return "", None
        return best[1].file, best[1].line(loc)


def check_config(path: Path, base: Path) -> ConfigCheck:
    """Read `path` and every file it INHERITs from; names are shown relative to `base`."""
    problems: list[Problem] = []
    docs: list[YamlDoc] = []
    seen: set[Path] = set()
    current: Path | None = path
    while current is not None and len(docs) < _MAX_PARENTS:
        seen.add(current.resolve())
        shown = shown_path(current, base)
        doc = _compose(current, shown)
        if isinstance(doc, Problem):
            problems.append(doc)
            break
        docs.append(doc)
        problems.extend(_values(doc, doc.root, ()))
        parent = _inherits(doc)
        current = current.parent / parent if parent else None
        if current is not None and current.resolve() in seen:
            break
    return ConfigCheck(tuple(problems), tuple(docs))


_COMPOSER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(path: Path, shown: str) -> YamlDoc | Problem:
    """The file's nodes (nothing is built from them, so no tag can fail), or why not."""
    raw = read_file(path, shown, listed_in="the command that builds the site",
                    directory_fix="name the configuration file, not its folder",
                    size_fix="keep the site's settings in mkdocs.yml and the Code in its data")
    if isinstance(raw, Problem):
        return raw
    try:
        # libyaml's composer when PyYAML has it: the same nodes (a plain scalar's style is
        # '' there, None in the Python one), several times faster.
        root = yaml.compose(raw.decode("utf-8"), Loader=_COMPOSER)
    except UnicodeDecodeError as err:
        return Problem(shown, raw[: err.start].count(b"\n") + 1, None,
                       f"not UTF-8 text (byte 0x{raw[err.start]:02x} cannot be read)",
                       "save the file with UTF-8 encoding")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = (err.problem or err.context or "cannot be read").rstrip(".")
        return Problem(shown, mark.line + 1 if mark else None, None,
                       f"malformed YAML: {problem}",
                       "correct the YAML syntax near that line (indent with spaces, quote "
                       "text with ':')")
    except (yaml.YAMLError, RecursionError) as err:
        return Problem(shown, None, None, f"malformed YAML: {' '.join(str(err).split())}",
                       "correct the YAML syntax")
    return YamlDoc(shown, None, root)


def _inherits(doc: YamlDoc) -> str | None:
    """The file this one INHERITs from, as written."""
    if isinstance(doc.root, yaml.MappingNode):
        for key, value in doc.root.value:
            if (isinstance(key, yaml.ScalarNode) and key.value == "INHERIT"
                    and isinstance(value, yaml.ScalarNode) and value.value):
                return str(value.value)
    return None


def _values(doc: YamlDoc, node: yaml.Node | None, path: tuple[str | int, ...]
            ) -> Iterator[Problem]:
    """Every key given twice in one mapping, and every value MkDocs' loader cannot build."""
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                line = key.start_mark.line + 1
                name = str(key.value)
                if name in first:
                    yield Problem(doc.file, line, _dotted((*path, name)),
                                  f"'{name}' is given twice, at lines {first[name]} and "
                                  f"{line}; MkDocs would silently keep only the second",
                                  f"remove one of the two '{name}:' lines")
                else:
                    first[name] = line
                yield from _values(doc, value, (*path, name))
            else:
                yield from _values(doc, value, (*path, "?"))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _values(doc, item, (*path, index))
    elif isinstance(node, yaml.ScalarNode) and node.tag in _BUILT and not node.style:
        problem = _unbuildable(node)
        if problem:
            yield Problem(doc.file, node.start_mark.line + 1, _dotted(path), *problem)


def _unbuildable(node: yaml.ScalarNode) -> tuple[str, str] | None:
    """(what is wrong, fix) for a plain value YAML reads as a date or number but cannot build."""
    constructor = yaml.constructor.SafeConstructor()
    build: Any = constructor.yaml_constructors[node.tag]
    try:
        build(constructor, node)
    except (ValueError, OverflowError):
        value = str(node.value)[:40]
        if node.tag.endswith(":timestamp"):
            return (f"'{value}' is not a real date",
                    "write a date that exists, as YYYY-MM-DD, e.g. 2026-02-28")
        return f"the value '{value}' cannot be read", "put the value in quotes if it is text"
    return None


def _dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path) or "(the whole file)"
