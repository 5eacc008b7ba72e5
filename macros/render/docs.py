"""Hand-written pages of docs/: their macros expanded by mkdocs-macros, outside any engine.

mkdocs-macros stays the way trainers call macros (``{{ quiz("s4") }}``), with the
project's settings from mkdocs.yml (``on_undefined: strict``, ``on_error_fail: true``);
the render step runs it here once per page so the engine never needs the plugin.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from ..curriculum import Curriculum
from ..errors import BuildFailed
from .engine import Context


@lru_cache(maxsize=4)
def _macros_plugin(config_file: str):
    """The mkdocs-macros plugin with the options the project's mkdocs.yml gives it (once per
    process).  Only the plugin is set up, not a whole MkDocs config: no theme, no engine."""
    import yaml
    from mkdocs_macros.plugin import MacrosPlugin

    # mkdocs-macros logs its set-up at INFO; a build should print only what matters.
    logging.getLogger("mkdocs.plugins.macros").setLevel(logging.WARNING)
    path = Path(config_file)
    base = yaml.safe_load(path.read_text(encoding="utf-8"))
    options = (
        next(
            (p["macros"] for p in base.get("plugins", []) if isinstance(p, dict) and "macros" in p),
            {},
        )
        or {}
    )
    plugin = MacrosPlugin()
    errors, _ = plugin.load_config(options, config_file_path=str(path))
    if errors:
        raise BuildFailed(f"mkdocs.yml: macros plugin options: {errors[0][0]}: {errors[0][1]}")
    config = dict(
        base,
        config_file_path=str(path),
        extra=base.get("extra") or {},
        docs_dir=str(path.parent / base.get("docs_dir", "docs")),
    )
    plugin.on_config(config)
    return plugin


_PAGE: dict[str, object] = {}
"""The curriculum and context of the page being expanded.  mkdocs-macros loads
macros/main.py by its path, as a module of its own, so the binding lives here."""


def current_page() -> tuple[Curriculum, Context]:
    """The curriculum and page context the macros render for."""
    return _PAGE["cur"], _PAGE["ctx"]  # type: ignore[return-value]


def expand_macros(cur: Curriculum, ctx: Context, src: str, body: str, meta: dict) -> str:
    """The page body with every ``{{ macro(...) }}`` replaced by what it renders."""
    if "{{" not in body and "{%" not in body:
        return body
    plugin = _macros_plugin(str(Path(cur.root) / "mkdocs.yml"))
    _PAGE.update(cur=cur, ctx=ctx)
    page = SimpleNamespace(
        meta=meta, title=meta.get("title", ""), file=SimpleNamespace(src_path=src, src_uri=src)
    )
    plugin._page = page
    plugin.variables["page"] = page
    try:
        return plugin.render(body, force_rendering=True)
    except SystemExit as err:  # mkdocs-macros exits on a failed macro (on_error_fail)
        raise BuildFailed(
            f"docs/{src}: a macro on this page failed (the lines above say which). "
            "Check the macro's name and arguments against the contributor guide."
        ) from err
