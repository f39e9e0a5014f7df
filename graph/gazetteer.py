"""The gazetteer: places (every administrative division of China, from :mod:`divisions`, and the
curated zones and parks of ``ontology/vocab``), agencies, industries and companies.

A document's place is the division its issuers (else its title) name: 上海市静安区发展和改革委员会 is
静安区 of 上海市, 中共驻马店市委 is 驻马店市 (中共 names the Party, never a place).

Agencies: a name resolves, for the document's place, (1) through the curated labels and aliases of
that place and the places above it; else it is read as [place][function]: a division's name
(上海市, 静安区) and/or a level character (市, 区, 县, 镇…) that points into the document's own chain
of places, then a function shared across places ("工信局", "经济信息化委": the bureau of industry
and IT). That place's agency of that type gets a stable IRI from the place and the type
(``agency/310106-development-reform``). Only a body whose function is unknown (4) stays
unresolved, with the name as written, so documents from anywhere still build.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib.resources import files

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

import policykg.graph.iris as iris
from policykg.errors import parsing
from policykg.graph.divisions import COUNTY, NOT_A_LEVEL, PREFECTURE, PROVINCE, TOWNSHIP, Division, Divisions, rows
from policykg.graph.text import HAN, normalize
from policykg.ontology.namespace import PKG


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """The form names are compared in: widths folded, spaces dropped (cached: a document names the
    same bodies and places many times)."""
    return "".join(normalize(name).text.split())


@dataclass(frozen=True)
class Place:
    iri: str
    label_zh: str
    label_en: str | None
    aliases: tuple[str, ...]
    in_gazetteer: bool = False  # its triples come with the vocabulary
    kind: str = "City"  # Province | City | County | Township | DevelopmentZone | ClusterZone | Park
    within: str | None = None
    division: Division | None = None  # for an administrative division

    @property
    def slug(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class AgencyType:
    iri: str
    label_zh: str
    label_en: str | None
    kind: str | None
    aliases: tuple[str, ...]

    @property
    def slug(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    def label_at(self, place: Place) -> str:
        """Its name in a place: 驻马店市财政局, 广东省财政厅; a Party organ's under 中共 (中共上海市委办公厅)."""
        name = self.name_at(place.division)
        if place.kind == "Country" and name.startswith(("国务院", "全国", "国家")):
            return name  # 国务院各部委, not 全国国务院各部委
        name = _tier_named(name, place.division)
        if name == "海关" and place.division and place.division.short:  # a customs house by its seat: 泉州海关
            return place.division.short + name
        if name.startswith(_NATIONAL_BANK):  # 中国人民银行福州市中心支行: the place inside the bank's name
            return _NATIONAL_BANK + place.label_zh + name.removeprefix(_NATIONAL_BANK)
        if self.kind != "PartyOrgan" or not name.startswith("委"):
            return place.label_zh + (name[2:] if place.label_zh.endswith("街道") and name.startswith("街道") else name)
        if place.label_zh.endswith(_OWN_NAME_LEVELS):  # 中共广西壮族自治区委员会, not …自治区委
            name = "委员会" + name.removeprefix("委")
        return f"中共{place.label_zh}{name}"

    def name_at(self, division: Division | None) -> str:
        """Its name at a division's level: a provincial-level body is a 总队 or a 局 where the
        vocabulary knows that form (消防救援支队 → 消防救援总队, 通信管理办公室 → 通信管理局), a county's
        or a city district's a 大队 (南山区消防救援大队 under 深圳市消防救援支队), and a
        province's department a 厅 (财政局 → 财政厅, 自然资源和规划局 → 自然资源厅); a 直辖市's
        department, a city's or a county's is a 局. A Party committee is its place's 委 (上海市委, not
        上海市党委), its office at the provincial level an 办公厅."""
        if self.kind == "PartyOrgan":
            name = "委" if "委" in self.aliases else self.label_zh
            office = re.sub("办公室$", "办公厅", name)
            at_province = division is not None and division.level == PROVINCE
            return office if at_province and office in self.aliases else name
        administered = self.label_zh.replace("人民政府", _OFFICE, 1)
        if division is not None and division.name.endswith(_ADMINISTERED) and administered in self.aliases:
            return administered  # a league's government is its 行政公署 (锡林郭勒盟行政公署, 行政公署办公室)
        if division is not None and division.level == COUNTY and not (division.parent or "").endswith("0000"):
            # a county's under a city's 支队; a 直辖市's district, a city's peer, keeps its 支队
            lower = re.sub("支队$", "大队", self.label_zh)
            return lower if lower in self.aliases else self.label_zh
        if division is None or division.level != PROVINCE:
            return self.label_zh
        higher = re.sub("办公室$", "局", re.sub("支队$", "总队", self.label_zh))  # 通信管理办公室 → 通信管理局
        if higher != self.label_zh and higher in self.aliases:
            return higher
        if division.name.endswith("市"):  # a 直辖市
            return self.label_zh
        if (department := re.sub("局$", "厅", self.label_zh)) in self.aliases:
            return department
        named = sorted((a for a in self.aliases if a.endswith("厅")), key=lambda a: (-len(a), a))
        return named[0] if named else self.label_zh  # its full name: 住房和城乡建设厅, not 住建厅


@dataclass(frozen=True)
class Agency:
    iri: str
    label_zh: str
    label_en: str | None
    city: Place
    type: AgencyType | None
    resolved: bool
    in_gazetteer: bool = False  # its triples come with the vocabulary
    bureau: Agency | None = None  # the body an internal division (处, 科, 室) belongs to

    @property
    def division_of(self) -> str | None:
        return self.bureau.iri if self.bureau else None

    @property
    def kind(self) -> str | None:
        return self.type.kind if self.type else None


@dataclass(frozen=True)
class Entity:
    """An industry (SKOS concept) or a company, found in text by its labels."""

    iri: str
    kind: str  # Industry | Company
    label_zh: str
    label_en: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Found:
    """A mention of a place, industry or company in a text: ``text[start:end]``."""

    iri: str
    kind: str
    start: int
    end: int


