"""Render functions and partials, tested without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from macros.curriculum import load_curriculum
from macros.model import AgendaBreak, GlossaryTerm, Session
from macros.render.agenda import compute_agenda
from macros.render.components import link_terms, render_quiz
from macros.quizorder import shown_options
from macros.render.engine import Context, oneline
from macros.scoring import is_single_answer
from macros.render.links import relative_url

ROOT = Path(__file__).resolve().parent.parent
CUR = load_curriculum(ROOT)


def session(sid: str, day: int, minutes: int) -> Session:
    data = CUR.sessions["s1"].model_dump()
    activity = {**data["activities"][0], "minutes": minutes}  # activities fill the duration
    data.update(id=sid, day=day, duration=minutes, activities=[activity])
    return Session.model_validate(data)


def test_agenda_is_computed_from_durations_and_breaks():
    days = compute_agenda(
        [session("a", 1, 90), session("b", 1, 60), session("c", 2, 30)],
        [
            AgendaBreak(after="a", minutes=15, title="Coffee"),
            AgendaBreak(after="b", minutes=60, title="Lunch"),
        ],
        "09:00",
    )
    assert [(s.start, s.end, s.title) for s in days[1]] == [
        ("09:00", "10:30", CUR.sessions["s1"].title),
        ("10:30", "10:45", "Coffee"),
        ("10:45", "11:45", CUR.sessions["s1"].title),
    ]
    assert days[2][0].start == "09:00"  # a break never ends a day


def test_quiz_partial_structure_and_editions():
    learner = render_quiz(CUR, Context(page_src="sessions/s4.md"), "s4")
    quiz = CUR.quizzes["s4"]
    assert learner.count("<fieldset") == len(quiz.questions)
    assert learner.count("<legend>") == len(quiz.questions)
    assert 'aria-live="polite"' in learner and 'data-quiz="s4"' in learner
    assert 'data-store="learner:s4"' in learner
    for inp in re.findall(r'<input[^>]*id="([^"]+)"', learner):
        assert f'<label for="{inp}">' in learner
    assert "Correct answer" not in learner
    hidden = sum(len(q.options) for q in quiz.questions)
    assert learner.count('class="fb" hidden data-search-exclude') == hidden
    assert learner.count('class="q-explain" hidden data-search-exclude') == len(quiz.questions)
    assert learner.count("Select all that apply.") == sum(
        not is_single_answer(q) for q in quiz.questions
    )
    # A question taught on the quiz's own page links to the section's anchor on that page.
    links = re.findall(r'<a href="([^"]+)">Where this is taught', learner)
    assert len(links) == len(quiz.questions)
    same_page = [
        (q.teaches.partition("#")[2], link)
        for q, link in zip(quiz.questions, links)
        if q.teaches.partition("#")[0] == "s4"
    ]
    assert same_page, "some question of a session quiz is taught in its session"
    assert all(link == (f"#{anchor}" if anchor else "./") for anchor, link in same_page)


def test_options_render_in_shown_order_with_yaml_indices():
    quiz = CUR.quizzes["s4"]
    learner = render_quiz(CUR, Context(page_src="sessions/s4.md"), "s4")
    for q in quiz.questions:
        values = re.findall(rf'name="s4-{q.id}" id="[^"]+" value="(\d+)"', learner)
        assert [int(v) for v in values] == [i for i, _ in shown_options("s4", q)]


def test_trainer_edition_is_a_static_answer_key():
    quiz = CUR.quizzes["s4"]
    trainer = render_quiz(CUR, Context(page_src="sessions/s4.md", edition="trainer"), "s4")
    assert "<form" not in trainer and "<input" not in trainer and "data-store" not in trainer
    assert trainer.count('class="option key"') == sum(
        o.correct for q in quiz.questions for o in q.options
    )
    for q in quiz.questions:
        first_key = next(o for _, o in shown_options("s4", q) if o.correct)
        assert str(escape(oneline(first_key.text))) in trainer
        assert str(escape(oneline(q.explanation))) in trainer


def test_glossary_terms_link_first_use_only():
    term = GlossaryTerm(
        id="gender-lens", term="gender lens", definition='Seeing "who" is affected.'
    )
    text = "A gender lens helps. Another gender lens. `gender lens` in code. [gender lens](x.md)"
    out = link_terms(text, [term], Context(page_src="sessions/s2.md"), set())
    assert out.count("](../glossary.md#gender-lens") == 1
    assert 'title="Seeing &quot;who&quot; is affected."' not in out  # escaped for Markdown
    assert '"Seeing &quot;who&quot; is affected."' in out


def test_relative_urls_for_both_url_styles():
    assert relative_url("sessions/s1.md", "glossary.md", "x") == "../../glossary/#x"
    assert relative_url("sessions/s1.md", "index.md") == "../../"
    assert relative_url("sessions/s1.md", "glossary.md", "x", False) == "../glossary.html#x"
