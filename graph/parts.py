"""The graph of a local build as N-Triples in ordered parts (``kg/00000.nt``, ``kg/00001.nt``…),
so that ``build --add`` writes only the parts that change and hard-links the others (at 10,000
documents the graph is 8 GB: rewritten whole, it was most of an add).

The parts, in the order of their names: the ontology and vocabularies; the documents in corpus
order, each with the lines about shared nodes it writes first; the flow (citations, alignments);
the summaries of each part of documents (the positions of their documents' parts, their loads,
their listings: graph/summaries.py), in the same order; the summaries across documents. Read one
after the other they are the graph as one file would hold it. A part of documents ends after a
document whose name hashes to a multiple of ``PART``: where parts end depends on the documents
alone, so that a full build and an add cut the same corpus alike, and a document inserted or
replaced changes its own part (and its summaries), not those after it.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from io import RawIOBase
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO

from policykg.errors import PolicyKGError

if TYPE_CHECKING:
    from policykg.graph.manifest import Span

FOLDER = "kg"
PART = 32  # documents in a part, on average
BLOCK = 1 << 20  # bytes copied at a time where the kernel does not copy


def graph_parts(build: Path) -> list[Path]:
    """The parts of the graph of the build folder ``build``, in order (none for a cluster build)."""
    return sorted((build / FOLDER).glob("*.nt"))


def lines_of(files: list[Path]) -> Iterator[bytes]:
    """The lines of ``files``, one after the other, read as they are used (millions, for the summaries)."""
    for path in files:
        with path.open("rb") as lines:
            yield from lines


def ends_part(name: str) -> bool:
    """Whether the document ``name`` (a file name) is the last of its part."""
    return zlib.crc32(name.encode()) % PART == 0


class PartsWriter:
    """Writes the parts of a graph into ``build``/kg, one after the other."""

    def __init__(self, build: Path):
        self.folder = build / FOLDER
        self.folder.mkdir()
        self.count = 0
        self.file: RawIOBase | None = None

    @property
    def name(self) -> str:
        """The part being written."""
        return f"{self.count - 1:05d}.nt"

    def start(self) -> Path:
        """A new part, the next in order: its path."""
        self.close()
        self.count += 1
        self.file = (self.folder / self.name).open("wb", buffering=0)
        return self.folder / self.name

    def link(self, source: Path) -> Path:
        """The next part is ``source`` (of another build), as it is: a hard link, no copy. Its path."""
        self.close()
        self.count += 1
        os.link(source, self.folder / self.name)
        return self.folder / self.name

    def tell(self) -> int:
        assert self.file, "no part started"
        return self.file.tell()

    def write(self, data: bytes) -> None:
        """All of ``data`` (an unbuffered file may take less at a time)."""
        assert self.file, "no part started"
        view = memoryview(data)
        while view:
            view = view[self.file.write(view) or 0 :]

    def copy(self, source: BinaryIO, span: Span) -> None:
        """Copy ``span`` of ``source`` to the part, in the kernel where it can (``copy_file_range``:
        no pass through Python)."""
        assert self.file, "no part started"
        offset, left = span.offset, span.length
        try:
            while left:
                copied = os.copy_file_range(source.fileno(), self.file.fileno(), left, offset)
                if not copied:
                    raise PolicyKGError(f"{source.name}: shorter than build.json says; rebuild")
                offset, left = offset + copied, left - copied
        except OSError:  # not offered here (another system, or across file systems)
            source.seek(offset)
            while left:
                block = source.read(min(BLOCK, left))
                if not block:
                    raise PolicyKGError(f"{source.name}: shorter than build.json says; rebuild") from None
                self.write(block)
                left -= len(block)

    def close(self) -> None:
        if self.file:
            self.file.close()
            self.file = None


class PartsReader:
    """The parts of a build's graph, each opened when first read."""

    def __init__(self, build: Path):
        self.folder = build / FOLDER
        self.files: dict[str, BinaryIO] = {}

    def file(self, part: str) -> BinaryIO:
        if part not in self.files:
            self.files[part] = (self.folder / part).open("rb")
        return self.files[part]

    def read(self, span: Span) -> bytes:
        return span.read(self.file(span.part))

    def __enter__(self) -> PartsReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None):
        for file in self.files.values():
            file.close()
