"""The SHACL shapes compiled to SPARQL and run on the Oxigraph store: pySHACL's results at the speed
of the store.

Every shape of the shapes graph is read and each of its constraints becomes one query (or, for
sh:datatype, one check of the triples as written); a shape that uses a constraint this compiler
does not know is refused with its name, so no check is ever dropped silently.

Oxigraph stores literals in canonical form (``"5"^^xsd:positiveInteger`` becomes ``"5"^^xsd:integer``),
so the store cannot tell which datatype a literal was written with: sh:datatype is checked on the
N-Triples as written (one pass of the Rust parser), with rdflib's reading of a lexical form, as
pySHACL does; the focus nodes of the few literals that fail are then confirmed on the store.
Everything else (counts, classes, values, lists, languages, comparisons) runs on the store, and so
do the shapes' SPARQL constraints (sh:sparql: their query joined to the shape's focus nodes, each
solution a result whose message has its {?var} placeholders filled, as SHACL-SPARQL says).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Container
from dataclasses import dataclass
from functools import cache
from itertools import count

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Store, parse
from rdflib import RDF, BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.collection import Collection

import policykg.graph.iris as iris
from policykg.errors import PolicyKGError, Problem
from policykg.graph.store import select

SH = "http://www.w3.org/ns/shacl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_LITERAL = "http://www.w3.org/2000/01/rdf-schema#Literal"
XSD_INTEGER = XSD + "integer"
_DIGITS = re.compile(r"[+-]?[0-9]+")

# Shape parameters that do not constrain anything (or are handled elsewhere: sh:sparql).
_INERT = {"name", "description", "order", "group", "message", "severity", "sparql", "path", "property", "deactivated"}
SPARQL = "SPARQLConstraintComponent"
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")
_PREFIXED = re.compile(r"\b([A-Za-z][\w-]*):([\w-]+)")
_TARGETS = {"targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"}
_PATHS = {"inversePath": "^{}", "zeroOrMorePath": "{}*", "oneOrMorePath": "{}+", "zeroOrOnePath": "{}?"}
_NODE_KINDS = {
    "IRI": "isIRI({v})",
    "BlankNode": "isBlank({v})",
    "Literal": "isLiteral({v})",
    "BlankNodeOrIRI": "!isLiteral({v})",
    "BlankNodeOrLiteral": "!isIRI({v})",
    "IRIOrLiteral": "!isBlank({v})",
}
_COMPARISONS = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
_PAIRS = {"lessThanOrEquals": "<=", "lessThan": "<"}
_VALUE_COMPONENTS = {
    "class": "ClassConstraintComponent",
    "nodeKind": "NodeKindConstraintComponent",
    "in": "InConstraintComponent",
    "pattern": "PatternConstraintComponent",
    "minLength": "MinLengthConstraintComponent",
    "maxLength": "MaxLengthConstraintComponent",
    "languageIn": "LanguageInConstraintComponent",
    "or": "OrConstraintComponent",
    **{name: name[0].upper() + name[1:] + "ConstraintComponent" for name in _COMPARISONS},
}


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL validation result; terms in N-Triples form ("" when the result has none)."""

    focus: str
    path: str
    value: str
    component: str  # local name, e.g. MinCountConstraintComponent
    severity: str  # local name: Violation, Warning or Info
    message: str

    def signature(self) -> tuple[str, str, str, str]:
        """What it says of the check it is a result of."""
        return (self.component, self.path, self.severity, self.message)

    def problem(self, source: str) -> Problem:
        """The result as pySHACL's results are reported by the build."""
        where = " ".join(_plain(t) for t in (self.focus, self.path) if t)
        return Problem(source, None, "error" if self.severity == "Violation" else "warning", f"{where}: {self.message}")


_CLASS = re.compile(r"§(<[^>]*>)§")  # a class to be replaced by it and its subclasses in the store
_instances = count()


def _instance(x: str, cls) -> str:
    """A pattern: ``x`` is an instance of ``cls`` or of a subclass (rdf:type/rdfs:subClassOf*, with
    the subclasses listed from the store before the queries run: Oxigraph then reads rdf:type by class)."""
    k = f"?class{next(_instances)}"
    return f"VALUES {k} {{ §{_term(cls)}§ }} {x} {RDF_TYPE} {k} ."


