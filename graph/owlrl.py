"""The OWL RL part of the ontology materialised from the Oxigraph store: HermiT's inferences about
the data at the speed of the store.

The rules are made from the axioms of the ontology in the store (subclasses, subproperties,
equivalent classes and properties, inverses, symmetric and transitive properties, property chains,
domains and ranges, intersections, someValuesFrom, allValuesFrom and hasValue restrictions) and
applied in memory, in rounds, to the links they can read, until nothing new follows: set operations
on indexes of the few kinds of link the ontology names, a third of the time SPARQL updates on a
scratch store took for the same fixpoint. What is kept is what HermiT, through owlready2, reports:
for each resource its most specific classes, and the pairs of each property that no more specific
property holds, in the ontology's own vocabulary, not already asserted. Disjoint classes and
distinct values of a functional property make the graph inconsistent, as for HermiT; HermiT itself
still checks the ontology (:func:`policykg.graph.reasoning.reason`), which the build runs once, not
on the data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, parse
from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection

from policykg.graph.reasoning import PKG, ReasonerReport, reason
from policykg.graph.store import INFERRED_GRAPH, construct

RDF_TYPE = NamedNode(str(RDF.type))
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


Term = str  # a resource, class or property as N-Triples writes it: <iri>, or _:label
Fact = tuple[Term, Term, Term]
TYPE = f"<{RDF.type}>"


def _named(expression) -> bool:
    return isinstance(expression, URIRef)


def _datatype(expression) -> bool:
    """A range that is a datatype (xsd:…, rdfs:Literal): values are literals, which have no class."""
    return str(expression).startswith(("http://www.w3.org/2001/XMLSchema#", str(RDFS.Literal)))


class Facts:
    """What the rules read and derive, indexed as they join it: the members of each class, and each
    property's pairs from either end."""

    def __init__(self) -> None:
        self.members: dict[Term, set[Term]] = defaultdict(set)
        self.forward: dict[Term, dict[Term, set[Term]]] = defaultdict(lambda: defaultdict(set))
        self.backward: dict[Term, dict[Term, set[Term]]] = defaultdict(lambda: defaultdict(set))
        self.derived: set[Fact] = set()  # what the rules added (and what other units derived)
        self.grown = False  # whether the last round added anything

    def load(self, quads: Iterable[Quad]) -> None:
        """Take asserted triples in."""
        for quad in quads:
            s, p, o = str(quad.subject), str(quad.predicate), str(quad.object)
            if p == TYPE:
                self.members[o].add(s)
            else:
                self.forward[p][s].add(o)
                self.backward[p][o].add(s)

    def holds(self, s: Term, p: Term, o: Term) -> bool:
        if p == TYPE:
            return s in self.members.get(o, ())
        return o in self.forward.get(p, {}).get(s, ())

    def add(self, s: Term, p: Term, o: Term) -> None:
        """Assert a fact; a new one is derived."""
        if self.holds(s, p, o):
            return
        if p == TYPE:
            self.members[o].add(s)
        else:
            self.forward[p][s].add(o)
            self.backward[p][o].add(s)
        self.derived.add((s, p, o))
        self.grown = True

    def classify(self, xs: Iterable[Term], c: Term) -> None:
        """Assert that each of ``xs`` is in the class ``c``: a set operation where most already are."""
        members = self.members[c]
        new = set(xs) - members
        if new:
            members |= new
            self.derived.update((x, TYPE, c) for x in new)
            self.grown = True

    def step(self, p: Prop, x: Term) -> Iterable[Term]:
        """What ``x`` links to by a property expression (backwards for owl:inverseOf)."""
        return (self.backward if p[1] else self.forward).get(f"<{p[0]}>", {}).get(x, ())

    def starts(self, p: Prop) -> list[Term]:
        """The resources that link by a property expression to anything."""
        return list((self.backward if p[1] else self.forward).get(f"<{p[0]}>", {}))


