"""Checks that look across files: ids that must exist, ids that must be unique.

Each checker takes the whole curriculum and returns its problems; ``CHECKERS`` lists them
all.  A reference to an item whose own file failed to load is not reported again: the
trainer fixes that file first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel

from .check_programme import check_programme
from .corpus import Curriculum
from .countries import COUNTRIES, official_name
from .errors import Problem
from .loader import Document, format_path
from .sanitise import line_of
from .text_fields import iter_texts
from .validate import suggest

Checker = Callable[[Curriculum], list[Problem]]

_PLURALS = {"quiz": "quizzes", "country": "countries", "category": "categories"}


def unknown(doc: Document, path: tuple, kind: str, value: str, known: Iterable[str]) -> Problem:
    """'unknown session 's9'. Did you mean ...?' or the list of known ids."""
    known = sorted(known)
    close = suggest(value, known)
    plural = _PLURALS.get(kind, kind + "s")
    if close:
        hint = f"Did you mean '{close}'?"
    elif known:
        more = " ..." if len(known) > 12 else ""
        hint = f"Known {plural}: {', '.join(known[:12])}{more}."
    else:
        hint = f"There are no {plural} yet."
    return doc.problem(path, f"unknown {kind} '{value}'. {hint}")


def check_reference(
    cur: Curriculum,
    doc: Document,
    path: tuple,
    kind: str,
    value: str,
    known: Iterable[str],
    *,
    broken_kind: str | None = None,
) -> list[Problem]:
    """No problem when ``value`` is known or names an item whose own file is broken."""
    if value in known or value in cur.broken.get(broken_kind or kind, set()):
        return []
    return [unknown(doc, path, kind, value, known)]


def check_unique(doc: Document, path: tuple, items: list, what: str) -> list[Problem]:
    """Every item of ``items`` has its own ``id``."""
    seen: dict[str, int] = {}
    out = []
    for i, item in enumerate(items):
        if item.id in seen:
            out.append(
                doc.problem(
                    path + (i, "id"),
                    f"duplicate {what} id '{item.id}' (also item {seen[item.id] + 1}). "
                    "Give each one its own id.",
                )
            )
        seen.setdefault(item.id, i)
    return out


_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)")
_HTML_IMAGE = re.compile(r"<img\b(?![^>]*\balt\s*=\s*[\"'][^\"']+)[^>]*>", re.IGNORECASE)


def check_images(doc: Document, obj: BaseModel, root: Path) -> list[Problem]:
    """Every image in a Markdown field needs alt text, for screen-reader users (plain-text
    fields never show images: the markup check refuses links there)."""
    out = []
    for path, kind, value in iter_texts(obj):
        if kind != "markdown" or ("![" not in value and "<img" not in value.lower()):
            continue
        found = [
            (
                m.group(0),
                f"the image '{m.group('src')}' has no alt text. "
                "Describe it: ![what the image shows](file.png).",
            )
            for m in _MD_IMAGE.finditer(value)
            if not m.group("alt").strip()
        ]
        html = _HTML_IMAGE.search(value)
        if html:
            found.append((html.group(0), 'an <img> has no alt text. Add alt="what it shows".'))
        for needle, message in found:
            line, col = line_of(doc, path, value, needle, root)
            out.append(Problem(doc.file, line, col, format_path(path), message))
    return out


def check_all_images(cur: Curriculum) -> list[Problem]:
    """Alt text on every image of every Markdown field of every loaded file."""
    return [
        p
        for key, obj in cur.objects.items()
        if key in cur.documents
        for p in check_images(cur.documents[key], obj, cur.root)
    ]


def check_order(cur: Curriculum) -> list[Problem]:
    """programme.yml's order lists every session, and only items that exist."""
    doc, order, out = cur.document("programme"), cur.programme.order, []
    for field, known, kind in (
        ("sessions", cur.sessions, "session"),
        ("modules", cur.modules, "module"),
        ("guidebook", cur.chapters, "chapter"),
    ):
        for i, ref in enumerate(getattr(order, field)):
            out += check_reference(cur, doc, ("order", field, i), kind, ref, known)
    for sid in cur.sessions:
        if sid not in order.sessions:
            out.append(
                cur.document("session", sid).problem(
                    ("id",),
                    f"session '{sid}' is not listed in curriculum/programme.yml "
                    "under order: sessions. Add it there.",
                )
            )
    return out


def check_agenda(cur: Curriculum) -> list[Problem]:
    """Each course break follows a session that exists."""
    doc, out = cur.document("programme"), []
    for i, brk in enumerate(cur.programme.agenda.breaks):
        out += check_reference(
            cur, doc, ("agenda", "breaks", i, "after"), "session", brk.after, cur.sessions
        )
    return out


