"""`make site`: render → engine → outputs, built into a staging folder and swapped in only
when every step succeeds.

1. **check and render**: load and check the curriculum once, apply each language's
   catalogues (macros.i18n), render each edition (learner, trainer, offline) of each
   language to a plain-Markdown tree under build/tree/ (macros.render.tree);
2. **engine**: build the trees with the chosen engine (MkDocs by default, or
   ``ENGINE=zensical``), concurrently with the PDFs, one job per core; a tree whose digest
   did not change since the last build is not rebuilt, nor is a PDF whose print HTML did
   not change;
3. **outputs**: from the curriculum, whatever engine ran: data files, calendars, PDFs,
   the offline zips, the trainer edition's LMS files (question banks, and SCORM packages
   made from the offline pages), the final HTML checks (no request to another host).

English is site/ (trainer edition site/trainer/); French and Spanish are site/fr/ and
site/es/, each with both editions, its learner PDFs and its own offline zip.

A failure at any step, or Ctrl-C, leaves the last good site/ untouched.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .curriculum import Curriculum, load_curriculum
from .engines import ENGINES, engine_name, engine_version
from .errors import BuildFailed, CurriculumError
from .export.lms.files import LMS_FOLDER, write_question_banks
from .export.lms.scorm import write_scorm_packages
from .i18n import SOURCE, site_languages
from .i18n.apply import Translated, translate_or_fail
from .i18n.marks import finish_html
from .i18n.status import write_status_json
from .i18n.ui import offline_zip_name, use_language
from .render.tree import RenderedTree, default_build_dir, render_all, site_root
from .reproducible import source_date_epoch, write_zip

OFFLINE_FOLDER = "trade-gender-course"
"""The folder the offline zip unpacks to."""


@dataclass
class Step:
    """A timed step, for the build's short report."""

    name: str
    seconds: float = 0.0
    note: str = ""


# ------------------------------------------------------------------ engine, cached


def build_tree(engine: str, tree: RenderedTree, cache: Path) -> Path:
    """The engine's output for one tree, rebuilt only when the tree or engine changed."""
    out = cache / tree.lang / tree.edition.name
    key = f"{engine} {engine_version(engine)} {tree.digest}"
    stamp = out / ".course-build"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        return out
    shutil.rmtree(out, ignore_errors=True)
    ENGINES[engine](tree.config, out)
    stamp.write_text(key, encoding="utf-8")
    return out


# ------------------------------------------------------------------ PDFs, cached


PdfJob = tuple[str, bool, Path, Callable[[], None]]


def pdf_jobs(
    cur: Curriculum,
    cache: Path,
    lang: str = SOURCE,
    translated: dict[str, Translated] | None = None,
) -> list[PdfJob]:
    """One job per PDF: (file name, for trainers only, cached file, job to run if absent).

    English gets every book; another language its learner books.  A national pack is
    printed once, in the pack's own language when that language is built."""
    from weasyprint import __version__ as weasyprint_version

    from .export.pdf import books

    translated = translated or {}
    jobs: list[PdfJob] = []
    for name, book in books(cur).items():
        pack = cur.national.get(name.removeprefix("national/").removesuffix(".pdf"))
        if lang != SOURCE and (book.trainer or pack is not None):
            continue
        book_cur, book_lang = cur, lang
        if pack is not None and pack.language in translated:
            book_cur, book_lang = translated[pack.language].cur, pack.language
            book = books(book_cur)[name]
        html = _book_html(book_cur, book, book_lang)
        # The source date is printed in the PDF's metadata, so it is part of the key.
        stamp = source_date_epoch(cur.root)
        key = hashlib.sha256(f"{weasyprint_version}\0{stamp}\0{html}".encode()).hexdigest()[:32]
        target = cache / f"{key}.pdf"
        source = cache / f"{key}.html"

        def run(
            html: str = html, source: Path = source, target: Path = target, name: str = name
        ) -> None:
            source.write_text(html, encoding="utf-8")
            partial = target.with_suffix(".part")
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "macros.export.pdf",
                    str(source),
                    str(partial),
                    str(cur.root),
                ],
                capture_output=True,
                text=True,
            )
            source.unlink(missing_ok=True)
            if result.returncode != 0:
                raise BuildFailed(
                    f"PDF {name}: "
                    + (result.stderr.strip().splitlines() or ["WeasyPrint failed"])[-1]
                )
            partial.replace(target)

        jobs.append((name, book.trainer, target, run))
    return jobs


