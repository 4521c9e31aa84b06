"""The shape of data/checker.yaml: the questions of "Check your twitch", one step at a time.

Kept apart from the causes and catalogues, because the checker is a
reader feature of its own.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import (
    AnswerKey,
    ClinicalReview,
    Group,
    GuideKey,
    Key,
    Model,
    SignKey,
    SourceKey,
    Text,
    Tier,
    review_field,
)


class CheckerAnswer(Model):
    """One answer a reader can give. An answer that is a warning sign names it."""

    id: Key
    label: Text = Field(description="The answer as the reader sees it in the form.")
    said: Text = Field(description="The answer as a reason: 'you said ...'.")
    sign: SignKey | None = Field(default=None, description="A key from data/warning_signs.yaml.")
    weight: int | None = Field(
        default=None, ge=1, le=5, description="Overrides its step's weight for this answer."
    )
    up_to_days: int | None = Field(
        default=None,
        ge=0,
        description="For a 'when did it start' answer: the most days ago it stands for.",
    )
    shows_signs_for: list[Group] = Field(
        default=[],
        description="For an age answer: the groups whose signs (`only_for` in the catalogue) "
        "the safety questions show. Before an age is given they show every sign.",
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
    guide: GuideKey | None = Field(
        default=None, description="A guide from data/pages.yaml to link."
    )
    weight: int = Field(
        default=2,
        ge=1,
        le=5,
        description="How much an answer of this step counts when ranking the causes it lists "
        "(what the reader notices counts more than where it is).",
    )
    sources: list[SourceKey] = Field(
        default=[],
        description="Keys of the sources for the step's rules; a safety step's rules are its "
        "signs', in the catalogue.",
    )
    answers: list[CheckerAnswer] = Field(default=[])
    clinical_review: ClinicalReview | None = review_field()

    @model_validator(mode="after")
    def _has_answers(self) -> CheckerStep:
        if not (self.answers or self.signs or self.body_areas):
            raise ValueError("a step needs answers, or signs: or body_areas: true")
        if not self.one and not self.none:
            raise ValueError(
                "more than one answer can be chosen here, so give the 'None of these' answer "
                "(`none:`): a reader must be able to say nothing applies"
            )
        if not self.signs and not self.sources:
            raise ValueError("name the sources of this step's rules (`sources:`)")
        return self


class SelfCareResult(Model):
    label: Text
    heading: Text
    reassurance: Text = Field(description="Shown only when the reader chose no warning sign.")
    see_a_gp_on: Text = Field(
        description="With a start date: when to see a GP if it is still there; {date} is "
        "replaced by the day 2 weeks after the start."
    )
    reminder: Text = Field(description="The link that adds that date to the reader's calendar.")


class CheckerWords(Model):
    """The words around the questions and the result, written once."""

    next: Text
    back: Text
    skip: Text
    carry_on: Text
    start_again: Text
    print: Text
    because: Text
    pages: Text
    skipped: Text
    summary: Text
    answers: Text
    questions: Text
    date: Text
    started_on: Text
    plan: Text
    checklist: Text
    or_date: Text
    date_in_future: Text
    choose_one: Text
    not_answered: Text


class Ranking(Model):
    """How the pages that match are ordered, so no medical rule is written in JavaScript."""

    uncommon_competes_with: int = Field(
        ge=1,
        description="Answers of its own an uncommon cause needs to compete with everyday ones.",
    )
    uncommon_only_at_their_ages: bool = Field(
        description="Offer an uncommon cause only at the ages it is usual in (`ages`)."
    )


class ResultNote(Model):
    """A line the result shows when an answer was given (the midwife, for a pregnant reader)."""

    when: AnswerKey = Field(description="An answer id.")
    text: Text


class Checker(Model):
    """data/checker.yaml."""

    title: Text
    intro: Text = Field(description="Under the title, with or without JavaScript.")
    keywords: list[Text] = Field(default=[], description="Words people type to find this page.")
    privacy: Text = Field(description="Above the first question: where the answers stay.")
    not_a_diagnosis: Text
    self_care: SelfCareResult
    words: CheckerWords
    ranking: Ranking
    notes: list[ResultNote] = Field(default=[])
    steps: list[CheckerStep] = Field(min_length=1)
    questions_to_ask: list[Text] = Field(min_length=1)
    clinical_review: ClinicalReview | None = review_field()
