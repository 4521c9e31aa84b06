"""Reading YAML so that every problem can be pointed at by file and line.

PyYAML quietly keeps the last of two equal keys; here a repeated key is an error,
because in a file of sources or causes it almost always means a copy-paste slip.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

# libyaml's parser when PyYAML has it (its wheels do): several times faster than pure Python.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, said so a writer can find and fix it."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        what = f"field '{self.field}': " if self.field else ""
        return f"{where}: {what}{self.message}"


class DataError(Exception):
    """Raised once, listing every problem found, so a writer can fix them in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The site data has {count}:\n{lines}")


@dataclass(frozen=True)
class YamlFile:
    """A parsed file: its data and its node tree, kept for line numbers."""

    path: Path
    label: str
    data: Any
    root: yaml.Node | None

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
    """Parse one file; raise DataError with a single Problem if it is not valid YAML."""
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=_Loader)
        if root is not None:
            _reject_repeated_keys(root, label)
        # Built from the nodes already parsed: the text is read once.
        data = None if root is None else SafeConstructor().construct_document(root)
    except UnicodeDecodeError:
        raise DataError([Problem(label, None, "", "is not UTF-8 text")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or "is not valid YAML"
        raise DataError([Problem(label, line, "", f"is not valid YAML: {reason}")]) from None
    return YamlFile(path, label, data, root)


def _reject_repeated_keys(node: yaml.Node, label: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                line = key.start_mark.line + 1
                message = f"'{key.value}' appears twice; each key must be unique"
                raise DataError([Problem(label, line, str(key.value), message)])
            seen.add(key.value)
            _reject_repeated_keys(value, label)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _reject_repeated_keys(item, label)
