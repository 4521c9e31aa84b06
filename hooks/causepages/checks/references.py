"""Every key that names an entry elsewhere in the data must name one that exists.

A field says what it names in the schema (`SourceKey`, `SignKey`...: a Key marked with
`Ref(table)`); this one walker finds every such field in every model, so a new kind of
reference is declared once, in the schema, and checked everywhere. A table is a data file
(`Ref("sources")`: a key of sources.yaml) unless it is one of NOT_A_FILE.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from ..reading.messages import did_you_mean
from ..schema.base import Ref

if TYPE_CHECKING:
    from ..problems import Problem
    from ..reading.yaml_file import YamlFile

# The tables that are not a file of their own under the data folder, and how a message names
# them. Any other table is the file of its name: Ref("glossary") names a key of glossary.yaml.
NOT_A_FILE = {
    "signs": "{data}/warning_signs.yaml",
    "help_lines": "help_lines",
    "causes": "{data}/causes/",
    "guides": "the guides in {data}/pages.yaml",
    "answers": "the answers of {data}/checker.yaml",
}


def where(table: str, data: str = "data") -> str:
    """Where a writer finds the entries of `table` in the data folder named `data`."""
    return NOT_A_FILE.get(table, "{data}/" + table + ".yaml").format(data=data)


Path = tuple[str | int, ...]


def references(model: BaseModel, at: Path = ()) -> Iterator[tuple[Path, str, str]]:
    """Every reference in a checked model: (field path, table, key), in field order."""
    yield from _walk(model, type(model), at)


def check_references(
    file: YamlFile,
    model: BaseModel,
    known: Mapping[str, set[str] | None],
    problems: list[Problem],
    at: Path = (),
    data: str = "data",
) -> None:
    """Report each key of `model` (read from `file` at `at`) that is not in its table of
    `known` keys; messages name the data folder `data`. A table that is None is broken and
    already reported, so it is skipped. Raises KeyError for a table `known` does not have
    (a Ref naming no data file)."""
    for path, table, key in references(model, at):
        keys = known[table]
        if keys is None or key in keys:
            continue
        # A key written as a plain line (`- stroke` for `- sign: stroke`) has no field to name.
        if isinstance(path[-1], str) and isinstance(file.node_at(path[:-1]), yaml.ScalarNode):
            path = path[:-1]
        hint = did_you_mean(key, sorted(keys))
        problems.append(file.problem(path, f"'{key}' is not in {where(table, data)}{hint}"))


def _walk(value: Any, kind: Any, at: Path) -> Iterator[tuple[Path, str, str]]:
    if value is None:
        return
    origin, args = get_origin(kind), get_args(kind)
    if origin is Annotated:
        refs = [m for m in args[1:] if isinstance(m, Ref)]
        if refs and isinstance(value, str):
            yield at, refs[0].table, value
        else:
            yield from _walk(value, args[0], at)
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            refs = [m for m in field.metadata if isinstance(m, Ref)]
            item = getattr(value, name)
            if refs and isinstance(item, str):
                yield (*at, name), refs[0].table, item
            else:
                yield from _walk(item, field.annotation, (*at, name))
    elif origin in (Union, UnionType):
        for arg in args:
            if _fits(value, arg):
                yield from _walk(value, arg, at)
                return
    elif isinstance(value, list) and args:
        for index, item in enumerate(value):
            yield from _walk(item, args[0], (*at, index))
    elif isinstance(value, dict) and len(args) == 2:
        for key, item in value.items():
            yield from _walk(item, args[1], (*at, key))


def _fits(value: Any, kind: Any) -> bool:
    """Whether `value` is of the shape `kind` (one member of a union) describes."""
    while get_origin(kind) is Annotated:
        kind = get_args(kind)[0]
    shape = get_origin(kind) or kind
    return isinstance(shape, type) and isinstance(value, shape)
