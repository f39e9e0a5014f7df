"""Everything the views draw, gathered once from the store: the views never query it themselves.
The auditor's findings are not among them: `policykg report` writes those."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from pyoxigraph import Store

from policykg.queries.catalogue import load, run
from policykg.queries.near_duplicates import Topic, topics
from policykg.queries.network import AgencyLoad, agency_load, co_responsibility, flow_graph, responsibility_network
from policykg.queries.store_rows import rows
from policykg.queries.target_checks import StoredTarget, targets


@dataclass
class Overview:
    documents: list[dict[str, str]]  # corpus documents: document, source_file, title, number, level, city, date
    network: nx.MultiDiGraph  # agency -> measure, one edge per responsibility
    projection: nx.Graph  # agency -- agency, weight = shared measures
    loads: dict[str, AgencyLoad]  # by agency IRI
    agencies: dict[str, dict[str, str]]  # by agency IRI: names, city, kind, resolved
    flow: nx.DiGraph
    topics: list[Topic]
    targets: list[StoredTarget]
    clusters: list[dict[str, str]]  # cluster, zone, industry, code and one of its targets per row


def overview(store: Store) -> Overview:
    network = responsibility_network(store)
    projection = co_responsibility(network)
    return Overview(
        documents=[d for d in rows(store, "documents") if d["source_file"]],
        network=network,
        projection=projection,
        loads={load.agency: load for load in agency_load(network, projection)},
        agencies={a["agency"]: a for a in rows(store, "agencies")},
        flow=flow_graph(store),
        topics=topics(store),
        targets=targets(store),
        clusters=run(store, load()["clusters"]),
    )
