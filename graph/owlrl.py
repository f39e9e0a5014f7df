"""The OWL RL part of the ontology materialised with SPARQL on the Oxigraph store: HermiT's
inferences about the data at the speed of the store.

The rules are made from the axioms of the ontology in the store (subclasses, subproperties,
equivalent classes and properties, inverses, symmetric and transitive properties, property chains,
domains and ranges, intersections, someValuesFrom, allValuesFrom and hasValue restrictions), run
as SPARQL queries over the asserted graph and a scratch graph of what they derive, until nothing
new follows. What is kept is what HermiT, through owlready2, reports: for each resource its most
specific classes, and the pairs of each property that no more specific property holds, in the
ontology's own vocabulary, not already asserted. Disjoint classes and distinct values of a
functional property make the graph inconsistent, as for HermiT; HermiT itself still checks the
ontology (:func:`policykg.graph.reasoning.reason`), which the build runs once, not on the data.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple
from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from policykg.graph.reasoning import PKG, ReasonerReport, reason
from policykg.graph.store import INFERRED_GRAPH, as_ntriples, construct, select

RDF_TYPE = NamedNode(str(RDF.type))
CLOSURE = NamedNode("https://w3id.org/policykg/graph/closure")  # scratch: everything derived
DELTA = [NamedNode(f"https://w3id.org/policykg/graph/derived-{k}") for k in (0, 1)]  # scratch: a round's news
_SCHEMA = [RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.equivalentClass, OWL.inverseOf,
           OWL.equivalentProperty, OWL.propertyChainAxiom, OWL.intersectionOf, OWL.unionOf, OWL.onProperty,
           OWL.someValuesFrom, OWL.allValuesFrom, OWL.hasValue, OWL.members, OWL.disjointWith, OWL.distinctMembers,
           RDF.first, RDF.rest]  # fmt: skip
_KINDS = [OWL.TransitiveProperty, OWL.SymmetricProperty, OWL.FunctionalProperty, OWL.AllDisjointClasses,
          OWL.AllDifferent, OWL.Restriction, OWL.DatatypeProperty]  # fmt: skip

Prop = tuple[str, bool]  # a property, and whether it is taken backwards (owl:inverseOf)


def _iri(term) -> str:
    return f"<{term}>"


@dataclass
class Ontology:
    """The axioms the rules are made of, read from the store's default graph."""

    graph: Graph
    superclasses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # named, reflexive
    superproperties: dict[Prop, set[Prop]] = field(default_factory=lambda: defaultdict(set))  # reflexive

    @classmethod
    def of(cls, store: Store) -> Ontology:
        predicates = " ".join(_iri(p) for p in _SCHEMA)
        kinds = " ".join(_iri(k) for k in _KINDS)
        query = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
            {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }} UNION {{ VALUES ?o {{ {kinds} }} ?s a ?o BIND (
            {_iri(RDF.type)} AS ?p) }} }}"""
        graph = Graph()
        for t in construct(store, query):
            graph.add(tuple(_rdflib(x) for x in (t.subject, t.predicate, t.object)))
        ontology = cls(graph)
        ontology._hierarchies()
        return ontology

    def items(self, node) -> list:
        return list(Collection(self.graph, node))

    def prop(self, node) -> Prop:
        """A property expression: a property, or [owl:inverseOf P]."""
        if isinstance(node, BNode):
            return (str(self.graph.value(node, OWL.inverseOf)), True)
        return (str(node), False)

    def _hierarchies(self) -> None:
        g = self.graph
        up: dict[str, set[str]] = defaultdict(set)
        for a, b in g.subject_objects(RDFS.subClassOf):
            up[str(a)].update(self._named_supers(b))
        for a, b in g.subject_objects(OWL.equivalentClass):
            up[str(a)].update(self._named_supers(b))
            if isinstance(a, URIRef) and isinstance(b, URIRef):
                up[str(b)].add(str(a))
        self.superclasses = _closure(up)
        pup: dict[Prop, set[Prop]] = defaultdict(set)

        def link(p: Prop, q: Prop) -> None:
            pup[p].add(q)
            pup[(p[0], not p[1])].add((q[0], not q[1]))

        for a, b in g.subject_objects(RDFS.subPropertyOf):
            link(self.prop(a), self.prop(b))
        for a, b in g.subject_objects(OWL.equivalentProperty):
            link(self.prop(a), self.prop(b))
            link(self.prop(b), self.prop(a))
        for a, b in g.subject_objects(OWL.inverseOf):
            if isinstance(a, URIRef):
                link((str(a), False), (str(b), True))
                link((str(b), True), (str(a), False))
        for p in g.subjects(RDF.type, OWL.SymmetricProperty):
            link((str(p), False), (str(p), True))
        self.superproperties = _closure(pup)

    def _named_supers(self, expression) -> set[str]:
        """The named classes an expression is a subclass of (itself, or the named members of an intersection)."""
        if isinstance(expression, URIRef):
            return {str(expression)}
        members = self.graph.value(expression, OWL.intersectionOf)
        return {str(m) for m in self.items(members) if isinstance(m, URIRef)} if members else set()

    def properties(self) -> set[str]:
        """Every property an axiom names: the triples the rules can use."""
        g = self.graph
        named = [g.subjects(RDFS.domain), g.subjects(RDFS.range), g.objects(None, OWL.onProperty)]
        named += [g.subjects(RDF.type, kind) for kind in (OWL.TransitiveProperty, OWL.SymmetricProperty)]
        named += [g.subjects(RDF.type, OWL.FunctionalProperty), g.subjects(OWL.propertyChainAxiom)]
        named += [(x for _, chain in g.subject_objects(OWL.propertyChainAxiom) for x in self.items(chain))]
        for link in (RDFS.subPropertyOf, OWL.equivalentProperty, OWL.inverseOf):
            named += [g.subjects(link), g.objects(None, link)]
        literal = {str(p) for p in g.subjects(RDF.type, OWL.DatatypeProperty)}  # values are literals
        return {self.prop(p)[0] for group in named for p in group} - literal

    def strictly_below(self, named: str) -> set[str]:
        return {c for c, ups in self.superclasses.items() if named in ups and c not in self.superclasses.get(named, ())}


def _closure(up: dict) -> dict:
    """Reflexive-transitive closure of a relation given as node -> direct ups."""
    result = {}
    for start in list(up):
        seen, todo = {start}, [start]
        while todo:
            for nxt in up.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        result[start] = seen
    return defaultdict(set, result)


def _rdflib(term):
    from pyoxigraph import BlankNode, Literal

    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, BlankNode):
        return BNode(term.value)
    if isinstance(term, Literal):
        from rdflib import Literal as RdfLiteral

        return RdfLiteral(term.value, lang=term.language, datatype=None if term.language else term.datatype.value)
    raise TypeError(term)


def _select(s: str, p: str, o: str, where: str) -> str:
    """A rule: the triples (s, p, o) that the pattern ``where`` gives."""
    return f"SELECT DISTINCT ({s} AS ?s) ({p} AS ?p) ({o} AS ?o) WHERE {{ {where} }}"


def _named(expression) -> bool:
    return isinstance(expression, URIRef)


def _datatype(expression) -> bool:
    """A range that is a datatype (xsd:…, rdfs:Literal): values are literals, which have no class."""
    return str(expression).startswith(("http://www.w3.org/2001/XMLSchema#", str(RDFS.Literal)))


def _step(p: Prop, a: str, b: str) -> str:
    return f"{b} <{p[0]}> {a} ." if p[1] else f"{a} <{p[0]}> {b} ."


class Rules:
    """SPARQL rules (CONSTRUCT-like SELECTs of ?s ?p ?o) made from the ontology."""

    def __init__(self, ontology: Ontology):
        self.o = ontology
        self.queries: list[str] = []  # run in full every round
        self.tables: list[tuple[str, str, str, str]] = []  # one-atom rules (s, p, o, where): on each round's news
        self._rows: list[tuple[str, str, str, list[tuple[str, str]]]] = []  # their axioms: (body term, head term)
        g = ontology.graph
        pairs = [(c, d) for c, ups in ontology.superclasses.items() for d in ups if c != d]
        self._rule("?x a ?d", "?x a ?c", "?c ?d", pairs)
        forward: list[tuple[str, str]] = []
        backward: list[tuple[str, str]] = []
        for sub, ups in ontology.superproperties.items():
            for sup in ups:
                if sup != sub and not sub[1]:
                    (backward if sup[1] else forward).append((sub[0], sup[0]))
        self._rule("?x ?sup ?y", "?x ?sub ?y", "?sub ?sup", forward)
        self._rule("?y ?sup ?x", "?x ?sub ?y", "?sub ?sup", backward)
        for p in sorted(g.subjects(RDF.type, OWL.TransitiveProperty), key=str):
            self.queries.append(f"SELECT DISTINCT ?s (<{p}> AS ?p) ?o WHERE {{ ?s <{p}>/<{p}>+ ?o }}")
        for p, chain in sorted(g.subject_objects(OWL.propertyChainAxiom)):
            links = [ontology.prop(x) for x in ontology.items(chain)]
            hops = [f"?v{i}" for i in range(len(links) + 1)]
            body = " ".join(_step(q, hops[i], hops[i + 1]) for i, q in enumerate(links))
            self.queries.append(f"SELECT DISTINCT (?v0 AS ?s) (<{p}> AS ?p) (?v{len(links)} AS ?o) WHERE {{ {body} }}")
        domains = sorted(g.subject_objects(RDFS.domain))
        ranges = [(p, e) for p, e in sorted(g.subject_objects(RDFS.range)) if not _datatype(e)]
        self._rule("?x a ?class", "?x ?property ?y", "?property ?class", [(p, e) for p, e in domains if _named(e)])
        self._rule("?y a ?class", "?x ?property ?y", "?property ?class", [(p, e) for p, e in ranges if _named(e)])
        for p, e in domains:
            if not _named(e):
                self._implies(f"?x <{p}> ?y .", e, "?x")
        for p, e in ranges:
            if not _named(e):
                self._implies(f"?y <{p}> ?x .", e, "?x")
        for a, b in sorted(g.subject_objects(RDFS.subClassOf)) + sorted(g.subject_objects(OWL.equivalentClass)):
            if isinstance(a, URIRef) and not isinstance(b, URIRef):
                self._implies(f"?x a <{a}> .", b, "?x")
        for a, b in sorted(g.subject_objects(OWL.equivalentClass)):
            for named, expression in ((a, b), (b, a)):
                if isinstance(named, URIRef) and not isinstance(expression, URIRef):
                    self.queries.append(_select("?x", "rdf:type", f"<{named}>", self._member(expression, "?x", [0])))
        self.needed = self._needed()
        for head, body, columns, rows in self._rows:
            kept = sorted((a, b) for a, b in rows if b in self.needed)
            if kept:
                s, verb, o = head.split()
                values = " ".join(f"(<{a}> <{b}>)" for a, b in kept)
                predicate = "rdf:type" if verb == "a" else verb
                self.tables.append((s, predicate, o, f"VALUES ({columns}) {{ {values} }} {body}"))

    def _needed(self) -> set[str]:
        """The classes and properties whose facts can matter: those of the ontology's own vocabulary
        (what is reported), those the consistency checks and the other rules read, and, back along
        the one-atom rules, what any of them follows from. A one-atom rule whose head is none of
        them (x a dcterms:Location, x dcterms:isPartOf y) is never run."""
        g = self.o.graph
        needed = {t for _, _, _, rows in self._rows for pair in rows for t in pair if t.startswith(PKG)}
        needed |= {iri for query in self.queries for iri in re.findall(r"<([^>]+)>", query)}
        for group in g.subjects(RDF.type, OWL.AllDisjointClasses):
            needed |= {str(m) for m in self.o.items(g.value(group, OWL.members))}
        needed |= {str(t) for pair in g.subject_objects(OWL.disjointWith) for t in pair}
        needed |= {str(p) for p in g.subjects(RDF.type, OWL.FunctionalProperty)}
        while True:
            more = {a for _, _, _, rows in self._rows for a, b in rows if b in needed and a not in needed}
            if not more:
                return needed
            needed |= more

    def _rule(self, head: str, body: str, columns: str, rows: Iterable[tuple[str | Node, str | Node]]) -> None:
        """One query for a whole table of axioms of one kind."""
        self._rows.append((head, body, columns, [(str(a), str(b)) for a, b in rows]))

    def round(self, news: NamedNode | None) -> list[str]:
        """The queries of a round: a one-atom rule can only fire again on what the last round
        derived (``news``; None on the first round)."""
        scope = (lambda where: f"GRAPH <{news.value}> {{ {where} }}") if news else (lambda where: where)
        return [_select(s, p, o, scope(where)) for s, p, o, where in self.tables] + self.queries

    def _implies(self, body: str, expression, x: str) -> None:
        """Rules for ``body`` implying that ``x`` is in a class expression (its superclass side)."""
        g = self.o.graph
        if isinstance(expression, URIRef):
            self.queries.append(
                f"SELECT DISTINCT ({x} AS ?s) (rdf:type AS ?p) (<{expression}> AS ?o) WHERE {{ {body} }}"
            )
            return
        members = g.value(expression, OWL.intersectionOf)
        if members is not None:
            for m in self.o.items(members):
                self._implies(body, m, x)
            return
        prop = g.value(expression, OWL.onProperty)
        if prop is None:
            return  # a union: nothing named follows
        p = self.o.prop(prop)
        if (target := g.value(expression, OWL.allValuesFrom)) is not None:
            self._implies(f"{body} {_step(p, x, '?z')}", target, "?z")
        elif (value := g.value(expression, OWL.hasValue)) is not None:
            s, o = (f"<{value}>", x) if p[1] else (x, f"<{value}>")
            self.queries.append(f"SELECT DISTINCT ({s} AS ?s) (<{p[0]}> AS ?p) ({o} AS ?o) WHERE {{ {body} }}")

    def _member(self, expression, x: str, counter: list[int]) -> str:
        """A pattern that holds when ``x`` is in a class expression (its subclass side)."""
        g = self.o.graph
        if isinstance(expression, URIRef):
            return "" if expression == OWL.Thing else f"{x} a <{expression}> ."
        if (members := g.value(expression, OWL.intersectionOf)) is not None:
            return " ".join(self._member(m, x, counter) for m in self.o.items(members))
        if (members := g.value(expression, OWL.unionOf)) is not None:
            return " UNION ".join(f"{{ {self._member(m, x, counter)} }}" for m in self.o.items(members))
        p = self.o.prop(g.value(expression, OWL.onProperty))
        if (value := g.value(expression, OWL.hasValue)) is not None:
            return _step(p, x, f"<{value}>")
        if (target := g.value(expression, OWL.someValuesFrom)) is not None:
            counter[0] += 1
            y = f"?y{counter[0]}"
            return _step(p, x, y) + " " + self._member(target, y, counter)
        raise ValueError(f"the ontology uses a class expression the rules do not read: {expression}")


@dataclass
class Inferences:
    consistent: bool
    message: str = ""
    rounds: int = 0


def materialise(store: Store) -> Inferences:
    """Derive everything the rules give, check consistency, and write HermiT's view of it to the
    store's inferred graph."""
    inferences, direct = derive(store)
    if inferences.consistent:
        store.bulk_load(direct, RdfFormat.N_TRIPLES, to_graph=INFERRED_GRAPH)
    return inferences


