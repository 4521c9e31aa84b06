"""The JSON Schemas that editors use match the models the build checks against."""

from __future__ import annotations

from causepages.schema.export import schemas
from conftest import ROOT


def test_exported_schemas_are_current() -> None:
    for path, text in schemas(ROOT / "data" / "schema").items():
        committed = path.read_text(encoding="utf-8")
        assert committed == text, f"{path} is out of date: run `make schema`"


def test_every_data_file_points_editors_at_its_schema() -> None:
    files = {
        path: "../schema/cause.schema.json" for path in (ROOT / "data" / "causes").glob("*.yaml")
    }
    files[ROOT / "data" / "warning_signs.yaml"] = "schema/warning_signs.schema.json"
    files[ROOT / "data" / "cautions.yaml"] = "schema/cautions.schema.json"
    files[ROOT / "data" / "checker.yaml"] = "schema/checker.schema.json"
    for path, schema in files.items():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={schema}", path.name
