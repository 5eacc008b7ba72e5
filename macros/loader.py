"""Read one YAML file into plain data plus the line and column of every value.

This is the only module that reads YAML.  It uses PyYAML's safe composer and
builds the data itself, so that duplicate keys, aliases, unknown tags, huge
files and bad encodings become Problems with a position instead of exceptions.
"""

from __future__ import annotations

import re
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


_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"][^:#]*?)\s*:(\s|$)")


def _line_key(line: str) -> tuple[int, str] | None:
    """(column counted from 1, field name) of a 'field: value' line, or None."""
    m = _KEY_LINE.match(line)
    if not m:
        return None
    return len(m.group("indent")) + len(m.group("dash") or "") + 1, m.group("key")


def _previous_lines(lines: list[str], index: int):
    """Non-blank, non-comment lines before ``index``, nearest first: (number, text)."""
    for i in range(min(index, len(lines)) - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            yield i + 1, lines[i]


def _indentation_advice(lines: list[str], number: int, column: int) -> str:
    """Where a line starting in ``column`` could go: the columns of the fields above it."""
    left = right = None
    for n, text in _previous_lines(lines, number - 1):
        found = _line_key(text)
        if not found:
            continue
        col, key = found
        if col < column and left is None:
            left = (n, col, key)
        elif col > column and right is None and left is None:
            right = (n, col, key)
        if left:
            break
    places = [f"column {c} (like '{k}' on line {n})" for n, c, k in filter(None, (right, left))]
    return " or ".join(places)


def _friendly_yaml_error(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """A plain-words reading of an indentation fault: (line, column, message), or None."""
    mark = err.problem_mark
    if mark is None:
        return None
    lines = text.splitlines()
    number = mark.line + 1
    line = lines[mark.line] if mark.line < len(lines) else ""
    indent = len(line) - len(line.lstrip(" "))
    problem = err.problem or ""
    if "could not find expected ':'" in problem and err.context_mark:
        start = err.context_mark.line
        if start < len(lines) and re.match(r"^\s*(- +)?[\w-]+:[^\s]", lines[start]):
            return (
                start + 1,
                1,
                (
                    f"line {start + 1} needs a space after the ':' of its field name "
                    "(write 'field: value', not 'field:value')."
                ),
            )
    if problem.startswith("mapping values are not allowed"):
        found = _line_key(line)
        if not found or found[0] - 1 + len(found[1]) + 1 < mark.column:
            return None  # the ':' is inside a value, not after a field name
        previous = next(_previous_lines(lines, mark.line), None)
        if previous and re.match(r"^\s*(- +)?[\w-]+:[^\s]", previous[1]):
            n = previous[0]
            return (
                n,
                1,
                (
                    f"line {n} needs a space after the ':' of its field name "
                    "(write 'field: value', not 'field:value')."
                ),
            )
        col, key = found
        advice = _indentation_advice(lines, number, col)
        return (
            number,
            col,
            (
                f"the field '{key}' is indented further than the line above it, so YAML reads it "
                "as part of that line's value. Move it left"
                + (f" to {advice}." if advice else " to line up with the field it belongs beside.")
            ),
        )
    if problem.startswith("expected <block end>"):
        found = _line_key(line)
        col = indent + 1
        if "'?'" in problem:
            key = found[1] if found else line.strip()
            return (
                number,
                col,
                (
                    f"the field '{key}' sits inside a list: start the line with '- ' if it is a "
                    "new item, or move it to line up with the fields of the item above it."
                ),
            )
        if line.lstrip(" ").startswith("- "):
            dash = next(
                (
                    (n, len(t) - len(t.lstrip(" ")) + 1)
                    for n, t in _previous_lines(lines, mark.line)
                    if t.lstrip(" ").startswith("- ")
                ),
                None,
            )
            if dash and dash[1] != col:
                return (
                    number,
                    col,
                    (
                        f"this list item's '-' is in column {col}, but the item above it (line "
                        f"{dash[0]}) has its '-' in column {dash[1]}. Line the '-' up with it, "
                        "using spaces."
                    ),
                )
        advice = _indentation_advice(lines, number, col)
        what = "this line" if not found else f"the field '{found[1]}'"
        return (
            number,
            col,
            (
                f"{what} starts in column {col}, which does not line up with the lines above it. "
                + (
                    f"Move it to {advice}."
                    if advice
                    else "Line it up with the fields it belongs to."
                )
                + " Use spaces, the same number as its neighbours."
            ),
        )
    return None


def _yaml_error_message(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or str(err)).strip()
    context = (err.context or "").strip()
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab is used for indentation; YAML needs spaces. Replace the tab with spaces."
    if "could not find expected ':'" in problem:
        return "a line is missing its ':' after the field name. Write 'field: value'."
    if problem.startswith("mapping values are not allowed"):
        return (
            "a ':' appears inside a value. Put the value in quotes, e.g. title: \"Trade: an "
            'introduction".'
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


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of a character offset in ``text``."""
    offset = max(0, min(offset, len(text)))
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _reader_error_message(err: yaml.reader.ReaderError) -> str:
    """A character YAML refuses (control characters, often invisible), in plain words."""
    char = err.character
    code = char if isinstance(char, int) else ord(char[:1] or "\0")
    return (
        f"the invisible control character U+{code:04X} is not allowed in YAML. Delete it "
        "(retype this line if you cannot see it)."
    )


_FAST: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)


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
        return any(
            isinstance(e, yaml.AliasEvent)
            for e in yaml.parse(text, Loader=_FAST or yaml.SafeLoader)
        )
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
        indentation = None if "\\t" in (err.problem or "") else _friendly_yaml_error(err, text)
        if indentation:
            line, col, message = indentation
            raise LoadFailed(Problem(file, line, col, "", message)) from None
        mark = err.problem_mark or err.context_mark
        if "quoted scalar" in (err.context or "") and err.context_mark:
            mark = err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise LoadFailed(Problem(file, line, col, "", _yaml_error_message(err))) from None
    except yaml.reader.ReaderError as err:
        line, col = _position(text, err.position)
        raise LoadFailed(Problem(file, line, col, "", _reader_error_message(err))) from None
    except yaml.YAMLError as err:  # pragma: no cover - every other PyYAML error is marked
        message = " ".join(f"this is not valid YAML: {err}".split())
        raise LoadFailed(Problem(file, 1, 1, "", message)) from None
    if node is None:
        raise LoadFailed(
            Problem(
                file, 1, 1, "", "the file is empty. Copy the template beside it and fill it in."
            )
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
                file,
                1,
                1,
                "",
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
                file,
                line,
                col,
                "",
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
                    raise self.fail(
                        key_node, "merge keys (<<) are not allowed; write fields out.", path
                    )
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
