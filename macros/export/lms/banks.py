"""Which questions go into which question bank, in which category, with which weights.

A bank is one file to import into an LMS: one per quiz, one per e-learning module and
one for the 2-day course.  Moodle XML (moodle.py) and GIFT (gift.py) both write banks made
here, so the two formats always hold the same questions, options, keys and feedback.

Weights of "select all that apply" questions: each correct option is worth 100/k percent
(k correct options) and each wrong option -100/w percent (w wrong options), so the key
scores 100% and ticking every option scores 0%.  Both are fractions Moodle accepts for
k and w up to 10.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ...curriculum import Curriculum
from ...i18n.ui import gettext
from ...model import Module, Question, Quiz
from ...quizorder import shown_prompt
from ...scoring import is_single_answer

ROOT_CATEGORY = "$course$/WTO Trade and Gender"
"""Every category sits under this one in the course's question bank."""

MOODLE_FRACTIONS: dict[int, str] = {
    1: "100",
    2: "50",
    3: "33.33333",
    4: "25",
    5: "20",
    6: "16.66667",
    7: "14.28571",
    8: "12.5",
    9: "11.11111",
    10: "10",
}
"""100/n as Moodle writes it, for every n whose share is one of Moodle's grade fractions."""


def true_false_key(question: Question) -> bool | None:
    """For a true/false question whose options read True and False: whether 'True' is the
    key; None when the question is not one (it is then exported as multiple choice)."""
    if question.type != "true-false":
        return None
    texts = {o.text.casefold(): o for o in question.options}
    if set(texts) != {"true", "false"}:
        return None
    return texts["true"].correct


def share(count: int) -> str:
    """100/count as a Moodle grade fraction; counts above 10 have no exact fraction."""
    if count not in MOODLE_FRACTIONS:
        raise ValueError(f"Moodle has no grade fraction for 1/{count} of a question")
    return MOODLE_FRACTIONS[count]


def option_weights(question: Question) -> list[str]:
    """The grade fraction of each option (YAML order), as Moodle and GIFT write it."""
    if is_single_answer(question):
        return ["100" if o.correct else "0" for o in question.options]
    right = sum(o.correct for o in question.options)
    wrong = len(question.options) - right
    return [share(right) if o.correct else "-" + share(wrong) for o in question.options]


def pass_mark(cur: Curriculum) -> int:
    """The programme's one pass mark (a percentage of questions answered right)."""
    return cur.programme.pass_mark


def module_quiz_ids(module: Module) -> list[str]:
    """Every quiz of a module, lessons first, then the final assessment."""
    ids = [lesson.quiz for lesson in module.lessons]
    return ids + ([module.final_quiz] if module.final_quiz else [])


def question_html(question: Question) -> str:
    """The question text as HTML: the scenario, if any, then the prompt."""
    from ...render.engine import environment

    template = environment().get_template("lms/question-text.html")
    return template.render(question=question, prompt=shown_prompt(question)).strip()


def text_html(text: str) -> str:
    """Plain curriculum text (an option, a feedback) as HTML, on one line."""
    return html.escape(" ".join(text.split()), quote=False)


def category_name(title: str) -> str:
    """A title as one level of a category path: Moodle reads '/' as a level, '//' as a
    slash."""
    return " ".join(title.replace("/", "//").split())


@dataclass
class Group:
    """Questions of one quiz that go into one category."""

    category: str
    quiz: Quiz
    questions: list[Question]


@dataclass
class Bank:
    """One file to import: its path under downloads/lms/<format>/ and its groups."""

    path: str
    title: str
    groups: list[Group] = field(default_factory=list)


def quiz_groups(cur: Curriculum, quiz: Quiz, parent: str) -> list[Group]:
    """A quiz's questions in the category ``parent``; a per-objective pool gets one
    category per objective below it, so one random question per category reproduces the
    draw."""
    if quiz.draw != "per-objective":
        return [Group(parent, quiz, list(quiz.questions))]
    objectives = cur.objectives
    by_objective: dict[str, list[Question]] = {}
    for question in quiz.questions:
        by_objective.setdefault(question.objective, []).append(question)
    groups = []
    pool = f"{parent}/{category_name(quiz.title)}"
    for oid, questions in by_objective.items():
        label = f"{oid}: {objectives[oid].text}" if oid in objectives else (oid or "Other")
        groups.append(Group(f"{pool}/{category_name(label[:200])}", quiz, questions))
    return groups


def quiz_homes(cur: Curriculum) -> dict[str, str]:
    """The category of every quiz: its module's or its session's title."""
    homes: dict[str, str] = {}
    for session in cur.sessions.values():
        if session.quiz:
            label = gettext("Session {number}: {title}")  # in the language being exported
            homes.setdefault(
                session.quiz,
                label.replace("{number}", str(session.number)).replace("{title}", session.title),
            )
    for module in cur.modules.values():
        for qid in module_quiz_ids(module):
            homes.setdefault(qid, module.title)
    return {qid: f"{ROOT_CATEGORY}/{category_name(title)}" for qid, title in homes.items()}


def question_banks(cur: Curriculum) -> list[Bank]:
    """Every bank: one per quiz, one per module and one for the 2-day course."""
    homes = quiz_homes(cur)

    def groups(qid: str) -> list[Group]:
        quiz = cur.quizzes[qid]
        home = homes.get(qid, f"{ROOT_CATEGORY}/{category_name(quiz.title)}")
        return quiz_groups(cur, quiz, home)

    banks = [Bank(f"quizzes/{qid}", quiz.title, groups(qid)) for qid, quiz in cur.quizzes.items()]
    for mid, module in cur.modules.items():
        ids = [qid for qid in module_quiz_ids(module) if qid in cur.quizzes]
        banks.append(Bank(f"modules/{mid}", module.title, [g for q in ids for g in groups(q)]))
    course = [s.quiz for s in cur.sessions.values() if s.quiz and s.quiz in cur.quizzes]
    if course:
        banks.append(
            Bank("2-day-course", "The 2-day course", [g for q in course for g in groups(q)])
        )
    return banks
