"""The shape of data/checker.yaml: the questions of "Check your twitch", one step at a time.

Kept apart from models.py, which holds the causes and catalogues, because the checker is a
reader feature of its own.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .models import ClinicalReview, Key, Model, Text, Tier, review_field


class CheckerAnswer(Model):
    """One answer a reader can give. An answer that is a warning sign names it."""

    id: Key
    label: Text = Field(description="The answer as the reader sees it in the form.")
    said: Text = Field(description="The answer as a reason: 'you said ...'.")
    sign: Key | None = Field(default=None, description="A key from data/warning_signs.yaml.")
    weight: int | None = Field(
        default=None, ge=1, le=5, description="Overrides its step's weight for this answer."
    )
    up_to_days: int | None = Field(
        default=None,
        ge=0,
        description="For a 'when did it start' answer: the most days ago it stands for.",
    )


class CheckerStep(Model):
    """One screen of the checker."""

    id: Key
    title: Text
    hint: Text | None = None
    one: bool = Field(default=False, description="One answer only (radio buttons).")
    signs: Tier | None = Field(
        default=None, description="Ask about every warning sign of this tier, from the catalogue."
    )
    none: Text | None = Field(default=None, description="The 'none of these' answer's label.")
    body_areas: bool = Field(default=False, description="Offer every body area as an answer.")
    since_date: bool = Field(
        default=False, description="Offer a date as well; it picks the answer by up_to_days."
    )
    guide: Key | None = Field(default=None, description="A guide from data/pages.yaml to link.")
    weight: int = Field(
        default=2,
        ge=1,
        le=5,
        description="How much an answer of this step counts when ranking the causes it lists "
        "(what the reader notices counts more than where it is).",
    )
    answers: list[CheckerAnswer] = Field(default=[])

    @model_validator(mode="after")
    def _has_answers(self) -> CheckerStep:
        if not (self.answers or self.signs or self.body_areas):
            raise ValueError("a step needs answers, or signs: or body_areas: true")
        return self


class CombinedSign(Model):
    """Answers from different steps that together are a warning sign."""

    when: list[Key] = Field(min_length=2, description="Answer ids, all given.")
    sign: Key = Field(description="A key from data/warning_signs.yaml.")
    said: Text = Field(description="The answers as a reason: 'you said ...'.")


class SelfCareResult(Model):
    label: Text
    heading: Text
    reassurance: Text = Field(description="Shown only when the reader chose no warning sign.")


class Checker(Model):
    """data/checker.yaml."""

    title: Text
    intro: Text
    not_a_diagnosis: Text
    self_care: SelfCareResult
    steps: list[CheckerStep] = Field(min_length=1)
    combined: list[CombinedSign] = Field(
        default=[], description="Answers that, given together, count as a warning sign."
    )
    questions_to_ask: list[Text] = Field(min_length=1)
    clinical_review: ClinicalReview | None = review_field()
