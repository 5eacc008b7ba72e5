"""The course calendar as iCalendar files, one per year, that calendar programs import."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from pathlib import Path

from ..curriculum import Curriculum
from ..model import Run

ICS_STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "held": "CONFIRMED"}
"""iCalendar STATUS of each run status."""


def format_run_days(run: Run) -> tuple[dt.date, dt.date]:
    """First day and the day after the last: the run's dates, or its whole planned month."""
    if run.start and run.end:
        return run.start, run.end + dt.timedelta(days=1)
    first = dt.date(run.year, run.first_month, 1)
    days = calendar.monthrange(run.year, run.first_month)[1]
    return first, first + dt.timedelta(days=days)


def format_run_summary(run: Run) -> str:
    """The event title: the run's name, and for a month-only run that dates are to come."""
    if run.start:
        return run.title if run.status != "planned" else f"{run.title} (planned)"
    return f"{run.title} (planned for this month; dates to be announced)"


def build_calendar(cur: Curriculum, year: int):
    """An iCalendar of the course runs of one year, each with its status."""
    from icalendar import Calendar, Event  # imported here: only builds with runs need it

    cal = Calendar()
    cal.add("prodid", "-//WTO Trade and Gender Training//Course calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"WTO Trade and Gender courses {year}")
    units = {u.id: u for u in cur.programme.units}
    runs = sorted(
        (r for r in cur.runs.values() if r.year == year),
        key=lambda r: (format_run_days(r)[0], r.id),
    )
    for run in runs:
        first, after = format_run_days(run)
        event = Event()
        event.add("uid", f"{run.id}@trade-gender-course")
        event.add("summary", format_run_summary(run))
        event.add("dtstart", first)
        event.add("dtend", after)
        event.add("dtstamp", dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc))
        event.add("status", ICS_STATUS[run.status])
        unit = units.get(run.unit)
        language = run.language or "to be announced"
        event.add(
            "description",
            f"{unit.title if unit else run.unit}. Status: {run.status}. Language: {language}. "
            f"Seats: {run.seats}. Delivered online.",
        )
        event.add("categories", [unit.title if unit else run.unit])
        cal.add_component(event)
    return cal


def export_calendars(cur: Curriculum, site_dir: Path) -> None:
    """site/downloads/schedule-<year>.ics for every year with runs."""
    by_year = defaultdict(list)
    for run in cur.runs.values():
        by_year[run.year].append(run)
    out = site_dir / "downloads"
    for year in sorted(by_year):
        out.mkdir(parents=True, exist_ok=True)
        (out / f"schedule-{year}.ics").write_bytes(build_calendar(cur, year).to_ical())
