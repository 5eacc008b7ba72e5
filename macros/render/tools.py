"""The policy tools: guidebook, indicators, self-assessment checklist, map of measures."""

from __future__ import annotations

import json
from collections import Counter

from ..curriculum import Curriculum
from ..i18n.marks import strip_marks
from ..model import Indicator
from .components import link_terms
from .engine import Context, render


def render_guidebook_index(cur: Curriculum, ctx: Context) -> str:
    """The guidebook's table of contents."""
    return render("guidebook-index.md", ctx, chapters=list(cur.chapters.values()))


def render_chapter(cur: Curriculum, ctx: Context, cid: str) -> str:
    """One guidebook chapter with its indicators and measure types."""
    chapter = cur.chapters[cid]
    seen: set[str] = set()
    body = link_terms(chapter.why_it_matters.body, cur.glossary_terms, ctx, seen)
    types = cur.measure_types
    ids = list(cur.chapters)
    pos = ids.index(cid)
    return render(
        "chapter.md",
        ctx,
        chapter=chapter,
        body=body,
        indicators=[cur.indicators[i] for i in chapter.indicators],
        measures=[types[m] for m in chapter.measures if m in types],
        sessions=[cur.sessions[s] for s in chapter.sessions],
        previous=cur.chapters[ids[pos - 1]] if pos > 0 else None,
        next=cur.chapters[ids[pos + 1]] if pos + 1 < len(ids) else None,
    )


def _facets(indicators: list[Indicator]) -> dict[str, list[str]]:
    return {
        "agreement": sorted({a for i in indicators for a in i.agreements}),
        "session": sorted(
            {s for i in indicators for s in i.sessions},
            key=lambda s: int(s[1:]) if s[1:].isdigit() else 99,
        ),
        "theme": sorted({t for i in indicators for t in i.themes}),
    }


def render_indicator_catalogue(cur: Curriculum, ctx: Context) -> str:
    """All indicators with client-side filters by agreement, session and theme."""
    indicators = list(cur.indicators.values())
    return render(
        "indicators.md",
        ctx,
        indicators=indicators,
        facets=_facets(indicators),
        sessions=cur.sessions,
        asset=ctx.asset,
    )


def render_indicator_table(
    cur: Curriculum, ctx: Context, session: str | None = None, agreement: str | None = None
) -> str:
    """A compact table of indicators, optionally for one session or agreement."""
    rows = [
        i
        for i in cur.indicators.values()
        if (session is None or session in i.sessions)
        and (agreement is None or agreement in i.agreements)
    ]
    return render("indicator-table.md", ctx, indicators=rows)


def render_indicator(cur: Curriculum, ctx: Context, iid: str) -> str:
    """One indicator in full."""
    return render("indicator-card.html", ctx, i=cur.indicators[iid], sessions=cur.sessions)


def render_checklist(cur: Curriculum, ctx: Context) -> str:
    """The questionnaire: readable and printable without JavaScript, scored with it."""
    checklist = cur.checklist
    if checklist is None:
        raise ValueError(
            "curriculum/checklist.yml is missing: the checklist page cannot be rendered"
        )
    count = sum(len(d.items) for d in checklist.dimensions)
    # The script shows these labels as they are: no translation marks in them.
    bands = json.dumps([{**b.model_dump(), "label": strip_marks(b.label)} for b in checklist.bands])
    labels = json.dumps({str(p.value): strip_marks(p.label) for p in checklist.scale})
    return render(
        "checklist.html",
        ctx,
        c=checklist,
        count=count,
        chapters=cur.chapters,
        asset=ctx.asset,
        bands=bands,
        labels=labels,
    )


def render_measures(cur: Curriculum, ctx: Context) -> str:
    """The map of measures: categories as HTML cards that reflow, then the full table."""
    counts = Counter(p.measure_type for p in cur.policies.values())
    return render(
        "measures.md", ctx, m=cur.measures, counts=counts, has_policies=bool(cur.policies)
    )
