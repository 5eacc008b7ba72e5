"""The same commit gives the same bytes: PDFs, zips and the source date they carry."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import zipfile
from pathlib import Path

from macros.reproducible import FALLBACK_EPOCH, source_date_epoch, write_zip

ROOT = Path(__file__).resolve().parent.parent


def test_source_date_from_the_environment(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_date_epoch(ROOT) == 1_700_000_000


def test_source_date_from_the_last_commit(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE="@1650000000 +0000",
        GIT_COMMITTER_DATE="@1650000000 +0000",
        GIT_AUTHOR_NAME="a",
        GIT_AUTHOR_EMAIL="a@example.org",
        GIT_COMMITTER_NAME="a",
        GIT_COMMITTER_EMAIL="a@example.org",
    )
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env=env)
    subprocess.run(
        ["git", "-C", str(tmp_path), "commit", "-q", "--allow-empty", "-m", "x"],
        check=True,
        env=env,
    )
    assert source_date_epoch(tmp_path) == 1_650_000_000


def test_source_date_outside_git(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert source_date_epoch(tmp_path) == FALLBACK_EPOCH


def test_zip_is_the_same_whatever_the_file_times_and_order(tmp_path):
    files = []
    for name in ("b.txt", "a/c.txt", "a.txt"):
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")
        files.append((name, path))
    first = write_zip(tmp_path / "one.zip", files, epoch=1_700_000_000)
    for _, path in files:
        os.utime(path, (1_000_000_000, 1_000_000_000))
        path.chmod(0o600)
    second = write_zip(tmp_path / "two.zip", list(reversed(files)), epoch=1_700_000_000)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(n for n, _ in files)
    stamp = dt.datetime.fromtimestamp(1_700_000_000, tz=dt.timezone.utc).timetuple()[:6]
    assert all(i.date_time == stamp for i in infos)
    assert all((i.external_attr >> 16) & 0o777 == 0o644 for i in infos)


def test_pdfs_built_twice_are_the_same_bytes(monkeypatch, tmp_path):
    """The smallest book of the curriculum, written twice, with its dates from the source."""
    from pypdf import PdfReader

    from macros.curriculum import load_curriculum
    from macros.export.pdf import books, render_book, write_pdf

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    cur = load_curriculum(ROOT)
    all_books = books(cur)
    name = min(all_books, key=lambda n: len(render_book(cur, all_books[n])))
    html = render_book(cur, all_books[name])
    first = write_pdf(html, tmp_path / "one.pdf", ROOT)
    second = write_pdf(render_book(cur, all_books[name]), tmp_path / "two.pdf", ROOT)
    assert first.read_bytes() == second.read_bytes()
    meta = PdfReader(first).metadata
    when = dt.datetime.fromtimestamp(1_700_000_000, tz=dt.timezone.utc)
    assert meta.creation_date == when and meta.modification_date == when
    from macros.edition import edition_date

    assert f"Edition {edition_date(ROOT)}" in html  # the cover shows the content's date
