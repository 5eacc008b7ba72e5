"""Quality gates on the built site: valid HTML, no broken internal link or anchor, alt text."""

from __future__ import annotations

import html.parser
import posixpath
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images_without_alt = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "img" and a.get("alt") is None:
            self.images_without_alt += 1


def parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def test_html_is_valid(site):
    """The W3C Nu HTML Checker (vnu-jar from npm, run with the machine's Java) finds no error."""
    assert VNU.exists(), "run 'npm install' (make test does it) to get vnu-jar"
    java = shutil.which("java")
    assert java, "Java is needed for the HTML checker (make test installs it)"
    pages = [str(p) for p in sorted(site.rglob("*.html"))]
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr[:5000]


def broken_links(site: Path, skip_suffixes: tuple[str, ...] = ()) -> list[str]:
    """Every internal link or anchor of a built site that leads nowhere."""
    parsed = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, info in parsed.items():
        for href in info.links:
            url = urlsplit(href)
            if url.scheme or url.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            if skip_suffixes and url.path.endswith(skip_suffixes):
                continue
            if url.path.startswith("/"):  # only 404.html, which MkDocs links from the root
                target = site / unquote(url.path).lstrip("/")
            else:
                target = page if not url.path else (page.parent / unquote(url.path))
            target = Path(posixpath.normpath(str(target)))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parsed.get(target) or parse(target)
                if unquote(url.fragment) not in ids.ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_no_broken_internal_links_or_anchors(site):
    broken = broken_links(site)
    assert broken == [], "\n".join(broken[:40])


def test_images_have_alt_text(site):
    missing = [
        str(p.relative_to(site)) for p in site.rglob("*.html") if parse(p).images_without_alt
    ]
    assert missing == []
