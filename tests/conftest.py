"""Shared fixtures: the project root, a copy of the curriculum, and one full site build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def copy_project(dest: Path) -> Path:
    """A copy of what a build and the check read: curriculum, quizzes, docs, editor settings,
    config, macros package."""
    for name in ("curriculum", "quizzes", "docs", ".vscode"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "macros").symlink_to(ROOT / "macros")
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away copy of the project to break or extend."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site built once (learner, trainer, offline zip, PDFs, data)."""
    from macros.build import build_site

    out = tmp_path_factory.mktemp("built") / "site"
    return build_site(ROOT, out)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, launched once for all browser tests."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, LAUNCH_ARGS, require_chromium

    require_chromium()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on a random local port."""
    from browser import serve

    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser, base_url):
    """A fresh browser page (own storage) that records requests to other hosts."""
    context = browser.new_context(viewport={"width": 412, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.outside = []
    pg.on(
        "request",
        lambda r: pg.outside.append(r.url)
        if not r.url.startswith((base_url, "file://", "data:", "blob:"))
        else None,
    )
    yield pg
    context.close()
