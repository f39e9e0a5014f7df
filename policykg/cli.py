"""The ``policykg`` command line: one function per subcommand.

Exit codes: 0 ok, 1 problems found (with ``--strict``), 2 usage error or unreadable input.
Messages for users go to stderr as ``file:line: message``, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.queries.export import KINDS


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

    summary = build(Path(args.corpus) if args.corpus else None, Path(args.out))
    print(summary.report())
    return 1 if args.strict and summary.problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    from policykg.queries.export import export

    text = export(Path(args.build), args.kind, args.format)
    _emit(text, args.out)
    return 0


def cmd_agencies(args: argparse.Namespace) -> int:
    from policykg.queries.export import export

    text = export(Path(args.build), "agencies", args.format, {"resolved": "false"} if args.unresolved else None)
    _emit(text, args.out)
    return 0


def _emit(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
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
    b.set_defaults(run=cmd_build)

    e = sub.add_parser("export", help="export a table of the built graph (CSV or JSON)")
    e.add_argument("kind", choices=KINDS)
    _table_options(e)
    e.set_defaults(run=cmd_export)

    a = sub.add_parser("agencies", help="list the agencies of the built graph with their load")
    a.add_argument("--unresolved", action="store_true", help="only names the gazetteer does not know")
    _table_options(a)
    a.set_defaults(run=cmd_agencies)
    return p


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
