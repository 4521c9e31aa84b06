"""Decide every file the site gets from the data: its path and its content.

The planner knows nothing of MkDocs; the adapter hands its outputs to MkDocs as they are,
and `python -m causepages generate DIR` writes the same outputs to a folder.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from .checker import CHECK_PAGE, checker_outputs
from .checklists import checklist_links, checklist_outputs
from .guides import guide_outputs
from .loader import Site
from .models import SECTIONS, Cause
from .output import Output
from .pdf_build import PdfBuild
from .quiz import cause_quiz, quiz_outputs
from .render import GlossaryLinker, environment, link, page, theme_text
from .search_suggestions import suggestion_outputs
from .site_pages import (
    APPOINTMENT,
    CARE_GUIDE,
    CAUSES_INDEX,
    GLOSSARY,
    MYTHS,
    cause_path,
    intro_page,
)
from .structured_data import medical_web_page
from .warning_signs import care_cards, cause_cards, causes_naming, guide_cards

# Material draws the whole open section of the nav on every page, so a section with hundreds
# of causes makes the build grow with the square of their number: big categories are split.
NAV_SECTION_MAX = 30


def nav_sections(site: Site) -> list[dict[str, list]]:
    """The causes grouped under their category (and, in a big one, by title), for the nav."""
    sections = []
    for _, category, causes in site.groups():
        if len(causes) > NAV_SECTION_MAX:
            causes = sorted(causes, key=lambda c: c.title.casefold())
            chunks = [
                causes[i : i + NAV_SECTION_MAX] for i in range(0, len(causes), NAV_SECTION_MAX)
            ]
            entries = [{_title_range(chunk): [cause_path(c) for c in chunk]} for chunk in chunks]
            entries = _unique_names(entries)
        else:
            entries = [cause_path(c) for c in causes]
        sections.append({theme_text(category.name): entries})
    return sections


def _title_range(chunk: list[Cause]) -> str:
    first, last = chunk[0].title[:1].upper(), chunk[-1].title[:1].upper()
    return theme_text(first if first == last else f"{first} to {last}")


def _unique_names(entries: list[dict[str, list[str]]]) -> list[dict[str, list[str]]]:
    seen: dict[str, int] = {}
    unique = []
    for entry in entries:
        ((name, pages),) = entry.items()
        seen[name] = seen.get(name, 0) + 1
        unique.append({name if seen[name] == 1 else f"{name} ({seen[name]})": pages})
    return unique


def plan(site: Site, site_url: str, pdfs: PdfBuild, docs_dir: Path | None = None) -> list[Output]:
    """Every file the site gets from the data, in no particular order. The checklist PDFs are
    files in `pdfs`' cache, ready once `pdfs.wait()` returns. With docs_dir, the guides of
    data/pages.yaml are read from it and planned too, with their warning signs and review
    status filled in (they replace the hand-written files). Raises DataError."""
    # First, so the PDFs not in the cache start compiling while the pages are rendered.
    checklists = checklist_outputs(site, site_url, pdfs)
    env = environment()
    outputs = [cause_page(env, site, cause) for cause in site.causes.values()]
    outputs += [
        causes_index(env, site),
        intro_page(
            env,
            CARE_GUIDE,
            "care_guide.md.j2",
            site.pages.when_to_see_a_doctor,
            cards=guide_cards(site),
            also_heading=site.care_guide.also_heading,
            mentioned_on=site.care_guide.mentioned_on,
            naming={
                key: [(cause, link(CARE_GUIDE, cause_path(cause))) for cause in causes]
                for key, causes in causes_naming(site).items()
            },
            appointment=link(CARE_GUIDE, APPOINTMENT),
        ),
        intro_page(
            env,
            APPOINTMENT,
            "appointment.md.j2",
            site.pages.appointment,
            steps=site.care_guide.at_the_appointment,
            go_back_heading=site.care_guide.go_back_heading,
            cards=care_cards(site, site.care_guide.go_back_if),
            guide=link(APPOINTMENT, CARE_GUIDE),
        ),
        intro_page(
            env,
            GLOSSARY,
            "glossary.md.j2",
            site.pages.glossary,
            hub=True,
            entries=sorted(site.glossary.items(), key=lambda item: item[1].term.lower()),
        ),
        intro_page(
            env,
            MYTHS,
            "myths.md.j2",
            site.pages.myths,
            hub=True,
            causes=[
                (cause, link(MYTHS, cause_path(cause) + "#myths-and-facts"))
                for cause in site.causes.values()
                if cause.myths
            ],
        ),
    ]
    return [
        *outputs,
        *(guide_outputs(env, site, docs_dir) if docs_dir else ()),
        *checklists,
        *quiz_outputs(site),
        *suggestion_outputs(site),
        *checker_outputs(site),
    ]


def cause_page(env: Environment, site: Site, cause: Cause) -> Output:
    path = cause_path(cause)
    front = {
        "title": cause.title,
        "description": cause.summary,
        # Search finds the page by the words readers use, and by where it twitches;
        # the theme shows no tags.
        "tags": [
            *cause.keywords,
            *(term for term, cause_id in site.search_terms.items() if cause_id == cause.id),
            *(site.body_areas[key].name.lower() for key in cause.body_areas),
        ],
        "json_ld": medical_web_page(cause, site),
    }
    content = page(
        env,
        "cause.md.j2",
        front,
        cause=cause,
        sections=SECTIONS,
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
        quiz=cause_quiz(cause, path),
        checklist=checklist_links(path, cause),
        glossary=GlossaryLinker(site.glossary, link(path, GLOSSARY)),
        cards=cause_cards(site, cause),
        cautions=site.cautions,
    )
    return Output(path, content)


def causes_index(env: Environment, site: Site) -> Output:
    groups = [
        (category, [(c, link(CAUSES_INDEX, cause_path(c)), site.areas_shown(c)) for c in causes])
        for _, category, causes in site.groups()
    ]
    env.filters["area_name"] = lambda key: site.body_areas[key].name.lower()
    return intro_page(
        env,
        CAUSES_INDEX,
        "causes_index.md.j2",
        site.pages.causes,
        hub=True,
        groups=groups,
        areas=site.body_areas,
        categories=site.categories,
    )
