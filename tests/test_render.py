"""Render functions and partials, tested without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

from macros.curriculum import load_curriculum
from macros.model import AgendaBreak, GlossaryTerm, Session
from macros.render.agenda import compute_agenda
from macros.render.components import link_terms, render_quiz
from macros.render.engine import Context
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
        [AgendaBreak(after="a", minutes=15, title="Coffee"),
         AgendaBreak(after="b", minutes=60, title="Lunch")],
        "09:00",
    )
    assert [(s.start, s.end, s.title) for s in days[1]] == [
        ("09:00", "10:30", CUR.sessions["s1"].title), ("10:30", "10:45", "Coffee"),
        ("10:45", "11:45", CUR.sessions["s1"].title),
    ]
    assert days[2][0].start == "09:00"  # a break never ends a day


def test_quiz_partial_structure_and_editions():
    learner = render_quiz(CUR, Context(page_src="sessions/s4.md"), "s4")
    quiz = CUR.quizzes["s4"]
    assert learner.count("<fieldset") == len(quiz.questions)
    assert learner.count("<legend>") == len(quiz.questions)
    assert 'aria-live="polite"' in learner and 'data-quiz="s4"' in learner
    for inp in re.findall(r'<input[^>]*id="([^"]+)"', learner):
        assert f'<label for="{inp}">' in learner
    assert "Correct answer" not in learner
    assert learner.count('class="fb" hidden') == sum(len(q.options) for q in quiz.questions)
    trainer = render_quiz(CUR, Context(page_src="sessions/s4.md", edition="trainer"), "s4")
    assert trainer.count("(Correct answer)") == sum(
        o.correct for q in quiz.questions for o in q.options)
    link = re.search(r'<a href="([^"]+)">Where this is taught', learner).group(1)
    assert link.startswith("../s4/#") or link.startswith("./#")


def test_glossary_terms_link_first_use_only():
    term = GlossaryTerm(id="gender-lens", term="gender lens", definition='Seeing "who" is affected.')
    text = "A gender lens helps. Another gender lens. `gender lens` in code. [gender lens](x.md)"
    out = link_terms(text, [term], Context(page_src="sessions/s2.md"), set())
    assert out.count("](../glossary.md#gender-lens") == 1
    assert 'title="Seeing &quot;who&quot; is affected."' not in out  # escaped for Markdown
    assert '"Seeing &quot;who&quot; is affected."' in out


def test_relative_urls_for_both_url_styles():
    assert relative_url("sessions/s1.md", "glossary.md", "x") == "../../glossary/#x"
    assert relative_url("sessions/s1.md", "index.md") == "../../"
    assert relative_url("sessions/s1.md", "glossary.md", "x", False) == "../glossary.html#x"
