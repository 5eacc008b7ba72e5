"""Web addresses of generated pages, absolute and relative, for either URL style."""

from __future__ import annotations

import posixpath
import re
import unicodedata


def url_of(src: str, directory_urls: bool = True) -> str:
    """The site-relative URL of a page source path: 'sessions/s1.md' -> 'sessions/s1/'."""
    stem = src[:-3] if src.endswith(".md") else src
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_src: str, to_src: str, anchor: str = "", directory_urls: bool = True) -> str:
    """Link from one page to another (and an anchor), as a relative URL."""
    from_url = url_of(from_src, directory_urls)
    to_url = url_of(to_src, directory_urls)
    from_dir = from_url.rstrip("/") if directory_urls else posixpath.dirname(from_url)
    rel = posixpath.relpath(to_url.rstrip("/") or ".", from_dir or ".")
    if directory_urls and rel != "." and (to_url.endswith("/") or to_url == ""):
        rel += "/"
    if rel == ".":
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


def session_src(sid: str) -> str:
    return f"sessions/{sid}.md"


def lesson_src(module: str, lesson: str) -> str:
    return f"elearning/{module}/{lesson}.md"


def teaches_src(teaches: str) -> tuple[str, str]:
    """'s4#gatt' -> ('sessions/s4.md', 'gatt'); 'intro/wto-basics#x' -> lesson page."""
    page, _, anchor = teaches.partition("#")
    if "/" in page:
        module, lesson = page.split("/", 1)
        return lesson_src(module, lesson), anchor
    return session_src(page), anchor


def slugify(text: str) -> str:
    """'Côte d'Ivoire' -> 'cote-d-ivoire' (stable URL parts for countries)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