def check_units(cur: Curriculum) -> list[Problem]:
    """Units have their own ids and real months."""
    doc = cur.document("programme")
    out = check_unique(doc, ("units",), cur.programme.units, "unit")
    for i, unit in enumerate(cur.programme.units):
        for j, month in enumerate(unit.cadence.months):
            if not 1 <= month <= 12:
                out.append(doc.problem(("units", i, "cadence", "months", j), "a month is 1 to 12."))
    return out


def objective_places(cur: Curriculum) -> list[tuple[str, Document, tuple]]:
    """Every objective of sessions and lessons: (id, its file, its path), in file order."""
    out: list[tuple[str, Document, tuple[str | int, ...]]] = []
    for sid, session in cur.sessions.items():
        doc = cur.document("session", sid)
        out += [(o.id, doc, ("objectives", i, "id")) for i, o in enumerate(session.objectives)]
    for mid, module in cur.modules.items():
        doc = cur.document("module", mid)
        for i, lesson in enumerate(module.lessons):
            out += [
                (o.id, doc, ("lessons", i, "objectives", j, "id"))
                for j, o in enumerate(lesson.objectives)
            ]
    return out


def check_objectives_unique(cur: Curriculum) -> list[Problem]:
    """Objective ids are unique across the curriculum: quiz questions name them."""
    owner: dict[str, str] = {}
    out = []
    for oid, doc, path in objective_places(cur):
        if oid in owner:
            out.append(doc.problem(path, f"duplicate objective id '{oid}' (also in {owner[oid]})."))
        owner.setdefault(oid, doc.file)
    return out


def check_sessions(cur: Curriculum) -> list[Problem]:
    """Sections unique per session, session numbers unique, quizzes that exist."""
    out: list[Problem] = []
    numbers: dict[int, str] = {}
    for sid, session in cur.sessions.items():
        doc = cur.document("session", sid)
        out += check_unique(doc, ("sections",), session.sections, "section")
        if session.quiz:
            out += check_reference(cur, doc, ("quiz",), "quiz", session.quiz, cur.quizzes)
        if session.number in numbers:
            out.append(
                doc.problem(
                    ("number",),
                    f"number {session.number} is also used by {numbers[session.number]}.",
                )
            )
        numbers.setdefault(session.number, sid)
    return out


def check_modules(cur: Curriculum) -> list[Problem]:
    """Lessons and sections unique; units and quizzes that exist."""
    units = {u.id for u in cur.programme.units}
    out: list[Problem] = []
    for mid, module in cur.modules.items():
        doc = cur.document("module", mid)
        out += check_unique(doc, ("lessons",), module.lessons, "lesson")
        if module.prerequisite_for:
            out += check_reference(
                cur, doc, ("prerequisite_for",), "unit", module.prerequisite_for, units
            )
        if module.final_quiz:
            out += check_reference(
                cur, doc, ("final_quiz",), "quiz", module.final_quiz, cur.quizzes
            )
        for i, lesson in enumerate(module.lessons):
            out += check_unique(doc, ("lessons", i, "sections"), lesson.sections, "section")
            out += check_reference(
                cur, doc, ("lessons", i, "quiz"), "quiz", lesson.quiz, cur.quizzes
            )
    return out


def teachable_pages(cur: Curriculum) -> dict[str, set[str]]:
    """Pages a question may point to ('s4', 'intro/why'), with their section ids."""
    pages = {sid: {s.id for s in sess.sections} for sid, sess in cur.sessions.items()}
    for mid, module in cur.modules.items():
        for lesson in module.lessons:
            pages[f"{mid}/{lesson.id}"] = {s.id for s in lesson.sections}
    return pages


def check_quizzes(cur: Curriculum) -> list[Problem]:
    """Questions unique; 'teaches' and 'objective' name a page, section, objective that exist."""
    pages = teachable_pages(cur)
    objectives = {oid for oid, _, _ in objective_places(cur)}
    broken_pages = cur.broken.get("session", set()) | cur.broken.get("module", set())
    page_objectives = {sid: [o.id for o in ses.objectives] for sid, ses in cur.sessions.items()}
    for mid, module in cur.modules.items():
        page_objectives.update(
            {f"{mid}/{les.id}": [o.id for o in les.objectives] for les in module.lessons}
        )
    out: list[Problem] = []
    for qid, quiz in cur.quizzes.items():
        doc = cur.document("quiz", qid)
        out += check_unique(doc, ("questions",), quiz.questions, "question")
        for i, q in enumerate(quiz.questions):
            page, _, section = q.teaches.partition("#")
            if page.split("/")[0] in broken_pages:
                continue
            if page not in pages:
                out.append(unknown(doc, ("questions", i, "teaches"), "page", page, pages))
            elif section and section not in pages[page]:
                out.append(
                    unknown(doc, ("questions", i, "teaches"), "section", section, pages[page])
                )
            if q.objective and q.objective not in objectives and not broken_pages:
                nearby = page_objectives.get(page)
                path = ("questions", i, "objective")
                if nearby and not suggest(q.objective, objectives):
                    out.append(
                        doc.problem(
                            path,
                            f"unknown objective '{q.objective}'. The objectives of {page} "
                            f"are: {', '.join(nearby)}.",
                        )
                    )
                else:
                    out.append(unknown(doc, path, "objective", q.objective, objectives))
    return out


