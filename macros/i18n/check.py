"""What a translation must keep from the English, and the WTO's own words for its terms.

A translated entry must keep every link target, the number of list items and every macro
or placeholder token (``{{ quiz("s4") }}``, ``{pass_mark}``, ``{: #id }``) of its English;
otherwise it is a problem and the English is shown.  An entry that uses a variant the term
list (locale/terms.yml) marks as not the WTO's form gets a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import CurriculumError
from ..loader import LoadFailed, load_file

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|\bhref=\"([^\"]+)\"|<(https?://[^>\s]+)>")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S", re.MULTILINE)
_TOKEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{:[^}]*\}|\{[a-z_]+\}")


def link_targets(text: str) -> Counter:
    """Every link target of a Markdown or HTML text."""
    return Counter(next(g for g in m.groups() if g) for m in _LINK.finditer(text))


def list_items(text: str) -> int:
    """How many list items a Markdown text has: a line such as ``- x`` or ``1. x`` that starts
    a block or follows another item, not one that merely continues a wrapped paragraph."""
    count, in_list, after_blank = 0, False, True
    for line in text.splitlines():
        if not line.strip():
            after_blank = True
            continue
        if _ITEM.match(line) and (after_blank or in_list):
            count, in_list = count + 1, True
        elif after_blank and not line[:1].isspace():
            in_list = False
        after_blank = False
    return count


def tokens(text: str) -> Counter:
    """Macro calls, placeholders and attribute lists, which a translation keeps as they are."""
    return Counter(re.sub(r"\s+", " ", t) for t in _TOKEN.findall(text))


def _listing(items: Counter) -> str:
    return ", ".join(f"'{t}'" for t in sorted(items.elements()))


def check_translation(
    english: str, translated: str, lang: str, terms: list[dict]
) -> tuple[list[str], list[str]]:
    """(problems, warnings) of one translated entry against its English."""
    problems = []
    lost = link_targets(english) - link_targets(translated)
    added = link_targets(translated) - link_targets(english)
    if lost or added:
        what = f"lost {_listing(lost)}" if lost else ""
        what += ("; " if lost and added else "") + (f"added {_listing(added)}" if added else "")
        problems.append(
            f"the translation must keep the link targets of the English: {what}. "
            "Copy each link target from the msgid unchanged."
        )
    n_en, n_tr = list_items(english), list_items(translated)
    if n_en != n_tr:
        problems.append(
            f"the English has {n_en} list item{'s' if n_en != 1 else ''}, the "
            f"translation {n_tr}. Translate each item as one '- ' line."
        )
    lost_t = tokens(english) - tokens(translated)
    added_t = tokens(translated) - tokens(english)
    if lost_t or added_t:
        what = f"lost {_listing(lost_t)}" if lost_t else ""
        what += ("; " if lost_t and added_t else "") + (
            f"added {_listing(added_t)}" if added_t else ""
        )
        problems.append(
            f"the translation must keep the macros and placeholders of the "
            f"English as they are: {what}."
        )
    return problems, check_terms(translated, lang, terms)


def markup_issues(translated: str, markdown: bool, english: str = "") -> list[str]:
    """What the sanitiser would change in a translation, as problems: a translation is
    published like the English, so it passes the same allowlist (macros/sanitise.py).  What
    the English itself uses (a button class on a hand-written page, part of the site's
    code) the translation may use too, nothing more."""
    from ..sanitise import markdown_findings, plain_findings

    def found(text: str) -> list[str]:
        pairs = markdown_findings(text) if markdown else plain_findings(text)
        return [message for _, message in pairs]

    allowed = set(found(english)) if english else set()
    return [message for message in found(translated) if message not in allowed]


def _plain(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")


def check_terms(translated: str, lang: str, terms: list[dict]) -> list[str]:
    """Warnings for variants of listed terms that are not the WTO's form."""
    text = _plain(translated)
    notes = []
    for term in terms:
        for variant in (term.get("avoid") or {}).get(lang, []):
            if _plain(variant) in text:
                notes.append(
                    f"uses « {variant} »: the WTO writes « {term[lang]} » for "
                    f"'{term['en']}' (locale/terms.yml)."
                )
    return notes


def load_terms(root: Path) -> list[dict]:
    """The term list, locale/terms.yml (none when the file is absent)."""
    path = Path(root) / "locale" / "terms.yml"
    if not path.is_file():
        return []
    try:
        doc = load_file(path, Path(root))
    except LoadFailed as failed:
        raise CurriculumError([failed.problem]) from None
    data = doc.data if isinstance(doc.data, dict) else {}
    terms = data.get("terms") or []
    return [t for t in terms if isinstance(t, dict) and "en" in t]
