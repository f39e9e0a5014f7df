"""The leaders' pages: each answers one question with a graph that opens legible and the table a
leader would print.

- a document: what it asks and who does it (its outline as a tree with the agencies that carry each
  task; the 任务分工表 and the task × agency matrix);
- an agency: what it leads, supports or carries out, by document and deadline, and the agencies it
  shares tasks with;
- the flow: from an upper document's measures to the lower documents' measures that carry them out
  and their lead agencies, and which documents rest on which;
- overlaps: near-duplicate measures side by side, with their sentences and leads, topic by topic on
  pages of a few hundred measures, the first listing every topic with a link to where it is drawn;
- and two overviews: the groups of agencies that work together, the zones and their industries.

Graphs are cut into parts that fit the window (:func:`policykg.viz.render.fitted`); every node's
tooltip quotes its source with document and path.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import networkx as nx

from policykg.progress import SILENT, Progress
from policykg.queries.near_duplicates import Topic
from policykg.viz.data import LEADING, ROLE_ZH, Corpus, Document
from policykg.viz.layout import fits, layered, next_column, spread, tree
from policykg.viz.render import LegendEntry, Part, boxes_of, copy_assets, fitted, numbered, render

PALETTE = [  # (border and legend, fill): light fills keep dark labels readable
    ("#1f77b4", "#d6e6f5"),
    ("#ff7f0e", "#ffe3c8"),
    ("#2ca02c", "#d5efd5"),
    ("#d62728", "#f7d4d4"),
    ("#9467bd", "#e6dcf1"),
    ("#8c564b", "#eadbd7"),
    ("#e377c2", "#f8dcef"),
    ("#17becf", "#d0f1f5"),
    ("#bcbd22", "#efefc8"),
]
GREY = ("#999999", "#eeeeee")
ROLE_STYLE = {  # role: (colour, dashes, legend)
    "lead": ("#c0392b", False, "牵头 lead"),
    "responsible": ("#2c3e50", False, "责任 responsible"),
    "coordinator": ("#8e44ad", False, "统筹 coordinator"),
    "support": ("#7f8c8d", True, "配合 support"),
    "implementer": ("#27ae60", True, "落实 implementer"),
}
KIND_STYLE = {  # agency kind: (colour, legend)
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
TOPIC_COLOUR = {"background": "#fcf3cf", "border": "#b7950b"}
LABEL_CHARS = 12  # a node's label, cut to fit a column (the tooltip has it whole)
QUOTE_CHARS = 300  # a quoted sentence in a tooltip
PARTNERS = 18  # agencies around an agency in one part of its ego network
COMMUNITY = 40  # agencies in one part of the responsibility network, at most
PAGE_MEASURES = 200  # measures on one page of overlap topics (about 15 parts: it opens in about a second)
LISTED_DOCUMENTS = 4  # documents a topic's row in the list of topics names
OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "nodes": {"font": {"size": 14}, "margin": 5, "borderWidth": 1},
    "edges": {"smooth": False, "color": {"inherit": False}, "width": 1},
}


def cut(text: str, chars: int = LABEL_CHARS) -> str:
    """A label cut to ``chars`` characters, an ellipsis showing the cut.

    >>> cut("加快推进先进制造业集群建设", 8), cut("加快项目建设", 8)
    ('加快推进先进制…', '加快项目建设')
    """
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1] + "…"


def tip(*lines: str) -> str:
    """A tooltip: non-empty lines, each quote cut to :data:`QUOTE_CHARS`."""
    return "\n".join(cut(line, QUOTE_CHARS) for line in lines if line)


def slug(iri: str) -> str:
    return re.sub(r"[^\w\-]", "_", iri.rsplit("/", 1)[-1])


class Styles:
    """Colours by document, the same on every page."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.colours = {iri: PALETTE[i % len(PALETTE)] for i, iri in enumerate(corpus.documents)}

    def document(self, doc: Document | None) -> tuple[str, str]:
        return self.colours.get(doc.iri, GREY) if doc else GREY

    def box(self, doc: Document | None) -> dict:
        border, fill = self.document(doc)
        return {"background": fill, "border": border}

    def legend(self, docs) -> tuple[LegendEntry, ...]:
        seen = dict.fromkeys(d for d in docs if d)
        return tuple(LegendEntry(d.caption, self.document(d)[0], "box") for d in seen)


def role_legend(roles=ROLE_STYLE) -> list[LegendEntry]:
    return [LegendEntry(ROLE_STYLE[r][2], ROLE_STYLE[r][0], "dashes" if ROLE_STYLE[r][1] else "line") for r in roles]


def kind_legend(kinds) -> list[LegendEntry]:
    return [LegendEntry(KIND_STYLE.get(k, KIND_STYLE[""])[1], KIND_STYLE.get(k, KIND_STYLE[""])[0]) for k in kinds]


