"""SPARQL questions as files: a strict ``#+`` header, loaded and checked when the catalogue loads.

Each ``.rq`` file keeps running in any SPARQL tool; its header says what it answers::

    #+ summary: The measures an agency is assigned to in one role.
    #+ params: agency: name e.g. 驻马店市工业和信息化局; role: string = any
    #+ returns: agency, role, measure_path, measure_title

A parameter is a ``string``, an ``integer``, an ``iri`` or a ``name``: a Chinese label, bound as
``"…"@zh`` so that the query looks it up as it is written in the graph.

A parameter is required and shows an example value (``e.g.``), or is optional with a default that
asks for everything (``= any``): a default naming one corpus's agency or document would make the
question answer nothing, without a word, on any other corpus. Running a question without a required
parameter is an error that names the parameter and shows its example.

Parameters are bound as RDF terms in a VALUES block at the start of the query (never pasted into
its text as strings), and a parameter is also a column. A VALUES block, not the engine's
``substitutions``: Oxigraph plans a one-row VALUES as the place to start, so a parameter becomes an
index lookup, while a substituted variable is planned as unbound and every row is scanned
(0.5 s instead of 2 ms for one document's items among 1,000 documents).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store

from policykg.errors import PolicyKGError, parsing


class QueryError(PolicyKGError):
    """A broken query file or a bad use of a query."""


@dataclass(frozen=True)
class Param:
    """A parameter: optional with a ``default`` that means "all", or required with an ``example``."""

    name: str
    type: str  # string | name | integer | iri
    default: str | None
    example: str | None = None

    def usage(self) -> str:
        """How the catalogue lists it.

        >>> Param("agency", "string", None, "市发改委").usage(), Param("role", "string", "any").usage()
        ('agency: string, required, e.g. 市发改委', 'role: string = any')
        """
        if self.default is not None:
            return f"{self.name}: {self.type} = {self.default}"
        return f"{self.name}: {self.type}, required, e.g. {self.example}"


@dataclass(frozen=True)
class Query:
    name: str
    summary: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    text: str

    @property
    def example(self) -> dict[str, str]:
        """Values for an example run: each required parameter's example (the others keep their default)."""
        return {p.name: p.example for p in self.params if p.example is not None}


_HEADER = re.compile(r"#\+\s*(\w+):\s*(.*)")
_PARAM = re.compile(r"(\w+)\s*:\s*(string|name|integer|iri)\s*(?:=\s*(.*)|e\.g\.\s*(.*))")


def parse_query(name: str, text: str) -> Query:
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if m:
            if m.group(1) not in ("summary", "params", "returns"):
                raise QueryError(f"{name}.rq:{number}: unknown header field {m.group(1)!r}")
            fields[m.group(1)] = m.group(2).strip()
            lines[m.group(1)] = number
    if "summary" not in fields or "returns" not in fields:
        raise QueryError(f"{name}.rq: the header needs '#+ summary:' and '#+ returns:'")
    params = []
    for spec in filter(None, (s.strip() for s in fields.get("params", "").split(";"))):
        m = _PARAM.fullmatch(spec)
        if not m:
            raise QueryError(
                f"{name}.rq:{lines['params']}: bad parameter {spec!r}"
                " (param: string|name|integer|iri = default, or e.g. example)"
            )
        params.append(Param(*m.group(1, 2, 3, 4)))
    returns = tuple(c.strip() for c in fields["returns"].split(","))
    return Query(name, fields["summary"], tuple(params), returns, text)


@cache
def load(folder: str = "") -> dict[str, Query]:
    """Every query of a folder of the package (the catalogue itself by default), by name.

    Each query is parsed by the SPARQL engine here, so a broken file fails at once (and in the
    test suite), not when a user runs it.
    """
    root = files("policykg.queries")
    if folder:
        root = root / folder
    queries = {}
    for path in sorted(root.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".rq"):
            with parsing(path):
                query = parse_query(path.name[:-3], path.read_text(encoding="utf-8"))
                # bound to its example: a bad example (not an integer…) fails here too
                if not isinstance(
                    Store().query(with_values(query.text, bindings(query, query.example))), QuerySolutions
                ):
                    raise QueryError(f"{path.name}: not a SELECT query (a question's answer is a table)")
            queries[query.name] = query
    return queries


