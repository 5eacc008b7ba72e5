"""The glue between MkDocs and the curriculum: one load per build, shared by hooks and macros."""

from __future__ import annotations

import os
from pathlib import Path

from .curriculum import Curriculum, load_curriculum

_CACHE: dict[str, tuple[float, Curriculum]] = {}


def _newest_mtime(root: Path) -> float:
    newest = 0.0
    for folder in ("curriculum", "quizzes"):
        for path in (root / folder).rglob("*.yml"):
            newest = max(newest, path.stat().st_mtime)
    return newest


def get_curriculum(root: Path | str) -> Curriculum:
    """The checked curriculum under ``root``, loaded once until a YAML file changes."""
    root = Path(root).resolve()
    stamp = _newest_mtime(root)
    cached = _CACHE.get(str(root))
    if cached and cached[0] == stamp:
        return cached[1]
    cur = load_curriculum(root)
    _CACHE[str(root)] = (stamp, cur)
    return cur


def edition(config) -> str:
    """'learner' or 'trainer', from mkdocs.yml extra.edition or the EDITION variable."""
    return str((config.get("extra") or {}).get("edition") or os.environ.get("EDITION", "learner"))
