"""Policy flow in the built graph of the development corpus: citations resolved to the corpus
documents they name, and the alignment export checked against the gold chains."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import Store

from conftest import GOLDEN, OTHER_DOCUMENTS, document
from policykg.queries.catalogue import load, run
from policykg.queries.export import export

# The chains SOURCES.md lists, lower document → the upper one its preamble or first article names.
CHAINS = {
    ("jiading-sponge-city-2024", "shanghai-sponge-city-2024"),
    ("jiading-sponge-city-2024", "shanghai-sponge-city-measures-2023"),
    ("jinshan-sponge-city-rules-2026", "shanghai-sponge-city-2024"),
    ("jinshan-sponge-city-rules-2026", "shanghai-sponge-city-measures-2023"),
    ("jiading-urban-renewal-2023", "shanghai-urban-renewal-regulation-2021"),
    ("wujing-town-housing-safety-2021", "shanghai-housing-safety-2021"),
    ("fengxian-rural-roads-reform-2021", "shanghai-rural-roads-reform-2020"),
    ("qingpu-fire-safety-2024", "shanghai-fire-safety-2024"),
    ("songjiang-carbon-peak-workplan-2026", "shanghai-carbon-peak-workplan-2026"),
    ("shanghai-metro-fire-linkage-2021", "shanghai-metro-safety-2019"),
    ("zhumadian-business-environment-regulation-2021", "henan-business-environment-regulation-2020"),
}

# The implicit chains SOURCES.md lists: the lower mirrors the upper's title and text but cites it not.
MIRRORS = {
    ("jingan-carbon-peak-workplan-2026", "shanghai-carbon-peak-workplan-2026"),
    ("fengxian-park-city-2021", "shanghai-park-city-2021"),
}


# The tests of the built development corpus are slow: it has 29 documents and the chains.
slow = pytest.mark.slow


def _build(folder, **texts: str):
    """A corpus of ``texts``, each a file named after its keyword, built without the reasoner in
    ``folder``: the build's folder."""
    from policykg.graph.build import build

    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    summary = build(corpus, folder / "build", reasoner=False)
    assert not [p for p in summary.problems if p.severity == "error"], summary.problems
    return folder / "build"


def _aligned(built) -> set[tuple[str, str]]:
    """The (upper path, lower path) pairs of a build's alignment export."""
    rows = json.loads(export(built, "alignment", "json"))
    return {(r["upper_path"], r["lower_path"]) for r in rows if r["status"] == "aligned"}


def _lineage(built) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export(built, "lineage"))))


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory):
    """The development corpus and the bundled chains in one build (links to the files)."""
    from policykg.graph.build import build

    corpus = tmp_path_factory.mktemp("dev") / "corpus"
    corpus.mkdir()
    for stem in OTHER_DOCUMENTS:
        (corpus / f"{stem}.txt").symlink_to(document(stem))
    out = corpus.parent / "build"
    summary = build(corpus, out, reasoner=False)
    assert not [p for p in summary.problems if p.severity == "error"], summary.problems
    return out


@slow
def test_citations_resolve_to_the_corpus_documents_they_name(dev_build):
    rows = csv.DictReader(io.StringIO(export(dev_build, "lineage")))
    based = {(r["source_file"][:-4], r["cited_title"]) for r in rows if r["relation"] == "based_on"}
    titles = {
        r["source_file"][:-4]: r["document_title"] for r in csv.DictReader(io.StringIO(export(dev_build, "lineage")))
    }
    found = {(lower, upper) for lower, upper in CHAINS if (lower, titles.get(upper)) in based}
    assert found == CHAINS


@slow
def test_a_document_that_repeats_an_upper_title_without_citing_it_mirrors_it(dev_build):
    rows = list(csv.DictReader(io.StringIO(export(dev_build, "lineage"))))
    # a citation that says what the corpus document says of itself (title and number) is one row
    assert len({tuple(r.values()) for r in rows}) == len(rows)
    titles = {r["source_file"][:-4]: r["document_title"] for r in rows}
    mirrors = {(r["source_file"][:-4], r["cited_title"]) for r in rows if r["relation"] == "mirrors"}
    assert mirrors == {(lower, titles[upper]) for lower, upper in MIRRORS}


@slow
def test_the_alignment_export(dev_build):
    rows = json.loads(export(dev_build, "alignment", "json"))
    assert list(rows[0]) == ["upper_source_file", "upper_path", "lower_source_file", "lower_path", "score", "status"]
    statuses = {r["status"] for r in rows}
    assert statuses == {"aligned", "not_taken_up", "local"}
    for r in rows:
        if r["status"] == "aligned":
            assert all(r.values()) and 0 < float(r["score"]) <= 1
        elif r["status"] == "not_taken_up":
            assert r["upper_path"] and not r["lower_path"] and not r["score"]
        else:
            assert r["lower_path"] and not r["upper_path"] and not r["score"]
    # Scored against the gold of every chain, explicit and mirrored.
    want, got = set(), set()
    for chain in sorted((GOLDEN / "alignment").glob("*.json")):
        gold = json.loads(chain.read_text(encoding="utf-8"))
        if (gold["lower"][:-4], gold["upper"][:-4]) not in CHAINS | MIRRORS:
            continue
        uppers = {p["upper"] for p in gold["pairs"]} | set(gold["not_taken_up"])
        lowers = {p["lower"] for p in gold["pairs"]} | set(gold["local"])
        want |= {(gold["upper"], p["upper"], gold["lower"], p["lower"]) for p in gold["pairs"]}
        got |= {
            (r["upper_source_file"], r["upper_path"], r["lower_source_file"], r["lower_path"])
            for r in rows
            if r["status"] == "aligned"
            and (r["upper_source_file"], r["lower_source_file"]) == (gold["upper"], gold["lower"])
            and r["upper_path"] in uppers
            and r["lower_path"] in lowers
        }
    precision, recall = len(want & got) / len(got), len(want & got) / len(want)
    assert precision >= 0.7 and recall >= 0.6, (precision, recall)


@slow
def test_targets_across_levels_compare_the_same_quantity(dev_build):
    rows = run(Store.read_only(str(dev_build / "store")), load()["targets_across_levels"])
    compared = {
        (r["upper_source_file"][:-4], r["upper_indicator"], r["upper_value"], r["lower_value"], r["comparison"])
        for r in rows
    }
    # 上海 森林覆盖率 19.5% and 1000座 parks by 2025; 奉贤 17% and 230座
    assert ("shanghai-park-city-2021", "森林覆盖率", "19.5", "17", "lowered") in compared
    assert ("shanghai-park-city-2021", "公园", "1000", "230", "part") in compared
    # 静安's 口袋公园 and 城市公园 are kinds of the city's 100 parks, not the same quantity
    assert not [r for r in rows if r["upper_indicator"] == "公园" and r["lower_indicator"] in ("口袋公园", "城市公园")]


