"""Hand-written pages under docs/ that take their safety wording from the data.

A guide in data/pages.yaml that lists warning signs shows them as care cards where its page has
the line <!-- warning-signs -->, so the home page and the weakness guide cannot disagree with
the catalogue. A page with the line <!-- clinical-review --> (the About page) gets the list of
what a clinician has and has not reviewed. Every guide ends by saying whether a clinician has
reviewed it. The planned page replaces the hand-written one in the build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks.clinical_review import reviewables
from ..datafiles import PAGES_FILE
from ..output import Output
from ..problems import DataError, Problem
from ..rendering.markdown import link
from .care import care_cards

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..reading.site import Site

WARNING_SIGNS_MARK = "<!-- warning-signs -->"
REVIEW_LIST_MARK = "<!-- clinical-review -->"
KIND_TITLES = {
    "page": "Pages",
    "checker": "The rules of each question of the checker",
    "sign": "Warning signs",
}
_HEADING = re.compile(r"^(#{1,6}) ", re.MULTILINE)


def guide_problems(site: Site, docs_dir: Path) -> list[Problem]:
    """What stops the guides of data/pages.yaml being made from docs_dir: a guide's file
    missing, a guide listing warning signs with no place for them on its page (or the other
    way round), or a page with a place for the data that is not a guide."""
    problems: list[Problem] = []
    for key, guide in site.pages.guides.items():
        file = docs_dir / guide.path
        if not file.is_file():
            message = f"'{guide.path}' is not in {docs_dir.name}/"
            problems.append(Problem(PAGES_FILE, None, f"guides.{key}.path", message))
            continue
        marked = WARNING_SIGNS_MARK in file.read_text(encoding="utf-8")
        if marked != bool(guide.warning_signs):
            message = (
                f"lists warning signs, but {docs_dir.name}/{guide.path} has no line "
                f"{WARNING_SIGNS_MARK} to show them"
                if guide.warning_signs
                else f"is empty, but {docs_dir.name}/{guide.path} has the line "
                f"{WARNING_SIGNS_MARK}: list the signs it should show"
            )
            problems.append(Problem(PAGES_FILE, None, f"guides.{key}.warning_signs", message))
    guides = {g.path for g in site.pages.guides.values()}
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        text = file.read_text(encoding="utf-8")
        if path not in guides and any(m in text for m in (WARNING_SIGNS_MARK, REVIEW_LIST_MARK)):
            message = "has a line for the data to fill in, but is not a guide in data/pages.yaml"
            problems.append(Problem(f"{docs_dir.name}/{path}", None, "", message))
    return [site.locate(p) if p.file.startswith("data/") else p for p in problems]


def guide_outputs(env: Environment, site: Site, docs_dir: Path) -> list[Output]:
    """Each guide of data/pages.yaml, read from docs_dir with its marks filled in from the
    data. Raises DataError with the guide_problems, if any."""
    if problems := guide_problems(site, docs_dir):
        raise DataError(problems)
    outputs = []
    for guide in site.pages.guides.values():
        text = (docs_dir / guide.path).read_text(encoding="utf-8")
        if WARNING_SIGNS_MARK in text:
            before = _HEADING.findall(text[: text.index(WARNING_SIGNS_MARK)])
            components = env.get_template("components.md.j2").module
            cards = components.care_cards(  # type: ignore[attr-defined]
                care_cards(site, guide.warning_signs),
                heading_level=3 if before and before[-1] == "##" else 2,
            )
            text = text.replace(WARNING_SIGNS_MARK, cards)
        if REVIEW_LIST_MARK in text:
            text = text.replace(REVIEW_LIST_MARK, review_list(env, site, guide.path))
        review = env.get_template("_clinical_review.md.j2").render(review=guide.clinical_review)
        outputs.append(Output(guide.path, f"{text.rstrip()}\n\n{review}"))
    return outputs


def review_list(env: Environment, site: Site, here: str) -> str:
    """What a clinician has and has not reviewed, grouped by kind, linked from the page here."""
    sections = []
    for heading, reviewed in (
        ("Reviewed by a clinician", True),
        ("Not yet reviewed by a clinician", False),
    ):
        groups = []
        for kind, title in KIND_TITLES.items():
            items = [
                (item.name, link(here, item.path) if item.path else None, item.review)
                for item in reviewables(site)
                if item.kind == kind and (item.review is not None) == reviewed
            ]
            if items:
                groups.append((title, items))
        sections.append((heading, groups))
    return env.get_template("clinical_review_list.md.j2").render(sections=sections)
