"""The small catalogues: sources, categories, body areas, cautions, glossary and house style."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import HttpsUrl, Model, SourceKey, Text


class Source(Model):
    """One reference, cited by its key from the causes."""

    organisation: Text = Field(description="Who published it, e.g. 'NHS'.")
    title: Text = Field(description="The page or article title.")
    url: HttpsUrl = Field(description="Full address; https only.")
    accessed: dt.date = Field(description="When a writer last read it (YYYY-MM-DD).")


class Category(Model):
    """A kind of cause, used to group the causes index and the navigation."""

    name: Text
    description: Text


class BodyArea(Model):
    """A part of the body where a twitch can be felt."""

    name: Text
    words: list[Text] = Field(
        default=[],
        description="Words for this area in a cause's where_in_the_body text; a cause whose text "
        "uses one must list the area in body_areas.",
    )
    everywhere: bool = Field(
        default=False, description="A cause with this area shows under every area of the map."
    )


class Caution(Model):
    """Readers for whom some advice needs a check with a doctor first (data/cautions.yaml)."""

    who: Text = Field(description="The group of readers, e.g. 'kidney disease or dialysis'.")
    advice: Text = Field(description="What they should do first, shown next to the item.")
    sources: list[SourceKey] = Field(min_length=1)


class GlossaryEntry(Model):
    """A medical word explained in plain words. Its first use on a cause page links here."""

    term: Text
    meaning: Text
    forms: list[Text] = Field(
        default=[],
        description="Other spellings that link here, e.g. plurals. The term always does.",
    )


class Style(Model):
    """House style that the build checks in every text."""

    misspellings: dict[str, Text] = Field(description="A known wrong spelling and its fix.")
