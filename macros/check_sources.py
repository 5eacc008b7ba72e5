"""Refuse sources that cite mirror and aggregator sites instead of the original publisher."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .errors import Problem

if TYPE_CHECKING:
    from .curriculum import Curriculum
    from .loader import Document
    from .model import SourceHost

URL_FIELDS = ("url", "source_url")
"""Fields that hold the web address of a source or a reading."""


def find_listed_host(host: str, listed: list[SourceHost]) -> SourceHost | None:
    """The denylist entry that ``host`` is, or is a subdomain of; None when it is allowed."""
    host = host.lower().rstrip(".")
    for entry in listed:
        if host == entry.host or host.endswith("." + entry.host):
            return entry
    return None


def find_named_host(text: str, listed: list[SourceHost]) -> SourceHost | None:
    """The denylist entry whose host a citation's title names, e.g. '(mirror: globebanner.com)'."""
    for entry in listed:
        if re.search(rf"(?<![\w.-])(?:[\w-]+\.)*{re.escape(entry.host)}(?![\w-])", text, re.I):
            return entry
    return None


def host_of(url: str) -> str:
    """The host name of a web address, or '' when it has none or cannot be read."""
    try:
        return urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""


def format_message(entry: SourceHost) -> str:
    """What a trainer reads: why the host is refused and where to look instead."""
    return f"{entry.host} {entry.reason}; cite the publisher's own page (e.g. {entry.instead})."


def check_document(doc: Document, listed: list[SourceHost]) -> list[Problem]:
    """Every address, and every source title, in one file that points to a refused host."""
    out = []
    for path in doc.marks:
        if not path or not isinstance(path[-1], str):
            continue
        value = doc.data_at(path)
        if not isinstance(value, str):
            continue
        entry = None
        if path[-1] in URL_FIELDS:
            entry = find_listed_host(host_of(value), listed)
        elif path[-1] == "title" and len(path) >= 3 and path[-3] == "sources":
            entry = find_named_host(value, listed)
        if entry is not None:
            out.append(doc.problem(path, format_message(entry)))
    return out


def check_source_hosts(cur: Curriculum) -> list[Problem]:
    """Sources anywhere in the curriculum and quizzes that cite a host of source-hosts.yml."""
    if cur.source_hosts is None:
        return []
    listed = cur.source_hosts.hosts
    problems: list[Problem] = []
    for (kind, _), doc in cur.documents.items():
        if kind != "source_hosts":
            problems += check_document(doc, listed)
    return problems
