"""Command line: ``python -m macros check|render|site|pdf|serve|schema|i18n|i18n-status``, used
by the Makefile."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .curriculum import load_curriculum
from .errors import CurriculumError, format_report, plural, sort_problems, write_step_summary
from .schema import export_schemas, stale_schemas


EXIT_OK = 0
EXIT_PROBLEMS = 2
"""Exit status of `make check`: 0 when the curriculum is clean, 2 when it has problems."""


def run_check(root: Path) -> int:
    """Validate the whole curriculum; print warnings and problems; 0 when clean, else 2."""
    try:
        cur = load_curriculum(root)
    except CurriculumError as err:
        print(err, file=sys.stderr)
        write_step_summary(err.problems)
        return EXIT_PROBLEMS
    problems, translation_warnings = check_translations(root, cur)
    warnings = sort_problems(cur.warnings + translation_warnings)
    for warning in warnings:
        print("warning: " + warning.format())
        if os.environ.get("CI") == "true":
            print(warning.annotation())
    write_step_summary(problems + warnings)
    if problems:
        print(format_report(problems), file=sys.stderr)
        return EXIT_PROBLEMS
    stale = stale_schemas(root)
    if stale:
        print(
            f"{', '.join(stale)}: out of date with macros/model.py. "
            "Run 'make schema' and commit the result.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(
        f"curriculum OK: {plural(len(cur.sessions), 'session')}, "
        f"{plural(len(cur.quizzes), 'quiz', 'quizzes')}, {plural(len(cur.modules), 'module')}, "
        f"{plural(len(cur.chapters), 'guidebook chapter')}, "
        f"{plural(len(cur.indicators), 'indicator')}, "
        f"{plural(len(cur.policies), 'policy', 'policies')}, "
        f"{plural(len(cur.warnings), 'warning')}."
    )
    return EXIT_OK


def check_translations(root: Path, cur) -> tuple[list, list]:
    """Problems and warnings of every language's catalogues (the translated curriculum is
    checked by the same model as the English)."""
    from .i18n import SOURCE, site_languages
    from .i18n.apply import translate_curriculum
    from .i18n.check import load_terms
    from .i18n.pages import check_pages
    from .i18n.ui import check_ui_catalog

    problems, warnings = [], []
    for lang in site_languages(root):
        if lang != SOURCE:
            out = translate_curriculum(cur, lang, root)
            problems += out.problems
            warnings += out.warnings
            for check in (check_pages, check_ui_catalog):
                found, notes = check(root, lang, load_terms(root))
                problems += found
                warnings += notes
    return problems, warnings


def run_render(root: Path, editions: list[str] | None = None) -> int:
    """Render every edition to plain Markdown under build/tree/; print where."""
    from .engines import engine_name
    from .render.tree import default_build_dir, render_all

    try:
        cur = load_curriculum(root)
    except CurriculumError as err:
        print(err, file=sys.stderr)
        return 2
    from .i18n import site_languages
    from .i18n.apply import translate_or_fail

    langs = site_languages(root)
    trees = {}
    try:
        for lang in langs:
            translated = translate_or_fail(cur, lang).cur
            for name, tree in render_all(
                translated,
                root,
                default_build_dir(root),
                editions,
                lang=lang,
                engine=engine_name(),
                langs=langs,
            ).items():
                trees[(lang, name)] = tree
    except CurriculumError as err:
        print(err, file=sys.stderr)
        return 2
    for tree in trees.values():
        pages = sum(1 for _ in tree.docs.rglob("*.md"))
        print(f"{tree.config}: {pages} pages ({tree.edition.name}, {tree.lang})")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="course", description=__doc__)
    parser.add_argument(
        "command",
        choices=["check", "render", "site", "pdf", "serve", "schema", "i18n", "i18n-status"],
    )
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument(
        "--edition",
        action="append",
        help="render: only this edition (learner, trainer, offline); repeatable",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return run_check(root)
    if args.command == "render":
        return run_render(root, args.edition)
    if args.command == "i18n":
        from .i18n.merge import main_update

        return main_update(root)
    if args.command == "i18n-status":
        from .i18n.status import main_status

        return main_status(root)
    if args.command == "serve":
        from .serve import main_serve

        return main_serve(root)
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
