"""Any engine builds the rendered trees: MkDocs and Zensical give the same pages and markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.build import build_tree
from macros.curriculum import load_curriculum
from macros.engines import ENGINES
from macros.export.hosts import outside_requests
from macros.render.tree import EDITIONS, render_tree
from test_quality import broken_links

ROOT = Path(__file__).resolve().parent.parent
FORM = re.compile(r"<form\b.*?</form>", re.S)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """The learner and trainer trees, each built by every engine."""
    tmp = tmp_path_factory.mktemp("engines")
    cur = load_curriculum(ROOT)
    out = {}
    for edition in ("learner", "trainer"):
        for engine in ENGINES:
            tree = render_tree(
                cur, ROOT, EDITIONS[edition], tmp / "tree" / engine / edition, engine=engine
            )
            out[(engine, edition)] = build_tree(engine, tree, tmp / engine)
    return out


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def forms(html: str) -> list[str]:
    """Every form of the content (quizzes, tools; not the theme's search form), with its
    whitespace normalised.  Zensical consumes `data-search-exclude` (it keeps the element out
    of its index and drops the attribute), so the attribute is not compared."""
    return [
        re.sub(r"\s+", " ", f.replace(" data-search-exclude", ""))
        for f in FORM.findall(html)
        if not f.startswith('<form class="md-')
    ]


def search_text(site: Path) -> str:
    """The search index of a built site, whichever engine wrote it."""
    for name in ("search/search_index.json", "search.json"):
        if (site / name).exists():
            return (site / name).read_text(encoding="utf-8")
    raise AssertionError(f"no search index in {site}")


@pytest.mark.parametrize("edition", ["learner", "trainer"])
def test_engines_build_the_same_pages(built, edition):
    mkdocs, zensical = pages(built[("mkdocs", edition)]), pages(built[("zensical", edition)])
    assert len(mkdocs) > 10
    assert mkdocs - {"404.html"} == zensical - {"404.html"}


@pytest.mark.parametrize("edition", ["learner", "trainer"])
def test_engines_give_the_same_quiz_and_tool_markup(built, edition):
    site_a, site_b = built[("mkdocs", edition)], built[("zensical", edition)]
    compared = 0
    for page in sorted(pages(site_a) & pages(site_b)):
        a = forms((site_a / page).read_text(encoding="utf-8"))
        b = forms((site_b / page).read_text(encoding="utf-8"))
        assert a == b, f"{page}: quiz or tool markup differs between engines"
        compared += len(a)
    assert compared > 0


@pytest.mark.parametrize("engine", list(ENGINES))
def test_every_engine_keeps_the_site_private_and_marks_the_trainer_edition(built, engine):
    for edition in ("learner", "trainer"):
        site = built[(engine, edition)]
        for page in pages(site):
            html = (site / page).read_text(encoding="utf-8")
            assert not outside_requests(html), f"{engine} {edition} {page} loads another host"
            banner = "trainer-banner" in html
            assert banner == (edition == "trainer"), f"{engine} {edition} {page}"


@pytest.mark.parametrize("engine", list(ENGINES))
def test_every_engine_resolves_every_link(built, engine):
    """Links between pages and to anchors work whichever engine wrote them (files made
    after the engine, such as PDFs and data, are checked on the full site)."""
    for edition in ("learner", "trainer"):
        broken = broken_links(
            built[(engine, edition)],
            skip_suffixes=(".pdf", ".zip", ".ics", ".json", ".csv", ".xml", ".txt"),
        )
        assert broken == [], f"{engine} {edition}:\n" + "\n".join(broken[:20])


@pytest.mark.parametrize("engine", list(ENGINES))
def test_every_engine_keeps_quiz_feedback_out_of_search(built, engine):
    from macros.curriculum import load_curriculum

    cur = load_curriculum(ROOT)
    index = search_text(built[(engine, "learner")])
    feedback = [o.feedback for q in cur.quizzes.values() for x in q.questions for o in x.options]
    assert feedback and not [f for f in feedback if f[:60] in index]
