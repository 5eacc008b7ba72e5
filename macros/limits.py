"""Size, nesting and alias limits, checked on a YAML text before it is composed.

PyYAML builds nested values by recursion, so a file nested a few thousand levels deep
would end the check with a RecursionError.  Reading the text as a flat stream of events
(which PyYAML does without recursion) finds such a file first and names the line.
"""

from __future__ import annotations

import yaml

from .errors import Problem

MAX_TEXT_BYTES = 1024 * 1024
"""Largest YAML text read at all; the loader's own file limit is lower."""

MAX_DEPTH = 32
"""Deepest nesting of lists and groups of fields; real files need fewer than ten levels."""

MAX_EVENTS = 200_000
"""Most YAML events (values, starts and ends of lists and groups) in one file."""

MAX_ALIASES = 100
"""Most aliases (*name) read before the loader refuses them with its own message."""

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENERS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSERS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class LimitExceeded(Exception):
    """A text is too big, too deep or has too many aliases; ``problem`` says where."""

    def __init__(self, problem: Problem):
        super().__init__(problem.format())
        self.problem = problem


def _at(file: str, event: yaml.Event, message: str) -> LimitExceeded:
    mark = event.start_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return LimitExceeded(Problem(file, line, column, "", message))


def check_limits(text: str, file: str) -> None:
    """Raise LimitExceeded when ``text`` is over a limit; syntax errors are left to the
    loader, which explains them."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise LimitExceeded(
            Problem(
                file,
                1,
                1,
                "",
                f"the file is {size // 1024} KB, over the limit of "
                f"{MAX_TEXT_BYTES // 1024} KB. Split it into smaller files.",
            )
        )
    depth = events = aliases = 0
    try:
        for event in yaml.parse(text, Loader=_PARSER):
            events += 1
            if isinstance(event, _OPENERS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _at(
                        file,
                        event,
                        f"values are nested more than {MAX_DEPTH} levels "
                        "deep here. Check the indentation: curriculum files need far "
                        "fewer levels.",
                    )
            elif isinstance(event, _CLOSERS):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _at(
                        file,
                        event,
                        "aliases (*name) are not allowed in curriculum "
                        "files; write the value out in full",
                    )
            if events > MAX_EVENTS:
                raise _at(
                    file,
                    event,
                    f"the file holds more than {MAX_EVENTS} values. Split it into smaller files.",
                )
    except yaml.YAMLError:
        return