def _term(param: Param, value: str) -> Literal | NamedNode:
    """The RDF term of a value. A ``name`` is a Chinese label, tagged ``@zh`` as the graph's labels
    are: the query looks it up as it is (``?x skos:prefLabel ?agency``), where every store starts
    a join, instead of computing the label (``STRLANG``), where Virtuoso does not, and whose
    ``STR()`` loses the Chinese characters there (queries/PLANNING.md, rule 19).

    >>> _term(Param("agency", "name", None, "市发改委"), "市发改委")
    <Literal value=市发改委 language=zh>
    """
    if param.type == "name":
        return Literal(value, language="zh")
    if param.type == "iri":
        return NamedNode(value)
    if param.type == "integer":
        return Literal(value, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return Literal(value)


PAGE_ROWS = 100  # what the CLI and the query page show of an answer unless asked for all of it


def paged(text: str, page: int) -> str:
    """The query limited to its ``page``-th page of PAGE_ROWS rows, and one row more: that row, not
    shown, tells whether there is a next page without counting the whole answer.

    >>> paged("SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x", 3)
    'SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\\nLIMIT 101 OFFSET 200'
    """
    if page < 1:
        raise QueryError(f"page {page}: pages are numbered from 1")
    return f"{text}\nLIMIT {PAGE_ROWS + 1} OFFSET {(page - 1) * PAGE_ROWS}"


def run(
    store: Store, query: Query, values: dict[str, str] | None = None, page: int | None = None
) -> list[dict[str, str]]:
    """Rows of a query as dicts of plain strings (columns in the header's order): all of them, or
    one page (with the extra row of ``paged``)."""
    text = with_values(query.text, bindings(query, values))
    solutions = store.query(text if page is None else paged(text, page))
    assert isinstance(solutions, QuerySolutions)  # load() takes SELECT queries only
    return [{c: ("" if s[c] is None else s[c].value) for c in query.returns} for s in solutions]


def run_text(store: Store, text: str) -> tuple[list[str], list[dict[str, str]]]:
    """A SELECT query given as text (``policykg sparql``): its columns and rows."""
    try:
        solutions = store.query(text)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {err}") from err
    if not isinstance(solutions, QuerySolutions):
        raise QueryError("only SELECT queries can be shown as a table")
    columns = [v.value for v in solutions.variables]
    return columns, [{c: ("" if s[c] is None else s[c].value) for c in columns} for s in solutions]


def store_at(build: Path) -> Store:
    location = build / "store"
    if not location.is_dir() and any(build.glob("kg/part-*.nq.gz")):
        raise PolicyKGError(
            f"{build}: no store here, only the graph's shards (kg/part-*.nq.gz): load them into a SPARQL "
            "server (its bulk loader, or 'policykg push') and ask it with --endpoint URL"
        )
    if not location.is_dir():
        raise PolicyKGError(f"{build}: no built store here (run 'policykg build' first)")
    return Store.read_only(str(location))


def bindings(query: Query, values: dict[str, str] | None) -> dict[str, Literal | NamedNode]:
    """The RDF terms for a query's parameters: given values, else defaults; a clear error for a
    missing or unknown one. An empty value is a missing one (an empty form field, ``--param q=``).

    >>> bindings(parse_query("q", "#+ summary: s.\\n#+ params: agency: string e.g. 市发改委\\n#+ returns: a"), {})
    Traceback (most recent call last):
    ...
    policykg.queries.catalogue.QueryError: q: missing required parameter agency (string), e.g. agency=市发改委
    """
    values = dict(values or {})
    unknown = set(values) - {p.name for p in query.params}
    if unknown:
        raise QueryError(f"{query.name}: unknown parameter {', '.join(sorted(unknown))}")
    terms = {}
    for p in query.params:
        value = values.get(p.name) or p.default
        if value is None:
            raise QueryError(f"{query.name}: missing required parameter {p.name} ({p.type}), e.g. {p.name}={p.example}")
        if p.type == "integer" and not re.fullmatch(r"-?\d+", value):
            raise QueryError(f"{query.name}: parameter {p.name} must be an integer, not {value!r}")
        terms[p.name] = _term(p, value)
    return terms


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(text: str, terms: dict[str, Literal | NamedNode]) -> str:
    """The query with its parameters bound by a VALUES block at the start of the top-level WHERE
    group (how every query runs, here and on remote endpoints). Terms are written in N-Triples
    syntax, which escapes quotes and brackets, so a value cannot change the query's structure.

    >>> with_values("SELECT ?x WHERE { ?x ?p ?name }", {"name": Literal('x" } DROP ALL #')})
    'SELECT ?x WHERE { VALUES (?name) { ("x\\\\" } DROP ALL #") } ?x ?p ?name }'
    """
    if not terms:
        return text
    m = _WHERE.search("\n".join(line for line in text.splitlines()))
    if not m:
        raise QueryError("cannot bind parameters: the query has no WHERE {")
    names = " ".join(f"?{k}" for k in terms)
    row = " ".join(str(v) for v in terms.values())
    return f"{text[: m.end()]} VALUES ({names}) {{ ({row}) }}{text[m.end() :]}"


def run_remote(endpoint: str, text: str, timeout: float = 60) -> tuple[list[str], list[dict[str, str]]]:
    """Run a SELECT query on any SPARQL 1.1 endpoint (protocol: POST, JSON results)."""
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": text}).encode(),
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise QueryError(f"{endpoint}: {getattr(err, 'reason', err)}") from err
    columns = data["head"]["vars"]
    return columns, [{c: row[c]["value"] if c in row else "" for c in columns} for row in data["results"]["bindings"]]
