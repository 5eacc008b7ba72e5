"""What trainees touch, in real Chromium: every built page at phone and desktop width, over
http and from the unzipped offline bundle (file://, every other request aborted and counted),
then the journeys through the tools.

Each sweep opens several pages at once in one browser, reusing one context per width, so
the whole file stays within a few minutes on two cores.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import zipfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from axe_playwright_python.async_playwright import Axe as AsyncAxe
from playwright.sync_api import expect

from browser import CHROMIUM, LAUNCH_ARGS, fill_share_form
from macros.curriculum import load_curriculum
from macros.loader import load_text
from macros.model import Policy
from macros.validate import validate_document

ROOT = Path(__file__).resolve().parent.parent
CUR = load_curriculum(ROOT)
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PARALLEL = 3

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_ALLOWED = {
    # Material's search dialog has no accessible name and lives in the theme's own
    # header template; the search still works by keyboard and screen reader.
    "aria-dialog-name": "Material's search dialog, part of the theme's header",
}
"""The one list of axe rules tolerated, each with its reason."""

PAGE_CHECKS = """() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) {
    problems.push(`scrolls sideways: ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const small = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || !el.getClientRects().length) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (el.closest(".visually-hidden, .md-search, [hidden]")) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest("svg");
    if (svg) {
      const vb = svg.viewBox && svg.viewBox.baseVal;
      if (vb && vb.width) px = px * svg.getBoundingClientRect().width / vb.width;
    }
    if (px < 12) small.add(`${el.tagName.toLowerCase()} "${node.textContent.trim().slice(0, 40)}" ${px.toFixed(1)}px`);
  }
  small.forEach((s) => problems.push("text under 12px: " + s));
  function rgb(text) {
    const m = text.match(/[\\d.]+/g);
    return m ? { r: +m[0], g: +m[1], b: +m[2], a: m[3] === undefined ? 1 : +m[3] } : null;
  }
  function lum(c) {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  function behind(el) {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  }
  const fields = document.querySelectorAll(
    "input:not([type=radio]):not([type=checkbox]):not([type=hidden]):not([type=submit]):not([type=button]), select, textarea");
  fields.forEach((f) => {
    if (!f.getClientRects().length || f.closest("[hidden]")) return;
    const s = getComputedStyle(f);
    if (s.visibility === "hidden" || s.opacity === "0") return;
    const back = behind(f);
    const own = rgb(s.backgroundColor);
    const border = rgb(s.borderTopColor);
    const width = parseFloat(s.borderTopWidth);
    const edge = width >= 1 && border && border.a > 0.5 ? ratio(border, back) : 0;
    const fill = own && own.a > 0.5 ? ratio(own, back) : 0;
    if (Math.max(edge, fill) < 3) {
      problems.push(`field #${f.id || f.name || f.className} has no edge of 3:1 (border ${edge.toFixed(2)}, fill ${fill.toFixed(2)})`);
    }
  });
  return problems;
}"""


def _run_apart(coro):
    """Run a coroutine in a thread of its own: Playwright's sync API, used by the tests
    before, keeps an event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _pages(root: Path) -> list[str]:
    """Every page of a built edition, as paths relative to its root (index.html files).
    The French and Spanish sites are made from the same templates: a sample of each of
    their templates is swept below, to keep CI short."""
    skip = {"trainer", "downloads", "data", "assets", "search", "fr", "es"}
    pages = []
    for html in sorted(root.rglob("*.html")):
        rel = html.relative_to(root)
        if rel.parts[0] in skip or rel.name == "404.html":
            continue
        pages.append(rel.as_posix())
    return pages


def _axe_sample(urls: list[str]) -> set[str]:
    """Every page, except that of the pages made in bulk from one template per database
    entry (a policy, a country) one stands for all: axe costs seconds a page."""
    seen: set[str] = set()
    chosen = set()
    for url in urls:
        family = url.rsplit("/policies/", 1)
        if len(family) == 2 and family[1] not in ("", "index.html", "share/", "share.html"):
            key = family[0] + ("/countries" if family[1].startswith("countries/") else "/entry")
            if key in seen:
                continue
            seen.add(key)
        chosen.add(url)
    return chosen


