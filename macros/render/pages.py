"""Which pages the curriculum generates, and the navigation that lists them.

Each generated page is a few lines of Markdown calling one macro; the macro renders
the model.  Generated pages never land in docs/.
"""

from __future__ import annotations

import json
import re
import unicodedata

from ..curriculum import Curriculum


def slugify(text: str) -> str:
    """'Côte d'Ivoire' -> 'cote-d-ivoire' (stable URL parts for countries)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _page(title: str, call: str, *, search: bool = True) -> str:
    front = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    if not search:
        front.append("search:\n  exclude: true")
    return "---\n" + "\n".join(front) + "\n---\n\n" + call + "\n"


def generated_pages(cur: Curriculum, edition: str = "learner") -> dict[str, str]:
    """Source path -> Markdown for every generated page."""
    pages: dict[str, str] = {
        "programme/index.md": _page(cur.programme.title, "{{ programme() }}"),
        "agenda.md": _page("Agenda of the 2-day course", "{{ agenda() }}"),
        "sessions/index.md": _page("The eight sessions", "{{ session_index() }}"),
    }
    for sid, session in cur.sessions.items():
        pages[f"sessions/{sid}.md"] = _page(
            f"Session {session.number}: {session.title}", f'{{{{ session("{sid}") }}}}'
        )
    if cur.glossary:
        pages["glossary.md"] = _page("Glossary", "{{ glossary() }}")
    if cur.modules:
        pages["elearning/index.md"] = _page("E-learning", "{{ elearning_index() }}")
    for mid, module in cur.modules.items():
        pages[f"elearning/{mid}/index.md"] = _page(module.title, f'{{{{ module("{mid}") }}}}')
        for lesson in module.lessons:
            pages[f"elearning/{mid}/{lesson.id}.md"] = _page(
                lesson.title, f'{{{{ lesson("{mid}", "{lesson.id}") }}}}'
            )
        if module.final_quiz:
            pages[f"elearning/{mid}/final.md"] = _page(
                f"{module.title}: final assessment", f'{{{{ final_assessment("{mid}") }}}}'
            )
        pages[f"elearning/{mid}/completion.md"] = _page(
            f"{module.title}: completion record", f'{{{{ completion("{mid}") }}}}', search=False,
        )
    if cur.chapters:
        pages["guidebook/index.md"] = _page(
            "Trade and gender policy guidebook", "{{ guidebook_index() }}"
        )
    for cid, chapter in cur.chapters.items():
        pages[f"guidebook/{cid}.md"] = _page(chapter.title, f'{{{{ chapter("{cid}") }}}}')
    if cur.indicators:
        pages["tools/indicators.md"] = _page(
            "Indicators", "{{ indicator_catalogue() }}"
        )
    if cur.checklist:
        pages["tools/checklist.md"] = _page(cur.checklist.title, "{{ checklist() }}")
    if cur.measures:
        pages["tools/measures.md"] = _page("Map of trade measures", "{{ measures_map() }}")
    if cur.policies:
        pages["policies/index.md"] = _page(
            "Gender-responsive trade policy database", "{{ policy_table() }}"
        )
        pages["policies/share.md"] = _page("Share a policy", "{{ share_form() }}")
        for pid in cur.policies:
            pages[f"policies/{pid}.md"] = _page(f"Policy: {pid}", f'{{{{ policy("{pid}") }}}}', search=False)
        for country in sorted({p.country for p in cur.policies.values()}):
            pages[f"policies/countries/{slugify(country)}.md"] = _page(
                f"Policies: {country}", f'{{{{ country_policies("{slugify(country)}") }}}}', search=False,
            )
    if cur.briefing:
        pages["participants/briefing.md"] = _page(cur.briefing.title, "{{ briefing() }}")
        pages["participants/questionnaire.md"] = _page(
            "Pre-course questionnaire", "{{ questionnaire() }}"
        )
        pages["programme/evaluation.md"] = _page("Evaluation and follow-up", "{{ evaluation() }}")
    if cur.runs:
        pages["schedule.md"] = _page("Course calendar", "{{ schedule() }}")
    for nid, pack in cur.national.items():
        pages[f"national/{nid}.md"] = _page(pack.title, f'{{{{ national("{nid}") }}}}')
    if cur.quizzes:
        pages["trainers/alignment.md"] = _page(
            "Objectives and questions", "{{ alignment() }}", search=False
        )
    return pages


def build_nav(cur: Curriculum, edition: str = "learner", docs: frozenset[str] = frozenset()) -> list:
    """The site navigation; policy and country pages stay out so it does not grow."""
    nav: list = [{"Home": "index.md"}, {"Programme": _programme_nav(cur)}]
    nav.append(
        {"2-day course": ["agenda.md", "sessions/index.md"]
         + [f"sessions/{sid}.md" for sid in cur.sessions]}
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
        tools.append({"Guidebook": ["guidebook/index.md"]
                      + [f"guidebook/{c}.md" for c in cur.chapters]})
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
    more += ["downloads.md", "contributing/index.md"]
    if "benchmark.md" in docs:  # written by `make bench`
        more.append("benchmark.md")
    if cur.quizzes:
        more.append("trainers/alignment.md")
    nav.append({"More": more})
    return nav


def _programme_nav(cur: Curriculum) -> list:
    items = ["programme/index.md"]
    if cur.briefing:
        items.append("programme/evaluation.md")
    if cur.runs:
        items.append("schedule.md")
    return items
