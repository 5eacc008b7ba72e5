"""The privacy gate: no page may load a script, style, font or image from another host."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

_ASSET = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\ssrc\s*=\s*["']?(?P<a>[^"'\s>]+)"""
    r"""|<link\b[^>]*?\shref\s*=\s*["']?(?P<b>[^"'\s>]+)[^>]*>"""
    r"""|url\(\s*["']?(?P<c>[^"')]+)""",
    re.IGNORECASE,
)
_LINK_REL = re.compile(r"""\srel\s*=\s*["']?([^"'>]+)""", re.IGNORECASE)


def outside_requests(html: str) -> list[str]:
    """Addresses on other hosts that a page would load when opened."""
    found = []
    for match in _ASSET.finditer(html):
        url = match.group("a") or match.group("b") or match.group("c") or ""
        if match.group("b"):
            rel = _LINK_REL.search(match.group(0))
            if rel and not ({"stylesheet", "preload", "icon", "modulepreload", "manifest"}
                            & set(rel.group(1).lower().split())):
                continue
        if re.match(r"^(https?:)?//", url.strip(), re.IGNORECASE):
            found.append(url)
    return found


def check_no_outside_requests(site_dir: Path) -> None:
    """Fail the build if any HTML or CSS file loads from another host."""
    bad = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        for url in outside_requests(path.read_text(encoding="utf-8", errors="replace")):
            bad.append(f"{path.relative_to(site_dir)}: loads {url}")
    if bad:
        raise PluginError(
            "pages load assets from another host (not allowed: the site must work offline "
            "and keep readers private):\n" + "\n".join(bad[:20])
        )
