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


def fill_share_form(page, measure_type: str, description: str, source_url: str) -> None:
    """Fill every field of the share-a-policy form with one example policy (with markup
    in its title and a template token in its description, which must stay inert)."""
    page.fill("#f-id", "ghana-women-exporters-programme")
    page.fill("#f-title", 'Support for women exporters "<b>pilot</b>"')
    page.fill("#f-country", "Ghana")
    page.select_option("#f-member_status", "developing")
    page.select_option("#f-region", "Africa")
    page.fill("#f-year", "2022")
    page.select_option("#f-measure_type", measure_type)
    page.locator("input[name=wto_areas][value=TFA]").check()
    page.fill("#f-description", description)
    page.fill("#f-beneficiaries", "Women-led small firms")
    page.select_option("#f-status", "in force")
    page.fill("#f-source_url", source_url)
