"""Gate 5, private by default: loading a page asks no other host for anything (no web fonts,
analytics or scripts from elsewhere), as recorded by Chromium, search included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve
from page_load import load
from planting import planted_site
from playwright.sync_api import BrowserContext
from site_pages import STATES, representative_pages

pytestmark = pytest.mark.browser


def test_no_page_asks_another_host(
    context: BrowserContext, built_site: Path, served_site: str
) -> None:
    loads = [load(context, served_site + url) for url in representative_pages(built_site)]
    loads += [load(context, served_site + url, then=act) for url, act in STATES.values()]
    assert all(x.requests for x in loads)
    assert {x.url: x.other_hosts() for x in loads if x.other_hosts()} == {}


def test_the_gate_catches_web_fonts_from_elsewhere(context: BrowserContext, tmp_path: Path) -> None:
    fonts = ("  font: false\n", "  font:\n    text: Roboto\n")
    site = planted_site(tmp_path, replace={"mkdocs.yml": fonts})
    with serve(site) as url:
        asked = load(context, url).other_hosts()
    assert any("fonts.googleapis.com" in request for request in asked), asked
