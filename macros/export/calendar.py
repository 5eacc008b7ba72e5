"""The course calendar as iCalendar files, one per year, that calendar programs import."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from ..curriculum import Curriculum


def build_calendar(cur: Curriculum, year: int):
    """An iCalendar of the course runs of one year (cancelled runs left out)."""
    from icalendar import Calendar, Event  # imported here: only builds with runs need it

    cal = Calendar()
    cal.add("prodid", "-//WTO Trade and Gender Training//Course calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"WTO Trade and Gender courses {year}")
    units = {u.id: u for u in cur.programme.units}
    for run in sorted(cur.runs.values(), key=lambda r: (r.start, r.id)):
        if run.start.year != year or run.status == "cancelled":
            continue
        event = Event()
        event.add("uid", f"{run.id}@trade-gender-course")
        event.add("summary", run.title)
        event.add("dtstart", run.start)
        event.add("dtend", run.end + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime(run.start.year, 1, 1, tzinfo=dt.timezone.utc))
        unit = units.get(run.unit)
        event.add(
            "description",
            f"{unit.title if unit else run.unit}. Language: {run.language}. "
            f"Seats: {run.seats}. Status: {run.status}. Delivered online.",
        )
        event.add("categories", [unit.title if unit else run.unit])
        cal.add_component(event)
    return cal


def export_calendars(cur: Curriculum, site_dir: Path) -> None:
    """site/downloads/schedule-<year>.ics for every year with runs."""
    by_year = defaultdict(list)
    for run in cur.runs.values():
        by_year[run.start.year].append(run)
    out = site_dir / "downloads"
    for year in sorted(by_year):
        out.mkdir(parents=True, exist_ok=True)
        (out / f"schedule-{year}.ics").write_bytes(build_calendar(cur, year).to_ical())
