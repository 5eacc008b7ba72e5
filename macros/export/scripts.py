"""Data the site's own scripts read, written as small JavaScript files.

Browsers refuse ``fetch()`` of local files, so a page opened from the offline bundle
(file://) could not read ``data/policies.json``.  A ``<script src>`` loads from file://
too, and keeps the data out of the page, which stays the same size as the database grows.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..curriculum import Curriculum
from ..schema import render_schema


def format_data_script(name: str, data: object) -> str:
    """``window.<name> = <JSON>;`` with characters that could end a script escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name} = {text};\n"


def export_policy_scripts(cur: Curriculum, site_dir: Path) -> None:
    """data/policies.js for the policy table and data/policy-schema.js for the share form."""
    if not cur.policies:
        return
    titles = {k: v.title for k, v in cur.measure_types.items()}
    rows = [p.model_dump(mode="json") for p in cur.policies.values()]
    for row in rows:
        row["measure_title"] = titles.get(row["measure_type"], row["measure_type"])
    out = site_dir / "data"
    out.mkdir(parents=True, exist_ok=True)
    (out / "policies.js").write_text(format_data_script("TG_POLICIES", rows), encoding="utf-8")
    schema = json.loads(render_schema("policy"))
    (out / "policy-schema.js").write_text(
        format_data_script("TG_POLICY_SCHEMA", schema), encoding="utf-8"
    )