async def _sweep(urls: list[str], viewport: dict, axe: bool, offline: bool) -> dict[str, list]:
    """Open every URL (several at once), run the page checks and, on a sample, axe."""
    from playwright.async_api import async_playwright

    problems: dict[str, list] = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = await browser.new_context(viewport=viewport)
        outside: list[str] = []
        if offline:

            async def abort(route):
                outside.append(route.request.url)
                await route.abort()

            await context.route(lambda url: not url.startswith(("file:", "data:", "blob:")), abort)
        audited = _axe_sample(urls) if axe else set()
        queue: asyncio.Queue = asyncio.Queue()
        for url in urls:
            queue.put_nowait(url)

        async def worker() -> None:
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            while not queue.empty():
                url = queue.get_nowait()
                errors.clear()
                await page.goto(url, wait_until="load")
                found = list(await page.evaluate(PAGE_CHECKS))
                found += [f"script error: {e}" for e in errors]
                if url in audited:
                    results = await AsyncAxe().run(
                        page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
                    )
                    found += [
                        f"axe {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. "
                        f"{v['nodes'][0]['target']})"
                        for v in results.response["violations"]
                        if v["id"] not in AXE_ALLOWED
                    ]
                if found:
                    problems[url] = found
            await page.close()

        await asyncio.gather(*(worker() for _ in range(PARALLEL)))
        if outside:
            problems["requests to other hosts"] = sorted(set(outside))
        await context.close()
        await browser.close()
    return problems


def _report(problems: dict[str, list]) -> str:
    return "\n".join(f"{url}:\n  " + "\n  ".join(found) for url, found in problems.items())


@pytest.fixture(scope="module")
def offline_root(site, tmp_path_factory) -> Path:
    """The offline bundle, unzipped as a trainee would."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads/offline-site.zip") as zf:
        zf.extractall(target)
    return next(target.rglob("index.html")).parent


def _urls(base: str, pages: Iterable[str]) -> list[str]:
    return [base + p.removesuffix("index.html") for p in pages]


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_every_page_reflows_and_passes_axe_over_http(site, base_url, width):
    """No sideways scroll, no tiny text, visible field edges, axe clean: both editions."""
    urls = _urls(base_url, _pages(site)) + _urls(base_url + "trainer/", _pages(site / "trainer"))
    assert len(urls) > 2 * len(CUR.sessions)
    # axe reads the DOM, which is the same at both widths: once is enough.
    problems = _run_apart(_sweep(urls, VIEWPORTS[width], axe=width == "phone", offline=False))
    assert not problems, _report(problems)


def _one_per_template(pages: list[str], per_folder: int = 2) -> list[str]:
    """A few pages of each folder of a site (pages of one folder share their templates)."""
    taken: dict[str, int] = {}
    chosen = []
    for page in pages:
        folder = page.split("/", 1)[0] if "/" in page else ""
        if taken.get(folder, 0) < per_folder:
            taken[folder] = taken.get(folder, 0) + 1
            chosen.append(page)
    return chosen


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_french_and_spanish_pages_reflow_and_pass_axe_on_a_phone(site, base_url, lang):
    """Translations run longer than the English: a sample of each template in each
    language, learner and trainer editions, keeps to the phone's width and passes axe."""
    learner = _pages(site / lang)
    trainer = _pages(site / lang / "trainer")
    urls = _urls(f"{base_url}{lang}/", _one_per_template(learner)) + _urls(
        f"{base_url}{lang}/trainer/", _one_per_template(trainer)
    )
    assert len(urls) > 10
    problems = _run_apart(_sweep(urls, VIEWPORTS["phone"], axe=True, offline=False))
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_every_page_of_the_offline_bundle_works_from_disk(offline_root, width):
    """From file://, every page lays out the same and asks nothing of any other host."""
    urls = [(offline_root / p).as_uri() for p in _pages(offline_root)]
    assert any(u.endswith("policies/index.html") for u in urls)
    problems = _run_apart(_sweep(urls, VIEWPORTS[width], axe=False, offline=True))
    assert not problems, _report(problems)


