"""Summaries across documents, computed once the store holds the graph, so that the catalogue's
questions over the whole corpus read a few precomputed rows instead of aggregating or sorting every
responsibility, item and target at query time (queries/PLANNING.md, "Listing the whole corpus").

- **Positions**: each document, outline item and target gets its place in the order the catalogue
  lists them (``pkg:documentPosition`` by source file; ``pkg:itemPosition`` by document, then
  ``pkg:order``; ``pkg:targetPosition`` by document, then the quote's start, indicator and IRI;
  ``pkg:duePosition``, of a document's count of targets due in a year, by year, then document),
  an ``xsd:integer`` that Oxigraph's index keeps in numeric order. A question that reads its rows
  from that index lists them in that order with no ORDER BY, so that it stops after the page it
  shows. An item's or target's position is its document's times ``SPAN`` plus its order (an item's
  ``pkg:order``, a target's rank) within the document: a document added at the end of the corpus
  moves nobody else's.
- **Counts**: the citations of each document (``pkg:citationCount``: resolved across documents);
  each pair of agencies assigned to the same measures (``pkg:AgencyPair``, with how many measures
  and documents they share and their place in the list, most shared first); each functional type
  in each place (``pkg:TypeInPlace``: agencies, assignments, measures and documents). A measure
  belongs to one document, so these counts (but the agencies) are sums over documents.

The triples are written at the end of kg.nt and loaded into the store by the build. ``build --add``
(graph/incremental.py) updates them from the documents it adds and replaces: the counts by what
those documents add and remove, the positions of the documents whose position changed; the result
is what a full build of the same corpus computes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, Store, Triple, parse

import policykg.graph.iris as iris
from policykg.graph.rdf import RDF_TYPE, pkg, typed
from policykg.graph.store import as_ntriples, select

SPAN = 1 << 24  # positions of one document's items or targets: more than a 5 MB document can hold
PREFIXES = """
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# Over the whole graph, each property is scanned in a sub-SELECT and hash-joined (queries/PLANNING.md,
# rule 11); for a few documents (``VALUES ?doc``), the parts are looked up from their document.
DOCUMENTS = "SELECT ?doc ?file WHERE { ?doc pkg:sourceFile ?file }"
CITATIONS = "SELECT DISTINCT ?doc ?cited WHERE { ?doc eli:based_on|eli:cites ?cited }"
ITEMS = """SELECT ?doc ?item ?order WHERE {
  { SELECT ?item ?order WHERE { ?item pkg:order ?order } } { SELECT ?item ?doc WHERE { ?item pkg:inDocument ?doc } }
}"""
ITEMS_OF = "SELECT ?doc ?item ?order WHERE { VALUES ?doc { %s } ?item pkg:inDocument ?doc ; pkg:order ?order }"
TARGETS = """SELECT ?doc ?target ?start ?indicator WHERE {
  { SELECT ?target WHERE { ?target a pkg:Target } }
  { SELECT ?target ?doc WHERE { ?target pkg:inDocument ?doc } }
  { SELECT ?target ?indicator WHERE { ?target pkg:indicator ?indicator } }
  { SELECT ?target ?evidence WHERE { ?target pkg:evidence ?evidence } }
  { SELECT ?evidence ?position WHERE { ?evidence oa:hasSelector ?position } }
  { SELECT ?position ?start WHERE { ?position oa:start ?start } }
}"""
TARGETS_OF = """SELECT ?doc ?target ?start ?indicator WHERE { VALUES ?doc { %s }
  ?target pkg:inDocument ?doc ; a pkg:Target ; pkg:indicator ?indicator ; pkg:evidence ?evidence .
  ?evidence oa:hasSelector ?position . ?position oa:start ?start .
}"""
DUE = """SELECT ?doc ?tally ?year WHERE {
  { SELECT ?tally ?doc WHERE { ?tally pkg:dueOf ?doc } }
  OPTIONAL { SELECT ?tally ?year WHERE { ?tally pkg:dueInYear ?year } }
}"""
DUE_OF = """SELECT ?doc ?tally ?year WHERE {
  VALUES ?doc { %s } ?tally pkg:dueOf ?doc OPTIONAL { ?tally pkg:dueInYear ?year }
}"""
ASSIGNMENTS = """SELECT ?doc ?agency ?measure WHERE {
  { SELECT ?r WHERE { ?r a pkg:Responsibility } }
  { SELECT ?r ?agency WHERE { ?r pkg:agency ?agency } }
  { SELECT ?r ?doc WHERE { ?r pkg:inDocument ?doc } }
  OPTIONAL { SELECT ?r ?measure WHERE { ?r pkg:measure ?measure } }
}"""
ASSIGNMENTS_OF = """SELECT ?doc ?agency ?measure WHERE { VALUES ?doc { %s }
  ?r pkg:inDocument ?doc ; a pkg:Responsibility ; pkg:agency ?agency . OPTIONAL { ?r pkg:measure ?measure }
}"""
AGENCIES = """SELECT ?agency ?label ?city ?type WHERE {
  ?agency a pkg:Agency .
  OPTIONAL { ?agency skos:prefLabel ?label FILTER(lang(?label) = "zh") }
  OPTIONAL { ?agency pkg:city ?city }
  OPTIONAL { ?agency pkg:functionalType ?type }
}"""
ASSIGNED_AGENCIES = "SELECT ?agency WHERE { ?agency a pkg:Agency FILTER EXISTS { ?r pkg:agency ?agency } }"
PAIR_COUNTS = "sharedMeasureCount", "sharedDocumentCount"
TYPE_COUNTS = "assignmentsOfType", "measuresOfType", "documentsOfType"
# the positions of a document's parts, kept by ``build --add`` for the documents that keep theirs
PART_POSITIONS = tuple(f"#{name}> ".encode() for name in ("itemPosition", "targetPosition", "duePosition"))
# how the lines of pkg:AgencyPair and pkg:TypeInPlace nodes begin: their IRIs' common part
COUNTED_NODES = tuple(
    f"<{node.rsplit('/', 2)[0]}/".encode() for node in (iris.agency_pair("a", "b"), iris.type_in_place("a", "b"))
)


