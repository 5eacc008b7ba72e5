"""`make site`: every output, built into a staging folder and swapped in only when all succeed.

Order: check the curriculum, learner site, trainer edition (site/trainer/), offline
bundle (zip), PDFs.  A failure at any step leaves the last good site/ untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from .curriculum import load_curriculum
from .errors import CurriculumError


def run_mkdocs(root: Path, site_dir: Path, **env: str) -> None:
    """One `mkdocs build` in a subprocess (each edition gets a fresh plugin state)."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--quiet", "--strict", "-f", str(root / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=root, env=environ, capture_output=True, text=True,
    )
    if result.returncode != 0:
        message = "\n".join(
            line for line in (result.stderr + result.stdout).splitlines()
            if line.strip() and "MkDocs 2" not in line
        )
        raise BuildFailed(message or "mkdocs build failed")


class BuildFailed(Exception):
    """A step of the build failed; the message is for the person running it."""


def export_offline_zip(root: Path, stage: Path) -> Path:
    """The learner site built for file:// and zipped, for USB sticks and no connection."""
    offline_dir = stage.parent / (stage.name + "-offline")
    shutil.rmtree(offline_dir, ignore_errors=True)
    run_mkdocs(root, offline_dir, OFFLINE="true", EDITION="learner")
    target = stage / "downloads" / "offline-site.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(offline_dir.rglob("*")):
            if path.is_file() and path.suffix not in (".pdf", ".zip"):
                zf.write(path, Path("trade-gender-course") / path.relative_to(offline_dir))
    return target


def build_site(root: Path, out: Path | None = None, *, with_pdf: bool = True,
               with_offline: bool = True) -> Path:
    """Build everything into a staging folder, then replace ``out`` (site/) in one move."""
    cur = load_curriculum(root)
    site = out or root / "site"
    stage = site.parent / (site.name + ".stage")
    shutil.rmtree(stage, ignore_errors=True)
    steps = [("learner site", lambda: run_mkdocs(root, stage, EDITION="learner")),
             ("trainer edition", lambda: run_mkdocs(root, stage / "trainer", EDITION="trainer"))]
    if with_offline:
        steps.append(("offline bundle", lambda: export_offline_zip(root, stage)))
    if with_pdf:
        from .export.pdf import export_pdfs

        steps.append(("PDFs", lambda: export_pdfs(cur, stage / "downloads")))
    for name, step in steps:
        started = time.perf_counter()
        step()
        print(f"  {name}: {time.perf_counter() - started:.1f} s")
    shutil.rmtree(stage.parent / (stage.name + "-offline"), ignore_errors=True)
    old = site.parent / (site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    stage.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return site


def main_site(root: Path, **kwargs) -> int:
    """CLI wrapper: one clear report, never a traceback, for curriculum problems."""
    try:
        build_site(root, **kwargs)
    except (CurriculumError, BuildFailed) as err:
        print(err, file=sys.stderr)
        print("The site was not rebuilt; site/ still holds the last good build.", file=sys.stderr)
        return 1
    print("site/ is ready: learner site, site/trainer/, site/downloads/ and site/data/.")
    return 0


def main_pdf(root: Path) -> int:
    """`make pdf`: the PDFs alone, into site/downloads/."""
    from .export.pdf import export_pdfs

    try:
        cur = load_curriculum(root)
    except CurriculumError as err:
        print(err, file=sys.stderr)
        return 1
    for path in export_pdfs(cur, root / "site" / "downloads"):
        print(f"wrote {path.relative_to(root)}")
    return 0
