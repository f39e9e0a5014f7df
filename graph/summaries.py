"""Summaries across documents, computed once the store holds the graph, so that the catalogue's
questions over the whole corpus read a few precomputed rows instead of aggregating or sorting every
responsibility, item and target at query time (queries/PLANNING.md, "Listing the whole corpus").

- **Positions**: each document, outline item and target gets its place in the order the catalogue
  lists them (``pkg:documentPosition`` by source file; ``pkg:itemPosition`` by document, then
  ``pkg:order``; ``pkg:targetPosition`` by document, then the quote's start, indicator and IRI;
  ``pkg:duePosition``, of a document's count of targets due in a year, by year, then document;
  ``pkg:assignmentPosition`` of a responsibility by document, then its measure's order, role,
  source and rank; ``pkg:mentionPosition`` of an item's mention of a company or place by document,
  then the item's order and the thing's name; ``pkg:unresolvedPosition`` of an agency the gazetteer
  does not know by its city's name and its own; ``pkg:scopePosition``, ``pkg:clusterPosition``,
  ``pkg:clusterTargetPosition``, ``pkg:loadPosition``: see below), an ``xsd:integer`` that
  Oxigraph's index keeps in numeric order. A question that reads its rows from that index lists
  them in that order with no ORDER BY, so that it stops after the page it shows. An item's,
  target's, responsibility's or mention's position is its document's times ``SPAN`` plus its order
  (an item's ``pkg:order``, a target's rank) within the document: a document added at the end of
  the corpus moves nobody else's.
- **Listings**: what a question lists under one thing, as the positions above stated of that thing
  (``pkg:hasItemPosition``: a document's items; ``pkg:citingPosition``: the documents based on a
  document, then those citing it; ``pkg:hasClusterTargetPosition``: a cluster's targets;
  ``pkg:hasAssignmentPosition``, ``pkg:hasLoadPosition``: an agency's assignments and loads;
  ``pkg:companyMentionPosition``, ``pkg:placeMentionPosition``: the mentions of a company or place).
  Read with the thing given, the index lists them in numeric order, so that a question reads them in
  order without sorting them; each position is unique in the graph, so that it finds its node.
- **Counts**: the citations of each document (``pkg:citationCount``: resolved across documents);
  each pair of agencies assigned to the same measures (``pkg:AgencyPair``, with how many measures
  and documents they share and their place in the list, most shared first); each functional type
  in each place (``pkg:TypeInPlace``: agencies, assignments, measures and documents); the targets of
  each scope and the place it resolves to (``pkg:TargetsOfScope``, with their place in the list,
  most targets first); what each document assigns to each agency (``pkg:AgencyLoad``: items by role
  and measures, listed under the agency by year, then document). A measure or target belongs to one
  document, so these counts (but the agencies) are sums over documents.
- **Keys**: each document the corpus cites is a ``pkg:CitedDocument`` with its number and title's
  text as ``pkg:citedKey``, so that a question finds it from its parameter among the cited alone;
  each text a question asks with is a ``pkg:NameKey`` (``pkg:keyText``) with what is listed under it:
  the targets of a scope as printed or of a place of that Chinese name
  (``pkg:hasScopeTargetPosition``), the mentions of places of that name or within one
  (``pkg:hasPlaceMentionPosition``).

The build computes them from its store, but for the rows of the documents' own parts (``OwnRows``),
which each chunk of documents reads from its own store where it is processed; their lines are
sorted on disk (graph/sorted_lines.py), written at the end of the graph's parts (graph/parts.py) and
loaded into the store from there: the lines of a document (``document_of``: its parts' positions,
its loads, their listings, most of the lines) in a part for each part of documents, the others in
one. ``build --add`` (graph/incremental.py) updates them from the documents it adds and replaces:
the counts by what those documents add and remove, the positions and loads of the documents whose
position changed (only their parts' summaries are read and written again), the short lists
(citations, clusters, scopes, pairs, unresolved agencies, name keys) anew; the result is what a
full build of the same corpus computes.
"""

from __future__ import annotations

import heapq
import pickle
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from pathlib import Path
from tempfile import TemporaryDirectory
from urllib.parse import unquote

from pyoxigraph import Literal, NamedNode, RdfFormat, Store, Triple, parse

import policykg.graph.iris as iris
from policykg.graph.rdf import RDF_TYPE, pkg, typed
from policykg.graph.sorted_lines import SortedLines
from policykg.graph.store import as_ntriples, select

