"""The sanitiser's allowlist, and script payloads in a copy of the curriculum: each one is a
`make check` problem on its own line, never a silent strip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros import model
from macros.cli import EXIT_PROBLEMS, main
from macros.sanitise import (
    markdown_findings,
    plain_findings,
    render_safe_markdown,
    sanitise_html,
    url_scheme,
)
from macros.text_fields import MARKDOWN_FIELDS, iter_texts, text_kind


def test_sanitiser_keeps_what_course_text_needs():
    text = (
        'Some **bold**, *em*, `code` and a [link](https://www.wto.org "WTO"), '
        "[mail](mailto:a@example.org), [page](../glossary.md#gender-lens).\n\n"
        "- one\n- two\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        '!!! note "Remember"\n    Admonition body.\n\n'
        "*[WTO]: World Trade Organization\n\nThe WTO.\n"
    )
    html = render_safe_markdown(text)
    for kept in (
        "<strong>bold</strong>",
        "<em>em</em>",
        "<code>code</code>",
        'href="https://www.wto.org"',
        'title="WTO"',
        'href="mailto:a@example.org"',
        'href="../glossary.md#gender-lens"',
        "<li>one</li>",
        "<table>",
        'style="text-align:left"',
        'class="admonition note"',
        '<abbr title="World Trade Organization">WTO</abbr>',
    ):
        assert kept in html, kept
    assert markdown_findings(text) == ()


@pytest.mark.parametrize(
    "html, gone",
    [
        ("<p>a<script>alert(1)</script></p>", "<script"),
        ('<img src="x.png" alt="x" onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href=" jav&#x09;ascript:alert(1)">x</a>', "ascript:"),
        ('<iframe src="https://example.org"></iframe>', "<iframe"),
        ('<div class="md-search">x</div>', "md-search"),
        ('<h2 id="__config">x</h2>', "__config"),
        ('<p style="position:fixed">x</p>', "position"),
    ],
)
def test_sanitiser_removes_what_is_not_allowed(html, gone):
    assert gone not in sanitise_html(html)


@pytest.mark.parametrize(
    "text, message",
    [
        ("Hello <script>alert(1)</script>", "raw <script> is not allowed in curriculum text"),
        ("[x](javascript:alert(1))", "'javascript:' is not allowed"),
        ("[x](JaVa&#09;Script:alert(1))", "'javascript:' is not allowed"),
        ('<a href="data:text/html,x">x</a>', "'data:' is not allowed"),
        ("<img src=x alt=y onerror=alert(1)>", "the event handler onerror= is not allowed"),
        ('A paragraph.\n{: onclick="alert(1)" }', "the event handler onclick= is not allowed"),
        ("## Heading {: #__search }", "the id '__search' is not allowed"),
        ('<div style="color:red">x</div>', "the attribute style= is not allowed on <div>"),
        ("<iframe src=x></iframe>", "the HTML tag <iframe> is not allowed"),
        ("Text <!-- hidden note -->", "HTML comments are not published"),
        ("<b>never closed", "would be changed when published"),
    ],
)
def test_markdown_that_the_sanitiser_would_change_is_named(text, message):
    found = [m for _, m in markdown_findings(text)]
    assert any(message in m for m in found), found


@pytest.mark.parametrize(
    "text, bad",
    [
        ("<script>alert(1)</script> Title", True),
        ("A <b>bold</b> title", True),
        ("Click [here](javascript:alert(1))", True),
        ('Women & trade: 5 < 10, "quoted" and {{ 7*7 }}', False),
        ("x<3", False),
    ],
)
def test_plain_text_markup(text, bad):
    assert bool(plain_findings(text)) is bad


def test_url_scheme_reads_urls_as_browsers_do():
    assert url_scheme(" java\tscript:alert(1)") == "javascript"
    assert url_scheme("../page.md#x") == ""
    assert url_scheme("HTTPS://www.wto.org") == "https"


def _described_as_markdown() -> set[tuple[str, str]]:
    out = set()
    for cls in vars(model).values():
        if isinstance(cls, type) and issubclass(cls, model.Strict):
            for name, info in cls.model_fields.items():
                if "markdown" in (info.description or "").lower():
                    out.add((cls.__name__, name))
    return out


def test_markdown_fields_name_real_fields():
    classes = {c.__name__: c for c in vars(model).values() if isinstance(c, type)}
    for cls, name in MARKDOWN_FIELDS:
        assert cls in classes and name in classes[cls].model_fields, (cls, name)


def test_fields_described_as_markdown_are_markdown():
    assert _described_as_markdown() <= MARKDOWN_FIELDS


def test_iter_texts_gives_paths_and_kinds():
    section = model.Section(id="a", title="T", body="B", sources=[{"title": "S"}])
    assert list(iter_texts(section)) == [
        (("id",), "plain", "a"),
        (("title",), "plain", "T"),
        (("body",), "markdown", "B"),
        (("sources", 0, "title"), "plain", "S"),
    ]
    assert text_kind(model.Session, "title") == "plain"


# ------------------------------------------------------------- payloads in a curriculum


def _edit(path: Path, change) -> str:
    """Load a YAML file, change its data, write it back; return the new text."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
    path.write_text(text, encoding="utf-8")
    return text


