"""Reading YAML so that every problem can be pointed at by file and line.

PyYAML quietly keeps the last of two equal keys; here a repeated key is an error,
because in a file of sources or causes it almost always means a copy-paste slip.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..problems import DataError, Problem

# libyaml's parser when PyYAML has it (its wheels do): several times faster than pure Python.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _RepeatedKey(Exception):
    def __init__(self, key: yaml.Node) -> None:
        self.key = key


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a mapping that has the same key twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key, _ in node.value:
            if key.value in seen:
                raise _RepeatedKey(key)
            seen.add(key.value)
        return super().construct_mapping(node, deep)


@dataclass(frozen=True)
class YamlFile:
    """A parsed file: its data, and its node tree for line numbers (parsed again only when a
    problem needs a line: most builds have none)."""

    path: Path
    label: str
    data: Any

    @functools.cached_property
    def root(self) -> yaml.Node | None:
        return yaml.compose(self.path.read_text(encoding="utf-8"), Loader=_BaseLoader)

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


def read_yaml(path: Path, label: str) -> YamlFile:
    """Parse one file; raise DataError with a single Problem if it is not valid YAML, or if a
    mapping in it has the same key twice."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except UnicodeDecodeError:
        raise DataError([Problem(label, None, "", "is not UTF-8 text")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or "is not valid YAML"
        raise DataError([Problem(label, line, "", f"is not valid YAML: {reason}")]) from None
    except _RepeatedKey as repeated:
        key = repeated.key
        message = f"'{key.value}' appears twice; each key must be unique"
        line = key.start_mark.line + 1
        raise DataError([Problem(label, line, str(key.value), message)]) from None
    return YamlFile(path, label, data)
