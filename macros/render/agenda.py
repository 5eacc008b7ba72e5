"""The timetable, computed from session durations and breaks (never typed by hand)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import AgendaBreak, Session


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
    """Slots per day.  Sessions keep their order; each day starts at ``day_start``.

    When sessions are listed without day numbers matching (a national pack may keep
    only some), days follow the sessions' own ``day`` field.
    """
    start_h, start_m = (int(x) for x in day_start.split(":"))
    after = {b.after: b for b in breaks}
    days: dict[int, list[Slot]] = {}
    clock: dict[int, int] = {}
    for session in sessions:
        t = clock.setdefault(session.day, start_h * 60 + start_m)
        slots = days.setdefault(session.day, [])
        slots.append(
            Slot(session.day, _clock(t), _clock(t + session.duration), session.title,
                 session.duration, session)
        )
        t += session.duration
        brk = after.get(session.id)
        if brk and session is not sessions[-1] and _has_later_same_day(sessions, session):
            slots.append(Slot(session.day, _clock(t), _clock(t + brk.minutes), brk.title,
                              brk.minutes))
            t += brk.minutes
        clock[session.day] = t
    return dict(sorted(days.items()))


def _has_later_same_day(sessions: list[Session], session: Session) -> bool:
    index = sessions.index(session)
    return any(s.day == session.day for s in sessions[index + 1 :])
