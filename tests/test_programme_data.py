"""Rules for policies with several countries, course runs and their status, national packs
and the delegates' course, each checked on small fixtures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from macros.curriculum import load_curriculum
from macros.errors import CurriculumError
from macros.export.calendar import build_calendar
from macros.loader import load_text
from macros.model import NationalActivity, Policy, Run, Session
from macros.render.delegates import list_delegate_sessions, render_delegate_session
from macros.render.engine import Context
from macros.render.participants import render_country
from macros.validate import validate_document


def problems(text: str, model) -> list[str]:
    return [p.format() for p in validate_document(load_text(text, "f.yml"), model)[1]]


def check(root: Path) -> list[str]:
    """Every problem the whole-curriculum check reports for the project at ``root``."""
    try:
        load_curriculum(root)
    except CurriculumError as failed:
        return [p.format() for p in failed.problems]
    return []


POLICY = """id: p
countries: [{countries}]
member_status: [developing]
region: [Africa]
title: T
measure_type: gender-chapters
wto_areas: [GATT]
description: D
beneficiaries: B
status: in force
source_url: https://example.org/p
"""


def test_a_shared_measure_lists_all_its_countries_once():
    assert problems(POLICY.format(countries="Kenya, Rwanda"), Policy) == []
    assert problems(POLICY.format(countries="Kenya, Kenya"), Policy) == [
        "f.yml:1:1: 'Kenya' appears twice in 'countries'; list it once."
    ]
    assert problems(POLICY.format(countries=""), Policy) == [
        "f.yml:2:12: countries: needs at least 1 item, found 0."
    ]


def test_the_old_single_country_field_is_refused():
    text = POLICY.format(countries="Kenya").replace("countries: [Kenya]", "country: Kenya")
    assert "f.yml:2:1: country: unknown field 'country'. Did you mean 'countries'?" in problems(
        text, Policy
    )


RUN = "id: r\nunit: unit-1\ntitle: R\nseats: 20\nstatus: {status}\n"


@pytest.mark.parametrize("status", ["planned", "confirmed", "held"])
def test_run_statuses_with_dates(status):
    assert problems(RUN.format(status=status) + "start: 2026-02-10\nend: 2026-02-11\n", Run) == []


def test_run_status_outside_the_three_is_refused():
    found = problems(RUN.format(status="open") + "start: 2026-02-10\nend: 2026-02-11\n", Run)
    assert len(found) == 1 and found[0].startswith("f.yml:5:9: status:")


def test_a_planned_run_may_give_only_its_month():
    run = Run.model_validate(yaml.safe_load(RUN.format(status="planned") + 'month: "2027-05"\n'))
    assert (run.year, run.first_month, run.start) == (2027, 5, None)


@pytest.mark.parametrize(
    ("status", "extra", "message"),
    [
        ("confirmed", 'month: "2027-05"\n', "a confirmed run needs its dates: 'start' and 'end'"),
        ("held", 'month: "2027-05"\n', "a held run needs its dates: 'start' and 'end'"),
        ("planned", "", "give the dates ('start' and 'end') or, for a planned run, 'month'"),
        (
            "planned",
            'month: "2027-05"\nstart: 2027-05-11\nend: 2027-05-12\n',
            "give either 'month' or 'start' and 'end', not both",
        ),
        ("planned", "start: 2027-05-11\n", "give both 'start' and 'end', or neither"),
    ],
)
def test_run_dates_rules(status, extra, message):
    assert problems(RUN.format(status=status) + extra, Run) == [f"f.yml:1:1: {message}."]


PACK = "id: n\ncountry: Kenya\ntitle: T\nlanguage: en\nsessions: [s1]\nlocal_notes: N\n"


def test_a_planned_pack_may_say_when_in_words():
    pack = NationalActivity.model_validate(yaml.safe_load(PACK + "when: August 2021\n"))
    assert (pack.status, pack.period()) == ("planned", "August 2021")
    assert problems(PACK, NationalActivity) == [
        "f.yml:1:1: give the dates ('start' and 'end') or say in 'when' when it is planned."
    ]
    assert problems(PACK + "status: held\nwhen: August 2021\n", NationalActivity) == [
        "f.yml:1:1: a held activity needs its dates: 'start' and 'end'."
    ]


def test_sessions_belong_to_the_2_day_course_unless_told_otherwise():
    data = {
        "id": "x",
        "number": 1,
        "title": "T",
        "day": 1,
        "duration": 60,
        "summary": "S",
        "objectives": [{"id": "x-o1", "text": "Explain.", "level": "understand"}],
        "key_messages": ["M"],
        "sections": [{"id": f"s{i}", "title": "T", "body": "B"} for i in range(3)],
        "activities": [{"title": "A", "type": "discussion", "minutes": 60, "instructions": "I"}],
        "trainer_notes": ["N"],
    }
    assert Session.model_validate(data).course == "unit-1"
    assert Session.model_validate({**data, "course": "unit-2"}).course == "unit-2"
    with pytest.raises(ValueError):
        Session.model_validate({**data, "course": "unit-3"})


# ---------------------------------------------------------------- whole-curriculum rules


def _programme(root: Path) -> dict:
    return yaml.safe_load((root / "curriculum/programme.yml").read_text(encoding="utf-8"))


def _write_programme(root: Path, data: dict) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (root / "curriculum/programme.yml").write_text(text, encoding="utf-8")


def _write_run(root: Path, rid: str, body: str) -> None:
    text = f"id: {rid}\nunit: unit-1\ntitle: Test run\nseats: 20\n{body}"
    (root / f"curriculum/runs/{rid}.yml").write_text(text, encoding="utf-8")


def test_no_run_in_a_month_kept_for_evaluation(project):
    prog = _programme(project)
    month = prog["evaluation_months"][0]
    _write_run(project, "zz-eval", f'status: planned\nmonth: "2026-{month:02d}"\n')
    found = [p for p in check(project) if "zz-eval" in p]
    assert len(found) == 1 and "is kept for evaluation" in found[0]


def test_runs_after_the_strategy_stay_planned(project):
    year = _programme(project)["strategy_ends"] + 1
    _write_run(project, "zz-late", f"status: confirmed\nstart: {year}-05-11\nend: {year}-05-12\n")
    _write_run(project, "zz-late-ok", f'status: planned\nmonth: "{year}-05"\n')
    found = check(project)
    assert [p for p in found if "zz-late.yml" in p] == [
        f"curriculum/runs/zz-late.yml:5:9: status: {year} is after the last year of the strategy "
        f"({year - 1}). Keep the run 'planned' until a new strategy covers it."
    ]
    assert not [p for p in found if "zz-late-ok" in p]


def _delegate_session(root: Path, sid: str, day: int) -> None:
    """A unit-2 session made from the first session file of the project."""
    first = sorted(
        p for p in (root / "curriculum/sessions").glob("*.yml") if not p.name.startswith("_")
    )[0]
    data = yaml.safe_load(first.read_text(encoding="utf-8"))
    data.update(id=sid, course="unit-2", number=99, day=day, quiz=None)
    data["objectives"] = [{**o, "id": f"{sid}-o{i}"} for i, o in enumerate(data["objectives"])]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (root / f"curriculum/sessions/{sid}.yml").write_text(text, encoding="utf-8")


def test_a_delegates_session_must_be_in_the_plan_on_its_day(project):
    _delegate_session(project, "zz1", day=2)
    found = [p for p in check(project) if "zz1" in p]
    assert len(found) == 1 and "not listed in curriculum/programme.yml under delegates" in found[0]

    prog = _programme(project)
    prog["delegates"]["days"][0]["sessions"].append("zz1")
    _write_programme(project, prog)
    found = [p for p in check(project) if "zz1" in p]
    assert len(found) == 1
    assert found[0].startswith("curriculum/sessions/zz1.yml:")
    assert found[0].endswith(
        "day: the delegates' course has this session on day 1, not day 2. Write day: 1."
    )


def test_the_delegates_plan_names_known_sessions_once(project):
    prog = _programme(project)
    first_day = prog["delegates"]["days"][0]["sessions"]
    first_day.append("zz-missing")
    first_day.append(first_day[0])
    _write_programme(project, prog)
    found = [p for p in check(project) if p.startswith("curriculum/programme.yml")]
    assert any("unknown session 'zz-missing'" in p for p in found)
    assert any(f"session '{first_day[0]}' is already on day 1" in p for p in found)


def test_delegate_sessions_stay_out_of_the_2_day_course(project):
    _delegate_session(project, "zz1", day=1)
    prog = _programme(project)
    prog["delegates"]["days"][0]["sessions"].append("zz1")
    _write_programme(project, prog)
    cur = load_curriculum(project)
    assert "zz1" in cur.delegate_sessions and "zz1" not in cur.sessions
    course = list_delegate_sessions(cur)
    assert [s.number for s in course] == list(range(1, len(course) + 1))
    assert "zz1" in [s.id for s in course if s.day == 1]


def test_a_delegates_session_page_renders_in_both_editions(project):
    from markupsafe import escape

    _delegate_session(project, "zz1", day=1)
    prog = _programme(project)
    prog["delegates"]["days"][0]["sessions"].append("zz1")
    _write_programme(project, prog)
    cur = load_curriculum(project)
    session = cur.delegate_sessions["zz1"]
    pages = {
        edition: render_delegate_session(
            cur, Context(page_src="sessions/zz1.md", edition=edition), "zz1"
        )
        for edition in ("learner", "trainer")
    }
    for page in pages.values():
        assert str(escape(session.title)) in page
        # The take-home action note gathers the 2-day course only: no form here.
        assert 'class="an-prompt"' not in page
    for hid in (h for a in session.activities for h in a.handouts):
        assert str(escape(cur.handouts[hid].title)) in pages["trainer"]


def test_a_shared_agreement_appears_on_each_partys_country_page(project):
    text = POLICY.format(countries="Kenya, Rwanda").replace("id: p", "id: zz-shared")
    (project / "curriculum/policies/zz-shared.yml").write_text(text, encoding="utf-8")
    cur = load_curriculum(project)
    for slug in ("kenya", "rwanda"):
        page = render_country(cur, Context(page_src=f"policies/countries/{slug}.md"), slug)
        assert "zz-shared" in page


def test_calendar_marks_month_only_runs_as_tentative(project):
    _write_run(project, "zz-month", 'status: planned\nmonth: "2026-03"\n')
    _write_run(project, "zz-held", "status: held\nstart: 2026-04-14\nend: 2026-04-15\n")
    cur = load_curriculum(project)
    events = {str(e.get("uid")): e for e in build_calendar(cur, 2026).walk("VEVENT")}
    month = events["zz-month@trade-gender-course"]
    assert str(month.get("status")) == "TENTATIVE"
    assert month.decoded("dtstart") == dt.date(2026, 3, 1)
    assert month.decoded("dtend") == dt.date(2026, 4, 1)
    held = events["zz-held@trade-gender-course"]
    assert str(held.get("status")) == "CONFIRMED"
    assert held.decoded("dtend") == dt.date(2026, 4, 16)


def test_runs_csv_gives_status_and_month_or_dates(project, tmp_path):
    import csv

    from macros.export.data_outputs import export_runs

    _write_run(project, "zz-month", 'status: planned\nmonth: "2026-03"\n')
    _write_run(project, "zz-held", "status: held\nstart: 2026-04-14\nend: 2026-04-15\n")
    cur = load_curriculum(project)
    export_runs(cur, tmp_path)
    with open(tmp_path / "data/runs.csv", newline="", encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert len(rows) == len(cur.runs)
    assert (rows["zz-month"]["status"], rows["zz-month"]["month"]) == ("planned", "2026-03")
    assert rows["zz-month"]["start"] == ""
    assert (rows["zz-held"]["status"], rows["zz-held"]["start"]) == ("held", "2026-04-14")
