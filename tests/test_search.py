"""The search index the build writes (search/index.json), the engine the site ships, and what
stops the build: readers' words reach their page's fields, repeated sections stay out, and bad
settings, terms and pages fail with one clear message."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from causepages import load_site
from conftest import DATA, ROOT, data_problems, parse
from test_data import edit

ASSETS = ROOT / "docs" / "assets"
NODE_MODULES = ROOT / "node_modules"
# Each browser library the search imports, by its path under docs/assets/vendor/: the npm
# package it is, and where npm puts the same file and the licence.
ENGINE_FILES = {
    "minisearch": ("dist/es/index.js", "LICENSE.txt"),
    "stemmer": ("index.js", "license"),
}
VENDORED = re.compile(r'from "\./vendor/([a-z-]+)-(\d+\.\d+\.\d+)/([\w.]+)"')


@pytest.fixture(scope="module")
def real_site():
    """The real data, loaded when a test needs it rather than at import, so a data error
    fails this fixture instead of the collection of the whole test run."""
    return load_site(DATA)


def search_index(site_dir: Path) -> dict[str, dict]:
    pages = json.loads((site_dir / "search" / "index.json").read_text())["pages"]
    return {page["href"]: page for page in pages}


def test_readers_words_are_in_their_causes_fields(built_site: Path, real_site) -> None:
    """A cause's keywords, the search terms that lead to it, its medical name and body areas
    are each in their own field of its entry."""
    index = search_index(built_site)
    for cause in real_site.causes.values():
        entry = index[f"causes/{cause.id}/"]
        terms = [term for term, cause_id in real_site.search_terms.items() if cause_id == cause.id]
        assert entry["words"] == [*cause.keywords, *terms]
        assert entry["areas"] == [real_site.body_areas[key].name for key in cause.body_areas]
        assert entry["medical"] == (cause.medical_term or "")
        assert (entry["title"], entry["summary"], entry["kind"]) == (
            cause.title,
            cause.summary,
            "cause",
        )


def test_repeated_sections_stay_out_of_the_text(built_site: Path, real_site) -> None:
    """Care cards, cautions, sources and links to other pages are on many pages: searching
    their words would find every cause. A cause's own prose is in."""
    index = search_index(built_site)
    caffeine = " ".join(index["causes/caffeine/"]["text"])
    assert "Cut down slowly over a week or two." in caffeine
    for cause in real_site.causes.values():
        text = " ".join(index[f"causes/{cause.id}/"]["text"])
        assert " Accessed " not in text, f"{cause.id}: its list of sources"
        for caution in real_site.cautions.values():
            assert caution.advice not in text, cause.id
        assert "Tick off this checklist" not in text, cause.id
        # The care cards' own wording, which the catalogue gives every cause page.
        assert "Call 999 (UK) or 911 (US), or go to A&E" not in text, cause.id


def test_each_page_the_reader_can_search_is_in_once(built_site: Path) -> None:
    index = search_index(built_site)
    kinds = {href: page["kind"] for href, page in index.items()}
    assert kinds["quiz/"] == kinds["check/"] == kinds["checklists/plan/"] == "tool"
    assert kinds["causes/"] == kinds["glossary/"] == kinds[""] == "hub"
    assert kinds["when-to-see-a-doctor/"] == "guide"
    # A cause's checklist page is reached from its cause page, not from search.
    assert [href for href in index if href.startswith("checklists/")] == [
        "checklists/",
        "checklists/plan/",
    ]
    # A tool or hub is found by its own words: its text is every question or every cause.
    assert index["quiz/"]["text"] == index["causes/"]["text"] == []


def test_the_index_is_the_same_from_mkdocs_and_from_generate(
    built_site: Path, tmp_path: Path
) -> None:
    env = os.environ | {"PYTHONPATH": str(ROOT / "hooks")}
    command = [sys.executable, "-m", "causepages", "generate", str(tmp_path)]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    generated = (tmp_path / "search" / "index.json").read_bytes()
    assert generated == (built_site / "search" / "index.json").read_bytes()


def test_the_index_is_small_and_loads_only_with_search(built_site: Path) -> None:
    """No page names the index or the engine: search.js fetches them on first use."""
    home = (built_site / "index.html").read_text()
    assert "search/index.json" not in home and "minisearch" not in home
    assert not (built_site / "search" / "search_index.json").exists(), "the theme's index"


def test_keywords_do_not_show_on_the_page(built_site: Path) -> None:
    page = (built_site / "causes" / "caffeine" / "index.html").read_text()
    assert "md-tag" not in page


