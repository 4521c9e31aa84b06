""" "Check your twitch" in Chromium: readers from the scenario table end to end, emergencies first,
steps that Back and Forward move between, answers that stay on the device, and a summary that
prints on one page."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from causepages import load_site
from causepages.checker import payload
from conftest import DATA, ROOT
from playwright.sync_api import Page, expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

SITE = load_site(DATA)
DATA_JSON = payload(SITE)
SCENARIOS = json.loads(
    (ROOT / "tests" / "clinical_safety" / "scenarios.json").read_text(encoding="utf-8")
)
LABELS = {a["id"]: a["label"] for step in DATA_JSON["steps"] for a in step["answers"]}


def open_checker(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}check/")
    expect(page.locator(".checker__step")).to_be_visible()


def answer(page: Page, answers: list[str]) -> None:
    """Go through the steps as a reader would, ticking these answers, until the result."""
    for step in DATA_JSON["steps"]:
        if page.locator(".checker__result").is_visible():
            return
        expect(page.locator(".checker__step h2")).to_have_text(step["title"])
        mine = [a for a in step["answers"] if a["id"] in answers]
        for given in mine:
            page.get_by_label(given["label"], exact=True).check()
        if not mine and step.get("none"):
            page.get_by_label(step["none"], exact=True).check()
        page.get_by_role("button", name="Next").click()
    expect(page.locator(".checker__result")).to_be_visible()


def shown_causes(page: Page) -> list[str]:
    hrefs = page.locator(".checker__causes > li > a:first-child").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    )
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


# Ten readers from the table, run end to end: every tier and the review's three readers.
END_TO_END = [s for s in SCENARIOS if s["tier"] != "emergency"][:8] + [
    s for s in SCENARIOS if s["tier"] == "emergency"
][:2]


@pytest.mark.parametrize("scenario", END_TO_END, ids=[s["reader"][:40] for s in END_TO_END])
def test_a_reader_reaches_the_right_tier_and_pages(
    page: Page, served_site: str, scenario: dict[str, Any]
) -> None:
    open_checker(page, served_site)
    answer(page, scenario["answers"])
    expect(page.locator(f".checker__result .care-card--{scenario['tier']}")).to_be_visible()
    top = shown_causes(page)[:3]
    for cause_id in scenario["top3"]:
        assert cause_id in top, f"{cause_id} not in {top}"
    reassurance = DATA_JSON["tiers"]["self_care"]["reassurance"]
    if scenario["tier"] != "self_care":
        expect(page.get_by_text(reassurance)).to_have_count(0)


def test_an_emergency_sign_ends_the_check_at_once(page: Page, served_site: str) -> None:
    open_checker(page, served_site)
    poison = "poisoning-with-symptoms"
    page.get_by_label(LABELS[poison], exact=True).check()
    page.get_by_role("button", name="Next").click()
    result = page.locator(".checker__result")
    expect(result.locator(".care-card--emergency")).to_be_visible()
    expect(result).to_contain_text(SITE.warning_signs.tiers.emergency.action)
    expect(result.locator(".checker__causes")).to_have_count(0)
    expect(page.locator("#checker-live, .checker__live")).to_contain_text("Result")


def test_back_and_forward_move_between_steps_and_focus_follows(
    page: Page, served_site: str
) -> None:
    open_checker(page, served_site)
    first, second = DATA_JSON["steps"][:2]
    page.get_by_label(first["none"], exact=True).check()
    page.get_by_role("button", name="Next").click()
    heading = page.locator(".checker__step h2")
    expect(heading).to_have_text(second["title"])
    expect(heading).to_be_focused()
    page.go_back()
    expect(heading).to_have_text(first["title"])
    expect(page.get_by_label(first["none"], exact=True)).to_be_checked()
    page.go_forward()
    expect(heading).to_have_text(second["title"])


def test_answers_stay_on_the_device_and_start_again_clears_them(
    page: Page, served_site: str
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_checker(page, served_site)
    scenario = SCENARIOS[0]
    answer(page, scenario["answers"])
    # Only which step is showing goes into the address, never an answer.
    assert page.url == f"{served_site}check/#result"
    sent = [url for url in requests if "?" in url or not url.startswith(served_site)]
    assert sent == []
    # Kept for this tab only: a reload shows the same result, a new tab starts afresh.
    page.reload()
    expect(page.locator(".checker__result")).to_be_visible()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('checker'))") == []
    other_tab = page.context.browser.new_context()
    fresh = other_tab.new_page()
    open_checker(fresh, served_site)
    expect(fresh.locator(".checker__step h2")).to_have_text(DATA_JSON["steps"][0]["title"])
    other_tab.close()
    page.get_by_role("button", name="Start again").click()
    expect(page.locator(".checker__step h2")).to_have_text(DATA_JSON["steps"][0]["title"])
    kept = page.evaluate(
        "Object.entries(sessionStorage).filter(([k]) => k.includes('checker')).map(([, v]) => v)"
    )
    assert [json.loads(value)["chosen"] for value in kept] == [[]]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_summary_prints_on_one_page(page: Page, served_site: str, paper: str) -> None:
    open_checker(page, served_site)
    busiest = max(SCENARIOS, key=lambda s: len(s["answers"]) if s["tier"] != "emergency" else 0)
    answer(page, busiest["answers"])
    page.emulate_media(media="print")
    expect(page.locator(".checker__summary")).to_be_visible()
    expect(page.locator(".checker__causes")).to_be_hidden()
    printed = PdfReader(io.BytesIO(page.pdf(format=paper)))
    assert len(printed.pages) == 1
    text = printed.pages[0].extract_text()
    for question in SITE.checker.questions_to_ask:
        assert " ".join(question.split())[:30] in " ".join(text.split())


def test_without_javascript_the_page_is_a_static_guide(browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}check/")
    guide = page.locator(".checker-guide")
    expect(guide).to_be_visible()
    for tier in ("emergency", "urgent", "see_a_gp"):
        expect(guide.locator(f".care-card--{tier}")).to_be_visible()
    signs = guide.locator("[data-sign]")
    expect(signs).to_have_count(len(SITE.warning_signs.signs))
    rows = guide.locator("table tbody tr")
    assert rows.count() > 10
    expect(rows.first.locator("a").first).to_have_attribute("href", re.compile(r"causes/"))
    context.close()


def test_back_from_the_result_and_forward_again_shows_the_result(
    page: Page, served_site: str
) -> None:
    open_checker(page, served_site)
    answer(page, SCENARIOS[0]["answers"])
    page.go_back()
    expect(page.locator(".checker__step h2")).to_have_text(DATA_JSON["steps"][-1]["title"])
    page.go_forward()
    expect(page.locator(".checker__result")).to_be_visible()
    assert page.url.endswith("#result")
