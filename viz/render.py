"""One interactive network page: a networkx graph drawn with pyvis, offline and safe.

pyvis's "in_line" mode inlines vis-network, but its template still links bootstrap from a CDN:
those tags are removed and the page is checked to load nothing from anywhere. Positions are
computed here (physics off), so a page opens at once whatever its size. Text from documents
reaches the page only as JSON (escaped by the template's ``tojson``) or through ``html.escape``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif'
_REMOTE_TAG = re.compile(r"<(link|script)\b[^>]*\b(?:href|src)\s*=\s*\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.S)


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    shape: str = "dot"  # dot | box | diamond | triangle | line | dashes


MAX_NODES = 400


def limit(graph: nx.Graph, max_nodes: int = MAX_NODES) -> tuple[nx.Graph, str]:
    """A graph small enough to draw, and a note saying what was left out.

    Beyond ``max_nodes``, the view keeps the nodes with the most connections (the agencies and
    measures that carry most of the load) and the edges among them; the filters and the search
    then work on what is shown, and the full network stays available as GraphML/GEXF.

    >>> small, note = limit(nx.star_graph(10), max_nodes=5)
    >>> small.number_of_nodes(), note
    (5, 'Showing the 5 most connected of 11 nodes; export the network for the rest.')
    """
    if graph.number_of_nodes() <= max_nodes:
        return graph, ""
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), str(n)))[:max_nodes]
    note = (
        f"Showing the {max_nodes} most connected of {graph.number_of_nodes()} nodes; export the network for the rest."
    )
    return graph.subgraph(ranked).copy(), note


def _layout(graph: nx.Graph, positions: dict | None) -> dict:
    """Positions in pixels, computed once. Each connected component is laid out on its own
    (a seeded spring layout) and the components are set side by
    side, largest first, so no component is flung to the edge."""
    if positions is None:
        positions, x_offset = {}, 0.0
        parts = sorted(
            nx.connected_components(graph.to_undirected(as_view=True)), key=lambda c: (-len(c), min(map(str, c)))
        )
        for part in parts:
            sub = graph.subgraph(part)
            radius = 120 * len(part) ** 0.5
            if len(part) == 1:
                local = {next(iter(part)): (0.0, 0.0)}
            else:
                local = nx.spring_layout(sub, seed=7, scale=radius, iterations=300)
            for n, (x, y) in local.items():
                positions[n] = (x + x_offset + radius, y)
            x_offset += 2 * radius + 80
        return {n: (float(x), float(y)) for n, (x, y) in positions.items()}
    xs = [p[0] for p in positions.values()] or [0]
    ys = [p[1] for p in positions.values()] or [0]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    scale = 300 * max(1.0, len(graph) ** 0.5) / span
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in positions.items()}


_TEMPLATES = Path(pyvis.__file__).parent / "templates"
_VIS = _TEMPLATES / "lib"
ASSETS = {"vis-network.min.js": "vis-9.1.2/vis-network.min.js", "vis-network.css": "vis-9.1.2/vis-network.css",
          "utils.js": "bindings/utils.js"}  # fmt: skip


def copy_assets(folder: Path) -> None:
    """Ship vis-network beside the pages (the same files pyvis would inline)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in ASSETS.items():
        shutil.copyfile(_VIS / source, folder / name)


def _link_assets(page: str, prefix: str) -> str:
    """Replace the inlined library by links to the shipped copies (one copy for many pages)."""
    for name, source in ASSETS.items():
        content = (_VIS / source).read_text(encoding="utf-8")
        tag = "style" if name.endswith(".css") else "script"
        link = (
            f'<link rel="stylesheet" href="{prefix}{name}">'
            if tag == "style"
            else f'<script src="{prefix}{name}"></script>'
        )
        inlined = f"<{tag}>{content}</{tag}>"
        if inlined not in page:
            raise RuntimeError(f"pyvis no longer inlines {name} as expected")
        page = page.replace(inlined, link, 1)
    return page


@cache
def _page_templates() -> Environment:
    """One template environment for every page: pyvis makes a new one per network, which compiles
    its page template again each time (95 of 215 s for the 806 pages of 100 documents)."""
    return Environment(loader=FileSystemLoader(_TEMPLATES))


