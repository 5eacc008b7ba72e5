"""The home page's computed parts: the next course runs."""

from __future__ import annotations

import calendar
import datetime as dt

from ..curriculum import Curriculum
from ..model import Run
from ..i18n.ui import T, format_date
from .engine import Context, render

STATUS_NOTES = {"planned": "run_planned_note", "confirmed": "run_confirmed"}
"""The run statuses the home page lists, and the interface string that describes each."""


def run_span(run: Run) -> tuple[dt.date, dt.date]:
    """First and last day of a run; a planned run with only a month spans that month."""
    if run.start and run.end:
        return run.start, run.end
    last = calendar.monthrange(run.year, run.first_month)[1]
    return dt.date(run.year, run.first_month, 1), dt.date(run.year, run.first_month, last)


def upcoming_runs(cur: Curriculum, today: dt.date, limit: int = 3) -> list[Run]:
    """The next planned or confirmed runs that have not ended, earliest first."""
    runs = [r for r in cur.runs.values() if r.status in STATUS_NOTES and run_span(r)[1] >= today]
    return sorted(runs, key=lambda r: (run_span(r)[0], r.id))[:limit]


def format_dates(run: Run) -> str:
    """'16–17 February 2027', across months '30 June – 1 July 2027', or 'February 2027'
    for a planned run that has only its month, in the language being rendered."""
    if not (run.start and run.end):
        return format_date(dt.date(run.year, run.first_month, 1), "month_year")
    start, end = run.start, run.end
    if start == end:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{format_date(start, 'day')}–{format_date(end)}"
    if start.year == end.year:
        return f"{format_date(start, 'day_month')} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def render_next_runs(
    cur: Curriculum, ctx: Context, limit: int = 3, today: dt.date | None = None
) -> str:
    """A short list of the next course runs with their dates, language and status, as of
    the edition date (so that the same commit always builds the same page)."""
    from ..reproducible import source_date

    runs = upcoming_runs(cur, today or source_date(cur.root).date(), limit)
    units = {u.id: u for u in cur.programme.units}
    return render(
        "next-runs.html",
        ctx,
        runs=runs,
        units=units,
        dates=format_dates,
        languages={code: T["language_" + code] for code in ("en", "fr", "es")},
        notes={status: T[key] for status, key in STATUS_NOTES.items()},
    )
