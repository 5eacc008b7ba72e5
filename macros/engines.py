"""Engines: what turns a rendered Markdown tree into HTML.  Each is a thin adapter.

An engine gets a tree written by the render step (``docs/`` and ``mkdocs.yml``) and a
folder to build into; it sees only Markdown, assets and config.  MkDocs with Material is
the default; Zensical, Material's successor, reads the same config (with the classic
variant, which keeps Material's look).  Choose one with ``ENGINE=zensical make site``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import yaml

from .errors import BuildFailed

DEFAULT = "mkdocs"


def _run(cmd: list[str], cwd: Path, what: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        lines = [
            line
            for line in (result.stderr + result.stdout).splitlines()
            if line.strip() and "MkDocs 2" not in line
        ]
        raise BuildFailed("\n".join(lines[-30:]) or f"{what} failed")


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def build_mkdocs(config: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` of one tree."""
    _run(
        [_tool("mkdocs"), "build", "--quiet", "--strict", "-f", str(config), "-d", str(site_dir)],
        config.parent,
        "mkdocs build",
    )


def build_zensical(config: Path, site_dir: Path) -> None:
    """`zensical build` of one tree, with Material's classic look."""
    cfg = yaml.safe_load(config.read_text(encoding="utf-8"))
    cfg["theme"]["variant"] = "classic"
    cfg["site_dir"] = "zensical-site"  # Zensical builds only inside the project folder
    zconfig = config.with_name("zensical.yml")
    zconfig.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    built = config.parent / cfg["site_dir"]
    shutil.rmtree(built, ignore_errors=True)
    _run(
        [_tool("zensical"), "build", "--clean", "-f", str(zconfig)], config.parent, "zensical build"
    )
    shutil.rmtree(site_dir, ignore_errors=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(built), str(site_dir))


ENGINES: dict[str, Callable[[Path, Path], None]] = {
    "mkdocs": build_mkdocs,
    "zensical": build_zensical,
}
"""Every engine by name; an engine is a function (tree config, output folder)."""

PACKAGES = {"mkdocs": "mkdocs-material", "zensical": "zensical"}

LINK_BASE = {"mkdocs": "page", "zensical": "source"}
"""What each engine takes a relative address in raw HTML to start from: MkDocs leaves it
as written (relative to the built page), Zensical resolves it from the Markdown file's
folder.  The render step writes raw-HTML links the way the chosen engine reads them."""


def engine_name() -> str:
    """The engine chosen with the ENGINE variable (mkdocs by default)."""
    name = os.environ.get("ENGINE") or DEFAULT
    if name not in ENGINES:
        raise BuildFailed(f"ENGINE={name} is not an engine; use one of: {', '.join(ENGINES)}.")
    return name


def engine_version(name: str) -> str:
    """The installed version of an engine (part of the cache key of its outputs)."""
    try:
        return metadata.version(PACKAGES[name])
    except metadata.PackageNotFoundError as err:
        raise BuildFailed(
            f"ENGINE={name}: {PACKAGES[name]} is not installed. "
            f"Run: .venv/bin/pip install -e '.[{name}]'"
        ) from err
