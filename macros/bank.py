"""Checks on the question bank as a whole: a quiz must not be passable by a blind strategy,
keys must not sit in one shown position, recall must not dominate, and every objective must
be assessed at its level.

Every rule reads options in the order the learner sees them (macros/quizorder.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import Problem
from .model import LEVELS, Option, Question, Quiz
from .quizorder import shown_options
from .scoring import is_single_answer, passes, score_question

if TYPE_CHECKING:
    from .curriculum import Curriculum
    from .loader import Path_

MAX_REMEMBER_SHARE = 25
"""Largest share (percent) of 'remember' questions in a quiz and in the whole bank."""

MAX_POSITION_SHARE = 40
"""Largest share (percent) of single-choice keys that one shown position may hold."""

MIN_KEYS_FOR_POSITION = 10
"""The position rule needs this many single-choice keys: below it, one question moves
the share by more than ten points and the rule would only measure chance."""

MIN_QUESTIONS_PER_OBJECTIVE = 2
"""Questions at or above an objective's level that must assess it."""

Shown = list[tuple[int, Option]]
Strategy = Callable[[Question, Shown], set[int]]


def _first(question: Question, shown: Shown) -> set[int]:
    return {shown[0][0]}


def _longest(question: Question, shown: Shown) -> set[int]:
    return {max(shown, key=lambda item: len(item[1].text))[0]}


def _tick_all(question: Question, shown: Shown) -> set[int]:
    # A radio group cannot tick everything: the guesser falls back to the first option.
    return _first(question, shown) if is_single_answer(question) else {i for i, _ in shown}


def _all_but_last(question: Question, shown: Shown) -> set[int]:
    return _first(question, shown) if is_single_answer(question) else {i for i, _ in shown[:-1]}


def _always(word: str) -> Strategy:
    def pick(question: Question, shown: Shown) -> set[int]:
        if question.type != "true-false":
            return _first(question, shown)
        return {next((i for i, o in shown if o.text.casefold() == word), shown[0][0])}

    return pick


STRATEGIES: dict[str, Strategy] = {
    "always the first shown option": _first,
    "always the longest option": _longest,
    "tick every option": _tick_all,
    "tick all but the last shown option": _all_but_last,
    "always 'True'": _always("true"),
    "always 'False'": _always("false"),
}
"""Blind strategies a learner could use without reading: none may reach the pass mark.

Multiple-choice strategies fall back to the first shown option on single-answer
questions, and the true/false ones do the same on questions that are not true/false.
"""


@dataclass(frozen=True)
class NaiveScore:
    """What one blind strategy scores on one quiz (worst case over the pool for a draw)."""

    strategy: str
    score: int
    total: int
    right: tuple[str, ...]

    @property
    def percent(self) -> int:
        """The score as a whole percentage (rounded down)."""
        return self.score * 100 // self.total if self.total else 0


def naive_scores(quiz: Quiz) -> list[NaiveScore]:
    """The score of every blind strategy on ``quiz``, options in shown order.

    For a ``draw: per-objective`` quiz an attempt shows one question per objective; the
    score is that of the luckiest draw (one point for each objective where the strategy
    gets at least one pool question right).
    """
    out = []
    for name, strategy in STRATEGIES.items():
        right = [
            q for q in quiz.questions if score_question(q, strategy(q, shown_options(quiz.id, q)))
        ]
        if quiz.draw == "per-objective":
            groups = {q.objective for q in quiz.questions}
            hit = {q.objective for q in right}
            out.append(NaiveScore(name, len(hit), len(groups), tuple(q.id for q in right)))
        else:
            out.append(
                NaiveScore(name, len(right), len(quiz.questions), tuple(q.id for q in right))
            )
    return out


def key_position(quiz: Quiz, question: Question) -> int:
    """Shown position (0 = first) of the correct option of a single-answer question."""
    shown = shown_options(quiz.id, question)
    return next(pos for pos, (_, o) in enumerate(shown) if o.correct)


