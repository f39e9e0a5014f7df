"""New or changed documents put into an existing build without a rebuild (``policykg build --add``).

A document is its file name (its IRI is minted from it): an added file of a name the build holds
replaces that document, its triples as a unit; another is inserted in corpus order (by its path
under the build's corpus folder, or by its name when it lies elsewhere). The result is the build a
full build of the same corpus gives, byte for byte in the graph's parts (kg/, graph/parts.py), triple
for triple in the store:

- the added documents go through the build's per-document stages, on every core;
- the graph's parts are those of the old build, hard-linked, but for the parts of documents that
  changed: the parts before the first one added are as they were (only the shared lines they write
  first are read, between their documents' own triples); after it, a part is written again, its
  documents' own triples copied from the old parts (build.json says where they are) and each shared
  line at the first document that writes it, unless it comes out as it was; then the flow, written
  again; the summaries of each part of documents, as they were but for the parts whose documents
  changed or moved (graph/summaries.py), and those across documents, written again; kg.ttl and
  kg.jsonld are streamed from the parts as in a build;
- the build's records are read from one file (records.jsonl); a document's shared lines and chunk
  inferences (documents/), most of a record's bytes, only when needed: for the documents after the
  first one added, those replaced, those checked again or covered by the boundary;
- the store is a backup of the old one (hard links, so instant), from which the replaced
  documents' triples and the flow triples that no longer hold are removed (unless another document
  still writes them) and to which the new ones are added;
- the derived parts: citations, mirrors and alignments are recomputed from every document's digest
  (only the documents of a chain are read again, as in a build); the checks (graph/checks.py) run
  on the added documents' chunks, on what is left of a chunk that held a replaced document, and on
  the boundary, as in a build; the other chunks' findings are taken from the build's records.

Like a build, it writes a new folder beside the old one and publishes it with one rename, so a run
killed at any moment leaves the previous build whole.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, parse

import policykg.graph.iris as iris
from policykg.errors import PolicyKGError
from policykg.graph.build import (
    Checks,
    Counts,
    DocumentResult,
    Summary,
    chunk_name,
    corpus_flow,
    order,
    process_documents,
    record_of,
    schema_ntriples,
    stage_done,
    write_document,
)
from policykg.graph.checks import Findings, UnitChecks, check_unit
from policykg.graph.manifest import (
    CHECKS,
    INDEX,
    RECORDS,
    BoundaryRecord,
    ChunkRecord,
    DocumentLines,
    Manifest,
    Record,
    Span,
    read_records,
    record_name,
    schema_hash,
)
from policykg.graph.parts import PartsReader, PartsWriter, ends_part, graph_parts, lines_of
from policykg.graph.records import Digest
from policykg.graph.store import INFERRED_GRAPH, inferred_counts, write_formats
from policykg.graph.summaries import Previous, document_positions, moved_documents, write_summaries
from policykg.progress import Progress
from policykg.publish import staged_folder


def add(files: Iterable[Path], out: Path, workers: int | None = None, quiet: bool = False) -> Summary:
    """Put ``files`` (new or changed documents) into the build at ``out``, with the options it was
    built with."""
    previous = out.resolve()
    manifest = Manifest.read(previous)
    schema = schema_ntriples()
    if schema_hash(schema) != manifest.schema:
        raise PolicyKGError(f"{out}: the ontology or vocabularies changed since it was built; rebuild it")
    if not graph_parts(previous):
        raise PolicyKGError(f"{out}: no kg/*.nt; documents can only be added to a local build")
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
    checks = Checks(manifest.shacl, manifest.reasoner)
    added, chunks = _process(paths, schema, checks, workers, summary, progress)
    sources = {path.name: path for path in paths}
    records = read_records(previous)
    replaced = {name: records.pop(name) for name in added if name in records}
    findings = Findings()
    checked: dict[str, tuple] = {}  # by added document: its chunk, what it found of the document's own nodes
    for chunk, unit in chunks:
        own = findings.add(chunk.name, unit)
        chunk.shared = findings.shared[chunk.name]
        chunk.write(staging)
        for name in chunk.documents:
            iri = _iri(added[name].digest)
            checked[name] = (chunk.name, findings.violations.get(iri, []), own.get(iri, b""))
    for name, doc in added.items():
        records[name] = record_of(doc, order(sources[name], corpus), sources[name], *checked.get(name, ()))
    names = sorted(records, key=lambda name: records[name].order)
    summary.added = sorted(added)

    (staging / "outlines").mkdir()
    (staging / RECORDS).mkdir()
    rechecked = (
        _checks_kept(records, replaced, added, findings, previous, manifest, schema, staging) if chunks else set()
    )
    for doc in added.values():
        write_document(staging, doc)
    with (staging / INDEX).open("w", encoding="utf-8") as index:
        for name in names:
            if name not in added:
                _link(previous / "outlines" / f"{Path(name).stem}.json", staging / "outlines")
            if name in added or name in rechecked:
                records[name].write(staging, index)
            else:
                _link(previous / RECORDS / record_name(name), staging / RECORDS)
                index.write(records[name].line)

    parts = PartsWriter(staging)
    with PartsReader(previous) as old:
        parts.link(graph_parts(previous)[0])  # the ontology and vocabularies, as they were (their hash is)
        summary.triples = schema.count(b"\n")
        documents, shared, linked = _write_documents(parts, old, names, manifest, records, added)
        summary.triples += sum(span.lines for span in documents.values()) + len(shared)
        digests = [r.digest for r in map(records.get, names) if r and r.digest]
        flow = corpus_flow(digests, None)
        parts.start()
        flow_span = Span(0, len(flow.ntriples), flow.ntriples.count(b"\n"), parts.name)
        parts.write(flow.ntriples)
        parts.close()
        summary.triples += flow_span.lines
        old_own = {name: old.read(manifest.documents[name]) for name in replaced}
        old_flow = old.read(manifest.flow)
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
    if chunks and manifest.reasoner:
        _chunks_inferred(store, previous, records, replaced, set(added), rechecked)
    stage_done(summary, "store", clock, progress)
    clock = time.perf_counter()
    changed = {iris.document(Path(name).stem) for name in added}
    removed = b"".join(old_own.values()) + b"".join(line for r in replaced.values() for line in r.shared)
    files = _write_summaries(store, parts, previous, manifest, documents, linked, records, changed, removed)
    summary.triples += sum(manifest.summaries)
    stage_done(summary, "summaries", clock, progress)
    if chunks:
        clock = time.perf_counter()
        by_iri = {_iri(r.digest): name for name, r in records.items() if r.digest}
        with PartsReader(staging) as graph:
            found, consistent, boundary = findings.close(
                store,
                schema,
                sorted(shared) + flow.ntriples.splitlines(keepends=True),
                lines_of(files),
                lambda document: graph.read(documents[by_iri[document]]),
                lambda document: records[by_iri[document]].inferred,
                manifest.shacl,
                manifest.reasoner,
                manifest.ontology if manifest.reasoner else None,
            )
        summary.problems += found
        summary.consistent = consistent
        boundary.write(staging)
        if manifest.reasoner:
            summary.inferred = inferred_counts(store)
        stage_done(summary, "checks", clock, progress)
    store.flush()
    del store

    clock = time.perf_counter()
    write_formats(staging, tuple(manifest.formats))
    manifest.documents, manifest.flow = documents, flow_span  # and the summaries' lines, counted above
    manifest.write(staging)
    stage_done(summary, "files", clock, progress)


def _write_summaries(
    store: Store,
    parts: PartsWriter,
    previous: Path,
    manifest: Manifest,
    documents: dict[str, Span],
    linked: dict[str, str],
    records: dict[str, Record],
    changed: set[str],
    removed: bytes,
) -> list[Path]:
    """The summaries' parts of the new build (graph/summaries.py), after its parts of documents
    (``documents``: where each document is): those of a part linked from the old build
    (``linked``: new part -> old) whose documents kept their positions are the old build's (linked
    too); the others are written from the old summaries of their documents' parts and from the
    store; those across documents, from the old ones. ``manifest.summaries`` becomes their lines;
    returns their files."""
    old_parts = graph_parts(previous)
    old_documents = sorted({span.part for span in manifest.documents.values()})
    old_summaries = dict(zip(old_documents, old_parts[len(old_documents) + 2 :]))  # by old part of documents
    across = old_parts[-1].read_bytes()
    positions = document_positions(store)
    moved = moved_documents(positions, across, changed)
    iri = {name: record.digest.iri for name, record in records.items() if record.digest}
    members: defaultdict[str, list[str]] = defaultdict(list)  # the new parts' documents
    for name, span in documents.items():
        members[span.part].append(name)
    new_parts = sorted(members)
    files: list[Path | None] = []  # those written (None: linked)
    paths: list[Path] = []
    kept: dict[int, int] = {}  # the lines of the summaries linked, by their place
    read: set[str] = set()  # the old parts of documents whose summaries are read
    for part in new_parts:
        if part in linked and not any(iri.get(name) in moved for name in members[part]):
            kept[len(files)] = manifest.summaries[old_documents.index(linked[part])]
            paths.append(parts.link(old_summaries[linked[part]]))
            files.append(None)
        else:
            paths.append(parts.start())
            files.append(paths[-1])
            read.update(manifest.documents[name].part for name in members[part] if name in manifest.documents)
    paths.append(parts.start())  # across documents
    files.append(paths[-1])
    parts.close()
    of_parts = b"".join(old_summaries[part].read_bytes() for part in sorted(read))
    part_of = {iri[name]: new_parts.index(span.part) for name, span in documents.items() if name in iri}
    written = write_summaries(
        store, files, part_of, previous=Previous(across, of_parts, positions, moved, changed, removed)
    )
    manifest.summaries = [kept.get(index, lines) for index, lines in enumerate(written)]
    return paths


def _iri(digest: Digest | None) -> str:
    return digest.iri if digest else ""


def _checks_kept(
    records: dict[str, Record],
    replaced: dict[str, Record],
    added: dict[str, DocumentResult],
    findings: Findings,
    previous: Path,
    manifest: Manifest,
    schema: bytes,
    staging: Path,
) -> set[str]:
    """The old build's checks of the documents that stay, into ``findings``: a chunk's as its
    records say, unless it held a replaced document, whose findings about shared nodes are then
    gone; the rest of such a chunk is checked again (its records in ``records`` updated). Writes
    the new build's chunk records; returns the documents checked again."""
    kept: dict[str, list[str]] = defaultdict(list)  # by chunk: its documents that stay
    for name, record in records.items():
        if name not in added and record.digest:
            kept[record.chunk].append(name)
    broken = {record.chunk for record in replaced.values()}
    rechecked: set[str] = set()
    (staging / CHECKS).mkdir(exist_ok=True)
    with PartsReader(previous) as old:
        for chunk, names in sorted(kept.items()):
            if chunk not in broken:
                _link(previous / CHECKS / f"{chunk}.json", staging / CHECKS)
                unchanged = ChunkRecord.read(previous, chunk)
                findings.shared[chunk] = unchanged.shared
                findings.inconsistency = findings.inconsistency or unchanged.inconsistency
                for name in names:
                    iri = _iri(records[name].digest)
                    findings.files[iri] = name
                    if records[name].violations:
                        findings.violations[iri] = records[name].violations
                continue
            names.sort(key=lambda name: records[name].order)
            triples = b"".join(old.read(manifest.documents[n]) + b"".join(records[n].shared) for n in names)
            unit = check_unit(schema, triples, manifest.shacl, manifest.reasoner)
            name = Path(names[0]).stem
            own = findings.add(name, unit)
            ChunkRecord(name, names, findings.shared[name], unit.inconsistency).write(staging)
            for n in names:
                iri = _iri(records[n].digest)
                records[n].chunk, records[n].violations = name, findings.violations.get(iri, [])
                records[n].lines = DocumentLines(records[n].shared, own.get(iri, b""))
            rechecked.update(names)
    return rechecked


