"""The analyses and the auditor's report say what a careful reader of the five documents finds, on their
full build (slow: the quick tier runs the analyses on a small graph, tests/test_analyses_fixture.py)."""

from __future__ import annotations

import csv
import time

import networkx as nx
import pytest
from openpyxl import load_workbook

from bench.measures import synthetic
from conftest import of_kind
from policykg.queries.catalogue import load, run, store_at
from policykg.queries.near_duplicates import find_topics, topics
from policykg.queries.network import (
    NETWORKS,
    agency_load,
    build_network,
    co_responsibility,
    flow_graph,
    path_to_source,
)
from policykg.queries.report import COLUMNS, findings, write_report
from policykg.queries.responsibility_flags import responsibility_flags

DOC = "https://w3id.org/policykg/id/doc/"
AG = "https://w3id.org/policykg/id/agency/"
Y2019 = "zhumadian-2019-industrial-clusters-plan"
Y2021 = "zhumadian-2021-industrial-quality-plan"
Y2023 = "zhumadian-2023-industrial-economy"
Y2024 = "zhumadian-2024-development-zones-plan"
PUYANG = "puyang-2023-manufacturing-doubling"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(built):
    return store_at(built[0])


# The responsibility network


def test_the_network_is_bipartite_with_quoted_edges(network):
    kinds = nx.get_node_attributes(network, "kind")
    assert set(kinds.values()) == {"agency", "measure", "annex-row"}
    for u, v, data in network.edges(data=True):
        assert kinds[u] == "agency" and kinds[v] != "agency"
        assert data["role"] in ("lead", "support", "responsible", "implementer", "coordinator")
        assert data["quote"] and isinstance(data["rank"], int) and isinstance(data["joint"], bool)
    # One edge per responsibility, as the golden files count them.
    assert network.number_of_edges() == 537
    fgw = network.nodes[AG + "zhumadian-development-reform"]
    assert fgw["label_zh"] == "驻马店市发展和改革委员会" and fgw["city"] == "驻马店市"
    measure = network.nodes[DOC + Y2024 + "/item/3-p1-1"]
    assert (measure["title"], measure["path"], measure["document"]) == ("做强特色主导产业", "三/（一）/1", Y2024)


def test_zhumadian_development_reform_commission_leads_most(network, store):
    zhumadian = [a for a in agency_load(network) if a.city == "驻马店市"]
    top = max(zhumadian, key=lambda a: a.lead)
    assert top.label_zh == "驻马店市发展和改革委员会" and top.lead == 19
    assert sorted(a.lead for a in zhumadian)[-2] == 16  # 市工信局
    # The load counts agree with the agencies export, role by role.
    exported = {r["iri"]: r for r in run(store, load("exports")["agencies"])}
    for a in agency_load(network):
        row = exported[a.agency]
        assert [a.lead, a.support, a.responsible, a.implementer, a.coordinator] == [
            int(row[k]) for k in ("lead", "support", "responsible", "implementer", "coordinator")
        ]


def test_science_and_industry_bureaus_share_the_2021_innovation_measures(network):
    projection = co_responsibility(network)
    edge = projection[AG + "zhumadian-science-technology"][AG + "zhumadian-industry-it"]
    assert edge["weight"] >= 5
    # 2021 plan (三)…(七): （责任单位:市科技局、市工信局、市发改委）five times.
    for item in ("2-p3", "2-p4", "2-p5", "2-p6", "2-p7"):
        assert DOC + Y2021 + "/item/" + item in edge["measures"]
    assert not projection.has_edge(AG + "zhumadian-industry-it", AG + "puyang-industry-it")


def test_flow_runs_from_provincial_sources_to_measures_and_agencies(store):
    flow = flow_graph(store)
    assert nx.is_directed_acyclic_graph(flow)
    path = path_to_source(flow, DOC + Y2021 + "/item/2-p3")
    assert path[1:] == [DOC + Y2021 + "/item/2", DOC + Y2021, DOC + "cited/豫办〔2020〕17号"]
    assert flow.nodes[path[-1]]["level"] == "provincial"
    assert path_to_source(flow, DOC + Y2023 + "/item/2-p1")[-1] == DOC + "cited/豫发〔2022〕9号"
    # Puyang's document cites nothing: the path stops at the document.
    assert path_to_source(flow, DOC + PUYANG + "/item/2-p1-1")[-1] == DOC + PUYANG
    measure = DOC + Y2024 + "/item/3-p1-1"
    assert flow.edges[measure, AG + "zhumadian-development-reform"]["roles"] == "lead; responsible"
    assert flow.nodes["https://w3id.org/policykg/id/place/zhumadian-suiping"]["kind"] == "place"
    assert flow.has_edge(measure, "https://w3id.org/policykg/id/place/zhumadian-suiping")
    with pytest.raises(nx.NodeNotFound):
        path_to_source(flow, "nowhere")


def test_networks_by_name(store):
    sizes = {kind: build_network(store, kind).number_of_nodes() for kind in NETWORKS}
    assert sizes["co-responsibility"] == 70  # every agency named in a responsibility
    assert sizes["responsibility"] == 70 + 91 + 1  # and the 91 items and 1 unmatched annex row assigned to them
    with pytest.raises(ValueError):
        build_network(store, "citations")


# Overlaps and responsibility flags


def test_standard_land_supply_is_one_topic_across_zhumadian_documents(store):
    land = [t for t in topics(store) if any("标准地" in c for m in t.measures for c in m.clauses)]
    assert len(land) == 1
    documents = {m.document for m in land[0].measures if m.city == "驻马店市"}
    assert len(documents) >= 3
    assert {Y2021, Y2023, Y2024} <= documents
    paths = {(m.document, m.path) for m in land[0].measures}
    assert (Y2024, "三/（四）/2") in paths and (Y2021, "七/（二十七）") in paths
    lead = next(m for m in land[0].measures if m.document == Y2024).agencies["lead"]
    assert lead == ("驻马店市自然资源和规划局",)


