"""Pages for trainers and contributors: objective alignment and the field reference."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from ..curriculum import Curriculum
from ..model import KINDS
from .engine import Context, render


def alignment_rows(cur: Curriculum) -> list[dict]:
    """Every objective with the questions that assess it."""
    questions: dict[str, list[str]] = {}
    for qid, quiz in cur.quizzes.items():
        for q in quiz.questions:
            if q.objective:
                questions.setdefault(q.objective, []).append(f"{qid}/{q.id}")
    rows = []
    for sid, session in cur.sessions.items():
        for o in session.objectives:
            rows.append({"where": f"Session {session.number}", "src": f"sessions/{sid}.md",
                         "id": o.id, "text": o.text, "questions": questions.get(o.id, [])})
    for mid, module in cur.modules.items():
        for lesson in module.lessons:
            for o in lesson.objectives:
                rows.append({"where": f"{module.title}: {lesson.title}",
                             "src": f"elearning/{mid}/{lesson.id}.md", "id": o.id,
                             "text": o.text, "questions": questions.get(o.id, [])})
    return rows


def render_alignment(cur: Curriculum, ctx: Context) -> str:
    """Objectives × questions; unassessed objectives stand out."""
    rows = alignment_rows(cur)
    missing = [r for r in rows if not r["questions"]]
    return render("alignment.md", ctx, rows=rows, missing=missing)


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
    return {"str": "text", "int": "whole number", "bool": "true/false", "date": "date YYYY-MM-DD"}\
        .get(getattr(annotation, "__name__", ""), str(annotation))


def field_rows(model: type[BaseModel], prefix: str = "", seen: set | None = None) -> list[dict]:
    """Every field of a model and of the groups inside it, with type and description."""
    seen = seen or set()
    rows = []
    for name, info in model.model_fields.items():
        rows.append({"name": prefix + name, "type": _type_name(info.annotation),
                     "required": info.is_required(), "description": info.description or ""})
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
    return render("fields.md", Context(), kind=kind, doc=(model.__doc__ or "").strip(),
                  rows=field_rows(model))