_PLACE_KINDS = ("Country", "Province", "City", "County", "DevelopmentZone", "ClusterZone", "Park")
# A national document: issued by the State Council, the Party's centre, the national legislature (国务院
# 办公厅, 中共中央办公厅, 全国人大常委会) or a ministry (its curated names), or numbered as they number
_NATIONAL = re.compile(r"^(?:国务院|中共中央|中华人民共和国|全国人民代表大会|全国人大|全国政协)")
_NATIONAL_NUMBER = re.compile(r"^(?:国发|国办发|国办函|国函|中发|中办发)")
_OWN_LEVEL = re.compile(r"^(本级|当地|本市|本区|本县|本镇)(?=.)")
# the discipline commission and the supervisory commission, one body (合署办公) written as two, each
# with its level or place (市纪委市监委, 杭州市纪委杭州市监委), or as its offices (省纪委省监委机关)
_NESTED = str.maketrans("〔〕〈〉", "()()")  # the brackets nested in a clause's, read as a name's own
_DISCIPLINE = re.compile(r"^(中共)?(.*?)纪委(?:\2|[省市州县区])?监委(?:机关)?$")
_DEPARTMENT = re.compile(r"(行政主管部门|主管部门|行政部门|管理部门|部门)$")
# A zone's own bodies, named by its city's short name (青岛西海岸新区管委会, 南京江北新区管理委员会, 苏州工业园区
# 经济发展委员会): the city is the zone's, whatever province its number's first character abbreviates
# (青 is Qinghai's, 宁 Ningxia's)
_ZONE = re.compile(rf"^[{HAN}]{{2,10}}?(?:开发区|高新区|新区|园区|实验区|示范区|合作区|保税区|自贸区|片区)")
_TITLE_OPENING = 20  # a title names its place in its opening words: 关于推进上海市公园城市建设的…
_KIND_OF_LEVEL = {PROVINCE: "Province", PREFECTURE: "City", COUNTY: "County", TOWNSHIP: "Township"}
# A level character before a function ("市发改委", "区科委") names the place of that level in the
# document's own chain: 市 is the prefecture, or the province when it is a 直辖市 (上海市), or the
# county-level city (凯里市, 昆山市) in a text of its own or of its towns.
# Inner Mongolia's tiers first, as a longer word goes before its start (旗县市 before 旗县 and 旗).
# A city's banners and districts are its county tier as one word: 旗区 (鄂尔多斯), 旗县区 (包头, 赤峰), 旗市区
# (呼伦贝尔, its banners, county-level cities and district).
_LEVEL_CHARS = {"旗县市(区)": (COUNTY,), "旗县市区": (COUNTY,), "旗县市": (COUNTY,), "旗县区": (COUNTY,),
                "旗市区": (COUNTY,), "旗区": (COUNTY,), "盟市": (PREFECTURE,),
                "苏木乡镇": (TOWNSHIP,), "苏木镇": (TOWNSHIP,), "苏木": (TOWNSHIP,),
                "县(区)": (COUNTY,), "区(县)": (COUNTY,), "县(市)区": (COUNTY,), "县市区": (COUNTY,),
                "县市": (COUNTY,),  # an autonomous prefecture's counties and county-level cities (各县市人民政府)
                "区(市)县": (COUNTY,),  # Chengdu's districts, county-level cities and counties
                "区(市)": (COUNTY,), "区市": (COUNTY,),  # Qingdao's districts and county-level cities
                "县级市": (COUNTY,),
                "乡(镇)": (TOWNSHIP,), "镇(乡)": (TOWNSHIP,), "乡镇": (TOWNSHIP,),
                "县级以上": (COUNTY,), "设区的市级以上": (PREFECTURE,), "地级以上市": (PREFECTURE,),
                "设区的市": (PREFECTURE,), "市州": (PREFECTURE,), "设区市": (PREFECTURE,),
                "省辖市": (PREFECTURE,), "地级市": (PREFECTURE,),
                "自治区": (PROVINCE,), "自治州": (PREFECTURE,), "州": (PREFECTURE,), "盟": (PREFECTURE,),
                "自治县": (COUNTY,), "旗县": (COUNTY,), "旗": (COUNTY,), "区县": (COUNTY,),
                "省": (PROVINCE,), "市": (PREFECTURE, PROVINCE, COUNTY), "区": (COUNTY, PROVINCE), "县": (COUNTY,),
                "镇": (TOWNSHIP,), "乡": (TOWNSHIP,), "街道": (TOWNSHIP,)}  # fmt: skip
# a league (盟) and a prefecture (地区) are governed by an 行政公署, the province's agency, not a 人民政府
_ADMINISTERED, _OFFICE = ("盟", "地区"), "行政公署"


# the levels of the autonomous areas and of Inner Mongolia: a place of that name's kind alone
def _bank_key(name: str) -> str:
    """A central bank office's name as the table of regional branches keys it: 人行武汉分行, 中国人民银行
    武汉分行 → 人民银行武汉分行."""
    return re.sub("^(?:中国)?(?:人民银行|人行)", "人民银行", name)


