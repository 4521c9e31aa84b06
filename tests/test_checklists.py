"""Checklist pages: a labelled tick box per item, the see-a-doctor box, links, the plan builder,
and bad checklist data stopping the build with a message that names the file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from causepages import load_site
from causepages.features.care import cause_cards
from causepages.routes import ALL_CHECKLISTS_PDF as ALL_PDF
from causepages.routes import CHECKLISTS_INDEX as INDEX
from causepages.routes import PLAN
from conftest import CAUSE_IDS, DATA, FIXTURE_DATA, DataError, build, parse, planned


@pytest.fixture(scope="module")
def real_site():
    """The real data, loaded when a test needs it rather than at import, so a data error
    fails this fixture instead of the collection of the whole test run."""
    return load_site(DATA)


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_each_item_is_a_tick_box_with_its_words_as_label(
    real_site, built_site: Path, cause_id: str
) -> None:
    page = parse(built_site / "checklists" / cause_id / "index.html")
    cause = real_site.causes[cause_id]
    boxes = page.cssselect(f'[data-checklist="{cause_id}"] input[type="checkbox"]')
    labels = [page.cssselect(f'label[for="{box.get("id")}"]') for box in boxes]
    assert [words(label[0].text_content()) for label in labels] == [
        i.text for i in cause.prevention
    ]
    assert page.cssselect("h1")[0].text_content().rstrip("¶") == cause.title
    signs = [span.get("data-sign") for span in page.cssselect(".care-card [data-sign]")]
    assert signs == [sign.id for card in cause_cards(real_site, cause) for sign in card.signs]


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_checklist_page_links_to_its_pdf_and_prints_its_url(
    real_site, built_site: Path, cause_id: str, site_url: str
) -> None:
    page = parse(built_site / "checklists" / cause_id / "index.html")
    hrefs = [a.get("href") for a in page.cssselect("article a")]
    assert f"../{cause_id}.pdf" in hrefs
    assert f"../../causes/{cause_id}/" in hrefs
    assert page.cssselect(".print-only")[0].text_content() == f"{site_url}checklists/{cause_id}/"
    dates = [t.get("datetime") for t in page.cssselect(".review-dates time")]
    assert dates == [
        real_site.causes[cause_id].last_checked.isoformat(),
        real_site.causes[cause_id].next_check_due.isoformat(),
    ]


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_cause_page_links_to_its_checklist_and_pdf(built_site: Path, cause_id: str) -> None:
    page = parse(built_site / "causes" / cause_id / "index.html")
    links = page.cssselect("#how-to-prevent-it ~ p.checklist-links a")
    targets = [(built_site / "causes" / cause_id / a.get("href")).resolve() for a in links]
    assert targets == [
        (built_site / "checklists" / cause_id).resolve(),
        (built_site / "checklists" / f"{cause_id}.pdf").resolve(),
    ]
    assert all(target.exists() for target in targets)


def test_index_lists_every_checklist_and_pdf(real_site, built_site: Path) -> None:
    page = parse(built_site / "checklists" / "index.html")
    hrefs = {a.get("href") for a in page.cssselect("article a")}
    for cause_id in real_site.causes:
        assert {f"{cause_id}/", f"{cause_id}.pdf"} <= hrefs
    assert {"plan/", "all-checklists.pdf"} <= hrefs
    nav = [a.text_content().strip() for a in page.cssselect(".md-nav--primary a")]
    assert {"Checklists", real_site.pages.plan.title} <= set(nav)


def test_plan_without_javascript_lists_every_checklist(real_site, built_site: Path) -> None:
    page = parse(built_site / "checklists" / "plan" / "index.html")
    prompts = [words(label.text_content()) for label in page.cssselect(".plan-builder label")]
    assert prompts == [cause.plan_prompt for cause in real_site.causes.values()]
    for cause_id, cause in real_site.causes.items():
        section = page.cssselect(f'.plan [data-cause="{cause_id}"]')[0]
        items = [words(li.xpath("string(text())")) for li in section.cssselect("li")]
        assert items == [item.text for item in cause.prevention]
    # Each sign is listed once, however many causes name it.
    signs = [li.get("data-sign") for li in page.cssselect(".plan [data-sign]")]
    assert len(signs) == len(set(signs))


def test_checklist_outputs_are_planned_for_the_fixture_data() -> None:
    paths = set(planned(FIXTURE_DATA))
    for cause_id in ("alpha", "beta"):
        assert {f"checklists/{cause_id}.md", f"checklists/{cause_id}.pdf"} <= paths
    assert {INDEX, PLAN, ALL_PDF} <= paths


def test_data_text_in_a_checklist_is_shown_not_run(fixture_data: Path) -> None:
    alpha = fixture_data / "causes" / "alpha.yaml"
    text = alpha.read_text().replace("  - Sleep well\n", "  - Sleep <b>well</b> & rest\n")
    alpha.write_text(text.replace("plan_prompt: I am busy", "plan_prompt: I'm <i>busy</i>"))
    pages = planned(fixture_data)
    assert ">Sleep &lt;b&gt;well&lt;/b&gt; &amp; rest</label>" in pages["checklists/alpha.md"]
    assert ">I&#x27;m &lt;i&gt;busy&lt;/i&gt;</label>" in pages[PLAN]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "prevention:\n  - Sleep well\n",
            "prevention: []\n",
            "line 16: field 'prevention': needs at least 1 item(s), got 0",
        ),
        (
            "  - Sleep well\n",
            "  - " + "Sleep well every night " * 5 + "\n",
            "line 17: field 'prevention.0': is 114 characters long; at most 90 fit",
        ),
        (
            "note: Stretch first.",
            "note: Stretch first \U0001fac0",
            "field 'warning_signs.1.note': the character '\U0001fac0' (U+1FAC0) is not in the "
            "PDF font; write it another way",
        ),
    ],
    ids=["no-items", "item-too-long", "pdf-glyph-in-a-note"],
)
def test_bad_checklist_is_reported_with_file_and_field(
    fixture_data: Path, old: str, new: str, message: str
) -> None:
    """Found while loading the data or while making the PDFs; either way a DataError that
    names the file and field (the build's own handling of one is tested below)."""
    alpha = fixture_data / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace(old, new))
    with pytest.raises(DataError) as error:
        planned(fixture_data)
    assert message in str(error.value)
    assert "data/causes/alpha.yaml" in str(error.value)


def test_bad_checklist_stops_the_build(fixture_data: Path, tmp_path: Path) -> None:
    """A problem found while making the PDFs stops the build like one found while loading."""
    alpha = fixture_data / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("  - Sleep well\n", "  - Sleep well \u2764\ufe0f\n"))
    result = build(tmp_path / "site", data_dir=fixture_data)
    assert result.returncode != 0
    assert (
        "field 'prevention.0': the character '\u2764' (U+2764) is not in the PDF font; "
        "write it another way"
    ) in result.stderr
    assert "data/causes/alpha.yaml" in result.stderr
    # No traceback, and no site written.
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
