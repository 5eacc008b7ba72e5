"""Quizzes and the e-learning module in real Chromium: feedback, storage, keyboard, completion."""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def answer(form, right: bool) -> None:
    """Answer every question of a quiz form rightly or (first option only) wrongly."""
    for q in form.locator(".quiz-item:not([hidden]) fieldset.quiz-q").all():
        inputs = q.locator("input")
        if right:
            for i in range(inputs.count()):
                if inputs.nth(i).get_attribute("data-ok") is not None:
                    inputs.nth(i).check()
        else:
            for i in range(inputs.count()):
                if inputs.nth(i).get_attribute("data-ok") is None:
                    inputs.nth(i).check()
                    break


def assert_accessible(page) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_quiz_feedback_score_and_restore(page, base_url):
    page.goto(base_url + "sessions/s1/")
    form = page.locator("form.quiz")
    expect(form.locator(".quiz-actions")).to_be_visible()
    first, second = form.locator("fieldset.quiz-q").nth(0), form.locator("fieldset.quiz-q").nth(1)
    answer(page.locator("form.quiz"), right=True)
    # Make the second question wrong.
    wrong = second.locator("input:not([data-ok])").first
    for i in second.locator("input[data-ok]").all():
        i.uncheck() if i.get_attribute("type") == "checkbox" else None
    wrong.check()
    form.get_by_role("button", name="Check my answers").click()
    live = form.locator(".quiz-result")
    expect(live).to_be_focused()
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_contain_text("Score:")
    n = form.locator("fieldset.quiz-q").count()
    expect(live).to_contain_text(f"{n - 1} of {n}")
    expect(first.locator(".q-status")).to_have_text("✓ Right.")
    expect(second.locator(".q-status")).to_contain_text("Not quite")
    expect(second.locator(".option.is-wrong .fb")).to_be_visible()
    expect(second.locator(".q-explain")).to_be_visible()
    page.reload()
    expect(page.locator("form.quiz .quiz-result")).to_contain_text(f"{n - 1} of {n}")
    assert (
        page.locator("form.quiz fieldset.quiz-q")
        .nth(1)
        .locator("input:not([data-ok])")
        .first.is_checked()
    )
    page.locator("[data-retry]").click()
    expect(page.locator("form.quiz .quiz-result")).to_contain_text("Answers cleared")
    assert page.outside == []


def test_quiz_by_keyboard_only(page, base_url):
    page.goto(base_url + "sessions/s2/")
    radio = page.locator("form.quiz fieldset.quiz-q").first.locator("input").first
    radio.focus()
    page.keyboard.press("Space")
    assert radio.is_checked()
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused != "none"
    # Tab through to the submit button and press Enter.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    expect(page.locator("form.quiz .quiz-result")).to_contain_text("Score:")
    expect(page.locator("form.quiz .quiz-result")).to_be_focused()


def test_quiz_page_is_accessible_before_and_after_answering(page, base_url):
    page.goto(base_url + "sessions/s4/")
    assert_accessible(page)
    answer(page.locator("form.quiz"), right=False)
    page.locator("form.quiz button[type=submit]").click()
    assert_accessible(page)


def test_without_javascript_a_quiz_reads_as_questions(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "sessions/s3/")
    expect(pg.locator("form.quiz legend").first).to_be_visible()
    expect(pg.locator("form.quiz .quiz-actions")).to_be_hidden()
    expect(pg.locator("form.quiz .fb").first).to_be_hidden()
    context.close()


def test_finish_the_intro_module_and_see_the_completion_record(page, base_url):
    page.goto(base_url + "elearning/intro/")
    links = page.locator(".md-content ol a").all()
    hrefs = [a.get_attribute("href") for a in links]
    assert len(hrefs) >= 6  # five lessons and the final assessment
    for href in hrefs:
        page.goto(base_url + "elearning/intro/" + href)
        answer(page.locator("form.quiz"), right=True)
        page.locator("form.quiz button[type=submit]").click()
        expect(page.locator("form.quiz .quiz-result")).to_contain_text("passed.")
    expect(page.locator(".module-progress progress")).to_have_attribute("value", str(len(hrefs)))
    page.goto(base_url + "elearning/intro/completion/")
    expect(page.locator("[data-record-summary]")).to_contain_text("PASSED")
    rows = page.locator("tr[data-quiz]")
    assert rows.count() == len(hrefs)
    for i in range(rows.count()):
        expect(rows.nth(i).locator("td").nth(1)).to_have_text("Passed")
    expect(page.locator(".record-note")).to_contain_text("self-assessment record")
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_visible()
    assert_accessible(page)