# A municipal plan, and a district plan that names it by its number alone, takes up two of its tasks,
# adds one of its own, and cites a national document that is not in the corpus, by number too.
UPPER = """上海市老旧小区改造工作方案
沪府办发〔2024〕3号

为改善市民居住条件，推进老旧小区改造，制定本方案。

一、主要任务
（一）推进既有多层住宅加装电梯。到2025年，全市完成既有多层住宅加装电梯3000台。由市住房城乡建设管理委牵头负责。
（二）实施老旧小区雨污混接改造。全面排查老旧小区雨水污水管道混接问题，完成雨污分流改造。由市水务局牵头负责。
（三）开展历史风貌保护区房屋修缮。对历史风貌保护区内的老旧里弄房屋实施保护性修缮。由市房屋管理局牵头负责。
"""
LOWER = """嘉定区2024年住宅品质提升行动计划
嘉府办发〔2024〕12号

按照沪府办发〔2024〕3号文件要求和国办发〔2020〕23号文件精神，结合本区实际，制定本计划。

一、重点任务
（一）推进既有多层住宅加装电梯。到2025年，全区完成既有多层住宅加装电梯300台。由区建设管理委牵头负责。
（二）实施老旧小区雨污混接改造。排查全区老旧小区雨水污水管道混接问题，完成雨污分流改造。由区水务局牵头负责。
（三）建设社区长者食堂。每个街镇至少建成一家社区长者食堂，方便老年人就餐。由区民政局牵头负责。
"""


@pytest.fixture(scope="module")
def number_build(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("by-number"), upper=UPPER, lower=LOWER)


def test_a_basis_cited_by_its_number_alone_resolves_and_is_aligned(number_build):
    rows = list(csv.DictReader(io.StringIO(export(number_build, "lineage"))))
    cited = {(r["relation"], r["cited_title"], r["cited_number"], r["cited_level"]) for r in rows}
    assert cited == {
        ("based_on", "上海市老旧小区改造工作方案", "沪府办发〔2024〕3号", "provincial"),  # the corpus document alone
        ("based_on", "", "国办发〔2020〕23号", "national"),  # not in the corpus: the stub of what the citation says
    }
    assert {r["source_file"] for r in rows} == {"lower.txt"}
    alignment = {
        (r["upper_source_file"], r["upper_path"], r["lower_source_file"], r["lower_path"], r["status"])
        for r in json.loads(export(number_build, "alignment", "json"))
    }
    assert alignment == {
        ("upper.txt", "一/（一）", "lower.txt", "一/（一）", "aligned"),
        ("upper.txt", "一/（二）", "lower.txt", "一/（二）", "aligned"),
        ("upper.txt", "一/（三）", "", "", "not_taken_up"),
        ("", "", "lower.txt", "一/（三）", "local"),
    }


def test_a_title_cited_without_its_qualifiers_names_the_one_corpus_document_issued_before():
    from policykg.graph.flow import _Names, _title_key
    from policykg.graph.records import Digest

    def doc(name: str, title: str | None, date: str) -> Digest:
        return Digest(f"{name}.txt", f"urn:{name}", None, (_title_key(title),) if title else (), (), date=date)

    plan = doc("plan", "上海市城市更新三年行动方案（2024—2026年）", "2024-03-01")
    lower, earlier = doc("lower", None, "2024-06-01"), doc("earlier", None, "2023-01-01")
    cited = _title_key("上海市城市更新三年行动方案")
    assert _Names([plan, lower]).document(cited, None, lower) is plan
    assert _Names([plan, earlier]).document(cited, None, earlier) is None  # issued after the citing one
    older = doc("older", "上海市城市更新三年行动方案（2021—2023年）", "2021-03-01")
    assert _Names([plan, older, lower]).document(cited, None, lower) is None  # two bear it: neither is named


def test_a_title_two_editions_of_a_rule_share_names_the_one_in_force_when_cited():
    """《X管理办法》 (2019) and its revision of 2024 share the title: a rule of 2024 citing it means the
    revision, one of 2020 the 2019 edition, one of 2018 neither, whatever order the corpus lists
    them in, and when the revision's title says so (（2024年修订）). The later listed one was named, or
    none when it was issued after the citing one; a marked revision was never named."""
    from dataclasses import replace

    from policykg.graph.flow import _Names, _title_key
    from policykg.graph.records import Digest

    title = _title_key("陕西省企业技术中心认定管理办法")

    def doc(name: str, date: str) -> Digest:
        return Digest(f"{name}.txt", f"urn:{name}", None, (title,), (), date=date)

    old, revised = doc("old", "2019-05-20"), doc("revised", "2024-06-18")
    marked = replace(revised, titles=(_title_key("陕西省企业技术中心认定管理办法（2024年修订）"),))
    for listed, revision in (([old, revised], revised), ([revised, old], revised), ([marked, old], marked)):
        names = _Names(listed)
        assert names.document(title, None, doc("rules", "2024-09-02")) is revision
        assert names.document(title, None, doc("rules", "2020-03-01")) is old
        assert names.document(title, None, doc("rules", "2018-03-01")) is None


NATIONAL = """国务院办公厅关于加快发展外贸新业态新模式的意见

国办发〔2021〕24号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为加快发展外贸新业态新模式，经国务院同意，现提出以下意见。

一、积极发展外贸新业态
（一）扩大跨境电商综合试验区试点范围。到2025年，力争跨境电商综合试验区达到200个。（商务部、海关总署等按职责分工负责）
（二）培育一批优秀海外仓企业。鼓励传统外贸企业、跨境电商和物流企业参与海外仓建设。（商务部、交通运输部按职责分工负责）

国务院办公厅
2021年7月2日
"""

PROVINCIAL = """河南省人民政府办公厅关于加快发展外贸新业态新模式的实施意见

豫政办〔2021〕60号

各省辖市人民政府，省人民政府各部门：
经省政府同意，现提出如下实施意见。

一、积极发展外贸新业态
（一）扩大跨境电商综合试验区覆盖范围。推动跨境电商综合试验区建设，到2025年，全省跨境电商综合试验区达到10个。（省商务厅、郑州海关按职责分工负责）
（二）培育海外仓企业。支持传统外贸企业、跨境电商和物流企业参与海外仓建设。（省商务厅、省交通运输厅按职责分工负责）

河南省人民政府办公厅
2021年9月1日
"""


def test_a_province_that_repeats_a_national_title_mirrors_it(tmp_path):
    """The nation lies above every province: a provincial opinion that repeats the title of the State
    Council's (the issuer and 关于 set aside) without citing it mirrors it, and its measures are aligned."""
    built = _build(tmp_path, national=NATIONAL, provincial=PROVINCIAL)
    rows = _lineage(built)
    assert {(r["source_file"], r["relation"], r["cited_level"]) for r in rows} == {
        ("provincial.txt", "mirrors", "national")
    }
    aligned = _aligned(built)
    assert aligned == {("一/（一）", "一/（一）"), ("一/（二）", "一/（二）")}


