"""`make serve`: the learner site with live reload, re-rendered whenever a source changes.

The render step writes the tree; `mkdocs serve` watches it and reloads the browser.  While
the curriculum has problems, every page shows them at its top as ``file:line`` lines (the
last good pages stay below); when they are fixed, the next reload shows the site again.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

from .curriculum import load_curriculum
from .errors import BuildFailed, CurriculumError
from .render.tree import EDITIONS, default_build_dir, render_tree, write_if_changed

WATCHED = ("curriculum", "quizzes", "docs", "macros/templates", "mkdocs.yml")
ADDRESS = "127.0.0.1:8000"


def snapshot(root: Path) -> dict[str, float]:
    """Modification times of every watched source file."""
    stamps = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        for file in files:
            if file.is_file():
                stamps[str(file)] = file.stat().st_mtime
    return stamps


def render_for_preview(root: Path, out: Path) -> list[str]:
    """Render the learner edition for preview; return the problems (empty when clean).

    On problems the tree keeps its last good pages and its config lists the problems,
    which the theme shows on every page."""
    try:
        cur = load_curriculum(root)
        render_tree(cur, root, EDITIONS["learner"], out)
        problems: list[str] = []
    except CurriculumError as err:
        problems = [p.format() for p in sorted(err.problems) if not p.warning]
    except BuildFailed as err:
        problems = str(err).splitlines()
    config = out / "mkdocs.yml"
    if config.is_file():
        cfg = yaml.safe_load(config.read_text(encoding="utf-8"))
        cfg["strict"] = False
        cfg.setdefault("extra", {})["build_problems"] = problems
        write_if_changed(config, yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False))
    return problems


def main_serve(root: Path) -> int:
    """Render, start `mkdocs serve` on the tree, and re-render on every change."""
    out = default_build_dir(root) / "serve" / "en" / "learner"
    problems = render_for_preview(root, out)
    if not (out / "mkdocs.yml").is_file():
        print("\n".join(problems), file=sys.stderr)
        print("Fix these, then run 'make serve' again.", file=sys.stderr)
        return 2
    for line in problems:
        print(line, file=sys.stderr)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen(
        [str(mkdocs), "serve", "--dev-addr", ADDRESS, "-f", str(out / "mkdocs.yml")]
    )
    stop = threading.Event()

    def watch() -> None:
        seen = snapshot(root)
        while not stop.wait(1.0):
            now = snapshot(root)
            if now != seen:
                seen = now
                found = render_for_preview(root, out)
                print(
                    f"re-rendered: {len(found)} problem(s)" if found else "re-rendered",
                    file=sys.stderr,
                    flush=True,
                )
                for line in found:
                    print(line, file=sys.stderr)

    threading.Thread(target=watch, daemon=True).start()
    try:
        return server.wait()
    except KeyboardInterrupt:
        stop.set()
        server.terminate()
        time.sleep(0.2)
        return 0
