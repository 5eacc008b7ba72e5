"""MkDocs hooks: load the curriculum, add generated pages, write data files after the build.

Kept thin on purpose: all rendering lives in macros.render, all outputs in macros.export.
"""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

from mkdocs.structure.files import File, Files

from macros.export import data_outputs
from macros.export.hosts import check_no_outside_requests, check_page
from macros.render.engine import Context
from macros.render.pages import build_nav, generated_pages
from macros.site import edition, get_curriculum, load_for_build


LOCAL_SHIM = "assets/vendor/iframe-worker-shim.js"


def _root(config) -> Path:
    return Path(config["config_file_path"]).parent


def on_config(config):
    """Load and check the curriculum first, so a broken YAML file stops the build at once."""
    gc.unfreeze()  # `make serve` rebuilds: let the previous build's objects be collected
    cur = load_for_build(_root(config))
    docs = frozenset(p.name for p in Path(config["docs_dir"]).glob("*.md"))
    config["nav"] = build_nav(cur, edition(config), docs)
    dump = os.environ.get("COURSE_DUMP_MARKDOWN")
    if dump:  # the benchmark's plain build uses the same navigation
        Path(dump).mkdir(parents=True, exist_ok=True)
        (Path(dump) / "nav.json").write_text(json.dumps(config["nav"]), encoding="utf-8")
    if edition(config) == "trainer":
        config["site_name"] += " (trainer edition)"
    # The offline plugin adds iframe-worker from a CDN; use the vendored copy (MIT, from
    # npm) so the offline bundle's search makes no outside request.
    polyfills = config["extra"].get("polyfills") or []
    if any("iframe-worker" in p for p in polyfills):
        config["extra"]["polyfills"] = [
            LOCAL_SHIM if "iframe-worker" in p else p for p in polyfills
        ]
    return config


def on_serve(server, config, builder):
    """`make serve` rebuilds when a curriculum file, a quiz or a template changes."""
    root = _root(config)
    for folder in ("curriculum", "quizzes", "macros/templates"):
        server.watch(str(root / folder))
    return server


def on_files(files: Files, config) -> Files:
    """Add one virtual page per curriculum object."""
    cur = get_curriculum(_root(config))
    for src, page in generated_pages(cur, edition(config)).items():
        existing = files.get_file_from_path(src)
        if existing is not None:
            files.remove(existing)
        ctx = Context(page_src=src, edition=edition(config),
                      directory_urls=bool(config["use_directory_urls"]))
        files.append(File.generated(config, src, content=page.markdown(cur, ctx)))
    # The curriculum and the generated Markdown live until the build ends; keep them out
    # of the garbage collector's scans, which otherwise grow with the curriculum and slow
    # every page that follows.
    gc.freeze()
    return files


# Material's base template puts autocomplete="off" on its two checkbox toggles, which
# HTML does not allow on checkboxes (the Nu HTML Checker reports it); drop it.
_TOGGLES = tuple(
    (f'type="checkbox" id="{name}" autocomplete="off">', f'type="checkbox" id="{name}">')
    for name in ("__drawer", "__search")
)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """For the benchmark only: keep the Markdown as rendered by the macros."""
    dump = os.environ.get("COURSE_DUMP_MARKDOWN")
    if dump:
        target = Path(dump) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    return markdown


def on_post_page(output: str, page, config) -> str:
    """Make the theme's page chrome valid HTML."""
    for before, after in _TOGGLES:
        output = output.replace(before, after, 1)
    if page is not None:
        check_page(output, page.file.src_uri)
    return output


def on_post_build(config) -> None:
    """Write open-data files and refuse any page that loads assets from another host."""
    cur = get_curriculum(_root(config))
    site_dir = Path(config["site_dir"])
    not_found = site_dir / "404.html"  # a theme template, not a page: on_post_page misses it
    if not_found.exists():
        html = on_post_page(not_found.read_text(encoding="utf-8"), None, config)
        check_page(html, "404.html")
        not_found.write_text(html, encoding="utf-8")
    for output in data_outputs.OUTPUTS:
        output(cur, site_dir)
    # Pages were checked as they were written (on_post_page); here the theme's styles.
    check_no_outside_requests(site_dir, (".css",))
