"""Where each generated page lives, and the pieces several kinds of page share.

Kept apart from the planner so the checklist and quiz modules can use them too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import CARE_LEVELS
from .output import Output
from .render import page

if TYPE_CHECKING:
    from jinja2 import Environment

    from .loader import Site
    from .models import Cause, PageIntro

CAUSES_INDEX = "causes/index.md"
CARE_GUIDE = "when-to-see-a-doctor.md"
APPOINTMENT = "what-to-expect-at-an-appointment.md"
GLOSSARY = "glossary.md"
MYTHS = "myths-and-facts.md"


def cause_path(cause: Cause) -> str:
    return f"causes/{cause.id}.md"


def care_card_context(site: Site) -> dict[str, Any]:
    return {"levels": CARE_LEVELS, "headings": site.care_guide.headings}


def intro_page(
    env: Environment, path: str, template: str, intro: PageIntro, **context: Any
) -> Output:
    front = {"title": intro.title, "description": intro.intro}
    return Output(path, page(env, template, front, title=intro.title, intro=intro.intro, **context))
