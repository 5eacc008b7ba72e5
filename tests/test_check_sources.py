"""Sources that cite mirror and aggregator hosts are refused with a one-line problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.check_sources import check_document, find_listed_host, host_of
from macros.cli import EXIT_PROBLEMS, main
from macros.curriculum import load_curriculum
from macros.loader import load_file, load_text
from macros.model import SourceHosts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "sources"
WTO = "https://www.wto.org/english/news_e/news_e.htm"


def _hosts() -> SourceHosts:
    doc = load_file(FIXTURES / "hosts.yml", FIXTURES)
    return SourceHosts.model_validate(doc.data)


def test_fixture_reports_every_cited_mirror_and_nothing_else():
    doc = load_file(FIXTURES / "mirrored.yml", FIXTURES)
    lines = [p.format() for p in check_document(doc, _hosts().hosts)]
    banner = (
        f"globebanner.com mirrors other sites' news; cite the publisher's own page (e.g. {WTO})."
    )
    assert lines == [
        f"mirrored.yml:6:14: sections[1].sources[1].url: {banner}",
        "mirrored.yml:8:14: sections[1].sources[2].url: wtocenter.org.tw republishes WTO "
        "documents outside the WTO's own document system; cite the publisher's own page "
        "(e.g. https://docs.wto.org/).",
        f"mirrored.yml:9:16: sections[1].sources[3].title: {banner}",
        f"mirrored.yml:19:13: source_url: {banner}",
        f"mirrored.yml:22:10: readings[1].url: {banner}",
    ]


@pytest.mark.parametrize(
    "url, listed",
    [
        ("https://globebanner.com/x", True),
        ("https://www.globebanner.com/x", True),
        ("https://GlobeBanner.COM./x", True),
        ("https://notglobebanner.com/x", False),
        ("https://globebanner.com.example.org/x", False),
        ("https://www.wto.org/english/news_e/news_e.htm", False),
        ("http://[not-a-host/x", False),
    ],
)
def test_host_matching(url, listed):
    assert (find_listed_host(host_of(url), _hosts().hosts) is not None) is listed


def test_bad_host_name_in_the_denylist_is_a_problem():
    doc = load_text(
        "hosts:\n  - host: https://globebanner.com\n    reason: r\n    instead: "
        "https://www.wto.org/\n",
        "curriculum/source-hosts.yml",
    )
    from macros.validate import validate_document

    obj, problems = validate_document(doc, SourceHosts)
    assert obj is None
    assert problems and problems[0].format().startswith(
        "curriculum/source-hosts.yml:2:11: hosts[1].host: 'https://globebanner.com' is not a host name"
    )


def test_shipped_curriculum_cites_no_listed_host():
    cur = load_curriculum(ROOT, strict=False)
    assert cur.source_hosts is not None and cur.source_hosts.hosts
    from macros.check_sources import check_source_hosts

    assert [p.format() for p in check_source_hosts(cur)] == []


def test_check_fails_on_a_mirror_url_in_a_real_file(project, capsys):
    cur = load_curriculum(project, strict=False)
    listed = cur.source_hosts.hosts[0]
    # The first source address in any shipped file, wherever it is.
    for (_, _), doc in sorted(cur.documents.items()):
        path = next((p for p in doc.marks if p and p[-1] == "url" and "sources" in p), None)
        if path:
            break
    else:
        raise AssertionError("no curriculum file cites a source with a url to test with")
    target = project / doc.file
    mark = doc.mark(path)
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    old = doc.data_at(path)
    lines[mark.line - 1] = lines[mark.line - 1].replace(old, f"https://www.{listed.host}/copy")
    target.write_text("".join(lines), encoding="utf-8")
    assert main(["check", "--root", str(project)]) == EXIT_PROBLEMS
    err = capsys.readouterr().err.splitlines()
    expected = (
        f"{doc.file}:{mark.line}:{mark.column}: {doc.problem(path, '').field}: {listed.host} "
        f"{listed.reason}; cite the publisher's own page (e.g. {listed.instead})."
    )
    assert expected in err