def network_html(graph: nx.Graph, positions: dict | None = None, assets: str | None = None) -> str:
    """The pyvis page for a graph whose nodes and edges carry vis attributes (label, title,
    color, shape, size; edges: title, color, dashes, width). With ``assets`` (a relative folder
    such as ``"../assets/"``) the library is linked from there instead of inlined."""
    net = Network(height="78vh", width="100%", directed=graph.is_directed(), cdn_resources="in_line", heading="")
    net.templateEnv = _page_templates()
    places = _layout(graph, positions)
    for node in sorted(graph.nodes, key=str):
        attrs = {
            k: v for k, v in graph.nodes[node].items() if k in ("label", "title", "color", "shape", "size", "group")
        }
        x, y = places.get(node, (0.0, 0.0))
        net.add_node(str(node), x=x, y=y, physics=False, **attrs)
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        attrs = {k: val for k, val in data.items() if k in ("title", "color", "dashes", "width", "arrows")}
        net.add_edge(str(u), str(v), **attrs)
    net.set_options(
        json.dumps(
            {
                "physics": {"enabled": False},
                "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
                "nodes": {"font": {"face": FONTS, "size": 14}},
                "edges": {"smooth": False, "color": {"inherit": False}},
            }
        )
    )
    page = _REMOTE_TAG.sub("", net.generate_html(notebook=False))
    if assets is not None:
        page = _link_assets(page, assets)
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>|<!--\s*<link[^>]*node_modules.*?-->", "", page, flags=re.S)
    remote = re.findall(r"(?:src|href)\s*=\s*\"(https?:[^\"]*)\"", page)
    if remote:
        raise RuntimeError(f"the page would load {remote[0]}")
    return page


def page(
    title: str,
    intro: str,
    graph: nx.Graph,
    legend: list[LegendEntry],
    filters: dict[str, list[str]] | None = None,
    positions: dict | None = None,
    links: list[tuple[str, str]] | None = None,
    assets: str | None = None,
) -> str:
    """A full page: heading, legend, search box, optional filters (node attribute -> values), the
    network (limited to :data:`MAX_NODES`), and links back to the front page."""
    graph, note = limit(graph)
    intro = f"{intro} {note}".strip()
    body = network_html(graph, positions, assets)
    legend_html = "".join(
        f'<span class="key"><span class="swatch {html.escape(e.shape)}" '
        f'style="background:{html.escape(e.color)}"></span>'
        f"{html.escape(e.label)}</span>"
        for e in legend
    )
    filter_html = "".join(
        f'<label>{html.escape(name)} <select data-filter="{html.escape(name)}"><option value="">全部 / all</option>'
        + "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values)
        + "</select></label>"
        for name, values in (filters or {}).items()
    )
    nav = " · ".join(f'<a href="{html.escape(href)}">{html.escape(text)}</a>' for href, text in (links or []))
    groups = {str(n): {k: str(graph.nodes[n].get(k, "")) for k in (filters or {})} for n in graph.nodes}
    header = f"""
<style>
  body {{ font-family: {FONTS}; margin: 0.8em; }}
  #mynetwork {{ float: none !important; }}
  .key {{ margin-right: 1.2em; white-space: nowrap; }} .swatch {{ display: inline-block; width: 0.9em; height: 0.9em;
  margin-right: 0.3em; vertical-align: middle; border-radius: 50%; }} .swatch.box {{ border-radius: 0; }}
  .swatch.line {{ height: 0.2em; border-radius: 0; }}
  .swatch.dashes {{ height: 0.2em; border-radius: 0; opacity: 0.5; }}
  .bar {{ margin: 0.4em 0; }} label {{ margin-right: 1em; }}
</style>
<nav class="bar">{nav}</nav>
<h1>{html.escape(title)}</h1>
<p>{html.escape(intro)}</p>
<div class="bar">{legend_html}</div>
<div class="bar"><label>搜索 / search <input id="search" type="search" placeholder="名称 / name"></label>{filter_html}
<span id="shown" data-nodes="{graph.number_of_nodes()}" data-edges="{graph.number_of_edges()}"></span></div>
"""
    groups_json = json.dumps(groups, ensure_ascii=False).replace("</", "<\\/")  # no way out of the <script>
    script = f"""
<script>
const GROUPS = {groups_json};
function applyFilters() {{
  const chosen = {{}};
  document.querySelectorAll("select[data-filter]").forEach(s => {{ if (s.value) chosen[s.dataset.filter] = s.value; }});
  const hide = id => Object.entries(chosen).some(([k, v]) => GROUPS[id][k] !== v);
  const updates = nodes.getIds().map(id => ({{ id, hidden: hide(id) }}));
  nodes.update(updates);
  document.getElementById("shown").textContent = updates.filter(u => !u.hidden).length + " shown";
}}
document.querySelectorAll("select[data-filter]").forEach(s => s.addEventListener("change", applyFilters));
document.getElementById("search").addEventListener("input", event => {{
  const text = event.target.value.trim();
  if (!text) {{ network.unselectAll(); return; }}
  const match = n => (n.label || "").includes(text) || String(n.id).includes(text);
  const hits = nodes.get({{ filter: match }}).map(n => n.id);
  network.selectNodes(hits);
  if (hits.length) network.focus(hits[0], {{ scale: 1.2, animation: false }});
}});
</script>
"""
    return body.replace("<body>", "<body>" + header, 1).replace("</body>", script + "</body>", 1)