_NATIONAL_BANK = "中国人民银行"  # its offices are named with their place after it, not before
_OWN_NAME_LEVELS = ("自治区", "自治州", "州", "自治县", "盟", "旗")
_GRASSROOTS = re.compile(r"^(?:街道|镇|乡)")  # a township-level body named by its kind
# a vertically managed body named under its national authority: 国家税务总局广东省税务局, 国家统计局湖南调查
# 总队 (the statistics survey office of a province; 国家统计局株洲调查队, a city's), 国网杭州供电公司
_VERTICAL = re.compile(r"^(?:国家税务总局(?=.+税务局$)|国家统计局(?=.+调查(?:总)?队$)|国网(?=.+(?:电力|供电)公司$))")
# A national bank's or regulator's office named with its place inside: 人民银行四川省分行, 中国人民银行佛山市
# 分行, 人行黔东南州中心支行 (人行: 人民银行), 国家金融监督管理总局佛山监管分局 (the place's office of that function)
_CENTRAL_BRANCH = re.compile(
    r"^(?:中国)?(人民银行|人行|国家金融监督管理总局|金融监管总局)(.{2,8}?)(分行|(?:中心)?支行|监管(?:分)?局)$"
)
# A district's body named as a branch of the city's bureau: 市公安局青浦分局, 公安青浦分局,
# 市规划自然资源委朝阳分局 (a vertically managed bureau's office in the district)
_POLICE_BRANCH = re.compile(r"^(?:.{0,6}公安局|公安)(.{2,8}?)分局$")
_BRANCH = re.compile(
    rf"^(?:[{HAN}]{{0,6}}?[省市州盟](?!场))?([{HAN}]{{2,10}}?(?:委员会|[局委厅]))([{HAN}]{{2,8}}?)(?:分局|管理局|监管局)$"
)  # 石家庄市生态环境局正定县分局, 北京市规划和自然资源委员会朝阳分局 (市场监管局朝阳分局: 市 of 市场 no level);
# a prefecture's written 州 or 盟 (伊犁州生态环境局察布查尔县分局); 深圳市规划和自然资源局南山管理局, 市市场监督管理局
# 宝安监管局: a city bureau's office in a district
# 各市 in the text of a prefecture-level city: its county-level cities (not 各市直部门, its own)
_COUNTY_CITIES = re.compile(r"^各市(?![场直级属])")
# 县级人民政府, 镇级政府: the level's bodies, as 县人民政府 (but 县级以上, a range of levels)
_LEVEL_WORD = re.compile(r"^(各?[省市州盟县区旗乡镇])级(?!以上|以下|市)")  # 县级市: a kind of its own
ALL_LEVELS = "各级"  # 各级人民法院, 各级财政部门: the function at every level, as laws name it
_LOCAL_ALL = re.compile(r"^地方各级(?=.{2})")  # 地方各级人民政府: as 各级, in a national text
# 各地发展改革部门, 各地区工业和信息化主管部门: the localities of the text's place, the level below it
_LOCALITIES = re.compile(rf"^各地(?!级)(?:区|方)?(?=[{HAN}]{{2}})")  # not 各地级市
# the prefecture tier of a region that has 地区 beside its cities (Xinjiang's 各地、州、市, 各地（州、市）,
# 地州市; Tibet's 各地（市）): the bodies of that tier, written as its kind 市 (各市人民政府)
_PREFECTURE_TIER = re.compile(rf"^(各?)地(?:(?:、州)?、市|\((?:州、)?市\)|州市)(?=[{HAN}]{{2}})")
# 各市财政局, 各设区市财政部门: each body of a level (a collective the vocabulary does not name whole)
_EACH = re.compile(r"^各(?=设区市|省辖市|地级以上市|地级市|自治州|自治县|[省市州县区乡镇盟旗]|街道|苏木)")
# the relevant bodies of a level (有关区县政府, 沿线区县政府, 属地镇政府, 相关设区市人民政府): a collective
# of that level's, the level written as 各 writes it
_RELEVANT = re.compile(
    r"^各?(?:相关|有关|沿线|涉及|涉农|属地)(?=设区市|省辖市|地级以上市|地级市|自治州|自治县|[市州县区乡镇盟旗]|街道|苏木)"
)
# the kinds of one tier listed (各县、区财政局; 各市、州财政局: cities and autonomous prefectures): the
# bodies of that tier, written as the place names its county tier (各区、县（市）党委 are 杭州's counties'
# too, not its districts' alone), or as its first kind
_ONE_TIER = re.compile(
    rf"^(各?)(?:([县区])(?:\([^()]{{1,5}}\))?(?:、[县区市旗](?:\([^()]{{1,5}}\))?)+|(市)(?:、[州盟])+|(?:[州盟]、)+(市))"
    rf"(?=[{HAN}]{{2}})"
)  # 各区、县(市)人民政府, 各州、市人民政府 too


def _instances(g: Graph, cls: URIRef) -> list[URIRef]:
    """The IRIs of type ``cls``, in order."""
    return sorted(node for node in g.subjects(RDF.type, cls) if isinstance(node, URIRef))


def _labels(g: Graph, node: URIRef) -> tuple[str | None, str | None, tuple[str, ...]]:
    zh = en = None
    for label in g.objects(node, SKOS.prefLabel):
        language = label.language if isinstance(label, Literal) else None
        if language == "zh":
            zh = str(label)
        elif language == "en":
            en = str(label)
    alts = tuple(sorted(str(a) for a in g.objects(node, SKOS.altLabel)))
    return zh, en, alts


