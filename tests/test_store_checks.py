"""The default build's checks on the store report exactly what the reference engines report:
the compiled shapes what pySHACL reports, the rules what HermiT infers (tests/test_shapes.py and
tests/test_build.py cover the shapes and the reasoner themselves)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store, parse
from pyshacl import validate
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib import Literal as RdfLiteral

from conftest import graph_bytes
from policykg.graph.build import build
from policykg.graph.owlrl import materialise
from policykg.graph.reasoning import reason
from policykg.graph.shacl_store import SH, Violation, compiled_shapes
from policykg.graph.store import INFERRED_GRAPH, schema_triples
from policykg.graph.validation import _core_shapes

PKG = Namespace("https://w3id.org/policykg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
EXAMPLE = files("policykg.ontology") / "examples" / "minimal.ttl"
RESP = URIRef("https://w3id.org/policykg/id/doc/example/item/2-p3/r/body-responsible-zhumadian-industry-it")
AGENCY = URIRef("https://w3id.org/policykg/id/agency/zhumadian-industry-it")
DOC = URIRef("https://w3id.org/policykg/id/doc/example")


def _canonical(text: str) -> str:
    """An N-Triples term by its value: read by rdflib (pySHACL reports an ill-typed "yes"^^xsd:boolean
    as false) and stored by Oxigraph (canonical literals, as the store reports them)."""
    if not text:
        return ""
    term = next(iter(Graph().parse(data=f"<x:s> <x:p> {text} .", format="nt").objects()))
    if isinstance(term, RdfLiteral) and term.datatype and term.value is not None:
        term = RdfLiteral(term.value, datatype=term.datatype)
    store = Store()
    store.load(f"<x:s> <x:p> {term.n3()} .".encode(), RdfFormat.N_TRIPLES)
    return str(next(iter(store)).object)


def by_pyshacl(data: Graph) -> set[Violation]:
    """pySHACL's results for the shapes' core constraints (the SPARQL ones are run on the store in
    both paths: tests/test_shapes.py), in the store validator's terms."""
    _, report, _ = validate(data, shacl_graph=_core_shapes(), inference="none", advanced=True, allow_warnings=True)
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    results = set()
    for r in report.subjects(sh("resultSeverity"), None):
        path, value = report.value(r, sh("resultPath")), report.value(r, sh("value"))
        results.add(
            Violation(
                report.value(r, sh("focusNode")).n3(),
                path.n3() if isinstance(path, URIRef) else "",
                _canonical(value.n3()) if value is not None else "",
                str(report.value(r, sh("sourceConstraintComponent"))).rsplit("#", 1)[-1],
                str(report.value(r, sh("resultSeverity"))).rsplit("#", 1)[-1],
                str(report.value(r, sh("resultMessage"))),
            )
        )
    return results


def on_store(ntriples: bytes, store: Store | None = None) -> set[Violation]:
    """The compiled shapes' results, values as stored."""
    if store is None:
        store = Store()
        store.load(ntriples, RdfFormat.N_TRIPLES)
    return {
        Violation(v.focus, v.path, _canonical(v.value), v.component, v.severity, v.message)
        for v in compiled_shapes().validate(store, ntriples)
    }


def example_with_vocabulary() -> Graph:
    """The ontology, the vocabularies and the example document: a small graph like a build's."""
    from pyoxigraph import serialize

    g = Graph().parse(data=serialize(schema_triples(), format=RdfFormat.N_TRIPLES), format="nt")
    return g.parse(data=EXAMPLE.read_text(encoding="utf-8"), format="turtle")


ITEM = URIRef(f"{DOC}/item/2-p3")
POSITION, QUOTE = URIRef(f"{RESP}/evidence/position"), URIRef(f"{RESP}/evidence/quote")


