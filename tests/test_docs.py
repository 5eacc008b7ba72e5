"""The documentation keeps up with the code: every field, kind and macro is in the guide."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.errors import Problem
from macros.loader import LoadFailed, load_text
from macros.main import MACROS
from macros.model import KINDS, Policy
from macros.render.trainers import field_rows
from macros.sanitise import check_document_markup
from macros.validate import validate_document

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs/contributing/index.md"

_FENCE = re.compile(r"^```yaml[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
_MARKER = re.compile(r"\A# kind: (\S+)[ \t]*\n")
_TOP_LEVEL_ID = re.compile(r"^id:", re.M)


@dataclass(frozen=True)
class Example:
    """A ```yaml block of the guide: where its text starts, its text, and its marked kind."""

    line: int
    text: str
    kind: str | None


def find_yaml_examples(markdown: str) -> list[Example]:
    """Every ```yaml block of a Markdown page; a first line `# kind: <kind>` marks a full
    example of that kind."""
    out = []
    for match in _FENCE.finditer(markdown):
        text = match.group(1)
        marker = _MARKER.match(text)
        line = markdown.count("\n", 0, match.start(1)) + 1
        out.append(Example(line, text, marker.group(1) if marker else None))
    return out


def check_example(example: Example, file: str) -> list[str]:
    """What is wrong with one example, as check lines placed on the guide's own lines."""
    # A name that is no file: the markup check then places problems by the YAML marks.
    name = "<example>"
    try:
        doc = load_text(example.text, name)
    except LoadFailed as failed:
        return [_in_guide(failed.problem, example, file).format()]
    if example.kind is None:
        return []
    if example.kind not in KINDS:
        return [f"{file}:{example.line}:1: '# kind: {example.kind}' names no kind of the model"]
    obj, problems = validate_document(doc, KINDS[example.kind])
    if obj is not None:
        problems = check_document_markup(obj, doc, ROOT)
    return [_in_guide(p, example, file).format() for p in problems]


def _in_guide(problem: Problem, example: Example, file: str) -> Problem:
    """The problem placed on its line of the guide."""
    return Problem(
        file, example.line + problem.line - 1, problem.column, problem.field, problem.message
    )


GUIDE_EXAMPLES = find_yaml_examples(GUIDE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_is_documented_in_the_guide(kind, site):
    """The guide has a section per kind, and its built page lists every field with a
    description (the table comes from the model, so a field without one fails here)."""
    source = GUIDE.read_text(encoding="utf-8")
    assert f"{{: #{kind} }}" in source, f"no section for {kind}"
    assert f'field_reference("{kind}")' in source
    html = (site / "trainer/contributing/index.html").read_text(encoding="utf-8")
    for row in field_rows(KINDS[kind]):
        assert row["description"], f"{kind}.{row['name']} has no description in model.py"
        assert f"<code>{row['name']}</code>" in html, f"{kind}.{row['name']} missing from guide"


def test_every_macro_is_in_the_guide():
    source = GUIDE.read_text(encoding="utf-8")
    for fn in MACROS:
        assert fn.__name__ in source, fn.__name__
        assert fn.__doc__, f"macro {fn.__name__} needs a docstring for trainers"


def test_issue_form_asks_for_every_policy_field():
    form = (ROOT / ".github/ISSUE_TEMPLATE/share-policy.yml").read_text(encoding="utf-8")
    ids = set(re.findall(r"^\s+id: (\w+)$", form, flags=re.M))
    assert ids == set(Policy.model_fields) - {"sources"}


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "make site" in first_block and "make test" in first_block


def test_yaml_examples_are_found():
    assert any(e.kind for e in GUIDE_EXAMPLES), "the guide has no '# kind:' example"
    first = find_yaml_examples("Text\n\n```yaml\n# kind: run\nid: r\n```\n")
    assert first == [Example(4, "# kind: run\nid: r\n", "run")]


@pytest.mark.parametrize("example", GUIDE_EXAMPLES, ids=lambda e: f"line-{e.line}")
def test_every_yaml_example_of_the_guide_is_valid(example):
    """Each full example (first line `# kind: <kind>`) passes the model and the markup check;
    a block with a top-level id must be marked, so that it is checked; every block is YAML."""
    file = GUIDE.relative_to(ROOT).as_posix()
    if example.kind is None and _TOP_LEVEL_ID.search(example.text):
        pytest.fail(
            f"{file}:{example.line}: this example has an id but no first line "
            "'# kind: <kind>'; add it so that the example is checked against the model."
        )
    assert check_example(example, file) == []


def test_a_stale_example_fails_on_its_line():
    """The check catches an example written for an older model, on the guide's line."""
    stale = Example(10, "# kind: quiz\nid: q\ntitle: Q\npass_mark: 70\nquestions: []\n", "quiz")
    found = check_example(stale, "guide.md")
    assert any(p.startswith("guide.md:13:1: pass_mark: unknown field 'pass_mark'") for p in found)
    assert check_example(Example(1, "id: [", None), "guide.md")[0].startswith("guide.md:1:")
    raw = Example(
        1,
        "# kind: glossary\nterms:\n  - id: t\n    term: <i>t</i>\n    definition: D\n",
        "glossary",
    )
    assert check_example(raw, "guide.md") == [
        "guide.md:4:11: terms[1].term: the markup '<i' is not allowed in this plain-text field; "
        "remove it (write 'less than' with a space after '<')."
    ]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_a_full_example_in_the_guide(kind):
    assert any(e.kind == kind for e in GUIDE_EXAMPLES), (
        f"the guide has no full example of {kind}: start one ```yaml block of its section "
        f"with the line '# kind: {kind}'"
    )
