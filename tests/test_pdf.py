"""The PDFs, read back: pages, outline, text, editions and national packs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.curriculum import load_curriculum

ROOT = Path(__file__).resolve().parent.parent
CUR = load_curriculum(ROOT)


def outline_titles(reader: PdfReader) -> list[str]:
    out = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(item.title)

    walk(reader.outline)
    return out


def full_text(reader: PdfReader) -> str:
    return " ".join((p.extract_text() or "") for p in reader.pages).replace("\n", " ")


@pytest.fixture(scope="module")
def handbook(site):
    return PdfReader(site / "downloads/participant-handbook.pdf")


@pytest.fixture(scope="module")
def guide(site):
    return PdfReader(site / "trainer/downloads/trainer-guide.pdf")


def test_handbook_structure(handbook):
    assert len(handbook.pages) > 40
    titles = outline_titles(handbook)
    for s in CUR.sessions.values():
        assert f"Session {s.number}: {s.title}" in titles
    for c in CUR.chapters.values():
        assert f"Guidebook: {c.title}" in titles
    for part in ("The programme", "Agenda", "Indicators", "Self-assessment checklist", "Glossary"):
        assert part in titles
    assert handbook.trailer["/Root"]["/Lang"] == "en"


def test_handbook_text_is_real_and_has_no_trainer_material(handbook):
    text = full_text(handbook)
    for s in CUR.sessions.values():
        assert s.title[:30] in text
    assert "Contents" in text and "Page 2 of" in text
    for s in CUR.sessions.values():
        for note in s.trainer_notes:
            assert note[:40] not in text
    assert "Answer key" not in text


def test_trainer_guide_has_notes_timings_and_answer_keys(guide, handbook):
    text = full_text(guide)
    assert "Answer key" in text and "Trainer notes" in text
    assert CUR.sessions["s1"].trainer_notes[0][:30] in text
    assert len(guide.pages) > len(handbook.pages)


def test_national_pack_holds_only_its_sessions(site):
    pack = CUR.national["st-kitts-and-nevis"]
    reader = PdfReader(site / "downloads/national/st-kitts-and-nevis.pdf")
    titles = outline_titles(reader)
    chosen = {f"Session {CUR.sessions[s].number}: {CUR.sessions[s].title}" for s in pack.sessions}
    sessions_in_pdf = {t for t in titles if t.startswith("Session ")}
    assert sessions_in_pdf == chosen
    assert not any(t.startswith("Guidebook:") for t in titles)
