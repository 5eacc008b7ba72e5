"""Reading and writing PO and POT files with Babel, and looking entries up by context."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

DRAFT = "draft"
"""The flag of a machine-drafted translation that no one has reviewed yet (Weblate and
Poedit keep flags they do not know); a reviewer removes it."""

PROJECT = "WTO Trade and Gender Training"


def new_catalog(lang: str | None = None) -> Catalog:
    """An empty catalogue with the project's header (a template when lang is None)."""
    if lang:
        header = (
            f"# {PROJECT}: the course text in '{lang}'.\n# Kept up to date by `make i18n`. "
            "Translate each msgstr; remove the 'draft' flag once a\n# translation is "
            "reviewed. See docs/contributing/translating.md.\n#"
        )
    else:
        header = (
            f"# {PROJECT}: template written by `make i18n` from the English "
            "curriculum.\n# Do not edit: edit the English, then run `make i18n`.\n#"
        )
    catalog = Catalog(
        locale=lang,
        project=PROJECT,
        version="1",
        charset="utf-8",
        fuzzy=False,
        header_comment=header,
    )
    catalog.msgid_bugs_address = ""
    catalog.last_translator = ""
    catalog.language_team = ""
    return catalog


def _stem(source: str) -> str:
    """A source file's path without its .yml or .md suffix."""
    return re.sub(r"\.(yml|md)$", "", source)


def po_path(root: Path, lang: str, source: str) -> Path:
    """locale/<lang>/<source without .yml>.po (``ui`` for the interface)."""
    return Path(root) / "locale" / lang / (_stem(source) + ".po")


def pot_path(root: Path, source: str) -> Path:
    """locale/templates/<source without .yml>.pot."""
    return Path(root) / "locale" / "templates" / (_stem(source) + ".pot")


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    """A PO or POT file as a Babel catalogue (an empty one when the file is absent)."""
    if not path.is_file():
        return new_catalog(lang)
    return _read(path, path.stat().st_mtime_ns, lang)


@lru_cache(maxsize=512)
def _read(path: Path, _mtime: int, lang: str | None) -> Catalog:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, abort_invalid=False)
    previous = _previous_ids(path.read_text(encoding="utf-8"))
    for message in catalog:
        key = (message.context or "", str(message.id))
        if key in previous:
            message.previous_id = [previous[key]]
    return catalog


_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unquote(text: str) -> str:
    """The text of every quoted PO string on a line, unescaped and joined."""
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    return "".join(
        re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), part)
        for part in _QUOTED.findall(text)
    )


def _previous_ids(text: str) -> dict[tuple[str, str], str]:
    """The previous English (``#| msgid``) of fuzzy entries, by context and English: Babel
    writes these lines (wrapped like a comment, at spaces) but does not read them back, and
    a translator needs them until the entry is reviewed."""
    found: dict[tuple[str, str], str] = {}
    raw: list[str] | None = None
    context: str | None = None
    english: list[str] | None = None
    for line in [*text.splitlines(), ""]:
        if english is not None and line.startswith('"'):
            english.append(line)
            continue
        if english is not None and raw is not None and context is not None:
            found[(context, _unquote(" ".join(english)))] = _unquote(" ".join(raw))
            raw = english = None
        if line.startswith("#| msgid "):
            raw, context = [line[len("#| msgid ") :]], None
        elif line.startswith("#| ") and raw is not None:
            raw.append(line[3:])
        elif line.startswith("msgctxt ") and raw is not None:
            context = _unquote(line[len("msgctxt ") :])
        elif line.startswith("msgid ") and raw is not None and context is not None:
            english = [line[len("msgid ") :]]
        elif not line.startswith("#"):
            raw = None
    return found


def write_catalog(catalog: Catalog, path: Path) -> bool:
    """Write a catalogue (no dates, so an unchanged catalogue gives the same bytes);
    True when the file changed.  Babel flags any text with a '%' or '{name}' as python-format or python-brace-format; course
    text is never a format string ("70% or more"), and the flag makes ``msgfmt -c`` and
    translation tools demand the same '%' sequences, so it is dropped."""
    for message in catalog:
        message.flags -= {flag for flag in message.flags if flag.endswith("-format")}
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=0,
        omit_header=False,
        sort_output=False,
        include_previous=True,
        ignore_obsolete=False,
    )
    data = b"\n".join(
        line
        for line in buffer.getvalue().split(b"\n")
        if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date'))
    )
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


@dataclass(frozen=True)
class Found:
    """What a catalogue holds for one English string."""

    state: str  # done, draft, fuzzy, missing
    text: str  # the translation, or the English
    line: int  # line of the entry in the PO file (0 when absent)


def by_context(catalog: Catalog) -> dict:
    """The catalogue's current entries by context, and by (context, English) for contexts
    shared by several entries (the interface's ``ui:text``)."""
    out: dict = {}
    for m in catalog:
        if m.id and m.context:
            out[m.context] = m
            out[(m.context, m.id)] = m
    return out


def look_up(entries: dict, context: str, english: str) -> Found:
    """The translation of one entry, or the English with the reason it is shown."""
    message = entries.get((context, english)) or entries.get(context)
    if message is None or not message.string:
        return Found("missing", english, message.lineno if message else 0)
    if message.fuzzy or message.id != english:
        return Found("fuzzy", english, message.lineno)
    state = "draft" if DRAFT in message.flags else "done"
    return Found(state, str(message.string), message.lineno)
