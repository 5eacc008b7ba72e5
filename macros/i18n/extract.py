"""The translatable text of the curriculum and of the interface, as catalogue entries.

A field is translatable when its class lists it in ``TRANSLATE`` (macros/model.py).  Each
entry's context (msgctxt) is a stable id path: the object (``session:s4``), then each
field name, with list items named by their id when they have one, else by their place
counted from 1 (``session:s4/sections/gatt/body#2``, ``quiz:s4/questions/q1/options/2/text``).
Markdown fields are split into blocks at blank lines, ``#n`` naming the n-th block, so that
editing one paragraph leaves the translations of the others untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..curriculum import PLURAL, Curriculum
from ..loader import Document


@dataclass(frozen=True)
class Entry:
    """One translatable string: where it is, what it is, and its English text."""

    context: str
    msgid: str
    comment: str
    file: str
    line: int
    path: tuple
    block: int | None = None


def split_blocks(text: str) -> list[str]:
    """Markdown text as blocks separated by blank lines."""
    return [b for b in re.split(r"\n[ \t]*\n", text.strip()) if b.strip()]


def join_blocks(blocks: list[str]) -> str:
    """Blocks back into one Markdown text."""
    return "\n\n".join(blocks)


def is_markdown(description: str) -> bool:
    """A field read as Markdown blocks, by its documented description."""
    return "Markdown" in description or "Paragraphs" in description


def object_of(cur: Curriculum, kind: str, ident: str) -> BaseModel | None:
    """The model object a loaded file holds."""
    if kind in PLURAL:
        return getattr(cur, PLURAL[kind]).get(ident)
    return getattr(cur, kind, None)


def context_prefix(kind: str, ident: str) -> str:
    """The first part of every context of one file's entries."""
    return f"{kind}:{ident}" if ident else kind


def walk_fields(obj: BaseModel, path: tuple = (), names: tuple = ()) -> Iterator[tuple]:
    """(data path, id path, value, description) of every translatable value under obj;
    lists of text give one value per item."""
    cls = type(obj)
    translated: tuple[str, ...] = getattr(cls, "TRANSLATE", ())
    for name, info in cls.model_fields.items():
        value = getattr(obj, name)
        description = info.description or ""
        if name in translated:
            if isinstance(value, str):
                yield path + (name,), names + (name,), value, description
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield path + (name, i), names + (name, str(i + 1)), item, description
            continue
        if isinstance(value, BaseModel):
            yield from walk_fields(value, path + (name,), names + (name,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    label = getattr(item, "id", None) or str(i + 1)
                    yield from walk_fields(item, path + (name, i), names + (name, label))


def _first_line(doc: Document, path: tuple, lines: list[str]) -> int:
    """The line where a value's text starts (the line after a '|' or '>' indicator)."""
    mark = doc.mark(path)
    if 0 < mark.line <= len(lines):
        rest = lines[mark.line - 1][mark.column - 1 :].lstrip()
        if rest[:1] in ("|", ">"):
            return mark.line + 1
    return mark.line


def extract_object(
    kind: str, ident: str, obj: BaseModel, doc: Document, lines: list[str]
) -> list[Entry]:
    """Every entry of one curriculum file, in file order."""
    prefix = context_prefix(kind, ident)
    entries = []
    for path, names, value, description in walk_fields(obj):
        context = prefix + "/" + "/".join(names)
        line = _first_line(doc, path, lines)
        if not is_markdown(description):
            entries.append(Entry(context, value, description, doc.file, line, path))
            continue
        offset = 0
        text = value.strip()
        for n, block in enumerate(split_blocks(text), start=1):
            at = text.find(block, offset)
            entries.append(
                Entry(
                    f"{context}#{n}",
                    block,
                    description,
                    doc.file,
                    line + text.count("\n", 0, max(at, 0)),
                    path,
                    n,
                )
            )
            offset = at + len(block)
    entries.sort(key=lambda e: e.line)  # file order, for translators (the sort is stable)
    return entries


def extract_curriculum(cur: Curriculum) -> dict[str, list[Entry]]:
    """Source file -> its entries, for every file that has translatable text."""
    out: dict[str, list[Entry]] = {}
    for (kind, ident), doc in sorted(cur.documents.items(), key=lambda kv: kv[1].file):
        obj = object_of(cur, kind, ident)
        if obj is None:
            continue
        source = Path(cur.root) / doc.file
        lines = source.read_text(encoding="utf-8").splitlines() if source.is_file() else []
        entries = extract_object(kind, ident, obj, doc, lines)
        if entries:
            out[doc.file] = entries
    return out
