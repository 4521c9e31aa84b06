"""Rules that keep "Check your twitch" in step with the rest of the data: every answer id is
used once, every sign and guide it names exists, and causes point only at real answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cross_checks import check_keys
from .warning_sign_checks import check_sign

if TYPE_CHECKING:
    from .checker_models import Checker
    from .models import BodyArea, Cause, WarningSigns
    from .yaml_files import Problem, YamlFile


def answer_ids(
    checker: Checker, catalogue: WarningSigns, areas: dict[str, BodyArea]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Every answer id with the field path that gives it. Sign steps offer each sign of their
    tier (its key is the answer id); a body-area step offers each area (its key)."""
    ids: list[tuple[tuple[str | int, ...], str]] = []
    for s, step in enumerate(checker.steps):
        if step.signs:
            keys = [k for k, sign in catalogue.signs.items() if sign.tier == step.signs]
            ids += [(("steps", s, "signs"), key) for key in keys]
        if step.body_areas:
            ids += [(("steps", s, "body_areas"), key) for key in areas]
        ids += [
            (("steps", s, "answers", a, "id"), answer.id) for a, answer in enumerate(step.answers)
        ]
    return ids


def check_checker(
    file: YamlFile,
    checker: Checker,
    catalogue: WarningSigns,
    areas: dict[str, BodyArea],
    guides: set[str] | None,
    problems: list[Problem],
) -> set[str]:
    """Problems with data/checker.yaml itself; returns the answer ids causes may use."""
    seen: dict[str, str] = {}
    for s, step in enumerate(checker.steps):
        if step.id in seen:
            problems.append(file.problem(("steps", s, "id"), f"'{step.id}' is used twice"))
        seen[step.id] = "a step"
        if step.guide:
            check_keys(
                file,
                ("steps", s, "guide"),
                [step.guide],
                guides,
                "the guides in data/pages.yaml",
                problems,
                single=True,
            )
        for a, answer in enumerate(step.answers):
            if answer.sign:
                check_sign(
                    file, ("steps", s, "answers", a, "sign"), answer.sign, catalogue, problems
                )
    for c, combined in enumerate(checker.combined):
        check_sign(file, ("combined", c, "sign"), combined.sign, catalogue, problems)
    ids: set[str] = set()
    for path, key in answer_ids(checker, catalogue, areas):
        if key in ids:
            problems.append(file.problem(path, f"the answer id '{key}' is used twice"))
        ids.add(key)
    for c, combined in enumerate(checker.combined):
        where = "the answers of the steps"
        check_keys(file, ("combined", c, "when"), combined.when, ids, where, problems)
    return ids


def check_cause_in_checker(
    file: YamlFile, cause: Cause, ids: set[str], problems: list[Problem]
) -> None:
    if cause.checker is None:
        return
    where = "the answers of data/checker.yaml"
    check_keys(file, ("checker", "listed_for"), cause.checker.listed_for, ids, where, problems)
    check_keys(file, ("checker", "only_with"), cause.checker.only_with, ids, where, problems)
