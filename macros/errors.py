"""Problems found in curriculum files, reported to trainers one line each."""

from __future__ import annotations

import os
from dataclasses import dataclass

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
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def annotation(self) -> str:
        """The GitHub Actions form, so a pull request shows the problem on its line."""
        level = "warning" if self.warning else "error"
        return f"::{level} file={self.file},line={self.line},col={self.column}::{self.message}"


def format_report(problems: list[Problem]) -> str:
    """All problems, one per line, then a count; CI annotations under CI=true."""
    errors = sorted(p for p in problems if not p.warning)
    lines = [p.format() for p in errors]
    if os.environ.get("CI") == "true":
        lines.extend(p.annotation() for p in errors)
    files = len({p.file for p in errors})
    lines.append(
        f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in {files} "
        f"file{'s' if files != 1 else ''}. Fix them and run 'make check' again."
    )
    return "\n".join(lines)


class CurriculumError(PluginError):
    """Raised when the curriculum has problems; MkDocs prints it without a traceback."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_report(problems))


class BuildFailed(Exception):
    """A step of the build failed for a reason other than the curriculum; the message says
    what to do, for the person running the build."""
