"""The leaders' pages: a front page, five network views and one page per agency.

Each view turns analysis results (an :class:`~policykg.queries.overview.Overview`) into a graph of
vis attributes (label, tooltip, colour, shape, size) and hands it to :mod:`policykg.viz.render`.
Tooltips give the kind, the Chinese and English labels and, for facts, the quoted sentence.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from policykg.publish import write_text
from policykg.queries.overview import Overview
from policykg.viz.render import FONTS, LegendEntry, copy_assets, page

ROLE_STYLE = {  # role: (colour, dashes, label)
    "lead": ("#c0392b", False, "牵头 lead"),
    "responsible": ("#2c3e50", False, "责任 responsible"),
    "support": ("#7f8c8d", True, "配合 support"),
    "implementer": ("#27ae60", True, "落实 implementer"),
    "coordinator": ("#8e44ad", False, "统筹 coordinator"),
}
KIND_STYLE = {  # agency kind: (colour, label)
    "GovernmentDepartment": ("#2e86c1", "政府部门 bureau"),
    "GovernmentOffice": ("#1b4f72", "政府办公室 government office"),
    "PartyOrgan": ("#c0392b", "党委部门 party organ"),
    "VerticalBranch": ("#5d6d7e", "垂直管理 vertical branch"),
    "PublicInstitution": ("#48c9b0", "事业单位 public institution"),
    "ZoneCommittee": ("#f39c12", "管委会 zone committee"),
    "LeadingGroup": ("#8e44ad", "领导小组 leading group"),
    "CollectiveBody": ("#a04000", "集体 collective"),
    "Enterprise": ("#7d6608", "企业 enterprise"),
    "MassOrganisation": ("#b7950b", "群团 mass organisation"),
    "": ("#95a5a6", "未知 unknown"),
}
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"]
LINKS = [("index.html", "首页 home"), ("../report/report.html", "审计报告 audit report")]


def _tip(*lines: str) -> str:
    return "\n".join(line for line in lines if line)


def _doc_colours(overview: Overview) -> dict[str, str]:
    stems = sorted({d["source_file"].removesuffix(".txt") for d in overview.documents})
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(stems)}


def _agency_node(overview: Overview, iri: str) -> dict:
    info, load = overview.agencies.get(iri, {}), overview.loads.get(iri)
    colour, kind_label = KIND_STYLE.get(info.get("kind", ""), KIND_STYLE[""])
    counts = (
        f"lead {load.lead} · support {load.support} · responsible {load.responsible} · implementer {load.implementer}"
        if load
        else ""
    )
    return {
        "label": info.get("agency_zh", iri),
        "title": _tip(
            f"机构 agency · {kind_label}",
            info.get("agency_zh", ""),
            info.get("agency_en", ""),
            info.get("city", ""),
            counts,
        ),
        "color": colour,
        "shape": "dot",
        "size": 10 + 3 * (load.weighted_degree**0.5 if load else 0),
        "city": info.get("city", ""),
        "kind": kind_label,
    }


def responsibility_graph(overview: Overview) -> nx.Graph:
    colours = _doc_colours(overview)
    graph = nx.Graph()
    for node, data in overview.network.nodes(data=True):
        if data["kind"] == "agency":
            graph.add_node(node, **_agency_node(overview, node), document="", role="")
        else:
            doc = data.get("document", "")
            graph.add_node(
                node,
                label=f"{data.get('path', '')} {data.get('title', '')}".strip() or data.get("label_zh", ""),
                title=_tip(
                    "措施 measure", doc, data.get("path", ""), data.get("title", "") or data.get("label_zh", "")
                ),
                color=colours.get(doc, "#999"),
                shape="square",
                size=7,
                document=doc,
                city=data.get("city", ""),
                role="",
            )
    for agency, measure, data in overview.network.edges(data=True):
        colour, dashes, label = ROLE_STYLE.get(data["role"], ("#999", False, data["role"]))
        if graph.has_edge(agency, measure):
            graph.edges[agency, measure]["title"] += "\n" + label
            continue
        graph.add_edge(
            agency,
            measure,
            color=colour,
            dashes=dashes,
            width=2 if data["role"] == "lead" else 1,
            title=_tip(
                f"{label} · rank {data['rank']}" + (" · 按职责分工负责 joint" if data["joint"] else ""), data["quote"]
            ),
        )
        graph.nodes[agency]["role"] = " ".join(sorted(set(graph.nodes[agency]["role"].split()) | {data["role"]}))
        graph.nodes[measure]["role"] = " ".join(sorted(set(graph.nodes[measure]["role"].split()) | {data["role"]}))
    return graph


def flow_layout(flow: nx.DiGraph) -> dict:
    """Top to bottom: sources, documents, sections, measures, agencies and places."""
    layer = {"source": 0, "document": 1, "section": 2, "measure": 3, "annex-row": 3, "agency": 4, "place": 4}
    graph = nx.Graph()
    for node, data in flow.nodes(data=True):
        graph.add_node(node, layer=layer.get(data.get("kind"), 4))
    positions = nx.multipartite_layout(graph, subset_key="layer", align="horizontal")
    return {n: (x, -y) for n, (x, y) in positions.items()}


def flow_graph(overview: Overview) -> nx.DiGraph:
    colours = _doc_colours(overview)
    shapes = {
        "source": "diamond",
        "document": "star",
        "section": "box",
        "measure": "box",
        "annex-row": "box",
        "agency": "dot",
        "place": "triangle",
    }
    graph = nx.DiGraph()
    for node, data in overview.flow.nodes(data=True):
        kind = data.get("kind", "")
        if kind == "agency":
            graph.add_node(node, **_agency_node(overview, node), level="", document="")
            continue
        level = data.get("level", "")
        graph.add_node(
            node,
            label=data.get("label_zh", "")[:24],
            shape=shapes.get(kind, "dot"),
            title=_tip(
                f"{kind} {level}".strip(), data.get("label_zh", ""), data.get("label_en", ""), data.get("number", "")
            ),
            color="#c0392b"
            if kind == "source"
            else colours.get(data.get("document", ""), "#16a085" if kind == "place" else "#999"),
            size=18 if kind in ("source", "document") else 8,
            level=level,
            document=data.get("document", ""),
        )
    for u, v, data in overview.flow.edges(data=True):
        relation = data.get("relation", "")
        graph.add_edge(u, v, title=_tip(relation, data.get("roles", "")), arrows="to", dashes=relation == "cites")
    return graph


def zones_graph(overview: Overview) -> nx.Graph:
    graph = nx.Graph()
    targets = defaultdict(list)  # cluster -> its targets as shown, in year order (one row per target)
    for c in overview.clusters:
        if c["year"]:
            targets[c["cluster"]].append(f"{c['year']} {c['indicator']}: {c['value']}{c['unit']}")
    for c in overview.clusters:
        zone, industry, cluster = f"zone:{c['zone']}", f"industry:{c['industry']}", f"cluster:{c['cluster']}"
        if cluster in graph:
            continue
        graph.add_node(
            zone,
            label=c["zone"],
            title=_tip("开发区 zone", c["zone"]),
            color="#f39c12",
            shape="dot",
            size=18,
            kind="zone",
        )
        graph.add_node(
            industry,
            label=c["industry"],
            title=_tip("产业 industry", c["industry"], f"GB/T 4754-2017 {c['code']}" if c["code"] else ""),
            color="#2e86c1",
            shape="diamond",
            size=14,
            kind="industry",
        )
        graph.add_node(
            cluster,
            label=c["cluster"],
            title=_tip("产业集群 cluster", c["cluster"], "目标 targets", " · ".join(targets[c["cluster"]])),
            color="#27ae60",
            shape="box",
            size=10,
            kind="cluster",
        )
        graph.add_edge(zone, cluster, title="集群所在 zone of the cluster")
        graph.add_edge(cluster, industry, title="集群产业 industry of the cluster")
    return graph


def overlaps_graph(overview: Overview) -> nx.Graph:
    colours = _doc_colours(overview)
    conflicts = {m for f in overview.findings if f.kind == "conflict" for m in f.paths}
    graph = nx.Graph()
    for i, topic in enumerate(overview.topics, 1):
        hub = f"topic:{i}"
        conflict = any(f"{m.document}:{m.path}" in conflicts or m.path in conflicts for m in topic.measures)
        graph.add_node(
            hub,
            label=f"主题 {i}",
            shape="diamond",
            size=16,
            color="#c0392b" if conflict else "#f1c40f",
            kind="topic",
            title=_tip(
                "重复主题 overlap topic" + (" · 牵头冲突 conflict" if conflict else ""),
                topic.label,
                f"similarity ≥ {topic.similarity:.2f}",
                "→ report.html#overlap",
            ),
        )
        for m in topic.measures:
            node = f"measure:{m.measure}"
            leads = "、".join(m.agencies.get("lead", ()) or m.agencies.get("responsible", ()))
            graph.add_node(
                node,
                label=f"{m.path} {m.title}"[:24],
                shape="box",
                size=8,
                color=colours.get(m.document, "#999"),
                kind="measure",
                title=_tip(
                    "措施 measure",
                    m.document,
                    f"{m.path} {m.title}",
                    f"牵头/责任 lead: {leads}" if leads else "无牵头 no lead",
                    *m.clauses[:2],
                ),
            )
            graph.add_edge(hub, node, title="相似条款 similar clauses")
    return graph


def agency_graph(overview: Overview, agency: str) -> nx.Graph:
    """An agency, its measures, the agencies it shares them with, and the targets of those measures."""
    colours = _doc_colours(overview)
    graph = nx.Graph()
    graph.add_node(agency, **_agency_node(overview, agency))
    targets_by_path = defaultdict(list)
    for t in overview.targets:
        targets_by_path[(t.document, t.path)].append(t)
    for _, measure, data in overview.network.out_edges(agency, data=True):
        m = overview.network.nodes[measure]
        colour, dashes, label = ROLE_STYLE.get(data["role"], ("#999", False, data["role"]))
        graph.add_node(
            measure,
            label=f"{m.get('path', '')} {m.get('title', '')}"[:24],
            shape="box",
            size=8,
            color=colours.get(m.get("document", ""), "#999"),
            title=_tip("措施 measure", m.get("document", ""), m.get("path", ""), m.get("title", "")),
        )
        graph.add_edge(agency, measure, color=colour, dashes=dashes, title=_tip(label, data["quote"]))
        for other, _ in overview.network.in_edges(measure):
            if other != agency:
                graph.add_node(other, **_agency_node(overview, other))
                graph.add_edge(other, measure, color="#bbb", title="共同负责 co-responsible")
        for k, t in enumerate(targets_by_path.get((m.get("document", ""), m.get("path", "")), ())):
            node = f"target:{measure}:{k}"
            value = t.category or (f"{t.value:g}" if t.value is not None else "")
            graph.add_node(
                node,
                label=f"{t.indicator[:12]} {value}{t.unit}",
                shape="triangle",
                size=8,
                color="#16a085",
                title=_tip("目标 target", t.indicator, f"{t.comparator} {value} {t.unit} {t.year or ''}", t.quote),
            )
            graph.add_edge(measure, node, title="目标 target")
    return graph


def slug(iri: str) -> str:
    return re.sub(r"[^\w\-]", "_", iri.rsplit("/", 1)[-1])


def _legend(style: dict) -> list[LegendEntry]:
    return [LegendEntry(label, colour) for colour, label in style.values()]


def write_views(overview: Overview, out: Path) -> dict[str, Path]:
    """Every page into ``out``; returns them by name."""
    documents = sorted(_doc_colours(overview))
    role_legend = [
        LegendEntry(label, colour, "dashes" if dashes else "line") for colour, dashes, label in ROLE_STYLE.values()
    ]
    doc_legend = [LegendEntry(f"措施 · {d}", c, "box") for d, c in _doc_colours(overview).items()]
    cities = sorted({a.get("city", "") for a in overview.agencies.values() if a.get("city")})
    written = {}
    g = responsibility_graph(overview)
    written["responsibility"] = write_text(
        out / "responsibility.html",
        page(
            "责任网络 Responsibility network",
            "Agencies (sized by load, coloured by kind) and the measures they are named for; "
            "edges styled by role. Hover for the quoted sentence.",
            g,
            _legend(KIND_STYLE) + doc_legend + role_legend,
            {"document": documents, "city": cities, "role": list(ROLE_STYLE)},
            links=LINKS,
        ),
    )
    f = flow_graph(overview)
    written["flow"] = write_text(
        out / "flow.html",
        page(
            "政策传导 Policy flow",
            "From national and provincial documents (diamonds) to city documents, their sections and "
            "measures, down to agencies and places.",
            f,
            [LegendEntry("上级文件 cited document", "#c0392b", "diamond")]
            + doc_legend
            + _legend(KIND_STYLE)[:3]
            + [
                LegendEntry("地点 place", "#16a085", "triangle"),
                LegendEntry("依据 based on", "#555", "line"),
                LegendEntry("引用 cites", "#555", "dashes"),
            ],
            {"document": documents},
            positions=flow_layout(overview.flow),
            links=LINKS,
        ),
    )
    z = zones_graph(overview)
    written["zones"] = write_text(
        out / "zones.html",
        page(
            "开发区与产业 Zones and industries",
            "Development zones, their industrial clusters and the industries (GB/T 4754-2017); "
            "hover a cluster for its revenue targets by year.",
            z,
            [
                LegendEntry("开发区 zone", "#f39c12"),
                LegendEntry("产业集群 cluster", "#27ae60", "box"),
                LegendEntry("产业 industry", "#2e86c1", "diamond"),
            ],
            {"kind": ["zone", "cluster", "industry"]},
            links=LINKS,
        ),
    )
    o = overlaps_graph(overview)
    written["overlaps"] = write_text(
        out / "overlaps.html",
        page(
            "重复与冲突 Overlaps and conflicts",
            "Topics of near-duplicate measures across documents; red topics have different "
            "lead agencies. The audit report lists each finding with its quotes.",
            o,
            [LegendEntry("主题 topic", "#f1c40f", "diamond"), LegendEntry("牵头冲突 conflict", "#c0392b", "diamond")]
            + doc_legend,
            {"kind": ["topic", "measure"]},
            links=LINKS + [("../report/report.html#overlap", "重复清单 overlap findings")],
        ),
    )
    copy_assets(out / "assets")
    agency_dir = out / "agencies"
    rows = []
    for iri in sorted(overview.loads, key=lambda a: (-overview.loads[a].weighted_degree, a)):
        info, load = overview.agencies.get(iri, {}), overview.loads[iri]
        name = slug(iri)
        write_text(
            agency_dir / f"{name}.html",
            page(
                info.get("agency_zh", iri) + " " + info.get("agency_en", ""),
                f"{info.get('city', '')}: its measures, the agencies "
                "it shares them with, and the targets of those measures.",
                agency_graph(overview, iri),
                _legend(KIND_STYLE) + role_legend + [LegendEntry("目标 target", "#16a085", "triangle")],
                links=[("../index.html", "首页 home"), ("index.html", "机构列表 agencies")],
                assets="../assets/",
            ),
        )
        rows.append((name, info, load))
    written["agencies"] = write_text(agency_dir / "index.html", _agency_list(rows))
    written["index"] = write_text(out / "index.html", _front_page(overview))
    return written


_PLAIN = f"""<style>body {{ font-family: {FONTS}; margin: 1.5em; }} table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: 0.2em 0.6em; }} th {{ background: #eef; }} .figure {{ display: inline-block;
margin: 0 1.5em 1em 0; }} .figure b {{ display: block; font-size: 1.8em; }}</style>"""


def _html(title: str, body: str) -> str:
    head = f'<meta charset="utf-8"><title>{html.escape(title)}</title>{_PLAIN}'
    return f'<!DOCTYPE html>\n<html lang="zh-CN"><head>{head}</head>\n<body>{body}</body></html>\n'


def _agency_list(rows) -> str:
    e = html.escape
    lines = "".join(
        f'<tr><td><a href="{e(name)}.html">{e(info.get("agency_zh", ""))}</a></td>'
        f"<td>{e(info.get('agency_en', ''))}</td>"
        f"<td>{e(info.get('city', ''))}</td><td>{load.lead}</td><td>{load.support}</td><td>{load.responsible}</td>"
        f"<td>{load.implementer}</td><td>{load.coordinator}</td></tr>"
        for name, info, load in rows
    )
    script = """<script>document.getElementById("q").addEventListener("input", e => { const t = e.target.value.trim();
document.querySelectorAll("tbody tr").forEach(r => { r.hidden = t && !r.textContent.includes(t); }); });</script>"""
    return _html(
        "机构 Agencies",
        f"""<p><a href="../index.html">首页 home</a></p><h1>机构 Agencies</h1>