def _subclasses(store: Store, classes: set[str]) -> dict[str, str]:
    """Each class with its subclasses in the store (as the VALUES of :func:`_instance`)."""
    found: dict[str, set[str]] = {c: {c} for c in classes}
    if classes:
        query = f"SELECT ?sub ?c WHERE {{ VALUES ?c {{ {' '.join(classes)} }} ?sub {SUBCLASS}+ ?c }}"
        for row in select(store, query):
            if not isinstance(row["sub"], BlankNode):
                found[str(row["c"])].add(str(row["sub"]))
    return {c: " ".join(sorted(subs)) for c, subs in found.items()}


def _plain(term: str) -> str:
    return term[1:-1] if term.startswith("<") else term


@dataclass(frozen=True)
class _Check:
    """A query whose rows (?this, and ?value when it has one) are violations of one constraint."""

    query: str
    component: str
    path: str
    severity: str
    message: str
    reads: frozenset[str]  # the predicates whose triples it reads

    def signature(self) -> tuple[str, str, str, str]:
        """What its violations say of it."""
        return (self.component, self.path, self.severity, self.message)


@dataclass(frozen=True)
class _DatatypeCheck:
    focus: str  # the SPARQL pattern that binds the shape's focus nodes to ?this
    datatype: str
    path: str
    severity: str
    message: str


def _term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, RdfLiteral):
        return node.n3()
    raise PolicyKGError(f"shapes: a blank node where an IRI or a literal is expected ({node})")


