"""Where each generated page lives, and the pieces several kinds of page share.

Kept apart from the planner so the checklist and quiz modules can use them too.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from .output import Output
from .render import page

if TYPE_CHECKING:
    from jinja2 import Environment

    from .models import Cause, PageIntro

CAUSES_INDEX = "causes/index.md"
CARE_GUIDE = "when-to-see-a-doctor.md"
APPOINTMENT = "what-to-expect-at-an-appointment.md"
GLOSSARY = "glossary.md"
MYTHS = "myths-and-facts.md"


def cause_path(cause: Cause) -> str:
    return f"causes/{cause.id}.md"


def page_url(path: str) -> str:
    """The address MkDocs gives a source page, relative to the site root.

    MkDocs' default directory URLs (which this site keeps): causes/x.md is served as causes/x/.
    """
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(here: str, target: str) -> str:
    """A URL to target that works from the address here (both relative to the site root).

    Raw HTML attributes and the quiz's JSON are not rewritten by MkDocs, so their links
    must be relative to where the browser finds them, not to the Markdown source.
    """
    base = here if here.endswith("/") else posixpath.dirname(here)
    there, hash_sign, anchor = target.partition("#")
    relative = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    slash = "/" if there.endswith("/") and relative != "." else ""
    return relative + slash + hash_sign + anchor


# Pages that gather every cause (an index, the glossary, all the myths) match almost any query:
# search ranks them below the page that answers it.
HUB_BOOST = 0.1


def intro_page(
    env: Environment,
    path: str,
    template: str,
    intro: PageIntro,
    hub: bool = False,
    **context: Any,
) -> Output:
    front: dict[str, Any] = {"title": intro.title, "description": intro.intro}
    if intro.keywords:
        front["tags"] = intro.keywords
    if hub:
        front["search"] = {"boost": HUB_BOOST}
    context.setdefault("review", intro.clinical_review)
    return Output(path, page(env, template, front, title=intro.title, intro=intro.intro, **context))
