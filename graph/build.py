"""The build: a corpus folder into ``build/``, written to a temporary folder and swapped in only
when everything succeeded, so a failed or killed build leaves the previous one intact.

Documents are processed in chunks on every core (extract, map to triples, then on the chunk's own
store the rows of its documents that the summaries need and the checks of the chunk: the compiled
shapes and OWL RL rules, graph/checks.py); the main process streams each chunk's N-Triples, in
corpus order, into the graph's parts (kg/, graph/parts.py) and into the store, which loads them on
a thread of its own meanwhile, then computes the summaries and checks what crosses documents; kg.ttl
and kg.jsonld are streamed from kg/ beside those checks. No stage holds the whole graph in Python
objects, so memory stays flat as the corpus grows.
"""

from __future__ import annotations

import json
import os
import pickle
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, fields
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from policykg.corpus import bundled_corpus
from policykg.errors import CorpusError, PolicyKGError, Problem
from policykg.graph.checks import Findings, UnitChecks, check_unit, store_of
from policykg.graph.extract import DocumentRecord, extract
from policykg.graph.flow import Digest, digest, flow_triples
from policykg.graph.gazetteer import Gazetteer
from policykg.graph.manifest import INDEX, RECORDS, ChunkRecord, DocumentLines, Manifest, Record, Span, schema_hash
from policykg.graph.outline import outline_to_dict, read_outline
from policykg.graph.owlrl import check_ontology
from policykg.graph.parts import FOLDER, PartsReader, PartsWriter, ends_part, graph_parts, lines_of
from policykg.graph.rdf import RDF_TYPE, document_iri, document_triples, pkg
from policykg.graph.reasoning import reason
from policykg.graph.shacl_store import Violation
from policykg.graph.store import (
    INFERRED_GRAPH,
    StoreLoader,
    as_ntriples,
    formats_written,
    inferred_counts,
    schema_triples,
)
from policykg.graph.summaries import OwnRows, SpilledRows, write_summaries
from policykg.graph.validation import DocumentValidator, sparql_violations, validate_graph
from policykg.progress import SILENT, Progress
from policykg.publish import staged_folder

BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
CHUNK = 16  # most documents per task, the reasoner's unit: enough to amortise starting Java


