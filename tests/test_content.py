"""One test per curriculum file, with the file's path as id, and the curriculum as a whole.

The content rules themselves (section length, sources, quizzes, placeholders...) live in
macros/rules.py and macros/crossref.py, so ``make check`` rejects exactly what CI rejects;
these tests only run them.  Nothing here names a shipped session or counts them: a trainer
adding a ninth session must not break a test.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import copy_project
from extend import TEMPLATES, extend_project

from macros.curriculum import FOLDERS, discover, load_curriculum
from macros.loader import load_file
from macros.model import KINDS
from macros.render.agenda import compute_pack_agenda
from macros.schema import SCHEMA_DIR
from macros.validate import validate_document

ROOT = Path(os.environ.get("COURSE_ROOT") or Path(__file__).resolve().parent.parent)
"""The project checked; COURSE_ROOT points these tests at a grown copy."""
FILES = discover(ROOT)
TEMPLATE_FILES = sorted(p for folder in FOLDERS for p in (ROOT / folder).glob("_template.yml"))


@pytest.mark.parametrize(
    "path, kind", FILES, ids=[p.relative_to(ROOT).as_posix() for p, _ in FILES]
)
def test_content_file(path: Path, kind: str):
    doc = load_file(path, ROOT)
    _, problems = validate_document(doc, KINDS[kind])
    assert problems == [], "\n".join(p.format() for p in problems)


def test_curriculum_as_a_whole_is_clean():
    cur = load_curriculum(ROOT)
    assert list(cur.sessions) == cur.programme.order.sessions
    assert cur.warnings == [], [w.format() for w in cur.warnings]


def test_required_topics_are_taught():
    """The topics the strategy names for the course appear in the session text."""
    cur = load_curriculum(ROOT)
    text = " ".join(s.title + " " + s.body for ses in cur.sessions.values() for s in ses.sections)
    titles = " ".join(s.title for s in cur.sessions.values()).lower()
    for topic in (
        "GATT",
        "GATS",
        "Trade Facilitation",
        "TBT",
        "TRIPS",
        "Agriculture",
        "Government Procurement",
    ):
        assert topic in text, topic
    for topic in ("entrepreneur", "covid", "climate"):
        assert topic in titles, topic
    assert any(m.kind == "introductory" and m.prerequisite_for for m in cur.modules.values())
    assert cur.programme.class_size <= 20
    terms = {t.term.lower() for t in cur.glossary_terms}
    for term in (
        "gender lens",
        "gender mainstreaming",
        "sex-disaggregated data",
        "gender impact assessment",
        "gender-responsive budgeting",
    ):
        assert term in terms, term


FLAGS = (
    "no primary source",
    "unsourced",
    "not quote",
    "traced",
    "caution",
    "not a fact",
    "never as a fact",
    "no source",
)


UNVERIFIED_CLAIM = re.compile(r"80 ?%[^.\n]{0,40}displaced")


def _texts(data: object) -> list[str]:
    """Every string value inside loaded YAML data."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [t for v in data.values() for t in _texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in _texts(v)]
    return []


def _flagged(text: str) -> bool:
    return any(flag in text.lower() for flag in FLAGS)


def test_unverified_claims_appear_only_flagged():
    """The '80% of climate-displaced people are women' claim (unverified) is never stated
    as fact: wherever it appears, the text around it, or the text it is part of (a handout
    whose answer key rejects it), says it has no source."""
    for path, _ in FILES:
        text = path.read_text(encoding="utf-8")
        if not UNVERIFIED_CLAIM.search(text):
            continue
        whole_texts = [t for t in _texts(load_file(path, ROOT).data) if UNVERIFIED_CLAIM.search(t)]
        for match in UNVERIFIED_CLAIM.finditer(text):
            around = text[max(0, match.start() - 500) : match.end() + 500]
            assert _flagged(around) or all(
                _flagged(t) for t in whole_texts if match.group(0) in t
            ), f"{path}: {match.group(0)}"
    for name in ("We-Win", "BRIDGE"):
        for path, kind in FILES:
            text = path.read_text(encoding="utf-8")
            if name in text and kind != "quiz":  # quizzes point to the lesson that cites it
                assert "strategy" in text.lower(), f"{path}: {name} must cite the strategy"


@pytest.mark.parametrize(
    "template", TEMPLATE_FILES, ids=[p.relative_to(ROOT).as_posix() for p in TEMPLATE_FILES]
)
def test_template_names_its_schema_and_matches_it(template: Path):
    """Every content folder has a template whose first line points the editor to the schema
    of its kind, and whose example values the schema accepts."""
    kind = FOLDERS[template.parent.relative_to(ROOT).as_posix()]
    first = template.read_text(encoding="utf-8").splitlines()[0]
    schema_path = ROOT / SCHEMA_DIR / f"{kind}.schema.json"
    relative = Path(os.path.relpath(schema_path, template.parent)).as_posix()
    assert first == f"# yaml-language-server: $schema={relative}"
    data = json.loads(json.dumps(load_file(template, ROOT).data, default=str))
    jsonschema.Draft7Validator(json.loads(schema_path.read_text())).validate(data)


def test_every_content_folder_has_a_template():
    assert {p.parent.relative_to(ROOT).as_posix() for p in TEMPLATE_FILES} == set(FOLDERS)


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    """A copy of the project with one more item of each kind, made from the templates."""
    project = copy_project(tmp_path_factory.mktemp("grown") / "project")
    return project, extend_project(project)


def test_templates_grow_a_valid_curriculum(grown):
    """A new session, its quiz, a policy, a run and a second national pack, each made from
    its template, pass the same check CI runs."""
    project, written = grown
    assert set(written) == set(TEMPLATES)
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", "--root", str(project)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    cur = load_curriculum(project)
    session = load_file(written["session"], project).data["id"]
    assert list(cur.sessions)[-1] == session and cur.sessions[session].quiz in cur.quizzes
    assert f"{len(cur.sessions)} sessions" in result.stdout


def test_content_tests_pass_on_the_grown_copy(grown):
    """This file's tests, run against the grown copy, still pass: nothing is hard-coded."""
    project, _ = grown
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            __file__,
            "-k",
            "not grow",
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "COURSE_ROOT": str(project)},
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_second_pack_has_its_own_day_plan(grown):
    """The grown pack's agenda follows its own days and breaks, not the course's."""
    project, written = grown
    cur = load_curriculum(project)
    pack = cur.national[written["national"].stem]
    days = compute_pack_agenda(pack, cur.sessions, cur.programme.agenda)
    assert [[s.session.id for s in slots if s.session] for slots in days.values()] == [
        day.sessions for day in pack.days
    ]
    for slots in days.values():
        assert slots[0].start == pack.day_start
        for slot, after in zip(slots, slots[1:]):
            assert after.start == slot.end
        breaks = {s.title for s in slots if not s.session}
        assert breaks <= {b.title for b in pack.breaks}


def test_editor_settings_map_every_file_to_its_schema():
    """.vscode/settings.json gives every content file the schema of its kind."""
    from fnmatch import fnmatch

    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for path, kind in FILES:
        rel = path.relative_to(ROOT).as_posix()
        owners = [s for s, globs in mapping.items() if any(fnmatch(rel, g) for g in globs)]
        assert owners == [f"./{SCHEMA_DIR.as_posix()}/{kind}.schema.json"], rel
        assert (ROOT / owners[0]).exists()