def _book_html(cur: Curriculum, book, lang: str) -> str:
    from .export.pdf import render_book

    with use_language(lang, cur.root):
        return finish_html(render_book(cur, book))


# ------------------------------------------------------------------ outputs


def finish_pages(site_dir: Path) -> None:
    """Engine-independent checks and fixes of the built HTML: valid theme chrome, and no
    page or style that loads anything from another host."""
    from .export.hosts import check_no_outside_requests, fix_theme_chrome, wrap_tables

    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = wrap_tables(fix_theme_chrome(text))
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    try:
        check_no_outside_requests(site_dir)
    except Exception as err:  # the check's own error names every page
        raise BuildFailed(str(err)) from err


def write_data(cur: Curriculum, site_dir: Path) -> None:
    """Every open-data output (JSON, CSV, calendars, schemas) into one built site."""
    from .export import data_outputs

    for output in data_outputs.OUTPUTS:
        output(cur, site_dir)


def zip_folder(target: Path, folder: Path, prefix: str, epoch: int) -> Path:
    """A reproducible zip of ``folder``, its entries under ``prefix/``."""
    files = [
        (f"{prefix}/{p.relative_to(folder).as_posix()}", p)
        for p in folder.rglob("*")
        if p.is_file()
    ]
    return write_zip(target, files, epoch)


def copy_site(source: Path, target: Path) -> None:
    """An engine's output copied into the stage (without the build stamp)."""
    shutil.copytree(
        source, target, ignore=shutil.ignore_patterns(".course-build"), dirs_exist_ok=True
    )


# ------------------------------------------------------------------ the build


@contextmanager
def build_lock(site: Path) -> Iterator[None]:
    """One build of a site at a time: a second one waits, and says so."""
    lock_path = site.parent / f".{site.name}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"Another build of {site.name}/ is running; waiting for it to finish...",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_site(
    root: Path,
    out: Path | None = None,
    *,
    with_pdf: bool = True,
    with_offline: bool = True,
    report: list[Step] | None = None,
) -> Path:
    """Build everything into a staging folder, then replace ``out`` (site/) in one move."""
    root = root.resolve()
    site = (out or root / "site").resolve()
    steps = report if report is not None else []
    with build_lock(site):
        stage = Path(tempfile.mkdtemp(prefix=f"{site.name}.stage-", dir=site.parent))
        try:
            _build_into(root, stage, with_pdf=with_pdf, with_offline=with_offline, steps=steps)
            _swap(stage, site)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return site


def _timed(steps: list[Step], name: str, started: float, note: str = "") -> None:
    steps.append(Step(name, time.perf_counter() - started, note))


