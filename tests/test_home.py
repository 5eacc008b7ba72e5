"""The home page's computed parts and the edition date printed on the PDFs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from macros.curriculum import load_curriculum
from macros.edition import edition_date
from macros.model import Run
from macros.render.engine import Context
from macros.render.home import format_dates, render_next_runs, upcoming_runs, run_span

ROOT = Path(__file__).resolve().parent.parent
CUR = load_curriculum(ROOT)


def _run(start: dt.date, end: dt.date, status: str = "planned") -> Run:
    return Run(
        id="r",
        unit="unit-1",
        title="A run",
        start=start,
        end=end,
        language="en",
        seats=20,
        status=status,
    )


def test_upcoming_runs_skip_ended_and_held_and_come_in_date_order():
    first = min(run_span(r)[0] for r in CUR.runs.values())
    runs = upcoming_runs(CUR, first, limit=len(CUR.runs))
    assert runs == sorted(runs, key=lambda r: run_span(r)[0])
    assert all(run_span(r)[1] >= first and r.status != "held" for r in runs)
    later = max(run_span(r)[1] for r in CUR.runs.values()) + dt.timedelta(days=1)
    assert upcoming_runs(CUR, later) == []
    assert len(upcoming_runs(CUR, first, limit=1)) == min(1, len(runs))


def test_next_runs_says_so_when_nothing_is_planned():
    later = max(run_span(r)[1] for r in CUR.runs.values()) + dt.timedelta(days=1)
    assert "No run is scheduled yet" in render_next_runs(CUR, Context(), today=later)


def test_dates_read_naturally_within_and_across_months():
    assert format_dates(_run(dt.date(2027, 2, 16), dt.date(2027, 2, 17))) == "16–17 February 2027"
    assert format_dates(_run(dt.date(2027, 6, 30), dt.date(2027, 7, 1))) == "30 June – 1 July 2027"
    assert format_dates(_run(dt.date(2027, 3, 3), dt.date(2027, 3, 3))) == "3 March 2027"


def test_dates_are_written_the_way_each_language_writes_them():
    from macros.i18n.ui import use_language

    across = _run(dt.date(2027, 6, 30), dt.date(2027, 7, 1))
    with use_language("fr", ROOT):
        assert format_dates(across) == "30 juin – 1er juillet 2027"
    with use_language("es", ROOT):
        assert format_dates(across) == "30 de junio – 1 de julio de 2027"
        assert format_dates(_run(dt.date(2027, 2, 16), dt.date(2027, 2, 17))) == (
            "16–17 de febrero de 2027"
        )


def test_edition_date_comes_from_the_content_not_the_clock(tmp_path):
    stamp = edition_date(ROOT)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{4}\.\d+", stamp)
    assert stamp == edition_date(ROOT)
    assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", edition_date(tmp_path))
