"""The quiz: one JSON file of every question, the quiz page, and each cause's questions.

The browser quiz (docs/assets/quiz.js) runs on the JSON file. The pages hold the same
questions as plain Markdown, each answer inside <details>, so they can be read without
JavaScript and in print. contracts/quiz.schema.json is the JSON's contract.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..output import Output
from ..rendering.markdown import Trusted, environment, link, page
from ..routes import QUIZ_DATA, QUIZ_PAGE, cause_path, page_url, relative_url
from ..schema import Cause, Question

if TYPE_CHECKING:
    from ..reading.site import Site
    from ..schema import Category


@dataclass(frozen=True)
class QuizItem:
    """One question as a page shows it, with a link to the section that teaches it."""

    question: Question
    page_title: str
    section: str
    href: Trusted


@dataclass(frozen=True)
class PageQuiz:
    """What a page needs to show a quiz: where the JSON is, and the questions it shows."""

    data_url: str
    items: list[QuizItem]


def question_id(cause: Cause, index: int) -> str:
    return f"{cause.id}-{index + 1}"


def _item(site: Site, cause: Cause, question: Question, from_path: str) -> QuizItem:
    """The question with a link, from the page at from_path, to the section that teaches it."""
    target = cause_path(cause)
    anchor = f"#{question.section}"
    href = link(from_path, anchor if from_path == target else target + anchor)
    section = site.labels.cause_page.heading(cause, question.section)
    return QuizItem(question, cause.title, section, href)


def payload(site: Site) -> dict[str, Any]:
    """Every question, in data order; links are relative to the JSON file itself."""
    questions = [
        {
            "id": question_id(cause, index),
            "cause": cause.id,
            "category": cause.category,
            "kind": question.kind,
            "question": question.question,
            "choices": question.choices,
            "answers": question.answers,
            "explanation": question.explanation,
            "page": cause.title,
            "section": site.labels.cause_page.heading(cause, question.section),
            "href": relative_url(QUIZ_DATA, f"{page_url(cause_path(cause))}#{question.section}"),
        }
        for cause in site.causes.values()
        for index, question in enumerate(cause.quiz)
    ]
    categories = [{"id": key, "name": category.name} for key, category, _ in site.groups()]
    # A best score is kept per version, so any change to the questions starts afresh.
    content = json.dumps(questions, sort_keys=True, ensure_ascii=False).encode()
    version = hashlib.sha256(content).hexdigest()[:16]
    labels = site.labels.quiz.model_dump()
    return {"version": version, "categories": categories, "questions": questions, "labels": labels}


def cause_quiz(site: Site, cause: Cause, path: str) -> PageQuiz:
    """A cause page's own questions, linking to its own sections."""
    items = [_item(site, cause, q, path) for q in cause.quiz]
    return PageQuiz(relative_url(page_url(path), QUIZ_DATA), items)


def quiz_outputs(site: Site) -> list[Output]:
    """The JSON file and the quiz page with every question, grouped by category."""
    groups: list[tuple[Category, list[QuizItem]]] = [
        (category, [_item(site, c, q, QUIZ_PAGE) for c in causes for q in c.quiz])
        for _, category, causes in site.groups()
    ]
    intro = site.pages.quiz
    front = {
        "title": intro.title,
        "description": intro.intro,
        # Found by its own words: its text, every question, would match every query.
        "search": {"kind": "tool", "words": intro.keywords, "text": False},
        # The interactive quiz hides the question list, so its headings would be dead ends.
        "hide": ["toc"],
    }
    content = page(
        environment(),
        "quiz.md.j2",
        front,
        title=intro.title,
        intro=intro.intro,
        data_url=relative_url(page_url(QUIZ_PAGE), QUIZ_DATA),
        groups=groups,
        review=intro.clinical_review,
        labels=site.labels,
    )
    data = json.dumps(payload(site), ensure_ascii=False, indent=1) + "\n"
    return [Output(QUIZ_DATA, data), Output(QUIZ_PAGE, content)]
