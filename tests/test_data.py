"""The real data is valid, and broken data gives a writer one clear message per problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from causepages import DataError, load_site
from conftest import DATA, FIXTURE_DATA, data_problems


def test_real_data_loads() -> None:
    site = load_site(DATA)
    assert len(site.causes) >= 9
    for cause in site.causes.values():
        assert len(set(cause.sources)) >= 2, f"{cause.id} cites fewer than 2 sources"


def test_fixture_data_loads() -> None:
    assert list(load_site(FIXTURE_DATA).causes) == ["alpha", "beta"]


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text()
    assert old in text, f"fixture {name} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1))


BROKEN = {
    "yaml syntax error": (
        ("causes/alpha.yaml", "title: Alpha trigger", "title: [Alpha trigger"),
        "data/causes/alpha.yaml, line 3: is not valid YAML: did not find expected ',' or ']'",
    ),
    "missing required field": (
        ("causes/alpha.yaml", "summary: A common trigger.\n", ""),
        "data/causes/alpha.yaml, line 1: field 'summary': is required but missing",
    ),
    "unknown field": (
        ("causes/alpha.yaml", "how_common:", "how_comon:"),
        "data/causes/alpha.yaml, line 1: field 'how_common': is required but missing\n"
        "data/causes/alpha.yaml, line 7: field 'how_comon': is not a known field "
        "(did you mean 'how_common'?)",
    ),
    "wrong type": (
        ("causes/alpha.yaml", "self_care:\n  - Rest.", "self_care: Rest."),
        "data/causes/alpha.yaml, line 14: field 'self_care': "
        "expected a list (lines starting with '- '), got 'Rest.'",
    ),
    "unknown source key": (
        ("causes/alpha.yaml", "sources: [source-one,", "sources: [source-tree,"),
        "data/causes/alpha.yaml, line 40: field 'sources.0': "
        "'source-tree' is not in data/sources.yaml (did you mean 'source-two'?)",
    ),
    "duplicate id": (
        ("sources.yaml", "source-two:", "source-one:"),
        "data/sources.yaml, line 6: field 'source-one': "
        "'source-one' appears twice; each key must be unique",
    ),
    "id not matching its file name": (
        ("causes/alpha.yaml", "id: alpha", "id: alfa"),
        "data/causes/alpha.yaml, line 1: field 'id': "
        "is 'alfa' but must match the file name 'alpha'",
    ),
    "related cause that does not exist": (
        ("causes/alpha.yaml", "related: [beta]", "related: [gamma]"),
        "data/causes/alpha.yaml, line 25: field 'related.0': 'gamma' is not in data/causes/",
    ),
    "empty list where one is required": (
        ("causes/alpha.yaml", "prevention:\n  - Sleep well", "prevention: []"),
        "data/causes/alpha.yaml, line 16: field 'prevention': needs at least 1 item(s), got 0",
    ),
    "non-https source url": (
        ("sources.yaml", "https://example.org/one", "http://example.org/one"),
        "data/sources.yaml, line 4: field 'source-one.url': "
        "expected an https:// address, got 'http://example.org/one'",
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_data_gives_exact_message(case: str, fixture_data: Path) -> None:
    (name, old, new), message = BROKEN[case]
    edit(fixture_data, name, old, new)
    assert data_problems(fixture_data) == message.split("\n")


def test_every_problem_is_listed_at_once(fixture_data: Path) -> None:
    edit(fixture_data, "causes/alpha.yaml", "summary: A common trigger.\n", "")
    edit(fixture_data, "causes/beta.yaml", "category: serious", "category: seriuos")
    with pytest.raises(DataError) as caught:
        load_site(fixture_data)
    text = str(caught.value)
    assert text.startswith("The site data has 2 problems:\n")
    assert "field 'summary': is required but missing" in text
    assert "'seriuos' is not in data/categories.yaml (did you mean 'serious'?)" in text


def test_a_cause_file_saved_twice_is_a_duplicate_id(fixture_data: Path) -> None:
    causes = fixture_data / "causes"
    (causes / "alpha.yml").write_text((causes / "alpha.yaml").read_text())
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yml, line 1: duplicate id 'alpha': "
        "data/causes/alpha.yaml has the same id"
    ]


def test_too_many_care_card_bullets(fixture_data: Path) -> None:
    bullets = "".join(f"    - Sign {n}.\n" for n in range(6))
    edit(fixture_data, "causes/alpha.yaml", "    - It lasts more than 2 weeks.\n", bullets)
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yaml, line 21: field 'care_cards.see_a_gp': holds at most 5 items, got 6"
    ]


def test_quiz_answer_must_be_a_choice(fixture_data: Path) -> None:
    edit(fixture_data, "causes/alpha.yaml", "answers: [Rest]", "answers: [Sleep]")
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yaml, line 34: field 'quiz.1': answer 'Sleep' is not one of the choices"
    ]