_BASIS = "为贯彻落实《国务院办公厅关于加快发展外贸新业态新模式的意见》（国办发〔2021〕24号），"
# Pages that government sites print beside a policy: its interpretation, an interview on it, a meeting's
# news and the draft of a lower plan published for comment. Each restates the tasks it names.
PAGES = {
    "interpretation": "《国务院办公厅关于加快发展外贸新业态新模式的意见》政策解读\n\n" + _BASIS + "现解读如下。\n\n",
    "interview": (
        "商务部负责同志就《国务院办公厅关于加快发展外贸新业态新模式的意见》答记者问\n\n问："
        + _BASIS
        + "有哪些举措？\n\n"
    ),
    "news": "我省召开外贸新业态新模式发展推进会\n\n会议强调，" + _BASIS + "要抓好以下工作。\n\n",
    "draft": "河南省加快发展外贸新业态新模式实施方案（征求意见稿）\n\n" + _BASIS + "结合我省实际，制定本方案。\n\n",
}
_TASKS = (
    "一、积极发展外贸新业态\n（一）扩大跨境电商综合试验区试点范围。到2025年，力争跨境电商综合试验区达到200个。"
    "（省商务厅牵头）\n（二）培育一批优秀海外仓企业。鼓励传统外贸企业参与海外仓建设。（省商务厅、省交通运输厅按职责分工负责）\n"
)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_page_about_a_document_carries_out_none_of_it(tmp_path, page):
    """A 解读, an interview, a meeting's news or a draft for comment restates the document it names:
    it cites it but is not based on it, mirrors nothing, and states no responsibilities or targets."""
    built = _build(tmp_path, national=NATIONAL, page=PAGES[page] + _TASKS)
    assert {(r["source_file"], r["relation"]) for r in _lineage(built)} == {("page.txt", "cites")}
    assert not _aligned(built)
    for kind in ("responsibilities", "targets"):
        assert not [r for r in csv.DictReader(io.StringIO(export(built, kind))) if r["source_file"] == "page.txt"]


REGULATION = """河南省公共数据条例

第一条 为了规范公共数据管理，根据有关法律，结合本省实际，制定本条例。
第二条 县级以上人民政府应当加强对公共数据工作的领导。
第三条 省人民政府数据主管部门应当建立全省统一的公共数据资源体系，组织编制公共数据资源目录，并实行动态管理。
第三条之一 公共数据主管部门应当建立数据质量管控机制。
第四条 公共管理和服务机构应当依法开放公共数据，保障数据安全。
第五条 本条例自2023年1月1日起施行。
"""

RULES = """郑州市实施《河南省公共数据条例》办法

第一条 根据《河南省公共数据条例》（以下简称{short}），结合本市实际，制定本办法。
第二条 依照{cited}第三条的规定，市大数据管理局每年一季度更新本市目录清单，报市人民政府备案。
第三条 本市推动政务服务事项网上办理，具体按照《河南省公共数据条例》第四条执行。
第四条 区县（市）人民政府应当组织开展业务培训，本条例第二条另有规定的除外。
第五条 市大数据管理局按照{cited}第三条之一的规定开展年度核查。
第六条 本办法自2023年6月1日起施行。
"""


@pytest.mark.parametrize(
    ("short", "cited"),
    [("《条例》", "《条例》"), ("“条例”", "条例"), ("《条例》\n", "《条例》")],
    ids=["book-marks", "quoted", "hard-wrapped"],  # a PDF's line break inside (以下简称《条例》\n）
)
def test_a_measure_that_cites_an_upper_article_by_number_carries_it_out(tmp_path, short, cited):
    """Rules implementing a regulation cite its articles, by its title or by the short name they give
    it (以下简称《条例》, or in quotation marks and then cited bare): the citation pairs the two whatever
    their words share, and is the first evidence of the pair; 本条例第二条 cites the text that says it."""
    built = _build(tmp_path, regulation=REGULATION, rules=RULES.format(short=short, cited=cited))
    aligned = _aligned(built)
    assert {("第三条", "第二条"), ("第四条", "第三条"), ("第三条之一", "第五条")} <= aligned
    assert ("第三条", "第五条") not in aligned  # 第三条之一 is an article of its own
    assert ("第二条", "第四条") not in aligned  # 本条例: the text that says it
    evidence = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
    SELECT ?lower ?terms WHERE { ?a pkg:lowerMeasure/pkg:path ?lower ; pkg:sharedTerms ?terms }"""
    store = Store.read_only(str(built / "store"))
    terms = {r["lower"].value: r["terms"].value for r in store.query(evidence)}
    assert terms["第二条"].startswith(f"{cited}第三条")
    assert terms["第三条"].startswith("《河南省公共数据条例》第四条")


@pytest.mark.parametrize(
    "cited",
    ["《省人民政府关于推进农村物流高质量发展的实施意见》", "省人民政府《关于推进农村物流高质量发展的实施意见》"],
    ids=["level", "outside"],
)
def test_a_title_whose_issuer_is_written_as_its_level_names_the_document_above(tmp_path, cited):
    """为贯彻落实《省人民政府关于X的实施意见》精神, with no number, or the issuer before the marks
    (省人民政府《关于X的实施意见》): the province's document of that subject, the one of a region above
    the city that cites it."""
    upper = (
        "湖南省人民政府关于推进农村物流高质量发展的实施意见\n湘政发〔2023〕5号\n\n一、完善县乡村三级物流网络。"
        "加快建设县级物流中心。（省交通运输厅负责）\n\n湖南省人民政府\n2023年3月1日\n"
    )
    lower = (
        f"长沙市人民政府办公厅关于推进农村物流高质量发展的工作方案\n\n为贯彻落实{cited}精神，结合我市实际，制定本方案。"
        "\n\n一、完善县乡村三级物流网络。建设县级物流中心10个。（市交通运输局负责）"
        "\n\n长沙市人民政府办公厅\n2023年5月1日\n"
    )
    built = _build(tmp_path, upper=upper, lower=lower)
    rows = _lineage(built)
    assert ("based_on", "湘政发〔2023〕5号", "provincial") in {
        (r["relation"], r["cited_number"], r["cited_level"]) for r in rows
    }
    assert ("一", "一") in _aligned(built)


@pytest.mark.parametrize("issuer", ["省生态环境厅", "省工业和信息化厅"])
def test_a_title_whose_issuer_is_a_department_written_as_its_level_names_the_document_above(tmp_path, issuer):
    """根据《省生态环境厅关于X的通知》精神, as a city's bureau cites its province's department: the
    province's document of that subject (江苏省生态环境厅关于X的通知), of a region above the city."""
    upper = (
        f"江苏{issuer}关于进一步加强危险废物环境监管工作的通知\n苏环办〔2024〕58号\n\n"
        "一、全面运行电子转移联单。全省危险废物转移全部通过监控系统运行电子转移联单。\n\n"
        f"江苏{issuer}\n2024年4月10日\n"
    )
    lower = (
        "南京市生态环境局关于进一步加强危险废物环境监管工作的通知\n\n"
        f"根据《{issuer}关于进一步加强危险废物环境监管工作的通知》精神，现通知如下。\n\n"
        "一、运行电子转移联单。全市危险废物转移全部通过监控系统运行电子转移联单。\n\n"
        "南京市生态环境局\n2024年5月8日\n"
    )
    built = _build(tmp_path, upper=upper, lower=lower)
    rows = _lineage(built)
    assert ("based_on", "苏环办〔2024〕58号") in {(r["relation"], r["cited_number"]) for r in rows}
    assert ("一", "一") in _aligned(built)


GUIDANCE = """工业和信息化部 财政部关于加快推进中小企业数字化转型的指导意见

工信部联企业〔2024〕15号

各省、自治区、直辖市工业和信息化主管部门、财政厅（局）：
为加快推进中小企业数字化转型，现提出以下意见。

一、重点任务
（一）推广数字化产品和解决方案。推广“小快轻准”数字化产品，降低中小企业转型成本。（工业和信息化部负责）
"""

