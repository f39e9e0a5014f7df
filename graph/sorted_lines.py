"""N-Triples lines sorted on disk: each line once, in byte order, in the memory of one run whatever
their number.

The summaries of 10,000 documents are millions of lines; sorted in memory they were held as a blob,
a list, a set and a sorted list at once, most of a build's peak memory. Here they are cut into
runs, each sorted and written to a file of its own, and read back merged.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path

from pyoxigraph import Triple

from policykg.graph.store import as_ntriples

RUN = 500_000  # triples per run: about 70 MB of lines
BATCH = 10_000  # triples serialised at a time: as objects they take several times the memory of their lines


class SortedLines:
    """Lines gathered into sorted runs in ``folder`` (which the caller owns and removes)."""

    def __init__(self, folder: Path, run: int = RUN):
        self.folder, self.run = folder, run
        self.runs: list[Path] = []

    def add(self, triples: Iterable[Triple]) -> None:
        """``triples``, serialised a batch at a time and sorted a run at a time."""
        triples, lines = iter(triples), []
        while batch := list(islice(triples, BATCH)):
            lines += as_ntriples(batch).splitlines(keepends=True)
            if len(lines) >= self.run:
                self.add_lines(lines)
                lines = []
        if lines:
            self.add_lines(lines)

    def add_lines(self, lines: Iterable[bytes]) -> None:
        """N-Triples lines (each ending in a newline), as one run."""
        path = self.folder / f"run-{len(self.runs):05d}.nt"
        path.write_bytes(b"".join(sorted(set(lines))))
        self.runs.append(path)

    def __iter__(self) -> Iterator[bytes]:
        """Every line once, in byte order."""
        with ExitStack() as files:
            runs = [files.enter_context(path.open("rb")) for path in self.runs]
            last = None
            for line in heapq.merge(*runs):
                if line != last:
                    yield line
                    last = line