def _meets(question: Question, level: str) -> bool:
    return LEVELS.index(question.level) >= LEVELS.index(level)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def check_naive_strategies(cur: Curriculum, pass_mark: int) -> list[Problem]:
    """A quiz that a blind strategy passes is rejected, naming the strategy and its score."""
    out = []
    for qid, quiz in cur.quizzes.items():
        doc = cur.document("quiz", qid)
        for result in naive_scores(quiz):
            if passes(result.score, result.total, pass_mark):
                unit = "objectives" if quiz.draw else "questions"
                out.append(
                    doc.problem(
                        ("questions",),
                        f"a learner who does not read can pass this quiz: '{result.strategy}' scores "
                        f"{result.score} of {result.total} {unit} ({result.percent}%), at or above the "
                        f"pass mark of {pass_mark}% (right on: {', '.join(result.right)}). Options are "
                        "shown in a fixed shuffle of the file order: reorder options in some of "
                        "these questions, make distractors as long and as plausible as the key, or "
                        "vary the number of correct options.",
                    )
                )
    return out


def check_key_positions(cur: Curriculum) -> list[Problem]:
    """Across the bank, no shown position may hold over 40% of single-choice keys."""
    positions: Counter[int] = Counter()
    by_quiz: dict[int, Counter[str]] = {}
    for qid, quiz in cur.quizzes.items():
        for q in quiz.questions:
            if is_single_answer(q) and q.type != "true-false":
                pos = key_position(quiz, q)
                positions[pos] += 1
                by_quiz.setdefault(pos, Counter())[qid] += 1
    total = sum(positions.values())
    if total < MIN_KEYS_FOR_POSITION:
        return []
    pos, count = positions.most_common(1)[0]
    if count * 100 <= MAX_POSITION_SHARE * total:
        return []
    worst, here = by_quiz[pos].most_common(1)[0]
    return [
        cur.document("quiz", worst).problem(
            ("questions",),
            f"across all quizzes, {count} of {total} single-choice keys "
            f"({count * 100 // total}%) are shown in position {pos + 1}; at most "
            f"{MAX_POSITION_SHARE}% may share a position. This quiz has {here} of them: reorder "
            "the options of some of its questions.",
        )
    ]


def check_remember_share(cur: Curriculum) -> list[Problem]:
    """At most 25% 'remember' questions in each quiz."""
    out = []
    for qid, quiz in cur.quizzes.items():
        recall = [q.id for q in quiz.questions if q.level == "remember"]
        n = len(quiz.questions)
        if len(recall) * 100 > MAX_REMEMBER_SHARE * n:
            out.append(
                cur.document("quiz", qid).problem(
                    ("questions",),
                    f"{len(recall)} of {n} questions are at level 'remember' ({', '.join(recall)}); "
                    f"at most {MAX_REMEMBER_SHARE}% may be. Turn some into questions that ask the "
                    "learner to classify, explain or decide in a case.",
                )
            )
    return out


def check_bank_remember_share(cur: Curriculum) -> list[Problem]:
    """At most 25% 'remember' questions across the whole bank."""
    counts = {
        qid: sum(q.level == "remember" for q in quiz.questions) for qid, quiz in cur.quizzes.items()
    }
    total = sum(len(q.questions) for q in cur.quizzes.values())
    recall = sum(counts.values())
    if not total or recall * 100 <= MAX_REMEMBER_SHARE * total:
        return []
    worst = max(counts, key=lambda k: counts[k])
    return [
        cur.document("quiz", worst).problem(
            ("questions",),
            f"across all quizzes, {recall} of {total} questions are at level 'remember'; at most "
            f"{MAX_REMEMBER_SHARE}% may be. This quiz has the most ({counts[worst]}): start here.",
        )
    ]


def check_session_scenarios(cur: Curriculum) -> list[Problem]:
    """Every session quiz: at least half its questions are scenario questions."""
    out = []
    for session in cur.sessions.values():
        quiz = cur.quizzes.get(session.quiz or "")
        if quiz is None:
            continue
        n = len(quiz.questions)
        scenarios = sum(q.type == "scenario" for q in quiz.questions)
        if scenarios * 2 < n:
            out.append(
                cur.document("quiz", quiz.id).problem(
                    ("questions",),
                    f"{scenarios} of {n} questions are scenario questions; a session quiz needs at "
                    "least half, each built on a national policy case (type: scenario, with the "
                    "case in 'scenario').",
                )
            )
    return out


