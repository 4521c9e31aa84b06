"""One catalogue of warning signs and cautions: a sign has one tier on every page that shows
it, every sign reaches the site-wide guide, and a caution travels with its advice item."""

from __future__ import annotations

from pathlib import Path

import pytest
from causepages import load_site
from causepages.warning_signs import causes_naming, every_plan_signs
from conftest import DATA, parse
from site_pages import page_file, page_urls

SITE = load_site(DATA)
SIGNS = SITE.warning_signs.signs


def words(text: str) -> str:
    return " ".join(text.split())


def shown_signs(page_html) -> list[tuple[str, str]]:
    """Each sign on a page with the tier of the care card it sits in."""
    found = []
    for element in page_html.cssselect(".care-card [data-sign]"):
        card = next(a for a in element.iterancestors() if "care-card" in a.get("class", ""))
        tier = next(c.removeprefix("care-card--") for c in card.get("class").split() if "--" in c)
        found.append((element.get("data-sign"), tier))
    return found


def test_every_sign_on_every_page_is_in_its_own_tier_and_shown_once(built_site: Path) -> None:
    pages_with_signs = 0
    for url in page_urls(built_site):
        signs = shown_signs(parse(page_file(built_site, url)))
        pages_with_signs += bool(signs)
        assert [(key, tier) for key, tier in signs if SIGNS[key].tier != tier] == [], url
        keys = [key for key, _ in signs]
        assert len(keys) == len(set(keys)), f"{url} shows a sign twice"
    # Cause pages, checklist pages, the plan, the guide, the appointment page and the checker.
    assert pages_with_signs == 2 * len(SITE.causes) + 4


@pytest.mark.parametrize("cause_id", SITE.causes)
def test_cause_and_checklist_pages_show_the_causes_signs_with_its_notes(
    built_site: Path, cause_id: str
) -> None:
    cause = SITE.causes[cause_id]
    for path in (f"causes/{cause_id}", f"checklists/{cause_id}"):
        page = parse(built_site / path / "index.html")
        assert {key for key, _ in shown_signs(page)} == {ref.sign for ref in cause.warning_signs}
        notes = [words(n.text_content()) for n in page.cssselect(".care-card__note")]
        assert notes == [ref.note for ref in sorted_refs(cause) if ref.note]


def sorted_refs(cause):
    order = ("emergency", "urgent", "see_a_gp")
    return sorted(cause.warning_signs, key=lambda ref: order.index(SIGNS[ref.sign].tier))


def test_the_guide_lists_every_sign_once_with_the_causes_that_name_it(built_site: Path) -> None:
    page = parse(built_site / "when-to-see-a-doctor" / "index.html")
    assert sorted(key for key, _ in shown_signs(page)) == sorted(SIGNS)
    naming = causes_naming(SITE)
    for element in page.cssselect("[data-sign]"):
        key = element.get("data-sign")
        assert words(element.text_content()).startswith(words(SIGNS[key].words))
        links = element.getparent().cssselect(".care-card__causes a")
        assert [a.text_content() for a in links] == [c.title for c in naming[key]]
    # The short card of each tier holds its marked signs; the rest follow under "also".
    for card in page.cssselect(".care-card"):
        short = card.cssselect("ul")[0].cssselect("[data-sign]")
        assert all(SIGNS[e.get("data-sign")].short_card for e in short)


def test_every_plan_ends_with_the_emergency_and_weakness_signs(built_site: Path) -> None:
    page = parse(built_site / "checklists" / "plan" / "index.html")
    always = {li.get("data-sign") for li in page.cssselect(".plan [data-always]")}
    assert always == set(every_plan_signs(SITE))
    assert {k for k, s in SIGNS.items() if s.tier == "emergency" and s.short_card} <= always
    assert {"weak-or-thinner-muscle", "getting-weaker"} <= always


def caution_holders(page_html, item_text: str):
    return [
        li
        for li in page_html.cssselect("li")
        if words(li.text_content()).startswith(words(item_text))
    ]


@pytest.mark.parametrize(
    "cause_id", [c.id for c in SITE.causes.values() if any(i.cautions for i in c.prevention)]
)
def test_each_caution_is_shown_with_its_item_everywhere(built_site: Path, cause_id: str) -> None:
    cause = SITE.causes[cause_id]
    pages = {
        "cause": (parse(built_site / "causes" / cause_id / "index.html"), cause.self_care),
        "checklist": (parse(built_site / "checklists" / cause_id / "index.html"), []),
        "plan": (parse(built_site / "checklists" / "plan" / "index.html"), []),
    }
    for name, (page, extra) in pages.items():
        for item in [*cause.prevention, *extra]:
            if not item.cautions:
                continue
            holders = caution_holders(page, item.text)
            assert holders, f"{name}: '{item.text}' is missing"
            for li in holders:
                shown = {
                    c.get("data-caution"): words(c.text_content()) for c in li.cssselect(".caution")
                }
                assert set(shown) == set(item.cautions), name
                for key in item.cautions:
                    assert shown[key].endswith(words(SITE.cautions[key].advice)), name


def test_heart_symptoms_have_one_rule() -> None:
    """A racing or uneven heart: an emergency with chest pain, breathlessness or fainting;
    urgent when it does not settle. No other sign speaks of the heartbeat."""
    heart = {key for key, sign in SIGNS.items() if "heart" in sign.words.lower()}
    assert heart == {"heartbeat-with-chest-pain", "heartbeat-does-not-settle"}
    assert SIGNS["heartbeat-with-chest-pain"].tier == "emergency"
    assert SIGNS["heartbeat-does-not-settle"].tier == "urgent"


def test_statin_muscle_symptoms_are_urgent_and_medicines_may_be_stopped_when_the_leaflet_says() -> (
    None
):
    assert SIGNS["statin-muscle-symptoms"].tier == "urgent"
    assert "leaflet" in SIGNS["medicine-suspected"].words


def test_potassium_and_fluid_advice_carries_its_cautions() -> None:
    potassium = SITE.causes["low-potassium"]
    eat = [
        i
        for i in [*potassium.self_care, *potassium.prevention]
        if "potassium" in i.text.lower() and "eat" in i.text.lower()
    ]
    assert eat and all(
        {"kidney-disease", "potassium-raising-medicines"} <= set(i.cautions) for i in eat
    )
    drink = [
        item
        for cause in SITE.causes.values()
        for item in [*cause.self_care, *cause.prevention]
        if item.text.lower().startswith("drink") and "alcohol" not in item.text
    ]
    assert drink and all("fluid-limit" in item.cautions for item in drink)
    assert "kidney-disease" in SITE.causes["kidney-disease"].reader_groups


def test_help_lines_reach_the_signs_that_need_them(built_site: Path) -> None:
    page = parse(built_site / "causes" / "stress-and-anxiety" / "index.html")
    text = words(page.cssselect('[data-sign="self-harm"]')[0].text_content())
    crisis = SITE.warning_signs.help_lines["crisis"]
    assert f"UK: {crisis.uk}. US: {crisis.us}." in text
    assert "116 123" in text and "988" in text
