"""The edition of the course material: one date that says which curriculum a text shows."""

from __future__ import annotations

import datetime as dt
import subprocess
from importlib import metadata
from pathlib import Path

CONTENT = ("curriculum", "quizzes")


def edition_date(root: Path) -> str:
    """The date of the last commit that changed the curriculum or the quizzes (YYYY-MM-DD),
    so two builds of the same content say the same thing; without git history, the
    programme's version (e.g. '2026.11')."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", *CONTENT],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        stamp = result.stdout.strip()
        if result.returncode == 0 and stamp:
            return dt.date.fromisoformat(stamp).isoformat()
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    try:
        return metadata.version("trade-gender-course")
    except metadata.PackageNotFoundError:
        return "unversioned"