class Rules:
    """The OWL RL rules the ontology's axioms make, applied in rounds until nothing new follows (a
    fixpoint: the same whatever the order)."""

    def __init__(self, ontology: Ontology):
        self.o = ontology
        g = ontology.graph
        # one-atom rules, as (body term, head term): kept for the heads that can matter (see needed)
        rows: dict[str, list] = {
            "class": [(c, d) for c, ups in ontology.superclasses.items() for d in ups if c != d],
            "property": [
                (sub, sup) for sub, ups in ontology.superproperties.items() for sup in ups if sup != sub and not sub[1]
            ],
            "domain": [(str(p), str(e)) for p, e in g.subject_objects(RDFS.domain) if _named(e)],
            "range": [(str(p), str(e)) for p, e in g.subject_objects(RDFS.range) if _named(e) and not _datatype(e)],
        }
        self.transitive = sorted(str(p) for p in g.subjects(RDF.type, OWL.TransitiveProperty))
        self.chains = [
            (str(p), [ontology.prop(x) for x in ontology.items(chain)])
            for p, chain in sorted(g.subject_objects(OWL.propertyChainAxiom))
        ]
        # a body (a class's members, a property's subjects or objects) implying a class expression
        self.implications: list[tuple[str, str, object]] = []
        for p, e in sorted(g.subject_objects(RDFS.domain)):
            if not _named(e):
                self.implications.append(("domain", str(p), e))
        for p, e in sorted(g.subject_objects(RDFS.range)):
            if not _named(e) and not _datatype(e):
                self.implications.append(("range", str(p), e))
        for a, b in sorted(g.subject_objects(RDFS.subClassOf)) + sorted(g.subject_objects(OWL.equivalentClass)):
            if _named(a) and not _named(b):
                self.implications.append(("class", str(a), b))
        self.memberships = [
            (str(named), expression)
            for a, b in sorted(g.subject_objects(OWL.equivalentClass))
            for named, expression in ((a, b), (b, a))
            if _named(named) and not _named(expression)
        ]
        self.needed = self._needed(rows)
        kept = {kind: [(a, b) for a, b in pairs if _name(b) in self.needed] for kind, pairs in rows.items()}
        self.superclasses = _table(kept["class"])
        self.superproperties = _table(kept["property"])
        self.domains, self.ranges = _table(kept["domain"]), _table(kept["range"])

    def _needed(self, rows: dict[str, list]) -> set[str]:
        """The classes and properties whose facts can matter: those of the ontology's own vocabulary
        (what is reported), those the consistency checks and the other rules read, and, back along
        the one-atom rules, what any of them follows from. A one-atom rule whose head is none of
        them (x a dcterms:Location, x dcterms:isPartOf y) never fires."""
        g = self.o.graph
        pairs = [(_name(a), _name(b)) for kind in rows.values() for a, b in kind]
        needed = {t for pair in pairs for t in pair if t.startswith(PKG)}
        needed |= set(self.transitive) | {p for p, _ in self.chains} | {q for _, steps in self.chains for q, _ in steps}
        for _, term, expression in self.implications:
            needed |= {term} | self._terms(expression)
        for named, expression in self.memberships:
            needed |= {named} | self._terms(expression)
        for group in g.subjects(RDF.type, OWL.AllDisjointClasses):
            needed |= {str(m) for m in self.o.items(g.value(group, OWL.members))}
        needed |= {str(t) for pair in g.subject_objects(OWL.disjointWith) for t in pair}
        needed |= {str(p) for p in g.subjects(RDF.type, OWL.FunctionalProperty)}
        while True:
            more = {a for a, b in pairs if b in needed and a not in needed}
            if not more:
                return needed
            needed |= more

    def _terms(self, expression) -> set[str]:
        """The named classes, properties and values a class expression reads or gives."""
        g = self.o.graph
        if _named(expression):
            return {str(expression)}
        prop = g.value(expression, OWL.onProperty)
        found = {self.o.prop(prop)[0]} if prop is not None else set()
        for link in (OWL.intersectionOf, OWL.unionOf):
            if (members := g.value(expression, link)) is not None:
                found |= {t for m in self.o.items(members) for t in self._terms(m)}
        for link in (OWL.someValuesFrom, OWL.allValuesFrom, OWL.hasValue):
            if (target := g.value(expression, link)) is not None:
                found |= self._terms(target)
        return found

    def run(self, facts: Facts) -> int:
        """Apply every rule until nothing new follows; the number of rounds."""
        rounds = 0
        while True:
            rounds += 1
            facts.grown = False
            self._round(facts)
            if not facts.grown:
                return rounds

    def _round(self, facts: Facts) -> None:
        for c, ups in self.superclasses.items():
            for d in ups:
                facts.classify(facts.members.get(f"<{c}>", ()), f"<{d}>")
        for (sub, _), ups in self.superproperties.items():
            for s, objects in list(facts.forward.get(f"<{sub}>", {}).items()):
                for o in list(objects):
                    for sup, backwards in ups:
                        facts.add(o, f"<{sup}>", s) if backwards else facts.add(s, f"<{sup}>", o)
        for p in self.transitive:
            links = facts.forward.get(f"<{p}>", {})
            for s in list(links):
                for o in _reachable(links, s):
                    facts.add(s, f"<{p}>", o)
        for p, steps in self.chains:
            for s in facts.starts(steps[0]):
                ends = {s}
                for step in steps:
                    ends = {y for x in ends for y in facts.step(step, x)}
                for o in ends:
                    facts.add(s, f"<{p}>", o)
        for p, classes in self.domains.items():
            for c in classes:
                facts.classify(facts.forward.get(f"<{p}>", {}).keys(), f"<{c}>")
        for p, classes in self.ranges.items():
            for c in classes:
                facts.classify(facts.backward.get(f"<{p}>", {}).keys(), f"<{c}>")
        for body, term, expression in self.implications:
            if body == "class":
                xs = list(facts.members.get(f"<{term}>", ()))
            else:
                xs = facts.starts((term, body == "range"))
            self._imply(facts, xs, expression)
        for named, expression in self.memberships:
            facts.classify(self._members(facts, expression) or (), f"<{named}>")

    def _imply(self, facts: Facts, xs: Iterable[Term], expression) -> None:
        """``xs`` are in a class expression (its superclass side): what follows of them."""
        g = self.o.graph
        if _named(expression):
            facts.classify(xs, f"<{expression}>")
            return
        if (members := g.value(expression, OWL.intersectionOf)) is not None:
            xs = list(xs)
            for m in self.o.items(members):
                self._imply(facts, xs, m)
            return
        prop = g.value(expression, OWL.onProperty)
        if prop is None:
            return  # a union: nothing named follows
        p = self.o.prop(prop)
        if (target := g.value(expression, OWL.allValuesFrom)) is not None:
            self._imply(facts, list({y for x in xs for y in facts.step(p, x)}), target)
        elif (value := g.value(expression, OWL.hasValue)) is not None:
            for x in list(xs):
                facts.add(f"<{value}>", f"<{p[0]}>", x) if p[1] else facts.add(x, f"<{p[0]}>", f"<{value}>")

    def _members(self, facts: Facts, expression) -> set[Term] | None:
        """The resources in a class expression (its subclass side); None for every resource (owl:Thing)."""
        g = self.o.graph
        if _named(expression):
            return None if expression == OWL.Thing else set(facts.members.get(f"<{expression}>", ()))
        if (members := g.value(expression, OWL.intersectionOf)) is not None:
            parts = [found for m in self.o.items(members) if (found := self._members(facts, m)) is not None]
            return set.intersection(*parts) if parts else None
        if (members := g.value(expression, OWL.unionOf)) is not None:
            branches = [self._members(facts, m) for m in self.o.items(members)]
            return None if None in branches else set().union(*(b for b in branches if b is not None))
        p = self.o.prop(g.value(expression, OWL.onProperty))
        back = (p[0], not p[1])
        if (value := g.value(expression, OWL.hasValue)) is not None:
            return set(facts.step(back, f"<{value}>"))
        if (target := g.value(expression, OWL.someValuesFrom)) is not None:
            targets = self._members(facts, target)
            return {x for x in facts.starts(p) if targets is None or not targets.isdisjoint(facts.step(p, x))}
        raise ValueError(f"the ontology uses a class expression the rules do not read: {expression}")


