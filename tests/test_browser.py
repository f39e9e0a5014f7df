"""The leaders' pages in a real headless Chromium, with the network cut off.

Each page must load with no console error and no request beyond its own files, draw its network
(non-blank canvas pixels), hold as many nodes as the graph it was drawn from, and show tooltips.
Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT, guarded_tab
from policykg.publish import write_text
from policykg.queries.catalogue import store_at
from policykg.queries.overview import overview
from policykg.viz import pages
from policykg.viz.render import LegendEntry, page

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def views(built, tmp_path_factory):
    out, _ = built
    data = overview(store_at(out))
    written = pages.write_views(data, tmp_path_factory.mktemp("viz"))
    return data, written


def open_page(browser, path: Path, shot: str):
    """Open a page offline; return (page, problems): console errors, page errors, outside requests."""
    tab, problems = guarded_tab(browser, "file://", offline=True, viewport={"width": 1400, "height": 1000})
    tab.goto(path.as_uri())
    tab.wait_for_timeout(800)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{shot}.png"))
    return tab, problems


DRAWN = (
    "() => { const c = document.querySelector('#mynetwork canvas'); const d = c.getContext('2d')"
    ".getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 0; i < d.length; i += 4)"
    " { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++; } return n; }"
)


@pytest.mark.parametrize(
    "name, builder",
    [
        ("responsibility", pages.responsibility_graph),
        ("flow", pages.flow_graph),
        ("zones", pages.zones_graph),
        ("overlaps", pages.overlaps_graph),
    ],
)
def test_network_page_draws_every_node_offline(views, browser, name, builder):
    data, written = views
    tab, problems = open_page(browser, written[name], name)
    assert problems == []
    expected = builder(data).number_of_nodes()
    assert expected > 10
    assert tab.evaluate("nodes.length") == expected
    assert int(tab.get_attribute("#shown", "data-nodes")) == expected
    assert tab.evaluate(DRAWN) > 2000  # coloured pixels on the canvas
    assert tab.title() or tab.inner_text("h1")


def test_responsibility_tooltip_quotes_the_source(views, browser):
    data, written = views
    tab, problems = open_page(browser, written["responsibility"], "responsibility-tooltip")
    agency = max(data.loads.values(), key=lambda load: load.weighted_degree)
    point = tab.evaluate("id => { const p = network.getPosition(id); return network.canvasToDOM(p); }", agency.agency)
    box = tab.locator("#mynetwork").bounding_box()
    tab.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tab.wait_for_timeout(600)
    tooltip = tab.locator("div.vis-tooltip")
    assert tooltip.is_visible()
    assert agency.label_zh in tooltip.inner_text()
    tab.screenshot(path=str(ARTIFACTS / "responsibility-tooltip.png"))
    assert problems == []


def test_filters_hide_the_other_documents(views, browser):
    data, written = views
    tab, _ = open_page(browser, written["responsibility"], "responsibility-filter")
    stem = "puyang-2023-manufacturing-doubling"
    tab.select_option("select[data-filter=document]", stem)
    shown = tab.evaluate("nodes.get({filter: n => !n.hidden}).length")
    measures = sum(1 for _, d in data.network.nodes(data=True) if d["kind"] != "agency" and d.get("document") == stem)
    assert shown == measures  # agencies carry no document, so only this document's measures stay


def test_agency_pages_and_list(views, browser):
    data, written = views
    tab, problems = open_page(browser, written["agencies"], "agencies")
    assert problems == []
    assert tab.locator("tbody tr").count() == len(data.loads)
    tab.fill("#q", "发展和改革委员会")
    assert tab.locator("tbody tr:not([hidden])").count() == 2  # one per city
    first = tab.locator("tbody tr a").first.get_attribute("href")
    agency_page, problems = open_page(browser, written["agencies"].parent / first, "agency")
    assert problems == []
    assert agency_page.evaluate(DRAWN) > 500


def test_front_page_links_every_view(views, browser):
    data, written = views
    tab, problems = open_page(browser, written["index"], "index")
    assert problems == []
    links = tab.eval_on_selector_all("a", "as => as.map(a => a.getAttribute('href'))")
    assert {"responsibility.html", "flow.html", "zones.html", "overlaps.html", "agencies/index.html"} <= set(links)
    assert str(len(data.targets)) in tab.inner_text("body")


def test_document_text_shows_as_text_never_runs(browser, tmp_path):
    hostile = "<script>window.pwned = 1</script><img src=x onerror=window.pwned=2>"
    graph = nx.Graph()
    graph.add_node("a", label=hostile, title=hostile, color="#c33")
    graph.add_node("b", label="措施", title=hostile, color="#33c")
    graph.add_edge("a", "b", title=hostile)
    path = write_text(
        tmp_path / "hostile.html", page(hostile, hostile, graph, [LegendEntry(hostile, "#c33")], {"doc": [hostile]})
    )
    tab, problems = open_page(browser, path, "hostile")
    assert tab.evaluate("window.pwned") is None
    assert hostile in tab.inner_text("h1")
    assert problems == []
