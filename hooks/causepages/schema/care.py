"""The catalogue of warning signs (tiers, help lines, signs) and the care guide around it."""

from __future__ import annotations

from pydantic import Field

from .base import (
    CARE_CARD_MAX,
    AnswerKey,
    ClinicalReview,
    Group,
    HelpLineKey,
    Key,
    Model,
    SignKey,
    SourceKey,
    Text,
    Tier,
    review_field,
)


class TierAction(Model):
    """What to do for every sign of one tier, written once for the whole site."""

    label: Text = Field(description="A short name for the tier, read out by screen readers.")
    heading: Text = Field(
        description="The call to action with the UK and US numbers, e.g. 'See a GP if'."
    )
    quiz_answer: Text = Field(
        description="The right answer, word for word, to a quiz question about a sign of this tier."
    )
    action: Text = Field(description="What to do, as a sentence, for a result in this tier.")


class TierActions(Model):
    emergency: TierAction
    urgent: TierAction
    see_a_gp: TierAction


class HelpLine(Model):
    """Who to call first for one kind of help, in both countries the site serves."""

    uk: Text = Field(description="The first call in the UK, e.g. 'call your midwife now'.")
    us: Text = Field(description="The first call in the US.")


class SignRoute(Model):
    """A first call that comes before the tier's own (the midwife, a crisis line, poisons)."""

    help_line: HelpLineKey = Field(description="A key from help_lines: who to call first.")
    sources: list[SourceKey] = Field(
        default=[], description="Keys of the sources that say to call there first."
    )


class WarningSign(Model):
    """A symptom that means a reader should get help, and how soon. Written once for the site."""

    words: Text = Field(description="The sign in the reader's words.")
    tier: Tier = Field(description="How soon to get help: emergency, urgent or see_a_gp.")
    sources: list[SourceKey] = Field(
        min_length=1, description="Keys of the sources that set the tier."
    )
    route: SignRoute | None = Field(
        default=None,
        description="A first call that differs from the tier's: shown before the sign everywhere.",
    )
    raised_by: list[list[AnswerKey | list[AnswerKey]]] = Field(
        default=[],
        description="Answers of data/checker.yaml that together are this sign: each entry lists "
        "answers that must all be given; an inner list means any one of those answers.",
    )
    only_for: Group | None = Field(
        default=None,
        description="Set when the sign is only about children or pregnancy: only a cause that "
        "covers that group may list it.",
    )
    clinical_review: ClinicalReview | None = review_field()
    short_card: bool = Field(
        default=False,
        description=f"One of the at most {CARE_CARD_MAX} signs of its tier on the short card "
        "of the 'when to see a doctor' page.",
    )
    in_every_plan: bool = Field(
        default=False, description="Printed at the end of every plan, whichever causes are in it."
    )


class WarningSigns(Model):
    """The catalogue of warning signs (data/warning_signs.yaml)."""

    tiers: TierActions
    help_lines: dict[Key, HelpLine] = Field(default={})
    signs: dict[Key, WarningSign] = Field(min_length=1)

    def route_text(self, key: str) -> str:
        """Who to call first for sign `key` when it has its own route ("UK: ... US: ..."),
        else ''. A route naming an unknown help line is reported by the checks; it gives ''."""
        route = self.signs[key].route
        if route is None or route.help_line not in self.help_lines:
            return ""
        line = self.help_lines[route.help_line]
        return f"UK: {line.uk}. US: {line.us}."


class CareGuide(Model):
    """What the 'when to see a doctor' and appointment pages say around the warning signs."""

    also_heading: Text = Field(description="Over the signs of a tier left off its short card.")
    mentioned_on: Text = Field(description="Before the links to the causes that name a sign.")
    at_the_appointment: list[Text] = Field(min_length=1)
    go_back_heading: Text = Field(description="Over the signs to go back to a GP for.")
    go_back_if: list[SignKey] = Field(
        min_length=1, description="Signs, from data/warning_signs.yaml, to go back to a GP for."
    )
