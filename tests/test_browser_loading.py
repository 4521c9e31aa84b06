"""Each page downloads only the scripts it runs: the checker's code on the checker page, the quiz
on pages with a quiz, "did you mean" once a reader starts to search."""

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


def test_did_you_mean_loads_once_a_reader_starts_to_search(page: Page, served_site: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    page.goto(served_site, wait_until="networkidle")
    assert "search-suggest.js" not in fetched
    with page.expect_request(lambda request: request.url.endswith("/search-suggest.js")):
        page.locator(".md-search__input").focus()
