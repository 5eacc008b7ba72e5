"""mkdocs-macros entry point: the macros trainers can call in any page.

Each macro renders objects of the curriculum model; none reads YAML.  Example:
``{{ quiz("s4") }}`` renders the quiz in quizzes/s4.yml.
"""

from __future__ import annotations

from pathlib import Path

from macros.render import components as c
from macros.render import elearning as el
from macros.render import home as ho
from macros.render import participants as pa
from macros.render import tools as t
from macros.render import trainers as tr
from macros.render.engine import Context
from macros.site import edition, get_curriculum

_ENV = None


def _cur():
    # Loaded by hooks.on_config at the start of each build; macros only read it.
    return get_curriculum(Path(_ENV.conf["config_file_path"]).parent)


def _ctx() -> Context:
    page = _ENV.page
    return Context(
        page_src=page.file.src_uri if page is not None else "index.md",
        edition=edition(_ENV.conf),
        directory_urls=bool(_ENV.conf["use_directory_urls"]),
    )


def session(sid: str) -> str:
    """The full page of a session, e.g. {{ session("s4") }}."""
    return c.render_session(_cur(), _ctx(), sid)


def session_index() -> str:
    """The list of sessions by day."""
    return c.render_session_index(_cur(), _ctx())


def quiz(qid: str) -> str:
    """A quiz from quizzes/<id>.yml, e.g. {{ quiz("s4") }}."""
    return c.render_quiz(_cur(), _ctx(), qid)


def programme() -> str:
    """The programme page from curriculum/programme.yml."""
    return c.render_programme(_cur(), _ctx())


def agenda() -> str:
    """The 2-day agenda, computed from session durations and breaks."""
    return c.render_agenda(_cur(), _ctx())


def glossary() -> str:
    """The glossary from curriculum/glossary.yml."""
    return c.render_glossary(_cur(), _ctx())


def elearning_index() -> str:
    """The list of e-learning modules."""
    return el.render_elearning_index(_cur(), _ctx())


def module(mid: str) -> str:
    """The front page of an e-learning module, e.g. {{ module("intro") }}."""
    return el.render_module(_cur(), _ctx(), mid)


def lesson(mid: str, lid: str) -> str:
    """One lesson of a module, e.g. {{ lesson("intro", "wto-basics") }}."""
    return el.render_lesson(_cur(), _ctx(), mid, lid)


def final_assessment(mid: str) -> str:
    """The final assessment of a module."""
    return el.render_final(_cur(), _ctx(), mid)


def completion(mid: str) -> str:
    """The printable completion record of a module."""
    return el.render_completion(_cur(), _ctx(), mid)


def guidebook_index() -> str:
    """The guidebook's table of contents."""
    return t.render_guidebook_index(_cur(), _ctx())


def chapter(cid: str) -> str:
    """A guidebook chapter, e.g. {{ chapter("services") }}."""
    return t.render_chapter(_cur(), _ctx(), cid)


def indicator_catalogue() -> str:
    """The filterable catalogue of all indicators."""
    return t.render_indicator_catalogue(_cur(), _ctx())


def indicator_table(session: str | None = None, agreement: str | None = None) -> str:
    """A table of indicators, e.g. {{ indicator_table(session="s5") }}."""
    return t.render_indicator_table(_cur(), _ctx(), session=session, agreement=agreement)


def indicator(iid: str) -> str:
    """One indicator as a card, e.g. {{ indicator("ind-women-procurement-share") }}."""
    return t.render_indicator(_cur(), _ctx(), iid)


def checklist() -> str:
    """The self-assessment questionnaire and checklist."""
    return t.render_checklist(_cur(), _ctx())


def measures_map() -> str:
    """The map of trade measures: category cards and table."""
    return t.render_measures(_cur(), _ctx())


def policy_table() -> str:
    """The searchable policy database table (its data load from data/policies.json)."""
    return pa.render_policy_table(_cur(), _ctx())


def policy(pid: str) -> str:
    """The page of one policy (participant text, escaped)."""
    return pa.render_policy(_cur(), _ctx(), pid)


def country_policies(slug: str) -> str:
    """The policies of one country."""
    return pa.render_country(_cur(), _ctx(), slug)


def share_form() -> str:
    """The share-a-policy form."""
    return pa.render_share_form(_cur(), _ctx())


def briefing() -> str:
    """The briefing note for participants."""
    return pa.render_briefing(_cur(), _ctx())


def questionnaire() -> str:
    """The pre-course questionnaire."""
    return pa.render_questionnaire(_cur(), _ctx())


def evaluation() -> str:
    """Evaluation approach, post-course questionnaire and follow-up plan."""
    return pa.render_evaluation(_cur(), _ctx())


def schedule() -> str:
    """The course calendar of the year."""
    return pa.render_schedule(_cur(), _ctx())


def national(nid: str) -> str:
    """A national activity pack page."""
    return pa.render_national(_cur(), _ctx(), nid)


def alignment() -> str:
    """For trainers: which questions assess which objectives."""
    return tr.render_alignment(_cur(), _ctx())


def download_links() -> str:
    """The table of PDFs, the offline zip and the open-data files."""
    return c.render_downloads(_cur(), _ctx())


def next_runs(limit: int = 3) -> str:
    """The next course runs from curriculum/runs/ (not ended, not cancelled), e.g.
    {{ next_runs(3) }}."""
    return ho.render_next_runs(_cur(), _ctx(), limit)


def field_reference(kind: str) -> str:
    """The table of fields of one YAML kind, for the contributor guide."""
    return tr.render_field_reference(kind)


MACROS = [
    session, session_index, quiz, programme, agenda, glossary, elearning_index, module, lesson,
    final_assessment, completion, guidebook_index, chapter, indicator_catalogue, indicator_table,
    indicator, checklist, measures_map, policy_table, policy, country_policies, share_form,
    briefing, questionnaire, evaluation, schedule, national, alignment, download_links,
    next_runs, field_reference,
]
"""Every macro, registered by define_env."""


def define_env(env) -> None:
    """Register the macros with mkdocs-macros."""
    global _ENV
    _ENV = env
    for fn in MACROS:
        env.macro(fn)
