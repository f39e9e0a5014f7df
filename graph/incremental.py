"""New or changed documents put into an existing build without a rebuild (``policykg build --add``).

A document is its file name (its IRI is minted from it): an added file of a name the build holds
replaces that document, its triples as a unit; another is inserted in corpus order (by its path
under the build's corpus folder, or by its name when it lies elsewhere). The result is the build a
full build of the same corpus gives, byte for byte in kg.nt, triple for triple in the store:

- the added documents go through the build's per-document stages, on every core;
- kg.nt is written again in corpus order: the other documents' own triples copied from the old
  kg.nt (build.json says where they are), each shared line (an agency, a place) at the first
  document that writes it, then the flow; kg.ttl and kg.jsonld are streamed from it as in a build;
- the store is a backup of the old one (hard links, so instant), from which the replaced
  documents' triples and the flow triples that no longer hold are removed (unless another document
  still writes them) and to which the new ones are added;
- the derived parts: citations, mirrors and alignments are recomputed from every document's digest
  (only the documents of a chain are read again, as in a build); the OWL RL inferences and the
  shapes are recomputed with SPARQL on the store.

Like a build, it writes a new folder beside the old one and publishes it with one rename, so a run
killed at any moment leaves the previous build whole.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from io import RawIOBase
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import NamedNode, Quad, RdfFormat, Store

import policykg.graph.iris as iris
from policykg.errors import PolicyKGError, Problem
from policykg.graph.build import (
    Checks,
    Counts,
    DocumentResult,
    Summary,
    corpus_flow,
    order,
    process_documents,
    record_of,
    schema_ntriples,
    stage_done,
    write_document,
)
from policykg.graph.manifest import RECORDS, Manifest, Record, Span, record_name, schema_hash
from policykg.graph.owlrl import reason_on_store
from policykg.graph.reasoning import ReasonerReport
from policykg.graph.shacl_store import store_problems
from policykg.graph.store import INFERRED_GRAPH, inferred_counts, write_formats
from policykg.graph.summaries import write_summaries
from policykg.progress import Progress
from policykg.publish import staged_folder

BLOCK = 1 << 20  # bytes copied at a time from the old kg.nt


def add(files: Iterable[Path], out: Path, workers: int | None = None, quiet: bool = False) -> Summary:
    """Put ``files`` (new or changed documents) into the build at ``out``, with the options it was
    built with."""
    previous = out.resolve()
    manifest = Manifest.read(previous)
    schema = schema_ntriples()
    if schema_hash(schema) != manifest.schema:
        raise PolicyKGError(f"{out}: the ontology or vocabularies changed since it was built; rebuild it")
    if not (previous / "kg.nt").is_file():
        raise PolicyKGError(f"{out}: no kg.nt; documents can only be added to a local build")
    paths = _documents(files)
    summary = Summary(out)
    with staged_folder(out) as staging:
        progress = Progress("policykg build --add", quiet)
        _add_into(paths, previous, manifest, schema, staging, summary, workers or os.cpu_count() or 1, progress)
    return summary


def _documents(files: Iterable[Path]) -> list[Path]:
    """The files to add, each a readable .txt document of its own name."""
    paths: dict[str, Path] = {}
    for path in files:
        if not path.is_file():
            raise PolicyKGError(f"{path}: no such document")
        if path.suffix.lower() != ".txt":
            raise PolicyKGError(f"{path}: not a .txt document")
        if path.name in paths:
            raise PolicyKGError(f"{path}: added twice (also {paths[path.name]}); a document is known by its name")
        paths[path.name] = path
    if not paths:
        raise PolicyKGError("no documents to add")
    return list(paths.values())


def _add_into(
    paths: list[Path],
    previous: Path,
    manifest: Manifest,
    schema: bytes,
    staging: Path,
    summary: Summary,
    workers: int,
    progress: Progress,
) -> None:
    clock = time.perf_counter()
    corpus = Path(manifest.corpus)
    added = _process(paths, schema, workers, summary, progress)
    sources = {path.name: path for path in paths}
    records = {name: Record.read(previous / RECORDS, name) for name in manifest.documents if name not in added}
    replaced = {name: Record.read(previous / RECORDS, name) for name in manifest.documents if name in added}
    records |= {name: record_of(doc, order(sources[name], corpus), sources[name]) for name, doc in added.items()}
    names = sorted(records, key=lambda name: records[name].order)
    summary.added = sorted(added)

    (staging / "outlines").mkdir()
    (staging / RECORDS).mkdir()
    for name, doc in added.items():
        write_document(staging, doc, records[name])
    for name in records.keys() - added.keys():
        _link(previous / "outlines" / f"{Path(name).stem}.json", staging / "outlines")
        _link(previous / RECORDS / record_name(name), staging / RECORDS)

    nt = staging / "kg.nt"
    with (previous / "kg.nt").open("rb") as old, nt.open("wb", buffering=0) as new:
        _write(new, schema)
        summary.triples = schema.count(b"\n")
        shared: set[bytes] = set()
        documents: dict[str, Span] = {}
        for name in names:
            offset = new.tell()
            if name in added:
                _write(new, added[name].ntriples)
                documents[name] = Span(offset, len(added[name].ntriples), added[name].ntriples.count(b"\n"))
            else:
                _copy(old, new, manifest.documents[name])
                documents[name] = Span(offset, manifest.documents[name].length, manifest.documents[name].lines)
            lines = [line for line in records[name].shared if line not in shared]
            shared.update(lines)
            _write(new, b"".join(lines))
            summary.triples += documents[name].lines + len(lines)
        digests = [r.digest for r in map(records.get, names) if r and r.digest]
        flow = corpus_flow(digests, None)
        flow_span = Span(new.tell(), len(flow.ntriples), flow.ntriples.count(b"\n"))
        _write(new, flow.ntriples)
        summary.triples += flow_span.lines
        old_own = {name: _read(old, manifest.documents[name]) for name in replaced}
        old_flow = _read(old, manifest.flow)
        old.seek(manifest.flow.offset + manifest.flow.length)
        old_summaries = old.read()  # the rest of kg.nt (graph/summaries.py)
    summary.alignments = flow.alignments
    summary.problems = [p for p in manifest.listing if p.severity == "error"]
    summary.skipped = [p for p in manifest.listing if p.severity != "error"]
    for name in names:
        summary.counts.add(Counts.from_json(records[name].counts))
        summary.problems += records[name].problems
    stage_done(summary, "documents", clock, progress)

    clock = time.perf_counter()
    Store.read_only(str(previous / "store")).backup(str(staging / "store"))
    store = Store(str(staging / "store"))
    written = b"".join(doc.ntriples + b"".join(doc.shared) for doc in added.values()) + flow.ntriples
    gone = b"".join(old_own.values()) + b"".join(line for r in replaced.values() for line in r.shared) + old_flow
    kept = schema + b"".join(shared) + written
    staying = {r.digest.iri: name for name, r in records.items() if name not in added and r.digest}
    for quad in _stale(gone, kept, previous, manifest, staying):
        store.remove(quad)
    store.bulk_load(written, RdfFormat.N_TRIPLES)
    stage_done(summary, "store", clock, progress)
    clock = time.perf_counter()
    changed = [iris.document(Path(name).stem) for name in added]
    removed = b"".join(old_own.values()) + b"".join(line for r in replaced.values() for line in r.shared)
    summary.triples += write_summaries(store, nt, old_summaries, changed, removed).count(b"\n")
    stage_done(summary, "summaries", clock, progress)
    _check(store, nt, manifest, summary, progress)
    store.flush()
    del store

    clock = time.perf_counter()
    write_formats(nt, tuple(manifest.formats))
    manifest.documents, manifest.flow = documents, flow_span
    manifest.write(staging)
    stage_done(summary, "files", clock, progress)


def _check(store: Store, nt: Path, manifest: Manifest, summary: Summary, progress: Progress) -> None:
    """The checks the build was made with, run again on the whole store (as SPARQL: the shapes
    compiled, the OWL RL rules to their fixpoint)."""
    clock = time.perf_counter()
    if manifest.shacl:
        summary.problems += store_problems(store, nt)
        stage_done(summary, "shacl", clock, progress)
    if manifest.reasoner and manifest.ontology is not None:
        start = time.perf_counter()
        store.clear_graph(INFERRED_GRAPH)
        consistent, message = manifest.ontology
        inferences = reason_on_store(store, ReasonerReport(consistent, message=message))
        summary.consistent = inferences.consistent
        if not inferences.consistent:
            summary.problems.append(
                Problem("kg", None, "error", f"the OWL reasoner finds the graph inconsistent: {inferences.message}")
            )
        summary.inferred = inferred_counts(store)
        stage_done(summary, "reasoner", start, progress)
    summary.seconds["checks"] = time.perf_counter() - clock


def _process(
    paths: list[Path], schema: bytes, workers: int, summary: Summary, progress: Progress
) -> dict[str, DocumentResult]:
    """The added documents through the per-document stages (the checks run on the store after)."""
    done: dict[str, DocumentResult] = {}
    bar = progress.bar(len(paths), "documents", "doc")
    for chunk in process_documents(paths, schema, Checks(), min(workers, len(paths))):
        for doc in chunk.documents:
            done[doc.name] = doc
            for stage, seconds in doc.counts.cpu.items():
                summary.counts.cpu[stage] += seconds
            bar.update()
    bar.close()
    return done


def _stale(gone: bytes, kept: bytes, previous: Path, manifest: Manifest, staying: dict[str, str]) -> set[Quad]:
    """The stored triples of ``gone`` (N-Triples) that nothing of the new build writes: not in
    ``kept`` and not among the own triples of a document that stays (``staying``: IRI -> name).
    Compared as the store holds them (``"5.0"^^xsd:decimal`` and ``"5"^^xsd:decimal`` are one
    stored triple)."""
    stale = _stored(gone) - _stored(kept)
    touched = {staying[iri] for quad in stale for iri in _documents_of(quad, staying)}
    if touched:
        with (previous / "kg.nt").open("rb") as old:
            stale -= _stored(b"".join(_read(old, manifest.documents[name]) for name in sorted(touched)))
    return stale


def _documents_of(quad: Quad, documents: dict[str, str]) -> Iterable[str]:
    """The IRIs among ``documents`` that the subject or object of ``quad`` is, or lies under."""
    for term in (quad.subject, quad.object):
        if isinstance(term, NamedNode):
            iri = term.value
            while iri:
                if iri in documents:
                    yield iri
                iri = iri.rpartition("/")[0]


def _stored(ntriples: bytes) -> set[Quad]:
    memory = Store()
    memory.bulk_load(ntriples, RdfFormat.N_TRIPLES)
    return set(memory)


def _copy(source: BinaryIO, target: RawIOBase, span: Span) -> None:
    """Copy ``span`` of ``source`` to the end of the unbuffered ``target``, in the kernel where it
    can (``copy_file_range``: no pass through Python, and shared blocks on a file system that
    has them)."""
    offset, left = span.offset, span.length
    try:
        while left:
            copied = os.copy_file_range(source.fileno(), target.fileno(), left, offset)
            if not copied:
                raise PolicyKGError(f"{source.name}: shorter than build.json says; rebuild")
            offset, left = offset + copied, left - copied
    except OSError:  # not offered here (another system, or across file systems)
        source.seek(offset)
        while left:
            block = source.read(min(BLOCK, left))
            if not block:
                raise PolicyKGError(f"{source.name}: shorter than build.json says; rebuild") from None
            _write(target, block)
            left -= len(block)


def _write(target: RawIOBase, data: bytes) -> None:
    """All of ``data`` (an unbuffered file may take less at a time)."""
    view = memoryview(data)
    while view:
        view = view[target.write(view) or 0 :]


def _read(source: BinaryIO, span: Span) -> bytes:
    source.seek(span.offset)
    return source.read(span.length)


def _link(source: Path, folder: Path) -> None:
    """The unchanged file of the old build in the new one (a hard link: no copy)."""
    if source.exists():
        os.link(source, folder / source.name)