NOTICE = (
    "为贯彻落实《工业和信息化部 财政部关于加快推进中小企业数字化转型的指导意见》（工信部联企业〔2024〕15号），"
    "现将《江苏省中小企业数字化转型实施方案（2024—2026年）》印发给你们，请认真贯彻落实。"
)
PROVINCE_PLAN = f"""江苏省工业和信息化厅
江苏省财政厅

苏工信企业〔2024〕30号

江苏省工业和信息化厅 江苏省财政厅关于印发《江苏省中小企业数字化转型实施方案（2024—2026年）》的通知

各设区市工业和信息化局、财政局：

{NOTICE}

附件：江苏省中小企业数字化转型实施方案（2024—2026年）

江苏省工业和信息化厅
江苏省财政厅
2024年6月5日

附件

江苏省中小企业数字化转型实施方案（2024—2026年）

为推进全省中小企业数字化转型，制定本实施方案。

一、重点任务
（一）推广数字化产品和解决方案。遴选推广“小快轻准”数字化产品，降低中小企业转型成本。（省工业和信息化厅负责）
"""

CITY_PLAN = """苏州市中小企业数字化转型行动方案

苏府办〔2024〕80号

为贯彻落实《江苏省中小企业数字化转型实施方案（2024—2026年）》（苏工信企业〔2024〕30号），制定本方案。

一、重点任务
（一）推广数字化产品和解决方案。推广“小快轻准”数字化产品，降低本市中小企业转型成本。（市工业和信息化局负责）
"""


def test_a_citation_of_a_corpus_document_is_one_row(tmp_path):
    """A title cited without the spaces between its joint issuers, and a plan cited by its own title
    where the corpus holds the notice that issues it: the corpus document's row alone, not the stub of
    what the citation says beside it; the notice's paragraph is the plan's basis."""
    built = _build(tmp_path, guidance=GUIDANCE, province=PROVINCE_PLAN, city=CITY_PLAN)
    rows = _lineage(built)
    assert sorted((r["source_file"], r["relation"], r["cited_title"], r["cited_number"]) for r in rows) == [
        (
            "city.txt",
            "based_on",
            "江苏省工业和信息化厅 江苏省财政厅关于印发《江苏省中小企业数字化转型实施方案（2024—2026年）》的通知",
            "苏工信企业〔2024〕30号",
        ),
        ("province.txt", "based_on", GUIDANCE.split("\n")[0], "工信部联企业〔2024〕15号"),
    ]


RULE_2019 = """陕西省工业和信息化厅关于印发《陕西省企业技术中心认定管理办法》的通知

陕工信发〔2019〕142号

陕西省企业技术中心认定管理办法

　　第一条　省工业和信息化厅每三年对技术中心进行一次运行评价。

陕西省工业和信息化厅
2019年5月20日
"""


def test_a_revision_repeals_the_earlier_edition_and_rules_after_it_rest_on_the_revision(tmp_path):
    """The revision ends 原《X》（号）同时废止: a lineage row 'repeals' (and 'cites') to the 2019 edition, no
    alignment with it; a city's rules of 2024 citing the shared title rest on the revision, whatever
    the file names' order. The repealed edition was no citation, and the rules' basis the file listed last."""
    revised = RULE_2019.replace("〔2019〕142号", "〔2024〕87号").replace("2019年5月20日", "2024年6月18日")
    revised = revised.replace("每三年", "每两年").replace(
        "运行评价。\n",
        "运行评价。\n　　第二条　原《陕西省企业技术中心认定管理办法》（陕工信发〔2019〕142号）同时废止。\n",
    )
    rules = (
        "宝鸡市企业技术中心认定管理实施细则\n\n宝工信发〔2024〕56号\n\n"
        "　　第一条　根据《陕西省企业技术中心认定管理办法》，制定本细则。\n"
        "　　第二条　市工业和信息化局每两年对技术中心进行一次运行评价。\n\n宝鸡市工业和信息化局\n2024年9月2日\n"
    )
    built = _build(tmp_path, a_revised=revised, b_old=RULE_2019, rules=rules)
    rows = {(r["source_file"], r["relation"], r["cited_number"]) for r in _lineage(built)}
    assert rows == {
        ("a_revised.txt", "cites", "陕工信发〔2019〕142号"),
        ("a_revised.txt", "repeals", "陕工信发〔2019〕142号"),
        ("rules.txt", "based_on", "陕工信发〔2024〕87号"),
    }
    aligned = {
        (r["upper_source_file"], r["lower_source_file"])
        for r in csv.DictReader(io.StringIO(export(built, "alignment")))
    }
    assert ("a_revised.txt", "rules.txt") in aligned and not {u for u, _ in aligned} & {"b_old.txt"}


def test_a_citation_of_several_articles_and_a_short_name_given_after_the_number():
    """《实施细则》第四条、第五条 cites both, 第四条至第六条 the three; 《X》（厦府办规〔2024〕12号，以下简称
    《实施细则》） gives X its short name after its number, in the same bracket."""
    from policykg.graph.flow import _SHORT_NAME, _articles

    assert _articles("第四条、第五条") == ["第四条", "第五条"]
    assert sorted(_articles("第4条至第6条")) == ["第五条", "第六条", "第四条"]
    cited = "根据《厦门市软件产业实施细则》（厦府办规〔2024〕12号，以下简称《实施细则》），制定本方案。"
    assert _SHORT_NAME.findall(cited) == [("厦门市软件产业实施细则", "实施细则")]


MEASURES_WITH_A_GOAL = """某省加快推进数字经济高质量发展若干措施

某政规〔2024〕8号

为加快建设数字某省，结合我省实际，制定如下措施。到2026年，全省数字经济核心产业增加值占地区生产总值比重达到10%以上。

一、夯实数字基础设施
1.加快5G网络建设。推进5G网络向乡镇和行政村延伸。（责任单位：省通信管理局）
"""

PLAN_BASED_ON_THEM = """某市加快推进数字经济高质量发展实施方案

为贯彻落实《某省加快推进数字经济高质量发展若干措施》（某政规〔2024〕8号），结合我市实际，制定本方案。

一、主要目标
到2026年，全市数字经济核心产业增加值占地区生产总值比重达到12%。

二、重点任务
（一）加快5G网络建设。推进5G网络向乡镇和行政村延伸。（责任单位：市工信局）
"""


def _targets_across_levels(tmp_path, province: str, city: str) -> set[tuple[str, str, str, str, str]]:
    """(upper path, upper value, lower path, lower value, comparison) of a province's text and a city's
    based on it, built and asked the catalogue's question."""
    built = _build(tmp_path, province=province, city=city)
    rows = run(Store.read_only(str(built / "store")), load()["targets_across_levels"])
    return {(r["upper_path"], r["upper_value"], r["lower_path"], r["lower_value"], r["comparison"]) for r in rows}


def test_a_document_s_own_goal_is_compared_with_the_targets_of_the_document_based_on_it(tmp_path):
    """A province's 若干措施 states its headline goal in the preamble, of no measure: the city plan based
    on it is compared with it as a whole document (an empty upper path), on no alignment."""
    assert ("", "10", "一", "12", "raised") in _targets_across_levels(
        tmp_path, MEASURES_WITH_A_GOAL, PLAN_BASED_ON_THEM
    )


PESTICIDE_PROVINCE = """某省农药减量工作方案

某农发〔2024〕16号

一、工作目标
到2024年，全省主要农作物病虫害绿色防控覆盖率达到56%。

二、重点任务
（一）推进农药包装废弃物回收。建立回收体系，到2024年，农药包装废弃物回收率达到80%以上。（责任单位：省农业农村厅）
"""

