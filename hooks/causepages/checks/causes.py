"""Rules across the causes: ids, questions and search words that must be unique site-wide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..reading.messages import did_you_mean

if TYPE_CHECKING:
    from ..problems import Problem
    from ..reading.yaml_file import YamlFile
    from ..schema import Cause


def check_ids(
    causes: dict[str, Cause], files: dict[str, YamlFile], problems: list[Problem]
) -> None:
    """A cause's id is its file name, and it is not related to itself."""
    for stem, cause in causes.items():
        file = files[stem]
        if cause.id != stem:
            message = f"is '{cause.id}' but must match the file name '{stem}'"
            problems.append(file.problem(("id",), message))
        if stem in cause.related:
            problems.append(file.problem(("related",), "a cause cannot be related to itself"))


def check_quiz(
    causes: dict[str, Cause], files: dict[str, YamlFile], problems: list[Problem]
) -> None:
    """Each question links to a section its page has, and no question is asked twice."""
    asked: dict[str, str] = {}
    for stem, cause in causes.items():
        file = files[stem]
        for index, question in enumerate(cause.quiz):
            if question.section == "myths-and-facts" and not cause.myths:
                problems.append(
                    file.problem(
                        ("quiz", index, "section"),
                        "links to 'myths-and-facts', but this page has none: add myths "
                        "or pick another section",
                    )
                )
            # Case and spacing differences still make the same question for a reader.
            words = " ".join(question.question.casefold().split())
            if words in asked:
                problems.append(
                    file.problem(
                        ("quiz", index, "question"),
                        f"{question.question!r} is already asked in {asked[words]}",
                    )
                )
            else:
                asked[words] = f"{file.label} (quiz.{index})"


MAX_CAUSES_PER_KEYWORD = 3


def check_keywords(
    causes: dict[str, Cause], files: dict[str, YamlFile], problems: list[Problem]
) -> None:
    """A search word shared by many causes finds none of them first: keep keywords specific."""
    users: dict[str, list[str]] = {}
    for stem, cause in causes.items():
        for word in {" ".join(k.casefold().split()) for k in cause.keywords}:
            users.setdefault(word, []).append(stem)
    for word, stems in users.items():
        if len(stems) > MAX_CAUSES_PER_KEYWORD:
            file = files[stems[-1]]
            index = [" ".join(k.casefold().split()) for k in causes[stems[-1]].keywords].index(word)
            problems.append(
                file.problem(
                    ("keywords", index),
                    f"'{word}' is a keyword of {len(stems)} causes ({', '.join(stems)}); "
                    f"at most {MAX_CAUSES_PER_KEYWORD} may share one",
                )
            )


def check_search_terms(
    file: YamlFile, causes: dict[str, Cause], cause_ids: set[str], problems: list[Problem]
) -> dict[str, str]:
    """Words readers type, each mapped to the one cause it should find (term: cause id).

    A term cannot also be another cause's keyword, or search would find two pages for it.
    Returns the terms that passed, by cause id order of the file.
    """
    if not isinstance(file.data, dict):
        problems.append(file.problem((), "expected lines like 'ventolin: medicines'"))
        return {}
    keyword_of = {
        " ".join(k.casefold().split()): stem for stem, c in causes.items() for k in c.keywords
    }
    terms: dict[str, str] = {}
    seen: dict[str, str] = {}  # each term as search reads it (any case, spaces) and as written
    for term, cause_id in file.data.items():
        where = (str(term),)
        if not isinstance(term, str) or not isinstance(cause_id, str):
            problems.append(
                file.problem(where, "expected a word and a cause id, like 'ventolin: medicines'")
            )
            continue
        if not term.strip():
            problems.append(file.problem(where, "a search term cannot be empty: write a word"))
            continue
        same = " ".join(term.casefold().split())
        if same in seen:
            message = f"is '{seen[same]}' again, as search reads it: keep one"
            problems.append(file.problem(where, message))
            continue
        seen[same] = term
        if cause_id not in cause_ids:
            hint = did_you_mean(cause_id, sorted(cause_ids))
            folder = file.label.split("/", 1)[0]
            message = f"'{cause_id}' is not in {folder}/causes/{hint}"
            problems.append(file.problem(where, message))
            continue
        other = keyword_of.get(" ".join(term.casefold().split()))
        if other is not None and other != cause_id:
            message = f"is a keyword of {other}, so it cannot also find {cause_id}"
            problems.append(file.problem(where, message))
            continue
        terms[term] = cause_id
    return terms
