"""A cause's own page: every section a reader needs, and what search and other sites read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..output import Output
from ..rendering.markdown import GlossaryLinker, link, page
from ..routes import CARE_GUIDE, CHECK_PAGE, GLOSSARY, cause_path
from ..schema import SECTIONS
from .care import cause_cards
from .checklists import checklist_links
from .quiz import cause_quiz
from .structured_data import medical_web_page

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..reading.site import Site
    from ..schema import Cause


def cause_page(env: Environment, site: Site, cause: Cause) -> Output:
    path = cause_path(cause)
    front = {
        "title": cause.title,
        "description": cause.summary,
        # Search finds the page by the words readers use, and by where it twitches.
        "search": {
            "kind": "cause",
            "words": [
                *cause.keywords,
                *(term for term, cause_id in site.search_terms.items() if cause_id == cause.id),
            ],
            "medical": cause.medical_term or "",
            "areas": [site.body_areas[key].name for key in cause.body_areas],
        },
        "json_ld": medical_web_page(cause, site),
    }
    content = page(
        env,
        "cause.md.j2",
        front,
        cause=cause,
        sections={key: site.labels.cause_page.heading(cause, key) for key in SECTIONS},
        body_areas=[site.body_areas[key] for key in cause.body_areas],
        sources=[site.sources[key] for key in cause.sources],
        related=[
            (site.causes[key], link(path, cause_path(site.causes[key]))) for key in cause.related
        ],
        see_also=[
            (site.pages.guides[key], link(path, site.pages.guides[key].path))
            for key in cause.see_also
        ],
        guide_link=link(path, CARE_GUIDE),
        checker_link=link(path, CHECK_PAGE),
        checker_title=site.checker.title,
        quiz=cause_quiz(site, cause, path),
        checklist=checklist_links(path, cause),
        glossary=GlossaryLinker(site.glossary, link(path, GLOSSARY)),
        cards=cause_cards(site, cause),
        cautions=site.cautions,
        labels=site.labels,
    )
    return Output(path, content)
