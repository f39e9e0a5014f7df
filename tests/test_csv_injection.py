"""Every CSV the project writes opens in a spreadsheet as text: no cell runs as a formula (OWASP's
advice against CSV injection: an apostrophe before a cell that starts with = + - @, tab or CR)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from policykg.cli import main
from policykg.queries.export import FORMULA_START, KINDS, NUMBER, export, spreadsheet_text, write_csv
from policykg.queries.findings import Finding
from policykg.queries.report import write_findings

FORMULAS = [
    '=HYPERLINK("http://example.invalid","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=",
]
PLAIN = ["驻马店市工业和信息化局", "a=b", "-5", "+3.5", "12", "", "'=already text"]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _evaluated(cell: str) -> bool:
    """Whether a spreadsheet would take the cell for a formula."""
    return cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell)


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_that_starts_like_a_formula_gets_an_apostrophe(cell):
    buffer = io.StringIO()
    write_csv(buffer, ["value"], [{"value": cell}])
    assert _cells(buffer.getvalue()) == [["value"], ["'" + cell]]


@pytest.mark.parametrize("cell", PLAIN)
def test_text_and_plain_numbers_are_written_as_they_are(cell):
    buffer = io.StringIO()
    write_csv(buffer, ["value"], [{"value": cell}])
    assert _cells(buffer.getvalue()) == [["value"], [cell]]


@pytest.mark.parametrize("cell", ["x,=1+1", 'x";=1+1', "x\n=1+1", "x\r\n@SUM(A1)"])
def test_a_separator_quote_or_line_break_cannot_start_a_new_cell(cell):
    buffer = io.StringIO()
    write_csv(buffer, ["a", "b"], [{"a": cell, "b": "ok"}])
    assert _cells(buffer.getvalue()) == [["a", "b"], [cell, "ok"]]


def test_findings_csv_holds_no_formula(tmp_path):
    finding = Finding("gap", "warning", FORMULAS[0], ("doc",), ("一",), ("=1+1", "@x"), ("-2+3 亿元", "第一页"))
    write_findings([finding], tmp_path)
    with (tmp_path / "findings.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows == [
        {
            "kind": "gap", "severity": "warning", "message": "'" + FORMULAS[0], "documents": "doc", "paths": "一",
            "agencies": "'=1+1 | @x", "quotes": "'-2+3 亿元 | 第一页",
        }
    ]  # fmt: skip


def test_exports_hold_no_formula_and_differ_from_the_graph_only_by_the_apostrophe(built):
    out, _ = built
    escaped = 0
    for kind in KINDS:
        table = list(csv.DictReader(io.StringIO(export(out, kind))))
        values = json.loads(export(out, kind, fmt="json"))
        assert table == [{c: spreadsheet_text(v) for c, v in row.items()} for row in values], kind
        assert not any(_evaluated(cell) for row in table for cell in row.values()), kind
        escaped += sum(cell != row[c] for t, row in zip(table, values) for c, cell in t.items())
    assert escaped  # the targets' comparator "=" is one


def test_query_results_as_csv_hold_no_formula(tmp_path, capsys):
    store = Store(str(tmp_path / "store"))
    store.add(Quad(NamedNode("urn:a"), NamedNode("urn:label"), Literal("=1+1")))
    store.flush()
    del store
    assert main(["sparql", "SELECT ?label WHERE { ?s ?p ?label }", "--build", str(tmp_path), "--format", "csv"]) == 0
    assert capsys.readouterr().out == '"label"\n"\'=1+1"\n'
