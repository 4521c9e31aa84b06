"""Each kind of page a reader meets, and which of our own CSS and JavaScript files it loads.

A page is opened in Chromium and left until the network is quiet, so the modules `site.js`
imports only where they are used count on the pages that use them. "Search open" is the home
page with a query in its address, which opens the theme's search with the query typed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import ROOT, chromium
from bench.lighthouse import HOST_RULES
from bench.measure import sizes

# Our own files: docs/assets/*.css and *.js (the theme's live under assets/javascripts and
# assets/stylesheets).
OWN = {
    f"assets/{path.name}"
    for pattern in ("*.css", "*.js")
    for path in (ROOT / "docs" / "assets").glob(pattern)
}


@dataclass(frozen=True)
class PageType:
    name: str
    path: str


@dataclass(frozen=True)
class Loaded:
    """Our own CSS and JS files one page type loads, and their weight gzipped, in bytes."""

    page: PageType
    files: list[str]
    gzipped: int


def page_types(site_dir: Path) -> list[PageType]:
    """One page of each type in a built site; a cause's pages are the first cause's."""
    first = sorted(p.name for p in (site_dir / "causes").iterdir() if p.is_dir())[0]
    return [
        PageType("home", ""),
        PageType("cause", f"causes/{first}/"),
        PageType("checklist", f"checklists/{first}/"),
        PageType("plan", "checklists/plan/"),
        PageType("quiz", "quiz/"),
        PageType("checker", "check/"),
        PageType("search open", "?q=twitching+eyelid"),
    ]


def own_assets_loaded(site_dir: Path, base: str, pages: list[PageType]) -> list[Loaded]:
    """For each page type, the own files Chromium fetched for it with an empty cache."""
    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=[HOST_RULES])
        for page_type in pages:
            context = browser.new_context()
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda request, urls=urls: urls.append(request.url))
            page.goto(base + page_type.path, wait_until="networkidle")
            files = sorted(
                {path for url in urls if (path := url.removeprefix(base).split("?")[0]) in OWN}
            )
            gzipped = sum(sizes((site_dir / file).read_bytes())[1] for file in files)
            found.append(Loaded(page_type, files, gzipped))
            context.close()
        browser.close()
    return found
