"""Rules that keep the warning-sign catalogue the single word on when to get help.

A sign is written once, with one tier and its sources; causes may only point at signs, and
a quiz question about a sign must give that sign's tier as its right answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..datafiles import SIGNS_FILE
from ..schema import CARE_CARD_MAX, TIERS

if TYPE_CHECKING:
    from ..problems import Problem
    from ..reading.yaml_file import YamlFile
    from ..schema import Cause, WarningSigns


def check_catalogue(file: YamlFile, catalogue: WarningSigns, problems: list[Problem]) -> None:
    """A route has sources, no two signs say the same, each tier has a short card."""
    said: dict[str, str] = {}
    short: dict[str, int] = dict.fromkeys(TIERS, 0)
    for key, sign in catalogue.signs.items():
        if sign.route is not None and not sign.route.sources:
            message = (
                "has no sources: list the keys of the sources that say to call "
                f"'{sign.route.help_line}' first"
            )
            problems.append(file.problem(("signs", key, "route"), message))
        words = " ".join(re.findall(r"[a-z0-9]+", sign.words.casefold()))
        if words in said:
            message = f"says the same as '{said[words]}'; write each sign once and point to it"
            problems.append(file.problem(("signs", key, "words"), message))
        said.setdefault(words, key)
        short[sign.tier] += sign.short_card
    for tier, count in short.items():
        if not 1 <= count <= CARE_CARD_MAX:
            message = (
                f"{count} {tier} signs are marked short_card; "
                f"mark between 1 and {CARE_CARD_MAX} of each tier"
            )
            problems.append(file.problem(("signs",), message))


def check_cause_signs(
    file: YamlFile,
    cause: Cause,
    catalogue: WarningSigns,
    problems: list[Problem],
) -> None:
    """A cause lists each sign once, only signs for the readers it covers, no more of a tier
    than fit on a card, and its questions on a sign answer as the catalogue says."""
    signs = catalogue.signs
    keys = [ref.sign for ref in cause.warning_signs]
    per_tier: dict[str, int] = dict.fromkeys(TIERS, 0)
    for index, key in enumerate(keys):
        if key in keys[:index]:
            problems.append(file.problem(("warning_signs", index), f"'{key}' is listed twice"))
        if key in signs:
            per_tier[signs[key].tier] += 1
        if key in signs and signs[key].only_for not in (None, *cause.covers):
            group = signs[key].only_for
            message = (
                f"'{key}' is a sign only for {group}, but this page does not cover {group}: "
                f"add `covers: [{group}]` if it speaks to them, or choose another sign"
            )
            problems.append(file.problem(("warning_signs", index), message))
    for tier, count in per_tier.items():
        if count > CARE_CARD_MAX:
            message = f"lists {count} {tier} signs; at most {CARE_CARD_MAX} fit on one care card"
            problems.append(file.problem(("warning_signs",), message))

    actions = {getattr(catalogue.tiers, tier).quiz_answer for tier in TIERS}
    for index, question in enumerate(cause.quiz):
        if question.sign is None:
            # A question that offers what to do must say about which sign, so it can be checked.
            offered = [choice for choice in question.choices if choice in actions]
            if offered:
                message = (
                    f"offers '{offered[0]}' as a choice: name the warning sign the question is "
                    "about with `sign:`, so its answer is checked against that sign's tier"
                )
                problems.append(file.problem(("quiz", index), message))
            continue
        if question.sign not in signs:  # reported with the other references
            continue
        tier = signs[question.sign].tier
        # A sign with its own first call is answered by that call, as every page shows it.
        route = catalogue.route_text(question.sign)
        expected = route or getattr(catalogue.tiers, tier).quiz_answer
        if question.answers != [expected]:
            why = "has its own first call" if route else f"is a sign of the {tier} tier"
            message = (
                f"'{question.sign}' {why}, so the right answer must be '{expected}' as in "
                f"{SIGNS_FILE}"
            )
            problems.append(file.problem(("quiz", index, "answers"), message))
