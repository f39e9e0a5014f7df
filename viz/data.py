"""What the views show, read once from the store: the analyses' overview plus the outlines, the
names a reader uses (short titles and 文号, short agency names), deadlines and the measure-by-measure
flow, read through the SPARQL of ``viz/queries/``."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from pyoxigraph import Store

from policykg.progress import SILENT, Progress
from policykg.queries.catalogue import Query, parse_query, run
from policykg.queries.overview import Overview, overview
from policykg.queries.store_rows import stem

LEADING = ("lead", "responsible", "coordinator")  # the roles that carry a task (牵头, 责任, 统筹)
ROLE_ZH = {"lead": "牵头", "responsible": "责任", "coordinator": "统筹", "support": "配合", "implementer": "落实"}
LEVEL_CHARACTERS = "省市区县镇乡"


@cache
def queries() -> dict[str, Query]:
    folder = files("policykg.viz") / "queries"
    return {
        p.name[:-3]: parse_query(p.name[:-3], p.read_text(encoding="utf-8"))
        for p in sorted(folder.iterdir(), key=lambda p: p.name)
        if p.name.endswith(".rq")
    }


def short_title(title: str, enclosed: str) -> str:
    """What a reader calls a document: the plan a notice issues (关于印发《X》的通知 → X), else the
    title without its issuers' preamble (中共X市委 X市人民政府 关于… → 关于…).

    >>> short_title("驻马店市人民政府办公室关于印发《驻马店市推进产业集聚区行动方案》的通知", "")
    '驻马店市推进产业集聚区行动方案'
    >>> short_title("中共驻马店市委 驻马店市人民政府 关于加快工业经济发展的若干意见", "")
    '关于加快工业经济发展的若干意见'
    """
    if enclosed:
        return enclosed
    quoted = re.search(r"《([^》]+)》", title)
    if quoted and re.search(r"(印发|转发).*《", title):
        return quoted.group(1)
    issuers = re.match(r"(?:\S+\s+)+(关于\S.*)", title)
    return issuers.group(1) if issuers else title


@dataclass(frozen=True)
class Document:
    iri: str
    stem: str
    title: str
    short: str
    number: str
    level: str
    city: str
    date: str

    @property
    def caption(self) -> str:
        """Short title and 文号, as a legend names a document."""
        return f"{self.short}（{self.number}）" if self.number else self.short


@dataclass(frozen=True)
class Item:
    iri: str
    document: str  # IRI
    parent: str  # IRI of the parent item, or of the document for a top-level item
    path: str
    title: str
    text: str
    order: int
    is_measure: bool
    deadlines: tuple[str, ...]

    @property
    def heading(self) -> str:
        """Its title, else the opening words of its text."""
        return self.title or self.text[:16]


@dataclass(frozen=True)
class Duty:
    """One responsibility: an agency named in a role for a task, with the sentence it was read from."""

    agency: str
    task: str  # item IRI, or the annex row's node
    role: str
    quote: str


@dataclass(eq=False)
class Corpus:
    """Everything the views draw."""

    overview: Overview
    documents: dict[str, Document]  # by IRI, in corpus order
    items: dict[str, Item]  # by IRI, in document order
    children: dict[str, list[str]]  # document or item IRI -> its items in order
    duties: dict[str, list[Duty]]  # by task
    duties_of: dict[str, list[Duty]]  # by agency
    short_names: dict[str, str]  # agency IRI -> short name
    aligned: dict[str, list[tuple[str, float, str]]]  # upper item -> (lower item, score, evidence)
    status: dict[str, str]  # upper item -> taken_up | not_taken_up
    based_on: dict[str, list[str]] = field(default_factory=dict)  # upper document IRI -> lower corpus documents
    _tasks: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def by_stem(self, name: str) -> Document | None:
        return self._stems().get(name)

    @cache  # noqa: B019 (one corpus per run)
    def _stems(self) -> dict[str, Document]:
        return {d.stem: d for d in self.documents.values()}

    def tasks_of(self, doc: Document) -> list[str]:
        """A document's items in outline order, then its annex rows that match no item."""
        if not self._tasks:
            rows = defaultdict(list)
            for task in sorted(self.duties):
                if task not in self.items:
                    rows[self.overview.network.nodes[task].get("document", "")].append(task)
            for d in self.documents.values():
                order: list[str] = []
                todo = list(reversed(self.children.get(d.iri, ())))
                while todo:
                    task = todo.pop()
                    order.append(task)
                    todo.extend(reversed(self.children.get(task, ())))
                self._tasks[d.iri] = order + rows.get(d.stem, [])
        return self._tasks.get(doc.iri, [])

    def agency_name(self, iri: str) -> str:
        return self.overview.agencies.get(iri, {}).get("agency_zh", iri)

    def task_label(self, task: str) -> str:
        item = self.items.get(task)
        if item:
            return f"{item.path} {item.heading}"
        return self.overview.network.nodes[task].get("label_zh", "") if task in self.overview.network else task

    def task_document(self, task: str) -> Document | None:
        item = self.items.get(task)
        if item:
            return self.documents.get(item.document)
        data = self.overview.network.nodes[task] if task in self.overview.network else {}
        return self.by_stem(data.get("document", ""))

    def source_line(self, task: str) -> str:
        """Where a task is: its document's caption and its path."""
        doc, item = self.task_document(task), self.items.get(task)
        return " · ".join(x for x in (doc.caption if doc else "", item.path if item else "附件") if x)


