"""Pages are planned from the data without MkDocs: escaping, links, and the order of sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from causepages import load_site, nav_sections
from causepages.rendering.markdown import as_text, link
from causepages.schema import SECTIONS
from conftest import FIXTURE_DATA, planned

SITE_URL = "https://example.org/"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[click](javascript:alert(1))", r"\[click\](javascript:alert(1))"),
        ("**bold** and _it_", r"\*\*bold\*\* and \_it\_"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("12. not a list", r"12\. not a list"),
        ("{: onclick=x }", r"\{: onclick=x \}"),
        ("two\n\nparagraphs", "two paragraphs"),
        ("Tea & coffee", "Tea &amp; coffee"),
        ('children\'s "safe" dose', 'children\'s "safe" dose'),
    ],
)
def test_data_text_is_shown_not_parsed(raw: str, shown: str) -> None:
    assert as_text(raw) == shown


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("causes/alpha.md", "causes/beta.md", "beta.md"),
        ("causes/alpha.md", "when-to-see-a-doctor.md", "../when-to-see-a-doctor.md"),
        ("index.md", "causes/alpha.md#what-happens", "causes/alpha.md#what-happens"),
    ],
)
def test_links_are_relative_to_the_page(source: str, target: str, expected: str) -> None:
    assert link(source, target) == expected


def test_cause_page_has_every_section_in_order() -> None:
    outputs = planned(FIXTURE_DATA, SITE_URL)
    page = outputs["causes/alpha.md"]
    anchors = re.findall(r"^## .* \{ #([a-z-]+)[^}]* \}$", page, flags=re.MULTILINE)
    assert anchors == list(SECTIONS)
    assert page.index("Last checked against its sources") > page.index("## Sources")


def test_front_matter_carries_title_and_description() -> None:
    page = planned(FIXTURE_DATA, SITE_URL)["causes/beta.md"]
    front = page.split("---\n")[1]
    assert "title: Beta condition\n" in front
    assert "description: A common trigger.\n" in front
    assert "'@type': MedicalWebPage" in front


def test_index_groups_causes_by_category() -> None:
    page = planned(FIXTURE_DATA, SITE_URL)["causes/index.md"]
    assert page.index("## Everyday triggers") < page.index("[Alpha trigger](alpha.md)")
    assert page.index("## Conditions") < page.index("[Beta condition](beta.md)")


def test_a_big_category_is_split_in_the_navigation(fixture_data: Path) -> None:
    alpha = (fixture_data / "causes" / "alpha.yaml").read_text()
    for n in range(40):
        text = alpha.replace("id: alpha", f"id: extra-{n}").replace("Alpha trigger", f"Trigger {n}")
        text = text.replace("[alpha, busy]", f"[word-{n}]").replace("Alpha is", f"{n} is")
        text = text.replace("What helps?", f"What helps {n}?")
        (fixture_data / "causes" / f"extra-{n}.yaml").write_text(text)
    site = load_site(fixture_data)
    everyday, conditions = nav_sections(site)
    parts = everyday["Everyday triggers"]
    assert [len(next(iter(part.values()))) for part in parts] == [30, 11]
    assert [next(iter(part)) for part in parts] == ["A to T", "T"]
    listed = [page for part in parts for page in next(iter(part.values()))]
    assert sorted(listed) == sorted(
        f"causes/{c.id}.md" for c in site.causes.values() if c.category == "everyday"
    )
    assert conditions == {"Conditions": ["causes/beta.md"]}


def test_a_cause_that_cannot_be_prevented_says_what_you_can_do() -> None:
    site = load_site(FIXTURE_DATA)
    labels, alpha = site.labels.cause_page, site.causes["alpha"]
    assert labels.heading(alpha, "how-to-prevent-it") == "How to prevent it"
    cannot = alpha.model_copy(update={"prevention_note": "It cannot be prevented."})
    assert labels.heading(cannot, "how-to-prevent-it") == "What you can do"