@dataclass
class Counts:
    """What the build found, added up document by document (the records themselves are dropped)."""

    documents: int = 0
    items: int = 0
    annex_rows: int = 0
    roles: Counter = field(default_factory=Counter)
    agencies: dict[str, bool] = field(default_factory=dict)  # IRI -> resolved
    targets: int = 0
    citations: int = 0
    cpu: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))  # wall seconds by stage

    @classmethod
    def of(cls, record: DocumentRecord) -> Counts:
        return cls(
            documents=1,
            items=sum(1 for _ in record.outline.walk()),
            annex_rows=sum(len(a.rows) for a in record.outline.annexes),
            roles=Counter(a.role for a, _ in record.assignments),
            agencies={agency.iri: agency.resolved for _, agency in record.assignments},
            targets=len(record.targets),
            citations=len(record.citations),
        )

    def to_json(self) -> dict:
        """What a document's record keeps (the time per stage is of the run, not of the document)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "cpu"}

    @classmethod
    def from_json(cls, data: dict) -> Counts:
        return cls(**{**data, "roles": Counter(data["roles"])})

    def add(self, other: Counts) -> None:
        self.documents += other.documents
        self.items += other.items
        self.annex_rows += other.annex_rows
        self.roles.update(other.roles)
        self.agencies.update(other.agencies)
        self.targets += other.targets
        self.citations += other.citations
        for stage, seconds in other.cpu.items():
            self.cpu[stage] += seconds


@dataclass
class DocumentResult:
    name: str
    outline: str  # the outline as JSON ("" when the document could not be read)
    ntriples: bytes  # the triples that touch a node of this document, sorted
    shared: list[bytes]  # N-Triples lines about other nodes (an unknown agency…), which several documents may repeat
    problems: list[Problem]
    counts: Counts
    digest: Digest | None = None  # what the corpus-wide flow stage needs of it


@dataclass
class ChunkResult:
    documents: list[DocumentResult]
    inferred: bytes = b""  # N-Triples (HermiT's, with reference checks)
    inconsistency: str | None = None
    cpu: dict[str, float] = field(default_factory=dict)  # seconds by stage: the summary rows, the checks
    checks: UnitChecks | None = None  # the compiled shapes and rules on the chunk (the default checks)
    rows: bytes = b""  # its documents' own rows (OwnRows, pickled where they were read), for the summaries


@dataclass(frozen=True)
class Checks:
    """The checks a build runs, and how."""

    shacl: bool = False
    reasoner: bool = False
    reference: bool = False  # pySHACL per document and HermiT per chunk, instead of the compiled shapes and rules


@dataclass
class Summary:
    out: Path
    counts: Counts = field(default_factory=Counts)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # files of the folder that are not documents
    triples: int = 0
    consistent: bool | None = None  # None when the reasoner did not run
    inferred: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    alignments: int = 0  # lower measures linked to the upper measures they carry out
    added: list[str] = field(default_factory=list)  # documents added to an existing build (build --add)

    def report(self) -> str:
        c = self.counts
        unresolved = sum(1 for resolved in c.agencies.values() if not resolved)
        lines = [
            f"built {self.out}/ from {c.documents} documents",
            *([f"  added or replaced {len(self.added)}: {', '.join(self.added)}"] if self.added else []),
            f"  outline items {c.items}, annex rows {c.annex_rows}",
            f"  assignments {sum(c.roles.values())} ({', '.join(f'{k} {v}' for k, v in sorted(c.roles.items()))})",
            f"  agencies named {len(c.agencies)} ({unresolved} unresolved)",
            f"  targets {c.targets}, citations {c.citations}, measures aligned across levels {self.alignments}",
            f"  triples {self.triples}",
        ]
        if self.consistent is not None:
            state = "consistent" if self.consistent else "INCONSISTENT"
            counts = ", ".join(f"{k} {v}" for k, v in self.inferred.items())
            lines.append(f"  reasoner: {state}; inferred {sum(self.inferred.values())} ({counts})")
        lines.append("  time " + ", ".join(f"{k} {v:.1f}s" for k, v in self.seconds.items()))
        stages = ", ".join(f"{k} {v:.1f}s" for k, v in sorted(c.cpu.items()))
        lines.append(f"  by stage, summed over the workers: {stages}")
        lines.append(f"  files: {', '.join(sorted(p.name for p in self.out.iterdir()))}")
        if self.skipped:
            lines.append(
                f"  skipped {len(self.skipped)}: {', '.join(p.file for p in self.skipped)} (not .txt, or a second link)"
            )
        lines.append(f"{len(self.problems)} problems" + (":" if self.problems else ""))
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def corpus_files(corpus: Path) -> tuple[list[Path], list[Problem]]:
    """The .txt documents under a corpus folder (subfolders included, symlinks followed once),
    in a stable order, and what was skipped."""
    if not corpus.is_dir():
        raise PolicyKGError(f"{corpus}: not a folder")
    files: dict[str, Path] = {}
    seen: set[Path] = set()
    problems: list[Problem] = []
    for path in sorted(corpus.rglob("*")):
        where = str(path.relative_to(corpus))
        if path.is_dir():
            continue
        if path.suffix.lower() != ".txt":
            problems.append(Problem(where, None, "info", "skipped: not a .txt document"))
            continue
        if not path.exists():
            problems.append(Problem(where, None, "error", "skipped: a link to nothing"))
            continue
        real = path.resolve()
        if real in seen:
            problems.append(Problem(where, None, "info", "skipped: the same file as another document (link)"))
            continue
        if path.name in files:
            problems.append(
                Problem(where, None, "error", f"skipped: another document is named {path.name} ({files[path.name]})")
            )
            continue
        seen.add(real)
        files[path.name] = path
    if not files:
        raise PolicyKGError(f"{corpus}: no .txt documents")
    return list(files.values()), problems


def build(
    corpus: Path | None,
    out: Path,
    reasoner: bool = True,
    shacl: bool = True,
    workers: int | None = None,
    formats: tuple[str, ...] = (),
    scheduler: str | None = None,
    reference: bool = False,
    quiet: bool = False,
) -> Summary:
    """Build ``out`` from ``corpus``; ``formats`` are the graph files written beside kg/. With a Dask
    ``scheduler`` address the documents are processed on that cluster and the graph is written as
    sharded N-Quads (kg/part-*.nq.gz) instead of N-Triples parts and ``formats``. Progress goes to stderr: a bar
    on a terminal, a line per stage elsewhere, nothing when ``quiet``."""
    summary = Summary(out)
    with staged_folder(out) as staging:
        cores = workers or os.cpu_count() or 1
        corpus = corpus or bundled_corpus()
        progress = Progress("policykg build", quiet)
        _build_into(corpus, staging, summary, reasoner, shacl, cores, formats, scheduler, reference, progress)
    return summary


def _build_into(
    corpus: Path,
    staging: Path,
    summary: Summary,
    reasoner: bool,
    shacl: bool,
    workers: int,
    formats: tuple[str, ...],
    scheduler: str | None = None,
    reference: bool = False,  # pySHACL per document and HermiT per chunk, instead of the checks on the store
    progress: Progress = SILENT,
) -> None:
    clock = time.perf_counter()
    files, found = corpus_files(corpus)
    summary.problems = [p for p in found if p.severity == "error"]
    summary.skipped = [p for p in found if p.severity != "error"]
    schema = schema_ntriples()
    vocabulary = [q.triple for q in parse(schema, format=RdfFormat.N_TRIPLES)]
    ontology = check_ontology(vocabulary) if reasoner and not reference else None  # HermiT, beside the build
    if shacl and reference:
        summary.problems += validate_graph(_graph(schema), "ontology")
    (staging / "outlines").mkdir()
    addable = not scheduler and not reference  # a build documents can be added to (policykg build --add)
    if addable:
        (staging / RECORDS).mkdir()
    inferred_nt = staging / "inferred.nt"
    shared: set[bytes] = set()
    digests: list[Digest] = []
    rows = SpilledRows(staging / "rows.pickle")
    manifest = Manifest(str(corpus.absolute()), schema_hash(schema), shacl, reasoner, list(formats), None, found)
    sources = {path.name: path for path in files}
    spans: dict[str, Span] = {}  # each document's own triples in kg/, by IRI
    inferred_spans: dict[str, Span] = {}  # each document's chunk inferences in inferred.nt, by IRI
    asserted = PartsWriter(staging)
    with (
        inferred_nt.open("wb") as inferred,
        (staging / INDEX).open("w", encoding="utf-8") if addable else nullcontext() as index,
        StoreLoader(staging / "store") as loader,
    ):
        findings = Findings()
        asserted.start()
        asserted.write(schema)
        ended = True  # the part before is done: the next document starts one
        loader.add(schema)
        summary.triples = schema.count(b"\n")
        bar = progress.bar(len(files), "documents", "doc")
        checks = Checks(shacl, reasoner, reference)
        for chunk in process_documents(files, schema, checks, workers, scheduler, shards=staging / "kg"):
            name = chunk_name(chunk)
            own = findings.add(name, chunk.checks) if chunk.checks else {}
            for document, facts in own.items():
                inferred_spans[document] = Span(inferred.tell(), len(facts), 0)
                inferred.write(facts)
            written = []
            for doc in chunk.documents:
                bar.update()
                summary.problems += doc.problems
                summary.counts.add(doc.counts)
                new = [line for line in doc.shared if line not in shared]
                shared.update(new)
                if ended:
                    asserted.start()
                ended = ends_part(doc.name)
                span = Span(asserted.tell(), len(doc.ntriples), doc.ntriples.count(b"\n"), asserted.name)
                manifest.documents[doc.name] = span
                if doc.digest:
                    spans[doc.digest.iri] = manifest.documents[doc.name]
                written.append(doc.ntriples + b"".join(new))
                asserted.write(written[-1])
                summary.triples += doc.ntriples.count(b"\n") + len(new)
                place = order(sources[doc.name], corpus)
                iri = doc.digest.iri if doc.digest else ""
                checked = (name, findings.violations.get(iri, []), own.get(iri, b"")) if chunk.checks else ("", [], b"")
                write_document(staging, doc)
                if index:
                    record_of(doc, place, sources[doc.name], *checked).write(staging, index)
                if doc.digest:
                    digests.append(doc.digest)
            loader.add(b"".join(written))
            loader.add(chunk.inferred + b"".join(own.values()), INFERRED_GRAPH)
            if addable and chunk.checks:
                names = [d.name for d in chunk.documents]
                ChunkRecord(name, names, findings.shared[name], chunk.checks.inconsistency).write(staging)
            rows.add(chunk.rows)
            for stage, seconds in chunk.cpu.items():
                summary.counts.cpu[stage] += seconds
            if chunk.inconsistency:
                summary.problems.append(
                    Problem(
                        "kg", None, "error", f"the OWL reasoner finds the graph inconsistent: {chunk.inconsistency}"
                    )
                )
                summary.consistent = False
            elif reasoner and summary.consistent is None:
                summary.consistent = True
        bar.close()
        flow = corpus_flow(digests, schema if shacl and reference else None)
        asserted.start()
        manifest.flow = Span(0, len(flow.ntriples), flow.ntriples.count(b"\n"), asserted.name)
        asserted.write(flow.ntriples)
        # the summaries: of each part of documents, then across documents
        parts = sorted({span.part for span in manifest.documents.values()})
        files = [asserted.start() for _ in range(len(parts) + 1)]
        asserted.close()
        loader.add(flow.ntriples)
        summary.triples += flow.ntriples.count(b"\n")
        summary.problems += flow.problems
        summary.alignments = flow.alignments
        stage_done(summary, "documents", clock, progress)

        clock = time.perf_counter()
        store = loader.close()  # what is left to load once the documents are done
        stage_done(summary, "store", clock, progress)
    clock = time.perf_counter()
    part_of = {iri: parts.index(span.part) for iri, span in spans.items()}
    manifest.summaries = write_summaries(store, files, part_of, rows)  # the catalogue's (graph/summaries.py)
    rows.path.unlink()
    summary.triples += sum(manifest.summaries)
    stage_done(summary, "summaries", clock, progress)

    clock = time.perf_counter()
    with formats_written(staging, () if scheduler else formats):  # kg.ttl, kg.jsonld written beside the checks
        if not reference and (shacl or reasoner):  # the default checks: the chunks', then the boundary's
            if ontology is not None:
                report = ontology.result()
                manifest.ontology = (report.consistent, report.message)
            with PartsReader(staging) as graph, inferred_nt.open("rb") as chunks:
                lines = sorted(shared) + flow.ntriples.splitlines(keepends=True)
                found, consistent, boundary = findings.close(
                    store,
                    schema,
                    lines,
                    lines_of(files),
                    lambda document: graph.read(spans[document]),
                    lambda document: inferred_spans.get(document, Span(0, 0, 0)).read(chunks),
                    shacl,
                    reasoner,
                    manifest.ontology,
                )
            summary.problems += found
            summary.consistent = consistent if reasoner else summary.consistent
            if addable:
                boundary.write(staging)
        elif shacl:
            summary.problems += sparql_violations(store)
        inferred_nt.unlink()
        if reasoner:
            summary.inferred = inferred_counts(store)
        del store
        stage_done(summary, "checks", clock, progress)
        clock = time.perf_counter()  # the files: what is left of their writing once the checks are done
    if scheduler:  # the cluster path's graph, for a SPARQL server's bulk loader
        from policykg.graph.executors import write_shards

        # the workers wrote the documents' own triples; the rest of the graph is this
        rest = schema + b"".join(sorted(shared)) + flow.ntriples + b"".join(map(Path.read_bytes, files))
        for part in graph_parts(staging):
            part.unlink()
        write_shards(rest, staging / "store", staging / FOLDER)
    elif addable:
        manifest.write(staging)
    stage_done(summary, "files", clock, progress)


def order(path: Path, corpus: Path) -> tuple[str, ...]:
    """Where a document comes in the build: by its path under the corpus folder (as listed), or by
    its name when it lies elsewhere (as if it were at the folder's top)."""
    try:
        return path.absolute().relative_to(corpus.absolute()).parts
    except ValueError:
        return (path.name,)


def write_document(staging: Path, doc: DocumentResult) -> None:
    """A document's outline."""
    if doc.outline:
        (staging / "outlines" / f"{Path(doc.name).stem}.json").write_text(doc.outline, encoding="utf-8")


def record_of(
    doc: DocumentResult,
    place: tuple[str, ...],
    source: Path,
    chunk: str = "",
    violations: list[Violation] | None = None,
    inferred: bytes = b"",
) -> Record:
    """The record of ``doc``, with what the checks of its ``chunk`` found of its own nodes."""
    lines = DocumentLines(sorted(set(doc.shared)), inferred)
    source_file, counts = str(source.absolute()), doc.counts.to_json()
    return Record(doc.name, place, source_file, doc.problems, counts, doc.digest, lines, chunk, violations or [])


def chunk_name(chunk: ChunkResult) -> str:
    """A chunk is known by its first document (every document is in one chunk)."""
    return Path(chunk.documents[0].name).stem if chunk.documents else ""


@dataclass
class FlowResult:
    ntriples: bytes
    problems: list[Problem]
    alignments: int  # lower measures linked to the upper measures they carry out


def corpus_flow(digests: list[Digest], schema: bytes | None) -> FlowResult:
    """Citations resolved to corpus documents and measures aligned across levels, checked by the
    shapes when ``schema`` is given."""
    gazetteer = Gazetteer.bundled()
    triples = list(flow_triples(digests, lambda source: extract(read_outline(Path(source)), gazetteer), gazetteer))
    ntriples = b"".join(_lines(triples))
    problems = DocumentValidator(schema)(ntriples, "flow") if schema and ntriples else []
    alignments = sum(1 for t in set(triples) if t.predicate == RDF_TYPE and t.object == pkg("Alignment"))
    return FlowResult(ntriples, problems, alignments)


def schema_ntriples() -> bytes:
    """The first part of kg/: the ontology, vocabularies and resolved agencies, in a stable order."""
    return as_ntriples(sorted(_schema(Gazetteer.bundled()), key=str))


def _schema(gazetteer: Gazetteer) -> list[Triple]:
    """The ontology and vocabularies, and the gazetteer's agencies marked as resolved."""
    resolved = [
        Triple(NamedNode(iri), pkg("resolved"), Literal("true", datatype=BOOLEAN)) for iri in gazetteer.agencies
    ]
    return schema_triples() + resolved


def _graph(ntriples: bytes):
    from rdflib import Graph

    return Graph().parse(data=ntriples, format="nt")


def process_documents(
    files: list[Path],
    schema: bytes,
    checks: Checks,
    workers: int,
    scheduler: str | None = None,
    shards: Path | None = None,
) -> Iterator[ChunkResult]:
    """The chunks' results in corpus order, computed on ``workers`` processes or on a Dask cluster
    (whose workers write the documents' triples as shards in the folder ``shards``)."""
    if scheduler:
        from policykg.graph.executors import on_dask

        assert shards is not None, "a cluster build writes shards"
        yield from on_dask(scheduler, files, _chunks, _chunk, _start_worker, (schema, checks), shards)
        return
    chunks = _chunks(files, workers)
    if workers == 1 or len(chunks) == 1:
        _start_worker(schema, checks)
        yield from map(_chunk, chunks)
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(schema, checks)) as pool:
        yield from pool.map(_chunk, chunks)