LOADED = 100_000  # summary lines bulk-loaded at a time: Oxigraph's loader takes about 1 kB for each
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
CITATIONS = """SELECT ?doc ?relation ?cited WHERE {
  VALUES ?relation { eli:based_on eli:cites } ?doc ?relation ?cited
}"""
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
ASSIGNMENTS = """SELECT ?doc ?agency ?measure ?r ?role ?source ?rank ?order WHERE {
  { SELECT ?r WHERE { ?r a pkg:Responsibility } }
  { SELECT ?r ?agency WHERE { ?r pkg:agency ?agency } }
  { SELECT ?r ?doc WHERE { ?r pkg:inDocument ?doc } }
  OPTIONAL { SELECT ?r ?role WHERE { ?r pkg:role ?role } }
  OPTIONAL { SELECT ?r ?source WHERE { ?r pkg:sourceKind ?source } }
  OPTIONAL { SELECT ?r ?rank WHERE { ?r pkg:rank ?rank } }
  OPTIONAL { SELECT ?r ?measure ?order WHERE {
    { SELECT ?r ?measure WHERE { ?r pkg:measure ?measure } }
    { SELECT ?measure ?order WHERE { ?measure pkg:order ?order } }
  } }
}"""
ASSIGNMENTS_OF = """SELECT ?doc ?agency ?measure ?r ?role ?source ?rank ?order WHERE { VALUES ?doc { %s }
  ?r pkg:inDocument ?doc ; a pkg:Responsibility ; pkg:agency ?agency .
  OPTIONAL { ?r pkg:role ?role } OPTIONAL { ?r pkg:sourceKind ?source } OPTIONAL { ?r pkg:rank ?rank }
  OPTIONAL { ?r pkg:measure ?measure OPTIONAL { ?measure pkg:order ?order } }
}"""
# what a cited document is looked up by
CITED_KEYS = """SELECT ?cited ?key WHERE {
  { SELECT DISTINCT ?cited WHERE { ?doc eli:based_on|eli:cites ?cited } }
  { ?cited eli:id_local ?key } UNION { ?cited eli:title ?key }
}"""
# what agency_load_by_document takes a document's year from
DATES = """SELECT ?doc ?issued ?signed ?printed ?title WHERE {
  ?doc pkg:sourceFile ?file ; eli:title ?title .
  OPTIONAL { ?doc pkg:issuedOn ?issued } OPTIONAL { ?doc pkg:signedOn ?signed } OPTIONAL { ?doc pkg:printedOn ?printed }
}"""
DATES_OF = """SELECT ?doc ?issued ?signed ?printed ?title WHERE { VALUES ?doc { %s }
  ?doc eli:title ?title .
  OPTIONAL { ?doc pkg:issuedOn ?issued } OPTIONAL { ?doc pkg:signedOn ?signed } OPTIONAL { ?doc pkg:printedOn ?printed }
}"""
# the order of roles in an agency's assignments (the others after), and what an agency's load counts of each
ROLE_ORDER = {"Lead": 1, "Responsible": 2, "Coordinator": 3, "Implementer": 4}
ROLE_COUNTS = {"Lead": "leadCount", "Support": "supportCount", "Responsible": "responsibleCount",
               "Implementer": "implementerCount", "Coordinator": "coordinatorCount"}  # fmt: skip
SOURCE_NAMES = {"BodyClause": "body", "AnnexRow": "annex"}  # the others by their name in lower case
LOAD_SPAN = 1 << 12  # loads of one document (one per agency it assigns): more than a document names
AGENCIES = """SELECT ?agency ?label ?city ?type WHERE {
  ?agency a pkg:Agency .
  OPTIONAL { ?agency skos:prefLabel ?label FILTER(lang(?label) = "zh") }
  OPTIONAL { ?agency pkg:city ?city }
  OPTIONAL { ?agency pkg:functionalType ?type }
}"""
ASSIGNED_AGENCIES = "SELECT ?agency WHERE { ?agency a pkg:Agency FILTER EXISTS { ?r pkg:agency ?agency } }"
CLUSTERS = """SELECT ?cluster ?zone ?name WHERE {
  ?cluster a pkg:Cluster ; skos:prefLabel ?name ; pkg:clusterZone ?z .
  ?z skos:prefLabel ?zone . FILTER(lang(?zone) = "zh")
}"""
CLUSTER_TARGETS = """SELECT ?cluster ?target ?year ?file ?indicator ?value WHERE {
  ?target pkg:scopeCluster ?cluster .
  OPTIONAL { ?target pkg:dueYear ?due } OPTIONAL { ?target pkg:indicator ?indicator }
  OPTIONAL { ?target pkg:value ?value } OPTIONAL { ?target pkg:inDocument ?doc OPTIONAL { ?doc pkg:sourceFile ?file } }
  BIND(COALESCE(STR(?due), "") AS ?year)
}"""
# the scope of each target, and the place it resolves to (if any)
SCOPES = """SELECT ?doc ?scope ?place ?target WHERE {
  { SELECT ?target WHERE { ?target a pkg:Target } }
  { SELECT ?target ?scope WHERE { ?target pkg:scope ?scope } }
  { SELECT ?target ?doc WHERE { ?target pkg:inDocument ?doc } }
  OPTIONAL { SELECT ?target ?place WHERE { ?target pkg:scopePlace ?place } }
}"""
SCOPES_OF = """SELECT ?doc ?scope ?place ?target WHERE { VALUES ?doc { %s }
  ?target pkg:inDocument ?doc ; a pkg:Target ; pkg:scope ?scope . OPTIONAL { ?target pkg:scopePlace ?place }
}"""
# the places a scope resolves to, as target_scopes names them: of one of these kinds, with a zh name
NAMED_PLACES = """SELECT ?place ?label WHERE {
  VALUES ?kind { pkg:Province pkg:City pkg:County pkg:DevelopmentZone pkg:ClusterZone pkg:Park }
  ?place a ?kind ; skos:prefLabel ?label . FILTER(lang(?label) = "zh")
}"""
# the Chinese names of the places targets are scoped to, as targets_by_scope looks a place up
SCOPE_PLACE_NAMES = """SELECT ?place ?name WHERE { VALUES ?place { %s }
  ?place skos:prefLabel|skos:altLabel ?label . FILTER(lang(?label) = "zh") BIND(STR(?label) AS ?name)
}"""
# what items name (companies, places), with the thing's Chinese name
MENTIONS = """SELECT ?doc ?item ?order ?relation ?thing ?label WHERE {
  VALUES ?relation { pkg:mentionsCompany pkg:mentionsPlace } ?item ?relation ?thing .
  ?item pkg:inDocument ?doc ; pkg:order ?order .
  OPTIONAL { ?thing skos:prefLabel ?label FILTER(lang(?label) = "zh") }
}"""
MENTIONS_OF = """SELECT ?doc ?item ?order ?relation ?thing ?label WHERE { VALUES ?doc { %s }
  ?item pkg:inDocument ?doc ; pkg:order ?order .
  VALUES ?relation { pkg:mentionsCompany pkg:mentionsPlace } ?item ?relation ?thing .
  OPTIONAL { ?thing skos:prefLabel ?label FILTER(lang(?label) = "zh") }
}"""
# the names a place an item names is asked for by in measures_naming_place: any label's text of the
# place or of one it lies within
PLACE_NAMES = """SELECT ?place ?name WHERE {
  { SELECT DISTINCT ?place WHERE { ?item pkg:mentionsPlace ?place } }
  ?place pkg:withinArea* ?wanted . ?wanted skos:prefLabel|skos:altLabel ?label . BIND(STR(?label) AS ?name)
}"""
# the agencies the gazetteer does not know, with their Chinese name and their city's
UNRESOLVED = """SELECT ?agency ?label ?city WHERE {
  ?agency pkg:resolved false .
  OPTIONAL { ?agency skos:prefLabel ?label FILTER(lang(?label) = "zh") }
  OPTIONAL { ?agency pkg:city/skos:prefLabel ?city FILTER(lang(?city) = "zh") }
}"""
PAIR_COUNTS = "sharedMeasureCount", "sharedDocumentCount"
TYPE_COUNTS = "assignmentsOfType", "measuresOfType", "documentsOfType"
SCOPE_COUNTS = "targetsInScope", "documentsInScope"
# the positions of a document's parts, kept by ``build --add`` for the documents that keep theirs
PART_POSITIONS = frozenset(
    f"#{name}> ".encode()
    for name in (
        "itemPosition", "hasItemPosition", "targetPosition", "duePosition", "assignmentPosition", "mentionPosition"
    )
)  # fmt: skip
# the positions of a document's parts listed under something else (an agency, a company, a place, a
# name), by the document position they hold
LISTINGS = {
    b"#hasAssignmentPosition> ": lambda n: n // SPAN,
    b"#hasLoadPosition> ": lambda n: n // LOAD_SPAN % SPAN,
    **{f"#{name}> ".encode(): lambda n: n // SPAN for name in (
        "companyMentionPosition", "placeMentionPosition", "hasPlaceMentionPosition", "hasScopeTargetPosition"
    )},
}  # fmt: skip
# the listings under a name (pkg:NameKey)
NAME_LISTINGS = "hasPlaceMentionPosition", "hasScopeTargetPosition"
# the relations of a citing document, in the order a cited document lists them (based_on first)
RELATIONS = ("http://data.europa.eu/eli/ontology#based_on", "http://data.europa.eu/eli/ontology#cites")


