"""Load a page in Chromium and record what a reader's browser would do: requests and errors.

Several gates need the same record (no request to another host, no console error, no alert
from hostile data), so it is taken in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Dialog, Page, Request, Response


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


def load(context: BrowserContext, url: str, then: Callable[[Page], None] | None = None) -> PageLoad:
    """Open url in a new tab, optionally act on it, wait until the network is quiet."""
    record = PageLoad(url)
    page = context.new_page()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            record.errors.append(f"console: {message.text}")

    def response(answer: Response) -> None:
        if answer.status >= 400:
            record.errors.append(f"HTTP {answer.status}: {answer.url}")

    def failed(request: Request) -> None:
        record.errors.append(f"failed request: {request.url} ({request.failure})")

    def dialog(box: Dialog) -> None:
        record.dialogs.append(f"{box.type}: {box.message}")
        box.dismiss()

    page.on("request", lambda request: record.requests.append(request.url))
    page.on("pageerror", lambda error: record.errors.append(f"script error: {error}"))
    page.on("console", console)
    page.on("response", response)
    page.on("requestfailed", failed)
    page.on("dialog", dialog)
    try:
        page.goto(url, wait_until="networkidle")
        if then is not None:
            then(page)
            page.wait_for_load_state("networkidle")
    finally:
        page.close()
    return record
