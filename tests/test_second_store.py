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


def assert_same_rows(stores, name: str, values: dict[str, str]) -> None:
    oxigraph, endpoint = stores
    query = load()[name]
    expected = run(oxigraph, query, values)
    answer = select(endpoint, with_values(query.text, bindings(query, values)))
    rows = [{c: row[c] for c in query.returns} for row in answer]
    assert Counter(tuple(r.values()) for r in rows) == Counter(tuple(r.values()) for r in expected), values
    assert rows or not expected


@pytest.mark.parametrize("name", sorted(load()))
def test_virtuoso_answers_like_oxigraph(stores, params, name):
    assert_same_rows(stores, name, params.get(name, load()[name].example))


ZONE_NAMES = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name WHERE {
  ?t pkg:scopeCluster/pkg:clusterZone ?z . ?z skos:prefLabel|skos:altLabel ?name . FILTER(lang(?name) = "zh")
} ORDER BY ?name"""


def test_a_zone_by_each_of_its_names_answers_alike(stores):
    """A zone's targets come both from the zone and through its clusters: each once on both stores,
    whichever of its names (full or short) asks for it."""
    names = [row["name"].value for row in stores[0].query(ZONE_NAMES)]
    assert len(names) > 5
    for name in names:
        assert_same_rows(stores, "cluster_or_zone_targets", {"name": name})
        assert_same_rows(stores, "industries_by_zone", {"zone": name})
