"""Hand-written pages take their care cards from the catalogue: the home page and the weakness
guide cannot say anything about when to get help that the catalogue does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from causepages import DataError, load_site
from causepages.features.guides import guide_outputs
from causepages.rendering.markdown import environment
from conftest import DATA, FIXTURE_DATA, ROOT, parse

MARK = "<!-- warning-signs -->"


def test_no_hand_written_page_writes_its_own_care_card() -> None:
    for page in (ROOT / "docs").rglob("*.md"):
        assert "care-card" not in page.read_text(encoding="utf-8"), page.name


def test_the_home_page_shows_its_signs_from_the_catalogue(built_site: Path) -> None:
    site = load_site(DATA)
    home = parse(built_site / "index.html")
    shown = [e.get("data-sign") for e in home.cssselect(".care-card [data-sign]")]
    assert sorted(shown) == sorted(site.pages.guides["home"].warning_signs)
    headings = [
        " ".join(h.text_content().removesuffix("¶").split())
        for h in home.cssselect(".care-card h2")
    ]
    tiers = site.warning_signs.tiers
    assert headings == [tiers.emergency.heading, tiers.urgent.heading, tiers.see_a_gp.heading]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    copy = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", copy)
    return copy


def problems(docs: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        guide_outputs(environment(), load_site(FIXTURE_DATA), docs)
    return [str(problem) for problem in caught.value.problems]


def test_a_guide_whose_page_has_no_place_for_its_signs(docs: Path) -> None:
    page = docs / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace(MARK, ""), encoding="utf-8")
    assert problems(docs) == [
        "data/pages.yaml, line 33: field 'guides.home.warning_signs': lists warning signs, but "
        f"docs/index.md has no line {MARK} to show them"
    ]


def test_a_page_marked_for_signs_that_is_not_a_guide(docs: Path) -> None:
    (docs / "extra.md").write_text(f"# Extra\n\n{MARK}\n", encoding="utf-8")
    assert problems(docs) == [
        "docs/extra.md: has a line for the data to fill in, but is not a guide in data/pages.yaml"
    ]


def test_a_guide_whose_page_is_missing(docs: Path) -> None:
    (docs / "about.md").unlink()
    assert problems(docs) == [
        "data/pages.yaml, line 40: field 'guides.about.path': 'about.md' is not in docs/"
    ]
