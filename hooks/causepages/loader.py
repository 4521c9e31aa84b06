"""Load every data file, check it, and return one Site, or one DataError listing all problems.

Problems are collected across all files before raising, so a writer sees the whole list
at once instead of fixing one error per build.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .models import BodyArea, CareGuide, Category, Cause, GlossaryEntry, Pages, Source, Style
from .yaml_files import DataError, Problem, YamlFile, read_yaml

M = TypeVar("M", bound=BaseModel)

KNOWN_FIELDS = sorted(
    {
        name
        for model in (Cause, Source, Category, BodyArea, CareGuide, Pages, GlossaryEntry, Style)
        for name in model.model_fields
    }
    | {"myth", "fact", "kind", "question", "choices", "answers", "explanation", "section"}
    | {"emergency", "urgent", "see_a_gp", "heading", "label", "title", "intro"}
)


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

    def causes_in(self, category: str) -> list[Cause]:
        return [c for c in self.causes.values() if c.category == category]


def load_site(data_dir: Path) -> Site:
    """Read and check every file under data_dir."""
    problems: list[Problem] = []
    files: dict[str, YamlFile] = {}

    def read(path: Path) -> YamlFile | None:
        label = path.relative_to(data_dir.parent).as_posix()
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
            _check_keys(file, field, keys, declared[table_file], f"data/{table_file}", problems)
        _check_keys(file, "related", cause.related, cause_ids, "data/causes/", problems)
        if stem in cause.related:
            problems.append(file.problem(("related",), "a cause cannot be related to itself"))
    _check_quiz(causes, cause_files, problems)
    _check_keywords(causes, cause_files, problems)

    if problems:
        raise DataError(problems)
    assert care_guide is not None and pages is not None and style is not None
    return Site(causes, sources, categories, body_areas, care_guide, pages, glossary, style)


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
            problems.append(file.problem(location, _explain(detail)))
        return None


def _check_keys(
    file: YamlFile,
    field: str,
    keys: list[str],
    known: set[str] | None,
    where: str,
    problems: list[Problem],
) -> None:
    if known is None:  # that file is broken and already reported
        return
    for index, key in enumerate(keys):
        if key not in known:
            location = (field,) if field == "category" else (field, index)
            hint = _did_you_mean(key, sorted(known))
            problems.append(file.problem(location, f"'{key}' is not in {where}{hint}"))


def _check_quiz(
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


def _check_keywords(
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


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _explain(detail: Any) -> str:
    """Turn a pydantic error into words a health writer can act on."""
    kind, ctx, given = detail["type"], detail.get("ctx", {}), detail.get("input")
    field = str(detail["loc"][-1]) if detail["loc"] else ""
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field" + _did_you_mean(field, KNOWN_FIELDS)
    if kind == "string_pattern_mismatch":
        if field == "url":
            return f"expected an https:// address, got {given!r}"
        return f"expected a lowercase key like 'low-potassium', got {given!r}"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} item(s), got {len(given)}"
    if kind == "too_long":
        return f"holds at most {ctx['max_length']} items, got {len(given)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(given)} characters long; at most {ctx['max_length']} fit"
    if kind in {"string_type", "list_type", "dict_type", "date_type", "date_from_datetime_parsing"}:
        expected = {
            "string_type": "text",
            "list_type": "a list (lines starting with '- ')",
            "dict_type": "a set of fields",
        }.get(kind, "a date like 2025-01-31")
        return f"expected {expected}, got {_describe(given)}"
    if kind == "literal_error":
        return f"expected {ctx['expected']}, got {given!r}"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    return detail["msg"]


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    return repr(value)