def _name(term: str | Prop) -> str:
    """A class's IRI, or a property expression's property."""
    return term[0] if isinstance(term, tuple) else term


def _table(pairs: Iterable[tuple]) -> dict:
    """Pairs as a table from each first member to its seconds, in a stable order."""
    table: dict = defaultdict(list)
    for a, b in sorted(set(pairs)):
        table[a].append(b)
    return dict(table)


def _reachable(links: dict[Term, set[Term]], start: Term) -> set[Term]:
    """What ``start`` reaches in one link or more."""
    seen: set[Term] = set()
    todo = list(links.get(start, ()))
    while todo:
        x = todo.pop()
        if x not in seen:
            seen.add(x)
            todo.extend(links.get(x, ()))
    return seen


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
    """What the rules give on the store: consistency, and HermiT's view of it (N-Triples, sorted).

    The rules read the links they can use, in memory: rdf:type and the properties the ontology
    names, between resources (a triple of another property matches no rule; literals, the text,
    offsets and dates, are left out as they are of HermiT's input, reasoning.py). ``derived``
    (N-Triples) are facts the rules derived elsewhere (on other documents): they count as derived,
    not asserted, so HermiT's view is taken over them too."""
    ontology = Ontology.of(store)
    rules = Rules(ontology)
    facts = Facts()
    facts.load(_links(store, ontology.properties() & rules.needed, rules.needed - ontology.properties()))
    others = {(str(q.subject), str(q.predicate), str(q.object)) for q in parse(derived, format=RdfFormat.N_TRIPLES)}
    for fact in others:
        facts.add(*fact)
    facts.derived |= others
    rounds = rules.run(facts)
    problem = _inconsistency(facts, ontology)
    if problem:
        return Inferences(False, problem, rounds), b""
    lines = sorted(f"{s} {p} {o} .\n" for s, p, o in _direct(facts, ontology))
    return Inferences(True, "", rounds), "".join(lines).encode()


