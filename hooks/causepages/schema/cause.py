"""One cause of twitching (data/causes/<id>.yaml): every field a health writer may fill in."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from .base import (
    CARE_CARD_MAX,
    CHECKLIST_ITEM_MAX,
    AnswerKey,
    BodyAreaKey,
    CategoryKey,
    CauseKey,
    CautionKey,
    ClinicalReview,
    Group,
    GuideKey,
    Key,
    Model,
    SignKey,
    SourceKey,
    Text,
    review_field,
)

# The sections of a cause page a quiz question can send a reader to.
SectionKey = Literal[
    "what-happens",
    "where-in-the-body",
    "who-is-more-likely-to-get-it",
    "what-helps-now",
    "how-to-prevent-it",
    "when-to-see-a-doctor",
    "myths-and-facts",
]
# Every section of a cause page, in the order a reader meets them (their headings are in
# data/labels.yaml).
PageSection = Literal[SectionKey, "related-causes", "check-your-understanding", "sources"]
SECTIONS: tuple[PageSection, ...] = get_args(PageSection)


def _plain_text_is_text(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


class AdviceItem(Model):
    """A self-care or prevention item, with the cautions that travel with it everywhere."""

    text: Text
    cautions: list[CautionKey] = Field(default=[], description="Keys from data/cautions.yaml.")


# A plain line of text, or `text:` with `cautions:` when some readers must check first.
Advice = Annotated[
    AdviceItem, BeforeValidator(_plain_text_is_text, json_schema_input_type=Text | AdviceItem)
]


class ChecklistItem(AdviceItem):
    text: Annotated[Text, StringConstraints(max_length=CHECKLIST_ITEM_MAX)]


Prevention = Annotated[
    ChecklistItem,
    BeforeValidator(_plain_text_is_text, json_schema_input_type=Text | ChecklistItem),
]


class SignRef(Model):
    sign: SignKey = Field(description="A key from data/warning_signs.yaml.")
    note: Text | None = Field(
        default=None, description="Makes the sign concrete for this cause; shown after it."
    )


def _plain_key_is_sign(value: object) -> object:
    return {"sign": value} if isinstance(value, str) else value


WarningSignRef = Annotated[
    SignRef, BeforeValidator(_plain_key_is_sign, json_schema_input_type=Key | SignRef)
]


class Myth(Model):
    myth: Text = Field(description="What people often believe, in their words.")
    fact: Text = Field(description="What the evidence says instead.")


class Question(Model):
    """A quiz question that checks what matters to a reader."""

    kind: Literal["single", "true-false", "multiple"] = Field(
        description="single: one right choice; true-false: choices True and False; "
        "multiple: choose all that apply."
    )
    question: Text
    choices: list[Text] = Field(min_length=2)
    answers: list[Text] = Field(min_length=1, description="The right choices, copied exactly.")
    explanation: Text = Field(description="Why, in one or two sentences.")
    sign: SignKey | None = Field(
        default=None,
        description="For a question on what to do about a warning sign: its key. The right "
        "answer must then be that sign's tier's quiz_answer.",
    )
    section: SectionKey = Field(description="The section of the cause page that teaches it.")

    @model_validator(mode="after")
    def _answers_fit_choices(self) -> Question:
        if len(set(self.choices)) != len(self.choices):
            raise ValueError("each choice must be different")
        unknown = [a for a in self.answers if a not in self.choices]
        if unknown:
            raise ValueError(f"answer {unknown[0]!r} is not one of the choices")
        if self.kind == "true-false" and self.choices != ["True", "False"]:
            raise ValueError("a true-false question must have exactly the choices True, False")
        if self.kind != "multiple" and len(self.answers) != 1:
            raise ValueError(f"a {self.kind} question must have exactly one answer")
        return self


Commonness = Literal["everyday", "uncommon"]


class CauseInChecker(Model):
    """Which answers of the checker (data/checker.yaml) make this cause worth reading, and how
    likely it is for whom, so the pages listed respect base rates."""

    listed_for: list[AnswerKey] = Field(
        min_length=1, description="Answer ids; each one given lists the cause, and ranks it higher."
    )
    only_with: list[AnswerKey] = Field(
        default=[],
        description="If set, the cause is listed only when one of these answers was given too.",
    )
    note: Text | None = Field(default=None, description="Shown with the cause when it is listed.")
    never_with: list[AnswerKey] = Field(
        default=[], description="Answers that rule this page out (menopause: 'pregnant')."
    )
    commonness: Commonness = Field(
        description="everyday: a common, usually harmless cause; uncommon: listed below every "
        "everyday cause unless 2 or more of its own answers were given."
    )
    ages: list[AnswerKey] = Field(
        min_length=1,
        description="Answers of the age step for the ages it is usual in. At other ages an "
        "everyday cause is listed below those that fit, and an uncommon one is not listed.",
    )
    first_for: list[AnswerKey] = Field(
        default=[], description="Answers that put this page first (pregnancy: 'pregnant')."
    )


class Cause(Model):
    """One cause of twitching. The file name (without .yaml) is its id."""

    id: Key = Field(description="Must match the file name, e.g. 'caffeine' in caffeine.yaml.")
    title: Text = Field(description="Plain words first, e.g. 'Too much caffeine'.")
    medical_term: Text | None = Field(default=None, description="Shown in brackets after title.")
    category: CategoryKey = Field(description="A key from data/categories.yaml.")
    summary: Text = Field(max_length=300, description="One or two short sentences.")
    scope_note: Text | None = Field(
        default=None, description="Why this page covers what it does (split or merged)."
    )
    what_happens: list[Text] = Field(min_length=1, description="Short paragraphs.")
    how_common: Text
    how_serious: Text
    body_areas: list[BodyAreaKey] = Field(
        min_length=1, description="Keys from data/body_areas.yaml."
    )
    where_in_the_body: Text
    who_is_more_likely: list[Text] = Field(min_length=1)
    first_step: Literal["self-care", "see-a-doctor"] = Field(
        description="What most readers should do first."
    )
    self_care: list[Advice] = Field(min_length=1, description="What helps now.")
    prevention: list[Prevention] = Field(
        min_length=1,
        description=f"Checklist items, each at most {CHECKLIST_ITEM_MAX} characters.",
    )
    prevention_note: Text | None = Field(
        default=None,
        description="Shown before the checklist when the cause itself cannot be prevented.",
    )
    plan_prompt: Text = Field(
        description="A situation a reader ticks, e.g. 'I drink a lot of coffee'."
    )
    reader_groups: list[CautionKey] = Field(
        default=[],
        description="Keys from data/cautions.yaml that fit everyone who ticks plan_prompt: "
        "a plan that includes this cause flags advice carrying those cautions.",
    )
    warning_signs: list[WarningSignRef] = Field(
        min_length=1,
        description="Keys from data/warning_signs.yaml (or `sign:` with a `note:`); "
        f"at most {CARE_CARD_MAX} of each tier.",
    )
    covers: list[Group] = Field(
        default=[],
        description="Groups this page speaks to besides adults in general (children, "
        "pregnancy); it may then list the warning signs only for them.",
    )
    myths: list[Myth] = Field(default=[])
    related: list[CauseKey] = Field(default=[], description="Ids of other causes.")
    checker: CauseInChecker | None = Field(
        default=None, description="When 'Check your twitch' lists this cause."
    )
    see_also: list[GuideKey] = Field(
        default=[], description="Keys of guides in data/pages.yaml (guides) to read next."
    )
    keywords: list[Text] = Field(min_length=1, description="Words people type to find this page.")
    quiz: list[Question] = Field(min_length=2)
    sources: list[SourceKey] = Field(min_length=2, description="Keys from data/sources.yaml.")
    last_checked: dt.date = Field(
        description="When a writer last checked the page against its sources (YYYY-MM-DD). "
        "This is not a clinical review."
    )
    next_check_due: dt.date = Field(description="When the next check against the sources is due.")
    clinical_review: ClinicalReview | None = review_field()

    @model_validator(mode="after")
    def _review_order(self) -> Cause:
        if self.next_check_due <= self.last_checked:
            raise ValueError("next_check_due must come after last_checked")
        return self
