"""Checklists in real Chromium: ticks that last, clearing, 'build my plan', and printing."""

from __future__ import annotations

import io
from itertools import combinations

import pytest
from causepages import load_site
from causepages.models import Cause
from conftest import DATA
from playwright.sync_api import Page, expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

SITE = load_site(DATA)
CAUSE = next(iter(SITE.causes.values()))


def open_checklist(page: Page, served_site: str, cause: Cause = CAUSE) -> None:
    # Instant navigation only starts once Material has read the sitemap.
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(f"{served_site}checklists/{cause.id}/")


def test_a_tick_survives_a_reload(page: Page, served_site: str) -> None:
    open_checklist(page, served_site)
    first = page.get_by_label(CAUSE.prevention[0], exact=True)
    first.check()
    page.reload()
    expect(first).to_be_checked()
    for item in CAUSE.prevention[1:]:
        expect(page.get_by_label(item, exact=True)).not_to_be_checked()


def test_a_tick_survives_instant_navigation(page: Page, served_site: str) -> None:
    open_checklist(page, served_site)
    last = page.get_by_label(CAUSE.prevention[-1], exact=True)
    last.check()
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name=f"Read the full page: {CAUSE.title}").click()
    expect(page).to_have_url(f"{served_site}causes/{CAUSE.id}/")
    page.get_by_role("link", name="Tick off this checklist").click()
    expect(page).to_have_url(f"{served_site}checklists/{CAUSE.id}/")
    expect(last).to_be_checked()
    assert page.evaluate("window.sameDocument") is True, "the page was reloaded, not swapped"


def test_clear_unticks_everything_for_good(page: Page, served_site: str) -> None:
    open_checklist(page, served_site)
    for item in CAUSE.prevention:
        page.get_by_label(item, exact=True).check()
    page.get_by_role("button", name="Clear ticks").click()
    page.reload()
    for item in CAUSE.prevention:
        expect(page.get_by_label(item, exact=True)).not_to_be_checked()


def sharing_pair() -> tuple[Cause, Cause]:
    """Two causes with an item in common, if the data has any, to show it is listed once."""
    pairs = list(combinations(SITE.causes.values(), 2))
    shared = [
        (a, b)
        for a, b in pairs
        if {i.lower() for i in a.prevention} & {i.lower() for i in b.prevention}
    ]
    return (shared or pairs)[0]


def test_plan_is_the_union_of_the_chosen_checklists(page: Page, served_site: str) -> None:
    first, second = sharing_pair()
    page.goto(f"{served_site}checklists/plan/")
    page.get_by_label(first.plan_prompt, exact=True).check()
    page.get_by_label(second.plan_prompt, exact=True).check()
    wanted = [c for c in SITE.causes.values() if c in (first, second)]
    union: dict[str, str] = {}
    for cause in wanted:
        for item in cause.prevention:
            union.setdefault(item.lower(), item)
    items = page.locator(".plan__cause li:visible")
    expect(items).to_have_text(list(union.values()))
    cards = {
        line
        for cause in wanted
        for level in ("emergency", "urgent", "see_a_gp")
        for line in getattr(cause.care_cards, level)
    }
    expect(page.locator(".plan [data-causes]:visible")).to_have_count(len(cards))

    # The choice is in the address: opening it again rebuilds the same plan.
    shared = page.url
    assert f"for={first.id}+{second.id}" in shared or f"for={second.id}+{first.id}" in shared
    fresh = page.context.new_page()
    fresh.goto(shared)
    expect(fresh.get_by_label(first.plan_prompt, exact=True)).to_be_checked()
    expect(fresh.get_by_label(second.plan_prompt, exact=True)).to_be_checked()
    expect(fresh.locator(".plan__cause li:visible")).to_have_text(list(union.values()))


def longest(causes: list[Cause]) -> Cause:
    def lines(cause: Cause) -> int:
        cards = cause.care_cards
        return len(cause.prevention) + len(cards.emergency + cards.urgent + cards.see_a_gp)

    return max(causes, key=lines)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printing_gives_one_clean_page(page: Page, served_site: str, paper: str) -> None:
    cause = longest(list(SITE.causes.values()))
    open_checklist(page, served_site, cause)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.get_by_role("button", name="Clear ticks")).to_be_hidden()
    for item in cause.prevention:
        expect(page.locator(".checklist li", has_text=item)).to_be_visible()
    expect(page.get_by_text(f"{served_site}checklists/{cause.id}/")).to_be_visible()
    expect(page.locator(".review-dates")).to_be_visible()
    printed = PdfReader(io.BytesIO(page.pdf(format=paper)))
    assert len(printed.pages) == 1