def check_objectives_assessed(cur: Curriculum) -> list[Problem]:
    """Warnings: each objective that no quiz question assesses."""
    assessed = {q.objective for quiz in cur.quizzes.values() for q in quiz.questions}
    return [
        doc.problem(
            path,
            f"objective '{oid}' is not assessed by any quiz question. Add a "
            f"question with 'objective: {oid}'.",
            warning=True,
        )
        for oid, doc, path in objective_places(cur)
        if oid not in assessed
    ]


def check_chapters(cur: Curriculum) -> list[Problem]:
    """Guidebook chapters name indicators, measure types and sessions that exist."""
    out: list[Problem] = []
    for cid, chapter in cur.chapters.items():
        doc = cur.document("chapter", cid)
        for field, known, kind in (
            ("indicators", cur.indicators, "indicator"),
            ("measures", cur.measure_types, "measure type"),
            ("sessions", cur.sessions, "session"),
        ):
            if field == "measures" and not cur.measures:
                continue  # the map of measures failed to load: its own problems say why
            for i, ref in enumerate(getattr(chapter, field)):
                out += check_reference(cur, doc, (field, i), kind, ref, known)
    return out


def check_indicators(cur: Curriculum) -> list[Problem]:
    """Indicators name sessions that exist."""
    out: list[Problem] = []
    for iid, ind in cur.indicators.items():
        doc = cur.document("indicator", iid)
        for i, ref in enumerate(ind.sessions):
            out += check_reference(cur, doc, ("sessions", i), "session", ref, cur.sessions)
    return out


def check_checklist(cur: Curriculum) -> list[Problem]:
    """Checklist dimensions and items unique; bands and chapters that exist."""
    if not cur.checklist:
        return []
    doc = cur.document("checklist")
    bands = {b.id for b in cur.checklist.bands}
    out = check_unique(doc, ("dimensions",), cur.checklist.dimensions, "dimension")
    item_seen: set[str] = set()
    for i, dim in enumerate(cur.checklist.dimensions):
        for j, item in enumerate(dim.items):
            if item.id in item_seen:
                out.append(
                    doc.problem(
                        ("dimensions", i, "items", j, "id"),
                        f"duplicate item id '{item.id}'. Give each item its own id.",
                    )
                )
            item_seen.add(item.id)
        for j, rec in enumerate(dim.recommendations):
            path = ("dimensions", i, "recommendations", j)
            out += check_reference(cur, doc, path + ("band",), "band", rec.band, bands)
            for k, ch in enumerate(rec.chapters):
                out += check_reference(
                    cur, doc, path + ("chapters", k), "chapter", ch, cur.chapters
                )
    return out


def check_measures(cur: Curriculum) -> list[Problem]:
    """Categories and measure types of the map have their own ids."""
    if not cur.measures:
        return []
    doc = cur.document("measures")
    out = check_unique(doc, ("categories",), cur.measures.categories, "category")
    seen: set[str] = set()
    for i, cat in enumerate(cur.measures.categories):
        for j, mt in enumerate(cat.types):
            if mt.id in seen:
                out.append(
                    doc.problem(
                        ("categories", i, "types", j, "id"), f"duplicate measure type id '{mt.id}'."
                    )
                )
            seen.add(mt.id)
    return out


def check_glossary(cur: Curriculum) -> list[Problem]:
    """Glossary terms have their own ids."""
    if not cur.glossary:
        return []
    return check_unique(cur.document("glossary"), ("terms",), cur.glossary.terms, "term")


def check_country(doc: Document, path: tuple, country: str) -> list[Problem]:
    """A country spelt as the WTO spells it; common names and codes get the right spelling."""
    if country in COUNTRIES:
        return []
    official = official_name(country)
    if official:
        return [
            doc.problem(
                path, f"write the country as the WTO spells it: '{official}' (not '{country}')."
            )
        ]
    return [unknown(doc, path, "country", country, COUNTRIES)]


