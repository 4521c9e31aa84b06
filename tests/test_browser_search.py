"""In Chromium: the words readers type find the right cause; filters and the body map work."""

from __future__ import annotations

import re

import pytest
from causepages import Site, load_site
from conftest import DATA
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def real_site():
    """The real data, loaded when a test needs it rather than at import, so a data error
    fails this fixture instead of the collection of the whole test run."""
    return load_site(DATA)


def top_results(page: Page, query: str, served_site: str) -> list[str]:
    box = page.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=10)
    # The results of the whole query, not of a letter before its last.
    expect(page.locator("[data-search-results]")).to_have_attribute("data-query", query)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching"))
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
    return [re.split("[?#]", link.removeprefix(served_site))[0] for link in links]


@pytest.fixture
def search_page(page: Page, served_site: str) -> Page:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site)
    page.locator(".md-search__input").click()
    return page


def test_keywords_put_their_cause_in_the_top_three(
    real_site, search_page: Page, served_site: str
) -> None:
    weak = {}
    for cause in real_site.causes.values():
        hits, tried = [], []
        for word in cause.keywords:  # stop at 3 hits: that is the promise, and it is quicker
            tried.append(word)
            if f"causes/{cause.id}/" in top_results(search_page, word, served_site)[:3]:
                hits.append(word)
            if len(hits) == 3:
                break
        if len(hits) < 3:
            weak[cause.id] = f"found by {hits} of {tried}"
    assert weak == {}, "causes that fewer than 3 of their own keywords find in the top 3"


def test_a_cause_title_finds_that_cause_first(
    real_site, search_page: Page, served_site: str
) -> None:
    for cause in real_site.causes.values():
        results = top_results(search_page, cause.title, served_site)
        assert results[0] == f"causes/{cause.id}/", cause.title


def test_search_always_offers_a_way_on(search_page: Page) -> None:
    box = search_page.locator(".md-search__input")
    box.press_sequentially("zzqx", delay=10)
    expect(search_page.locator(".md-search-result__meta")).to_have_text(re.compile("No matching"))
    help_box = search_page.locator(".search-help")
    expect(help_box.get_by_role("link", name="Browse every cause")).to_be_visible()
    expect(help_box.get_by_role("link", name="when to see a doctor")).to_be_visible()


def shown_causes(page: Page) -> set[str]:
    # The theme may make links absolute after instant navigation: keep the cause id only.
    hrefs = page.locator("li[data-kind]:visible a").evaluate_all("els => els.map(a => a.href)")
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


def expect_shown(page: Page, expected: set[str], causes: int) -> None:
    """Wait until the filter has counted what it shows, then compare the list."""
    expect(page.locator("[data-filter-count]")).to_have_text(
        f"Showing {len(expected)} of {causes} causes."
    )
    assert shown_causes(page) == expected


def test_filter_by_body_area_and_kind_restores_from_url(
    real_site, page: Page, served_site: str
) -> None:
    page.goto(f"{served_site}causes/?area=calf")
    # A cause felt all over the body shows under every area, the calf included.
    expected = {c.id for c in real_site.causes.values() if "calf" in real_site.areas_shown(c)}
    assert any("all-over" in c.body_areas and c.id in expected for c in real_site.causes.values())
    expect(page.locator("select[name=area]")).to_have_value("calf")
    expect_shown(page, expected, len(real_site.causes))

    page.locator("select[name=kind]").select_option("body-chemistry")
    expected = {
        c.id
        for c in real_site.causes.values()
        if "calf" in real_site.areas_shown(c) and c.category == "body-chemistry"
    }
    expect_shown(page, expected, len(real_site.causes))
    expect(page).to_have_url(f"{served_site}causes/?area=calf&kind=body-chemistry")

    page.reload()
    expect_shown(page, expected, len(real_site.causes))
    page.locator("select[name=area]").select_option("")
    page.locator("select[name=kind]").select_option("")
    expect_shown(page, set(real_site.causes), len(real_site.causes))


def test_filter_by_first_step(real_site, page: Page, served_site: str) -> None:
    page.goto(f"{served_site}causes/?step=see-a-doctor")
    expected = {c.id for c in real_site.causes.values() if c.first_step == "see-a-doctor"}
    expect_shown(page, expected, len(real_site.causes))


def test_without_javascript_the_whole_list_shows(real_site, browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}causes/?area=calf")
    expect(page.locator("form[data-cause-filter]")).to_be_hidden()
    assert shown_causes(page) == set(real_site.causes)
    context.close()


def test_body_map_works_with_the_keyboard(real_site, page: Page, served_site: str) -> None:
    page.goto(served_site)
    calf = page.locator("figure.body-map a", has_text="Calf")
    calf.focus()
    expect(calf).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{served_site}causes/?area=calf")
    wanted = {c.id for c in real_site.causes.values() if "calf" in real_site.areas_shown(c)}
    expect_shown(page, wanted, len(real_site.causes))


