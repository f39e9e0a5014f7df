"""Positions computed in Python so that a graph opens legible: labels big enough, apart, all in view.

vis-network fits a graph to its window by zooming out; past a size that makes labels unreadable.
So every graph of the views is laid out here with its labels' sizes in mind and must fit a window at
a zoom that keeps labels at 12 px or more (:func:`fits`); the pages split what does not fit into
parts shown one at a time. Flows and outlines are layered left to right (networkx orders each layer
by its neighbours' positions); networks use networkx's spring layout, then labels are pushed apart.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

FONT = 14  # label font size in canvas units (vis-network's default)
MIN_SCALE = 0.9  # the zoom a part must open at, at least: labels drawn at 12.6 px
CANVAS = (1340, 640)  # the drawing area of a page at 1400 × 900, in pixels (the header takes the rest)
FIT_MARGIN = 1.1  # vis-network's fit() leaves a tenth of the range as margin
ROW = 32  # vertical pitch of a layered layout: a boxed label is about 27 units high
COLUMN_GAP = 90
DOT_SIZE = 10  # radius of a dot; its label is drawn below it


def text_width(text: str) -> float:
    """Width of a one-line label in canvas units: CJK and full-width characters are a font size
    wide, others about half of one."""
    return sum(FONT if ord(c) >= 0x2E80 else 0.55 * FONT for c in text)


def label_box(label: str, shape: str) -> tuple[float, float]:
    """Width and height of a node with its label: a box holds it with a margin of 5; a dot carries
    it underneath."""
    lines = label.split("\n") or [""]
    width = max(text_width(line) for line in lines)
    height = len(lines) * FONT * 1.2
    if shape == "box":
        return width + 10, height + 10
    return max(width, 2 * DOT_SIZE), 2 * (height + DOT_SIZE + 4)  # symmetric about the dot: its label hangs below


def max_extent() -> tuple[float, float]:
    """The largest graph, in canvas units, that fits the drawing area at :data:`MIN_SCALE`."""
    return CANVAS[0] / (FIT_MARGIN * MIN_SCALE), CANVAS[1] / (FIT_MARGIN * MIN_SCALE)


MAX_ROWS = int(max_extent()[1] // ROW)  # nodes in one column of a layered layout


def extent(positions: dict, boxes: dict) -> tuple[float, float]:
    """Width and height of the graph's bounding box, labels included."""
    if not positions:
        return 0.0, 0.0
    left = min(x - boxes[n][0] / 2 for n, (x, _) in positions.items())
    right = max(x + boxes[n][0] / 2 for n, (x, _) in positions.items())
    top = min(y - boxes[n][1] / 2 for n, (_, y) in positions.items())
    bottom = max(y + boxes[n][1] / 2 for n, (_, y) in positions.items())
    return right - left, bottom - top


def fits(positions: dict, boxes: dict) -> bool:
    """Whether the graph opens at :data:`MIN_SCALE` or closer."""
    width, height = extent(positions, boxes)
    most_width, most_height = max_extent()
    return width <= most_width and height <= most_height


def next_column(positions: dict, boxes: dict, column: list, neighbours) -> dict:
    """Place ``column`` to the right of ``positions``: ordered by the mean row of the neighbours
    already placed (the barycentre heuristic), each at that mean, pushed down just enough to clear
    the node above it; nodes with no placed neighbour go last."""
    right = max((x + boxes[n][0] / 2 for n, (x, _) in positions.items()), default=-COLUMN_GAP)
    width = max(boxes[n][0] for n in column)
    wanted = {}
    for n in column:
        placed = [positions[m][1] for m in neighbours(n) if m in positions]
        wanted[n] = sum(placed) / len(placed) if placed else None
    x = right + COLUMN_GAP + width / 2
    return {n: (x, y) for n, y in stacked(column, wanted, boxes).items()}


def stacked(column: list, wanted: dict, boxes: dict) -> dict:
    """Rows for a column: in the order of the wanted rows (None last), each at its wanted row or
    just below the node above it, clear of it."""
    ordered = sorted(column, key=lambda n: (wanted[n] is None, wanted[n] or 0.0))
    out, last = {}, None
    for n in ordered:
        pitch = max(ROW, (boxes[last][1] + boxes[n][1]) / 2 + 6) if last is not None else 0.0
        below = out[last] + pitch if last is not None else 0.0
        target = wanted[n] if wanted[n] is not None else below
        out[n] = target if last is None else max(target, below)
        last = n
    return out


def centred(positions: dict) -> dict:
    """Positions moved so the rows are centred on 0, rounded."""
    ys = [y for _, y in positions.values()] or [0.0]
    middle = (min(ys) + max(ys)) / 2
    return {n: (round(x, 1), round(y - middle, 1)) for n, (x, y) in positions.items()}


