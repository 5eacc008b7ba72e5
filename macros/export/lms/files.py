"""The LMS downloads of the trainer edition: question banks in both formats and the SCORM
packages, under trainer/downloads/lms/."""

from __future__ import annotations

from pathlib import Path

from ...curriculum import Curriculum
from ...i18n.marks import strip_marks
from .banks import question_banks
from .gift import gift_text
from .moodle import moodle_xml

LMS_FOLDER = "downloads/lms"
"""Where the LMS files live in the trainer edition."""


def bank_files(cur: Curriculum) -> dict[str, str]:
    """Every question-bank file, as path under downloads/lms/ -> text."""
    files = {}
    for bank in question_banks(cur):
        files[f"moodle/{bank.path}.xml"] = moodle_xml(bank)
        files[f"gift/{bank.path}.txt"] = gift_text(bank)
    return files


def write_question_banks(cur: Curriculum, lms_dir: Path) -> list[Path]:
    """Write every question bank (Moodle XML and GIFT) under ``lms_dir``."""
    written = []
    for name, text in bank_files(cur).items():
        path = lms_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(strip_marks(text), encoding="utf-8")  # no translation marks in an LMS
        written.append(path)
    return written
