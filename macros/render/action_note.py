"""The take-home action note: a short form on session pages and one printable page."""

from __future__ import annotations

from ..curriculum import Curriculum
from ..model import Activity, Session
from .engine import Context, render
from .strings import STRINGS

NOTE_FIELDS: tuple[str, ...] = ("does", "gap", "option", "indicator")
"""The four entries of each session's part of the note; also the keys kept in the browser."""

NOTE_SRC = "action-note.md"
"""Source path of the page that gathers the whole note (/action-note/)."""


def note_activity(session: Session) -> Activity | None:
    """The activity of a session that asks for an action-note entry, if any."""
    return next((a for a in session.activities if a.action_note), None)


def note_sessions(cur: Curriculum) -> list[tuple[Session, Activity]]:
    """Sessions that add to the action note, in course order, with the activity that asks."""
    out = []
    for session in cur.sessions.values():
        activity = note_activity(session)
        if activity is not None:
            out.append((session, activity))
    return out


def _fields() -> list[dict[str, str]]:
    return [
        {"id": f, "label": STRINGS[f"an_{f}"], "hint": STRINGS[f"an_{f}_hint"]} for f in NOTE_FIELDS
    ]


def render_note_form(cur: Curriculum, ctx: Context, sid: str) -> str:
    """The session's part of the action note as a form; empty if the session has none."""
    activity = note_activity(cur.sessions[sid])
    if activity is None:
        return ""
    return render(
        "action-note-form.html", ctx, sid=sid, activity=activity, fields=_fields(), asset=ctx.asset
    )


def render_note_page(cur: Curriculum, ctx: Context) -> str:
    """The whole action note on one printable page, filled in the browser from each session."""
    return render(
        "action-note.md",
        ctx,
        rows=note_sessions(cur),
        fields=_fields(),
        programme=cur.programme,
        asset=ctx.asset,
    )
