"""SCORM 1.2 packages of the e-learning modules, made from the offline edition.

A package holds one SCO: the module's front page (the launch page), its lessons, final
assessment and completion record, as the offline edition renders them (pages with .html
addresses), the files those pages load and the theme's assets.  Each page gets
``assets/scorm.js``, which reports quiz results to the LMS, and a ``<meta name="tg-scorm">``
that tells it the module's quizzes and pass rule.  Links to pages outside the package
lose their address (the text stays), so nothing in the package leads to a missing page.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from ...curriculum import Curriculum
from ...model import Module
from ...i18n.marks import strip_marks
from ...reproducible import write_zip
from ...scoring import counted_quizzes
from .banks import module_quiz_ids, pass_mark

SCRIPT = "assets/scorm.js"
THEME_ASSETS = (
    "assets/stylesheets/*.css",
    "assets/javascripts/bundle.*.js",
    "assets/javascripts/workers/search.*.js",
    "assets/images/*",
)
"""The theme's own files, packaged whether or not a page names them (source maps left out)."""

SEARCH_INDEXES = ("search/search_index.json", "search/search_index.js")
"""The offline edition's search index, as data (read over HTTP) and as a script (read from
file://); a package gets both, cut down to its own pages."""

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"

_REFERENCE = re.compile(r'\b(?:src|href)="([^"]+)"')
_ANCHOR = re.compile(r"<a\b[^>]*>")
_ANCHOR_HREF = re.compile(r'\shref="([^"]*)"')
_PAGE_LINK = re.compile(r"<link\b[^>]*>\n?")


def package_name(mid: str) -> str:
    """The file name of a module's package in downloads/lms/."""
    return f"{mid}-scorm12.zip"


def module_pages(module: Module) -> list[str]:
    """The module's pages in the offline edition, the launch page first."""
    base = f"elearning/{module.id}"
    pages = [f"{base}/index.html"] + [f"{base}/{lesson.id}.html" for lesson in module.lessons]
    if module.final_quiz:
        pages.append(f"{base}/final.html")
    return pages + [f"{base}/completion.html"]


def _local(page: str, url: str) -> str | None:
    """The site path a relative address on ``page`` points to, or None for anything else."""
    if url.startswith(("#", "data:", "mailto:", "javascript:", "/")) or "://" in url:
        return None
    path = url.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), html.unescape(path)))
    return None if joined.startswith("..") else joined


def detach_outside_links(text: str, page: str, packaged: set[str]) -> str:
    """Remove the address of every link to a page that is not in the package (the text
    stays), and the head's links (prev, next) to such pages."""

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        href = _ANCHOR_HREF.search(tag)
        if not href:
            return tag
        target = _local(page, href.group(1))
        url = href.group(1)
        if url.startswith("#") or (target is not None and target in packaged):
            return tag
        if target is None and ("://" in url or url.startswith("mailto:")):
            return tag  # an outside address opens as it does on the site
        return tag[: href.start()] + ' data-outside-package=""' + tag[href.end() :]

    def drop(match: re.Match) -> str:
        href = _ANCHOR_HREF.search(match.group(0))
        target = _local(page, href.group(1)) if href else None
        outside = target is not None and target.endswith(".html") and target not in packaged
        return "" if outside else match.group(0)

    return _PAGE_LINK.sub(drop, _ANCHOR.sub(fix, text))


def add_scorm_script(text: str, page: str, module: Module, cur: Curriculum) -> str:
    """The page with scorm.js and the module's pass rule in its head."""
    up = posixpath.relpath(SCRIPT, posixpath.dirname(page))
    quizzes = " ".join(module_quiz_ids(module))
    counted = " ".join(counted_quizzes(module))
    head = (
        f'<meta name="tg-scorm" content="{html.escape(module.id)}" '
        f'data-quizzes="{html.escape(quizzes)}" data-counted="{html.escape(counted)}" '
        f'data-pass="{pass_mark(cur)}">\n<script src="{html.escape(up)}"></script>\n'
    )
    return text.replace("</head>", head + "</head>", 1)


