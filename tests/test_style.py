"""Style gates: the linter, the formatter and the type checker each pass on the whole project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
"""The virtual environment's scripts (not resolved: the interpreter may be a symlink)."""

GATES = {
    "ruff check": ["ruff", "check", "."],
    "ruff format": ["ruff", "format", "--check", "."],
    "mypy": ["mypy", "macros"],
}


def run_tool(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run one of the venv's tools from the project root and capture what it prints."""
    tool = BIN / args[0]
    assert tool.is_file(), f"{tool} is missing: install the test extra (make setup)."
    return subprocess.run(
        [str(tool), *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize("name", list(GATES))
def test_gate_passes(name: str) -> None:
    result = run_tool(GATES[name])
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(GATES[name])}` exited {result.returncode}:\n"
            f"{result.stdout}{result.stderr}",
            pytrace=False,
        )


def test_mypy_config_reports_a_type_error(tmp_path: Path) -> None:
    """The project's mypy settings still catch a plain fault (the gate is not switched off)."""
    bad = tmp_path / "bad.py"
    bad.write_text('def half(n: int) -> int:\n    return n / 2\n\n\nhalf("2")\n', encoding="utf-8")
    result = run_tool(
        [
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "c"),
            str(bad),
        ]
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.py:2:" in result.stdout and "bad.py:5:" in result.stdout, result.stdout
