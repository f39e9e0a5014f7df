"""The build's per-document work on a Dask cluster, and the graph it writes there.

Dask (``distributed``) was chosen over Ray and Spark because it is pure Python from PyPI, runs the
build's own chunk function unchanged (Spark would need the work rewritten as a job of its own and a
JVM on every node; Ray brings a large native runtime), and starts the same way as a LocalCluster
in the test suite and as ``dask scheduler`` / ``dask worker`` (or dask-jobqueue on a batch system,
dask-kubernetes) at scale. The scheduler places the chunks, retries those whose worker died, and
moves the arguments and results; this module only submits the chunks and takes their results in
corpus order, so that the output is the local build's, byte for byte after sorting.

Each worker writes its chunk's documents' own triples (the bulk of the graph) as a compressed shard
in the build's folder and sends back only what the main process needs of them: problems, counts,
outlines, the few lines several documents share. So the triples do not travel through the
scheduler, and the compression is spread over the workers. The main process reads the shards back
for its store and checks, and writes the rest (vocabularies, shared lines, flow, inferences) as
the last shards. The workers read the documents, and write the shards, at the paths this process
gives: the corpus and the output folder must be at the same paths on every worker (a shared file
system), and policy-kg installed there.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterator
from functools import partial
from itertools import accumulate, chain, islice
from pathlib import Path

from distributed import Client, WorkerPlugin
from pyoxigraph import RdfFormat, Store

from policykg.errors import PolicyKGError
from policykg.graph.store import INFERRED_GRAPH

RETRIES = 2  # a chunk whose worker died is run again this many times (by the scheduler)
CONNECT_SECONDS = 30
SHARD_LINES = 1_000_000  # N-Quads lines per shard: about 150 MB, 10 MB compressed


class _Setup(WorkerPlugin):
    """A worker plugin: runs the build's per-process setup (gazetteer, schema, SHACL validator) on
    every worker, also on one that joins the cluster later."""

    def __init__(self, function: Callable, args: tuple):
        self.function, self.args = function, args

    def setup(self, worker) -> None:
        self.function(*self.args)


def on_dask(
    scheduler: str,
    files: list[Path],
    split: Callable[[list[Path], int], list[list[Path]]],
    work: Callable,
    setup: Callable,
    setup_args: tuple,
    shards: Path,
) -> Iterator:
    """``work`` of each chunk (``split`` of the files for the cluster's worker count), computed on
    the cluster at ``scheduler``, in corpus order; each chunk's documents' triples go through its
    shard in the folder ``shards`` (made here), not through the scheduler."""
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as err:
        raise PolicyKGError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    with client:
        threads = client.nthreads()
        if not threads:
            raise PolicyKGError(f"the Dask cluster at {scheduler} has no workers")
        if max(threads.values()) > 1:
            raise PolicyKGError(
                f"the Dask cluster at {scheduler} has workers of several threads: start them with --nthreads 1 "
                "(the extractors hold the interpreter lock and the reasoner's world is one per process)"
            )
        shards.mkdir(exist_ok=True)  # where the local graph's parts are written meanwhile, then removed
        client.register_plugin(_Setup(setup, setup_args), name="policykg-build")
        chunks = split(files, len(threads))
        futures = client.map(
            partial(_write_shard, work, shards), range(len(chunks)), chunks, pure=False, retries=RETRIES
        )
        try:
            for chunk, future in enumerate(futures):
                try:
                    result, sizes = future.result()
                except Exception as err:
                    raise PolicyKGError(f"the Dask cluster could not process chunk {chunk}: {err}") from err
                future.release()  # its result leaves the workers' memory
                yield _read_shard(result, sizes, shard_path(shards, chunk))
        finally:
            client.cancel(futures)
            client.unregister_worker_plugin("policykg-build")


def shard_path(folder: Path, number: int) -> Path:
    return folder / f"part-{number:05d}.nq.gz"


def _write_shard(work: Callable, folder: Path, chunk: int, files: list[Path]) -> tuple[object, list[int]]:
    """On a worker: ``work`` of one chunk, its documents' own triples written to the chunk's shard
    (under a name of its own until complete, so that a retried chunk replaces it whole). Returns the
    result without those triples, and their size per document."""
    result = work(files)
    sizes = [len(doc.ntriples) for doc in result.documents]
    path = shard_path(folder, chunk)
    partial_path = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with gzip.GzipFile(partial_path, "wb", compresslevel=6, mtime=0) as out:
        for doc in result.documents:
            out.write(doc.ntriples)
            doc.ntriples = b""
    partial_path.replace(path)
    return result, sizes


def _read_shard(result, sizes: list[int], shard: Path):
    """The chunk's result with its documents' triples read back from its shard."""
    try:
        data = gzip.decompress(shard.read_bytes())
    except OSError as err:
        raise PolicyKGError(f"{shard}: cannot read the shard a worker wrote (a shared folder?): {err}") from err
    for doc, start, size in zip(result.documents, accumulate(sizes, initial=0), sizes):
        doc.ntriples = data[start : start + size]
    return result


def write_shards(asserted: bytes, store: Path, folder: Path) -> list[Path]:
    """The rest of the graph as gzip-compressed N-Quads shards of SHARD_LINES lines, numbered after
    the workers' shards in ``folder``: the asserted triples the workers did not write (``asserted``:
    vocabularies, lines several documents share, the flow) in the default graph (an N-Quads line
    without a graph is its N-Triples line), then the inferences, once each, from the named graph of
    the built ``store``. What a SPARQL server's bulk loader reads in parallel; gzip headers carry no
    time, so the same graph gives the same bytes."""
    inferred = folder / "inferred.tmp"
    Store.read_only(str(store)).dump(str(inferred), RdfFormat.N_TRIPLES, from_graph=INFERRED_GRAPH)
    suffix = f" <{INFERRED_GRAPH.value}> .\n".encode()
    first = len(list(folder.glob("part-*.nq.gz")))
    shards: list[Path] = []
    with inferred.open("rb") as inferences:
        lines = chain(asserted.splitlines(keepends=True), (line[:-3] + suffix for line in inferences))
        for line in lines:  # each turn writes a shard: this line and the next SHARD_LINES - 1
            shards.append(shard_path(folder, first + len(shards)))
            with gzip.GzipFile(shards[-1], "wb", compresslevel=6, mtime=0) as out:
                out.write(line)
                out.writelines(islice(lines, SHARD_LINES - 1))
    inferred.unlink()
    return shards
