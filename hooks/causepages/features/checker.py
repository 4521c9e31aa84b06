""" "Check your twitch": one JSON file of questions and rules, and the page that runs it.

docs/assets/checker.js and checker-rules.js run the JSON in the browser; no medical word or
rule is written there. Without JavaScript the page is a static guide made from the same data:
every warning sign by tier, then which answers point to which pages.
contracts/checker.schema.json is the JSON's contract.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from ..output import Output
from ..rendering.markdown import environment, link, page
from ..routes import (
    CARE_GUIDE,
    CHECK_DATA,
    CHECK_PAGE,
    PLAN,
    cause_path,
    checklist_path,
    page_url,
    relative_url,
)
from ..schema import TIERS
from .care import CareCard, ShownSign, care_cards, sign_text

if TYPE_CHECKING:
    from ..reading.site import Site
    from ..schema import Cause, CheckerStep


def _answers(site: Site, step: CheckerStep) -> list[dict[str, Any]]:
    """A step's answers, with the signs or body areas it offers from the catalogues."""
    answers = []
    if step.signs:
        for key, sign in site.warning_signs.signs.items():
            if sign.tier == step.signs:
                answer = {"id": key, "label": sign.words, "said": sign.words, "sign": key}
                answers.append(answer | ({"only_for": sign.only_for} if sign.only_for else {}))
    if step.body_areas:
        for key, area in site.body_areas.items():
            where = area.name.lower()
            said = f"it twitches {where}" if area.everywhere else f"it twitches in your {where}"
            answers.append({"id": key, "label": area.name, "said": said})
    answers += [answer.model_dump(exclude_defaults=True) for answer in step.answers]
    return [{"weight": step.weight} | answer for answer in answers]


def _href(path: str) -> str:
    """A link from the JSON file to a page, by its source path."""
    return relative_url(CHECK_DATA, page_url(path))


def _cause(site: Site, cause: Cause) -> dict[str, Any]:
    assert cause.checker is not None
    found = {
        "id": cause.id,
        "title": cause.title,
        "href": _href(cause_path(cause)),
        "checklist": _href(checklist_path(cause)),
        "listed_for": cause.checker.listed_for,
        "only_with": cause.checker.only_with,
        "never_with": cause.checker.never_with,
        "commonness": cause.checker.commonness,
        "ages": cause.checker.ages,
        "first_for": cause.checker.first_for,
        "areas": site.areas_shown(cause),
    }
    if cause.checker.note:
        found["note"] = cause.checker.note
    return found


def payload(site: Site) -> dict[str, Any]:
    """Everything the checker needs, in data order; links are relative to the JSON file."""
    checker = site.checker
    actions = site.warning_signs.tiers
    # The tiers of the catalogue, then the checker's own: self-care.
    tiers: dict[str, dict[str, Any]] = {
        tier: {"label": getattr(actions, tier).label, "heading": getattr(actions, tier).action}
        for tier in TIERS
    }
    tiers["self_care"] = checker.self_care.model_dump()
    guides = site.pages.guides
    steps = []
    for step in checker.steps:
        # A safety step must be answered before any result; the others can be skipped.
        shown: dict[str, Any] = {
            "id": step.id,
            "title": step.title,
            "one": step.one,
            "required": step.signs is not None,
        }
        if step.hint:
            shown["hint"] = step.hint
        if step.none:
            shown["none"] = step.none
        if step.since_date:
            shown["since_date"] = True
        if step.guide:
            guide = guides[step.guide]
            shown["guide"] = {"title": guide.title, "href": _href(guide.path)}
        shown["answers"] = _answers(site, step)
        steps.append(shown)
    catalogue = site.warning_signs
    signs = catalogue.signs
    data = {
        "title": checker.title,
        "privacy": checker.privacy,
        "not_a_diagnosis": checker.not_a_diagnosis,
        "words": checker.words.model_dump(),
        "labels": site.labels.checker.model_dump(),
        "notes": [note.model_dump() for note in checker.notes],
        "ranking": checker.ranking.model_dump(),
        "order": [*tiers],
        "tiers": tiers,
        "signs": {
            key: {
                "tier": sign.tier,
                "text": sign_text(site, key),
                "route": catalogue.route_text(key),
            }
            for key, sign in signs.items()
        },
        "steps": steps,
        # Answers that together are a sign: each item of `when` lists alternatives, one needed.
        "raised": [
            {"sign": key, "when": [[a] if isinstance(a, str) else a for a in answers]}
            for key, sign in signs.items()
            for answers in sign.raised_by
        ],
        "causes": [_cause(site, c) for c in site.causes.values() if c.checker],
        "plan": _href(PLAN),
        "questions_to_ask": checker.questions_to_ask,
    }
    # Saved answers belong to one version of the questions.
    data["version"] = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
    return data


def checker_outputs(site: Site) -> list[Output]:
    """The JSON file and the page: the app, and the static guide for readers without scripts."""
    data = payload(site)
    answers = [(step, answer) for step in data["steps"] for answer in step["answers"]]
    titles = {cause.id: cause for cause in site.causes.values()}
    pointers = [
        (
            answer["label"],
            [
                (titles[c["id"]], link(CHECK_PAGE, cause_path(titles[c["id"]])))
                # Everyday causes first, as the checker ranks them.
                for c in sorted(data["causes"], key=lambda c: c["commonness"] != "everyday")
                if answer["id"] in c["listed_for"]
            ],
        )
        for step, answer in answers
        # The safety questions are the care cards above the table; the rest point to pages.
        if not step["required"]
    ]
    checker = site.checker
    # The card the script fills in for a result: it sets the tier and the words.
    placeholder = CareCard("see_a_gp", "", "", [ShownSign("", "")])
    front = {
        "title": checker.title,
        "description": checker.intro,
        "search": {"kind": "tool", "words": checker.keywords, "text": False},
        "hide": ["toc"],
    }
    content = page(
        environment(),
        "checker.md.j2",
        front,
        checker=checker,
        data_url=relative_url(page_url(CHECK_PAGE), CHECK_DATA),
        cards=care_cards(site, list(site.warning_signs.signs)),
        placeholder_card=placeholder,
        pointers=[(label, causes) for label, causes in pointers if causes],
        guide=link(CHECK_PAGE, CARE_GUIDE),
        review=checker.clinical_review,
    )
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return [Output(CHECK_DATA, text), Output(CHECK_PAGE, content)]
