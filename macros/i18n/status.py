"""How much of each page is translated: the status page of each language (trainer
edition), ``data/translation-status.json`` and ``make i18n-status``.

The counts come from the render itself (macros/i18n/marks.py): a page's words are those of
the curriculum text it shows, each counted as translated (reviewed or draft) or as English
(out of date or missing).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..render.engine import Context, render
from .marks import PageCount

STATUS_PAGE = "trainers/translation-status.md"
"""Where each language's status page is, in its trainer edition."""


def _figures(count: PageCount) -> dict:
    """What the status says of a page or of the whole site."""
    return {
        "percent": count.percent,
        "words": count.total_words,
        "translated_words": count.words["done"] + count.words["draft"],
        "draft": count.entries["draft"],
        "fuzzy": count.entries["fuzzy"],
        "missing": count.entries["missing"],
    }


def page_rows(counts: dict[str, PageCount], titles: dict[str, str]) -> list[dict]:
    """One row per page with curriculum text, in source order."""
    rows = []
    for src, count in counts.items():
        if not count.total_words:
            continue
        rows.append({"page": src, "title": titles.get(src, src), **_figures(count)})
    return rows


def summary(counts: dict[str, PageCount]) -> dict:
    """The whole site's counts."""
    total = PageCount()
    for count in counts.values():
        total.add(count)
    return _figures(total)


def status_data(by_lang: dict[str, tuple[dict[str, PageCount], dict[str, str]]]) -> dict:
    """Every language's status, as written to data/translation-status.json."""
    return {
        lang: {"site": summary(counts), "pages": page_rows(counts, titles)}
        for lang, (counts, titles) in by_lang.items()
    }


def render_status_page(ctx: Context, counts: dict[str, PageCount], titles: dict[str, str]) -> str:
    """The status page of one language (Markdown, front matter included)."""
    return render(
        "translation-status.md", ctx, rows=page_rows(counts, titles), site=summary(counts)
    )


def render_status_index(ctx: Context, links: list[tuple[str, str]]) -> str:
    """The English trainer edition's status page: a link to each language's status."""
    return render("translation-status-index.md", ctx, links=links)


def write_status_json(data: dict, site_dir: Path) -> Path:
    """data/translation-status.json in one built site."""
    target = site_dir / "data" / "translation-status.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def format_table(data: dict) -> str:
    """The status as plain text, for the terminal."""
    lines = []
    for lang, status in data.items():
        site = status["site"]
        lines.append(
            f"{lang}: {site['percent']}% of {site['words']} words translated; "
            f"{site['draft']} draft, {site['fuzzy']} out of date, "
            f"{site['missing']} missing entries"
        )
        for row in status["pages"]:
            lines.append(
                f"  {row['percent']:3d}%  {row['page']:<48} draft {row['draft']:<4} "
                f"out of date {row['fuzzy']:<4} missing {row['missing']}"
            )
    return "\n".join(lines)


def main_status(root: Path) -> int:
    """CLI: ``make i18n-status``: render each language's trainer edition and print its
    status (no engine runs)."""
    from ..curriculum import load_curriculum
    from ..engines import engine_name
    from ..errors import CurriculumError
    from ..render.tree import default_build_dir, render_all
    from . import SOURCE, site_languages
    from .apply import translate_or_fail

    try:
        cur = load_curriculum(root)
        langs = site_languages(root)
        by_lang = {}
        for lang in langs:
            if lang == SOURCE:
                continue
            translated = translate_or_fail(cur, lang).cur
            tree = render_all(
                translated,
                root,
                default_build_dir(root),
                ["trainer"],
                lang=lang,
                engine=engine_name(),
                langs=langs,
            )["trainer"]
            by_lang[lang] = (tree.counts, tree.titles)
    except CurriculumError as err:
        print(err, file=sys.stderr)
        return 2
    print(format_table(status_data(by_lang)))
    return 0
