"""The quiz in real Chromium: by keyboard alone, by mouse, across instant navigation and reloads.

Questions and choices come shuffled, so each step reads the question on screen and looks up
its answers in the quiz's own JSON file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from causepages.routes import QUIZ_DATA
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quiz(built_site: Path) -> dict[str, Any]:
    return json.loads((built_site / QUIZ_DATA).read_text())


def asked(page: Page, quiz: dict[str, Any]) -> dict[str, Any]:
    legend = page.locator(".quiz__app legend").inner_text()
    return next(q for q in quiz["questions"] if q["question"] == legend)


def wrong_choices(question: dict[str, Any]) -> list[str]:
    wrong = [c for c in question["choices"] if c not in question["answers"]]
    return wrong[:1] if wrong else question["answers"][:1]


def answer_with_mouse(page: Page, quiz: dict[str, Any], right: bool) -> dict[str, Any]:
    question = asked(page, quiz)
    for choice in question["answers"] if right else wrong_choices(question):
        page.locator(".quiz__app").get_by_label(choice, exact=True).check()
    page.get_by_role("button", name="Check").click()
    return question


def focused(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e.tagName + ':' + (e.value || e.textContent).trim().split('\\n')[0]; }"
    )


def tab_to(page: Page, pattern: str) -> None:
    for _ in range(60):
        if re.match(pattern, focused(page)):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {pattern}; focus is on {focused(page)}")


def answer_with_keyboard(page: Page, quiz: dict[str, Any], right: bool) -> None:
    question = asked(page, quiz)
    wanted = question["answers"] if right else wrong_choices(question)
    expect(page.locator(".quiz__app fieldset")).to_be_focused()
    if question["kind"] == "multiple":
        for choice in wanted:
            tab_to(page, f"INPUT:{re.escape(choice)}$")
            page.keyboard.press("Space")
    else:
        # Radio buttons are one stop for Tab; the arrow keys move (and tick) within them.
        tab_to(page, "INPUT:")
        for _ in question["choices"]:
            if focused(page) == f"INPUT:{wanted[0]}":
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
        expect(page.get_by_role("radio", name=wanted[0], exact=True)).to_be_checked()
    tab_to(page, "BUTTON:Check")
    page.keyboard.press("Enter")
    feedback = page.locator(".quiz__app").get_by_role("status")
    expect(feedback).to_contain_text("Right." if right else "Not quite.")
    expect(page.locator(".quiz__app form button")).to_be_focused()
    page.keyboard.press("Enter")


def smallest_category(quiz: dict[str, Any]) -> tuple[int, str, int]:
    """Its place in the list of choices (after 'All questions'), its name, its size."""
    sizes = [
        (sum(q["category"] == c["id"] for q in quiz["questions"]), i + 1, c["name"])
        for i, c in enumerate(quiz["categories"])
    ]
    size, place, name = min(sizes)
    return place, name, size


def test_a_quiz_can_be_finished_with_the_keyboard_alone(
    page: Page, served_site: str, quiz: dict[str, Any]
) -> None:
    place, name, size = smallest_category(quiz)
    page.goto(f"{served_site}quiz/")
    expect(page.get_by_role("group", name="Which questions?")).to_be_visible()
    tab_to(page, "INPUT:all$")
    for _ in range(place):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=f"{name} ({size} questions)")).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".quiz__progress")).to_have_text(f"Question 1 of {size}")
    for number in range(size):
        answer_with_keyboard(page, quiz, right=number == 0)
    result = page.get_by_role("heading", name=f"You got 1 of {size} right")
    expect(result).to_be_focused()
    expect(page.locator(".quiz__app")).to_contain_text(f"Your best score: 1 of {size}.")


def test_feedback_says_right_or_wrong_in_words(
    page: Page, served_site: str, quiz: dict[str, Any]
) -> None:
    page.goto(f"{served_site}causes/caffeine/")
    feedback = page.locator(".quiz__app").get_by_role("status")
    expect(feedback).to_have_attribute("aria-live", "polite")
    page.get_by_role("button", name="Check").click()
    expect(feedback).to_have_text("Choose an answer first.")

    question = answer_with_mouse(page, quiz, right=True)
    expect(feedback).to_contain_text(f"Right. {question['explanation']}")
    link = feedback.get_by_role("link", name=f"Read more: {question['section']}")
    expect(link).to_have_attribute("href", question["href"].rsplit("/", 1)[1])
    expect(page.locator(".quiz__mark--right")).to_have_count(len(question["answers"]))
    expect(page.locator(".quiz__mark--right").first).to_have_text("✓ Right answer")
    page.get_by_role("button", name="Next question").click()

    question = answer_with_mouse(page, quiz, right=False)
    answers = ", ".join(question["answers"])
    expect(feedback).to_contain_text(f"Not quite. The answer: {answers}.")
    expect(feedback).to_contain_text(question["explanation"])
    expect(page.locator(".quiz__mark--wrong")).to_have_text("✗ Your answer")


def test_score_results_and_retry_missed(page: Page, served_site: str, quiz: dict[str, Any]) -> None:
    total = sum(q["cause"] == "caffeine" for q in quiz["questions"])
    page.goto(f"{served_site}causes/caffeine/")
    progress = page.locator(".quiz__progress")
    expect(progress).to_have_text(f"Question 1 of {total}")
    answer_with_mouse(page, quiz, right=True)
    expect(progress).to_have_text(f"Question 1 of {total} · 1 of 1 right so far")
    missed = []
    for _ in range(total - 1):
        page.locator(".quiz__app form button").click()
        missed.append(answer_with_mouse(page, quiz, right=False))
    expect(progress).to_have_text(f"Question {total} of {total} · 1 of {total} right so far")
    page.get_by_role("button", name="See results").click()

    app = page.locator(".quiz__app")
    expect(app.get_by_role("heading", name=f"You got 1 of {total} right")).to_be_focused()
    items = app.locator(".quiz__missed li")
    expect(items).to_have_count(len(missed))
    for question in missed:
        item = items.filter(has_text=question["question"])
        expect(item.get_by_role("link")).to_have_text(f"Read more: {question['section']}")

    page.get_by_role("button", name="Retry missed questions").click()
    expect(progress).to_have_text(f"Question 1 of {len(missed)}")
    for number in range(len(missed)):
        assert asked(page, quiz) in missed
        answer_with_mouse(page, quiz, right=True)
        if number < len(missed) - 1:
            page.get_by_role("button", name="Next question").click()
    page.get_by_role("button", name="See results").click()
    expect(app.get_by_role("heading")).to_have_text(f"You got {len(missed)} of {len(missed)} right")
    expect(app.get_by_role("button", name="Retry missed questions")).to_have_count(0)


def test_best_score_survives_a_reload(page: Page, served_site: str, quiz: dict[str, Any]) -> None:
    _, name, size = smallest_category(quiz)
    page.goto(f"{served_site}quiz/")
    page.get_by_role("radio", name=f"{name} ({size} questions)").check()
    page.get_by_role("button", name="Start quiz").click()
    for _ in range(size):
        answer_with_mouse(page, quiz, right=True)
        page.locator(".quiz__app form button").click()
    expect(page.locator(".quiz__app")).to_contain_text(f"Your best score: {size} of {size}.")
    page.reload()
    best = f"{name} ({size} questions). Best score: {size} of {size}"
    expect(page.get_by_role("radio", name=best, exact=True)).to_be_visible()
    everything = f"All questions ({len(quiz['questions'])} questions)"
    expect(page.get_by_role("radio", name=everything, exact=True)).to_be_visible()
    # Kept for this copy of the site only: the key starts with the site's base path.
    keys = page.evaluate("Object.keys(localStorage)")
    scores = [key for key in keys if "quiz-best:" in key]
    assert scores and all(key.startswith("/.quiz-best:") for key in scores), keys


def test_a_best_score_from_another_tab_shows_and_is_kept(
    page: Page, served_site: str, quiz: dict[str, Any]
) -> None:
    _, name, size = smallest_category(quiz)
    other = page.context.new_page()
    for tab in (page, other):
        tab.goto(f"{served_site}quiz/")
    page.get_by_role("radio", name=f"{name} ({size} questions)").check()
    other.get_by_role("radio", name=f"{name} ({size} questions)").check()
    other.get_by_role("button", name="Start quiz").click()
    for _ in range(size):
        answer_with_mouse(other, quiz, right=True)
        other.locator(".quiz__app form button").click()
    best = f"{name} ({size} questions). Best score: {size} of {size}"
    # The first tab shows it at once, and keeps the reader's choice of questions.
    expect(page.get_by_role("radio", name=best, exact=True)).to_be_checked()
    # A lower score later in the first tab does not replace it.
    page.get_by_role("button", name="Start quiz").click()
    for _ in range(size):
        answer_with_mouse(page, quiz, right=False)
        page.locator(".quiz__app form button").click()
    expect(page.locator(".quiz__app")).to_contain_text(f"Your best score: {size} of {size}.")
    other.reload()
    expect(other.get_by_role("radio", name=best, exact=True)).to_be_visible()
    other.close()


def test_quiz_restarts_cleanly_after_instant_navigation(
    page: Page, served_site: str, quiz: dict[str, Any]
) -> None:
    # Material only navigates instantly once it has read the sitemap.
    with page.expect_response(lambda response: response.url.endswith("sitemap.xml")):
        page.goto(f"{served_site}quiz/")
    page.evaluate("window.sameDocument = true")
    page.get_by_role("button", name="Start quiz").click()
    answer_with_mouse(page, quiz, right=True)

    page.locator(".md-nav--primary").get_by_role("link", name="Glossary").click()
    expect(page).to_have_url(f"{served_site}glossary/")
    page.locator(".md-nav--primary").get_by_role("link", name="Quiz").click()
    expect(page).to_have_url(f"{served_site}quiz/")

    assert page.evaluate("window.sameDocument") is True, "the page was reloaded, not swapped"
    expect(page.locator(".quiz__app")).to_have_count(1)
    expect(page.get_by_role("group", name="Which questions?")).to_be_visible()
    expect(page.locator(".quiz__static")).to_be_hidden()
    page.get_by_role("button", name="Start quiz").click()
    answer_with_mouse(page, quiz, right=True)
    expect(page.locator(".quiz__app").get_by_role("status")).to_contain_text("Right.")


def test_without_javascript_every_answer_is_in_details(browser: Browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}causes/caffeine/")
    first = page.locator(".quiz__static details").first
    expect(first.locator("p").first).to_be_hidden()
    first.locator("summary").click()
    expect(first).to_contain_text("Answer:")
    expect(first.get_by_role("link")).to_have_text(re.compile("^Read more: "))
    context.close()
