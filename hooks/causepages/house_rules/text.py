"""House rules for every text a reader sees: spelling, numbers in digits, no web addresses,
and whose advice an amount a day is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..reading.site import Site
    from ..schema import Cause

# Fields that hold keys or search words rather than prose (keywords keep misspellings on purpose).
NOT_PROSE = {
    "id",
    "category",
    "body_areas",
    "related",
    "keywords",
    "sources",
    "first_step",
    "reader_groups",
}
NOT_PROSE_INSIDE = {"kind", "section", "sign", "cautions"}

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|hundred"
)
UNITS = (
    "minutes?|hours?|days?|weeks?|months?|years?|mg|mcg|g|kg|ml|litres?|cups?|glasses|units?|"
    "IU|times"
)
NUMBER_IN_WORDS = re.compile(rf"\b({NUMBER_WORDS})[ -]({UNITS})\b", re.IGNORECASE)
UNIT_WITHOUT_SPACE = re.compile(rf"\b\d+({UNITS})\b")
WORD = re.compile(r"[A-Za-z]+")
LINK_IN_TEXT = re.compile(r"https?://|www\.", re.IGNORECASE)

# A daily or weekly amount differs between countries (UK NHS, US NIH), so it must say whose it is.
AMOUNT = re.compile(
    r"\b\d[\d,.]*\s*(?:to\s*\d[\d,.]*\s*)?"
    r"(?:mg|mcg|micrograms?|g|IU|units?|cups?|glasses|ml|litres?)\b",
    re.IGNORECASE,
)
PER_DAY = re.compile(r"\b(?:a|per|each)\s+(?:day|week)\b", re.IGNORECASE)
WHOSE_ADVICE = re.compile(r"\b(?:UK|NHS|US|NIH|FDA|CDC|EFSA|Chief Medical Officers?)\b")


def text_warnings(text: str, site: Site) -> Iterator[str]:
    misspellings = site.style.misspellings
    # Most texts have none: a set of their words finds that many times faster than a loop.
    if not misspellings.keys().isdisjoint(WORD.findall(text.lower())):
        for word in WORD.findall(text):
            fix = misspellings.get(word.lower())
            if fix:
                yield f"'{word}' is a misspelling of '{fix}'"
    for match in NUMBER_IN_WORDS.finditer(text):
        yield f"write '{match[0]}' with digits, like '2 weeks' or '400 mg'"
    for match in UNIT_WITHOUT_SPACE.finditer(text):
        yield f"put a space between the number and its unit in '{match[0]}'"
    if LINK_IN_TEXT.search(text):
        yield "holds a web address; cite sources in 'sources' instead, and link no products"
    if not (AMOUNT.search(text) and PER_DAY.search(text)):
        return
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if (
            AMOUNT.search(sentence)
            and PER_DAY.search(sentence)
            and not WHOSE_ADVICE.search(sentence)
        ):
            yield (
                f"'{sentence.strip()}' gives an amount a day or week without saying whose advice "
                "it is; add 'UK NHS' or 'US NIH' (or who says it)"
            )


def prose(cause: Cause) -> Iterator[tuple[str, str]]:
    """Every piece of reader-facing text in a cause, with its field path."""
    for name, value in cause.model_dump().items():
        if name not in NOT_PROSE and value is not None:
            yield from _walk(name, value)


def _walk(path: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict) and "text" in value:
        # An advice item: a writer may have written it as a plain line, so name the item.
        yield path, value["text"]
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(f"{path}.{index}", item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PROSE_INSIDE:
                yield from _walk(f"{path}.{key}", item)
