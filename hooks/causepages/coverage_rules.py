"""House rules on what the pages cover: body areas that match the words, and a glossary that
explains the words the pages use and nothing else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loader import Site


def _mentions(words: list[str], text: str) -> str | None:
    """The first of words that text uses as a whole word, ignoring case."""
    for word in words:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            return word
    return None


def body_area_warnings(site: Site) -> Iterator[str]:
    """A body area a cause's 'where in the body' text names must be one of its body areas."""
    for cause in site.causes.values():
        for key, area in site.body_areas.items():
            word = _mentions(area.words, cause.where_in_the_body)
            if word and key not in cause.body_areas:
                yield (
                    f"{site.folder}/causes/{cause.id}.yaml: field 'body_areas': "
                    f"where_in_the_body says '{word}', so add '{key}' ({area.name})"
                )


def glossary_warnings(site: Site, texts: list[str]) -> Iterator[str]:
    """A glossary entry that no text on the site uses explains nothing to anyone."""
    for key, entry in site.glossary.items():
        if not any(_mentions([entry.term, *entry.forms], text) for text in texts):
            yield (
                f"{site.folder}/glossary.yaml: field '{key}': no page uses '{entry.term}'; "
                "remove the entry, or use the word where it helps"
            )
