"""House rules on what the pages cover: body areas that match the words, and a glossary that
explains the words the pages use and nothing else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..datafiles import GLOSSARY_FILE, cause_file
from ..problems import Problem

if TYPE_CHECKING:
    from ..reading.site import Site


def _uses(text: str, word: str) -> bool:
    """Whether lowercase text has word as a whole word. A plain substring search finds where
    to look, which is many times faster than a pattern over a whole site's text."""
    for found in re.finditer(rf"{re.escape(word.lower())}(?!\w)", text):
        start = found.start()
        if start == 0 or not re.match(r"\w", text[start - 1]):
            return True
    return False


def body_area_problems(site: Site) -> Iterator[Problem]:
    """A body area a cause's 'where in the body' text names must be one of its body areas."""
    for cause in site.causes.values():
        where = cause.where_in_the_body.lower()
        for key, area in site.body_areas.items():
            word = next((word for word in area.words if _uses(where, word)), None)
            if word and key not in cause.body_areas:
                message = f"where_in_the_body says '{word}', so add '{key}' ({area.name})"
                yield Problem(cause_file(cause.id), None, "body_areas", message)


def glossary_problems(site: Site, texts: list[str]) -> Iterator[Problem]:
    """A glossary entry that no text on the site uses explains nothing to anyone."""
    everything = "\n".join(texts).lower()
    for key, entry in site.glossary.items():
        if not any(_uses(everything, word) for word in [entry.term, *entry.forms]):
            message = (
                f"no page uses '{entry.term}'; remove the entry, or use the word where it helps"
            )
            yield Problem(GLOSSARY_FILE, None, key, message)
