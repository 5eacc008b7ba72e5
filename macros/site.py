"""The glue between MkDocs and the curriculum: one load per build, shared by hooks and macros."""

from __future__ import annotations

import os
from pathlib import Path

from .curriculum import Curriculum, load_curriculum

_CURRENT: dict[str, Curriculum] = {}


def load_for_build(root: Path | str) -> Curriculum:
    """Load and check the curriculum at the start of a build (on_config, also on every
    rebuild of `mkdocs serve`), and keep it for the macros and hooks of that build."""
    root = Path(root).resolve()
    cur = load_curriculum(root)
    _CURRENT[str(root)] = cur
    return cur


def get_curriculum(root: Path | str) -> Curriculum:
    """The curriculum of the current build (loaded now if no build has loaded it yet)."""
    root = Path(root).resolve()
    return _CURRENT.get(str(root)) or load_for_build(root)


def edition(config) -> str:
    """'learner' or 'trainer', from mkdocs.yml extra.edition or the EDITION variable."""
    return str((config.get("extra") or {}).get("edition") or os.environ.get("EDITION", "learner"))
