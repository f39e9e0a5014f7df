"""The SHACL shapes accept the examples and reject hand-made broken graphs with their message."""

from __future__ import annotations

from importlib.resources import files

import pytest
from pyoxigraph import RdfFormat, Store
from rdflib import Graph, Literal, Namespace, URIRef

from policykg.graph.shacl_store import store_problems
from policykg.graph.validation import DocumentValidator, sparql_violations, validate_graph
from policykg.ontology.namespace import PKG

OA = Namespace("http://www.w3.org/ns/oa#")
EXAMPLE = files("policykg.ontology") / "examples" / "minimal.ttl"
RESP = URIRef("https://w3id.org/policykg/id/doc/example/item/2-p3/r/body-responsible-zhumadian-industry-it")
AGENCY = URIRef("https://w3id.org/policykg/id/agency/zhumadian-industry-it")
PUYANG = URIRef("https://w3id.org/policykg/id/place/puyang")


def example() -> Graph:
    return Graph().parse(data=EXAMPLE.read_text(encoding="utf-8"), format="turtle")


def test_the_example_conforms():
    assert validate_graph(example()) == []


def _no_role(g: Graph) -> None:
    g.remove((RESP, PKG.role, None))


def _agency_of_another_city(g: Graph) -> None:
    g.remove((AGENCY, PKG.city, None))
    g.add((AGENCY, PKG.city, PUYANG))
    g.add((PUYANG, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), PKG.City))


def _empty_quote(g: Graph) -> None:
    quote = URIRef(str(RESP) + "/evidence/quote")
    g.remove((quote, OA.exact, None))
    g.add((quote, OA.exact, Literal("")))


CITED = URIRef("https://w3id.org/policykg/id/doc/cited/example")
ELI_TITLE = URIRef("http://data.europa.eu/eli/ontology#title")
ELI_ID_LOCAL = URIRef("http://data.europa.eu/eli/ontology#id_local")


def _cited_by_nothing(g: Graph) -> None:
    g.remove((CITED, ELI_TITLE, None))
    g.remove((CITED, ELI_ID_LOCAL, None))


def _corpus_document_without_title(g: Graph) -> None:
    g.remove((URIRef("https://w3id.org/policykg/id/doc/example"), ELI_TITLE, None))


def test_a_document_cited_by_its_number_alone_needs_no_title():
    g = example()
    g.remove((CITED, ELI_TITLE, None))  # 根据豫办〔2020〕17号文件精神: the number is all the citation says
    assert validate_graph(g) == []


@pytest.mark.parametrize(
    "number, valid",
    [("豫政办〔2023〕25号", True), ("豫政办[2023]25号", True), ("豫政办（2023）25号", True)]
    + [("豫政办〔2023〕第25号", True), ("豫政办2023年25号", False), ("第25号", False)]
    + [("浙江省人民政府令第402号", True), ("河南省人民政府令（第218号）", True), ("令第402号", False)]
    + [("湖北省人民代表大会常务委员会公告第一百一十八号", True)],
)
def test_a_document_number_in_any_of_the_brackets_writers_use(number, valid):
    """A 文号 is kept as printed: the year in 〔〕 as GB/T 9704 prints it, or in the [] （） 【】
    that web pages and typists use, and 第 before the serial as some print it; a decree's number
    is its head and serial (浙江省人民政府令第402号)."""
    g = example()
    g.set((CITED, ELI_ID_LOCAL, Literal(number)))
    problems = validate_graph(g)
    assert (problems == []) is valid, [p.message for p in problems]
    assert valid or any("eli:id_local" in p.message for p in problems)


