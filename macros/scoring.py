"""How answers are scored and when a quiz or a module is passed: defined once, here.

docs/assets/quiz.js applies the same rules in the browser; pages, PDFs and records
that state a rule take its wording from these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .i18n.ui import gettext
from .model import Module, Question


def is_single_answer(question: Question) -> bool:
    """True when the learner picks one option (radio buttons), False for 'select all'."""
    return question.type in ("single", "true-false") or (
        question.type == "scenario" and question.select == "single"
    )


def correct_indices(question: Question) -> frozenset[int]:
    """Indices (in the YAML file) of the correct options."""
    return frozenset(i for i, o in enumerate(question.options) if o.correct)


def score_question(question: Question, selected: Iterable[int]) -> bool:
    """All or nothing: right only when the selected set equals the set of correct options."""
    return frozenset(selected) == correct_indices(question)


def score_quiz(questions: Iterable[Question], answers: Mapping[str, Iterable[int]]) -> int:
    """Number of questions answered right; ``answers`` maps question id to selected indices."""
    return sum(score_question(q, answers.get(q.id, ())) for q in questions)


def passes(score: int, total: int, pass_mark: int) -> bool:
    """True when score/total reaches the pass mark (a percentage), without rounding."""
    return total > 0 and score * 100 >= pass_mark * total


def counted_quizzes(module: Module) -> list[str]:
    """Ids of the quizzes that decide whether a module is passed."""
    if module.final_quiz:
        return [module.final_quiz]
    return [lesson.quiz for lesson in module.lessons]


def module_pass_rule(module: Module, pass_mark: int) -> str:
    """The module pass rule in words, for pages, PDFs and the completion record."""
    if module.final_quiz:
        rule = gettext(
            "The module is passed when its final assessment reaches the pass mark of {pass_mark}%."
        )
    else:
        rule = gettext(
            "The module is passed when every lesson quiz reaches the pass mark of {pass_mark}%."
        )
    return rule.replace("{pass_mark}", str(pass_mark))
