"""What a trainee's phone downloads: page weight on first and repeat view, and Lighthouse.

The built site is served with gzip and cache headers like a static host (HTML revalidated,
assets cached), loaded in Debian's chromium; bytes are what crossed the wire.  Lighthouse
(npm `lighthouse@12`) runs in its mobile preset when it is installed.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

from .chromium import CHROMIUM, LAUNCH_ARGS, visit

BUDGET_FIRST_KB = 120.0
BUDGET_REPEAT_KB = 15.0
PAGES = {"home page": "", "session page": "sessions/s1/"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: gzip for text, ten minutes of cache for every file."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # noqa: D102 - same contract as the base class
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        encoded = "gzip" in self.headers.get("Accept-Encoding", "") and (
            ctype.startswith("text/")
            or ctype in ("application/javascript", "application/json", "image/svg+xml")
        )
        if encoded:
            body = gzip.compress(body, 6, mtime=0)
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header(
            "Cache-Control", "no-cache" if path.suffix == ".html" else "public, max-age=31536000"
        )
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body) if self.command != "HEAD" else None
        return None


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on a free loopback port."""
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def page_weights(base: str) -> dict[str, tuple[float, float, list[str]]]:
    """Per page: KB over the wire on first view, on repeat view, and the largest requests."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for name, path in PAGES.items():
            context = browser.new_context(viewport={"width": 390, "height": 844})
            first, _ = visit(context, base + path)
            repeat, _ = visit(context, base + path)  # a later visit, in a new tab
            biggest = sorted(first.items(), key=lambda kv: -kv[1])[:4]
            out[name] = (
                sum(first.values()) / 1024,
                sum(repeat.values()) / 1024,
                [f"{url.removeprefix(base)} {size / 1024:.0f} KB" for url, size in biggest],
            )
            context.close()
        browser.close()
    return out


def lighthouse(root: Path, url: str) -> dict[str, int] | None:
    """Lighthouse mobile scores (performance, accessibility...) or None when not installed."""
    tool = root / "node_modules/.bin/lighthouse"
    if not tool.exists():
        return None
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(
        [
            str(tool),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if result.returncode != 0:
        return None
    report = json.loads(result.stdout)
    return {k: round(v["score"] * 100) for k, v in report["categories"].items()}


def measure_web(root: Path) -> list[str]:
    """The weight and Lighthouse section of the benchmark report, as Markdown lines."""
    site = root / "site"
    if not (site / "index.html").exists():
        from .build import build_site

        build_site(root)
    server, base = serve(site)
    try:
        weights = page_weights(base)
        scores = {name: lighthouse(root, base + path) for name, path in PAGES.items()}
    finally:
        server.shutdown()
    lines = [
        "| Page (390 px, gzip) | First view (KB) | Repeat view (KB) | Largest requests | "
        "Lighthouse mobile |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, (first, repeat, biggest) in weights.items():
        score = scores.get(name)
        shown = (
            ", ".join(f"{k} {v}" for k, v in score.items())
            if score
            else "not measured (npm ci installs lighthouse)"
        )
        lines.append(
            f"| {name} | {first:.0f} (goal ≤ {BUDGET_FIRST_KB:.0f}) | {repeat:.1f} "
            f"(goal ≤ {BUDGET_REPEAT_KB:.0f}) | {'; '.join(biggest)} | {shown} |"
        )
    return lines
