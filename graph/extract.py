"""From an outline to the records of one document: its city and level, the issuers, resolved
responsibilities, targets, citations, and the places, industries and companies it names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import policykg.graph.iris as iris
from policykg.errors import Problem
from policykg.graph.deadlines import outline_deadlines
from policykg.graph.gazetteer import Agency, Gazetteer, Place
from policykg.graph.lineage import LEVELS, NATIONAL, amending, commentary, level_of, outline_citations
from policykg.graph.outline import Outline, read_outline
from policykg.graph.prose import prose_assignments
from policykg.graph.records import Assignment, Cluster, DocumentRecord
from policykg.graph.responsibilities import body_assignments, first_listed_lead
from policykg.graph.targets import outline_targets
from policykg.graph.task_tables import annex_assignments, annex_deadlines, annex_items, task_tables
from policykg.graph.text import normalize

# a label naming a bureau's divisions (责任处室：, 牵头科室：, 责任股室：), no other field after it: the names
# it lists are the bureau's divisions and units
_DIVISION_LABEL = re.compile(r"(?:处室|科室|股室)\s*[:：][^;；:：]*$")
_COMMENTARY_NOTE = (
    "read as a page about a document (解读, 答记者问, news, 征求意见稿), not a policy:"
    " it is based on nothing it names and states no responsibilities or targets of its own"
)
UNKNOWN_CITY = Place(iris.place("unknown"), "未知城市", "Unknown city", ())
# a leading group named without its field (领导小组办公室, 各领导小组成员单位, 市领导小组办公室 in a city's
# text): the one the document sets up
_BARE_GROUP = re.compile(r"^(各)?(街道|[省市州盟区县旗镇乡])?领导小组(办公室|办|成员单位|各成员单位)?$")


# A regulation names its competent department once, in its general provisions (市和区县（市）综合行政执法部门
# 是本行政区域生活垃圾分类管理的主管部门; 县级以上人民政府民政部门（以下简称主管部门）), then writes it as
# 主管部门, with a level or not (市主管部门): that department, at that level.
_COMPETENT = re.compile(
    r"(?:^|[。；;:：\n])\s*(?:第[一二三四五六七八九十百零]{1,6}条\s*)?([^。；;:：，,\n]{2,40}?部门)(?:是|为)[^。；;\n]{0,40}?主管部门"
    r"|([^。；;:：，,\n()]{2,40}?部门)\((?:以下)?简称[“\"]?(?:行政)?主管部门[”\"]?\)"
)
_BARE_COMPETENT = re.compile(r"^(各级|[省市县区]|区县\(市\)|县\(市、区\)|县级以上(?:人民政府)?)?(?:行政)?主管部门$")
_LEVELS_BEFORE = re.compile(r"^(?:各级|县级以上|设区的市|地方|[省市县区]|和|、|\([^()]{1,5}\)|人民政府|政府)*")


def competent(text: str) -> str | None:
    """The department a regulation makes its competent one, without its level, when it makes one.

    >>> competent("第五条 市和区县（市）综合行政执法部门是本行政区域生活垃圾分类管理的主管部门，负责…")
    '综合行政执法部门'
    >>> competent("县级以上人民政府民政部门（以下简称主管部门）负责…"), competent("主管部门应当…")
    ('民政部门', None)
    """
    text = unicodedata.normalize("NFKC", text)
    named = {_LEVELS_BEFORE.sub("", next(filter(None, m.groups()))) for m in _COMPETENT.finditer(text)}
    named.discard("")
    return named.pop() if len(named) == 1 else None


def own_group(names: list[str]) -> str | None:
    """The leading group a document names in full (成立龙溪街道生活垃圾分类工作领导小组), when it names one
    (with or without 工作: 市制造强市建设领导小组 and …建设工作领导小组 are one body), first as written."""
    groups = [n for n in names if n.endswith("领导小组") and not _BARE_GROUP.match(n)]
    return groups[0] if len({g.replace("工作", "") for g in groups}) == 1 else None


def in_full(name: str, group: str | None, place: Place, department: str | None = None) -> str:
    """A bare leading-group name as the document's own group's (领导小组办公室 → its group's office);
    one with a level (区领导小组) only at the document's own level (each district's group in a city's).
    A bare 主管部门 as the competent ``department`` the document names, at the level written."""
    if department and (bare_department := _BARE_COMPETENT.match(name)):
        return (bare_department[1] or "") + department
    if group is None or not (bare := _BARE_GROUP.match(name)) or not place.label_zh.endswith(bare[2] or ""):
        return name
    part = bare[3] or ""
    return group + ("各" + part if bare[1] and part == "成员单位" else part)


def scope_of(name: str, city: Place, gazetteer: Gazetteer) -> tuple[str | None, Cluster | None]:
    """The place a target's scope names, or the cluster (zone + industry) it names."""
    if name in ("city", "each-county", "each-zone"):
        return (city.iri if name == "city" and city.in_gazetteer else None), None
    text = normalize(name).text
    found = gazetteer.find(text, city)
    places = [f for f in found if f.kind not in ("Industry", "Company")]
    industries = [f for f in found if f.kind == "Industry"]
    if places and places[0].start == 0 and industries:
        return places[0].iri, Cluster(name, places[0].iri, industries[-1].iri)
    return (places[0].iri if places else None), None


def extract(outline: Outline, gazetteer: Gazetteer) -> DocumentRecord:
    meta = outline.metadata
    problems = list(outline.problems)
    issued_by = [*meta.issuers, *meta.printed_issuers]  # the title's short name first (望京街道), then in full
    city = gazetteer.place_in(issued_by, [meta.title or "", meta.enclosed_title or ""], meta.document_number)
    title = meta.title or ""
    if city is None:
        problems.append(Problem(outline.source, None, "warning", "no place named by the issuers or the title"))
        city = UNKNOWN_CITY

    def known(name: str) -> bool:
        return gazetteer.resolve(name, city).resolved

    tables = task_tables(outline)
    found = first_listed_lead(outline, body_assignments(outline) + annex_assignments(outline, tables))
    found += prose_assignments(outline, known)
    areas = gazetteer.areas_of(city)  # counties, zones and parks of the city: a target's scope when it names one
    place_names = [name for p in areas for name in (p.label_zh, *p.aliases) if len(name) > 1]
    if city.kind == "Province" and city.division:  # a province's cities, in full and short (武汉市, 武汉)
        divisions = gazetteer.divisions
        place_names += [n for d in divisions.children(city.division) for n in (d.name, *divisions.names(d))]
    targets = outline_targets(outline, place_names, tables)
    issuers = [gazetteer.resolve(name, city) for name in meta.issuers]
    owner = issuers[0] if issuers else None  # the body whose divisions the document names
    if owner is not None and not owner.resolved and (office := gazetteer.office(meta.issuers[0], city)):
        owner, issuers[0] = office  # 江西省教育厅办公室: the 厅's office, naming the 厅's divisions
    branch = bool(meta.issuers) and meta.issuers[0].rstrip().endswith("分局")  # it calls itself 分局

    group = own_group([a.agency.name for a in found])
    department = competent(outline.text.text)

    def bearer(assignment: Assignment) -> Agency:
        name = assignment.agency.name
        full = in_full(name, group, city, department)
        agency = gazetteer.resolve(full, city)
        # an unknown 处 or 科 in a bureau's document is the bureau's
        if owner is not None and not agency.resolved and full == name:
            before = outline.text.original[assignment.quote.start : assignment.agency.span.start]
            listed = bool(_DIVISION_LABEL.search(before))
            return gazetteer.division(owner, name, branch, listed) or agency
        return agency

    if city.division is not None:
        level: str | None = LEVELS[city.division.level]
    elif city is gazetteer.country:
        level = NATIONAL
    else:  # no place named: the level its issuer is written as (省人民政府关于…), else none known
        level = level_of(title, meta.document_number, unnamed="") or None
    assignments = _once([(a, bearer(a)) for a in found])
    citations = outline_citations(outline, outline.preamble_text, city.division)
    if commentary(title):  # a 解读, an interview, a meeting's news or a draft: it carries out nothing
        problems.append(Problem(outline.source, None, "info", _COMMENTARY_NOTE))
        assignments, targets = [], []
        citations = [replace(c, relation="cites") for c in citations]
    if amending(title):  # its points quote the text it amends: that text's duties and figures, not its own
        assignments, targets = [], []
    scopes = [scope_of(t.scope, city, gazetteer) for t in targets]
    mentions = {item.path: gazetteer.find(item.body.text, city) for item in outline.walk()}
    named = {iri for iri, _ in scopes} | {f.iri for found in mentions.values() for f in found}
    places: dict[str, Place] = {}
    for area in [
        city,
        *(agency.city for agency in issuers),
        *(agency.city for _, agency in assignments),
        *(p for p in areas if p.iri in named),  # a county of the vocabulary's divisions a target or text names
    ]:
        places.update((p.iri, p) for p in gazetteer.chain(area) if not p.in_gazetteer)
    return DocumentRecord(
        outline=outline,
        city=city,
        level=level,
        annex_items=annex_items(outline, tables),
        deadlines=outline_deadlines(outline) + annex_deadlines(outline, tables),
        places=list(places.values()),
        issuers=issuers,
        assignments=assignments,
        targets=targets,
        target_scopes=scopes,
        citations=citations,
        mentions=mentions,
        problems=problems,
    )


def _once(assignments: list[tuple[Assignment, Agency]]) -> list[tuple[Assignment, Agency]]:
    """Each body once in a role of a clause, however many of the names listed stand for it (各市、区人民
    政府 in a city's text: its county-level cities and districts, one tier), at its first rank."""
    seen: set[tuple] = set()
    out = []
    for a, agency in assignments:
        if (once := (a.path, a.role, a.source, a.quote, agency.iri)) not in seen:
            seen.add(once)
            out.append((a, agency))
    return out


def extract_document(path: Path, gazetteer: Gazetteer | None = None) -> DocumentRecord:
    return extract(read_outline(path), gazetteer or Gazetteer.bundled())
