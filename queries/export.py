"""Exports for auditors and for checking: tables read from the built store through SPARQL.

Every CSV the project writes goes through :func:`write_csv`: the texts come from documents, and a
cell that starts like a formula would run as one in the spreadsheet that opens the file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from policykg.queries.catalogue import load, run, run_remote, store_at

# One query file each in queries/exports/.
KINDS = ("responsibilities", "measures", "agencies", "targets", "places", "industries", "lineage", "alignment")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as the start of a formula
NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def spreadsheet_text(cell: str) -> str:
    """The cell as a spreadsheet shows it, never a formula: OWASP's advice against CSV injection,
    an apostrophe before a cell that starts like one (a plain signed number stays a number)."""
    return "'" + cell if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell) else cell


def write_csv(out: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, str]]) -> None:
    """A header and one line per row, every cell quoted (OWASP's advice too): a separator, a quote or
    a line break in a cell cannot start another (the csv module leaves a lone CR unquoted otherwise)."""
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    writer.writerows([spreadsheet_text(row[c]) for c in columns] for row in rows)


def export(
    build: Path, kind: str, fmt: str = "csv", filters: dict[str, str] | None = None, endpoint: str | None = None
) -> str:
    """One export as CSV or JSON text, from the build's store or from a SPARQL endpoint that holds the
    graph (a cluster build loaded into a server); ``filters`` keep rows whose columns equal the values."""
    query = load("exports")[kind]
    rows = run_remote(endpoint, query.text)[1] if endpoint else run(store_at(build), query)
    for column, value in (filters or {}).items():
        rows = [r for r in rows if r[column] == value]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    write_csv(buffer, query.returns, rows)
    return buffer.getvalue()
