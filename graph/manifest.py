"""What a build records about itself and each of its documents, so that documents can be added to
it later without a rebuild (:mod:`policykg.graph.incremental`).

The record of a document's triples is kept beside the store, not in it: a named graph per document
would make every catalogue question read the union of the graphs (Oxigraph then uses its
graph-prefixed indexes and may answer a shared triple once per graph) instead of the default
graph's own indexes the questions are planned on; and the store keeps literals in canonical form,
so the graph's parts (kg/, graph/parts.py), which must stay byte for byte what a full build writes,
cannot be dumped from it. So:

- ``build.json``: the options, a hash of the ontology and vocabularies, and each document's own
  triples as a range of a part of kg/ (those that touch the document or a node under it, written by it
  alone), in corpus order;
- ``records.jsonl``: per document, a line: its source, its place in the corpus order, problems,
  counts, what the corpus-wide flow needs of it (:class:`~policykg.graph.flow.Digest`) and what the
  checks of its chunk found of its own nodes (violations); one file, read whole by an add (10,000
  small files took 8 s to open and parse);
- ``documents/<stem>.json``: per document, its N-Triples lines about shared nodes (agencies,
  places), which other documents may write too, and its chunk's inferences about its own nodes:
  most of a record's bytes, read by an add only for the documents it needs them of;
- ``checks/``: what the default checks (graph/checks.py) found beyond single documents, so that an
  add checks only the added documents and the boundary again: per chunk of documents
  (``<first document's stem>.json``), its documents and its inferences about shared nodes; and
  ``boundary.json``, the documents the boundary covered and the inferences it stored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, astuple, dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from pyoxigraph import Store

from policykg.errors import PolicyKGError, Problem
from policykg.graph.flow import Digest
from policykg.graph.shacl_store import Violation
from policykg.graph.store import INFERRED_GRAPH

VERSION = 4
MANIFEST = "build.json"
INDEX = "records.jsonl"
RECORDS = "documents"
CHECKS = "checks"
BOUNDARY = "boundary.json"


@dataclass(frozen=True)
class Span:
    """A range of a part of the graph (graph/parts.py): where it starts, its bytes and its lines
    (triples), and the part's file name."""

    offset: int
    length: int
    lines: int
    part: str = ""

    def read(self, source: BinaryIO) -> bytes:
        source.seek(self.offset)
        return source.read(self.length)


@dataclass
class DocumentLines:
    """What a record keeps of a document beside ``records.jsonl``, read when first used."""

    shared: list[bytes]  # N-Triples lines about nodes that are not the document's
    inferred: bytes = b""  # N-Triples: its chunk's inferences about its own nodes

    def write(self, path: Path) -> None:
        data = {"shared": [line.decode() for line in self.shared], "inferred": self.inferred.decode()}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> DocumentLines:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls([line.encode() for line in data["shared"]], data["inferred"].encode())
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise PolicyKGError(f"{path}: not a document record of this version of policykg ({err})") from err


@dataclass
class Record:
    """One document of a build, as the next build needs it."""

    name: str
    order: tuple[str, ...]  # its path under the corpus folder, parts: documents are built in this order
    source: str  # the file it was read from
    problems: list[Problem]
    counts: dict  # build.Counts as JSON
    digest: Digest | None
    lines: DocumentLines | Path  # or the file they are read from when first used
    chunk: str = ""  # the chunk it was checked in ("" when the build ran no default checks)
    violations: list[Violation] = field(default_factory=list)  # its chunk's, of its own nodes
    line: str = ""  # its line of records.jsonl as read: an add leaves most as they were (10,000 took 3 s to write)

    @property
    def shared(self) -> list[bytes]:
        return self._lines().shared

    @property
    def inferred(self) -> bytes:
        return self._lines().inferred

    def _lines(self) -> DocumentLines:
        if isinstance(self.lines, Path):
            self.lines = DocumentLines.read(self.lines)
        return self.lines

    def write(self, folder: Path, index: TextIO) -> None:
        """Its lines into the build ``folder``, and its line of ``records.jsonl`` into ``index``."""
        self._lines().write(folder / RECORDS / record_name(self.name))
        index.write(self.entry())

    def entry(self) -> str:
        """Its line of ``records.jsonl``."""
        data = {
            "name": self.name,
            "order": list(self.order),
            "source": self.source,
            "problems": [asdict(p) for p in self.problems],
            "counts": self.counts,
            "digest": None if self.digest is None else asdict(self.digest),
            "chunk": self.chunk,
            "violations": [asdict(v) for v in self.violations],
        }
        return json.dumps(data, ensure_ascii=False) + "\n"

    @classmethod
    def parse(cls, entry: str, folder: Path) -> Record:
        """A line of ``records.jsonl`` of the build ``folder``."""
        data = json.loads(entry)
        digest = data["digest"]
        return cls(
            data["name"],
            tuple(data["order"]),
            data["source"],
            [Problem(**p) for p in data["problems"]],
            data["counts"],
            None if digest is None else _digest(digest),
            folder / RECORDS / record_name(data["name"]),
            data["chunk"],
            [Violation(**v) for v in data["violations"]],
            entry,
        )


