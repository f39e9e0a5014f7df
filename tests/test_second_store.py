"""The whole catalogue on a second SPARQL 1.1 store: Virtuoso (open source, Debian's
virtuoso-opensource), started by the test on a temporary database and free ports and stopped after.
The bundled corpus is built on a local Dask cluster, its sharded N-Quads bulk-loaded into Virtuoso
(the loader a user at scale runs), and every question, with the parameters the benchmark picks from
the graph, must answer with the rows Oxigraph gives (as a multiset: Virtuoso does not sort Chinese
text by code point). queries/PLANNING.md lists the portability rules the questions follow."""

from __future__ import annotations

from collections import Counter

import pytest
from distributed import LocalCluster
from pyoxigraph import Store

from bench.params import pick
from bench.virtuoso import Virtuoso, available, select
from conftest import CORPUS
from policykg.graph.build import build
from policykg.queries.catalogue import bindings, load, run, with_values

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not available(), reason="virtuoso-opensource is not installed (make system-deps)"),
]

# Questions Virtuoso 7.2 does not answer as SPARQL says, with what it does.
VIRTUOSO_DEFECTS = {
    "cluster_or_zone_targets": "no rows: a FILTER EXISTS over the zone's other names, with the name parameter, "
    "is never true",
    "functional_types_across_cities": "no rows: STR() of a parameter turns its Chinese characters into '?'",
    "agency_load_by_document": "over 120 s: the join does not start from the label computed from the parameter "
    "(STRLANG); the same query with the tagged label in a VALUES block answers in 0.1 s",
}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """(Oxigraph store, Virtuoso endpoint) holding the same build; Virtuoso stopped afterwards."""
    folder = tmp_path_factory.mktemp("second-store")
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        build(CORPUS, folder / "build", scheduler=cluster.scheduler_address)
    (folder / "virtuoso").mkdir()
    with Virtuoso(folder / "virtuoso", folder / "build" / "kg") as server:
        quads = server.bulk_load("*.nq.gz")
        oxigraph = Store.read_only(str(folder / "build" / "store"))
        assert quads >= len(oxigraph)  # Virtuoso's own system graphs come on top
        yield oxigraph, server.endpoint
    assert server.process.poll() is not None  # nothing left running


@pytest.fixture(scope="module")
def params(stores):
    return pick(stores[0])


@pytest.mark.parametrize("name", sorted(load()))
def test_virtuoso_answers_like_oxigraph(stores, params, name):
    if name in VIRTUOSO_DEFECTS:
        pytest.xfail(VIRTUOSO_DEFECTS[name])
    oxigraph, endpoint = stores
    query = load()[name]
    values = params.get(name, query.example)
    expected = run(oxigraph, query, values)
    answer = select(endpoint, with_values(query.text, bindings(query, values)))
    rows = [{c: row[c] for c in query.returns} for row in answer]
    assert Counter(tuple(r.values()) for r in rows) == Counter(tuple(r.values()) for r in expected)
    assert rows or not expected
