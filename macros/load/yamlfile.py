"""Read one YAML file safely, keeping the line of every value for error messages."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from macros.model.problems import Problem

MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML document and the line (1-based) of each node, by path.

    The nodes, which hold each value's line, are kept only for `text` parsed again when a
    line is first asked for (a problem to report): kept for every file, they were most of the
    memory a large Code took to load.
    """

    file: str
    data: Any
    given_root: yaml.Node | None = field(repr=False, default=None)
    text: str | None = field(repr=False, default=None)

    @cached_property
    def root(self) -> yaml.Node | None:
        """The document's top node (with every node's line)."""
        if self.given_root is not None or self.text is None:
            return self.given_root
        return _compose(self.text)

    def line(self, loc: Sequence[str | int]) -> int | None:
        """The line of the value at `loc`, or of its nearest parent that exists."""
        node = self.root
        best = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best

    def depth(self, loc: Sequence[str | int]) -> int:
        """How many parts of `loc`, from the top, the document holds."""
        node, found = self.root, 0
        for part in loc:
            node = _child(node, part)
            if node is None:
                break
            found += 1
        return found


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        for key_node, value_node in pairs:
            if key_node.value == part:
                return value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        items: list[yaml.Node] = node.value
        return items[part]
    return None


class ValueProblem(yaml.constructor.ConstructorError):
    """A value YAML parses but cannot build, or a key given twice in one mapping."""

    def __init__(self, node: yaml.Node, problem: str, fix: str) -> None:
        super().__init__(None, None, problem, node.start_mark)
        self.fix = fix