def agency_node(corpus: Corpus, iri: str, root: str, tasks: Sequence[str] = (), dot: bool = False) -> dict:
    """An agency: its short name, coloured by kind (a box in a layered view, a dot in a network);
    the tooltip gives its full and English names and quotes the sentences that name it for
    ``tasks``, with document and path."""
    info = corpus.overview.agencies.get(iri, {})
    colour, kind = KIND_STYLE.get(info.get("kind", ""), KIND_STYLE[""])
    counts = Counter(d.role for d in corpus.duties_of.get(iri, ()))
    wanted = set(tasks)
    quotes = [f"{corpus.source_line(d.task)}: {d.quote}" for d in corpus.duties_of.get(iri, ()) if d.task in wanted][:2]
    return {
        "label": corpus.short_names.get(iri, iri),
        "title": tip(
            f"机构 agency · {kind}",
            info.get("agency_zh", iri),
            info.get("agency_en", ""),
            info.get("city", ""),
            " · ".join(f"{ROLE_ZH[r]} {counts[r]}" for r in ROLE_ZH if counts[r]),
            *quotes,
        ),
        "color": colour if dot else {"background": "#ffffff", "border": colour},
        "shape": "dot" if dot else "box",
        "size": 10,
        "borderWidth": 1 if dot else 2,
        "url": f"{root}agencies/{slug(iri)}.html",
    }


def task_node(corpus: Corpus, styles: Styles, task: str, root: str, label: str | None = None) -> dict:
    """A task or section: its number and heading; the tooltip quotes its text with document, path,
    the agencies by role and its deadlines."""
    item = corpus.items.get(task)
    doc = corpus.task_document(task)
    by_role: dict[str, list[str]] = defaultdict(list)
    for d in corpus.duties.get(task, ()):
        by_role[d.role].append(corpus.agency_name(d.agency))
    text = item.text if item else next((d.quote for d in corpus.duties.get(task, ())), "")
    return {
        "label": cut(label if label is not None else corpus.task_label(task)),
        "title": tip(
            "任务 task" if item is None or item.is_measure else "章节 section",
            corpus.source_line(task),
            corpus.task_label(task),
            f"“{text}”",
            *(f"{ROLE_ZH[r]}: {'、'.join(names)}" for r, names in by_role.items()),
            f"完成时限 deadline: {'、'.join(item.deadlines)}" if item and item.deadlines else "",
        ),
        "color": styles.box(doc),
        "shape": "box",
        "url": f"{root}documents/{doc.stem}.html" if doc else "",
    }


def document_node(corpus: Corpus, styles: Styles, doc: Document, root: str) -> dict:
    leads = Counter(d.agency for task in corpus.tasks_of(doc) for d in corpus.duties.get(task, ()) if d.role in LEADING)
    return {
        "label": cut(doc.short),
        "title": tip(
            "文件 document",
            doc.title,
            " · ".join(x for x in (doc.number, doc.date, doc.city) if x),
            ("牵头/责任 leads: " + "、".join(corpus.agency_name(a) for a, _ in leads.most_common())) if leads else "",
        ),
        "color": styles.box(doc),
        "shape": "box",
        "borderWidth": 2,
        "url": f"{root}documents/{doc.stem}.html",
    }


def cited_node(corpus: Corpus, iri: str) -> dict:
    data = corpus.overview.flow.nodes[iri]
    return {
        "label": cut(data.get("label_zh", "") or iri.rsplit("/", 1)[-1]),
        "title": tip("上级文件 upper document (not in the corpus)", data.get("label_zh", ""), data.get("number", "")),
        "color": "#c0392b",
        "shape": "diamond",
        "size": 10,
    }


def _add_duties(graph: nx.Graph, corpus: Corpus, tasks: Sequence[str], root: str, roles=LEADING) -> list[str]:
    """Agencies carrying ``tasks`` in ``roles``, joined by edges styled by role; returns them."""
    added = []
    for task in tasks:
        for d in corpus.duties.get(task, ()):
            if d.role not in roles:
                continue
            node = f"agency:{d.agency}"
            if node not in graph:
                graph.add_node(node, **agency_node(corpus, d.agency, root, tasks))
                added.append(node)
            colour, dashes, label = ROLE_STYLE[d.role]
            if not graph.has_edge(task, node):
                graph.add_edge(task, node, color=colour, dashes=dashes, title=tip(label, d.quote))
    return added


# --- a document --------------------------------------------------------------------------------


def document_parts(corpus: Corpus, styles: Styles, doc: Document, root: str) -> list[Part]:
    """The outline as a tree, left to right, with the agencies that lead or carry each task; one run
    of leaves (in document order) per part."""
    tasks = corpus.tasks_of(doc)
    parents = {t: corpus.items[t].parent for t in tasks if t in corpus.items}
    leaves = [t for t in tasks if not corpus.children.get(t)]

    def top(task: str) -> str:
        while parents.get(task, doc.iri) != doc.iri:
            task = parents[task]
        return corpus.task_label(task) if task in corpus.items else "附件 annex"

    def build(run: Sequence[str]) -> Part:
        graph: nx.DiGraph = nx.DiGraph()
        graph.add_node(doc.iri, **document_node(corpus, styles, doc, root))
        shown = []
        for leaf in run:
            chain = [leaf]
            while parents.get(chain[-1], doc.iri) != doc.iri:
                chain.append(parents[chain[-1]])
            for task in reversed(chain):
                if task not in graph:
                    item = corpus.items.get(task)
                    own = f"{item.path.rsplit('/', 1)[-1]} {item.heading}" if item else None
                    graph.add_node(task, **task_node(corpus, styles, task, root, own))
                    graph.add_edge(parents.get(task, doc.iri), task, color="#aaaaaa")
                    shown.append(task)
        outline = graph.copy()
        agencies = _add_duties(graph, corpus, shown, root)
        boxes = boxes_of(graph)
        positions = tree(outline, doc.iri, boxes)
        if agencies:
            positions.update(next_column(positions, boxes, agencies, graph.predecessors))
        first, last = top(run[0]), top(run[-1])
        name = first if first == last else f"{cut(first, 10)} … {cut(last, 10)}"
        legend = (LegendEntry(doc.caption, styles.document(doc)[0], "box"),)
        return Part(name, graph, positions, legend)

    if not leaves:  # a document with no numbered items: the document alone
        graph: nx.DiGraph = nx.DiGraph()
        graph.add_node(doc.iri, **document_node(corpus, styles, doc, root))
        return [Part(doc.short, graph, {doc.iri: (0.0, 0.0)})]
    return numbered(fitted(leaves, build))


