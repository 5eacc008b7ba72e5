"""`make bench`: how build time, memory and page size grow with the curriculum.

Builds synthetic curricula at 1x, 10x and 50x the real one (sessions, quizzes,
indicators, policies) and the policy database alone at 20, 500 and 5,000 entries;
compares each full build with a plain mkdocs-material build of the same rendered
Markdown (the cost of this project's layer); times the PDFs.  Writes the table to
stdout, and docs/benchmark.md with an SVG chart in docs/assets/benchmark.svg.
"""

from __future__ import annotations

import copy
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from .curriculum import discover
from .loader import load_file

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """
import resource, sys, time
from mkdocs.__main__ import cli
started = time.perf_counter()
cli(["build", "-q", "-f", sys.argv[1], "-d", sys.argv[2]], standalone_mode=False)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
"""Time one build through the mkdocs command line (as `make site` runs it), in a fresh
process whose peak memory is its own."""


@dataclass
class Result:
    name: str
    sessions: int
    quizzes: int
    indicators: int
    policies: int
    pages: int
    seconds: float
    peak_mb: float
    site_mb: float
    largest_kb: float
    policy_page_kb: float
    plain_seconds: float

    @property
    def ratio(self) -> float:
        return self.seconds / self.plain_seconds if self.plain_seconds else 0.0


def _dump(data, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_project(dest: Path, scale: int, policies: int | None = None) -> Path:
    """A copy of the project with the curriculum multiplied ``scale`` times."""
    for name in ("curriculum", "quizzes", "docs"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "macros").symlink_to(ROOT / "macros")
    docs = {path: load_file(path, ROOT) for path, _ in discover(ROOT)}
    data = {path.relative_to(ROOT).as_posix(): d.data for path, d in docs.items()}
    programme = data["curriculum/programme.yml"]
    sessions = {k: v for k, v in data.items() if k.startswith("curriculum/sessions/")}
    order = list(programme["order"]["sessions"])
    for k in range(2, scale + 1):
        for path, session in sessions.items():
            sid = session["id"]
            new = copy.deepcopy(session)
            new["id"] = f"{sid}x{k}"
            new["number"] = session["number"] + 8 * (k - 1)
            for o in new["objectives"]:
                o["id"] = f"{o['id']}x{k}"
            new["quiz"] = f"{session['quiz']}x{k}"
            _dump(new, dest / "curriculum/sessions" / f"{new['id']}.yml")
            quiz = copy.deepcopy(data[f"quizzes/{session['quiz']}.yml"])
            quiz["id"] = new["quiz"]
            for q in quiz["questions"]:
                page, _, anchor = q["teaches"].partition("#")
                q["teaches"] = f"{new['id']}#{anchor}" if anchor else new["id"]
                if q.get("objective"):
                    q["objective"] = f"{q['objective']}x{k}"
            _dump(quiz, dest / "quizzes" / f"{quiz['id']}.yml")
            order.append(new["id"])
        for path, item in data.items():
            if path.startswith("curriculum/indicators/"):
                new = dict(item, id=f"{item['id']}-x{k}")
                _dump(new, dest / "curriculum/indicators" / f"{new['id']}.yml")
    programme = copy.deepcopy(programme)
    programme["order"]["sessions"] = order
    _dump(programme, dest / "curriculum/programme.yml")
    real = [v for k, v in data.items() if k.startswith("curriculum/policies/")]
    wanted = policies if policies is not None else len(real) * scale
    for i in range(len(real), wanted):
        base = real[i % len(real)]
        new = dict(base, id=f"{base['id']}-x{i}", title=f"{base['title']} ({i})")
        _dump(new, dest / "curriculum/policies" / f"{new['id']}.yml")
    return dest


def _measure_build(project: Path, config: Path, out: Path, env: dict) -> tuple[float, float]:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(config), str(out)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}{result.stdout[-2000:]}")
    seconds, rss = result.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(rss) / 1024


def _plain_config(project: Path, dump: Path) -> Path:
    """mkdocs.yml for a plain Material build of the already-rendered Markdown, with the
    same theme settings, Markdown extensions and navigation as the full build."""
    shutil.copytree(project / "docs/assets", dump / "assets", dirs_exist_ok=True)
    config = {
        "site_name": "WTO Trade and Gender Training",
        "docs_dir": str(dump),
        "theme": {"name": "material", "language": "en", "font": False,
                  "palette": {"scheme": "default", "primary": "custom", "accent": "custom"},
                  "features": ["content.tooltips", "navigation.footer", "navigation.top",
                               "search.highlight"]},
        "plugins": ["search"],
        "extra_css": ["assets/course.css"],
        "extra_javascript": ["assets/quiz.js"],
        "markdown_extensions": ["abbr", "admonition", "attr_list", "def_list", "md_in_html",
                                "tables", {"toc": {"permalink": True}}, "pymdownx.details"],
        "nav": json.loads((dump / "nav.json").read_text()),
        "not_in_nav": "/policies/*.md\n/policies/countries/*.md\n",
    }
    path = project / "plain.yml"
    path.write_text(json.dumps(config), encoding="utf-8")  # JSON is valid YAML
    return path


def measure(name: str, scale: int, policies: int | None = None) -> Result:
    """Build one synthetic curriculum fully and plainly; collect the numbers."""
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p", scale, policies)
        dump = Path(tmp) / "rendered"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", COURSE_DUMP_MARKDOWN=str(dump))
        out = Path(tmp) / "site"
        seconds, peak = _measure_build(project, project / "mkdocs.yml", out, env)
        env.pop("COURSE_DUMP_MARKDOWN")
        plain_config = _plain_config(project, dump)
        plain, _ = _measure_build(project, plain_config, Path(tmp) / "plain", env)
        # Small builds last a few seconds, where one run is noisy: keep the best of three.
        for _ in range(2 if seconds < 20 else 0):
            seconds = min(seconds, _measure_build(project, project / "mkdocs.yml", out, env)[0])
            plain = min(plain, _measure_build(project, plain_config, Path(tmp) / "plain", env)[0])
        pages = list(out.rglob("*.html"))
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        largest = max(len(gzip.compress(p.read_bytes(), 9)) for p in pages)
        policy_page = len(gzip.compress((out / "policies/index.html").read_bytes(), 9))
        count = lambda folder: len(list((project / folder).glob("[!_]*.yml")))  # noqa: E731
        return Result(name, count("curriculum/sessions"), count("quizzes"),
                      count("curriculum/indicators"), count("curriculum/policies"), len(pages),
                      seconds, peak, size / 1e6, largest / 1024, policy_page / 1024, plain)


def measure_pdfs() -> tuple[float, float]:
    """Seconds and megabytes for the PDFs of the real curriculum."""
    from .curriculum import load_curriculum
    from .export.pdf import export_pdfs

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        paths = export_pdfs(load_curriculum(ROOT), Path(tmp))
        return time.perf_counter() - started, sum(p.stat().st_size for p in paths) / 1e6


def format_table(results: list[Result]) -> str:
    """The results as a Markdown table."""
    head = ("| Curriculum | Sessions | Quizzes | Indicators | Policies | Pages | Build (s) | "
            "Plain Material (s) | Ratio | Peak memory (MB) | Site (MB) | Largest page (KB gz) | "
            "Policy table page (KB gz) |\n" + "| --- " * 13 + "|")
    rows = [
        f"| {r.name} | {r.sessions} | {r.quizzes} | {r.indicators} | {r.policies} | {r.pages} | "
        f"{r.seconds:.1f} | {r.plain_seconds:.1f} | {r.ratio:.2f} | {r.peak_mb:.0f} | "
        f"{r.site_mb:.1f} | {r.largest_kb:.1f} | {r.policy_page_kb:.1f} |"
        for r in results
    ]
    return "\n".join([head, *rows])


def render_chart(results: list[Result]) -> str:
    """An SVG chart: build time of the full and the plain build against page count."""
    width, height, pad = 640, 320, 50
    max_pages = max(r.pages for r in results)
    max_s = max(max(r.seconds, r.plain_seconds) for r in results) * 1.1
    x = lambda p: pad + (width - 2 * pad) * p / max_pages  # noqa: E731
    y = lambda s: height - pad - (height - 2 * pad) * s / max_s  # noqa: E731
    pts = sorted(results, key=lambda r: r.pages)
    full = " ".join(f"{x(r.pages):.1f},{y(r.seconds):.1f}" for r in pts)
    plain = " ".join(f"{x(r.pages):.1f},{y(r.plain_seconds):.1f}" for r in pts)
    labels = "".join(
        f'<text x="{x(r.pages):.1f}" y="{height - pad + 16}" font-size="11" '
        f'text-anchor="middle">{r.pages}</text>' for r in pts)
    ticks = "".join(
        f'<text x="{pad - 6}" y="{y(t):.1f}" font-size="11" text-anchor="end">{t:.0f}</text>'
        for t in (0, max_s / 2, max_s))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="bench-t"><title id="bench-t">Build time in seconds against the '
        f'number of pages: full build and plain Material build</title>'
        f'<rect width="{width}" height="{height}" fill="#fff"/>'
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
        f'stroke="#333"/><line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="#333"/>'
        f'<polyline points="{full}" fill="none" stroke="#0b4f71" stroke-width="3"/>'
        f'<polyline points="{plain}" fill="none" stroke="#8a1c47" stroke-width="3" '
        f'stroke-dasharray="6 4"/>{labels}{ticks}'
        f'<text x="{width / 2}" y="{height - 10}" font-size="12" text-anchor="middle">pages</text>'
        f'<text x="{pad + 10}" y="{pad - 20}" font-size="12" fill="#0b4f71">— full build (s)</text>'
        f'<text x="{pad + 170}" y="{pad - 20}" font-size="12" fill="#8a1c47">- - plain Material '
        f'build (s)</text></svg>\n'
    )


def write_report(results: list[Result], pdf: tuple[float, float]) -> None:
    """docs/benchmark.md and docs/assets/benchmark.svg."""
    (ROOT / "docs/assets/benchmark.svg").write_text(render_chart(results), encoding="utf-8")
    base = results[0]
    text = f"""---
