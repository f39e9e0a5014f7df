"""Records to triples, under the IRIs of :mod:`iris`.

An item's IRI is its path's code (二/（三）/1 -> ``item/2-p3-1``), a repeated number taking ``~``.
The same records always give the same triples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import chain

from pyoxigraph import Literal, NamedNode, Triple

import policykg.graph.iris as iris
from policykg.graph.gazetteer import Agency, Place, key
from policykg.graph.numbering import DECIMAL_RANKS, NAMED, parse_segment
from policykg.graph.records import Citation, DocumentRecord, Item
from policykg.graph.units import base_unit
from policykg.ontology.namespace import PKG as PKG_TERMS

PKG = str(PKG_TERMS)
ELI = "http://data.europa.eu/eli/ontology#"
OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_PREF = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "pkg": PKG,
    "eli": ELI,
    "oa": OA,
    "doc": iris.ID + "doc/",
    "ag": iris.ID + "agency/",
    "atype": iris.ID + "agency-type/",
    "place": iris.ID + "place/",
    "ind": iris.ID + "industry/",
    "co": iris.ID + "company/",
    "cluster": iris.ID + "cluster/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
}

ROLE = {
    "lead": "Lead",
    "support": "Support",
    "responsible": "Responsible",
    "implementer": "Implementer",
    "coordinator": "Coordinator",
}
SHORTCUT = {
    "lead": "leads",
    "support": "supports",
    "responsible": "responsibleFor",
    "implementer": "implements",
    "coordinator": "coordinates",
}
SOURCE = {"body": "BodyClause", "annex": "AnnexRow", "prose": "Prose", "curated": "Curated"}
LEVEL = {"national": "National", "provincial": "Provincial", "municipal": "Municipal", "county": "CountyLevel",
         "township": "TownshipLevel"}  # fmt: skip
KIND = {"level": "Level", "growth": "Growth", "share": "Share", "count": "Count", "reduction": "Reduction",
        "multiple": "Multiple", "coverage": "Coverage", "category": "CategoryTarget", "ratio": "Ratio"}  # fmt: skip
MENTIONS = {"Industry": "mentionsIndustry", "Company": "mentionsCompany"}
_STYLE_CODE = {"cn": "", "cn_paren": "p", "arabic": "", "arabic_paren": "a", "arabic_half": "h", "circled": "c",
               "box": "box", "part": "pt", "chapter": "ch", "section": "s", "article": "art",
               "article_added": "arta", "text": "text", "arabic_pair": "d", "ordinal": "o", "bracket": "b",
               **{style: style.replace("_", "") for style in NAMED}}  # fmt: skip


@cache
def pkg(name: str) -> NamedNode:
    """A term of the ontology; one it does not define raises AttributeError (ontology/namespace.py)."""
    return NamedNode(str(PKG_TERMS[name]))


IN_DOCUMENT, AGENCY, ISSUED_BY = pkg("inDocument"), pkg("agency"), pkg("issuedBy")
MEASURE, ROLE_OF, TARGET_OF = pkg("measure"), pkg("role"), pkg("targetOf")
DUE_YEAR, PER_YEAR = pkg("dueYear"), pkg("perYear")


# A triple as its terms: the counts read a document's facts back, and reading a term of a Triple
# makes a new object each time; each fact becomes a Triple once, at the end (document_triples).
Fact = tuple[NamedNode, NamedNode, NamedNode | Literal]


def text(value: str) -> Literal:
    return Literal(value)


def zh(value: str) -> Literal:
    return Literal(value, language="zh")


def typed(value: object, datatype: str) -> Literal:
    if isinstance(value, bool):
        value = "true" if value else "false"
    return Literal(str(value), datatype=term(XSD + datatype))


@cache
def term(iri: str) -> NamedNode:
    """A vocabulary's term, made once: a document's triples repeat the same few thousands of times."""
    return NamedNode(iri)


def document_iri(record: DocumentRecord) -> NamedNode:
    return NamedNode(iris.document(record.stem))


@lru_cache(maxsize=1 << 12)  # documents number their items alike: the same paths, document after document
def item_code(path: str) -> str:
    """
    >>> item_code("二/（三）/1")
    '2-p3-1'
    >>> [item_code(p) for p in ("第五条/（一）", "第二章/第一节", "4/4.1/4.1.1/（1）")]
    ['art5-p1', 'ch2-s1', '4-4.1-4.1.1-a1']
    """
    parts = []
    for segment in path.split("/"):
        style, n = parse_segment(segment)
        parts.append(segment if style in DECIMAL_RANKS else f"{_STYLE_CODE[style]}{n}")  # 4.1.1 as printed
    return "-".join(parts)


def agency_triples(agency: Agency) -> Iterator[Fact]:
    """The triples of an agency the build knows (the gazetteer's own are in its vocabulary file)."""
    node = NamedNode(agency.iri)
    yield (node, RDF_TYPE, pkg("Agency"))
    yield (node, SKOS_PREF, zh(agency.label_zh))
    if agency.label_en:
        yield (node, SKOS_PREF, Literal(agency.label_en, language="en"))
    yield (node, pkg("city"), NamedNode(agency.city.iri))
    if agency.type:
        yield (node, pkg("functionalType"), NamedNode(agency.type.iri))
    if agency.bureau:  # a division's bureau, described with it when only its division is named
        yield (node, pkg("divisionOf"), NamedNode(agency.bureau.iri))
        if not agency.bureau.in_gazetteer:
            yield from agency_triples(agency.bureau)
    yield (node, pkg("resolved"), typed(agency.resolved, "boolean"))


def place_triples(place: Place) -> Iterator[Fact]:
    """The triples of a division the curated vocabulary lacks (its own are in places.ttl)."""
    node = NamedNode(place.iri)
    yield (node, RDF_TYPE, pkg(place.kind))
    yield (node, SKOS_PREF, zh(place.label_zh))
    if place.label_en:
        yield (node, SKOS_PREF, Literal(place.label_en, language="en"))
    for alias in place.aliases:
        yield (node, SKOS_ALT, zh(alias))
    if place.division:
        yield (node, pkg("divisionCode"), text(place.division.code))
    if place.within:
        yield (node, pkg("withinArea"), NamedNode(place.within))


def annex_iris(record: DocumentRecord) -> dict[str, NamedNode]:
    """The node of each annex, by its label."""
    doc = document_iri(record).value
    return {annex.label: NamedNode(iris.annex(doc, k)) for k, annex in enumerate(record.outline.annexes, 1)}


def _item_nodes(record: DocumentRecord) -> list[tuple[Item, NamedNode]]:
    """Every item and its node: body items under the document (a repeated number gets ~), an
    annex's own items (its numbered text, ``附件/1``), and the tasks only a task table states under
    the annex, or under the body item whose list of tasks the table is (``三/1``)."""
    doc = document_iri(record).value
    annexes = annex_iris(record)
    nodes: list[tuple[Item, NamedNode]] = []
    taken: set[str] = set()  # the nodes of the outline's items
    for item in chain(record.outline.walk(), record.annex_items):
        label, _, rest = item.path.partition("/")
        if label in annexes:
            iri = iris.item(annexes[label].value, item_code(rest))
        else:
            iri = iris.item(doc, item_code(item.path))
        while iri in taken:  # a repeated number
            iri += "~"
        taken.add(iri)
        nodes.append((item, NamedNode(iri)))
    return nodes


def item_iris(record: DocumentRecord) -> dict[str, NamedNode]:
    """The node of every item by its path (the first item of a path, should two share one)."""
    items: dict[str, NamedNode] = {}
    for item, node in _item_nodes(record):
        items.setdefault(item.path, node)
    return items


def target_iris(record: DocumentRecord) -> list[NamedNode]:
    """The node of each target, in the record's order: numbered within its item, annex or document."""
    items, annexes, doc = item_iris(record), annex_iris(record), document_iri(record)
    counters: dict[str, int] = {}
    nodes = []
    for target in record.targets:
        base = items.get(target.path) or annexes.get(target.path) or doc
        counters[base.value] = counters.get(base.value, 0) + 1
        nodes.append(NamedNode(iris.target(base.value, counters[base.value])))
    return nodes


def document_triples(record: DocumentRecord) -> Iterator[Triple]:
    """Every triple of one document: metadata, outline items, responsibilities with evidence, and
    the counts of its parts."""
    facts = list(_content_triples(record))
    facts += count_triples(document_iri(record), facts)
    for s, p, o in facts:
        yield Triple(s, p, o)


COUNTED = {"OutlineItem": "itemCount", "Measure": "measureCount", "Annex": "annexCount",
           "Responsibility": "responsibilityCount", "Target": "targetCount"}  # fmt: skip


def count_triples(doc: NamedNode, facts: list[Fact]) -> Iterator[Fact]:
    """How many parts of each kind a document has, counted from its own triples: a summary the
    build computes once, so that a question over the whole corpus reads a number per document rather
    than aggregating every item and responsibility at query time (and a document added later brings
    its counts with it)."""
    by = _by_predicate(facts)
    parts = {s for s, o in by[IN_DOCUMENT] if o == doc}
    typed_parts = {(s, o) for s, o in by[RDF_TYPE] if s in parts}
    kinds = Counter(kind for _, kind in typed_parts)
    for kind, prop in COUNTED.items():
        yield (doc, pkg(prop), typed(kinds[pkg(kind)], "nonNegativeInteger"))
    agencies = {o for s, o in by[AGENCY] if s in parts}
    issuers = {o for s, o in by[ISSUED_BY] if s == doc}
    yield (doc, pkg("agencyCount"), typed(len(agencies), "nonNegativeInteger"))
    yield (doc, pkg("issuerCount"), typed(len(issuers), "nonNegativeInteger"))
    placed = {s for s, _ in by[MEASURE]}
    loose = sum(1 for s, kind in typed_parts if kind == pkg("Responsibility") and s not in placed)
    if loose:  # absent when none: a question reads the few documents that have any from the index
        yield (doc, pkg("looseResponsibilityCount"), typed(loose, "integer"))
    yield from due_count_triples(doc, [s for s, kind in typed_parts if kind == pkg("Target")], by)
    yield from item_count_triples([s for s, kind in typed_parts if kind == pkg("OutlineItem")], by)


_COUNTED_BY = (IN_DOCUMENT, RDF_TYPE, AGENCY, ISSUED_BY, MEASURE, DUE_YEAR, PER_YEAR, ROLE_OF, TARGET_OF)


def _by_predicate(facts: list[Fact]) -> dict[NamedNode, list[tuple]]:
    """The (subject, object) pairs of the predicates the counts read, in the facts' order."""
    by: dict[NamedNode, list[tuple]] = {p: [] for p in _COUNTED_BY}
    for s, p, o in facts:
        if (pairs := by.get(p)) is not None:
            pairs.append((s, o))
    return by


def due_count_triples(doc: NamedNode, targets: list, by: dict[NamedNode, list[tuple]]) -> Iterator[Fact]:
    """How many of the document's targets fall due in each year (and name none), and how many of
    those are set for every year: a node per year, which the build lists year by year
    (graph/summaries.py) for the question that counts them (targets_by_year)."""
    years = {s: int(o.value) for s, o in by[DUE_YEAR] if isinstance(o, Literal)}
    every = {s for s, o in by[PER_YEAR] if o == typed(True, "boolean")}
    due = Counter(years.get(t) for t in targets)
    each = Counter(years.get(t) for t in targets if t in every)
    for year, n in due.items():
        node = NamedNode(iris.targets_due(doc.value, year))
        yield (node, RDF_TYPE, pkg("TargetsDue"))
        yield (node, pkg("dueOf"), doc)
        if year is not None:
            yield (node, pkg("dueInYear"), typed(year, "integer"))
        yield (node, pkg("dueTargetCount"), typed(n, "integer"))
        yield (node, pkg("dueEveryYearCount"), typed(each[year], "integer"))


def item_count_triples(items: list, by: dict[NamedNode, list[tuple]]) -> Iterator[Fact]:
    """How many agencies (in any role, and as lead) and targets each item has: read per item by the
    questions that list items over the whole corpus, which then need no aggregate (queries/PLANNING.md)."""
    measure, agency, role = (dict(by[p]) for p in (MEASURE, AGENCY, ROLE_OF))  # a subject's last object
    agencies: dict = {item: set() for item in items}
    leads: dict = {item: set() for item in items}
    targets = Counter(dict(by[TARGET_OF]).values())
    for r, item in measure.items():
        if item in agencies and r in agency:
            agencies[item].add(agency[r])
            if role.get(r) == pkg("Lead"):
                leads[item].add(agency[r])
    for item in items:
        yield (item, pkg("itemAgencyCount"), typed(len(agencies[item]), "integer"))
        yield (item, pkg("itemLeadCount"), typed(len(leads[item]), "integer"))
        yield (item, pkg("itemTargetCount"), typed(targets[item], "integer"))


def _content_triples(record: DocumentRecord) -> Iterator[Fact]:
    outline, meta = record.outline, record.outline.metadata
    doc = document_iri(record)
    yield (doc, RDF_TYPE, pkg("Document"))
    yield (doc, pkg("sourceFile"), text(outline.source))
    title = meta.title or meta.enclosed_title or record.stem
    yield (doc, term(ELI + "title"), zh(title))
    yield (doc, RDFS_LABEL, zh(title))
    if meta.enclosed_title:
        yield (doc, pkg("enclosedTitle"), zh(meta.enclosed_title))
    if meta.document_number:
        yield (doc, term(ELI + "id_local"), text(meta.document_number))
    yield (doc, pkg("city"), NamedNode(record.city.iri))
    for place in record.places:
        yield from place_triples(place)
    for date in meta.dates:
        yield (doc, pkg(f"{date.kind}On"), typed(date.date, "date"))
    seen: set[str] = set()  # agencies and responsibility IRIs already minted
    for issuer in record.issuers:
        yield (doc, pkg("issuedBy"), NamedNode(issuer.iri))
        if not issuer.in_gazetteer and issuer.iri not in seen:
            seen.add(issuer.iri)
            yield from agency_triples(issuer)

    annexes = annex_iris(record)
    for annex in outline.annexes:
        node = annexes[annex.label]
        yield (node, RDF_TYPE, pkg("Annex"))
        yield (node, pkg("inDocument"), doc)
        yield (node, RDFS_LABEL, zh(f"{annex.label} {annex.title or ''}".strip()))
        yield (node, term("http://www.w3.org/2004/02/skos/core#notation"), text(annex.label))
    items = item_iris(record)
    for order, (item, node) in enumerate(_item_nodes(record), 1):
        yield from _item_triples(doc, node, item, order, items)
    for deadline in sorted({(d.path, d.date) for d in record.deadlines}):
        yield (items[deadline[0]], pkg("deadline"), typed(deadline[1], "date"))
    assigned = {a.path for a, _ in record.assignments if a.path}
    for path in sorted(assigned):
        yield (items[path], RDF_TYPE, pkg("Measure"))

    for assignment, agency in record.assignments:
        if agency.iri not in seen and not agency.in_gazetteer:
            seen.add(agency.iri)
            yield from agency_triples(agency)
        yield from _responsibility_triples(doc, items, assignment, agency, seen, outline.text.original)

    if record.level:
        yield (doc, pkg("level"), pkg(LEVEL[record.level]))
    for target, node, (scope_place, cluster) in zip(record.targets, target_iris(record), record.target_scopes):
        yield from _target_triples(doc, node, target, items.get(target.path), outline.text.original)
        if scope_place:
            yield (node, pkg("scopePlace"), NamedNode(scope_place))
        if cluster:
            yield from _cluster_triples(node, cluster)
    for citation in record.citations:
        yield from _citation_triples(doc, citation)
    for path, found in record.mentions.items():
        for iri, kind in sorted({(f.iri, f.kind) for f in found}):
            yield (items[path], pkg(MENTIONS.get(kind, "mentionsPlace")), NamedNode(iri))


def _item_triples(doc, node, item: Item, order: int, items) -> Iterator[Fact]:
    yield (node, RDF_TYPE, pkg("OutlineItem"))
    yield (node, RDF_TYPE, pkg("Section" if item.children else "Measure"))
    yield (node, pkg("inDocument"), doc)
    parent = items.get(item.path.rsplit("/", 1)[0]) if "/" in item.path else None
    if parent:  # an annex task's parent is its group, when the group is a task of its own
        yield (node, pkg("partOf"), parent)
    yield (node, pkg("path"), text(item.path))
    yield (node, pkg("number"), text(item.number))
    yield (node, RDFS_LABEL, zh(f"{item.path} {item.title}" if item.title else item.path))
    if item.title:
        yield (node, pkg("title"), zh(item.title))
    yield (node, pkg("text"), zh(item.text))
    yield (node, pkg("order"), typed(order, "integer"))
    yield (node, pkg("startOffset"), typed(item.span.start, "nonNegativeInteger"))
    yield (node, pkg("endOffset"), typed(item.span.end, "nonNegativeInteger"))


def _responsibility_triples(doc, items, assignment, agency: Agency, seen: set[str], original: str) -> Iterator[Fact]:
    base = items[assignment.path].value if assignment.path else doc.value
    iri = iris.responsibility(base, assignment.source, assignment.role, agency.iri)
    while iri in seen:  # the same agency twice in one role (a row naming it as lead and support)
        iri += "~"
    seen.add(iri)
    node, agency_node = NamedNode(iri), NamedNode(agency.iri)
    span = assignment.quote
    yield (node, RDF_TYPE, pkg("Responsibility"))
    yield (node, pkg("inDocument"), doc)
    if assignment.path:
        yield (node, pkg("measure"), items[assignment.path])
        yield (agency_node, pkg(SHORTCUT[assignment.role]), items[assignment.path])
    yield (node, pkg("agency"), agency_node)
    yield (node, pkg("role"), pkg(ROLE[assignment.role]))
    yield (node, pkg("rank"), typed(assignment.rank, "positiveInteger"))
    yield (node, pkg("joint"), typed(assignment.joint, "boolean"))
    yield (node, pkg("sourceKind"), pkg(SOURCE[assignment.source]))
    yield (node, pkg("agencyAsWritten"), text(assignment.agency.written))
    yield from _evidence(node, doc, span, original)


def decimal(value: float) -> Literal:
    return typed(str(int(value)) if float(value).is_integer() else repr(value), "decimal")


def _evidence(subject: NamedNode, doc: NamedNode, span, original: str) -> Iterator[Fact]:
    """The Web Annotation evidence of a statement: the document, the offsets, the exact text."""
    evidence, position, quote = map(NamedNode, iris.evidence(subject.value))
    yield (subject, pkg("evidence"), evidence)
    yield (evidence, RDF_TYPE, term(OA + "SpecificResource"))
    yield (evidence, term(OA + "hasSource"), doc)
    yield (evidence, term(OA + "hasSelector"), position)
    yield (evidence, term(OA + "hasSelector"), quote)
    yield (position, RDF_TYPE, term(OA + "TextPositionSelector"))
    yield (position, term(OA + "start"), typed(span.start, "nonNegativeInteger"))
    yield (position, term(OA + "end"), typed(span.end, "nonNegativeInteger"))
    yield (quote, RDF_TYPE, term(OA + "TextQuoteSelector"))
    yield (quote, term(OA + "exact"), text(original[span.start : span.end]))


def _target_triples(doc, node, target, item: NamedNode | None, original: str) -> Iterator[Fact]:
    yield (node, RDF_TYPE, pkg("Target"))
    yield (node, pkg("inDocument"), doc)
    if item:
        yield (node, pkg("targetOf"), item)
    yield (node, pkg("targetKind"), pkg(KIND[target.kind]))
    yield (node, pkg("indicator"), text(target.indicator or target.kind))
    yield (node, RDFS_LABEL, zh(target.indicator or target.kind))
    for name, value in (("value", target.value), ("valueMin", target.value_min), ("valueMax", target.value_max)):
        if value is not None:
            yield (node, pkg(name), decimal(value))
    if target.category:
        yield (node, pkg("category"), text(target.category))
    if target.unit:
        yield (node, pkg("unit"), text(target.unit))
    if target.unit and target.value is not None:
        unit, factor = base_unit(target.unit)
        yield (node, pkg("baseValue"), decimal(target.value * factor))
        yield (node, pkg("baseUnit"), text(unit))
    yield (node, pkg("comparator"), text(target.comparator))
    if target.year:
        yield (node, pkg("dueYear"), typed(target.year, "gYear"))
    yield (node, pkg("perYear"), typed(target.per_year, "boolean"))
    yield (node, pkg("scope"), text(target.scope))
    if target.baseline:
        yield (node, pkg("baseline"), text(target.baseline))
    yield (node, pkg("sourceKind"), pkg(SOURCE[target.source]))
    yield from _evidence(node, doc, target.quote, original)


def _cluster_triples(target: NamedNode, cluster) -> Iterator[Fact]:
    node = NamedNode(iris.cluster(cluster.zone, cluster.industry))
    yield (target, pkg("scopeCluster"), node)
    yield (node, RDF_TYPE, pkg("Cluster"))
    yield (node, SKOS_PREF, zh(cluster.name))
    yield (node, pkg("clusterZone"), NamedNode(cluster.zone))
    yield (node, pkg("clusterIndustry"), NamedNode(cluster.industry))


def cited_iri(citation: Citation) -> NamedNode:
    return NamedNode(iris.cited_document(citation.number or key(citation.title or "")))


def _citation_triples(doc: NamedNode, citation: Citation) -> Iterator[Fact]:
    """The edge to the stub of the cited document, which says what the citation says: a citation by
    number alone gives no title, and the number is its label."""
    cited = cited_iri(citation)
    yield (doc, term(ELI + citation.relation), cited)
    if citation.repeals:
        yield (doc, term(ELI + "repeals"), cited)
    if citation.amends:
        yield (doc, term(ELI + "amends"), cited)
    yield (cited, RDF_TYPE, pkg("Document"))
    if citation.title:
        yield (cited, term(ELI + "title"), zh(citation.title))
    yield (cited, RDFS_LABEL, zh(citation.title or citation.number or ""))
    if citation.number:
        yield (cited, term(ELI + "id_local"), text(citation.number))
    yield (cited, pkg("level"), pkg(LEVEL[citation.level]))
