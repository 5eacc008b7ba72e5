"""Outputs that are the same bytes when built twice from the same commit.

One date stands for "when this was built": SOURCE_DATE_EPOCH when set (the convention of
reproducible builds), else the date of the last commit, else a fixed constant.  Zips list
their entries sorted, with that date and fixed permissions.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import zipfile
from collections.abc import Iterable
from pathlib import Path

FALLBACK_EPOCH = 1_609_459_200
"""2021-01-01 00:00 UTC, the start of the programme's strategy; used outside git."""

ZIP_EPOCH_MIN = 315_532_800
"""1980-01-01 00:00 UTC: the zip format cannot store an earlier date."""


def source_date_epoch(root: Path | str = ".") -> int:
    """SOURCE_DATE_EPOCH, else the last commit's time in ``root``, else FALLBACK_EPOCH."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH
    out = result.stdout.strip()
    return int(out) if result.returncode == 0 and out.isdigit() else FALLBACK_EPOCH


def source_date(root: Path | str = ".") -> dt.datetime:
    """``source_date_epoch`` as an aware UTC datetime."""
    return dt.datetime.fromtimestamp(source_date_epoch(root), tz=dt.timezone.utc)


def write_zip(target: Path, files: Iterable[tuple[str, Path]], epoch: int | None = None) -> Path:
    """Write ``(name in the zip, file on disk)`` pairs to ``target``: entries sorted by
    name, every timestamp ``epoch`` (default: source_date_epoch of the current folder),
    permissions 0644, no extra fields."""
    when = max(source_date_epoch() if epoch is None else epoch, ZIP_EPOCH_MIN)
    stamp = dt.datetime.fromtimestamp(when, tz=dt.timezone.utc).timetuple()[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, path in sorted(files, key=lambda item: item[0]):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100644 & 0xFFFF) << 16
            info.create_system = 3  # Unix, so that the permissions above are read
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    return target
