"""Problems found in curriculum files, reported to trainers one line each."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of one file."""

    file: str
    line: int
    column: int
    field: str
    message: str
    warning: bool = False

    def format(self) -> str:
        """The one-line form: ``file:line:col: field: message``."""
        where = f"{self.file}:{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )

    def annotation(self) -> str:
        """The GitHub Actions form, so a pull request shows the problem on its line."""
        level = "warning" if self.warning else "error"
        props = ",".join(
            f"{name}={escape_property(str(value))}"
            for name, value in (
                ("file", self.file),
                ("line", self.line),
                ("col", self.column),
                ("title", self.field or "curriculum check"),
            )
        )
        return f"::{level} {props}::{escape_data(self.message)}"


def escape_data(text: str) -> str:
    """Escape a workflow command's message as the Actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (file, title...) as the toolkit does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 problem', '2 problems', '0 problems'."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """By file, then line and column: the first problem of a file is usually the cause."""
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.field, p.message))


def format_report(problems: list[Problem]) -> str:
    """All problems, one per line, then a count; CI annotations under CI=true."""
    errors = sort_problems([p for p in problems if not p.warning])
    lines = [p.format() for p in errors]
    if os.environ.get("CI") == "true":
        lines.extend(p.annotation() for p in errors)
    files = len({p.file for p in errors})
    lines.append(
        f"{plural(len(errors), 'problem')} in {plural(files, 'file')}. "
        f"Fix {'it' if len(errors) == 1 else 'them'} and run 'make check' again."
    )
    return "\n".join(lines)


def format_summary_table(problems: list[Problem]) -> str:
    """Every problem and warning as a Markdown table, for a pull request's job summary."""
    rows = sort_problems(problems)
    errors = sum(not p.warning for p in rows)
    head = (
        f"### Curriculum check: {plural(errors, 'problem')}, "
        f"{plural(len(rows) - errors, 'warning')}\n\n"
    )
    if not rows:
        return head + "Every curriculum file is valid.\n"
    lines = ["| | File | Line | Field | What to do |", "| --- | --- | --- | --- | --- |"]
    for p in rows:
        cells = [
            "warning" if p.warning else "error",
            f"`{p.file}`",
            str(p.line),
            p.field,
            p.message,
        ]
        lines.append("| " + " | ".join(_table_cell(c) for c in cells) + " |")
    return head + "\n".join(lines) + "\n"


def _table_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def write_step_summary(problems: list[Problem]) -> None:
    """Append the table to $GITHUB_STEP_SUMMARY when GitHub Actions provides one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(format_summary_table(problems))


class CurriculumError(PluginError):
    """Raised when the curriculum has problems; MkDocs prints it without a traceback."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_report(problems))


class BuildFailed(Exception):
    """A step of the build failed for a reason other than the curriculum; the message says
    what to do, for the person running the build."""
