"""Which text fields of the model are Markdown and which are plain text.

Markdown fields are rendered as blocks of HTML (paragraphs, lists, tables) and pass the
sanitiser; every other text field is plain text, shown escaped wherever it appears
(navigation, page titles, tables, tooltips, PDF outlines, JSON, CSV, calendars).  Code
that needs to tell them apart (the markup check, translation) asks here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel

TextKind = Literal["markdown", "plain"]

MARKDOWN_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("Section", "body"),
        ("Activity", "instructions"),
        ("Session", "summary"),
        ("Programme", "summary"),
        ("Programme", "participants"),
        ("Programme", "selection"),
        ("Programme", "delivery"),
        ("Programme", "evaluation"),
        ("Unit", "description"),
        ("Module", "summary"),
        ("Chapter", "summary"),
        ("RuleNote", "text"),
        ("Checklist", "intro"),
        ("Measures", "intro"),
        ("MeasureCategory", "description"),
        ("MeasureType", "definition"),
        ("NationalActivity", "local_notes"),
        ("DelegateCourse", "summary"),
        ("Handout", "body"),
    }
)
"""(model class name, field name) of every Markdown field; all other text is plain."""

Path_ = tuple[str | int, ...]


def text_kind(model: type[BaseModel] | BaseModel, field: str) -> TextKind:
    """'markdown' for a Markdown field of ``model``, else 'plain'."""
    name = model.__name__ if isinstance(model, type) else type(model).__name__
    return "markdown" if (name, field) in MARKDOWN_FIELDS else "plain"


def iter_texts(obj: BaseModel, path: Path_ = ()) -> Iterator[tuple[Path_, TextKind, str]]:
    """Every text value inside ``obj`` with its path (as in the YAML) and its kind."""
    for name in type(obj).model_fields:
        value = getattr(obj, name, None)
        kind = text_kind(obj, name)
        if isinstance(value, str):
            yield path + (name,), kind, value
        elif isinstance(value, BaseModel):
            yield from iter_texts(value, path + (name,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield path + (name, i), kind, item
                elif isinstance(item, BaseModel):
                    yield from iter_texts(item, path + (name, i))
