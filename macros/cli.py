"""Command line: ``python -m macros check|schema``, used by the Makefile."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .curriculum import load_curriculum
from .errors import CurriculumError, plural, sort_problems, write_step_summary
from .schema import export_schemas, stale_schemas


def run_check(root: Path) -> int:
    """Validate the whole curriculum; print warnings and problems; 0 when clean."""
    try:
        cur = load_curriculum(root)
    except CurriculumError as err:
        print(err, file=sys.stderr)
        write_step_summary(err.problems)
        return 1
    warnings = sort_problems(cur.warnings)
    for warning in warnings:
        print("warning: " + warning.format())
        if os.environ.get("CI") == "true":
            print(warning.annotation())
    write_step_summary(warnings)
    stale = stale_schemas(root)
    if stale:
        print(
            f"{', '.join(stale)}: out of date with macros/model.py. "
            "Run 'make schema' and commit the result.",
            file=sys.stderr,
        )
        return 1
    print(
        f"curriculum OK: {plural(len(cur.sessions), 'session')}, "
        f"{plural(len(cur.quizzes), 'quiz', 'quizzes')}, {plural(len(cur.modules), 'module')}, "
        f"{plural(len(cur.chapters), 'guidebook chapter')}, "
        f"{plural(len(cur.indicators), 'indicator')}, "
        f"{plural(len(cur.policies), 'policy', 'policies')}, "
        f"{plural(len(cur.warnings), 'warning')}."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="course", description=__doc__)
    parser.add_argument("command", choices=["check", "schema", "site", "pdf"])
    parser.add_argument("--root", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return run_check(root)
    if args.command == "site":
        from .build import main_site

        return main_site(root)
    if args.command == "pdf":
        from .build import main_pdf

        return main_pdf(root)
    for path in export_schemas(args.root.resolve()):
        print(f"wrote {path.relative_to(args.root.resolve())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