def short_name(info: dict[str, str], alternatives: list[str]) -> str:
    """An agency as a city's documents write it: its curated short form opening with its level
    (市工信局), else, for an agency the gazetteer resolved, its name with the place cut to its level
    character (金山区教育局 → 区教育局); a name the gazetteer does not know stays as printed.

    >>> short_name({"agency_zh": "驻马店市工业和信息化局", "city": "驻马店市", "resolved": "true"},
    ...            ["工信局", "市工信局"])
    '市工信局'
    >>> short_name({"agency_zh": "金山区教育局", "city": "金山区", "resolved": "true"}, [])
    '区教育局'
    """
    name, city = info.get("agency_zh", ""), info.get("city", "")
    if info.get("resolved") != "true":
        return name
    forms = sorted((a for a in alternatives if a[:1] in LEVEL_CHARACTERS and len(a) >= 3), key=lambda a: (len(a), a))
    if forms:
        return forms[0]
    if city and name.startswith(city) and len(name) > len(city) + 1:
        return city[-1] + name[len(city) :]
    return name


def gather(store: Store, progress: Progress = SILENT) -> Corpus:
    """Read everything the views need from a built store (on a terminal, a bar over the overview's
    analyses and each question of ``viz/queries/``)."""
    q = queries()
    bar = progress.bar(1 + len(q), "reading the store", "query")

    def ask(name: str) -> list[dict[str, str]]:
        rows = run(store, q[name])
        bar.update()
        return rows

    data = overview(store)
    bar.update()
    documents = {}
    for r in ask("documents"):
        documents[r["document"]] = Document(
            r["document"],
            stem(r["source_file"]),
            r["title"] or stem(r["source_file"]),
            short_title(r["title"], r["enclosed_title"]) or stem(r["source_file"]),
            r["number"],
            r["level"],
            r["city"],
            r["date"],
        )
    items, children = {}, defaultdict(list)
    for r in ask("items"):
        item = Item(
            r["item"],
            r["document"],
            r["parent"] or r["document"],
            r["path"],
            r["title"],
            r["text"],
            int(r["order"]),
            r["is_measure"] == "true",
            tuple(sorted(set(filter(None, r["deadlines"].split(";"))))),
        )
        items[item.iri] = item
        children[item.parent].append(item.iri)
    duties, duties_of = defaultdict(list), defaultdict(list)
    for agency, task, edge in data.network.edges(data=True):
        duty = Duty(agency, task, edge["role"], edge["quote"])
        duties[task].append(duty)
        duties_of[agency].append(duty)
    alternatives = defaultdict(list)
    for r in ask("agency_names"):
        alternatives[r["agency"]].append(r["alt"])
    aligned, status = defaultdict(list), {}
    for r in ask("alignments"):
        status[r["upper"]] = r["status"]
        if r["lower"]:
            aligned[r["upper"]].append((r["lower"], float(r["score"]), r["evidence"]))
    bar.close()
    based_on = defaultdict(list)
    for upper, lower, attrs in data.flow.edges(data=True):
        if attrs.get("relation") == "based_on" and lower in documents:
            based_on[upper].append(lower)
    return Corpus(
        overview=data,
        documents=documents,
        items=items,
        children=children,
        duties=duties,
        duties_of=duties_of,
        short_names={a: short_name(info, alternatives[a]) for a, info in data.agencies.items()},
        aligned=aligned,
        status=status,
        based_on=based_on,
    )
