"""Pages for trainers and contributors: objective alignment and the field reference."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from ..bank import MIN_QUESTIONS_PER_OBJECTIVE, naive_scores
from ..curriculum import Curriculum
from ..model import KINDS, LEVELS, Question
from .engine import Context, render


def alignment_rows(cur: Curriculum) -> list[dict]:
    """Every objective with its level, the questions that assess it and whether enough of
    them reach that level (the rule make check applies)."""
    questions: dict[str, list[tuple[str, Question]]] = {}
    for qid, quiz in cur.quizzes.items():
        for q in quiz.questions:
            questions.setdefault(q.objective, []).append((qid, q))
    places = [
        ({"session": session.number}, f"sessions/{sid}.md", o)
        for sid, session in cur.sessions.items()
        for o in session.objectives
    ] + [
        ({"module": module.title, "lesson": lesson.title}, f"elearning/{mid}/{lesson.id}.md", o)
        for mid, module in cur.modules.items()
        for lesson in module.lessons
        for o in lesson.objectives
    ]
    rows = []
    for where, src, o in places:
        found = questions.get(o.id, [])
        at_level = sum(LEVELS.index(q.level) >= LEVELS.index(o.level) for _, q in found)
        rows.append(
            {
                "where": where,
                "src": src,
                "id": o.id,
                "text": o.text,
                "level": o.level,
                "questions": [{"ref": f"{qid}/{q.id}", "level": q.level} for qid, q in found],
                "met": at_level >= MIN_QUESTIONS_PER_OBJECTIVE,
            }
        )
    return rows


def naive_rows(cur: Curriculum) -> list[dict]:
    """Every quiz with the best score a blind strategy reaches on it."""
    rows = []
    for qid, quiz in cur.quizzes.items():
        best = max(naive_scores(quiz), key=lambda s: s.score)
        recall = sum(q.level == "remember" for q in quiz.questions)
        rows.append(
            {
                "id": qid,
                "title": quiz.title,
                "n": len(quiz.questions),
                "strategy": best.strategy,
                "score": best.score,
                "total": best.total,
                "percent": best.percent,
                "remember": recall,
            }
        )
    return rows


def render_alignment(cur: Curriculum, ctx: Context) -> str:
    """Objectives × questions with levels; objectives short of two questions at level stand out."""
    rows = alignment_rows(cur)
    missing = [r for r in rows if not r["met"]]
    return render(
        "alignment.md",
        ctx,
        rows=rows,
        missing=missing,
        quizzes=naive_rows(cur),
        need=MIN_QUESTIONS_PER_OBJECTIVE,
        pass_mark=cur.programme.pass_mark,
        levels=LEVELS,
    )


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is type(None):
        return "empty"
    if origin is typing.Literal:
        return "one of: " + ", ".join(str(a) for a in args)
    if origin is list:
        return "list of " + _type_name(args[0])
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        return " or ".join(_type_name(a) for a in args if a is not type(None))
    if origin is typing.Annotated:
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"group: {annotation.__name__}"
    return {
        "str": "text",
        "int": "whole number",
        "bool": "true/false",
        "date": "date YYYY-MM-DD",
    }.get(getattr(annotation, "__name__", ""), str(annotation))


def field_rows(model: type[BaseModel], prefix: str = "", seen: set | None = None) -> list[dict]:
    """Every field of a model and of the groups inside it, with type and description."""
    seen = seen or set()
    rows = []
    for name, info in model.model_fields.items():
        rows.append(
            {
                "name": prefix + name,
                "type": _type_name(info.annotation),
                "required": info.is_required(),
                "description": info.description or "",
            }
        )
        inner = _inner(info.annotation)
        if inner is not None and inner not in seen:
            rows += field_rows(inner, prefix + name + ".", seen | {inner})
    return rows


def _inner(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner(arg)
        if found is not None:
            return found
    return None


def render_field_reference(kind: str) -> str:
    """The table of every field of one YAML kind."""
    model = KINDS[kind]
    return render(
        "fields.md", Context(), kind=kind, doc=(model.__doc__ or "").strip(), rows=field_rows(model)
    )
