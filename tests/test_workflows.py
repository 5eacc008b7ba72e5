"""The GitHub workflows: linted by zizmor, actions pinned by commit, no stored credentials."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _zizmor() -> str:
    found = shutil.which("zizmor") or str(Path(sys.executable).with_name("zizmor"))
    if not Path(found).exists():
        pytest.fail("zizmor is not installed: run 'make setup' (it is in the test extra)")
    return found


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [_zizmor(), "--offline", ".github/workflows/"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_is_locked_down(path: Path):
    text = path.read_text(encoding="utf-8")
    flow = yaml.safe_load(text)
    assert flow["permissions"] == {}, "grant permissions per job, none at the top"
    for line in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", line), f"pin {line} by commit"
    for job in flow["jobs"].values():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    assert "gh-deploy" not in text


def test_pull_requests_check_test_and_offer_the_offline_site():
    text = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    for needed in (
        "make check",
        "make test",
        "site/downloads/offline-site.zip",
        "rossjrw/pr-preview-action@",
        "qr-code: false",
    ):
        assert needed in text, needed
    publish = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert "branches: [main]" in publish
    # main and the previews share the gh-pages branch: publishing must keep the previews
    assert "branch: gh-pages" in publish and "clean-exclude: pr-preview/" in publish