@pytest.fixture(params=["http", "file"])
def where(request, site, base_url, offline_root):
    """A page opener for the served site or the unzipped bundle, with outside requests
    aborted and counted, at phone width."""
    browser = request.getfixturevalue("browser")
    context = browser.new_context(viewport=VIEWPORTS["phone"], accept_downloads=True)
    outside: list[str] = []
    local = ("file:", "data:", "blob:") if request.param == "file" else (base_url, "data:", "blob:")

    def abort(route):
        outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(local), abort)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def go(http_path: str, file_path: str) -> None:
        """Open a page by its served path or its path in the bundle."""
        if request.param == "http":
            page.goto(base_url + http_path)
        else:
            page.goto((offline_root / file_path).as_uri())

    page.go = go
    yield page
    assert outside == [], outside
    assert errors == [], errors
    context.close()


def test_filter_the_policy_table_and_open_a_policy(where):
    page = where
    page.go("policies/", "policies/index.html")
    rows = page.locator("[data-policy-table] tbody tr")
    expect(rows).to_have_count(len(CUR.policies))
    region = next(iter(CUR.policies.values())).region[0]
    page.get_by_label("Region").select_option(region)
    expect(rows).to_have_count(sum(1 for p in CUR.policies.values() if region in p.region))
    expect(page.locator(".policy-count")).to_contain_text("of " + str(len(CUR.policies)))
    first = rows.first.locator("a")
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_contain_text(title[:20])


def test_share_form_wrong_then_right_gives_the_yaml(where):
    page = where
    page.go("policies/share/", "policies/share.html")
    submit = page.get_by_role("button", name="Check and make the file")
    expect(submit).to_be_visible()
    page.fill("#f-id", "Not An Id")
    page.fill("#f-year", "nineteen")
    submit.click()
    summary = page.locator("#share-errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    links = summary.locator("a")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    order = page.locator("#share-form [id^=f-]").evaluate_all("els => els.map(e => '#' + e.id)")
    assert hrefs[0] == "#f-id" and hrefs == sorted(
        hrefs, key=lambda h: order.index(h) if h in order else len(order)
    )
    expect(links.first).to_contain_text("lower-case letters")
    expect(page.locator("#f-id")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-year")).to_have_attribute("aria-invalid", "true")
    links.first.click()
    expect(page.locator("#f-id")).to_be_focused()
    fill_share_form(
        page,
        next(iter(CUR.measure_types)),
        "Export coaching: one line.\nA second line {{ 7*7 }}.",
        "https://www.example.gov.gh/women-exporters",
    )
    submit.click()
    expect(summary).to_be_hidden()
    expect(page.locator("[aria-invalid]")).to_have_count(0)
    expect(page.locator(".share-output h2")).to_be_focused()
    text = page.locator("#share-yaml").input_value()
    doc = load_text(text, "curriculum/policies/ghana-women-exporters-programme.yml")
    policy, problems = validate_document(doc, Policy)
    assert problems == []
    assert policy.title == 'Support for women exporters "<b>pilot</b>"'


def test_score_the_checklist(where):
    page = where
    page.go("tools/checklist/", "tools/checklist.html")
    dims = CUR.checklist.dimensions
    top = max(p.value for p in CUR.checklist.scale)
    for item in dims[0].items:
        page.locator(f"#{item.id}-{top}").check()
    expect(page.locator("#checklist-summary")).to_contain_text(
        f"Overall score {round(100 / len(dims))}%"
    )
    bars = page.locator("#checklist-chart li")
    expect(bars).to_have_count(len(dims) + 1)
    expect(bars.first).to_contain_text("100%")


def test_every_downloads_link_opens(where, site, offline_root):
    page = where
    page.go("downloads/", "downloads.html")
    links = page.locator("article a[href]:not(.headerlink)").evaluate_all(
        "els => els.map(e => e.href).filter(h => !h.includes('#'))"
    )
    assert links
    local = [
        h
        for h in links
        if "/downloads/" in h or "/data/" in h or h.endswith((".pdf", ".zip", ".csv", ".json"))
    ]
    assert local, links
    for href in local:
        if href.startswith("file:"):
            assert Path(unquote(urlparse(href).path)).is_file(), href
        else:
            response = page.request.get(href)
            assert response.ok, href
            assert len(response.body()) > 0, href