class Gazetteer:
    """Places, agency types and agencies: the curated vocabulary over every division of China."""

    def __init__(
        self,
        graph: Graph,
        divisions: Divisions,
        customs: dict[str, tuple[str, str]] | None = None,
        commissions: dict[tuple[str, str], str] | None = None,
        bank_regions: dict[str, tuple[str, str]] | None = None,
    ):
        self.divisions = divisions
        self._customs = customs or {}  # a 直属海关's name -> its province's code and its English name
        self._bank_regions = bank_regions or {}  # a 大区分行's name (人民银行武汉分行) -> the same
        # (a province's code, a type's slug) -> the name it and the places under it give the department
        self._commissions = commissions or {}
        self._resolved: dict[tuple[str, Place], Agency] = {}
        self.places: dict[str, Place] = {}
        for kind in _PLACE_KINDS:
            for node in _instances(graph, PKG[kind]):
                zh, en, alts = _labels(graph, node)
                within = graph.value(node, PKG.withinArea)
                self.places[str(node)] = Place(
                    str(node), zh or "", en, alts, True, kind, str(within) if within else None
                )
        self.country = next((p for p in self.places.values() if p.kind == "Country"), None)  # 全国
        self._curated: dict[str, Place] = {}  # division code -> the curated place of that division
        for place in [p for p in self.places.values() if p.kind in ("Province", "City", "County")]:
            above = self.places.get(place.within or "")
            division, end = divisions.read(place.label_zh, above.division if above else None)
            if division is not None and end == len(place.label_zh):
                self.places[place.iri] = replace(place, division=division)
                self._curated[division.code] = self.places[place.iri]
        self.succeeded_by = {str(s): str(o) for s, o in graph.subject_objects(PKG.succeededBy)}
        self.entities: dict[str, Entity] = {}
        for kind, cls_ in (("Industry", SKOS.Concept), ("Company", PKG.Company)):
            for node in _instances(graph, cls_):
                zh, en, alts = _labels(graph, node)
                self.entities[str(node)] = Entity(str(node), kind, zh or "", en, alts)
        self.types: dict[str, AgencyType] = {}
        self._type_keys: dict[str, AgencyType] = {}
        for node in _instances(graph, PKG.AgencyType):
            zh, en, alts = _labels(graph, node)
            agency_kind = graph.value(node, PKG.agencyKind)
            t = AgencyType(str(node), zh or "", en, str(agency_kind).rsplit("#", 1)[-1] if agency_kind else None, alts)
            self.types[t.iri] = t
            for name in (t.label_zh, *alts):
                self._type_keys.setdefault(key(name), t)
        self.agencies: dict[str, Agency] = {}
        self._aliases: dict[tuple[str, str], Agency] = {}
        for node in _instances(graph, PKG.Agency):
            zh, en, alts = _labels(graph, node)
            city = self.places[str(graph.value(node, PKG.city))]
            type_iri = graph.value(node, PKG.functionalType)
            a = Agency(str(node), zh or "", en, city, self.types.get(str(type_iri)), True, True)
            self.agencies[a.iri] = a
            for name in (a.label_zh, *alts):
                self._aliases[(city.iri, key(name))] = a
        # the names of the national bodies, with which a national document's issuer or title opens
        national = self.country.iri if self.country else None
        self._national_names = tuple(sorted(name for place, name in self._aliases if place == national))
        by_type = Counter((a.city.iri, a.type.iri) for a in self.agencies.values() if a.type)
        # A place's only curated agency of a type is the one any name of that type stands for.
        self._by_type = {
            (a.city.iri, a.type.iri): a
            for a in self.agencies.values()
            if a.type and by_type[(a.city.iri, a.type.iri)] == 1
        }

    @classmethod
    @cache
    def bundled(cls) -> Gazetteer:
        vocab = files("policykg.ontology") / "vocab"
        g = Graph()
        for source in sorted(vocab.iterdir(), key=lambda p: p.name):
            if source.name.endswith(".ttl"):
                with parsing(source):
                    g.parse(data=source.read_text(encoding="utf-8"), format="turtle")
        customs = {name: (province, english) for name, province, english in rows("customs.tsv")}
        commissions = {(code[:2], slug): name for code, slug, name in rows("commission-names.tsv")}
        regions = {_bank_key(name): (province, english) for name, province, english in rows("central-bank-regions.tsv")}
        return cls(g, Divisions.bundled(), customs, commissions, regions)

    # -- places ---------------------------------------------------------------------------------

    def place_of(self, division: Division) -> Place:
        """The place of a division: the curated one when the vocabulary has it, else one named by
        its code (``place/310106``) within the place of its parent division."""
        curated = self._curated.get(division.code)
        if curated:
            return curated
        parent = self.divisions.by_code.get(division.parent or "")
        english = self.divisions.english.get(division.code)
        return Place(
            iris.place(division.code),
            division.name,
            english,
            self.divisions.names(division),
            False,
            _KIND_OF_LEVEL[division.level],
            self.place_of(parent).iri if parent else None,
            division,
        )

    def chain(self, place: Place) -> list[Place]:
        """The place and the places it lies in, outermost first (上海市, 静安区)."""
        out, seen = [place], {place.iri}
        while out[0].within and out[0].within not in seen:
            above = self.places.get(out[0].within) or self._minted_parent(out[0])
            if above is None:
                break
            seen.add(above.iri)
            out.insert(0, above)
        return out

    def _minted_parent(self, place: Place) -> Place | None:
        if place.division and place.division.parent:
            return self.place_of(self.divisions.by_code[place.division.parent])
        return None

    def city_of(self, place: Place) -> Place | None:
        """The city a place lies in (itself for a city)."""
        seen = set()
        current: Place | None = place
        while current and current.kind != "City" and current.within and current.iri not in seen:
            seen.add(current.iri)
            current = self.places.get(current.within)
        return current if current and current.kind == "City" else None

    def find(self, text: str, city: Place) -> list[Found]:
        """Places of ``city`` (counties, zones, parks), industries and companies named in a
        normalised text; the longest name wins where names overlap."""
        pattern, targets = self._finder(city)
        if pattern is None:
            return []
        return [Found(*targets[m.group()], m.start(), m.end()) for m in pattern.finditer(text)]

    def areas_of(self, city: Place) -> list[Place]:
        """The counties, zones and parks of a city: those the vocabulary places in it, and the
        counties of its division it does not curate (市南区 of 青岛市), each under its own code and
        known by the names that end as its own does (崂山区, not 崂山: a mountain as often)."""
        curated = [p for p in self.places.values() if p.kind not in ("Province", "City") and self.city_of(p) == city]
        if city.kind != "City" or city.division is None:
            return curated
        minted = [self.place_of(d) for d in self.divisions.children(city.division) if d.code not in self._curated]
        return curated + [replace(p, aliases=tuple(a for a in p.aliases if a[-1] == p.label_zh[-1])) for p in minted]

    @cache  # noqa: B019 - one finder per city for the life of the (cached) gazetteer
    def _finder(self, city: Place) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str]]]:
        targets: dict[str, tuple[str, str]] = {}
        for place in self.areas_of(city):
            for name in (place.label_zh, *place.aliases):
                targets.setdefault(normalize(name).text, (place.iri, place.kind))
        for entity in self.entities.values():
            for name in (entity.label_zh, *entity.aliases):
                targets.setdefault(normalize(name).text, (entity.iri, entity.kind))
        names = sorted((n for n in targets if len(n) > 1), key=len, reverse=True)
        return (re.compile("|".join(map(re.escape, names))) if names else None), targets

    def place_in(self, issuers: Iterable[str], titles: Iterable[str], number: str | None = None) -> Place | None:
        """The place whose government issues a document: the division its first issuer starts with
        (中共 set aside: it names the Party; a zone's body names its city by its short name), else the
        first division a title names in its opening words (关于推进上海市…), else the province its
        number abbreviates (沪, 豫), which also settles namesakes."""
        issuers, titles = list(issuers), list(titles)
        province = self.divisions.of_abbreviation(number)
        for text in issuers:
            name = key(text).removeprefix("中共")
            division, end = self.divisions.read(name, province)
            if division is None and _ZONE.match(name):
                division = self.divisions.city_opening(name)
            if division is not None:
                return self.place_of(self._branch_seat(name[end:], division) or division)
        if self._national((issuers or titles)[:1], number):
            return self.country  # 国务院办公厅关于…, 商务部关于…: before a province its title names
        for text in titles:
            text = key(text)
            for at in range(min(len(text), _TITLE_OPENING)):
                division, end = self.divisions.read(text[at:], province)
                if division is not None and (at == 0 or end >= 3):  # 城区 inside a word is no place
                    return self.place_of(division)
        return self.place_of(province) if province else None

    def _branch_seat(self, rest: str, city: Division) -> Division | None:
        """The district a city bureau's branch issuing a document sits in (西安市生态环境局雁塔分局,
        北京市公安局朝阳分局: the district's body of that function, as :meth:`resolve` reads it), when
        the branch is named by a division of the city."""
        branch = _BRANCH.match(rest) or _POLICE_BRANCH.match(rest)
        if branch is None:
            return None
        name = branch[branch.lastindex or 1]
        seat, end = self.divisions.read(name, city)
        return seat if seat is not None and end == len(name) and city in self.divisions.chain(seat)[:-1] else None

    def _national(self, names: list[str], number: str | None) -> bool:
        """Whether the first issuer (or the title) is the State Council's, the Party centre's, the
        national legislature's or a ministry's, or the number is theirs (国发, 国办发)."""
        if self.country is None:
            return False
        if number and _NATIONAL_NUMBER.match(key(number)):
            return True
        return any(_NATIONAL.match(k) or k.startswith(self._national_names) for k in map(key, names))

    # -- agencies -------------------------------------------------------------------------------

    def _type_of(self, function: str) -> AgencyType | None:
        """The type a function names: one of its labels, or, for a department named by its field
        as laws do (规划资源部门, 住房城乡建设管理部门, 交通主管部门), the type the field names (各街镇部门),
        else the one type whose labels start with that field."""
        found = self._type_keys.get(function) or self._type_keys.get(re.sub("行政部门$", "行政主管部门", function))
        if found is None and function.endswith("厅"):  # a province's department is its field's bureau (水务厅)
            found = self._type_keys.get(function[:-1] + "局")
        field = _DEPARTMENT.sub("", function)
        if found or field == function or len(field) < 2:
            return found
        if field in self._type_keys:
            return self._type_keys[field]
        types = {t.iri: t for label, t in self._type_keys.items() if label.startswith(field)}
        return next(iter(types.values())) if len(types) == 1 else None

    def resolve(self, name: str, place: Place) -> Agency:
        """The agency a name written in a document of ``place`` stands for (never fails); cached, as a
        document names its bodies many times and the gazetteer does not change once read."""
        found = self._resolved.get((name, place))
        if found is None:
            found = self._resolved[(name, place)] = self._resolve(name, place)
        return found

    def _resolve(self, name: str, place: Place) -> Agency:
        k = key(name).translate(_NESTED)  # 县〔市、区〕, 县〈市〉: 县(市、区) inside a clause's brackets
        k = _DISCIPLINE.sub(r"\1\2纪委监委", k)
        if (each := _RELEVANT.sub("各", k)) in self._type_keys:
            k = each  # 有关镇（街道）: the collective the vocabulary names whole (各镇（街道）), as 有关区 is 各区
        if place.division is not None and place.division.level == PREFECTURE:
            k = _COUNTY_CITIES.sub("各县级市", k)  # 各市 in a city's text: its county-level cities
        whole = self._type_keys.get(k)
        if whole is not None and whole.kind == "CollectiveBody":  # named whole, not by its parts: 各级党委（党组）
            return self._of_type(place, whole)
        chain = self.chain(place)
        for p in [*reversed(chain), *([self.country] if self.country else [])]:  # a ministry, from any place
            found = self._aliases.get((p.iri, k))
            if found:
                return found
        if (district := self._customs.get(k.removeprefix("中华人民共和国"))) is not None:
            return self._customs_district(k.removeprefix("中华人民共和国"), *district)
        if (region := self._bank_regions.get(_bank_key(k))) is not None:
            return self._bank_region(_bank_key(k), *region)
        body = _OWN_LEVEL.sub("", _VERTICAL.sub("", k.removeprefix("中共")))  # 本级人民政府, 当地政府: the place's own
        body = _PREFECTURE_TIER.sub(r"\1市", _LOCAL_ALL.sub(ALL_LEVELS, body))
        if (
            (locality := _LOCALITIES.match(body)) and k not in self._type_keys
        ):  # not 各地区办事处, Beijing's  # 各地工业和信息化主管部门: each body of the level below
            body = "各" + _below(place) + body[locality.end() :]
        if central := _CENTRAL_BRANCH.match(body):
            body = central[2] + ("金融" if "金融" in central[1] else "人民银行") + central[3]
        branch = _BRANCH.match(body)
        if branch and self._names_place(branch[2], place) and not self.divisions.read(branch[1], place.division)[0]:
            seat = self.divisions.read(branch[2], place.division)[0]  # 朝阳 + 市场监管局 is no 朝阳市
            body = (seat.name if seat else branch[2]) + branch[1]  # the district's body of the bureau's function
        body = _LEVEL_WORD.sub(r"\1", _POLICE_BRANCH.sub(r"\1公安分局", body))
        county = self.divisions.county_word(place.division)
        county = county if county in ("县", "区") else "县(区)"  # 上海's counties are all 区: its 各区
        body = _ONE_TIER.sub(lambda m: m[1] + (county if m[2] else m[3] or m[4]), body)
        if k not in self._type_keys:  # a collective the vocabulary names whole (各区政府) stays one
            body = _EACH.sub("", _RELEVANT.sub("各", body))
        if body[:1] in "省市区县" and not NOT_A_LEVEL.match(body):
            named, end = self.divisions.read(body[1:], place.division)
            if named is not None and end and self._type_of(_function(body[1 + end :])):
                body = body[1:]  # 区南山交警大队: a list's level restored before a name with its own place
        division, at = self.divisions.read(body, place.division)
        owner = self.place_of(division) if division else place
        rest = body[at:]
        if division is not None:
            chain = self.chain(owner)
            if division.name.endswith("街道") and rest in ("", "办事处", "办"):
                rest = "街道办事处"  # a subdistrict has no government: its office stands for it
        every = None  # a level below the place's own (区人民政府 in a municipal law): each body of it
        if rest.startswith(ALL_LEVELS) and self._type_of(_function(rest[len(ALL_LEVELS) :])):
            every, rest = ALL_LEVELS, rest[len(ALL_LEVELS) :]  # 各级监察委员会: the place's and each below it
        if division is None and k.startswith("各") and rest in _LEVEL_CHARS and not _at_level(rest, chain):
            rest += "人民政府"  # a level below named alone is its governments (各旗县市区, 各盟市, as 各县区 is)
        for char, levels in _LEVEL_CHARS.items():
            if every or not rest.startswith(char) or not self._type_of(_function(rest[len(char) :])):
                continue
            at_level = _at_level(char, chain)
            if at_level:
                owner = at_level
            elif _DEPTH[levels[0]] > _depth(owner):
                every = char
            rest = rest[len(char) :]
            break
        if division is not None and owner is not place:
            found = self._aliases.get((owner.iri, "市" + rest)) or self._aliases.get((owner.iri, rest))
            if found:
                return found
        agency_type = self._type_of(_function(rest)) or self._type_keys.get(k)
        if agency_type is None and not rest and division is not None:
            agency_type = self._type_keys.get("人民政府")  # a place named alone: its government (浦东新区)
        level = _LEVEL_SLUG[every] if every else None
        if agency_type and not every and division is None and _GRASSROOTS.match(body) and _above_township(place):
            # 街道办事处 in a district's or a city's text: each of them, the collective the vocabulary names
            agency_type = self._type_keys.get("各" + _function(body), agency_type)
        if agency_type and level:  # each county's government: the collective the vocabulary names (各县（区）人民政府)
            collective = self._type_keys.get(key(_EACH_LABEL[level] + agency_type.label_zh))
            if collective:
                agency_type, level = collective, None
        if agency_type:
            if level is None:
                return self._of_type(owner, agency_type)
            place_en = owner.label_en or owner.label_zh
            each = _EACH_EN.get(level, f"of each {level}")
            return Agency(
                iris.agency(owner.slug, f"{level}-{agency_type.slug}"),
                owner.label_zh
                + _tier_named(_EACH_LABEL[level], owner.division)
                + (_OFFICE if level == "league" and _OFFICE in agency_type.aliases else agency_type.name_at(None)),
                f"{agency_type.label_en} {each} of {place_en}" if agency_type.label_en else None,
                owner,
                agency_type,
                True,
            )
        # a level character the chain places is written as the place's name (市X → 信阳市X), and the body
        # is that place's (州X局 in a county's text: the prefecture's, as in the prefecture's own texts)
        label, home = k, place
        for char in _LEVEL_CHARS:
            at_level = _at_level(char, chain)
            if k.startswith(char) and at_level and not NOT_A_LEVEL.match(k):
                label, home = at_level.label_zh + k[len(char) :], at_level
                break
        zone = self._zone_committee(k)
        return Agency(iris.agency(home.slug, k), label, None, home, zone, zone is not None)

    def _of_type(self, owner: Place, agency_type: AgencyType) -> Agency:
        """A place's body of a type: the vocabulary's own agency, under its own labels, where it has one."""
        curated = self._by_type.get((owner.iri, agency_type.iri))
        if curated:
            return curated
        place_en = owner.label_en or owner.label_zh
        en = f"{place_en} {agency_type.label_en}" if agency_type.label_en else None
        commission = self._commissions.get((owner.division.code[:2], agency_type.slug)) if owner.division else None
        division = owner.division
        if commission and division and division.level == PROVINCE and not division.name.endswith("市"):
            commission = re.sub("局$", "厅", commission)  # a province's department: 海南省水务厅
        label = owner.label_zh + commission if commission else agency_type.label_at(owner)
        return Agency(iris.agency(owner.slug, agency_type.slug), label, en, owner, agency_type, True)

    def _customs_district(self, name: str, province: str, english: str) -> Agency:
        """A customs district directly under the national administration (直属海关), named after its
        seat (哈尔滨海关, 郑州海关): its province's customs wherever it is named, one per province but
        for those with several (广东: 广州, 深圳, 拱北…), each then named by its seat."""
        place = self.place_of(self.divisions.by_code[province])
        customs = self._type_keys["海关"]
        several = sum(code == province for code, _ in self._customs.values()) > 1
        function = f"{customs.slug}-{english.split()[0].lower()}" if several else customs.slug
        return Agency(iris.agency(place.slug, function), name, english, place, customs, True)

    def _bank_region(self, name: str, province: str, english: str) -> Agency:
        """A regional branch of the central bank named after its seat (人民银行武汉分行): the branch its
        province's documents name, not a city's sub-branch (中国人民银行武汉市中心支行, no such body)."""
        place = self.place_of(self.divisions.by_code[province])
        bank = self._type_keys["人民银行中心支行"]
        return Agency(iris.agency(place.slug, f"{bank.slug}-region"), "中国" + name, english, place, bank, True)

    def _names_place(self, text: str, place: Place) -> bool:
        """Whether ``text`` is all the name of a division (朝阳, 青浦区) for a document of ``place``."""
        return self.divisions.read(text, place.division)[1] == len(text)

    def division(self, bureau: Agency, name: str, branch: bool = False, listed: bool = False) -> Agency | None:
        """An internal division (处, 科, 室, 股, a ministry's 司) or a branch (分局) a body's own document names
        (综合规划处, 局办公室 in a 交通运输局's 工作要点; 各区、县（市）分局 in a 生态环境局's): the
        body's, when the body is one that has divisions (not a government, but a street's office or a
        town's government: its 经济发展办, 平安建设办). The body's own name before it is set aside, as
        written in full or by its level (省生态环境厅大气环境处, 市局大气环境处), or as 分局 when the body
        is a branch (``branch``: its document, 西安市生态环境局雁塔分局's, names it so: 分局大气环境科);
        after it, its squad or unit too (分局执法大队, 局执法大队, 厅信息中心). A name ``listed`` under a
        label of divisions (责任处室：, 责任股室：) is one whatever its ending (机关党委, 党建办, 电教站), but
        for a collective, a body sent to it (驻厅纪检监察组), a school or a company, or one named by a place."""
        written = key(name)
        if branch:
            written = written.removeprefix("分局")
        township = bureau.kind == "GovernmentOffice" and bureau.city is not None and bureau.city.kind == "Township"
        if township:  # 镇社会事务办, 街道社区发展治理办: a town's office names itself by its level
            written = _OWN_TOWNSHIP.sub("", written)
        k = self._own_name_cut(bureau, _OWN_BODY.sub("", written))
        own = k != key(name)  # named after the body itself
        divided = bureau.kind in _DIVIDED and bool(_DIVISION.fullmatch(k) or own and _SQUAD.fullmatch(k))
        if not divided and listed and bureau.kind in _DIVIDED:
            unit = self._own_name_cut(bureau, written)  # 机关党委 as written, not 党委
            places = (unit[0] in _LEVEL_CHARS or self.divisions.names_city(unit)) if unit else True
            if _UNIT.fullmatch(unit) and not places:
                k, divided = unit, True
        if not (divided or township and _TOWNSHIP_DIVISION.fullmatch(k)):
            return None
        if k.endswith("分局") and bureau.type is not None:  # 雁塔分局 in 西安市生态环境局's: its branch in 雁塔区,
            seat = self.resolve(bureau.label_zh + k, bureau.city)  # the district's body, as its own document is
            if seat.type == bureau.type and seat.city is not bureau.city:
                return seat
        slug = bureau.iri.rsplit("/", 1)[1]
        return Agency(iris.agency(slug, k), bureau.label_zh + k, None, bureau.city, None, True, bureau=bureau)

    def office(self, name: str, city: Place) -> tuple[Agency, Agency] | None:
        """A division named after its body (江西省教育厅办公室, which issues the 厅's notices under its own
        number): the body and the division, so the divisions the document names are the body's."""
        for end in range(len(name) - 2, 1, -1):
            bureau = self.resolve(name[:end], city)
            if bureau.resolved:
                division = self.division(bureau, name[end:])
                return (bureau, division) if division and division.division_of else None
        return None

    def _own_name_cut(self, bureau: Agency, k: str) -> str:
        """``k`` less the name of ``bureau`` it opens with: its name (省生态环境厅 in 陕西省生态环境厅's
        text) or its level's character before 局, 委 or 厅 (市局, 省厅)."""
        chain = self.chain(bureau.city)
        for end in range(len(k) - 2, 1, -1):
            head = k[:end]
            if head[-1] in "局委厅" and (
                (head[:-1] in _LEVEL_CHARS and _at_level(head[:-1], chain) is bureau.city)
                or self.resolve(head, bureau.city) == bureau
            ):
                return k[end:]
        return k

    def _zone_committee(self, name: str) -> AgencyType | None:
        """The type of the committee of a zone the vocabulary does not name (东湖高新区管委会: a
        high-tech zone's), from the longest ending of the name that is a committee's type."""
        word = next((w for w in _COMMITTEE if name.endswith(w)), None)
        if word is None:
            return None
        for start in range(2, len(name) - len(word)):  # not the word alone: 新区管委会 says no kind of zone
            if found := self._type_keys.get(name[start:]):
                return found
        return None


