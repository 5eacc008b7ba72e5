"""What a trainee's phone downloads: byte budgets on the wire, scripts only where used, and
the search index fetched only when search is opened."""

from __future__ import annotations

import pytest

from macros.benchweb import BUDGET_FIRST_KB, BUDGET_REPEAT_KB, serve
from macros.chromium import visit


@pytest.fixture(scope="module")
def gzip_url(site):
    """The built site behind a static host with gzip and cache headers."""
    server, url = serve(site)
    yield url
    server.shutdown()


def _load(browser, url: str, twice: bool = False) -> tuple[dict[str, int], dict[str, int], object]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    first, page = visit(context, url)
    # a later visit, in a new tab: the browser's cache serves what it may
    repeat = visit(context, url)[0] if twice else {}
    return first, repeat, (context, page, first)


@pytest.mark.parametrize("path", ["sessions/s1/", "", "tools/checklist/"])
def test_first_and_repeat_view_stay_within_budget(browser, gzip_url, path):
    first, repeat, (context, _, _) = _load(browser, gzip_url + path, twice=True)
    context.close()
    assert not any("search_index" in u or u.endswith("search.json") for u in first), (
        "the search index must wait until search is opened"
    )
    assert sum(first.values()) / 1024 <= BUDGET_FIRST_KB, sorted(
        first.items(), key=lambda kv: -kv[1]
    )[:5]
    # A later visit downloads the page itself again (the browser revalidates a navigation)
    # and nothing else: every script, style and font comes from the cache.
    page_url = gzip_url + path
    assert all(v == 0 for u, v in repeat.items() if u != page_url), repeat
    assert repeat.get(page_url, 0) / 1024 <= BUDGET_REPEAT_KB + 5, repeat


def test_quiz_script_loads_only_where_a_quiz_is(browser, gzip_url):
    first, _, (context, _, _) = _load(browser, gzip_url + "glossary/")
    context.close()
    assert not any(u.endswith("assets/quiz.js") for u in first)
    first, _, (context, _, _) = _load(browser, gzip_url + "sessions/s1/")
    context.close()
    assert any(u.endswith("assets/quiz.js") for u in first)


def test_opening_search_fetches_the_index_and_finds_pages(browser, gzip_url):
    _, _, (context, page, sizes) = _load(browser, gzip_url + "sessions/s1/")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("gender", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert any("search_index" in u for u in sizes)
    context.close()
