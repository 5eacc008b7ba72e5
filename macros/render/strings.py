"""Interface strings of templates and scripts, in one place for later translation."""

STRINGS: dict[str, str] = {
    "objectives": "Learning objectives",
    "key_messages": "Key messages",
    "activities": "Activities",
    "trainer_notes": "Trainer notes",
    "readings": "Readings",
    "agreements": "WTO agreements in this session",
    "sources": "Sources",
    "quiz": "Check your understanding",
    "quiz_note": "A self-check, not an exam: answers are checked in your browser and kept "
    "only on this device.",
    "check": "Check my answers",
    "retry": "Try again",
    "select_one": "Select one answer.",
    "select_many": "Select all that apply.",
    "answer_key": "Answer key",
    "correct_answer": "Correct answer",
    "pass_mark_note": "Pass mark: {pass_mark}% of the questions answered right.",
    "draw_note": "Each attempt shows one question per learning objective, drawn from a pool; "
    "without JavaScript every question of the pool is listed.",
    "key_note": "For trainers: the correct options are marked ✓, with the feedback and the "
    "explanation learners see.",
    "draw_key_note": "This is a pool: each attempt shows learners one question per objective.",
    "objective": "Objective",
    "level": "level",
    "key_option": "correct option",
    "other_option": "wrong option",
    "teaches": "Where this is taught",
    "trainer_banner": "Trainer edition: includes trainer notes, timings and answer keys. "
    "Do not share with participants.",
    "day": "Day",
    "duration": "Duration",
    "tools": "Policy tools used in this session",
    "indicators": "Indicators for this session",
}
