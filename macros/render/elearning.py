"""E-learning (Unit 3): module pages, lessons with quizzes, progress and completion record."""

from __future__ import annotations

from ..curriculum import Curriculum
from ..scoring import counted_quizzes, module_pass_rule
from .components import link_terms, render_quiz
from .engine import Context, render


def module_quizzes(cur: Curriculum, mid: str) -> list[tuple[str, str]]:
    """(quiz id, label) for every quiz that counts towards the module, in order."""
    module = cur.modules[mid]
    out = [
        (lesson.quiz, f"Lesson {i}: {lesson.title}") for i, lesson in enumerate(module.lessons, 1)
    ]
    if module.final_quiz:
        out.append((module.final_quiz, "Final assessment"))
    return out


def render_elearning_index(cur: Curriculum, ctx: Context) -> str:
    """All modules: the introductory one first, then the thematic ones."""
    return render(
        "elearning-index.md",
        ctx,
        modules=list(cur.modules.values()),
        quizzes={m: module_quizzes(cur, m) for m in cur.modules},
    )


def render_module(cur: Curriculum, ctx: Context, mid: str) -> str:
    """A module's front page: summary, lessons, progress bar."""
    module = cur.modules[mid]
    units = {u.id: u for u in cur.programme.units}
    return render(
        "module.md",
        ctx,
        module=module,
        quizzes=module_quizzes(cur, mid),
        unit=units.get(module.prerequisite_for or ""),
        rule=module_pass_rule(module, cur.programme.pass_mark),
    )


def render_lesson(cur: Curriculum, ctx: Context, mid: str, lid: str) -> str:
    """One lesson: objectives, sections, its quiz and the way on."""
    module = cur.modules[mid]
    ids = [lesson.id for lesson in module.lessons]
    pos = ids.index(lid)
    lesson = module.lessons[pos]
    seen: set[str] = set()
    bodies = {s.id: link_terms(s.body, cur.glossary_terms, ctx, seen) for s in lesson.sections}
    # (page, what it is, its title): lesson.md words the links in the page's language
    if pos + 1 < len(ids):
        nxt = (f"elearning/{mid}/{ids[pos + 1]}.md", "lesson", module.lessons[pos + 1].title)
    elif module.final_quiz:
        nxt = (f"elearning/{mid}/final.md", "final", "")
    else:
        nxt = (f"elearning/{mid}/completion.md", "completion", "")
    prev = (
        (f"elearning/{mid}/{ids[pos - 1]}.md", "lesson", module.lessons[pos - 1].title)
        if pos > 0
        else (f"elearning/{mid}/index.md", "module", module.title)
    )
    return render(
        "lesson.md",
        ctx,
        module=module,
        lesson=lesson,
        number=pos + 1,
        bodies=bodies,
        quiz=render_quiz(cur, ctx, lesson.quiz),
        quizzes=module_quizzes(cur, mid),
        next=nxt,
        prev=prev,
    )


def render_final(cur: Curriculum, ctx: Context, mid: str) -> str:
    """The final assessment of a module."""
    module = cur.modules[mid]
    if not module.final_quiz:
        raise ValueError(f"the module '{mid}' has no final_quiz, so it has no final assessment.")
    return render(
        "final.md",
        ctx,
        module=module,
        quiz=render_quiz(cur, ctx, module.final_quiz),
        quizzes=module_quizzes(cur, mid),
        rule=module_pass_rule(module, cur.programme.pass_mark),
    )


def render_completion(cur: Curriculum, ctx: Context, mid: str) -> str:
    """The printable self-assessment record: date, score per lesson, pass or fail."""
    module = cur.modules[mid]
    return render(
        "completion.md",
        ctx,
        module=module,
        quizzes=module_quizzes(cur, mid),
        counted=counted_quizzes(module),
        pass_mark=cur.programme.pass_mark,
        rule=module_pass_rule(module, cur.programme.pass_mark),
    )