def check_policies(cur: Curriculum) -> list[Problem]:
    """Policies name a known country, a measure type of the map and a run that exist."""
    out: list[Problem] = []
    for pid, policy in cur.policies.items():
        doc = cur.document("policy", pid)
        for i, country in enumerate(policy.countries):
            out += check_country(doc, ("countries", i), country)
        if cur.measures:
            out += check_reference(
                cur, doc, ("measure_type",), "measure type", policy.measure_type, cur.measure_types
            )
        if policy.shared_in:
            out += check_reference(
                cur,
                doc,
                ("shared_in",),
                "course run",
                policy.shared_in,
                cur.runs,
                broken_kind="run",
            )
    return out


def check_runs(cur: Curriculum) -> list[Problem]:
    """Runs belong to a unit of the programme."""
    units = {u.id for u in cur.programme.units}
    return [
        p
        for rid, run in cur.runs.items()
        for p in check_reference(cur, cur.document("run", rid), ("unit",), "unit", run.unit, units)
    ]


def check_national(cur: Curriculum) -> list[Problem]:
    """National packs: sessions and modules that exist, breaks after their own sessions."""
    out: list[Problem] = []
    for nid, pack in cur.national.items():
        doc = cur.document("national", nid)
        paths: list[tuple[tuple[str | int, ...], str]]
        if pack.days:
            paths = [
                (("days", d, "sessions", i), sid)
                for d, day in enumerate(pack.days)
                for i, sid in enumerate(day.sessions)
            ]
        else:
            paths = [(("sessions", i), sid) for i, sid in enumerate(pack.sessions)]
        seen: set[str] = set()
        for path, sid in paths:
            out += check_reference(cur, doc, path, "session", sid, cur.sessions)
            if sid in seen:
                out.append(doc.problem(path, f"session '{sid}' is listed twice. Keep one."))
            seen.add(sid)
        for i, mid in enumerate(pack.modules):
            out += check_reference(cur, doc, ("modules", i), "module", mid, cur.modules)
        for i, brk in enumerate(pack.breaks):
            if brk.after not in pack.sessions:
                out.append(
                    doc.problem(
                        ("breaks", i, "after"),
                        f"the break follows '{brk.after}', which is not one of this pack's sessions "
                        f"({', '.join(pack.sessions)}).",
                    )
                )
        if pack.start and pack.end and pack.end < pack.start:
            out.append(doc.problem(("end",), "'end' is before 'start'."))
        if (
            pack.days
            and pack.start
            and pack.end
            and len(pack.days) > (pack.end - pack.start).days + 1
        ):
            out.append(
                doc.problem(
                    ("days",),
                    f"{len(pack.days)} training days do not fit between {pack.start} "
                    f"and {pack.end}. Change the dates or the days.",
                )
            )
    return out


def check_handouts(cur: Curriculum) -> list[Problem]:
    """Handouts named by activities exist and belong to a known session; a session has at
    most one action-note prompt."""
    problems: list[Problem] = []
    for sid, session in cur.sessions.items():
        doc = cur.document("session", sid)
        prompts = 0
        for i, activity in enumerate(session.activities):
            for j, hid in enumerate(activity.handouts):
                if hid not in cur.handouts:
                    problems.append(
                        unknown(doc, ("activities", i, "handouts", j), "handout", hid, cur.handouts)
                    )
            if activity.action_note:
                prompts += 1
                if prompts > 1:
                    problems.append(
                        doc.problem(
                            ("activities", i, "action_note"),
                            "only one activity per session can have an action_note. Merge the "
                            "prompts into one.",
                        )
                    )
    for hid, handout in cur.handouts.items():
        if handout.session not in cur.sessions:
            doc = cur.document("handout", hid)
            problems.append(unknown(doc, ("session",), "session", handout.session, cur.sessions))
    return problems


def check_unused_handouts(cur: Curriculum) -> list[Problem]:
    """Warnings: handouts that no activity names."""
    used = {h for s in cur.sessions.values() for a in s.activities for h in a.handouts}
    return [
        cur.document("handout", hid).problem(
            ("id",),
            f"handout '{hid}' is not used by any activity. Add it to the "
            f"'handouts' of an activity in curriculum/sessions/{handout.session}.yml.",
            warning=True,
        )
        for hid, handout in cur.handouts.items()
        if hid not in used and handout.session in cur.sessions
    ]


CHECKERS: list[Checker] = [
    check_all_images,
    check_order,
    check_agenda,
    check_units,
    check_objectives_unique,
    check_sessions,
    check_modules,
    check_quizzes,
    check_chapters,
    check_indicators,
    check_checklist,
    check_measures,
    check_glossary,
    check_policies,
    check_runs,
    check_national,
    check_programme,
    check_handouts,
]
"""Every cross-file checker, run in this order on a loaded curriculum."""
