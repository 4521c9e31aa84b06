"""The words around the content (data/labels.yaml): buttons, headings, counts and notes that
pages and their scripts show on every page of a kind. Medical wording is not here; it lives
with the cause, sign or caution it belongs to."""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from .base import Model, Text
from .cause import SECTIONS, Cause, PageSection

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders(text: str) -> set[str]:
    """The names in braces a script or template fills in: {'count'} for "{count} things"."""
    return set(_PLACEHOLDER.findall(text))


class Plural(Model):
    """Words that change with a number: `one` for exactly 1, `other` for any other number.
    Both must say where the number goes, as {count}."""

    one: Text
    other: Text

    @model_validator(mode="after")
    def _both_show_the_count(self) -> Plural:
        for form in ("one", "other"):
            if "count" not in placeholders(getattr(self, form)):
                raise ValueError(f"'{form}' must say where the number goes, as {{count}}")
        return self


class AdviceLabels(Model):
    check_first: Text = Field(description='Before a caution under an advice item: "Check first:".')


class CausePageLabels(Model):
    medical_name: Text = Field(description='Before the medical term: "Medical name:".')
    go_to: Text = Field(description='The phone link to the warning signs: "Go to:".')
    sections: dict[PageSection, Text] = Field(
        description="The heading of each section of a cause page, by its key."
    )
    not_preventable: Text = Field(
        description="Over the prevention list of a cause that cannot itself be prevented (it "
        "has a prevention_note), where a heading promising prevention would mislead."
    )

    @model_validator(mode="after")
    def _every_section_has_a_heading(self) -> CausePageLabels:
        if missing := [key for key in SECTIONS if key not in self.sections]:
            raise ValueError(f"sections: add a heading for {', '.join(missing)}")
        return self

    def heading(self, cause: Cause, key: str) -> str:
        """The heading of section `key` on the page of `cause`."""
        if key == "how-to-prevent-it" and cause.prevention_note:
            return self.not_preventable
        return self.sections[key]  # type: ignore[index]  # a key of SECTIONS


class QuizLabels(Model):
    choose_all: Text = Field(description="After a question with more than one right answer.")
    show_answer: Text
    answer: Text = Field(description='Before the right answer: "Answer:".')
    read_more: Text = Field(description='The link to the section with the answer: "Read more".')
    read_more_in: Text = Field(description='Between "Read more" and the page name: "in".')
    all_questions: Text = Field(description="The first choice of which questions to answer.")
    which_questions: Text
    start: Text
    question_of: Text = Field(description="Over each question: {number} of {total}.")
    right_so_far: Text = Field(description="After the question count, once one is answered.")
    check: Text = Field(description="The button that checks an answer.")
    choose_first: Text
    right_answer: Text = Field(description="Beside a right choice, once checked.")
    your_answer: Text = Field(description="Beside a wrong choice the reader made.")
    right: Text
    not_quite: Text
    the_answer: Text = Field(description="After a wrong answer: the right ones, as {answers}.")
    next_question: Text
    see_results: Text
    you_got: Text = Field(description="The heading of the results.")
    your_best: Text
    you_missed: Text
    retry_missed: Text
    start_again: Text
    best_score: Text = Field(description="After a choice of questions answered before.")
    questions: Plural = Field(description="A choice of questions: {name} ({count} questions).")


class PlanLabels(Model):
    things_to_do: Plural = Field(description="How many items the reader's plan holds.")
    tick_one: Text = Field(description="Shown while nothing is ticked.")
    not_found: Text = Field(description="A shared link names causes this site lacks: {names}.")


class CausesFilterLabels(Model):
    showing: Text = Field(description="How many causes the filter shows: {shown} of {total}.")
    none_match: Text


class SearchLabels(Model):
    """What the search box says (docs/assets/search.js), read out by screen readers too."""

    count: Plural = Field(description="How many pages match: {count}.")
    none: Text = Field(description="When no page matches.")
    too_general: Text = Field(
        description="When the query has only words that mean nothing alone (is, the, why)."
    )
    did_you_mean: Text = Field(description="Before a query spelt as the site spells it.")
    shown: Text = Field(description="After the count, when only the best {shown} are listed.")


class CheckerLabels(Model):
    step_of: Text = Field(description="Read out by screen readers: {number} of {total}.")
    result: Text = Field(description='Read out before the result: "Result:".')
    you_said: Text = Field(description="After a page that matches: the answers, as {answers}.")


class Labels(Model):
    """Every label, by the page or script that shows it."""

    advice: AdviceLabels
    cause_page: CausePageLabels
    quiz: QuizLabels
    plan: PlanLabels
    causes_filter: CausesFilterLabels
    search: SearchLabels
    checker: CheckerLabels
