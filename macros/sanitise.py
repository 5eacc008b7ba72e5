"""One HTML sanitiser for all curriculum Markdown, and the check that nothing needs it.

Every Markdown field is rendered to HTML and passed through an allowlist (nh3, the
Python binding of Ammonia).  A pull request is never cleaned silently: ``check_markup``
renders every Markdown field of every object, and anything the sanitiser would strip or
change is a problem on its line, as is any markup in a plain-text field.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import markdown as md_lib
import nh3

from .errors import Problem
from .text_fields import iter_texts

if TYPE_CHECKING:
    from .curriculum import Curriculum
    from .loader import Document

MARKDOWN_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
]
"""The Markdown extensions of mkdocs.yml that curriculum text may use (toc adds only ids)."""

ADMONITIONS = frozenset(
    "note abstract summary tldr info todo tip hint important success check done question "
    "help faq warning caution attention failure fail missing danger error bug example quote "
    "cite".split()
)

TAGS = frozenset(
    "p br hr h1 h2 h3 h4 h5 h6 ul ol li dl dt dd strong em b i u s del ins mark small sub "
    "sup code pre kbd blockquote q a abbr table caption thead tbody tfoot tr th td details "
    "summary div span img figure figcaption".split()
)
"""What the course text needs: text, lists, tables, links, abbreviations, admonitions."""

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "align", "style", "scope"},
    "td": {"colspan", "rowspan", "align", "style"},
    "ol": {"start"},
    "details": {"open"},
}

CLASSES: dict[str, set[str]] = {
    "div": {"admonition", "admonition-title", *ADMONITIONS},
    "details": set(ADMONITIONS),
    "p": {"admonition-title"},
    "a": {"gloss"},
    "span": {"gloss"},
}
"""Classes the text may carry: admonitions (!!! note) and glossary links."""

URL_SCHEMES = frozenset({"https", "http", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "data", "poster"})
STYLE_PROPERTIES = frozenset({"text-align"})

_ID = re.compile(r"^(?!__)[A-Za-z0-9][\w.-]{0,99}$")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_PLAIN_MARKUP = re.compile(r"<(/?[A-Za-z][\w:-]*|!--|!|\?)")
_STYLE_SPACE = re.compile(r"\s+")
_PLAIN_LINK = re.compile(r"\]\s*\(")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Ids may not shadow the theme's own (Material names them __config, __search...)."""
    if attribute == "id" and not _ID.match(value):
        return None
    return value


def sanitise_html(html: str) -> str:
    """``html`` with everything outside the allowlist removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        allowed_classes={k: set(v) for k, v in CLASSES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties=set(STYLE_PROPERTIES),
        attribute_filter=_filter_attribute,
    )


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """Curriculum Markdown as HTML, before sanitising."""
    return md_lib.markdown(text, extensions=MARKDOWN_EXTENSIONS)


@lru_cache(maxsize=4096)
def render_safe_markdown(text: str) -> str:
    """Curriculum Markdown as sanitised HTML."""
    return sanitise_html(render_markdown(text))


def url_scheme(value: str) -> str:
    """The scheme of a URL as a browser reads it ('' for a relative URL)."""
    match = _SCHEME.match(_INVISIBLE.sub("", value))
    return match.group(1).lower() if match else ""


class _Inspector(HTMLParser):
    """Walks rendered HTML and says, in trainers' words, what the sanitiser would remove."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what to look for in the text, message)

    def _say(self, needle: str, message: str) -> None:
        if message not in (m for _, m in self.found):
            self.found.append((needle, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            what = "raw <script>" if tag == "script" else f"the HTML tag <{tag}>"
            self._say(f"<{tag}", f"{what} is not allowed in curriculum text; remove it.")
            return
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self._say(
                name, f"the event handler {name}= is not allowed in curriculum text; remove it."
            )
        elif name in URL_ATTRIBUTES and url_scheme(value) not in URL_SCHEMES | {""}:
            self._say(
                f"{url_scheme(value)}:",
                (
                    "links must start with https://, http://, mailto: or be relative; "
                    f"'{url_scheme(value)}:' is not allowed."
                ),
            )
        elif name == "class":
            allowed = CLASSES.get(tag, set())
            for cls in value.split():
                if cls not in allowed:
                    self._say(
                        cls,
                        f"the class '{cls}' is not allowed on <{tag}> in curriculum "
                        "text; remove it.",
                    )
        elif name not in ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"]:
            self._say(
                name,
                f"the attribute {name}= is not allowed on <{tag}> in curriculum text; remove it.",
            )
        elif name == "id" and not _ID.match(value):
            self._say(
                value,
                f"the id '{value[:40]}' is not allowed; use letters, digits and "
                "hyphens, not starting with '__'.",
            )
        elif name == "style":
            props = {p.split(":", 1)[0].strip().lower() for p in value.split(";") if p.strip()}
            if not props <= STYLE_PROPERTIES:
                self._say(
                    "style",
                    "the attribute style= is not allowed in curriculum text "
                    "(only text-align in tables); remove it.",
                )

    def handle_comment(self, data: str) -> None:
        self._say(
            "<!--",
            "HTML comments are not published; remove the <!-- ... --> comment "
            "(a YAML comment starting with # stays in the file).",
        )

    def handle_decl(self, decl: str) -> None:
        self._say("<!", "HTML declarations are not allowed in curriculum text; remove it.")

    def handle_pi(self, data: str) -> None:
        self.handle_decl(data)

    def unknown_decl(self, data: str) -> None:
        self.handle_decl(data)


class _Shape(HTMLParser):
    """The tags, attributes and text of a fragment, independent of how it is serialised."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attrs = [
            (k, _STYLE_SPACE.sub("", v or "").rstrip(";") if k == "style" else v or "")
            for k, v in attrs
        ]
        self.events.append(("start", tag, tuple(sorted(attrs))))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.events.append(("text", " ".join(data.split())))


def _shape(html: str) -> list[tuple]:
    parser = _Shape()
    parser.feed(html)
    parser.close()
    return [e for e in parser.events if e[0] != "end" or e[1] not in ("p", "li")]


@lru_cache(maxsize=4096)
def markdown_findings(text: str) -> tuple[tuple[str, str], ...]:
    """What the sanitiser would change in one Markdown text: (needle, message) pairs."""
    html = render_markdown(text)
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    if inspector.found:
        return tuple(inspector.found)
    if _shape(html) != _shape(sanitise_html(html)):
        return (
            (
                "<",
                "this text holds HTML that would be changed when published; write it "
                "in Markdown instead of HTML.",
            ),
        )
    return ()


def plain_findings(text: str) -> tuple[tuple[str, str], ...]:
    """Markup in a plain-text field (titles, names, terms, options...): (needle, message)."""
    out = []
    match = _PLAIN_MARKUP.search(text)
    if match:
        tag = match.group(0)
        what = "raw <script>" if tag.lower() == "<script" else f"the markup '{tag[:30]}'"
        out.append(
            (
                match.group(0),
                f"{what} is not allowed in this plain-text field; remove "
                "it (write 'less than' with a space after '<').",
            )
        )
    if _PLAIN_LINK.search(text):
        out.append(
            (
                "](",
                "links are not allowed in this plain-text field; write the text "
                "only (sources go under 'sources:').",
            )
        )
    return tuple(out)


def line_of(doc: Document, path: tuple, value: str, needle: str, root: Path) -> tuple[int, int]:
    """Line and column of ``needle`` inside a literal block (|), else of the value."""
    mark = doc.mark(path)
    offset = value.lower().find(needle.lower())
    if offset < 0 or "\n" not in value:
        return mark.line, mark.column
    try:
        lines = (root / doc.file).read_text(encoding="utf-8").splitlines()
        opener = lines[mark.line - 1][mark.column - 1 :].lstrip()
    except (OSError, UnicodeError, IndexError):
        return mark.line, mark.column
    if not opener.startswith("|"):
        return mark.line, mark.column
    line = mark.line + 1 + value[:offset].count("\n")
    text = lines[line - 1] if line - 1 < len(lines) else ""
    col = text.lower().find(needle.lower())
    return line, (col + 1 if col >= 0 else 1)


def check_document_markup(obj, doc: Document, root: Path) -> list[Problem]:
    """Problems for every text of one loaded object that the sanitiser would change."""
    from .loader import format_path

    problems = []
    for path, kind, value in iter_texts(obj):
        found = markdown_findings(value) if kind == "markdown" else plain_findings(value)
        for needle, message in found:
            line, col = line_of(doc, path, value, needle, root)
            problems.append(Problem(doc.file, line, col, format_path(path), message))
    return problems


def check_markup(cur: Curriculum) -> list[Problem]:
    """Every Markdown field renders to HTML the sanitiser leaves alone; plain text has no
    markup."""
    problems: list[Problem] = []
    for key, obj in cur.objects.items():
        if key in cur.documents:
            problems += check_document_markup(obj, cur.documents[key], cur.root)
    return problems
