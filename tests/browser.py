"""Helpers for browser tests: Debian's chromium driven by Playwright, the site served locally."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

from macros.chromium import CHROMIUM, LAUNCH_ARGS  # noqa: F401 - the tests import them from here


def require_chromium() -> None:
    """Browser tests never skip in CI: a missing browser is a failure there."""
    if not os.path.exists(CHROMIUM):
        raise RuntimeError(
            "Debian's chromium is missing: run 'make browser' (apt-get install chromium)."
        )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D401 - silence the test output
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a random loopback port; return the server and its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
