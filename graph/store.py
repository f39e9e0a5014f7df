"""Writing the graph: sorted N-Triples, Turtle, JSON-LD and an Oxigraph store on disk.

Triples are sorted before anything is written, so the same corpus gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize

from policykg.graph.rdf import PREFIXES

INFERRED_GRAPH = NamedNode("https://w3id.org/policykg/graph/inferred")


def schema_triples() -> list[Triple]:
    """The ontology and the vocabularies, as shipped in the package.

    The parser names blank nodes at random; they are renamed in order of appearance so that the
    same files always give the same triples.
    """
    ontology = files("policykg.ontology")
    sources = [ontology / "policy.ttl", *sorted((ontology / "vocab").iterdir(), key=lambda p: p.name)]
    names: dict[BlankNode, BlankNode] = {}

    def stable(term):
        if isinstance(term, BlankNode):
            return names.setdefault(term, BlankNode(f"schema{len(names)}"))
        return term

    triples = []
    for source in sources:
        if source.name.endswith(".ttl"):
            for q in parse(source.read_bytes(), format=RdfFormat.TURTLE):
                triples.append(Triple(stable(q.subject), q.predicate, stable(q.object)))
    return triples


def sort_triples(triples: Iterable[Triple]) -> list[Triple]:
    return sorted(set(triples), key=str)


def write_files(triples: list[Triple], out: Path) -> dict[str, Path]:
    """kg.nt, kg.ttl and kg.jsonld from sorted triples."""
    paths = {"nt": out / "kg.nt", "ttl": out / "kg.ttl", "jsonld": out / "kg.jsonld"}
    serialize(triples, str(paths["nt"]), RdfFormat.N_TRIPLES)
    serialize(triples, str(paths["ttl"]), RdfFormat.TURTLE, prefixes=PREFIXES)
    serialize(triples, str(paths["jsonld"]), RdfFormat.JSON_LD, prefixes=PREFIXES)
    return paths


def write_store(nt: Path, inferred: list[Triple], location: Path) -> None:
    """Bulk-load the asserted graph into the default graph, inferences into a named graph."""
    store = Store(str(location))
    store.bulk_load(path=str(nt), format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph())
    store.bulk_extend(Quad(t.subject, t.predicate, t.object, INFERRED_GRAPH) for t in inferred)
    store.flush()
    store.optimize()
    del store
