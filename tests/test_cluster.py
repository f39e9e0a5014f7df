"""The build on a Dask cluster (``--executor dask``): a local cluster of two worker processes builds
the bundled corpus, and its sharded N-Quads hold the local build's graph, byte for byte after
sorting, with the same problem report; `push` loads those shards into another store."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from distributed import LocalCluster
from pyoxigraph import RdfFormat, Store

from conftest import CORPUS, graph_bytes
from policykg.cli import main
from policykg.errors import PolicyKGError
from policykg.graph import executors
from policykg.graph.build import ChunkResult, Counts, DocumentResult, _chunks, build, corpus_files
from policykg.graph.parts import graph_parts
from policykg.graph.store import INFERRED_GRAPH
from policykg.queries.catalogue import run_remote
from policykg.queries.endpoint import free_port, push

pytestmark = pytest.mark.slow

DOC = "https://w3id.org/policykg/id/doc/"


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def on_cluster(cluster, tmp_path_factory):
    """The bundled corpus built on the cluster, the main process's shards of 2,000 lines (several, to
    test the split)."""
    out = tmp_path_factory.mktemp("cluster") / "build"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(executors, "SHARD_LINES", 2_000)
        return out, build(CORPUS, out, scheduler=cluster.scheduler_address)


def test_cluster_build_writes_the_local_graph_as_sharded_nquads(on_cluster, bundled):
    out, _ = on_cluster
    local, _ = bundled
    assert {p.name for p in out.iterdir()} >= {"kg", "outlines", "store"}
    assert not graph_parts(out)
    shards = sorted((out / "kg").iterdir())
    assert [p.name for p in shards] == [f"part-{i:05d}.nq.gz" for i in range(len(shards))]
    per_shard = [gzip.decompress(shard.read_bytes()).splitlines(keepends=True) for shard in shards]
    # a shard per chunk, written by its worker: its documents' own triples
    chunks = _chunks(corpus_files(CORPUS)[0], 2)
    for chunk, lines in zip(chunks, per_shard):
        subjects = {line.split(b" ", 1)[0] for line in lines}
        assert {f"<{DOC}{path.stem}>".encode() for path in chunk} <= subjects
        assert not any(INFERRED_GRAPH.value.encode() in line for line in lines)
    # then the main process's: vocabularies, shared lines, flow and inferences, in shards of SHARD_LINES
    rest = per_shard[len(chunks) :]
    assert len(rest) > 1 and [len(lines) for lines in rest[:-1]] == [2_000] * (len(rest) - 1)
    lines = [line for lines in per_shard for line in lines]
    # the local build: its graph's parts and the inferences, kept in its store's named graph
    inferred = Store.read_only(str(local / "store")).dump(format=RdfFormat.N_QUADS, from_graph=INFERRED_GRAPH)
    quads = [line[:-3] + f" <{INFERRED_GRAPH.value}> .\n".encode() for line in inferred.splitlines(keepends=True)]
    expected = graph_bytes(local).splitlines(keepends=True) + quads
    assert len(quads) > 1000
    assert sorted(lines) == sorted(expected)
    for outline in (local / "outlines").iterdir():
        assert (out / "outlines" / outline.name).read_bytes() == outline.read_bytes()


def one_triple_per_document(files: list[Path]) -> ChunkResult:
    return ChunkResult(
        [DocumentResult(p.name, "", f"<{DOC}{p.stem}> <{DOC}p> <{DOC}o> .\n".encode(), [], [], Counts()) for p in files]
    )


def test_a_worker_sends_back_no_triples_and_the_main_process_reads_them_from_its_shard(tmp_path):
    files = [CORPUS / "a.txt", CORPUS / "bb.txt"]
    result, sizes = executors._write_shard(one_triple_per_document, tmp_path, 7, files)
    assert [doc.ntriples for doc in result.documents] == [b"", b""]  # what travels through the scheduler
    assert [p.name for p in tmp_path.iterdir()] == ["part-00007.nq.gz"]  # no partial file left
    read = executors._read_shard(result, sizes, executors.shard_path(tmp_path, 7))
    assert [doc.ntriples for doc in read.documents] == [
        doc.ntriples for doc in one_triple_per_document(files).documents
    ]
    with pytest.raises(PolicyKGError, match="part-00008.nq.gz: cannot read the shard a worker wrote"):
        executors._read_shard(result, sizes, executors.shard_path(tmp_path, 8))


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


def test_push_loads_a_cluster_build_into_another_store(on_cluster, bundled, tmp_path):
    """``policykg push`` on a cluster build (shards, no kg/*.nt): the store it fills holds the local
    build's asserted graph as its default graph and the inferences in their named graph."""
    local, _ = bundled
    port = free_port()
    oxigraph = Path(sys.executable).with_name("oxigraph")
    command = [str(oxigraph), "serve", "--location", str(tmp_path / "other"), "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        assert main(["push", "--build", str(on_cluster[0]), "--endpoint", f"http://127.0.0.1:{port}/store"]) == 0
        query = "SELECT ?g (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?g"
        _, rows = run_remote(f"http://127.0.0.1:{port}/query", query)
    finally:
        server.terminate()
        server.wait(timeout=10)
    inferred = len(
        Store.read_only(str(local / "store")).dump(format=RdfFormat.N_TRIPLES, from_graph=INFERRED_GRAPH).splitlines()
    )
    asserted = len(graph_bytes(local).splitlines())
    assert {row["g"]: int(row["n"]) for row in rows} == {"": asserted, INFERRED_GRAPH.value: inferred}


def test_push_without_a_graph_says_so(tmp_path):
    with pytest.raises(PolicyKGError, match=r"no graph here, neither kg/\*.nt nor kg/part-"):
        push(tmp_path, "http://127.0.0.1:9/store")


def test_asking_shards_without_their_store_names_the_way(on_cluster, tmp_path, capsys):
    """The shards copied to where a server loads them, without the build's store: a question asked
    of the folder says to ask the server they are loaded into."""
    shutil.copytree(on_cluster[0] / "kg", tmp_path / "kg")
    assert main(["query", "documents_overview", "--build", str(tmp_path)]) == 2
    assert "only the graph's shards (kg/part-*.nq.gz)" in capsys.readouterr().err
