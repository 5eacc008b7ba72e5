"""Render functions: one per component, each rendering a partial from model objects.

They take the Curriculum and a Context and return Markdown or HTML; the macros in
macros/main.py are thin wrappers that supply the current page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..curriculum import Curriculum
from ..i18n.marks import strip_marks
from ..model import GlossaryTerm, Quiz
from ..quizorder import shown_options, shown_prompt
from ..scoring import is_single_answer
from .action_note import render_note_form
from .agenda import compute_agenda
from .engine import Context, render
from .links import teaches_src

_PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>|\{[^}]*\}")


@lru_cache(maxsize=8)
def _term_pattern(terms: tuple) -> tuple[dict[str, str], re.Pattern]:
    """Every spelling of every term (longest first) as one pattern, built once per glossary."""
    names = {
        strip_marks(name).casefold(): ident
        for ident, term, aliases in terms
        for name in (term, *aliases)
    }
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w-])",
        re.IGNORECASE,
    )
    return names, pattern


def link_terms(text: str, terms: list[GlossaryTerm], ctx: Context, seen: set[str]) -> str:
    """Link the first use of each glossary term on a page to its definition.

    The link's title holds the definition, which Material shows as a tooltip on
    hover and keyboard focus.
    """
    if not terms:
        return text
    names, pattern = _term_pattern(tuple((t.id, t.term, tuple(t.aliases)) for t in terms))
    by_id = {t.id: t for t in terms}
    protected = [m.span() for m in _PROTECTED.finditer(text)]
    out, last = [], 0
    for match in pattern.finditer(text):
        term = by_id[names[match.group(1).casefold()]]
        start, end = match.span()
        if term.id in seen or any(a <= start < b for a, b in protected):
            continue
        if text.rfind("\n", 0, start) < text.rfind("#", 0, start):
            continue  # never inside a heading line
        seen.add(term.id)
        title = re.sub(r"\s+", " ", term.definition).replace('"', "&quot;")
        href = ctx.md_link("glossary.md", term.id)
        out.append(text[last:start])
        out.append(f'[{match.group(1)}]({href} "{title}"){{ .gloss }}')
        last = end
    out.append(text[last:])
    return "".join(out)


def render_session(cur: Curriculum, ctx: Context, sid: str) -> str:
    """The page of one session: objectives, messages, content, activities, quiz."""
    session = cur.sessions[sid]
    seen: set[str] = set()
    bodies = {s.id: link_terms(s.body, cur.glossary_terms, ctx, seen) for s in session.sections}
    quiz = render_quiz(cur, ctx, session.quiz) if session.quiz else ""
    indicators = [i for i in cur.indicators.values() if sid in i.sessions]
    return render(
        "session.md",
        ctx,
        session=session,
        bodies=bodies,
        quiz=quiz,
        indicators=indicators,
        chapters=[c for c in cur.chapters.values() if sid in c.sessions],
        has=_available_tools(cur),
        handouts=cur.handouts,
        note_form=render_note_form(cur, ctx, sid),
    )


def _available_tools(cur: Curriculum) -> dict[str, bool]:
    return {
        "guidebook": bool(cur.chapters),
        "indicators": bool(cur.indicators),
        "checklist": cur.checklist is not None,
        "measures": cur.measures is not None,
        "policies": bool(cur.policies),
    }


def render_session_index(cur: Curriculum, ctx: Context) -> str:
    """The list of the eight sessions by day."""
    by_day = defaultdict(list)
    for session in cur.sessions.values():
        by_day[session.day].append(session)
    return render("session-index.md", ctx, days=dict(sorted(by_day.items())))


def render_quiz(cur: Curriculum, ctx: Context, qid: str) -> str:
    """The learner edition's quiz form, or the trainer edition's static answer key.

    Options come in shown order (macros/quizorder.py); input values stay the YAML index.
    """
    quiz: Quiz = cur.quizzes[qid]
    targets = {}
    for q in quiz.questions:
        src, anchor = teaches_src(q.teaches)
        targets[q.id] = ctx.href(src, anchor)
    items = [
        (q, shown_prompt(q), shown_options(quiz.id, q), not is_single_answer(q))
        for q in quiz.questions
    ]
    template = "quiz-key.html" if ctx.trainer else "quiz.html"
    return render(
        template, ctx, quiz=quiz, items=items, targets=targets, pass_mark=cur.programme.pass_mark
    )


def render_programme(cur: Curriculum, ctx: Context) -> str:
    """The programme page: objectives, units, participants, phases, evaluation."""
    return render("programme.md", ctx, p=cur.programme, cur=cur)


def render_agenda(cur: Curriculum, ctx: Context) -> str:
    """The 2-day timetable computed from session durations."""
    prog = cur.programme
    days = compute_agenda(list(cur.sessions.values()), prog.agenda.breaks, prog.agenda.day_start)
    return render("agenda.md", ctx, days=days)


def render_glossary(cur: Curriculum, ctx: Context) -> str:
    """Every glossary term, alphabetically, each with its anchor."""
    terms = sorted(cur.glossary_terms, key=lambda t: t.term.casefold())
    return render("glossary.md", ctx, terms=terms)


def render_downloads(cur: Curriculum, ctx: Context) -> str:
    """Links to the PDFs, the offline bundle and the open data, right for either edition."""
    return render("downloads.html", ctx, national=list(cur.national.values()))
