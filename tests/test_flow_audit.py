"""The auditor's flow findings on a small hand-written graph: a province's plan and a city plan based
on it, whose aligned tasks set targets in other units and are led by other bodies."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat, Store

from policykg.queries.flow_audit import flow_findings

GRAPH = """
@prefix pkg: <https://w3id.org/policykg/ontology#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/> .

:province a pkg:Document ; pkg:sourceFile "province-plan.txt" ; eli:title "省级方案"@zh .
:city a pkg:Document ; pkg:sourceFile "city-plan.txt" ; eli:title "市级方案"@zh ; eli:based_on :province .

:p1 pkg:inDocument :province ; pkg:path "一" ; pkg:order 1 ; pkg:text "全省森林覆盖率达到20%。" ;
    pkg:flowStatus pkg:TakenUp .
:p2 pkg:inDocument :province ; pkg:path "二" ; pkg:order 2 ; pkg:text "建成绿道300公里。" ; pkg:flowStatus pkg:TakenUp .
:p3 pkg:inDocument :province ; pkg:path "三" ; pkg:order 3 ; pkg:title "加强宣传" ; pkg:text "加强宣传。" ;
    pkg:flowStatus pkg:NotTakenUp .
:c1 pkg:inDocument :city ; pkg:path "1" ; pkg:text "全市森林覆盖率达到18%。" .
:c2 pkg:inDocument :city ; pkg:path "2" ; pkg:text "建成绿道300000米。" .

:a1 a pkg:Alignment ; pkg:upperMeasure :p1 ; pkg:lowerMeasure :c1 .
:a2 a pkg:Alignment ; pkg:upperMeasure :p2 ; pkg:lowerMeasure :c2 .

:t1 pkg:targetOf :p1 ; pkg:indicator "森林覆盖率" ; pkg:value 20 ; pkg:unit "%" ; pkg:dueYear "2025"^^xsd:gYear .
:t2 pkg:targetOf :c1 ; pkg:indicator "森林覆盖率" ; pkg:value 18 ; pkg:unit "%" ; pkg:dueYear "2025"^^xsd:gYear .
:t3 pkg:targetOf :p2 ; pkg:indicator "绿道" ; pkg:value 300 ; pkg:unit "公里" .
:t4 pkg:targetOf :c2 ; pkg:indicator "绿道" ; pkg:value 300000 ; pkg:unit "米" .
# As the build states them (graph/target_levels.py): the city's share lowered, its greenways the same.
[] a pkg:TargetComparison ; pkg:onAlignment :a1 ; pkg:upperTarget :t1 ; pkg:lowerTarget :t2 ; pkg:comparison "lowered" .
[] a pkg:TargetComparison ; pkg:onAlignment :a2 ; pkg:upperTarget :t3 ; pkg:lowerTarget :t4 ; pkg:comparison "same" .

:finance skos:prefLabel "财政部门"@zh .
:housing skos:prefLabel "住房城乡建设部门"@zh .
:province-finance skos:prefLabel "省财政厅"@zh ; pkg:functionalType :finance .
:city-finance skos:prefLabel "市财政局"@zh ; pkg:functionalType :finance .
:province-housing skos:prefLabel "省住房城乡建设厅"@zh ; pkg:functionalType :housing .
:city-company skos:prefLabel "市城投公司"@zh .
[] pkg:measure :p1 ; pkg:rank 1 ; pkg:role pkg:Lead ; pkg:agency :province-finance .
[] pkg:measure :c1 ; pkg:rank 1 ; pkg:role pkg:Lead ; pkg:agency :city-finance .
[] pkg:measure :p2 ; pkg:rank 1 ; pkg:role pkg:Lead ; pkg:agency :province-housing .
[] pkg:measure :c2 ; pkg:rank 1 ; pkg:role pkg:Lead ; pkg:agency :city-company .
# the city's housing bureau only supports 2: the lead has still moved to the company
:city-housing skos:prefLabel "市住房城乡建设局"@zh ; pkg:functionalType :housing .
[] pkg:measure :c2 ; pkg:rank 1 ; pkg:role pkg:Support ; pkg:agency :city-housing .
# 四 is handed to the county governments as a whole: the city's finance bureau taking it is no move.
:p4 pkg:inDocument :province ; pkg:path "四" ; pkg:order 4 ; pkg:text "各县（区）人民政府落实资金保障。" ;
    pkg:flowStatus pkg:TakenUp .
:c4 pkg:inDocument :city ; pkg:path "4" ; pkg:text "市财政局落实资金保障。" .
:a4 a pkg:Alignment ; pkg:upperMeasure :p4 ; pkg:lowerMeasure :c4 .
:counties skos:prefLabel "各县（区）人民政府"@zh ; pkg:agencyKind pkg:CollectiveBody .
:province-counties skos:prefLabel "省各县（区）人民政府"@zh ; pkg:functionalType :counties .
[] pkg:measure :p4 ; pkg:rank 1 ; pkg:role pkg:Lead ; pkg:agency :province-counties .
[] pkg:measure :c4 ; pkg:rank 1 ; pkg:role pkg:Lead ; pkg:agency :city-finance .
# 五 is led in the city by its finance bureau's budget division: the bureau's type, no move.
:p5 pkg:inDocument :province ; pkg:path "五" ; pkg:order 5 ; pkg:text "加强预算管理。" ; pkg:flowStatus pkg:TakenUp .
:c5 pkg:inDocument :city ; pkg:path "5" ; pkg:text "加强预算管理。" .
:a5 a pkg:Alignment ; pkg:upperMeasure :p5 ; pkg:lowerMeasure :c5 .
:city-budget skos:prefLabel "市财政局预算科"@zh ; pkg:divisionOf :city-finance .
[] pkg:measure :p5 ; pkg:rank 1 ; pkg:role pkg:Lead ; pkg:agency :province-finance .
[] pkg:measure :c5 ; pkg:rank 1 ; pkg:role pkg:Lead ; pkg:agency :city-budget .
"""


@pytest.fixture(scope="module")
def findings():
    store = Store()
    store.load(GRAPH.encode(), RdfFormat.TURTLE)
    return flow_findings(store)


def test_a_lowered_target_is_a_finding_and_an_equal_one_is_not(findings):
    (weakened,) = [f for f in findings if f.kind == "weakened-target"]
    assert weakened.severity == "warning"
    assert weakened.paths == ("province-plan 一", "city-plan 1")
    assert "森林覆盖率 18%" in weakened.message and "森林覆盖率 20%" in weakened.message


def test_a_task_no_lower_document_takes_up(findings):
    (idle,) = [f for f in findings if f.kind == "not-taken-up"]
    assert idle.documents == ("province-plan",) and idle.paths == ("三",) and "加强宣传" in idle.message


def test_a_lead_moved_to_another_type_of_body(findings):
    (moved,) = [f for f in findings if f.kind == "lead-moved"]  # finance leads at both levels for 一: no finding
    assert moved.paths == ("province-plan 二", "city-plan 2")
    assert moved.agencies == ("省住房城乡建设厅", "市城投公司") and "no known type" in moved.message


def test_a_task_handed_to_the_lower_governments_has_not_moved(findings):
    assert not [f for f in findings if f.kind == "lead-moved" and "province-plan 四" in f.paths]


def test_a_division_leads_as_its_body_would(findings):
    """A bureau's division (市财政局预算科) is of its bureau's type: the finance department's task led
    there has not moved."""
    assert not [f for f in findings if f.kind == "lead-moved" and "province-plan 五" in f.paths]
