"""House rules for every text a reader sees (found from the schema: every field of free text):
spelling, numbers in digits, no web addresses, and whose advice an amount a day is."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

if TYPE_CHECKING:
    from ..reading.site import Site

# Search words keep misspellings on purpose; a source's title is its publisher's own words.
NOT_PROSE = {"keywords"}

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


def prose(model: BaseModel, at: tuple[Any, ...] = ()) -> Iterator[tuple[str, str]]:
    """Every text a reader sees in `model` (found at `at` in its file), with its field path:
    each field of free text, not keys, fixed choices, addresses or search words. An advice
    item's text is named by its item, as a writer may have written it as a plain line."""
    for path, text in _texts(model, type(model), at):
        if path[-1:] == ("text",):
            path = path[:-1]
        yield ".".join(map(str, path)), text


def _texts(value: Any, kind: Any, at: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if value is None:
        return
    origin, args = get_origin(kind), get_args(kind)
    if origin is Annotated:
        if not _is_key(args[1:]):
            yield from _texts(value, args[0], at)
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if name not in NOT_PROSE and not _is_key(field.metadata):
                yield from _texts(getattr(value, name), field.annotation, (*at, name))
    elif origin in (Union, UnionType):
        for arg in args:
            inner = get_args(arg)[0] if get_origin(arg) is Annotated else arg
            shape = get_origin(inner) or inner
            if isinstance(shape, type) and isinstance(value, shape):
                yield from _texts(value, arg, at)
                return
    elif isinstance(value, str):
        if kind is str:
            yield at, value
    elif isinstance(value, list) and args:
        for index, item in enumerate(value):
            yield from _texts(item, args[0], (*at, index))
    elif isinstance(value, dict) and len(args) == 2:
        for key, item in value.items():
            yield from _texts(item, args[1], (*at, key))


def _is_key(metadata: Iterable[Any]) -> bool:
    """Whether a string's constraints make it a key or an address (a pattern), not prose."""
    return any(getattr(m, "pattern", None) for m in metadata)