class CompiledShapes:
    """The shapes of a shapes graph as store queries and datatype checks."""

    def __init__(self, shapes: Graph):
        self.shapes = shapes
        self.checks: list[_Check] = []
        self.datatypes: dict[str, list[_DatatypeCheck]] = defaultdict(list)  # by predicate IRI
        self.compared: set[str] = set()  # predicates whose values are compared (sh:minInclusive…)
        self.predicates = {RDF_TYPE[1:-1], SUBCLASS[1:-1]}  # every predicate a check reads
        self._reads: set[str] = set()  # those the check being compiled reads
        sh = lambda name: URIRef(SH + name)  # noqa: E731
        node_shapes = {s for name in _TARGETS for s in shapes.subjects(sh(name), None)}
        for shape in sorted(node_shapes, key=str):
            if shapes.value(shape, sh("deactivated")) == RdfLiteral(True):
                continue
            focus, reads = self._focus(shape)
            self._compile(shape, focus, None, reads)
            for prop in sorted(shapes.objects(shape, sh("property")), key=str):
                if shapes.value(prop, sh("deactivated")) != RdfLiteral(True):
                    self._compile(prop, focus, shapes.value(prop, sh("path")), reads)
            severity = shapes.value(shape, sh("severity"))  # a SPARQL constraint's results are its shape's
            for constraint in sorted(shapes.objects(shape, sh("sparql")), key=str):
                self._compile_sparql(constraint, focus, reads, severity)

    def _compile_sparql(self, constraint, focus: str, reads: set[str], shape_severity=None) -> None:
        """A SPARQL constraint: its SELECT with the focus nodes bound to $this (the same variable as
        ?this); the predicates it reads are every IRI it names."""
        params = self._params(constraint)
        prefixes = {
            str(self.shapes.value(d, URIRef(SH + "prefix"))): str(self.shapes.value(d, URIRef(SH + "namespace")))
            for holder in params["prefixes"]
            for d in self.shapes.objects(holder, URIRef(SH + "declare"))
        }
        select = str(params["select"][0])
        named = {f"{prefixes[m[1]]}{m[2]}" for m in _PREFIXED.finditer(select) if m[1] in prefixes}
        named |= set(re.findall(r"<([^>\s]+)>", select))
        header = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(prefixes.items()))
        query = header + _WHERE.sub(lambda m: f"{m[0]} {focus} ", select, count=1)
        given = params["severity"][0] if params["severity"] else shape_severity
        severity = str(given).rsplit("#", 1)[-1] if given else "Violation"
        message = str(sorted(params["message"])[0]) if params["message"] else "SPARQL constraint violated"
        self.predicates |= named
        self.checks.append(_Check(query, SPARQL, "", severity, message, frozenset(reads | named)))

    def _params(self, shape) -> dict[str, list]:
        params: dict[str, list] = defaultdict(list)
        for p, o in self.shapes.predicate_objects(shape):
            if str(p).startswith(SH):
                params[str(p)[len(SH) :]].append(o)
        return params

    def _focus(self, shape) -> tuple[str, set[str]]:
        """A pattern binding ?this to the focus nodes of a node shape (a node may come more than
        once), and the predicates it reads."""
        params = self._params(shape)
        reads = {
            RDF_TYPE[1:-1],
            SUBCLASS[1:-1],
            *(str(p) for p in params["targetSubjectsOf"] + params["targetObjectsOf"]),
        }
        parts = [f"{{ {_instance('?this', c)} }}" for c in params["targetClass"]]
        parts += [f"{{ VALUES ?this {{ {_term(n)} }} }}" for n in params["targetNode"]]
        parts += [f"{{ ?this {_term(p)} [] }}" for p in params["targetSubjectsOf"]]
        parts += [f"{{ [] {_term(p)} ?this }}" for p in params["targetObjectsOf"]]
        return " UNION ".join(parts), reads

    def _path(self, path) -> str:
        """A SHACL property path as a SPARQL property path."""
        if isinstance(path, URIRef):
            self._reads.add(str(path))
            return _term(path)
        if (path, RDF.first, None) in self.shapes:
            return "(" + "/".join(self._path(p) for p in Collection(self.shapes, path)) + ")"
        params = self._params(path)
        if params.get("alternativePath"):
            return "(" + "|".join(self._path(p) for p in Collection(self.shapes, params["alternativePath"][0])) + ")"
        for name, form in _PATHS.items():
            if params.get(name):
                return form.format("(" + self._path(params[name][0]) + ")")
        raise PolicyKGError(f"shapes: a sh:path the store validator cannot read ({path})")

    def _compile(self, shape, focus: str, path, reads: set[str]) -> None:
        """One check per constraint of ``shape`` (a node shape when ``path`` is None).

        A query starts from what is cheap to read: the values of the path (one run of the
        predicate's index), testing the constraint first and whether the subject is a focus node
        only for the values that fail; counts are grouped first and tested after. Only minimum
        counts start from the focus nodes, which they must all see."""
        params = self._params(shape)
        self._reads = set(reads)
        label = self.shapes.value(shape, URIRef(SH + "name")) or shape
        severity = str(params["severity"][0]).rsplit("#", 1)[-1] if params["severity"] else "Violation"
        message = str(sorted(params["message"])[0]) if params["message"] else ""
        route = self._path(path) if path is not None else ""
        result_path = _term(path) if isinstance(path, URIRef) else ""
        every = "{ SELECT DISTINCT ?this WHERE { " + focus + " } }"  # each focus node, once
        is_focus = f"FILTER EXISTS {{ {focus} }}"

        def check(component: str, where: str, value: str = "?value") -> None:
            text = message or f"{component} of {label} violated"
            select = f"SELECT DISTINCT ?this ({value} AS ?v)" if value else "SELECT DISTINCT ?this"
            query = f"{select} WHERE {{ {where} }}"
            self.checks.append(_Check(query, component, result_path, severity, text, frozenset(self._reads)))

        def counted(condition: str, having: str) -> str:
            """The subjects whose values (those meeting ``condition``) fail ``having``, then if focus nodes."""
            n = "COUNT(DISTINCT ?value)"
            grouped = f"SELECT ?this ({n} AS ?n) WHERE {{ ?this {route} ?value . {condition} }} GROUP BY ?this"
            return f"{{ {grouped} HAVING ({having.format(n=n)}) }} {is_focus}"

        def failing(where: str) -> str:
            """The values that fail, found first (a subquery: Oxigraph then tests the focus only on them)."""
            if not route:
                return where
            return f"{{ SELECT DISTINCT ?this ?value WHERE {{ {where} }} }} {is_focus}"

        values = f"?this {route} ?value ." if route else f"{every} BIND (?this AS ?value)"
        qualified = False
        for name, objects in sorted(params.items()):
            if name in _INERT or name in _TARGETS or name in ("qualifiedMinCount", "qualifiedMaxCount"):
                continue
            if len(objects) > 1:
                raise PolicyKGError(f"shapes: {label} has {len(objects)} sh:{name}; the store validator takes one")
            arg = objects[0]
            if name == "datatype" and isinstance(path, URIRef):
                self.datatypes[str(path)].append(
                    _DatatypeCheck(every, str(arg), result_path, severity, message or f"sh:datatype of {label}")
                )
            elif name in _VALUE_COMPONENTS:
                if name in _COMPARISONS and isinstance(path, URIRef):
                    self.compared.add(str(path))
                condition = self._condition(name, arg, "?value")
                check(_VALUE_COMPONENTS[name], failing(f"{values} FILTER (!({condition}))"))
            elif name == "minCount" and route:
                check("MinCountConstraintComponent", self._fewer(every, route, int(arg), ""), "")
            elif name == "maxCount" and route:
                check("MaxCountConstraintComponent", counted("", f"{{n}} > {int(arg)}"), "")
            elif name == "uniqueLang" and route and arg.toPython() is True:
                check(
                    "UniqueLangConstraintComponent",
                    f"?this {route} ?value . ?this {route} ?other . FILTER (!sameTerm(?value, ?other) "
                    f"&& lang(?value) != '' && LCASE(lang(?value)) = LCASE(lang(?other))) {is_focus}",
                    "",
                )
            elif name in _PAIRS and route:
                self._reads.add(str(arg))
                compare = f"?this {_term(arg)} ?other . FILTER (!COALESCE(?value {_PAIRS[name]} ?other, false))"
                check(name[0].upper() + name[1:] + "ConstraintComponent", failing(f"{values} {compare}"))
            elif name == "qualifiedValueShape" and route:
                qualified = True
                condition = self._shape_condition(arg, "?value")
                for n in params.get("qualifiedMinCount", []):
                    check("QualifiedMinCountConstraintComponent", self._fewer(every, route, int(n), condition), "")
                for n in params.get("qualifiedMaxCount", []):
                    where = counted(f"FILTER ({condition})", f"{{n}} > {int(n)}")
                    check("QualifiedMaxCountConstraintComponent", where, "")
            else:
                raise PolicyKGError(f"shapes: {label} uses sh:{name}, which the store validator does not compile")
        if not qualified and (params.get("qualifiedMinCount") or params.get("qualifiedMaxCount")):
            raise PolicyKGError(f"shapes: {label} has a qualified count without sh:qualifiedValueShape")
        self.predicates |= self._reads

    @staticmethod
    def _fewer(every: str, route: str, n: int, condition: str) -> str:
        """The focus nodes (``every``) with fewer than ``n`` values on the path (meeting ``condition``)."""
        test = f"FILTER ({condition})" if condition else ""
        if n == 1:
            return f"{every} FILTER NOT EXISTS {{ ?this {route} ?value . {test} }}"
        values = f"OPTIONAL {{ ?this {route} ?value . {test} }}"
        count = f"SELECT ?this (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {every} {values} }}"
        return f"{{ {count} GROUP BY ?this }} FILTER (?n < {n})"

    def _condition(self, name: str, arg, v: str) -> str:
        """A SPARQL expression that is true when the value node ``v`` satisfies one constraint."""
        if name == "class":
            return f"EXISTS {{ {_instance(v, arg)} }}"
        if name == "nodeKind":
            return _NODE_KINDS[str(arg).rsplit("#", 1)[-1]].format(v=v)
        if name == "in":
            members = [f"sameTerm({v}, {_term(m)})" for m in Collection(self.shapes, arg)]
            return " || ".join(members) or "false"
        if name == "pattern":
            return f"(!isBlank({v}) && REGEX(STR({v}), {_term(RdfLiteral(str(arg)))}))"
        if name in ("minLength", "maxLength"):
            return f"(!isBlank({v}) && STRLEN(STR({v})) {'>=' if name == 'minLength' else '<='} {int(arg)})"
        if name == "languageIn":
            tags = [f"langMatches(lang({v}), {_term(RdfLiteral(str(t)))})" for t in Collection(self.shapes, arg)]
            return f"(isLiteral({v}) && lang({v}) != '' && ({' || '.join(tags) or 'false'}))"
        if name in _COMPARISONS:
            return f"COALESCE({v} {_COMPARISONS[name]} {_term(arg)}, false)"
        if name == "or":
            return "(" + " || ".join(self._shape_condition(s, v) for s in Collection(self.shapes, arg)) + ")"
        raise PolicyKGError(f"shapes: sh:{name} inside sh:or or sh:qualifiedValueShape is not compiled")

    def _shape_condition(self, shape, v: str) -> str:
        """True when ``v`` conforms to a shape made of value constraints (sh:or members, qualified shapes)."""
        if not isinstance(shape, BNode | URIRef):
            raise PolicyKGError(f"shapes: a shape expected, not {shape}")
        parts = [
            self._condition(name, objects[0], v)
            for name, objects in sorted(self._params(shape).items())
            if name not in _INERT
        ]
        return "(" + " && ".join(parts or ["true"]) + ")"

    def validate(
        self, store: Store, ntriples: str | os.PathLike | bytes, reading: Container[str] | None = None
    ) -> list[Violation]:
        """Every result of the compiled shapes on ``store``, whose triples as written are ``ntriples``
        (a file or bytes), sorted; or only those of the checks that read one of the predicates
        ``reading``."""
        checks = self.checks if reading is None else [c for c in self.checks if any(p in reading for p in c.reads)]
        patterns = [c.query for c in checks] + [d.focus for ds in self.datatypes.values() for d in ds]
        subclasses = _subclasses(store, {c for pattern in patterns for c in _CLASS.findall(pattern)})
        found = self._run(store, checks, subclasses)
        datatype, ill_typed = self._raw_pass(store, ntriples, subclasses, reading)
        # pySHACL compares the values rdflib reads, and an ill-typed literal ("0"^^xsd:positiveInteger)
        # has none: it passes sh:minInclusive… (its sh:datatype fails), where the store sees an integer.
        comparisons = {_VALUE_COMPONENTS[name] for name in _COMPARISONS}
        found = {v for v in found if v.component not in comparisons or (v.focus, v.path, v.value) not in ill_typed}
        return sorted(found | datatype)

    def sparql(self, store: Store) -> list[Violation]:
        """The results of the SPARQL constraints alone, sorted."""
        checks = [c for c in self.checks if c.component == SPARQL]
        subclasses = _subclasses(store, {c for check in checks for c in _CLASS.findall(check.query)})
        return sorted(self._run(store, checks, subclasses))

    @staticmethod
    def _run(store: Store, checks: list[_Check], subclasses: dict[str, str]) -> set[Violation]:
        found: set[Violation] = set()
        for c in checks:
            solutions = select(store, _CLASS.sub(lambda m: subclasses[m.group(1)], c.query))
            names = [v.value for v in solutions.variables]
            for row in solutions:
                if c.component == SPARQL:
                    found.add(_sparql_result(c, {name: row[name] for name in names if row[name] is not None}))
                else:
                    value = str(row["v"]) if "v" in names else ""
                    found.add(Violation(str(row["this"]), c.path, value, c.component, c.severity, c.message))
        return found

    def signatures(self, reading: Container[str]) -> set[tuple[str, str, str, str]]:
        """What the violations of the checks that read one of the predicates ``reading`` say of them
        (component, path, severity, message; sh:datatype's aside: they are of one value each)."""
        return {c.signature() for c in self.checks if any(p in reading for p in c.reads)}

    def _raw_pass(
        self, store: Store, ntriples, subclasses, reading: Container[str] | None
    ) -> tuple[set[Violation], set[tuple[str, str, str]]]:
        """One pass over the triples as written: sh:datatype results, and the compared values that
        rdflib finds ill-typed (as (focus, path, value as stored)); of the predicates ``reading``
        (None: all)."""
        candidates: dict[_DatatypeCheck, set[tuple]] = defaultdict(set)
        ill_typed = set()
        if isinstance(ntriples, bytes):
            quads = parse(self._checked_lines(ntriples), format=RdfFormat.N_TRIPLES)
        else:
            quads = parse(path=str(ntriples), format=RdfFormat.N_TRIPLES)
        for quad in quads:
            predicate = quad.predicate.value
            if reading is not None and predicate not in reading:
                continue
            for c in self.datatypes.get(predicate, ()):
                if not _conforms(quad.object, c.datatype):
                    candidates[c].add((quad.subject, quad.object))
            o = quad.object
            if predicate in self.compared and isinstance(o, Literal) and not o.language:
                if not _well_typed(o.value, o.datatype.value):
                    stored = Store()
                    stored.add(quad)
                    ill_typed.add((str(quad.subject), f"<{predicate}>", str(next(iter(stored)).object)))
        found = set()
        for c, pairs in candidates.items():
            subjects = {s for s, _ in pairs}
            named = all(isinstance(s, NamedNode) for s in subjects)  # blank nodes cannot be named in a query
            among = f"VALUES ?this {{ {' '.join(sorted(map(str, subjects)))} }}" if named else ""
            query = _CLASS.sub(lambda m: subclasses[m.group(1)], f"SELECT ?this WHERE {{ {among} {c.focus} }}")
            focus = {str(row["this"]) for row in select(store, query)}
            for s, o in pairs:
                if str(s) in focus:
                    found.add(Violation(str(s), c.path, str(o), "DatatypeConstraintComponent", c.severity, c.message))
        return found, ill_typed

    def _checked_lines(self, ntriples: bytes) -> bytes:
        """The lines whose predicate (a line's second term: an IRI holds no space) has its values'
        datatype checked or compared, parsed instead of all."""
        checked = {f"<{p}>".encode() for p in (*self.datatypes, *self.compared)}
        lines = ntriples.splitlines(keepends=True)
        return b"".join(line for line in lines if (terms := line.split(b" ", 2))[1:] and terms[1] in checked)


