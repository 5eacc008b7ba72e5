"""``make i18n``: write the templates (POT) and bring every language's PO files up to date.

An entry is matched to last time's by its context (a stable id path), so a changed
English paragraph keeps its translation, marked fuzzy with the previous English kept
(``#| msgid``) for the translator to compare; a paragraph that only moved keeps its
translation as it was; English that was removed becomes obsolete (``#~``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from ..bank import STRATEGIES
from ..curriculum import Curriculum, load_curriculum
from ..errors import CurriculumError
from ..model import AGREEMENT_NAMES
from ..render.engine import TEMPLATES
from ..render.strings import STRINGS
from . import TARGETS, locale_dir
from .catalog import new_catalog, po_path, pot_path, read_catalog, write_catalog
from .extract import Entry, extract_curriculum
from .pages import page_sources
from .ui import LITERAL, TEXTS, UI_SOURCE, template_texts

THEME = TEMPLATES.parent / "theme"


def ui_entries() -> list[Entry]:
    """The interface strings: the keyed strings, then texts of templates and code."""
    entries = [
        Entry(f"ui:{key}", text, f"Interface string '{key}'.", "macros/render/strings.py", 0, ())
        for key, text in STRINGS.items()
    ]
    entries += [
        Entry(
            f"ui:agreement/{code}",
            name,
            "Full name of a WTO agreement or work area, as the WTO writes it in this language.",
            "macros/model.py",
            0,
            (),
        )
        for code, name in AGREEMENT_NAMES.items()
    ]
    entries += [
        Entry(
            f"ui:agreement-short/{code}",
            code,
            f"Short label of '{name}' (its acronym where the WTO uses one in this language).",
            "macros/model.py",
            0,
            (),
        )
        for code, name in AGREEMENT_NAMES.items()
    ]
    seen: set[str] = set()  # _() looks texts up under their own context, keyed or not
    # the blind strategies are named on the trainers' page of objectives and questions
    for text in [*template_texts([TEMPLATES, THEME]), *TEXTS, *STRATEGIES]:
        if text not in seen:
            seen.add(text)
            entries.append(
                Entry(
                    LITERAL,
                    text,
                    "Interface text; keep {names} in braces as they are.",
                    "macros/templates",
                    0,
                    (),
                )
            )
    return entries


def template_of(entries: list[Entry]) -> Catalog:
    """The POT catalogue of one source file's entries."""
    catalog = new_catalog()
    for e in entries:
        locations = [(e.file, e.line)] if e.line else []
        if catalog.get(e.msgid, e.context) is not None:
            continue
        catalog.add(
            e.msgid,
            "",
            locations=locations,
            auto_comments=[e.comment] if e.comment else [],
            context=e.context,
        )
    return catalog


def catalogue_key(message: Message) -> str | tuple[str, str]:
    """The key a catalogue files a message under: its singular id, with its context if any."""
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return msgid if message.context is None else (msgid, message.context)


def merge_catalog(old: Catalog, template: Catalog, lang: str) -> Catalog:
    """The PO catalogue for ``template``, keeping what ``old`` translated."""
    new = new_catalog(lang)
    current = [m for m in old if m.id]
    unmatched = {id(m): m for m in current}
    exact = {(m.context, m.id): m for m in current}
    plan: list[tuple[Message, Message | None, bool]] = []
    # Pass 1: same context and same English; pass 2: the same English that moved inside
    # its field (a paragraph inserted above it); pass 3: same context, English changed.
    for message in template:
        if not message.id:
            continue
        match = exact.get((message.context, message.id))
        if match is not None:
            unmatched.pop(id(match), None)
        plan.append((message, match, False))
    for i, (message, match, _) in enumerate(plan):
        if match is None:
            field = (message.context or "").split("#")[0]
            moved = next(
                (
                    m
                    for m in unmatched.values()
                    if m.id == message.id and (m.context or "").split("#")[0] == field
                ),
                None,
            )
            if moved is not None:
                unmatched.pop(id(moved))
                plan[i] = (message, moved, False)
    by_ctx = {m.context: m for m in unmatched.values()}
    for i, (message, match, _) in enumerate(plan):
        if match is None and message.context in by_ctx and by_ctx[message.context].string:
            prior = by_ctx.pop(message.context)
            unmatched.pop(id(prior))
            plan[i] = (message, prior, True)
    for message, match, changed in plan:
        entry = Message(
            message.id,
            "",
            locations=message.locations,
            auto_comments=message.auto_comments,
            context=message.context,
        )
        if match is not None:
            entry.string = match.string
            entry.flags = set(match.flags)
            entry.user_comments = list(match.user_comments)
            entry.previous_id = match.previous_id
            if changed:
                entry.flags.add("fuzzy")
                entry.previous_id = [match.id] if isinstance(match.id, str) else list(match.id)
        new[message.id] = entry  # the catalogue keys it by id and context
    for message in unmatched.values():
        if message.string:
            new.obsolete[catalogue_key(message)] = message
    for key, message in old.obsolete.items():
        if key not in new.obsolete and not any(m.context == message.context for m in new):
            new.obsolete[key] = message
    return new


def update_catalogues(root: Path, cur: Curriculum, langs: tuple[str, ...] = TARGETS) -> list[Path]:
    """Write every template and update every PO file; the paths that changed."""
    sources: dict[str, list[Entry]] = dict(extract_curriculum(cur))
    sources.update(page_sources(root))
    themes = sorted({t for i in cur.indicators.values() for t in i.themes})
    sources[UI_SOURCE] = ui_entries() + [
        Entry(
            f"ui:theme/{theme}",
            theme,
            "A theme of the indicators, shown in their filter and on each card (a word or two).",
            "curriculum/indicators",
            0,
            (),
        )
        for theme in themes
    ]
    changed: list[Path] = []
    wanted_pots = set()
    for source, entries in sources.items():
        template = template_of(entries)
        target = pot_path(root, source)
        wanted_pots.add(target)
        if write_catalog(template, target):
            changed.append(target)
        for lang in langs:
            path = po_path(root, lang, source)
            merged = merge_catalog(read_catalog(path, lang), template, lang)
            if write_catalog(merged, path):
                changed.append(path)
    for stale in sorted((locale_dir(root) / "templates").rglob("*.pot")):
        if stale not in wanted_pots:
            stale.unlink()
            changed.append(stale)
    # A source file that is gone takes its catalogues with it (git keeps their history).
    wanted_pos = {po_path(root, lang, source) for source in sources for lang in langs}
    for lang in langs:
        for stale in sorted((locale_dir(root) / lang).rglob("*.po")):
            if stale not in wanted_pos:
                stale.unlink()
                changed.append(stale)
    return changed


def main_update(root: Path) -> int:
    """CLI: ``make i18n``."""
    try:
        cur = load_curriculum(root)
    except CurriculumError as err:
        print(err, file=sys.stderr)
        return 2
    changed = update_catalogues(root, cur)
    for path in changed:
        print(f"wrote {path.relative_to(root)}")
    print(f"catalogues up to date under locale/ ({len(changed)} files changed).")
    return 0
