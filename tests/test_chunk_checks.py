"""The default build checks each chunk of documents on its own and what crosses documents on the
boundary (graph/checks.py): the same violations and inferences as the compiled shapes and the
rules run on the whole store, which tests/test_store_checks.py holds to pySHACL and HermiT."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Store, Triple, parse

import policykg.graph.build as build_module
from conftest import graph_bytes
from policykg.graph.build import build
from policykg.graph.manifest import BoundaryRecord
from policykg.graph.owlrl import derive
from policykg.graph.rdf import RDF_TYPE, document_iri, pkg
from policykg.graph.shacl_store import store_problems
from policykg.graph.store import INFERRED_GRAPH

SKOS_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
AGENCY = NamedNode("https://w3id.org/policykg/id/agency/zhumadian-industry-it")  # in the vocabulary
PUYANG, ZHUMADIAN = (NamedNode(f"https://w3id.org/policykg/id/place/{city}") for city in ("puyang", "zhumadian"))


def whole_store_checks(out: Path) -> tuple[set[str], Counter]:
    """The inferences and SHACL results of the rules and shapes run on the built store as a whole."""
    store = Store.read_only(str(out / "store"))
    inferences, direct = derive(store)
    assert inferences.consistent
    inferred = {str(q.triple) for q in parse(direct, format=RdfFormat.N_TRIPLES)}
    return inferred, Counter(str(p) for p in store_problems(store, graph_bytes(out)))


def build_checks(corpus: Path | None, out: Path) -> tuple[set[str], Counter]:
    """The inferences and SHACL results of the default build (its problems less those of a build
    without checks)."""
    plain = build(corpus, out.with_name(out.name + "-plain"), shacl=False, reasoner=False, workers=1, quiet=True)
    summary = build(corpus, out, workers=1, quiet=True)
    assert summary.consistent
    store = Store.read_only(str(out / "store"))
    inferred = {str(q.triple) for q in store.quads_for_pattern(None, None, None, INFERRED_GRAPH)}
    return inferred, Counter(str(p) for p in summary.problems) - Counter(str(p) for p in plain.problems)


@pytest.mark.slow
def test_the_bundled_corpus_checked_by_chunks_as_on_the_whole_store(tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "CHUNK", 2)  # five documents: three chunks
    inferred, problems = build_checks(None, tmp_path / "build")
    assert (inferred, problems) == whole_store_checks(tmp_path / "build")
    assert len(inferred) > 1000


def _broken(document_triples, broken_documents: set[str]):
    """Each document's triples with a responsibility's role left out (a violation of a node of its
    own), another Chinese label for one agency of the vocabulary (a violation only all the
    documents' lines together show: one label each, two in all), a position for an item (a
    violation only with the position the build computes across documents), and two violations of
    the shapes' SPARQL constraints: a target's value left out, and the document put in a city
    unrelated to the agencies it names. The documents so broken are added to ``broken_documents``."""

    def broken(record):
        triples = list(document_triples(record))
        roles = [t for t in triples if t.predicate == pkg("role")]
        if not roles:
            return triples
        broken_documents.add(record.outline.source)
        label = Triple(AGENCY, SKOS_LABEL, Literal(f"另一个名字{record.outline.source}", language="zh"))
        item = next(t.subject for t in triples if t.predicate == pkg("path"))
        position = Triple(item, pkg("itemPosition"), Literal("0", datatype=INTEGER))
        values = [t for t in triples if t.predicate == pkg("value")]
        city = next(t for t in triples if t.predicate == pkg("city") and t.subject == document_iri(record))
        elsewhere = Triple(city.subject, city.predicate, PUYANG if city.object != PUYANG else ZHUMADIAN)
        left_out = {roles[0], city, *values[:1]}
        return [t for t in triples if t not in left_out] + [label, position, elsewhere]

    return broken


@pytest.mark.slow
def test_broken_generated_documents_checked_by_chunks_as_on_the_whole_store(tmp_path, monkeypatch):
    from bench.generate import generate

    generate(20, tmp_path / "corpus", seed=7)  # two chunks
    broken: set[str] = set()
    monkeypatch.setattr(build_module, "document_triples", _broken(build_module.document_triples, broken))
    inferred, problems = build_checks(tmp_path / "corpus", tmp_path / "build")
    assert (inferred, problems) == whole_store_checks(tmp_path / "build")
    assert any(p.startswith(f"kg: error: {AGENCY.value} ") for p in problems)  # the shared node
    assert sum("itemPosition" in p for p in problems) == len(broken)  # with the summaries
    assert {p.split(":", 1)[0] for p in problems} - {"kg"} == broken and len(broken) > 10  # each document's own
    for message in ("A target must have a pkg:value", "An agency of an unrelated area"):  # SPARQL constraints
        assert {p.split(":", 1)[0] for p in problems if message in p} == broken, message


@pytest.mark.slow
def test_an_inconsistency_across_chunks_is_found_on_the_boundary(tmp_path, monkeypatch):
    """One document says a node is a document, another, in another chunk, that it is an agency
    (disjoint classes): no chunk sees both, the boundary does."""
    node = NamedNode("https://w3id.org/policykg/id/agency/test-conflict")
    document_triples = build_module.document_triples
    classes = iter([pkg("Document"), pkg("Agency")])

    def conflicting(record):
        extra = next(classes, None)
        return list(document_triples(record)) + ([Triple(node, RDF_TYPE, extra)] if extra else [])

    monkeypatch.setattr(build_module, "CHUNK", 1)
    monkeypatch.setattr(build_module, "document_triples", conflicting)
    summary = build(None, tmp_path / "build", workers=1, quiet=True)
    assert summary.consistent is False and summary.inferred == {}
    assert any(node.value in p.message and "disjoint" in p.message for p in summary.problems)
    assert not derive(Store.read_only(str(tmp_path / "build" / "store")))[0].consistent  # as on the whole store


@pytest.mark.slow
def test_what_the_build_computes_across_documents_draws_no_document_into_the_boundary(tmp_path):
    """The summaries (positions, counts, agency loads) are nodes of no document, and no rule reads
    their links to documents: in a corpus whose documents cite none of each other, the boundary
    covers no document (else it would check every document again)."""
    from bench.generate import generate

    generate(12, tmp_path / "corpus", seed=5)
    build(tmp_path / "corpus", tmp_path / "build", workers=1, quiet=True)
    summaries = Store()
    summaries.bulk_load(graph_bytes(tmp_path / "build"), RdfFormat.N_TRIPLES)
    assert any(summaries.quads_for_pattern(None, RDF_TYPE, pkg("AgencyLoad"), None))  # there are loads
    assert BoundaryRecord.read(tmp_path / "build").documents == []