def derive(store: Store, derived: bytes = b"") -> tuple[Inferences, bytes]:
    """What the rules give on the store: consistency, and HermiT's view of it (N-Triples).

    The rules run as SPARQL updates on an in-memory copy of the links they can use: rdf:type and
    the properties the ontology names, between resources (a triple of another property matches no
    rule; literals, the text, offsets and dates, are left out as they are of HermiT's input,
    reasoning.py). What they derive goes into the copy, into a scratch graph that the result is
    read from, and into the round's news, which the next round's one-atom rules read. ``derived``
    (N-Triples) are facts the rules derived elsewhere (on other documents): they count as derived,
    not asserted, so HermiT's view is taken over them too."""
    ontology = Ontology.of(store)
    rules = Rules(ontology)
    work = Store()
    work.bulk_extend(_links(store, ontology.properties() & rules.needed, rules.needed - ontology.properties()))
    if derived:
        work.bulk_load(derived, RdfFormat.N_TRIPLES)
        work.bulk_load(derived, RdfFormat.N_TRIPLES, to_graph=CLOSURE)
    rounds = 0
    while True:
        rounds += 1
        news, fresh = DELTA[rounds % 2], DELTA[(rounds + 1) % 2]
        work.clear_graph(fresh)
        insert = f"?s ?p ?o . GRAPH <{CLOSURE.value}> {{ ?s ?p ?o }} GRAPH <{fresh.value}> {{ ?s ?p ?o }}"
        for query in rules.round(None if rounds == 1 else news):
            work.update(
                f"PREFIX rdf: <{RDF}> INSERT {{ {insert} }} WHERE {{ {{ {query} }} FILTER NOT EXISTS {{ ?s ?p ?o }} }}"
            )
        if not work.query(f"ASK {{ GRAPH <{fresh.value}> {{ ?s ?p ?o }} }}"):
            break
    problem = _inconsistency(work, ontology)
    if problem:
        return Inferences(False, problem, rounds), b""
    return Inferences(True, "", rounds), as_ntriples(construct(work, _direct(ontology)))