def test_without_javascript_the_search_form_leads_to_the_causes(built_site: Path) -> None:
    for page in ("index.html", "causes/caffeine/index.html"):
        form = parse(built_site / page).cssselect("[data-site-search] form")[0]
        target = (built_site / page).parent / form.get("action")
        assert target.resolve() == (built_site / "causes").resolve(), page


@pytest.mark.parametrize(
    ("name", "version", "file"), VENDORED.findall((ASSETS / "search-engine.js").read_text())
)
def test_each_shipped_engine_file_is_npms_byte_for_byte(name: str, version: str, file: str) -> None:
    if not (NODE_MODULES / name).is_dir():
        reason = f"node_modules has no {name}: run `npm ci` (make test does)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    assert pinned.get(name) == version, f"package.json: pin {name} to exactly {version}"
    installed = json.loads((NODE_MODULES / name / "package.json").read_text())["version"]
    assert installed == version, f"node_modules has {name} {installed}: run `npm ci`"
    npm_file, licence = ENGINE_FILES[name]
    shipped = ASSETS / "vendor" / f"{name}-{version}"
    assert (shipped / file).read_bytes() == (NODE_MODULES / name / npm_file).read_bytes(), (
        f"docs/assets/vendor/{name}-{version}/{file} differs from {name} {version} on npm: "
        "run `make search-engine`"
    )
    assert list(shipped.glob("LICENSE*")), f"ship {name}'s licence beside it"
    assert (
        next(shipped.glob("LICENSE*")).read_bytes() == (NODE_MODULES / name / licence).read_bytes()
    )


def test_both_engine_libraries_are_shipped() -> None:
    imported = {name for name, _, _ in VENDORED.findall((ASSETS / "search-engine.js").read_text())}
    assert imported == set(ENGINE_FILES)


BAD_SETTINGS = {
    "a weight that is not positive": (
        "  title: 6\n",
        "  title: 0\n",
        "data/search.yaml, line 7: field 'fields.title': expected a number greater than 0, got 0",
    ),
    "a weight that is not a number": (
        "  hub: 0.1\n",
        "  hub: low\n",
        "data/search.yaml, line 21: field 'pages.hub': expected a number, got 'low'",
    ),
    "a weight that is infinite": (
        "  title: 6\n",
        "  title: .inf\n",
        "data/search.yaml, line 7: field 'fields.title': expected a number, got inf",
    ),
    "a weight that is true": (
        "  title: 6\n",
        "  title: true\n",
        "data/search.yaml, line 7: field 'fields.title': expected a number, got True",
    ),
    "a field without a weight": (
        "  text: 1\n",
        "",
        "data/search.yaml, line 7: field 'fields': give a weight for each of: text",
    ),
    "a separator that splits words": (
        'separator: "[',
        'separator: "[a',
        "data/search.yaml, line 25: field 'separator': it must match spaces and never a letter "
        "or digit",
    ),
    "a stop word twice": (
        "  a, able,",
        "  a, a, able,",
        "data/search.yaml, line 35: field 'stop_words': listed twice: a",
    ),
}


@pytest.mark.parametrize("case", BAD_SETTINGS)
def test_bad_search_settings_stop_with_one_clear_message(fixture_data: Path, case: str) -> None:
    old, new, message = BAD_SETTINGS[case]
    edit(fixture_data, "search.yaml", old, new)
    assert data_problems(fixture_data) == [message]


def test_an_empty_search_term_fails(fixture_data: Path) -> None:
    edit(fixture_data, "search_terms.yaml", "nervous: alpha", "'': alpha")
    assert data_problems(fixture_data) == [
        "data/search_terms.yaml, line 1: a search term cannot be empty: write a word"
    ]


def test_a_search_term_listed_twice_in_another_case_fails(fixture_data: Path) -> None:
    edit(fixture_data, "search_terms.yaml", "nervous: alpha", "nervous: alpha\nNervous : alpha")
    assert data_problems(fixture_data) == [
        "data/search_terms.yaml, line 2: field 'Nervous': is 'nervous' again, as search reads "
        "it: keep one"
    ]


def test_a_hand_written_page_with_a_bad_search_kind_fails(tmp_path: Path) -> None:
    from causepages.features.search_index import search_problems

    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "notes.md"
    page.write_text("---\ntitle: Notes\nsearch:\n  kind: hbu\n---\n\n# Notes\n")
    problems = [str(problem) for problem in search_problems(tmp_path / "docs")]
    assert problems == [
        "docs/notes.md: field 'search.kind': Input should be 'cause', 'guide', 'tool' or 'hub'"
    ]


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