def _objective_places(cur: Curriculum) -> list[tuple[str, str, tuple[str, str], Path_]]:
    """(objective id, level, document kind and id, path) of every objective."""
    places: list[tuple[str, str, tuple[str, str], Path_]] = []
    for sid, session in cur.sessions.items():
        for i, obj in enumerate(session.objectives):
            places.append((obj.id, obj.level, ("session", sid), ("objectives", i, "level")))
    for mid, module in cur.modules.items():
        for li, lesson in enumerate(module.lessons):
            for j, obj in enumerate(lesson.objectives):
                places.append(
                    (obj.id, obj.level, ("module", mid), ("lessons", li, "objectives", j, "level"))
                )
    return places


def check_objective_coverage(cur: Curriculum) -> list[Problem]:
    """Every objective has at least two questions at or above its level, in any quiz."""
    by_objective: dict[str, list[Question]] = {}
    for quiz in cur.quizzes.values():
        for q in quiz.questions:
            by_objective.setdefault(q.objective, []).append(q)
    out = []
    for oid, level, (kind, ident), path in _objective_places(cur):
        found = [q for q in by_objective.get(oid, []) if _meets(q, level)]
        if len(found) < MIN_QUESTIONS_PER_OBJECTIVE:
            at = LEVELS[LEVELS.index(level) :]
            listed = f" ({', '.join(q.id for q in found)})" if found else ""
            out.append(
                cur.document(kind, ident).problem(
                    path,
                    f"objective '{oid}' ({level}) is assessed by {_plural(len(found), 'question')} "
                    f"at or above its level{listed}; it needs {MIN_QUESTIONS_PER_OBJECTIVE}. Add "
                    f"questions with 'objective: {oid}' and a level of {' or '.join(at)}, or lower "
                    "the objective's level if that is what the course really teaches.",
                )
            )
    return out


def check_draw_quizzes(cur: Curriculum) -> list[Problem]:
    """A per-objective draw covers every objective of its module, at least half at 'apply'+."""
    out = []
    for qid, quiz in cur.quizzes.items():
        if quiz.draw != "per-objective":
            continue
        doc = cur.document("quiz", qid)
        module = next(
            (
                m
                for m in cur.modules.values()
                if m.final_quiz == qid or any(ls.quiz == qid for ls in m.lessons)
            ),
            None,
        )
        if module is not None:
            pooled = {q.objective for q in quiz.questions}
            missing = [o.id for ls in module.lessons for o in ls.objectives if o.id not in pooled]
            if missing:
                out.append(
                    doc.problem(
                        ("draw",),
                        f"a per-objective draw needs at least one question for each objective of "
                        f"module '{module.id}'; none assesses {', '.join(missing)}.",
                    )
                )
        high = sum(_meets(q, "apply") for q in quiz.questions)
        if high * 2 < len(quiz.questions):
            out.append(
                doc.problem(
                    ("draw",),
                    f"{high} of {len(quiz.questions)} questions in the pool are at level 'apply' or "
                    "above; a per-objective draw needs at least half.",
                )
            )
    return out


def check_bank(cur: Curriculum) -> list[Problem]:
    """Every bank rule; rules that count across quizzes wait until every quiz file loads."""
    pass_mark = cur.programme.pass_mark
    problems = check_naive_strategies(cur, pass_mark)
    problems += check_remember_share(cur)
    problems += check_session_scenarios(cur)
    problems += check_draw_quizzes(cur)
    # Counts across quizzes would be wrong while a quiz file does not load: its own
    # problems come first, and these rules run once it loads.
    if cur.broken.get("quiz"):
        return problems
    problems += check_bank_remember_share(cur)
    problems += check_key_positions(cur)
    problems += check_objective_coverage(cur)
    return problems
