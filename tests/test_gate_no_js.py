"""Gate 8, works without JavaScript: with scripts off, every page's content is on screen.

Text may sit in a closed <details> (a reader opens it: the quiz answers do); controls that
need the script may be hidden (buttons, and a group of controls that the script shows, either
`hidden` until it does, such as the causes filter, or marked `data-needs-script`, such as the
plan builder); text may be kept for print only. Nothing else in the
article may be hidden.

Every page is loaded once with scripts off for all these checks (the `page_loads` fixture in
conftest, see page_load.view_without_script); the tests read what was recorded then.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve
from page_load import SiteLoads, view_without_script
from playwright.sync_api import Browser, BrowserContext
from site_pages import page_urls

pytestmark = pytest.mark.browser


@pytest.fixture
def no_script(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


def test_every_page_reads_without_javascript(page_loads: SiteLoads, built_site: Path) -> None:
    views = page_loads.unscripted
    assert set(views) == set(page_urls(built_site))
    assert {url or "home": view.hidden for url, view in views.items() if view.hidden} == {}


# Sentences that promise what only the script does: saving ticks, choosing a plan, scoring.
PROMISES = (
    "kept on this device",
    "Tick what sounds like you",
    "Your plan keeps only",
    "Print my plan",
    "Clear ticks",
    "pick one kind of cause",
    "Your best score",
)


def test_no_page_promises_what_only_the_script_does(
    page_loads: SiteLoads, built_site: Path
) -> None:
    views = page_loads.unscripted
    assert set(views) == set(page_urls(built_site))
    promised = {}
    for url, view in views.items():
        found = [words for words in PROMISES if words.lower() in view.text.lower()]
        if found:
            promised[url or "home"] = found
    assert promised == {}


def test_the_causes_index_lists_every_cause_without_javascript(
    page_loads: SiteLoads, built_site: Path
) -> None:
    causes = {
        url for url in page_urls(built_site) if url.startswith("causes/") and url != "causes/"
    }
    assert causes
    shown = {href.removeprefix(page_loads.base) for href in page_loads.unscripted["causes/"].links}
    assert causes - shown == set()


def test_the_gate_catches_content_that_needs_a_script(
    no_script: BrowserContext, planted_pages: Path
) -> None:
    page = no_script.new_page()
    with serve(planted_pages) as url:
        view = view_without_script(page, url + "planted-no-js/")
    assert view.hidden == ["Read this first."]
