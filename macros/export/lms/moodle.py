"""Question banks as Moodle XML (Question bank > Import > Moodle XML format).

Each group starts with a category question, so an import files every question under
``$course$/WTO Trade and Gender/<module or session>``.  Options keep the order the site
shows (``shuffleanswers`` 0); true/false questions become Moodle's ``truefalse`` type.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

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


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _category(path: str) -> ET.Element:
    question = ET.Element("question", {"type": "category"})
    category = ET.SubElement(question, "category")
    ET.SubElement(category, "text").text = path
    return question


def _common(question: ET.Element, quiz: Quiz, q: Question) -> None:
    name = ET.SubElement(question, "name")
    ET.SubElement(name, "text").text = f"{quiz.id}: {q.id}"
    _text(question, "questiontext", question_html(q))
    _text(question, "generalfeedback", text_html(q.explanation))
    ET.SubElement(question, "defaultgrade").text = "1"
    ET.SubElement(question, "penalty").text = "0"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = f"{quiz.id}/{q.id}"


def _true_false(quiz: Quiz, q: Question, true_is_key: bool) -> ET.Element:
    question = ET.Element("question", {"type": "truefalse"})
    _common(question, quiz, q)
    for option in q.options:
        value = option.text.casefold()
        right = (value == "true") == true_is_key
        answer = ET.SubElement(
            question,
            "answer",
            {"fraction": "100" if right else "0", "format": "moodle_auto_format"},
        )
        ET.SubElement(answer, "text").text = value
        _text(answer, "feedback", text_html(option.feedback))
    return question


def _multichoice(quiz: Quiz, q: Question) -> ET.Element:
    question = ET.Element("question", {"type": "multichoice"})
    _common(question, quiz, q)
    ET.SubElement(question, "single").text = "true" if is_single_answer(q) else "false"
    ET.SubElement(question, "shuffleanswers").text = "0"
    ET.SubElement(question, "answernumbering").text = "abc"
    weights = option_weights(q)
    for index, option in shown_options(quiz.id, q):
        answer = ET.SubElement(question, "answer", {"fraction": weights[index], "format": "html"})
        ET.SubElement(answer, "text").text = text_html(option.text)
        _text(answer, "feedback", text_html(option.feedback))
    return question


def moodle_question(quiz: Quiz, q: Question) -> ET.Element:
    """One question as a Moodle XML element."""
    key = true_false_key(q)
    return _multichoice(quiz, q) if key is None else _true_false(quiz, q, key)


def moodle_xml(bank: Bank) -> str:
    """A bank as a Moodle XML document."""
    root = ET.Element("quiz")
    root.append(ET.Comment(f" {bank.title}: import with Question bank > Import > Moodle XML "))
    for group in bank.groups:
        root.append(_category(group.category))
        for q in group.questions:
            root.append(moodle_question(group.quiz, q))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
