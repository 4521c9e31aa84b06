"""House rules for trustworthy content: they hold on the real data and each catches its fault."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from causepages import load_site
from causepages.house_rules import house_rules
from conftest import DATA, FIXTURE_DATA, build
from test_data import edit

TODAY = dt.date(2026, 11, 22)


def test_real_data_follows_every_house_rule() -> None:
    assert [str(p) for p in house_rules(load_site(DATA), dt.date.today())] == []


def test_fixture_data_follows_every_house_rule() -> None:
    assert [str(p) for p in house_rules(load_site(FIXTURE_DATA), TODAY)] == []


# Every file with words for readers is held to the house rules, not only the causes.
EVERY_TEXT = {
    "checker.yaml": ("intro: How soon to get help.", "intro: Help within two weeks.", 2, "intro"),
    "pages.yaml": (
        "intro: Every cause, by kind.",
        "intro: Every cause in two weeks.",
        3,
        "causes.intro",
    ),
    "glossary.yaml": (
        "meaning: Muscles that tighten and stay tight.",
        "meaning: Muscles tight for two weeks.",
        3,
        "tetany.meaning",
    ),
    "labels.yaml": (
        "tick_one: Tick at least one to see your plan.",
        "tick_one: Tick one in two weeks.",
        54,
        "plan.tick_one",
    ),
}


@pytest.mark.parametrize("name", EVERY_TEXT)
def test_every_file_of_words_keeps_the_house_rules(name: str, fixture_data: Path) -> None:
    old, new, line, field = EVERY_TEXT[name]
    edit(fixture_data, name, old, new)
    assert [str(p) for p in house_rules(load_site(fixture_data), TODAY)] == [
        f"data/{name}, line {line}: field '{field}': write 'two weeks' with digits, "
        "like '2 weeks' or '400 mg'"
    ]


def test_a_key_is_not_held_to_the_rules_for_words(fixture_data: Path) -> None:
    """An answer id that reads like words ("two-weeks") is a key, not text for readers."""
    edit(fixture_data, "checker.yaml", "id: busy", "id: two-weeks-busy")
    edit(fixture_data, "checker.yaml", "- when: busy", "- when: two-weeks-busy")
    edit(fixture_data, "causes/alpha.yaml", "listed_for: [busy]", "listed_for: [two-weeks-busy]")
    assert [str(p) for p in house_rules(load_site(fixture_data), TODAY)] == []


BROKEN = {
    "review overdue": (
        ("causes/alpha.yaml", "next_check_due: 2099-01-01", "next_check_due: 2026-06-01"),
        "data/causes/alpha.yaml, line 42: field 'next_check_due': its check was due on 2026-06-01; "
        "check it against its sources, then set new dates",
    ),
    "source cited twice": (
        ("causes/alpha.yaml", "[source-one, source-two]", "[source-one, source-one, source-two]"),
        "data/causes/alpha.yaml, line 40: field 'sources': cites the same source twice",
    ),
    "source never cited": (
        (
            "sources.yaml",
            "source-two:",
            "source-three:\n  organisation: Unused\n  title: Never cited\n"
            "  url: https://example.org/three\n  accessed: 2026-01-01\nsource-two:",
        ),
        "data/sources.yaml, line 7: field 'source-three': no cause cites this source; cite it or "
        "remove it",
    ),
    "known misspelling": (
        ("causes/alpha.yaml", "It makes nerves busy.", "It makes mussels busy."),
        "data/causes/alpha.yaml, line 6: field 'what_happens.0': 'mussels' is a misspelling of "
        "'muscles'",
    ),
    "number in words": (
        ("warning_signs.yaml", "lasts more than 2 weeks.", "lasts more than two weeks."),
        "data/warning_signs.yaml, line 25: field 'signs.two-weeks.words': "
        "write 'two weeks' with digits, like '2 weeks' or '400 mg'",
    ),
    "number in words in a cause's note on a sign": (
        ("causes/alpha.yaml", "note: Stretch first.", "note: Stretch for two minutes."),
        "data/causes/alpha.yaml, line 21: field 'warning_signs.1.note': "
        "write 'two minutes' with digits, like '2 weeks' or '400 mg'",
    ),
    "unit without a space": (
        ("causes/alpha.yaml", "- Rest.", "- Rest, and keep to 400mg of caffeine."),
        "data/causes/alpha.yaml, line 15: field 'self_care.0': "
        "put a space between the number and its unit in '400mg'",
    ),
    "amount a day without whose advice it is": (
        ("causes/alpha.yaml", "- Rest.", "- Rest, and keep to 400 mg of caffeine a day."),
        "data/causes/alpha.yaml, line 15: field 'self_care.0': 'Rest, and keep to 400 mg of "
        "caffeine a "
        "day.' gives an amount a day or week without saying whose advice it is; add 'UK NHS' or "
        "'US NIH' (or who says it)",
    ),
    "body area named in the text but not listed": (
        ("causes/alpha.yaml", "where_in_the_body: The eyelid.", "where_in_the_body: The calf."),
        "data/causes/alpha.yaml, line 9: field 'body_areas': where_in_the_body says 'calf', so add "
        "'calf' (Calf)",
    ),
    "glossary term no page uses": (
        ("glossary.yaml", "nerve:", "myokymia:\n  term: myokymia\n  meaning: A ripple.\nnerve:"),
        "data/glossary.yaml, line 5: field 'myokymia': no page uses 'myokymia'; remove the entry, "
        "or use "
        "the word where it helps",
    ),
    "product link in text": (
        ("causes/alpha.yaml", "fact: It is not.", "fact: Buy our pills at www.example.com."),
        "data/causes/alpha.yaml, line 24: field 'myths.0.fact': "
        "holds a web address; cite sources in 'sources' instead, and link no products",
    ),
}


def test_an_amount_that_says_whose_advice_it_is_passes(fixture_data: Path) -> None:
    edit(
        fixture_data, "causes/alpha.yaml", "- Rest.", "- Keep to 400 mg of caffeine a day (US FDA)."
    )
    assert [str(p) for p in house_rules(load_site(fixture_data), TODAY)] == []


@pytest.mark.parametrize("case", BROKEN)
def test_each_house_rule_catches_its_fault(case: str, fixture_data: Path) -> None:
    (name, old, new), message = BROKEN[case]
    edit(fixture_data, name, old, new)
    assert [str(p) for p in house_rules(load_site(fixture_data), TODAY)] == [message]


def test_a_house_rule_stops_the_build_before_the_site_is_touched(
    fixture_data: Path, tmp_path: Path
) -> None:
    edit(
        fixture_data,
        "causes/alpha.yaml",
        "next_check_due: 2099-01-01",
        "next_check_due: 2026-06-01",
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as it was")
    result = build(site, fixture_data)
    assert result.returncode != 0
    assert "data/causes/alpha.yaml, line 42: field 'next_check_due': its check was due on " in (
        result.stderr
    )
    assert (site / "index.html").read_text() == "the site as it was"