def task_rows(corpus: Corpus, doc: Document) -> list[dict]:
    """The 任务分工表: each task that names an agency, a target or a deadline."""
    targets = defaultdict(list)
    for t in corpus.overview.targets:
        if t.document == doc.stem:
            value = t.category or (f"{t.value:g}" if t.value is not None else "")
            targets[t.path].append(f"{t.indicator} {value}{t.unit}" + (f"（{t.year}年）" if t.year else ""))
    rows = []
    for task in corpus.tasks_of(doc):
        item = corpus.items.get(task)
        duties = corpus.duties.get(task, [])
        found = targets.get(item.path, []) if item else []
        if not (duties or found or (item and item.deadlines)):
            continue
        by_role: dict[str, list[str]] = defaultdict(list)
        for d in duties:
            name = corpus.short_names.get(d.agency, d.agency)
            if name not in by_role[d.role]:
                by_role[d.role].append(name)
        rows.append(
            {
                "path": item.path if item else "附件",
                "task": item.heading if item else corpus.task_label(task),
                "text": item.text if item else duties[0].quote,
                "lead": "、".join(by_role["lead"] + by_role["responsible"] + by_role["coordinator"]),
                "support": "、".join(by_role["support"]),
                "implementer": "、".join(by_role["implementer"]),
                "targets": "；".join(found),
                "deadlines": "、".join(item.deadlines) if item else "",
                "roles": {d.agency: ROLE_ZH[d.role][0] for d in sorted(duties, key=lambda d: -_rank(d.role))},
            }
        )
    return rows


def _rank(role: str) -> int:
    return list(ROLE_ZH).index(role)