NAME = f"{iris.ID}name/"  # how the IRIs of pkg:NameKey nodes begin
NAMED = f"<{NAME}".encode()  # how the lines about them begin
DOCUMENT_IRI = iris.document("")  # how the IRIs of documents begin
DOCUMENT = f"<{DOCUMENT_IRI}".encode()  # how the lines about them and their parts begin
SEGMENT = re.compile(rb"[^/>]*")  # a document's own segment of its IRI


def name_node(text: str) -> NamedNode:
    """A text a question is asked with (a scope, a place's name), with what the build lists under it."""
    return NamedNode(f"{NAME}{iris.iri_part(text)}")


def scope_node(scope: str, place: str) -> NamedNode:
    """The targets of a scope and the place it resolves to ("" for none), counted."""
    return NamedNode(f"{iris.ID}targets-of-scope/{iris.iri_part(scope)}/{iris.iri_part(place.removeprefix(iris.ID))}")


# how the lines of pkg:AgencyLoad nodes begin; a load is no node of its document's (it is computed across
# documents: graph/checks.py reads a document's nodes as the document's own)
LOAD = f"<{iris.ID}agency-load/".encode()
# how the lines of pkg:AgencyPair, pkg:TypeInPlace and pkg:TargetsOfScope nodes begin: their IRIs' common part
COUNTED_NODES = tuple(
    f"<{node.rsplit('/', 2)[0]}/".encode()
    for node in (iris.agency_pair("a", "b"), iris.type_in_place("a", "b"), scope_node("a", "b").value)
)


@dataclass
class Previous:
    """What ``build --add`` updates the summaries from: the build's summaries across documents
    (``across``) and those of its parts of documents written again (``of_parts``: every line of the
    documents that ``moved``), the documents' positions now (``documents``: see
    ``document_positions``), those whose position changed or that were added or replaced
    (``moved``, IRIs; ``changed``: those added or replaced) and the replaced documents' triples as
    they were (``removed``, N-Triples)."""

    across: bytes
    of_parts: bytes
    documents: dict[NamedNode, int]
    moved: set[str]
    changed: set[str]
    removed: bytes


