"""The render step: the curriculum as a plain-Markdown tree that any engine can build.

For each edition this writes ``build/tree/<lang>/<edition>/`` with

- ``docs/``: every generated page, every hand-written page of ``docs/`` with its macros
  expanded (by mkdocs-macros, the way trainers call them), and the assets;
- ``mkdocs.yml``: the engine config, made from the project's ``mkdocs.yml`` with the
  navigation filled in and nothing an engine must run (no hooks, no macros plugin).

This is the one place that turns the model into pages.  A file whose content did not
change is not rewritten, so an engine's own caches and ``make serve`` see only real edits.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import posixpath
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..curriculum import Curriculum
from ..i18n import NAMES, SOURCE
from ..i18n.marks import PageCount, finish_markdown, strip_marks
from ..i18n.ui import TEXTS, gettext, use_language
from .engine import Context
from .pages import build_nav, generated_pages


@dataclass(frozen=True)
class Edition:
    """One rendering of the site: who it is for and how its links work."""

    name: str
    audience: str  # "learner" or "trainer"
    offline: bool = False

    @property
    def directory_urls(self) -> bool:
        return not self.offline


EDITIONS: dict[str, Edition] = {
    "learner": Edition("learner", "learner"),
    "trainer": Edition("trainer", "trainer"),
    "offline": Edition("offline", "learner", offline=True),
}
"""Every edition `make site` builds: the learner site, the trainer edition (site/trainer/)
and the learner site for file:// (the offline bundle)."""

OFFLINE_SHIM = "assets/vendor/iframe-worker-shim.js"
ENGINE_ONLY_PLUGINS = ("macros",)
"""Plugins the render step runs itself; the engine config leaves them out."""


@dataclass
class RenderedTree:
    """A rendered tree: where its config is and a hash of everything in it."""

    edition: Edition
    root: Path
    digest: str
    lang: str = SOURCE
    counts: dict[str, PageCount] = field(default_factory=dict)
    """Words and entries per translation state, by page (languages other than English)."""
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def load_base_config(root: Path) -> dict:
    """The project's mkdocs.yml as data (it holds no tags that need MkDocs to read)."""
    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))


def site_root(lang: str, audience: str) -> str:
    """Where a language's edition lives in site/: '', 'trainer', 'fr', 'fr/trainer'."""
    parts = ([] if lang == SOURCE else [lang]) + (["trainer"] if audience == "trainer" else [])
    return "/".join(parts)


def alternates(lang: str, audience: str, langs: list[str]) -> list[dict]:
    """The language switcher's entries: each language's same edition, as a path from this
    edition's root (the theme adds the page's own path)."""
    here = site_root(lang, audience) or "."
    return [
        {
            "name": NAMES[other],
            "lang": other,
            "root": posixpath.relpath(site_root(other, audience) or ".", here),
        }
        for other in langs
    ]


def translate_nav(nav: list) -> list:
    """Navigation labels in the language being rendered (no marks: labels are plain)."""
    out: list = []
    for item in nav:
        if isinstance(item, dict):
            out.append(
                {
                    strip_marks(gettext(label) if label in TEXTS else label): translate_nav(value)
                    if isinstance(value, list)
                    else value
                    for label, value in item.items()
                }
            )
        else:
            out.append(item)
    return out


