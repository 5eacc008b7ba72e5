"""Open-data files written beside the site: indicators, policies, the course calendar.

Each output is one function in OUTPUTS; adding an output means adding a function here.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..curriculum import Curriculum
from .calendar import export_calendars
from .scripts import export_policy_scripts

INDICATOR_FIELDS = [
    "id",
    "name",
    "definition",
    "computation",
    "unit",
    "disaggregation",
    "data_sources",
    "frequency",
    "agreements",
    "sessions",
    "themes",
    "sdg_target",
    "sources",
]
RUN_FIELDS = [
    "id",
    "unit",
    "title",
    "status",
    "month",
    "start",
    "end",
    "language",
    "seats",
]
POLICY_FIELDS = [
    "id",
    "countries",
    "member_status",
    "region",
    "year",
    "title",
    "measure_type",
    "wto_areas",
    "description",
    "beneficiaries",
    "status",
    "source_url",
    "shared_in",
]


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return value.get("title", "") + (f" <{value['url']}>" if value.get("url") else "")
    return "" if value is None else str(value)


def _safe_csv(text: str) -> str:
    """Neutralise spreadsheet formulas in participant text (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def format_csv(rows: list[dict], fields: list[str]) -> str:
    """Rows as CSV text with one column per field; lists joined with '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([_safe_csv(_cell(row.get(f))) for f in fields])
    return out.getvalue()


def _by_id(obj) -> str:
    """Sort key: data files list their records by id, whatever order they were loaded in."""
    return obj.id


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def policy_records(cur: Curriculum) -> list[dict]:
    """The policy database as plain records, as published in policies.json."""
    return [p.model_dump(mode="json") for p in sorted(cur.policies.values(), key=_by_id)]


def export_indicators(cur: Curriculum, site_dir: Path) -> None:
    """site/data/indicators.json and indicators.csv."""
    if not cur.indicators:
        return
    rows = [i.model_dump(mode="json") for i in sorted(cur.indicators.values(), key=_by_id)]
    _write(site_dir / "data/indicators.json", json.dumps(rows, ensure_ascii=False, indent=1))
    _write(site_dir / "data/indicators.csv", format_csv(rows, INDICATOR_FIELDS))


def export_policies(cur: Curriculum, site_dir: Path) -> None:
    """site/data/policies.json (loaded by the table) and policies.csv."""
    if not cur.policies:
        return
    rows = policy_records(cur)
    measure_titles = {k: v.title for k, v in cur.measure_types.items()}
    for row in rows:
        row["measure_title"] = measure_titles.get(row["measure_type"], row["measure_type"])
    _write(
        site_dir / "data/policies.json", json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    )
    _write(site_dir / "data/policies.csv", format_csv(rows, POLICY_FIELDS))


def export_runs(cur: Curriculum, site_dir: Path) -> None:
    """site/data/runs.json and runs.csv: every course run with its status and dates or month."""
    if not cur.runs:
        return
    runs = sorted(cur.runs.values(), key=lambda r: (r.year, r.first_month, r.id))
    rows = [r.model_dump(mode="json") for r in runs]
    _write(site_dir / "data/runs.json", json.dumps(rows, ensure_ascii=False, indent=1))
    _write(site_dir / "data/runs.csv", format_csv(rows, RUN_FIELDS))


def export_schemas(cur: Curriculum, site_dir: Path) -> None:
    """The policy JSON Schema, used by the share form to validate in the browser."""
    from ..schema import render_schema

    if cur.policies is not None:
        _write(site_dir / "data/policy.schema.json", render_schema("policy"))


OUTPUTS = [
    export_indicators,
    export_policies,
    export_runs,
    export_schemas,
    export_calendars,
    export_policy_scripts,
]
"""Every data output, run after each site build."""
