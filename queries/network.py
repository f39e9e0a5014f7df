"""Who carries which measure, and where each measure comes from: the graph views of the store.

A plan spreads its work over many agencies in several roles. As a graph the auditor's questions become
graph questions: which agency carries most of the work (load), which agencies keep being named together
(co-responsibility), which groups of agencies share the work (communities), and from which provincial or
national document a city measure descends (the policy flow). Everything is read through the SPARQL of
``queries/analyses/``; the functions return networkx graphs and plain records, and only
:func:`write_network` writes a file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TypeVar

import networkx as nx
from pyoxigraph import Store

from policykg.publish import write_text
from policykg.queries.store_rows import annex_row_node, rows, stem

ROLES = ("lead", "support", "responsible", "implementer", "coordinator")
LEVELS = {"national": 4, "provincial": 3, "municipal": 2, "countylevel": 1}
# A document is based on its main source, mirrors (repeats the title of) an upper one it does not cite,
# and only cites the others: the order in which the walk to a measure's source prefers them.
RELATIONS = {"based_on": 0, "mirrors": 1, "cites": 2}
FORMATS = ("graphml", "gexf")
NETWORKS = ("responsibility", "co-responsibility", "flow")
_Graph = TypeVar("_Graph", bound=nx.Graph)


def _row_label(quote: str) -> str:
    cells = [c.strip() for c in quote.splitlines() if c.strip()]
    return next((c for c in cells if not re.fullmatch(r"[\d一二三四五六七八九十]+", c)), quote[:20])


def responsibility_network(store: Store) -> nx.MultiDiGraph:
    """The bipartite agency → measure graph: one edge per responsibility (key: its IRI).

    Nodes have ``kind`` (``agency``, ``measure``, or ``annex-row`` for an annex row that matches no
    item), ``label_zh``, ``label_en``, ``document`` (file stems, ``; ``-joined for an agency) and
    ``city``; measures also ``path`` and ``title``. Edges have ``role``, ``rank``, ``joint``, ``source``
    and ``quote`` (the exact text the responsibility was read from).
    """
    items = {r["item"]: r for r in rows(store, "items")}
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(name="responsibility network")
    documents: dict[str, set[str]] = defaultdict(set)
    for r in rows(store, "responsibilities"):
        doc = stem(r["source_file"])
        documents[r["agency"]].add(doc)
        if r["agency"] not in graph:
            graph.add_node(r["agency"], kind="agency", label_zh=r["agency_zh"], label_en=r["agency_en"], city=r["city"])
        item = items.get(r["measure"])
        node = r["measure"] if item else annex_row_node(r)
        if node not in graph:
            graph.add_node(
                node,
                kind="measure" if item else "annex-row",
                label_zh=(item["title"] or item["text"][:20]) if item else _row_label(r["quote"]),
                label_en="",
                document=doc,
                city=item["city"] if item else r["city"],
                path=item["path"] if item else "",
                title=item["title"] if item else "",
            )
        graph.add_edge(
            r["agency"],
            node,
            key=r["responsibility"],
            role=r["role"],
            rank=int(r["rank"]),
            joint=r["joint"] == "true",
            source=r["source"],
            quote=r["quote"],
            document=doc,
        )
    for agency, docs in documents.items():
        graph.nodes[agency]["document"] = "; ".join(sorted(docs))
    return _sorted_copy(graph)


def co_responsibility(network: nx.MultiDiGraph) -> nx.Graph:
    """Agency–agency projection: an edge for agencies named for the same measure, weight = shared measures.

    Every role counts: an agency that supports a measure works on it with the one that leads it.
    """
    projection: nx.Graph[str] = nx.Graph(name="co-responsibility")
    for node, data in sorted(network.nodes(data=True)):
        if data["kind"] == "agency":
            projection.add_node(node, **data)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node, data in sorted(network.nodes(data=True)):
        if data["kind"] != "agency":
            agencies = sorted({u for u, _ in network.in_edges(node)})
            for pair in combinations(agencies, 2):
                shared[pair].append(node)
    for (a, b), measures in sorted(shared.items()):
        projection.add_edge(a, b, weight=len(measures), measures=tuple(measures))
    return projection


@dataclass(frozen=True)
class AgencyLoad:
    """How much one agency carries: assignments by role, distinct measures, and its place in the projection."""

    agency: str
    label_zh: str
    label_en: str
    city: str
    lead: int
    support: int
    responsible: int
    implementer: int
    coordinator: int
    measures: int
    weighted_degree: int
    betweenness: float


def agency_load(network: nx.MultiDiGraph, projection: nx.Graph | None = None) -> list[AgencyLoad]:
    """Each agency's load, most leads first within each city.

    Role counts are assignments (as ``exports/agencies.rq`` counts them); the weighted degree sums the
    projection's weights; betweenness is computed on the projection with distance 1/weight, so agencies
    that often work together are close.
    """
    projection = co_responsibility(network) if projection is None else projection
    betweenness = nx.betweenness_centrality(_distances(projection), weight="distance", normalized=True)
    loads = []
    for node, data in network.nodes(data=True):
        if data["kind"] != "agency":
            continue
        counts = dict.fromkeys(ROLES, 0)
        for _, _, edge in network.out_edges(node, data=True):
            counts[edge["role"]] += 1
        loads.append(
            AgencyLoad(
                agency=node,
                label_zh=data["label_zh"],
                label_en=data["label_en"],
                city=data["city"],
                **counts,
                measures=len(set(network.successors(node))),
                weighted_degree=int(projection.degree(node, weight="weight")),
                betweenness=round(betweenness.get(node, 0.0), 6),
            )
        )
    return sorted(loads, key=lambda a: (a.city, -a.lead, -a.responsible, -a.measures, a.label_zh))


def _distances(projection: nx.Graph) -> nx.Graph:
    """The projection with a ``distance`` of 1/weight on each edge: agencies that often work together are close."""
    distances = projection.copy()  # its own edge attributes: the projection is left as it is
    for _, _, data in distances.edges(data=True):
        data["distance"] = 1 / data["weight"]
    return distances


def communities(projection: nx.Graph, seed: int = 7) -> list[tuple[str, ...]]:
    """Groups of agencies that share measures (Louvain on the weights, fixed seed), largest first.

    Deterministic: the projection is built in sorted order and the seed is fixed.
    """
    parts = nx.community.louvain_communities(projection, weight="weight", seed=seed)
    return sorted((tuple(sorted(p)) for p in parts), key=lambda p: (-len(p), p))


def flow_graph(store: Store) -> nx.DiGraph:
    """How policy flows: cited documents → city documents → sections → measures → agencies and places.

    Edges carry ``relation``: ``based_on`` or ``cites`` (source → document), ``contains`` (document →
    item, item → sub-item), ``assigns`` (item → agency, with ``roles``) and ``names`` (item → place).
    """
    flow: nx.DiGraph[str] = nx.DiGraph(name="policy flow")
    for d in rows(store, "documents"):
        flow.add_node(
            d["document"],
            kind="document" if d["source_file"] else "source",
            label_zh=d["title"] or d["number"],
            label_en="",
            document=stem(d["source_file"]),
            city=d["city"],
            level=d["level"],
            number=d["number"],
        )
    for c in rows(store, "citations"):
        flow.add_edge(c["cited"], c["document"], relation=c["relation"])
    items = rows(store, "items")
    for i in items:
        flow.add_node(
            i["item"],
            kind="measure" if i["is_measure"] == "true" else "section",
            label_zh=f"{i['path']} {i['title']}".strip(),
            label_en="",
            document=stem(i["source_file"]),
            city=i["city"],
            path=i["path"],
        )
    for i in items:
        flow.add_edge(i["parent"] or i["document"], i["item"], relation="contains")
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows(store, "responsibilities"):
        node = r["measure"]
        if not node:
            node = annex_row_node(r)
            flow.add_node(
                node, kind="annex-row", label_zh=_row_label(r["quote"]), label_en="", document=stem(r["source_file"])
            )
            flow.add_edge(r["document"], node, relation="contains")
        flow.add_node(r["agency"], kind="agency", label_zh=r["agency_zh"], label_en=r["agency_en"], city=r["city"])
        roles[(node, r["agency"])].add(r["role"])
    for (node, agency), names in roles.items():
        flow.add_edge(node, agency, relation="assigns", roles="; ".join(sorted(names)))
    for p in rows(store, "places"):
        flow.add_node(p["place"], kind="place", label_zh=p["place_zh"], label_en=p["place_en"], place_kind=p["kind"])
        flow.add_edge(p["item"], p["place"], relation="names")
    return _sorted_copy(flow)


def build_network(store: Store, kind: str = "responsibility") -> nx.Graph:
    """One of the graphs by name (:data:`NETWORKS`), e.g. for ``policykg export network``."""
    if kind == "responsibility":
        return responsibility_network(store)
    if kind == "co-responsibility":
        return co_responsibility(responsibility_network(store))
    if kind == "flow":
        return flow_graph(store)
    raise ValueError(f"unknown network {kind!r} ({', '.join(NETWORKS)})")


def path_to_source(flow: nx.DiGraph, measure: str) -> list[str]:
    """The path from a measure up through its sections and document to its highest source.

    At a document the source it is based on is preferred to one it only cites, then the higher level
    of government; the walk goes on from there (a provincial plan may itself rest on a national one).

    >>> flow = nx.DiGraph()
    >>> flow.add_nodes_from([("law", {"level": "national"}), ("plan", {"level": "provincial"})])
    >>> flow.add_edges_from([("law", "doc", {"relation": "cites"}), ("plan", "doc", {"relation": "based_on"})])
    >>> flow.add_edges_from([("doc", "2", {"relation": "contains"}), ("2", "2-p3", {"relation": "contains"})])
    >>> path_to_source(flow, "2-p3")
    ['2-p3', '2', 'doc', 'plan']
    """
    if measure not in flow:
        raise nx.NodeNotFound(f"{measure} is not in the flow graph")
    path = [measure]
    while True:
        upward = [
            (RELATIONS.get(data["relation"], -1), -LEVELS.get(flow.nodes[p].get("level", ""), 0), p)
            for p, _, data in flow.in_edges(path[-1], data=True)
            if data.get("relation") in ("contains", *RELATIONS) and p not in path
        ]
        if not upward:
            return path
        path.append(min(upward)[2])


def _plain(value) -> str | int | float | bool:
    """An attribute value GraphML and GEXF can hold.

    >>> [_plain(None), _plain(("a", "b")), _plain(True), _plain(2)]
    ['', 'a; b', True, 2]
    """
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(v) for v in (sorted(value) if isinstance(value, set | frozenset) else value))
    return str(value)


def _sorted_copy(graph: _Graph) -> _Graph:
    """The same graph with nodes and edges inserted in sorted order (deterministic output)."""
    copy = graph.__class__(**graph.graph)
    copy.add_nodes_from(sorted(graph.nodes(data=True), key=lambda n: n[0]))
    if isinstance(graph, nx.MultiGraph):
        for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
            copy.add_edge(u, v, key=key, **data)
    else:
        copy.add_edges_from(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])))
    return copy


def write_network(graph: nx.Graph, path: Path | str, fmt: str | None = None) -> Path:
    """Write a graph as GraphML or GEXF (``fmt``, else the file suffix); the same graph gives the same bytes.

    Attribute values become str, int, float or bool (None becomes ""), nodes get a ``label`` (their
    Chinese label) for viewers such as Gephi, and the file is written to a temporary name then renamed.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown network format {fmt!r} (graphml or gexf)")
    plain = graph.__class__()
    plain.graph.update({k: _plain(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        attrs = {k: _plain(v) for k, v in data.items()}
        attrs["label"] = attrs.get("label_zh") or str(node)
        plain.add_node(node, **attrs)
    if isinstance(graph, nx.MultiGraph):
        for u, v, key, data in graph.edges(keys=True, data=True):
            plain.add_edge(u, v, key=key, **{k: _plain(x) for k, x in data.items()})
    else:
        for u, v, data in graph.edges(data=True):
            plain.add_edge(u, v, **{k: _plain(x) for k, x in data.items()})
    plain = _sorted_copy(plain)
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(plain, encoding="utf-8", prettyprint=True)) + "\n"
    else:
        text = "\n".join(nx.generate_gexf(plain, encoding="utf-8", prettyprint=True)) + "\n"
        text = re.sub(r' lastmodifieddate="[^"]*"', "", text)  # the writer stamps today's date
    return write_text(path, text)