def write_summaries(
    store: Store, nt: Path, previous: bytes = b"", changed: Iterable[str] = (), removed: bytes = b""
) -> bytes:
    """Compute the summaries of the graph in ``store``, append them to ``nt`` (kg.nt) and put them in
    the store. For ``build --add``: ``previous`` are the summaries of the build the documents are
    added to, ``changed`` the IRIs of the documents added or replaced and ``removed`` (N-Triples) the
    replaced documents' triples as they were; only what changed is removed from the store and added.
    Returns the summaries as N-Triples."""
    if previous:
        ntriples = _lines(*updated_summaries(store, previous, set(changed), removed))
    else:
        ntriples = _lines(summary_triples(store))
    old, new = set(previous.splitlines(keepends=True)), set(ntriples.splitlines(keepends=True))
    for quad in parse(b"".join(sorted(old - new)), format=RdfFormat.N_TRIPLES):
        store.remove(quad)
    store.bulk_load(b"".join(sorted(new - old)), format=RdfFormat.N_TRIPLES)
    with nt.open("ab") as out:
        out.write(ntriples)
    return ntriples


def _lines(triples: Iterable[Triple], lines: Iterable[bytes] = ()) -> bytes:
    """N-Triples lines (of ``triples`` and ``lines``), each once, sorted: the same graph gives the
    same bytes."""
    return b"".join(sorted({*as_ntriples(triples).splitlines(keepends=True), *lines}))


def summary_triples(store: Store) -> Iterator[Triple]:
    """The summaries of the whole graph."""
    documents = document_positions(store)
    yield from _document_triples(store, documents)
    yield from _item_positions(_rows(store, ITEMS), documents)
    yield from _target_positions(_rows(store, TARGETS), documents)
    yield from _due_positions(_rows(store, DUE), documents)
    agencies = Agencies.of(store)
    yield from agencies.triples(Tally.of(_rows(store, ASSIGNMENTS), agencies), store)


def updated_summaries(
    store: Store, previous: bytes, changed: set[str], removed: bytes
) -> tuple[list[Triple], list[bytes]]:
    """The summaries of the graph in ``store`` from those of the build it was before documents were
    added or replaced (``previous``, ``changed``, ``removed``: see ``write_summaries``): new triples,
    and the lines of ``previous`` that still hold (the positions of the parts of the documents that
    kept their place), passed on as they are."""
    lines = previous.splitlines(keepends=True)
    before = {t.subject: _value(t.object) for t in _parsed(line for line in lines if b"#documentPosition> " in line)}
    documents = document_positions(store)
    triples = list(_document_triples(store, documents))
    moved = {doc.value for doc, position in documents.items() if doc.value in changed or before.get(doc) != position}
    kept = _kept_positions(lines, moved)
    if moved:
        triples += _item_positions(_rows(store, ITEMS_OF % _values(moved)), documents)
        triples += _target_positions(_rows(store, TARGETS_OF % _values(moved)), documents)
        triples += _due_positions(_rows(store, DUE_OF % _values(moved)), documents)
    gone = Store()
    gone.bulk_load(removed, format=RdfFormat.N_TRIPLES)
    agencies = Agencies.of(store) | Agencies.of(gone)
    tally = Tally.parsed(lines)
    if changed:
        tally.add(Tally.of(_rows(store, ASSIGNMENTS_OF % _values(changed)), agencies))
        tally.add(Tally.of(_rows(gone, ASSIGNMENTS_OF % _values(changed)), agencies), -1)
    triples += agencies.triples(tally, store)
    return triples, kept


