"""The course in French and Spanish: gettext catalogues under locale/, applied to the model.

- ``extract``: the translatable text of every curriculum file (fields the model marks in
  ``TRANSLATE``), one entry per Markdown block, and the interface strings;
- ``merge``: ``make i18n``, templates (POT) written and every language's PO files updated;
- ``apply``: a translated copy of the curriculum, checked by the same model;
- ``check``: what a translation must keep (links, list items, macros) and the term list;
- ``marks``: how untranslated text falls back to English inside ``lang="en"``;
- ``ui``: the interface strings and dates in the language being rendered;
- ``status``: how much of each page is translated.
"""

from __future__ import annotations

import os
from pathlib import Path

SOURCE = "en"
"""The language the curriculum is written in."""

TARGETS: tuple[str, ...] = ("fr", "es")
"""The languages the course is translated into."""

NAMES: dict[str, str] = {"en": "English", "fr": "Français", "es": "Español"}
"""Each language in its own words, for the language switcher."""


def locale_dir(root: Path) -> Path:
    """Where the catalogues live."""
    return Path(root) / "locale"


def site_languages(root: Path) -> list[str]:
    """The languages a build makes: English, then each target with a catalogue folder
    (LANGUAGES="en fr" chooses)."""
    chosen = os.environ.get("LANGUAGES", "").split()
    langs = [SOURCE] + [t for t in TARGETS if (locale_dir(root) / t).is_dir()]
    if chosen:
        langs = [lang for lang in langs if lang in chosen] or [SOURCE]
    return langs