def _chunks(files: list[Path], workers: int) -> list[list[Path]]:
    """Up to CHUNK documents per chunk, at least one chunk per worker."""
    size = max(1, min(CHUNK, -(-len(files) // workers)))
    return [files[i : i + size] for i in range(0, len(files), size)]


_worker: dict = {}  # per process: the gazetteer, the schema, the checks, pySHACL's validator


def _start_worker(schema: bytes, checks: Checks) -> None:
    _worker.update(
        gazetteer=Gazetteer.bundled(),
        schema=schema,
        checks=checks,
        validator=DocumentValidator(schema) if checks.shacl and checks.reference else None,
    )


def _chunk(files: list[Path]) -> ChunkResult:
    """A chunk's documents, and the checks of the chunk: the compiled shapes and rules on the chunk's
    own store, or HermiT on it (reference checks; pySHACL ran per document)."""
    result = ChunkResult([_document(path) for path in files])
    checks: Checks = _worker["checks"]
    start = time.perf_counter()
    triples = b"".join(d.ntriples + b"".join(d.shared) for d in result.documents)
    checked = not checks.reference and (checks.shacl or checks.reasoner)
    store = store_of(_worker["schema"] + triples if checked else triples)
    result.rows = pickle.dumps(OwnRows.of(store), pickle.HIGHEST_PROTOCOL)
    result.cpu["summary rows"] = time.perf_counter() - start
    start = time.perf_counter()
    if checked:
        result.checks = check_unit(_worker["schema"], triples, checks.shacl, checks.reasoner, store=store)
    elif checks.reference and checks.reasoner:
        report = reason([q.triple for q in parse(_worker["schema"] + triples, format=RdfFormat.N_TRIPLES)])
        if report.consistent:
            result.inferred = as_ntriples(report.inferred)
        else:
            result.inconsistency = report.message
    result.cpu["checks"] = time.perf_counter() - start
    return result


def _document(path: Path) -> DocumentResult:
    """One document through every per-document stage; whatever goes wrong is its problem alone."""
    try:
        return _stages(path)
    except CorpusError as err:
        problem = Problem(err.file, err.line, "error", err.message)
    except OSError as err:  # vanished or unreadable since the corpus was listed
        problem = Problem(path.name, None, "error", f"cannot read: {err.strerror or err}")
    except Exception as err:  # a defect of ours: the other documents still build
        problem = Problem(path.name, None, "error", f"could not be processed ({type(err).__name__}: {err})")
    return DocumentResult(path.name, "", b"", [], [problem], Counts())


def _stages(path: Path) -> DocumentResult:
    clock = time.perf_counter()
    record = extract(read_outline(path), _worker["gazetteer"])
    cpu = defaultdict(float, extract=time.perf_counter() - clock)
    clock = time.perf_counter()
    document = f"<{document_iri(record).value}".encode()
    own: list[bytes] = []
    others: list[bytes] = []
    for line in as_ntriples(document_triples(record)).splitlines(keepends=True):
        subject, _, rest = line.partition(b" ")  # an IRI holds no space: the subject, then the predicate
        (own if _under(subject, document) or _under(rest.partition(b" ")[2], document) else others).append(line)
    ntriples = b"".join(sorted(set(own)))
    shared = sorted(set(others))
    outline = json.dumps(outline_to_dict(record.outline), ensure_ascii=False, indent=2) + "\n"
    cpu["triples"] = time.perf_counter() - clock
    problems = list(record.problems)
    if _worker["validator"]:
        clock = time.perf_counter()
        problems += _worker["validator"](ntriples + b"".join(shared), path.name)
        cpu["shacl"] = time.perf_counter() - clock
    counts = Counts.of(record)
    counts.cpu = cpu
    summary = digest(record, str(path), _worker["gazetteer"])
    return DocumentResult(path.name, outline, ntriples, shared, problems, counts, summary)


def _under(term: bytes, document: bytes) -> bool:
    """``term`` (an N-Triples term, or the line's rest from it) is the document whose IRI opens
    ``document`` ("<" and the IRI), or a node under it (rdf.py mints a document's nodes so)."""
    return term.startswith(document) and term[len(document) : len(document) + 1] in (b"/", b">")


def _lines(triples: list[Triple]) -> list[bytes]:
    """The triples as N-Triples lines, each once, sorted."""
    return sorted(set(as_ntriples(triples).splitlines(keepends=True)))


def stage_done(summary: Summary, name: str, clock: float, progress: Progress) -> None:
    """Records how long a stage took (the summary's times), said in a line off a terminal."""
    summary.seconds[name] = progress.done(name, clock)
