"""SPARQL questions as files: a strict ``#+`` header, loaded and checked when the catalogue loads.

Each ``.rq`` file keeps running in any SPARQL tool; its header says what it answers::

    #+ summary: Measures an agency leads.
    #+ params: agency: string = 驻马店市工业和信息化局
    #+ returns: measure_path, measure_title

Parameters are bound as RDF terms (pyoxigraph ``substitutions``), never pasted into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store, Variable

from policykg.errors import PolicyKGError


class QueryError(PolicyKGError):
    """A broken query file or a bad use of a query."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # string | integer | iri
    default: str | None


@dataclass(frozen=True)
class Query:
    name: str
    summary: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    text: str


_HEADER = re.compile(r"#\+\s*(\w+):\s*(.*)")
_PARAM = re.compile(r"(\w+)\s*:\s*(string|integer|iri)(?:\s*=\s*(.*))?")


def parse_query(name: str, text: str) -> Query:
    fields: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            if m.group(1) not in ("summary", "params", "returns"):
                raise QueryError(f"{name}.rq: unknown header field {m.group(1)!r}")
            fields[m.group(1)] = m.group(2).strip()
    if "summary" not in fields or "returns" not in fields:
        raise QueryError(f"{name}.rq: the header needs '#+ summary:' and '#+ returns:'")
    params = []
    for spec in filter(None, (s.strip() for s in fields.get("params", "").split(";"))):
        m = _PARAM.fullmatch(spec)
        if not m:
            raise QueryError(f"{name}.rq: bad parameter {spec!r} (name: string|integer|iri [= default])")
        params.append(Param(m.group(1), m.group(2), m.group(3)))
    returns = tuple(c.strip() for c in fields["returns"].split(","))
    return Query(name, fields["summary"], tuple(params), returns, text)


def load(folder: str = "exports") -> dict[str, Query]:
    """Every query of a folder of the package, by name."""
    root = files("policykg.queries") / folder
    return {
        p.name[:-3]: parse_query(p.name[:-3], p.read_text(encoding="utf-8"))
        for p in sorted(root.iterdir(), key=lambda p: p.name)
        if p.name.endswith(".rq")
    }


def _term(param: Param, value: str):
    if param.type == "iri":
        return NamedNode(value)
    if param.type == "integer":
        return Literal(value, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return Literal(value)


def run(store: Store, query: Query, values: dict[str, str] | None = None) -> list[dict[str, str]]:
    """Rows of a query as dicts of plain strings (columns in the header's order)."""
    values = dict(values or {})
    unknown = set(values) - {p.name for p in query.params}
    if unknown:
        raise QueryError(f"{query.name}: unknown parameter {', '.join(sorted(unknown))}")
    bindings = {}
    for p in query.params:
        value = values.get(p.name, p.default)
        if value is None:
            raise QueryError(f"{query.name}: missing required parameter {p.name}")
        bindings[p.name] = _term(p, value)
    solutions = store.query(query.text, substitutions={Variable(k): v for k, v in bindings.items()})
    rows = []
    for s in solutions:
        rows.append({c: ("" if s[c] is None else s[c].value) for c in query.returns})
    return rows


def store_at(build: Path) -> Store:
    location = build / "store"
    if not location.is_dir():
        raise PolicyKGError(f"{build}: no built store here (run 'policykg build' first)")
    return Store.read_only(str(location))
