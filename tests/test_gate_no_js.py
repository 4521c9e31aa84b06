"""Gate 8, works without JavaScript: with scripts off, every page's content is on screen.

Text may sit in a closed <details> (a reader opens it: the quiz answers do); controls that
need the script may be hidden (buttons, and a group of controls that the script shows, either
`hidden` until it does, such as the causes filter, or marked `data-needs-script`, such as the
plan builder); text may be kept for print only. Nothing else in the
article may be hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve
from planting import planted_site
from playwright.sync_api import Browser, BrowserContext
from site_pages import page_urls

pytestmark = pytest.mark.browser

HIDDEN_CONTENT = """article => [...article.querySelectorAll("*")]
    .filter(el => !el.closest("details:not([open]), button, script, style, template"))
    .filter(el => !el.closest("[hidden], [data-needs-script]")
        ?.querySelector("input, select, textarea, button"))
    .filter(el => !el.checkVisibility())
    .map(el => [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)
        .map(n => n.textContent.trim()).join(" ").trim()
        || (el.matches("input, select, textarea, a[href]") ? el.outerHTML.slice(0, 80) : ""))
    .filter(Boolean)"""


@pytest.fixture
def no_script(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


def hidden_content(context: BrowserContext, base: str, urls: list[str]) -> dict[str, list[str]]:
    page = context.new_page()
    hidden = {}
    for url in urls:
        page.goto(base + url)
        on_screen = page.eval_on_selector("article", HIDDEN_CONTENT)
        if on_screen:
            page.emulate_media(media="print")
            printed = page.eval_on_selector("article", HIDDEN_CONTENT)
            page.emulate_media(media="screen")
            hidden[url or "home"] = [text for text in on_screen if text in printed]
    return {url: found for url, found in hidden.items() if found}


def test_every_page_reads_without_javascript(
    no_script: BrowserContext, built_site: Path, served_site: str
) -> None:
    assert hidden_content(no_script, served_site, page_urls(built_site)) == {}


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
    no_script: BrowserContext, built_site: Path, served_site: str
) -> None:
    page = no_script.new_page()
    promised = {}
    for url in page_urls(built_site):
        page.goto(served_site + url)
        shown = " ".join(page.locator("article").inner_text().split())
        found = [words for words in PROMISES if words.lower() in shown.lower()]
        if found:
            promised[url or "home"] = found
    assert promised == {}


def test_the_causes_index_lists_every_cause_without_javascript(
    no_script: BrowserContext, built_site: Path, served_site: str
) -> None:
    causes = {
        url for url in page_urls(built_site) if url.startswith("causes/") and url != "causes/"
    }
    page = no_script.new_page()
    page.goto(served_site + "causes/")
    links = page.locator("article a[href]")
    shown = {
        link.evaluate("a => a.href").removeprefix(served_site)
        for link in links.all()
        if link.is_visible()
    }
    assert causes - shown == set()


def test_the_gate_catches_content_that_needs_a_script(
    no_script: BrowserContext, tmp_path: Path
) -> None:
    planted = (
        "# Planted\n\n<div class='needs-js' style='display: none'>Read this first.</div>\n\n"
        "<details><summary>Answer</summary>Shown when opened.</details>\n"
    )
    site = planted_site(tmp_path, pages={"planted.md": planted})
    with serve(site) as url:
        assert hidden_content(no_script, url, ["planted/"]) == {"planted/": ["Read this first."]}
