"""Grow a copy of the project from the templates: one more session, its quiz, a policy, a
course run and a second national pack, filled with the values in tests/fixtures/new/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from macros.loader import load_file

NEW = Path(__file__).parent / "fixtures" / "new"

TEMPLATES: dict[str, str] = {
    "session": "curriculum/sessions/_template.yml",
    "quiz": "quizzes/_template.yml",
    "policy": "curriculum/policies/_template.yml",
    "run": "curriculum/runs/_template.yml",
    "national": "curriculum/national/_template.yml",
}
"""Each kind grown by the tests, with the template it is made from."""


def fill(template: Any, values: Any, where: str = "") -> Any:
    """The template's data with ``values`` put in: groups field by field, lists item by item
    (extra items appended, an empty list empties), anything else replaced.  A field the
    template does not have is an error: the values fill the template, they never extend it."""
    if isinstance(template, dict) and isinstance(values, dict):
        extra = set(values) - set(template)
        if extra:
            raise KeyError(f"{where or 'top level'}: the template has no field {sorted(extra)}")
        return {
            k: fill(v, values[k], f"{where}.{k}") if k in values else v for k, v in template.items()
        }
    if isinstance(template, list) and isinstance(values, list) and values:
        merged = [fill(t, v, f"{where}[{i}]") for i, (t, v) in enumerate(zip(template, values))]
        return merged + template[len(values) :] + values[len(template) :]
    return values


def add_to_order(project: Path, session_id: str) -> None:
    """List a session in curriculum/programme.yml under order: sessions."""
    path = project / "curriculum" / "programme.yml"
    text, count = re.subn(
        r"(?m)^(  sessions: \[[^\]]*)\]",
        rf"\1, {session_id}]",
        path.read_text(encoding="utf-8"),
        count=1,
    )
    assert count == 1, "order: sessions is no longer a one-line list; update tests/extend.py"
    path.write_text(text, encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as a '|' block, the way trainers write it."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    ),
)


def extend_project(project: Path) -> dict[str, Path]:
    """Write one new file of each kind in TEMPLATES into ``project``; return them by kind."""
    written = {}
    for kind, rel in TEMPLATES.items():
        template = project / rel
        data = fill(
            load_file(template, project).data, load_file(NEW / f"{kind}.yml", NEW).data, kind
        )
        target = template.with_name(f"{data['id']}.yml")
        target.write_text(
            yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100),
            encoding="utf-8",
        )
        written[kind] = target
        if kind == "session":
            add_to_order(project, data["id"])
    return written
