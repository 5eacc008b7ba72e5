"""Unit 2, the course for Geneva delegates: its plan, agenda and session pages."""

from __future__ import annotations

from ..curriculum import Curriculum
from ..model import Session
from .agenda import compute_agenda
from .components import _available_tools, link_terms
from .engine import Context, render


def list_delegate_sessions(cur: Curriculum) -> list[Session]:
    """The sessions of the delegates' course in order, numbered and placed on their day."""
    plan = cur.programme.delegates
    if not plan:
        return []
    known = {**cur.sessions, **cur.delegate_sessions}
    out: list[Session] = []
    for day, course_day in enumerate(plan.days, start=1):
        for sid in course_day.sessions:
            if sid in known:
                out.append(known[sid].model_copy(update={"day": day, "number": len(out) + 1}))
    return out


def render_delegates(cur: Curriculum, ctx: Context) -> str:
    """The delegates' course page: what it is, its agenda and its sessions."""
    plan = cur.programme.delegates
    sessions = list_delegate_sessions(cur)
    days = compute_agenda(sessions, plan.breaks, plan.day_start) if plan else {}
    return render(
        "delegates.md",
        ctx,
        plan=plan,
        sessions=sessions,
        days=days,
        unit=next((u for u in cur.programme.units if u.id == "unit-2"), None),
        written=set(cur.delegate_sessions),
    )


def render_delegate_session(cur: Curriculum, ctx: Context, sid: str) -> str:
    """The page of a session written for delegates, paged within the delegates' course."""
    ordered = list_delegate_sessions(cur)
    ids = [s.id for s in ordered]
    pos = ids.index(sid)
    session = ordered[pos]
    seen: set[str] = set()
    bodies = {s.id: link_terms(s.body, cur.glossary_terms, ctx, seen) for s in session.sections}
    return render(
        "session.md",
        ctx,
        session=session,
        bodies=bodies,
        quiz="",
        indicators=[],
        previous=ordered[pos - 1] if pos > 0 else None,
        next=ordered[pos + 1] if pos + 1 < len(ordered) else None,
        chapters=[],
        has=_available_tools(cur),
        handouts=cur.handouts,
        note_form="",
    )
