"""Find every curriculum file, load it, build the model and check it as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import model as m
from .errors import CurriculumError, Problem
from .loader import Document, LoadFailed, load_file
from .validate import validate_document

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
    "curriculum/handouts": "handout",
    "quizzes": "quiz",
}
"""Folders with one object per file, the file named by the object's id."""

REQUIRED = {"curriculum/programme.yml"}


@dataclass
class Curriculum:
    """Everything the site, the PDFs and the exports are made from."""

    root: Path
    programme: m.Programme
    sessions: dict[str, m.Session] = field(default_factory=dict)
    quizzes: dict[str, m.Quiz] = field(default_factory=dict)
    modules: dict[str, m.Module] = field(default_factory=dict)
    chapters: dict[str, m.Chapter] = field(default_factory=dict)
    indicators: dict[str, m.Indicator] = field(default_factory=dict)
    policies: dict[str, m.Policy] = field(default_factory=dict)
    runs: dict[str, m.Run] = field(default_factory=dict)
    national: dict[str, m.NationalActivity] = field(default_factory=dict)
    handouts: dict[str, m.Handout] = field(default_factory=dict)
    glossary: m.Glossary | None = None
    checklist: m.Checklist | None = None
    measures: m.Measures | None = None
    briefing: m.Briefing | None = None
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def document(self, kind: str, ident: str = "") -> Document:
        """The loaded file behind an object, for placing a problem."""
        return self.documents[(kind, ident)]

    @property
    def measure_types(self) -> dict[str, m.MeasureType]:
        """Every measure type of the map, by id."""
        if not self.measures:
            return {}
        return {t.id: t for c in self.measures.categories for t in c.types}

    @property
    def objectives(self) -> dict[str, m.Objective]:
        """Every learning objective of sessions and lessons, by id."""
        out = {o.id: o for s in self.sessions.values() for o in s.objectives}
        for mod in self.modules.values():
            out.update({o.id: o for lesson in mod.lessons for o in lesson.objectives})
        return out

    @property
    def glossary_terms(self) -> list[m.GlossaryTerm]:
        return list(self.glossary.terms) if self.glossary else []


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
    from .crossref import check_curriculum

    root = Path(root).resolve()
    problems: list[Problem] = []
    objects: dict[tuple[str, str], Any] = {}
    documents: dict[tuple[str, str], Document] = {}
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
            continue
        obj, found = validate_document(doc, m.KINDS[kind])
        problems.extend(found)
        if obj is None:
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
    cur = Curriculum(root=root, programme=objects[("programme", "")], documents=documents)
    plural = {
        "session": "sessions", "quiz": "quizzes", "module": "modules", "chapter": "chapters",
        "indicator": "indicators", "policy": "policies", "run": "runs", "national": "national",
        "handout": "handouts",
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
    found, warnings = check_curriculum(cur)
    problems.extend(found)
    cur.warnings = warnings
    if problems and strict:
        raise CurriculumError(problems)
    return cur