def engine_config(
    base: dict,
    root: Path,
    edition: Edition,
    nav: list,
    lang: str = SOURCE,
    langs: list[str] | None = None,
) -> dict:
    """The config an engine gets for one edition: the base config, this edition's nav and
    settings, and no plugin or hook that would run curriculum code inside the engine."""
    cfg = {k: v for k, v in base.items() if k not in ("hooks", "docs_dir", "site_dir")}
    cfg["docs_dir"] = "docs"
    cfg["site_dir"] = "site"
    cfg["nav"] = nav
    theme = dict(cfg.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    theme["language"] = lang  # the theme's own strings and the search index's stemming
    cfg["theme"] = theme
    if lang != SOURCE:
        for key in ("site_name", "site_description", "copyright"):
            if cfg.get(key):
                cfg[key] = strip_marks(gettext(cfg[key]))
    plugins = []
    for plugin in cfg.get("plugins") or []:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name not in ENGINE_ONLY_PLUGINS:
            plugins.append(plugin)
    if edition.offline:
        plugins.append("offline")
    cfg["plugins"] = plugins
    extra = dict(cfg.get("extra") or {})
    extra["edition"] = edition.audience
    if langs and len(langs) > 1 and not edition.offline:
        # `alternate: true` shows the switcher (macros/theme/partials/alternate.html) with
        # links of our own: a list here would make Material fetch each language's
        # sitemap.xml to rewrite them, which fails from file://.
        extra["alternate"] = True
        extra["languages"] = alternates(lang, edition.audience, langs)
    extra["i18n"] = {
        "incomplete": strip_marks(
            gettext(
                "Only part of this page is translated ({percent}%): the rest is shown in English."
            )
        ),
        "english": strip_marks(gettext("This page is in English: it is not translated yet.")),
        "draft": strip_marks(gettext("Draft translation, not yet reviewed.")),
        "languages": strip_marks(gettext("Languages")),
        "trainer_banner": strip_marks(
            gettext(
                "Trainer edition: includes trainer notes, activity timings and quiz answer keys. "
                "Not for participants."
            )
        ),
    }
    if edition.offline:
        # Material's offline plugin adds iframe-worker from a CDN unless one is listed:
        # list the vendored copy (MIT, from npm) so search makes no outside request.
        extra["polyfills"] = [OFFLINE_SHIM]
        cfg["use_directory_urls"] = False
    cfg["extra"] = extra
    if edition.audience == "trainer":
        cfg["site_name"] = strip_marks(gettext("{name} (trainer edition)")).replace(
            "{name}", cfg["site_name"]
        )
    return cfg


def write_if_changed(path: Path, text: str) -> None:
    """Write a file only when its content differs (keeps mtimes of unchanged pages)."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def split_front_matter(text: str) -> tuple[dict, str]:
    """A page's YAML front matter (between '---' lines) and its body."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            meta = yaml.safe_load(text[4:end]) or {}
            body = text[end + 4 :].lstrip("\n")
            return (meta if isinstance(meta, dict) else {}), body
    return {}, text


def join_front_matter(meta: dict, body: str) -> str:
    """Front matter and body back into one page."""
    if not meta:
        return body
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip()
    return f"---\n{front}\n---\n\n{body}"


def handwritten_pages(root: Path, edition: Edition) -> dict[str, tuple[dict, str, bool]]:
    """docs/**/*.md for this edition (front matter `edition: trainer` keeps a page out of
    the learner site), as source path -> (front matter, body, for trainers only)."""
    docs = root / "docs"
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        only = meta.pop("edition", None)
        if only and only != edition.audience:
            continue
        pages[src] = (meta, body, only == "trainer")
    return pages


def copy_assets(root: Path, target: Path) -> None:
    """Every file of docs/ that is not a page (scripts, styles, images, vendored code)."""
    docs = root / "docs"
    for path in sorted(docs.rglob("*")):
        if path.is_file() and path.suffix != ".md":
            dest = target / path.relative_to(docs)
            if (
                dest.is_file()
                and dest.stat().st_size == path.stat().st_size
                and dest.read_bytes() == path.read_bytes()
            ):
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)


