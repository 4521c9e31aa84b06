"""Where every generated file lives, and how one page links to another.

Paths are source paths under the docs folder (causes/caffeine.md); MkDocs serves each as a
folder address (causes/caffeine/), which page_url gives.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schema import Cause

CAUSES_INDEX = "causes/index.md"
CARE_GUIDE = "when-to-see-a-doctor.md"
APPOINTMENT = "what-to-expect-at-an-appointment.md"
GLOSSARY = "glossary.md"
MYTHS = "myths-and-facts.md"
CHECKLISTS_INDEX = "checklists/index.md"
PLAN = "checklists/plan.md"
ALL_CHECKLISTS_PDF = "checklists/all-checklists.pdf"
QUIZ_PAGE = "quiz/index.md"
QUIZ_DATA = "quiz/questions.json"
CHECK_PAGE = "check/index.md"
CHECK_DATA = "check/checker.json"
SEARCH_INDEX = "search/index.json"
NAV_FILE = "nav.json"
PAGES_FILE = "pages.json"


def cause_path(cause: Cause) -> str:
    return f"causes/{cause.id}.md"


def checklist_path(cause: Cause) -> str:
    return f"checklists/{cause.id}.md"


def checklist_pdf_path(cause: Cause) -> str:
    return f"checklists/{cause.id}.pdf"


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

    Raw HTML attributes and the JSON files are not rewritten by MkDocs, so their links
    must be relative to where the browser finds them, not to the Markdown source.
    """
    base = here if here.endswith("/") else posixpath.dirname(here)
    there, hash_sign, anchor = target.partition("#")
    relative = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    slash = "/" if there.endswith("/") and relative != "." else ""
    return relative + slash + hash_sign + anchor


def relative_path(from_page: str, to_page: str) -> str:
    """A link between two source paths (to_page may carry a #section), which MkDocs turns into
    the address and checks under --strict."""
    if to_page.startswith("#"):
        return to_page
    path, _, anchor = to_page.partition("#")
    return relative_url(from_page, path) + (f"#{anchor}" if anchor else "")
