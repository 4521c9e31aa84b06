"""Rules that keep "Check your twitch" in step with the rest of the data: every answer id is
used once, every sign, source and guide it names exists, the answers that raise a sign are real,
causes point only at real answers, and every urgent or emergency sign a cause lists can be
reached by some answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cross_checks import check_keys
from .warning_sign_checks import check_sign

if TYPE_CHECKING:
    from .checker_models import Checker
    from .models import BodyArea, Cause, Key, WarningSigns
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
    signs_file: YamlFile,
    checker: Checker,
    catalogue: WarningSigns,
    areas: dict[str, BodyArea],
    guides: set[str] | None,
    sources: set[str] | None,
    problems: list[Problem],
) -> set[str]:
    """Problems with data/checker.yaml itself, and with the answers the catalogue's signs are
    raised by; returns the answer ids causes may use."""
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
        check_keys(
            file, ("steps", s, "sources"), step.sources, sources, "data/sources.yaml", problems
        )
        for a, answer in enumerate(step.answers):
            if answer.sign:
                check_sign(
                    file, ("steps", s, "answers", a, "sign"), answer.sign, catalogue, problems
                )
    ids: set[str] = set()
    for path, key in answer_ids(checker, catalogue, areas):
        if key in ids:
            problems.append(file.problem(path, f"the answer id '{key}' is used twice"))
        ids.add(key)
    where = "the answers of data/checker.yaml"
    for n, note in enumerate(checker.notes):
        check_keys(file, ("notes", n, "when"), [note.when], ids, where, problems, single=True)
    for key, sign in catalogue.signs.items():
        for r, answers in enumerate(sign.raised_by):
            for a, answer in enumerate(answers):
                at = ("signs", key, "raised_by", r, a)
                alternatives = [answer] if isinstance(answer, str) else answer
                check_keys(signs_file, at, alternatives, ids, where, problems, single=True)
    return ids


def check_cause_in_checker(
    file: YamlFile,
    cause: Cause,
    checker: Checker,
    catalogue: WarningSigns,
    ids: set[str],
    problems: list[Problem],
) -> None:
    """A cause's checker answers exist, and every urgent or emergency sign it lists can be
    reached: asked in a safety step (for the readers it is for) or raised by answers."""
    if cause.checker is None:
        return
    where = "the answers of data/checker.yaml"
    for field in ("listed_for", "only_with", "never_with", "ages", "first_for"):
        keys: list[Key] = getattr(cause.checker, field)
        check_keys(file, ("checker", field), keys, ids, where, problems)
    shown_for = {
        group for step in checker.steps for a in step.answers for group in a.shows_signs_for
    }
    asked = {step.signs for step in checker.steps if step.signs}
    for index, ref in enumerate(cause.warning_signs):
        sign = catalogue.signs.get(ref.sign)
        if sign is None or sign.tier not in ("emergency", "urgent") or sign.raised_by:
            continue
        if sign.tier not in asked or (sign.only_for and sign.only_for not in shown_for):
            message = (
                f"'{ref.sign}' is an {sign.tier} sign, but no answer of data/checker.yaml can "
                f"reach it: ask its tier in a step with `signs: {sign.tier}`, or declare the "
                "answers that raise it (`raised_by` in data/warning_signs.yaml)"
            )
            problems.append(file.problem(("warning_signs", index), message))
