"""Pydantic's validation errors, said in words a health writer can act on."""

from __future__ import annotations

import difflib
from typing import Any

from .models import Model


def _field_names() -> list[str]:
    names: set[str] = set()
    models = [Model]
    while models:
        model = models.pop()
        models += model.__subclasses__()
        names |= set(model.model_fields)
    return sorted(names)


# Every field name any data file may use, for "did you mean" hints on a misspelt one.
KNOWN_FIELDS = _field_names()


def did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def explain(detail: Any) -> str:
    """Turn a pydantic error into words a health writer can act on."""
    kind, ctx, given = detail["type"], detail.get("ctx", {}), detail.get("input")
    field = str(detail["loc"][-1]) if detail["loc"] else ""
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field" + did_you_mean(field, KNOWN_FIELDS)
    if kind == "string_pattern_mismatch":
        if field == "url":
            return f"expected an https:// address, got {given!r}"
        return f"expected a lowercase key like 'low-potassium', got {given!r}"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} item(s), got {len(given)}"
    if kind == "too_long":
        return f"holds at most {ctx['max_length']} items, got {len(given)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(given)} characters long; at most {ctx['max_length']} fit"
    if kind in {"string_type", "list_type", "dict_type", "date_type", "date_from_datetime_parsing"}:
        expected = {
            "string_type": "text",
            "list_type": "a list (lines starting with '- ')",
            "dict_type": "a set of fields",
        }.get(kind, "a date like 2025-01-31")
        return f"expected {expected}, got {_describe(given)}"
    if kind == "literal_error":
        return f"expected {ctx['expected']}, got {given!r}"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    return detail["msg"]


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    return repr(value)
