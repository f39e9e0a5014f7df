"""The default build's checks (the SHACL shapes compiled to SPARQL, the OWL RL rules) run where the
data is small: on each chunk of documents, in the worker that extracted it, and on what crosses
documents, in the main process, instead of on the whole store.

A document's own nodes are the document and the nodes under its IRI (rdf.py mints them so). A
chunk is checked on a store of its own: the vocabularies, its documents' triples and the lines they
write about shared nodes (agencies, places). It reports what the shapes and rules say about its
documents' own nodes, and what it inferred about shared nodes. What crosses documents is checked
once more in the main process, on the *boundary*: the vocabularies, every shared line, the flow
(citations, alignments), the documents these lines link (whose results are taken from there
instead of their chunk's), and the chunks' inferences about shared nodes, counted as derived. So a
shared node is checked with all that any document says of it, and HermiT's view (most specific
classes, properties) is taken over every chunk's findings.

This rests on the rules and shapes reading, for a document's own node, only its document's
triples, the vocabularies and the shared lines it writes (no rule of the ontology classifies a
document's node by what another document infers about an agency or a place);
tests/test_store_checks.py holds the result to pySHACL and HermiT on whole graphs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pyoxigraph import Quad, RdfFormat, Store, parse

import policykg.graph.iris as iris
from policykg.errors import Problem
from policykg.graph.manifest import BoundaryRecord
from policykg.graph.owlrl import derive
from policykg.graph.owlrl import predicates_read as rules_read
from policykg.graph.shacl_store import Violation, compiled_shapes, document_files, owner
from policykg.graph.store import INFERRED_GRAPH


@dataclass
class UnitChecks:
    """The checks of one unit (a chunk of documents, or the boundary), by the document that owns
    each violation's focus node and each inferred fact's subject (None: a node of no document)."""

    documents: dict[str, str]  # its documents: IRI -> file
    violations: dict[str | None, list[Violation]] = field(default_factory=dict)
    inferred: dict[str | None, bytes] = field(default_factory=dict)  # N-Triples: HermiT's view of the unit
    inconsistency: str = ""  # why the unit is inconsistent ("" when it is not)


def check_unit(
    schema: bytes,
    triples: bytes,
    shacl: bool,
    reasoner: bool,
    derived: bytes = b"",
    documents: Iterable[str] = (),
    store: Store | None = None,
) -> UnitChecks:
    """The shapes and the rules on the vocabularies (``schema``) and ``triples`` (``store``: one
    that holds them already); ``derived`` are facts the rules derived on other units; results are
    filed under the unit's documents and ``documents`` (IRIs)."""
    data = schema + triples
    store = store_of(data) if store is None else store
    result = UnitChecks(document_files(store))
    owners = set(result.documents) | set(documents)
    if shacl:
        for violation in compiled_shapes().validate(store, data):
            result.violations.setdefault(owner(violation.focus, owners), []).append(violation)
    if reasoner:
        inferences, direct = derive(store, derived)
        result.inconsistency = "" if inferences.consistent else inferences.message
        lines: dict[str | None, list[bytes]] = defaultdict(list)
        for line in direct.splitlines(keepends=True):
            lines[owner(line[: line.index(b" ")].decode(), owners)].append(line)
        result.inferred = {document: b"".join(facts) for document, facts in lines.items()}
    return result


def store_of(ntriples: bytes) -> Store:
    """A store in memory of N-Triples the build wrote from terms pyoxigraph checked when they were
    made: the loader need not check the IRIs again (lenient: a fifth of the load)."""
    store = Store()
    store.bulk_load(ntriples, RdfFormat.N_TRIPLES, lenient=True)
    return store


def touched(lines: Iterable[bytes], documents: Container[str]) -> set[str]:
    """The documents (among ``documents``) that own a node of one of ``lines`` (N-Triples)."""
    return set().union(*(_owners(line, documents) for line in lines))


def _owners(line: bytes, documents: Container[str]) -> set[str]:
    """The documents (among ``documents``) that own the subject or the object of an N-Triples line."""
    if _DOCUMENT_NODE not in line:  # most lines of the summaries: not split
        return set()
    subject, _, rest = line.partition(b" ")
    return {
        document
        for term in (subject, rest.split(b" ", 2)[1])  # an IRI has no space; a literal is no document's
        if term.startswith(_DOCUMENT_NODE) and (document := _document_of(term)) in documents
    }


_DOCUMENT_NODE = f"<{iris.document('')}".encode()  # how the IRI of a document or of a node under one begins


def _document_of(term: bytes) -> str:
    """The document an IRI in brackets is or lies under (as ``iris.document_part``)."""
    end = term.find(b"/", len(_DOCUMENT_NODE))
    return _decoded(term[1 : end if end > 0 else -1])


@lru_cache(maxsize=1 << 16)
def _decoded(iri: bytes) -> str:
    """Decoded once per document however many of its nodes the checks read (millions of lines)."""
    return iri.decode()


def _predicate(line: bytes) -> bytes:
    """The predicate of an N-Triples line in brackets, not decoded (millions of lines)."""
    return line.split(b" ", 2)[1]