def _set(g: Graph, s, p, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


BREAKAGES = {
    "no-role": lambda g: g.remove((RESP, PKG.role, None)),
    "second-document": lambda g: g.add((RESP, PKG.inDocument, URIRef(f"{DOC}-other"))),
    "agency-not-an-agency": lambda g: _set(g, RESP, PKG.agency, DOC),
    "unknown-role": lambda g: _set(g, RESP, PKG.role, PKG.Boss),
    "rank-as-integer": lambda g: _set(g, RESP, PKG.rank, RdfLiteral("1", datatype=XSD.integer)),
    "rank-zero": lambda g: _set(g, RESP, PKG.rank, RdfLiteral("0", datatype=XSD.positiveInteger)),
    "offset-as-string": lambda g: _set(g, POSITION, OA.start, RdfLiteral("5")),
    "quote-in-english": lambda g: _set(g, QUOTE, OA.exact, RdfLiteral("quote", lang="en")),
    "rank-not-a-number": lambda g: _set(g, RESP, PKG.rank, RdfLiteral("first", datatype=XSD.positiveInteger)),
    "start-after-end": lambda g: _set(g, POSITION, OA.start, RdfLiteral("999999", datatype=XSD.nonNegativeInteger)),
    "bad-document-number": lambda g: _set(
        g, DOC, URIRef("http://data.europa.eu/eli/ontology#id_local"), RdfLiteral("x")
    ),
    "empty-path": lambda g: _set(g, ITEM, PKG.path, RdfLiteral("")),
    "two-chinese-labels": lambda g: g.add((AGENCY, SKOS.prefLabel, RdfLiteral("另一个名字", lang="zh"))),
    "two-english-labels": lambda g: g.add((AGENCY, SKOS.prefLabel, RdfLiteral("a", lang="en")))
    or g.add((AGENCY, SKOS.prefLabel, RdfLiteral("b", lang="en"))),
    "part-of-a-document": lambda g: _set(g, ITEM, PKG.partOf, DOC),
    "evidence-a-literal": lambda g: _set(g, RESP, PKG.evidence, RdfLiteral("evidence")),
    "no-quote-selector": lambda g: g.remove((URIRef(f"{RESP}/evidence"), OA.hasSelector, QUOTE)),
    "score-above-one": lambda g: [
        g.add((URIRef(f"{DOC}/alignment/1"), p, o))
        for p, o in (
            (RDF.type, PKG.Alignment),
            (PKG.lowerMeasure, ITEM),
            (PKG.upperMeasure, ITEM),
            (PKG.alignmentScore, RdfLiteral("1.5", datatype=XSD.decimal)),
        )
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_the_store_reports_what_pyshacl_reports_for_broken_data(breakage):
    g = example_with_vocabulary()
    before = by_pyshacl(g)
    BREAKAGES[breakage](g)
    nt = g.serialize(format="nt", encoding="utf-8")
    expected = by_pyshacl(Graph().parse(data=nt, format="nt"))  # the triples both engines read
    assert expected != before, "the breakage must break something"
    assert on_store(nt) == expected


def _triples(nt: bytes):
    return [q.triple for q in parse(nt, format=RdfFormat.N_TRIPLES)]


def _inferred(store: Store) -> set[str]:
    return {str(q.triple) for q in store.quads_for_pattern(None, None, None, INFERRED_GRAPH)}


def _agrees_with_the_reference(out: Path) -> None:
    """The build's store checks against pySHACL and HermiT run on its whole graph."""
    nt = graph_bytes(out)
    store = Store.read_only(str(out / "store"))
    assert on_store(nt, store) == by_pyshacl(Graph().parse(data=nt, format="nt"))
    hermit = reason(_triples(nt))
    assert hermit.consistent
    assert _inferred(store) == {str(t) for t in hermit.inferred}
    assert len(hermit.inferred) > 1000  # classes, inverses, chains and transitive places


@pytest.mark.slow
def test_the_bundled_build_agrees_with_pyshacl_and_hermit(bundled):
    out, summary = bundled
    assert summary.consistent
    _agrees_with_the_reference(out)


@pytest.mark.slow
def test_a_generated_corpus_agrees_with_pyshacl_and_hermit(tmp_path):
    from bench.generate import generate

    generate(12, tmp_path / "corpus", seed=7)
    summary = build(tmp_path / "corpus", tmp_path / "build")
    assert summary.consistent and summary.counts.documents == 12
    _agrees_with_the_reference(tmp_path / "build")


def _store_of(g: Graph) -> Store:
    store = Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), RdfFormat.N_TRIPLES)
    return store


@pytest.mark.slow
@pytest.mark.parametrize(
    "breakage",
    [
        lambda g: g.add((AGENCY, RDF.type, PKG.Document)),  # disjoint classes
        lambda g: g.add((RESP, PKG.role, PKG.Lead)),  # a functional property with two different values
    ],
    ids=["agency-and-document", "two-roles"],
)
def test_inconsistent_data_is_inconsistent_for_both(breakage):
    g = example_with_vocabulary()
    assert materialise(_store_of(g)).consistent
    breakage(g)
    assert not materialise(_store_of(g)).consistent
    assert not reason(_triples_of(g)).consistent


def _triples_of(g: Graph):
    return [q.triple for q in parse(g.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)]


@pytest.mark.slow
def test_the_example_infers_what_hermit_infers():
    g = example_with_vocabulary()
    store = _store_of(g)
    assert materialise(store).consistent
    hermit = reason(_triples_of(g))
    assert _inferred(store) == {str(t) for t in hermit.inferred}
    assert any("LeadAgency" in t or "ResponsibleAgency" in t for t in _inferred(store))


def test_counts_above_one_as_pyshacl_counts_them():
    """shapes.ttl counts to one; the compiler counts any bound (checked on a shapes graph of its own)."""
    from policykg.graph.shacl_store import CompiledShapes

    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:minCount 2 ; sh:maxCount 3 ; sh:message "p" ] ,
                [ sh:path ex:q ; sh:qualifiedValueShape [ sh:class ex:D ] ;
                  sh:qualifiedMinCount 2 ; sh:qualifiedMaxCount 2 ; sh:message "q" ] .""",
        format="turtle",
    )
    a = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    lines = [f"<http://ex/{x}> {a} <http://ex/C> ." for x in "abc"] + [
        f"<http://ex/d{i}> {a} <http://ex/D> ." for i in (1, 2, 3)
    ]
    lines += ['<http://ex/a> <http://ex/p> "1" .', "<http://ex/a> <http://ex/q> <http://ex/d1> ."]
    lines += [f'<http://ex/b> <http://ex/p> "{i}" .' for i in range(4)]
    lines += [f"<http://ex/b> <http://ex/q> <http://ex/d{i}> ." for i in (1, 2, 3)]
    data = "\n".join(lines).encode() + b"\n"
    store = Store()
    store.load(data, RdfFormat.N_TRIPLES)
    found = {(v.focus, v.component) for v in CompiledShapes(shapes).validate(store, data)}
    _, report, _ = validate(Graph().parse(data=data, format="nt"), shacl_graph=shapes)
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    expected = {
        (report.value(r, sh("focusNode")).n3(), str(report.value(r, sh("sourceConstraintComponent"))).rsplit("#")[-1])
        for r in report.subjects(sh("focusNode"), None)
    }
    assert found == expected and len(expected) == 6  # a: too few of both; b: too many of both; c: none
