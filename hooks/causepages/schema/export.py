"""JSON Schemas of the data files writers edit, so YAML editors can check and complete them
while a writer types."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, RootModel

from .care import WarningSigns
from .catalogues import Caution
from .cause import Cause
from .checker import Checker
from .search import SearchSettings


class Cautions(RootModel[dict[str, Caution]]):
    """Every caution, each under its own key."""


# Each schema's file name, with the model it describes and its title.
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "cause.schema.json": (Cause, "A cause of twitching"),
    "warning_signs.schema.json": (WarningSigns, "The catalogue of warning signs"),
    "cautions.schema.json": (Cautions, "The catalogue of cautions on advice"),
    "checker.schema.json": (Checker, "The questions of 'Check your twitch'"),
    "search.schema.json": (SearchSettings, "How the site's search reads queries and ranks pages"),
}


def schemas(folder: Path) -> dict[Path, str]:
    """Each schema's path (in `folder`, the data folder's schema/) and its JSON text."""
    texts = {}
    for name, (model, title) in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        texts[folder / name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts
