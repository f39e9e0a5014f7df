"""A page stays drawable at size: beyond the limit it shows the most connected nodes and says so."""

from __future__ import annotations

import re

import networkx as nx

from policykg.viz.render import MAX_NODES, LegendEntry, page


def test_a_large_network_is_limited_and_the_page_says_so():
    graph = nx.barabasi_albert_graph(3000, 2, seed=1)
    nx.set_node_attributes(graph, {n: {"label": f"措施{n}", "title": f"节点 {n}"} for n in graph})
    text = page("大网络", "A large network.", graph, [LegendEntry("措施", "#333")])
    shown = int(re.search(r'data-nodes="(\d+)"', text).group(1))
    assert shown == MAX_NODES
    assert f"Showing the {MAX_NODES} most connected of 3000 nodes" in text
    assert "physics" in text and '"enabled": false' in text  # positions are computed, not simulated


def test_a_small_network_is_drawn_whole():
    graph = nx.path_graph(12)
    text = page("小网络", "", graph, [])
    assert 'data-nodes="12"' in text
    assert "Showing the" not in text
