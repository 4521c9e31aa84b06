"""Rules that keep "Check your twitch" in step with the rest of the data: every answer id is
used once, and every urgent or emergency sign a cause lists can be
reached by some answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import TIERS

if TYPE_CHECKING:
    from ..problems import Problem
    from ..reading.yaml_file import YamlFile
    from ..schema import BodyArea, Cause, Checker, WarningSigns


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
    problems: list[Problem],
) -> set[str]:
    """Each step id and answer id of data/checker.yaml is used once; returns the answer ids
    the other data files may name."""
    seen: set[str] = set()
    for s, step in enumerate(checker.steps):
        if step.id in seen:
            problems.append(file.problem(("steps", s, "id"), f"'{step.id}' is used twice"))
        seen.add(step.id)
    ids: set[str] = set()
    for path, key in answer_ids(checker, catalogue, areas):
        if key in ids:
            problems.append(file.problem(path, f"the answer id '{key}' is used twice"))
        ids.add(key)
    return ids


def check_cause_in_checker(
    file: YamlFile,
    cause: Cause,
    checker: Checker,
    catalogue: WarningSigns,
    problems: list[Problem],
) -> None:
    """Every urgent or emergency sign a cause in the checker lists can be reached: asked in a
    safety step (for the readers it is for) or raised by answers."""
    if cause.checker is None:
        return
    shown_for = {
        group for step in checker.steps for a in step.answers for group in a.shows_signs_for
    }
    asked = {step.signs for step in checker.steps if step.signs}
    for index, ref in enumerate(cause.warning_signs):
        sign = catalogue.signs.get(ref.sign)
        if sign is None or sign.tier not in TIERS[:2] or sign.raised_by:
            continue
        if sign.tier not in asked or (sign.only_for and sign.only_for not in shown_for):
            message = (
                f"'{ref.sign}' is an {sign.tier} sign, but no answer of data/checker.yaml can "
                f"reach it: ask its tier in a step with `signs: {sign.tier}`, or declare the "
                "answers that raise it (`raised_by` in data/warning_signs.yaml)"
            )
            problems.append(file.problem(("warning_signs", index), message))
