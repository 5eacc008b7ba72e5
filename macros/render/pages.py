"""Which pages the curriculum generates, and the navigation that lists them.

Each generated page is rendered by the same function that backs its macro (e.g. the
session page by the function behind ``{{ session("s4") }}``), once, when MkDocs collects
its files; the page then skips mkdocs-macros, so participant text in it is never read as
a template.  Generated pages never land in docs/.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from ..curriculum import Curriculum
from . import action_note as an
from ..i18n.ui import gettext as _
from . import components as c
from . import delegates as dl
from . import elearning as el
from . import handouts as ho
from . import participants as pa
from . import tools as t
from . import trainers as tr
from .engine import Context
from .links import slugify
from .lms import render_lms_page


@dataclass(frozen=True)
class Generated:
    """A generated page: its title, the render function and its arguments."""

    title: str
    render: Callable[..., str]
    args: tuple = ()
    search: bool = True
    editions: tuple[str, ...] = ("learner", "trainer")

    def markdown(self, cur: Curriculum, ctx: Context) -> str:
        """The page's Markdown, front matter included."""
        front = [f"title: {json.dumps(self.title, ensure_ascii=False)}", "render_macros: false"]
        if not self.search:
            front.append("search:\n  exclude: true")
        body = self.render(cur, ctx, *self.args)
        return "---\n" + "\n".join(front) + "\n---\n\n" + body + "\n"


def _page(
    title: str,
    render: Callable[..., str],
    *args: str,
    search: bool = True,
    editions: tuple[str, ...] = ("learner", "trainer"),
) -> Generated:
    return Generated(title, render, tuple(args), search, editions)


TRAINER_ONLY = ("trainer",)
"""Pages for trainers only: never in the learner site, its search or the offline zip."""


def generated_pages(cur: Curriculum) -> dict[str, Generated]:
    """Source path -> what renders it, for every generated page (each says its editions)."""
    pages: dict[str, Generated] = {
        "programme/index.md": _page(cur.programme.title, c.render_programme),
        "agenda.md": _page(_("Agenda of the 2-day course"), c.render_agenda),
        "sessions/index.md": _page(_("Sessions of the 2-day course"), c.render_session_index),
    }
    for sid, session in cur.sessions.items():
        pages[f"sessions/{sid}.md"] = _page(
            _("Session {number}: {title}").format(number=session.number, title=session.title),
            c.render_session,
            sid,
        )
    if cur.programme.delegates:
        pages["delegates/index.md"] = _page(cur.programme.delegates.title, dl.render_delegates)
    for sid, session in cur.delegate_sessions.items():
        pages[f"sessions/{sid}.md"] = _page(
            f"Delegates' course: {session.title}", dl.render_delegate_session, sid
        )
    if an.note_sessions(cur):
        pages[an.NOTE_SRC] = _page("My action note", an.render_note_page, search=False)
    if cur.handouts:  # handouts never reach the learner site
        pages["trainers/handouts/index.md"] = _page(
            _("Handouts and rubrics"), ho.render_handout_index, editions=TRAINER_ONLY
        )
        for hid, handout in cur.handouts.items():
            pages[ho.handout_src(hid)] = _page(
                handout.title, ho.render_handout, hid, search=False, editions=TRAINER_ONLY
            )
    if cur.glossary:
        pages["glossary.md"] = _page(_("Glossary"), c.render_glossary)
    if cur.modules:
        pages["elearning/index.md"] = _page(_("E-learning"), el.render_elearning_index)
    for mid, module in cur.modules.items():
        pages[f"elearning/{mid}/index.md"] = _page(module.title, el.render_module, mid)
        for lesson in module.lessons:
            pages[f"elearning/{mid}/{lesson.id}.md"] = _page(
                lesson.title, el.render_lesson, mid, lesson.id
            )
        if module.final_quiz:
            pages[f"elearning/{mid}/final.md"] = _page(
                _("{title}: final assessment").format(title=module.title), el.render_final, mid
            )
        pages[f"elearning/{mid}/completion.md"] = _page(
            _("{title}: completion record").format(title=module.title),
            el.render_completion,
            mid,
            search=False,
        )
    if cur.chapters:
        pages["guidebook/index.md"] = _page(
            _("Trade and gender policy guidebook"), t.render_guidebook_index
        )
    for cid, chapter in cur.chapters.items():
        pages[f"guidebook/{cid}.md"] = _page(chapter.title, t.render_chapter, cid)
    if cur.indicators:
        pages["tools/indicators.md"] = _page(_("Indicators"), t.render_indicator_catalogue)
    if cur.checklist:
        pages["tools/checklist.md"] = _page(cur.checklist.title, t.render_checklist)
    if cur.measures:
        pages["tools/measures.md"] = _page(_("Map of trade measures"), t.render_measures)
    if cur.policies:
        pages["policies/index.md"] = _page(
            _("Gender-responsive trade policy database"), pa.render_policy_table
        )
        pages["policies/share.md"] = _page(_("Share a policy"), pa.render_share_form)
        for pid in cur.policies:
            pages[f"policies/{pid}.md"] = _page(
                _("Policy: {id}").format(id=pid), pa.render_policy, pid, search=False
            )
        for country in pa.list_countries(cur):
            pages[f"policies/countries/{slugify(country)}.md"] = _page(
                _("Policies: {country}").format(country=country),
                pa.render_country,
                slugify(country),
                search=False,
            )
    if cur.briefing:
        pages["participants/briefing.md"] = _page(cur.briefing.title, pa.render_briefing)
        pages["participants/questionnaire.md"] = _page(
            _("Pre-course questionnaire"), pa.render_questionnaire
        )
        pages["programme/evaluation.md"] = _page(
            _("Evaluation and follow-up"), pa.render_evaluation
        )
    if cur.runs:
        pages["schedule.md"] = _page(_("Course calendar"), pa.render_schedule)
    for nid, pack in cur.national.items():
        pages[f"national/{nid}.md"] = _page(pack.title, pa.render_national, nid)
    if cur.quizzes:
        pages["trainers/alignment.md"] = _page(
            _("Objectives and questions"), tr.render_alignment, search=False, editions=TRAINER_ONLY
        )
        pages["trainers/lms.md"] = _page(
            _("Using the course in an LMS"), render_lms_page, search=False, editions=TRAINER_ONLY
        )
    return pages