def _tier_named(name: str, division: Division | None) -> str:
    """A collective of the county tier named as the place names it: 各区 where it has districts only
    (佛山市各区人民政府), 各县 where counties only, 各县（区） otherwise."""
    word = Divisions.bundled().county_word(division)
    return _COUNTY_TIER.sub(f"各{word}", name, count=1) if word else name


_COUNTY_TIER = re.compile(r"^各县[(（]区[)）]")
_COMMITTEE = ("管委会", "管理委员会")
# an internal division's name (a ministry's are 司: 工业和信息化部原材料工业司, but a 公司 is a company),
# and the words its own body's document names the body by (局办公室, 本局)
_DIVISION = re.compile(
    rf"[{HAN}]{{1,16}}(?:(?<!办事)处|科|室|股|(?<!公)司)|[{HAN}、()]{{0,12}}分局"
)  # 办事处: no division
_OWN_BODY = re.compile(r"^(?:本局|本委|局|委|厅|机关)")
# any name of a division or unit, listed as one, but a collective (各高校), a body sent to the bureau
# (驻厅纪检监察组), a school or a company
_UNIT = re.compile(rf"(?!各|有关|相关|其他|其它|驻)[{HAN}]{{2,12}}(?<!学校|大学|学院|公司|集团)")
_OWN_TOWNSHIP = re.compile(r"^本?(?:街道|镇(?!村)|乡(?!村))(?=.{3})")  # not 乡村振兴办, 镇村建设办
# a bureau's squad: 执法大队, a police branch's 治安支队; a unit under it named after it (厅信息中心, 局监督站)
_SQUAD = re.compile(rf"[{HAN}]{{1,8}}(?:支队|大队|中队)|[{HAN}]{{2,10}}(?:中心|站)")
# a street's or a town's own offices, divisions of its office or government (经济发展办, 平安建设办, 党政办)
_TOWNSHIP_DIVISION = re.compile(rf"[{HAN}]{{2,8}}办")
_DIVIDED = {"GovernmentDepartment", "PublicInstitution", "VerticalBranch", "PartyOrgan", "ZoneCommittee",
            "MassOrganisation"}  # fmt: skip
