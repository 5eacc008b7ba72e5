"""Handouts and scoring rubrics for activities: trainer edition pages only."""

from __future__ import annotations

from ..curriculum import Curriculum
from ..model import Handout
from .engine import Context, render


def handout_src(hid: str) -> str:
    """Source path of a handout's page in the trainer edition."""
    return f"trainers/handouts/{hid}.md"


def order_handouts(cur: Curriculum) -> list[Handout]:
    """Every handout, in course order of their sessions, then by id."""
    position = {sid: i for i, sid in enumerate(cur.sessions)}
    return sorted(
        cur.handouts.values(), key=lambda h: (position.get(h.session, len(position)), h.id)
    )


def render_handout(cur: Curriculum, ctx: Context, hid: str) -> str:
    """The page of one handout or rubric, with the activities that use it."""
    handout = cur.handouts[hid]
    session = cur.sessions.get(handout.session)
    activities = [
        (s, i, a)
        for s in cur.sessions.values()
        for i, a in enumerate(s.activities, 1)
        if hid in a.handouts
    ]
    return render("handout.md", ctx, h=handout, session=session, activities=activities)


def render_handout_index(cur: Curriculum, ctx: Context) -> str:
    """The list of handouts and rubrics, session by session."""
    return render("handout-index.md", ctx, handouts=order_handouts(cur), sessions=cur.sessions)