def _values(nodes: set[str]) -> str:
    """IRIs as the rows of a VALUES block."""
    return " ".join(f"<{iri}>" for iri in sorted(nodes))


def _parsed(lines: Iterable[bytes]) -> list[Triple]:
    return [quad.triple for quad in parse(b"".join(lines), format=RdfFormat.N_TRIPLES)]


def _kept_positions(lines: list[bytes], moved: set[str]) -> list[bytes]:
    """The ``lines`` that give the position of an item or target of a document that kept its place
    (rdf.py mints a document's parts under the document's IRI)."""
    prefixes = tuple(f"<{doc}/".encode() for doc in sorted(moved))
    return [line for line in lines if any(mark in line for mark in PART_POSITIONS) and not line.startswith(prefixes)]


def _rows(store: Store, query: str) -> list[tuple]:
    """The rows of a query as tuples of Python values (see ``_value``), in the order of its columns."""
    solutions = select(store, PREFIXES + query)
    columns = [v.value for v in solutions.variables]
    return [tuple(_value(row[c]) for c in columns) for row in solutions]


def _value(term):
    """An IRI as a node, a literal as a number (if it is an integer) or a string."""
    if isinstance(term, Literal):
        return int(term.value) if term.datatype.value.endswith("nteger") else term.value
    return term


def document_positions(store: Store) -> dict[NamedNode, int]:
    """Each corpus document's place when listed by source file (as ORDER BY ?source_file orders)."""
    files = sorted((file, doc.value, doc) for doc, file in _rows(store, DOCUMENTS))
    return {doc: position for position, (_, _, doc) in enumerate(files, 1)}


def _document_triples(store: Store, documents: dict[NamedNode, int]) -> Iterator[Triple]:
    citations = Counter(doc for doc, _ in _rows(store, CITATIONS))
    for doc, position in documents.items():
        yield Triple(doc, pkg("documentPosition"), typed(position, "integer"))
        yield Triple(doc, pkg("citationCount"), typed(citations[doc], "integer"))


def _item_positions(rows: list[tuple], documents: dict[NamedNode, int]) -> Iterator[Triple]:
    """Items by their document, then their order (unique within it)."""
    for doc, item, order in rows:
        if doc in documents:
            yield Triple(item, pkg("itemPosition"), typed(documents[doc] * SPAN + order, "integer"))


def _target_positions(rows: list[tuple], documents: dict[NamedNode, int]) -> Iterator[Triple]:
    """Targets by their document, then the start of their quote, their indicator and IRI."""
    parts: dict[NamedNode, list] = defaultdict(list)
    for doc, target, start, indicator in rows:
        if doc in documents:
            parts[doc].append((start, indicator, target.value, target))
    for doc, found in parts.items():
        for rank, (*_, target) in enumerate(sorted(found), 1):
            yield Triple(target, pkg("targetPosition"), typed(documents[doc] * SPAN + rank, "integer"))


def _due_positions(rows: list[tuple], documents: dict[NamedNode, int]) -> Iterator[Triple]:
    """The counts of targets due by year (none first), then by document."""
    for doc, tally, year in rows:
        if doc in documents:
            yield Triple(tally, pkg("duePosition"), typed((year or 0) * SPAN + documents[doc], "integer"))


