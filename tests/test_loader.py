"""The loader: safe YAML, positions of every value, refusals as positioned problems."""

from __future__ import annotations

import pytest

from macros.loader import LoadFailed, format_path, load_text


def test_values_and_positions():
    doc = load_text("id: s1\nobjectives:\n  - id: s1-o1\n    text: Explain\n", "x.yml")
    assert doc.data == {"id": "s1", "objectives": [{"id": "s1-o1", "text": "Explain"}]}
    assert doc.mark(("objectives", 0, "text")).line == 4
    assert doc.mark(("objectives", 0, "text")).column == 11
    assert doc.key_mark(("objectives",)).line == 2
    assert doc.mark(("objectives", 5, "nothing")).line == 3  # falls back to nearest parent


def test_dates_and_numbers_are_typed():
    doc = load_text("start: 2027-02-16\nseats: 20\nok: true\n", "x.yml")
    assert str(doc.data["start"]) == "2027-02-16"
    assert doc.data["seats"] == 20 and doc.data["ok"] is True


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: 1\na: 2\n", "the field 'a' appears twice (first on line 1). Keep one of them."),
        ("a: &x 1\nb: *x\n", "aliases (*name) are not allowed"),
        ("a: !!python/name:os.system\n", "the tag '!!python/name:os.system' is not allowed"),
        ("a: !custom 1\n", "the tag '!custom' is not allowed"),
        ("<<: {a: 1}\n", "merge keys (<<) are not allowed"),
        ("", "the file is empty"),
        ("a: [1, 2\n", "this is not valid YAML"),
    ],
)
def test_refusals(text, message):
    with pytest.raises(LoadFailed) as err:
        load_text(text, "x.yml")
    assert message in err.value.problem.format()
    assert err.value.problem.file == "x.yml"


def test_format_path_counts_from_one():
    assert format_path(("objectives", 1, "text")) == "objectives[2].text"
    assert format_path(()) == ""
