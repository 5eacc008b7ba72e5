"""Interface strings and dates in the language being rendered.

Templates read interface strings as ``T.key`` (keys of macros/render/strings.py) or as
``_("English text")``; both look the text up in ``locale/<lang>/ui.po`` for the language
set with ``use_language``.  A string without a translation stays English, inside marks
that make it a ``lang="en"`` element (macros/i18n/marks.py).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton

from ..model import AGREEMENT_NAMES
from ..render.strings import STRINGS
from . import SOURCE
from .catalog import by_context, look_up, po_path, read_catalog
from .typography import typeset
from .marks import wrap

UI_SOURCE = "ui"
"""The catalogue of interface strings: locale/<lang>/ui.po."""

LITERAL = "ui:text"
"""The context of interface text written out in templates and code with ``_()``."""

_lang: contextvars.ContextVar[str] = contextvars.ContextVar("lang", default=SOURCE)
_root: contextvars.ContextVar[Path | None] = contextvars.ContextVar("root", default=None)

TEXTS: tuple[str, ...] = (
    # navigation sections (macros/render/pages.py)
    "Home",
    "Programme",
    "2-day course",
    "E-learning",
    "Guidebook",
    "Policy tools",
    "Participants and data",
    "National activities",
    "More",
    "For trainers",
    # page titles (macros/render/pages.py)
    "Agenda of the 2-day course",
    "Sessions of the 2-day course",
    "Session {number}: {title}",
    "Glossary",
    "{title}: final assessment",
    "{title}: completion record",
    "Trade and gender policy guidebook",
    "Indicators",
    "Map of trade measures",
    "Gender-responsive trade policy database",
    "Share a policy",
    "Policy: {id}",
    "Policies: {country}",
    "Pre-course questionnaire",
    "Evaluation and follow-up",
    "Course calendar",
    "Objectives and questions",
    "Using the course in an LMS",
    # the question bank of every session quiz (macros/export/lms/banks.py)
    "The 2-day course",
    # the site and its language notices (macros/render/tree.py, macros/theme/)
    "WTO Trade and Gender Training",
    "{name} (trainer edition)",
    "The WTO Trade and Gender training programme for government officials",
    # the PDFs (macros/export/pdf.py)
    "Participant handbook",
    "Trainer guide: with trainer notes, timings and answer keys",
    "{country}, {period} ({status})",
    "Page {page} of {pages}",
    # dates of a national activity (NationalActivity.period in macros/model.py)
    "{start} to {end}",
    # module pass rules (macros/scoring.py)
    "The module is passed when its final assessment reaches the pass mark of {pass_mark}%.",
    "The module is passed when every lesson quiz reaches the pass mark of {pass_mark}%.",
    "Course material of the WTO Trade and Gender training programme.",
    "Only part of this page is translated ({percent}%): the rest is shown in English.",
    "This page is in English: it is not translated yet.",
    "Draft translation, not yet reviewed.",
    "Trainer edition: includes trainer notes, activity timings and quiz answer keys. Not for "
    "participants.",
    "Translation status",
    "Languages",
    "Page",
    "Translated words",
    "Draft entries",
    "Out-of-date entries",
    "Missing entries",
    "Whole site",
    "Each page's share of translated words, and its entries still to review (draft), to "
    "update (the English changed) or to translate. Translators: see "
    "[Translating the course]({link}).",
)
"""Interface text not written in a template: navigation, page titles, notices."""


@contextmanager
def use_language(lang: str, root: Path | None = None) -> Iterator[None]:
    """Render everything inside in ``lang`` (catalogues read from ``root``/locale)."""
    lang_token = _lang.set(lang)
    root_token = _root.set(Path(root) if root else _root.get())
    try:
        yield
    finally:
        _lang.reset(lang_token)
        _root.reset(root_token)


def current_language() -> str:
    """The language being rendered."""
    return _lang.get()


def _entries() -> dict:
    root = _root.get()
    if root is None:
        root = Path(__file__).resolve().parent.parent.parent
    return by_context(read_catalog(po_path(root, current_language(), UI_SOURCE)))


def _translate(context: str, english: str) -> str:
    if current_language() == SOURCE:
        return english
    found = look_up(_entries(), context, english)
    if found.state in ("fuzzy", "missing"):
        return wrap(english, found.state)
    return typeset(found.text, current_language())


_KEY_OF: dict[str, str] = {}
for _key, _text in STRINGS.items():
    _KEY_OF.setdefault(_text, _key)
"""The key of each keyed string's English: ``make i18n`` catalogues a template literal
with the same English once, under that key (macros/i18n/merge.py)."""


def gettext(text: str) -> str:
    """Interface text written out in English, in the language being rendered."""
    key = _KEY_OF.get(text)
    return _translate(f"ui:{key}" if key else LITERAL, text)


class Strings:
    """``T.key``: the interface string ``key`` in the language being rendered."""

    def __getattr__(self, key: str) -> str:
        if key.startswith("__") or key not in STRINGS:
            raise AttributeError(key)
        return _translate(f"ui:{key}", STRINGS[key])

    def __getitem__(self, key: str) -> str:
        return self.__getattr__(key)


T = Strings()


class Agreements(Mapping):
    """``AGREEMENTS[code]``: the full name of a WTO agreement in the language being rendered."""

    def __getitem__(self, code: str) -> str:
        return _translate(f"ui:agreement/{code}", AGREEMENT_NAMES[code])

    def __iter__(self) -> Iterator[str]:
        return iter(AGREEMENT_NAMES)

    def __len__(self) -> int:
        return len(AGREEMENT_NAMES)


AGREEMENTS = Agreements()


def theme_label(theme: str) -> str:
    """An indicator theme (a filter value such as 'border') in the language being rendered."""
    return _translate(f"ui:theme/{theme}", theme)


def agreement_label(code: str) -> str:
    """The short label of a WTO agreement or work area (TBT, OTC...) in the language being
    rendered; the code itself in English."""
    return _translate(f"ui:agreement-short/{code}", code)


def format_date(value: dt.date, form: str = "long") -> str:
    """A date written for the language being rendered: 'long' (9 August 2021, 9 août 2021,
    9 de agosto de 2021), 'day_month' (9 August), 'month_year' (August 2021) or 'day'."""
    lang = current_language()
    if form == "day":
        return "1er" if lang == "fr" and value.day == 1 else str(value.day)
    if lang == SOURCE:  # British order, as the WTO writes English dates
        pattern = {"long": "d MMMM y", "day_month": "d MMMM", "month_year": "MMMM y"}[form]
        return babel_format_date(value, pattern, locale=lang)
    if form == "long":
        text = babel_format_date(value, "long", locale=lang)
    else:
        skeleton = {"day_month": "MMMMd", "month_year": "yMMMM"}[form]
        text = format_skeleton(skeleton, value, locale=lang)
    if lang == "fr" and value.day == 1 and form != "month_year":
        text = re.sub(r"^1 ", "1er ", text)  # « 1er juillet », as French writes the first
    return text


def offline_zip_name(lang: str | None = None) -> str:
    """The offline bundle of a language (the one being rendered by default):
    offline-site.zip in English, offline-site-fr.zip in French..."""
    lang = lang or current_language()
    return "offline-site.zip" if lang == SOURCE else f"offline-site-{lang}.zip"


_LITERAL_CALL = re.compile(r"""\b_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\)""")


def template_texts(folders: list[Path]) -> list[str]:
    """Every ``_("...")`` text of the templates in these folders, in file order."""
    found: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".html", ".md") and path.is_file():
                for match in _LITERAL_CALL.finditer(path.read_text(encoding="utf-8")):
                    text = match.group(1) or match.group(2)
                    if text not in found:
                        found.append(text)
    return found


def check_ui_catalog(root: Path, lang: str, terms: list[dict]) -> tuple[list, list]:
    """Problems and warnings of one language's interface catalogue: a translation keeps the
    placeholders, link targets and list items of its English, and passes the sanitiser
    (interface text is placed into pages as it is)."""
    from ..errors import Problem
    from .check import check_translation, markup_issues

    path = po_path(root, lang, UI_SOURCE)
    rel = path.relative_to(root).as_posix()
    problems, warnings = [], []
    for message in read_catalog(path, lang):
        if not message.id or not message.string or message.fuzzy:
            continue
        english, text = str(message.id), str(message.string)
        issues, notes = check_translation(english, text, lang, terms)
        issues += markup_issues(text, markdown=True, english=english)
        where = message.context or ""
        problems += [Problem(rel, message.lineno or 1, 1, where, m) for m in issues]
        warnings += [Problem(rel, message.lineno or 1, 1, where, m, warning=True) for m in notes]
    return problems, warnings