def write_summaries(
    store: Store,
    files: Sequence[Path | None],
    part_of: dict[str, int],
    rows: Iterable[OwnRows] | None = None,
    previous: Previous | None = None,
) -> list[int]:
    """Compute the summaries of the graph in ``store`` (with ``rows``: see ``summary_triples``),
    write them into ``files`` (parts of the graph, graph/parts.py) and put them in the store: the
    lines of a document (see ``document_of``) into the file of its part of documents (``part_of``:
    their index in ``files``, by document IRI), those across documents into the last. Returns the
    lines written into each file. For ``build --add`` (``previous``), the files of the parts whose
    summaries stay as they were are None, and only what changed is removed from the store and
    added."""
    positions = previous.documents if previous else document_positions(store)
    documents = ["", *(doc.value for doc in positions)]  # by position (from 1)
    counts = [0] * len(files)
    with TemporaryDirectory(dir=next(path for path in files if path).parent) as runs, ExitStack() as stack:
        if previous:
            lines: Iterable[bytes] = _updated(store, previous)
        else:
            lines = SortedLines(Path(runs))
            lines.add(summary_triples(store, rows))
        outs = [stack.enter_context(path.open("ab")) if path else None for path in files]
        lines = iter(lines)
        while batch := list(islice(lines, LOADED)):  # a write per line took a tenth of an add
            routed: defaultdict[int, list[bytes]] = defaultdict(list)
            for line in batch:
                routed[part_of[doc] if (doc := document_of(line, documents)) else len(files) - 1].append(line)
            for index, found in routed.items():
                out = outs[index]
                assert out, f"summaries of a part kept as it was: {found[0]!r}"
                out.write(b"".join(found))
                counts[index] += len(found)
    if not previous:  # the whole summaries, loaded from where they were written, a block at a time
        for path in filter(None, files):  # (at once, Oxigraph's loader held them all: a third of the peak)
            with path.open("rb") as summaries:
                while block := b"".join(islice(summaries, LOADED)):
                    store.bulk_load(block, RdfFormat.N_TRIPLES)
    return counts


def document_of(line: bytes, documents: Sequence[str]) -> str | None:
    """The document (IRI) a summary line is of: a position of one of its parts or a load of it,
    stated of the part or the load (by its IRI, minted under the document's), or listed under
    something else (by the position it holds: ``documents`` are IRIs by position); None for a line
    across documents."""
    if line.startswith(LOAD):  # (millions of lines: each read with as few calls as can be)
        return DOCUMENT_IRI + line[len(LOAD) : line.index(b"/", len(LOAD))].decode()
    end = line.index(b" ", line.index(b" ") + 1) + 1  # the predicate's end
    mark = line[line.rfind(b"#", 0, end) : end]
    if mark in LISTINGS:
        return documents[LISTINGS[mark](int(line[end + 1 : line.index(b'"', end + 1)]))]
    if mark in PART_POSITIONS and line.startswith(DOCUMENT):
        return DOCUMENT_IRI + SEGMENT.match(line, len(DOCUMENT)).group().decode()  # type: ignore[union-attr]
    return None


def moved_documents(documents: dict[NamedNode, int], across: bytes, changed: set[str]) -> set[str]:
    """The documents (IRIs) whose position (``documents``: see ``document_positions``) is not the
    one the build's summaries ``across`` documents state, and those that ``changed``."""
    before = _document_positions_stated(across.splitlines(keepends=True))
    return {
        doc.value for doc, position in documents.items() if doc.value in changed or before.get(doc.value) != position
    }


def _document_positions_stated(lines: list[bytes]) -> dict[str, int]:
    """The documents' positions (by IRI) that summaries' ``lines`` state."""
    stated = _parsed(line for line in lines if b"#documentPosition> " in line)
    return {str(t.subject)[1:-1]: _value(t.object) for t in stated}


def _updated(store: Store, previous: Previous) -> Iterator[bytes]:
    """The summaries' lines after an add (see ``write_summaries``), sorted; the store is updated
    with what changed."""
    triples, kept, dropped = updated_summaries(store, previous)
    new = _sorted_lines(triples)
    news, gone = set(new), set(dropped)
    for quad in parse(b"".join(sorted(gone - news)), format=RdfFormat.N_TRIPLES):
        store.remove(quad)
    store.bulk_load(b"".join(sorted(news - gone)), format=RdfFormat.N_TRIPLES)
    return heapq.merge(kept, new)  # the lines kept are sorted already, and none is new


def _sorted_lines(triples: Iterable[Triple]) -> list[bytes]:
    """N-Triples lines, each once, sorted: the same graph gives the same bytes."""
    return sorted(set(as_ntriples(triples).splitlines(keepends=True)))


# The rows of the documents' own parts: each lies within one document (its nodes, and the IRIs of
# the agencies and places it names), so that a store of some documents gives their rows as the
# whole graph does. The build reads them where each chunk of documents is processed (build.py),
# not from the whole store: at 10,000 documents the responsibilities' rows alone took 80 s and 3 GB
# of the main process. Nor does it hold them: they wait on disk (SpilledRows), and the summaries
# read them back one chunk at a time, as everything they compute from them is per document or a
# sum over documents.
OWN_ROWS = {"items": ITEMS, "targets": TARGETS, "scopes": SCOPES, "assignments": ASSIGNMENTS}


@dataclass
class OwnRows:
    """The rows of ITEMS, TARGETS, SCOPES and ASSIGNMENTS of some documents."""

    items: list[tuple] = field(default_factory=list)
    targets: list[tuple] = field(default_factory=list)
    scopes: list[tuple] = field(default_factory=list)
    assignments: list[tuple] = field(default_factory=list)

    @classmethod
    def of(cls, store: Store) -> OwnRows:
        """The rows of the documents in ``store``."""
        return cls(**{name: _rows(store, query) for name, query in OWN_ROWS.items()})


class SpilledRows:
    """The own rows of every chunk of documents, as its worker pickled them, in a file until the
    summaries read them back (once, a chunk at a time: reading ends the adding)."""

    def __init__(self, path: Path):
        self.path = path
        self._file = path.open("wb")

    def add(self, pickled: bytes) -> None:
        """A chunk's rows: an OwnRows pickled (b"": none)."""
        if pickled:
            self._file.write(len(pickled).to_bytes(8, "little") + pickled)

    def __iter__(self) -> Iterator[OwnRows]:
        self._file.close()
        with self.path.open("rb") as spilled:
            while size := spilled.read(8):
                yield pickle.loads(spilled.read(int.from_bytes(size, "little")))