def referenced_files(text: str, page: str, site: Path) -> set[str]:
    """Files of the site a page loads or links to that are not pages (styles, scripts,
    images)."""
    found = set()
    for url in _REFERENCE.findall(text):
        target = _local(page, url)
        if target and not target.endswith(".html") and (site / target).is_file():
            found.add(target)
    return found


def package_search_index(text: str, packaged: set[str]) -> str:
    """A search index (JSON, or the script that assigns it) cut down to the package's pages,
    so search inside the package finds only what it holds."""
    prefix, brace, data = text.partition("{")
    index = json.loads(brace + data.strip().rstrip(";"))
    index["docs"] = [d for d in index["docs"] if d["location"].split("#")[0] in packaged]
    return prefix + json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def manifest_xml(module: Module, files: list[str], launch: str) -> str:
    """imsmanifest.xml: one organization, one item, one SCO resource listing every file."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ident = f"wto-trade-gender-{module.id}"
    root = ET.Element(f"{{{IMSCP}}}manifest", {"identifier": ident, "version": module.version})
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    orgs = ET.SubElement(root, f"{{{IMSCP}}}organizations", {"default": f"{ident}-org"})
    org = ET.SubElement(orgs, f"{{{IMSCP}}}organization", {"identifier": f"{ident}-org"})
    ET.SubElement(org, f"{{{IMSCP}}}title").text = strip_marks(module.title)
    item = ET.SubElement(
        org,
        f"{{{IMSCP}}}item",
        {
            "identifier": f"{ident}-item",
            "identifierref": f"{ident}-sco",
            "isvisible": "true",
        },
    )
    ET.SubElement(item, f"{{{IMSCP}}}title").text = strip_marks(module.title)
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(
        resources,
        f"{{{IMSCP}}}resource",
        {
            "identifier": f"{ident}-sco",
            "type": "webcontent",
            f"{{{ADLCP}}}scormtype": "sco",
            "href": launch,
        },
    )
    for name in files:
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": name})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def package_folder(cur: Curriculum, mid: str, site: Path, out: Path) -> list[str]:
    """Write a module's package contents into ``out``; return the packaged files."""
    module = cur.modules[mid]
    pages = [p for p in module_pages(module) if (site / p).is_file()]
    packaged = set(pages)
    files: set[str] = set()
    for pattern in THEME_ASSETS:
        files.update(p.relative_to(site).as_posix() for p in site.glob(pattern) if p.is_file())
    if (site / SCRIPT).is_file():
        files.add(SCRIPT)
    for page in pages:
        text = (site / page).read_text(encoding="utf-8")
        files.update(referenced_files(text, page, site))
        text = detach_outside_links(text, page, packaged)
        target = out / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(add_scorm_script(text, page, module, cur), encoding="utf-8")
    for name in sorted(files):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / name, out / name)
    for name in SEARCH_INDEXES:
        if (site / name).is_file():
            text = package_search_index((site / name).read_text(encoding="utf-8"), packaged)
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(text, encoding="utf-8")
            files.add(name)
    listed = sorted(packaged | files)
    (out / "imsmanifest.xml").write_text(manifest_xml(module, listed, pages[0]), encoding="utf-8")
    return listed


def write_scorm_packages(
    cur: Curriculum, offline_site: Path, lms_dir: Path, epoch: int
) -> list[Path]:
    """One SCORM 1.2 zip per e-learning module, from the built offline edition."""
    written = []
    for mid in cur.modules:
        with tempfile.TemporaryDirectory() as tmp:
            listed = package_folder(cur, mid, offline_site, Path(tmp))
            files = [(name, Path(tmp) / name) for name in [*listed, "imsmanifest.xml"]]
            written.append(write_zip(lms_dir / package_name(mid), files, epoch))
    return written