_DEPTH = {PROVINCE: 0, PREFECTURE: 1, COUNTY: 2, TOWNSHIP: 3}
_LEVEL_SLUG = {"省": "province", "市": "city", "设区的市": "city", "市州": "city", "设区市": "city",
               "省辖市": "city", "地级市": "city",
               "地级以上市": "city", "区": "district", "县": "county", "县(区)": "county", "区(县)": "county",
               "区县": "county", "旗县": "county", "旗县市(区)": "county", "旗县市区": "county", "旗县市": "county",
               "旗县区": "county", "旗市区": "county", "旗区": "county", "盟市": "city", "苏木乡镇": "town",
               "苏木镇": "town", "苏木": "township",
               "县(市)区": "county", "县市区": "county", "县市": "county", "区(市)": "county", "区(市)县": "county",
               "区市": "county", "县级市": "county",
               "镇": "town", "乡": "township", "街道": "subdistrict",
               "乡(镇)": "township", "镇(乡)": "township", "乡镇": "town", "县级以上": "county-and-above",
               "设区的市级以上": "city-and-above", "自治区": "province", "自治州": "autonomous-prefecture",
               "州": "autonomous-prefecture", "盟": "league", "自治县": "autonomous-county", "旗": "banner",
               ALL_LEVELS: "all-levels"}  # fmt: skip
