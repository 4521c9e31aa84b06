"""JSON Schema of a cause file, so YAML editors can check and complete it while a writer types."""

from __future__ import annotations

import json

from .models import Cause

SCHEMA_PATH = "data/schema/cause.schema.json"


def cause_schema() -> str:
    schema = Cause.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "A cause of twitching"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
