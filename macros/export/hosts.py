"""The privacy gate: no page may load a script, style, font or image from another host."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# Only absolute addresses can reach another host: find each '//' (cheap), keep those that
# start an src/href/url() value, then look at the tag they sit in.
_BEFORE = re.compile(
    r"""(?:\b(?P<attr>src|href)\s*=\s*["']?|url\(\s*["']?)(?:https?:)?$""", re.IGNORECASE
)
_URL_END = re.compile(r"""["'\s>)]""")
_ASSET_TAGS = ("script", "img", "iframe", "source", "audio", "video", "embed", "link", "input")
_LINK_REL = re.compile(r"""\srel\s*=\s*["']?([^"'>]+)""", re.IGNORECASE)
_LOADING_RELS = {"stylesheet", "preload", "icon", "modulepreload", "manifest"}


def outside_requests(html: str) -> list[str]:
    """Addresses on other hosts that a page would load when opened."""
    found = []
    pos = html.find("//")
    while pos != -1:
        before = _BEFORE.search(html, max(0, pos - 40), pos)
        if before:
            end = _URL_END.search(html, pos)
            if _is_loaded(html, before):
                found.append(
                    html[pos - _scheme_len(before.group(0)) : end.start() if end else len(html)]
                )
        pos = html.find("//", pos + 2)
    return found


def _scheme_len(text: str) -> int:
    low = text.lower()
    return 6 if low.endswith("https:") else 5 if low.endswith("http:") else 0


def _is_loaded(html: str, before: re.Match) -> bool:
    """True when the address is fetched on opening the page (not a plain link)."""
    if not before.group("attr"):
        return True  # url(...) in a style
    start = html.rfind("<", 0, before.start())
    head = html[start + 1 : before.start()].split(None, 1)
    name = head[0].lower() if head else ""
    if name not in _ASSET_TAGS:
        return False
    if name == "link":
        rel = _LINK_REL.search(html, start, html.find(">", before.end()))
        return bool(rel and _LOADING_RELS & set(rel.group(1).lower().split()))
    return before.group("attr").lower() == "src"


def check_page(html: str, where: str) -> None:
    """Fail the build if one rendered page loads from another host."""
    bad = outside_requests(html)
    if bad:
        raise PluginError(
            f"{where} loads {', '.join(bad[:5])} from another host (not allowed: the site "
            "must work offline and keep readers private)."
        )


def check_no_outside_requests(
    site_dir: Path, suffixes: tuple[str, ...] = (".html", ".css")
) -> None:
    """Fail the build if any HTML or CSS file loads from another host."""
    bad = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in suffixes or not path.is_file():
            continue
        for url in outside_requests(path.read_text(encoding="utf-8", errors="replace")):
            bad.append(f"{path.relative_to(site_dir)}: loads {url}")
    if bad:
        raise PluginError(
            "pages load assets from another host (not allowed: the site must work offline "
            "and keep readers private):\n" + "\n".join(bad[:20])
        )


# Material's base template puts autocomplete="off" on its two checkbox toggles, which
# HTML does not allow on checkboxes (the Nu HTML Checker reports it); drop it.
_TOGGLES = tuple(
    (f'type="checkbox" id="{name}" autocomplete="off">', f'type="checkbox" id="{name}">')
    for name in ("__drawer", "__search")
)


def fix_theme_chrome(html: str) -> str:
    """Make the theme's page chrome valid HTML (whatever engine wrote it)."""
    for before, after in _TOGGLES:
        html = html.replace(before, after, 1)
    return html


_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def wrap_tables(html: str) -> str:
    """Every table of a page in a box that scrolls sideways on its own and can be focused
    from the keyboard, labelled "Table N of M: page title" (WCAG 1.4.10 and 2.1.1)."""
    tables = _TABLE.findall(html)
    if not tables or 'class="table-scroll"' in html:
        return html
    found = _TITLE.search(html)
    title = found.group(1).split(" - ")[0].strip().replace('"', "&quot;") if found else ""
    count = iter(range(1, len(tables) + 1))

    def box(match: re.Match) -> str:
        n = next(count)
        label = f"Table {n} of {len(tables)}" if len(tables) > 1 else "Table"
        label += f": {title}" if title else ""
        return (
            f'<div class="table-scroll" tabindex="0" role="group" aria-label="{label}">'
            f"{match.group(0)}</div>"
        )

    return _TABLE.sub(box, html)
