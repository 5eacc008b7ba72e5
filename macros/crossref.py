"""Checks that look across files: ids that must exist, ids that must be unique."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .countries import COUNTRIES
from .errors import Problem

if TYPE_CHECKING:
    from .curriculum import Curriculum
    from .loader import Document


def _unknown(doc: Document, path: tuple, kind: str, value: str, known: Iterable[str]) -> Problem:
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    plural = {"quiz": "quizzes", "country": "countries", "category": "categories"}.get(
        kind, kind + "s"
    )
    hint = f"Did you mean '{close[0]}'?" if close else (
        f"Known {plural}: {', '.join(known[:12])}{' ...' if len(known) > 12 else ''}."
        if known else f"There are no {plural} yet."
    )
    return doc.problem(path, f"unknown {kind} '{value}'. {hint}")


def _unique(doc: Document, path: tuple, items: list, what: str) -> list[Problem]:
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


def check_images(doc: Document) -> list[Problem]:
    """Every image in a text field needs alt text, for screen-reader users."""
    out = []
    for path in doc.marks:
        value = doc.data_at(path)
        if not isinstance(value, str) or ("![" not in value and "<img" not in value.lower()):
            continue
        for m in _MD_IMAGE.finditer(value):
            if not m.group("alt").strip():
                out.append(doc.problem(path, f"the image '{m.group('src')}' has no alt text. "
                                       "Describe it: ![what the image shows](file.png)."))
        if _HTML_IMAGE.search(value):
            out.append(doc.problem(path, "an <img> has no alt text. Add alt=\"what it shows\"."))
    return out


def check_curriculum(cur: Curriculum) -> tuple[list[Problem], list[Problem]]:
    """Every cross-file problem (errors) and every unassessed objective (warnings)."""
    problems: list[Problem] = []
    for (kind, _), doc in cur.documents.items():
        if kind != "policy":  # policy text is plain text: never rendered as Markdown or HTML
            problems += check_images(doc)
    prog_doc = cur.document("programme")
    prog = cur.programme
    sessions = cur.sessions

    for i, sid in enumerate(prog.order.sessions):
        if sid not in sessions:
            problems.append(_unknown(prog_doc, ("order", "sessions", i), "session", sid, sessions))
    for sid in sessions:
        if sid not in prog.order.sessions:
            problems.append(
                cur.document("session", sid).problem(
                    ("id",), f"session '{sid}' is not listed in curriculum/programme.yml "
                    "under order: sessions. Add it there."
                )
            )
    for i, mid in enumerate(prog.order.modules):
        if mid not in cur.modules:
            problems.append(_unknown(prog_doc, ("order", "modules", i), "module", mid, cur.modules))
    for i, cid in enumerate(prog.order.guidebook):
        if cid not in cur.chapters:
            problems.append(
                _unknown(prog_doc, ("order", "guidebook", i), "chapter", cid, cur.chapters)
            )
    for i, brk in enumerate(prog.agenda.breaks):
        if brk.after not in sessions:
            problems.append(
                _unknown(prog_doc, ("agenda", "breaks", i, "after"), "session", brk.after, sessions)
            )
    problems += _unique(prog_doc, ("units",), prog.units, "unit")
    for i, unit in enumerate(prog.units):
        for j, month in enumerate(unit.cadence.months):
            if not 1 <= month <= 12:
                problems.append(
                    prog_doc.problem(("units", i, "cadence", "months", j), "a month is 1 to 12.")
                )
    units = {u.id for u in prog.units}

    # Objectives are referred to by quiz questions, so their ids are unique everywhere.
    objective_owner: dict[str, str] = {}
    for sid, session in sessions.items():
        doc = cur.document("session", sid)
        problems += _unique(doc, ("sections",), session.sections, "section")
        for i, obj in enumerate(session.objectives):
            if obj.id in objective_owner:
                problems.append(
                    doc.problem(
                        ("objectives", i, "id"),
                        f"duplicate objective id '{obj.id}' (also in {objective_owner[obj.id]}).",
                    )
                )
            objective_owner.setdefault(obj.id, doc.file)
        if session.quiz and session.quiz not in cur.quizzes:
            problems.append(_unknown(doc, ("quiz",), "quiz", session.quiz, cur.quizzes))
    numbers: dict[int, str] = {}
    for sid, session in sessions.items():
        if session.number in numbers:
            problems.append(
                cur.document("session", sid).problem(
                    ("number",), f"number {session.number} is also used by {numbers[session.number]}."
                )
            )
        numbers.setdefault(session.number, sid)

    pages: dict[str, set[str]] = {sid: {s.id for s in sess.sections} for sid, sess in sessions.items()}
    for mid, module in cur.modules.items():
        doc = cur.document("module", mid)
        problems += _unique(doc, ("lessons",), module.lessons, "lesson")
        if module.prerequisite_for and module.prerequisite_for not in units:
            problems.append(
                _unknown(doc, ("prerequisite_for",), "unit", module.prerequisite_for, units)
            )
        if module.final_quiz and module.final_quiz not in cur.quizzes:
            problems.append(_unknown(doc, ("final_quiz",), "quiz", module.final_quiz, cur.quizzes))
        for i, lesson in enumerate(module.lessons):
            pages[f"{mid}/{lesson.id}"] = {s.id for s in lesson.sections}
            problems += _unique(doc, ("lessons", i, "sections"), lesson.sections, "section")
            if lesson.quiz not in cur.quizzes:
                problems.append(
                    _unknown(doc, ("lessons", i, "quiz"), "quiz", lesson.quiz, cur.quizzes)
                )
            for j, obj in enumerate(lesson.objectives):
                if obj.id in objective_owner:
                    problems.append(
                        doc.problem(
                            ("lessons", i, "objectives", j, "id"),
                            f"duplicate objective id '{obj.id}' (also in {objective_owner[obj.id]}).",
                        )
                    )
                objective_owner.setdefault(obj.id, doc.file)

    assessed: set[str] = set()
    for qid, quiz in cur.quizzes.items():
        doc = cur.document("quiz", qid)
        problems += _unique(doc, ("questions",), quiz.questions, "question")
        for i, q in enumerate(quiz.questions):
            page, _, section = q.teaches.partition("#")
            if page not in pages:
                problems.append(_unknown(doc, ("questions", i, "teaches"), "page", page, pages))
            elif section and section not in pages[page]:
                problems.append(
                    _unknown(doc, ("questions", i, "teaches"), "section", section, pages[page])
                )
            if q.objective:
                if q.objective not in objective_owner:
                    problems.append(
                        _unknown(
                            doc, ("questions", i, "objective"), "objective", q.objective,
                            objective_owner,
                        )
                    )
                assessed.add(q.objective)

    warnings = [
        _objective_warning(cur, oid, owner) for oid, owner in objective_owner.items()
        if oid not in assessed
    ]
    found, unused = check_handouts(cur)
    problems += found
    warnings += unused

    measure_ids = set(cur.measure_types)
    for cid, chapter in cur.chapters.items():
        doc = cur.document("chapter", cid)
        for field, known, kind in (
            ("indicators", cur.indicators, "indicator"),
            ("measures", measure_ids, "measure type"),
            ("sessions", sessions, "session"),
        ):
            for i, ref in enumerate(getattr(chapter, field)):
                if ref not in known:
                    problems.append(_unknown(doc, (field, i), kind, ref, known))
    for iid, ind in cur.indicators.items():
        doc = cur.document("indicator", iid)
        for i, ref in enumerate(ind.sessions):
            if ref not in sessions:
                problems.append(_unknown(doc, ("sessions", i), "session", ref, sessions))

    if cur.checklist:
        doc = cur.document("checklist")
        bands = {b.id for b in cur.checklist.bands}
        problems += _unique(doc, ("dimensions",), cur.checklist.dimensions, "dimension")
        item_seen: set[str] = set()
        for i, dim in enumerate(cur.checklist.dimensions):
            for j, item in enumerate(dim.items):
                if item.id in item_seen:
                    problems.append(
                        doc.problem(("dimensions", i, "items", j, "id"),
                                    f"duplicate item id '{item.id}'. Give each item its own id.")
                    )
                item_seen.add(item.id)
            for j, rec in enumerate(dim.recommendations):
                if rec.band not in bands:
                    problems.append(
                        _unknown(doc, ("dimensions", i, "recommendations", j, "band"), "band",
                                 rec.band, bands)
                    )
                for k, ch in enumerate(rec.chapters):
                    if ch not in cur.chapters:
                        problems.append(
                            _unknown(doc, ("dimensions", i, "recommendations", j, "chapters", k),
                                     "chapter", ch, cur.chapters)
                        )
    if cur.measures:
        doc = cur.document("measures")
        problems += _unique(doc, ("categories",), cur.measures.categories, "category")
        seen: set[str] = set()
        for i, cat in enumerate(cur.measures.categories):
            for j, mt in enumerate(cat.types):
                if mt.id in seen:
                    problems.append(
                        doc.problem(("categories", i, "types", j, "id"),
                                    f"duplicate measure type id '{mt.id}'.")
                    )
                seen.add(mt.id)
    if cur.glossary:
        problems += _unique(cur.document("glossary"), ("terms",), cur.glossary.terms, "term")

    for pid, policy in cur.policies.items():
        doc = cur.document("policy", pid)
        if policy.country not in COUNTRIES:
            problems.append(_unknown(doc, ("country",), "country", policy.country, COUNTRIES))
        if measure_ids and policy.measure_type not in measure_ids:
            problems.append(
                _unknown(doc, ("measure_type",), "measure type", policy.measure_type, measure_ids)
            )
        if policy.shared_in and policy.shared_in not in cur.runs:
            problems.append(_unknown(doc, ("shared_in",), "course run", policy.shared_in, cur.runs))
    for rid, run in cur.runs.items():
        if run.unit not in units:
            problems.append(_unknown(cur.document("run", rid), ("unit",), "unit", run.unit, units))
    for nid, pack in cur.national.items():
        doc = cur.document("national", nid)
        for i, sid in enumerate(pack.sessions):
            if sid not in sessions:
                problems.append(_unknown(doc, ("sessions", i), "session", sid, sessions))
        for i, mid in enumerate(pack.modules):
            if mid not in cur.modules:
                problems.append(_unknown(doc, ("modules", i), "module", mid, cur.modules))
        if pack.end < pack.start:
            problems.append(doc.problem(("end",), "'end' is before 'start'."))
    return problems, warnings


def _objective_warning(cur: Curriculum, oid: str, file: str) -> Problem:
    for (kind, ident), doc in cur.documents.items():
        if doc.file == file:
            for path in doc.marks:
                if path and path[-1] == "id" and doc.data_at(path) == oid:
                    return doc.problem(
                        path, f"objective '{oid}' is not assessed by any quiz question. Add a "
                        "question with 'objective: " + oid + "'.", warning=True,
                    )
    return Problem(file, 1, 1, "", f"objective '{oid}' is not assessed by any quiz question.",
                   warning=True)


def check_handouts(cur: Curriculum) -> tuple[list[Problem], list[Problem]]:
    """Handouts named by activities exist, belong to a known session and are used somewhere;
    a session has at most one action-note prompt."""
    problems: list[Problem] = []
    used: set[str] = set()
    for sid, session in cur.sessions.items():
        doc = cur.document("session", sid)
        prompts = 0
        for i, activity in enumerate(session.activities):
            for j, hid in enumerate(activity.handouts):
                used.add(hid)
                if hid not in cur.handouts:
                    problems.append(
                        _unknown(doc, ("activities", i, "handouts", j), "handout", hid,
                                 cur.handouts)
                    )
            if activity.action_note:
                prompts += 1
                if prompts > 1:
                    problems.append(doc.problem(
                        ("activities", i, "action_note"),
                        "only one activity per session can have an action_note. Merge the "
                        "prompts into one.",
                    ))
    warnings = []
    for hid, handout in cur.handouts.items():
        doc = cur.document("handout", hid)
        if handout.session not in cur.sessions:
            problems.append(_unknown(doc, ("session",), "session", handout.session, cur.sessions))
        elif hid not in used:
            warnings.append(doc.problem(
                ("id",), f"handout '{hid}' is not used by any activity. Add it to the "
                f"'handouts' of an activity in curriculum/sessions/{handout.session}.yml.",
                warning=True,
            ))
    return problems, warnings