def _build_into(
    root: Path, stage: Path, *, with_pdf: bool, with_offline: bool, steps: list[Step]
) -> None:
    build = default_build_dir(root)
    engine = engine_name()
    epoch = source_date_epoch(root)
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # the engines' own dates (sitemap)

    started = time.perf_counter()
    cur = load_curriculum(root)
    langs = site_languages(root)
    translated = {lang: translate_or_fail(cur, lang) for lang in langs}
    editions = ["learner", "trainer"] + (["offline"] if with_offline else [])
    trees = {
        lang: render_all(
            translated[lang].cur, root, build, editions, lang=lang, engine=engine, langs=langs
        )
        for lang in langs
    }
    _timed(steps, "check and render", started, f"{len(langs)} languages: {' '.join(langs)}")

    started = time.perf_counter()
    cache = build / "engine" / engine
    pdf_cache = build / "pdf"
    pdf_cache.mkdir(parents=True, exist_ok=True)
    jobs = {
        lang: pdf_jobs(translated[lang].cur, pdf_cache, lang, translated) if with_pdf else []
        for lang in langs
    }
    every_job = [job for lang_jobs in jobs.values() for job in lang_jobs]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        # PDFs first: they are the longest jobs, so the engines fill in around them.
        pdf_futures = [pool.submit(run) for _, _, target, run in every_job if not target.is_file()]
        built: dict[tuple[str, str], Future] = {
            (lang, name): pool.submit(build_tree, engine, tree, cache)
            for lang, lang_trees in trees.items()
            for name, tree in lang_trees.items()
        }
        outputs = {key: future.result() for key, future in built.items()}
        for future in pdf_futures:
            future.result()
    _timed(
        steps,
        f"{engine} and PDFs",
        started,
        f"{len(pdf_futures)} of {len(every_job)} PDFs rebuilt" if with_pdf else "",
    )

    started = time.perf_counter()
    status = _status(trees)
    shared = [job for job in jobs.get(SOURCE, []) if job[1] or job[0].startswith("national/")]
    for lang in langs:
        home = stage / site_root(lang, "learner") if lang != SOURCE else stage
        lang_jobs = jobs[lang] + (shared if lang != SOURCE else [])
        copy_site(outputs[(lang, "learner")], home)
        copy_site(outputs[(lang, "trainer")], home / "trainer")
        # A host serves only the site's top 404.html; the trainer edition's own one would
        # link its navigation from the site root, where trainer pages are not.
        (home / "trainer" / "404.html").unlink(missing_ok=True)
        for folder in (home, home / "trainer"):
            write_data(cur, folder)
        if status:  # it names trainer-only pages: the trainer edition only
            write_status_json(status, home / "trainer")
        with use_language(lang, cur.root):
            write_question_banks(translated[lang].cur, home / "trainer" / LMS_FOLDER)
        for name, trainer_only, target, _ in lang_jobs:
            where = home / "trainer" / "downloads" if trainer_only else home / "downloads"
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, where / name)
        if with_offline:
            with tempfile.TemporaryDirectory(dir=build) as tmp:
                offline = Path(tmp) / "offline"
                copy_site(outputs[(lang, "offline")], offline)
                write_data(cur, offline)
                for name, trainer_only, target, _ in lang_jobs:
                    if not trainer_only:
                        (offline / "downloads" / name).parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(target, offline / "downloads" / name)
                finish_pages(offline)
                prefix = OFFLINE_FOLDER if lang == SOURCE else f"{OFFLINE_FOLDER}-{lang}"
                zip_folder(home / "downloads" / offline_zip_name(lang), offline, prefix, epoch)
                write_scorm_packages(
                    translated[lang].cur, offline, home / "trainer" / LMS_FOLDER, epoch
                )
    finish_pages(stage)
    _timed(steps, "outputs", started)


def _status(trees: dict[str, dict[str, RenderedTree]]) -> dict:
    """Each translated language's status, from its trainer edition's render."""
    from .i18n.status import status_data

    return status_data(
        {
            lang: (t["trainer"].counts, t["trainer"].titles)
            for lang, t in trees.items()
            if lang != SOURCE and "trainer" in t
        }
    )


def _swap(stage: Path, site: Path) -> None:
    """Replace site/ with the stage in two renames (under the build lock)."""
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    stage.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def main_site(root: Path, **kwargs) -> int:
    """CLI wrapper: one clear report, never a traceback, for curriculum problems."""
    steps: list[Step] = []
    started = time.perf_counter()
    try:
        build_site(root, report=steps, **kwargs)
    except (CurriculumError, BuildFailed) as err:
        print(err, file=sys.stderr)
        print("The site was not rebuilt; site/ still holds the last good build.", file=sys.stderr)
        return 2 if isinstance(err, CurriculumError) else 1
    except KeyboardInterrupt:
        print("\nBuild interrupted; site/ still holds the last good build.", file=sys.stderr)
        return 130
    except OSError as err:  # a full disk, a folder without write permission...
        print(
            f"The build could not read or write a file: {err.strerror or err} "
            f"({err.filename or 'no file name'}). Free some space or fix the permission, "
            "then run it again.",
            file=sys.stderr,
        )
        print("The site was not rebuilt; site/ still holds the last good build.", file=sys.stderr)
        return 1
    for step in steps:
        note = f" ({step.note})" if step.note else ""
        print(f"  {step.name}: {step.seconds:.1f} s{note}")
    others = [lang for lang in site_languages(root) if lang != SOURCE]
    also = "".join(f", site/{lang}/" for lang in others)
    print(
        f"site/ is ready in {time.perf_counter() - started:.1f} s: learner site, "
        f"site/trainer/, site/downloads/ and site/data/{also}."
    )
    return 0


def main_pdf(root: Path) -> int:
    """`make pdf`: the PDFs alone, into site/downloads/ (trainer guide: site/trainer/downloads/)."""
    from .export.pdf import books, render_book, write_pdf

    try:
        cur = load_curriculum(root)
    except CurriculumError as err:
        print(err, file=sys.stderr)
        return 2
    for name, book in books(cur).items():
        where = root / "site" / ("trainer/downloads" if book.trainer else "downloads")
        path = write_pdf(render_book(cur, book), where / name)
        print(f"wrote {path.relative_to(root)}")
    return 0
