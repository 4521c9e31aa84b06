"""Titles and opening lines of the pages built from the data as a whole (data/pages.yaml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import ClinicalReview, Key, Model, SignKey, Text, review_field


class PageIntro(Model):
    title: Text
    intro: Text = Field(description="One or two short sentences under the title.")
    keywords: list[Text] = Field(default=[], description="Words people type to find this page.")
    clinical_review: ClinicalReview | None = review_field()


class ChecklistsIntro(PageIntro):
    """The checklists index, and what the checklist PDFs say about themselves."""

    all_title: Text = Field(description="Title of the PDF that holds every checklist.")
    author: Text = Field(description="Who publishes the PDFs, shown in their properties.")


class PlanIntro(PageIntro):
    """The plan page. Its intro must hold without JavaScript, when every checklist is listed;
    how_to is shown with the form, which needs the script."""

    how_to: Text = Field(description="How to use the form, shown above it.")
    clash: Text = Field(
        description="Shown at an item whose caution fits a cause the reader ticked."
    )


class Guide(Model):
    """A hand-written page under docs/ that cause pages can point readers to."""

    title: Text
    path: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.md$")] = Field(
        description="Its file under docs/, e.g. what-counts-as-weakness.md."
    )
    warning_signs: list[SignKey] = Field(
        default=[],
        description="Keys from data/warning_signs.yaml, drawn as care cards where the page has "
        "the line <!-- warning-signs -->.",
    )
    clinical_review: ClinicalReview | None = review_field()


class Pages(Model):
    """Titles and opening lines of the pages built from the data as a whole."""

    causes: PageIntro
    when_to_see_a_doctor: PageIntro
    appointment: PageIntro
    glossary: PageIntro
    myths: PageIntro
    checklists: ChecklistsIntro
    plan: PlanIntro = Field(description="The 'build my plan' page.")
    quiz: PageIntro = Field(description="The quiz page, with every question.")
    guides: dict[Key, Guide] = Field(default={}, description="Hand-written pages causes link to.")
