"""Checklists in real Chromium: ticks that last, clearing, 'build my plan', and printing."""

from __future__ import annotations

import io
import re
import unicodedata
from itertools import combinations
from pathlib import Path

import pytest
from causepages import Site, load_site
from causepages.features.care import every_plan_signs
from causepages.schema import Cause
from conftest import DATA, serve
from playwright.sync_api import Page, expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def real_site():
    """The real data, loaded when the first test needs it rather than at import, so a data
    error fails this fixture instead of the collection of the whole test run."""
    return load_site(DATA)


@pytest.fixture(scope="module")
def cause(real_site) -> Cause:
    """The checklist the tick tests use: the real data's first cause."""
    return next(iter(real_site.causes.values()))


@pytest.fixture(scope="module")
def items(cause: Cause) -> list[str]:
    return [item.text for item in cause.prevention]


def open_checklist(page: Page, served_site: str, cause: Cause) -> None:
    # Instant navigation only starts once Material has read the sitemap.
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(f"{served_site}checklists/{cause.id}/")
    # Ticks are saved once the page's script has started; it shows the Clear button then.
    expect(page.get_by_role("button", name="Clear ticks")).to_be_visible()


def test_a_tick_survives_a_reload(
    page: Page, served_site: str, cause: Cause, items: list[str]
) -> None:
    open_checklist(page, served_site, cause)
    first = page.get_by_label(items[0], exact=True)
    first.check()
    page.reload()
    expect(first).to_be_checked()
    for item in items[1:]:
        expect(page.get_by_label(item, exact=True)).not_to_be_checked()


def test_a_tick_survives_instant_navigation(
    page: Page, served_site: str, cause: Cause, items: list[str]
) -> None:
    open_checklist(page, served_site, cause)
    last = page.get_by_label(items[-1], exact=True)
    last.check()
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name=f"Read the full page: {cause.title}").click()
    expect(page).to_have_url(f"{served_site}causes/{cause.id}/")
    page.get_by_role("link", name="Tick off this checklist").click()
    expect(page).to_have_url(f"{served_site}checklists/{cause.id}/")
    expect(last).to_be_checked()
    assert page.evaluate("window.sameDocument") is True, "the page was reloaded, not swapped"


def test_clear_unticks_everything_for_good(
    page: Page, served_site: str, cause: Cause, items: list[str]
) -> None:
    open_checklist(page, served_site, cause)
    for item in items:
        page.get_by_label(item, exact=True).check()
    page.get_by_role("button", name="Clear ticks").click()
    page.reload()
    for item in items:
        expect(page.get_by_label(item, exact=True)).not_to_be_checked()


def sharing_pair(site) -> tuple[Cause, Cause]:
    """Two causes with an item in common, if the data has any, to show it is listed once."""
    pairs = list(combinations(site.causes.values(), 2))
    shared = [
        (a, b)
        for a, b in pairs
        if {i.text.lower() for i in a.prevention} & {i.text.lower() for i in b.prevention}
    ]
    return (shared or pairs)[0]


def test_plan_is_the_union_of_the_chosen_checklists(
    page: Page, served_site: str, real_site
) -> None:
    first, second = sharing_pair(real_site)
    page.goto(f"{served_site}checklists/plan/")
    page.get_by_label(first.plan_prompt, exact=True).check()
    page.get_by_label(second.plan_prompt, exact=True).check()
    wanted = [c for c in real_site.causes.values() if c in (first, second)]
    union: dict[str, str] = {}
    for cause in wanted:
        for item in cause.prevention:
            union.setdefault(item.text.lower(), item.text)
    items = page.locator(".plan__cause li:visible")
    expect(items).to_contain_text(list(union.values()))
    expect(items).to_have_count(len(union))
    # The chosen causes' signs, and those every plan ends with, each once.
    signs = {ref.sign for cause in wanted for ref in cause.warning_signs}
    signs |= set(every_plan_signs(real_site))
    shown = page.locator(".plan [data-sign]:visible")
    expect(shown).to_have_count(len(signs))
    assert {li.get_attribute("data-sign") for li in shown.all()} == signs

    # The choice is in the address's #fragment, which no server sees: opening it again
    # rebuilds the same plan.
    shared = page.url
    assert "?" not in shared
    assert shared.endswith((f"#for={first.id}+{second.id}", f"#for={second.id}+{first.id}"))
    fresh = page.context.new_page()
    fresh.goto(shared)
    expect(fresh.get_by_label(first.plan_prompt, exact=True)).to_be_checked()
    expect(fresh.get_by_label(second.plan_prompt, exact=True)).to_be_checked()
    expect(fresh.locator(".plan__cause li:visible")).to_contain_text(list(union.values()))


