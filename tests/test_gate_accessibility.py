"""Gate 1, accessibility: axe-core in Chromium finds no WCAG 2.2 A or AA failure on any kind of
page, in every colour scheme the site offers, nor with the search results open.

axe takes about 2 s a page here, so it runs on one page of each kind (see site_pages) rather
than on all of them; every page is still covered by the HTML, link and console gates.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import serve
from playwright.sync_api import Page
from site_pages import STATES, representative_pages

pytestmark = pytest.mark.browser

# Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA (axe has no "wcag22a" tag).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page: Page) -> list[str]:
    """axe's findings on the page as it is now, in each colour scheme it offers."""
    schemes = page.eval_on_selector_all(
        "[data-md-color-scheme]", "els => [...new Set(els.map(e => e.dataset.mdColorScheme))]"
    )
    found = []
    for scheme in schemes:
        page.eval_on_selector(
            "body", "(body, scheme) => body.setAttribute('data-md-color-scheme', scheme)", scheme
        )
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        found += [
            f"{scheme}: {rule['id']} ({rule['help']}) at {node['target']}"
            for rule in result.response["violations"]
            for node in rule["nodes"]
        ]
    return found


def test_every_kind_of_page_passes_axe(page: Page, built_site: Path, served_site: str) -> None:
    failures = {}
    for url in representative_pages(built_site):
        page.goto(served_site + url)
        failures[url or "home"] = violations(page)
    for state, (url, act) in STATES.items():
        page.goto(served_site + url)
        act(page)
        failures[state] = violations(page)
    report = [f"{where}: {finding}" for where, found in failures.items() for finding in found]
    assert report == [], "\n".join(report)


def test_links_keep_their_contrast_under_the_pointer(page: Page, served_site: str) -> None:
    # A link under the mouse takes the theme's hover colour; where the pointer rests after a
    # click is chance, so this state is checked on purpose.
    page.goto(served_site + "causes/caffeine/")
    page.get_by_role("link", name="Read the full guide on when to see a doctor").hover()
    assert violations(page) == []


def test_the_gate_catches_an_image_without_text_and_faint_text(
    page: Page, planted_pages: Path
) -> None:
    with serve(planted_pages) as url:
        page.goto(url + "planted-axe/")
        found = violations(page)
    assert any("image-alt" in finding for finding in found), found
    assert any("color-contrast" in finding for finding in found), found
