"""The build's per-document work on a Dask cluster, and the graph it writes there.

Dask (``distributed``) was chosen over Ray and Spark because it is pure Python from PyPI, runs the
build's own chunk function unchanged (Spark would need the work rewritten as a job of its own and a
JVM on every node; Ray brings a large native runtime), and starts the same way as a LocalCluster
in the test suite and as ``dask scheduler`` / ``dask worker`` (or dask-jobqueue on a batch system,
dask-kubernetes) at scale. The scheduler places the chunks, retries those whose worker died, and
moves the arguments and results; this module only submits the chunks and takes their results in
corpus order, so that the output is the local build's, byte for byte.

The workers read the documents by the paths this process gives: the corpus must be at the same path
on every worker (a shared file system), and policy-kg installed there.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from itertools import chain, islice
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
) -> Iterator:
    """``work`` of each chunk (``split`` of the files for the cluster's worker count), computed on
    the cluster at ``scheduler``, in corpus order."""
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
        client.register_plugin(_Setup(setup, setup_args), name="policykg-build")
        futures = client.map(work, split(files, len(threads)), pure=False, retries=RETRIES)
        try:
            for chunk, future in enumerate(futures):
                try:
                    yield future.result()
                except Exception as err:
                    raise PolicyKGError(f"the Dask cluster could not process chunk {chunk}: {err}") from err
                future.release()  # its result leaves the workers' memory
        finally:
            client.cancel(futures)
            client.unregister_worker_plugin("policykg-build")


def write_shards(asserted: Path, store: Path, folder: Path) -> list[Path]:
    """The graph as gzip-compressed N-Quads shards of SHARD_LINES lines (``part-00000.nq.gz``…): the
    asserted triples of ``asserted`` in the default graph (an N-Quads line without a graph is its
    N-Triples line), then the inferences, once each, from the named graph of the built ``store``.
    What a SPARQL server's bulk loader reads in parallel; gzip headers carry no time, so the same
    graph gives the same bytes."""
    folder.mkdir()
    inferred = folder / "inferred.tmp"
    Store.read_only(str(store)).dump(str(inferred), RdfFormat.N_TRIPLES, from_graph=INFERRED_GRAPH)
    suffix = f" <{INFERRED_GRAPH.value}> .\n".encode()
    shards: list[Path] = []
    with asserted.open("rb") as facts, inferred.open("rb") as inferences:
        lines = chain(facts, (line[:-3] + suffix for line in inferences))
        for first in lines:  # each turn writes a shard: this line and the next SHARD_LINES - 1
            shards.append(folder / f"part-{len(shards):05d}.nq.gz")
            with gzip.GzipFile(shards[-1], "wb", compresslevel=6, mtime=0) as out:
                out.write(first)
                out.writelines(islice(lines, SHARD_LINES - 1))
    inferred.unlink()
    return shards