def predicates_read(store: Store) -> set[str]:
    """The predicates whose triples the rules, made from the ontology in ``store``, read."""
    ontology = Ontology.of(store)
    return (ontology.properties() & Rules(ontology).needed) | {str(p) for p in _SCHEMA} | {str(RDF.type)}


def _links(store: Store, properties: set[str], classes: set[str]) -> Iterator[Quad]:
    """The asserted triples the rules can read: those of the properties between resources, and the
    memberships of the classes, read straight from the indexes rather than by a CONSTRUCT written out
    as N-Triples and parsed again (36 s instead of 63 s for the 1.6 M links of 1,000 documents)."""
    for p in sorted(properties):
        for quad in store.quads_for_pattern(None, NamedNode(p), None, DefaultGraph()):
            if not isinstance(quad.object, Literal):
                yield quad
    for c in sorted(classes):
        yield from store.quads_for_pattern(None, RDF_TYPE, NamedNode(c), DefaultGraph())


def _inconsistency(store: Store, ontology: Ontology) -> str:
    g = ontology.graph
    groups = [[a, b] for a, b in g.subject_objects(OWL.disjointWith)]
    groups += [ontology.items(g.value(group, OWL.members)) for group in g.subjects(RDF.type, OWL.AllDisjointClasses)]
    for members in groups:  # pairwise disjoint: no resource in two of them (a join: 5 times a count by resource)
        values = " ".join(_iri(m) for m in members)
        query = f"""SELECT ?x ?c ?d WHERE {{ VALUES ?c {{ {values} }} ?x <{RDF.type}> ?c .
            VALUES ?d {{ {values} }} ?x <{RDF.type}> ?d FILTER (STR(?c) < STR(?d)) }} LIMIT 1"""
        for row in select(store, query):
            return f"{row['x'].value} is in disjoint classes: {row['c'].value} and {row['d'].value}"
    different = [(a, b) for group in g.subjects(RDF.type, OWL.AllDifferent)
                 for a, b in combinations(ontology.items(g.value(group, OWL.distinctMembers)), 2)]  # fmt: skip
    functional = sorted(g.subjects(RDF.type, OWL.FunctionalProperty), key=str)
    if different and functional:
        pairs = " ".join(f"(<{a}> <{b}>) (<{b}> <{a}>)" for a, b in different)
        props = " ".join(_iri(p) for p in functional)
        several = f"SELECT ?x ?p WHERE {{ VALUES ?p {{ {props} }} ?x ?p ?a }} GROUP BY ?x ?p HAVING (COUNT(?a) > 1)"
        # the resources with several values first (a tenth of the time of a join over every value)
        query = f"SELECT ?x ?p WHERE {{ {{ {several} }} ?x ?p ?a . ?x ?p ?b . VALUES (?a ?b) {{ {pairs} }} }} LIMIT 1"
        for row in select(store, query):
            return f"{row['x'].value} has two different values of the functional {row['p'].value}"
    return ""


