"""Read one YAML file into plain data plus the line and column of every value.

This is the only module that reads YAML.  It uses PyYAML's safe composer and
builds the data itself, so that duplicate keys, aliases, unknown tags, huge
files and bad encodings become Problems with a position instead of exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem
from .limits import LimitExceeded, check_limits

MAX_BYTES = 512 * 1024
"""Largest curriculum file accepted; the biggest real one is far smaller."""

MAX_NODES = 50_000
"""Largest number of values in one file."""

ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    line: int
    column: int


@dataclass
class Document:
    """A loaded file: its data and where each value and key sits."""

    file: str
    data: Any
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)

    def mark(self, path: Path_) -> Mark:
        """Position of the value at ``path`` or, failing that, of its nearest parent."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, Mark(1, 1))

    def key_mark(self, path: Path_) -> Mark:
        """Position of the key that introduces ``path`` (for unknown fields)."""
        return self.key_marks.get(tuple(path)) or self.mark(path)

    def data_at(self, path: Path_):
        """The raw value at ``path``, or None."""
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def problem(self, path: Path_, message: str, *, warning: bool = False) -> Problem:
        """A Problem placed at ``path`` in this file."""
        m = self.mark(path)
        return Problem(self.file, m.line, m.column, format_path(path), message, warning)


class LoadFailed(Exception):
    """The file could not be read as YAML; ``problem`` says why and where."""

    def __init__(self, problem: Problem):
        super().__init__(problem.format())
        self.problem = problem


def format_path(path: Path_) -> str:
    """('objectives', 1, 'text') -> 'objectives[2].text' (items counted from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class _Composer(yaml.SafeLoader):
    """SafeLoader that refuses aliases: they are never needed and enable alias bombs."""

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed in curriculum files; "
                "write the value out in full",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


def _friendly_yaml_error(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or str(err)).strip()
    context = (err.context or "").strip()
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab is used for indentation; YAML needs spaces. Replace the tab with spaces."
    if "could not find expected ':'" in problem:
        return "a line is missing its ':' after the field name. Write 'field: value'."
    if problem.startswith("mapping values are not allowed"):
        return (
            "a ':' appears inside a value. Put the value in quotes, e.g. title: \"Trade: an "
            "introduction\"."
        )
    if "expected a single document" in problem + context or "another document" in problem:
        return "the file holds more than one YAML document (a '---' line); keep only one."
    if "quoted scalar" in context and "end of stream" in problem:
        return "a quote opened here is never closed. Add the closing quote."
    if "found undefined alias" in problem:
        return "aliases (*name) are not allowed in curriculum files; write the value out in full"
    if "aliases" in problem:
        return problem
    text = problem if not context else f"{problem} ({context})"
    return f"this is not valid YAML: {text}. Check the indentation and quotes on this line."


_FAST = getattr(yaml, "CSafeLoader", None)


def _compose_fast(text: str):
    """Compose with libyaml (many times faster); None when it is absent or the text is not
    plain, well-formed YAML, so that the pure-Python path can explain the problem."""
    if _FAST is None:
        return None
    if "*" in text and "&" in text and _has_alias(text):
        return None
    try:
        loader = _FAST(text)
        try:
            return loader.get_single_node() or False
        finally:
            loader.dispose()
    except yaml.YAMLError:
        return None


def _has_alias(text: str) -> bool:
    try:
        return any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=_FAST))
    except yaml.YAMLError:
        return True


def load_text(text: str, file: str) -> Document:
    """Parse YAML text; raise LoadFailed with one positioned Problem on any fault."""
    _check_limits(text, file)
    node = _compose_fast(text)
    if node:
        doc = Document(file, None)
        doc.data = _Builder(doc).build(node, ())
        return doc
    try:
        loader = _Composer(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if "quoted scalar" in (err.context or "") and err.context_mark:
            mark = err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise LoadFailed(Problem(file, line, col, "", _friendly_yaml_error(err))) from None
    except yaml.YAMLError as err:  # pragma: no cover - every PyYAML error is marked
        raise LoadFailed(Problem(file, 1, 1, "", f"this is not valid YAML: {err}")) from None
    if node is None:
        raise LoadFailed(
            Problem(file, 1, 1, "", "the file is empty. Copy the template beside it and fill it in.")
        )
    doc = Document(file, None)
    builder = _Builder(doc)
    doc.data = builder.build(node, ())
    return doc


def _check_limits(text: str, file: str) -> None:
    """Size, depth and alias limits (macros/limits.py), before anything recurses."""
    try:
        check_limits(text, file)
    except LimitExceeded as exceeded:
        raise LoadFailed(exceeded.problem) from None


def load_file(path: Path, root: Path) -> Document:
    """Read and parse one curriculum file, checking size and encoding first."""
    file = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise LoadFailed(
            Problem(
                file, 1, 1, "",
                f"the file is {size // 1024} KB, over the limit of {MAX_BYTES // 1024} KB. "
                "Split it into smaller files.",
            )
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise LoadFailed(
            Problem(
                file, line, col, "",
                f"byte 0x{raw[err.start]:02x} is not UTF-8 text. Save the file as UTF-8 "
                "(in VS Code: 'Save with Encoding', then UTF-8).",
            )
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return load_text(text, file)


class _Builder:
    """Turns composed nodes into Python values, recording marks."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: Node, message: str, path: Path_ = ()) -> LoadFailed:
        m = node.start_mark
        return LoadFailed(
            Problem(self.doc.file, m.line + 1, m.column + 1, format_path(path), message)
        )

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, f"the file holds more than {MAX_NODES} values. Split it.")
        self.doc.marks[path] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(
                node, f"the tag '{tag}' is not allowed in curriculum files; remove it.", path
            )
        if isinstance(node, ScalarNode):
            try:
                return self.constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError) as err:
                raise self.fail(node, f"cannot read this value: {err}", path) from None
        if isinstance(node, SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == "<<":
                    raise self.fail(key_node, "merge keys (<<) are not allowed; write fields out.", path)
                if not isinstance(key_node, ScalarNode) or key_node.tag not in ALLOWED_TAGS:
                    raise self.fail(key_node, "field names must be plain words.", path)
                key = key_node.value
                if key in out:
                    first = self.doc.key_marks[path + (key,)]
                    raise self.fail(
                        key_node,
                        f"the field '{key}' appears twice (first on line {first.line}). "
                        "Keep one of them.",
                        path,
                    )
                self.doc.key_marks[path + (key,)] = Mark(
                    key_node.start_mark.line + 1, key_node.start_mark.column + 1
                )
                out[key] = self.build(value_node, path + (key,))
            return out
        raise self.fail(node, "unsupported YAML node.", path)  # pragma: no cover
