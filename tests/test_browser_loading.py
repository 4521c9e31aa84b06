"""Each page downloads only the scripts it runs: the checker's code on the checker page, the quiz
on pages with a quiz, the search's index and engine once a reader goes to the search box."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PAGE_SCRIPTS = (
    "checker.js",
    "checker-rules.js",
    "quiz.js",
    "checklists.js",
    "causes-filter.js",
    "storage.js",
)


def scripts_loaded(page: Page, url: str) -> set[str]:
    """Our page scripts that the browser fetched while opening url, until the network is quiet."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    page.goto(url, wait_until="networkidle")
    return {name for name in fetched if name in PAGE_SCRIPTS}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", set()),
        ("causes/", {"causes-filter.js"}),
        ("causes/caffeine/", {"quiz.js", "storage.js"}),
        ("checklists/caffeine/", {"checklists.js", "storage.js"}),
        ("checklists/plan/", {"checklists.js", "storage.js"}),
        ("quiz/", {"quiz.js", "storage.js"}),
        ("check/", {"checker.js", "checker-rules.js"}),
    ],
)
def test_a_page_loads_only_the_scripts_it_uses(
    page: Page, served_site: str, path: str, expected: set[str]
) -> None:
    assert scripts_loaded(page, served_site + path) == expected


SEARCH_FILES = ("search.js", "search-worker.js", "search-engine.js", "index.js", "index.json")


def test_search_loads_once_a_reader_goes_to_the_box(page: Page, served_site: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(served_site, wait_until="networkidle")
    assert [url for url in fetched if url.endswith(SEARCH_FILES)] == []
    with page.expect_request(lambda request: request.url.endswith("/search/index.json")):
        page.locator(".md-search__input").focus()
    page.wait_for_load_state("networkidle")
    loaded = {url.removeprefix(served_site) for url in fetched if url.endswith(SEARCH_FILES)}
    assert loaded == {
        "assets/search.js",
        "assets/search-worker.js",
        "assets/search-engine.js",
        "assets/vendor/minisearch-7.2.0/index.js",
        "assets/vendor/stemmer-2.0.1/index.js",
        "search/index.json",
    }
