"""Every malformed input yields its exact one-line message and a failed check, never a traceback.

Each case is tests/fixtures/bad/<case>.yml, whose first line names the file it replaces
(``# target: curriculum/...``), paired with <case>.expected: the lines the check must print.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli import main
from macros.loader import MAX_BYTES

BAD = Path(__file__).parent / "fixtures" / "bad"
CASES = sorted(p.stem for p in BAD.glob("*.yml"))


def place(project: Path, case: str) -> None:
    raw = (BAD / f"{case}.yml").read_bytes()
    target = raw.split(b"\n", 1)[0].decode().removeprefix("# target:").strip()
    (project / target).parent.mkdir(parents=True, exist_ok=True)
    (project / target).write_bytes(raw)


def test_there_are_enough_cases():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_its_message(case, project, capsys):
    place(project, case)
    code = main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    for line in (BAD / f"{case}.expected").read_text(encoding="utf-8").splitlines():
        assert line in err.splitlines(), f"missing: {line}\n--- got:\n{err}"


def test_oversized_file(project, capsys):
    target = project / "curriculum" / "glossary.yml"
    target.write_text("terms:\n" + "# padding\n" * (MAX_BYTES // 10 + 10), encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "curriculum/glossary.yml:1:1: the file is 512 KB, over the limit of 512 KB. " \
        "Split it into smaller files." in err.splitlines()


def test_problems_are_collected_then_counted(project, capsys):
    place(project, "unknown-key")
    place(project, "python-object-tag")
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("2 problems in 2 files.")


def test_ci_annotations(project, capsys, monkeypatch):
    monkeypatch.setenv("CI", "true")
    place(project, "unknown-key")
    main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert "::error file=curriculum/runs/2027-unit-1-feb.yml,line=7,col=1::" in err


def test_check_exits_non_zero_without_traceback(project):
    place(project, "alias-bomb")
    result = subprocess.run([sys.executable, "-m", "macros", "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_broken_yaml_stops_the_build_and_keeps_the_last_site(project, tmp_path):
    from macros.build import main_site

    out = project / "site"
    out.mkdir()
    (out / "index.html").write_text("last good build")
    place(project, "missing-field")
    assert main_site(project) == 1
    assert (out / "index.html").read_text() == "last good build"
