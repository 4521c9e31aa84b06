"""The quiz is built from the questions in the cause files, and bad questions stop the build."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

import jsonschema
import pytest
from causepages import load_site
from causepages.features.quiz import payload, quiz_outputs
from causepages.routes import QUIZ_DATA, QUIZ_PAGE
from conftest import DATA, FIXTURE_DATA, ROOT, DataError, data_problems, parse, planned
from test_data import edit

SCHEMA = json.loads((ROOT / "hooks" / "causepages" / "contracts" / "quiz.schema.json").read_text())


def quiz_json(data_dir: Path) -> dict:
    outputs = {o.path: o.content for o in quiz_outputs(load_site(data_dir))}
    return json.loads(outputs[QUIZ_DATA])


@pytest.mark.parametrize("data_dir", [DATA, FIXTURE_DATA], ids=["real", "fixture"])
def test_json_holds_every_question_of_the_yaml_with_its_answers(data_dir: Path) -> None:
    site = load_site(data_dir)
    questions = quiz_json(data_dir)["questions"]
    expected = [(cause, q) for cause in site.causes.values() for q in cause.quiz]
    assert len(questions) == len(expected)
    for item, (cause, question) in zip(questions, expected, strict=True):
        assert item["cause"] == cause.id
        assert item["category"] == cause.category
        assert item["kind"] == question.kind
        assert item["question"] == question.question
        assert item["choices"] == question.choices
        assert item["answers"] == question.answers
        assert item["explanation"] == question.explanation
        # The section's heading as the page shows it ("What you can do" over a cause that
        # cannot itself be prevented).
        assert item["section"] == site.labels.cause_page.heading(cause, question.section)
        assert item["href"] == f"../causes/{cause.id}/#{question.section}"


def test_schema_rejects_a_true_false_question_with_other_choices() -> None:
    data = quiz_json(FIXTURE_DATA)
    true_false = next(q for q in data["questions"] if q["kind"] == "true-false")
    true_false["choices"] = ["Yes", "No"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_a_changed_question_changes_the_version(fixture_data: Path) -> None:
    before = payload(load_site(fixture_data))["version"]
    assert payload(load_site(fixture_data))["version"] == before
    edit(fixture_data, "causes/alpha.yaml", "explanation: Rest helps.", "explanation: Rest.")
    assert payload(load_site(fixture_data))["version"] != before


def test_quiz_page_shows_every_answer_without_javascript() -> None:
    page = {o.path: o.content for o in quiz_outputs(load_site(FIXTURE_DATA))}[QUIZ_PAGE]
    # Search finds the quiz by its name, not by its questions.
    assert "search:\n  kind: tool\n  words: []\n  text: false\n" in page
    assert '<div class="quiz" data-quiz="questions.json" markdown>' in page
    assert page.count("<details") == 5
    assert "**Answer:** It lasts more than 2 weeks, It comes with weakness" in page
    assert (
        "[Read more in Beta condition: Myths and facts](../causes/beta.md#myths-and-facts)" in page
    )


BROKEN = {
    "answer that is not a choice": (
        ("answers: [Rest]", "answers: [Sleep]"),
        "data/causes/alpha.yaml, line 34: field 'quiz.1': answer 'Sleep' is not one of the choices",
    ),
    "fewer than two choices": (
        ("choices: [Rest, Worry]", "choices: [Rest]"),
        "data/causes/alpha.yaml, line 36: field 'quiz.1.choices': needs at least 2 item(s), got 1",
    ),
    "true-false with other choices": (
        ('choices: ["True", "False"]', 'choices: ["True", "False", "Maybe"]'),
        "data/causes/alpha.yaml, line 28: field 'quiz.0': "
        "a true-false question must have exactly the choices True, False",
    ),
    "link to a section that does not exist": (
        ("section: what-helps-now", "section: what-helps"),
        "data/causes/alpha.yaml, line 39: field 'quiz.1.section': expected 'what-happens', "
        "'where-in-the-body', 'who-is-more-likely-to-get-it', 'what-helps-now', "
        "'how-to-prevent-it', 'when-to-see-a-doctor' or 'myths-and-facts', got 'what-helps'",
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_bad_question_names_file_and_question(case: str, fixture_data: Path) -> None:
    (old, new), message = BROKEN[case]
    edit(fixture_data, "causes/alpha.yaml", old, new)
    assert data_problems(fixture_data) == [message]


def test_a_link_to_myths_needs_a_page_with_myths(fixture_data: Path) -> None:
    edit(
        fixture_data,
        "causes/alpha.yaml",
        "myths:\n  - myth: It is dangerous.\n    fact: It is not.\n",
        "",
    )
    edit(fixture_data, "causes/alpha.yaml", "section: what-helps-now", "section: myths-and-facts")
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yaml, line 36: field 'quiz.1.section': links to 'myths-and-facts', "
        "but this page has none: add myths or pick another section"
    ]


def test_the_same_question_twice_is_reported_once(fixture_data: Path) -> None:
    # Case and spacing do not make it a different question for a reader.
    edit(
        fixture_data,
        "causes/beta.yaml",
        "question: Beta is dangerous.",
        "question: alpha IS  dangerous.",
    )
    assert data_problems(fixture_data) == [
        "data/causes/beta.yaml, line 36: field 'quiz.1.question': 'alpha IS  dangerous.' is "
        "already asked in data/causes/alpha.yaml (quiz.0)"
    ]


def test_a_bad_question_stops_planning_the_site(fixture_data: Path) -> None:
    """The build plans the site from the data (how it stops on a DataError is tested once, in
    test_site); a bad question stops the plan with the file, line and question."""
    edit(fixture_data, "causes/alpha.yaml", "answers: [Rest]", "answers: [Sleep]")
    with pytest.raises(DataError) as error:
        planned(fixture_data)
    assert "data/causes/alpha.yaml, line 34: field 'quiz.1': answer 'Sleep'" in str(error.value)


def test_every_page_finds_the_questions_and_every_link_lands(built_site: Path) -> None:
    """The JSON address is relative to each page, and each 'read more' link to the JSON file."""
    site_url = "http://site.invalid/"
    json_url = urljoin(site_url, QUIZ_DATA)
    data = json.loads((built_site / QUIZ_DATA).read_text())
    pages = ["quiz/", *(f"causes/{cause}/" for cause in {q["cause"] for q in data["questions"]})]
    for address in pages:
        quiz = parse(built_site / address / "index.html").cssselect("[data-quiz]")
        assert len(quiz) == 1, address
        assert urljoin(site_url + address, quiz[0].get("data-quiz")) == json_url, address
    for question in data["questions"]:
        target = urlparse(urljoin(json_url, question["href"]))
        page = parse(built_site / target.path.strip("/") / "index.html")
        heading = page.cssselect(f"h2#{target.fragment}")
        assert heading, question["href"]
        assert heading[0].text_content().strip("¶ ") == question["section"]


def test_search_finds_the_quiz_by_name_but_not_by_its_questions(built_site: Path) -> None:
    pages = json.loads((built_site / "search" / "index.json").read_text())["pages"]
    quiz = [page for page in pages if page["href"] == "quiz/"]
    assert [(page["title"], page["text"]) for page in quiz] == [("Quiz", [])]
    assert not [page["href"] for page in pages if "Show the answer" in " ".join(page["text"])]