def summary_triples(store: Store, chunks: Iterable[OwnRows] | None = None) -> Iterator[Triple]:
    """The summaries of the whole graph; ``chunks`` are its documents' own rows, a chunk of documents
    at a time, as gathered where they were processed (read from ``store`` when not given)."""
    documents = document_positions(store)
    yield from _document_triples(store, documents)
    agencies, places = Agencies.of(store), named_places(store)
    years = document_years(_rows(store, DATES))
    tally, names = Tally(), set()
    for rows in chunks if chunks is not None else [OwnRows.of(store)]:
        yield from _item_positions(rows.items, documents)
        listed = list(_target_positions(rows.targets, documents, _scope_names(store, rows.scopes)))
        names |= _names_listed(listed)
        yield from listed
        yield from _assignment_positions(rows.assignments, documents)
        yield from _loads(rows.assignments, documents, years)
        tally.add(Tally.of(rows.assignments, agencies))
        tally.add(Tally.of_targets(rows.scopes, places))
    listed = list(_mention_positions(_rows(store, MENTIONS), documents, _names(store, PLACE_NAMES)))
    yield from listed
    yield from _name_triples(names | _names_listed(listed))
    yield from _due_positions(_rows(store, DUE), documents)
    yield from agencies.triples(tally, store)
    yield from _scope_triples(tally, places)
    yield from _cluster_triples(store)
    yield from _unresolved_triples(store)


def updated_summaries(store: Store, previous: Previous) -> tuple[list[Triple], list[bytes], list[bytes]]:
    """The summaries of the graph in ``store`` from those of the build it was before documents were
    added or replaced (``previous``): new triples, the lines of ``previous.of_parts`` that still
    hold (the positions of the parts of the documents that kept their place), sorted, and the other
    lines of ``previous``. Those across documents are all computed anew."""
    across = previous.across.splitlines(keepends=True)
    lines = sorted(previous.of_parts.splitlines(keepends=True))
    before = _document_positions_stated(across)
    documents = previous.documents
    triples = list(_document_triples(store, documents))
    moved, changed = previous.moved, previous.changed
    old = {before[doc] for doc in moved if doc in before}
    kept, dropped = _kept_positions(lines, moved, old)
    assignments = _rows(store, ASSIGNMENTS_OF % _values(moved)) if moved else []
    scopes = _rows(store, SCOPES_OF % _values(moved)) if moved else []
    if moved:
        triples += _item_positions(_rows(store, ITEMS_OF % _values(moved)), documents)
        names = _scope_names(store, scopes)
        triples += _target_positions(_rows(store, TARGETS_OF % _values(moved)), documents, names)
        triples += _mention_positions(_rows(store, MENTIONS_OF % _values(moved)), documents, _names(store, PLACE_NAMES))
        triples += _due_positions(_rows(store, DUE_OF % _values(moved)), documents)
        triples += _assignment_positions(assignments, documents)
        triples += _loads(assignments, documents, document_years(_rows(store, DATES_OF % _values(moved))))
    gone = Store()
    gone.bulk_load(previous.removed, format=RdfFormat.N_TRIPLES)
    agencies = Agencies.of(store) | Agencies.of(gone)
    places = named_places(gone) | named_places(store)
    tally = Tally.parsed(across)
    if changed:
        tally.add(Tally.of([row for row in assignments if row[0].value in changed], agencies))
        tally.add(Tally.of(_rows(gone, ASSIGNMENTS_OF % _values(changed)), agencies), -1)
        tally.add(Tally.of_targets([row for row in scopes if row[0].value in changed], places))
        tally.add(Tally.of_targets(_rows(gone, SCOPES_OF % _values(changed)), places), -1)
    triples += agencies.triples(tally, store)
    triples += _scope_triples(tally, places)
    triples += _cluster_triples(store)
    triples += _unresolved_triples(store)
    triples += _name_triples(_names_listed(triples, kept) | _names_still_listed(store, across, dropped, old))
    return triples, kept, dropped + across


