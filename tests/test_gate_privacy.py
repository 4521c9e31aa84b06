"""Gate 5, private by default: loading a page asks no other host for anything (no web fonts,
analytics or scripts from elsewhere), as recorded by Chromium, on every page and in each state
a reader reaches (search results open, the quiz).

The requests are those recorded when the `page_loads` fixture (conftest) loaded every page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve
from page_load import SiteLoads, load
from planting import planted_site
from playwright.sync_api import BrowserContext
from site_pages import STATES, page_urls

pytestmark = pytest.mark.browser


def test_no_page_asks_another_host(page_loads: SiteLoads, built_site: Path) -> None:
    loads = page_loads.scripted
    assert set(loads) == {*page_urls(built_site), *STATES}
    assert all(x.requests for x in loads.values())
    assert {x.url: x.other_hosts() for x in loads.values() if x.other_hosts()} == {}


def test_the_gate_catches_web_fonts_from_elsewhere(context: BrowserContext, tmp_path: Path) -> None:
    fonts = ("  font: false\n", "  font:\n    text: Roboto\n")
    site = planted_site(tmp_path, replace={"mkdocs.yml": fonts})
    with serve(site) as url:
        asked = load(context, url).other_hosts()
    assert any("fonts.googleapis.com" in request for request in asked), asked
