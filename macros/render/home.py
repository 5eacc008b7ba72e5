"""The home page's computed parts: the next course runs."""

from __future__ import annotations

import datetime as dt

from ..curriculum import Curriculum
from ..model import Run
from .engine import Context, render

LANGUAGES = {"en": "English", "fr": "French", "es": "Spanish"}
STATUS_NOTES = {"planned": "", "open": "registration open", "full": "full"}


def upcoming_runs(cur: Curriculum, today: dt.date, limit: int = 3) -> list[Run]:
    """The next runs that have not ended and are not cancelled, earliest first."""
    runs = [r for r in cur.runs.values() if r.end >= today and r.status in STATUS_NOTES]
    return sorted(runs, key=lambda r: (r.start, r.id))[:limit]


def format_dates(run: Run) -> str:
    """'16–17 February 2027', or across months '30 June – 1 July 2027'."""
    start, end = run.start, run.end
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def render_next_runs(
    cur: Curriculum, ctx: Context, limit: int = 3, today: dt.date | None = None
) -> str:
    """A short list of the next course runs with their dates, language and status."""
    runs = upcoming_runs(cur, today or dt.date.today(), limit)
    units = {u.id: u for u in cur.programme.units}
    return render(
        "next-runs.html",
        ctx,
        runs=runs,
        units=units,
        dates=format_dates,
        languages=LANGUAGES,
        notes=STATUS_NOTES,
    )
