"""The building blocks every data file shares: text, keys, tiers, the base model and reviews.

Each model forbids unknown fields and is frozen, so a misspelt field name is reported
instead of silently ignored, and nothing changes the data after it has been checked.
The descriptions are exported to JSON Schema, so editors show them as hints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s/$.?#][^\s]*$")]


@dataclass(frozen=True)
class Ref:
    """Marks a key that names an entry elsewhere in the data; `table` says which list it must
    be in: a data file by its name (Ref("sources") for sources.yaml), or one of the lists
    checks/references.py names (signs, answers...). That module checks every Ref."""

    table: str


SourceKey = Annotated[Key, Ref("sources")]
CategoryKey = Annotated[Key, Ref("categories")]
BodyAreaKey = Annotated[Key, Ref("body_areas")]
CautionKey = Annotated[Key, Ref("cautions")]
SignKey = Annotated[Key, Ref("signs")]
HelpLineKey = Annotated[Key, Ref("help_lines")]
CauseKey = Annotated[Key, Ref("causes")]
GuideKey = Annotated[Key, Ref("guides")]
AnswerKey = Annotated[Key, Ref("answers")]

# What fits on one line of a printed checklist, tick box included.
CHECKLIST_ITEM_MAX = 90
CARE_CARD_MAX = 5

# Most serious first: the order care cards are shown in.
Tier = Literal["emergency", "urgent", "see_a_gp"]
TIERS: tuple[Tier, ...] = get_args(Tier)
# Readers some warning signs are only for, and whom a page may speak to as well as adults.
Group = Literal["children", "pregnancy"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