def _sparql_result(check: _Check, row: dict) -> Violation:
    """A solution of a SPARQL constraint as its result: ?path and ?value, and the message filled."""
    path, value = (str(row[k]) if k in row else "" for k in ("path", "value"))
    message = _PLACEHOLDER.sub(lambda m: row[m[1]].value if m[1] in row else "", check.message)
    return Violation(str(row["this"]), path, value, check.component, check.severity, message)


def _conforms(term, datatype: str) -> bool:
    """pySHACL's sh:datatype test: a literal of exactly that datatype that rdflib reads as one."""
    if not isinstance(term, Literal):
        return False
    if datatype == RDFS_LITERAL:
        return True
    if term.language:
        return datatype == RDF_LANGSTRING
    if term.datatype.value != datatype:
        return False
    return datatype == XSD + "string" or _well_typed(term.value, datatype)


def _well_typed(lexical: str, datatype: str) -> bool:
    """rdflib's reading of a typed literal, as pySHACL checks it. An integer of digits is one as it
    is to rdflib, without making rdflib's literal: positions and offsets are millions of values."""
    return (datatype == XSD_INTEGER and _DIGITS.fullmatch(lexical) is not None) or _read_by_rdflib(lexical, datatype)


@cache
def _read_by_rdflib(lexical: str, datatype: str) -> bool:
    """rdflib's reading of a typed literal (cached: few distinct values but integers)."""
    from datetime import date, datetime, time
    from decimal import Decimal

    literal = RdfLiteral(lexical, datatype=URIRef(datatype))
    if literal.ill_typed:
        return False
    expected = {"integer": int, "decimal": Decimal, "boolean": bool, "float": float, "date": date}
    expected |= {"time": time, "dateTime": datetime}
    kind = expected.get(datatype.removeprefix(XSD)) if datatype.startswith(XSD) else None
    return kind is None or isinstance(literal.value, kind)


@cache
def compiled_shapes() -> CompiledShapes:
    from policykg.graph.validation import shapes_graph

    return CompiledShapes(shapes_graph())


def store_problems(store: Store, ntriples: str | os.PathLike | bytes) -> list[Problem]:
    """Every result of the shapes on a built store, SPARQL constraints included, each reported
    under the file of the document its focus node belongs to (``kg`` for the vocabularies)."""
    sources = document_files(store)
    problems = [
        v.problem(sources.get(owner(v.focus, sources) or "", "kg")) for v in compiled_shapes().validate(store, ntriples)
    ]
    return sorted(problems, key=str)


def document_files(store: Store) -> dict[str, str]:
    """The documents of the store (IRI, without brackets) and the files they were read from."""
    query = "SELECT ?doc ?file WHERE { ?doc <https://w3id.org/policykg/ontology#sourceFile> ?file }"
    return {str(row["doc"])[1:-1]: row["file"].value for row in select(store, query)}


def owner(term: str, documents: Container[str]) -> str | None:
    """The document among ``documents`` (IRIs) that a node (an IRI, in brackets or not) is, or lies
    under (rdf.py mints a document's nodes so); None for a node of no document."""
    document = iris.document_part(_plain(term))
    return document if document in documents else None
