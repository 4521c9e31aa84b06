"""What is wrong with the data: one Problem per mistake, raised together as one DataError.

Every stage (reading, checks, house rules, PDFs) reports into the same list, so a writer sees
every problem at once, each with its file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, said so a writer can find and fix it."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        what = f"field '{self.field}': " if self.field else ""
        return f"{where}: {what}{self.message}"


class DataError(Exception):
    """Raised once, listing every problem found, so a writer can fix them in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The site data has {count}:\n{lines}")
