"""Every malformed input yields exactly its one-line messages and a failed check, never a
traceback.

Each case is tests/fixtures/bad/<case>.yml, paired with <case>.expected: every line the check
must print, in order, and nothing else.  The first line of a case names the file it writes
(``# target: curriculum/...``).  The rest is either the whole new file, or only pairs of
``# replace: "old text"`` / ``# with: "new text"`` lines (JSON strings) applied to the target
as it is.  Cases run on a copy of the project grown from the templates (tests/extend.py), so
they can break the ninth session, its quiz or the second national pack without depending on
shipped content.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project
from extend import extend_project

from macros.cli import main
from macros.errors import Problem, format_report, plural
from macros.loader import MAX_BYTES

BAD = Path(__file__).parent / "fixtures" / "bad"
CASES = sorted(p.stem for p in BAD.glob("*.yml"))


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> Path:
    """The project grown by one item of each kind, made once for all cases."""
    base = copy_project(tmp_path_factory.mktemp("grown") / "project")
    extend_project(base)
    return base


@pytest.fixture
def project(grown: Path, tmp_path: Path) -> Path:
    """A fresh copy of the grown project for one case to break."""
    return Path(shutil.copytree(grown, tmp_path / "project", symlinks=True))


def place(project: Path, case: str) -> None:
    """Write the case into the project: a whole file, or replacements in an existing one."""
    raw = (BAD / f"{case}.yml").read_bytes()
    head, _, rest = raw.partition(b"\n")
    target = project / head.decode().removeprefix("# target:").strip()
    lines = rest.decode("utf-8", "replace").splitlines()
    if lines and all(line.startswith(("# replace: ", "# with: ")) for line in lines):
        text = target.read_text(encoding="utf-8")
        for old, new in zip(lines[::2], lines[1::2]):
            old = json.loads(old.removeprefix("# replace: "))
            assert old in text, f"{case}: {old!r} is not in {target.name}"
            text = text.replace(old, json.loads(new.removeprefix("# with: ")), 1)
        target.write_text(text, encoding="utf-8")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)


def test_there_are_enough_cases():
    assert len(CASES) >= 40
    assert {p.stem for p in BAD.glob("*.expected")} == set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_its_message(case, project, capsys, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    place(project, case)
    code = main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    expected = (BAD / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    assert err.splitlines() == expected, f"--- got:\n{err}"


def test_oversized_file(project, capsys):
    target = project / "curriculum" / "glossary.yml"
    target.write_text("terms:\n" + "# padding\n" * (MAX_BYTES // 10 + 10), encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert (
        "curriculum/glossary.yml:1:1: the file is 512 KB, over the limit of 512 KB. "
        "Split it into smaller files." in err.splitlines()
    )


def test_problems_are_collected_then_counted(project, capsys):
    place(project, "unknown-key")
    place(project, "python-object-tag")
    assert main(["check", "--root", str(project)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("2 problems in 2 files.")


def test_ci_annotations(project, capsys, monkeypatch):
    monkeypatch.setenv("CI", "true")
    place(project, "unknown-key")
    main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert (
        "::error file=curriculum/runs/2027-unit-1-feb.yml,line=7,col=1,title=langauge::"
        "unknown field 'langauge'. Did you mean 'language'?"
    ) in err.splitlines()


def test_annotations_escape_as_the_toolkit_does():
    problem = Problem("a,b:c%.yml", 3, 4, "x[1].y", "100% wrong\r\nnext: a, b")
    assert problem.annotation() == (
        "::error file=a%2Cb%3Ac%25.yml,line=3,col=4,title=x[1].y::100%25 wrong%0D%0Anext: a, b"
    )


def test_job_summary_lists_every_problem(project, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    place(project, "unknown-key")
    place(project, "python-object-tag")
    main(["check", "--root", str(project)])
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("### Curriculum check: 2 problems, 0 warnings")
    assert table.count("\n| error | ") == 2


def test_counts_are_singular_when_one():
    assert (
        format_report([Problem("a.yml", 1, 1, "", "wrong.")])
        .splitlines()[-1]
        .startswith("1 problem in 1 file.")
    )
    assert plural(1, "warning") == "1 warning" and plural(0, "warning") == "0 warnings"


def test_check_exits_non_zero_without_traceback(project):
    place(project, "alias-bomb")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", "--root", str(project)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout


def test_broken_yaml_stops_the_build_and_keeps_the_last_site(project, tmp_path):
    from macros.build import main_site

    out = project / "site"
    out.mkdir()
    (out / "index.html").write_text("last good build")
    place(project, "missing-field")
    assert main_site(project) == 2
    assert (out / "index.html").read_text() == "last good build"