def test_a_word_typed_up_to_its_apostrophe_keeps_its_results(search_page: Page) -> None:
    """Typing "can't sleep" never says that nothing matches on the way: "can", "can'" and
    "can't" alone ask for a word more, then "sleep" finds pages."""
    box = search_page.locator(".md-search__input")
    meta = search_page.locator(".md-search-result__meta")
    results = search_page.locator("[data-search-results]")
    for typed in ("can", "'", "t", " sleep"):
        box.press_sequentially(typed, delay=10)
        expect(results).to_have_attribute("data-query", box.input_value())
        expect(meta).not_to_have_text(re.compile("No matching"))
    expect(meta).to_have_text(re.compile(r"\d+ matching"))


# Readers' own wording: each case names the page that must come back, and how high.
READERS_WORDING = [
    # Punctuation in the page text: "(paralysis)." on the low potassium page.
    ("paralysis", "causes/low-potassium/", 3),
    # Punctuation, curly quotes and an ellipsis in the query, as a phone types them.
    ("ALS?", "causes/motor-neuron-disease/", 1),
    ("“calf”", "causes/night-cramps/", 3),
    ("calf…", "causes/night-cramps/", 3),
    # A plural the pages do not use.
    ("twitching eyelids", "causes/eye-strain/", 3),
    # Misspellings: one listed as a search term, one only the engine's typo matching finds.
    ("magnessium", "causes/low-magnesium/", 1),
    ("magnseium", "causes/low-magnesium/", 1),
    # A brand name.
    ("ventolin", "causes/medicines/", 1),
    # Whole questions.
    ("when should I worry about muscle twitching", "when-to-see-a-doctor/", 3),
    ("is it ALS?", "causes/motor-neuron-disease/", 1),
    ("why does my eye keep twitching", "causes/eye-strain/", 3),
    # Tool pages by name.
    ("quiz", "quiz/", 1),
    ("check your twitch", "check/", 1),
    ("checklist", "checklists/", 1),
    ("build my plan", "checklists/plan/", 1),
    # "muscle" in the query must not let the home page or the index win; a new calf twitch
    # finds an everyday cause, not a name a doctor gives after an examination.
    ("calf muscle twitching", "causes/stress-and-anxiety/", 3),
]


@pytest.mark.parametrize(("query", "answer", "rank"), READERS_WORDING)
def test_readers_own_wording_finds_the_answer(
    search_page: Page, served_site: str, query: str, answer: str, rank: int
) -> None:
    results = top_results(search_page, query, served_site)
    assert answer in results[:rank], f"{query!r}: {results[:5]}"