# how a label names the bodies of each level, however a document writes it (县, 县(区), 区(县); 市, 设区市)
_EACH_LABEL = {"province": "各省", "city": "各市", "district": "各区", "county": "各县(区)", "town": "各镇",
               "township": "各乡", "subdistrict": "各街道", "county-and-above": "县级以上",
               "city-and-above": "设区的市级以上", "autonomous-prefecture": "各自治州", "league": "各盟",
               "autonomous-county": "各自治县", "banner": "各旗", "all-levels": "各级"}  # fmt: skip
_EACH_EN = {"county-and-above": "at county level and above", "city-and-above": "at city level and above",
            "all-levels": "at all levels"}  # fmt: skip


def _below(place: Place) -> str:
    """The level word of the localities below a place: the provinces of the country, the cities of
    a province (a 直辖市's districts), the counties of a city, the townships of a county."""
    level = place.division.level if place.division else None
    if level == PROVINCE:
        return "区" if place.label_zh.endswith("市") else "市"
    return {PREFECTURE: "县(区)", COUNTY: "乡镇", TOWNSHIP: "村"}.get(level or "", "省")


def _depth(place: Place) -> int:
    """How far below the national level a place's division is (the nation itself: -1)."""
    if place.division is not None:
        return _DEPTH[place.division.level]
    return -1 if place.kind == "Country" else len(_DEPTH)


