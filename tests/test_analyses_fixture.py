"""The analyses and the report on a small graph written by hand (tests/fixtures/two-plans.ttl): each
analysis finds the one thing the graph states for it, with no build and no Java. What a careful
reader finds in the real documents is checked on the full build (tests/test_analyses.py, slow)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook
from pyoxigraph import RdfFormat, Store
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from conftest import of_kind
from policykg.queries.findings import SEVERITIES, Finding
from policykg.queries.near_duplicates import topics
from policykg.queries.network import (
    NETWORKS,
    agency_load,
    build_network,
    co_responsibility,
    communities,
    flow_graph,
    path_to_source,
    write_network,
)
from policykg.queries.report import COLUMNS, findings, render_html, write_findings
from policykg.queries.responsibility_flags import lead_conflicts, responsibility_flags
from policykg.queries.target_checks import target_findings

FIXTURE = Path(__file__).parent / "fixtures" / "two-plans.ttl"
PKG = Namespace("https://w3id.org/policykg/ontology#")
DOC = "https://w3id.org/policykg/id/doc/"
AG = "https://w3id.org/policykg/id/agency/"
Y2023, Y2024 = "jia-2023-plan", "jia-2024-plan"


def item(document: str, part: str) -> str:
    return f"{DOC}{document}/item/{part}"


@pytest.fixture(scope="module")
def facts() -> Graph:
    """The fixture as rdflib reads it: what the tests count against, apart from the store's SPARQL."""
    return Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    store.load(path=str(FIXTURE), format=RdfFormat.TURTLE)
    return store


# The networks


def test_the_network_has_an_edge_per_responsibility_from_agency_to_measure(network, facts):
    responsibilities = list(facts.subjects(RDF.type, PKG.Responsibility))
    assert network.number_of_edges() == len(responsibilities)
    kinds = nx.get_node_attributes(network, "kind")
    agencies = {facts.value(r, PKG.agency) for r in responsibilities}
    measures = {facts.value(r, PKG.measure) for r in responsibilities} - {None}
    unmatched = [r for r in responsibilities if facts.value(r, PKG.measure) is None]
    assert Counter(kinds.values()) == {"agency": len(agencies), "measure": len(measures), "annex-row": len(unmatched)}
    for u, v, data in network.edges(data=True):
        assert kinds[u] == "agency" and kinds[v] != "agency" and data["quote"]
    measure = network.nodes[item(Y2024, "3-p1")]
    assert (measure["title"], measure["path"], measure["document"]) == ("深化标准地改革", "三/（一）", Y2024)
    assert network.nodes[AG + "jia-finance"]["document"] == f"{Y2023}; {Y2024}"


def test_load_counts_each_role_as_the_graph_states_it(network, facts):
    roles = Counter(
        (str(facts.value(r, PKG.agency)), str(facts.value(r, PKG.role)).rpartition("#")[2].lower())
        for r in facts.subjects(RDF.type, PKG.Responsibility)
    )
    loads = agency_load(network)
    for a in loads:
        counts = [a.lead, a.support, a.responsible, a.implementer, a.coordinator]
        assert counts == [
            roles[(a.agency, role)] for role in ("lead", "support", "responsible", "implementer", "coordinator")
        ]
        assert 0 <= a.betweenness <= 1
    assert loads[0].agency == AG + "jia-industry-it"  # two leads, the most
    assert loads == agency_load(network, co_responsibility(network))


def test_agencies_named_for_one_measure_are_linked(network):
    projection = co_responsibility(network)
    assert projection[AG + "jia-development-reform"][AG + "jia-industry-it"]["measures"] == (item(Y2023, "2-p2"),)
    assert projection[AG + "jia-industry-it"][AG + "jia-finance"]["weight"] == 1  # responsible and support
    assert not projection.has_edge(AG + "jia-natural-resources", AG + "jia-industry-it")  # two documents, no measure
    parts = communities(projection)
    assert sorted(n for p in parts for n in p) == sorted(projection) and parts == communities(projection)


def test_the_flow_runs_from_the_cited_plan_to_measures_agencies_and_places(store):
    flow = flow_graph(store)
    assert nx.is_directed_acyclic_graph(flow)
    assert path_to_source(flow, item(Y2023, "2-p1")) == [
        item(Y2023, "2-p1"),
        item(Y2023, "2"),
        DOC + Y2023,
        DOC + "province-plan",
    ]
    assert flow.nodes[DOC + "province-plan"]["level"] == "provincial"
    assert flow.edges[item(Y2024, "3-p2"), AG + "jia-finance"]["roles"] == "support"
    assert flow.has_edge(item(Y2024, "3-p1"), "https://w3id.org/policykg/id/place/jia-east")
    with pytest.raises(nx.NodeNotFound):
        path_to_source(flow, "nowhere")


def test_networks_by_name(store, network):
    agencies = {n for n, kind in network.nodes(data="kind") if kind == "agency"}
    assert build_network(store, "co-responsibility").number_of_nodes() == len(agencies)
    assert build_network(store, "responsibility").number_of_nodes() == network.number_of_nodes()
    assert set(NETWORKS) == {"responsibility", "co-responsibility", "flow"}
    with pytest.raises(ValueError):
        build_network(store, "citations")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_written_networks_read_back_with_labels(network, store, tmp_path, fmt):
    for graph in (network, co_responsibility(network), flow_graph(store)):
        path = write_network(graph, tmp_path / f"g.{fmt}")
        again = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert again.number_of_nodes() == graph.number_of_nodes()
        assert again.number_of_edges() == graph.number_of_edges()
        for node, data in graph.nodes(data=True):
            assert again.nodes[node]["label_zh"] == data["label_zh"]
        assert write_network(graph, tmp_path / f"h.{fmt}").read_bytes() == path.read_bytes()  # deterministic
    with pytest.raises(ValueError):
        write_network(network, tmp_path / "g.dot")


