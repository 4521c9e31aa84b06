"""Clinical review as data: every page says whether a clinician has reviewed it, the About page
lists what has and has not been, and CLINICAL_REVIEW=required stops a build that has gaps."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from causepages import load_site
from causepages.checks.clinical_review import publishing_problems, reviewables
from conftest import DATA, FIXTURE_DATA, PDF_CACHE, ROOT, parse, planned
from pypdf import PdfReader
from site_pages import page_file, page_urls

REVIEW = "clinical_review: {by: Sam Example, role: GP, date: 2026-01-05}\n"


def review_line(markdown: str) -> str:
    return markdown.rsplit('<p class="clinical-review"', 1)[1]


def test_every_built_page_says_whether_a_clinician_has_reviewed_it(built_site: Path) -> None:
    missing = []
    for url in page_urls(built_site):
        if url == "404.html":
            continue
        said = parse(page_file(built_site, url)).cssselect(".clinical-review")
        if [" ".join(p.text_content().split()) for p in said] != [
            "Not yet reviewed by a clinician."
        ]:
            missing.append(url)
    # Nothing in the real data records a review, so no page may claim one.
    assert missing == []


def test_the_about_page_lists_every_unreviewed_sign_and_page(built_site: Path) -> None:
    about = parse(built_site / "about" / "index.html")
    summaries = [" ".join(s.text_content().split()) for s in about.cssselect("details summary")]
    site = load_site(DATA)
    pages = sum(item.kind == "page" for item in reviewables(site))
    assert summaries == [
        f"Pages ({pages})",
        f"The rules of each question of the checker ({len(site.checker.steps)})",
        f"Warning signs ({len(site.warning_signs.signs)})",
    ]
    # Every cause, every guide, the 8 pages made from data/pages.yaml and the checker's page.
    assert pages == len(site.causes) + len(site.pages.guides) + 8 + 1


def test_a_recorded_review_is_shown_on_its_page_and_leaves_the_list(fixture_data: Path) -> None:
    cause = fixture_data / "causes" / "alpha.yaml"
    cause.write_text(cause.read_text().replace("last_checked:", REVIEW + "last_checked:"))
    pages = planned(fixture_data)
    shown = review_line(pages["causes/alpha.md"])
    assert shown.startswith(
        " data-search-exclude>Reviewed by a clinician: Sam Example, GP, on 5 January 2026.</p>"
    )
    assert "Not yet reviewed" in review_line(pages["causes/beta.md"])
    # The checklist PDF says the same.
    alpha = PdfReader(io.BytesIO(pages["checklists/alpha.pdf"])).pages[0].extract_text()
    assert "Reviewed by a clinician: Sam Example, GP, on 5 January 2026." in " ".join(alpha.split())
    about = pages["about.md"]
    reviewed, not_reviewed = about.split("### Not yet reviewed by a clinician")
    assert "[Alpha trigger](causes/alpha.md): Sam Example, GP, 5 January 2026" in reviewed
    assert "Alpha trigger" not in not_reviewed and "Beta" in not_reviewed


def test_review_required_lists_everything_without_one(fixture_data: Path) -> None:
    site = load_site(fixture_data)
    assert publishing_problems(site, {}) == []  # not required: nothing to say
    problems = publishing_problems(site, {"CLINICAL_REVIEW": "required"})
    fields = {(p.file, p.field) for p in problems}
    assert fields == {
        ("data/causes/alpha.yaml", ""),
        ("data/causes/beta.yaml", ""),
        ("data/checker.yaml", ""),
        *(("data/checker.yaml", f"steps.{index}") for index in range(len(site.checker.steps))),
        *(("data/pages.yaml", f"guides.{key}") for key in site.pages.guides),
        *(
            ("data/pages.yaml", name)
            for name in ("causes", "when_to_see_a_doctor", "appointment", "glossary")
        ),
        *(("data/pages.yaml", name) for name in ("myths", "checklists", "plan", "quiz")),
        *(("data/warning_signs.yaml", f"signs.{key}") for key in site.warning_signs.signs),
    }
    assert all("has no clinical review" in p.message for p in problems)


def test_review_required_with_every_review_recorded_passes(fixture_data: Path) -> None:
    site = load_site(FIXTURE_DATA.parent / "hostile")  # every entry there carries a record
    assert publishing_problems(site, {"CLINICAL_REVIEW": "required"}) == []


def test_an_unknown_review_setting_is_refused() -> None:
    (problem,) = publishing_problems(load_site(FIXTURE_DATA), {"CLINICAL_REVIEW": "yes"})
    assert str(problem) == "CLINICAL_REVIEW: expected 'required' or nothing, got 'yes'"


def test_a_build_that_requires_review_stops_before_writing_the_site(tmp_path: Path) -> None:
    env = {
        "PYTHONPATH": str(ROOT / "hooks"),
        "PDF_CACHE": str(PDF_CACHE),
        "CLINICAL_REVIEW": "required",
        "NO_MKDOCS_2_WARNING": "1",
    }
    site = tmp_path / "site"
    site.mkdir()
    (site / "kept.html").write_text("the site that was there")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    listed = [line for line in result.stderr.splitlines() if "has no clinical review" in line]
    assert len(listed) == len(reviewables(load_site(DATA)))
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["kept.html"]
