"""The causes in the site's navigation: grouped by category, and where the nav takes them."""

from __future__ import annotations

from typing import Any

from .reading.site import Site
from .rendering.markdown import theme_text
from .routes import cause_path
from .schema import Cause

# Material draws the whole open section of the nav on every page, so a section with hundreds
# of causes makes the build grow with the square of their number: big categories are split.
NAV_SECTION_MAX = 30

# A page of the nav (its source path), or a section of pages: {title: [path, ...]}.
NavEntry = str | dict[str, list[str]]


def nav_sections(site: Site) -> list[dict[str, list[NavEntry]]]:
    """The causes grouped under their category (and, in a big one, by title), for the nav."""
    sections = []
    for _, category, causes in site.groups():
        entries: list[NavEntry]
        if len(causes) > NAV_SECTION_MAX:
            causes = sorted(causes, key=lambda c: c.title.casefold())
            chunks = [
                causes[i : i + NAV_SECTION_MAX] for i in range(0, len(causes), NAV_SECTION_MAX)
            ]
            ranges = [{_title_range(chunk): [cause_path(c) for c in chunk]} for chunk in chunks]
            entries = [*_unique_names(ranges)]
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


def add_to_nav(nav: list[Any], index: str, sections: list[dict[str, list[NavEntry]]]) -> bool:
    """Put `sections` after the page `index` in whichever section of `nav` (a MkDocs-style nav:
    a list of pages and {title: [...]} sections) lists it; False if no section lists it."""
    for item in nav:
        children = next(iter(item.values())) if isinstance(item, dict) else None
        if isinstance(children, list):
            if index in children:
                children[children.index(index) + 1 :] = sections
                return True
            if add_to_nav(children, index, sections):
                return True
    return False