PESTICIDE_CITY = """某市农药减量工作方案

为贯彻落实《某省农药减量工作方案》（某农发〔2024〕16号），制定本方案。

一、工作目标
到2024年，全市主要农作物病虫害绿色防控覆盖率达到60%，农药包装废弃物回收率达到85%以上。

二、重点任务
（一）开展绿色防控示范。建设绿色防控示范片。（责任单位：市农业农村局）
"""


def test_a_goals_section_is_compared_with_the_targets_the_other_level_states_in_its_tasks(tmp_path):
    """A city's 工作目标 gathers targets its province states inside a task (回收率达到80%): no alignment
    pairs a goals section with a task, yet the city's 85% stands against the province's 80%."""
    found = _targets_across_levels(tmp_path, PESTICIDE_PROVINCE, PESTICIDE_CITY)
    assert ("二/（一）", "80", "一", "85", "raised") in found
    assert ("一", "56", "一", "60", "raised") in found  # the goals, on their alignment


def test_an_upper_target_no_lower_target_restates_is_none_for_the_lower_document(tmp_path):
    """The province's 2024 覆盖率 and 回收率 stand against the city's; a 2025 goal of a task the city takes
    up nowhere is one the city sets none for (an empty lower path: no measure of the city's states it),
    and a row a province's table allots another city is none of this city's business."""
    province = (
        PESTICIDE_PROVINCE.replace(
            "（责任单位：省农业农村厅）",
            "（责任单位：省农业农村厅）\n（二）推广统防统治。到2025年，专业化统防统治覆盖率达到45%。（责任单位：省农业农村厅）",
        )
        + "\n附件\n\n各市2024年绿色防控覆盖率\n\n序号\t设区市\t绿色防控覆盖率（%）\n1\t甲市\t58\n"
    )
    found = _targets_across_levels(tmp_path, province, PESTICIDE_CITY)
    none = {(path, value) for path, value, lower, _, comparison in found if comparison == "none"}
    assert none == {("二/（二）", "45")}
    assert ("二/（一）", "80", "一", "85", "raised") in found


ALLOTTING_PROVINCE = """陕西省挥发性有机物治理攻坚方案

陕环发〔2024〕8号

一、重点任务
（一）推进重点企业治理。开展挥发性有机物综合治理。（责任单位：省生态环境厅）

附件

各市2024年挥发性有机物治理任务

序号\t设区市\t2024年完成治理企业数（家）
1\t西安市\t80
2\t宝鸡市\t40
"""

ALLOTTED_CITY = """西安市挥发性有机物治理攻坚实施方案

为贯彻落实《陕西省挥发性有机物治理攻坚方案》（陕环发〔2024〕8号），制定本方案。

一、重点任务
（一）推进重点企业治理。到2024年，完成治理企业数75家。（责任单位：市生态环境局）
"""


def test_what_an_annex_allots_the_lower_area_is_compared_under_the_annex_s_label(tmp_path):
    """A province's table allots each city its number (西安市 | 80): the city's 75 falls short of it,
    and the upper target's path is the annex that states it, as in the targets export."""
    found = _targets_across_levels(tmp_path, ALLOTTING_PROVINCE, ALLOTTED_CITY)
    assert ("附件", "80", "一/（一）", "75", "lowered") in found


ALLOTTING_RATES = """海南省农村供水保障提升行动实施方案

琼府办〔2024〕27号

一、工作目标
到2027年，全省农村自来水普及率达到97%以上。

二、重点任务
（一）推进城乡供水一体化。推动城镇供水管网向农村延伸。（责任单位：省水务厅）

附件

各市县农村供水保障主要目标任务分解表

序号\t市县\t2027年农村自来水普及率（%）
1\t琼中黎族苗族自治县\t95
2\t三亚市\t99
"""

ALLOTTED_COUNTY = """琼中黎族苗族自治县农村供水保障提升行动工作方案

为贯彻落实《海南省农村供水保障提升行动实施方案》（琼府办〔2024〕27号），制定本方案。

一、工作目标
到2027年，全县农村自来水普及率达到95%以上。

二、重点任务
（一）推进县城供水管网向乡镇延伸。推动县城供水管网向乡镇延伸。（牵头单位：县水务局）
"""


def test_a_rate_the_upper_document_allots_the_lower_area_is_its_standard_not_the_average(tmp_path):
    """A province's 97% is an average over the counties when its table allots each its own rate
    (琼中 | 95): the county's 95% meets its allotment, and is not lowered against the 97%."""
    found = _targets_across_levels(tmp_path, ALLOTTING_RATES, ALLOTTED_COUNTY)
    assert ("附件", "95", "一", "95", "same") in found
    assert not any(upper == "97" and lower for _, upper, _, lower, _ in found)


SHENZHEN_PLAN = """深圳市人民政府办公厅关于印发《深圳市低空经济发展行动计划》的通知

深府办函〔2024〕9号

一、重点任务

（一）建设起降设施。在交通枢纽、医院、公园建设低空飞行器起降平台。（责任单位：市交通运输局，各区政府）

（二）建设宝安低空物流枢纽。建设无人机物流分拨中心和起降场。（责任单位：宝安区政府）

（三）建设龙岗低空飞行器制造基地。建设eVTOL整机及零部件制造基地，引进整机制造企业。（责任单位：龙岗区政府）
"""

DISTRICT_MEASURES = """深圳市宝安区人民政府办公室关于印发《宝安区低空经济发展工作措施》的通知

深宝府办〔2024〕3号

为贯彻落实《深圳市低空经济发展行动计划》（深府办函〔2024〕9号），制定以下措施。

第一条 统筹建设起降网络。在交通枢纽、医院、公园建设低空飞行器起降平台。（责任单位：区交通运输局）

第二条 打造低空物流枢纽。建设无人机物流分拨中心和起降场。（责任单位：区交通运输局）

第三条 招引整机制造企业。建设eVTOL整机及零部件制造基地，引进整机制造企业。（责任单位：区投资推广署）
"""


def _alignment(tmp_path, upper: str, lower: str) -> tuple[set[tuple[str, str]], set[str]]:
    """The aligned (upper path, lower path) pairs and the upper paths not taken up, of a document and
    one based on it, built and exported."""
    built = _build(tmp_path, upper=upper, lower=lower)
    rows = json.loads(export(built, "alignment", "json"))
    return _aligned(built), {r["upper_path"] for r in rows if r["status"] == "not_taken_up"}


def test_a_task_charged_to_another_district_alone_is_not_carried_out_by_this_one(tmp_path):
    """A city plan's task for 龙岗区政府 alone is 龙岗's: 宝安's measures, however close in words, do
    not carry it out; the task for 宝安区政府 and the one for every district they do."""
    aligned, idle = _alignment(tmp_path, SHENZHEN_PLAN, DISTRICT_MEASURES)
    assert {("一/（一）", "第一条"), ("一/（二）", "第二条")} <= aligned
    assert not any(upper == "一/（三）" for upper, _ in aligned)
    assert "一/（三）" in idle


