"""The JSON Schemas in curriculum/schema/ match the model and accept the real content."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from macros.curriculum import discover
from macros.loader import load_file
from macros.model import KINDS
from macros.schema import SCHEMA_DIR, render_schema, stale_schemas

ROOT = Path(__file__).resolve().parent.parent


def test_schemas_are_up_to_date():
    assert stale_schemas(ROOT) == [], "run 'make schema' and commit curriculum/schema/"


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_is_valid_json_schema(kind):
    schema = json.loads(render_schema(kind))
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["additionalProperties"] is False


def test_real_files_validate_against_their_schema():
    for path, kind in discover(ROOT):
        schema = json.loads((ROOT / SCHEMA_DIR / f"{kind}.schema.json").read_text())
        data = json.loads(json.dumps(load_file(path, ROOT).data, default=str))
        jsonschema.validate(data, schema)
