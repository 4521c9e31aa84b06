"""Reading YAML so that every problem can be pointed at by file, line and field.

Only the plain part of YAML is accepted: words, lists and fields. PyYAML quietly keeps the last
of two equal keys; here a repeated key is an error, because in a file of sources or causes it
almost always means a copy-paste slip. Anchors, aliases, tags and keys that are lists are
refused as the parser meets them, before anything is built, so an alias bomb stops at once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer

from ..problems import DataError, Problem

# libyaml's parser when PyYAML has it (its wheels do): several times faster than pure Python.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ANCHORS = "anchors and aliases (& and *) are not allowed: write the text out in full"
TAGS = "tags like !!str are not allowed: write plain text"
COMPLEX_KEY = "a key must be a plain word, not a list or a set of fields"
COLON = "a colon and a space inside unquoted text: put the text in quotes (or fix the indent)"
TAB = "a tab character: use spaces, not tabs, to indent"
QUOTE = "a quote is not closed"


class _Refused(Exception):
    """Something the loader will not accept, with its 1-based line and field path."""

    def __init__(self, mark: Any, field: str, message: str) -> None:
        # A parser event always carries its mark (libyaml's or PyYAML's own Mark class).
        self.line, self.field, self.message = mark.line + 1, field, message


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, checking each parser event before it becomes a node (so only plain
    scalars, lists and mappings with plain keys get through) and refusing a mapping that has
    the same key twice or a date that does not exist.

    PyYAML's own composer runs over libyaml's events, as that is where each event can be looked
    at first; on the site's data it costs about 20 ms of CPU a build over libyaml's composer."""

    get_single_node = Composer.get_single_node
    compose_document = Composer.compose_document
    compose_scalar_node = Composer.compose_scalar_node
    compose_sequence_node = Composer.compose_sequence_node
    compose_mapping_node = Composer.compose_mapping_node

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        Composer.__init__(self)
        self.path: list[Any] = []  # the index of each open list or mapping (None for the root)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        """Compose the next node, after refusing an anchor, alias or tag on it, or a list or
        mapping as a key (index None under a parent: the key of a mapping)."""
        event = self.peek_event()
        if event.anchor is not None or isinstance(event, yaml.AliasEvent):
            self.refuse(event, index, ANCHORS)
        if event.tag is not None:
            self.refuse(event, index, TAGS)
        if isinstance(event, yaml.ScalarEvent):
            return self.compose_scalar_node(None)  # type: ignore[arg-type]  # anchors refused
        if index is None and parent is not None:
            self.refuse(event, index, COMPLEX_KEY)
        self.path.append(index)
        node = Composer.compose_node(self, parent, index)
        self.path.pop()  # (left as it is when a problem is raised: the loader is dropped)
        return node

    def refuse(self, event: yaml.Event, index: Any, message: str) -> None:
        """Raise _Refused at an event, naming the field it is in (index as for compose_node)."""
        steps = [*self.path, index]
        field = ".".join(str(getattr(s, "value", s)) for s in steps if s is not None)
        raise _Refused(event.start_mark, field, message)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping node as a dict; _Refused if a key appears twice in it."""
        seen: set[str] = set()
        for key, _ in node.value:
            if key.value in seen:
                message = f"'{key.value}' appears twice; each key must be unique"
                raise _Refused(key.start_mark, str(key.value), message)
            seen.add(key.value)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep)
        return mapping

    def construct_date(self, node: yaml.ScalarNode) -> Any:
        """A date or time as written; _Refused if it does not exist (say 2026-02-30)."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            raise _Refused(node.start_mark, "", f"'{node.value}' is not a real date") from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_date)


def _text(path: Path) -> str:
    """The file as text, without a leading byte-order mark; UnicodeDecodeError if not UTF-8."""
    return path.read_bytes().decode("utf-8-sig")


@dataclass(frozen=True)
class YamlFile:
    """A parsed file: its data, and its node tree for line numbers (parsed again only when a
    problem needs a line: most builds have none)."""

    path: Path
    label: str
    data: Any

    @functools.cached_property
    def root(self) -> yaml.Node | None:
        return yaml.compose(_text(self.path), Loader=_BaseLoader)

    def _nodes_along(self, location: tuple[int | str, ...]) -> list[yaml.Node]:
        """The nodes from the root down a field path, as far as the path exists."""
        node, found = self.root, []
        for part in location:
            if node is None:
                break
            found.append(node)
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == part), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                node = node.value[part] if part < len(node.value) else None
            else:
                node = None
        return [*found, node] if node is not None else found

    def node_at(self, location: tuple[int | str, ...]) -> yaml.Node | None:
        """The node at a field path, or None where the path leaves the file."""
        nodes = self._nodes_along(location)
        return nodes[-1] if len(nodes) == len(location) + 1 else None

    def line_of(self, location: tuple[int | str, ...]) -> int | None:
        """The 1-based line of the deepest node that exists along a field path."""
        nodes = self._nodes_along(location)
        return nodes[-1].start_mark.line + 1 if nodes else None

    def problem(self, location: tuple[int | str, ...], message: str) -> Problem:
        field = ".".join(str(p) for p in location)
        return Problem(self.label, self.line_of(location), field, message)


def _syntax_problem(label: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A parser's complaint as a Problem, with a hint for the slips writers make most."""
    mark, reason = error.problem_mark, error.problem or ""
    lines = text.splitlines()
    at = lines[mark.line][: mark.column + 1] if mark is not None and mark.line < len(lines) else ""
    if reason.startswith("mapping values are not allowed"):
        reason = COLON
    elif "tab character" in reason or ("cannot start any token" in reason and "\t" in at):
        reason = TAB
    elif error.context == "while scanning a quoted scalar" and "end of stream" in reason:
        mark, reason = error.context_mark, QUOTE
    elif reason.startswith("but ") and error.context:
        reason = f"{error.context} {reason}"  # "expected a single document ... but found another"
    line = mark.line + 1 if mark is not None else None
    return Problem(label, line, "", f"is not valid YAML: {reason or 'unreadable'}")


def _character_problem(label: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (a control character, mostly) as a Problem, on the line
    of its first occurrence."""
    code = error.character if isinstance(error.character, int) else None
    found = text.find(chr(code)) if code is not None else -1
    line = text.count("\n", 0, found) + 1 if found >= 0 else None
    which = f" (#x{code:04x})" if code is not None else ""
    return Problem(label, line, "", f"has a character that is not allowed{which}")


def read_yaml(path: Path, label: str) -> YamlFile:
    """Parse one file (UTF-8, with or without a byte-order mark, any line endings) into a
    YamlFile labelled for messages.

    Raises DataError with a single Problem, naming the line and where known the field, if the
    file is not UTF-8 or not valid YAML, uses an anchor, alias or tag, has a key that is a list
    or mapping, repeats a key in one mapping, or holds a date that does not exist."""
    try:
        text = _text(path)
        data = yaml.load(text, Loader=_Loader)
    except UnicodeDecodeError as error:
        line = path.read_bytes().count(b"\n", 0, error.start) + 1
        raise DataError([Problem(label, line, "", "is not UTF-8 text")]) from None
    except _Refused as refused:
        raise DataError([Problem(label, refused.line, refused.field, refused.message)]) from None
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(label, text, error)]) from None
    except yaml.reader.ReaderError as error:
        raise DataError([_character_problem(label, text, error)]) from None
    except RecursionError:
        raise DataError([Problem(label, None, "", "is nested too deeply")]) from None
    return YamlFile(path, label, data)
