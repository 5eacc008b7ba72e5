"""Policy tools and data collection in real Chromium: checklist, filters, share form, offline."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from browser import fill_share_form

from macros.curriculum import load_curriculum
from macros.i18n.marks import strip_marks
from macros.i18n.ui import T, gettext, use_language
from macros.loader import load_text
from macros.model import Policy
from macros.validate import validate_document

ROOT = Path(__file__).resolve().parent.parent
CUR = load_curriculum(ROOT)
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_checklist_scores_export_and_restore(page, base_url):
    page.goto(base_url + "tools/checklist/")
    expect(page.locator("text=Nothing you enter here is sent anywhere")).to_be_visible()
    dims = CUR.checklist.dimensions
    top = max(p.value for p in CUR.checklist.scale)
    # First dimension: every item at the top of the scale; second: every item at 0.
    for item in dims[0].items:
        page.locator(f"#{item.id}-{top}").check()
    for item in dims[1].items:
        page.locator(f"#{item.id}-0").check()
    summary = page.locator("#checklist-summary")
    expected_overall = round(100 / len(dims))
    expect(summary).to_contain_text(f"Overall score {expected_overall}%")
    expect(page.locator(f'[data-recs="{dims[0].id}"] li.is-current')).to_have_attribute(
        "data-band", CUR.checklist.bands[-1].id
    )
    with page.expect_download() as info:
        page.get_by_role("button", name="Export answers (JSON)").click()
    data = json.loads(Path(info.value.path()).read_text())
    assert data["scores"][dims[0].id] == 100 and data["scores"][dims[1].id] == 0
    assert data["overall"] == expected_overall
    assert data["answers"][dims[0].items[0].id] == top
    with page.expect_download() as info:
        page.get_by_role("button", name="Export answers (CSV)").click()
    csv_text = Path(info.value.path()).read_text()
    assert csv_text.startswith('"dimension","item","question","value","answer"')
    page.reload()
    assert page.locator(f"#{dims[0].items[0].id}-{top}").is_checked()
    expect(page.locator("#checklist-summary")).to_contain_text(f"Overall score {expected_overall}%")
    assert page.outside == []


def test_indicator_filter_narrows_the_list(page, base_url):
    page.goto(base_url + "tools/indicators/")
    cards = page.locator("#indicator-list article")
    total = cards.count()
    assert total == len(CUR.indicators)
    page.locator("select[data-facet=session]").select_option("s6")
    expected = sum(1 for i in CUR.indicators.values() if "s6" in i.sessions)
    expect(page.locator("#indicator-list article:visible")).to_have_count(expected)
    assert 0 < expected < total
    expect(page.locator(".filter-count")).to_contain_text(f"{expected} indicator")


def test_policy_table_search_filter_sort(page, base_url):
    page.goto(base_url + "policies/")
    rows = page.locator("[data-policy-table] tbody tr")
    expect(rows).to_have_count(len(CUR.policies))
    page.locator("select[data-f=region]").select_option("Africa")
    african = sum(1 for p in CUR.policies.values() if "Africa" in p.region)
    expect(rows).to_have_count(african)
    page.locator("select[data-f=region]").select_option("")
    page.locator("[data-q]").press_sequentially("Kenya")
    expect(rows).to_have_count(
        sum(
            1
            for p in CUR.policies.values()
            if "kenya"
            in (p.title + " ".join(p.countries) + p.description + p.beneficiaries).lower()
        )
    )
    page.locator("[data-q]").fill("")
    page.locator("[data-q]").dispatch_event("input")
    page.get_by_role("button", name="Year").click()
    years = [int(t) for t in rows.locator("td:nth-child(3)").all_inner_texts() if t.strip()]
    assert years == sorted(years)
    rows.first.locator("a").click()
    expect(page.locator("article.policy h1")).to_be_visible()


def test_share_form_makes_yaml_the_loader_accepts(page, base_url):
    page.goto(base_url + "policies/share/")
    expect(page.locator(".share-actions")).to_be_visible()
    page.get_by_role("button", name="Check and make the file").click()
    expect(page.locator("#share-errors")).to_contain_text("Fill in “Short id”.")
    fill_share_form(
        page,
        next(iter(CUR.measure_types)),
        "Training and: export coaching.\nSecond line {{ 7*7 }}.",
        "javascript:alert(1)",
    )
    page.get_by_role("button", name="Check and make the file").click()
    expect(page.locator("#share-errors")).to_contain_text("must be a web address that starts")
    page.fill("#f-source_url", "https://www.example.gov.gh/women-exporters")
    page.get_by_role("button", name="Check and make the file").click()
    expect(page.locator(".share-output")).to_be_visible()
    text = page.locator("#share-yaml").input_value()
    doc = load_text(text, "curriculum/policies/ghana-women-exporters-programme.yml")
    policy, problems = validate_document(doc, Policy)
    assert problems == []
    assert policy.title == 'Support for women exporters "<b>pilot</b>"'
    assert "{{ 7*7 }}" in policy.description


def _in_french(text: str, key: str | None = None) -> str:
    """An interface text (or the keyed string ``key``) as the French site prints it."""
    with use_language("fr", ROOT):
        return strip_marks(T[key] if key else gettext(text))


def test_tool_scripts_write_in_the_language_of_the_page(page, base_url):
    summary = "Overall score {score}% ({band}). Answered {answered} of {total} questions; "
    summary += "unanswered questions count as 0."
    assert _in_french(summary) != summary, "the French catalogue lacks the checklist summary"
    page.goto(base_url + "fr/tools/checklist/")
    page.locator(f"#{CUR.checklist.dimensions[0].items[0].id}-0").check()
    expect(page.locator("#checklist-summary")).to_contain_text(
        _in_french(summary).split("{score}")[0].strip()
    )
    expect(page.locator("#checklist-summary")).not_to_contain_text("Overall score")

    page.goto(base_url + "fr/policies/")
    shown = _in_french("{shown} of {total} policies").split("{total}")[0]
    expect(page.locator(".policy-count")).to_contain_text(
        shown.replace("{shown}", str(len(CUR.policies))).strip()
    )
    statuses = {_in_french("", f"policy_{p.status}") for p in CUR.policies.values()}
    cells = page.locator("[data-policy-table] tbody td:nth-child(5)").all_inner_texts()
    assert cells and set(cells) <= statuses

    page.goto(base_url + "fr/policies/share/")
    page.get_by_role("button", name=_in_french("Check and make the file")).click()
    fill = _in_french("Fill in “{field}”.").replace("{field}", _in_french("Short id"))
    expect(page.locator("#share-errors")).to_contain_text(fill)
    assert page.outside == []


@pytest.mark.parametrize(
    "path",
    [
        "",
        "programme/",
        "agenda/",
        "glossary/",
        "sessions/s5/",
        "elearning/intro/wto-basics/",
        "guidebook/services/",
        "tools/indicators/",
        "tools/checklist/",
        "tools/measures/",
        "policies/",
        "policies/kenya-women-enterprise-fund/",
        "policies/share/",
        "schedule/",
        "participants/briefing/",
        "participants/questionnaire/",
        "programme/evaluation/",
        "national/st-kitts-and-nevis/",
        "contributing/",
        "trainer/sessions/s1/",
        "trainers/alignment/",
    ],
)
def test_every_page_type_is_accessible(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    assert page.outside == []


def test_offline_bundle_from_disk(browser, site, tmp_path):
    with zipfile.ZipFile(site / "downloads/offline-site.zip") as zf:
        zf.extractall(tmp_path)
    index = next(tmp_path.rglob("index.html"))
    root = index.parent
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url)
        if not r.url.startswith(("file://", "data:", "blob:"))
        else None,
    )
    page.goto((root / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("procurement", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    page.goto((root / "sessions" / "s1.html").as_uri())
    form = page.locator("form.quiz")
    for q in form.locator("fieldset.quiz-q").all():
        q.locator("input[data-ok]").first.check()
    form.locator("button[type=submit]").click()
    expect(form.locator(".quiz-result")).to_contain_text("Score:")
    assert outside == []
    context.close()
