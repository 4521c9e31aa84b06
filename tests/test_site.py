"""The real site, built strictly: every cause page has its sections, head tags and review dates."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
import yaml
from causepages import load_site
from causepages.schema import SECTIONS
from conftest import CAUSE_IDS, DATA, build, parse


@pytest.fixture(scope="module")
def real_site():
    """The real data, loaded when a test needs it rather than at import, so a data error
    fails this fixture instead of the collection of the whole test run."""
    return load_site(DATA)


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_cause_page_has_every_section_in_order(built_site: Path, real_site, cause_id: str) -> None:
    page = parse(built_site / "causes" / cause_id / "index.html")
    cause = real_site.causes[cause_id]
    headings = [h.get("id") for h in page.cssselect("article h2")]
    # Myths and facts, and Related pages, are there only when the page has some to show.
    expected = [key for key in SECTIONS if key != "myths-and-facts" or cause.myths]
    related = related_links(built_site, cause_id)
    expected = [key for key in expected if key != "related-causes" or related]
    assert headings == expected
    # The medical name, when there is one, sits under the title, then the summary.
    lead = page.cssselect("article h1 ~ p")[:2]
    if cause.medical_term:
        assert lead[0].get("class") == "medical-term"
        assert lead[0].text_content() == f"Medical name: {' '.join(cause.medical_term.split())}"
        lead = lead[1:]
    assert lead[0].get("class") == "summary"
    assert lead[0].text_content() == " ".join(cause.summary.split())
    sources = page.cssselect("#sources + ol > li")
    assert len(sources) == len(cause.sources) >= 2
    assert all("Accessed" in li.text_content() for li in sources)


@functools.cache
def page_titles(built_site: Path) -> dict[str, Path]:
    """Each built page's file, by the title it shows in its h1."""
    titles = {}
    for file in built_site.rglob("index.html"):
        h1 = parse(file).cssselect("article h1")
        if h1:
            titles[" ".join(h1[0].text_content().rstrip("¶").split())] = file
    return titles


def related_links(built_site: Path, cause_id: str) -> list[Path]:
    """The built pages that a cause page's 'Related pages' list should hold: the guides its
    data points readers to (see_also) and its related causes, resolved to the files that the
    build wrote for them, found by their titles in the built site."""
    data = yaml.safe_load((DATA / "causes" / f"{cause_id}.yaml").read_text(encoding="utf-8"))
    titles = page_titles(built_site)
    guides = yaml.safe_load((DATA / "pages.yaml").read_text(encoding="utf-8"))["guides"]
    wanted = [guides[key]["title"] for key in data.get("see_also", [])]
    wanted += [
        yaml.safe_load((DATA / "causes" / f"{other}.yaml").read_text(encoding="utf-8"))["title"]
        for other in data.get("related", [])
    ]
    return [titles[" ".join(title.split())] for title in wanted]


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_related_pages_list_the_guides_and_causes_the_data_names(
    built_site: Path, cause_id: str
) -> None:
    """'Related pages' links to each guide the cause's data names under see_also and each
    related cause, and is left out when there are none."""
    page = parse(built_site / "causes" / cause_id / "index.html")
    expected = related_links(built_site, cause_id)
    heading = page.cssselect("h2#related-causes")
    if not expected:
        assert heading == []
        return
    listed = heading[0].getnext()
    here = built_site / "causes" / cause_id
    targets = [
        (here / a.get("href") / "index.html").resolve()
        for li in listed.cssselect("li")
        for a in li.cssselect("a")[:1]
    ]
    assert targets == [file.resolve() for file in expected]


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_review_dates_sit_just_under_the_content(
    built_site: Path, real_site, cause_id: str
) -> None:
    page = parse(built_site / "causes" / cause_id / "index.html")
    cause = real_site.causes[cause_id]
    article = page.cssselect("article")[0]
    last = [el for el in article.iterchildren() if el.tag not in {"a", "script"}][-1]
    assert "review-dates" in last.get("class", "")
    times = [t.get("datetime") for t in last.cssselect("time")]
    assert times == [cause.last_checked.isoformat(), cause.next_check_due.isoformat()]
    text = last.text_content()
    assert text.index("Last checked against its sources") < text.index("Next check due")


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_head_describes_the_page_for_search_engines(
    built_site: Path, real_site, cause_id: str
) -> None:
    page = parse(built_site / "causes" / cause_id / "index.html")
    cause = real_site.causes[cause_id]
    description = page.cssselect('meta[name="description"]')[0].get("content")
    assert description == " ".join(cause.summary.split())
    canonical = page.cssselect('link[rel="canonical"]')[0].get("href")
    assert canonical.endswith(f"/causes/{cause_id}/")
    assert page.cssselect('meta[property="og:url"]')[0].get("content") == canonical
    scripts = page.cssselect('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == cause.title
    assert data["url"] == canonical
    assert data["lastReviewed"] == cause.last_checked.isoformat()


def test_cause_page_cards_come_most_serious_first(built_site: Path, real_site) -> None:
    for cause in real_site.causes.values():
        page = parse(built_site / "causes" / cause.id / "index.html")
        labels = [p.text_content() for p in page.cssselect(".care-card__label")]
        order = ["Emergency", "Urgent", "Non-urgent"]
        assert labels == sorted(labels, key=order.index), cause.id
        assert "Non-urgent" in labels, cause.id
        guide = page.cssselect('a[href="../../when-to-see-a-doctor/"]')
        assert guide, f"{cause.id} does not link to the when-to-see-a-doctor page"


def test_causes_index_lists_every_cause_under_its_category(built_site: Path, real_site) -> None:
    page = parse(built_site / "causes" / "index.html")
    article = page.cssselect("article")[0]
    for cause in real_site.causes.values():
        links = article.cssselect(f'a[href="{cause.id}/"]')
        assert len(links) == 1, cause.id
        heading = links[0].getparent().getparent().getprevious()
        while heading.tag != "h2":
            heading = heading.getprevious()
        assert heading.text_content().rstrip("¶") == real_site.categories[cause.category].name


def test_home_page_gives_the_safety_message_and_the_way_in(built_site: Path) -> None:
    page = parse(built_site / "index.html")
    text = " ".join(page.cssselect("article")[0].text_content().split())
    assert "usually harmless" in text
    for sign in ("more than 2 weeks", "more than one place", "weak or stiff", "thinner"):
        assert sign in text
    assert page.cssselect('article a[href="causes/"]')


def test_every_page_has_the_disclaimer_in_its_footer(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        footer = parse(path).cssselect("footer .md-copyright")
        assert footer and "does not diagnose" in footer[0].text_content(), path


def test_bad_data_stops_the_build_before_the_site_is_touched(
    fixture_data: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "earlier.html").write_text("an earlier build")
    (fixture_data / "causes" / "alpha.yaml").write_text("id: alpha\ntitle: [\n")
    result = build(site, fixture_data)
    assert result.returncode != 0
    assert "data/causes/alpha.yaml, line 3: is not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["earlier.html"]
