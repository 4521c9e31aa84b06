"""Pydantic's validation errors, said in words a health writer can act on."""

from __future__ import annotations

import difflib
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails


def fields_at(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    """The field names a writer may use at `location` inside `model`: those of the model that
    the path leads to (through lists, dicts and optional fields), for "did you mean" hints."""
    kind: Any = model
    for part in location:
        kind = _step(_unwrap(kind), part)
    kind = _unwrap(kind)
    return sorted(kind.model_fields) if _is_model(kind) else []


def _unwrap(kind: Any) -> Any:
    """The model or container behind Annotated[...] and X | None (or a line of text | its
    long form, which is a model)."""
    while True:
        origin, args = get_origin(kind), get_args(kind)
        if origin is Annotated:
            kind = args[0]
        elif origin in (Union, UnionType):
            shaped = [a for a in args if _is_model(a) or get_origin(a) not in (None, Literal)]
            kind = shaped[0] if shaped else None
        else:
            return kind


def _step(kind: Any, part: Any) -> Any:
    if _is_model(kind):
        field = kind.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field else None
    origin, args = get_origin(kind), get_args(kind)
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def explain(detail: ErrorDetails, model: type[BaseModel]) -> str:
    """Turn a pydantic error (one of `model`'s) into words a health writer can act on."""
    kind, ctx, given = detail["type"], detail.get("ctx", {}), detail.get("input")
    field = str(detail["loc"][-1]) if detail["loc"] else ""
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field" + did_you_mean(field, fields_at(model, detail["loc"][:-1]))
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
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type", "finite_number"}:
        return f"expected a number, got {_describe(given)}"
    if kind in {"greater_than", "greater_than_equal", "less_than_equal"}:
        bound = {"greater_than": "greater than", "greater_than_equal": "at least"}.get(
            kind, "at most"
        )
        limit = ctx.get("gt", ctx.get("ge", ctx.get("le")))
        return f"expected a number {bound} {limit:g}, got {given!r}"
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
