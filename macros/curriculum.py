"""Find every curriculum file, load it, build the model and check it as a whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import model as m
from .crossref import CHECKERS as CROSS_FILE_CHECKS
from .crossref import check_objectives_assessed, check_unused_handouts
from .corpus import Curriculum
from .errors import CurriculumError, Problem
from .loader import Document, LoadFailed, load_file
from .rules import CHECKERS as CONTENT_RULES
from .sanitise import check_markup
from .validate import validate_document

__all__ = ["Curriculum", "discover", "load_curriculum"]

SINGLE_FILES: dict[str, str] = {
    "curriculum/programme.yml": "programme",
    "curriculum/glossary.yml": "glossary",
    "curriculum/checklist.yml": "checklist",
    "curriculum/measures.yml": "measures",
    "curriculum/briefing.yml": "briefing",
    "curriculum/source-hosts.yml": "source_hosts",
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


PLURAL = {
    "session": "sessions",
    "quiz": "quizzes",
    "module": "modules",
    "chapter": "chapters",
    "indicator": "indicators",
    "policy": "policies",
    "run": "runs",
    "national": "national",
    "handout": "handouts",
}
"""Kinds kept one object per file, and the Curriculum attribute that holds them."""


def discover(root: Path) -> list[tuple[Path, str]]:
    """Every curriculum file under ``root`` with its kind, in a stable order.

    Names starting with '_' (templates) or '.' (editor lock and backup files) are skipped.
    What is listed may still be unsafe to read: ``check_path`` says so before loading.
    """
    found = []
    for rel, kind in SINGLE_FILES.items():
        if (root / rel).exists() or (root / rel).is_symlink():
            found.append((root / rel, kind))
    for rel, kind in FOLDERS.items():
        folder = root / rel
        try:
            entries = sorted(folder.iterdir()) if folder.is_dir() else []
        except OSError:
            entries = []
        for path in entries:
            if path.suffix in (".yml", ".yaml") and not path.name.startswith(("_", ".")):
                found.append((path, kind))
    return found


def check_path(path: Path, root: Path) -> Problem | None:
    """A problem when ``path`` leads outside the repository or is not a regular file.

    The message never quotes where a link points: a hostile link must not make the
    check print part of a file elsewhere on the machine.
    """
    rel = path.relative_to(root).as_posix()
    try:
        target = path.resolve(strict=True)
        inside = target.is_relative_to(root)
        regular = target.is_file()
    except (OSError, RuntimeError):  # a dangling link, a loop of links, no permission
        return Problem(
            rel,
            1,
            1,
            "",
            "this file cannot be opened (a broken link or no read "
            "permission). Replace it with the file itself.",
        )
    if not inside:
        return Problem(
            rel,
            1,
            1,
            "",
            "this file is a link to a place outside the repository. "
            "Replace the link with the file itself.",
        )
    if not regular:
        return Problem(
            rel,
            1,
            1,
            "",
            "this is a folder or a special file, not a text file, but "
            "its name ends in .yml. Rename it or move it out of the curriculum.",
        )
    return None


def _load_one(path: Path, root: Path) -> Document | Problem:
    """The loaded file, or the one problem that stopped it (I/O failures included)."""
    problem = check_path(path, root)
    if problem:
        return problem
    try:
        return load_file(path, root)
    except LoadFailed as failed:
        return failed.problem
    except OSError as err:
        reason = err.strerror or type(err).__name__
        return Problem(
            path.relative_to(root).as_posix(),
            1,
            1,
            "",
            f"this file cannot be read ({reason}). Check that it is a plain text "
            "file you may read.",
        )


def load_curriculum(root: Path | str = ".", *, strict: bool = True) -> Curriculum:
    """Load and check the whole curriculum; raise CurriculumError listing every problem."""
    from .bank import check_bank
    from .check_sources import check_source_hosts

    root = Path(root).resolve()
    problems: list[Problem] = []
    objects: dict[tuple[str, str], Any] = {}
    documents: dict[tuple[str, str], Document] = {}
    broken: dict[str, set[str]] = {}
    for rel in REQUIRED:
        if not (root / rel).exists() and not (root / rel).is_symlink():
            problems.append(Problem(rel, 1, 1, "", "this file is missing. Restore it from git."))
    for path, kind in discover(root):
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".yaml":
            problems.append(Problem(rel, 1, 1, "", "rename the file to end in .yml."))
            continue
        doc = _load_one(path, root)
        if isinstance(doc, Problem):
            problems.append(doc)
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
        root=root,
        programme=objects[("programme", "")],
        documents=documents,
        broken=broken,
        objects=objects,
    )
    for (kind, ident), obj in objects.items():
        if kind in PLURAL:
            getattr(cur, PLURAL[kind])[ident] = obj
        elif kind != "programme":
            setattr(cur, kind, obj)
    # Sessions written for the delegates' course stay out of the 2-day course.
    for sid in [k for k, v in cur.sessions.items() if v.course != "unit-1"]:
        cur.delegate_sessions[sid] = cur.sessions.pop(sid)
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
    for check in (*CONTENT_RULES, check_markup, *CROSS_FILE_CHECKS, check_source_hosts, check_bank):
        problems.extend(check(cur))
    cur.warnings = check_objectives_assessed(cur) + check_unused_handouts(cur)
    if problems and strict:
        raise CurriculumError(problems)
    return cur
