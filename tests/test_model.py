"""Model rules and the messages validation gives for them."""

from __future__ import annotations

from macros.loader import load_text
from macros.model import Question, Quiz, Run
from macros.validate import validate_document


def problems(text: str, model) -> list[str]:
    return [p.format() for p in validate_document(load_text(text, "f.yml"), model)[1]]


QUESTION = """
id: q1
type: {type}
prompt: Which is right?
options:
  - text: A
    correct: {a}
    feedback: Because A.
  - text: {b_text}
    correct: {b}
    feedback: Because B.
explanation: A is right.
teaches: s1
objective: s1-o1
level: understand
"""


def q(type="single", a="true", b="false", b_text="B"):
    return QUESTION.format(type=type, a=a, b=b, b_text=b_text)


def test_single_choice_needs_exactly_one_correct():
    assert problems(q(), Question) == []
    assert (
        "exactly one option with correct: true, found 2"
        in problems(q(a="true", b="true"), Question)[0]
    )
    assert "found 0" in problems(q(a="false", b="false"), Question)[0]


def test_multiple_choice_allows_several_correct():
    assert problems(q(type="multiple", a="true", b="true"), Question) == []


def test_options_are_unique():
    assert "options must be unique; 'a' appears twice" in problems(q(b_text="a"), Question)[0]


def test_scenario_needs_its_case():
    assert (
        "a scenario question needs a 'scenario' text" in problems(q(type="scenario"), Question)[0]
    )


def test_at_least_two_options():
    text = """
id: q
title: Q
questions:
  - id: q1
    type: single
    prompt: P?
    options:
      - {text: A, correct: true, feedback: F}
    explanation: E
    teaches: s1
    objective: s1-o1
    level: apply
"""
    assert problems(text, Quiz) == [
        "f.yml:9:7: questions[1].options: needs at least 2 items, found 1."
    ]


def test_run_dates_in_order_and_seats_capped():
    text = (
        "id: r\nunit: unit-1\ntitle: R\nstart: 2027-02-17\nend: 2027-02-16\n"
        "language: en\nseats: 21\nstatus: planned\n"
    )
    found = problems(text, Run)
    assert "f.yml:7:8: seats: must be at most 20, got the number 21." in found
    assert len(found) == 1  # the date rule runs once the fields are valid
    found = problems(text.replace("seats: 21", "seats: 20"), Run)
    assert found == ["f.yml:5:6: end: 'end' is before 'start'."]


def test_question_level_and_objective_are_required():
    text = q().replace("objective: s1-o1\nlevel: understand\n", "level: knowing\n")
    found = problems(text, Question)
    assert any("missing required field 'objective'" in p for p in found)
    assert any(
        "level: the text 'knowing' is not allowed here. Use one of: 'remember'" in p for p in found
    )


def test_quiz_has_no_pass_mark_of_its_own():
    text = "id: q\ntitle: Q\npass_mark: 70\nquestions: []\n"
    assert any("unknown field 'pass_mark'" in p for p in problems(text, Quiz))