def prune_stale(folder: Path, keep: set[Path]) -> None:
    """Remove files a previous render wrote that this render did not."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def tree_digest(folder: Path, theme: Path | None = None) -> str:
    """A hash of the tree's config and of every page and asset (path and content), and of
    the theme overrides the config names: equal digests build equal sites with the same
    engine."""
    h = hashlib.sha256()
    files = [folder / "mkdocs.yml", *sorted((folder / "docs").rglob("*"))]
    if theme is not None and theme.is_dir():
        files += sorted(theme.rglob("*"))
    for path in files:
        if path.is_file():
            name = path.relative_to(theme if theme and path.is_relative_to(theme) else folder)
            h.update(name.as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


INPUTS = ("curriculum", "quizzes", "docs", "locale", "macros", "mkdocs.yml")
"""Everything a rendered tree is made from: content, hand-written pages, code, templates."""


def inputs_digest(root: Path) -> str:
    """A hash of every input of the render step (path and content)."""
    h = hashlib.sha256()
    for name in INPUTS:
        path = root / name
        files = [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                h.update(file.relative_to(root).as_posix().encode() + b"\0")
                h.update(hashlib.sha256(file.read_bytes()).digest())
    return h.hexdigest()


def translation_meta(count: PageCount) -> dict:
    """What a page's front matter says about its translation (read by the theme's notice)."""
    return {
        "percent": count.percent,
        "draft": count.entries["draft"],
        "fuzzy": count.entries["fuzzy"],
        "missing": count.entries["missing"],
    }


def render_tree(
    cur: Curriculum,
    root: Path,
    edition: Edition,
    out: Path,
    base: dict | None = None,
    engine: str = "mkdocs",
    lang: str = SOURCE,
    langs: list[str] | None = None,
    inputs: str | None = None,
) -> RenderedTree:
    """Render one edition into ``out`` (docs/ and mkdocs.yml) for an engine; return it
    with its digest.  With ``inputs`` (see inputs_digest), a tree already rendered from
    the same inputs is kept as it is."""
    from ..engines import LINK_BASE
    from ..i18n.status import STATUS_PAGE, render_status_index, render_status_page
    from ..i18n.check import load_terms
    from ..i18n.pages import translate_page
    from .docs import expand_macros

    stamp = out / ".rendered"
    key = f"{inputs} {edition.name} {engine} {lang} {' '.join(langs or [])}"
    if inputs and stamp.is_file() and (out / "mkdocs.yml").is_file():
        try:
            done, tree = pickle.loads(stamp.read_bytes())
        except Exception:  # a stamp from another version of the code: render again
            done = None
        if done == key:
            return tree
    link_base = LINK_BASE[engine]

    base = base if base is not None else load_base_config(root)
    docs_out = out / "docs"
    written: set[Path] = set()
    counts: dict[str, PageCount] = {}
    titles: dict[str, str] = {}
    for src, page in generated_pages(cur).items():
        if edition.audience not in page.editions:
            continue
        ctx = Context(
            page_src=src,
            edition=edition.audience,
            directory_urls=edition.directory_urls,
            link_base=link_base,
        )
        text, count = finish_markdown(page.markdown(cur, ctx))
        if lang != SOURCE:
            counts[src], titles[src] = count, strip_marks(page.title)
            meta, body = split_front_matter(text)
            meta["translation"] = translation_meta(count)
            text = join_front_matter(meta, body)
        target = docs_out / src
        write_if_changed(target, text)
        written.add(target)
    handwritten = handwritten_pages(root, edition)
    terms = load_terms(root) if lang != SOURCE else []
    for src, (meta, body, only) in handwritten.items():
        ctx = Context(
            page_src=src,
            edition=edition.audience,
            directory_urls=edition.directory_urls,
            link_base=link_base,
        )
        translated = lang != SOURCE and not only
        if translated:
            meta, body, _, _ = translate_page(root, src, meta, body, lang, terms)
        if meta.get("render_macros", True) is not False:
            body = expand_macros(cur, ctx, src, body, meta)
        meta["render_macros"] = False
        if lang != SOURCE and not translated:
            meta["translation"] = {"english": True}  # contributor pages are English only
        target = docs_out / src
        text, count = finish_markdown(join_front_matter(meta, body))
        if translated:
            counts[src], titles[src] = count, strip_marks(str(meta.get("title", src)))
            meta, page_body = split_front_matter(text)
            meta["translation"] = translation_meta(count)
            text = join_front_matter(meta, page_body)
        write_if_changed(target, text)
        written.add(target)
    others = [other for other in (langs or []) if other != SOURCE]
    if edition.audience == "trainer" and (lang != SOURCE or others):
        ctx = Context(
            page_src=STATUS_PAGE,
            edition=edition.audience,
            directory_urls=edition.directory_urls,
            link_base=link_base,
        )
        if lang != SOURCE:
            text, _ = finish_markdown(render_status_page(ctx, counts, titles))
        else:  # English has no status of its own: it points to each language's page
            text = render_status_index(
                ctx,
                [
                    (
                        NAMES[other],
                        posixpath.relpath(
                            f"{site_root(other, 'trainer')}/{STATUS_PAGE.removesuffix('.md')}",
                            f"{site_root(lang, 'trainer')}/{STATUS_PAGE.removesuffix('.md')}",
                        )
                        + "/",
                    )
                    for other in others
                ],
            )
        target = docs_out / STATUS_PAGE
        write_if_changed(
            target,
            join_front_matter(
                {
                    "title": strip_marks(gettext("Translation status")),
                    "render_macros": False,
                    "search": {"exclude": True},
                },
                text,
            ),
        )
        written.add(target)
    copy_assets(root, docs_out)
    written.update(p for p in docs_out.rglob("*") if p.is_file() and p.suffix != ".md")
    prune_stale(docs_out, written)
    trainer_pages = [src for src, (_, _, only) in handwritten.items() if only]
    nav = build_nav(cur, edition.audience, frozenset(handwritten), trainer_pages)
    if edition.audience == "trainer" and (lang != SOURCE or others):
        nav = _with_status_page(nav)
    config = engine_config(base, root, edition, translate_nav(nav), lang, langs)
    write_if_changed(
        out / "mkdocs.yml",
        "# Generated by `python -m macros render`; edit the project's mkdocs.yml.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
    )
    theme = config["theme"].get("custom_dir")
    digest = tree_digest(out, Path(theme) if theme else None)
    tree = RenderedTree(edition, out, digest, lang, counts, titles)
    if inputs:
        stamp.write_bytes(pickle.dumps((key, tree)))
    return tree


def _with_status_page(nav: list) -> list:
    from ..i18n.status import STATUS_PAGE

    for item in nav:
        if isinstance(item, dict) and "For trainers" in item:
            item["For trainers"] = [*item["For trainers"], STATUS_PAGE]
            return nav
    return [*nav, {"For trainers": [STATUS_PAGE]}]


def render_all(
    cur: Curriculum,
    root: Path,
    build: Path,
    editions: list[str] | None = None,
    lang: str = SOURCE,
    engine: str = "mkdocs",
    langs: list[str] | None = None,
) -> dict[str, RenderedTree]:
    """Render every edition (or the named ones) under ``build/tree/<engine>/<lang>/``, in
    ``lang`` (``cur`` already translated); ``langs`` are the languages the switcher offers."""
    base = load_base_config(root)
    names = editions or list(EDITIONS)
    folder = build / "tree" / engine / lang
    inputs = inputs_digest(root)
    with use_language(lang, root):
        return {
            name: render_tree(
                cur, root, EDITIONS[name], folder / name, base, engine, lang, langs, inputs
            )
            for name in names
        }


def default_build_dir(root: Path) -> Path:
    """Where rendered trees and engine caches live (BUILD_DIR overrides)."""
    return Path(os.environ.get("BUILD_DIR") or root / "build")
