"""The spacing rules of a language's typography, applied to translated text.

French puts a no-break space before ``: ; ! ?`` and ``»``, after ``«`` and between a number
and ``%`` (a narrow one before ``; ! ?`` and ``%``).  Translators type ordinary spaces; the
site makes them unbreakable, so a line never starts with a lone colon or percent sign.
"""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"

_FR = [
    (re.compile(r"[ \u00a0\u202f]+([;!?])(?=\s|$|[»)\].,*_])"), NNBSP + r"\1"),
    (re.compile(r"[ \u00a0\u202f]+([:»])(?=\s|$|[)\].,*_])"), NBSP + r"\1"),
    (re.compile(r"«[ \u00a0\u202f]+"), "«" + NBSP),
    (re.compile(r"(\d)[ \u00a0\u202f]+%"), r"\1" + NNBSP + "%"),
]


def typeset(text: str, lang: str) -> str:
    """``text`` with the no-break spaces of ``lang``'s typography (unchanged for others)."""
    if lang != "fr" or " " not in text:
        return text
    for pattern, replacement in _FR:
        text = pattern.sub(replacement, text)
    return text
