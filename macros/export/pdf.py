"""PDFs made with WeasyPrint from print-specific HTML of the model (not from site pages).

participant-handbook.pdf and trainer-guide.pdf hold the whole course (the trainer guide
also every handout and rubric); each national activity pack gets national/<id>.pdf with
exactly the parts it chose.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..curriculum import Curriculum
from ..edition import edition_date
from markupsafe import Markup

from ..i18n.marks import strip_marks
from ..i18n.ui import AGREEMENTS, T, current_language
from ..i18n.ui import gettext as _
from ..render.agenda import compute_agenda, compute_pack_agenda
from ..render.handouts import order_handouts
from ..render.engine import TEMPLATES, Context, render
from ..reproducible import source_date


@dataclass
class Book:
    """What goes into one PDF."""

    title: str
    subtitle: str
    trainer: bool
    sessions: list = field(default_factory=list)
    modules: list = field(default_factory=list)
    chapters: list = field(default_factory=list)
    tools: bool = True
    glossary: bool = True
    programme: bool = True
    notes: str = ""
    days: dict = field(default_factory=dict)
    handouts: list = field(default_factory=list)


def page_numbers_css(text: str) -> Markup:
    """The CSS ``content`` of the page footer from its text with ``{page}`` and ``{pages}``:
    'Page {page} of {pages}' -> '"Page " counter(page) " of " counter(pages)'."""
    counters = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    parts = []
    for part in re.split(r"(\{pages?\})", strip_marks(text)):
        if part in counters:
            parts.append(counters[part])
        elif part:
            escaped = part.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
            parts.append(f'"{escaped}"')
    return Markup(" ".join(parts))


def render_book(cur: Curriculum, book: Book) -> str:
    """The print HTML of one book."""
    ctx = Context(edition="trainer" if book.trainer else "learner", print_mode=True)
    css = (TEMPLATES / "print" / "print.css").read_text(encoding="utf-8")
    checklist = cur.checklist if book.tools else None
    return render(
        "print/book.html",
        ctx,
        cur=cur,
        book=book,
        css=css,
        p=cur.programme,
        checklist=checklist,
        measures=cur.measures if book.tools else None,
        indicators=list(cur.indicators.values()) if book.tools else [],
        terms=sorted(cur.glossary_terms, key=lambda t: t.term.casefold()) if book.glossary else [],
        agreements=AGREEMENTS,
        edition=edition_date(cur.root),
        lang=current_language(),
        page_numbers=page_numbers_css(_("Page {page} of {pages}")),
    )


def write_pdf(html: str, target: Path, root: Path | None = None) -> Path:
    """Render HTML to a PDF file with WeasyPrint, the same bytes for the same input: the
    creation and modification dates are the source date (macros/reproducible.py) and
    the file identifier is a hash of the HTML, never random."""
    from weasyprint import HTML

    target.parent.mkdir(parents=True, exist_ok=True)
    document = HTML(string=html, base_url=str(TEMPLATES)).render()
    stamp = source_date(root or Path.cwd()).strftime("%Y-%m-%dT%H:%M:%SZ")
    document.metadata.created = document.metadata.modified = stamp
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    # Tagged PDF/UA-1: headings, lists and tables reach screen readers with their structure.
    document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_identifier=identifier)
    return target


def books(cur: Curriculum) -> dict[str, Book]:
    """Every book to print, by file name under downloads/."""
    sessions = list(cur.sessions.values())
    prog = cur.programme
    days = compute_agenda(sessions, prog.agenda.breaks, prog.agenda.day_start)
    chapters = list(cur.chapters.values())
    out = {
        "participant-handbook.pdf": Book(
            _("WTO Trade and Gender Training"),
            _("Participant handbook"),
            False,
            sessions,
            [],
            chapters,
            days=days,
        ),
        "trainer-guide.pdf": Book(
            _("WTO Trade and Gender Training"),
            _("Trainer guide: with trainer notes, timings and answer keys"),
            True,
            sessions,
            [],
            chapters,
            days=days,
            handouts=order_handouts(cur),
        ),
    }
    for nid, pack in cur.national.items():
        chosen = [cur.sessions[s] for s in pack.sessions]
        out[f"national/{nid}.pdf"] = Book(
            pack.title,
            _("{country}, {period} ({status})")
            .replace("{country}", pack.country)
            .replace("{period}", pack.period())
            .replace("{status}", T[f"run_{pack.status}"]),
            False,
            chosen,
            [cur.modules[m] for m in pack.modules],
            [],
            tools=False,
            glossary=True,
            programme=False,
            notes=pack.local_notes,
            days=compute_pack_agenda(pack, cur.sessions, prog.agenda),
        )
    return out


def export_pdfs(cur: Curriculum, out_dir: Path) -> list[Path]:
    """Write every PDF into ``out_dir``; return their paths."""
    return [
        write_pdf(render_book(cur, book), out_dir / name, cur.root)
        for name, book in books(cur).items()
    ]


def main(argv: list[str]) -> int:
    """``python -m macros.export.pdf PRINT.html OUT.pdf ROOT``: one PDF, in a process of its
    own (the build runs several at once, one per core)."""
    write_pdf(Path(argv[0]).read_text(encoding="utf-8"), Path(argv[1]), Path(argv[2]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