def _bracketed(predicates: Iterable[str]) -> set[bytes]:
    """IRIs as ``_predicate`` reads them."""
    return {f"<{iri}>".encode() for iri in predicates}


def _literal(line: bytes) -> bool:
    """Whether the object of an N-Triples line is a literal."""
    return line.split(b" ", 2)[2].startswith(b'"')


class Findings:
    """The chunks' checks, gathered in the main process as they come, then the boundary's."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}  # every document: IRI -> file
        self.violations: dict[str, list[Violation]] = {}  # by document
        self.shared: dict[str, bytes] = {}  # by chunk: its inferences about nodes of no document
        self.inconsistency = ""

    def add(self, chunk: str, unit: UnitChecks) -> dict[str, bytes]:
        """Gather the checks of ``chunk``; returns its inferences about its documents' own nodes, by
        document."""
        self.files.update(unit.documents)
        self.inconsistency = self.inconsistency or unit.inconsistency
        for document, found in unit.violations.items():
            if document is not None:
                self.violations[document] = found
        self.shared[chunk] = unit.inferred.get(None, b"")
        return {document: facts for document, facts in unit.inferred.items() if document is not None}

    def close(
        self,
        store: Store,
        schema: bytes,
        lines: list[bytes],
        computed: Iterable[bytes],
        own: Callable[[str], bytes],
        inferred: Callable[[str], bytes],
        shacl: bool,
        reasoner: bool,
        ontology: tuple[bool, str] | None,
    ) -> tuple[list[Problem], bool | None, BoundaryRecord]:
        """Check the boundary: the vocabularies, ``lines`` (what documents share, the flow) and
        ``computed`` (the summaries the build computes across documents) of a predicate some check
        reads (the others change nothing), and the triples of the documents they touch (``own``: a
        document's, by IRI). Its inferences replace the chunks' (``inferred``: a document's, by
        IRI) in the store's inferred graph for what it covers. The shapes that read what
        ``computed`` says of a document's nodes (its position, its counts) run on the whole store
        instead, as none of the document's own checks could see it. HermiT's verdict on the
        ontology alone (``ontology``: consistent, why not; None without the reasoner) is weighed in.
        Returns the problems, sorted; whether the graph is consistent (None without the reasoner);
        what the boundary stored."""
        shapes, rules = compiled_shapes(), _bracketed(rules_read(store_of(schema)))
        read = _bracketed(shapes.predicates) | rules
        lines = [line for line in lines if _predicate(line) in read]
        checked = [(line, predicate) for line in computed if (predicate := _predicate(line)) in read]
        # what the build computed about documents' nodes, with the documents
        about = [(line, predicate, owners) for line, predicate in checked if (owners := _owners(line, self.files))]
        about_documents = [line for line, _, _ in about]
        documents = sorted(touched(lines, self.files).union(*(o for _, p, o in about if p in rules)))
        # a value the build computed for a node of a document the boundary does not cover changes
        # only that node's checks: the chunk's, and those run on the whole store below
        elsewhere = {line for line, _, owners in about if _literal(line) and owners.isdisjoint(documents)}
        computed = [line for line, _ in checked if line not in elsewhere]
        triples = b"".join(lines + computed) + b"".join(own(document) for document in documents)
        derived = b"".join(sorted(set(b"".join(self.shared.values()).splitlines(keepends=True))))
        unit = check_unit(schema, triples, shacl, reasoner, derived, self.files)
        covered = set(documents) | {None}
        self.inconsistency = self.inconsistency or unit.inconsistency
        boundary = BoundaryRecord(documents, b"".join(unit.inferred.get(d, b"") for d in covered), False)
        if self.inconsistency:
            boundary.clear(store)
        elif reasoner:
            for document in documents:
                for quad in parse(inferred(document), format=RdfFormat.N_TRIPLES):
                    store.remove(Quad(quad.subject, quad.predicate, quad.object, INFERRED_GRAPH))
            store.bulk_load(boundary.inferred, RdfFormat.N_TRIPLES, to_graph=INFERRED_GRAPH)
        found: list[Violation] = []
        if shacl:
            whole = {predicate[1:-1].decode() for _, predicate, _ in about} & shapes.predicates
            on_the_store = shapes.signatures(whole)
            found = [v for document, vs in self.violations.items() if document not in covered for v in vs]
            found += [v for document, vs in unit.violations.items() if document in covered for v in vs]
            found = [v for v in found if v.signature() not in on_the_store]
            found += shapes.validate(store, b"".join(about_documents), reading=whole) if whole else []
        problems = sorted((v.problem(self.source(v)) for v in set(found)), key=str)
        if ontology is None:
            return problems, None, boundary
        consistent, message = ontology
        why = f"the ontology itself: {message}" if not consistent else self.inconsistency
        if why:
            boundary.clear(store)
            problems.append(Problem("kg", None, "error", f"the OWL reasoner finds the graph inconsistent: {why}"))
        return problems, not why, boundary

    def source(self, violation: Violation) -> str:
        """The file of the document a violation's focus node belongs to (``kg``: of no document)."""
        return self.files.get(owner(violation.focus, self.files) or "", "kg")