JOINT_PLAN = """上海市人民政府办公厅 江苏省人民政府办公厅 浙江省人民政府办公厅关于印发《示范区水体共治方案》的通知

沪府办发〔2024〕12号

一、重点任务

（一）加强城镇污水收集处理。推进城镇污水处理厂提标改造和管网修复。（责任单位：青浦区、吴江区、嘉善县人民政府负责）

（二）推进淀山湖综合治理。实施淀山湖湖滨带生态修复和入湖河道综合整治，控制入湖总磷负荷。（责任单位：青浦区人民政府负责，上海市水务局指导）

（三）推进东太湖生态清淤。实施东太湖生态清淤和蓝藻水华应急防控。（责任单位：吴江区人民政府负责）
"""

JIASHAN_PLAN = """嘉善县人民政府关于印发嘉善县跨界水体联保共治工作方案的通知

善政发〔2024〕18号

为落实《示范区水体共治方案》（沪府办发〔2024〕12号），制定本方案。

一、主要任务

（一）建设污水零直排区。推进城镇污水处理厂提标改造和管网修复。牵头单位：县建设局。

（二）推进祥符荡综合治理。实施祥符荡湖滨带生态修复和入湖河道综合整治，控制入湖总磷负荷。牵头单位：西塘镇。

（三）推进汾湖生态清淤。实施汾湖生态清淤和蓝藻水华应急防控。牵头单位：陶庄镇。
"""


def test_a_jointly_issued_plan_s_task_for_another_province_s_county_is_not_carried_out(tmp_path):
    """沪苏浙 jointly charge 青浦区 (guided by a Shanghai bureau) and 吴江区 (in 苏州市, in 江苏省) each with
    a lake of its own: 嘉善县's measures on its own lakes, however close in words, carry out neither;
    the task for all three counties they do."""
    aligned, idle = _alignment(tmp_path, JOINT_PLAN, JIASHAN_PLAN)
    assert ("一/（一）", "一/（一）") in aligned
    assert not any(upper in ("一/（二）", "一/（三）") for upper, _ in aligned)
    assert {"一/（二）", "一/（三）"} <= idle


OPINIONS = """福建省人民政府关于加快现代物流业发展的若干意见
闽政〔2017〕21号

一、培育物流龙头企业。对年主营业务收入首次突破10亿元的物流企业，给予一次性奖励200万元。（责任单位：省商务厅）

二、加快物流园区建设。对新认定的省级示范物流园区，给予一次性补助500万元。（责任单位：省发改委）

三、推进多式联运发展。对开行集装箱海铁联运班列的企业，按每标准箱200元给予补助。（责任单位：省交通运输厅）

福建省人民政府
2017年6月12日
"""

OPINION_RULES = """泉州市贯彻落实《福建省人民政府关于加快现代物流业发展的若干意见》实施细则

第一条 根据《福建省人民政府关于加快现代物流业发展的若干意见》（以下简称《若干意见》），制定本细则。
第二条 落实省政府若干意见第二点，市级财政按省级金额的50%给予配套。
第三条 对应《若干意见》第三条，支持泉州港拓展江西、湖南等腹地货源。
第四条 统筹落实《若干意见》第一、二条，市财政每年安排专项资金。
第五条 本细则自印发之日起施行。
"""


def test_an_opinion_cited_by_point_numbers_pairs_the_points(tmp_path):
    """Rules carrying out a 若干意见 cite its points 一、二、三、 as its articles or points (《若干意见》第三条,
    若干意见第二点; 第一、二条 both), though it has no 条: the citation pairs the point whatever their
    words share."""
    built = _build(tmp_path, opinions=OPINIONS, rules=OPINION_RULES)
    aligned = _aligned(built)
    assert {("二", "第二条"), ("三", "第三条"), ("一", "第四条"), ("二", "第四条")} <= aligned


def test_an_opinion_cited_by_its_genre_alone_pairs_its_points(tmp_path):
    """省政府《若干意见》第三条, the lower document giving its basis no short name: the genre its title
    ends with names the one opinion it carries out."""
    rules = OPINION_RULES.replace("（以下简称《若干意见》）", "（闽政〔2017〕21号）")
    rules = rules.replace("落实省政府若干意见第二点", "落实省政府《若干意见》第二点")
    built = _build(tmp_path, opinions=OPINIONS, rules=rules)
    aligned = _aligned(built)
    assert {("二", "第二条"), ("三", "第三条")} <= aligned


PROVINCE_OPINION = """四川省人民政府办公厅关于推进城市更新行动的实施意见

川办发〔2024〕27号

一、加快城镇老旧小区改造。重点改造2000年底前建成的城镇老旧小区，有条件的加装电梯。（省住房城乡建设厅负责）

二、推进海绵城市建设。系统实施排水防涝设施建设，治理内涝积水点。（省住房城乡建设厅、省水利厅负责）

三、加强历史文化保护传承。开展历史文化街区、历史建筑普查认定，建立保护名录。（省文物局负责）
"""

FORWARDING_NOTICE = """成都市人民政府办公厅关于转发《四川省人民政府办公厅关于推进城市更新行动的实施意见》的通知

成办发〔2024〕41号

各区（市）县政府，市政府各部门：

现将《四川省人民政府办公厅关于推进城市更新行动的实施意见》（川办发〔2024〕27号）转发给你们，并结合我市实际提出以下贯彻意见，请一并抓好落实。

一、加快老旧院落改造。聚焦2000年底前建成的老旧小区（院落），同步推进加装电梯。（市住建局牵头）

二、建立城市更新项目储备机制。建立市级城市更新项目库，实行滚动管理。（市住建局、市发改委按职责分工负责）

成都市人民政府办公厅
2024年9月10日
"""


def test_a_notice_forwarding_the_upper_document_takes_up_all_of_it(tmp_path):
    """成都 forwards the province's opinion whole (请一并抓好落实) with points of its own: the points pair
    with the tasks they restate, and no task of the province's is left not taken up; the notice is
    based on what it forwards (现将《X》转发给你们), which its own title does not make it."""
    aligned, idle = _alignment(tmp_path, PROVINCE_OPINION, FORWARDING_NOTICE)
    assert ("一", "一") in aligned and not idle
    rows = _lineage(tmp_path / "build")
    assert [(r["source_file"], r["relation"]) for r in rows] == [("lower.txt", "based_on")]


CITY_POINTS = """广州市人民政府办公厅关于印发广州市2025年深化“放管服”改革优化营商环境工作要点的通知
穗府办函〔2025〕12号

一、提升政务服务效能
（一）深化“高效办成一件事”改革，新推出企业信息变更、开办餐饮店等10个以上市级特色“一件事”。责任单位：市政务服务和数据管理局。
（二）全面推行政务服务“好差评”制度，差评整改率达到100%。责任单位：市政务服务和数据管理局。
二、优化企业全生命周期服务
（三）深化企业开办“一网通办”，企业开办全流程压缩至1个工作日以内，推广电子营业执照和电子印章。责任单位：市市场监管局。
（四）推行不动产登记“带押过户”“交房即交证”，抵押登记业务办理时间压缩至1个工作日以内。责任单位：市规划和自然资源局。

广州市人民政府办公厅
2025年3月18日
"""

# The district's plan: a shorter title of the same subject and year, another genre, that cites nothing
DISTRICT_PLAN = """广州市黄埔区人民政府办公室关于印发黄埔区2025年优化营商环境工作方案的通知
穗埔府办〔2025〕6号

一、重点任务
（一）落实“高效办成一件事”改革，推出不少于8个具有黄埔特色的“一件事”主题服务。（责任单位：区政务服务数据管理局）
（二）全面推行政务服务“好差评”制度，实现差评整改率100%。（责任单位：区政务服务数据管理局）
（三）深化企业开办“一网通办”，企业开办全流程压缩至1个工作日以内。（责任单位：区市场监管局）
（四）高标准建设黄埔营商环境改革创新实验室，每年推出10项以上改革创新举措。（责任单位：区发展改革局）

广州市黄埔区人民政府办公室
2025年4月8日
"""

