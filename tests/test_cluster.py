"""The build on a Dask cluster (``--executor dask``): a local cluster of two worker processes builds
the bundled corpus, and its sharded N-Quads hold the local build's graph, byte for byte after
sorting, with the same problem report."""

from __future__ import annotations

import gzip
from dataclasses import replace

import pytest
from distributed import LocalCluster
from pyoxigraph import RdfFormat, Store

from conftest import CORPUS
from policykg.cli import main
from policykg.errors import PolicyKGError
from policykg.graph import executors
from policykg.graph.build import build
from policykg.graph.store import INFERRED_GRAPH

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def on_cluster(cluster, tmp_path_factory):
    """The bundled corpus built on the cluster, in shards of 20,000 lines (several, to test the split)."""
    out = tmp_path_factory.mktemp("cluster") / "build"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(executors, "SHARD_LINES", 20_000)
        return out, build(CORPUS, out, scheduler=cluster.scheduler_address)


def test_cluster_build_writes_the_local_graph_as_sharded_nquads(on_cluster, bundled):
    out, _ = on_cluster
    local, _ = bundled
    assert {p.name for p in out.iterdir()} == {".policykg", "kg", "outlines", "store"}
    shards = sorted((out / "kg").iterdir())
    assert [p.name for p in shards] == [f"part-{i:05d}.nq.gz" for i in range(len(shards))]
    assert len(shards) > 1
    per_shard = [gzip.decompress(shard.read_bytes()).splitlines(keepends=True) for shard in shards]
    assert [len(lines) for lines in per_shard[:-1]] == [20_000] * (len(shards) - 1)
    lines = [line for lines in per_shard for line in lines]
    # the local build: kg.nt and the inferences, kept in its store's named graph
    inferred = Store.read_only(str(local / "store")).dump(format=RdfFormat.N_QUADS, from_graph=INFERRED_GRAPH)
    quads = [line[:-3] + f" <{INFERRED_GRAPH.value}> .\n".encode() for line in inferred.splitlines(keepends=True)]
    expected = (local / "kg.nt").read_bytes().splitlines(keepends=True) + quads
    assert len(quads) > 1000
    assert sorted(lines) == sorted(expected)
    for outline in (local / "outlines").iterdir():
        assert (out / "outlines" / outline.name).read_bytes() == outline.read_bytes()


def test_cluster_build_reports_what_the_local_build_reports(on_cluster, bundled):
    _, summary = on_cluster
    _, local = bundled
    assert summary.problems == local.problems and summary.problems  # the chains' numbering warnings
    assert summary.skipped == local.skipped
    assert replace(summary.counts, cpu=None) == replace(local.counts, cpu=None)
    assert (summary.triples, summary.consistent, summary.inferred, summary.alignments) == (
        local.triples,
        local.consistent,
        local.inferred,
        local.alignments,
    )
    assert summary.counts.cpu["extract"] > 0  # the workers' stage times came back


def test_cluster_store_answers_like_the_local_store(on_cluster, bundled):
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    counts = [next(iter(Store.read_only(str(out / "store")).query(query)))["n"] for out in (on_cluster[0], bundled[0])]
    assert counts[0] == counts[1]


def test_an_unreachable_scheduler_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(executors, "CONNECT_SECONDS", 2)
    with pytest.raises(PolicyKGError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build(CORPUS, tmp_path / "build", scheduler="tcp://127.0.0.1:9")
    assert not (tmp_path / "build").exists()


def test_the_executor_and_the_scheduler_go_together(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path / "b"), "--executor", "dask"]) == 2
    assert "--executor dask needs --scheduler" in capsys.readouterr().err
    assert main(["build", "--out", str(tmp_path / "b"), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert not (tmp_path / "b").exists()
