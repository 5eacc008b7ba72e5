"""The order in which a question's options are shown: one stable shuffle for every output.

The site (both editions), the PDFs and every export show options in the order given
here, so that the correct option is not always where the author happened to write it.
Option ids in the HTML stay the option's index in the YAML file.
"""

from __future__ import annotations

import hashlib
import random
import re

from .model import Option, Question


def shown_options(quiz_id: str, question: Question) -> list[tuple[int, Option]]:
    """The options as (index in YAML, option), shuffled by a seed made from quiz and question id.

    True/false questions keep the order True, False.
    """
    indexed = list(enumerate(question.options))
    if question.type == "true-false":
        return sorted(indexed, key=lambda item: item[1].text.casefold() != "true")
    digest = hashlib.sha256(f"{quiz_id}/{question.id}".encode()).digest()
    rng = random.Random(int.from_bytes(digest, "big"))
    rng.shuffle(indexed)
    return indexed


_SELECT_ALL = re.compile(r"\s*\(?select all that apply\.?\)?\s*$", re.IGNORECASE)


def shown_prompt(question: Question) -> str:
    """The prompt without a trailing 'Select all that apply': every output prints that once."""
    return _SELECT_ALL.sub("", question.prompt).strip()