def layered(graph: nx.Graph, layer: dict, boxes: dict) -> dict:
    """Left to right by ``layer`` (0, 1, 2…): the first layer in the graph's node order, one row
    each; every next one by :func:`next_column`."""
    columns: dict[int, list] = {}
    for node in graph.nodes:
        columns.setdefault(layer[node], []).append(node)
    undirected = graph.to_undirected(as_view=True)
    positions: dict = {}
    for number in sorted(columns):
        column = columns[number]
        if positions:
            positions.update(next_column(positions, boxes, column, undirected.neighbors))
        else:
            width = max(boxes[n][0] for n in column)
            rows = stacked(column, dict.fromkeys(column), boxes)
            positions.update({n: (width / 2, rows[n]) for n in column})
    if len(columns) > 1:  # then the first column centred on what it leads to
        first = columns[min(columns)]
        wanted = {}
        for n in first:
            later = [positions[m][1] for m in undirected.neighbors(n) if m not in first]
            wanted[n] = sum(later) / len(later) if later else None
        x = positions[first[0]][0]
        positions.update({n: (x, y) for n, y in stacked(first, wanted, boxes).items()})
    return centred(positions)


def tree(graph: nx.DiGraph, root, boxes: dict) -> dict:
    """An outline as a tree, left to right: leaves on consecutive rows in document order (the graph's
    successor order), each parent centred on its children; columns by depth."""
    depth = nx.shortest_path_length(graph, root)
    y: dict = {}
    rows = iter(range(len(graph)))

    def place(node) -> float:
        children = [c for c in graph.successors(node) if depth.get(c) == depth[node] + 1]
        y[node] = sum(place(c) for c in children) / len(children) if children else next(rows) * ROW
        return y[node]

    place(root)
    widths: dict[int, float] = {}
    for n, d in depth.items():
        widths[d] = max(widths.get(d, 0.0), boxes[n][0])
    lefts, x = {}, 0.0
    for d in sorted(widths):
        lefts[d] = x
        x += widths[d] + COLUMN_GAP
    return centred({n: (lefts[depth[n]] + widths[depth[n]] / 2, y[n]) for n in y})


def spread(graph: nx.Graph, boxes: dict, centre=None) -> dict:
    """A network: networkx's spring layout (seeded; ``centre`` pinned in the middle), scaled so
    that the average node has room for its label, then labels pushed apart until none overlap."""
    if len(graph) == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    pinned = centre is not None
    raw = nx.spring_layout(
        graph,
        seed=7,
        iterations=100,
        weight="weight",
        fixed=[centre] if pinned else None,
        pos={centre: (0.0, 0.0)} if pinned else None,
    )
    area = sum((boxes[n][0] + 40) * (boxes[n][1] + 20) for n in graph)
    aspect = CANVAS[0] / CANVAS[1]
    half_width = (area * aspect) ** 0.5 / 2
    positions = {n: [float(x) * half_width, float(y) * half_width / aspect] for n, (x, y) in raw.items()}
    return separate(positions, boxes, centre)


def separate(positions: dict, boxes: dict, pinned=None, gap: float = 6.0, rounds: int = 200) -> dict:
    """Push overlapping label boxes apart along the axis where they overlap least, half each way
    (all pairs at once, numpy), until no two overlap or ``rounds`` pass; ``pinned`` stays put and
    the other of its pair goes the whole way."""
    nodes = sorted(positions, key=str)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    half = np.array([boxes[n] for n in nodes], dtype=float) / 2
    moving = np.array([n != pinned for n in nodes], dtype=float)[:, None]
    share = 1 - moving.T / 2  # [i, j]: half of the push, all of it when j is pinned
    order = np.sign(np.arange(len(nodes))[None, :] - np.arange(len(nodes))[:, None])  # ties: by index
    for _ in range(rounds):
        apart = xy[None, :, :] - xy[:, None, :]  # [i, j] = j - i
        need = half[:, None, :] + half[None, :, :] + gap - np.abs(apart)
        crossing = (need[..., 0] > 2) & (need[..., 1] > 2)  # closer than the gap by more than rounding
        np.fill_diagonal(crossing, False)
        if not crossing.any():
            break
        along_x = need[..., 0] < need[..., 1]
        sign = np.where(apart != 0, np.sign(apart), order[..., None])
        push = np.zeros_like(apart)
        push[..., 0] = np.where(crossing & along_x, need[..., 0], 0.0) * sign[..., 0]
        push[..., 1] = np.where(crossing & ~along_x, need[..., 1], 0.0) * sign[..., 1]
        xy -= (push * share[..., None]).sum(axis=1) * moving
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy, strict=True)}
