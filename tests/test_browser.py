"""The leaders' pages of the bundled corpus in a real headless Chromium, with the network cut off.

Every part of every view must open legible at 1400 × 900 (labels drawn at 12 px or more, fewer than
10 % of them overlapping, the whole graph in view; see legibility.py) within 3 s, load nothing from
outside, and answer its question: tooltips quote the source sentence with document and path, the
search finds a node in any part, the tables hold what the graph holds. Screenshots and the figures
go to test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from legibility import ARTIFACTS, VIEWPORT, check_pages, look_at, main_pages, misdirected_topic_links, overlap_pages

from conftest import CORPUS, guarded_tab
from policykg.queries.catalogue import store_at
from policykg.viz import pages
from policykg.viz.data import LEADING, gather
from policykg.viz.render import LegendEntry, Part, copy_assets, render

pytestmark = pytest.mark.slow  # headless Chromium on the bundled build


@pytest.fixture(scope="module")
def views(bundled, tmp_path_factory):
    out, _ = bundled
    corpus = gather(store_at(out))
    written = pages.write_views(corpus, tmp_path_factory.mktemp("viz"))
    return corpus, written


def test_every_view_opens_legible(views, browser):
    corpus, written = views
    pages = main_pages(corpus, documents=len(corpus.documents), agencies=5)
    check_pages(browser, written, pages + overlap_pages(written, most=10)[1:], "bundled")


def hover(tab, node_id: str) -> str:
    """Move the mouse onto a node of the shown part; the tooltip's text."""
    point = tab.evaluate("id => network.canvasToDOM(network.getPosition(id))", node_id)
    box = tab.locator("#mynetwork").bounding_box()
    tab.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tab.wait_for_timeout(500)
    tooltip = tab.locator("div.vis-tooltip")
    assert tooltip.is_visible()
    return tooltip.inner_text()


def test_a_task_tooltip_quotes_its_sentence_with_document_and_path(views, browser):
    corpus, written = views
    doc = corpus.by_stem("zhumadian-2021-industrial-quality-plan")
    _, tab, problems = look_at(browser, written[f"documents/{doc.stem}"], "document-tooltip")
    task = tab.evaluate("nodes.get({filter: n => n.part === 0 && n.shape === 'box' && n.url}).map(n => n.key)")
    item = next(corpus.items[t] for t in task if t in corpus.items and corpus.items[t].is_measure)
    text = hover(tab, f"0|{item.iri}")
    assert doc.caption in text and item.path in text
    assert item.text[:40] in text  # the sentence itself, quoted
    tab.screenshot(path=str(ARTIFACTS / "document-tooltip.png"))
    assert problems == []


def test_an_agency_tooltip_gives_its_full_and_english_names(views, browser):
    corpus, written = views
    agency = max(corpus.overview.loads.values(), key=lambda load: load.weighted_degree)
    _, tab, _ = look_at(browser, written[f"agencies/{pages.slug(agency.agency)}"], "agency-tooltip")
    text = hover(tab, f"0|agency:{agency.agency}")
    assert agency.label_zh in text and agency.label_en in text
    assert tab.evaluate(f"nodes.get('0|agency:{agency.agency}').label") == corpus.short_names[agency.agency]


def test_search_opens_the_part_that_holds_the_name(views, browser):
    corpus, written = views
    _, tab, _ = look_at(browser, written["flow"], "flow-search")
    parts = int(tab.get_attribute("#mynetwork", "data-parts"))
    assert parts > 1
    last = tab.evaluate(f"nodes.get({{filter: n => n.part === {parts - 1}}})[0].label")
    tab.fill("#search", last)
    tab.wait_for_function("window.viewReady === true")
    shown = tab.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.part)")
    assert set(shown) == {tab.evaluate(f"nodes.get({{filter: n => n.label === {last!r}}})[0].part")}
    selected = tab.evaluate("network.getSelectedNodes().map(id => nodes.get(id).label)")
    assert selected and all(last in label for label in selected)
    assert tab.input_value("#part") == str(min(shown))


