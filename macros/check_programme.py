"""Checks on the programme's own plan: the delegates' course and the course runs."""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

from .errors import Problem

if TYPE_CHECKING:
    from .corpus import Curriculum


def check_programme(cur: Curriculum) -> list[Problem]:
    """Problems in the delegates' course plan, its sessions and the course runs."""
    return check_delegates(cur) + check_runs(cur)


def check_delegates(cur: Curriculum) -> list[Problem]:
    """The Unit 2 plan names known sessions once each, and lists every unit-2 session."""
    from .crossref import unknown as _unknown  # imported here: crossref calls this module

    problems: list[Problem] = []
    plan = cur.programme.delegates
    prog_doc = cur.document("programme")
    known = {**cur.sessions, **cur.delegate_sessions}
    placed: dict[str, int] = {}
    if plan:
        for d, day in enumerate(plan.days):
            for i, sid in enumerate(day.sessions):
                path = ("delegates", "days", d, "sessions", i)
                if sid not in known:
                    problems.append(_unknown(prog_doc, path, "session", sid, known))
                elif sid in placed:
                    problems.append(
                        prog_doc.problem(
                            path, f"session '{sid}' is already on day {placed[sid]}. List it once."
                        )
                    )
                else:
                    placed[sid] = d + 1
        for i, brk in enumerate(plan.breaks):
            if brk.after not in placed:
                problems.append(
                    _unknown(
                        prog_doc, ("delegates", "breaks", i, "after"), "session", brk.after, placed
                    )
                )
    objective_ids = set(cur.objectives)
    numbers: dict[int, str] = {}
    for sid, session in cur.delegate_sessions.items():
        doc = cur.document("session", sid)
        if sid not in placed:
            problems.append(
                doc.problem(
                    ("course",),
                    f"session '{sid}' is for {session.course} but is not listed in "
                    "curriculum/programme.yml under delegates: days. Add it to a day there.",
                )
            )
        elif placed[sid] != session.day:
            problems.append(
                doc.problem(
                    ("day",),
                    f"the delegates' course has this session on day {placed[sid]}, "
                    f"not day {session.day}. Write day: {placed[sid]}.",
                )
            )
        if session.number in numbers:
            problems.append(
                doc.problem(
                    ("number",),
                    f"number {session.number} is also used by {numbers[session.number]}.",
                )
            )
        numbers.setdefault(session.number, sid)
        for i, obj in enumerate(session.objectives):
            if obj.id in objective_ids:
                problems.append(
                    doc.problem(
                        ("objectives", i, "id"),
                        f"duplicate objective id '{obj.id}'. Give each objective its own id.",
                    )
                )
            objective_ids.add(obj.id)
        section_ids: set[str] = set()
        for i, section in enumerate(session.sections):
            if section.id in section_ids:
                problems.append(
                    doc.problem(
                        ("sections", i, "id"),
                        f"duplicate section id '{section.id}'. Give each one its own id.",
                    )
                )
            section_ids.add(section.id)
        if session.quiz and session.quiz not in cur.quizzes:
            problems.append(_unknown(doc, ("quiz",), "quiz", session.quiz, cur.quizzes))
    return problems


def check_runs(cur: Curriculum) -> list[Problem]:
    """No run in a month kept for evaluation; runs after the strategy's end stay planned."""
    problems: list[Problem] = []
    prog = cur.programme
    for rid, run in cur.runs.items():
        doc = cur.document("run", rid)
        where = ("start",) if run.start else ("month",)
        if run.first_month in prog.evaluation_months:
            name = calendar.month_name[run.first_month]
            problems.append(
                doc.problem(
                    where,
                    f"{name} is kept for evaluation (evaluation_months in "
                    "curriculum/programme.yml). Plan the run in another month.",
                )
            )
        if prog.strategy_ends and run.year > prog.strategy_ends and run.status != "planned":
            problems.append(
                doc.problem(
                    ("status",),
                    f"{run.year} is after the last year of the strategy "
                    f"({prog.strategy_ends}). Keep the run 'planned' until a new strategy covers it.",
                )
            )
    return problems
