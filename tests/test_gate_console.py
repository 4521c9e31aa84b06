"""Gate 7, no console errors: every built page loads in Chromium with no script error, no
console error and no failed request, and so does each state a reader reaches (see STATES).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve
from page_load import load
from planting import planted_site
from playwright.sync_api import BrowserContext
from site_pages import STATES, page_urls

pytestmark = pytest.mark.browser


def test_every_page_loads_without_an_error(
    context: BrowserContext, built_site: Path, served_site: str
) -> None:
    loads = [load(context, served_site + url) for url in page_urls(built_site)]
    loads += [load(context, served_site + url, then=act) for url, act in STATES.values()]
    report = [f"{x.url}: {error}" for x in loads for error in x.errors]
    assert report == [], "\n".join(report)


def test_the_gate_catches_a_script_error_and_a_missing_file(
    context: BrowserContext, tmp_path: Path
) -> None:
    planted = (
        "# Planted\n\n<img src='missing.png' alt='Missing'>\n\n"
        "<script>undefinedFunction()</script>\n"
    )
    site = planted_site(tmp_path, pages={"planted.md": planted})
    with serve(site) as url:
        errors = load(context, url + "planted/").errors
    assert any("undefinedFunction" in error for error in errors), errors
    assert any(error.startswith("HTTP 404") and "missing.png" in error for error in errors), errors