def _chunks_inferred(
    store: Store,
    previous: Path,
    records: dict[str, Record],
    replaced: dict[str, Record],
    added: set[str],
    again: set[str],
) -> None:
    """The store's inferred graph made what it is in a build before the boundary's checks: every
    document's chunk inferences. Out: the old boundary's, and the old chunk inferences of the
    documents replaced and of those checked ``again``; in: the chunk inferences of the documents
    ``added``, of those checked again, and of those the old boundary covered."""
    boundary = BoundaryRecord.read(previous)
    covered = set(boundary.documents)
    if boundary.inconsistent:  # nothing was kept: every document's chunk inferences in
        store.clear_graph(INFERRED_GRAPH)
        back = set(records)
    else:
        old = [DocumentLines.read(previous / RECORDS / record_name(name)).inferred for name in sorted(again)]
        gone = boundary.inferred + b"".join([*(r.inferred for r in replaced.values()), *old])
        for quad in parse(gone, format=RdfFormat.N_TRIPLES):
            store.remove(Quad(quad.subject, quad.predicate, quad.object, INFERRED_GRAPH))
        back = added | again | {name for name, r in records.items() if _iri(r.digest) in covered}
    facts = b"".join(records[name].inferred for name in sorted(back, key=lambda name: records[name].order))
    store.bulk_load(facts, RdfFormat.N_TRIPLES, to_graph=INFERRED_GRAPH)