def _start_after_end(g: Graph) -> None:
    position = URIRef(str(RESP) + "/evidence/position")
    g.remove((position, OA.start, None))
    g.add((position, OA.start, Literal(10**6, datatype=URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"))))


@pytest.mark.parametrize(
    "breakage, message",
    [
        (_no_role, "A responsibility must have exactly one pkg:role"),
        (_empty_quote, "A text quote selector must have exactly one non-empty oa:exact"),
        (_start_after_end, "not greater than its oa:end"),
        (_cited_by_nothing, "A document must have an eli:title, or an eli:id_local"),
        (_corpus_document_without_title, "A corpus document (one with a pkg:sourceFile) must have an eli:title"),
    ],
    ids=["no-role", "empty-quote", "start-after-end", "cited-by-nothing", "untitled"],
)
def test_a_broken_graph_is_reported_with_the_shape_message(breakage, message):
    g = example()
    breakage(g)
    problems = validate_graph(g)
    assert problems and all(p.severity == "error" for p in problems)
    assert any(message in p.message for p in problems), [p.message for p in problems]


def test_an_agency_of_an_unrelated_area_is_a_warning():
    """Most often a name read in the wrong place, but an aid plan (对口支援) rightly charges the bodies of
    the area it aids: the shape warns, pySHACL and the store alike."""
    g = example()
    _agency_of_another_city(g)
    problems = [p for p in validate_graph(g) if "An agency of an unrelated area" in p.message]
    store = Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), RdfFormat.N_TRIPLES)
    problems += sparql_violations(store)
    assert len(problems) == 2 and all(p.severity == "warning" for p in problems)


def test_a_jointly_issued_document_may_charge_each_issuer_s_bodies():
    """A plan two areas issue together (a 长三角 joint plan) charges the bodies of each: no warning when
    one issuer lies in the agency's area and another elsewhere, from pySHACL or the store."""
    g = example()
    _agency_of_another_city(g)
    document = URIRef("https://w3id.org/policykg/id/doc/example")
    for name, city in (("zhumadian-government", "zhumadian"), ("puyang-government", "puyang")):
        issuer = URIRef(f"https://w3id.org/policykg/id/agency/{name}")
        g.add((document, PKG.issuedBy, issuer))
        g.add((issuer, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), PKG.Agency))
        g.add((issuer, PKG.city, URIRef(f"https://w3id.org/policykg/id/place/{city}")))
    store = Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), RdfFormat.N_TRIPLES)
    problems = validate_graph(g) + sparql_violations(store)
    assert not [p for p in problems if "An agency of an unrelated area" in p.message]


def test_a_cited_document_may_bear_each_title_its_citations_give_it():
    """Two documents citing one number may name it differently (its full title, 省政府《实施意见》): the
    stub bears both; a corpus document has one title."""
    g = example()
    g.add((CITED, ELI_TITLE, Literal("实施意见", lang="zh")))
    store = Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), RdfFormat.N_TRIPLES)
    assert validate_graph(g) == [] and store_problems(store, g.serialize(format="nt", encoding="utf-8")) == []
    g.add((URIRef("https://w3id.org/policykg/id/doc/example"), ELI_TITLE, Literal("另一个标题", lang="zh")))
    assert any("at most one eli:title" in p.message for p in validate_graph(g))


def _target_without_value(g: Graph) -> None:
    target = next(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), PKG.Target))
    for p in (PKG.value, PKG.valueMin, PKG.valueMax, PKG.category):
        g.remove((target, p, None))


SPARQL_MESSAGES = ("An agency of an unrelated area", "A target must have a pkg:value")


@pytest.mark.parametrize("breakage", [_agency_of_another_city, _target_without_value], ids=["city", "target"])
def test_sparql_constraints_on_the_store_agree_with_pyshacl(breakage):
    """The build runs the shapes' SPARQL constraints in Oxigraph over the whole store; they must
    report what pySHACL reports for them, focus node and message."""
    g = example()
    breakage(g)
    store = Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), RdfFormat.N_TRIPLES)
    on_store = sparql_violations(store)
    by_pyshacl = [p for p in validate_graph(g) if p.message.split(": ", 1)[1].startswith(SPARQL_MESSAGES)]
    assert on_store and [p.message for p in on_store] == [p.message for p in by_pyshacl]


def test_the_document_validator_checks_core_constraints_only_on_the_document(tmp_path):
    g = example()
    _no_role(g)
    validator = DocumentValidator(b"")
    problems = validator(g.serialize(format="nt", encoding="utf-8"), "example.txt")
    assert [p.file for p in problems] == ["example.txt"]
    assert "A responsibility must have exactly one pkg:role" in problems[0].message
    _agency_of_another_city(g)  # a SPARQL constraint: left to the store
    assert len(validator(g.serialize(format="nt", encoding="utf-8"), "example.txt")) == 1
