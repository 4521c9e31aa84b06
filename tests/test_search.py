"""Readers find a cause by their own words: keywords reach the search index, and bad ones fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from causepages import load_site
from conftest import DATA, data_problems, parse
from test_data import edit


@pytest.fixture(scope="module")
def real_site():
    """The real data, loaded when a test needs it rather than at import, so a data error
    fails this fixture instead of the collection of the whole test run."""
    return load_site(DATA)


def search_index(built_site: Path) -> dict[str, dict]:
    docs = json.loads((built_site / "search" / "search_index.json").read_text())["docs"]
    return {doc["location"]: doc for doc in docs}


def test_every_keyword_is_in_the_index_for_its_cause(built_site: Path, real_site) -> None:
    """A reader's words for a cause (its keywords, the search terms that lead to it, its body
    areas) are all in the search index for that cause's page."""
    index = search_index(built_site)
    for cause in real_site.causes.values():
        areas = [real_site.body_areas[key].name.lower() for key in cause.body_areas]
        terms = [term for term, cause_id in real_site.search_terms.items() if cause_id == cause.id]
        tags = {tag.lower() for tag in index[f"causes/{cause.id}/"]["tags"]}
        missing = {word.lower() for word in [*cause.keywords, *terms, *areas]} - tags
        assert missing == set(), cause.id


def test_keywords_do_not_show_on_the_page(built_site: Path) -> None:
    page = (built_site / "causes" / "caffeine" / "index.html").read_text()
    assert "md-tag" not in page


def test_a_keyword_shared_by_more_than_three_causes_fails(fixture_data: Path) -> None:
    for name in ("alpha", "beta", "gamma", "delta"):
        path = fixture_data / "causes" / f"{name}.yaml"
        if not path.exists():
            text = (fixture_data / "causes" / "alpha.yaml").read_text()
            path.write_text(text.replace("id: alpha", f"id: {name}").replace("[beta]", "[]"))
            edit(fixture_data, f"causes/{name}.yaml", "Alpha is dangerous.", f"Is {name} risky?")
            edit(fixture_data, f"causes/{name}.yaml", "What helps?", f"What helps {name}?")
        edit(fixture_data, f"causes/{name}.yaml", "keywords: [", "keywords: [Twitchy, ")
    assert data_problems(fixture_data) == [
        "data/causes/gamma.yaml, line 26: field 'keywords.0': 'twitchy' is a keyword of 4 "
        "causes (alpha, beta, delta, gamma); at most 3 may share one"
    ]


def test_an_unknown_body_area_fails(fixture_data: Path) -> None:
    edit(fixture_data, "causes/alpha.yaml", "body_areas: [eyelid]", "body_areas: [eyeld]")
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yaml, line 9: field 'body_areas.0': "
        "'eyeld' is not in data/body_areas.yaml (did you mean 'eyelid'?)"
    ]


def test_causes_index_items_carry_what_the_filters_need(built_site: Path, real_site) -> None:
    page = parse(built_site / "causes" / "index.html")
    items = {li.cssselect("a")[0].get("href"): li for li in page.cssselect("li[data-kind]")}
    assert len(items) == len(real_site.causes)
    for cause in real_site.causes.values():
        item = items[f"{cause.id}/"]
        # A cause felt all over the body is found under every area.
        assert item.get("data-areas").split() == real_site.areas_shown(cause)
        assert item.get("data-kind") == cause.category
        assert item.get("data-step") == cause.first_step
    form = page.cssselect("form[data-cause-filter]")[0]
    assert form.get("hidden") is not None, "without JavaScript the filter stays hidden"
    areas = [o.get("value") for o in form.cssselect('select[name="area"] option')][1:]
    assert areas == list(real_site.body_areas)


def test_body_map_links_every_body_area(built_site: Path, real_site) -> None:
    page = parse(built_site / "index.html")
    links = page.cssselect("figure.body-map a")
    shown = {a.get("href"): a.text_content() for a in links}
    assert shown == {f"causes/?area={key}": area.name for key, area in real_site.body_areas.items()}


def test_plan_builder_keeps_its_lists_out_of_search(built_site: Path, real_site) -> None:
    text = search_index(built_site)["checklists/plan/"]["text"]
    assert text == f"<p>{real_site.pages.plan.intro}</p>"