def predicates_read(store: Store) -> set[str]:
    """The predicates whose triples the rules, made from the ontology in ``store``, read."""
    ontology = Ontology.of(store)
    return (ontology.properties() & Rules(ontology).needed) | {str(p) for p in _SCHEMA} | {str(RDF.type)}


def _links(store: Store, properties: set[str], classes: set[str]) -> Iterator[Quad]:
    """The asserted triples the rules can read: those of the properties between resources, and the
    memberships of the classes, read straight from the indexes."""
    for p in sorted(properties):
        for quad in store.quads_for_pattern(None, NamedNode(p), None, DefaultGraph()):
            if not isinstance(quad.object, Literal):
                yield quad
    for c in sorted(classes):
        yield from store.quads_for_pattern(None, RDF_TYPE, NamedNode(c), DefaultGraph())


def _inconsistency(facts: Facts, ontology: Ontology) -> str:
    g = ontology.graph
    groups = [[a, b] for a, b in g.subject_objects(OWL.disjointWith)]
    groups += [ontology.items(g.value(group, OWL.members)) for group in g.subjects(RDF.type, OWL.AllDisjointClasses)]
    for members in groups:  # pairwise disjoint: no resource in two of them
        for c, d in combinations(sorted(map(str, members)), 2):
            if both := facts.members.get(f"<{c}>", set()) & facts.members.get(f"<{d}>", set()):
                return f"{min(both)[1:-1]} is in disjoint classes: {c} and {d}"
    different = {(f"<{a}>", f"<{b}>") for group in g.subjects(RDF.type, OWL.AllDifferent)
                 for a, b in combinations(ontology.items(g.value(group, OWL.distinctMembers)), 2)}  # fmt: skip
    different |= {(b, a) for a, b in different}
    for p in sorted(map(str, g.subjects(RDF.type, OWL.FunctionalProperty))):
        for s, values in sorted(facts.forward.get(f"<{p}>", {}).items()):
            if any(pair in different for pair in combinations(sorted(values), 2)):
                return f"{s[1:-1]} has two different values of the functional {p}"
    return ""


def _direct(facts: Facts, ontology: Ontology) -> Iterator[Fact]:
    """The derived facts HermiT reports: most specific classes and most specific properties, in the
    ontology's vocabulary, about named resources outside it, not asserted."""
    own = f"<{PKG}"
    below = {f"<{c}>": [f"<{d}>" for d in sorted(ontology.strictly_below(c))] for c in ontology.superclasses}
    forward: dict[Term, list[Term]] = defaultdict(list)  # a property, its strictly more specific ones the same way
    backward: dict[Term, list[Term]] = defaultdict(list)  # ... and backwards
    for specific, ups in ontology.superproperties.items():
        for general in ups:
            if specific != general and specific not in ontology.superproperties.get(general, ()):
                more = backward if specific[1] != general[1] else forward
                more[f"<{general[0]}>"].append(f"<{specific[0]}>")
    for s, p, o in facts.derived:
        if not s.startswith("<") or s.startswith(own) or o.startswith('"'):
            continue
        if p == TYPE:
            if o.startswith(own) and not any(s in facts.members.get(d, ()) for d in below.get(o, ())):
                yield s, p, o
        elif p.startswith(own):
            if not any(facts.holds(s, q, o) for q in forward.get(p, ())) and not any(
                facts.holds(o, q, s) for q in backward.get(p, ())
            ):
                yield s, p, o


def check_ontology(schema: list[Triple]) -> Future[ReasonerReport]:
    """HermiT on the ontology and vocabularies alone (the data is left to the rules), started now
    on a thread: Java runs beside the build."""
    pool = ThreadPoolExecutor(1)
    future = pool.submit(reason, schema)
    pool.shutdown(wait=False)
    return future