<label>搜索 / search <input id="q" type="search"></label>
<table><thead><tr><th>机构</th><th>agency</th><th>city</th><th>lead</th><th>support</th><th>responsible</th><th>implementer</th>
<th>coordinator</th></tr></thead><tbody>{lines}</tbody></table>{script}""",
    )


def _front_page(overview: Overview) -> str:
    e = html.escape
    measures = sum(1 for _, d in overview.network.nodes(data=True) if d["kind"] == "measure")
    severities = Counter(f.severity for f in overview.findings)
    figures = [
        ("文件 documents", len(overview.documents)),
        ("措施 measures with agencies", measures),
        ("机构 agencies", len(overview.loads)),
        ("责任 assignments", overview.network.number_of_edges()),
        ("目标 targets", len(overview.targets)),
        ("发现 findings", f"{len(overview.findings)} ({severities['error']} error, {severities['warning']} warning)"),
    ]
    views = [
        ("responsibility.html", "责任网络 Responsibility network", "who is responsible for what"),
        ("flow.html", "政策传导 Policy flow", "from provincial documents down to measures, agencies and places"),
        ("agencies/index.html", "机构 Agencies", "one page per agency, searchable"),
        ("zones.html", "开发区与产业 Zones and industries", "zones, clusters, industries and revenue targets"),
        ("overlaps.html", "重复与冲突 Overlaps and conflicts", "near-duplicate measures and differing leads"),
        ("../report/report.html", "审计报告 Audit report", "every finding with the quoted sentences"),
    ]
    docs = "".join(
        f"<tr><td>{e(d['number'])}</td><td>{e(d['title'])}</td><td>{e(d['date'])}</td></tr>" for d in overview.documents
    )
    return _html(
        "policy-kg",
        "<h1>policy-kg · 政策知识图谱</h1>"
        + "".join(f'<span class="figure"><b>{e(str(v))}</b>{e(k)}</span>' for k, v in figures)
        + "<h2>视图 Views</h2><ul>"
        + "".join(f'<li><a href="{e(h)}">{e(t)}</a>: {e(d)}</li>' for h, t, d in views)
        + "</ul>"
        + f"<h2>文件 Documents</h2><table><tr><th>文号</th><th>title</th><th>date</th></tr>{docs}</table>",
    )