class _Checked:
    """Construction shared by the libyaml and pure-Python loaders. PyYAML raises a bare
    ValueError for an impossible date (2019-02-30) or an over-long number, and silently
    keeps the last of two equal keys in a mapping; both become ValueProblems here."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, OverflowError) as err:
            if isinstance(err, yaml.YAMLError):
                raise
            value = str(node.value)[:40] if isinstance(node, yaml.ScalarNode) else ""
            if node.tag.endswith(":timestamp"):
                raise ValueProblem(node, f"'{value}' is not a real date ({err})",
                                   "write a date that exists as YYYY-MM-DD, e.g. 2019-10-01"
                                   ) from None
            raise ValueProblem(node, f"the value '{value}' cannot be read",
                               "put the value in quotes if it is text") from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                continue
            if key_node.value in seen:
                raise ValueProblem(
                    key_node,
                    f"'{key_node.value}' is given twice in the same place (first at line "
                    f"{seen[key_node.value]}); YAML would silently keep only the second",
                    f"remove one of the two '{key_node.value}:' lines")
            seen[key_node.value] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)  # type: ignore[misc]


def _undefined(loader: Any, node: yaml.Node) -> Any:
    """A value with a YAML tag (`!!python/object:...`, `!include`) the data never uses."""
    tag = str(node.tag)
    shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,") \
        else tag
    raise ValueProblem(node, f"the YAML tag '{shown[:60]}' is not allowed",
                       "remove the tag (the word starting with '!'); if the value is text "
                       "that starts with '!', put it in quotes")


class _Loader(_Checked, yaml.SafeLoader):
    pass


class _FastLoader(_Checked, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


_Loader.add_constructor(None, _undefined)
_FastLoader.add_constructor(None, _undefined)


def _parse(text: str) -> Any:
    """The data in `text`; its nodes are dropped once it is built (see YamlDoc.root).

    Uses libyaml when PyYAML has it: a 5,000-clause version loads about ten times faster.
    """
    loader = _FastLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _compose(text: str) -> yaml.Node | None:
    """The nodes of `text`, which parsed before (`_parse`)."""
    loader = _FastLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def read_file(path: Path, shown_as: str, *, kind: str = "YAML file",
              listed_in: str = "content/data/code.yaml",
              directory_fix: str = "point the manifest at a .yaml file inside it, or remove "
              "the entry", size_fix: str = "split the Code or shorten the clauses",
              limit: int = MAX_FILE_BYTES) -> bytes | Problem:
    """The bytes of the regular file at `path`, or one Problem saying why it cannot be read.

    Only a regular file is read, and its size is checked before anything is read: a device
    (/dev/zero never ends), a named pipe (it would wait for a writer for ever) or a file over
    `limit` bytes is refused. At most `limit` + 1 bytes are read, so a file that grows while
    it is read is refused too.
    """
    directory = Problem(shown_as, None, None, f"is a directory, not a {kind}", directory_fix)
    try:
        # Not blocking: opening a named pipe would otherwise wait for a writer.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return Problem(shown_as, None, None, "file not found",
                       f"create the file or correct its name in {listed_in}")
    except IsADirectoryError:
        return directory
    except OSError as err:
        return Problem(shown_as, None, None, f"cannot be opened ({err.strerror or err})",
                       "check that the file exists and can be read")
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            return directory
        if not stat.S_ISREG(status.st_mode):
            return Problem(shown_as, None, None,
                           f"is not a regular file (it is a {_file_type(status.st_mode)})",
                           f"list a {kind} that holds the data, not a device, pipe or socket")
        if status.st_size > limit:
            return _too_big(shown_as, f"{status.st_size:,}", limit, size_fix)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            return _too_big(shown_as, f"more than {limit:,}", limit, size_fix)
        return b"".join(chunks)
    except OSError as err:
        return Problem(shown_as, None, None, f"cannot be read ({err.strerror or err})",
                       "check that the file exists and can be read")
    finally:
        os.close(handle)


def _too_big(shown_as: str, size: str, limit: int, fix: str) -> Problem:
    return Problem(shown_as, None, None, f"file is {size} bytes; the limit is {limit:,}", fix)


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def read_yaml(path: Path, shown_as: str) -> YamlDoc | Problem:
    """Parse `path`; on any failure return one Problem instead of raising."""
    raw = read_file(path, shown_as)
    if isinstance(raw, Problem):
        return raw
    return parse_yaml(raw, shown_as)


def parse_yaml(raw: bytes, shown_as: str) -> YamlDoc | Problem:
    """Parse the bytes of the file shown as `shown_as`; one Problem instead of raising."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return Problem(shown_as, line, None,
                       f"not UTF-8 text (byte 0x{raw[err.start]:02x} cannot be read)",
                       "save the file with UTF-8 encoding")
    try:
        data = _parse(text)
    except yaml.YAMLError:
        pass
    except RecursionError:
        return Problem(shown_as, None, None, "is nested too deeply to read",
                       "write the data as the schema shows, a few levels deep")
    else:
        return YamlDoc(shown_as, data, text=text)
    try:  # the pure-Python parser words its errors better; only used on failure
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except ValueProblem as err:
        mark = err.problem_mark
        return Problem(shown_as, mark.line + 1 if mark else None, None,
                       str(err.problem), err.fix)
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1])
        return Problem(shown_as, line, None,
                       f"contains a control character (U+{code:04X}) that YAML does not allow",
                       "delete it: it is invisible in most editors, so retype the text around it")
    except RecursionError:
        return Problem(shown_as, None, None, "is nested too deeply to read",
                       "write the data as the schema shows, a few levels deep")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        column = f" at column {mark.column + 1}" if mark else ""
        problem = (err.problem or err.context or "cannot be read").rstrip(".")
        fix = "correct the YAML syntax near that line (indent with spaces, quote text with ':')"
        if "\t" in problem or "'\\t'" in problem:
            problem = "a tab character is used for indentation"
            fix = "indent with spaces, never tabs"
        return Problem(shown_as, mark.line + 1 if mark else None, None,
                       f"malformed YAML{column}: {problem}", fix)
    except yaml.YAMLError as err:
        return Problem(shown_as, None, None, f"malformed YAML: {' '.join(str(err).split())}",
                       "correct the YAML syntax")
    return YamlDoc(shown_as, data, root)
