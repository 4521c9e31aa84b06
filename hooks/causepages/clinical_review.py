"""Whether a clinician has reviewed each warning sign, page and rule of the checker (a step's
rules: its answers, their signs and its sources).

Every page says so plainly, the About page lists what has and has not been reviewed, and a
publisher who must not go live without a review sets CLINICAL_REVIEW=required: the build then
stops, listing everything that has none. A review is only ever recorded in the data, by hand,
once it has happened; nothing here makes one up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .checker import CHECK_PAGE
from .checklists import INDEX, PLAN
from .quiz import QUIZ_PAGE
from .site_pages import APPOINTMENT, CARE_GUIDE, CAUSES_INDEX, GLOSSARY, MYTHS, cause_path
from .yaml_files import DataError, Problem

if TYPE_CHECKING:
    from .loader import Site
    from .models import ClinicalReview

# The page each entry of data/pages.yaml introduces.
INTRO_PAGES = {
    "causes": CAUSES_INDEX,
    "when_to_see_a_doctor": CARE_GUIDE,
    "appointment": APPOINTMENT,
    "glossary": GLOSSARY,
    "myths": MYTHS,
    "checklists": INDEX,
    "plan": PLAN,
    "quiz": QUIZ_PAGE,
}
REQUIRED = "required"
VARIABLE = "CLINICAL_REVIEW"


@dataclass(frozen=True)
class Reviewable:
    """One thing a clinician can review: what a reader calls it, where it is in the data, the
    page that shows it (if it is a page), and its review, if one has happened."""

    kind: str
    name: str
    file: str
    field: str
    review: ClinicalReview | None
    path: str | None = None


def reviewables(site: Site) -> list[Reviewable]:
    """Every sign, page and the checker, in the order the About page lists them."""
    pages = site.pages
    return [
        *(
            Reviewable(
                "page", c.title, f"data/causes/{c.id}.yaml", "", c.clinical_review, cause_path(c)
            )
            for c in site.causes.values()
        ),
        *(
            Reviewable(
                "page", g.title, "data/pages.yaml", f"guides.{key}", g.clinical_review, g.path
            )
            for key, g in pages.guides.items()
        ),
        *(
            Reviewable("page", intro.title, "data/pages.yaml", name, intro.clinical_review, path)
            for name, path in INTRO_PAGES.items()
            for intro in [getattr(pages, name)]
        ),
        Reviewable(
            "page",
            site.checker.title,
            "data/checker.yaml",
            "",
            site.checker.clinical_review,
            CHECK_PAGE,
        ),
        *(
            Reviewable(
                "checker",
                f"{site.checker.title}: {step.title}",
                "data/checker.yaml",
                f"steps.{index}",
                step.clinical_review,
            )
            for index, step in enumerate(site.checker.steps)
        ),
        *(
            Reviewable(
                "sign", sign.words, "data/warning_signs.yaml", f"signs.{key}", sign.clinical_review
            )
            for key, sign in site.warning_signs.signs.items()
        ),
    ]


def check_publishing(site: Site, environ: Mapping[str, str]) -> None:
    """With CLINICAL_REVIEW=required in environ, raise DataError listing every sign, page and
    the checker that no clinician has reviewed. Unset or empty, nothing is required."""
    wanted = environ.get(VARIABLE, "")
    if wanted not in ("", REQUIRED):
        problem = Problem(VARIABLE, None, "", f"expected '{REQUIRED}' or nothing, got '{wanted}'")
        raise DataError([problem])
    if wanted != REQUIRED:
        return
    message = (
        f"has no clinical review, and {VARIABLE}={REQUIRED}: add clinical_review "
        "(by, role, date) once a clinician has reviewed it"
    )
    missing = [
        site.locate(Problem(item.file, None, item.field, message))
        for item in reviewables(site)
        if item.review is None
    ]
    if missing:
        raise DataError(sorted(missing, key=lambda p: (p.file, p.line or 0)))