def test_none_attributes_are_written_as_empty_strings(tmp_path):
    graph = nx.Graph()
    graph.add_node("a", label_zh="甲", city=None, names=("x", "y"))
    graph.add_edge("a", "b", weight=2)
    again = nx.read_graphml(write_network(graph, tmp_path / "n.graphml"))
    assert again.nodes["a"]["city"] == "" and again.nodes["a"]["names"] == "x; y"
    assert again.nodes["b"]["label"] == "b"


# Near duplicates and responsibility flags


def test_one_clause_in_two_plans_is_one_topic_with_each_lead(store):
    (land,) = [t for t in topics(store) if "标准地出让制度改革" in t.label]
    assert [(m.document, m.path) for m in land.measures] == [(Y2023, "二/（一）"), (Y2024, "三/（一）")]
    assert [m.agencies["lead"] for m in land.measures] == [("甲市自然资源和规划局",), ("甲市工业和信息化局",)]
    assert land.similarity == 1.0 and topics(store) == topics(store)


def test_two_plans_giving_one_task_to_different_leads_conflict(store):
    conflicts = {f.paths: f for f in lead_conflicts(topics(store))}
    land = conflicts[(f"{Y2023} 二/（一）", f"{Y2024} 三/（一）")]
    assert land.severity == "warning" and land.agencies == ("甲市自然资源和规划局", "甲市工业和信息化局")
    # 2024 names no lead for its high-tech enterprises: its first responsible agency stands in, so info only.
    enterprises = conflicts[(f"{Y2023} 二/（二）", f"{Y2024} 三/（二）")]
    assert enterprises.severity == "info" and "(first-named responsible)" in enterprises.message


def test_two_leads_side_by_side_are_diffused_and_a_task_nobody_carries_is_a_gap(store):
    flags = {(f.kind, f.documents, f.paths): f for f in responsibility_flags(store)}
    diffused = flags[("diffused", (Y2023,), ("二/（二）",))]
    assert diffused.agencies == ("甲市发展和改革委员会", "甲市工业和信息化局") and "side by side" in diffused.message
    gap = flags[("gap", (Y2023,), ("二/（三）",))]
    assert gap.severity == "warning" and gap.quotes == ("加强要素保障。统筹用地、用能指标，优先保障重点项目。",)
    assert {kind for kind, _, _ in flags} == {"diffused", "gap"}  # the measures with an accountable agency pass


# Target checks


def test_the_body_count_of_a_star_against_the_annex_names_the_zones(found):
    (error, summary) = of_kind(found, "tier-count")
    assert error.severity == "error" and error.paths == ("二", "附件1")
    assert "3 开发区 (甲市东区开发区、甲市西区开发区、甲市南区开发区)" in error.message
    assert "2024年一星级开发区2个" in error.quotes and "0 of 1 cells" in summary.message


def test_parts_in_wan_yuan_add_up_against_a_total_in_yi_yuan(found):
    (total,) = of_kind(found, "sum")
    assert total.severity == "warning" and "add up to 110亿元, 110%" in total.message
    assert total.message.endswith("more than the whole")


def test_growth_rates_compound_short_of_the_doubling(found):
    (path,) = of_kind(found, "growth-path")
    assert path.severity == "warning" and "×1.2320 of 2023" in path.message and "62.3% in 2026" in path.message
    assert len(path.quotes) == 3


def test_an_indicator_lowered_from_one_plan_to_the_next(found):
    (trend,) = of_kind(found, "indicator-trend")
    assert trend.documents == (Y2023, Y2024) and "lowered from 20家 to 10家" in trend.message


def test_target_findings_are_sorted_and_deterministic(store):
    first = target_findings(store)
    assert first == target_findings(store) and first == sorted(first, key=Finding.sort_key)


# The report


def test_findings_are_ordered_by_severity(found, store):
    assert found == findings(store)
    order = [SEVERITIES.index(f.severity) for f in found]
    assert order == sorted(order)


def test_write_findings_writes_three_files_of_every_finding(found, tmp_path):
    paths = write_findings(found, tmp_path / "report", [(Y2023, "甲政办〔2023〕1号", "甲市2023年工业发展方案")])
    assert [p.name for p in paths] == ["report.html", "findings.csv", "findings.xlsx"]
    page = paths[0].read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "src=" not in page and "<link" not in page
    assert page.count('class="finding ') == len(found) and "甲政办〔2023〕1号" in page
    with paths[1].open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert tuple(table[0]) == COLUMNS and [r["message"] for r in table] == [f.message for f in found]
    sheet = load_workbook(paths[2])["findings"]
    assert sheet.max_row == len(found) + 1 and sheet["A2"].value == found[0].kind
    assert not list(tmp_path.joinpath("report").glob(".*"))  # no temporary file left


def test_html_escapes_what_comes_from_the_data(tmp_path):
    odd = Finding("gap", "warning", "a <b>bold</b> claim & more", ("<script>alert(1)</script>",), ("一",))
    page = render_html([odd], [("<doc>", "驻政办", "<title>")])
    assert "<script" not in page and "<b>bold" not in page and "<doc>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;bold&lt;/b&gt; claim &amp; more" in page
    written = write_findings([odd], tmp_path)
    assert "&lt;script&gt;" in written[0].read_text(encoding="utf-8")
