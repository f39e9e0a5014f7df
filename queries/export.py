"""Exports for auditors and for checking: tables read from the built store through SPARQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from policykg.queries.catalogue import load, run, store_at

# One query file each in queries/exports/.
KINDS = ("responsibilities", "measures", "agencies", "targets", "places", "industries", "lineage", "alignment")


def export(build: Path, kind: str, fmt: str = "csv", filters: dict[str, str] | None = None) -> str:
    """One export as CSV or JSON text; ``filters`` keep rows whose columns equal the values."""
    query = load("exports")[kind]
    rows = run(store_at(build), query)
    for column, value in (filters or {}).items():
        rows = [r for r in rows if r[column] == value]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(query.returns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
