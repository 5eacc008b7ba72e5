"""Turn model errors and broken cross-references into Problems trainers can act on."""

from __future__ import annotations

import difflib
import re
import typing
import unicodedata
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem
from .loader import Document, format_path
from .model import TIME_PATTERN


def normalise(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: for lenient matching."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def suggest(value: str, known: Iterable[str]) -> str | None:
    """The known name ``value`` was most likely meant to be, or None when none is close.

    Names that differ only in their digits are different things (s12 is not a typo of s2),
    so they are never suggested.
    """
    known = sorted(set(known))
    by_norm = {normalise(k): k for k in known}
    if normalise(value) in by_norm:
        return by_norm[normalise(value)]
    for candidate in difflib.get_close_matches(value, known, n=3, cutoff=0.75):
        if re.sub(r"\d+", "#", candidate) != re.sub(r"\d+", "#", value):
            return candidate
    return None


def describe(value: Any) -> str:
    """How a YAML value looks to a trainer: 'a list', 'a number', 'text'..."""
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{short}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return f"a {type(value).__name__}"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the field at ``loc`` (for 'did you mean')."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside list[X], X | None and the like, or the annotation itself."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation


def _field_description(model: type[BaseModel], loc: tuple) -> str:
    owner = _model_at(model, loc[:-1])
    if owner is None:
        return ""
    info = owner.model_fields.get(loc[-1])
    return (info.description or "") if info else ""


def _is_time_field(model: type[BaseModel], loc: tuple) -> bool:
    owner = _model_at(model, loc[:-1])
    info = owner.model_fields.get(str(loc[-1])) if owner else None
    return info is not None and any(
        getattr(m, "pattern", None) == TIME_PATTERN for m in info.metadata
    )


def _clock(sexagesimal: int) -> str:
    """570 -> '9:30': undo YAML 1.1's reading of 9:30 as base-60 (and 9:30:00 likewise)."""
    if sexagesimal >= 24 * 60:
        hours, rest = divmod(sexagesimal, 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{sexagesimal // 60}:{sexagesimal % 60:02d}"


def _message(err: ErrorDetails, model: type[BaseModel]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    loc = tuple(err["loc"])
    if kind == "missing":
        hint = _field_description(model, loc)
        return f"missing required field '{loc[-1]}'." + (f" Add it: {hint}" if hint else "")
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = list(owner.model_fields) if owner else []
        close = suggest(str(loc[-1]), allowed)
        if close:
            return f"unknown field '{loc[-1]}'. Did you mean '{close}'?"
        return f"unknown field '{loc[-1]}'. Allowed fields: {', '.join(allowed)}."
    if kind == "string_type" and _is_time_field(model, loc) and isinstance(value, int):
        return (
            f"YAML reads 9:30-style times as numbers; write the time in quotes: '{_clock(value)}'."
        )
    if kind == "string_type":
        return (
            f"expected text, got {describe(value)}. Write it as text on one line or as a block (|)."
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {describe(value)}."
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {describe(value)}."
    if kind == "list_type":
        return f"expected a list (one '- ' line per item), got {describe(value)}."
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a group of fields (name: value lines), got {describe(value)}."
    if kind == "literal_error":
        return f"{describe(value)} is not allowed here. Use one of: {ctx.get('expected')}."
    if kind == "too_short":
        n = ctx.get("min_length")
        return f"needs at least {n} item{'s' if n != 1 else ''}, found {ctx.get('actual_length')}."
    if kind == "string_too_short":
        return "must not be empty."
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters."
    if kind == "string_pattern_mismatch":
        if "https" in str(ctx.get("pattern")):
            return (
                f"{describe(value)} is not a web address; it must start with https:// or http://."
            )
        if ":" in str(ctx.get("pattern")):
            return f"{describe(value)} is not a time; write it as HH:MM, e.g. 09:00."
        if "\\." in str(ctx.get("pattern")):
            return f"{describe(value)} is not an SDG target; write it like 5.5 or 5.b."
        return (
            f"{describe(value)} is not a valid id. Use lower-case letters, digits and "
            "hyphens, e.g. trade-facilitation."
        )
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}, got {describe(value)}."
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}, got {describe(value)}."
    if kind.startswith("date"):
        return f"expected a date written YYYY-MM-DD, got {describe(value)}."
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])).rstrip(".") + "."
    return err["msg"] + "."


def _place_model_error(err: ErrorDetails, model: type[BaseModel]) -> None:
    """A rule about a whole group that names its field first ('duration: ...') is placed
    on that field."""
    if err["type"] != "value_error":
        return
    text = str((err.get("ctx") or {}).get("error", ""))
    name, sep, rest = text.partition(": ")
    loc = tuple(err["loc"])
    owner = model if not loc else _model_at(model, loc)
    if sep and owner is not None and name in owner.model_fields:
        err["loc"] = loc + (name,)
        err["ctx"] = {**err["ctx"], "error": rest}


def validate_document(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Build ``model`` from a loaded document; return the object or the problems."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)  # a fresh list of fresh dicts, ours to edit
        for err in errors:
            _place_model_error(err, model)
        # A misspelt field is reported once, as unknown with its right name, not also missing.
        meant = {
            tuple(e["loc"][:-1]) + (close,)
            for e in errors
            if e["type"] == "extra_forbidden"
            and (owner := _model_at(model, tuple(e["loc"][:-1])))
            and (close := suggest(str(e["loc"][-1]), owner.model_fields))
        }
        problems = []
        for err in errors:
            loc = tuple(err["loc"])
            if err["type"] == "missing" and loc in meant:
                continue
            if err["type"] == "extra_forbidden":
                mark = doc.key_mark(loc)
            elif err["type"] == "missing":
                mark = doc.mark(loc[:-1])
            else:
                mark = doc.mark(loc)
            problems.append(
                Problem(doc.file, mark.line, mark.column, format_path(loc), _message(err, model))
            )
        return None, problems