def test_the_list_of_topics_leads_to_each_topic_and_is_searched_by_name(views, browser):
    corpus, written = views
    listed, wrong = misdirected_topic_links(browser, written["overlaps"], most=20)
    assert listed == len(corpus.overview.topics)
    assert wrong == []
    _, tab, _ = look_at(browser, written["overlaps"], "overlaps-search")
    rows = tab.eval_on_selector_all(
        "table.topics tbody tr",
        "rows => rows.map(r => [r.querySelector('a').getAttribute('href'), r.cells[4].textContent])",
    )
    href, leads = next((href, leads) for href, leads in rows if not href.startswith("overlaps.html") and leads)
    name = leads.split("、")[0].rsplit(" ", 1)[0]  # "驻马店市工业和信息化局 3": the agency, the measures it leads
    tab.fill("#search", name)
    shown = tab.eval_on_selector_all(
        "table.topics tbody tr:not([hidden])",
        "rows => rows.map(r => [r.querySelector('a').getAttribute('href'), r.textContent])",
    )
    assert href in {h for h, _ in shown} and len(shown) < len(rows)
    assert all(name in text for _, text in shown)


def test_the_task_table_names_every_lead_of_the_document(views, browser):
    corpus, written = views
    doc = corpus.by_stem("zhumadian-2021-industrial-quality-plan")
    _, tab, _ = look_at(browser, written[f"documents/{doc.stem}"], "document-table")
    rows = tab.eval_on_selector_all(
        "main table:first-of-type tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )
    by_path = {r[0]: r for r in rows}
    leads = [
        (corpus.items[d.task].path, corpus.short_names[d.agency])
        for t in corpus.duties
        if t in corpus.items and corpus.items[t].document == doc.iri
        for d in corpus.duties[t]
        if d.role in LEADING
    ]
    assert leads
    assert all(name in by_path[path][2] for path, name in leads)
    assert tab.locator("table.matrix tbody tr").count() == sum(1 for r in rows if r[2] or r[3] or r[4])


def test_legends_name_documents_by_title_and_number(views, browser):
    corpus, written = views
    _, tab, _ = look_at(browser, written["flow"], "flow-legend")
    legend = tab.inner_text("#part-legend")
    named = [d for d in corpus.documents.values() if d.caption in legend]
    assert named
    assert not any(d.stem in legend for d in corpus.documents.values())
    numbered = next(d for d in corpus.documents.values() if d.number)
    assert f"（{numbered.number}）" in numbered.caption


def open_list(browser, path: Path):
    """A page without a network (the lists), opened offline: (tab, problems)."""
    tab, problems = guarded_tab(browser, "file://", offline=True, viewport=VIEWPORT)
    tab.goto(path.as_uri())
    return tab, problems


def test_agency_list_links_every_agency(views, browser):
    corpus, written = views
    tab, problems = open_list(browser, written["agencies"])
    assert problems == []
    assert tab.locator("tbody tr").count() == len(corpus.overview.loads)
    tab.fill("#q", "发展和改革委员会")
    assert 2 <= tab.locator("tbody tr:not([hidden])").count() < len(corpus.overview.loads)


def test_front_page_asks_the_four_questions_and_links_every_document(views, browser):
    corpus, written = views
    tab, problems = open_list(browser, written["index"])
    assert problems == []
    links = set(tab.eval_on_selector_all("a", "as => as.map(a => a.getAttribute('href'))"))
    assert {"flow.html", "overlaps.html", "agencies/index.html", "responsibility.html", "zones.html"} <= links
    assert {f"documents/{p.stem}.html" for p in CORPUS.glob("*.txt")} <= links
    assert str(len(corpus.overview.targets)) in tab.inner_text("body")


def test_document_text_shows_as_text_never_runs(browser, tmp_path):
    hostile = "<script>window.pwned = 1</script><img src=x onerror=window.pwned=2>"
    graph = nx.Graph()
    graph.add_node("a", label=hostile, title=hostile, color="#c33", shape="box")
    graph.add_node("b", label="措施", title=hostile, color="#33c", shape="box")
    graph.add_edge("a", "b", title=hostile)
    part = Part(hostile, graph, {"a": (0.0, 0.0), "b": (300.0, 0.0)}, (LegendEntry(hostile, "#c33"),))
    copy_assets(tmp_path / "assets")
    path = render(
        "view.html",
        tmp_path / "hostile.html",
        root="",
        data={"parts": [part.as_json()], "options": pages.OPTIONS},
        parts=[part, part],
        shown=2,
        title=hostile,
        question=hostile,
        links=[("index.html", hostile)],
        legend=[LegendEntry(hostile, "#c33")],
    )
    _, tab, problems = look_at(browser, path, "hostile")
    assert tab.evaluate("window.pwned") is None
    assert hostile in tab.inner_text("h1") and hostile in tab.inner_text("#part-legend")
    assert tab.evaluate("document.querySelectorAll('img, [onerror]').length") == 0
    assert problems == []
