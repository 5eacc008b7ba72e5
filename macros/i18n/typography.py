"""The spacing rules of a language's typography, applied to translated text.

French puts a no-break space before ``: ; ! ?`` and ``»``, after ``«`` and between a number
and ``%`` and between groups of thousands (a narrow one before ``; ! ?``, ``%`` and in
numbers).  Translators type ordinary spaces; the site makes them unbreakable, so a line
never starts with a lone colon or percent sign.
"""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"

_FR = [
    (re.compile(r"[ \u00a0\u202f]+([;!?])(?=\s|$|[»)\].,*_])"), NNBSP + r"\1"),
    (re.compile(r"[ \u00a0\u202f]+([:»])(?=\s|$|[)\].,*_])"), NBSP + r"\1"),
    (re.compile(r"«[ \u00a0\u202f]+"), "«" + NBSP),
    (re.compile(r"(\d)[ \u00a0\u202f]+%"), r"\1" + NNBSP + "%"),
    # thousands: « 13 000 », not split at the end of a line
    (re.compile(r"(?<![\d.,])(\d{1,3})[ \u00a0]((?:\d{3}[ \u00a0])*\d{3})(?![\d,.]\d)"), None),
]


def typeset(text: str, lang: str) -> str:
    """``text`` with the no-break spaces of ``lang``'s typography (unchanged for others)."""
    if lang != "fr" or " " not in text:
        return text
    for pattern, replacement in _FR:
        if replacement is None:
            text = pattern.sub(lambda m: re.sub(r"[ \u00a0]", NNBSP, m.group(0)), text)
        else:
            text = pattern.sub(replacement, text)
    return text
