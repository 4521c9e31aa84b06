"""Which built pages the quality gates visit: every page, one page of each kind, and pages in
a state a reader reaches by acting on them.

Both lists come from the built site itself, so a new kind of page (a checklist, the quiz, a
search page) is checked by every gate as soon as the build makes it, with no list to update.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from conftest import parse
from playwright.sync_api import Page


def page_urls(site: Path) -> list[str]:
    """Every HTML page of the built site, as a URL relative to its root ('' is the home page)."""
    urls = []
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        urls.append(
            path.removesuffix("index.html") if posixpath.basename(path) == "index.html" else path
        )
    return urls


def page_file(site: Path, url: str) -> Path:
    """The built file behind a URL from page_urls."""
    return site / (url + "index.html" if url.endswith("/") or not url else url)


def representative_pages(site: Path) -> list[str]:
    """Pages that together show every kind of page and every component the site has.

    Each page at the top of the site (home, a folder's index, 404) is a kind of its own. Of
    the pages deeper in a folder (the causes, the checklists), a page is taken when its
    article uses a component (a CSS class) that no page taken from that folder used yet: so
    22 checklist pages count once, while the plan builder beside them is still taken.
    """
    taken = []
    covered: dict[str, set[str]] = {}
    for url in page_urls(site):
        folder = posixpath.dirname(url.rstrip("/"))
        if not folder:
            taken.append(url)
            continue
        page = parse(page_file(site, url))
        components = {
            name
            for element in page.xpath("//article//*[@class]")
            for name in element.get("class").split()
        }
        if not components <= covered.setdefault(folder, set()):
            covered[folder] |= components
            taken.append(url)
    return taken


def open_search(page: Page) -> None:
    """Type the first word of the page's title into Material's search, as a reader would."""
    word = page.locator("article h1").first.inner_text().split()[0]
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(word.lower())
    page.locator(".md-search-result__item").first.wait_for()
    # The theme fades its search in; what a reader sees is the page once the fade is over.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


def start_quiz(page: Page) -> None:
    """Start the quiz and answer its first question with the first choice."""
    page.get_by_role("button", name="Start quiz").click()
    answer_question(page)


def answer_question(page: Page) -> None:
    page.locator(".quiz__question input[name='answer']").first.check()
    page.get_by_role("button", name="Check").click()


def finish_quiz(page: Page) -> None:
    """Pick the kind of cause with the fewest questions, as a reader may, answer each of them,
    then show the results. (The results screen is the same for every choice; a round of all
    the questions, over a hundred, would take half a minute to click through.)"""
    page.get_by_role("button", name="Start quiz").wait_for()
    scopes = page.locator(".quiz__choice:has(input[name='scope'])")
    sizes = [int(re.search(r"\((\d+) questions\)", text)[1]) for text in scopes.all_inner_texts()]
    scopes.nth(sizes.index(min(sizes))).locator("input").check()
    start_quiz(page)
    while page.get_by_role("button", name="Next question").count():
        page.get_by_role("button", name="Next question").click()
        answer_question(page)
    page.get_by_role("button", name="See results").click()
    page.locator(".quiz__actions").wait_for()


# Pages in a state a reader reaches by acting on them: (page URL, what the reader does).
STATES: dict[str, tuple[str, Callable[[Page], None]]] = {
    "search results open": ("", open_search),
    "quiz mid-way": ("quiz/", start_quiz),
    "quiz results": ("quiz/", finish_quiz),
}
