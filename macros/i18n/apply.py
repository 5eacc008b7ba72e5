"""A translated copy of the curriculum: the English objects with each language's
translations applied, built and checked by the same model.

Every string carries its state in invisible marks (macros/i18n/marks.py); English shown in
place of a missing or out-of-date translation is marked so the page puts it in a
``lang="en"`` element and counts it.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..curriculum import Curriculum
from ..errors import CurriculumError, Problem
from ..validate import _message
from . import SOURCE
from .catalog import by_context, look_up, po_path, read_catalog
from .check import check_translation, load_terms, markup_issues
from .extract import PLURAL, Entry, extract_object, is_markdown, join_blocks, object_of
from .marks import wrap
from .typography import typeset


@dataclass
class Translated:
    """A curriculum in one language, and what its catalogues hold."""

    cur: Curriculum
    lang: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    states: dict[str, dict[str, int]] = field(default_factory=dict)
    """PO file -> entries per state (done, draft, fuzzy, missing)."""


def _set_at(data: Any, path: tuple, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _problem_line(entries: list[Entry], lines: dict[str, int], loc: tuple) -> tuple[int, str]:
    """The PO line and context of the entry a validation error is about."""
    best: Entry | None = None
    for e in entries:
        if tuple(loc[: len(e.path)]) == e.path and (best is None or len(e.path) > len(best.path)):
            best = e
    if best is None:
        return 1, ""
    return lines.get(best.context, 1) or 1, best.context


def translate_object(
    kind: str,
    ident: str,
    obj: BaseModel,
    entries: list[Entry],
    root: Path,
    lang: str,
    terms: list[dict],
    out: Translated,
) -> BaseModel:
    """One object in ``lang``: its translations applied and checked, English in marks where
    a translation is missing, out of date or rejected."""
    source = entries[0].file
    po = po_path(root, lang, source)
    po_rel = po.relative_to(root).as_posix()
    catalog = by_context(read_catalog(po, lang))
    data = obj.model_dump(mode="python")
    blocks: dict[tuple, list[str]] = {}
    lines: dict[str, int] = {}
    states = out.states.setdefault(po_rel, dict.fromkeys(("done", "draft", "fuzzy", "missing"), 0))
    for e in entries:
        found = look_up(catalog, e.context, e.msgid)
        lines[e.context] = found.line
        text, state = found.text, found.state
        if state in ("done", "draft"):
            issues, notes = check_translation(e.msgid, text, lang, terms)
            issues += markup_issues(text, markdown=e.block is not None or is_markdown(e.comment))
            for message in issues:
                out.problems.append(Problem(po_rel, found.line or 1, 1, e.context, message))
            for message in notes:
                out.warnings.append(
                    Problem(po_rel, found.line or 1, 1, e.context, message, warning=True)
                )
            if issues:
                text, state = e.msgid, "fuzzy"
            else:
                text = typeset(text, lang)
        states[state] += 1
        marked = wrap(text, state, block=e.block is not None)
        if e.block is None:
            _set_at(data, e.path, marked)
        else:
            blocks.setdefault(e.path, []).append(marked)
    for path, parts in blocks.items():
        _set_at(data, path, join_blocks(parts))
    try:
        return type(obj).model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            line, context = _problem_line(entries, lines, tuple(err["loc"]))
            out.problems.append(Problem(po_rel, line, 1, context, _message(err, type(obj))))
        return obj


def translate_curriculum(cur: Curriculum, lang: str, root: Path | None = None) -> Translated:
    """The curriculum in ``lang`` (the English one itself for English)."""
    root = Path(root or cur.root)
    if lang == SOURCE:
        return Translated(cur, lang)
    out = Translated(copy.copy(cur), lang)
    terms = load_terms(root)
    replaced: dict[tuple[str, str], BaseModel] = {}
    for (kind, ident), doc in cur.documents.items():
        obj = object_of(cur, kind, ident)
        if obj is None:
            continue
        source = root / doc.file
        lines = source.read_text(encoding="utf-8").splitlines() if source.is_file() else []
        entries = extract_object(kind, ident, obj, doc, lines)
        if entries:
            replaced[(kind, ident)] = translate_object(
                kind, ident, obj, entries, root, lang, terms, out
            )
    copies: dict[str, Any] = {name: dict(getattr(cur, name)) for name in set(PLURAL.values())}
    new = dataclasses.replace(cur, **copies)
    for (kind, ident), obj in replaced.items():
        if kind in PLURAL:
            getattr(new, PLURAL[kind])[ident] = obj
        else:
            setattr(new, kind, obj)
    out.cur = new
    out.problems += check_blind_guessing(new, cur, lang, root)
    return out


def check_blind_guessing(translated: Curriculum, cur: Curriculum, lang: str, root: Path) -> list:
    """A translated quiz must resist blind strategies like its English (a translation can
    make the key the longest option): one problem per quiz, at its catalogue."""
    from ..bank import naive_scores, passes

    problems = []
    pass_mark = cur.programme.pass_mark
    for qid, quiz in translated.quizzes.items():
        doc = cur.documents.get(("quiz", qid))
        if doc is None or quiz is cur.quizzes.get(qid):
            continue
        for result in naive_scores(quiz):
            if passes(result.score, result.total, pass_mark):
                po = po_path(root, lang, doc.file).relative_to(root).as_posix()
                problems.append(
                    Problem(
                        po,
                        1,
                        1,
                        f"quiz:{qid}",
                        f"a learner who does not read can pass this translated quiz: "
                        f"'{result.strategy}' scores {result.score} of {result.total} "
                        f"({result.percent}%), at or above the pass mark of {pass_mark}% (right "
                        f"on: {', '.join(result.right)}). Shorten the correct option or lengthen "
                        "a wrong one in the translations of these questions.",
                    )
                )
    return problems


def translate_or_fail(cur: Curriculum, lang: str) -> Translated:
    """The curriculum in ``lang``; CurriculumError listing every catalogue problem."""
    out = translate_curriculum(cur, lang)
    if out.problems:
        raise CurriculumError(out.problems)
    return out
