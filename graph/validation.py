"""SHACL validation with pySHACL: violations become reported problems.

pySHACL is pure Python (about 0.15 ms per triple), so the build does not hand it the whole graph:
each document is validated on its own, against the vocabulary its nodes refer to and with only
its own nodes as focus nodes; the shapes' SPARQL constraints, which are the costly part in pySHACL
and may join across documents, run once over the whole store in Oxigraph instead
(:func:`sparql_violations`). :func:`validate_graph` validates a small graph with every shape.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from pyoxigraph import Store
from pyshacl import validate
from rdflib import Graph, Namespace

from policykg.errors import Problem, parsing

SH = Namespace("http://www.w3.org/ns/shacl#")


SHAPES = files("policykg.ontology") / "shapes.ttl"


@cache
def _shapes_text() -> str:
    return SHAPES.read_text(encoding="utf-8")


def shapes_graph() -> Graph:
    with parsing(SHAPES):
        return Graph().parse(data=_shapes_text(), format="turtle")


def _core_shapes() -> Graph:
    """The shapes without their SPARQL constraints (those run on the store)."""
    shapes = shapes_graph()
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        shapes.remove((shape, SH.sparql, constraint))
    return shapes


def _problems(report: Graph, source: str) -> list[Problem]:
    """Every result of a report, warnings too: with allow_warnings a graph that has only warnings
    conforms."""
    problems = []
    for result in report.subjects(SH.resultSeverity, None):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        severity = "error" if report.value(result, SH.resultSeverity) == SH.Violation else "warning"
        where = f"{focus} {path}" if path else str(focus)
        problems.append(Problem(source, None, severity, f"{where}: {message}"))
    return sorted(problems, key=str)


def validate_graph(data: Graph, source: str = "kg") -> list[Problem]:
    """Every SHACL result of a small graph, SPARQL constraints included."""
    _, report, _ = validate(data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True)
    return _problems(report, source)


class DocumentValidator:
    """SHACL core constraints for one document at a time.

    The data graph is the vocabulary (so that sh:class finds the agencies and places a document
    names) plus the document's triples; only results about the document's own nodes are kept.
    """

    def __init__(self, vocabulary: bytes):
        self.vocabulary = Graph().parse(data=vocabulary, format="nt")
        self.shapes = _core_shapes()

    def __call__(self, ntriples: bytes, source: str) -> list[Problem]:
        document = Graph().parse(data=ntriples, format="nt")
        data = Graph()
        data += self.vocabulary
        data += document
        _, report, _ = validate(
            data, shacl_graph=self.shapes, inference="none", advanced=True, allow_warnings=True, inplace=True
        )
        # pySHACL's focus_nodes option miscounts qualified value shapes, so the vocabulary is
        # validated again here and its results (reported once, by the build) are left out.
        own = set(document.subjects())
        for result in list(report.subjects(SH.focusNode, None)):
            if report.value(result, SH.focusNode) not in own:
                report.remove((result, SH.resultSeverity, None))
        return _problems(report, source)


def sparql_violations(store: Store, source: str = "kg") -> list[Problem]:
    """The shapes' SPARQL constraints evaluated once over the whole store (the reference build's
    pySHACL runs the core constraints per document, without them), as the store validator runs
    them."""
    from policykg.graph.shacl_store import compiled_shapes

    return sorted((v.problem(source) for v in compiled_shapes().sparql(store)), key=str)
