"""The JSON files the browser scripts read follow their contracts (hooks/causepages/contracts/),
so a change to the payload that the scripts do not expect fails here, not in a reader's tab."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from causepages import load_site
from causepages.features import checker, quiz
from conftest import DATA, FIXTURE_DATA, ROOT

CONTRACTS = ROOT / "hooks" / "causepages" / "contracts"
PAYLOADS = {"checker.schema.json": checker.payload, "quiz.schema.json": quiz.payload}


@pytest.mark.parametrize("contract", sorted(PAYLOADS))
@pytest.mark.parametrize("data_dir", [DATA, FIXTURE_DATA], ids=["real", "fixture"])
def test_each_json_file_follows_its_contract(contract: str, data_dir: Path) -> None:
    schema = json.loads((CONTRACTS / contract).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(PAYLOADS[contract](load_site(data_dir)), schema)


def test_the_checker_contract_refuses_a_step_without_its_answers() -> None:
    schema = json.loads((CONTRACTS / "checker.schema.json").read_text(encoding="utf-8"))
    data = checker.payload(load_site(FIXTURE_DATA))
    del data["steps"][0]["answers"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
