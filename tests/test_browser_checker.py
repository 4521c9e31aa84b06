""" "Check your twitch" in Chromium, as readers use it: readers from the clinical test set end to
end, safety questions that no address, reload, Back or double-click can get round, urgent answers
that stop at once, dates, blocked storage, the keyboard, a phone-sized screen and the printed
summary."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from causepages import load_site
from causepages.features.checker import payload
from conftest import DATA, ROOT
from playwright.sync_api import Page, expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

SITE = load_site(DATA)
DATA_JSON = payload(SITE)
STEPS = DATA_JSON["steps"]
WORDS = DATA_JSON["words"]
SCENARIOS = json.loads(
    (ROOT / "tests" / "clinical_safety" / "scenarios.json").read_text(encoding="utf-8")
)
LABELS = {a["id"]: a["label"] for step in STEPS for a in step["answers"]}
SAFETY = [step for step in STEPS if step["required"]]
PHONE = {"width": 390, "height": 844}


def open_checker(page: Page, served_site: str, fragment: str = "") -> None:
    page.goto(f"{served_site}check/{fragment}")
    expect(page.locator(".checker__step, .checker__result").first).to_be_visible()


def heading(page: Page):
    return page.locator(".checker__screen h2").first


def answer(page: Page, answers: list[str]) -> None:
    """Go through the questions as a reader would, ticking these answers (or "None of these",
    or skipping), carrying on after an urgent stop, until the final result."""
    for _ in range(3 * len(STEPS)):
        result = page.locator(".checker__result")
        if result.is_visible():
            carry = page.get_by_role("button", name=WORDS["carry_on"])
            if carry.count() == 0:
                return
            carry.click()
        title = heading(page).inner_text()
        step = next(s for s in STEPS if s["title"] == title)
        mine = [a for a in step["answers"] if a["id"] in answers]
        for given in mine[:1] if step["one"] else mine:
            page.get_by_label(given["label"], exact=True).check()
        if not mine and step.get("none"):
            page.get_by_label(step["none"], exact=True).check()
        if not mine and not step.get("none"):
            page.get_by_role("button", name=WORDS["skip"]).click()
        else:
            page.get_by_role("button", name=WORDS["next"]).click()
        expect(heading(page)).not_to_have_text(title)
    raise AssertionError("the checker never reached a result")


def shown_causes(page: Page) -> list[str]:
    hrefs = page.locator(".checker__causes > li > a:first-child").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    )
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def expect_result(page: Page, scenario: dict[str, Any]) -> None:
    expect(page.locator(f".checker__result .care-card--{scenario['tier']}")).to_be_visible()
    listed = shown_causes(page)
    first = scenario.get("first", [])
    assert set(listed[: len(first)]) == set(first), listed
    for cause_id in scenario.get("top3", []):
        assert cause_id in listed[:3], f"{cause_id} not in {listed}"
    for cause_id in scenario.get("never", []):
        assert cause_id not in listed, listed
    if scenario["tier"] != "self_care":
        reassurance = DATA_JSON["tiers"]["self_care"]["reassurance"]
        expect(page.get_by_text(reassurance)).to_have_count(0)


# The review's walk-throughs, and one reader of each tier, on a phone-sized screen.
WALK_THROUGHS = [s for s in SCENARIOS if "walk-through" in s.get("source", "")][:5]
BY_TIER = [next(s for s in SCENARIOS if s["tier"] == tier) for tier in DATA_JSON["order"]]
END_TO_END = WALK_THROUGHS + BY_TIER


@pytest.mark.parametrize("scenario", END_TO_END, ids=[s["reader"][:50] for s in END_TO_END])
def test_a_reader_on_a_phone_reaches_the_expected_tier_and_pages(
    page: Page, served_site: str, scenario: dict[str, Any]
) -> None:
    page.set_viewport_size(PHONE)
    open_checker(page, served_site)
    answer(page, scenario["answers"])
    expect_result(page, scenario)


@pytest.mark.parametrize(
    "fragment",
    ["#step-0", "#step-3", f"#step-{len(STEPS)}", f"#step-{len(STEPS) + 1}", "#result", "#xyz"],
)
def test_a_deep_link_lands_on_the_first_unanswered_safety_question(
    page: Page, served_site: str, fragment: str
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_checker(page, served_site, fragment)
    expect(heading(page)).to_have_text(SAFETY[0]["title"])
    assert page.url.endswith(f"#step-{STEPS.index(SAFETY[0]) + 1}")
    # Answering one question there still leads through the next safety question.
    page.get_by_label(SAFETY[0]["none"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    expect(heading(page)).to_have_text(SAFETY[1]["title"])
    assert errors == []


def test_next_with_nothing_ticked_does_not_pass_a_safety_question(
    page: Page, served_site: str
) -> None:
    open_checker(page, served_site, f"#step-{STEPS.index(SAFETY[0]) + 1}")
    page.get_by_role("button", name=WORDS["next"]).click()
    expect(heading(page)).to_have_text(SAFETY[0]["title"])
    expect(page.locator(".checker__problem")).to_have_text(WORDS["choose_one"])
    expect(page.get_by_role("button", name=WORDS["skip"])).to_have_count(0)


def test_a_double_click_on_next_moves_one_step_and_ticks_nothing(
    page: Page, served_site: str
) -> None:
    page.set_viewport_size(PHONE)
    open_checker(page, served_site, f"#step-{STEPS.index(SAFETY[0]) + 1}")
    page.get_by_label(SAFETY[0]["none"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).dblclick()
    expect(heading(page)).to_have_text(SAFETY[1]["title"])
    page.wait_for_timeout(300)
    expect(heading(page)).to_have_text(SAFETY[1]["title"])
    assert page.locator(".checker__step input:checked").count() == 0


def test_an_urgent_answer_shows_its_first_call_at_once_and_the_reader_can_carry_on(
    page: Page, served_site: str
) -> None:
    open_checker(page, served_site, f"#step-{STEPS.index(SAFETY[0]) + 1}")
    page.get_by_label(SAFETY[0]["none"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    page.get_by_label(LABELS["pre-eclampsia-signs"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    result = page.locator(".checker__result")
    route = DATA_JSON["signs"]["pre-eclampsia-signs"]["route"]
    expect(result.locator(".care-card--urgent")).to_be_visible()
    card_text = result.locator(".care-card--urgent").inner_text()
    assert card_text.index(route) < card_text.index(DATA_JSON["tiers"]["urgent"]["heading"])
    expect(result.locator(".checker__route")).to_be_focused()
    # Carrying on goes to the first question not answered yet (this reader came in past the age).
    page.get_by_role("button", name=WORDS["carry_on"]).click()
    expect(heading(page)).to_have_text(STEPS[0]["title"])


@pytest.mark.parametrize("sign", ["pre-eclampsia-signs", "poisoning-with-symptoms"])
def test_a_double_click_onto_an_urgent_answer_leaves_its_action_on_screen(
    page: Page, served_site: str, sign: str
) -> None:
    page.set_viewport_size(PHONE)
    open_checker(page, served_site, f"#step-{STEPS.index(SAFETY[0]) + 1}")
    if sign not in [a["id"] for a in SAFETY[0]["answers"]]:
        page.get_by_label(SAFETY[0]["none"], exact=True).check()
        page.get_by_role("button", name=WORDS["next"]).click()
    page.get_by_label(LABELS[sign], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).dblclick()
    page.wait_for_timeout(400)
    result = page.locator(".checker__result")
    expect(result).to_be_visible()
    # Its first line is in view, below the theme's fixed header.
    header = page.locator(".md-header").bounding_box()
    first = result.locator(".care-card > :nth-child(2)").bounding_box()
    assert header and first and first["y"] >= header["y"] + header["height"] - 1, (first, header)


def test_a_safety_question_is_asked_again_when_the_age_changes_to_a_child(
    page: Page, served_site: str
) -> None:
    ages = STEPS[0]
    open_checker(page, served_site)
    page.get_by_label(ages["answers"][-1]["label"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    for step in SAFETY:
        expect(heading(page)).to_have_text(step["title"])
        expect(page.get_by_label(LABELS["baby-seriously-ill"], exact=True)).to_have_count(0)
        page.get_by_label(step["none"], exact=True).check()
        page.get_by_role("button", name=WORDS["next"]).click()
    open_checker(page, served_site, "#step-1")
    page.get_by_label(ages["answers"][0]["label"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    expect(heading(page)).to_have_text(SAFETY[0]["title"])
    expect(page.get_by_label(LABELS["baby-seriously-ill"], exact=True)).to_be_visible()


def test_an_emergency_sign_shows_its_action_at_once(page: Page, served_site: str) -> None:
    open_checker(page, served_site, f"#step-{STEPS.index(SAFETY[0]) + 1}")
    page.get_by_label(LABELS["poisoning-with-symptoms"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    result = page.locator(".checker__result")
    expect(result.locator(".care-card--emergency")).to_be_visible()
    expect(result).to_contain_text(DATA_JSON["tiers"]["emergency"]["heading"])
    expect(result.locator(".checker__causes")).to_have_count(0)
    expect(page.locator(".checker__live")).to_contain_text("Result")


def test_back_and_forward_move_between_steps_and_focus_follows(
    page: Page, served_site: str
) -> None:
    open_checker(page, served_site)
    first, second = STEPS[:2]
    page.get_by_label(first["answers"][2]["label"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    expect(heading(page)).to_have_text(second["title"])
    expect(heading(page)).to_be_focused()
    page.go_back()
    expect(heading(page)).to_have_text(first["title"])
    expect(page.get_by_label(first["answers"][2]["label"], exact=True)).to_be_checked()
    page.go_forward()
    expect(heading(page)).to_have_text(second["title"])


def test_back_after_start_again_shows_a_cleared_check(page: Page, served_site: str) -> None:
    open_checker(page, served_site)
    answer(page, SCENARIOS[0]["answers"])
    page.get_by_role("button", name=WORDS["start_again"]).click()
    expect(heading(page)).to_have_text(STEPS[0]["title"])
    page.go_back()
    # The result asked for again now needs the safety questions first, all of them unticked.
    expect(heading(page)).to_have_text(SAFETY[0]["title"])
    assert page.locator(".checker__step input:checked").count() == 0
    page.go_forward()
    expect(page.locator(".checker__step input:checked")).to_have_count(0)


def test_answers_stay_on_the_device(page: Page, served_site: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_checker(page, served_site)
    answer(page, SCENARIOS[0]["answers"])
    # Only which step is showing goes into the address, never an answer.
    assert page.url == f"{served_site}check/#result"
    assert [url for url in requests if "?" in url or not url.startswith(served_site)] == []
    # Build my plan carries the pages in the #fragment, which no server sees.
    plan = page.get_by_role("link", name=WORDS["plan"]).get_attribute("href")
    assert "?" not in plan and "#for=" in plan
    # Kept for this tab only: a reload shows the same result, a new tab starts afresh.
    page.reload()
    expect(page.locator(".checker__result")).to_be_visible()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('checker'))") == []
    other_tab = page.context.browser.new_context()
    fresh = other_tab.new_page()
    open_checker(fresh, served_site)
    expect(heading(fresh)).to_have_text(STEPS[0]["title"])
    other_tab.close()


def test_the_checker_works_with_storage_blocked(page: Page, served_site: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(
        "Object.defineProperty(window, 'sessionStorage', {get() { throw new DOMException("
        "'blocked', 'SecurityError'); }});"
    )
    open_checker(page, served_site)
    answer(page, SCENARIOS[0]["answers"])
    expect(page.locator(".checker__result")).to_be_visible()
    page.get_by_role("button", name=WORDS["start_again"]).click()
    expect(heading(page)).to_have_text(STEPS[0]["title"])
    assert errors == []


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, PHONE], ids=["desktop", "phone"])
def test_each_new_step_heading_shows_below_the_header(
    page: Page, served_site: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    open_checker(page, served_site)
    header = page.locator(".md-header").bounding_box()
    assert header is not None
    for _ in STEPS[:-1]:
        title = heading(page).inner_text()
        step = next(s for s in STEPS if s["title"] == title)
        if step.get("none"):
            page.get_by_label(step["none"], exact=True).check()
            page.get_by_role("button", name=WORDS["next"]).click()
        else:
            page.get_by_role("button", name=WORDS["skip"]).click()
        expect(heading(page)).not_to_have_text(title)
        page.wait_for_timeout(100)
        box = heading(page).bounding_box()
        assert box is not None
        assert box["y"] >= header["y"] + header["height"] - 1, (title, box, header)
        assert box["y"] + box["height"] <= size["height"], (title, box)


def test_keyboard_only_with_a_visible_focus_ring(page: Page, served_site: str) -> None:
    open_checker(page, served_site)
    # Choose an age with the arrow keys, then Tab to Next and press it.
    page.keyboard.press("Tab")
    first = page.locator(f"#checker-{STEPS[0]['answers'][0]['id']}")
    expect(first).to_be_focused()
    outline = first.evaluate(
        "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    )
    assert not outline.startswith("none"), outline
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page.locator(f"#checker-{STEPS[0]['answers'][1]['id']}")).to_be_checked()
    for _ in range(6):
        if page.evaluate("document.activeElement.textContent") == WORDS["next"]:
            break
        page.keyboard.press("Tab")
    next_button = page.get_by_role("button", name=WORDS["next"])
    expect(next_button).to_be_focused()
    outline = next_button.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text(SAFETY[0]["title"])
    expect(heading(page)).to_be_focused()


def test_a_start_date_gives_the_day_to_see_a_gp_and_a_reminder(
    page: Page, served_site: str
) -> None:
    open_checker(page, served_site)
    since = next(s for s in STEPS if s.get("since_date"))
    today = page.evaluate(
        "(() => { const d = new Date(); d.setDate(d.getDate() - 3); "
        "return d.toLocaleDateString('en-CA'); })()"
    )
    for _ in range(len(STEPS)):
        title = heading(page).inner_text()
        step = next(s for s in STEPS if s["title"] == title)
        if step is since:
            page.locator("#checker-date").fill(today)
            expect(page.get_by_label(since["answers"][0]["label"], exact=True)).to_be_checked()
            page.get_by_role("button", name=WORDS["next"]).click()
        elif step.get("none"):
            page.get_by_label(step["none"], exact=True).check()
            page.get_by_role("button", name=WORDS["next"]).click()
        else:
            page.get_by_role("button", name=WORDS["skip"]).click()
        if page.locator(".checker__result").is_visible():
            break
    gp = page.locator(".checker__gp-date")
    expect(gp).to_contain_text(re.compile(r"If it is still there on \d+ \w+ \d{4}"))
    with page.expect_download() as download:
        gp.get_by_role("link").click()
    ics = download.value.path().read_text()
    assert "BEGIN:VEVENT" in ics and "DTSTART;VALUE=DATE:" in ics


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_summary_prints_every_answer_once_on_one_page(
    page: Page, served_site: str, paper: str
) -> None:
    open_checker(page, served_site)
    busiest = max(SCENARIOS, key=lambda s: len(s["answers"]) if s["tier"] == "see_a_gp" else 0)
    answer(page, busiest["answers"])
    page.emulate_media(media="print")
    summary = page.locator(".checker__summary")
    expect(summary).to_be_visible()
    expect(page.locator(".checker__causes")).to_be_hidden()
    text = " ".join(summary.inner_text().split())
    for step in STEPS:
        assert text.count(step["title"]) == 1, step["title"]
    assert DATA_JSON["not_a_diagnosis"].split(".")[0] in text
    assert WORDS["because"] in text and WORDS["pages"] in text and WORDS["date"] in text
    printed = PdfReader(io.BytesIO(page.pdf(format=paper)))
    assert len(printed.pages) == 1


def test_without_javascript_the_page_is_a_static_guide(browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}check/")
    guide = page.locator(".checker-guide")
    expect(guide).to_be_visible()
    for tier in ("emergency", "urgent", "see_a_gp"):
        expect(guide.locator(f".care-card--{tier}")).to_be_visible()
    expect(guide.locator("[data-sign]")).to_have_count(len(SITE.warning_signs.signs))
    rows = guide.locator("table tbody tr")
    assert rows.count() > 10
    expect(rows.first.locator("a").first).to_have_attribute("href", re.compile(r"causes/"))
    # Nothing promises questions that only the script asks.
    intro = page.locator("article p").first.inner_text()
    assert "question" not in intro.lower()
    context.close()


def test_back_from_the_result_and_forward_again_shows_the_result(
    page: Page, served_site: str
) -> None:
    open_checker(page, served_site)
    answer(page, SCENARIOS[0]["answers"])
    page.go_back()
    expect(page.locator(".checker__step")).to_be_visible()
    page.go_forward()
    expect(page.locator(".checker__result")).to_be_visible()
    assert page.url.endswith("#result")


# The parts of a care card, by class, and what each holds: the same for every care card.
CARD_SHAPE = """card => ({
  card: [...card.classList].filter((name) => !name.startsWith("care-card--")),
  label: card.querySelector(":scope > .care-card__label")?.tagName,
  heading: [...(card.querySelector(".care-card__heading")?.classList ?? [])],
  item: [...(card.querySelector("ul > li .care-card__sign")?.classList ?? [])],
})"""


def test_the_result_card_is_drawn_like_every_care_card_on_the_page(
    page: Page, served_site: str
) -> None:
    open_checker(page, served_site, f"#step-{STEPS.index(SAFETY[0]) + 1}")
    page.get_by_label(SAFETY[0]["none"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    page.get_by_label(LABELS["pre-eclampsia-signs"], exact=True).check()
    page.get_by_role("button", name=WORDS["next"]).click()
    drawn = page.locator(".checker__result .care-card--urgent")
    expect(drawn).to_be_visible()
    served = page.locator(".checker-guide .care-card--urgent").first
    shape = drawn.evaluate(CARD_SHAPE)
    assert shape == served.evaluate(CARD_SHAPE)
    assert shape["heading"] == ["care-card__heading"] and shape["item"] == ["care-card__sign"]
    # The reader's answers are not entries of the catalogue: no item claims a sign's key.
    expect(drawn.locator("[data-sign]")).to_have_count(0)
    expect(drawn.locator("li")).to_have_text([LABELS["pre-eclampsia-signs"]])
