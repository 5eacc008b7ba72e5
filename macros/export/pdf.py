"""PDFs made with WeasyPrint from print-specific HTML of the model (not from site pages).

participant-handbook.pdf and trainer-guide.pdf hold the whole course; each national
activity pack gets national/<id>.pdf with exactly the parts it chose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..curriculum import Curriculum
from ..edition import edition_date
from ..model import AGREEMENT_NAMES
from ..render.agenda import compute_agenda
from ..render.engine import TEMPLATES, Context, render


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


def render_book(cur: Curriculum, book: Book) -> str:
    """The print HTML of one book."""
    ctx = Context(edition="trainer" if book.trainer else "learner", print_mode=True)
    css = (TEMPLATES / "print" / "print.css").read_text(encoding="utf-8")
    checklist = cur.checklist if book.tools else None
    return render(
        "print/book.html", ctx, cur=cur, book=book, css=css, p=cur.programme,
        checklist=checklist, measures=cur.measures if book.tools else None,
        indicators=list(cur.indicators.values()) if book.tools else [],
        terms=sorted(cur.glossary_terms, key=lambda t: t.term.casefold()) if book.glossary else [],
        agreements=AGREEMENT_NAMES, edition=edition_date(cur.root),
    )


def write_pdf(html: str, target: Path) -> Path:
    """Render HTML to a PDF file with WeasyPrint."""
    from weasyprint import HTML

    target.parent.mkdir(parents=True, exist_ok=True)
    # Tagged PDF/UA-1: headings, lists and tables reach screen readers with their structure.
    HTML(string=html, base_url=str(TEMPLATES)).write_pdf(target, pdf_variant="pdf/ua-1")
    return target


def books(cur: Curriculum) -> dict[str, Book]:
    """Every book to print, by file name under downloads/."""
    sessions = list(cur.sessions.values())
    prog = cur.programme
    days = compute_agenda(sessions, prog.agenda.breaks, prog.agenda.day_start)
    chapters = list(cur.chapters.values())
    out = {
        "participant-handbook.pdf": Book(
            "WTO Trade and Gender Training", "Participant handbook", False, sessions, [],
            chapters, days=days),
        "trainer-guide.pdf": Book(
            "WTO Trade and Gender Training", "Trainer guide: with trainer notes, timings and "
            "answer keys", True, sessions, [], chapters, days=days),
    }
    for nid, pack in cur.national.items():
        chosen = [cur.sessions[s] for s in pack.sessions]
        out[f"national/{nid}.pdf"] = Book(
            pack.title,
            f"{pack.country}, {pack.start:%d %B %Y} to {pack.end:%d %B %Y}",
            False, chosen, [cur.modules[m] for m in pack.modules], [], tools=False,
            glossary=True, programme=False, notes=pack.local_notes,
            days=compute_agenda(chosen, prog.agenda.breaks, pack.day_start),
        )
    return out


def export_pdfs(cur: Curriculum, out_dir: Path) -> list[Path]:
    """Write every PDF into ``out_dir``; return their paths."""
    return [write_pdf(render_book(cur, book), out_dir / name) for name, book in books(cur).items()]
