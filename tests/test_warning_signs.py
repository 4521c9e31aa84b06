"""One catalogue of warning signs and cautions: a sign has one tier on every page that shows
it, every sign reaches the site-wide guide, and a caution travels with its advice item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from causepages import Site, load_site
from causepages.features.care import causes_naming, every_plan_signs, sign_text
from conftest import CAUSE_IDS, DATA, parse
from site_pages import page_file, page_urls


@pytest.fixture(scope="module")
def real_site():
    """The real data, loaded when a test needs it rather than at import, so a data error
    fails this fixture instead of the collection of the whole test run."""
    return load_site(DATA)


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


def test_every_sign_on_every_page_is_in_its_own_tier_and_shown_once(
    real_site, built_site: Path
) -> None:
    pages_with_signs = 0
    for url in page_urls(built_site):
        signs = shown_signs(parse(page_file(built_site, url)))
        pages_with_signs += bool(signs)
        assert [
            (key, tier) for key, tier in signs if real_site.warning_signs.signs[key].tier != tier
        ] == [], url
        keys = [key for key, _ in signs]
        assert len(keys) == len(set(keys)), f"{url} shows a sign twice"
    # Cause pages, checklist pages, the plan, the guide, the appointment page, the checker,
    # and the hand-written guides that draw cards from the catalogue (home, weakness).
    guides = [g for g in real_site.pages.guides.values() if g.warning_signs]
    assert pages_with_signs == 2 * len(real_site.causes) + 4 + len(guides)


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_cause_and_checklist_pages_show_the_causes_signs_with_its_notes(
    real_site, built_site: Path, cause_id: str
) -> None:
    cause = real_site.causes[cause_id]
    for path in (f"causes/{cause_id}", f"checklists/{cause_id}"):
        page = parse(built_site / path / "index.html")
        assert {key for key, _ in shown_signs(page)} == {ref.sign for ref in cause.warning_signs}
        notes = [words(n.text_content()) for n in page.cssselect(".care-card__note")]
        assert notes == [ref.note for ref in sorted_refs(real_site, cause) if ref.note]


def sorted_refs(site, cause):
    order = ("emergency", "urgent", "see_a_gp")
    signs = site.warning_signs.signs
    return sorted(cause.warning_signs, key=lambda ref: order.index(signs[ref.sign].tier))


def test_the_guide_lists_every_sign_once_with_the_causes_that_name_it(
    real_site, built_site: Path
) -> None:
    page = parse(built_site / "when-to-see-a-doctor" / "index.html")
    assert sorted(key for key, _ in shown_signs(page)) == sorted(real_site.warning_signs.signs)
    naming = causes_naming(real_site)
    for element in page.cssselect("[data-sign]"):
        key = element.get("data-sign")
        assert words(element.text_content()).startswith(words(sign_text(real_site, key)))
        links = element.getparent().cssselect(".care-card__causes a")
        assert [a.text_content() for a in links] == [c.title for c in naming[key]]
    # The short card of each tier holds its marked signs; the rest follow under "also".
    for card in page.cssselect(".care-card"):
        short = card.cssselect("ul")[0].cssselect("[data-sign]")
        assert all(real_site.warning_signs.signs[e.get("data-sign")].short_card for e in short)


def test_every_plan_ends_with_the_emergency_and_weakness_signs(real_site, built_site: Path) -> None:
    page = parse(built_site / "checklists" / "plan" / "index.html")
    always = {e.get("data-sign") for e in page.cssselect(".plan [data-always] [data-sign]")}
    assert always == set(every_plan_signs(real_site))
    assert {
        k
        for k, s in real_site.warning_signs.signs.items()
        if s.tier == "emergency" and s.short_card
    } <= always
    assert {"weak-or-thinner-muscle", "getting-weaker"} <= always


def caution_holders(page_html, item_text: str):
    return [
        li
        for li in page_html.cssselect("li")
        if words(li.text_content()).startswith(words(item_text))
    ]


def test_each_caution_is_shown_with_its_item_everywhere(real_site, built_site: Path) -> None:
    cautioned = [c for c in real_site.causes.values() if any(i.cautions for i in c.prevention)]
    assert cautioned, "some checklist advice carries a caution"
    for cause in cautioned:
        caution_shown_with_its_item(real_site, built_site, cause.id)


def caution_shown_with_its_item(real_site, built_site: Path, cause_id: str) -> None:
    cause = real_site.causes[cause_id]
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
                    assert shown[key].endswith(words(real_site.cautions[key].advice)), name


def test_heart_symptoms_have_one_rule(
    real_site,
) -> None:
    """A racing or uneven heart: an emergency with chest pain, breathlessness or fainting;
    urgent when it does not settle. No other sign speaks of the heartbeat."""
    heart = {
        key for key, sign in real_site.warning_signs.signs.items() if "heart" in sign.words.lower()
    }
    assert heart == {"heartbeat-with-chest-pain", "heartbeat-does-not-settle"}
    assert real_site.warning_signs.signs["heartbeat-with-chest-pain"].tier == "emergency"
    assert real_site.warning_signs.signs["heartbeat-does-not-settle"].tier == "urgent"


def test_statin_muscle_symptoms_are_urgent_and_medicines_may_be_stopped_when_the_leaflet_says(
    real_site,
) -> None:
    assert real_site.warning_signs.signs["statin-muscle-symptoms"].tier == "urgent"
    assert "leaflet" in real_site.warning_signs.signs["medicine-suspected"].words


def test_potassium_and_fluid_advice_carries_its_cautions(
    real_site,
) -> None:
    potassium = real_site.causes["low-potassium"]
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
        for cause in real_site.causes.values()
        for item in [*cause.self_care, *cause.prevention]
        if item.text.lower().startswith("drink") and "alcohol" not in item.text
    ]
    assert drink and all("fluid-limit" in item.cautions for item in drink)
    assert "kidney-disease" in real_site.causes["kidney-disease"].reader_groups


def test_help_lines_reach_the_signs_that_need_them(real_site, built_site: Path) -> None:
    page = parse(built_site / "causes" / "stress-and-anxiety" / "index.html")
    text = words(page.cssselect('[data-sign="self-harm"]')[0].text_content())
    crisis = real_site.warning_signs.help_lines["crisis"]
    assert f"UK: {crisis.uk}. US: {crisis.us}." in text
    assert "116 123" in text and "988" in text


def routed(site) -> list[str]:
    """The signs whose first call is a route of its own (a maternity unit, a poisons line)."""
    return [key for key, sign in site.warning_signs.signs.items() if sign.route]


def test_urgent_means_now_and_an_emergency_bullet_has_one_call_to_action(
    real_site,
) -> None:
    """The urgent tier asks for help now, as the NHS card does; a 999 bullet never also sends
    the reader to 111 or a poisons line first (one call to action per bullet)."""
    urgent = real_site.warning_signs.tiers.urgent
    for text in (urgent.heading, urgent.quiz_answer, urgent.action):
        assert "now" in text and "today" not in text
    for key, sign in real_site.warning_signs.signs.items():
        if sign.tier == "emergency":
            assert sign.route is None, key
            assert "111" not in sign_text(real_site, key), key


def test_a_routed_sign_shows_its_first_call_before_its_words_on_every_page(
    real_site,
    built_site: Path,
) -> None:
    assert {"pre-eclampsia-signs", "self-harm", "swallowed-poison"} <= set(routed(real_site))
    seen: dict[str, set[str]] = {key: set() for key in routed(real_site)}
    for url in page_urls(built_site):
        for element in parse(page_file(built_site, url)).cssselect("[data-sign]"):
            key = element.get("data-sign")
            if key in seen:
                text = words(element.text_content())
                assert text.startswith(
                    real_site.warning_signs.route_text(key)
                    + " "
                    + words(real_site.warning_signs.signs[key].words)
                ), url
                seen[key].add(url.split("/")[0] if "/" in url else url)
    # Each routed sign is on its causes' pages and checklists, the plan, the guide and the
    # checker (its static guide).
    for key, kinds in seen.items():
        assert {"causes", "checklists", "when-to-see-a-doctor", "check"} <= kinds, key


def test_the_checker_data_gives_a_routed_sign_its_first_call_first(
    real_site, built_site: Path
) -> None:
    data = json.loads((built_site / "check" / "checker.json").read_text(encoding="utf-8"))
    for key in routed(real_site):
        assert data["signs"][key]["text"].startswith(real_site.warning_signs.route_text(key)), key


def test_the_catalogue_has_the_tiers_the_clinical_review_asked_for(
    real_site,
) -> None:
    """Babies who will not wake, weakness spreading over days, pregnancy tummy pain, the signs
    of giant cell arteritis and children's eye infections each have a tier of their own."""
    expected = {
        "baby-seriously-ill": "emergency",
        "young-baby-very-worried": "emergency",
        "baby-needs-help-soon": "urgent",
        "weakness-spreading": "urgent",
        "weakness-spreading-fast": "emergency",
        "pregnancy-tummy-pain": "urgent",
        "pregnancy-heavy-bleeding-or-severe-pain": "emergency",
        "headache-jaw-or-sight-over-50": "urgent",
        "newborn-sticky-eye": "urgent",
        "child-swollen-eyelid": "urgent",
        "child-eye-swollen-shut": "emergency",
        "alcohol-withdrawal-confusion": "emergency",
    }
    assert {key: real_site.warning_signs.signs[key].tier for key in expected} == expected
    children = {ref.sign for ref in real_site.causes["children"].warning_signs}
    assert {"baby-seriously-ill", "baby-needs-help-soon"} <= children
    pregnancy = {ref.sign for ref in real_site.causes["pregnancy"].warning_signs}
    assert {"pregnancy-tummy-pain", "pre-eclampsia-signs"} <= pregnancy


def test_every_care_card_item_carries_its_sign(built_site: Path, real_site: Site) -> None:
    """Each item of every care card on every page holds one sign, marked with its key from
    the catalogue; the checker's <template> holds the one item its script fills in."""
    for url in page_urls(built_site):
        for item in parse(page_file(built_site, url)).cssselect(".care-card li"):
            if any(a.tag == "template" for a in item.iterancestors()):
                assert len(item.cssselect(".care-card__sign:not([data-sign])")) == 1, url
                continue
            signs = item.cssselect(".care-card__sign[data-sign]")
            assert len(signs) == 1, f"{url}: {words(item.text_content())!r} has no sign key"
            assert signs[0].get("data-sign") in real_site.warning_signs.signs, url
