"""Care cards drawn from the one catalogue of warning signs.

Every page that tells a reader when to get help (cause pages, checklists and their PDFs, the
plan builder, the site-wide guide, the appointment page) takes its cards from here, so a sign
has the same words and the same tier wherever it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..output import Output
from ..rendering.markdown import intro_page, link
from ..routes import APPOINTMENT, CARE_GUIDE, cause_path
from ..schema import TIERS

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..reading.site import Site
    from ..schema import Cause, SignRef, Tier


@dataclass(frozen=True)
class ShownSign:
    """One sign as a reader sees it: its first call when it has its own, its words, and a
    cause's note."""

    id: str
    words: str
    route: str = ""
    note: str = ""

    @property
    def text(self) -> str:
        """The route first, then the words: every page shows a sign this way."""
        return f"{self.route} {self.words}" if self.route else self.words

    @property
    def full_text(self) -> str:
        return f"{self.text} {self.note}" if self.note else self.text


@dataclass(frozen=True)
class CareCard:
    """The signs of one tier, under that tier's call to action."""

    tier: Tier
    label: str
    heading: str
    signs: list[ShownSign]


def shown_sign(site: Site, key: str, note: str = "") -> ShownSign:
    """A sign as every page shows it, from its key in the catalogue."""
    return ShownSign(
        key, site.warning_signs.signs[key].words, site.warning_signs.route_text(key), note
    )


def sign_text(site: Site, key: str) -> str:
    """A sign's first call, when it has its own, then its words."""
    return shown_sign(site, key).text


def care_cards(site: Site, refs: list[SignRef] | list[str]) -> list[CareCard]:
    """Cards for the given signs (keys, or references with notes), most serious tier first.

    Within a tier, signs keep the order they are given in. Tiers with no sign are left out.
    """
    by_tier: dict[Tier, list[ShownSign]] = {tier: [] for tier in TIERS}
    for ref in refs:
        key, note = (ref, None) if isinstance(ref, str) else (ref.sign, ref.note)
        tier = site.warning_signs.signs[key].tier
        by_tier[tier].append(shown_sign(site, key, note or ""))
    actions = site.warning_signs.tiers
    return [
        CareCard(tier, getattr(actions, tier).label, getattr(actions, tier).heading, signs)
        for tier, signs in by_tier.items()
        if signs
    ]


def cause_cards(site: Site, cause: Cause) -> list[CareCard]:
    return care_cards(site, cause.warning_signs)


def causes_naming(site: Site) -> dict[str, list[Cause]]:
    """Each sign's key, with the causes that list it, in the order of the causes."""
    naming: dict[str, list[Cause]] = {key: [] for key in site.warning_signs.signs}
    for cause in site.causes.values():
        for ref in cause.warning_signs:
            naming[ref.sign].append(cause)
    return naming


def guide_cards(site: Site) -> list[tuple[CareCard, list[ShownSign]]]:
    """Every sign of the catalogue, by tier: the short card, then the rest of that tier."""
    signs = site.warning_signs.signs
    cards = care_cards(site, [key for key, sign in signs.items() if sign.short_card])
    rest: dict[Tier, list[ShownSign]] = {card.tier: [] for card in cards}
    for card in care_cards(site, [key for key, sign in signs.items() if not sign.short_card]):
        rest[card.tier] = card.signs
    return [(card, rest[card.tier]) for card in cards]


def every_plan_signs(site: Site) -> list[str]:
    """The signs printed at the end of every plan, whichever causes it holds."""
    return [key for key, sign in site.warning_signs.signs.items() if sign.in_every_plan]


def care_outputs(env: Environment, site: Site) -> list[Output]:
    """ "When to see a doctor" (every sign by tier, with the pages naming it) and "What to
    expect at an appointment" (with the signs to go back for)."""
    naming = {
        key: [(cause, link(CARE_GUIDE, cause_path(cause))) for cause in causes]
        for key, causes in causes_naming(site).items()
    }
    return [
        intro_page(
            env,
            CARE_GUIDE,
            "care_guide.md.j2",
            site.pages.when_to_see_a_doctor,
            "guide",
            cards=guide_cards(site),
            also_heading=site.care_guide.also_heading,
            mentioned_on=site.care_guide.mentioned_on,
            naming=naming,
            appointment=link(CARE_GUIDE, APPOINTMENT),
        ),
        intro_page(
            env,
            APPOINTMENT,
            "appointment.md.j2",
            site.pages.appointment,
            "guide",
            steps=site.care_guide.at_the_appointment,
            go_back_heading=site.care_guide.go_back_heading,
            cards=care_cards(site, site.care_guide.go_back_if),
            guide=link(APPOINTMENT, CARE_GUIDE),
        ),
    ]
