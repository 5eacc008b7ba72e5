"""How a translated page says which of its text is translated and which is English.

While the model is translated, every translated string is wrapped in invisible marks
(Unicode private-use characters) that say its state; the render step then turns the marks
of English fallbacks into ``<span lang="en">`` or ``<div lang="en">`` elements, removes
the others, and counts the words of each state on the page.  Inside an HTML tag, a link
target or title, front matter or an attribute list, marks are simply removed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

STATES: tuple[str, ...] = ("done", "draft", "fuzzy", "missing")
"""done: translated and reviewed; draft: translated, not yet reviewed; fuzzy: the English
changed since it was translated (English is shown); missing: not translated (English)."""

FALLBACK = ("fuzzy", "missing")
"""States shown in English."""

START = "\ue000"
BLOCK_START = "\ue001"
_END = {"done": "\ue010", "draft": "\ue011", "fuzzy": "\ue012", "missing": "\ue013"}
# The state is written at the end, so marked strings still sort by their text.
_ALL = START + BLOCK_START + "".join(_END.values())
_ANY = re.compile(f"[{_ALL}]")
_STATE_OF = {mark: state for state, mark in _END.items()}
_SPAN = re.compile(f"([{START}{BLOCK_START}])([^{_ALL}]*)([{''.join(_END.values())}])")
_BLOCK_START = re.compile(r"^\s*([-*+]\s|\d+[.)]\s|#|\||>|```|    )")

_SHELTERED = re.compile(
    r"<[^<>]*>"  # an HTML tag and its attributes
    r"|\]\((?:[^()]|\([^()]*\))*\)"  # a Markdown link target and title
    r"|\{:[^}]*\}"  # an attribute list
    r"|^[ \t]*(?:!!!|\?\?\?\+?)[^\n]*",  # an admonition's title, in quotes
    re.MULTILINE,
)


def wrap(text: str, state: str, block: bool = False) -> str:
    """Text with the marks of its state; a Markdown block that is not a plain paragraph
    (a list, a table, a heading) gets block marks, turned into a ``<div lang="en">``."""
    if block and state in FALLBACK and _BLOCK_START.match(text):
        return f"{BLOCK_START}{text}{_END[state]}"
    return f"{START}{text}{_END[state]}"


def strip_marks(text: str) -> str:
    """Text without any mark (titles, navigation, data files)."""
    return _ANY.sub("", text)


def has_marks(text: str) -> bool:
    """Whether a text holds marks."""
    return bool(_ANY.search(text))


@dataclass
class PageCount:
    """Words and entries of each state on one page."""

    words: Counter = field(default_factory=Counter)
    entries: Counter = field(default_factory=Counter)

    @property
    def total_words(self) -> int:
        return sum(self.words.values())

    @property
    def percent(self) -> int:
        """Share of words shown translated (draft included), rounded down; 100 when the
        page has no curriculum text."""
        total = self.total_words
        if not total:
            return 100
        return (self.words["done"] + self.words["draft"]) * 100 // total

    def add(self, other: PageCount) -> None:
        self.words.update(other.words)
        self.entries.update(other.entries)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", re.sub(r"<[^>]*>|\]\([^)]*\)", " ", text)))


def _shelter(text: str) -> str:
    return _SHELTERED.sub(lambda m: strip_marks(m.group(0)), text)


def _count(text: str, count: PageCount) -> None:
    for match in _SPAN.finditer(text):
        state = _STATE_OF[match.group(3)]
        count.entries[state] += 1
        count.words[state] += _words(match.group(2))


def _to_elements(text: str, markdown: bool) -> str:
    def element(match: re.Match) -> str:
        mark, inner = match.group(1), match.group(2)
        if _STATE_OF[match.group(3)] not in FALLBACK:
            return inner
        if mark == BLOCK_START and markdown:
            return f'<div lang="en" markdown="1">\n\n{inner}\n\n</div>'
        return f'<span lang="en">{inner}</span>'

    previous = None
    while previous != text:  # innermost first: a term's tooltip inside a paragraph
        previous, text = text, _SPAN.sub(element, text)
    return strip_marks(text)


def finish_markdown(text: str) -> tuple[str, PageCount]:
    """A rendered page (front matter and Markdown): fallbacks as ``lang="en"`` elements,
    other marks removed, and the page's count of words and entries per state."""
    count = PageCount()
    if not has_marks(text):
        return text, count
    head, body = "", text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            head, body = strip_marks(text[: end + 4]), text[end + 4 :]
    body = _shelter(body)
    _count(body, count)
    return head + _to_elements(body, markdown=True), count


def finish_html(text: str) -> str:
    """Print HTML: fallbacks as ``<span lang="en">``, marks removed from tags."""
    if not has_marks(text):
        return text
    return _to_elements(_SHELTERED.sub(lambda m: strip_marks(m.group(0)), text), False)
