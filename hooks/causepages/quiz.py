"""The quiz: one JSON file of every question, the quiz page, and each cause's questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loader import Site
    from .output import Output


def quiz_outputs(site: Site) -> list[Output]:
    """Every quiz file the site gets."""
    return []