def _where(text: str, needle: str) -> tuple[int, int]:
    """Line and column (from 1) where ``needle`` first appears in ``text``."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _value_at(text: str, key: str) -> str:
    """'line:col' of the value after the first ``key: `` in ``text``."""
    line, col = _where(text, f"{key}: ")
    return f"{line}:{col + len(key) + 2}"


def _first(folder: Path) -> Path:
    return sorted(p for p in folder.glob("*.yml") if not p.name.startswith("_"))[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A copy of the curriculum full of payloads, and the lines each must be reported on."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    expected: list[str] = []

    # A Markdown body, in a literal block: the problem names the payload's own line.
    session = _first(project / "curriculum/sessions")
    rel = session.relative_to(project).as_posix()
    lines = session.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if re.match(r"^\s+body: \|\s*$", line))
    indent = re.match(r"^\s*", lines[at + 1]).group(0)
    lines.insert(at + 1, f"{indent}Read this <script>alert('body')</script> first.\n")
    session.write_text("".join(lines), encoding="utf-8")
    text = session.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    idx = next(i for i, s in enumerate(data["sections"]) if "<script>" in s["body"])
    line, col = _where(text, "<script>alert('body')")
    expected.append(
        f"{rel}:{line}:{col}: sections[{idx + 1}].body: raw <script> is not "
        "allowed in curriculum text; remove it."
    )

    # Another session's title (plain text) and a javascript: link in one of its sections.
    session = sorted(
        p for p in (project / "curriculum/sessions").glob("*.yml") if not p.name.startswith("_")
    )[1]
    rel = session.relative_to(project).as_posix()

    def session_payloads(d):
        d["title"] = "<script>alert('title')</script> " + d["title"]
        d["sections"][-1]["body"] += "\n\nSee [the rules](javascript:alert('link')).\n"

    text = _edit(session, session_payloads)
    expected.append(
        f"{rel}:{_value_at(text, 'title')}: title: raw <script> is not allowed "
        "in this plain-text field; remove it (write 'less than' with a space "
        "after '<')."
    )
    n = len(yaml.safe_load(text)["sections"])
    last = text[: text.rindex(" body: ") + 1]
    line, col = last.count("\n") + 1, len(last) - (last.rfind("\n") + 1) + len("body: ") + 1
    expected.append(
        f"{rel}:{line}:{col}: sections[{n}].body: links must start with https://, "
        "http://, mailto: or be relative; 'javascript:' is not allowed."
    )

    # A glossary definition (shown as a tooltip: an attribute).
    glossary = project / "curriculum/glossary.yml"
    text = _edit(
        glossary,
        lambda d: d["terms"][0].update(
            definition="A lens <img src=x onerror=alert('gloss')> on rules."
        ),
    )
    expected.append(
        f"curriculum/glossary.yml:{_value_at(text, 'definition')}: "
        "terms[1].definition: the markup '<img' is not allowed in this "
        "plain-text field"
    )

    # An option text of a quiz.
    quiz = _first(project / "quizzes")
    text = _edit(
        quiz,
        lambda d: d["questions"][0]["options"][0].update(
            text="<b onmouseover=alert('option')>" + d["questions"][0]["options"][0]["text"]
        ),
    )
    expected.append(
        f"{quiz.relative_to(project).as_posix()}:{_value_at(text, 'text')}: "
        "questions[1].options[1].text: the markup '<b' is not allowed in this "
        "plain-text field"
    )

    # Policy fields: plain text everywhere.
    policy = _first(project / "curriculum/policies")
    prel = policy.relative_to(project).as_posix()

    def policy_payloads(d):
        d["title"] = "</script><script>alert('policy')</script>"
        d["description"] = "Read [more](javascript:alert('policy link')) here."

    text = _edit(policy, policy_payloads)
    expected.append(
        f"{prel}:{_value_at(text, 'title')}: title: the markup '</script' is not "
        "allowed in this plain-text field"
    )
    expected.append(
        f"{prel}:{_value_at(text, 'description')}: description: links are not "
        "allowed in this plain-text field"
    )
    return project, expected


def test_payloads_are_problems_on_their_lines(hostile, capsys):
    project, expected = hostile
    code = main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert code == EXIT_PROBLEMS
    assert "Traceback" not in err
    for want in expected:
        assert any(want in line for line in err.splitlines()), f"missing: {want}\n{err}"
