"""Shared fixtures: the project root, a copy of the curriculum, and one full site build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads: curriculum, quizzes, docs, config, macros package."""
    for name in ("curriculum", "quizzes", "docs"):
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