title: Benchmark
edition: trainer
---

# Benchmark

Written by `make bench` on a 2-core machine. Build times under 20 s are the best of
three runs; longer ones come from one run. Each row is
a synthetic curriculum: the real one multiplied (sessions with their quizzes, indicators,
policies), or the real one with a policy database of the given size. *Build* is the full
learner build (macros, generated pages, data files, checks); *plain Material* builds the
same rendered Markdown with mkdocs-material alone, so the *ratio* is the cost of this
project's layer. Memory is the peak resident size of the build process.

{format_table(results)}

![Build time against the number of pages](assets/benchmark.svg)

PDFs of the real curriculum (participant handbook, trainer guide, national packs):
{pdf[0]:.1f} s, {pdf[1]:.1f} MB in all.

The policy table page does not grow with the database: its rows load from
`data/policies.json`, and policy pages stay out of the navigation and the site search
(real curriculum: {base.policy_page_kb:.1f} KB compressed).
"""
    (ROOT / "docs/benchmark.md").write_text(text, encoding="utf-8")


def main() -> int:
    """Run every scale, print the table, write the report."""
    plan = [("1x", 1, None), ("10x", 10, None), ("50x", 50, None),
            ("policies 20", 1, 20), ("policies 500", 1, 500), ("policies 5,000", 1, 5000)]
    only = os.environ.get("BENCH_ONLY")
    results = []
    for name, scale, policies in plan:
        if only and name not in only.split(","):
            continue
        print(f"building {name} ...", flush=True)
        results.append(measure(name, scale, policies))
    pdf = measure_pdfs() if not os.environ.get("BENCH_NO_PDF") else (0.0, 0.0)
    print(format_table(results))
    print(f"PDFs: {pdf[0]:.1f} s, {pdf[1]:.1f} MB")
    write_report(results, pdf)
    print("wrote docs/benchmark.md and docs/assets/benchmark.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
