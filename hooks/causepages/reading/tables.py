"""Read the files of one data folder into models, collecting every problem with file and line.

Nothing here checks one file against another; that is the checks' job, on what is read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..problems import DataError, Problem
from ..schema import (
    BodyArea,
    CareGuide,
    Category,
    Cause,
    Caution,
    Checker,
    GlossaryEntry,
    Labels,
    Pages,
    SearchSettings,
    Source,
    Style,
    WarningSigns,
)
from .messages import explain
from .yaml_file import YamlFile, read_yaml

M = TypeVar("M", bound=BaseModel)


class DataReader:
    """One reading of a data folder: the files read, the keys each table declares and every
    problem found, so a writer sees the whole list at once."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.problems: list[Problem] = []
        self.files: dict[str, YamlFile] = {}
        # The keys of each table, even of entries that are broken, so a cause citing one is
        # not reported as well: one mistake, one message. None: the file itself is broken.
        self.declared: dict[str, set[str] | None] = {}

    def label(self, path: Path) -> str:
        """How messages name a file: data/causes/caffeine.yaml, under the folder's own name."""
        return path.relative_to(self.data_dir.parent).as_posix()

    def file(self, name: str) -> YamlFile | None:
        """A file already read, by its name under the data folder."""
        return self.files.get(self.label(self.data_dir / name))

    def read(self, path: Path) -> YamlFile | None:
        label = self.label(path)
        if not path.is_file():
            self.problems.append(Problem(label, None, "", "is missing"))
            return None
        try:
            self.files[label] = read_yaml(path, label)
        except DataError as error:
            self.problems.extend(error.problems)
            return None
        return self.files[label]

    def table(self, name: str, model: type[M]) -> dict[str, M]:
        """A file of entries, each under its own key, each one a `model`."""
        file = self.read(self.data_dir / name)
        data = file.data if file else None
        self.declared[name] = set(map(str, data)) if isinstance(data, dict) else None
        if file is None:
            return {}
        if not isinstance(data, dict) or not data:
            self.problems.append(
                file.problem((), "expected a list of entries, each under its own key")
            )
            return {}
        items: dict[str, M] = {}
        for key, value in data.items():
            item = self.validate(file, model, (key,), value)
            if item is not None:
                items[str(key)] = item
        return items

    def single(self, name: str, model: type[M]) -> M | None:
        """A file that is one `model` as a whole."""
        file = self.read(self.data_dir / name)
        return self.validate(file, model, (), file.data) if file else None

    def folder(self, name: str, model: type[M]) -> tuple[dict[str, M], dict[str, YamlFile]]:
        """A folder with one `model` per file, keyed by file name (without .yaml): the models
        that are valid, and the file of every id."""
        paths = sorted((self.data_dir / name).glob("*.y*ml"))
        if not paths:
            folder = self.label(self.data_dir / name)
            self.problems.append(Problem(folder, None, "", "holds no files (*.yaml)"))
        self.declared[name] = {path.stem for path in paths}
        items: dict[str, M] = {}
        files: dict[str, YamlFile] = {}
        for path in paths:
            file = self.read(path)
            if file is None:
                continue
            if path.stem in files:
                other = files[path.stem].label
                message = f"duplicate id '{path.stem}': {other} has the same id"
                self.problems.append(file.problem((), message))
                continue
            files[path.stem] = file
            item = self.validate(file, model, (), file.data)
            if item is not None:
                items[path.stem] = item
        return items, files

    def validate(self, file: YamlFile, model: type[M], at: tuple[Any, ...], value: Any) -> M | None:
        """`value` (found at `at` in `file`) as a `model`, or None with its problems noted."""
        if not isinstance(value, dict):
            self.problems.append(file.problem(at, "expected a set of fields (key: value lines)"))
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
                self.problems.append(file.problem(location, explain(detail, model)))
            return None


@dataclass
class DataRead:
    """Everything read from a data folder, before any file is checked against another. A model
    is None (or a table empty) where its file is broken; its problems are in `problems`."""

    reader: DataReader
    sources: dict[str, Source]
    categories: dict[str, Category]
    body_areas: dict[str, BodyArea]
    care_guide: CareGuide | None
    pages: Pages | None
    glossary: dict[str, GlossaryEntry]
    style: Style | None
    warning_signs: WarningSigns | None
    cautions: dict[str, Caution]
    causes: dict[str, Cause]
    cause_files: dict[str, YamlFile]
    checker: Checker | None
    labels: Labels | None
    search_terms: YamlFile | None
    search: SearchSettings | None

    @property
    def problems(self) -> list[Problem]:
        return self.reader.problems


def read_data(data_dir: Path) -> DataRead:
    """Read every file of the data folder `data_dir` into its model."""
    reader = DataReader(data_dir)
    causes, cause_files = reader.folder("causes", Cause)
    return DataRead(
        reader,
        sources=reader.table("sources.yaml", Source),
        categories=reader.table("categories.yaml", Category),
        body_areas=reader.table("body_areas.yaml", BodyArea),
        care_guide=reader.single("care_guide.yaml", CareGuide),
        pages=reader.single("pages.yaml", Pages),
        glossary=reader.table("glossary.yaml", GlossaryEntry),
        style=reader.single("style.yaml", Style),
        warning_signs=reader.single("warning_signs.yaml", WarningSigns),
        cautions=reader.table("cautions.yaml", Caution),
        causes=causes,
        cause_files=cause_files,
        checker=reader.single("checker.yaml", Checker),
        labels=reader.single("labels.yaml", Labels),
        search_terms=reader.read(data_dir / "search_terms.yaml"),
        search=reader.single("search.yaml", SearchSettings),
    )
