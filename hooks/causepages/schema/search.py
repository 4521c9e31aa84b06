"""How the site's search reads a query and ranks pages (data/search.yaml).

The build copies these settings into the search index (search/index.json), and the search
script in the browser uses them as they are, so ranking is changed here, not in code.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import Field, StringConstraints, field_validator

from .base import Model

# Each page's words, field by field, in the search index (features/search_index.py).
SearchField = Literal["title", "medical", "words", "areas", "summary", "headings", "text"]
# What a page is for: a cause's own page, a guide (when to see a doctor, say), a tool (the quiz,
# the checker, the plan) or a hub that lists many pages (an index, the glossary).
PageKind = Literal["cause", "guide", "tool", "hub"]
Word = Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
# A weight: a number above 0 that JSON can hold (not .inf), written as a number, not as text.
Weight = Annotated[float, Field(gt=0, allow_inf_nan=False, strict=True)]


class CommonWords(Model):
    """A word most pages have ("twitch", "muscle") says little of which page a reader wants,
    even where a page lists it among its own words."""

    share: float = Field(gt=0, le=1, description="The share of pages that makes a word common.")
    weight: float = Field(gt=0, le=1, description="What a common word counts, against 1.")


class SearchSettings(Model):
    """Field weights, page weights, how a query is split into words and which words are skipped."""

    fields: dict[SearchField, Weight] = Field(
        description="How much a match in each field of a page counts (a positive number)."
    )
    pages: dict[PageKind, Weight] = Field(
        description="How much each kind of page counts: answers above hubs (a positive number)."
    )
    separator: str = Field(
        description="A regular expression for what splits words, in pages and in queries: "
        "spaces, punctuation, quotes of every kind, dashes and ellipses."
    )
    stop_words: list[Word] = Field(
        description="Words that mean nothing on their own (lowercase), left out of a query."
    )
    common_words: CommonWords
    fuzzy_from: int = Field(
        ge=3,
        description="Words of at least this many letters also find words one or two letters "
        "off (a typo); shorter words must be typed right.",
    )

    @field_validator("fields")
    @classmethod
    def every_field(cls, value: dict[str, float]) -> dict[str, float]:
        return _every_one(value, get_args(SearchField))

    @field_validator("pages")
    @classmethod
    def every_kind(cls, value: dict[str, float]) -> dict[str, float]:
        return _every_one(value, get_args(PageKind))

    @field_validator("separator")
    @classmethod
    def splits_words(cls, value: str) -> str:
        try:
            pattern = re.compile(value)
        except re.error as error:
            raise ValueError(f"not a regular expression: {error}") from None
        if any(pattern.search(c) for c in "aZé9") or not pattern.fullmatch(" "):
            raise ValueError("it must match spaces and never a letter or digit")
        return value

    @field_validator("stop_words")
    @classmethod
    def no_repeats(cls, value: list[str]) -> list[str]:
        if repeated := sorted({w for w in value if value.count(w) > 1}):
            raise ValueError(f"listed twice: {', '.join(repeated)}")
        return value


def _every_one(weights: dict[str, float], names: tuple[str, ...]) -> dict[str, float]:
    if missing := [name for name in names if name not in weights]:
        raise ValueError(f"give a weight for each of: {', '.join(missing)}")
    return weights


class PageSearch(Model):
    """A page's `search:` front matter: what kind of page it is and the words that find it.
    The build writes it on the pages it makes; a hand-written page under docs/ may set it."""

    kind: PageKind = "guide"
    words: list[str] = Field(default=[], description="Words readers type that find this page.")
    medical: str = Field(default="", description="Its medical name(s), comma-separated.")
    areas: list[str] = Field(default=[], description="The parts of the body it is about.")
    text: bool = Field(default=True, description="Whether the body text is searched too.")
    exclude: bool = Field(default=False, description="Left out of search altogether.")