def test_a_misspelling_after_a_stop_word_is_offered_spelt_right(search_page: Page) -> None:
    box = search_page.locator(".md-search__input")
    box.press_sequentially("what is hypokalemai", delay=10)
    offer = search_page.locator("[data-search-suggest]")
    # Said in a live region, so a screen reader reads it out, as it does the count.
    assert offer.get_attribute("role") == "status"
    assert search_page.locator(".md-search-result__meta").get_attribute("role") == "status"
    expect(offer).to_have_text("Did you mean what is hypokalemia?")
    offer.get_by_role("button", name="what is hypokalemia").click()
    expect(box).to_have_value("what is hypokalemia")
    expect(search_page.locator(".md-search-result__item a").first).to_have_attribute(
        "href", re.compile("causes/low-potassium/$")
    )
    expect(offer).to_have_text("")
    box.fill("")
    box.press_sequentially("caffeine", delay=10)
    expect(search_page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching"))
    expect(offer).to_have_text("")


def test_fast_typing_never_shows_an_older_querys_results(page: Page, served_site: str) -> None:
    """The index arrives slowly (a slow network): by then the reader has typed on, and only
    the newest query's results and suggestion are ever drawn."""
    released = []
    page.route("**/search/index.json", lambda route: released.append(route))
    page.goto(served_site)
    # Every list of results and every suggestion drawn, even one replaced at once: the
    # records keep each change, not only the last.
    page.evaluate(
        """() => {
        window.drawn = [];
        const box = document.querySelector("[data-site-search] .md-search-result");
        new MutationObserver((records) => {
            for (const record of records) {
                for (const node of record.addedNodes) {
                    const link = node.querySelector?.("a");
                    if (link) window.drawn.push(link.pathname);
                    else if (node.textContent.trim()) window.drawn.push(node.textContent);
                }
            }
        }).observe(box, {childList: true, subtree: true});
    }"""
    )
    box = page.locator(".md-search__input")
    box.focus()
    for _ in range(100):  # until the script has asked for the index, which is held
        if released:
            break
        page.wait_for_timeout(50)
    box.press_sequentially("magnseium", delay=5)
    box.fill("")
    box.press_sequentially("caffeine", delay=5)
    for route in released:
        route.continue_()
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching"))
    drawn = page.evaluate("window.drawn")
    assert "/causes/caffeine/" in drawn, "the newest query's results were drawn"
    assert not [state for state in drawn if "magnesium" in state.lower()], drawn


def test_an_index_that_cannot_load_says_so_and_is_tried_again(page: Page, served_site: str) -> None:
    page.route("**/search/index.json", lambda route: route.abort())
    page.goto(served_site)
    box = page.locator(".md-search__input")
    box.press_sequentially("cramp", delay=10)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Search could not load. Browse every cause below.")
    expect(page.get_by_role("link", name="Browse every cause")).to_be_visible()
    page.unroute("**/search/index.json")
    box.press_sequentially("s", delay=10)
    expect(meta).to_have_text(re.compile(r"\d+ matching"))


def test_search_works_with_the_keyboard_alone(page: Page, served_site: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site)
    box = page.locator(".md-search__input")
    for _ in range(40):
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    expect(box).to_be_focused()
    page.keyboard.type("caffeine", delay=10)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_have_attribute("href", re.compile("causes/caffeine/$"))
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{served_site}causes/caffeine/")
    expect(page.locator("#__search")).not_to_be_checked()
    # Enter in the box opens the best result too.
    box.focus()
    box.fill("")
    page.keyboard.type("charlie horse", delay=10)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{served_site}causes/night-cramps/")


def test_search_on_a_phone_opens_from_the_header_and_stays_on_this_site(
    page: Page, served_site: str
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{served_site}causes/caffeine/")
    page.locator('label.md-header__button[for="__search"]').click()
    box = page.locator(".md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially("cramp in my calf at night", delay=10)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_in_viewport()
    expect(first).to_have_attribute("href", re.compile("causes/night-cramps/$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    first.click()
    expect(page).to_have_url(f"{served_site}causes/night-cramps/")
    assert [url for url in requests if not url.startswith(served_site)] == []


def test_a_search_address_opens_with_its_results(page: Page, served_site: str) -> None:
    """The "page not found" page sends readers to the home page with ?q=their words."""
    page.goto(f"{served_site}?q=charlie+horse")
    expect(page.locator(".md-search__input")).to_have_value("charlie horse")
    expect(page.locator(".md-search-result__item a").first).to_have_attribute(
        "href", re.compile("causes/night-cramps/$")
    )


@pytest.mark.parametrize("width", [1280, 360])
def test_without_javascript_search_leads_to_every_cause(
    browser, served_site: str, width: int
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{served_site}causes/caffeine/")
    page.get_by_role("link", name="Search: browse every cause").click()
    expect(page).to_have_url(f"{served_site}causes/")
    expect(page.locator("h1")).to_contain_text("Causes of muscle twitching")
    context.close()


@pytest.mark.parametrize(
    "query",
    ["<img src=x onerror=alert(1)>", "the is it", "😀🙂", "twitch " * 72],
    ids=["html", "stop words only", "emoji", "500 characters"],
)
def test_odd_queries_show_plain_words_and_never_markup(search_page: Page, query: str) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    search_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    search_page.on("pageerror", lambda error: errors.append(str(error)))
    box = search_page.locator(".md-search__input")
    box.fill(query)
    expect(search_page.locator(".md-search-result__meta")).not_to_have_text("")
    drawn = search_page.locator("[data-site-search] *").evaluate_all(
        "els => [...new Set(els.map(el => el.tagName.toLowerCase()))]"
    )
    assert "img" not in drawn and "script" not in drawn
    results = search_page.locator("[data-search-results] *").evaluate_all(
        "els => [...new Set(els.map(el => el.tagName.toLowerCase()))]"
    )
    assert set(results) <= {"li", "a", "article", "h2", "p"}
    assert (dialogs, errors) == ([], [])


def test_the_causes_index_keeps_its_section_in_the_address(
    page: Page, served_site: str, real_site: Site
) -> None:
    """A link to one group of the causes index still names that group once the filter runs."""
    key, category, _ = real_site.groups()[-1]
    address = f"{served_site}causes/?area=calf#{page_anchor(category.name)}"
    page.goto(address)
    calf = {c.id for c in real_site.causes.values() if "calf" in real_site.areas_shown(c)}
    expect_shown(page, calf, len(real_site.causes))
    expect(page).to_have_url(address)
    page.locator("select[name=kind]").select_option(key)
    expect(page).to_have_url(re.compile(rf"kind={key}.*#{page_anchor(category.name)}$"))


def page_anchor(heading: str) -> str:
    """The id MkDocs gives a heading."""
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")