def _names_still_listed(store: Store, across: list[bytes], dropped: list[bytes], old: set[int]) -> set[str]:
    """The names the build listed something under (``across``: its summaries across documents)
    that still list a part of a document that kept its place, read from ``store`` (which holds the
    build's summaries yet) for those a ``dropped`` line listed under (the others list only such
    parts; ``old``: the positions the documents that moved held)."""
    listed = {line[1 : line.index(b">")].decode() for line in _starting(across, NAMED)}
    doubtful = {line[1 : line.index(b">")].decode() for line in _starting(dropped, NAMED)}
    still = set()
    for name in sorted(doubtful & listed):
        query = f"SELECT ?p WHERE {{ VALUES ?l {{ {' '.join(f'pkg:{n}' for n in NAME_LISTINGS)} }} <{name}> ?l ?p }}"
        if any(position // SPAN not in old for (position,) in _rows(store, query)):
            still.add(name)
    return listed - doubtful | still


def _values(nodes: set[str]) -> str:
    """IRIs as the rows of a VALUES block."""
    return " ".join(f"<{iri}>" for iri in sorted(nodes))


def _starting(lines: Sequence[bytes], prefix: bytes) -> Iterator[bytes]:
    """The ``lines`` (sorted) that start with ``prefix``."""
    for line in islice(lines, bisect_left(lines, prefix), None):
        if not line.startswith(prefix):
            return
        yield line


def _parsed(lines: Iterable[bytes]) -> list[Triple]:
    return [quad.triple for quad in parse(b"".join(lines), format=RdfFormat.N_TRIPLES)]


def _kept_positions(lines: list[bytes], moved: set[str], old: set[int]) -> tuple[list[bytes], list[bytes]]:
    """The ``lines`` about a document that kept its place (not in ``moved``, whose old positions are
    ``old``): its parts' positions, stated of the part or of the document (rdf.py mints a document's
    parts under its IRI), its loads, and its parts listed under their agencies; and the other lines."""
    prefixes = tuple(f"<{doc}{end}".encode() for doc in sorted(moved) for end in ("/", "> "))
    prefixes += tuple(f"<{iris.agency_load(doc)}".encode() for doc in sorted(moved))

    def kept(line: bytes) -> bool:
        predicate = line.split(b" ", 2)[1]  # read once, not searched for each mark (millions of lines)
        mark = predicate[predicate.rfind(b"#") :] + b" "
        if mark in LISTINGS:
            return LISTINGS[mark](int(line.split(b'"')[1])) not in old
        ours = mark in PART_POSITIONS or line.startswith(LOAD)
        return ours and not line.startswith(prefixes)

    kept_lines: list[bytes] = []
    dropped: list[bytes] = []
    for line in lines:
        (kept_lines if kept(line) else dropped).append(line)
    return kept_lines, dropped


def _rows(store: Store, query: str) -> list[tuple]:
    """The rows of a query as tuples of Python values (see ``_value``), in the order of its columns;
    equal nodes are one object (rows repeat their document, agency, role: a third of the memory,
    and of the pickle that brings a chunk's rows to the main process)."""
    nodes: dict = {}
    return [
        tuple(_value(t) if type(t) is Literal else nodes.setdefault(t, t) for t in row)
        for row in select(store, PREFIXES + query)
    ]


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
    """Each document's position and count of citations, and for each cited document the keys it is
    looked up by and the positions of the documents based on it, then of those citing it."""
    citing = _rows(store, CITATIONS)
    citations = Counter(doc for doc, _ in {(doc, cited) for doc, _, cited in citing})
    for doc, position in documents.items():
        yield Triple(doc, pkg("documentPosition"), typed(position, "integer"))
        yield Triple(doc, pkg("citationCount"), typed(citations[doc], "integer"))
    for doc, relation, cited in citing:
        if doc in documents:
            listed = typed(RELATIONS.index(relation.value) * SPAN + documents[doc], "integer")
            yield Triple(cited, pkg("citingPosition"), listed)
            yield Triple(doc, pkg("citingDocumentPosition"), listed)
    for cited, key in _rows(store, CITED_KEYS):
        yield Triple(cited, RDF_TYPE, pkg("CitedDocument"))
        yield Triple(cited, pkg("citedKey"), Literal(key))


def _local(node: NamedNode | None) -> str:
    return "" if node is None else node.value.rpartition("#")[2]


def _assignment_positions(rows: list[tuple], documents: dict[NamedNode, int]) -> Iterator[Triple]:
    """Each document's responsibilities (``rows`` of ASSIGNMENTS) by their measure's order (none
    first), role, source and rank, stated of the responsibility and, to list an agency's, of it."""
    parts: dict[NamedNode, list] = defaultdict(list)
    for doc, agency, _, r, role, source, rank, order in rows:
        if doc in documents:
            key = ((order is not None, order or 0), ROLE_ORDER.get(_local(role), 5), _source(source), rank or 0)
            parts[doc].append((*key, r.value, r, agency))
    for doc, found in parts.items():
        for rank, (*_, r, agency) in enumerate(sorted(found), 1):
            position = typed(documents[doc] * SPAN + rank, "integer")
            yield Triple(r, pkg("assignmentPosition"), position)
            yield Triple(agency, pkg("hasAssignmentPosition"), position)


def _source(kind: NamedNode | None) -> str:
    """A source kind as the catalogue names it (body, annex, prose…)."""
    return SOURCE_NAMES.get(_local(kind), _local(kind).lower())


def document_years(rows: list[tuple]) -> dict[NamedNode, int]:
    """Each document's year as agency_load_by_document gives it: of its date (issued, else signed,
    else printed), else the first year its title names; 0 for none."""
    years = {}
    for doc, issued, signed, printed, title in rows:
        date = issued or signed or printed
        named = re.search("20[0-9][0-9]", title)
        years[doc] = int(date.split("-")[0]) if date else int(named.group()) if named else 0
    return years


def _loads(rows: list[tuple], documents: dict[NamedNode, int], years: dict[NamedNode, int]) -> Iterator[Triple]:
    """What each document assigns to each agency (``rows`` of ASSIGNMENTS): its responsibilities by
    role and its measures, counted, and listed under the agency by the document's year, then corpus
    order."""
    counts: dict[NamedNode, dict[NamedNode, Counter]] = defaultdict(lambda: defaultdict(Counter))
    measures: dict[tuple[NamedNode, NamedNode], set] = defaultdict(set)
    for doc, agency, measure, _, role, *_ in rows:
        if doc in documents and role is not None:
            counts[doc][agency][ROLE_COUNTS.get(_local(role))] += 1
            if measure is not None:
                measures[doc, agency].add(measure)
    for doc, agencies in counts.items():
        for rank, agency in enumerate(sorted(agencies, key=lambda a: a.value), 1):
            node = NamedNode(iris.agency_load(doc.value, agency.value))
            position = typed((years.get(doc, 0) * SPAN + documents[doc]) * LOAD_SPAN + rank, "integer")
            yield Triple(node, RDF_TYPE, pkg("AgencyLoad"))
            yield Triple(node, pkg("loadOf"), agency)
            yield Triple(node, pkg("loadIn"), doc)
            for name, n in sorted(agencies[agency].items(), key=lambda c: str(c[0])):
                if name:
                    yield Triple(node, pkg(name), typed(n, "integer"))
            if measures[doc, agency]:
                yield Triple(node, pkg("loadMeasureCount"), typed(len(measures[doc, agency]), "integer"))
            yield Triple(node, pkg("loadPosition"), position)
            yield Triple(agency, pkg("hasLoadPosition"), position)


def _item_positions(rows: list[tuple], documents: dict[NamedNode, int]) -> Iterator[Triple]:
    """Items by their document, then their order (unique within it), stated of the item and, to list
    one document's items, of the document."""
    for doc, item, order in rows:
        if doc in documents:
            position = typed(documents[doc] * SPAN + order, "integer")
            yield Triple(item, pkg("itemPosition"), position)
            yield Triple(doc, pkg("hasItemPosition"), position)


def _target_positions(
    rows: list[tuple], documents: dict[NamedNode, int], names: dict[NamedNode, set[str]]
) -> Iterator[Triple]:
    """Targets by their document, then the start of their quote, their indicator and IRI; listed
    under each of their ``names`` too (what targets_by_scope asks for them by)."""
    parts: dict[NamedNode, list] = defaultdict(list)
    for doc, target, start, indicator in rows:
        if doc in documents:
            parts[doc].append((start, indicator, target.value, target))
    for doc, found in parts.items():
        for rank, (*_, target) in enumerate(sorted(found), 1):
            position = typed(documents[doc] * SPAN + rank, "integer")
            yield Triple(target, pkg("targetPosition"), position)
            for name in sorted(names.get(target, ())):
                yield Triple(name_node(name), pkg("hasScopeTargetPosition"), position)


def _scope_names(store: Store, scopes: list[tuple]) -> dict[NamedNode, set[str]]:
    """The texts each target (``scopes``: rows of SCOPES) is asked for by in targets_by_scope: its
    scope as printed and the Chinese names of the place it is scoped to."""
    places = _names(store, SCOPE_PLACE_NAMES % _values({place.value for *_, place, _ in scopes if place}))
    names: dict[NamedNode, set[str]] = defaultdict(set)
    for _, scope, place, target in scopes:
        names[target] |= {scope, *places.get(place, ())}
    return names


def _names(store: Store, query: str) -> dict[NamedNode, set[str]]:
    """The rows of ``query`` (a node, a name) as the names of each node."""
    names: dict[NamedNode, set[str]] = defaultdict(set)
    for node, name in _rows(store, query):
        names[node].add(name)
    return names


def _mention_positions(
    rows: list[tuple], documents: dict[NamedNode, int], place_names: dict[NamedNode, set[str]]
) -> Iterator[Triple]:
    """What each document's items name (``rows`` of MENTIONS: companies, places) by the item's order,
    then the thing's Chinese name and IRI: stated of the item, and of the thing, to list a company's
    or place's mentions (companies_named_by_measures); a place's are listed under the names it and
    the places it lies within are asked for by too (``place_names``: measures_naming_place)."""
    labels: dict[NamedNode, str] = {}
    parts: dict[NamedNode, set] = defaultdict(set)
    for doc, item, order, relation, thing, label in rows:
        if doc in documents:
            if label is not None:
                labels[thing] = min(labels.get(thing, label), label)
            parts[doc].add((order, item, thing, relation))
    for doc, found in parts.items():
        ordered = sorted({(order, thing in labels, labels.get(thing, ""), thing.value, item, thing)
                          for order, item, thing, _ in found})  # fmt: skip
        ranks = {(item, thing): rank for rank, (*_, item, thing) in enumerate(ordered, 1)}
        for _, item, thing, relation in found:
            position = typed(documents[doc] * SPAN + ranks[item, thing], "integer")
            yield Triple(item, pkg("mentionPosition"), position)
            if relation == pkg("mentionsCompany"):
                yield Triple(thing, pkg("companyMentionPosition"), position)
            else:
                yield Triple(thing, pkg("placeMentionPosition"), position)
                for name in sorted(place_names.get(thing, ())):
                    yield Triple(name_node(name), pkg("hasPlaceMentionPosition"), position)


def _names_listed(triples: Iterable[Triple], lines: Sequence[bytes] = ()) -> set[str]:
    """The IRIs of the names something is listed under, in ``triples`` and in ``lines`` (sorted
    N-Triples lines kept from a build: those about names are found by bisection, as they are many)."""
    names = {str(t.subject)[1:-1] for t in triples if t.predicate.value.rpartition("#")[2] in NAME_LISTINGS}
    return names | {line[1 : line.index(b">")].decode() for line in _starting(lines, NAMED)}


def _name_triples(names: set[str]) -> Iterator[Triple]:
    """Each name something is listed under (``names``: their IRIs), with its text, so that a question
    finds it from its parameter."""
    for name in names:
        yield Triple(NamedNode(name), RDF_TYPE, pkg("NameKey"))
        yield Triple(NamedNode(name), pkg("keyText"), Literal(unquote(name.removeprefix(NAME))))


def _unresolved_triples(store: Store) -> Iterator[Triple]:
    """The agencies the gazetteer does not know by their city's Chinese name, then their own (a
    missing one first, the least of several) and IRI, as agencies_unresolved lists them: few enough
    to be listed anew by every build."""
    cities: defaultdict[NamedNode, set] = defaultdict(set)
    labels: defaultdict[NamedNode, set] = defaultdict(set)
    for agency, label, city in _rows(store, UNRESOLVED):
        cities[agency].add(city)
        labels[agency].add(label)

    def least(names: set) -> tuple[bool, str]:
        """A name's place in an ORDER BY: none first, else the least."""
        known = sorted(name for name in names if name is not None)
        return (True, known[0]) if known else (False, "")

    ordered = sorted((least(cities[agency]), least(labels[agency]), agency.value, agency) for agency in cities)
    for position, (*_, agency) in enumerate(ordered, 1):
        yield Triple(agency, pkg("unresolvedPosition"), typed(position, "integer"))


def _due_positions(rows: list[tuple], documents: dict[NamedNode, int]) -> Iterator[Triple]:
    """The counts of targets due by year (none first), then by document."""
    for doc, tally, year in rows:
        if doc in documents:
            yield Triple(tally, pkg("duePosition"), typed((year or 0) * SPAN + documents[doc], "integer"))


def named_places(store: Store) -> dict[str, str]:
    """The places a target's scope can resolve to in target_scopes, with their zh name (the least,
    should one have several)."""
    places: dict[str, str] = {}
    for place, label in _rows(store, NAMED_PLACES):
        places[place.value] = min(places.get(place.value, label), label)
    return places


def _scope_triples(tally: Tally, places: dict[str, str]) -> Iterator[Triple]:
    """The scopes, in their list's order: most targets first, then by scope and place name."""

    def order(key: tuple[str, str]):
        scope, place = key
        return (-tally.scopes[key]["targetsInScope"], scope, places.get(place, ""), place)

    for position, (scope, place) in enumerate(sorted(tally.scopes, key=order), 1):
        node = scope_node(scope, place)
        yield Triple(node, RDF_TYPE, pkg("TargetsOfScope"))
        yield Triple(node, pkg("ofScope"), Literal(scope))
        if place:
            yield Triple(node, pkg("resolvedPlace"), NamedNode(place))
        for name in SCOPE_COUNTS:
            yield Triple(node, pkg(name), typed(tally.scopes[scope, place][name], "integer"))
        yield Triple(node, pkg("scopePosition"), typed(position, "integer"))


def _cluster_triples(store: Store) -> Iterator[Triple]:
    """The clusters by the names of their zone and their own, and under each its targets by due year,
    source file, indicator and value (a missing one first), as the clusters question lists them:
    few enough to be listed anew by every build."""
    clusters = sorted((zone, name, cluster.value, cluster) for cluster, zone, name in _rows(store, CLUSTERS))
    positions = {cluster: position for position, (*_, cluster) in enumerate(clusters, 1)}
    targets: dict[NamedNode, list] = defaultdict(list)
    for cluster, target, year, file, indicator, value in _rows(store, CLUSTER_TARGETS):
        number = (value is not None, Decimal(value or 0))  # a missing value first, as ORDER BY puts it
        targets[cluster].append((year, file or "", indicator or "", number, target.value, target))
    for cluster, position in positions.items():
        yield Triple(cluster, pkg("clusterPosition"), typed(position, "integer"))
        for rank, (*_, target) in enumerate(sorted(targets[cluster]), 1):
            at = typed(position * SPAN + rank, "integer")
            yield Triple(target, pkg("clusterTargetPosition"), at)
            yield Triple(cluster, pkg("hasClusterTargetPosition"), at)


@dataclass
class Tally:
    """Assignments counted by pair of agencies (measures, documents: agencies in IRI order) and by
    functional type in a place (assignments, measures, documents); targets by scope and the place it
    resolves to (targets, documents): sums over documents."""

    pairs: defaultdict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    types: defaultdict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    scopes: defaultdict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))

    @classmethod
    def of(cls, rows: list[tuple], agencies: Agencies) -> Tally:
        """From rows of (document, agency, measure or None), one per responsibility."""
        tally = cls()
        by_document: dict[NamedNode, list[tuple[str, str | None]]] = defaultdict(list)
        for doc, agency, measure, *_ in rows:
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
    def of_targets(cls, rows: list[tuple], places: dict[str, str]) -> Tally:
        """From rows of (document, scope, place or None, target), one per target; a place that is not one of
        ``places`` counts as none."""
        tally = cls()
        by_document: defaultdict[NamedNode, Counter] = defaultdict(Counter)
        for doc, scope, place, *_ in rows:
            by_document[doc][scope, place.value if place and place.value in places else ""] += 1
        for counts in by_document.values():
            for key, n in counts.items():
                tally.scopes[key]["targetsInScope"] += n
                tally.scopes[key]["documentsInScope"] += 1
        return tally

    @classmethod
    def parsed(cls, lines: list[bytes]) -> Tally:
        """The counts a build's summaries state (``lines``: their N-Triples lines, sorted: the lines of
        each kind of counted node are found by bisection)."""
        nodes: dict[str, dict[str, str | int]] = defaultdict(dict)
        counted = (line for start in COUNTED_NODES for line in _starting(lines, start))
        for t in _parsed(counted):
            name = t.predicate.value.rpartition("#")[2]
            value = t.object.value if isinstance(t.object, NamedNode) else _value(t.object)
            nodes[str(t.subject)][name] = value
        tally = cls()
        for node in nodes.values():
            if "firstAgency" in node:
                pair = (str(node["firstAgency"]), str(node["secondAgency"]))
                tally.pairs[pair].update({name: int(node[name]) for name in PAIR_COUNTS})
            elif "ofScope" in node:
                key = (str(node["ofScope"]), str(node.get("resolvedPlace", "")))
                tally.scopes[key].update({name: int(node[name]) for name in SCOPE_COUNTS})
            else:
                key = (str(node["inPlace"]), str(node["ofType"]))
                tally.types[key].update({name: int(node[name]) for name in TYPE_COUNTS})
        return tally

    def add(self, other: Tally, sign: int = 1) -> None:
        for mine, theirs in ((self.pairs, other.pairs), (self.types, other.types), (self.scopes, other.scopes)):
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
