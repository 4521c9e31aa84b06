"""Rules across files, run on what was read: references, then each catalogue's own rules.

Every problem goes into the reading's one list, so a writer sees them all at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .causes import check_ids, check_keywords, check_quiz, check_search_terms
from .checker import check_cause_in_checker, check_checker
from .references import check_references
from .warning_signs import check_catalogue, check_cause_signs

if TYPE_CHECKING:
    from ..reading.tables import DataRead


def check_data(read: DataRead) -> dict[str, str]:
    """Check the files of `read` against each other, adding to `read.problems`; returns the
    search terms that passed (term: cause id)."""
    problems, reader = read.problems, read.reader
    folder = reader.data_dir.name
    signs, pages = read.warning_signs, read.pages
    signs_file, checker_file = reader.file("warning_signs.yaml"), reader.file("checker.yaml")
    answers = None
    if read.checker is not None and signs is not None and checker_file is not None:
        answers = check_checker(checker_file, read.checker, signs, read.body_areas, problems)
    # Each table file's keys (sources.yaml: "sources"), then the lists that are not a file.
    known = {
        **{name.removesuffix(".yaml"): keys for name, keys in reader.declared.items()},
        "signs": set(signs.signs) if signs else None,
        "help_lines": set(signs.help_lines) if signs else None,
        "guides": set(pages.guides) if pages else None,
        "answers": answers,
    }
    for name, model in (
        ("warning_signs.yaml", signs),
        ("care_guide.yaml", read.care_guide),
        ("pages.yaml", pages),
        ("checker.yaml", read.checker),
    ):
        file = reader.file(name)
        if model is not None and file is not None:
            check_references(file, model, known, problems, data=folder)
    if cautions_file := reader.file("cautions.yaml"):
        for key, caution in read.cautions.items():
            check_references(cautions_file, caution, known, problems, (key,), folder)
    for stem, cause in read.causes.items():
        check_references(read.cause_files[stem], cause, known, problems, data=folder)

    if signs is not None and signs_file is not None:
        check_catalogue(signs_file, signs, problems)
    check_ids(read.causes, read.cause_files, problems)
    check_quiz(read.causes, read.cause_files, problems)
    check_keywords(read.causes, read.cause_files, problems)
    for stem, cause in read.causes.items():
        file = read.cause_files[stem]
        if signs is not None:
            check_cause_signs(file, cause, signs, problems)
            if read.checker is not None:
                check_cause_in_checker(file, cause, read.checker, signs, problems)
    if read.search_terms is None:
        return {}
    return check_search_terms(read.search_terms, read.causes, known["causes"] or set(), problems)
