"""The figures of docs/SCALE.md: one generated corpus built on the local pool and on a local Dask
cluster of the same number of workers, then its sharded graph bulk-loaded into Virtuoso.

    .venv/bin/python -m bench.scale --documents 100 --workers 2

Prints one JSON object: wall seconds of each build, seconds by stage summed over the workers,
triples, shard bytes, and the load rates of Oxigraph (the build's own bulk load) and Virtuoso.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from distributed import LocalCluster

from bench.generate import generate
from bench.virtuoso import Virtuoso
from policykg.graph.build import build
from policykg.graph.parts import graph_parts


def measure(documents: int, workers: int, folder: Path) -> dict:
    corpus = folder / "corpus"
    generate(documents, corpus)
    figures: dict = {"documents": documents, "workers": workers}
    clock = time.perf_counter()
    local = build(corpus, folder / "local", workers=workers)
    figures["local_seconds"] = time.perf_counter() - clock
    figures["local_stages"] = local.seconds
    figures["triples"] = local.triples
    figures["cpu_by_stage"] = dict(local.counts.cpu)
    figures["kg_nt_bytes"] = sum(part.stat().st_size for part in graph_parts(folder / "local"))
    figures["oxigraph_store_bytes"] = sum(p.stat().st_size for p in (folder / "local" / "store").rglob("*"))
    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster:
        clock = time.perf_counter()
        sharded = build(corpus, folder / "cluster", scheduler=cluster.scheduler_address)
        figures["dask_seconds"] = time.perf_counter() - clock
    figures["dask_stages"] = sharded.seconds
    shards = sorted((folder / "cluster" / "kg").iterdir())
    figures["shard_bytes"] = sum(p.stat().st_size for p in shards)
    (folder / "virtuoso").mkdir()
    with Virtuoso(folder / "virtuoso", folder / "cluster" / "kg") as server:
        clock = time.perf_counter()
        quads = server.bulk_load("*.nq.gz")
        figures["virtuoso_load_seconds"] = time.perf_counter() - clock
        figures["virtuoso_quads"] = quads
    figures["virtuoso_db_bytes"] = (folder / "virtuoso" / "virtuoso.db").stat().st_size
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(json.dumps(measure(args.documents, args.workers, Path(folder)), indent=2))


if __name__ == "__main__":
    main()