def matrix(corpus: Corpus, rows: list[dict]) -> tuple[list[tuple[str, str]], list[dict]]:
    """The task × agency matrix: agencies (most tasks first) as columns."""
    counts = Counter(a for r in rows for a in r["roles"])
    columns = [(a, corpus.short_names.get(a, a)) for a, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
    return columns, [r for r in rows if r["roles"]]


# --- an agency ---------------------------------------------------------------------------------


def agency_parts(corpus: Corpus, iri: str, root: str) -> list[Part]:
    """The agency in the middle, the agencies it shares tasks with around it (most shared first,
    :data:`PARTNERS` to a part), a spring layout."""
    projection = corpus.overview.projection
    ego = f"agency:{iri}"
    partners = sorted(
        projection.neighbors(iri) if iri in projection else (),
        key=lambda a: (-projection.edges[iri, a]["weight"], corpus.short_names.get(a, a)),
    )
    mine = [d.task for d in corpus.duties_of.get(iri, ())]

    def build(run: Sequence[str]) -> Part:
        graph: nx.Graph = nx.Graph()
        graph.add_node(ego, **agency_node(corpus, iri, root, mine, dot=True))
        graph.nodes[ego]["size"] = 14
        for other in run:
            shared = projection.edges[iri, other]
            node = f"agency:{other}"
            graph.add_node(node, **agency_node(corpus, other, root, shared["measures"], dot=True))
            titles = [corpus.task_label(t) for t in shared["measures"][:5]]
            graph.add_edge(
                ego,
                node,
                weight=shared["weight"],
                width=1 + min(shared["weight"], 8) / 2,
                color="#5d6d7e",
                title=tip(f"共同任务 {shared['weight']} 项 shared tasks", *titles),
            )
        for a, b in ((a, b) for i, a in enumerate(run) for b in run[i + 1 :]):
            if projection.has_edge(a, b):
                graph.add_edge(
                    f"agency:{a}",
                    f"agency:{b}",
                    weight=projection.edges[a, b]["weight"] / 4,
                    color="#dddddd",
                    title=f"共同任务 {projection.edges[a, b]['weight']} 项",
                )
        positions = spread(graph, boxes_of(graph), centre=ego)
        return Part(corpus.short_names.get(iri, iri), graph, positions)

    chunks = [partners[i : i + PARTNERS] for i in range(0, len(partners), PARTNERS)] or [[]]
    return numbered([p for chunk in chunks for p in _fitting(chunk, build)])


def _fitting(run: Sequence, build) -> list[Part]:
    """A part of ``run``, or halves of it until each fits (a network laid out at once)."""
    part = build(run)
    if len(run) <= 1 or fits(part.positions, boxes_of(part.graph)):
        return [part]
    middle = len(run) // 2
    return _fitting(run[:middle], build) + _fitting(run[middle:], build)


def agency_rows(corpus: Corpus, iri: str) -> list[dict]:
    """Everything the agency is named for, by document (corpus order) and task (document order)."""
    order = {doc: i for i, doc in enumerate(corpus.documents)}
    rows = []
    for d in corpus.duties_of.get(iri, ()):
        doc, item = corpus.task_document(d.task), corpus.items.get(d.task)
        rows.append(
            {
                "key": (order.get(doc.iri, len(order)) if doc else len(order), item.order if item else 10**9),
                "document": doc.caption if doc else "",
                "url": f"../documents/{doc.stem}.html" if doc else "",
                "path": item.path if item else "附件",
                "task": item.heading if item else corpus.task_label(d.task),
                "role": ROLE_STYLE[d.role][2],
                "deadlines": "、".join(item.deadlines) if item else "",
                "quote": d.quote,
            }
        )
    return sorted(rows, key=lambda r: (r["key"], r["path"], r["role"]))


# --- the flow ----------------------------------------------------------------------------------


def chain_parts(corpus: Corpus, styles: Styles, upper: Document, root: str) -> list[Part]:
    """Upper document → its measures → the lower measures that carry them out → their leads."""
    measures = [t for t in corpus.tasks_of(upper) if t in corpus.status]

    def build(run: Sequence[str]) -> Part:
        graph: nx.DiGraph = nx.DiGraph()
        layer: dict = {}
        graph.add_node(upper.iri, **document_node(corpus, styles, upper, root))
        layer[upper.iri] = 0
        lowers = []
        for m in run:
            node = task_node(corpus, styles, m, root)
            if corpus.status[m] == "not_taken_up":
                node["color"] = {"background": GREY[1], "border": GREY[0]}
                node["title"] = "未落实 not taken up\n" + node["title"]
            graph.add_node(m, **node)
            layer[m] = 1
            graph.add_edge(upper.iri, m, color="#aaaaaa")
            for lower, score, evidence in corpus.aligned.get(m, ()):
                if lower not in graph:
                    graph.add_node(lower, **task_node(corpus, styles, lower, root))
                    layer[lower] = 2
                    lowers.append(lower)
                graph.add_edge(
                    m,
                    lower,
                    arrows="to",
                    color="#34495e",
                    width=1 + 3 * score,
                    title=tip(f"落实 carried out · score {score:.2f}", f"依据 evidence: {evidence}"),
                )
        for a in _add_duties(graph, corpus, lowers, root):
            layer[a] = 3
        positions = layered(graph, layer, boxes_of(graph))
        docs = [upper, *(corpus.task_document(t) for t in lowers)]
        return Part(f"{cut(upper.short, 14)} → 下级落实", graph, positions, styles.legend(docs))

    return numbered(fitted(measures, build)) if measures else []


def lineage_parts(corpus: Corpus, styles: Styles, root: str) -> list[Part]:
    """Which documents rest on which (eli:based_on): upper documents, in or out of the corpus, and
    the corpus documents based on them; one run of (upper, lower) pairs per part."""
    uppers = sorted(corpus.based_on, key=lambda u: (u not in corpus.documents, -len(corpus.based_on[u]), u))
    pairs = [(u, lower) for u in uppers for lower in corpus.based_on[u]]

    def build(run: Sequence[tuple[str, str]]) -> Part:
        graph: nx.DiGraph = nx.DiGraph()
        layer: dict = {}
        for upper, _ in run:
            if upper not in graph:
                doc = corpus.documents.get(upper)
                graph.add_node(
                    upper, **(document_node(corpus, styles, doc, root) if doc else cited_node(corpus, upper))
                )
                layer[upper] = 0
        for upper, lower in run:
            if lower not in graph:
                graph.add_node(lower, **document_node(corpus, styles, corpus.documents[lower], root))
                layer[lower] = 1
            graph.add_edge(upper, lower, arrows="to", color="#34495e", title="依据 based on")
        layer.update({n: 1 for n in graph if n not in layer})
        positions = layered(graph, layer, boxes_of(graph))
        docs = [corpus.documents.get(n) for n in graph]
        return Part("文件依据 documents based on others", graph, positions, styles.legend(docs))

    return numbered(fitted(pairs, build)) if pairs else []


def flow_rows(corpus: Corpus, upper: Document) -> list[dict]:
    rows = []
    for m in corpus.tasks_of(upper):
        if m not in corpus.status:
            continue
        item = corpus.items[m]
        carried = corpus.aligned.get(m) or [("", 0.0, "")]
        for lower, score, evidence in carried:
            low = corpus.items.get(lower)
            doc = corpus.task_document(lower) if lower else None
            duties = corpus.duties.get(lower, ())
            leads = {corpus.short_names.get(d.agency, d.agency) for d in duties if d.role in LEADING}
            rows.append(
                {
                    "upper_path": item.path,
                    "upper_text": item.text,
                    "status": "已落实 taken up" if corpus.status[m] == "taken_up" else "未落实 not taken up",
                    "lower_document": doc.caption if doc else "",
                    "lower_url": f"documents/{doc.stem}.html" if doc else "",
                    "lower_path": low.path if low else "",
                    "lower_text": low.text if low else "",
                    "score": f"{score:.2f}" if lower else "",
                    "evidence": evidence,
                    "leads": "、".join(sorted(leads)),
                }
            )
    return rows


def local_rows(corpus: Corpus, upper: Document) -> list[dict]:
    """Measures of the lower documents that carry out none of their upper documents' measures."""
    carried = {lower for m in corpus.aligned for lower, _, _ in corpus.aligned[m]}
    rows = []
    for lower in corpus.based_on.get(upper.iri, ()):
        doc = corpus.documents[lower]
        for t in corpus.tasks_of(doc):
            item = corpus.items.get(t)
            if item and item.is_measure and t not in carried and not corpus.children.get(t):
                rows.append({"document": doc.caption, "path": item.path, "task": item.heading, "text": item.text})
    return rows


# --- overlaps ----------------------------------------------------------------------------------


def overlap_parts(corpus: Corpus, styles: Styles, topics: list[tuple[int, Topic, bool]], root: str) -> list[Part]:
    """Topic → its near-duplicate measures (coloured by document) → their leads. The units are a
    topic's measures, so a topic of hundreds of measures runs over several parts and small topics
    share one; a part is named by the topics it shows."""
    units = [(number, topic, conflict, m) for number, topic, conflict in topics for m in topic.measures]

    def build(run: Sequence) -> Part:
        graph: nx.DiGraph = nx.DiGraph()
        layer: dict = {}
        docs = []
        by_topic: dict[int, tuple] = {}
        for number, topic, conflict, m in run:
            by_topic.setdefault(number, (topic, conflict, []))[2].append(m)
        for number, (topic, conflict, measures) in by_topic.items():
            hub = f"topic:{number}"
            graph.add_node(
                hub,
                label=f"主题{number} {cut(topic.label, 6)}",
                title=tip(
                    "重复主题 overlap topic" + (" · 牵头不同 different leads" if conflict else ""),
                    topic.label,
                    f"相似度 similarity ≥ {topic.similarity:.2f}",
                ),
                color={"background": "#f7d4d4", "border": "#c0392b"} if conflict else TOPIC_COLOUR,
                shape="box",
            )
            layer[hub] = 0
            for m in measures:
                doc = corpus.by_stem(m.document)
                docs.append(doc)
                leads = [n for r in LEADING for n in m.agencies.get(r, ())]
                graph.add_node(
                    m.measure,
                    label=cut(f"{m.path.rsplit('/', 1)[-1]} {m.title}"),
                    title=tip(
                        "措施 measure",
                        f"{doc.caption if doc else m.document} · {m.path}",
                        m.title,
                        *(f"“{c}”" for c in m.clauses[:2]),
                        f"牵头/责任 leads: {'、'.join(leads)}" if leads else "无牵头 no lead",
                    ),
                    color=styles.box(doc),
                    shape="box",
                    url=f"{root}documents/{doc.stem}.html" if doc else "",
                )
                layer[m.measure] = 1
                graph.add_edge(hub, m.measure, color="#b7950b", title="相似条款 similar clauses")
            for a in _add_duties(graph, corpus, [m.measure for m in measures], root):
                layer[a] = 2
        positions = layered(graph, layer, boxes_of(graph))
        shown = list(by_topic)
        if len(shown) == 1:
            name = f"主题{shown[0]} {cut(by_topic[shown[0]][0].label, 16)}"
        else:
            name = f"主题{shown[0]}–{shown[-1]}"
        return Part(name, graph, positions, styles.legend(docs))

    return numbered(fitted(units, build)) if units else []


def numbered_topics(corpus: Corpus) -> list[tuple[int, Topic, bool]]:
    """Topics numbered, those whose measures have different leads first."""
    out = []
    for number, topic in enumerate(corpus.overview.topics, 1):
        leads = {frozenset(n for r in LEADING for n in m.agencies.get(r, ())) for m in topic.measures}
        out.append((number, topic, len({lead for lead in leads if lead}) > 1))
    return sorted(out, key=lambda t: (not t[2], t[0]))


def topic_pages(topics: list[tuple[int, Topic, bool]]) -> list[list[tuple[int, Topic, bool]]]:
    """Consecutive topics packed into pages of up to :data:`PAGE_MEASURES` measures, a topic with
    more cut into runs of that many, so that every page opens at once however large the corpus."""
    pages: list[list[tuple[int, Topic, bool]]] = []
    size = PAGE_MEASURES  # measures on the last page (none yet: as if full)
    for number, topic, conflict in topics:
        runs = [topic.measures[i : i + PAGE_MEASURES] for i in range(0, len(topic.measures), PAGE_MEASURES)]
        for run in runs:
            if size + len(run) > PAGE_MEASURES:
                pages.append([])
                size = 0
            pages[-1].append((number, replace(topic, measures=run) if len(runs) > 1 else topic, conflict))
            size += len(run)
    return pages


def shown_measures(run: Topic, topic: Topic) -> str:
    """Which of ``topic``'s measures a page shows when it shows a run of them: 措施 201–400 / 648."""
    if len(run.measures) == len(topic.measures):
        return ""
    first = topic.measures.index(run.measures[0]) + 1
    return f"措施 measures {first}–{first + len(run.measures) - 1} / {len(topic.measures)}"


def topic_page_name(index: int) -> str:
    """The file of the ``index``-th page of topics (from 0), relative to the pages' folder."""
    return "overlaps.html" if index == 0 else f"overlaps/{index + 1}.html"


def topic_rows(corpus: Corpus, topics: list[tuple[int, Topic, bool]], pages: list[list[Part]]) -> list[dict]:
    """Every topic, with a link to the first part that draws it (``pages``: the parts of each page
    of :func:`topic_pages`), the documents it joins (the first :data:`LISTED_DOCUMENTS` named) and
    its leads with the number of measures each leads, so that the list is searched by any name."""
    drawn: dict[str, str] = {}
    for index, parts in enumerate(pages):
        for k, part in enumerate(parts):
            for hub in (n for n in part.graph if str(n).startswith("topic:")):
                drawn.setdefault(hub, f"{topic_page_name(index)}#part-{k + 1}")
    rows = []
    for number, topic, conflict in topics:
        leads = Counter(n for m in topic.measures for n in {a for r in LEADING for a in m.agencies.get(r, ())})
        stems = list(dict.fromkeys(m.document for m in topic.measures))
        named = "、".join(getattr(corpus.by_stem(s), "short", s) for s in stems[:LISTED_DOCUMENTS])
        rows.append(
            {
                "number": number,
                "label": topic.label,
                "conflict": conflict,
                "href": drawn[f"topic:{number}"],
                "measures": len(topic.measures),
                "documents": named + (f" 等 {len(stems)} 份" if len(stems) > LISTED_DOCUMENTS else ""),
                "leads": "、".join(f"{n} {c}" for n, c in sorted(leads.items(), key=lambda x: (-x[1], x[0]))),
            }
        )
    return rows


# --- agencies working together -----------------------------------------------------------------


def community_parts(corpus: Corpus, root: str) -> list[Part]:
    """Groups of agencies that share tasks (Louvain, fixed seed), the largest first, then small ones city by city;
    a group larger than :data:`COMMUNITY` is split again; each node keeps its three strongest ties."""
    projection = corpus.overview.projection
    load = {a: corpus.overview.loads[a].weighted_degree for a in corpus.overview.loads}
    groups = []
    todo = [set(projection.nodes)] if len(projection) else []
    while todo:
        group = todo.pop(0)
        if len(group) <= COMMUNITY:
            groups.append(sorted(group, key=lambda a: (-load.get(a, 0), a)))
            continue
        parts = nx.community.louvain_communities(
            projection.subgraph(group),
            weight="weight",
            seed=7,
            resolution=1.0 if len(group) == len(projection) else 1.5,
        )
        if len(parts) == 1:
            ranked = sorted(group, key=lambda a: (-load.get(a, 0), a))
            parts = [set(ranked[i : i + COMMUNITY]) for i in range(0, len(ranked), COMMUNITY)]
        todo.extend(sorted(parts, key=lambda p: (-max(load.get(a, 0) for a in p), min(p))))
    groups.sort(key=lambda g: (-len(g), -load.get(g[0], 0), g[0]))  # largest first, as communities() has them
    groups = _binned(groups, corpus)

    def build(members: Sequence[str]) -> Part:
        graph: nx.Graph = nx.Graph()
        for a in members:
            graph.add_node(f"agency:{a}", **agency_node(corpus, a, root, dot=True))
        for a in members:
            ties = sorted(
                (b for b in projection.neighbors(a) if b in members),
                key=lambda b: (-projection.edges[a, b]["weight"], b),
            )[:3]
            for b in ties:
                weight = projection.edges[a, b]["weight"]
                graph.add_edge(
                    f"agency:{a}",
                    f"agency:{b}",
                    weight=weight,
                    width=1 + min(weight, 8) / 2,
                    color="#85929e",
                    title=f"共同任务 {weight} 项 shared tasks",
                )
        positions = spread(graph, boxes_of(graph))
        city = corpus.overview.agencies.get(members[0], {}).get("city", "")
        name = f"{city} {corpus.short_names.get(members[0], members[0])} 等 {len(members)} 个机构".strip()
        return Part(name, graph, positions)

    return numbered([p for g in groups for p in _fitting(g, build)])


def _binned(groups: list[list[str]], corpus: Corpus) -> list[list[str]]:
    """Groups of fewer than a quarter of :data:`COMMUNITY` agencies put together, city by city, into
    parts of up to :data:`COMMUNITY`, so a page is not dozens of pairs."""
    big = [g for g in groups if len(g) * 4 >= COMMUNITY]
    city = {a: corpus.overview.agencies.get(a, {}).get("city", "") for g in groups for a in g}
    small = sorted((g for g in groups if len(g) * 4 < COMMUNITY), key=lambda g: (city[g[0]], -len(g), g[0]))
    bins: list[list[str]] = []
    for g in small:
        if bins and city[bins[-1][0]] == city[g[0]] and len(bins[-1]) + len(g) <= COMMUNITY:
            bins[-1].extend(g)
        else:
            bins.append(list(g))
    return big + bins


# --- zones -------------------------------------------------------------------------------------


def zone_parts(corpus: Corpus) -> list[Part]:
    """Zone → cluster → industry, one run of clusters per part."""
    clusters: dict[str, dict] = {}
    targets: dict[str, list[str]] = defaultdict(list)
    for c in corpus.overview.clusters:
        clusters.setdefault(c["cluster"], c)
        if c["year"]:
            targets[c["cluster"]].append(f"{c['year']} {c['indicator']}: {c['value']}{c['unit']}")
    ordered = sorted(clusters.values(), key=lambda c: (c["zone"], c["cluster"]))

    def build(run: Sequence[dict]) -> Part:
        graph: nx.DiGraph = nx.DiGraph()
        layer: dict = {}
        for c in run:
            zone, cluster, industry = f"zone:{c['zone']}", f"cluster:{c['cluster']}", f"industry:{c['industry']}"
            graph.add_node(
                zone,
                label=cut(c["zone"]),
                title=tip("开发区 zone", c["zone"]),
                shape="box",
                color={"background": "#fdebd0", "border": "#f39c12"},
            )
            graph.add_node(
                cluster,
                label=cut(c["cluster"]),
                shape="box",
                title=tip("产业集群 cluster", c["cluster"], "目标 targets", *targets[c["cluster"]]),
                color={"background": "#d5efd5", "border": "#27ae60"},
            )
            graph.add_node(
                industry,
                label=cut(c["industry"]),
                shape="box",
                title=tip("产业 industry", c["industry"], c["code"] and f"GB/T 4754-2017 {c['code']}"),
                color={"background": "#d6e6f5", "border": "#2e86c1"},
            )
            layer.update({zone: 0, cluster: 1, industry: 2})
            graph.add_edge(zone, cluster, title="集群所在 zone of the cluster", color="#aaaaaa")
            graph.add_edge(cluster, industry, title="集群产业 industry of the cluster", color="#aaaaaa")
        positions = layered(graph, layer, boxes_of(graph))
        return Part(
            f"{cut(run[0]['zone'], 10)} …" if len({c["zone"] for c in run}) > 1 else run[0]["zone"], graph, positions
        )

    return numbered(fitted(ordered, build)) if ordered else []


# --- writing the pages -------------------------------------------------------------------------


def _data(parts: list[Part]) -> dict:
    return {"parts": [p.as_json() for p in parts], "options": OPTIONS}


def write_views(corpus: Corpus, out: Path, progress: Progress = SILENT) -> dict[str, Path]:
    """Every page into ``out``; returns the main ones by name (documents and agencies by stem and
    slug under ``documents/`` and ``agencies/``). On a terminal, a bar over the pages."""
    styles = Styles(corpus)
    copy_assets(out / "assets")
    written: dict[str, Path] = {}
    home = [("index.html", "首页 home")]
    up = [("../index.html", "首页 home")]
    topics = numbered_topics(corpus)
    topic_groups = topic_pages(topics) or [[]]
    # a page per document, per agency and per group of topics, and five more: the agencies' index, the flow,
    # who works together, the zones and the home page
    bar = progress.bar(len(corpus.documents) + len(corpus.overview.loads) + len(topic_groups) + 5, "pages", "page")

    def page(template: str, path: Path, **context) -> Path:
        written_path = render(template, path, **context)
        bar.update()
        return written_path

    def view(name: str, template: str, path: Path, root: str, parts: list[Part], **context) -> Path:
        shown = len(parts[0].graph) if parts else 0
        written[name] = page(template, path, root=root, data=_data(parts), parts=parts, shown=shown, **context)
        return written[name]

    for doc in corpus.documents.values():
        rows = task_rows(corpus, doc)
        columns, matrix_rows = matrix(corpus, rows)
        view(
            f"documents/{doc.stem}",
            "document.html",
            out / "documents" / f"{doc.stem}.html",
            "../",
            document_parts(corpus, styles, doc, "../"),
            title=doc.caption,
            question="这份文件要求做什么、由谁来做？ What does this document ask, and who does it?",
            links=up + [("../flow.html", "政策传导 flow")],
            legend=[LegendEntry("章节/任务 section or task", "#999999", "box"), *role_legend(LEADING)],
            doc=doc,
            rows=rows,
            columns=columns,
            matrix_rows=matrix_rows,
        )
    agency_rows_all = []
    for iri in sorted(corpus.overview.loads, key=lambda a: (-corpus.overview.loads[a].weighted_degree, a)):
        info, load = corpus.overview.agencies.get(iri, {}), corpus.overview.loads[iri]
        name = slug(iri)
        view(
            f"agencies/{name}",
            "agency.html",
            out / "agencies" / f"{name}.html",
            "../",
            agency_parts(corpus, iri, "../"),
            title=f"{info.get('agency_zh', iri)} {info.get('agency_en', '')}".strip(),
            question="这个机构在哪些文件中负责什么、何时完成？ What is this agency responsible for, everywhere?",
            links=up + [("index.html", "机构列表 agencies"), ("../responsibility.html", "责任网络 who works together")],
            legend=[
                LegendEntry("中心 this agency", KIND_STYLE.get(info.get("kind", ""), KIND_STYLE[""])[0]),
                LegendEntry("共同任务 shared tasks (width: how many)", "#5d6d7e", "line"),
            ],
            rows=agency_rows(corpus, iri),
            info=info,
            load=load,
        )
        agency_rows_all.append({"slug": name, "info": info, "load": load, "short": corpus.short_names.get(iri, "")})
    written["agencies"] = page(
        "agencies.html", out / "agencies" / "index.html", root="../", rows=agency_rows_all, links=up
    )
    chains = [
        corpus.documents[u]
        for u in corpus.based_on
        if u in corpus.documents and any(m in corpus.status for m in corpus.tasks_of(corpus.documents[u]))
    ]
    flow = [p for u in chains for p in chain_parts(corpus, styles, u, "")] + lineage_parts(corpus, styles, "")
    view(
        "flow",
        "flow.html",
        out / "flow.html",
        "",
        flow,
        title="政策传导 Policy flow",
        question="上级政策如何传导到我们？ How does an upper policy flow down to us?",
        links=home,
        legend=[
            LegendEntry("上级文件 (库外) upper document outside the corpus", "#c0392b", "diamond"),
            LegendEntry("未落实 not taken up", GREY[0], "box"),
            LegendEntry("落实 carried out by (width: similarity)", "#34495e", "line"),
            *role_legend(LEADING),
        ],
        chains=[(u, flow_rows(corpus, u), local_rows(corpus, u)) for u in chains],
        lineage=[
            (
                corpus.documents[u].caption if u in corpus.documents else cited_node(corpus, u)["title"].split("\n")[1],
                [corpus.documents[d] for d in corpus.based_on[u]],
            )
            for u in sorted(corpus.based_on, key=lambda u: (u not in corpus.documents, u))
        ],
    )
    topic_parts = [
        (group, overlap_parts(corpus, styles, group, "../" if index else ""))
        for index, group in enumerate(topic_groups)
    ]
    index_rows = topic_rows(corpus, topics, [parts for _, parts in topic_parts])
    whole = {n: t for n, t, _ in topics}
    for index, (group, parts) in enumerate(topic_parts):
        root = "../" if index else ""
        pager = [
            (root + topic_page_name(i), text)
            for i, text in ((index - 1, "‹ 上一页 previous"), (index + 1, "下一页 next ›"))
            if 0 <= i < len(topic_parts)
        ]
        view(
            topic_page_name(index)[: -len(".html")],
            "overlaps.html",
            out / topic_page_name(index),
            root,
            parts,
            title="重复与冲突 Overlaps and conflicts"
            + (f" · 第 {index + 1}/{len(topic_parts)} 页 page" if len(topic_parts) > 1 else ""),
            question="我们在哪里重复或自相矛盾？ Where do we overlap or contradict ourselves?",
            links=[(root + "index.html", "首页 home"), (f"{root}overlaps.html#topics", "主题一览 all topics")]
            + pager
            + [(root + "../report/report.html#overlap", "审计报告 audit report")],
            legend=[
                LegendEntry("主题 topic", "#b7950b", "box"),
                LegendEntry("牵头不同 different leads", "#c0392b", "box"),
                *role_legend(LEADING),
            ],
            topics=[
                (n, t, c, [corpus.by_stem(m.document) for m in t.measures], shown_measures(t, whole[n]))
                for n, t, c in group
            ],
            index_rows=[] if index else index_rows,
            pages=len(topic_parts),
            leading=[(r, ROLE_STYLE[r][2]) for r in LEADING],
        )
    communities = community_parts(corpus, "")
    view(
        "responsibility",
        "responsibility.html",
        out / "responsibility.html",
        "",
        communities,
        title="责任网络 Who works together",
        question="哪些机构经常共同负责任务？ Which agencies keep sharing tasks?",
        links=home + [("agencies/index.html", "机构列表 agencies")],
        legend=kind_legend(sorted({a.get("kind", "") for a in corpus.overview.agencies.values()}))
        + [LegendEntry("共同任务 shared tasks (width: how many)", "#85929e", "line")],
        groups=[(p.name, [p.graph.nodes[n]["label"] for n in p.graph]) for p in communities],
    )
    view(
        "zones",
        "zones.html",
        out / "zones.html",
        "",
        zone_parts(corpus),
        title="开发区与产业 Zones and industries",
        question="开发区有哪些产业集群、目标是多少？ Which clusters does each zone hold, with what targets?",
        links=home,
        legend=[
            LegendEntry("开发区 zone", "#f39c12", "box"),
            LegendEntry("产业集群 cluster", "#27ae60", "box"),
            LegendEntry("产业 industry (GB/T 4754-2017)", "#2e86c1", "box"),
        ],
        clusters=corpus.overview.clusters,
    )
    figures = [
        ("文件 documents", len(corpus.documents)),
        ("任务 tasks with agencies", len(corpus.duties)),
        ("机构 agencies", len(corpus.overview.loads)),
        ("责任 assignments", corpus.overview.network.number_of_edges()),
        ("目标 targets", len(corpus.overview.targets)),
    ]
    written["index"] = page(
        "index.html", out / "index.html", root="", figures=figures, documents=list(corpus.documents.values())
    )
    bar.close()
    return written