def printed_length(site, cause: Cause) -> tuple[int, int]:
    """How much a cause's checklist puts on paper: its items, the cautions under them and its
    warning signs, counted as lines; then their characters, to rank checklists of as many."""
    lines = [item.text for item in cause.prevention]
    lines += [site.cautions[key].advice for item in cause.prevention for key in item.cautions]
    lines += [site.warning_signs.signs[ref.sign].words for ref in cause.warning_signs]
    return len(lines), sum(len(line) for line in lines)


LONGEST = 3


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("rank", range(1, LONGEST + 1), ids=lambda rank: f"longest-{rank}")
def test_printing_gives_one_clean_page(
    page: Page, served_site: str, real_site, paper: str, rank: int
) -> None:
    """The longest checklists print on one page: if they fit, the shorter ones do too. (Each
    checklist's PDF is checked for one page, of every cause, in test_pdf.)"""
    ranked = sorted(
        real_site.causes.values(), key=lambda c: printed_length(real_site, c), reverse=True
    )
    cause = ranked[rank - 1]
    open_checklist(page, served_site, cause)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.get_by_role("button", name="Clear ticks")).to_be_hidden()
    for item in cause.prevention:
        expect(page.locator(".checklist li", has_text=item.text)).to_be_visible()
    expect(page.get_by_text(f"{served_site}checklists/{cause.id}/")).to_be_visible()
    expect(page.locator(".review-dates")).to_be_visible()
    printed = PdfReader(io.BytesIO(page.pdf(format=paper)))
    assert len(printed.pages) == 1


def test_a_plan_flags_advice_that_clashes_and_prints_the_emergency_signs(
    page: Page, served_site: str, real_site
) -> None:
    """Kidney disease and low potassium: drinking extra fluid needs a check first."""
    kidneys, potassium = real_site.causes["kidney-disease"], real_site.causes["low-potassium"]
    page.goto(f"{served_site}checklists/plan/")
    page.get_by_label(potassium.plan_prompt, exact=True).check()
    item = page.locator(".plan__cause[data-cause='low-potassium'] li", has_text="Drink extra fluid")
    clash = item.locator('[data-caution="kidney-disease"] .caution__clash')
    expect(item.locator('[data-caution="kidney-disease"]')).to_be_visible()
    expect(clash).to_have_count(0)

    page.get_by_label(kidneys.plan_prompt, exact=True).check()
    expect(clash).to_be_visible()
    expect(clash).to_have_text(real_site.pages.plan.clash)
    # A caution for a group the reader did not tick stays a plain caution.
    expect(
        item.locator('[data-caution="potassium-raising-medicines"] .caution__clash')
    ).to_be_hidden()

    page.emulate_media(media="print")
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = flat(" ".join(p.extract_text() for p in printed.pages))
    assert flat(real_site.pages.plan.clash) in text
    for key in every_plan_signs(real_site):
        assert flat(real_site.warning_signs.signs[key].words) in text, key


