"""Question banks in GIFT, Moodle's plain-text format (Question bank > Import > GIFT).

Every text is HTML (``[html]``) on one line, with GIFT's special characters
(``~ = # { } :`` and the backslash) escaped everywhere, inside tags and addresses too.
True/false questions are written ``{TRUE#feedback if wrong#feedback if right}``: Moodle
reads the first feedback as the one for a wrong answer.
"""

from __future__ import annotations

import re

from ...model import Question, Quiz
from ...quizorder import shown_options
from ...scoring import is_single_answer
from .banks import (
    Bank,
    option_weights,
    question_html,
    text_html,
    true_false_key,
)

_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    """Text safe inside a GIFT question: special characters escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _weight(fraction: str) -> str:
    return "%" + fraction + "%"


def gift_question(quiz: Quiz, q: Question) -> str:
    """One question in GIFT, ending with a blank line."""
    head = f"// {quiz.id}/{q.id}\n::{gift_escape(f'{quiz.id}: {q.id}')}::"
    head += "[html]" + gift_escape(question_html(q))
    general = "####[html]" + gift_escape(text_html(q.explanation))
    key = true_false_key(q)
    if key is not None:
        right = next(o for o in q.options if o.correct)
        wrong = next(o for o in q.options if not o.correct)
        feedback = (
            f"#{gift_escape(text_html(wrong.feedback))}#{gift_escape(text_html(right.feedback))}"
        )
        return f"{head}{{{'TRUE' if key else 'FALSE'}{feedback}{general}}}\n\n"
    single = is_single_answer(q)
    weights = option_weights(q)
    lines = []
    for index, option in shown_options(quiz.id, q):
        if single:
            mark = "=" if option.correct else "~"
        else:
            mark = "~" + _weight(weights[index])
        text = gift_escape(text_html(option.text))
        lines.append(f"\t{mark}{text}#{gift_escape(text_html(option.feedback))}")
    return head + "{\n" + "\n".join(lines) + f"\n\t{general}\n}}\n\n"


def gift_text(bank: Bank) -> str:
    """A bank as a GIFT file: a category line before each group of questions."""
    out = [f"// {bank.title}: import with Question bank > Import > GIFT format\n\n"]
    for group in bank.groups:
        out.append(f"$CATEGORY: {group.category}\n\n")
        out.extend(gift_question(group.quiz, q) for q in group.questions)
    return "".join(out)
