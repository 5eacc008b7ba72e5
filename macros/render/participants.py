"""Participants and data: the policy database, share form, briefing, schedule, packs."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from ..curriculum import Curriculum
from ..model import AGREEMENT_NAMES, MemberStatus, Region
from .agenda import compute_pack_agenda
from .engine import Context, render
from .links import slugify


def render_policy_table(cur: Curriculum, ctx: Context) -> str:
    """The database table: rendered rows for reading without JavaScript are not needed,
    so the page stays the same size as the database grows; the script loads the JSON."""
    countries = sorted({p.country for p in cur.policies.values()})
    return render(
        "policies.md", ctx, count=len(cur.policies), countries=countries, slugify=slugify,
        measure_types=cur.measure_types, regions=list(Region.__args__),
        statuses=list(MemberStatus.__args__), asset=ctx.asset, data_url=ctx.data_url,
    )


def render_policy(cur: Curriculum, ctx: Context, pid: str) -> str:
    """One policy's page; every field is participant text and is escaped."""
    policy = cur.policies[pid]
    mt = cur.measure_types.get(policy.measure_type)
    run = cur.runs.get(policy.shared_in or "")
    return render("policy.html", ctx, p=policy, measure=mt, run=run,
                  country_src=f"policies/countries/{slugify(policy.country)}.md",
                  agreements=AGREEMENT_NAMES)


def render_country(cur: Curriculum, ctx: Context, slug: str) -> str:
    """Every policy of one country."""
    policies = sorted((p for p in cur.policies.values() if slugify(p.country) == slug),
                      key=lambda p: (-p.year, p.title))
    return render("country.html", ctx, country=policies[0].country, policies=policies,
                  measure_types=cur.measure_types)


def render_share_form(cur: Curriculum, ctx: Context) -> str:
    """The share-a-policy form: validates in the browser, produces a YAML file."""
    return render(
        "share.md", ctx, measure_types=cur.measure_types, regions=list(Region.__args__),
        statuses=list(MemberStatus.__args__), agreements=AGREEMENT_NAMES,
        runs=sorted(cur.runs), asset=ctx.asset, data_url=ctx.data_url,
    )


def render_briefing(cur: Curriculum, ctx: Context) -> str:
    """The briefing note for participants."""
    return render("briefing.md", ctx, b=cur.briefing, has_share=bool(cur.policies))


def render_questionnaire(cur: Curriculum, ctx: Context) -> str:
    """The pre-course questionnaire, printable."""
    return render("questionnaire.md", ctx, title="Pre-course questionnaire",
                  groups=cur.briefing.questionnaire,
                  intro="Please answer before the course. Your answers help the trainers "
                  "prepare and tell the WTO which trade and gender topics matter most to "
                  "governments. Do not write personal data.")


def render_evaluation(cur: Curriculum, ctx: Context) -> str:
    """Evaluation approach, the post-course questionnaire and the follow-up plan."""
    form = render("questionnaire.md", ctx, title="", groups=cur.briefing.evaluation_form,
                  intro="")
    return render("evaluation.md", ctx, b=cur.briefing, p=cur.programme, form=form)


def year_calendar(cur: Curriculum, year: int) -> list[dict]:
    """Twelve months with the runs that start in each and what the cadence plans."""
    by_month = defaultdict(list)
    for run in sorted(cur.runs.values(), key=lambda r: r.start):
        if run.start.year == year:
            by_month[run.start.month].append(run)
    months = []
    for month in range(1, 13):
        planned = [u for u in cur.programme.units if month in u.cadence.months]
        months.append({
            "number": month, "name": calendar.month_name[month], "runs": by_month[month],
            "planned": planned, "evaluation": month in cur.programme.evaluation_months,
        })
    return months


def render_schedule(cur: Curriculum, ctx: Context) -> str:
    """The calendar of each year with runs, derived from the cadence and the runs."""
    years = sorted({r.start.year for r in cur.runs.values()})
    today = dt.date.today().year
    current = [y for y in years if y >= today] or years[-1:]
    calendars = {y: year_calendar(cur, y) for y in years}
    return render("schedule.md", ctx, years=years, calendars=calendars,
                  units={u.id: u for u in cur.programme.units}, current=current[0],
                  asset=ctx.asset, data_url=ctx.data_url)


def render_national(cur: Curriculum, ctx: Context, nid: str) -> str:
    """A national activity: the tailored agenda and the chosen parts."""
    pack = cur.national[nid]
    sessions = [cur.sessions[s] for s in pack.sessions]
    days = compute_pack_agenda(pack, cur.sessions, cur.programme.agenda)
    return render("national.md", ctx, pack=pack, sessions=sessions, days=days,
                  modules=[cur.modules[m] for m in pack.modules], asset=ctx.asset, data_url=ctx.data_url)
