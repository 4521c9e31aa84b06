"""Gate 7, no console errors: every built page loads in Chromium with no script error, no
console error and no failed request, and so does each state a reader reaches (see STATES).

Every page is loaded once for the console, privacy and no-JavaScript gates together (the
`page_loads` fixture in conftest); this gate reads the errors recorded then.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve
from page_load import SiteLoads, load
from playwright.sync_api import BrowserContext
from site_pages import STATES, page_urls

pytestmark = pytest.mark.browser


def test_every_page_loads_without_an_error(page_loads: SiteLoads, built_site: Path) -> None:
    assert set(page_loads.scripted) == {*page_urls(built_site), *STATES}
    report = [f"{x.url}: {error}" for x in page_loads.scripted.values() for error in x.errors]
    assert report == [], "\n".join(report)


def test_the_gate_catches_a_script_error_and_a_missing_file(
    context: BrowserContext, planted_pages: Path
) -> None:
    with serve(planted_pages) as url:
        errors = load(context, url + "planted-console/").errors
    assert any("undefinedFunction" in error for error in errors), errors
    assert any(error.startswith("HTTP 404") and "missing.png" in error for error in errors), errors