# Of the same subject by its words, but a publicity month: it carries out none of the city's tasks
DISTRICT_PUBLICITY = """广州市海珠区发展和改革局关于印发海珠区2025年优化营商环境宣传月活动方案的通知
海发改〔2025〕17号

一、活动内容
（一）举办惠企政策宣讲会不少于10场，组织区有关部门走进重点园区。（责任单位：区发展改革局）
（二）邀请企业代表担任“营商环境体验官”，提出意见建议。（责任单位：区发展改革局）
（三）制作营商环境宣传短视频、一图读懂等宣传产品，通过新媒体平台推送。（责任单位：区委宣传部）

广州市海珠区发展和改革局
2025年5月10日
"""


def test_a_district_plan_that_names_the_subject_and_carries_out_most_tasks_mirrors_it(tmp_path):
    """黄埔区2025年优化营商环境工作方案 after 广州市2025年深化“放管服”改革优化营商环境工作要点: the title
    shares the subject's words (营商环境), not enough of its bigrams to repeat it, and most of its
    measures carry out the city's: it mirrors it. A 宣传月活动方案 of the same subject, which carries out
    none of them, does not."""
    built = _build(tmp_path, city=CITY_POINTS, plan=DISTRICT_PLAN, publicity=DISTRICT_PUBLICITY)
    rows = _lineage(built)
    assert {(r["source_file"], r["relation"], r["cited_number"]) for r in rows} == {
        ("plan.txt", "mirrors", "穗府办函〔2025〕12号")
    }
    aligned = _aligned(built)
    assert {("一/（一）", "一/（一）"), ("一/（二）", "一/（二）"), ("二/（三）", "一/（三）")} <= aligned


def test_a_yearly_plan_mirrors_the_upper_plan_of_its_own_year_only():
    """天河区2026年…工作要点 repeats the words of 广州市2025年…工作要点 but its year: it carries out the
    city's 2026 work points, not those; the city's plan of its own year, or of a span that holds it, it mirrors."""
    from policykg.graph.flow import _mirrored, _title_key, _topic
    from policykg.graph.records import Digest

    def doc(name: str, title: str, region: tuple[str, ...], date: str) -> Digest:
        topic = _topic(_title_key(title), ["广州市", "广州", "天河区"])
        return Digest(f"{name}.txt", f"urn:{name}", None, (), (), region, date, topic)

    city, district = ("urn:gz",), ("urn:th", "urn:gz")
    city_2025 = doc("city", "广州市2025年深化“放管服”改革优化营商环境工作要点", city, "2025-03-18")
    lower = doc("lower", "天河区2026年深化“放管服”改革优化营商环境工作要点", district, "2026-04-22")
    assert _mirrored(lower, {"urn:gz": [city_2025]}) is None
    city_span = doc("span", "广州市2025-2026年深化“放管服”改革优化营商环境工作要点", city, "2025-03-18")
    assert _mirrored(lower, {"urn:gz": [city_2025, city_span]}) is city_span


def test_a_title_repeated_at_two_levels_above_is_mirrored_from_the_nearest():
    """广东省 and 广州市 issue the same 2025 work points, the city's repeating the province's title: a
    district's that repeats them too carries out its city's."""
    from policykg.graph.flow import _mirrored, _title_key, _topic
    from policykg.graph.records import Digest

    def doc(iri: str, title: str, region: tuple[str, ...]) -> Digest:
        topic = _topic(_title_key(title), ["广东省", "广东", "广州市", "广州", "天河区"])
        return Digest(f"{iri}.txt", iri, None, (), (), region, "2025-03-01", topic)

    province = doc("urn:z-province", "广东省2025年深化“放管服”改革优化营商环境工作要点", ("urn:gd",))
    city = doc("urn:a-city", "广州市2025年深化“放管服”改革优化营商环境工作要点", ("urn:gz", "urn:gd"))
    district = doc("urn:district", "天河区2025年深化“放管服”改革优化营商环境工作要点", ("urn:th", "urn:gz", "urn:gd"))
    assert _mirrored(district, {"urn:gd": [province], "urn:gz": [city]}) is city


def test_a_short_notice_of_the_same_subject_mirrors_nothing_by_one_shared_measure():
    """A district notice of two points on the city plan's subject, one of which shares the words of a
    city measure, is no plan carrying out the city's: half of two measures is chance."""
    from policykg.graph.flow import _restated, _title_key, _topic
    from policykg.graph.records import Digest, Measure

    city = Digest("city.txt", "urn:city", None, (), (), ("urn:gz",), "2025-03-01", "2025年深化放管服改革优化营商环境")
    topic = _topic(_title_key("海珠区关于开展2025年营商环境宣传月活动的通知"), ["海珠区"])
    notice = Digest("notice.txt", "urn:notice", None, (), (), ("urn:hz", "urn:gz"), "2025-05-01", topic)
    text = "深化企业开办“一网通办”，企业开办全流程压缩至1个工作日以内，推广电子营业执照和电子印章。"
    measures = {
        "city.txt": [Measure("一", text), Measure("二", "全面推行政务服务“好差评”制度，差评整改率达到100%。")],
        "notice.txt": [Measure("一", text), Measure("二", "举办惠企政策宣讲会不少于10场，制作宣传短视频。")],
    }
    assert _restated(notice, {"urn:gz": [city]}, measures.__getitem__) is None


RECYCLING_OPINION = """国务院关于推动工业资源综合利用的指导意见

国发〔2024〕15号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

一、重点任务

（一）推进尾矿综合利用。加快尾矿有价组分高效提取和整体利用，推进钢渣、赤泥在建材领域规模化应用。（工业和信息化部负责）

（二）健全标准体系。加快制修订综合利用产品质量、污染控制和评价等标准，推动建立再生原料标准和认证制度。（市场监管总局、工业和信息化部按职责分工负责）

（三）完善回收网络。推动回收站点、分拣中心、集散交易市场一体化建设。（商务部负责）
"""

RECYCLING_MINISTRIES_PLAN = """工业和信息化部 市场监管总局关于印发《工业资源综合利用实施方案》的通知

工信部联规〔2024〕88号

为贯彻落实《国务院关于推动工业资源综合利用的指导意见》（国发〔2024〕15号），制定本方案。

一、重点任务

1.推进尾矿和冶炼渣综合利用。推广尾矿制备砂石骨料、钢渣微粉等技术，扩大钢渣、赤泥在建材领域应用。

2.完善标准体系。制修订综合利用产品、再生原料等标准100项以上，支持企业、协会参与制定国家和行业标准。
"""

RECYCLING_PROVINCE_PLAN = """江西省工业和信息化厅关于印发《江西省工业资源综合利用实施方案》的通知

赣工信规划字〔2024〕36号

根据《国务院关于推动工业资源综合利用的指导意见》（国发〔2024〕15号）和工业和信息化部等两部门《工业资源综合利用实施方案》（工信部联规〔2024〕88号）要求，制定本方案。

一、重点任务

1.加强尾矿和冶炼渣利用。推进铜尾矿制备砂石骨料，推动钢渣微粉在建材和道路建设中应用。

2.推进标准制定。支持企业、协会参与制定国家和行业标准，制定地方标准10项以上。
"""