def test_an_unanswered_question_reveals_nothing(page, base_url):
    page.goto(base_url + "sessions/s1/")
    form = page.locator("form.quiz")
    form.locator("button[type=submit]").click()
    first = form.locator("fieldset.quiz-q").first
    expect(first.locator(".q-status")).to_contain_text("Not answered")
    assert form.locator(".fb:visible").count() == 0
    assert form.locator(".q-explain:visible").count() == 0
    assert form.locator(".is-right, .is-wrong").count() == 0


def test_feedback_words_are_not_doubled(page, base_url):
    page.goto(base_url + "sessions/s2/")
    form = page.locator("form.quiz")
    answer(form, right=True)
    form.locator("button[type=submit]").click()
    for fb in form.locator(".option.is-right .fb").all():
        text = fb.evaluate("e => getComputedStyle(e, '::before').content + e.textContent")
        assert "Correct answer" not in text and text.count("Correct.") <= 1, text


def test_state_is_kept_per_edition_and_quiz(page, base_url):
    page.goto(base_url + "sessions/s3/")
    form = page.locator("form.quiz")
    answer(form, right=True)
    form.locator("button[type=submit]").click()
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys == ["tg-quiz:learner:s3"]
    page.goto(base_url + "sessions/s4/")
    expect(page.locator("form.quiz .quiz-result")).to_have_text("")


def test_trainer_edition_shows_a_static_answer_key(page, base_url):
    page.goto(base_url + "trainer/sessions/s4/")
    key = page.locator(".quiz.answer-key")
    expect(key).to_be_visible()
    assert page.locator("form.quiz, .answer-key input").count() == 0
    assert key.locator(".option.key").count() >= key.locator(".quiz-q").count()
    assert page.evaluate("Object.keys(localStorage)") == []


def test_a_pool_shows_one_question_per_objective_and_redraws(page, base_url):
    from macros.curriculum import load_curriculum

    cur = load_curriculum(ROOT)
    finals = [
        mid for mid, m in cur.modules.items() if m.final_quiz and cur.quizzes[m.final_quiz].draw
    ]
    for mid in finals:
        page.goto(base_url + f"elearning/{mid}/final/")
        form = page.locator("form.quiz[data-draw]")
        if form.count() == 0:
            continue
        shown = form.locator(".quiz-item:not([hidden])")
        objectives = form.evaluate("""f => new Set(Array.from(f.querySelectorAll('.quiz-item'))
            .map(li => li.dataset.objective)).size""")
        assert shown.count() == objectives
        assert len({li.get_attribute("data-objective") for li in shown.all()}) == objectives
        answer(form, right=True)
        form.locator("button[type=submit]").click()
        expect(form.locator(".quiz-result")).to_contain_text(f"{objectives} of {objectives}")
        form.locator("[data-retry]").click()
        assert form.locator(".quiz-item:not([hidden])").count() == objectives
        return
    raise AssertionError("no module final uses draw: per-objective")


def test_search_index_holds_no_feedback_or_explanations(site):
    """Material indexes each page section; the quiz section keeps its questions and options
    but none of the feedback or explanations."""
    import html
    import json
    import re

    from macros.curriculum import load_curriculum
    from macros.render.engine import oneline

    cur = load_curriculum(ROOT)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = [
        oneline(html.unescape(re.sub(r"<[^>]+>", " ", d["text"])))
        for d in index["docs"]
        if d["location"].endswith("#quiz") or d["location"].endswith("/final/")
    ]
    text = " ".join(sections)
    assert sections, "quiz sections are indexed"
    for quiz in cur.quizzes.values():
        for q in quiz.questions:
            assert oneline(q.explanation)[:60] not in text, q.id
            for o in q.options:
                assert oneline(o.feedback)[:60] not in text, (q.id, o.feedback)
    options = [oneline(o.text)[:40] for q in cur.quizzes["s4"].questions for o in q.options]
    assert all(o in text for o in options), "options stay searchable"
