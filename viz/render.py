"""Pages from jinja2 templates (autoescaped), and graphs cut into parts that each open legible.

A view's graph is shown one part at a time (a document's section, an agency's partners, a
community): every part is laid out in Python (:mod:`policykg.viz.layout`) and must fit the window at
a zoom where labels stay readable; :func:`fitted` cuts a sequence of units (tasks, documents,
agencies) into the longest runs that do. The page holds every part as JSON and draws them with
vis-network, shipped beside the pages (the copy pyvis carries), so nothing loads from the network.
Text from documents reaches a page only through autoescaping or ``tojson``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment

from policykg.publish import write_text
from policykg.templating import environment
from policykg.viz.layout import fits, label_box

FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif'
_HERE = Path(__file__).resolve().parent
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
ASSETS = {
    "vis-network.min.js": _VIS / "vis-network.min.js",
    "vis-network.css": _VIS / "vis-network.css",
    "view.js": _HERE / "assets" / "view.js",
    "view.css": _HERE / "assets" / "view.css",
}
NODE_KEYS = ("label", "title", "color", "shape", "size", "url", "borderWidth")
EDGE_KEYS = ("title", "color", "dashes", "width", "arrows")


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    shape: str = "dot"  # dot | box | diamond | triangle | line | dashes


@dataclass(frozen=True)
class Part:
    """One legible piece of a view's graph, positions computed."""

    name: str
    graph: nx.Graph
    positions: dict
    legend: tuple[LegendEntry, ...] = ()

    def as_json(self) -> dict:
        nodes = []
        for node in self.graph.nodes:
            attrs = {k: v for k, v in self.graph.nodes[node].items() if k in NODE_KEYS}
            x, y = self.positions[node]
            nodes.append({"id": str(node), "x": x, "y": y, **attrs})
        edges = [
            {"from": str(u), "to": str(v), **{k: val for k, val in data.items() if k in EDGE_KEYS}}
            for u, v, data in self.graph.edges(data=True)
        ]
        legend = [{"label": e.label, "color": e.color, "shape": e.shape} for e in self.legend]
        return {"name": self.name, "nodes": nodes, "edges": edges, "legend": legend}


def boxes_of(graph: nx.Graph) -> dict:
    """Each node's size with its label, as vis-network will draw it."""
    return {n: label_box(d.get("label", ""), d.get("shape", "dot")) for n, d in graph.nodes(data=True)}


def fitted(units: Sequence, build: Callable[[Sequence], Part]) -> list[Part]:
    """Cut ``units`` into consecutive runs, each the longest whose part still fits the window
    (found by doubling, then halving); a single unit that cannot fit is a part of its own."""
    parts, start = [], 0
    while start < len(units):
        good, good_end = build(units[start : start + 1]), start + 1
        step = 1
        while good_end < len(units):
            end = min(len(units), good_end + step)
            trial = build(units[start:end])
            if not fits(trial.positions, boxes_of(trial.graph)):
                break
            good, good_end, step = trial, end, step * 2
        else:
            step = 0
        while step > 1:  # the last doubling failed: halve the step between good_end and good_end + step
            step //= 2
            end = min(len(units), good_end + step)
            if end == good_end:
                continue
            trial = build(units[start:end])
            if fits(trial.positions, boxes_of(trial.graph)):
                good, good_end = trial, end
        parts.append(good)
        start = good_end
    return parts


def numbered(parts: list[Part]) -> list[Part]:
    """Parts of the same name numbered (1/3, 2/3, 3/3) so the selector tells them apart."""
    counts: dict[str, int] = {}
    for p in parts:
        counts[p.name] = counts.get(p.name, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for p in parts:
        if counts[p.name] > 1:
            seen[p.name] = seen.get(p.name, 0) + 1
            p = Part(f"{p.name} ({seen[p.name]}/{counts[p.name]})", p.graph, p.positions, p.legend)
        out.append(p)
    return out


@cache
def templates() -> Environment:
    env = environment(_HERE / "templates")
    env.globals["FONTS"] = FONTS
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def render(template: str, out: Path, **context) -> Path:
    """Write one page from its template; ``root`` is the relative way back to the pages' folder."""
    return write_text(out, templates().get_template(template).render(**context))


def copy_assets(folder: Path) -> None:
    """Ship vis-network and the views' script and style beside the pages."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in ASSETS.items():
        shutil.copyfile(source, folder / name)