def test_enterprise_upgrading_chain_links_2024_plan_and_puyang(store):
    (chain,) = [t for t in topics(store) if any("个转企" in c for m in t.measures for c in m.clauses)]
    assert {(m.document, m.path) for m in chain.measures} >= {(Y2024, "三/（二）/4"), (PUYANG, "二/（一）/3")}


def test_several_leads_are_flagged_as_diffused(store):
    diffused = {(f.documents[0], f.paths[0]): f for f in responsibility_flags(store) if f.kind == "diffused"}
    green = diffused[(Y2024, "三/（四）/4")]  # 附件1 row 15: 市发改委、生态环境局、工信局
    assert green.agencies == ("驻马店市发展和改革委员会", "驻马店市生态环境局", "驻马店市工业和信息化局")
    assert "listed side by side" in green.message
    policy = diffused[(Y2019, "二/（一）/2")]  # …电力公司按职责分工负责
    assert len(policy.agencies) == 9 and "按职责分工负责" in policy.message


def test_tasks_without_an_accountable_agency_are_gaps(store):
    gaps = {(f.documents[0], f.paths[0]): f for f in responsibility_flags(store) if f.kind == "gap"}
    # The 2023 opinions name no agency for any of their eleven tasks.
    tasks = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]
    for n in tasks:
        assert gaps[(Y2023, f"二/（{n}）")].severity == "warning"
    assert (Y2023, "三/（一）") not in gaps  # "各县区要建立…": the county governments are responsible
    assert gaps[(Y2024, "二/（二）")].severity == "info"  # 年度目标: goals, with 16 targets
    assert not any(doc == Y2021 and path.startswith("二/") for doc, path in gaps)  # every task has 责任单位


def test_overlaps_scale_to_ten_thousand_measures():
    measures, planted = synthetic(10_000)
    start = time.perf_counter()
    found = find_topics(measures)
    elapsed = time.perf_counter() - start
    together = {(a.measure, b.measure) for t in found for a in t.measures for b in t.measures}
    assert all((f"m{j}", f"m{i}") in together for j, i in planted)
    assert elapsed < 60, f"{elapsed:.1f} s for 10,000 measures"


# Target consistency


def test_one_star_count_of_2024_disagrees_with_annex_2(found):
    errors = [f for f in of_kind(found, "tier-count") if f.severity == "error"]
    assert len(errors) == 1
    (star,) = errors
    assert star.documents == (Y2024,) and star.paths == ("二/（二）", "附件2")
    assert "一星级开发区2个" in star.quotes
    assert any(q.replace("\n", "").replace(" ", "") == "一星" for q in star.quotes if q != "一星级开发区2个")
    assert "2024" in star.message and "3" in star.message
    assert {"驻马店经济技术开发区", "平舆县开发区", "正阳县开发区"} <= set(star.message.split("(")[1][:-1].split("、"))


def test_eleven_clusters_above_50_against_nine_in_annex_3(found):
    (count,) = of_kind(found, "threshold-count")
    assert count.severity == "warning" and "附件3" in count.paths and "三/（一）" in count.paths
    assert "全市开发区主导产业集群超50亿元的达到11个" in count.quotes
    assert "9 strictly above 50亿元" in count.message and "2 at exactly 50" in count.message


def test_puyang_doubling_needs_29_4_percent_in_2026(found):
    paths = of_kind(found, "growth-path")
    (value_added,) = [f for f in paths if "规模以上制造业增加值" in f.message]
    assert value_added.severity == "warning" and value_added.documents == (PUYANG,)
    assert "×1.5456" in value_added.message and "29.4% in 2026" in value_added.message
    assert "各县（区）规模以上制造业增加值在2022年基础上实现倍增" in value_added.quotes
    assert len(value_added.quotes) == 4


def test_cluster_revenues_against_the_zone_total(found):
    (total,) = of_kind(found, "sum")
    assert "1245亿元" in total.message and "1500亿元" in total.message and total.severity == "info"


def test_high_tech_enterprise_targets_across_documents(found):
    (high_tech,) = [f for f in of_kind(found, "indicator-trend") if f.message.startswith("高新技术企业")]
    assert set(high_tech.documents) == {Y2021, Y2024}
    assert "新认定国家高新技术企业20家" in high_tech.quotes and "lowered from 20家 to 10家" in high_tech.message


# The report


def test_findings_are_ordered_by_severity(found, store):
    assert found == findings(store)
    order = [("error", "warning", "info").index(f.severity) for f in found]
    assert order == sorted(order)
    assert {f.kind for f in found} >= {"tier-count", "threshold-count", "growth-path", "gap", "diffused", "overlap"}


def test_write_report_writes_three_files(built, tmp_path, found):
    paths = write_report(built[0], tmp_path / "report")
    assert [p.name for p in paths] == ["report.html", "findings.csv", "findings.xlsx"]
    page = paths[0].read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "src=" not in page and "<link" not in page
    assert "一星级开发区2个" in page and page.count('class="finding ') == len(found)
    with paths[1].open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert tuple(table[0]) == COLUMNS and len(table) == len(found)
    assert table[0]["severity"] == "error"
    sheet = load_workbook(paths[2])["findings"]
    assert sheet.max_row == len(found) + 1 and sheet["A2"].value == table[0]["kind"]
    assert not list(tmp_path.joinpath("report").glob(".*"))  # no temporary file left
