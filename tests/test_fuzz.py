"""Random mutations of real curriculum files never make the check crash.

Hypothesis breaks a copy of real files (deleted, doubled and swapped lines, wrong
indentation, stray YAML syntax, bad bytes, truncation...) and runs `make check` on the copy:
every outcome is either a clean pass (exit 0) or one-line problems and exit status 2.
Derandomised, so the same examples run in the same order on every machine; examples left
when the 45-second budget is spent are drawn but not checked.
"""

from __future__ import annotations

import contextlib
import io
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.cli import EXIT_OK, EXIT_PROBLEMS, main

ROOT = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = 45


def _targets() -> list[str]:
    """A few real files of different kinds, whatever their names are today."""
    out = ["curriculum/programme.yml", "curriculum/glossary.yml", "curriculum/checklist.yml"]
    for folder in ("curriculum/sessions", "quizzes", "curriculum/policies", "curriculum/runs"):
        files = sorted(p for p in (ROOT / folder).glob("*.yml") if not p.name.startswith("_"))
        if files:
            out.append(files[0].relative_to(ROOT).as_posix())
    return [t for t in out if (ROOT / t).is_file()]


TARGETS = _targets()

SNIPPETS = [
    b"&anchor ",
    b"*anchor",
    b"<<: *a\n",
    b"!!python/object:os.system ",
    b"? [a, b]\n: c\n",
    b"- - - - - - - - x\n",
    b"{",
    b"[",
    b"}",
    b"]",
    b": :",
    b"\t",
    b"\x00",
    b"\xff\xfe",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"'",
    b'"',
    b"|",
    b">-",
    b"#",
    b"- ",
    b"key: value\n",
    b"id: \n",
    b"\xc3\x28",
    b"\r",
    b"\xef\xbb\xbf",
    b"!!binary aGk=",
    b"2024-02-30",
    b"1e999",
    b"0x" + b"f" * 40,
    b"[" * 200 + b"]" * 200,
    b"<script>alert(1)</script>",
    b"[x](javascript:alert(1))",
    b"title: " + b"x" * 5000 + b"\n",
]

LINE = re.compile(r"^[^\s:][^:]*:\d+:\d+: \S")
COUNT = re.compile(r"^\d+ problems? in \d+ files?\. ")


@st.composite
def mutations(draw):
    """(file, mutated bytes) from one to three edits of a real file."""
    target = draw(st.sampled_from(TARGETS))
    data = (ROOT / target).read_bytes()
    for _ in range(draw(st.integers(1, 3))):
        lines = data.split(b"\n")
        kind = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "indent", "dedent", "insert", "truncate", "replace"]
            )
        )
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        j = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            lines[i] = b" " * draw(st.integers(1, 7)) + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i].lstrip()
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[i])))
            snippet = draw(st.sampled_from(SNIPPETS))
            lines[i] = lines[i][:at] + snippet + lines[i][at:]
        elif kind == "truncate":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        else:
            lines[i] = draw(st.binary(max_size=40))
        data = b"\n".join(lines)
    return target, data


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    from conftest import copy_project

    return copy_project(tmp_path_factory.mktemp("fuzz") / "project")


def _check(root: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--root", str(root)])
    return code, err.getvalue()


def test_mutated_files_give_one_line_problems(tree, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    started = time.monotonic()
    seen = {"runs": 0}

    @settings(
        max_examples=60,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    @given(mutations())
    def run(mutation):
        if time.monotonic() - started > BUDGET_SECONDS:
            return  # budget spent: the remaining examples are not checked
        target, data = mutation
        path = tree / target
        original = path.read_bytes()
        path.write_bytes(data)
        try:
            code, err = _check(tree)
        finally:
            path.write_bytes(original)
        seen["runs"] += 1
        assert code in (EXIT_OK, EXIT_PROBLEMS), err
        assert "Traceback" not in err
        if code == EXIT_PROBLEMS:
            lines = err.splitlines()
            assert lines and COUNT.match(lines[-1]), err
            for line in lines[:-1]:
                assert LINE.match(line), f"not a one-line problem: {line!r}"

    run()
    assert seen["runs"] >= 10, "the machine is too slow to check even ten mutations"
