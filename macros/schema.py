"""JSON Schemas of every YAML kind, for editors and for the share-a-policy form."""

from __future__ import annotations

import json
from pathlib import Path

from .model import KINDS

SCHEMA_DIR = Path("curriculum/schema")


def render_schema(kind: str) -> str:
    """The JSON Schema of one kind, as stable, pretty-printed JSON."""
    schema = KINDS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.schema.json"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def export_schemas(root: Path) -> list[Path]:
    """Write every schema to curriculum/schema/<kind>.schema.json; return the paths."""
    out_dir = root / SCHEMA_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out_dir / f"{kind}.schema.json"
        path.write_text(render_schema(kind), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[str]:
    """Kinds whose schema file is missing or differs from the model."""
    stale = []
    for kind in KINDS:
        path = root / SCHEMA_DIR / f"{kind}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != render_schema(kind):
            stale.append(kind)
    return stale
