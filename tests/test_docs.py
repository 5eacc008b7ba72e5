"""The documentation keeps up with the code: every field, kind and macro is in the guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.main import MACROS
from macros.model import KINDS, Policy
from macros.render.trainers import field_rows

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs/contributing/index.md"


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_is_documented_in_the_guide(kind, site):
    """The guide has a section per kind, and its built page lists every field with a
    description (the table comes from the model, so a field without one fails here)."""
    source = GUIDE.read_text(encoding="utf-8")
    assert f"{{: #{kind} }}" in source, f"no section for {kind}"
    assert f'field_reference("{kind}")' in source
    html = (site / "trainer/contributing/index.html").read_text(encoding="utf-8")
    for row in field_rows(KINDS[kind]):
        assert row["description"], f"{kind}.{row['name']} has no description in model.py"
        assert f"<code>{row['name']}</code>" in html, f"{kind}.{row['name']} missing from guide"


def test_every_macro_is_in_the_guide():
    source = GUIDE.read_text(encoding="utf-8")
    for fn in MACROS:
        assert fn.__name__ in source, fn.__name__
        assert fn.__doc__, f"macro {fn.__name__} needs a docstring for trainers"


def test_issue_form_asks_for_every_policy_field():
    form = (ROOT / ".github/ISSUE_TEMPLATE/share-policy.yml").read_text(encoding="utf-8")
    ids = set(re.findall(r"^\s+id: (\w+)$", form, flags=re.M))
    assert ids == set(Policy.model_fields) - {"sources"}


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "make site" in first_block and "make test" in first_block
