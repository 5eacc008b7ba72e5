"""The course in French and Spanish: catalogues, checks, the three sites and the switcher."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from macros.curriculum import load_curriculum
from macros.i18n import TARGETS
from macros.i18n.apply import translate_curriculum
from macros.i18n.catalog import po_path, read_catalog, write_catalog
from macros.i18n.check import check_terms, check_translation, link_targets, list_items
from macros.i18n.extract import PLURAL, extract_curriculum
from macros.i18n.marks import finish_markdown, wrap
from macros.i18n.merge import update_catalogues
from macros.render.links import url_of

# ------------------------------------------------------------------ catalogues


def _translate_everything(root: Path, source: str, lang: str) -> None:
    """Give every entry of one catalogue a translation that keeps what it must."""
    path = po_path(root, lang, source)
    catalog = read_catalog(path, lang)
    for message in catalog:
        if message.id:
            message.string = f"[{lang}] {message.id}"
    write_catalog(catalog, path)


def _translate_the_interface(root: Path) -> None:
    """Give every interface entry a French 'translation' ('[fr] ' and its English)."""
    from macros.i18n.merge import template_of, ui_entries

    catalog = template_of(ui_entries())
    for message in catalog:
        if message.id:
            message.string = f"[fr] {message.id}"
    write_catalog(catalog, po_path(root, "fr", "ui"))


def _fuzzy(root: Path, source: str, lang: str) -> set[str]:
    with po_path(root, lang, source).open("rb") as handle:
        return {m.context for m in read_po(handle) if m.id and m.fuzzy}


def test_editing_one_paragraph_makes_exactly_its_entries_fuzzy(project):
    cur = load_curriculum(project)
    update_catalogues(project, cur)
    source, entries = next(
        (f, e) for f, e in extract_curriculum(cur).items() if sum(1 for x in e if x.block) > 2
    )
    for lang in TARGETS:
        _translate_everything(project, source, lang)
    edited = next(e for e in entries if e.block and len(e.msgid.splitlines()[0]) > 20)
    first_line = edited.msgid.splitlines()[0]
    yaml_file = project / source
    text = yaml_file.read_text(encoding="utf-8")
    assert text.count(first_line) == 1
    yaml_file.write_text(text.replace(first_line, first_line + " Edited here."), encoding="utf-8")

    update_catalogues(project, load_curriculum(project))

    for lang in TARGETS:
        assert _fuzzy(project, source, lang) == {edited.context}
        catalog = read_catalog(po_path(project, lang, source), lang)
        message = next(m for m in catalog if m.context == edited.context)
        assert message.previous_id == [edited.msgid]  # the translator sees what changed
        assert message.string == f"[{lang}] {edited.msgid}"


def test_make_i18n_twice_rewrites_nothing(project):
    cur = load_curriculum(project)
    update_catalogues(project, cur)
    assert update_catalogues(project, load_curriculum(project)) == []  # nothing to rewrite


def test_a_removed_source_file_takes_its_catalogues_with_it(project):
    cur = load_curriculum(project)
    update_catalogues(project, cur)
    stray = po_path(project, "fr", "curriculum/policies/a-policy-that-was-removed.yml")
    stray.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    assert stray in update_catalogues(project, cur)
    assert not stray.exists()


# ------------------------------------------------------------------ checks


def test_a_translation_keeps_links_list_items_and_tokens():
    english = "- See [the agreement](../sessions/s4.md#gatt).\n- Pass mark {pass_mark}."
    good = "- Voir [l'accord](../sessions/s4.md#gatt).\n- Seuil {pass_mark}."
    assert check_translation(english, good, "fr", []) == ([], [])
    problems, _ = check_translation(english, good.replace("#gatt", ""), "fr", [])
    assert any("link targets" in p and "'../sessions/s4.md#gatt'" in p for p in problems)
    problems, _ = check_translation(english, good.replace("\n- ", " "), "fr", [])
    assert any("2 list items, the translation 1" in p for p in problems)
    problems, _ = check_translation(english, good.replace("{pass_mark}", "{seuil}"), "fr", [])
    assert any("'{pass_mark}'" in p for p in problems)
    assert link_targets('<a href="https://www.wto.org/">x</a>') == {"https://www.wto.org/": 1}
    assert list_items("1. one\n2. two\n   still two") == 2
    # a wrapped paragraph whose line happens to start like an item is one paragraph
    assert list_items("cover measures - licensing\n- and include\n2021. It brings") == 0
    assert list_items("Intro.\n\n- a\nlazy\n- b\n\nAfter.\n- not an item") == 2


def test_a_non_wto_variant_of_a_listed_term_is_a_warning():
    terms = [{"en": "WTO Members", "fr": "Membres de l'OMC", "avoid": {"fr": ["membres de l'OMC"]}}]
    assert check_terms("Les Membres de l’OMC ont adopté…", "fr", terms) == []
    warning = check_terms("Les États membres de l'OMC ont adopté…", "fr", terms)
    assert len(warning) == 1 and "Membres de l'OMC" in warning[0]


def _first_entry(cur, test):
    for source, entries in extract_curriculum(cur).items():
        for entry in entries:
            if test(entry.msgid):
                return source, entry
    raise AssertionError("no entry of that kind in the curriculum")


@pytest.mark.parametrize(
    "breaking, expected",
    [
        (lambda text: re.sub(r"\]\([^)]*\)", "]()", text), "must keep the link targets"),
        (lambda text: text.split("\n", 1)[0], "list items"),
    ],
)
def test_a_broken_translation_gives_one_line_with_the_po_line(project, breaking, expected):
    cur = load_curriculum(project)
    update_catalogues(project, cur, ("fr",))
    if "link" in expected:
        source, entry = _first_entry(cur, lambda t: bool(link_targets(t)))
    else:
        source, entry = _first_entry(
            cur, lambda t: list_items(t) > 1 and not link_targets(t) and "{" not in t
        )
    path = po_path(project, "fr", source)
    catalog = read_catalog(path, "fr")
    message = next(m for m in catalog if m.context == entry.context)
    message.string = breaking(entry.msgid)
    write_catalog(catalog, path)
    with path.open("rb") as handle:
        line = next(m.lineno for m in read_po(handle) if m.context == entry.context)

    out = translate_curriculum(load_curriculum(project), "fr", project)

    lines = [p.format() for p in out.problems]
    rel = path.relative_to(project).as_posix()
    assert len(lines) == 1
    assert lines[0].startswith(f"{rel}:{line}:1: {entry.context}: ")
    assert expected in lines[0]


@pytest.mark.parametrize("markdown", [True, False])
def test_a_translation_with_live_markup_is_refused_and_the_english_shown(project, markdown):
    cur = load_curriculum(project)
    update_catalogues(project, cur, ("fr",))
    entries = [e for entries in extract_curriculum(cur).values() for e in entries]
    entry = next(e for e in entries if (e.block is not None) == markdown)
    source = next(s for s, es in extract_curriculum(cur).items() if entry in es)
    path = po_path(project, "fr", source)
    catalog = read_catalog(path, "fr")
    message = next(m for m in catalog if m.context == entry.context)
    message.string = entry.msgid + ' <img src="x" onerror="alert(1)"><script>alert(2)</script>'
    write_catalog(catalog, path)

    out = translate_curriculum(load_curriculum(project), "fr", project)

    lines = [p.format() for p in out.problems]
    assert lines and all(f"{entry.context}: " in line for line in lines), lines
    shown = json.dumps(
        [
            o.model_dump(mode="json")
            for attr in set(PLURAL.values())
            for o in getattr(out.cur, attr).values()
        ]
    )
    assert "onerror" not in shown and "<script>" not in shown


def test_marks_become_lang_en_elements_and_are_counted():
    text = (
        "---\ntitle: "
        + wrap("Title", "missing")
        + "\n---\n\n# "
        + wrap("Titre", "done")
        + "\n\n"
        + wrap("- one\n- two", "fuzzy", block=True)
        + "\n\n"
        + '<a title="'
        + wrap("tip", "missing")
        + '">'
        + wrap("x", "draft")
        + "</a>\n"
    )
    out, count = finish_markdown(text)
    assert "title: Title\n" in out
    assert '<div lang="en" markdown="1">\n\n- one\n- two\n\n</div>' in out
    assert '<a title="tip">x</a>' in out
    assert count.entries == {"done": 1, "fuzzy": 1, "draft": 1}
    assert not re.search("[\ue000-\ue0ff]", out)


# ------------------------------------------------------------------ the built sites


def test_each_language_site_has_its_lang_on_every_page(site):
    for lang in TARGETS:
        pages = [p for p in (site / lang).rglob("*.html") if "assets" not in p.parts]
        assert len(pages) > 20
        for page in pages:
            assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), page


def test_switcher_links_resolve_on_disk(site):
    checked = 0
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)" hreflang="([a-z]{2})" lang="\2"', html)
        if "md-select__link" not in html:
            continue
        assert {lang for _, lang in links} == {"en", *TARGETS}, page
        for href, _ in links:
            target = (page.parent / href).resolve()
            target = target / "index.html" if href.endswith("/") else target
            assert target.is_file(), f"{page}: {href}"
            checked += 1
    assert checked > 100


def test_switcher_links_resolve_over_http(site, base_url):
    pages = sorted(site.glob("fr/sessions/*/index.html"))
    assert pages
    html = pages[0].read_text(encoding="utf-8")
    url = base_url + pages[0].parent.relative_to(site).as_posix() + "/"
    for href in re.findall(r'<a href="([^"]+)" hreflang=', html):
        with urllib.request.urlopen(urllib.parse.urljoin(url, href)) as response:
            assert response.status == 200


def test_status_notices_and_fallbacks(site):
    status = json.loads((site / "trainer/data/translation-status.json").read_text(encoding="utf-8"))
    assert set(status) == set(TARGETS)
    for lang in TARGETS:
        rows = status[lang]["pages"]
        # The status is counted on the trainer edition, which holds every page.
        for partial in [r for r in rows if r["percent"] < 100][:1]:
            page = site / lang / "trainer" / url_of(partial["page"]) / "index.html"
            html = page.read_text(encoding="utf-8")
            assert 'class="translation-notice"' in html
            assert 'lang="en"' in html
        # the contributor guide is English only: its notice says so, its text is lang="en"
        html = (site / lang / "trainer/contributing/index.html").read_text(encoding="utf-8")
        assert 'class="translation-notice"' in html and 'lang="en"' in html
        drafted = [r for r in rows if r["draft"]]
        assert drafted, "the drafted pages are listed with their draft entries"
        html = (site / lang / url_of(drafted[0]["page"]) / "index.html").read_text(encoding="utf-8")
        assert "translation-draft" in html
        assert (site / lang / "trainer/trainers/translation-status/index.html").is_file()


def test_pdfs_and_offline_bundle_per_language(site):
    for lang in TARGETS:
        assert (site / lang / "downloads/participant-handbook.pdf").stat().st_size > 10_000
        assert (site / lang / f"downloads/offline-site-{lang}.zip").stat().st_size > 100_000


# ------------------------------------------------------------------ in a browser


def test_switch_language_answer_a_french_quiz_and_search_in_spanish(page, base_url, site):
    from playwright.sync_api import expect

    session = next(
        p.parent
        for p in sorted(site.glob("sessions/*/index.html"))
        if 'form class="quiz"' in p.read_text(encoding="utf-8")
    )
    page.goto(base_url + session.relative_to(site).as_posix() + "/")
    english_url = page.url
    page.locator(".md-header .md-select button").first.click()  # opens the language list
    page.locator("a.md-select__link[hreflang=fr]").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert page.url.endswith("/fr" + english_url.removeprefix(base_url.rstrip("/")))

    form = page.locator("form.quiz").first
    for question in form.locator("fieldset.quiz-q").all():
        question.locator("input").first.check()
    form.locator("button[type=submit]").click()
    expect(form.locator(".quiz-result")).not_to_be_empty()
    # the script writes in the language of the page, with the words the page gives it
    result = form.locator(".quiz-result").inner_text()
    template = form.get_attribute("data-msg-passed") or ""
    assert result.split()[0] == template.split()[0] and "Pass mark" not in result
    status = form.locator(".q-status").first.inner_text()
    assert status in {form.get_attribute(f"data-msg-{k}") for k in ("right", "wrong", "unanswered")}
    assert not any(w in status for w in ("Right", "Not quite", "Not answered"))

    page.locator(".md-header .md-select button").first.click()
    page.locator("a.md-select__link[hreflang=en]").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url == english_url

    glossary = (site / "es/glossary/index.html").read_text(encoding="utf-8")
    heading = re.search(r'<h2 id="[^"]+">([^<]+)', glossary).group(1)
    word = max(re.findall(r"\w+", heading), key=len)
    page.goto(base_url + "es/glossary/")
    page.locator("label[for=__search]").first.click()  # the header's search button
    page.locator(".md-search__input").press_sequentially(word, delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    assert page.outside == []


def test_a_template_literal_with_the_english_of_a_keyed_string_is_translated(tmp_path):
    """``make i18n`` catalogues such a literal once, under its key: ``_()`` finds it there."""
    from macros.i18n.typography import typeset
    from macros.i18n.ui import T, gettext, use_language
    from macros.render.strings import STRINGS

    _translate_the_interface(tmp_path)
    with use_language("fr", tmp_path):
        for key, english in STRINGS.items():
            assert gettext(english) == typeset(f"[fr] {english}", "fr") == T[key]


def test_levels_activity_kinds_and_blind_strategies_are_printed_from_the_catalogue(tmp_path):
    """The trainer pages print these values through the catalogue: with every entry
    translated, none of them is left in English (a new level or kind needs its key)."""
    from typing import get_args

    from macros.bank import STRATEGIES
    from macros.i18n.ui import T, gettext, use_language
    from macros.model import ActivityType, Level

    _translate_the_interface(tmp_path)
    with use_language("fr", tmp_path):
        shown = [T[f"level_{level}"] for level in get_args(Level)]
        shown += [T[f"activity_{kind}"] for kind in get_args(ActivityType)]
        shown += [gettext(name) for name in STRATEGIES]
    assert shown and all(text.startswith("[fr] ") for text in shown)


def test_french_typography_makes_the_spaces_before_punctuation_unbreakable():
    from macros.i18n.typography import NBSP, NNBSP, typeset

    text = "Note : 30 % des « femmes » ; pourquoi ? | :--- | :warning: http://x.org/?a=1"
    out = typeset(text, "fr")
    assert out == (
        f"Note{NBSP}: 30{NNBSP}% des «{NBSP}femmes{NBSP}»{NNBSP}; pourquoi{NNBSP}? "
        "| :--- | :warning: http://x.org/?a=1"
    )
    assert typeset(text, "es") == text
    assert typeset(out, "fr") == out
    assert typeset("13 000 USD en 2021 130 fois", "fr") == f"13{NNBSP}000 USD en 2021 130 fois"


def test_hand_written_learner_pages_are_catalogued_block_by_block(tmp_path):
    from macros.i18n.marks import strip_marks
    from macros.i18n.merge import template_of
    from macros.i18n.pages import page_sources, translate_page

    docs = tmp_path / "docs"
    docs.mkdir()
    page = (
        "---\ntitle: Home\n---\n\n<div markdown>\n# Welcome\n\nRead the [guide](guide.md).\n"
        "</div>\n<div markdown>\n## Next\n</div>\n\n{{ next_runs(3) }}\n"
    )
    (docs / "index.md").write_text(page, encoding="utf-8")
    (docs / "notes.md").write_text("---\nedition: trainer\n---\n\n# For trainers\n", "utf-8")
    sources = page_sources(tmp_path)
    assert list(sources) == ["docs/index.md"]  # trainer-only pages stay English
    entries = sources["docs/index.md"]
    assert [e.msgid for e in entries] == [
        "Home",
        "# Welcome",
        "Read the [guide](guide.md).",
        "## Next",
    ]
    assert [e.line for e in entries] == [2, 6, 8, 11]
    catalog = template_of(entries)
    for message in catalog:
        if message.id:
            message.string = {"Read the [guide](guide.md).": "Lisez le [guide](guide.md) !"}.get(
                message.id, ""
            )
    catalog.locale = "fr"
    write_catalog(catalog, po_path(tmp_path, "fr", "docs/index.md"))
    body = page.split("---\n", 2)[2]
    _, out, problems, _ = translate_page(tmp_path, "index.md", {"title": "Home"}, body, "fr", [])
    assert not problems
    assert "Lisez le [guide](guide.md)\u202f!" in strip_marks(out)
    assert "<div markdown>\n## Next\n</div>" in strip_marks(out)  # HTML lines kept around
    assert "{{ next_runs(3) }}" in out

    for message in catalog:
        if message.id == "# Welcome":
            message.string = "# Bienvenue <script>alert(1)</script>"
    write_catalog(catalog, po_path(tmp_path, "fr", "docs/index.md"))
    _, out, problems, _ = translate_page(tmp_path, "index.md", {"title": "Home"}, body, "fr", [])
    assert len(problems) == 1 and problems[0].file == "locale/fr/docs/index.po"
    assert "<script>" not in out and "# Welcome" in strip_marks(out)


def test_a_translation_that_makes_the_key_the_longest_option_is_refused(project):
    from macros.bank import naive_scores, passes
    from macros.quizorder import shown_options

    cur = load_curriculum(project)
    update_catalogues(project, cur, ("fr",))
    qid, quiz = next(iter(cur.quizzes.items()))
    source = cur.documents[("quiz", qid)].file
    path = po_path(project, "fr", source)
    catalog = read_catalog(path, "fr")
    keys = {  # the context of every correct option of a single-answer question
        f"quiz:{qid}/questions/{q.id}/options/{n}/text"
        for q in quiz.questions
        if sum(o.correct for o in q.options) == 1
        for n, o in enumerate(q.options, start=1)
        if o.correct
    }
    for message in catalog:
        if message.id:
            padded = " (et ceci est la réponse la plus longue de toutes)" * 3
            message.string = message.id + (padded if message.context in keys else "")
    write_catalog(catalog, path)

    out = translate_curriculum(load_curriculum(project), "fr", project)

    english = naive_scores(quiz)
    assert not any(passes(r.score, r.total, cur.programme.pass_mark) for r in english)
    assert shown_options  # the shown order is the English one: only lengths changed
    lines = [p.format() for p in out.problems]
    assert any(
        "always the longest option" in line
        and line.startswith(path.relative_to(project).as_posix())
        for line in lines
    ), lines
