"""The shape of the content: every field a health writer may put in the YAML files.

Each model forbids unknown fields and is frozen, so a misspelt field name is reported
instead of silently ignored, and nothing changes the data after it has been checked.
The descriptions below are exported to JSON Schema, so editors show them as hints.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s/$.?#][^\s]*$")]

# What fits on one line of a printed checklist, tick box included.
CHECKLIST_ITEM_MAX = 90
CARE_CARD_MAX = 5

# The sections of a cause page, in the order a reader meets them: key and heading.
SECTIONS: dict[str, str] = {
    "what-happens": "What happens",
    "where-in-the-body": "Where in the body",
    "who-is-more-likely-to-get-it": "Who is more likely to get it",
    "what-helps-now": "What helps now",
    "how-to-prevent-it": "How to prevent it",
    "when-to-see-a-doctor": "When to see a doctor",
    "myths-and-facts": "Myths and facts",
    "related-causes": "Related pages",
    "check-your-understanding": "Check your understanding",
    "sources": "Sources",
}
# Over the prevention list of a cause that cannot itself be prevented (it has a prevention_note):
# a heading promising prevention would mislead a worried reader.
NOT_PREVENTABLE_HEADING = "What you can do"

SectionKey = Literal[
    "what-happens",
    "where-in-the-body",
    "who-is-more-likely-to-get-it",
    "what-helps-now",
    "how-to-prevent-it",
    "when-to-see-a-doctor",
    "myths-and-facts",
]

Tier = Literal["emergency", "urgent", "see_a_gp"]
# Readers some warning signs are only for, and whom a page may speak to as well as adults.
Group = Literal["children", "pregnancy"]
# Most serious first: the order care cards are shown in.
TIERS: tuple[Tier, ...] = ("emergency", "urgent", "see_a_gp")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Model):
    """One reference, cited by its key from the causes."""

    organisation: Text = Field(description="Who published it, e.g. 'NHS'.")
    title: Text = Field(description="The page or article title.")
    url: HttpsUrl = Field(description="Full address; https only.")
    accessed: dt.date = Field(description="When a writer last read it (YYYY-MM-DD).")


class Category(Model):
    """A kind of cause, used to group the causes index and the navigation."""

    name: Text
    description: Text


class BodyArea(Model):
    """A part of the body where a twitch can be felt."""

    name: Text
    words: list[Text] = Field(
        default=[],
        description="Words for this area in a cause's where_in_the_body text; a cause whose text "
        "uses one must list the area in body_areas.",
    )
    everywhere: bool = Field(
        default=False, description="A cause with this area shows under every area of the map."
    )


class ClinicalReview(Model):
    """A review by a clinician of a sign, a page or a rule. Record only a review that happened."""

    by: Text = Field(description="The clinician's name, as they agreed to have it shown.")
    role: Text = Field(description="Their role, e.g. 'GP' or 'paediatric nurse'.")
    date: dt.date = Field(description="When they reviewed it (YYYY-MM-DD); not in the future.")

    @model_validator(mode="after")
    def _not_in_the_future(self) -> ClinicalReview:
        if self.date > dt.date.today():
            raise ValueError(
                f"date {self.date.isoformat()} is in the future: record a review once it has "
                "happened"
            )
        return self


def review_field() -> Any:
    """The optional `clinical_review` field that signs, pages and the checker share."""
    return Field(
        default=None,
        description="A clinician's review (by, role, date). Leave it out until one has happened: "
        "the page then says it has not been reviewed by a clinician.",
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

    help_line: Key = Field(description="A key from help_lines: who to call first.")
    sources: list[Key] = Field(
        default=[], description="Keys of the sources that say to call there first."
    )


class WarningSign(Model):
    """A symptom that means a reader should get help, and how soon. Written once for the site."""

    words: Text = Field(description="The sign in the reader's words.")
    tier: Tier = Field(description="How soon to get help: emergency, urgent or see_a_gp.")
    sources: list[Key] = Field(min_length=1, description="Keys of the sources that set the tier.")
    route: SignRoute | None = Field(
        default=None,
        description="A first call that differs from the tier's: shown before the sign everywhere.",
    )
    raised_by: list[list[Key | list[Key]]] = Field(
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


class Caution(Model):
    """Readers for whom some advice needs a check with a doctor first (data/cautions.yaml)."""

    who: Text = Field(description="The group of readers, e.g. 'kidney disease or dialysis'.")
    advice: Text = Field(description="What they should do first, shown next to the item.")
    sources: list[Key] = Field(min_length=1)


def _plain_text_is_text(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


class AdviceItem(Model):
    """A self-care or prevention item, with the cautions that travel with it everywhere."""

    text: Text
    cautions: list[Key] = Field(default=[], description="Keys from data/cautions.yaml.")


# A plain line of text, or `text:` with `cautions:` when some readers must check first.
Advice = Annotated[
    AdviceItem, BeforeValidator(_plain_text_is_text, json_schema_input_type=Text | AdviceItem)
]


class ChecklistItem(AdviceItem):
    text: Annotated[Text, StringConstraints(max_length=CHECKLIST_ITEM_MAX)]


Prevention = Annotated[
    ChecklistItem,
    BeforeValidator(_plain_text_is_text, json_schema_input_type=Text | ChecklistItem),
]


class SignRef(Model):
    sign: Key = Field(description="A key from data/warning_signs.yaml.")
    note: Text | None = Field(
        default=None, description="Makes the sign concrete for this cause; shown after it."
    )


def _plain_key_is_sign(value: object) -> object:
    return {"sign": value} if isinstance(value, str) else value


WarningSignRef = Annotated[
    SignRef, BeforeValidator(_plain_key_is_sign, json_schema_input_type=Key | SignRef)
]


class Myth(Model):
    myth: Text = Field(description="What people often believe, in their words.")
    fact: Text = Field(description="What the evidence says instead.")


class Question(Model):
    """A quiz question that checks what matters to a reader."""

    kind: Literal["single", "true-false", "multiple"] = Field(
        description="single: one right choice; true-false: choices True and False; "
        "multiple: choose all that apply."
    )
    question: Text
    choices: list[Text] = Field(min_length=2)
    answers: list[Text] = Field(min_length=1, description="The right choices, copied exactly.")
    explanation: Text = Field(description="Why, in one or two sentences.")
    sign: Key | None = Field(
        default=None,
        description="For a question on what to do about a warning sign: its key. The right "
        "answer must then be that sign's tier's quiz_answer.",
    )
    section: SectionKey = Field(description="The section of the cause page that teaches it.")

    @model_validator(mode="after")
    def _answers_fit_choices(self) -> Question:
        if len(set(self.choices)) != len(self.choices):
            raise ValueError("each choice must be different")
        unknown = [a for a in self.answers if a not in self.choices]
        if unknown:
            raise ValueError(f"answer {unknown[0]!r} is not one of the choices")
        if self.kind == "true-false" and self.choices != ["True", "False"]:
            raise ValueError("a true-false question must have exactly the choices True, False")
        if self.kind != "multiple" and len(self.answers) != 1:
            raise ValueError(f"a {self.kind} question must have exactly one answer")
        return self


Commonness = Literal["everyday", "uncommon"]


class CauseInChecker(Model):
    """Which answers of the checker (data/checker.yaml) make this cause worth reading, and how
    likely it is for whom, so the pages listed respect base rates."""

    listed_for: list[Key] = Field(
        min_length=1, description="Answer ids; each one given lists the cause, and ranks it higher."
    )
    only_with: list[Key] = Field(
        default=[],
        description="If set, the cause is listed only when one of these answers was given too.",
    )
    note: Text | None = Field(default=None, description="Shown with the cause when it is listed.")
    never_with: list[Key] = Field(
        default=[], description="Answers that rule this page out (menopause: 'pregnant')."
    )
    commonness: Commonness = Field(
        description="everyday: a common, usually harmless cause; uncommon: listed below every "
        "everyday cause unless 2 or more of its own answers were given."
    )
    ages: list[Key] = Field(
        min_length=1,
        description="Answers of the age step for the ages it is usual in. At other ages an "
        "everyday cause is listed below those that fit, and an uncommon one is not listed.",
    )
    first_for: list[Key] = Field(
        default=[], description="Answers that put this page first (pregnancy: 'pregnant')."
    )


class Cause(Model):
    """One cause of twitching. The file name (without .yaml) is its id."""

    id: Key = Field(description="Must match the file name, e.g. 'caffeine' in caffeine.yaml.")
    title: Text = Field(description="Plain words first, e.g. 'Too much caffeine'.")
    medical_term: Text | None = Field(default=None, description="Shown in brackets after title.")
    category: Key = Field(description="A key from data/categories.yaml.")
    summary: Text = Field(max_length=300, description="One or two short sentences.")
    scope_note: Text | None = Field(
        default=None, description="Why this page covers what it does (split or merged)."
    )
    what_happens: list[Text] = Field(min_length=1, description="Short paragraphs.")
    how_common: Text
    how_serious: Text
    body_areas: list[Key] = Field(min_length=1, description="Keys from data/body_areas.yaml.")
    where_in_the_body: Text
    who_is_more_likely: list[Text] = Field(min_length=1)
    first_step: Literal["self-care", "see-a-doctor"] = Field(
        description="What most readers should do first."
    )
    self_care: list[Advice] = Field(min_length=1, description="What helps now.")
    prevention: list[Prevention] = Field(
        min_length=1,
        description=f"Checklist items, each at most {CHECKLIST_ITEM_MAX} characters.",
    )
    prevention_note: Text | None = Field(
        default=None,
        description="Shown before the checklist when the cause itself cannot be prevented.",
    )
    plan_prompt: Text = Field(
        description="A situation a reader ticks, e.g. 'I drink a lot of coffee'."
    )
    reader_groups: list[Key] = Field(
        default=[],
        description="Keys from data/cautions.yaml that fit everyone who ticks plan_prompt: "
        "a plan that includes this cause flags advice carrying those cautions.",
    )
    warning_signs: list[WarningSignRef] = Field(
        min_length=1,
        description="Keys from data/warning_signs.yaml (or `sign:` with a `note:`); "
        f"at most {CARE_CARD_MAX} of each tier.",
    )
    covers: list[Group] = Field(
        default=[],
        description="Groups this page speaks to besides adults in general (children, "
        "pregnancy); it may then list the warning signs only for them.",
    )
    myths: list[Myth] = Field(default=[])
    related: list[Key] = Field(default=[], description="Ids of other causes.")
    checker: CauseInChecker | None = Field(
        default=None, description="When 'Check your twitch' lists this cause."
    )
    see_also: list[Key] = Field(
        default=[], description="Keys of guides in data/pages.yaml (guides) to read next."
    )
    keywords: list[Text] = Field(min_length=1, description="Words people type to find this page.")
    quiz: list[Question] = Field(min_length=2)
    sources: list[Key] = Field(min_length=2, description="Keys from data/sources.yaml.")
    last_checked: dt.date = Field(
        description="When a writer last checked the page against its sources (YYYY-MM-DD). "
        "This is not a clinical review."
    )
    next_check_due: dt.date = Field(description="When the next check against the sources is due.")
    clinical_review: ClinicalReview | None = review_field()

    def section_title(self, key: str) -> str:
        """The heading of one of this page's sections, by its key in SECTIONS."""
        if key == "how-to-prevent-it" and self.prevention_note:
            return NOT_PREVENTABLE_HEADING
        return SECTIONS[key]

    @model_validator(mode="after")
    def _review_order(self) -> Cause:
        if self.next_check_due <= self.last_checked:
            raise ValueError("next_check_due must come after last_checked")
        return self


