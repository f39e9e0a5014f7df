"""The Oxigraph store on disk, and the graph files (N-Triples, Turtle, JSON-LD)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from importlib.resources import files
from io import BytesIO
from itertools import chain
from pathlib import Path
from queue import Queue
from threading import Thread

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
from policykg.graph.parts import graph_parts
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


class StoreLoader:
    """A new store on disk, bulk-loaded on a thread of its own from N-Triples handed to it as they
    are made (Oxigraph's loader releases the interpreter lock), so that the store fills while the
    documents are still being processed. Oxigraph stores literals in canonical form, so the graph
    files are written from the build's own triples, never dumped from the store."""

    def __init__(self, location: Path):
        self._store = Store(str(location))
        self._queue: Queue[tuple[bytes, NamedNode | DefaultGraph] | None] = Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = Thread(target=self._load, name="store loader", daemon=True)
        self._thread.start()

    def add(self, ntriples: bytes, graph: NamedNode | None = None) -> None:
        """Queue triples for the store's default graph (or ``graph``)."""
        if self._error:
            raise self._error
        self._queue.put((ntriples, graph or DefaultGraph()))

    def _load(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None and item[0]:
                try:
                    self._store.bulk_load(item[0], RdfFormat.N_TRIPLES, to_graph=item[1])
                except BaseException as err:  # raised again in the building thread
                    self._error = err

    def __enter__(self) -> StoreLoader:
        return self

    def __exit__(self, *exc) -> None:
        self._stop()

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def close(self) -> Store:
        """Wait for what is queued, then the store, flushed and compacted: the caller's alone (it
        is closed when the caller drops it)."""
        self._stop()
        if self._error:
            raise self._error
        store = self._store
        del self._store
        store.flush()
        store.optimize()
        return store


FORMATS = {"ttl": RdfFormat.TURTLE, "jsonld": RdfFormat.JSON_LD}  # written beside kg/


def write_formats(build: Path, formats: tuple[str, ...] = tuple(FORMATS)) -> None:
    """kg.ttl and kg.jsonld (or those asked for) in the build folder ``build``, streamed from its
    graph's parts (same triples, same order)."""
    with formats_written(build, formats):
        pass


@contextmanager
def formats_written(build: Path, formats: tuple[str, ...]) -> Iterator[None]:
    """Write the ``formats`` into ``build`` while the block runs, each in a process of its own (a
    serialiser holds the interpreter lock): the caller's work goes on beside them."""
    with ProcessPoolExecutor(len(formats) or 1) as pool:
        written = [pool.submit(_write_format, build, name) for name in formats]
        yield
        for future in written:
            future.result()


def _write_format(build: Path, name: str) -> None:
    """One format, streamed from the graph's parts by the Rust parser and serialiser."""
    triples = chain.from_iterable(parse(path=str(part), format=RdfFormat.N_TRIPLES) for part in graph_parts(build))
    serialize(triples, str(build / f"kg.{name}"), FORMATS[name], prefixes=PREFIXES)


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
