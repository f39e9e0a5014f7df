"""The Oxigraph store on disk, and the graph files (N-Triples, Turtle, JSON-LD)."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from io import BytesIO
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    parse,
    serialize,
)

from policykg.errors import parsing
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
            with parsing(source):
                for q in parse(source.read_bytes(), format=RdfFormat.TURTLE):
                    triples.append(Triple(stable(q.subject), q.predicate, stable(q.object)))
    return triples


def write_store(asserted: Path, inferred: Path, location: Path) -> Store:
    """Bulk-load the asserted graph into the default graph, the inferences into a named graph.

    Oxigraph stores literals in canonical form (xsd:nonNegativeInteger as xsd:integer, 5.0 as 5),
    so the graph files are written from the build's own triples, never dumped from the store.
    """
    store = Store(str(location))
    store.bulk_load(path=str(asserted), format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph())
    store.bulk_load(path=str(inferred), format=RdfFormat.N_TRIPLES, to_graph=INFERRED_GRAPH)
    store.flush()
    store.optimize()
    return store


FORMATS = {"ttl": RdfFormat.TURTLE, "jsonld": RdfFormat.JSON_LD}  # written beside kg.nt


def write_formats(nt: Path, formats: tuple[str, ...] = tuple(FORMATS)) -> None:
    """kg.ttl and kg.jsonld (or those asked for) beside kg.nt, streamed from it (same triples, same order)."""
    for suffix, fmt in ((f".{name}", FORMATS[name]) for name in formats):
        triples = (q.triple for q in parse(path=str(nt), format=RdfFormat.N_TRIPLES))
        serialize(triples, str(nt.with_suffix(suffix)), fmt, prefixes=PREFIXES)


def as_ntriples(triples: Iterable[Triple]) -> bytes:
    """Triples as N-Triples, in their order."""
    out = BytesIO()
    serialize(triples, out, RdfFormat.N_TRIPLES)  # into a buffer: serialize's return is typed bytes | None
    return out.getvalue()


def inferred_counts(store: Store) -> dict[str, int]:
    """How many inferred facts of each kind (class or property, by local name)."""
    query = f"""
        SELECT ?kind (COUNT(*) AS ?n) WHERE {{
            GRAPH <{INFERRED_GRAPH.value}> {{ ?s ?p ?o }}
            BIND (IF(?p = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, ?o, ?p) AS ?kind)
        }} GROUP BY ?kind"""
    counts = {row["kind"].value.rsplit("#", 1)[-1]: int(row["n"].value) for row in select(store, query)}
    return dict(sorted(counts.items()))


def select(store: Store, query: str) -> QuerySolutions:
    """The solutions of a SELECT query (``Store.query`` answers every query form, typed as their union)."""
    solutions = store.query(query)
    if not isinstance(solutions, QuerySolutions):
        raise TypeError(f"not a SELECT query: {query}")
    return solutions


def construct(store: Store, query: str) -> QueryTriples:
    """The triples of a CONSTRUCT query."""
    triples = store.query(query)
    if not isinstance(triples, QueryTriples):
        raise TypeError(f"not a CONSTRUCT query: {query}")
    return triples
