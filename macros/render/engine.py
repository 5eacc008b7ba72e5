"""The Jinja environment every partial is rendered with (autoescape on)."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from ..i18n.ui import (
    AGREEMENTS,
    T,
    agreement_label,
    format_date,
    gettext,
    offline_zip_name,
    theme_label,
)
from ..quizorder import shown_options, shown_prompt
from ..sanitise import render_safe_markdown
from ..scoring import is_single_answer
from . import links

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass
class Context:
    """Where a partial is being rendered: which page, which edition, which URL style.

    ``link_base`` says what the engine takes relative addresses in raw HTML to be
    relative to: MkDocs leaves them as written, so they are relative to the built page
    ("page"); Zensical resolves them from the Markdown file's folder ("source").  Addresses
    in ``data-`` attributes, read by scripts, are never rewritten: see ``data_url``."""

    page_src: str = "index.md"
    edition: str = "learner"
    directory_urls: bool = True
    print_mode: bool = False
    link_base: str = "page"
    extra: dict = field(default_factory=dict)

    @property
    def trainer(self) -> bool:
        return self.edition == "trainer"

    def _from_dir(self, as_written: bool = False) -> str:
        """The folder relative addresses in raw HTML start from."""
        if self.link_base == "source" and not as_written:
            return posixpath.dirname(self.page_src)
        from_url = links.url_of(self.page_src, self.directory_urls)
        return from_url.rstrip("/") if self.directory_urls else posixpath.dirname(from_url)

    def href(self, src: str, anchor: str = "") -> str:
        """Relative URL from the current page to another page (for raw HTML)."""
        if self.print_mode:
            return "#" + (anchor or src.replace("/", "-").removesuffix(".md"))
        if src == self.page_src:
            return f"#{anchor}" if anchor else "./"
        to_url = links.url_of(src, self.directory_urls)
        rel = posixpath.relpath(to_url.rstrip("/") or ".", self._from_dir() or ".")
        if self.directory_urls and rel != "." and (to_url.endswith("/") or to_url == ""):
            rel += "/"
        if rel == ".":
            rel = "./"
        return rel + (f"#{anchor}" if anchor else "")

    def asset(self, path: str) -> str:
        """Relative URL of a file under docs/ (assets, data) from the current page, for an
        href or src attribute."""
        return posixpath.relpath(path, self._from_dir() or ".")

    def data_url(self, path: str) -> str:
        """Relative URL of a file from the built page, for a data- attribute a script reads."""
        return posixpath.relpath(path, self._from_dir(as_written=True) or ".")

    def shared(self, path: str) -> str:
        """URL of a file made once for both editions (PDFs, the offline zip): the trainer
        edition lives in trainer/, one level below the learner site that holds them."""
        if not self.trainer:
            return self.asset(path)
        return posixpath.relpath(path, posixpath.join("trainer", self._from_dir() or "."))

    def md_link(self, src: str, anchor: str = "") -> str:
        """Markdown link target from the current page; every engine rewrites and checks it."""
        from_dir = posixpath.dirname(self.page_src)
        return posixpath.relpath(src, from_dir or ".") + (f"#{anchor}" if anchor else "")


def trusted_markdown(text: str) -> Markup:
    """Text placed into a page as it is: HTML of our own partials, or curriculum Markdown
    that ``sanitise.check_markup`` has passed (every build checks the curriculum first, so
    no Markdown field that the sanitiser would change reaches a page)."""
    return Markup(text)


def markdown_block(text: str) -> Markup:
    """Curriculum Markdown rendered to block HTML (paragraphs, lists, tables), sanitised."""
    return Markup(render_safe_markdown(text))


def oneline(text: str) -> str:
    """Plain text with its whitespace collapsed, for attributes and table cells; returned
    as plain ``str`` so that autoescape always escapes it, even if handed Markup."""
    return re.sub(r"\s+", " ", str.__str__(text)).strip()


def minutes(value: int) -> str:
    """90 -> '1 h 30 min'."""
    h, m = divmod(int(value), 60)
    if h and m:
        return f"{h} h {m:02d} min"
    return f"{h} h" if h else f"{m} min"


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between builds (compiling them is most of a small render);
    Jinja checks each template's modification time, so an edited partial recompiles."""
    folder = Path(os.environ.get("BUILD_DIR") or TEMPLATES.parent.parent / "build") / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout still builds, only slower
    return FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared Jinja environment."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=_bytecode_cache(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["trusted"] = trusted_markdown
    env.filters["md_block"] = markdown_block
    env.filters["oneline"] = oneline
    env.filters["minutes"] = minutes
    env.globals["AGREEMENTS"] = AGREEMENTS
    env.filters["agreement"] = agreement_label  # {{ codes|map("agreement")|join(", ") }}
    env.filters["theme"] = theme_label
    env.globals["T"] = T  # interface strings in the language being rendered
    env.globals["_"] = gettext
    env.filters["format_date"] = format_date
    env.globals["offline_zip"] = offline_zip_name
    env.globals["shown_options"] = shown_options
    env.globals["shown_prompt"] = shown_prompt
    env.globals["is_single_answer"] = is_single_answer
    return env


def render(template: str, ctx: Context, **values) -> str:
    """Render one partial with the page context."""
    return environment().get_template(template).render(ctx=ctx, **values)