@dataclass
class Tally:
    """Assignments counted by pair of agencies (measures, documents: agencies in IRI order) and by
    functional type in a place (assignments, measures, documents): sums over documents."""

    pairs: defaultdict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    types: defaultdict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))

    @classmethod
    def of(cls, rows: list[tuple], agencies: Agencies) -> Tally:
        """From rows of (document, agency, measure or None), one per responsibility."""
        tally = cls()
        by_document: dict[NamedNode, list[tuple[str, str | None]]] = defaultdict(list)
        for doc, agency, measure in rows:
            by_document[doc].append((agency.value, measure.value if measure else None))
        for assignments in by_document.values():
            measures: dict[str, set[str]] = defaultdict(set)  # measure -> its agencies
            types: dict[tuple[str, str], set] = defaultdict(set)  # (place, type) -> its measures
            for agency, measure in assignments:
                for key in agencies.types_of(agency):
                    tally.types[key]["assignmentsOfType"] += 1
                    types[key].add(measure)
                if measure:
                    measures[measure].add(agency)
            for key, found in types.items():
                tally.types[key]["measuresOfType"] += len(found - {None})
                tally.types[key]["documentsOfType"] += 1
            shared: Counter = Counter()
            for found in measures.values():
                ordered = sorted(found)
                shared.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
            for pair, n in shared.items():
                tally.pairs[pair]["sharedMeasureCount"] += n
                tally.pairs[pair]["sharedDocumentCount"] += 1
        return tally

    @classmethod
    def parsed(cls, lines: list[bytes]) -> Tally:
        """The counts a build's summaries state (``lines``: their N-Triples lines)."""
        nodes: dict[str, dict[str, str | int]] = defaultdict(dict)
        for t in _parsed(line for line in lines if line.startswith(COUNTED_NODES)):
            name = t.predicate.value.rpartition("#")[2]
            value = t.object.value if isinstance(t.object, NamedNode) else _value(t.object)
            nodes[str(t.subject)][name] = value
        tally = cls()
        for node in nodes.values():
            if "firstAgency" in node:
                pair = (str(node["firstAgency"]), str(node["secondAgency"]))
                tally.pairs[pair].update({name: int(node[name]) for name in PAIR_COUNTS})
            else:
                key = (str(node["inPlace"]), str(node["ofType"]))
                tally.types[key].update({name: int(node[name]) for name in TYPE_COUNTS})
        return tally

    def add(self, other: Tally, sign: int = 1) -> None:
        for mine, theirs in ((self.pairs, other.pairs), (self.types, other.types)):
            for key, counts in theirs.items():
                mine[key].update({name: sign * n for name, n in counts.items()})
                if not +mine[key]:  # nothing left
                    del mine[key]


@dataclass
class Agencies:
    """What the summaries need of each agency: its zh label (the least, should it have several) and
    the (place, functional type) keys it is counted under."""

    labels: dict[str, str] = field(default_factory=dict)
    places: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    types: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, store: Store) -> Agencies:
        agencies = cls()
        for agency, label, city, kind in _rows(store, AGENCIES):
            if label is not None:
                agencies.labels[agency.value] = min(agencies.labels.get(agency.value, label), label)
            if city is not None:
                agencies.places[agency.value].add(city.value)
            if kind is not None:
                agencies.types[agency.value].add(kind.value)
        return agencies

    def __or__(self, other: Agencies) -> Agencies:
        both = Agencies({**other.labels, **self.labels})
        for mine, theirs, into in ((self.places, other.places, both.places), (self.types, other.types, both.types)):
            for agency in mine.keys() | theirs.keys():
                into[agency] = mine.get(agency) or theirs.get(agency, set())
        return both

    def types_of(self, agency: str) -> list[tuple[str, str]]:
        return [(place, kind) for place in self.places.get(agency, ()) for kind in self.types.get(agency, ())]

    def triples(self, tally: Tally, store: Store) -> Iterator[Triple]:
        """The pairs, in their list's order (most shared measures first, then by the two agencies'
        names and IRIs), and the functional types in places, with the agencies of each that are
        assigned at all (counted on ``store``: an agency is counted once however many documents)."""

        def order(pair: tuple[str, str]):
            a, b = pair
            return (-tally.pairs[pair]["sharedMeasureCount"], self.labels.get(a, ""), self.labels.get(b, ""), a, b)

        for position, (a, b) in enumerate(sorted(tally.pairs, key=order), 1):
            node = NamedNode(iris.agency_pair(a, b))
            yield Triple(node, RDF_TYPE, pkg("AgencyPair"))
            yield Triple(node, pkg("firstAgency"), NamedNode(a))
            yield Triple(node, pkg("secondAgency"), NamedNode(b))
            for name in PAIR_COUNTS:
                yield Triple(node, pkg(name), typed(tally.pairs[a, b][name], "integer"))
            yield Triple(node, pkg("pairPosition"), typed(position, "integer"))
        assigned = Counter(key for (agency,) in _rows(store, ASSIGNED_AGENCIES) for key in self.types_of(agency.value))
        for place, kind in sorted(tally.types):
            node = NamedNode(iris.type_in_place(place, kind))
            yield Triple(node, RDF_TYPE, pkg("TypeInPlace"))
            yield Triple(node, pkg("inPlace"), NamedNode(place))
            yield Triple(node, pkg("ofType"), NamedNode(kind))
            yield Triple(node, pkg("agenciesOfType"), typed(assigned[place, kind], "integer"))
            for name in TYPE_COUNTS:
                yield Triple(node, pkg(name), typed(tally.types[place, kind][name], "integer"))
