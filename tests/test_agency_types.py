"""The national vocabulary of agency functional types (``ontology/vocab/agencies.ttl``).

A name as written (市住房城乡建设管理委, 静安区科委, 中共上海市委组织部) is a place part and a function
part; the function part is looked up among the types' zh labels. These tests read the vocabulary
with rdflib alone, so that they hold whatever the gazetteer code does with it.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

PKG = Namespace("https://w3id.org/policykg/ontology#")
ATYPE = "https://w3id.org/policykg/id/agency-type/"
LEVELS = "省市区县镇乡"  # a level character that refers to the document's own jurisdiction chain


def _key(label: str) -> str:
    """Labels compared with widths folded and spaces dropped, as documents write them either way."""
    return "".join(unicodedata.normalize("NFKC", label).split())


@cache
def _graph() -> Graph:
    ontology = files("policykg.ontology")
    g = Graph()
    for source in (ontology / "policy.ttl", ontology / "vocab" / "agencies.ttl"):
        g.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    return g


def _types() -> list[URIRef]:
    return sorted(_graph().subjects(RDF.type, PKG.AgencyType))


def _labels_zh(node: URIRef) -> list[str]:
    g = _graph()
    return [str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in g.objects(node, p) if o.language == "zh"]


@cache
def _index() -> dict[str, str]:
    """Function part (as a key) -> type slug; a label claimed twice keeps both slugs visible."""
    index: dict[str, str] = {}
    for node in _types():
        slug = str(node).removeprefix(ATYPE)
        for label in _labels_zh(node):
            k = _key(label)
            index[k] = slug if index.get(k, slug) == slug else f"{index[k]}|{slug}"
    return index


def lookup(function: str) -> str | None:
    """The type slug of a function part, or None."""
    return _index().get(_key(function))


def test_every_type_has_labels_and_a_kind():
    g = _graph()
    kinds = set(g.subjects(RDF.type, PKG.AgencyKind))
    assert len(_types()) >= 150
    for node in _types():
        assert str(node).startswith(ATYPE), node
        for lang in ("zh", "en"):
            labels = [o for o in g.objects(node, SKOS.prefLabel) if o.language == lang]
            assert len(labels) == 1 and str(labels[0]).strip(), (node, lang)
        node_kinds = list(g.objects(node, PKG.agencyKind))
        assert len(node_kinds) == 1 and node_kinds[0] in kinds, (node, node_kinds)


def test_no_function_label_belongs_to_two_types():
    claimed: dict[str, set[str]] = {}
    for node in _types():
        for label in _labels_zh(node):
            claimed.setdefault(_key(label), set()).add(str(node).removeprefix(ATYPE))
    assert {label: slugs for label, slugs in claimed.items() if len(slugs) > 1} == {}


def test_labels_are_function_parts():
    """No label carries 中共, and taking a level character off a label never gives another type's
    label, so splitting the level off a name is never ambiguous (市场监管局 keeps its 市)."""
    index = _index()
    for k, slug in index.items():
        assert not k.startswith("中共"), k
        if k[0] in LEVELS and k[1:] in index:
            assert index[k[1:]] == slug, (k, slug, index[k[1:]])


def test_every_agency_points_at_a_type():
    g = _graph()
    types = set(_types())
    for agency in g.subjects(RDF.type, PKG.Agency):
        assert set(g.objects(agency, PKG.functionalType)) <= types, agency


# Function parts as documents write them (place and level taken off), from the usual names of
# Chinese government bodies at every level, and the type each stands for.
WRITTEN = [
    # Development and reform, industry, science: commission (委), bureau (局) and department (厅) forms.
    ("发展和改革委员会", "development-reform"),
    ("发展改革委", "development-reform"),
    ("发改委", "development-reform"),
    ("发展和改革局", "development-reform"),
    ("发改局", "development-reform"),
    ("发展改革部门", "development-reform"),
    ("工业和信息化厅", "industry-it"),
    ("工信局", "industry-it"),
    ("经济和信息化委员会", "industry-it"),
    ("经济信息化委", "industry-it"),
    ("经信委", "industry-it"),
    ("经信局", "industry-it"),
    ("经委", "industry-it"),
    ("科技经济委", "science-technology-industry"),
    ("科工信局", "science-technology-industry"),
    ("科委", "science-technology"),
    ("科学技术厅", "science-technology"),
    ("科技局", "science-technology"),
    ("信息委", "informatisation"),
    # Construction, housing, land, transport, water, greening (Shanghai's forms and the national ones).
    ("住房城乡建设管理委", "housing-urban-rural"),
    ("住房和城乡建设管理委员会", "housing-urban-rural"),
    ("住建委", "housing-urban-rural"),
    ("建设管理委", "housing-urban-rural"),
    ("建管委", "housing-urban-rural"),
    ("住房和城乡建设厅", "housing-urban-rural"),
    ("住建局", "housing-urban-rural"),
    ("城建局", "housing-urban-rural"),  # 武汉市城乡建设局 writes itself 市城建局
    ("房管局", "housing-administration"),
    ("房屋管理局", "housing-administration"),
    ("住房保障房屋管理局", "housing-administration"),
    ("规划资源局", "natural-resources"),
    ("规划和自然资源局", "natural-resources"),
    ("自然资源厅", "natural-resources"),
    ("交通委", "transport"),
    ("交通运输委", "transport"),
    ("交通运输厅", "transport"),
    ("交通管理部门", "transport"),
    ("公安交通管理部门", "traffic-police"),
    ("水务局", "water-resources"),
    ("水利厅", "water-resources"),
    ("绿化市容局", "greening-city-appearance"),
    ("绿化和市容管理局", "greening-city-appearance"),
    ("城管执法局", "urban-management-enforcement"),
    ("城管局", "urban-management"),
    ("民防办", "civil-defence"),
    ("人防办", "civil-defence"),
    ("国动办", "civil-defence"),
    # Other departments.
    ("教委", "education"),
    ("教育厅", "education"),
    ("商务委", "commerce"),
    ("商务厅", "commerce"),
    ("国资委", "state-assets"),
    ("卫生健康委", "health"),
    ("卫健委", "health"),
    ("农业农村委", "agriculture-rural"),
    ("农业农村厅", "agriculture-rural"),
    ("文旅局", "culture-tourism"),
    ("文化旅游局", "culture-tourism"),
    ("文化和旅游厅", "culture-tourism"),
    ("体育局", "sport"),
    ("机管局", "government-offices-administration"),
    ("民政厅", "civil-affairs"),
    ("财政厅", "finance"),
    ("财政局", "finance"),
    ("公安分局", "public-security"),
    ("公安厅", "public-security"),
    ("司法行政部门", "justice"),
    ("人社厅", "human-resources-social-security"),
    ("人力资源社会保障局", "human-resources-social-security"),
    ("应急局", "emergency-management"),
    ("应急管理厅", "emergency-management"),
    ("生态环境厅", "ecology-environment"),
    ("市场监管局", "market-regulation"),
    ("审计厅", "audit"),
    ("医保局", "healthcare-security"),
    ("退役军人局", "veterans-affairs"),
    ("统计局", "statistics"),
    ("数据局", "government-services-data"),
    ("大数据管理局", "government-services-data"),
    ("大数据中心", "big-data-centre"),
    ("城运中心", "city-operations-centre"),
    ("政务服务办", "government-services"),
    ("营商办", "business-environment-office"),
    ("金融办", "financial-work"),
    ("地方金融管理局", "financial-work"),
    ("投资办", "investment-promotion"),
    # Vertically managed branches and enterprises.
    ("税务局", "tax"),
    ("海关", "customs"),
    ("人民银行", "central-bank-branch"),
    ("金融监管局", "banking-insurance-regulation"),
    ("证监局", "securities-regulation"),
    ("通信管理局", "communications-administration"),
    ("气象局", "meteorology"),
    ("消防救援总队", "fire-rescue"),
    ("侨办", "overseas-chinese-affairs"),
    ("外侨办", "foreign-affairs"),
    ("外事局", "foreign-affairs"),  # 东莞市外事局
    ("港澳办", "hong-kong-macao-affairs"),
    ("政数局", "government-services-data"),
    ("海洋发展局", "marine-affairs"),
    ("公安局交通警察局", "traffic-police"),
    ("城市管理委", "urban-management"),
    ("农业农村办", "agriculture-rural"),
    ("城管中队", "comprehensive-enforcement-team"),
    ("综治中心", "social-governance-centre"),
    ("各村（社区）", "villagers-residents-committees"),
    ("海洋与渔业厅", "marine-affairs"),
    ("人力社保局", "human-resources-social-security"),
    ("消防救援支队", "fire-rescue"),
    ("电力公司", "power-supply"),
    # Governments, their offices and the other state organs.
    ("人民政府", "people-government"),
    ("政府", "people-government"),
    ("政府办公厅", "government-general-office"),
    ("政府办公室", "government-general-office"),
    ("府办", "government-general-office"),
    ("人大常委会", "people-congress-standing-committee"),
    ("政协", "cppcc-committee"),
    ("法院", "court"),
    ("检察院", "procuratorate"),
    # Party organs: 市委 is 市 + 委, 区委组织部 is 区 + 委组织部.
    ("委", "party-committee"),
    ("委员会", "party-committee"),
    ("委组织部", "organisation-department"),
    ("委宣传部", "publicity-department"),
    ("党委农办", "rural-work-office"),  # 自治区党委农办, 州党委农办: 党委 as the regions write it
    ("党委督查室", "party-supervision-office"),
    ("文体广旅局", "culture-tourism"),  # 文化体育广播电视和旅游局, as many counties name it
    ("文化体育广播电视和旅游局", "culture-tourism"),
    ("委办公厅", "party-general-office"),
    ("委办", "party-general-office"),
    ("委网信办", "cyberspace-affairs"),
    ("委政法委", "political-legal-commission"),
    ("委金融办", "party-financial-office"),
    ("纪委监委", "discipline-inspection-supervision"),
    ("委编办", "establishment-office"),
    ("委人才办", "talent-office"),
    ("委党校", "party-school"),
    ("档案局", "archives-bureau"),
    # Mass organisations.
    ("团委", "youth-league"),
    ("团区委", "youth-league"),
    ("妇联", "womens-federation"),
    ("总工会", "trade-union"),
    ("科协", "science-association"),
    ("工商联", "federation-industry-commerce"),
    ("红十字会", "red-cross"),
    # Zones, leading groups, local stations.
    # Sichuan's: a relics bureau of its own, 网络理政 for government services, Chengdu's 社治委, a service centre.
    ("文物局", "cultural-heritage"),
    ("网络理政办", "government-services"),
    ("委社治委", "social-work-department"),
    ("机关事务服务中心", "government-offices-administration"),
    ("经开区管委会", "economic-development-zone"),
    ("高新区管委会", "high-tech-zone"),
    ("管委会", "development-zone-committee"),
    ("安委办", "work-safety-committee-office"),
    ("交安委", "road-traffic-safety-committee"),
    ("绿委办", "greening-committee-office"),
    ("派出所", "police-station"),
    ("司法所", "judicial-office"),
    ("房管所", "housing-management-office"),
    # Collectives, written whole.
    ("各区人民政府", "county-governments"),
    ("各区政府", "county-governments"),
    ("各区", "county-governments"),
    ("相关区政府", "county-governments"),
    ("各相关区人民政府", "county-governments"),
    ("各县（区）人民政府", "county-governments"),
    ("各县(区)人民政府", "county-governments"),
    ("各板块", "county-governments"),  # 苏州, 无锡, 常州: county-level cities, districts and zones together
    ("各街镇", "towns-subdistricts"),
    ("各街道、镇", "towns-subdistricts"),
    ("各镇（街道）", "towns-subdistricts"),
    ("各乡镇（街道）", "towns-subdistricts"),
    ("各镇街（园区）", "towns-subdistricts"),  # a city without counties: its towns, subdistricts and parks
    ("各镇人民政府", "town-governments"),
    ("各街道办事处", "subdistrict-offices"),
    ("各居（村）委", "villagers-residents-committees"),
    ("供销合作总社", "supply-marketing-cooperative"),  # 湖南省供销合作总社, 长沙市供销合作总社
    ("市直有关单位", "municipal-bodies"),
    ("市直相关单位", "municipal-bodies"),
    ("政府各部门", "municipal-bodies"),
    ("地方金融工作局", "financial-work"),  # 宜昌市地方金融工作局
    ("各基础电信企业", "telecom-operators"),
]


@pytest.mark.parametrize(("written", "slug"), WRITTEN)
def test_written_functions_resolve_to_their_type(written, slug):
    assert lookup(written) == slug


@pytest.mark.parametrize("written", ["建设单位", "施工单位", "企业", "专家委员会", "办公厅"])
def test_market_roles_and_bare_words_have_no_type(written):
    assert lookup(written) is None
