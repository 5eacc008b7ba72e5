"""mkdocs-macros entry point: the macros trainers can call in any page of docs/.

Each macro renders objects of the curriculum model; none reads YAML.  Example:
``{{ quiz("s4") }}`` renders the quiz in quizzes/s4.yml.  The render step expands them
with mkdocs-macros before any engine runs, so the engine sees plain Markdown.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from macros.render import components as c
from macros.render import elearning as el
from macros.render import home as ho
from macros.render import participants as pa
from macros.render import tools as t
from macros.render import trainers as tr
from macros.render.docs import current_page
from macros.render.engine import Context
from macros.curriculum import Curriculum


def session(cur: Curriculum, ctx: Context, sid: str) -> str:
    """The full page of a session, e.g. {{ session("s4") }}."""
    return c.render_session(cur, ctx, sid)


def session_index(cur: Curriculum, ctx: Context) -> str:
    """The list of sessions by day."""
    return c.render_session_index(cur, ctx)


def quiz(cur: Curriculum, ctx: Context, qid: str) -> str:
    """A quiz from quizzes/<id>.yml, e.g. {{ quiz("s4") }}."""
    return c.render_quiz(cur, ctx, qid)


def programme(cur: Curriculum, ctx: Context) -> str:
    """The programme page from curriculum/programme.yml."""
    return c.render_programme(cur, ctx)


def agenda(cur: Curriculum, ctx: Context) -> str:
    """The 2-day agenda, computed from session durations and breaks."""
    return c.render_agenda(cur, ctx)


def glossary(cur: Curriculum, ctx: Context) -> str:
    """The glossary from curriculum/glossary.yml."""
    return c.render_glossary(cur, ctx)


def elearning_index(cur: Curriculum, ctx: Context) -> str:
    """The list of e-learning modules."""
    return el.render_elearning_index(cur, ctx)


def module(cur: Curriculum, ctx: Context, mid: str) -> str:
    """The front page of an e-learning module, e.g. {{ module("intro") }}."""
    return el.render_module(cur, ctx, mid)


def lesson(cur: Curriculum, ctx: Context, mid: str, lid: str) -> str:
    """One lesson of a module, e.g. {{ lesson("intro", "wto-basics") }}."""
    return el.render_lesson(cur, ctx, mid, lid)


def final_assessment(cur: Curriculum, ctx: Context, mid: str) -> str:
    """The final assessment of a module."""
    return el.render_final(cur, ctx, mid)


def completion(cur: Curriculum, ctx: Context, mid: str) -> str:
    """The printable completion record of a module."""
    return el.render_completion(cur, ctx, mid)


def guidebook_index(cur: Curriculum, ctx: Context) -> str:
    """The guidebook's table of contents."""
    return t.render_guidebook_index(cur, ctx)


def chapter(cur: Curriculum, ctx: Context, cid: str) -> str:
    """A guidebook chapter, e.g. {{ chapter("services") }}."""
    return t.render_chapter(cur, ctx, cid)


def indicator_catalogue(cur: Curriculum, ctx: Context) -> str:
    """The filterable catalogue of all indicators."""
    return t.render_indicator_catalogue(cur, ctx)


def indicator_table(
    cur: Curriculum, ctx: Context, session: str | None = None, agreement: str | None = None
) -> str:
    """A table of indicators, e.g. {{ indicator_table(session="s5") }}."""
    return t.render_indicator_table(cur, ctx, session=session, agreement=agreement)


def indicator(cur: Curriculum, ctx: Context, iid: str) -> str:
    """One indicator as a card, e.g. {{ indicator("ind-women-procurement-share") }}."""
    return t.render_indicator(cur, ctx, iid)


def checklist(cur: Curriculum, ctx: Context) -> str:
    """The self-assessment questionnaire and checklist."""
    return t.render_checklist(cur, ctx)


def measures_map(cur: Curriculum, ctx: Context) -> str:
    """The map of trade measures: category cards and table."""
    return t.render_measures(cur, ctx)


def policy_table(cur: Curriculum, ctx: Context) -> str:
    """The searchable policy database table (its data load from data/policies.json)."""
    return pa.render_policy_table(cur, ctx)


def policy(cur: Curriculum, ctx: Context, pid: str) -> str:
    """The page of one policy (participant text, escaped)."""
    return pa.render_policy(cur, ctx, pid)


def country_policies(cur: Curriculum, ctx: Context, slug: str) -> str:
    """The policies of one country."""
    return pa.render_country(cur, ctx, slug)


def share_form(cur: Curriculum, ctx: Context) -> str:
    """The share-a-policy form."""
    return pa.render_share_form(cur, ctx)


def briefing(cur: Curriculum, ctx: Context) -> str:
    """The briefing note for participants."""
    return pa.render_briefing(cur, ctx)


def questionnaire(cur: Curriculum, ctx: Context) -> str:
    """The pre-course questionnaire."""
    return pa.render_questionnaire(cur, ctx)


def evaluation(cur: Curriculum, ctx: Context) -> str:
    """Evaluation approach, post-course questionnaire and follow-up plan."""
    return pa.render_evaluation(cur, ctx)


def schedule(cur: Curriculum, ctx: Context) -> str:
    """The course calendar of the year."""
    return pa.render_schedule(cur, ctx)


def national(cur: Curriculum, ctx: Context, nid: str) -> str:
    """A national activity pack page."""
    return pa.render_national(cur, ctx, nid)


def alignment(cur: Curriculum, ctx: Context) -> str:
    """For trainers: which questions assess which objectives."""
    return tr.render_alignment(cur, ctx)


def download_links(cur: Curriculum, ctx: Context) -> str:
    """The table of PDFs, the offline zip and the open-data files."""
    return c.render_downloads(cur, ctx)


def next_runs(cur: Curriculum, ctx: Context, limit: int = 3) -> str:
    """The next course runs from curriculum/runs/ (not ended, not cancelled), e.g.
    {{ next_runs(3) }}."""
    return ho.render_next_runs(cur, ctx, limit)


def field_reference(cur: Curriculum, ctx: Context, kind: str) -> str:
    """The table of fields of one YAML kind, for the contributor guide."""
    return tr.render_field_reference(kind)


MACROS: list[Callable[..., str]] = [
    session,
    session_index,
    quiz,
    programme,
    agenda,
    glossary,
    elearning_index,
    module,
    lesson,
    final_assessment,
    completion,
    guidebook_index,
    chapter,
    indicator_catalogue,
    indicator_table,
    indicator,
    checklist,
    measures_map,
    policy_table,
    policy,
    country_policies,
    share_form,
    briefing,
    questionnaire,
    evaluation,
    schedule,
    national,
    alignment,
    download_links,
    next_runs,
    field_reference,
]
"""Every macro a page of docs/ can call, e.g. ``{{ quiz("s4") }}``."""


def _bound(fn: Callable[..., str]) -> Callable[..., str]:
    @functools.wraps(fn)
    def call(*args, **kwargs) -> str:
        cur, ctx = current_page()
        return fn(cur, ctx, *args, **kwargs)

    return call


def define_env(env) -> None:
    """Register the macros with mkdocs-macros (the render step runs it on docs/ pages)."""
    for fn in MACROS:
        env.macro(_bound(fn), fn.__name__)
