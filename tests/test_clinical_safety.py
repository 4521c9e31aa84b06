"""The clinical safety case: every hazard in the log names its cause, its controls, tests that
exist, and what risk is left; every scenario of the clinical test set uses real answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from causepages import load_site
from causepages.features.checker import payload
from causepages.reading.messages import did_you_mean
from causepages.reading.yaml_file import read_yaml
from conftest import DATA, ROOT

FOLDER = ROOT / "tests" / "clinical_safety"
HAZARDS = yaml.safe_load((FOLDER / "hazard_log.yaml").read_text(encoding="utf-8"))
SCENARIOS = "tests/clinical_safety/scenarios.json"


def test_every_hazard_is_complete() -> None:
    assert len(HAZARDS) >= 10
    assert len({hazard["id"] for hazard in HAZARDS}) == len(HAZARDS)
    for hazard in HAZARDS:
        assert set(hazard) == {
            "id",
            "hazard",
            "cause",
            "controls",
            "tests",
            "residual",
            "residual_risk",
        }, hazard["id"]
        assert hazard["controls"] and hazard["tests"], hazard["id"]
        assert hazard["residual"] in ("low", "medium", "high"), hazard["id"]


def named_tests() -> list[tuple[str, str]]:
    return [(hazard["id"], test) for hazard in HAZARDS for test in hazard["tests"]]


@pytest.mark.parametrize(("hazard", "test"), named_tests())
def test_every_test_the_log_names_exists(hazard: str, test: str) -> None:
    if "::" in test:
        file, name = test.split("::")
        assert re.search(rf"^def {re.escape(name)}\(", (ROOT / file).read_text(), re.M), test
        return
    file, title = test.split(": ", 1)
    source = (ROOT / file).read_text()
    if title.startswith("scenario: "):
        readers = [s["reader"] for s in json.loads((ROOT / SCENARIOS).read_text())]
        assert title.removeprefix("scenario: ") in readers, test
    else:
        assert f'test("{title}"' in source or f"test(`{title}`" in source, test


def scenario_problems(path: Path) -> list[str]:
    """What is wrong in the clinical test set, each with its file, line and field."""
    file = read_yaml(path, SCENARIOS)
    data = payload(load_site(DATA))
    answers = sorted(a["id"] for step in data["steps"] for a in step["answers"])
    pages = sorted(cause["id"] for cause in data["causes"])
    problems = []
    for n, scenario in enumerate(file.data):
        for field, known in (
            ("answers", answers),
            ("first", pages),
            ("top3", pages),
            ("never", pages),
        ):
            for i, key in enumerate(scenario.get(field, [])):
                if key not in known:
                    hint = did_you_mean(key, known)
                    where = "the answers of data/checker.yaml" if field == "answers" else "pages"
                    problems.append(
                        str(file.problem((n, field, i), f"'{key}' is not in {where}{hint}"))
                    )
    return problems


def test_every_scenario_uses_real_answers_and_pages() -> None:
    assert scenario_problems(FOLDER / "scenarios.json") == []


def test_a_scenario_naming_an_unknown_answer_is_reported_with_its_line(tmp_path: Path) -> None:
    scenarios = json.loads((FOLDER / "scenarios.json").read_text(encoding="utf-8"))
    scenarios[0]["answers"][0] = "calff"
    broken = tmp_path / "scenarios.json"
    broken.write_text(json.dumps(scenarios, indent=1), encoding="utf-8")
    assert scenario_problems(broken) == [
        f"{SCENARIOS}, line 5: field '0.answers.0': 'calff' is not in the answers of "
        "data/checker.yaml (did you mean 'calf'?)"
    ]
