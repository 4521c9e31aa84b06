"""Every field that names an entry elsewhere is declared in the schema and checked by one walker.

Generated from the schema itself: a new reference field is covered without a new test."""

from __future__ import annotations

from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from causepages.checks.references import NOT_A_FILE, check_references, references, where
from causepages.reading.tables import read_data
from causepages.schema import CareGuide, Cause, Caution, Checker, Pages, WarningSigns
from causepages.schema.base import Ref
from conftest import FIXTURE_DATA
from pydantic import BaseModel

# The models of the files that may hold references, with their file under the data folder.
FILES: dict[type[BaseModel], str] = {
    WarningSigns: "warning_signs.yaml",
    CareGuide: "care_guide.yaml",
    Pages: "pages.yaml",
    Checker: "checker.yaml",
    Cause: "causes/alpha.yaml",
}


def declared_fields(model: type[BaseModel], prefix: str = "") -> dict[str, str]:
    """Every field under `model` whose keys are references: 'Model.field' -> its table."""
    found: dict[str, str] = {}
    for name, field in model.model_fields.items():
        where = f"{model.__name__}.{name}"
        refs = [m for m in field.metadata if isinstance(m, Ref)]
        found.update({where: refs[0].table} if refs else _in_type(field.annotation, where))
    return found


def _in_type(kind: Any, where: str) -> dict[str, str]:
    origin, args = get_origin(kind), get_args(kind)
    if origin is Annotated:
        refs = [m for m in args[1:] if isinstance(m, Ref)]
        return {where: refs[0].table} if refs else _in_type(args[0], where)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return declared_fields(kind)
    if origin in (list, dict, Union, UnionType):
        found: dict[str, str] = {}
        for arg in args:
            found.update(_in_type(arg, where))
        return found
    return {}


READ = read_data(FIXTURE_DATA)


def models() -> list[tuple[str, BaseModel]]:
    """Each model of the fixture data that may hold references, with its file."""
    items: list[tuple[str, BaseModel]] = [
        ("warning_signs.yaml", READ.warning_signs),
        ("care_guide.yaml", READ.care_guide),
        ("pages.yaml", READ.pages),
        ("checker.yaml", READ.checker),
        *((f"causes/{stem}.yaml", cause) for stem, cause in READ.causes.items()),
    ]
    return [(name, model) for name, model in items if model is not None]


TABLES = sorted({t for model in [*FILES, Caution] for t in declared_fields(model).values()})


def test_every_table_a_field_names_is_a_data_file_or_a_known_list() -> None:
    for table in TABLES:
        assert table in NOT_A_FILE or (FIXTURE_DATA / f"{table}.yaml").is_file(), table


def test_the_fixture_data_uses_every_kind_of_reference() -> None:
    """So the next test exercises each of them."""
    used = {table for _, model in models() for _, table, _ in references(model)}
    declared = {table for model in FILES for table in declared_fields(model).values()}
    assert declared - used == set()


@pytest.mark.parametrize("table", TABLES)
def test_a_key_missing_from_its_table_is_reported_where_it_is_written(table: str) -> None:
    cases = [
        (name, model, path, key)
        for name, model in models()
        for path, named, key in references(model)
        if named == table
    ]
    assert cases, f"no reference to {table} in the fixture data"
    for name, model, path, key in cases:
        known: dict[str, set[str] | None] = {t: None for t in TABLES}  # None: not checked
        known[table] = {"some-other-key"}
        problems: list = []
        check_references(READ.reader.file(name), model, known, problems)
        expected = f"'{key}' is not in {where(table)}"
        fields = {p.field for p in problems if p.message.startswith(expected)}
        # A key written as a plain line (`- stroke` for `- sign: stroke`) is named by its item.
        dotted = ".".join(map(str, path))
        assert dotted in fields or dotted.removesuffix(".sign") in fields, (name, path, problems)
