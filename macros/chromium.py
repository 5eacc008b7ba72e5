"""Debian's chromium as the benchmark and the browser tests drive it: where it is, how it is
started on a machine with a closed network, and what a visit downloads."""

from __future__ import annotations

import shutil
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",  # no calls home: the network here is closed
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def visit(context: Any, url: str) -> tuple[dict[str, int], Any]:
    """Open ``url`` in a new tab of a Playwright browser context and return the bytes each
    request took over the wire (by URL; 0 for what came from the cache) and the tab.  The
    dict goes on filling with what the tab loads later (a search index fetched on demand)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(
            urls.get(e["requestId"], e["requestId"]), e["encodedDataLength"]
        ),
    )
    page.goto(url, wait_until="networkidle")
    return sizes, page
