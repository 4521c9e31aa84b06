"""Decide every file the site gets from the data: its path and its content.

The planner knows nothing of MkDocs; the adapter hands its outputs to MkDocs as they are,
and `python -m causepages generate DIR` writes the same outputs to a folder.
"""

from __future__ import annotations

from .checklists import checklist_outputs
from .loader import Site
from .models import CARE_LEVELS, SECTIONS, Cause
from .output import Output
from .quiz import quiz_outputs
from .render import environment, link, page
from .structured_data import medical_web_page

CAUSES_INDEX = "causes/index.md"
CARE_GUIDE = "when-to-see-a-doctor.md"


def cause_path(cause: Cause) -> str:
    return f"causes/{cause.id}.md"


def nav_sections(site: Site) -> list[dict[str, list[str]]]:
    """The causes grouped under their category, for the navigation."""
    return [
        {category.name: [cause_path(c) for c in site.causes_in(key)]}
        for key, category in site.categories.items()
        if site.causes_in(key)
    ]


def plan(site: Site) -> list[Output]:
    env = environment()
    cards = {
        "levels": CARE_LEVELS,
        "headings": site.care_guide.headings,
    }
    outputs = []
    for cause in site.causes.values():
        path = cause_path(cause)
        content = page(
            env,
            "cause.md.j2",
            {
                "title": cause.title,
                "description": cause.summary,
                "json_ld": medical_web_page(cause, site),
            },
            cause=cause,
            sections=SECTIONS,
            body_areas=[site.body_areas[key] for key in cause.body_areas],
            sources=[site.sources[key] for key in cause.sources],
            related=[
                (site.causes[key], link(path, cause_path(site.causes[key])))
                for key in cause.related
            ],
            guide_link=link(path, CARE_GUIDE),
            cards=cause.care_cards,
            **cards,
        )
        outputs.append(Output(path, content))

    intro = site.pages.causes
    groups = [
        (category, [(c, link(CAUSES_INDEX, cause_path(c))) for c in site.causes_in(key)])
        for key, category in site.categories.items()
        if site.causes_in(key)
    ]
    front = {"title": intro.title, "description": intro.intro}
    outputs.append(
        Output(
            CAUSES_INDEX,
            page(env, "causes_index.md.j2", front, groups=groups, **intro.model_dump()),
        )
    )

    intro = site.pages.when_to_see_a_doctor
    front = {"title": intro.title, "description": intro.intro}
    content = page(
        env,
        "care_guide.md.j2",
        front,
        guide=site.care_guide,
        cards=site.care_guide.cards,
        **cards,
        **intro.model_dump(),
    )
    outputs.append(Output(CARE_GUIDE, content))
    return outputs + checklist_outputs(site) + quiz_outputs(site)