def flat(text: str) -> str:
    """Text as printed and read back: one space between words, no line-end hyphen breaks, and
    the printer's ligatures ("ﬁ") as plain letters."""
    return re.sub(r"-\s+", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


def test_plan_links_are_forgiving_and_say_what_they_could_not_find(
    page: Page, served_site: str, real_site
) -> None:
    first, second = list(real_site.causes)[:2]
    page.goto(f"{served_site}checklists/plan/?for={first.upper()}+nonexistent&for={second}")
    for cause_id in (first, second):
        prompt = real_site.causes[cause_id].plan_prompt
        expect(page.get_by_label(prompt, exact=True)).to_be_checked()
    expect(page.locator(".plan-builder__unknown")).to_have_text("We could not find: nonexistent")
    page.goto(f"{served_site}checklists/plan/?for={first}")
    expect(page.locator(".plan-builder__unknown")).to_be_hidden()


def test_ticks_belong_to_one_copy_of_the_site(
    page: Page, built_site: Path, tmp_path: Path, cause: Cause, items: list[str]
) -> None:
    """The same site served from two paths on one host keeps two sets of ticks."""
    for name in ("twitching", "twitching-preview"):
        (tmp_path / name).symlink_to(built_site, target_is_directory=True)
    with serve(tmp_path) as host:
        # Each time, the page's script has started before the reader ticks or looks.
        open_checklist(page, f"{host}twitching/", cause)
        page.get_by_label(items[0], exact=True).check()
        open_checklist(page, f"{host}twitching-preview/", cause)
        expect(page.get_by_label(items[0], exact=True)).not_to_be_checked()
        open_checklist(page, f"{host}twitching/", cause)
        expect(page.get_by_label(items[0], exact=True)).to_be_checked()


def test_ticks_from_two_tabs_are_both_kept(
    page: Page, served_site: str, cause: Cause, items: list[str]
) -> None:
    """Each tab shows a tick made in the other at once, and a reload of either keeps both."""
    other = page.context.new_page()
    for tab in (page, other):
        open_checklist(tab, served_site, cause)
    page.get_by_label(items[0], exact=True).check()
    expect(other.get_by_label(items[0], exact=True)).to_be_checked()
    other.get_by_label(items[1], exact=True).check()
    expect(page.get_by_label(items[1], exact=True)).to_be_checked()
    for tab in (page, other):
        tab.reload()
        for item in items[:2]:
            expect(tab.get_by_label(item, exact=True)).to_be_checked()
    other.get_by_label(items[0], exact=True).uncheck()
    expect(page.get_by_label(items[0], exact=True)).not_to_be_checked()
    expect(page.get_by_label(items[1], exact=True)).to_be_checked()
    other.close()


@pytest.mark.parametrize("storage", ["blocked", "full"])
def test_ticking_works_when_storage_is_blocked_or_full(
    page: Page, served_site: str, storage: str, cause: Cause, items: list[str]
) -> None:
    failing = {
        "blocked": "() => { throw new DOMException('denied', 'SecurityError'); }",
        "full": "() => { throw new DOMException('full', 'QuotaExceededError'); }",
    }[storage]
    method = "getItem" if storage == "blocked" else "setItem"
    page.add_init_script(f"Storage.prototype.{method} = {failing};")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_checklist(page, served_site, cause)
    page.get_by_label(items[0], exact=True).check()
    expect(page.get_by_label(items[0], exact=True)).to_be_checked()
    page.get_by_role("button", name="Clear ticks").click()
    expect(page.get_by_label(items[0], exact=True)).not_to_be_checked()
    assert errors == []


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_printed_plan_never_leaves_a_page_with_no_advice_on_it(
    page: Page, served_site: str, real_site, paper: str
) -> None:
    """Three long checklists may need a second page, but no page holds only a stray line."""

    def length(cause: Cause) -> int:
        return len(cause.prevention) + len(cause.warning_signs)

    chosen = sorted(real_site.causes.values(), key=length, reverse=True)[:3]
    page.goto(f"{served_site}checklists/plan/?for={'+'.join(c.id for c in chosen)}")
    # The plan's script is loaded with the page: print once it has built the plan.
    expect(page.locator(".plan-builder__empty")).to_have_text(re.compile(r"Your plan has \d+"))
    page.emulate_media(media="print")
    printed = PdfReader(io.BytesIO(page.pdf(format=paper)))
    lines = [item.text for cause in chosen for item in cause.prevention]
    lines += [sign.words for sign in real_site.warning_signs.signs.values()]
    for number, sheet in enumerate(printed.pages, 1):
        text = flat(sheet.extract_text())
        assert any(flat(line)[:40] in text for line in lines), f"page {number}: {text!r}"


@pytest.mark.parametrize("count", [1, 2])
def test_the_plan_counts_one_thing_or_more_things(
    page: Page, served_site: str, count: int, real_site: Site
) -> None:
    cause = next(iter(real_site.causes.values()))
    page.goto(f"{served_site}checklists/plan/")
    expect(page.locator(".plan-builder__empty")).to_have_text(real_site.labels.plan.tick_one)
    # Leave the cause's plan this many items long, then tick it.
    page.locator(f'.plan [data-cause="{cause.id}"] li').evaluate_all(
        f"items => items.slice({count}).forEach((item) => item.remove())"
    )
    page.get_by_label(cause.plan_prompt, exact=True).check()
    forms = real_site.labels.plan.things_to_do
    expected = (forms.one if count == 1 else forms.other).format(count=count)
    expect(page.locator(".plan-builder__empty")).to_have_text(expected)
    assert ("1 thing to do" if count == 1 else "2 things to do") in expected


def test_the_plan_survives_a_jump_to_a_section(page: Page, served_site: str, cause: Cause) -> None:
    """A jump to a heading ("Skip to content") leaves an address that names no plan; opening
    or reloading it in the same tab keeps the plan all the same."""
    page.goto(f"{served_site}checklists/plan/#for={cause.id}")
    expect(page.get_by_label(cause.plan_prompt, exact=True)).to_be_checked()
    page.goto(f"{served_site}checklists/plan/#build-my-plan")
    page.reload()
    expect(page.get_by_label(cause.plan_prompt, exact=True)).to_be_checked()


def test_a_link_to_a_section_of_the_plan_page_keeps_it(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}checklists/plan/#build-my-plan")
    expect(page.locator(".plan-builder__empty")).to_be_visible()
    expect(page).to_have_url(f"{served_site}checklists/plan/#build-my-plan")