def read_records(folder: Path) -> dict[str, Record]:
    """The records of the build ``folder``, by document (their lines are read when first used)."""
    path = folder / INDEX
    try:
        with path.open(encoding="utf-8") as index:
            records = [Record.parse(entry, folder) for entry in index]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise PolicyKGError(f"{path}: cannot be read ({err}); rebuild with policykg build") from err
    return {record.name: record for record in records}


def record_name(name: str) -> str:
    return f"{Path(name).stem}.json"


@dataclass
class ChunkRecord:
    """A chunk of documents checked together: its documents (names), its inferences about nodes of
    no document (N-Triples) and why it is inconsistent ("" when it is not)."""

    name: str
    documents: list[str]
    shared: bytes
    inconsistency: str

    def write(self, folder: Path) -> None:
        data = {"documents": self.documents, "shared": self.shared.decode(), "inconsistency": self.inconsistency}
        _write_json(folder / CHECKS / f"{self.name}.json", data)

    @classmethod
    def read(cls, folder: Path, name: str) -> ChunkRecord:
        data = _read_json(folder / CHECKS / f"{name}.json")
        return cls(name, data["documents"], data["shared"].encode(), data["inconsistency"])


@dataclass
class BoundaryRecord:
    """The boundary's checks: the documents they covered (IRIs) and the inferences they stored
    (N-Triples; none when the graph was found inconsistent, whose inferred graph is empty)."""

    documents: list[str]
    inferred: bytes
    inconsistent: bool

    def write(self, folder: Path) -> None:
        data = {"documents": self.documents, "inferred": self.inferred.decode(), "inconsistent": self.inconsistent}
        _write_json(folder / CHECKS / BOUNDARY, data)

    def clear(self, store: Store) -> None:
        """The graph is inconsistent: nothing inferred is kept."""
        store.clear_graph(INFERRED_GRAPH)
        self.inferred, self.inconsistent = b"", True

    @classmethod
    def read(cls, folder: Path) -> BoundaryRecord:
        data = _read_json(folder / CHECKS / BOUNDARY)
        return cls(data["documents"], data["inferred"].encode(), data["inconsistent"])


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise PolicyKGError(f"{path}: cannot be read ({err}); rebuild with policykg build") from err


def _digest(data: dict) -> Digest:
    return Digest(
        data["source"],
        data["iri"],
        data["number"],
        tuple(data["titles"]),
        tuple((title, number, relation, cited) for title, number, relation, cited in data["citations"]),
        tuple(data["region"]),
        data["date"],
        data["topic"],
        data.get("forwards", ""),
    )


@dataclass
class Manifest:
    """The build as a whole: how it was made and where each document's own triples are in kg/."""

    corpus: str
    schema: str  # sha256 of the ontology and vocabularies as written in the first part of kg/
    shacl: bool
    reasoner: bool
    formats: list[str]
    ontology: tuple[bool, str] | None  # HermiT on the ontology alone: (consistent, message); None without reasoner
    listing: list[Problem]  # what listing the corpus folder found (files skipped)
    documents: dict[str, Span] = field(default_factory=dict)  # in corpus order
    flow: Span = Span(0, 0, 0)
    summaries: list[int] = field(default_factory=list)  # lines of the summaries' parts, in order
    version: int = VERSION

    def write(self, folder: Path) -> None:
        data = asdict(self) | {
            "listing": [asdict(p) for p in self.listing],
            "documents": [[name, *astuple(span)] for name, span in self.documents.items()],
            "flow": list(astuple(self.flow)),
        }
        (folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        path = folder / MANIFEST
        if not path.exists():
            raise PolicyKGError(f"{folder}: no {MANIFEST}; documents can only be added to a build of this version")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != VERSION:
                raise ValueError(f"version {data.get('version')}, expected {VERSION}")
            ontology = data["ontology"]
            return cls(
                data["corpus"],
                data["schema"],
                data["shacl"],
                data["reasoner"],
                data["formats"],
                None if ontology is None else (bool(ontology[0]), str(ontology[1])),
                [Problem(**p) for p in data["listing"]],
                {name: Span(*span) for name, *span in data["documents"]},
                Span(*data["flow"]),
                data["summaries"],
            )
        except (ValueError, KeyError, TypeError) as err:
            raise PolicyKGError(f"{path}: cannot be read ({err}); rebuild with policykg build") from err


def schema_hash(schema: bytes) -> str:
    return hashlib.sha256(schema).hexdigest()
