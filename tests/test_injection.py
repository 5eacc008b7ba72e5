"""Text that passes the check but looks like code stays inert in every output.

Markup in curriculum text is refused by `make check` (tests/test_sanitise.py).  What passes
is plain text that tries to break out of attributes ("…" onmouseover="…"), template syntax,
entities and spreadsheet formulas: a copy of the curriculum full of them is built, and the
pages, the data files and a real browser show them as text.  The same browser checks that
the Content-Security-Policy of every page reports no violation, over http and from file://.
"""

from __future__ import annotations

import csv
import json
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from macros.build import build_site

BREAKOUT = 'x" onmouseover="alert(\'attr\')" autofocus onfocus="alert(\'focus\')" y="'
PAYLOADS = {
    "title": "Export fund {{ 7*7 }} " + BREAKOUT,
    "description": '=HYPERLINK("x") {% include "mkdocs.yml" %} {{ config.site_name }} '
    "&lt;script&gt;alert('entity')&lt;/script&gt; " + BREAKOUT,
    "beneficiaries": "Women & girls {# comment #} {{ '{{' }} ' onmouseover='alert(1)",
}

POLICY = """id: zz-injection-test
countries: [Kenya]
member_status: [developing]
region: [Africa]
year: 2020
title: {title}
measure_type: access-to-finance
wto_areas: [GATT]
description: {description}
beneficiaries: {beneficiaries}
status: in force
source_url: https://example.org/policy?a=1&b=2
"""


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    """A site built from a curriculum whose texts all try to break out."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("inj") / "project")
    fields = {k: json.dumps(v) for k, v in PAYLOADS.items()}
    (project / "curriculum/policies/zz-injection-test.yml").write_text(POLICY.format(**fields))
    session = next(  # a session of the 2-day course: it has a quiz to inject into
        p
        for p in sorted((project / "curriculum/sessions").glob("[!_]*.yml"))
        if "quiz" in yaml.safe_load(p.read_text(encoding="utf-8"))
    )

    def session_payloads(d):
        d["title"] += " " + BREAKOUT
        d["sections"][0]["body"] += (
            "\n\nCode: `<script>alert('code')</script>`; entity: "
            "&lt;img src=x onerror=alert('entity')&gt;.\n"
        )

    _edit(session, session_payloads)
    quiz_id = yaml.safe_load(session.read_text(encoding="utf-8"))["quiz"]
    _edit(
        project / "quizzes" / f"{quiz_id}.yml",
        lambda d: d["questions"][0]["options"][0].update(
            text=d["questions"][0]["options"][0]["text"] + " &lt;b&gt; " + BREAKOUT
        ),
    )
    _edit(
        project / "curriculum/glossary.yml",
        lambda d: d["terms"][0].update(definition=d["terms"][0]["definition"] + " " + BREAKOUT),
    )
    site = build_site(project, project / "site", with_pdf=False, with_offline=False)
    return site, session.stem


class _Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _parse(path: Path) -> _Elements:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_page_has_inline_script_handlers_or_script_urls(injected):
    site, _ = injected
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        for tag, attrs in _parse(page).tags:
            handlers = [a for a in attrs if a.startswith("on")]
            assert not handlers, f"{page.relative_to(site)}: <{tag}> has {handlers}"
            for name in ("href", "src", "action"):
                assert (
                    not (attrs.get(name) or "")
                    .strip()
                    .lower()
                    .startswith(("javascript:", "data:text"))
                ), f"{page.relative_to(site)}: {attrs}"
            if tag == "script":
                assert attrs.get("src") or attrs.get("type") == "application/json", (
                    f"{page.relative_to(site)}: inline <script>"
                )


def test_titles_are_text_in_title_and_navigation(injected):
    site, sid = injected
    page = _parse(site / "sessions" / sid / "index.html")
    assert BREAKOUT in page.title
    assert not any("onmouseover" in attrs or "autofocus" in attrs for _, attrs in page.tags)


def test_policy_page_shows_text_literally(injected):
    site, _ = injected
    html = (site / "policies/zz-injection-test/index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html and "Export fund 49" not in html
    assert "{{ config.site_name }}" in html
    assert "&amp;lt;script&amp;gt;" in html  # the entity is shown as typed, not decoded
    assert 'href="https://example.org/policy?a=1&amp;b=2"' in html


def test_country_page_and_table_data_are_inert(injected):
    site, _ = injected
    rows = {r["id"]: r for r in json.loads((site / "data/policies.json").read_text())}
    for field, value in PAYLOADS.items():
        assert rows["zz-injection-test"][field] == value


def test_csv_keeps_text_and_defuses_formulas(injected):
    site, _ = injected
    with open(site / "data/policies.csv", newline="", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == "zz-injection-test")
    assert row["title"] == PAYLOADS["title"]
    assert row["beneficiaries"] == PAYLOADS["beneficiaries"]
    assert not row["description"].startswith("=")


def test_participant_text_stays_out_of_the_site_search(injected):
    """Policy pages are searched by the table, not by the site search, whose index would
    otherwise grow with the database and carry participant text into result snippets."""
    site, _ = injected
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "zz-injection-test" not in index


# ------------------------------------------------------------------ in the browser

VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def _open(browser, url: str, hover: bool = False) -> tuple[list[str], list[str], list[str]]:
    """Open ``url``; return (dialogs, CSP violations, console errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("load")
    if hover:
        # Fire what an attribute break-out would hook: hover and focus on links and headings.
        for element in page.locator("article a, article h1, .md-nav__link").all()[:60]:
            element.dispatch_event("mouseover")
            element.dispatch_event("focus")
        page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    violations = page.evaluate("window.__csp")
    context.close()
    return dialogs, violations, errors


def test_payload_pages_open_no_dialog(injected, browser):
    from browser import serve

    site, sid = injected
    server, url = serve(site)
    try:
        for path in (
            f"sessions/{sid}/",
            "glossary/",
            "policies/zz-injection-test/",
            "policies/",
            "",
        ):
            dialogs, violations, errors = _open(browser, url + path, hover=True)
            assert dialogs == [], (path, dialogs)
            assert violations == [], (path, violations)
    finally:
        server.shutdown()


def test_csp_reports_no_violation_and_blocks_inline_script(browser, base_url):
    for path in ("", "sessions/s1/", "policies/", "tools/checklist/"):
        dialogs, violations, errors = _open(browser, base_url + path)
        assert violations == [] and not [e for e in errors if "Content Security" in e], (
            path,
            violations,
            errors,
        )
    # The policy is really enforced: an inline script added to a page is refused.
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.goto(base_url)
    page.evaluate(
        "document.body.appendChild(Object.assign(document.createElement('script'),"
        " {textContent: 'window.__ran = true'}))"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in page.evaluate("window.__csp"))
    context.close()


def test_offline_search_works_under_the_policy(browser, site, tmp_path):
    """The offline bundle runs search in an iframe standing in for a worker: from file://,
    under the policy, it finds results and reports no violation."""
    with zipfile.ZipFile(site / "downloads/offline-site.zip") as zf:
        zf.extractall(tmp_path)
    root = next(tmp_path.iterdir())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.goto((root / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("gender", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert page.evaluate("window.__csp") == []
    context.close()