def _process(
    paths: list[Path], schema: bytes, checks: Checks, workers: int, summary: Summary, progress: Progress
) -> tuple[dict[str, DocumentResult], list[tuple[ChunkRecord, UnitChecks]]]:
    """The added documents through the per-document stages and their chunks' checks."""
    done: dict[str, DocumentResult] = {}
    chunks = []
    bar = progress.bar(len(paths), "documents", "doc")
    for chunk in process_documents(paths, schema, checks, min(workers, len(paths))):
        if chunk.checks:
            names = [doc.name for doc in chunk.documents]
            chunks.append((ChunkRecord(chunk_name(chunk), names, b"", chunk.checks.inconsistency), chunk.checks))
        for doc in chunk.documents:
            done[doc.name] = doc
            for stage, seconds in doc.counts.cpu.items():
                summary.counts.cpu[stage] += seconds
            bar.update()
    bar.close()
    return done, chunks


def _stale(gone: bytes, kept: bytes, previous: Path, manifest: Manifest, staying: dict[str, str]) -> set[Quad]:
    """The stored triples of ``gone`` (N-Triples) that nothing of the new build writes: not in
    ``kept`` and not among the own triples of a document that stays (``staying``: IRI -> name).
    Compared as the store holds them (``"5.0"^^xsd:decimal`` and ``"5"^^xsd:decimal`` are one
    stored triple)."""
    stale = _stored(gone) - _stored(kept)
    touched = {staying[iri] for quad in stale for iri in _documents_of(quad, staying)}
    if touched:
        with PartsReader(previous) as old:
            stale -= _stored(b"".join(old.read(manifest.documents[name]) for name in sorted(touched)))
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


