"""The question-bank rules, each shown rejecting a small fixture bank, and the shipped bank's
scores under every blind strategy."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from macros import bank
from macros.curriculum import Curriculum
from macros.loader import load_file, load_text
from macros.model import Objective, Programme, Quiz
from macros.quizorder import shown_options
from macros.scoring import counted_quizzes, module_pass_rule, passes, score_question
from macros.validate import validate_document

ROOT = Path(__file__).resolve().parent.parent
PASS = 70


def question(
    qid: str,
    texts: list[str],
    right: list[int],
    *,
    type: str = "single",
    level: str = "apply",
    objective: str = "o1",
    select: str = "single",
) -> dict:
    """A question as YAML data; ``right`` holds YAML indices of the correct options."""
    data = {
        "id": qid,
        "type": type,
        "prompt": "Which?",
        "level": level,
        "objective": objective,
        "options": [
            {"text": t, "correct": i in right, "feedback": "Because."} for i, t in enumerate(texts)
        ],
        "explanation": "So.",
        "teaches": "s1",
    }
    if type == "scenario":
        data.update(scenario="A ministry plans a measure.", select=select)
    return data


def keyed_at(quiz_id: str, qid: str, texts: list[str], position: int, **kw) -> dict:
    """A single-answer question whose key is shown at ``position`` (0 = first)."""
    probe = Quiz.model_validate(
        {"id": quiz_id, "title": "T", "questions": [question(qid, texts, [0], **kw)]}
    )
    index = shown_options(quiz_id, probe.questions[0])[position][0]
    return question(qid, texts, [index], **kw)


def make_bank(
    *quizzes: dict,
    sessions: dict | None = None,
    modules: dict | None = None,
    broken: dict[str, set[str]] | None = None,
) -> Curriculum:
    """A Curriculum holding only what the bank rules read."""
    cur = Curriculum(root=ROOT, programme=SimpleNamespace(pass_mark=PASS), broken=broken or {})
    for data in quizzes:
        text = yaml.safe_dump(data, sort_keys=False)
        cur.quizzes[data["id"]] = Quiz.model_validate(data)
        cur.documents[("quiz", data["id"])] = load_text(text, f"quizzes/{data['id']}.yml")
    for sid, objectives in (sessions or {}).items():
        data = {"objectives": objectives}
        cur.sessions[sid] = SimpleNamespace(
            quiz=sid, objectives=[Objective.model_validate(o) for o in objectives]
        )
        cur.documents[("session", sid)] = load_text(yaml.safe_dump(data), f"s/{sid}.yml")
    for mid, (final, lessons) in (modules or {}).items():
        cur.modules[mid] = SimpleNamespace(
            id=mid,
            final_quiz=final,
            lessons=[
                SimpleNamespace(quiz=q, objectives=[Objective.model_validate(o) for o in objs])
                for q, objs in lessons
            ],
        )
        data = {"lessons": [{"objectives": objs} for _, objs in lessons]}
        cur.documents[("module", mid)] = load_text(yaml.safe_dump(data), f"m/{mid}.yml")
    return cur


def quiz(qid: str, questions: list[dict], **extra) -> dict:
    return {"id": qid, "title": "Quiz", **extra, "questions": questions}


FOUR = ["Option alpha", "Option bravo", "Option gamma", "Option delta"]


def varied(qid: str, n: int) -> list[dict]:
    """``n`` single-answer questions with keys spread over the shown positions."""
    return [keyed_at(qid, f"v{i}", FOUR, (i + 1) % 4) for i in range(n)]


# ---------------------------------------------------------------- order and scoring


def test_shown_order_is_a_stable_permutation_and_true_false_stays_put():
    data = quiz(
        "x",
        [
            question("a", [f"Option {i}" for i in range(6)], [2]),
            question("tf", ["False", "True"], [0], type="true-false"),
        ],
    )
    q, tf = Quiz.model_validate(data).questions
    first = shown_options("x", q)
    assert first == shown_options("x", q)
    assert sorted(i for i, _ in first) == list(range(6))
    assert [o.text for _, o in shown_options("x", tf)] == ["True", "False"]
    orders = {tuple(i for i, _ in shown_options(name, q)) for name in "abcdefgh"}
    assert len(orders) > 1, "the seed must depend on the quiz id"


def test_scoring_is_all_or_nothing_and_pass_mark_is_not_rounded():
    q = Quiz.model_validate(quiz("x", [question("m", FOUR, [0, 2], type="multiple")])).questions[0]
    assert score_question(q, [2, 0])
    assert not score_question(q, [0])
    assert not score_question(q, [0, 1, 2])
    assert passes(7, 10, 70) and not passes(69, 100, 70) and not passes(0, 0, 70)
    assert not passes(2, 3, 67)


def test_module_pass_rule_is_the_final_or_every_lesson():
    lessons = [SimpleNamespace(quiz="l1"), SimpleNamespace(quiz="l2")]
    with_final = SimpleNamespace(final_quiz="fin", lessons=lessons)
    without = SimpleNamespace(final_quiz=None, lessons=lessons)
    assert counted_quizzes(with_final) == ["fin"]
    assert counted_quizzes(without) == ["l1", "l2"]
    assert "final assessment" in module_pass_rule(with_final, 70)
    assert "every lesson quiz" in module_pass_rule(without, 70)


# ---------------------------------------------------------------- blind strategies


def naive_problems(cur: Curriculum) -> list[str]:
    return [p.format() for p in bank.check_naive_strategies(cur, PASS)]


def test_keys_always_shown_first_are_rejected():
    found = naive_problems(
        make_bank(quiz("x", [keyed_at("x", f"q{i}", FOUR, 0) for i in range(4)]))
    )
    assert any("'always the first shown option' scores 4 of 4 questions (100%)" in p for p in found)
    assert found[0].startswith("quizzes/x.yml:")
    assert naive_problems(make_bank(quiz("x", varied("x", 8)))) == []


def test_longest_key_is_rejected():
    texts = ["Short", "Brief", "A much longer and more careful answer", "Terse"]
    questions = [question(f"q{i}", texts, [2]) for i in range(3)] + varied("x", 1)
    found = naive_problems(make_bank(quiz("x", questions)))
    assert any("'always the longest option' scores 3 of 4" in p for p in found)


def test_tick_all_and_all_but_last_are_rejected():
    all_right = [question(f"a{i}", FOUR, [0, 1, 2, 3], type="multiple") for i in range(3)]
    found = naive_problems(make_bank(quiz("x", all_right + varied("x", 1))))
    assert any("'tick every option' scores 3 of 4" in p for p in found)
    shuffled = []
    for i in range(3):
        probe = Quiz.model_validate(quiz("y", [question(f"b{i}", FOUR, [0], type="multiple")]))
        shown = shown_options("y", probe.questions[0])
        shuffled.append(question(f"b{i}", FOUR, [j for j, _ in shown[:-1]], type="multiple"))
    found = naive_problems(make_bank(quiz("y", shuffled + varied("y", 1))))
    assert any("'tick all but the last shown option' scores 3 of 4" in p for p in found)


def test_always_true_and_always_false_are_rejected():
    true_keys = [question(f"t{i}", ["True", "False"], [0], type="true-false") for i in range(3)]
    found = naive_problems(make_bank(quiz("x", true_keys + varied("x", 1))))
    assert any("'always 'True'' scores 3 of 4" in p for p in found)
    false_keys = [question(f"f{i}", ["True", "False"], [1], type="true-false") for i in range(3)]
    found = naive_problems(make_bank(quiz("x", false_keys + varied("x", 1))))
    assert any("'always 'False'' scores 3 of 4" in p for p in found)


def test_a_draw_is_judged_on_its_luckiest_draw():
    # Objective o1's pool holds one question keyed first; o2 and o3 are keyed elsewhere.
    pool = [
        keyed_at("d", "a", FOUR, 0, objective="o1"),
        keyed_at("d", "b", FOUR, 1, objective="o1"),
        keyed_at("d", "c", FOUR, 0, objective="o2"),
        keyed_at("d", "e", FOUR, 0, objective="o3"),
    ]
    found = naive_problems(make_bank(quiz("d", pool, draw="per-objective")))
    assert any("'always the first shown option' scores 3 of 3 objectives" in p for p in found)
    pool[3] = keyed_at("d", "e", FOUR, 2, objective="o3")
    scores = {
        s.strategy: s
        for s in bank.naive_scores(Quiz.model_validate(quiz("d", pool, draw="per-objective")))
    }
    assert scores["always the first shown option"].score == 2
    assert scores["always the first shown option"].total == 3


# ---------------------------------------------------------------- bank-wide rules


def test_one_position_holding_most_keys_is_rejected():
    heavy = [keyed_at("x", f"q{i}", FOUR, 1) for i in range(6)] + varied("x", 6)
    found = bank.check_key_positions(make_bank(quiz("x", heavy)))
    assert len(found) == 1 and "shown in position 2" in found[0].message
    assert bank.check_key_positions(make_bank(quiz("x", varied("x", 12)))) == []


def test_too_much_recall_is_rejected_per_quiz_and_overall():
    recall = [keyed_at("x", f"r{i}", FOUR, i % 4, level="remember") for i in range(2)]
    cur = make_bank(quiz("x", recall + varied("x", 4)), quiz("y", varied("y", 6)))
    assert [p.file for p in bank.check_remember_share(cur)] == ["quizzes/x.yml"]
    assert bank.check_bank_remember_share(cur) == []  # 2 of 12 overall
    cur = make_bank(
        quiz("x", recall + varied("x", 4)),
        quiz(
            "y",
            [keyed_at("y", f"r{i}", FOUR, i, level="remember") for i in range(2)] + varied("y", 1),
        ),
    )
    overall = bank.check_bank_remember_share(cur)
    assert len(overall) == 1 and "4 of 9 questions" in overall[0].message


def test_a_session_quiz_needs_half_scenarios():
    plain = varied("s1", 4)
    cases = [keyed_at("s1", f"c{i}", FOUR, i, type="scenario") for i in range(2)]
    objective = [{"id": "o1", "text": "Do it.", "level": "apply"}]
    found = bank.check_session_scenarios(
        make_bank(quiz("s1", plain + cases[:1]), sessions={"s1": objective})
    )
    assert len(found) == 1 and "1 of 5 questions are scenario" in found[0].message
    assert (
        bank.check_session_scenarios(
            make_bank(quiz("s1", plain[:2] + cases), sessions={"s1": objective})
        )
        == []
    )


def test_each_objective_needs_two_questions_at_its_level():
    objectives = [
        {"id": "o1", "text": "Decide.", "level": "apply"},
        {"id": "o2", "text": "Explain.", "level": "understand"},
    ]
    questions = [
        keyed_at("s1", "a", FOUR, 0, level="apply", objective="o1"),
        keyed_at("s1", "b", FOUR, 1, level="understand", objective="o1"),
        keyed_at("s1", "c", FOUR, 2, level="analyse", objective="o2"),
        keyed_at("s1", "d", FOUR, 3, level="understand", objective="o2"),
    ]
    cur = make_bank(quiz("s1", questions), sessions={"s1": objectives})
    found = bank.check_objective_coverage(cur)
    assert [p.format().split(": ", 1)[0] for p in found] == ["s/s1.yml:3:10"]
    assert (
        "objective 'o1' (apply) is assessed by 1 question at or above its level (a)"
        in found[0].message
    )


def test_a_draw_pool_covers_its_module_and_leans_to_application():
    lessons = [
        ("l1", [{"id": "o1", "text": "A.", "level": "understand"}]),
        ("l2", [{"id": "o2", "text": "B.", "level": "understand"}]),
    ]
    pool = [
        keyed_at("fin", "a", FOUR, 0, level="understand", objective="o1"),
        keyed_at("fin", "b", FOUR, 1, level="understand", objective="o1"),
        keyed_at("fin", "c", FOUR, 2, level="apply", objective="o1"),
    ]
    found = bank.check_draw_quizzes(
        make_bank(quiz("fin", pool, draw="per-objective"), modules={"m": ("fin", lessons)})
    )
    messages = " ".join(p.message for p in found)
    assert "none assesses o2" in messages
    assert "1 of 3 questions in the pool are at level 'apply'" in messages


def test_a_quiz_that_fails_to_load_adds_no_bank_problems():
    objectives = [
        {"id": "o1", "text": "Decide.", "level": "apply"},
        {"id": "o2", "text": "Judge.", "level": "evaluate"},
    ]
    cur = make_bank(
        quiz("s1", varied("s1", 4)), sessions={"s1": objectives}, broken={"quiz": {"s2"}}
    )
    cur.sessions["s1"].quiz = None
    assert bank.check_bank(cur) == []
    cur.broken = {}
    assert [p.field for p in bank.check_bank(cur)] == ["objectives[2].level"]


# ---------------------------------------------------------------- the shipped bank


def _pass_mark() -> int:
    doc = load_file(ROOT / "curriculum/programme.yml", ROOT)
    programme, problems = validate_document(doc, Programme)
    assert problems == [], "\n".join(p.format() for p in problems)
    return programme.pass_mark


@pytest.mark.parametrize("path", sorted((ROOT / "quizzes").glob("[!_]*.yml")), ids=lambda p: p.stem)
def test_no_blind_strategy_passes_a_shipped_quiz(path: Path):
    pass_mark = _pass_mark()
    quiz_obj, problems = validate_document(load_file(path, ROOT), Quiz)
    assert problems == [], "\n".join(p.format() for p in problems)
    scores = bank.naive_scores(quiz_obj)
    print(f"\n{quiz_obj.id} (pass mark {pass_mark}%):")
    for s in scores:
        print(f"  {s.strategy:<36} {s.score}/{s.total} = {s.percent}%")
    for s in scores:
        assert not passes(s.score, s.total, pass_mark), f"{s.strategy}: {s.score}/{s.total}"
