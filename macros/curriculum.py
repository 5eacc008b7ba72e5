"""Find every curriculum file, load it, build the model and check it as a whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import model as m
from .crossref import CHECKERS as CROSS_FILE_CHECKS
from .crossref import check_objectives_assessed
from .corpus import Curriculum
from .errors import CurriculumError, Problem
from .loader import Document, LoadFailed, load_file
from .rules import CHECKERS as CONTENT_RULES
from .validate import validate_document

__all__ = ["Curriculum", "discover", "load_curriculum"]

SINGLE_FILES: dict[str, str] = {
    "curriculum/programme.yml": "programme",
    "curriculum/glossary.yml": "glossary",
    "curriculum/checklist.yml": "checklist",
    "curriculum/measures.yml": "measures",
    "curriculum/briefing.yml": "briefing",
}
"""Files that hold one object each."""

FOLDERS: dict[str, str] = {
    "curriculum/sessions": "session",
    "curriculum/elearning": "module",
    "curriculum/guidebook": "chapter",
    "curriculum/indicators": "indicator",
    "curriculum/policies": "policy",
    "curriculum/runs": "run",
    "curriculum/national": "national",
    "quizzes": "quiz",
}
"""Folders with one object per file, the file named by the object's id."""

REQUIRED = {"curriculum/programme.yml"}


def discover(root: Path) -> list[tuple[Path, str]]:
    """Every curriculum file under ``root`` with its kind, in a stable order."""
    found = []
    for rel, kind in SINGLE_FILES.items():
        if (root / rel).exists():
            found.append((root / rel, kind))
    for rel, kind in FOLDERS.items():
        folder = root / rel
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in (".yml", ".yaml") and not path.name.startswith("_"):
                    found.append((path, kind))
    return found


def load_curriculum(root: Path | str = ".", *, strict: bool = True) -> Curriculum:
    """Load and check the whole curriculum; raise CurriculumError listing every problem."""
    root = Path(root).resolve()
    problems: list[Problem] = []
    objects: dict[tuple[str, str], Any] = {}
    documents: dict[tuple[str, str], Document] = {}
    broken: dict[str, set[str]] = {}
    for rel in REQUIRED:
        if not (root / rel).exists():
            problems.append(Problem(rel, 1, 1, "", "this file is missing. Restore it from git."))
    for path, kind in discover(root):
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".yaml":
            problems.append(Problem(rel, 1, 1, "", "rename the file to end in .yml."))
            continue
        try:
            doc = load_file(path, root)
        except LoadFailed as failed:
            problems.append(failed.problem)
            broken.setdefault(kind, set()).add(path.stem)
            continue
        obj, found = validate_document(doc, m.KINDS[kind])
        problems.extend(found)
        if obj is None:
            broken.setdefault(kind, set()).add(path.stem)
            continue
        ident = getattr(obj, "id", "") if rel not in SINGLE_FILES else ""
        if rel not in SINGLE_FILES and ident != path.stem:
            problems.append(
                doc.problem(("id",), f"the id '{ident}' must equal the file name '{path.stem}'.")
            )
        objects[(kind, ident)] = obj
        documents[(kind, ident)] = doc
    if ("programme", "") not in objects:
        raise CurriculumError(problems)
    cur = Curriculum(
        root=root, programme=objects[("programme", "")], documents=documents, broken=broken
    )
    plural = {
        "session": "sessions",
        "quiz": "quizzes",
        "module": "modules",
        "chapter": "chapters",
        "indicator": "indicators",
        "policy": "policies",
        "run": "runs",
        "national": "national",
    }
    for (kind, ident), obj in objects.items():
        if kind in plural:
            getattr(cur, plural[kind])[ident] = obj
        elif kind != "programme":
            setattr(cur, kind, obj)
    # Sessions, modules and chapters follow the order given in programme.yml.
    for name, ids in (
        ("sessions", cur.programme.order.sessions),
        ("modules", cur.programme.order.modules),
        ("chapters", cur.programme.order.guidebook),
    ):
        items = getattr(cur, name)
        ordered = {i: items[i] for i in ids if i in items}
        ordered.update({k: v for k, v in sorted(items.items()) if k not in ordered})
        setattr(cur, name, ordered)
    # Content rules first: a file's own problem is listed before what it causes elsewhere.
    for check in (*CONTENT_RULES, *CROSS_FILE_CHECKS):
        problems.extend(check(cur))
    cur.warnings = check_objectives_assessed(cur)
    if problems and strict:
        raise CurriculumError(problems)
    return cur
