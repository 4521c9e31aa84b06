"""Two files that describe the site to any generator or tool, so none has to read MkDocs' nav:
nav.json, the causes' sections of the nav, and pages.json, every generated page.

nav.json is `nav_sections` as it is: [{category: [causes/x.md, ...]}], a big category split
into [{"A to F": [...]}, ...]; its names are theme text (< > " as entities). pages.json lists
each page by its path: its address from the site root, its title (as the reader sees it) and
the date a clinician reviewed what it shows, or null.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..checks.clinical_review import reviewables
from ..nav import nav_sections
from ..output import Output
from ..rendering.markdown import reader_text, split_page
from ..routes import NAV_FILE, PAGES_FILE, checklist_path, page_url

if TYPE_CHECKING:
    import datetime as dt

    from ..reading.site import Site


def manifest_outputs(site: Site, outputs: list[Output]) -> list[Output]:
    """nav.json and pages.json, for the pages among `outputs` (every other file the site gets)."""
    reviewed: dict[str, dt.date | None] = {
        item.path: item.review.date if item.review else None
        for item in reviewables(site)
        if item.kind == "page" and item.path
    }
    # A checklist page shows its cause's review.
    for cause in site.causes.values():
        review = cause.clinical_review
        reviewed[checklist_path(cause)] = review.date if review else None
    pages = [
        {
            "path": output.path,
            "url": page_url(output.path),
            "title": _title(output.content),
            "clinical_review": date.isoformat() if (date := reviewed.get(output.path)) else None,
        }
        for output in sorted(outputs, key=lambda o: o.path)
        if output.path.endswith(".md") and isinstance(output.content, str)
    ]
    return [
        Output(NAV_FILE, _json(nav_sections(site))),
        Output(PAGES_FILE, _json(pages)),
    ]


def _title(markdown: str) -> str | None:
    """The page's front-matter title, as the reader sees it; None if it has none."""
    title = split_page(markdown)[0].get("title")
    return reader_text(title) if isinstance(title, str) else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"
