"""Load every data file, check it, and return one Site, or one DataError listing all problems.

Problems are collected across all files before raising, so a writer sees the whole list
at once instead of fixing one error per build.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .checker_checks import check_cause_in_checker, check_checker
from .checker_models import Checker
from .cross_checks import check_keys, check_keywords, check_quiz, check_search_terms
from .messages import explain
from .models import (
    BodyArea,
    CareGuide,
    Category,
    Cause,
    Caution,
    GlossaryEntry,
    Pages,
    Source,
    Style,
    WarningSigns,
)
from .warning_sign_checks import SIGNS_FILE, check_catalogue, check_cause_signs
from .yaml_files import DataError, Problem, YamlFile, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Site:
    """All the content, checked. Dicts keep the order of the files."""

    causes: dict[str, Cause]
    sources: dict[str, Source]
    categories: dict[str, Category]
    body_areas: dict[str, BodyArea]
    care_guide: CareGuide
    pages: Pages
    glossary: dict[str, GlossaryEntry]
    style: Style
    warning_signs: WarningSigns
    cautions: dict[str, Caution]
    search_terms: dict[str, str]
    checker: Checker
    folder: str = "data"
    files: dict[str, YamlFile] = dataclasses.field(default_factory=dict, repr=False)

    def locate(self, problem: Problem) -> Problem:
        """A problem found after loading (making PDFs, say), named by its file in this data
        folder, with its line. Problems name files as data/..., whatever the folder is."""
        label = self.folder + problem.file.removeprefix("data")
        parts = problem.field.split(".") if problem.field else []
        path = tuple(int(part) if part.isdigit() else part for part in parts)
        file = self.files.get(label)
        return Problem(label, file.line_of(path) if file else None, problem.field, problem.message)

    def areas_shown(self, cause: Cause) -> list[str]:
        """The body areas a cause is found under: its own, or every area when one of its own
        (such as 'all over the body') stands for everywhere."""
        if any(self.body_areas[key].everywhere for key in cause.body_areas):
            return list(self.body_areas)
        return cause.body_areas

    def groups(self) -> list[tuple[str, Category, list[Cause]]]:
        """Each category that has causes: its key, itself and its causes, in file order."""
        causes: dict[str, list[Cause]] = {key: [] for key in self.categories}
        for cause in self.causes.values():
            causes[cause.category].append(cause)
        return [(key, self.categories[key], causes[key]) for key in causes if causes[key]]


def load_site(data_dir: Path) -> Site:
    """Read and check every file under data_dir."""
    problems: list[Problem] = []
    files: dict[str, YamlFile] = {}

    def label_of(path: Path) -> str:
        return path.relative_to(data_dir.parent).as_posix()

    def read(path: Path) -> YamlFile | None:
        label = label_of(path)
        if not path.is_file():
            problems.append(Problem(label, None, "", "is missing"))
            return None
        try:
            files[label] = read_yaml(path, label)
        except DataError as error:
            problems.extend(error.problems)
            return None
        return files[label]

    declared: dict[str, set[str] | None] = {}

    def table(name: str, model: type[M]) -> dict[str, M]:
        # Keys are declared even when their entry is broken, so causes citing them
        # are not reported as well: one mistake, one message.
        file = read(data_dir / name)
        declared[name] = set(map(str, file.data)) if file and isinstance(file.data, dict) else None
        return _validate_table(file, model, problems) if file else {}

    def single(name: str, model: type[M]) -> M | None:
        file = read(data_dir / name)
        return _validate(file, model, (), file.data, problems) if file else None

    sources = table("sources.yaml", Source)
    categories = table("categories.yaml", Category)
    body_areas = table("body_areas.yaml", BodyArea)
    care_guide = single("care_guide.yaml", CareGuide)
    pages = single("pages.yaml", Pages)
    glossary = table("glossary.yaml", GlossaryEntry)
    style = single("style.yaml", Style)
    warning_signs = single("warning_signs.yaml", WarningSigns)
    cautions = table("cautions.yaml", Caution)
    if warning_signs is not None:
        check_catalogue(
            files[label_of(data_dir / "warning_signs.yaml")],
            warning_signs,
            declared["sources.yaml"],
            problems,
        )
    for key, caution in cautions.items():
        check_keys(
            files[label_of(data_dir / "cautions.yaml")],
            (key, "sources"),
            caution.sources,
            declared["sources.yaml"],
            "data/sources.yaml",
            problems,
        )

    causes: dict[str, Cause] = {}
    cause_files: dict[str, YamlFile] = {}
    paths = sorted((data_dir / "causes").glob("*.y*ml"))
    if not paths:
        problems.append(Problem("data/causes", None, "", "holds no cause files (*.yaml)"))
    cause_ids = {path.stem for path in paths}
    for path in paths:
        stem = path.stem
        file = read(path)
        if file is None:
            continue
        if stem in cause_files:
            other = cause_files[stem].label
            problems.append(file.problem((), f"duplicate id '{stem}': {other} has the same id"))
            continue
        cause_files[stem] = file
        cause = _validate(file, Cause, (), file.data, problems)
        if cause is None:
            continue
        if cause.id != stem:
            problems.append(
                file.problem(("id",), f"is '{cause.id}' but must match the file name '{stem}'")
            )
        causes[stem] = cause

    for stem, cause in causes.items():
        file = cause_files[stem]
        for field, keys, table_file in (
            ("category", [cause.category], "categories.yaml"),
            ("body_areas", cause.body_areas, "body_areas.yaml"),
            ("sources", cause.sources, "sources.yaml"),
        ):
            check_keys(file, field, keys, declared[table_file], f"data/{table_file}", problems)
        check_keys(file, "related", cause.related, cause_ids, "data/causes/", problems)
        guides = set(pages.guides) if pages is not None else None
        check_keys(
            file, "see_also", cause.see_also, guides, "the guides in data/pages.yaml", problems
        )
        if stem in cause.related:
            problems.append(file.problem(("related",), "a cause cannot be related to itself"))
    check_quiz(causes, cause_files, problems)
    if warning_signs is not None:
        for stem, cause in causes.items():
            check_cause_signs(
                cause_files[stem], cause, warning_signs, declared["cautions.yaml"], problems
            )
        if care_guide is not None:
            check_keys(
                files[label_of(data_dir / "care_guide.yaml")],
                "go_back_if",
                care_guide.go_back_if,
                set(warning_signs.signs),
                SIGNS_FILE,
                problems,
            )
    check_keywords(causes, cause_files, problems)
    checker = single("checker.yaml", Checker)
    if checker is not None and warning_signs is not None:
        guides = set(pages.guides) if pages is not None else None
        checker_file = files[label_of(data_dir / "checker.yaml")]
        signs_file = files[label_of(data_dir / "warning_signs.yaml")]
        answers = check_checker(
            checker_file,
            signs_file,
            checker,
            warning_signs,
            body_areas,
            guides,
            declared["sources.yaml"],
            problems,
        )
        for stem, cause in causes.items():
            check_cause_in_checker(
                cause_files[stem], cause, checker, warning_signs, answers, problems
            )
    terms_file = read(data_dir / "search_terms.yaml")
    search_terms = check_search_terms(terms_file, causes, cause_ids, problems) if terms_file else {}

    if problems:
        # File by file, top to bottom, as a writer works through them.
        raise DataError(sorted(problems, key=lambda p: (p.file, p.line or 0)))
    assert None not in (care_guide, pages, style, warning_signs, checker)
    return Site(
        causes,
        sources,
        categories,
        body_areas,
        care_guide,
        pages,
        glossary,
        style,
        warning_signs,
        cautions,
        search_terms,
        checker,
        data_dir.name,
        files,
    )


def _validate_table(file: YamlFile, model: type[M], problems: list[Problem]) -> dict[str, M]:
    if not isinstance(file.data, dict) or not file.data:
        problems.append(file.problem((), "expected a list of entries, each under its own key"))
        return {}
    items: dict[str, M] = {}
    for key, value in file.data.items():
        item = _validate(file, model, (key,), value, problems)
        if item is not None:
            items[str(key)] = item
    return items


def _validate(
    file: YamlFile, model: type[M], at: tuple[Any, ...], value: Any, problems: list[Problem]
) -> M | None:
    if not isinstance(value, dict):
        problems.append(file.problem(at, "expected a set of fields (key: value lines)"))
        return None
    try:
        return model.model_validate(value)
    except ValidationError as error:
        for detail in error.errors():
            location = at + tuple(detail["loc"])
            # An item written as a plain line has no `text:` field to point at.
            if location[-1:] == ("text",) and isinstance(
                file.node_at(location[:-1]), yaml.ScalarNode
            ):
                location = location[:-1]
            problems.append(file.problem(location, explain(detail)))
        return None
