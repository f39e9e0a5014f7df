"""The ``policykg`` command line: one function per subcommand.

Exit codes: 0 ok, 1 problems found (with ``--strict``), 2 usage error or unreadable input.
Messages for users go to stderr as ``file:line: message``, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.publish import staged_folder, write_text
from policykg.queries.export import KINDS, write_csv

CELL_WIDTH = 60  # the most columns a cell of the table takes
_CONTROL = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*")  # line breaks, tabs, escapes


def cmd_outline(args: argparse.Namespace) -> int:
    from policykg.graph.outline import outline_to_dict, read_outline

    outline = read_outline(Path(args.file))
    if args.json:
        json.dump(outline_to_dict(outline), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(format_outline(outline))
    for problem in outline.problems:
        print(problem, file=sys.stderr)
    return 1 if args.strict and outline.problems else 0


def format_outline(outline) -> str:
    """The outline as an indented tree with a header of metadata and counts."""
    meta = outline.metadata
    items = list(outline.walk())
    depth = Counter(it.depth for it in items)
    out = [
        f"{outline.source}",
        f"  title:   {meta.title or '—'}",
        f"  number:  {meta.document_number or '—'}",
        f"  issuers: {'、'.join(meta.issuers) or '—'}",
        "  dates:   " + (", ".join(f"{d.date} ({d.kind})" for d in meta.dates) or "—"),
        "  items:   " + " · ".join(f"level {k}: {depth[k]}" for k in sorted(depth)) + f" · total {len(items)}",
        f"  annexes: {len(outline.annexes)} ({sum(len(a.rows) for a in outline.annexes)} rows)",
        "",
    ]
    for it in items:
        out.append(f"{'  ' * (it.depth - 1)}{it.path.rsplit('/', 1)[-1]}  {it.title or '(untitled)'}")
    for annex in outline.annexes:
        out.append(f"{annex.label}  {annex.title or ''}  [{len(annex.rows)} rows]")
        for row in annex.rows:
            out.append("  | " + " | ".join(row.cells))
    return "\n".join(out)


def cmd_build(args: argparse.Namespace) -> int:
    from policykg.graph.build import build

    if args.add:
        return _add(args)
    corpus = Path(args.corpus) if args.corpus else None
    if (args.executor == "dask") != bool(args.scheduler):
        raise UsageError("build: --executor dask needs --scheduler ADDRESS, and --scheduler needs --executor dask")
    summary = build(
        corpus,
        Path(args.out),
        args.reasoner,
        args.shacl,
        args.workers,
        args.formats,
        args.scheduler,
        args.reference,
        args.quiet,
    )
    print(summary.report())
    return 1 if args.strict and summary.problems else 0


def _add(args: argparse.Namespace) -> int:
    """``build --add FILES``: into the build at --out, with the options it was built with."""
    from policykg.graph.incremental import add

    if args.corpus or args.scheduler or args.reference:
        raise UsageError(
            "build --add: the documents go into the build at --out; --corpus, --scheduler and "
            "--reference-checks are the build's own"
        )
    summary = add([Path(f) for f in args.add], Path(args.out), args.workers, args.quiet)
    print(summary.report())
    return 1 if args.strict and summary.problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.kind == "network":
        if args.endpoint:
            raise UsageError("export network: the networks are read from the local store (--build), not an endpoint")
        return _export_network(args)
    if args.format not in ("csv", "json"):
        raise UsageError(f"export {args.kind}: --format is csv or json")
    from policykg.queries.export import export

    text = export(Path(args.build), args.kind, args.format, endpoint=args.endpoint)
    _emit(text, args.out)
    return 0


def _export_network(args: argparse.Namespace) -> int:
    from policykg.queries.catalogue import store_at
    from policykg.queries.network import build_network, write_network

    fmt = args.format if args.format in ("graphml", "gexf") else "graphml"
    kind = {"coresponsibility": "co-responsibility"}.get(args.network, args.network)
    out = Path(args.out or Path(args.build) / f"{args.network}.{fmt}")
    graph = build_network(store_at(Path(args.build)), kind)
    write_network(graph, out, fmt)
    print(f"wrote {out} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)", file=sys.stderr)
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from policykg.progress import Progress
    from policykg.queries.catalogue import store_at
    from policykg.viz.data import gather
    from policykg.viz.pages import write_views

    out = Path(args.out or Path(args.build) / "viz")
    progress = Progress("policykg viz", args.quiet)
    store = store_at(Path(args.build))
    with progress.stage("reading the store"):
        results = gather(store, progress)
    with staged_folder(out) as staging, progress.stage("writing the pages"):
        write_views(results, staging, progress)
        pages = len(list(staging.rglob("*.html")))
    print(f"wrote {pages} pages into {out}/; open {out / 'index.html'}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from policykg.queries.report import write_report

    out = Path(args.out or Path(args.build) / "report")
    with staged_folder(out) as staging:
        names = [path.name for path in write_report(Path(args.build), staging)]
    for name in names:
        print(f"wrote {out / name}")
    return 0


def cmd_agencies(args: argparse.Namespace) -> int:
    from policykg.queries.export import export

    text = export(Path(args.build), "agencies", args.format, {"resolved": "false"} if args.unresolved else None)
    _emit(text, args.out)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from policykg.queries import catalogue

    queries = catalogue.load()
    if args.list:
        entries = [
            {"name": q.name, "summary": q.summary, "params": [p.usage() for p in q.params]} for q in queries.values()
        ]
        if args.format == "json":
            sys.stdout.write(json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
        else:
            for e in entries:
                params = f" [{'; '.join(e['params'])}]" if e["params"] else ""
                print(f"{e['name']}{params}\n    {e['summary']}")
        return 0
    if not args.name:
        raise UsageError("query: give a question's NAME, or --list")
    if args.name not in queries:
        raise UsageError(f"query: no question named {args.name!r} (see 'policykg query --list')")
    query = queries[args.name]
    values = dict(_pair(p) for p in args.param)
    page = None if args.all else args.page
    if args.endpoint:
        text = catalogue.with_values(query.text, catalogue.bindings(query, values))
        columns, rows = catalogue.run_remote(args.endpoint, text if page is None else catalogue.paged(text, page))
    else:
        columns, rows = list(query.returns), catalogue.run(catalogue.store_at(Path(args.build)), query, values, page)
    _table(columns, rows[: catalogue.PAGE_ROWS] if page else rows, args.format)
    if page and len(rows) > catalogue.PAGE_ROWS:
        print(f"(page {page}: more rows on --page {page + 1}, or all of them with --all)", file=sys.stderr)
    return 0


def cmd_sparql(args: argparse.Namespace) -> int:
    from policykg.queries import catalogue

    text = Path(args.query).read_text(encoding="utf-8") if Path(args.query).is_file() else args.query
    if args.endpoint:
        columns, rows = catalogue.run_remote(args.endpoint, text)
    else:
        columns, rows = catalogue.run_text(catalogue.store_at(Path(args.build)), text)
    _table(columns, rows, args.format)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from policykg.queries.endpoint import serve

    serve(Path(args.build), args.host, args.port, args.timeout, args.allow_remote)
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from policykg.queries.endpoint import push

    count = push(Path(args.build), args.endpoint)
    print(f"pushed {count} triples to {args.endpoint}")
    return 0


class UsageError(PolicyKGError):
    """A command used the wrong way (exit 2)."""


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise UsageError(f"--param takes NAME=VALUE, not {text!r}")
    return name.strip(), value


def _table(columns: list[str], rows: list[dict[str, str]], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        write_csv(sys.stdout, columns, rows)
    else:
        cells = [[_cell(c) for c in columns]] + [[_cell(r[c]) for c in columns] for r in rows]
        widths = [max(_width(line[i]) for line in cells) for i in range(len(columns))]
        for line in cells:
            print("  ".join(_pad(cell, width) for cell, width in zip(line, widths)).rstrip())
        print(f"({len(rows)} rows)", file=sys.stderr)


def _width(text: str) -> int:
    """Display width: Chinese characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str) -> str:
    """A value as one line of the table, at most CELL_WIDTH columns: line breaks, tabs and other control
    characters fold into one space (a quote spans lines), and a longer value is cut with "…".

    >>> _cell("（一）推进标准地出让。\\r\\n  （责任单位：市发改委）"), _cell("一二三" * 30)[-3:]
    ('（一）推进标准地出让。 （责任单位：市发改委）', '一二…')
    """
    line = _CONTROL.sub(" ", text).strip()
    if _width(line) <= CELL_WIDTH:
        return line
    kept, width = [], 0
    for ch in line:
        width += _width(ch)
        if width > CELL_WIDTH - 1:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _formats(text: str) -> tuple[str, ...]:
    """``--formats``: the graph files besides its N-Triples parts (kg/*.nt), always written (the store loads them)."""
    names = tuple(name for name in text.split(",") if name)
    unknown = sorted(set(names) - {"nt", "ttl", "jsonld"})
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown)} (choose from nt, ttl, jsonld)")
    return tuple(name for name in names if name != "nt")