def test_a_plan_based_on_an_opinion_and_the_plan_carrying_it_out_carries_it_out_through_that_plan(tmp_path):
    """A province's plan citing the State Council's opinion and the ministries' plan for it carries out
    the opinion's task the ministries' plan restates where its own measure restates the ministries'
    (标准制定 of 标准体系), though it shares few words with the opinion's; the opinion's task neither
    restates is still not taken up."""
    built = _build(
        tmp_path, opinion=RECYCLING_OPINION, ministries=RECYCLING_MINISTRIES_PLAN, province=RECYCLING_PROVINCE_PLAN
    )
    rows = json.loads(export(built, "alignment", "json"))
    aligned = {(r["upper_source_file"], r["upper_path"], r["lower_source_file"], r["lower_path"]) for r in rows}
    assert ("opinion.txt", "一/（二）", "ministries.txt", "一/2") in aligned
    assert ("ministries.txt", "一/2", "province.txt", "一/2") in aligned
    assert ("opinion.txt", "一/（二）", "province.txt", "一/2") in aligned
    assert ("opinion.txt", "一/（一）", "province.txt", "一/1") in aligned
    idle = {r["upper_path"] for r in rows if r["status"] == "not_taken_up" and r["upper_source_file"] == "opinion.txt"}
    assert idle == {"一/（三）"}


def test_the_text_as_amended_is_the_edition_later_rules_carry_out(tmp_path):
    """A collection holds a regulation as adopted, the decision amending it and its text as amended
    (根据…《关于修改〈X〉的决定》修正): rules issued after the amendment carry out the amended text, the
    edition in force, whose articles are numbered anew; the decision amends (and cites) the edition
    before it, not the text as amended that day, carries out nothing and charges no body with the
    duties its points quote."""
    head = "江西省河道管理条例\n（2017年9月24日江西省第十二届人民代表大会常务委员会第三十二次会议通过{later}）\n\n"
    later = (
        "　根据2024年9月27日江西省第十四届人民代表大会常务委员会第十一次会议"
        "《关于修改〈江西省河道管理条例〉的决定》修正"
    )
    adopted = head.format(later="") + (
        "第一条　河道采砂实行许可制度，省水行政主管部门负责编制河道采砂规划。\n"
        "第二条　新建排污口的，应当经水行政主管部门同意。\n"
    )
    amended = head.format(later=later) + "第一条　新建排污口的，应当报经生态环境主管部门审批。\n"
    rules = (
        "南昌市河道管理办法\n（2025年1月26日南昌市人民政府令第3号公布）\n\n"
        "第一条　根据《江西省河道管理条例》，结合本市实际，制定本办法。\n"
        "第二条　新建排污口的，应当报经市生态环境局审批。\n"
    )
    decision = (
        "江西省人民代表大会常务委员会关于修改〈江西省河道管理条例〉的决定\n"
        "（2024年9月27日江西省第十四届人民代表大会常务委员会第十一次会议通过）\n\n"
        "江西省第十四届人民代表大会常务委员会第十一次会议决定对《江西省河道管理条例》作如下修改：\n"
        "一、删去第一条。\n二、增加一条，作为第三条：“省水利厅负责编制全省河道采砂规划。”\n"
        "本决定自2024年11月1日起施行。\n《江西省河道管理条例》根据本决定作相应修改，重新公布。\n"
    )
    built = _build(tmp_path, adopted=adopted, amended=amended, decision=decision, rules=rules)
    rows = json.loads(export(built, "alignment", "json"))
    assert {(r["upper_source_file"], r["upper_path"]) for r in rows if r["status"] == "aligned"} == {
        ("amended.txt", "第一条")
    }
    assert not [r for r in rows if "decision.txt" in (r["upper_source_file"], r["lower_source_file"])]
    lineage = {(r["source_file"], r["relation"]) for r in _lineage(built) if r["source_file"] == "decision.txt"}
    assert lineage == {("decision.txt", "amends"), ("decision.txt", "cites")}
    store = Store.read_only(str(built / "store"))
    amended_doc = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
    PREFIX pkg: <https://w3id.org/policykg/ontology#>
    SELECT ?file WHERE { ?d pkg:sourceFile "decision.txt" ; eli:amends ?a . ?a pkg:sourceFile ?file }"""
    assert [r["file"].value for r in store.query(amended_doc)] == ["adopted.txt"]
    assert not [r for r in json.loads(export(built, "responsibilities", "json")) if r["source_file"] == "decision.txt"]


WASTE_NOTICE = """生态环境部办公厅关于进一步加强危险废物环境监管工作的通知

环办固体〔2024〕12号

各省、自治区、直辖市生态环境厅（局）：

一、加强全过程信息化监管

（一）推进重点单位视频监控联网。推动危险废物环境重点监管单位在出入口、贮存设施等关键位置安装视频监控并与生态环境部门联网。

（二）强化信息系统数据质量管理。定期开展危险废物申报数据质量核查，对数据异常的单位开展现场核实。

（三）全面实施电子转移联单。危险废物转移应当通过信息系统运行电子转移联单。
"""

WASTE_PROVINCE = """省生态环境厅关于进一步加强全省危险废物环境监管工作的通知

苏环办〔2024〕58号

为贯彻落实《生态环境部办公厅关于进一步加强危险废物环境监管工作的通知》（环办固体〔2024〕12号）要求，现就有关事项通知如下。

一、深化智慧监管

（一）提升视频监控和数据质量。推动重点监管单位关键点位视频监控全部联网，每季度开展申报数据质量核查，对异常数据及时现场核实。

（二）全面运行电子转移联单。全省危险废物转移全部通过监控系统运行电子转移联单。
"""

WASTE_CITY = """市生态环境局关于进一步加强危险废物环境监管工作的通知

宁环办〔2024〕33号

根据《生态环境部办公厅关于进一步加强危险废物环境监管工作的通知》（环办固体〔2024〕12号）和省厅苏环办〔2024〕58号文件要求，现通知如下。

一、加强信息化监管

1.推进视频监控联网。全市危险废物环境重点监管单位关键点位视频监控联网率达到100%。

2.运行电子转移联单。全市危险废物转移全部通过监控系统运行电子转移联单。
"""


def test_a_measure_restating_part_of_a_middle_bundle_carries_out_that_part_alone(tmp_path):
    """A province bundles the ministry's 视频监控 and 数据质量 tasks in one measure; a city citing both
    restates only its 视频监控 part, which it carries out directly: it carries out the 数据质量 task
    neither directly nor through the province's measure."""
    built = _build(tmp_path, notice=WASTE_NOTICE, province=WASTE_PROVINCE, city=WASTE_CITY)
    rows = json.loads(export(built, "alignment", "json"))
    aligned = {(r["upper_source_file"], r["upper_path"], r["lower_source_file"], r["lower_path"]) for r in rows}
    assert ("notice.txt", "一/（二）", "province.txt", "一/（一）") in aligned
    assert ("province.txt", "一/（一）", "city.txt", "一/1") in aligned
    assert ("notice.txt", "一/（一）", "city.txt", "一/1") in aligned
    assert ("notice.txt", "一/（二）", "city.txt", "一/1") not in aligned
