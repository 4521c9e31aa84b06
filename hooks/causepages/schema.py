"""JSON Schemas of the data files writers edit, so YAML editors can check and complete them
while a writer types."""

from __future__ import annotations

import json

from pydantic import BaseModel, RootModel

from .checker_models import Checker
from .models import Cause, Caution, WarningSigns

SCHEMA_DIR = "data/schema"


class Cautions(RootModel[dict[str, Caution]]):
    """Every caution, each under its own key."""


# Each schema's file under SCHEMA_DIR, with the model it describes and its title.
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "cause.schema.json": (Cause, "A cause of twitching"),
    "warning_signs.schema.json": (WarningSigns, "The catalogue of warning signs"),
    "cautions.schema.json": (Cautions, "The catalogue of cautions on advice"),
    "checker.schema.json": (Checker, "The questions of 'Check your twitch'"),
}


def schemas() -> dict[str, str]:
    """Each schema's path (from the project root) and its JSON text."""
    texts = {}
    for name, (model, title) in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        texts[f"{SCHEMA_DIR}/{name}"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts
