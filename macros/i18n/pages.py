"""The hand-written pages of the learner site (``docs/*.md``) in catalogues, like the
curriculum: the title of the front matter is one entry, and each block of the body one
entry (``page:index.md#3``, counted over all the blocks so that contexts stay put).

HTML lines that only open or close an element (``<div class="tg-unit" markdown>``) stay
out of the entries, and so do blocks with nothing to read (a lone macro call), so that a
translator sees only text and a missing translation falls back to English cleanly.
Trainer-only pages (front matter ``edition: trainer``) are for contributors and stay in
English.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem
from .catalog import by_context, look_up, po_path, read_catalog
from .check import check_translation, markup_issues
from .extract import Entry, split_blocks
from .marks import wrap
from .typography import typeset

KIND = "page"
DOCS = "docs"
_TAG_LINE = re.compile(r"^[ \t]*<[^<>]+>[ \t]*$")
_NOT_TEXT = re.compile(r"<[^<>]*>|\{\{.*?\}\}|\{%.*?%\}|\{[:.#][^}]*\}|\]\([^)]*\)", re.DOTALL)
TITLE_NOTE = "Title of the page (plain text), shown in the browser tab and the navigation."
BLOCK_NOTE = (
    "A block of the page, in Markdown: keep link targets, {{ macro calls }} and "
    "{: attribute lists } as they are."
)


def _front(text: str) -> tuple[dict, str, int]:
    """(front matter, body, line of the body's first line) of a page."""
    from ..render.tree import split_front_matter

    meta, body = split_front_matter(text)
    start = text.find(body) if body else len(text)
    return meta, body, text.count("\n", 0, max(start, 0)) + 1


def learner_pages(root: Path) -> list[str]:
    """docs/ pages that learners see, as paths relative to docs/ (index.md...)."""
    from ..render.tree import split_front_matter

    docs = Path(root) / DOCS
    out = []
    for path in sorted(docs.rglob("*.md")):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        if meta.get("edition", "learner") == "learner":
            out.append(path.relative_to(docs).as_posix())
    return out


def _runs(block: str) -> list[tuple[bool, str]]:
    """A block as runs of lines: (False, HTML lines that only open or close an element) and
    (True, the text between them)."""
    runs: list[tuple[bool, list[str]]] = []
    for line in block.split("\n"):
        is_text = not _TAG_LINE.match(line)
        if runs and runs[-1][0] == is_text:
            runs[-1][1].append(line)
        else:
            runs.append((is_text, [line]))
    return [(is_text, "\n".join(lines)) for is_text, lines in runs]


def _context(page: str, n: int, k: int) -> str:
    """``page:index.md#3`` for a block's first text, ``#3.2`` for its second..."""
    return f"{KIND}:{page}#{n}" + (f".{k}" if k > 1 else "")


def has_text(text: str) -> bool:
    """Whether a piece of Markdown has words to translate."""
    return bool(re.search(r"[^\W\d_]", _NOT_TEXT.sub("", text)))


def page_entries(root: Path, page: str) -> list[Entry]:
    """Every entry of one hand-written page, in page order."""
    source = f"{DOCS}/{page}"
    text = (Path(root) / source).read_text(encoding="utf-8")
    meta, body, first_line = _front(text)
    entries = []
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        line = next((i for i, t in enumerate(text.splitlines(), 1) if t.startswith("title:")), 1)
        entries.append(Entry(f"{KIND}:{page}/title", title, TITLE_NOTE, source, line, ("title",)))
    offset = 0
    for n, block in enumerate(split_blocks(body), start=1):
        at = body.find(block, offset)
        offset = at + len(block)
        line = first_line + body.count("\n", 0, at)
        k = 0
        for is_text, piece in _runs(block):
            if is_text and has_text(piece):
                k += 1
                context = _context(page, n, k)
                entries.append(Entry(context, piece, BLOCK_NOTE, source, line, ("body",), n))
            line += piece.count("\n") + 1
    return entries


def page_sources(root: Path) -> dict[str, list[Entry]]:
    """Source file -> entries, for every learner page with text."""
    out = {}
    for page in learner_pages(root):
        entries = page_entries(root, page)
        if entries:
            out[f"{DOCS}/{page}"] = entries
    return out


def translate_page(
    root: Path, page: str, meta: dict, body: str, lang: str, terms: list[dict]
) -> tuple[dict, str, list[Problem], list[Problem]]:
    """One page's front matter and body in ``lang``, marked like the curriculum (English
    where a translation is missing, out of date or refused), with its problems and
    warnings."""
    source = f"{DOCS}/{page}"
    po = po_path(root, lang, source)
    rel = po.relative_to(root).as_posix()
    catalog = by_context(read_catalog(po, lang))
    problems: list[Problem] = []
    warnings: list[Problem] = []

    def translated(entry_context: str, english: str, markdown: bool) -> str:
        found = look_up(catalog, entry_context, english)
        text, state = found.text, found.state
        if state in ("done", "draft"):
            issues, notes = check_translation(english, text, lang, terms)
            issues += markup_issues(text, markdown=markdown, english=english)
            problems.extend(Problem(rel, found.line or 1, 1, entry_context, m) for m in issues)
            warnings.extend(
                Problem(rel, found.line or 1, 1, entry_context, m, warning=True) for m in notes
            )
            text, state = (english, "fuzzy") if issues else (typeset(text, lang), state)
        return wrap(text, state, block=markdown)

    meta = dict(meta)
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        meta["title"] = translated(f"{KIND}:{page}/title", meta["title"], False)
    blocks = split_blocks(body)
    for n, block in enumerate(blocks, start=1):
        parts, k = [], 0
        for is_text, piece in _runs(block):
            if is_text and has_text(piece):
                k += 1
                piece = translated(_context(page, n, k), piece, True)
            parts.append(piece)
        blocks[n - 1] = "\n".join(parts)
    return meta, "\n\n".join(blocks) + "\n", problems, warnings


def check_pages(root: Path, lang: str, terms: list[dict]) -> tuple[list[Problem], list[Problem]]:
    """Problems and warnings of every learner page's catalogue in ``lang``."""
    from ..render.tree import split_front_matter

    problems: list[Problem] = []
    warnings: list[Problem] = []
    for page in learner_pages(root):
        meta, body = split_front_matter((Path(root) / DOCS / page).read_text(encoding="utf-8"))
        _, _, found, notes = translate_page(root, page, meta, body, lang, terms)
        problems += found
        warnings += notes
    return problems, warnings
