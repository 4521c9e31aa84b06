"""Load pages in Chromium and record what a reader's browser would do and show.

Several gates need the same record (no request to another host, no console error, no alert
from hostile data; with scripts off, no content hidden and no promise only the script keeps),
so every page of the built site is loaded once with JavaScript on and once with it off, in one
session fixture (`page_loads` in conftest), and each gate asserts on that shared record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    Request,
    Response,
)
from site_pages import STATES, page_urls

# How often, and how many times in a row, the open requests are counted before a page counts as
# settled: a script that has just loaded starts its own fetch (the quiz's questions, the
# checker's rules) within a moment, so the page must be quiet twice running.
SETTLE_POLL_MS = 50
SETTLE_QUIET_POLLS = 2
SETTLE_TIMEOUT_MS = 15_000


@dataclass
class PageLoad:
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def other_hosts(self) -> list[str]:
        """Requests to anywhere but the host that served the page."""
        host = urlsplit(self.url).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != host
        ]


def settle(page: Page, open_requests: set[Request]) -> None:
    """Wait until every request the page (or its workers) started has finished or failed, and
    no new one has started, for SETTLE_QUIET_POLLS checks in a row."""
    quiet = 0
    for _ in range(SETTLE_TIMEOUT_MS // SETTLE_POLL_MS):
        page.wait_for_timeout(SETTLE_POLL_MS)
        quiet = quiet + 1 if not open_requests else 0
        if quiet >= SETTLE_QUIET_POLLS:
            return
    raise AssertionError(f"{page.url}: requests still open: {[r.url for r in open_requests]}")


class Recorder:
    """One tab that records, for each page it is sent to, what the browser did (PageLoad)."""

    def __init__(self, context: BrowserContext) -> None:
        self.page = context.new_page()
        self.record = PageLoad("")
        self.open_requests: set[Request] = set()
        self.sent_by: dict[Request, PageLoad] = {}
        page = self.page
        page.on("request", self._request)
        page.on("requestfinished", lambda done: self.open_requests.discard(done))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.record.errors.append(f"script error: {error}"))
        page.on("dialog", self._dialog)

    def _request(self, sent: Request) -> None:
        self.record.requests.append(sent.url)
        self.open_requests.add(sent)
        self.sent_by[sent] = self.record

    def _failed(self, request: Request) -> None:
        self.open_requests.discard(request)
        owner = self.sent_by.get(request, self.record)
        # Going on to the next page aborts what the last one still had open (the browser asks
        # for the favicon late): a new tab per page would have closed it just the same.
        if owner is not self.record and request.failure == "net::ERR_ABORTED":
            return
        owner.errors.append(f"failed request: {request.url} ({request.failure})")

    def _response(self, answer: Response) -> None:
        if answer.status >= 400:
            self.record.errors.append(f"HTTP {answer.status}: {answer.url}")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.record.errors.append(f"console: {message.text}")

    def _dialog(self, box: Dialog) -> None:
        self.record.dialogs.append(f"{box.type}: {box.message}")
        box.dismiss()

    def load(self, url: str, then: Callable[[Page], None] | None = None) -> PageLoad:
        """Go to url, optionally act on it, and wait for the 'load' event and for every request
        the page made (its scripts' own fetches included) to finish."""
        # A new tab would start with empty session storage: so does each page here.
        if self.page.url.startswith("http"):
            self.page.evaluate("sessionStorage.clear()")
        self.record = PageLoad(url)
        self.page.goto(url, wait_until="load")
        settle(self.page, self.open_requests)
        if then is not None:
            then(self.page)
            settle(self.page, self.open_requests)
        return self.record

    def close(self) -> None:
        self.page.close()


def load(context: BrowserContext, url: str, then: Callable[[Page], None] | None = None) -> PageLoad:
    """Open url in a new tab and record it (see Recorder.load)."""
    recorder = Recorder(context)
    try:
        return recorder.load(url, then)
    finally:
        recorder.close()


# Text in the article that is not on screen, and kept from print too. Allowed: text in a closed
# <details> (a reader opens it), controls that need the script (see test_gate_no_js).
HIDDEN_CONTENT = """article => [...article.querySelectorAll("*")]
    .filter(el => !el.closest("details:not([open]), button, script, style, template"))
    .filter(el => !el.closest("[hidden], [data-needs-script]")
        ?.querySelector("input, select, textarea, button"))
    .filter(el => !el.checkVisibility())
    .map(el => [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)
        .map(n => n.textContent.trim()).join(" ").trim()
        || (el.matches("input, select, textarea, a[href]") ? el.outerHTML.slice(0, 80) : ""))
    .filter(Boolean)"""

# The article's links a reader can see, by the same rule as Playwright's is_visible(): a box
# of some size, and not visibility: hidden.
VISIBLE_LINKS = """article => [...article.querySelectorAll("a[href]")]
    .filter(a => {
        const box = a.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(a).visibility !== "hidden";
    })
    .map(a => a.href)"""


@dataclass
class NoScriptView:
    """A page as a reader with JavaScript off gets it."""

    url: str
    hidden: list[str]  # article text hidden on screen and in print
    text: str  # the article's text, one space between words
    links: list[str]  # the article's visible links, as absolute URLs


def view_without_script(page: Page, url: str) -> NoScriptView:
    """Load url in a page whose context has JavaScript off, and record what it shows."""
    page.goto(url)
    hidden = []
    on_screen = page.eval_on_selector("article", HIDDEN_CONTENT)
    if on_screen:
        page.emulate_media(media="print")
        printed = page.eval_on_selector("article", HIDDEN_CONTENT)
        page.emulate_media(media="screen")
        hidden = [text for text in on_screen if text in printed]
    text = " ".join(page.locator("article").inner_text().split())
    links = page.eval_on_selector("article", VISIBLE_LINKS)
    return NoScriptView(url, hidden, text, links)


@dataclass
class SiteLoads:
    """Every page of a site loaded once with JavaScript on (and each reader state of STATES),
    and once with it off; keyed by the page's URL relative to the site ('' is home) or, for a
    state, by its name."""

    base: str
    scripted: dict[str, PageLoad]
    unscripted: dict[str, NoScriptView]


def load_every_page(
    browser: Browser,
    base: str,
    urls: list[str],
    states: dict[str, tuple[str, Callable[[Page], None]]],
) -> SiteLoads:
    context = browser.new_context()
    try:
        # One tab for every page: opening a tab costs more than loading a page here.
        recorder = Recorder(context)
        scripted = {url: recorder.load(base + url) for url in urls}
        scripted |= {name: recorder.load(base + url, act) for name, (url, act) in states.items()}
    finally:
        context.close()
    no_script = browser.new_context(java_script_enabled=False)
    try:
        page = no_script.new_page()
        unscripted = {url: view_without_script(page, base + url) for url in urls}
    finally:
        no_script.close()
    return SiteLoads(base, scripted, unscripted)


def site_loads(browser: Browser, site: Path, base: str) -> SiteLoads:
    """Every page of the built site at `site`, served at `base`, loaded both ways."""
    return load_every_page(browser, base, page_urls(site), STATES)
