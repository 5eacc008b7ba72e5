"""Curriculum paths stay inside the repository, and no file a pull request can add (a link,
a folder, unreadable or malformed bytes, very deep nesting) ends the check with a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from macros.cli import EXIT_PROBLEMS, main
from macros.limits import MAX_DEPTH, MAX_TEXT_BYTES
from macros.loader import LoadFailed, load_text


def check(project: Path, capsys) -> list[str]:
    """Run `make check` on ``project``; return its error lines (exit status 2 required)."""
    code = main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert code == EXIT_PROBLEMS, err
    assert "Traceback" not in err
    return err.splitlines()


def first_session(project: Path) -> Path:
    return sorted(
        p for p in (project / "curriculum/sessions").glob("*.yml") if not p.name.startswith("_")
    )[0]


def test_link_outside_the_repository_quotes_nothing_of_its_target(project, tmp_path, capsys):
    secret = tmp_path / "elsewhere" / "secret.yml"
    secret.parent.mkdir()
    secret.write_text("id: zz-secret\ntitle: TOP-SECRET-CONTENT\n", encoding="utf-8")
    link = project / "curriculum/sessions/zz-link.yml"
    link.symlink_to(secret)
    lines = check(project, capsys)
    assert (
        "curriculum/sessions/zz-link.yml:1:1: this file is a link to a place outside the "
        "repository. Replace the link with the file itself."
    ) in lines
    text = "\n".join(lines)
    assert "TOP-SECRET" not in text and "elsewhere" not in text and str(tmp_path) not in text


def test_link_to_a_system_file(project, capsys):
    (project / "curriculum/glossary.yml").unlink()
    (project / "curriculum/glossary.yml").symlink_to("/etc/passwd")
    lines = check(project, capsys)
    assert any(
        line.startswith("curriculum/glossary.yml:1:1: this file is a link to a place outside")
        for line in lines
    )
    assert not any("root:" in line for line in lines)


def test_link_inside_the_repository_is_read(project, capsys):
    session = first_session(project)
    copy = project / "curriculum" / "copy-of-session.yml"
    session.rename(copy)
    session.symlink_to(copy)
    assert main(["check", "--root", str(project)]) == 0, capsys.readouterr().err


def test_dangling_link_and_link_loop(project, capsys):
    (project / "curriculum/runs/zz-dangling.yml").symlink_to(project / "nowhere.yml")
    loop = project / "curriculum/runs/zz-loop.yml"
    loop.symlink_to(loop)
    lines = check(project, capsys)
    for name in ("zz-dangling", "zz-loop"):
        assert any(
            line.startswith(f"curriculum/runs/{name}.yml:1:1: this file cannot be opened")
            for line in lines
        ), lines


def test_folder_named_like_a_file(project, capsys):
    (project / "curriculum/sessions/zz-folder.yml").mkdir()
    lines = check(project, capsys)
    assert (
        "curriculum/sessions/zz-folder.yml:1:1: this is a folder or a special file, not a "
        "text file, but its name ends in .yml. Rename it or move it out of the "
        "curriculum."
    ) in lines


def test_special_file(project, capsys):
    os.mkfifo(project / "quizzes/zz-pipe.yml")
    lines = check(project, capsys)
    assert any(
        line.startswith("quizzes/zz-pipe.yml:1:1: this is a folder or a special file")
        for line in lines
    )


def test_unreadable_file(project, capsys, monkeypatch):
    target = first_session(project)
    real = Path.read_bytes

    def refuse(self):
        if self == target:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    lines = check(project, capsys)
    rel = target.relative_to(project).as_posix()
    assert (
        f"{rel}:1:1: this file cannot be read (Permission denied). Check that it is a "
        "plain text file you may read."
    ) in lines


def test_editor_lock_files_are_ignored(project, capsys):
    (project / "curriculum/sessions/.#s1.yml").symlink_to("root@host.1234:1700000000")
    assert main(["check", "--root", str(project)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "- 1\n- 2\n",
        "just a sentence\n",
        "42\n",
        "null\n",
    ],
)
def test_file_that_is_not_a_group_of_fields(project, capsys, text):
    (project / "curriculum/glossary.yml").write_text(text, encoding="utf-8")
    lines = check(project, capsys)
    assert any(line.startswith("curriculum/glossary.yml:1:1: ") for line in lines), lines


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 5000 + "]" * 5000,
        "a: " + "{x: " * 3000 + "1" + "}" * 3000,
        "- " * 3000 + "x\n",
        "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 200)) + "  " * 200 + "z: 1\n",
    ],
)
def test_deep_nesting_is_a_problem_not_a_recursion_error(text):
    with pytest.raises(LoadFailed) as failed:
        load_text(text, "curriculum/glossary.yml")
    assert f"nested more than {MAX_DEPTH} levels" in failed.value.problem.message


def test_nesting_within_the_limit_loads():
    text = "a: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1)
    assert load_text(text, "x.yml").data["a"]


def test_text_over_the_size_limit():
    with pytest.raises(LoadFailed) as failed:
        load_text("a: " + "x" * MAX_TEXT_BYTES, "big.yml")
    assert "over the limit of 1024 KB" in failed.value.problem.message


def test_alias_flood():
    text = "a: &a [1]\nb: [" + ", ".join(["*a"] * 500) + "]\n"
    with pytest.raises(LoadFailed) as failed:
        load_text(text, "x.yml")
    assert "aliases (*name) are not allowed" in failed.value.problem.message
