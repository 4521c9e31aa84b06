"""The pages that gather every cause: the causes index, the glossary, myths and facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..output import Output
from ..rendering.markdown import intro_page, link
from ..routes import CAUSES_INDEX, GLOSSARY, MYTHS, cause_path

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..reading.site import Site


def hub_outputs(env: Environment, site: Site) -> list[Output]:
    """The causes index (grouped by kind, filterable by body area), glossary and myths."""
    groups = [
        (category, [(c, link(CAUSES_INDEX, cause_path(c)), site.areas_shown(c)) for c in causes])
        for _, category, causes in site.groups()
    ]
    return [
        intro_page(
            env,
            CAUSES_INDEX,
            "causes_index.md.j2",
            site.pages.causes,
            "hub",
            groups=groups,
            areas=site.body_areas,
            categories=site.categories,
            labels=site.labels,
        ),
        intro_page(
            env,
            GLOSSARY,
            "glossary.md.j2",
            site.pages.glossary,
            "hub",
            entries=sorted(site.glossary.items(), key=lambda item: item[1].term.lower()),
        ),
        intro_page(
            env,
            MYTHS,
            "myths.md.j2",
            site.pages.myths,
            "hub",
            causes=[
                (cause, link(MYTHS, cause_path(cause) + "#myths-and-facts"))
                for cause in site.causes.values()
                if cause.myths
            ],
        ),
    ]
