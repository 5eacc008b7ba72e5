"""Quizzes and the e-learning module in real Chromium: feedback, storage, keyboard, completion."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def answer(form, right: bool) -> None:
    """Answer every question of a quiz form rightly or (first option only) wrongly."""
    for q in form.locator("fieldset.quiz-q").all():
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
    assert page.locator("form.quiz fieldset.quiz-q").nth(1).locator(
        "input:not([data-ok])").first.is_checked()
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
