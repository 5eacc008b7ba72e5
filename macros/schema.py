"""JSON Schemas of every YAML kind and the field reference, for editors and for GitHub.

The schemas use JSON Schema draft-07, the draft the VS Code YAML extension implements;
``docs/contributing/fields.md`` is the same information as Markdown tables, readable on
GitHub.  ``make schema`` writes both; ``make check`` fails when either is out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from .curriculum import FOLDERS, SINGLE_FILES
from .model import KINDS
from .render.trainers import field_rows

SCHEMA_DIR = Path("curriculum/schema")
FIELDS_DOC = Path("docs/contributing/fields.md")
DRAFT = "http://json-schema.org/draft-07/schema#"

FILES_OF_KIND: dict[str, list[str]] = {
    **{kind: [rel] for rel, kind in SINGLE_FILES.items()},
    **{kind: [f"{rel}/*.yml"] for rel, kind in FOLDERS.items()},
}
"""Which files follow which schema (for editors: .vscode/settings.json)."""


def render_schema(kind: str) -> str:
    """The draft-07 JSON Schema of one kind, as stable, pretty-printed JSON."""
    schema = KINDS[kind].model_json_schema(mode="validation", ref_template="#/definitions/{model}")
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    schema["$schema"] = DRAFT
    schema["$id"] = f"{kind}.schema.json"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render_fields_doc() -> str:
    """The field reference of every kind, as Markdown (docs/contributing/fields.md)."""
    out = [
        "---",
        "title: Field reference",
        "edition: trainer",
        "---",
        "",
        "# Field reference",
        "",
        "<!-- Generated from macros/model.py by 'make schema'. Do not edit by hand. -->",
        "",
        "Every field of every kind of curriculum file, with its type and meaning. The same "
        "descriptions appear in your editor (through `curriculum/schema/`) and in the error "
        "messages of `make check`. Recipes for common changes are in [the contributor "
        "guide](index.md).",
        "",
    ]
    for kind, model in KINDS.items():
        files = ", ".join(f"`{f}`" for f in FILES_OF_KIND.get(kind, []))
        out += [f"## {kind}", "", _cell((model.__doc__ or "").strip()), ""]
        if files:
            out += [f"Files: {files}. Schema: `curriculum/schema/{kind}.schema.json`.", ""]
        out += ["| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
        for row in field_rows(model):
            required = "yes" if row["required"] else "no"
            out.append(
                f"| `{row['name']}` | {_cell(row['type'])} | {required} | "
                f"{_cell(row['description'])} |"
            )
        out.append("")
    return "\n".join(out)


def generated_files() -> dict[Path, str]:
    """Every file ``make schema`` writes, relative to the project root, with its text."""
    files = {SCHEMA_DIR / f"{kind}.schema.json": render_schema(kind) for kind in KINDS}
    files[FIELDS_DOC] = render_fields_doc()
    files[EDITOR_SETTINGS] = render_editor_settings()
    return files


EDITOR_SETTINGS = Path(".vscode/settings.json")


def render_editor_settings() -> str:
    """.vscode/settings.json: the YAML extension's map from each schema to its files."""
    mapping = {
        f"./{(SCHEMA_DIR / f'{kind}.schema.json').as_posix()}": files
        for kind, files in FILES_OF_KIND.items()
    }
    settings = {
        "yaml.schemas": mapping,
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "yaml.customTags": [],
        "editor.insertSpaces": True,
        "[yaml]": {
            "editor.tabSize": 2,
            "editor.insertSpaces": True,
            "editor.detectIndentation": False,
        },
        "files.encoding": "utf8",
        "files.insertFinalNewline": True,
    }
    return json.dumps(settings, indent=2) + "\n"


def export_schemas(root: Path) -> list[Path]:
    """Write every schema and the field reference; return the paths."""
    written = []
    for rel, text in generated_files().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[str]:
    """Generated files (schemas, field reference) that are missing or out of date."""
    stale = []
    for rel, text in generated_files().items():
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(rel.as_posix())
    return stale
