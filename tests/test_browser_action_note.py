"""The take-home action note in real Chromium, and handouts kept out of the learner edition."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.curriculum import load_curriculum
from macros.render.action_note import note_sessions
from macros.render.strings import STRINGS

ROOT = Path(__file__).resolve().parent.parent
CUR = load_curriculum(ROOT)
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
NOTES = note_sessions(CUR)


def fill_note(page, sid: str, words: str) -> None:
    """Type an entry for every field of a session's note, by keyboard, found by its label."""
    form = page.locator(f'form[data-action-note="{sid}"]')
    for field in ("does", "gap", "option", "indicator"):
        box = form.get_by_label(STRINGS[f"an_{field}"], exact=True)
        box.focus()
        page.keyboard.type(f"{words} {field}")
    expect(form.locator(".an-status")).to_have_text(STRINGS["an_saved"])


def test_action_note_gathers_two_sessions_and_prints_alone(page, base_url, tmp_path):
    assert len(NOTES) >= 2
    (first, _), (second, _) = NOTES[0], NOTES[-1]
    page.goto(base_url + f"sessions/{first.id}/")
    expect(page.locator(".an-nojs").first).to_be_hidden()
    fill_note(page, first.id, "Customs publishes trade by firm")
    page.goto(base_url + f"sessions/{second.id}/")
    fill_note(page, second.id, "Standards board review")
    page.reload()
    form = page.locator(f'form[data-action-note="{second.id}"]')
    expect(form.get_by_label(STRINGS["an_gap"], exact=True)).to_have_value(
        "Standards board review gap"
    )

    page.get_by_role("link", name=STRINGS["an_see_all"]).click()
    sheet = page.locator("[data-action-note-sheet]")
    expect(sheet.locator(f'[data-an-cell="{first.id}:does"]')).to_have_text(
        "Customs publishes trade by firm does"
    )
    expect(sheet.locator(f'[data-an-cell="{second.id}:indicator"]')).to_have_text(
        "Standards board review indicator"
    )
    sheet.get_by_label(STRINGS["an_name"], exact=True).fill("A. Participant")
    sheet.get_by_label(STRINGS["an_country"], exact=True).fill("Cabo Verde")
    page.reload()
    expect(sheet.get_by_label(STRINGS["an_country"], exact=True)).to_have_value("Cabo Verde")
    expect(page.get_by_role("button", name=STRINGS["an_print"])).to_be_visible()

    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".an-actions",
        ".an-intro",
        "h1",
    ):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(sheet).to_be_visible()
    expect(sheet.locator(f'[data-an-cell="{second.id}:gap"]')).to_be_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(pdf.pages) == 1, "the note prints on one A4 page"
    width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
    assert abs(width - 595) < 3 and abs(height - 842) < 3
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "A. Participant" in text and "Cabo Verde" in text
    assert "Customs publishes trade by firm" in text
    assert page.outside == []


def test_a_full_note_still_fits_one_a4_page(page, base_url):
    page.goto(base_url + f"sessions/{NOTES[0][0].id}/")
    longest = int(page.locator("form[data-action-note] textarea").first.get_attribute("maxlength"))
    full = ("Customs publishes monthly trade data by firm and product, " * 10)[:longest]
    page.evaluate(
        """([ids, text]) => {
          const entries = {};
          for (const id of ids) entries[id] = {does: text, gap: text, option: text, indicator: text};
          localStorage.setItem("tg-action-note", JSON.stringify({entries, name: "N", country: "C"}));
        }""",
        [[s.id for s, _ in NOTES], full],
    )
    page.goto(base_url + "action-note/")
    expect(page.locator(f'[data-an-cell="{NOTES[-1][0].id}:indicator"]')).to_have_text(full)
    page.emulate_media(media="print")
    assert len(PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages) == 1


def test_action_note_is_accessible(page, base_url):
    for path in (f"sessions/{NOTES[0][0].id}/", "action-note/"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
    border = page.locator("#an-name").evaluate("e => getComputedStyle(e).borderBottomStyle")
    assert border == "solid"


def test_without_javascript_the_note_explains_and_prints_blank(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "action-note/")
    expect(page.locator(".an-nojs")).to_be_visible()
    expect(page.locator("[data-an-actions]")).to_be_hidden()
    expect(page.locator("[data-an-cell]")).to_have_count(4 * len(NOTES))
    page.emulate_media(media="print")
    expect(page.locator(".an-table")).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    context.close()


def test_action_note_works_from_the_offline_bundle(browser, site, tmp_path):
    with zipfile.ZipFile(site / "downloads/offline-site.zip") as zf:
        zf.extractall(tmp_path)
    root = next(tmp_path.rglob("index.html")).parent
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url)
        if not r.url.startswith(("file://", "data:", "blob:"))
        else None,
    )
    sid = NOTES[0][0].id
    page.goto((root / "sessions" / f"{sid}.html").as_uri())
    fill_note(page, sid, "Offline entry")
    page.goto((root / "action-note.html").as_uri())
    expect(page.locator(f'[data-an-cell="{sid}:option"]')).to_have_text("Offline entry option")
    assert outside == []
    context.close()


def handout_phrases() -> list[tuple[str, str]]:
    """Distinctive text of every handout: its title, purpose and longest body line."""
    out = []
    for hid, h in CUR.handouts.items():
        longest = max(h.body.splitlines(), key=len).strip()
        plain = re.sub(r"^(#+|[-*]|\d+\.)\s+", "", longest)
        plain = re.sub(r"\s+", " ", re.sub(r"[*_`|]", " ", plain)).strip()[:50]
        out += [(hid, h.title), (hid, h.purpose[:50]), (hid, plain)]
    return out


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")
    return re.sub(r"\s+", " ", text)


def test_learner_site_holds_no_handout_text(site):
    learner = [
        p
        for p in site.rglob("*")
        if p.suffix in (".html", ".json", ".xml", ".csv")
        and "trainer" not in p.relative_to(site).parts
    ]
    texts = {p: visible_text(p.read_text(encoding="utf-8", errors="replace")) for p in learner}
    with zipfile.ZipFile(site / "downloads/offline-site.zip") as zf:
        for name in zf.namelist():
            if name.endswith((".html", ".json")):
                texts[Path(name)] = visible_text(zf.read(name).decode("utf-8", "replace"))
    phrases = handout_phrases()
    for path, text in texts.items():
        for hid, phrase in phrases:
            assert phrase not in text, f"{hid} text found in the learner edition: {path}"
    trainer_pages = " ".join(
        visible_text(p.read_text(encoding="utf-8"))
        for p in (site / "trainer/trainers/handouts").rglob("index.html")
    )
    for hid, phrase in phrases:
        assert phrase in trainer_pages, f"{hid} missing from the trainer edition"


@pytest.mark.parametrize(
    "name,present", [("trainer-guide.pdf", True), ("participant-handbook.pdf", False)]
)
def test_handouts_are_in_the_trainer_guide_only(site, name, present):
    folder = site / "trainer" / "downloads" if present else site / "downloads"
    reader = PdfReader(folder / name)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))
    for h in CUR.handouts.values():
        assert (h.title in text) is present, (name, h.id)