class CareGuide(Model):
    """What the 'when to see a doctor' and appointment pages say around the warning signs."""

    also_heading: Text = Field(description="Over the signs of a tier left off its short card.")
    mentioned_on: Text = Field(description="Before the links to the causes that name a sign.")
    at_the_appointment: list[Text] = Field(min_length=1)
    go_back_heading: Text = Field(description="Over the signs to go back to a GP for.")
    go_back_if: list[Key] = Field(
        min_length=1, description="Signs, from data/warning_signs.yaml, to go back to a GP for."
    )


class PageIntro(Model):
    title: Text
    intro: Text = Field(description="One or two short sentences under the title.")
    keywords: list[Text] = Field(default=[], description="Words people type to find this page.")
    clinical_review: ClinicalReview | None = review_field()


class ChecklistsIntro(PageIntro):
    """The checklists index, and what the checklist PDFs say about themselves."""

    all_title: Text = Field(description="Title of the PDF that holds every checklist.")
    author: Text = Field(description="Who publishes the PDFs, shown in their properties.")


class PlanIntro(PageIntro):
    """The plan page. Its intro must hold without JavaScript, when every checklist is listed;
    how_to is shown with the form, which needs the script."""

    how_to: Text = Field(description="How to use the form, shown above it.")
    clash: Text = Field(
        description="Shown at an item whose caution fits a cause the reader ticked."
    )


