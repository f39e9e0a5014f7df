"""Hostile text in a document: markup, script, query and RDF syntax, control characters, a
100,000-character line. It must build into a valid graph that round-trips through N-Triples and
Turtle, pass the checks, and show as inert text in every page and in the report, checked in a real
browser: no dialog, no script from the text running, no console error.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from openpyxl import load_workbook
from pyoxigraph import Literal, RdfFormat, parse
from rdflib.compare import isomorphic

from conftest import CORPUS, graph_bytes, guarded_tab
from policykg.graph.outline import read_outline
from policykg.queries.catalogue import load, run, store_at
from policykg.queries.findings import Finding
from policykg.queries.report import write_findings
from policykg.viz.pages import slug

pytestmark = pytest.mark.slow  # one build, its report and its pages, shared by the module

SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned=2;alert(2)">'
IMG_AGENCY = '<img src=x onerror="window.__pwned=3">局'  # no ";": it stays one agency name
SPARQL = '"}; DROP ALL; #'
TURTLE = '"^^<x> .'
FORMULA = '=HYPERLINK("http://example.invalid","x")'
CONTROLS = "\x1b[31m\x07\u202e\x0b"
BASE = "zhumadian-2021-industrial-quality-plan.txt"


def hostile_text() -> str:
    """A real document with hostile strings in its title, an agency list, a goal, a heading and one
    very long line (the document's prose again, without its clauses and numbers, on one line)."""
    text = (CORPUS / BASE).read_text(encoding="utf-8")
    # without the numbers of its items too (一、): the reader cuts a line where its numbering plainly goes on
    prose = re.sub(
        r"\([^)]*\)|\d|倍增|全覆盖|[一二三四五六七八九十]+、", "", "".join(text[text.index("一、总体要求") :].split())
    )
    long_line = ""
    while len(long_line) < 100_000:
        long_line += prose + IMG + SPARQL + "\\"
    replacements = [
        (
            "驻马店市2021年工业经济高质量发展工作方案",
            f"驻马店市2021年{SCRIPT}工业经济{SPARQL}高质量\\发展>工作方案{TURTLE}",
        ),
        (
            "(责任单位:市科技局、市工信局、市发改委)",
            f"(责任单位:市科技局、{IMG_AGENCY}、市发\\改>委{TURTLE}局、{SPARQL}办)",
        ),
        ("规模以上工业增加值增长8%左右", f"规模以上工业增加值{SCRIPT}增长8%左右,{IMG}企业达到100家,{FORMULA}"),
        ("(三)建设制造业创新高地。", f"(三)建设制造业创新高地{CONTROLS}。\f"),
        ("(四)培育技术创新企业。", f"(四)培育技术创新企业。{long_line[:100_000]}\n"),
    ]
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1 if old.startswith("(") else -1)
    return text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile document and one real one, built, reported and drawn: (build folder, summary)."""
    from policykg.graph.build import build

    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(hostile_text(), encoding="utf-8")
    (corpus / "real.txt").write_bytes((CORPUS / "zhumadian-2023-industrial-economy.txt").read_bytes())
    out = root / "build"
    summary = build(corpus, out, formats=("ttl",))
    for command in ("report", "viz"):
        done = subprocess.run([sys.executable, "-m", "policykg", command, "--build", str(out)], capture_output=True)
        assert done.returncode == 0, done.stderr.decode()
    return out, summary


def test_the_long_line_is_there():
    assert max(len(line) for line in hostile_text().splitlines()) >= 100_000


def test_builds_a_valid_graph_with_only_the_control_characters_reported(hostile):
    out, summary = hostile
    assert [str(p) for p in summary.problems] == [
        "hostile.txt:18: warning: 4 control characters removed (U+0007, U+000B, U+001B, U+202E)"
    ]
    store = store_at(out)
    for name, query in load("checks").items():
        assert run(store, query) == [], name


def test_nt_and_ttl_round_trip_and_hold_the_hostile_strings_as_literals(hostile):
    out, _ = hostile
    nt = rdflib.Graph().parse(data=graph_bytes(out), format="nt")
    ttl = rdflib.Graph().parse(out / "kg.ttl", format="turtle")
    assert isomorphic(nt, ttl)
    ox_nt = set(parse(graph_bytes(out), format=RdfFormat.N_TRIPLES))
    ox_ttl = set(parse(path=str(out / "kg.ttl"), format=RdfFormat.TURTLE))
    assert ox_nt == ox_ttl and len(ox_nt) == len(nt) == len(ttl)
    literals = [t.object.value for t in ox_nt if isinstance(t.object, Literal)]
    title = read_outline(out.parent / "corpus" / "hostile.txt").metadata.title
    assert SCRIPT in title and "\\" in title and ">" in title
    assert title in literals
    for hostile_string in (SCRIPT, IMG, SPARQL, TURTLE, FORMULA, "\\", "\n"):
        assert any(hostile_string in value for value in literals), hostile_string
    assert any(len(value) >= 100_000 for value in literals)
    assert not any(re.search("[\x00-\x08\x0b\x0e-\x1f\u202e]", value) for value in literals)
    assert {str(o) for o in nt.objects(None, rdflib.SKOS.prefLabel) if "__pwned=3" in o} == {
        '驻马店市<imgsrc=xonerror="window.__pwned=3">局'  # the gazetteer's key drops spaces
    }


def hostile_agencies(out: Path) -> dict[str, str]:
    """The agencies whose names hold markup or RDF syntax: page file name -> name."""
    query = """SELECT ?a ?name WHERE { ?a a <https://w3id.org/policykg/ontology#Agency> ;
        <http://www.w3.org/2004/02/skos/core#prefLabel> ?name . FILTER(LANG(?name) = "zh") }"""
    found = {r["a"].value: r["name"].value for r in store_at(out).query(query)}
    return {f"{slug(a)}.html": name for a, name in found.items() if set(name) & set('<>"\\')}


def open_inert(browser, path: Path):
    """Open a page offline; fail on any dialog, outside request, console or page error, or on
    anything the hostile text could have made run or load."""
    tab, problems = guarded_tab(browser, "file://", offline=True, viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(path.as_uri())
    tab.wait_for_timeout(600)
    assert tab.evaluate("window.__pwned") is None
    assert tab.evaluate("document.querySelectorAll('img, [onerror]').length") == 0
    assert dialogs == [] and problems == []
    return tab


def node_texts(tab) -> str:
    return "\n".join(tab.evaluate("nodes.get().map(n => (n.label || '') + '\\n' + (n.title || ''))"))


def test_pages_show_the_hostile_text_as_text(hostile, browser):
    out, _ = hostile
    viz = out / "viz"
    title = read_outline(out.parent / "corpus" / "hostile.txt").metadata.title
    agencies = hostile_agencies(out)
    assert len(agencies) >= 3 and all((viz / "agencies" / page).exists() for page in agencies)

    assert title in open_inert(browser, viz / "index.html").inner_text("body")
    report = open_inert(browser, out / "report" / "report.html")
    assert title in report.inner_text("body")
    assert report.evaluate("document.querySelectorAll('script').length") == 0
    listing = open_inert(browser, viz / "agencies" / "index.html").inner_text("body")
    assert all(name in listing for name in agencies.values())
    for page, name in agencies.items():
        assert name in open_inert(browser, viz / "agencies" / page).inner_text("h1")
    for page in ("responsibility.html", "flow.html", "overlaps.html"):
        shown = node_texts(open_inert(browser, viz / page))
        assert all(name in shown for name in agencies.values()), page
    assert title in node_texts(open_inert(browser, viz / "flow.html"))
    open_inert(browser, viz / "zones.html")


def test_tooltip_of_a_hostile_agency_is_text(hostile, browser):
    out, _ = hostile
    name = next(n for n in hostile_agencies(out).values() if "__pwned=3" in n)
    tab = open_inert(browser, out / "viz" / "responsibility.html")
    node = tab.evaluate("name => nodes.get().find(n => n.label === name).id", name)
    tab.evaluate("id => showPart(nodes.get(id).part)", node)  # the page draws one part at a time
    tab.wait_for_function("window.viewReady === true")
    point = tab.evaluate("id => network.canvasToDOM(network.getPosition(id))", node)
    box = tab.locator("#mynetwork").bounding_box()
    tab.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tab.wait_for_timeout(600)
    tooltip = tab.locator("div.vis-tooltip")
    assert tooltip.is_visible() and name in tooltip.inner_text()
    parsed = tab.evaluate("[...document.querySelectorAll('div.vis-tooltip *')].map(e => e.tagName)")
    assert set(parsed) == {"BR"}  # line breaks only: no element parsed from the name
    assert tab.evaluate("window.__pwned") is None


def test_report_workbook_holds_text_never_formulas(hostile):
    out, _ = hostile
    sheet = load_workbook(out / "report" / "findings.xlsx")["findings"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert cells and all(c.data_type == "s" for c in cells)
    assert any(SCRIPT in c.value or IMG in c.value or "<img" in c.value for c in cells)


def test_workbook_takes_formulas_and_form_feeds_as_text(tmp_path):
    """Regression: a quote starting with "=" became a formula; a form feed (a page break kept in a
    quote) made openpyxl refuse the cell, so the report failed."""
    finding = Finding("gap", "warning", FORMULA, ("doc",), ("一",), ("=1+1",), ("第一页\f第二页",))
    write_findings([finding], tmp_path)
    row = list(load_workbook(tmp_path / "findings.xlsx")["findings"].iter_rows(min_row=2, values_only=True))
    assert row == [("gap", "warning", FORMULA, "doc", "一", "=1+1", "第一页第二页")]
    cells = list(load_workbook(tmp_path / "findings.xlsx")["findings"].iter_rows(min_row=2))[0]
    assert all(c.data_type == "s" for c in cells)