def build_nav(
    cur: Curriculum,
    edition: str = "learner",
    docs: frozenset[str] = frozenset(),
    trainer_pages: list[str] | None = None,
) -> list:
    """The site navigation of one edition; policy and country pages stay out so it does
    not grow.  ``docs`` names the hand-written pages this edition has, ``trainer_pages``
    those of them that are for trainers only (listed under "For trainers")."""
    nav: list = [{"Home": "index.md"}, {"Programme": _programme_nav(cur)}]
    nav.append(
        {
            "2-day course": ["agenda.md", "sessions/index.md"]
            + [f"sessions/{sid}.md" for sid in cur.sessions]
            + ([an.NOTE_SRC] if an.note_sessions(cur) else [])
        }
    )
    if cur.programme.delegates:
        nav.append(
            {
                "Course for delegates": ["delegates/index.md"]
                + [f"sessions/{sid}.md" for sid in cur.delegate_sessions]
            }
        )
    if cur.modules:
        elearning: list = ["elearning/index.md"]
        for mid, module in cur.modules.items():
            items = [f"elearning/{mid}/index.md"] + [
                f"elearning/{mid}/{lesson.id}.md" for lesson in module.lessons
            ]
            if module.final_quiz:
                items.append(f"elearning/{mid}/final.md")
            items.append(f"elearning/{mid}/completion.md")
            elearning.append({module.title: items})
        nav.append({"E-learning": elearning})
    tools: list = []
    if cur.chapters:
        tools.append(
            {"Guidebook": ["guidebook/index.md"] + [f"guidebook/{c}.md" for c in cur.chapters]}
        )
    for src, present in (
        ("tools/indicators.md", cur.indicators),
        ("tools/checklist.md", cur.checklist),
        ("tools/measures.md", cur.measures),
    ):
        if present:
            tools.append(src)
    if tools:
        nav.append({"Policy tools": tools})
    data: list = []
    if cur.policies:
        data += ["policies/index.md", "policies/share.md"]
    if cur.briefing:
        data += ["participants/briefing.md", "participants/questionnaire.md"]
    if data:
        nav.append({"Participants and data": data})
    if cur.national:
        nav.append({"National activities": [f"national/{n}.md" for n in cur.national]})
    more: list = []
    if cur.glossary:
        more.append("glossary.md")
    more.append("downloads.md")
    nav.append({"More": more})
    if edition == "trainer":
        trainers = list(trainer_pages or [])
        if cur.quizzes:
            trainers += ["trainers/alignment.md", "trainers/lms.md"]
        if cur.handouts:
            trainers.append("trainers/handouts/index.md")
        if trainers:
            nav.append({"For trainers": trainers})
    return nav


def _programme_nav(cur: Curriculum) -> list:
    items = ["programme/index.md"]
    if cur.briefing:
        items.append("programme/evaluation.md")
    if cur.runs:
        items.append("schedule.md")
    return items