def _emit(text: str, out: str | None) -> None:
    if out:
        write_text(Path(out), text)
        print(f"wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policykg", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    o = sub.add_parser("outline", help="print how a document was read: metadata, items, annex rows")
    o.add_argument("file")
    o.add_argument("--json", action="store_true", help="the outline as JSON")
    o.add_argument("--strict", action="store_true", help="exit 1 when the document has problems")
    o.set_defaults(run=cmd_outline)

    b = sub.add_parser("build", help="build everything from a corpus folder")
    b.add_argument("--corpus", help="folder of .txt documents (default: the bundled corpus)")
    b.add_argument("--out", default="build", help="output folder (default: build)")
    b.add_argument("--strict", action="store_true", help="exit 1 when any document has problems")
    b.add_argument("--quiet", action="store_true", help="no progress on stderr (the summary is still printed)")
    b.add_argument("--no-reasoner", dest="reasoner", action="store_false", help="skip the OWL reasoner")
    b.add_argument("--no-shacl", dest="shacl", action="store_false", help="skip SHACL validation")
    b.add_argument(
        "--reference-checks",
        dest="reference",
        action="store_true",
        help="validate with pySHACL and reason with HermiT per document, as the store's checks are tested against",
    )
    b.add_argument("--workers", type=int, help="processes to use (default: one per core)")
    b.add_argument(
        "--add",
        nargs="+",
        metavar="FILE",
        help="put new or changed documents into the build at --out, with the options it was built with",
    )
    b.add_argument(
        "--formats",
        default="nt",
        type=_formats,
        help="graph files to write: nt (always), ttl, jsonld (default: nt; the Turtle and JSON-LD of a large "
        "corpus take longer to write than its store, and an add writes them again)",
    )
    b.add_argument(
        "--executor",
        choices=["local", "dask"],
        default="local",
        help="where documents are processed: this machine's processes (default) or a Dask cluster, "
        "which writes the graph as sharded N-Quads (kg/part-*.nq.gz)",
    )
    b.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler, e.g. tcp://host:8786")
    b.set_defaults(run=cmd_build)

    e = sub.add_parser("export", help="export a table (CSV, JSON) or a network (GraphML, GEXF) of the built graph")
    e.add_argument("kind", choices=[*KINDS, "network"])
    e.add_argument("--kind", dest="network", choices=["responsibility", "coresponsibility", "flow"],
                   default="responsibility", help="which network, with 'export network'")  # fmt: skip
    _source_options(e)
    e.add_argument("--format", choices=["csv", "json", "graphml", "gexf"], default="csv")
    e.add_argument("--out", help="write to this file instead of stdout")
    e.set_defaults(run=cmd_export)

    r = sub.add_parser("report", help="the auditor's report: report.html, findings.csv, findings.xlsx")
    r.add_argument("--build", default="build")
    r.add_argument("--out", help="output folder (default: BUILD/report)")
    r.set_defaults(run=cmd_report)

    z = sub.add_parser("viz", help="the leaders' pages: interactive networks that work offline")
    z.add_argument("--build", default="build")
    z.add_argument("--out", help="output folder (default: BUILD/viz)")
    z.add_argument("--quiet", action="store_true", help="no progress on stderr")
    z.set_defaults(run=cmd_viz)

    a = sub.add_parser("agencies", help="list the agencies of the built graph with their load")
    a.add_argument("--unresolved", action="store_true", help="only names the gazetteer does not know")
    _table_options(a)
    a.set_defaults(run=cmd_agencies)

    q = sub.add_parser("query", help="run a question of the catalogue (or --list them)")
    q.add_argument("name", nargs="?")
    q.add_argument("--list", action="store_true", help="list the questions with their parameters")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a parameter (repeatable)")
    _source_options(q)
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.add_argument("--page", type=int, default=1, help="the page of 100 rows to show (default: the first)")
    q.add_argument("--all", action="store_true", help="show every row")
    q.set_defaults(run=cmd_query)

    s = sub.add_parser("sparql", help="run a SPARQL SELECT query given as text or as a file")
    s.add_argument("query", metavar="QUERY_OR_FILE")
    _source_options(s)
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")
    s.set_defaults(run=cmd_sparql)

    v = sub.add_parser("serve", help="serve the built store read-only: SPARQL endpoint and query page")
    v.add_argument("--build", default="build")
    v.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    v.add_argument("--port", type=int, default=7878)
    v.add_argument("--timeout", type=int, default=30, help="seconds a query may run (default: 30)")
    v.add_argument("--allow-remote", action="store_true", help="allow binding to a non-loopback address")
    v.set_defaults(run=cmd_serve)

    u = sub.add_parser("push", help="load the built graph into a SPARQL store (Graph Store Protocol)")
    u.add_argument("--endpoint", required=True, help="the store's Graph Store URL, e.g. http://host:7878/store")
    u.add_argument("--build", default="build")
    u.set_defaults(run=cmd_push)
    return p


def _source_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--build", default="build", help="the build folder (default: build)")
    p.add_argument("--endpoint", help="a SPARQL 1.1 endpoint URL to ask instead of the local store")


def _table_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--build", default="build", help="the build folder (default: build)")
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("--out", help="write to this file instead of stdout")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except PolicyKGError as err:
        print(f"policykg: {err}", file=sys.stderr)
        return 2
