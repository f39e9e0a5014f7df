"""SHACL validation of the built graph with pySHACL: violations become reported problems."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Namespace

from policykg.errors import Problem

SH = Namespace("http://www.w3.org/ns/shacl#")


def shapes_graph() -> Graph:
    return Graph().parse(data=(files("policykg.ontology") / "shapes.ttl").read_text(encoding="utf-8"), format="turtle")


def validate_graph(data: Graph, source: str = "kg") -> list[Problem]:
    """Every SHACL result as a problem: focus node, path and the shape's message."""
    conforms, report, _ = validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return []
    problems = []
    for result in sorted(report.subjects(SH.resultSeverity, None), key=str):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        severity = "error" if report.value(result, SH.resultSeverity) == SH.Violation else "warning"
        problems.append(Problem(source, None, severity, f"{focus} {path or ''}: {message}".replace("  ", " ")))
    return sorted(problems, key=str)


def validate_file(nt: Path) -> list[Problem]:
    return validate_graph(Graph().parse(str(nt), format="nt"), nt.name)
