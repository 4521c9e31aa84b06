"""The whole site's content once read and checked: one object every later stage reads."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..problems import Problem

if TYPE_CHECKING:
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
    from .tables import DataRead
    from .yaml_file import YamlFile


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
    search: SearchSettings
    checker: Checker
    labels: Labels
    folder: str = "data"
    files: dict[str, YamlFile] = dataclasses.field(default_factory=dict, repr=False)

    @classmethod
    def from_read(cls, read: DataRead, search_terms: dict[str, str]) -> Site:
        """The Site from a reading with no problems left (every model is there)."""
        assert read.care_guide and read.pages and read.style and read.warning_signs
        assert read.checker and read.labels and read.search and not read.problems
        return cls(
            causes=read.causes,
            sources=read.sources,
            categories=read.categories,
            body_areas=read.body_areas,
            care_guide=read.care_guide,
            pages=read.pages,
            glossary=read.glossary,
            style=read.style,
            warning_signs=read.warning_signs,
            cautions=read.cautions,
            search_terms=search_terms,
            search=read.search,
            checker=read.checker,
            labels=read.labels,
            folder=read.reader.data_dir.name,
            files=read.reader.files,
        )

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
