"""The site works in a real browser: a reader gets from the home page to a cause in two clicks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_cause_is_two_clicks_from_home(page: Page, served_site: str) -> None:
    page.goto(served_site)
    page.get_by_role("article").get_by_role("link", name="Causes of muscle twitching").click()
    expect(page).to_have_url(f"{served_site}causes/")
    page.get_by_role("article").get_by_role("link", name="Too much caffeine").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Too much caffeine")
    expect(page.locator(".medical-term")).to_have_text("Medical name: caffeine excess")
    expect(page.get_by_role("heading", name="When to see a doctor")).to_be_visible()
