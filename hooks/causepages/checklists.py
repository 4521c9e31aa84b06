"""Prevention checklists: a tickable page per cause, its PDF, an index, and 'build my plan'."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loader import Site
    from .output import Output


def checklist_outputs(site: Site) -> list[Output]:
    """Every checklist file the site gets."""
    return []
