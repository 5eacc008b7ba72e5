"""Participant text is inert everywhere: HTML, javascript: links, </script> and Jinja syntax
in every text field of a policy come out as plain text in pages, JSON and CSV."""

from __future__ import annotations

import csv
import json

import pytest

from macros.build import build_site

PAYLOADS = {
    "title": "<script>alert(1)</script> Export fund {{ 7*7 }}",
    "description": 'Run by </script><img src=x onerror=alert(2)> and {% include "mkdocs.yml" %} '
                   '[click](javascript:alert(3)) {{ config.site_name }} =HYPERLINK("x")',
    "beneficiaries": "<b>Women</b> & girls {# comment #} {{ '{{' }}",
}

POLICY = """id: zz-injection-test
countries: [Kenya]
member_status: [developing]
region: [Africa]
year: 2020
title: {title}
measure_type: access-to-finance
wto_areas: [GATT]
description: {description}
beneficiaries: {beneficiaries}
status: in force
source_url: https://example.org/policy?a=1&b=2
"""


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("inj") / "project")
    fields = {k: json.dumps(v) for k, v in PAYLOADS.items()}
    (project / "curriculum/policies/zz-injection-test.yml").write_text(POLICY.format(**fields))
    return build_site(project, project / "site", with_pdf=False, with_offline=False)


def test_policy_page_shows_text_literally(injected):
    html = (injected / "policies/zz-injection-test/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "onerror=alert(2)>" not in html
    assert 'href="javascript:' not in html
    assert "{{ 7*7 }}" in html and "Export fund 49" not in html
    assert "{% include &#34;mkdocs.yml&#34; %}" in html or '{% include "mkdocs.yml" %}' in html
    assert "{{ config.site_name }}" in html
    assert "&lt;b&gt;Women&lt;/b&gt; &amp; girls" in html
    assert 'href="https://example.org/policy?a=1&amp;b=2"' in html


def test_country_page_and_table_data_are_inert(injected):
    html = (injected / "policies/countries/kenya/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    rows = {r["id"]: r for r in json.loads((injected / "data/policies.json").read_text())}
    for field, value in PAYLOADS.items():
        assert rows["zz-injection-test"][field] == value


def test_csv_keeps_text_and_defuses_formulas(injected):
    with open(injected / "data/policies.csv", newline="", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == "zz-injection-test")
    assert row["title"] == PAYLOADS["title"]
    assert row["beneficiaries"] == PAYLOADS["beneficiaries"]
    assert not row["description"].startswith("=")


def test_participant_text_stays_out_of_the_site_search(injected):
    """Policy pages are searched by the table, not by the site search, whose index would
    otherwise grow with the database and carry participant text into result snippets."""
    index = (injected / "search/search_index.json").read_text(encoding="utf-8")
    assert "zz-injection-test" not in index and "onerror" not in index