def _direct(ontology: Ontology) -> str:
    """A query of the derived facts HermiT reports: most specific classes and most specific
    properties, in the ontology's vocabulary, about resources outside it, not asserted."""
    below = " ".join(f"(<{c}> <{d}>)" for c in ontology.superclasses for d in ontology.strictly_below(c))
    forward: list[tuple[str, str]] = []  # (property, a strictly more specific one, the same way)
    backward: list[tuple[str, str]] = []  # (property, a strictly more specific one, backwards)
    for p, ups in ontology.superproperties.items():
        for q in ups:
            if p != q and p not in ontology.superproperties.get(q, ()):
                (backward if p[1] != q[1] else forward).append((q[0], p[0]))
    tables = [" ".join(f"(<{a}> <{b}>)" for a, b in rows) for rows in (forward, backward)]
    derived = f'GRAPH <{CLOSURE.value}> {{ ?s ?p ?o }} FILTER (!STRSTARTS(STR(?s), "{PKG}") && !isLiteral(?o))'
    return f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
        {{ {derived} FILTER (?p = <{RDF.type}> && STRSTARTS(STR(?o), "{PKG}"))
           FILTER NOT EXISTS {{ VALUES (?o ?d) {{ {below} }} ?s <{RDF.type}> ?d }} }}
        UNION
        {{ {derived} FILTER (?p != <{RDF.type}> && STRSTARTS(STR(?p), "{PKG}"))
           FILTER NOT EXISTS {{ VALUES (?p ?q) {{ {tables[0]} }} ?s ?q ?o }}
           FILTER NOT EXISTS {{ VALUES (?p ?q) {{ {tables[1]} }} ?o ?q ?s }} }}
    }}"""


def check_ontology(schema: list[Triple]) -> Future[ReasonerReport]:
    """HermiT on the ontology and vocabularies alone (the data is left to the rules), started now
    on a thread: Java runs beside the build."""
    pool = ThreadPoolExecutor(1)
    future = pool.submit(reason, schema)
    pool.shutdown(wait=False)
    return future