def _write_documents(
    parts: PartsWriter,
    old: PartsReader,
    names: list[str],
    manifest: Manifest,
    records: dict[str, Record],
    added: dict[str, DocumentResult],
) -> tuple[dict[str, Span], set[bytes], dict[str, str]]:
    """The documents' parts of the new build, in corpus order (``names``): a part of the old build
    whose documents and first-written shared lines are as they were is linked, another is written,
    its documents' own triples copied from the old parts or added. The shared lines a document
    writes first are read from the old parts up to the first document added, from the records
    after it. Returns where each document's own triples are, every shared line, and the parts
    linked (new part -> old)."""
    before: defaultdict[str, list[str]] = defaultdict(list)  # the old build's parts: their documents
    for name, span in manifest.documents.items():
        before[span.part].append(name)
    written: dict[str, dict[str, list[bytes]]] = {}  # by old part: the shared lines each document wrote first

    def firsts(name: str) -> list[bytes]:
        part = manifest.documents[name].part
        if part not in written:
            written[part] = dict(zip(before[part], _firsts(old, [manifest.documents[n] for n in before[part]])))
        return written[part][name]

    documents: dict[str, Span] = {}
    shared: set[bytes] = set()
    linked: dict[str, str] = {}
    position, same = iter(manifest.documents), True  # same: the documents so far are the old build's
    for group in _cut(names):
        lines = []
        for name in group:
            same = same and next(position, None) == name and name not in added
            lines.append(firsts(name) if same else [line for line in records[name].shared if line not in shared])
            shared.update(lines[-1])
        part = manifest.documents[group[0]].part if group[0] in manifest.documents else ""
        if before[part] == group and not added.keys() & set(group) and lines == [firsts(n) for n in group]:
            linked[parts.link(old.folder / part).name] = part
            documents.update((name, replace(manifest.documents[name], part=parts.name)) for name in group)
            continue
        parts.start()
        for name, new in zip(group, lines):
            offset = parts.tell()
            if name in added:
                parts.write(added[name].ntriples)
                documents[name] = Span(offset, len(added[name].ntriples), added[name].ntriples.count(b"\n"))
            else:
                parts.copy(old.file(manifest.documents[name].part), manifest.documents[name])
                documents[name] = manifest.documents[name]
            documents[name] = replace(documents[name], offset=offset, part=parts.name)
            parts.write(b"".join(new))
    parts.close()
    return documents, shared, linked


def _cut(names: list[str]) -> list[list[str]]:
    """The documents (in corpus order) by part."""
    groups: list[list[str]] = [[]]
    for name in names:
        groups[-1].append(name)
        if ends_part(name):
            groups.append([])
    return [group for group in groups if group]


def _firsts(old: PartsReader, spans: list[Span]) -> list[list[bytes]]:
    """The lines of a part of ``old`` after each of ``spans`` (its documents' own triples, in
    order) up to the next or to its end: the shared lines each document wrote first."""
    source = old.file(spans[0].part)
    ends = [*(span.offset for span in spans[1:]), os.fstat(source.fileno()).st_size]
    firsts = []
    for span, end in zip(spans, ends):
        source.seek(span.offset + span.length)
        firsts.append(source.read(end - span.offset - span.length).splitlines(keepends=True))
    return firsts


def _link(source: Path, folder: Path) -> None:
    """The unchanged file of the old build in the new one (a hard link: no copy)."""
    if source.exists():
        os.link(source, folder / source.name)
