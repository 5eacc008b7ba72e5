"""Activities: timing, the handouts and rubrics they name, and their action-note prompts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.curriculum import load_curriculum
from macros.errors import CurriculumError
from macros.loader import load_text
from macros.model import Handout
from macros.render.action_note import NOTE_SRC, note_sessions
from macros.render.engine import Context
from macros.render.handouts import handout_src, render_handout
from macros.render.pages import generated_pages
from macros.validate import validate_document

ROOT = Path(__file__).resolve().parent.parent
CUR = load_curriculum(ROOT)

RUBRIC = """
id: s9-rubric
title: A rubric
session: s9
kind: {kind}
purpose: Mark the presentations.
body: Mark one level per row.
criteria:
  - criterion: Evidence
    levels:
      - level: Not yet
        descriptor: No source.
      - level: Meets
        descriptor: One source.
  - criterion: Agency
    levels:
      - level: Not yet
        descriptor: No agency.
      - level: {second}
        descriptor: Names the agency.
"""


def handout_problems(text: str) -> list[str]:
    return [p.format() for p in validate_document(load_text(text, "h.yml"), Handout)[1]]


def check_problems(project: Path) -> list[str]:
    """Every problem and warning `make check` would report for the project."""
    try:
        cur = load_curriculum(project)
    except CurriculumError as err:
        return [p.format() for p in err.problems]
    return [p.format() for p in cur.warnings]


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in a file; return the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def first_handout_use() -> tuple[str, str]:
    """A session id and a handout id one of its activities names."""
    return next(
        (sid, hid) for sid, s in CUR.sessions.items() for a in s.activities for hid in a.handouts
    )


@pytest.mark.parametrize("sid", list(CUR.sessions))
def test_activity_minutes_add_up_to_the_session(sid):
    session = CUR.sessions[sid]
    assert sum(a.minutes for a in session.activities) == session.duration


def test_a_rubric_validates():
    assert handout_problems(RUBRIC.format(kind="rubric", second="Meets")) == []


def test_rubric_levels_must_match_across_criteria():
    found = handout_problems(RUBRIC.format(kind="rubric", second="Strong"))
    assert len(found) == 1 and "same levels in the same order (Not yet, Meets)" in found[0]


def test_criteria_belong_to_rubrics_only():
    found = handout_problems(RUBRIC.format(kind="handout", second="Meets"))
    assert len(found) == 1 and "set 'kind: rubric'" in found[0]


def test_a_rubric_needs_criteria():
    text = RUBRIC.format(kind="rubric", second="Meets").split("criteria:")[0]
    found = handout_problems(text)
    assert len(found) == 1 and "a rubric needs 'criteria'" in found[0]


def test_unknown_handout_is_one_line_with_a_suggestion(project):
    sid, hid = first_handout_use()
    line = replace_in(project / f"curriculum/sessions/{sid}.yml", f"- {hid}\n", f"- {hid}x\n")
    found = check_problems(project)
    expected = f"curriculum/sessions/{sid}.yml:{line}:"
    hits = [p for p in found if p.startswith(expected)]
    assert len(hits) == 1, found
    assert f"unknown handout '{hid}x'. Did you mean '{hid}'?" in hits[0]


def test_handout_of_an_unknown_session(project):
    hid, handout = next(iter(CUR.handouts.items()))
    path = project / f"curriculum/handouts/{hid}.yml"
    replace_in(path, f"session: {handout.session}\n", "session: s99\n")
    found = check_problems(project)
    assert any(
        p.startswith(f"curriculum/handouts/{hid}.yml:") and "unknown session 's99'" in p
        for p in found
    ), found


def test_unused_handout_is_a_warning(project):
    hid, handout = next(iter(CUR.handouts.items()))
    text = (project / f"curriculum/handouts/{hid}.yml").read_text(encoding="utf-8")
    spare = "s9-spare-handout"
    (project / f"curriculum/handouts/{spare}.yml").write_text(
        text.replace(f"id: {hid}\n", f"id: {spare}\n", 1), encoding="utf-8"
    )
    cur = load_curriculum(project)
    warnings = [w.format() for w in cur.warnings]
    assert any(f"handout '{spare}' is not used by any activity" in w for w in warnings)
    assert all(w.warning for w in cur.warnings)


def test_one_action_note_per_session(project):
    session, activity = note_sessions(CUR)[0]
    path = project / f"curriculum/sessions/{session.id}.yml"
    other = next(a for a in session.activities if a is not activity)
    replace_in(
        path,
        f"  - title: {other.title}\n",
        f"  - title: {other.title}\n    action_note: A second prompt.\n",
    )
    found = check_problems(project)
    hits = [p for p in found if "only one activity per session can have an action_note" in p]
    assert len(hits) == 1, found
    assert re.match(
        rf"curriculum/sessions/{session.id}\.yml:\d+:\d+: activities\[\d\]\.action_note: ", hits[0]
    )


def test_shipped_handouts_are_all_used():
    used = {h for s in CUR.sessions.values() for a in s.activities for h in a.handouts}
    assert set(CUR.handouts) == used
    assert not [w for w in CUR.warnings if "handout" in w.message]


@pytest.mark.parametrize("hid", list(CUR.handouts))
def test_handouts_that_state_figures_cite_sources(hid):
    handout = CUR.handouts[hid]
    if re.search(r"\d+(\.\d+)?%|\b(19|20)\d\d\b|USD", handout.body):
        assert handout.sources, f"{hid} states figures or dates without sources"


def test_handout_pages_only_in_the_trainer_edition():
    pages = generated_pages(CUR)
    learner = {src for src, page in pages.items() if "learner" in page.editions}
    trainer = {src for src, page in pages.items() if "trainer" in page.editions}
    assert not [src for src in learner if src.startswith("trainers/handouts/")]
    for hid in CUR.handouts:
        assert handout_src(hid) in trainer
    assert NOTE_SRC in learner and NOTE_SRC in trainer


def test_rubric_page_lists_every_criterion_and_level():
    rubric = next(h for h in CUR.handouts.values() if h.kind == "rubric")
    md = render_handout(CUR, Context(page_src=handout_src(rubric.id), edition="trainer"), rubric.id)
    assert '<div class="rubric">' in md
    for criterion in rubric.criteria:
        assert f'<th scope="row">{criterion.criterion}</th>' in md
    for level in rubric.criteria[0].levels:
        assert f'<th scope="col">{level.level}</th>' in md
