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

from ..problems import Problem
from ..routes import (
    APPOINTMENT,
    CARE_GUIDE,
    CAUSES_INDEX,
    CHECK_PAGE,
    CHECKLISTS_INDEX,
    GLOSSARY,
    MYTHS,
    PLAN,
    QUIZ_PAGE,
    cause_path,
)

if TYPE_CHECKING:
    from ..reading.site import Site
    from ..schema import ClinicalReview

# The page each entry of data/pages.yaml introduces.
INTRO_PAGES = {
    "causes": CAUSES_INDEX,
    "when_to_see_a_doctor": CARE_GUIDE,
    "appointment": APPOINTMENT,
    "glossary": GLOSSARY,
    "myths": MYTHS,
    "checklists": CHECKLISTS_INDEX,
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


def publishing_problems(site: Site, environ: Mapping[str, str]) -> list[Problem]:
    """With CLINICAL_REVIEW=required in environ, a problem for every sign, page and checker
    step that no clinician has reviewed. Unset or empty, nothing is required; any other value
    is itself a problem."""
    wanted = environ.get(VARIABLE, "")
    if wanted not in ("", REQUIRED):
        return [Problem(VARIABLE, None, "", f"expected '{REQUIRED}' or nothing, got '{wanted}'")]
    if wanted != REQUIRED:
        return []
    message = (
        f"has no clinical review, and {VARIABLE}={REQUIRED}: add clinical_review "
        "(by, role, date) once a clinician has reviewed it"
    )
    return [
        site.locate(Problem(item.file, None, item.field, message))
        for item in reviewables(site)
        if item.review is None
    ]
