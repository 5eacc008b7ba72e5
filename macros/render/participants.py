"""Participants and data: the policy database, share form, briefing, schedule, packs."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from typing import get_args

from ..curriculum import Curriculum
from ..model import Briefing, MemberStatus, Region, Run
from .agenda import compute_pack_agenda
from .engine import Context, render
from .links import slugify


def list_countries(cur: Curriculum) -> list[str]:
    """Every country named by at least one policy, alphabetically."""
    return sorted({c for p in cur.policies.values() for c in p.countries})


def render_policy_table(cur: Curriculum, ctx: Context) -> str:
    """The database table: rendered rows for reading without JavaScript are not needed,
    so the page stays the same size as the database grows; the script loads the JSON."""
    return render(
        "policies.md",
        ctx,
        count=len(cur.policies),
        countries=list_countries(cur),
        slugify=slugify,
        measure_types=cur.measure_types,
        regions=list(get_args(Region)),
        statuses=list(get_args(MemberStatus)),
        asset=ctx.asset,
        data_url=ctx.data_url,
        shared=sum(1 for p in cur.policies.values() if p.shared_in),
    )


def render_policy(cur: Curriculum, ctx: Context, pid: str) -> str:
    """One policy's page; every field is participant text and is escaped."""
    policy = cur.policies[pid]
    mt = cur.measure_types.get(policy.measure_type)
    run = cur.runs.get(policy.shared_in or "")
    return render(
        "policy.html",
        ctx,
        p=policy,
        measure=mt,
        run=run,
        country_pages={c: f"policies/countries/{slugify(c)}.md" for c in policy.countries},
    )


def render_country(cur: Curriculum, ctx: Context, slug: str) -> str:
    """Every policy that names one country, shared agreements included."""
    country = next(c for c in list_countries(cur) if slugify(c) == slug)
    policies = sorted(
        (p for p in cur.policies.values() if country in p.countries),
        key=lambda p: (-(p.year or 0), p.title),
    )
    return render(
        "country.html", ctx, country=country, policies=policies, measure_types=cur.measure_types
    )


def render_share_form(cur: Curriculum, ctx: Context) -> str:
    """The share-a-policy form: validates in the browser, produces a YAML file."""
    return render(
        "share.md",
        ctx,
        measure_types=cur.measure_types,
        regions=list(get_args(Region)),
        statuses=list(get_args(MemberStatus)),
        runs=sorted(cur.runs),
        asset=ctx.asset,
        data_url=ctx.data_url,
    )


def render_briefing(cur: Curriculum, ctx: Context) -> str:
    """The briefing note for participants."""
    return render("briefing.md", ctx, b=cur.briefing, has_share=bool(cur.policies))


def render_questionnaire(cur: Curriculum, ctx: Context) -> str:
    """The pre-course questionnaire, printable."""
    return render(
        "questionnaire.md",
        ctx,
        title="Pre-course questionnaire",
        groups=_briefing(cur).questionnaire,
        intro="Please answer before the course. Your answers help the trainers "
        "prepare and tell the WTO which trade and gender topics matter most to "
        "governments. Do not write personal data.",
    )


def _briefing(cur: Curriculum) -> Briefing:
    """The briefing; its pages exist only when curriculum/briefing.yml does."""
    if cur.briefing is None:
        raise ValueError("curriculum/briefing.yml is missing: its pages cannot be rendered")
    return cur.briefing


def render_evaluation(cur: Curriculum, ctx: Context) -> str:
    """Evaluation approach, the post-course questionnaire and the follow-up plan."""
    form = render(
        "questionnaire.md", ctx, title="", groups=_briefing(cur).evaluation_form, intro=""
    )
    return render("evaluation.md", ctx, b=cur.briefing, p=cur.programme, form=form)


def _run_order(run: Run) -> tuple:
    return (run.year, run.first_month, run.start or dt.date.min, run.id)


def year_calendar(cur: Curriculum, year: int) -> list[dict]:
    """Twelve months with the runs that start in each and what the cadence plans."""
    by_month = defaultdict(list)
    for run in sorted(cur.runs.values(), key=_run_order):
        if run.year == year:
            by_month[run.first_month].append(run)
    months = []
    for month in range(1, 13):
        planned = [u for u in cur.programme.units if month in u.cadence.months]
        months.append(
            {
                "number": month,
                "name": calendar.month_name[month],
                "runs": by_month[month],
                "planned": planned,
                "evaluation": month in cur.programme.evaluation_months,
            }
        )
    return months


def render_schedule(cur: Curriculum, ctx: Context) -> str:
    """The calendar of each year with runs, derived from the cadence and the runs."""
    years = sorted({r.year for r in cur.runs.values()})
    calendars = {y: year_calendar(cur, y) for y in years}
    units = cur.programme.units
    return render(
        "schedule.md",
        ctx,
        years=years,
        calendars=calendars,
        p=cur.programme,
        units={u.id: u for u in units},
        unscheduled=[u for u in units if u.cadence.runs_per_year and not u.cadence.months],
        asset=ctx.asset,
        data_url=ctx.data_url,
    )


def render_national(cur: Curriculum, ctx: Context, nid: str) -> str:
    """A national activity: the tailored agenda and the chosen parts."""
    pack = cur.national[nid]
    sessions = [cur.sessions[s] for s in pack.sessions]
    days = compute_pack_agenda(pack, cur.sessions, cur.programme.agenda)
    return render(
        "national.md",
        ctx,
        pack=pack,
        sessions=sessions,
        days=days,
        modules=[cur.modules[m] for m in pack.modules],
        asset=ctx.asset,
        data_url=ctx.data_url,
    )
