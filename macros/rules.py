"""Content rules a schema cannot express: enough text to teach, sources, quizzes, no
placeholders.  Each rule is a checker ``check_x(cur) -> list[Problem]`` listed in
``CHECKERS``; ``make check`` and CI run the same list, so a rule never lives only in a test.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .corpus import Curriculum
from .errors import Problem
from .loader import format_path
from .sanitise import line_of

Checker = Callable[[Curriculum], list[Problem]]

MIN_SECTION_WORDS = 80
"""A session section shorter than this does not teach anything yet."""

MIN_SESSION_QUIZ_QUESTIONS = 5
"""An end-of-session quiz asks at least this many questions."""

MIN_LESSONS = {"introductory": 5, "thematic": 3}
"""Lessons an e-learning module needs, by kind."""

_PLACEHOLDER = re.compile(r"\b(TBD|TODO|FIXME)\b|lorem ipsum", re.IGNORECASE)


def count_words(text: str) -> int:
    """Words in a Markdown text, as a reader counts them."""
    return len(re.findall(r"\w+", text))


def check_section_length(cur: Curriculum) -> list[Problem]:
    """Every section of a session has at least MIN_SECTION_WORDS words."""
    out = []
    for sid, session in cur.sessions.items():
        doc = cur.document("session", sid)
        for i, section in enumerate(session.sections):
            words = count_words(section.body)
            if words < MIN_SECTION_WORDS:
                out.append(
                    doc.problem(
                        ("sections", i, "body"),
                        f"the section '{section.id}' has {words} words; a section needs at least "
                        f"{MIN_SECTION_WORDS}. Explain the point fully or merge it with another "
                        "section.",
                    )
                )
    return out


def check_session_sources(cur: Curriculum) -> list[Problem]:
    """A session states facts, so at least one of its sections lists sources."""
    return [
        cur.document("session", sid).problem(
            ("sections",),
            "no section lists its sources. Add 'sources:' (title and url) to "
            "the sections whose facts come from a publication.",
        )
        for sid, session in cur.sessions.items()
        if not any(s.sources for s in session.sections)
    ]


def check_session_quizzes(cur: Curriculum) -> list[Problem]:
    """Every session ends with a quiz of at least MIN_SESSION_QUIZ_QUESTIONS questions."""
    out = []
    for sid, session in cur.sessions.items():
        if not session.quiz:
            out.append(
                cur.document("session", sid).problem(
                    ("id",),
                    f"the session has no quiz. Write quizzes/{sid}.yml (copy "
                    f"quizzes/_template.yml) and add 'quiz: {sid}' to this file.",
                )
            )
            continue
        quiz = cur.quizzes.get(session.quiz)
        if quiz and len(quiz.questions) < MIN_SESSION_QUIZ_QUESTIONS:
            out.append(
                cur.document("quiz", session.quiz).problem(
                    ("questions",),
                    f"an end-of-session quiz needs at least "
                    f"{MIN_SESSION_QUIZ_QUESTIONS} questions, found {len(quiz.questions)}.",
                )
            )
    return out


def check_module_lessons(cur: Curriculum) -> list[Problem]:
    """Introductory modules have at least 5 lessons, thematic ones at least 3."""
    out = []
    for mid, module in cur.modules.items():
        need = MIN_LESSONS[module.kind]
        if len(module.lessons) < need:
            out.append(
                cur.document("module", mid).problem(
                    ("lessons",),
                    f"a {module.kind} module needs at least {need} lessons, "
                    f"found {len(module.lessons)}.",
                )
            )
    return out


def check_placeholders(cur: Curriculum) -> list[Problem]:
    """No text left as TBD, TODO or lorem ipsum (copied from a template and never filled)."""
    out = []
    for doc in cur.documents.values():
        for path in doc.marks:
            value = doc.data_at(path)
            if isinstance(value, str) and (found := _PLACEHOLDER.search(value)):
                out.append(
                    doc.problem(
                        path, f"'{found.group(0)}' is placeholder text. Write the real text."
                    )
                )
    return out


_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]")
_NUMBER_START = re.compile(r"[ \t]*(\d{3,})[.)][ \t]")


def wrapped_number_in_list(text: str) -> tuple[str, str] | None:
    """A number such as a year that starts a wrapped line of a list item ('2023. Women
    ...'): Markdown reads it as a new item.  The number and its line, or None."""
    for block in re.split(r"\n[ \t]*\n", text):
        in_list = False
        for line in block.split("\n"):
            if _ITEM.match(line):
                in_list = True
            elif in_list and (found := _NUMBER_START.match(line)):
                return found.group(1), line.strip()
    return None


def check_wrapped_numbers(cur: Curriculum) -> list[Problem]:
    """No wrapped line of a list item starts with a number and a full stop: the item would
    break in two on the page."""
    out = []
    for doc in cur.documents.values():
        for path in doc.marks:
            value = doc.data_at(path)
            if isinstance(value, str) and (found := wrapped_number_in_list(value)):
                number, text = found
                line, col = line_of(doc, path, value, text, cur.root)
                out.append(
                    Problem(
                        doc.file,
                        line,
                        col,
                        format_path(path),
                        f"a line of a list item starts with '{number}.', which Markdown reads "
                        "as a new numbered item, so the item breaks in two on the page. Move "
                        f"'{number}' to the end of the line before.",
                    )
                )
    return out


CHECKERS: list[Checker] = [
    check_section_length,
    check_session_sources,
    check_session_quizzes,
    check_module_lessons,
    check_placeholders,
    check_wrapped_numbers,
]
"""Every content rule, run by make check and CI alike."""
