"""The timetable, computed from session durations and breaks (never typed by hand)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Agenda, AgendaBreak, NationalActivity, Session


@dataclass(frozen=True)
class Slot:
    """One row of the agenda: a session or a break."""

    day: int
    start: str
    end: str
    title: str
    minutes: int
    session: Session | None = None


def _clock(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


def compute_agenda(
    sessions: list[Session], breaks: list[AgendaBreak], day_start: str
) -> dict[int, list[Slot]]:
    """Slots per day, each session on its own ``day``; each day starts at ``day_start``."""
    plan: dict[int, list[Session]] = {}
    for session in sessions:
        plan.setdefault(session.day, []).append(session)
    return schedule_days(dict(sorted(plan.items())), breaks, day_start)


def compute_pack_agenda(
    pack: NationalActivity, sessions: Mapping[str, Session], course: Agenda
) -> dict[int, list[Slot]]:
    """Slots per day of a national pack: its own day plan and breaks when it gives them,
    otherwise the course's days and breaks for the sessions it keeps."""
    if not pack.days and not pack.breaks:
        chosen = [sessions[sid] for sid in pack.sessions if sid in sessions]
        return compute_agenda(chosen, course.breaks, pack.day_start)
    if pack.days:
        plan = {
            n: [sessions[sid] for sid in day.sessions if sid in sessions]
            for n, day in enumerate(pack.days, start=1)
        }
        return schedule_days(plan, pack.breaks, pack.day_start)
    chosen = [sessions[sid] for sid in pack.sessions if sid in sessions]
    return compute_agenda(chosen, pack.breaks, pack.day_start)


def schedule_days(
    plan: Mapping[int, list[Session]], breaks: list[AgendaBreak], day_start: str
) -> dict[int, list[Slot]]:
    """Slots for sessions already grouped by day; a break follows its session unless the
    session ends the day."""
    start_h, start_m = (int(x) for x in day_start.split(":"))
    after = {b.after: b for b in breaks}
    days: dict[int, list[Slot]] = {}
    for day, day_sessions in plan.items():
        t = start_h * 60 + start_m
        slots = days.setdefault(day, [])
        for i, session in enumerate(day_sessions):
            slots.append(
                Slot(
                    day,
                    _clock(t),
                    _clock(t + session.duration),
                    session.title,
                    session.duration,
                    session,
                )
            )
            t += session.duration
            brk = after.get(session.id)
            if brk and i < len(day_sessions) - 1:
                slots.append(Slot(day, _clock(t), _clock(t + brk.minutes), brk.title, brk.minutes))
                t += brk.minutes
    return days
