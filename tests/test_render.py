"""Legible by construction: layouts keep labels apart and every part of a view fits the window at a
readable zoom, however big the graph it comes from; overlap topics are packed into pages that each
open at once."""

from __future__ import annotations

import networkx as nx

from policykg.queries.near_duplicates import Topic, TopicMeasure
from policykg.viz.layout import MAX_ROWS, fits, layered, separate, spread, tree
from policykg.viz.pages import PAGE_MEASURES, shown_measures, topic_pages
from policykg.viz.render import LegendEntry, Part, boxes_of, fitted, numbered, templates


def overlapping(positions: dict, boxes: dict) -> list[tuple]:
    nodes = sorted(positions, key=str)
    return [
        (a, b)
        for i, a in enumerate(nodes)
        for b in nodes[i + 1 :]
        if abs(positions[a][0] - positions[b][0]) < (boxes[a][0] + boxes[b][0]) / 2
        and abs(positions[a][1] - positions[b][1]) < (boxes[a][1] + boxes[b][1]) / 2
    ]


def fan(n: int) -> nx.DiGraph:
    """A document with ``n`` tasks, each led by one of a few agencies."""
    graph = nx.DiGraph()
    graph.add_node("doc", label="驻马店市2021年工业经济高质量发展工作方案", shape="box")
    for i in range(n):
        graph.add_node(f"t{i}", label=f"（{i}）加快推进重点项目建设", shape="box")
        graph.add_node(f"a{i % 7}", label=f"市第{i % 7}局", shape="box")
        graph.add_edge("doc", f"t{i}")
        graph.add_edge(f"t{i}", f"a{i % 7}")
    return graph


def layer_of(graph: nx.DiGraph) -> dict:
    return {n: 0 if n == "doc" else (1 if n.startswith("t") else 2) for n in graph}


def test_a_layered_layout_keeps_boxes_apart_and_a_tall_one_does_not_fit():
    small, big = fan(MAX_ROWS - 2), fan(3 * MAX_ROWS)
    positions = layered(small, layer_of(small), boxes_of(small))
    assert overlapping(positions, boxes_of(small)) == []
    assert fits(positions, boxes_of(small))
    assert not fits(layered(big, layer_of(big), boxes_of(big)), boxes_of(big))


def test_fitted_cuts_units_into_runs_that_each_fit_and_cover_them_all():
    tasks = list(range(100))

    def build(run):
        graph = nx.DiGraph()
        graph.add_node("doc", label="文件", shape="box")
        for i in run:
            graph.add_node(i, label=f"任务{i}", shape="box")
            graph.add_edge("doc", i)
        return Part("p", graph, layered(graph, {n: 0 if n == "doc" else 1 for n in graph}, boxes_of(graph)))

    parts = fitted(tasks, build)
    assert 100 / MAX_ROWS <= len(parts) <= 2 * 100 / MAX_ROWS + 1
    assert [n for p in parts for n in p.graph if n != "doc"] == tasks  # in order, each once
    assert all(fits(p.positions, boxes_of(p.graph)) for p in parts)
    assert [p.name for p in numbered(parts)][:2] == [f"p (1/{len(parts)})", f"p (2/{len(parts)})"]


def test_a_tree_puts_leaves_on_their_own_rows_and_parents_between_their_children():
    graph = nx.DiGraph([("doc", "一"), ("一", "（一）"), ("一", "（二）"), ("doc", "二"), ("二", "（三）")])
    nx.set_node_attributes(graph, "box", "shape")
    nx.set_node_attributes(graph, {n: n for n in graph}, "label")
    positions = tree(graph, "doc", boxes_of(graph))
    rows = [positions[n][1] for n in ("（一）", "（二）", "（三）")]
    assert rows == sorted(rows) and len(set(rows)) == 3
    assert positions["一"][1] == (positions["（一）"][1] + positions["（二）"][1]) / 2
    assert positions["doc"][0] < positions["一"][0] < positions["（一）"][0]
    assert overlapping(positions, boxes_of(graph)) == []


def test_a_network_is_spread_with_no_label_over_another():
    graph = nx.barabasi_albert_graph(30, 2, seed=1)
    nx.set_node_attributes(graph, {n: f"市第{n}局" for n in graph}, "label")
    boxes = boxes_of(graph)
    positions = spread(graph, boxes, centre=0)
    assert positions[0] == (0.0, 0.0)  # the centre stays put
    assert overlapping(positions, boxes) == []
    assert fits(positions, boxes)


def test_separate_pushes_stacked_labels_apart():
    boxes = {n: (60.0, 20.0) for n in "abc"}
    positions = separate({n: [0.0, 0.0] for n in "abc"}, boxes)
    assert overlapping(positions, boxes) == []


def test_pages_escape_text_and_carry_it_as_json():
    hostile = "</script><script>alert(1)</script>"
    graph = nx.Graph()
    graph.add_node("a", label=hostile, title=hostile)
    part = Part(hostile, graph, {"a": (0.0, 0.0)}, (LegendEntry(hostile, "#c33"),))
    page = templates().get_template("view.html").render(
        root="", data={"parts": [part.as_json()], "options": {}}, parts=[part, part], shown=1,
        title=hostile, question=hostile, links=[], legend=[LegendEntry(hostile, "#c33")],
    )  # fmt: skip
    assert page.count("<script") == 3  # vis-network, the data and the view's script: none from the text
    assert "&lt;/script&gt;" in page and "\\u003c/script\\u003e" in page


def test_topics_are_packed_into_pages_a_big_topic_cut_across_several():
    def topic(n: int, size: int) -> tuple[int, Topic, bool]:
        measures = tuple(TopicMeasure(f"m{n}-{i}", "doc", "市", "一", "标题", ("条款",)) for i in range(size))
        return n, Topic(f"主题{n}", 0.5, measures), False

    topics = [topic(1, 2 * PAGE_MEASURES + 10), topic(2, 3), topic(3, PAGE_MEASURES - 5), topic(4, 1)]
    pages = topic_pages(topics)
    sizes = [sum(len(t.measures) for _, t, _ in page) for page in pages]
    assert sizes == [PAGE_MEASURES, PAGE_MEASURES, 13, PAGE_MEASURES - 4]  # topic 3 does not fit after 1 and 2
    shown = [m.measure for page in pages for _, t, _ in page for m in t.measures]
    assert shown == [m.measure for _, t, _ in topics for m in t.measures]  # each once, in order
    assert [[n for n, _, _ in page] for page in pages] == [[1], [1], [1, 2], [3, 4]]
    first, whole = PAGE_MEASURES + 1, 2 * PAGE_MEASURES + 10
    assert shown_measures(pages[1][0][1], topics[0][1]) == f"措施 measures {first}–{2 * PAGE_MEASURES} / {whole}"
    assert shown_measures(pages[3][0][1], topics[2][1]) == ""  # a topic whole on its page