def _above_township(place: Place) -> bool:
    return place.division is not None and place.division.level != TOWNSHIP


def _function(rest: str) -> str:
    """The function part of a name: a bracketed second name plate or qualifier (区经委（商务委）,
    街道（开发区）办事处; but not the second kind of a tier, 各镇（街道）: the towns and the subdistricts),
    a government written before its department or office (人民政府发展改革部门, 省政府国资委,
    江苏省人民政府国有资产监督管理委员会, 市政府外办; 县级以上地方人民政府水行政主管部门, as the
    Organic Law names the local governments)
    and the 主管 of a field's department (司法行政主管部门, as laws write it) set aside."""
    rest = re.sub(r"(?<![镇乡道])\([^()]*\)|(?<=[镇乡道])\((?!街道\)|镇\))[^()]*\)", "", rest) or rest  # not 各镇(街道)
    rest = re.sub(r"(?<=.{2})主管(?=部门$)", "", rest)
    return re.sub(r"^(?:地方)?(人民政府|政府)(?=.+(部门|机关|机构|委|委员会|局|办)$)(?!办公|研究|督查)", "", rest)


def _at_level(char: str, chain: list[Place]) -> Place | None:
    """The place of a document's ``chain`` a level character names, the deepest it can name."""
    levels = _LEVEL_CHARS[char]
    at_level = [p for p in chain if p.division and p.division.level in levels and _is_level(p, char, chain)]
    return at_level[-1] if at_level else None


def _is_level(place: Place, char: str, chain: list[Place]) -> bool:
    """Whether a level character can name this place of a document's ``chain``: 市 a province only
    when it is a 直辖市, a county-level division only when it is a 县级市 (凯里市: 市商务局 in its text is
    its own, not 黔东南州's); 区 a province only in the text of an 自治区 itself (区财政厅, 区发展改革委),
    not in its cities' (where 区 is a district); 自治区, 自治州 (州), 盟, 旗 a place of that kind."""
    if char in _OWN_NAME_LEVELS:
        return place.label_zh.endswith(char)
    if char == "市" and place.division is not None and place.division.level == COUNTY:
        return place.label_zh.endswith("市")
    if place.kind == "Province" and char == "市":
        return place.label_zh.endswith("市")
    if place.kind == "Province" and char == "区":
        return place.label_zh.endswith("自治区") and place is chain[-1]
    return True
