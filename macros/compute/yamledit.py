"""Small, exact edits of a YAML file's text that keep everything else as it was.

The commands that start and adopt versions change a field or two of files people edit by
hand, so they edit the text, not a re-written copy of the data: comments, quoting, folded
lines and blank lines stay where they are. PyYAML's nodes say where each key and value
starts and ends; an edit replaces or inserts text at those places. Every edit is checked by
reading the new text back: the caller compares its data with the data it meant to write,
so a file laid out in a way these edits do not expect is refused, never damaged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml


class EditFailed(Exception):
    """The text could not be edited exactly; the message says what was expected."""


def parse(text: str) -> Any:
    """The data of the text, as the safe loader reads it."""
    return yaml.safe_load(text)


def scalar(value: str | dt.date) -> str:
    """`value` written as a YAML scalar on one line: plain where it can be, else quoted."""
    if isinstance(value, dt.date):
        return value.isoformat()
    shown = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style=None)
    shown = shown.removesuffix("\n").removesuffix("\n...").rstrip("\n")
    if "\n" in shown or yaml.safe_load(shown) != value:
        raise EditFailed(f"cannot write {value!r} on one line")
    return shown


def root_mapping(text: str) -> yaml.MappingNode:
    """The file's top-level mapping of fields."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        raise EditFailed("the file does not hold a mapping of fields")
    return node


def pair(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of `key` in `mapping`, or None."""
    pairs: list[tuple[yaml.Node, yaml.Node]] = mapping.value
    for key_node, value_node in pairs:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def content_end(node: yaml.Node) -> int:
    """The index just after the last character of `node`'s own text.

    A block collection's end mark lies at the next token, past any comment or blank line
    after it, so its end is the end of its last key or value instead.
    """
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        end: int = node.end_mark.index
        return end
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        return max((content_end(v) for _, v in pairs), default=node.start_mark.index)
    items: list[yaml.Node] = node.value
    return max((content_end(v) for v in items), default=node.start_mark.index)


def line_start(text: str, index: int) -> int:
    """The index of the start of the line holding `index`."""
    return text.rfind("\n", 0, index) + 1


def line_end(text: str, index: int) -> int:
    """The index just after the line break ending the line holding `index`."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _after_line(text: str, node: yaml.Node) -> int:
    """Where a new line goes after the line on which `node` ends."""
    return line_end(text, content_end(node) - 1)


def _indent(text: str, node: yaml.Node) -> str:
    """The white space before `node` on its line; EditFailed if anything else stands there."""
    index = node.start_mark.index
    before = text[line_start(text, index):index]
    if before.strip():
        raise EditFailed("a field that does not start its own line")
    return before


def set_field(text: str, key: str, value: str | dt.date, after: str) -> str:
    """The text with the top-level field `key` set to `value`: replaced where it stands, or
    added on a new line after the field `after`."""
    root = root_mapping(text)
    found = pair(root, key)
    shown = scalar(value)
    if found is not None:
        key_node, node = found
        if isinstance(node, yaml.ScalarNode) and node.value == "" and node.style is None:
            at = text.index(":", key_node.end_mark.index) + 1
            return f"{text[:at]} {shown}{text[at:]}"
        if not isinstance(node, yaml.ScalarNode):
            raise EditFailed(f"'{key}' does not hold a single value")
        start, end = node.start_mark.index, node.end_mark.index
        old = text[start:end]
        breaks = old[len(old.rstrip("\n")):]  # a block scalar's end includes its line break
        return text[:start] + shown + breaks + text[end:]
    anchor = pair(root, after)
    if anchor is None:
        raise EditFailed(f"no field '{after}' to add '{key}' after")
    at = _after_line(text, anchor[1])
    line = f"{_indent(text, anchor[0])}{key}: {shown}\n"
    lead = "" if at == 0 or text[at - 1] == "\n" else "\n"
    return text[:at] + lead + line + text[at:]


def append_to_list(text: str, key: str, entry: str) -> str:
    """The text with `entry` added at the end of the list in the top-level field `key`, in
    the list's own style (a `- ` line, or `, entry` inside brackets)."""
    found = pair(root_mapping(text), key)
    if found is None or not isinstance(found[1], yaml.SequenceNode) or not found[1].value:
        raise EditFailed(f"'{key}' is not a list with at least one entry")
    sequence = found[1]
    last: yaml.Node = sequence.value[-1]
    shown = scalar(entry)
    if sequence.flow_style:
        at = content_end(last)
        return f"{text[:at]}, {shown}{text[at:]}"
    start = line_start(text, last.start_mark.index)
    prefix = text[start:last.start_mark.index]
    if prefix.strip() != "-":
        raise EditFailed(f"an entry of '{key}' that does not start its own '- ' line")
    at = _after_line(text, last)
    lead = "" if text[at - 1] == "\n" else "\n"
    return f"{text[:at]}{lead}{prefix}{shown}\n{text[at:]}"


def field_lines(text: str, key_node: yaml.Node, value_node: yaml.Node) -> tuple[int, int]:
    """The span of whole lines a `key: value` pair of a block mapping fills, without the
    blank line that may follow it."""
    start = line_start(text, key_node.start_mark.index)
    _indent(text, key_node)
    end = _after_line(text, value_node)
    while text.endswith("\n\n", start, end):
        end -= 1
    return start, end


def cut(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the (start, end) spans, which do not overlap."""
    kept = []
    at = 0
    for start, end in sorted(spans):
        kept.append(text[at:start])
        at = end
    kept.append(text[at:])
    return "".join(kept)
