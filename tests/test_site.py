"""The built site: pages exist with real content, editions stay apart, data files are right."""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from macros.curriculum import load_curriculum
from macros.export.hosts import outside_requests

ROOT = Path(__file__).resolve().parent.parent
CUR = load_curriculum(ROOT)


def text_of(html: str) -> str:
    """Visible text: tags, scripts and hidden elements removed (roughly, for tests)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<(\w+)[^>]*\shidden[\s>][^<]*(?:<(?!/\1>)[^<]*)*</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("sid", list(CUR.sessions))
def test_session_pages(site, sid):
    session = CUR.sessions[sid]
    html = page(site, f"sessions/{sid}")
    assert f"Session {session.number}: " in html
    for section in session.sections:
        assert f'id="{section.id}"' in html
    assert f'<form class="quiz" data-quiz="{sid}"' in html
    assert html.index('id="quiz"') > html.index(f'id="{session.sections[-1].id}"')
    visible = text_of(html)
    for note in session.trainer_notes:
        assert note[:60] not in visible, "trainer notes must not reach the learner edition"
    trainer = page(site, f"trainer/sessions/{sid}")
    assert session.trainer_notes[0][:60] in text_of(trainer)
    assert "Trainer edition" in trainer and f'class="quiz answer-key" data-quiz="{sid}"' in trainer
    assert '<form class="quiz"' not in trainer, "the trainer edition shows a static key"
    assert "answer-key" not in html


@pytest.mark.parametrize(
    "path",
    [
        "programme",
        "agenda",
        "glossary",
        "sessions",
        "trainer/contributing",
        "elearning/intro",
        "guidebook",
        "tools/indicators",
        "tools/checklist",
        "tools/measures",
        "policies",
        "policies/share",
        "participants/briefing",
        "participants/questionnaire",
        "programme/evaluation",
        "schedule",
        "national/st-kitts-and-nevis",
        "trainer/trainers/alignment",
    ],
)
def test_pages_exist(site, path):
    html = page(site, path)
    assert len(text_of(html)) > 800


@pytest.mark.parametrize("path", ["contributing", "trainers/alignment", "benchmark"])
def test_trainer_pages_stay_out_of_the_learner_site(site, path):
    assert not (site / path).exists()
    assert f'href="{path}/"' not in page(site, "")
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert f'"location":"{path}/' not in index.replace(" ", "")


def test_agenda_is_computed(site):
    html = text_of(page(site, "agenda"))
    assert "Day 1" in html and "Day 2" in html
    assert "09:00" in html
    first = CUR.sessions["s1"]
    end = 9 * 60 + first.duration
    assert f"09:00–{end // 60:02d}:{end % 60:02d}" in html


def test_glossary_terms_have_definitions_in_session_text(site):
    html = page(site, "sessions/s2")
    links = re.findall(r'<a class="gloss" href="[^"]*glossary/#([^"]+)" title="([^"]+)"', html)
    assert len(links) >= 3
    ids = {t.id for t in CUR.glossary_terms}
    assert all(i in ids for i, _ in links)


def test_data_exports(site):
    rows = json.loads((site / "data/indicators.json").read_text())
    assert len(rows) == len(CUR.indicators)
    with open(site / "data/indicators.csv", newline="") as f:
        assert len(list(csv.DictReader(f))) == len(CUR.indicators)
    policies = json.loads((site / "data/policies.json").read_text())
    assert {p["id"] for p in policies} == set(CUR.policies)
    with open(site / "data/policies.csv", newline="") as f:
        assert len(list(csv.DictReader(f))) == len(CUR.policies)


def test_calendar_holds_unit_1_runs(site):
    cal = Calendar.from_ical((site / "downloads/schedule-2027.ics").read_bytes())
    unit1 = CUR.programme.units[0].title
    months = sorted(
        e.decoded("dtstart").month
        for e in cal.walk("VEVENT")
        if unit1 in [str(c) for c in e.get("categories").cats]
    )
    assert months == [2, 5, 7, 10]


def test_policy_pages_are_out_of_the_navigation(site):
    html = page(site, "sessions/s1")
    first = next(iter(CUR.policies))
    assert f"policies/{first}/" not in html
    assert (site / "policies" / first / "index.html").exists()


def test_no_outside_requests_anywhere(site):
    bad = []
    for path in site.rglob("*.html"):
        bad += [(path, u) for u in outside_requests(path.read_text(encoding="utf-8"))]
    assert bad == []


def test_learner_search_does_not_surface_the_trainer_edition(site):
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "trainer/" not in index
    for note in CUR.sessions["s1"].trainer_notes:
        assert note[:50] not in index


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def test_page_weight_budget(site):
    """A session page's first load (HTML + CSS + JS + assets) <= 200 KB compressed; repeat
    loads (HTML only) <= 30 KB; the quiz script <= 10 KB."""
    for sid in CUR.sessions:
        html = (site / f"sessions/{sid}/index.html").read_bytes()
        assert gz(html) <= 30 * 1024, sid
        total = gz(html)
        for ref in re.findall(rb'(?:src|href)="([^"]+\.(?:css|js))"', html):
            asset = (site / f"sessions/{sid}" / ref.decode()).resolve()
            total += gz(asset.read_bytes())
        assert total <= 200 * 1024, (sid, total)
    assert len((ROOT / "docs/assets/quiz.js").read_bytes()) <= 10 * 1024
