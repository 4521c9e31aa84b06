"""The JSON Schema that editors use matches the model the build checks against."""

from __future__ import annotations

from causepages.schema import SCHEMA_PATH, cause_schema
from conftest import ROOT


def test_exported_schema_is_current() -> None:
    committed = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == cause_schema(), (
        f"{SCHEMA_PATH} is out of date: "
        "run `PYTHONPATH=hooks .venv/bin/python -m causepages schema`"
    )


def test_every_cause_file_points_editors_at_the_schema() -> None:
    for path in sorted((ROOT / "data" / "causes").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/cause.schema.json", path.name