class Guide(Model):
    """A hand-written page under docs/ that cause pages can point readers to."""

    title: Text
    path: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.md$")] = Field(
        description="Its file under docs/, e.g. what-counts-as-weakness.md."
    )
    warning_signs: list[Key] = Field(
        default=[],
        description="Keys from data/warning_signs.yaml, drawn as care cards where the page has "
        "the line <!-- warning-signs -->.",
    )
    clinical_review: ClinicalReview | None = review_field()


class Pages(Model):
    """Titles and opening lines of the pages built from the data as a whole."""

    causes: PageIntro
    when_to_see_a_doctor: PageIntro
    appointment: PageIntro
    glossary: PageIntro
    myths: PageIntro
    checklists: ChecklistsIntro
    plan: PlanIntro = Field(description="The 'build my plan' page.")
    quiz: PageIntro = Field(description="The quiz page, with every question.")
    guides: dict[Key, Guide] = Field(default={}, description="Hand-written pages causes link to.")


class GlossaryEntry(Model):
    """A medical word explained in plain words. Its first use on a cause page links here."""

    term: Text
    meaning: Text
    forms: list[Text] = Field(
        default=[],
        description="Other spellings that link here, e.g. plurals. The term always does.",
    )


class Style(Model):
    """House style that the build checks in every text."""

    misspellings: dict[str, Text] = Field(description="A known wrong spelling and its fix.")
