"""The build: a corpus folder into ``build/``, written to a temporary folder and swapped in only
when everything succeeded, so a failed build leaves the previous one intact.

Steps: read and extract each document (a document that cannot be read is a problem, the others
still build), map records to triples, write kg.nt/kg.ttl/kg.jsonld and the Oxigraph store,
validate with SHACL, run the OWL reasoner and load its inferences into a named graph.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple

from policykg.corpus import bundled_corpus
from policykg.errors import CorpusError, PolicyKGError, Problem
from policykg.graph.extract import DocumentRecord, extract
from policykg.graph.gazetteer import Gazetteer
from policykg.graph.outline import outline_to_dict, read_outline
from policykg.graph.rdf import PKG, document_triples
from policykg.graph.reasoning import ReasonerReport, reason
from policykg.graph.store import schema_triples, sort_triples, write_files, write_store
from policykg.graph.validation import validate_file

BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


@dataclass
class Summary:
    out: Path
    documents: list[DocumentRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    triples: int = 0
    reasoner: ReasonerReport | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    def report(self) -> str:
        measures = sum(len(list(d.outline.walk())) for d in self.documents)
        assignments = [a for d in self.documents for a in d.assignments]
        agencies = {agency.iri: agency for _, agency in assignments}
        unresolved = sum(1 for a in agencies.values() if not a.resolved)
        roles = Counter(a.role for a, _ in assignments)
        docs = self.documents
        rows = sum(len(a.rows) for d in self.documents for a in d.outline.annexes)
        lines = [
            f"built {self.out}/ from {len(self.documents)} documents",
            f"  outline items {measures}, annex rows {rows}",
            f"  assignments {len(assignments)} ({', '.join(f'{k} {v}' for k, v in sorted(roles.items()))})",
            f"  agencies named {len(agencies)} ({unresolved} unresolved)",
            f"  targets {sum(len(d.targets) for d in docs)}, citations {sum(len(d.citations) for d in docs)}",
            f"  triples {self.triples}",
        ]
        if self.reasoner:
            r = self.reasoner
            state = "consistent" if r.consistent else f"INCONSISTENT {r.message}"
            counts = ", ".join(f"{k} {v}" for k, v in r.counts().items())
            lines.append(f"  reasoner: {state}; inferred {len(r.inferred)} ({counts})")
        lines.append("  time " + ", ".join(f"{k} {v:.1f}s" for k, v in self.seconds.items()))
        lines.append(f"  files: {', '.join(sorted(p.name for p in self.out.iterdir()))}")
        lines.append(f"{len(self.problems)} problems" + (":" if self.problems else ""))
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def corpus_files(corpus: Path) -> list[Path]:
    """The documents of a corpus folder, in a stable order."""
    if not corpus.is_dir():
        raise PolicyKGError(f"{corpus}: not a folder")
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise PolicyKGError(f"{corpus}: no .txt documents")
    return files


def _progress(done: int, total: int, name: str) -> None:
    if sys.stderr.isatty():
        bar = "#" * (20 * done // total)
        print(f"\r[{bar:<20}] {done}/{total} {name[:40]:<40}", end="" if done < total else "\n", file=sys.stderr)


def build(corpus: Path | None, out: Path, reasoner: bool = True) -> Summary:
    corpus = corpus or bundled_corpus()
    summary = Summary(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        _build_into(corpus, staging, summary, reasoner)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return summary


def _build_into(corpus: Path, staging: Path, summary: Summary, reasoner: bool) -> None:
    gazetteer = Gazetteer.bundled()
    (staging / "outlines").mkdir()
    clock = time.perf_counter()
    files = corpus_files(corpus)
    triples: list[Triple] = schema_triples()
    triples += [
        Triple(NamedNode(iri), NamedNode(PKG + "resolved"), Literal("true", datatype=BOOLEAN))
        for iri in gazetteer.agencies
    ]
    for done, path in enumerate(files, 1):
        _progress(done, len(files), path.name)
        try:
            record = extract(read_outline(path), gazetteer)
        except CorpusError as err:
            summary.problems.append(Problem(err.file, err.line, "error", err.message))
            continue
        summary.documents.append(record)
        summary.problems += record.problems
        triples += document_triples(record)
        (staging / "outlines" / f"{path.stem}.json").write_text(
            json.dumps(outline_to_dict(record.outline), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    summary.seconds["extract"] = time.perf_counter() - clock

    clock = time.perf_counter()
    triples = sort_triples(triples)
    summary.triples = len(triples)
    paths = write_files(triples, staging)
    summary.seconds["write"] = time.perf_counter() - clock

    clock = time.perf_counter()
    summary.problems += validate_file(paths["nt"])
    summary.seconds["shacl"] = time.perf_counter() - clock

    inferred: list[Triple] = []
    if reasoner:
        clock = time.perf_counter()
        summary.reasoner = reason(triples)
        inferred = summary.reasoner.inferred
        if not summary.reasoner.consistent:
            summary.problems.append(
                Problem(
                    "kg", None, "error", f"the OWL reasoner finds the graph inconsistent: {summary.reasoner.message}"
                )
            )
        summary.seconds["reasoner"] = time.perf_counter() - clock

    clock = time.perf_counter()
    write_store(paths["nt"], inferred, staging / "store")
    summary.seconds["store"] = time.perf_counter() - clock


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames only (each atomic on one file system)."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old:
        shutil.rmtree(old)
