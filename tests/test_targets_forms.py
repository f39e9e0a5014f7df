"""The clause forms of Chinese official writing that state, or only seem to state, a target.

Each case is a clause as such documents print it (most taken from the development corpus); the
expected reading follows the conventions of tests/golden/README.md.
"""

from __future__ import annotations

import pytest
from scoring import record

from policykg.graph.extract import extract
from policykg.graph.gazetteer import Gazetteer
from policykg.graph.mapped import MappedText
from policykg.graph.outline import parse_outline
from policykg.graph.records import SourceText
from policykg.graph.targets import _Context, outline_targets, plan_years, sentence_targets, text_targets
from policykg.graph.text import normalize


def document_targets(text: str) -> list:
    """The targets of a document's text, read with no places of its own."""
    return outline_targets(parse_outline(SourceText("doc.txt", text, "utf-8")), [])


def annex_table(text: str) -> list[tuple]:
    """(indicator, value, unit, year, scope) of each target the document's annex states."""
    return [(t.indicator, t.value, t.unit, t.year, t.scope) for t in document_targets(text) if t.path == "附件"]


def read(text: str, default_year: int | None = None, start: int | None = None) -> list[tuple]:
    found = sentence_targets("p", MappedText.of(text), _Context(None, start), default_year, [])
    return [(t.kind, t.value or t.category or (t.value_min, t.value_max), t.unit, t.comparator, t.year) for t in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        # units of area, length, power, beds, schools; 万 stays with the unit as printed
        ("到2025年,全区建成等级应急避难场所避难面积达到87.75万平方米", [("level", 87.75, "万平方米", "=", 2025)]),
        ("区域绿道总长度达200公里左右", [("level", 200, "公里", "≈", None)]),
        ("2026年新增光伏装机规模2590千瓦以上", [("level", 2590, "千瓦", ">=", 2026)]),
        ("五年建设筹措新时代城市建设者管理者之家床位12万张以上", [("count", 12, "万张", ">=", None)]),
        ("全年检定强制检定计量器具8万台件以上", [("count", 8, "万台件", ">=", None)]),  # 台件: instruments
        ("每年推动企业更新设备2000台(套)以上", [("count", 2000, "台(套)", ">=", None)]),  # a count of either
        ("细颗粒物年均浓度力争不高于28微克/立方米", [("level", 28, "微克/立方米", "<=", None)]),
        ("储备扑火机具不少于500台套", [("count", 500, "台套", ">=", None)]),  # sets of machines
        ("全年开展执法检查不少于5000家次", [("count", 5000, "家次", ">=", None)]),  # visits: establishments × times
        ("到2025年集装箱铁水联运量达到150万标准箱", [("count", 150, "万标准箱", "=", 2025)]),  # containers (TEU)
        ("企业开办时间压缩至1个工作日内", [("level", 1, "个工作日", "<=", None)]),  # within, ending its clause
        ("接到报警后2小时内到达现场", []),  # a duration
        # doubling and quadrupling as official writing says them
        ("全市数字经济规模比2020年翻一番", [("multiple", 2.0, "倍", "=", None)]),
        ("地区生产总值实现翻两番", [("multiple", 4.0, "倍", "=", None)]),
        ("规上工业增加值增长一倍", [("multiple", 2.0, "倍", "=", None)]),
        # a ratio after its name: the first term per one of the second; a ratio that names no goal
        ("新能源汽车车桩比达到2:1以下", [("ratio", 2.0, ":1", "<=", None)]),
        ("中小学师生比不低于1∶15", [("ratio", 0.0667, ":1", ">=", None)]),
        ("按照1:1比例配套资金", []),
        ("配比为1:1的资金由区财政承担", []),
        # 小于 and 大于 as 低于 and 高于, the comparator not in the indicator
        ("城市核心区公共充电服务半径小于1公里", [("level", 1, "公里", "<=", None)]),
        ("新建公共建筑屋顶光伏覆盖面积比例不小于50%", [("share", 50, "%", ">=", None)]),
        ("单体规模大于5000千瓦", [("level", 5000, "千瓦", ">", None)]),
        # the signs of a table or a web page, as their words
        ("城市生活垃圾回收利用率≥35%", [("share", 35, "%", ">=", None)]),
        ("细颗粒物浓度≤30μg/m³", [("level", 30, "μg/m³", "<=", None)]),
        ("人均地区生产总值>10万元", [("level", 10, "万元", ">", None)]),  # ＞ and ＜ as normalised
        ("万元GDP用水量<50立方米", [("level", 50, "立方米", "<=", None)]),
        # comparators away from the number, and ceilings
        ("等级应急避难场所建设面积应不少于总量的30%", [("share", 30, "%", ">=", None)]),
        ("实现分流制强排地区雨水主管满管率低于50%", [("share", 50, "%", "<=", None)]),
        ("全市轨道交通运营里程突破1000公里", [("level", 1000, "公里", ">", None)]),
        # a count whose magnitude is its only unit, what it counts named before it; money is no count
        ("“粤省事”实名注册用户数突破1.9亿", [("count", 1.9, "亿", ">", None)]),
        ("市场主体用户数达到1600万以上", [("count", 1600, "万", ">=", None)]),
        ("项目总投资达到1500万", []),
        # Chinese numerals, as the object of a verb or after a floor
        ("建设和提升百个大公共空间", [("count", 100, "个", "=", None)]),
        ("实施万个微基建项目", [("count", 10000, "个", "=", None)]),
        ("每25—30公里乡道、村道配备不少于一名农村公路专管员", [("count", 1, "名", ">=", None)]),
        ("车站每半年应组织区域联络各方开展一次联合应急演练", [("count", 1, "次", "=", None)]),
        ("签约比例达到百分之九十五以上", [("share", 95, "%", ">=", None)]),
        # Chinese numerals of money or size, after what a target reaches; not in a class of things (千亿级)
        ("到2025年,全市电子信息产业营业收入突破千亿元", [("level", 1000, "亿元", ">", 2025)]),
        ("全省装备制造业规模达到两千亿元以上", [("level", 2000, "亿元", ">=", None)]),
        ("营业收入超过一千五百亿元", [("level", 1500, "亿元", ">", None)]),
        ("培育3个千亿级产业集群", [("count", 3, "个", "=", None)]),
        # money in 万亿元 or 千万元, as target_checks compares it
        ("到2025年,全省数字经济核心产业增加值突破1.2万亿元", [("level", 1.2, "万亿元", ">", 2025)]),
        ("年度投资达到5千万元以上", [("level", 5, "千万元", ">=", None)]),
        # a time limit in working days, a ceiling however written
        ("企业开办时间压缩至1个工作日以内", [("level", 1, "个工作日", "<=", None)]),
        ("从立项到不动产登记全流程审批时间不得超过十五个工作日", [("level", 15, "个工作日", "<=", None)]),
        ("到2025年,全市应急救援队伍达到200支以上", [("count", 200, "支", ">=", 2025)]),
        ("粮食总产量稳定在150亿斤以上", [("level", 150, "亿斤", ">=", None)]),
        ("接待游客达到1000万人次", [("count", 1000, "万人次", "=", None)]),
        # Latin units of computing power, power, storage, bandwidth; racks; a coefficient has no unit
        ("全省算力总规模达到5EFLOPS", [("level", 5, "EFLOPS", "=", None)]),
        ("算力规模达到5000PFlops以上", [("level", 5000, "PFlops", ">=", None)]),  # as often written
        ("新型储能装机规模达到50MW", [("level", 50, "MW", "=", None)]),
        ("数据存储总量达到200PB以上", [("level", 200, "PB", ">=", None)]),
        ("数据中心机架规模达到10万标准机架", [("count", 10, "万标准机架", "=", None)]),
        ("新建大型数据中心电能利用效率(PUE)降至1.25以下", [("level", 1.25, None, "<=", None)]),
        # livestock in head (头, 只, 头只 for cattle and sheep together, 羽 for poultry), wells in 眼 or 口
        (
            "到2025年,全区牛存栏稳定在900万头以上、羊存栏稳定在6000万只以上",
            [("count", 900, "万头", ">=", 2025), ("count", 6000, "万只", ">=", 2025)],
        ),
        ("全盟牲畜存栏稳定在1800万头只左右", [("count", 1800, "万头只", "≈", None)]),
        ("家禽出栏1.2亿羽", [("count", 1.2, "亿羽", "=", None)]),
        ("新打抗旱机电井200眼", [("count", 200, "眼", "=", None)]),
        ("新打机电井200口", [("count", 200, "口", "=", None)]),
        # containers in TEU, as 标准箱 or its short forms
        ("到2020年,港口集装箱吞吐量达到1200万标箱", [("count", 1200, "万标箱", "=", 2020)]),
        ("集装箱吞吐量突破500万TEU", [("count", 500, "万TEU", ">", None)]),
        # a fraction is a share in %; time compressed or shortened by it is a reduction, to a level is the level
        ("进出口货物平均通关时间压缩三分之一以上", [("reduction", 33.33, "%", ">=", None)]),
        ("到2018年底工程建设项目审批时间缩短二分之一", [("reduction", 50, "%", "=", 2018)]),
        ("企业开办时间压缩至3个工作日", [("level", 3, "个工作日", "=", None)]),
        # lowered to a level is the level to reach, not a reduction by that much
        ("细颗粒物平均浓度下降到35微克/立方米", [("level", 35, "微克/立方米", "=", None)]),
        # percentage points: a rate raised or lowered by points, not a count of 个
        ("常住人口城镇化率提高3个百分点", [("growth", 3, "个百分点", "=", None)]),
        ("煤炭消费比重较2020年下降2.5个百分点以上", [("reduction", 2.5, "个百分点", ">=", None)]),
        # ranges, including return periods as the level to reach
        (
            "至2035年,全区排水系统基本达到3-5年一遇排水能力,50-100年一遇内涝可控",
            [("level", (3, 5), "年一遇", "range", 2035), ("level", (50, 100), "年一遇", "range", 2035)],
        ),
        # distributive lists (分别 … 和 …) and several rates sharing one value
        (
            "县道和乡村道年均养护工程比例分别不低于13%和8%",
            [("share", 13, "%", ">=", None), ("share", 8, "%", ">=", None)],
        ),
        ("力争上路行驶车辆装置安装率、入网率、实时在线率达到100%", [("share", 100, "%", "=", None)] * 3),
        # a count whose noun a later figure qualifies (…的), against a figure that qualifies what a later one counts
        ("培育10家以上营业收入超10亿元的软件企业", [("count", 10, "家", ">=", None)]),
        # a revenue named 预算 is no estimate
        ("一般公共预算收入、税收收入分别增长5%、6%", [("growth", 5, "%", "=", None), ("growth", 6, "%", "=", None)]),
        # nor is a channel of funds (中央预算内投资) a goal seeks
        ("全年争取中央预算内投资200亿元以上", [("level", 200, "亿元", ">=", None)]),
        # the bound printed after a distributive list's last value is each value's
        (
            "接待游客人次和旅游收入分别增长15%和20%以上",
            [("growth", 15, "%", ">=", None), ("growth", 20, "%", ">=", None)],
        ),
        (
            "城乡居民人均可支配收入分别增长6.5%和7.5%左右",
            [("growth", 6.5, "%", "≈", None), ("growth", 7.5, "%", "≈", None)],
        ),
        ("建成1000亩以上开放休闲林地5个", [("count", 5, "个", "=", None)]),
        # the comparator of a threshold in the attributive is not the count's
        ("到2027年,培育年销售收入超过10亿元的畜产品加工企业30家", [("count", 30, "家", "=", 2027)]),
        ("培育营业收入超过10亿元的企业不少于30家", [("count", 30, "家", ">=", None)]),
        # a figure at the head of its clause, before its predicate
        ("到2025年底,本市建成区40%以上的面积达到海绵城市建设目标要求", [("share", 40, "%", ">=", 2025)]),
        (
            "嘉定区到2025年底,50平方公里以上建设用地面积达到海绵城市建设目标要求",
            [("level", 50, "平方公里", ">=", 2025)],
        ),
        # a measured action, and a second figure with its own comparator
        ("实施7公里燃气老化管道改造", [("level", 7, "公里", "=", None)]),
        (
            "完成3万平方米节能率不低于15%的既有公共建筑节能改造",
            [("level", 3, "万平方米", "=", None), ("share", 15, "%", ">=", None)],
        ),
        # plan periods give the year
        ("至“十四五”期末,建成230座以上的公园", [("count", 230, "座", ">=", 2025)]),
        # whole-set goals
        ("实现排水管网维养全覆盖", [("coverage", 100, "%", "=", None)]),
        ("推动全量安装电动自行车专用号牌", [("coverage", 100, "%", "=", None)]),
        ("要加快淘汰清零57座以上大客车、“营转非”大客车", [("reduction", 100, "%", "=", None)] * 2),
        ("到2025年底,全面完成中心城区零星二级旧里以下房屋改造", [("coverage", 100, "%", "=", 2025)]),
        ("全面完成2900公里既有市政道路和街坊老旧燃气管道改造", [("level", 2900, "公里", "=", None)]),
        ("力争2026年规上工业企业研发活动覆盖率达到90%的开发区实现零突破", [("count", 1, "个", ">=", 2026)]),
        # a 星级 to build to, for each kind of building listed
        ("学校新建建筑按照绿色建筑一星级及以上标准建设", [("category", "一星级", None, ">=", None)]),
        (
            "新建国家机关办公建筑、大型公共建筑全面按照绿色建筑三星级标准建设",
            [("category", "三星级", None, "=", None)] * 2,
        ),
    ],
)
def test_a_clause_states_its_targets(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "建成1000亩以上开放休闲林地5个",  # the 1000亩 qualifies what is counted (the count is kept)
        "推进上海化工区10万吨绿色甲醇项目稳产达产",  # the capacity of a named project
        "实现50公里田字绿廊的生态围合",  # the length of a named corridor
        "计划2024年推进远香湖南(4.73平方公里)、嘉北公园二期(10.46平方公里)",  # sizes of places named
        "范围东至金汇港,面积约8.6平方公里",  # the extent of a zone, described
        "嘉北公园一期、城北大居西及城北大居东共计25.2平方公里已完成海绵城市达标评估",  # done already
        "本区应急避难场所分为等级应急避难场所(包括6个等级)和社区应急避难场所2类",  # a classification
        "签约比例达到百分之九十五以上的,协议方可生效",  # a condition
        "按照流域不同降雨典型100年一遇、区域50年一遇洪水标准",  # design standards
        "全市城镇25%面积达到3—5年一遇雨水排水能力",  # the standard the 25% is measured by (25% is kept)
        "Ⅰ类固定中心1000万元/个",  # a unit cost
        "十四五”期间规划建设共需经费约5400万元",  # a cost estimate
        "按照0.5%增长率逐年递增",  # an assumption
        "健全覆盖全人群、全生命周期的人口服务体系",  # 健全 + 覆盖, not 全覆盖
        "持续推进产业集聚区大中型工业企业省级以上研发平台全覆盖工程",  # the name of a programme
        "把项目建设作为制造业投资倍增的主抓手",  # 倍增 qualifying a noun
        "实行销项管理,完成一项、销号一项",  # 一 as an article
        "每年新建一批公园绿地",  # 一批 is no number
        "大力推进二星级及以上标准的绿色建筑的建设",  # a 星级 qualifying a noun
        "推进“一件事”改革和“15分钟社区生活圈”建设",  # names
        "落实高层调度、大员上阵、二分之一工作法",  # a fraction in a method's name
        "由生态环境主管部门责令改正，处2000元以上2万元以下罚款",  # a penalty
        "逾期不改正的，处以5万元罚款",  # a penalty
        # what the document counts of itself
        "围绕数字产业化等5个方面,实施17项重点任务(详见附件)",
        "从5个方面提出20条措施",
        "明确15项重点任务",
        "对PUE低于1.3的数据中心给予奖励",  # a coefficient that qualifies whom a policy pays
    ],
)
def test_a_clause_that_states_no_target_of_its_figure(text):
    kept = {"建成1000亩以上开放休闲林地5个": [("count", 5, "个", "=", None)],
            "全市城镇25%面积达到3—5年一遇雨水排水能力": [("share", 25, "%", "=", None)]}  # fmt: skip
    assert read(text) == kept.get(text, [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("围绕16个先进制造业集群和50条重点产业链,分行业编制设备更新和技术改造指南", []),
        ("聚焦5个重点行业开展数字化转型诊断", []),
        ("依托3个国家级开发区,建设一批智能工厂", []),
        ("针对60岁以上老年人,开展免费体检", []),
        # a verb inside the phrase: what it builds is a goal
        ("围绕16个先进制造业集群建设50个智能工厂", [("count", 50, "个", "=", None)]),
        ("围绕打造3个千亿级产业集群,加快推进项目建设", [("count", 3, "个", "=", None)]),
    ],
)
def test_the_set_a_measure_works_on_is_no_target(text, expected):
    """围绕, 聚焦, 依托, 针对… + N个: the existing things a measure is about, an adverbial before its verb."""
    assert read(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("完成年度高标准农田建设任务的得15分,每低1个百分点扣0.5分", []),
        ("永久基本农田保护面积不低于下达任务的得10分;每减少1%扣2分,扣完为止", []),
        ("违法占用耕地面积比例超过5%的,每超1个百分点扣1分", []),
        ("撂荒耕地复耕复种率达到90%以上的得10分", []),
        ("政务服务事项网上可办率达到95%以上的得满分", []),
        ("网上可办率达到98%以上,得10分;每降低1个百分点扣1分", []),
        # the arithmetic of the assessment: weights and a quota of its grades
        ("年度考核得分由日常考核得分和年终考核得分组成,其中日常考核占40%,年终考核占60%", []),
        ("考核总分=指标考核得分×70%+第三方评价得分×30%", []),
        ("该项指标权重为15%", []),
        ("优秀等次比例不超过30%", []),
        # a goal beside a scoring rule is still a goal
        ("到2025年全市耕地保有量不低于396万亩,未完成的不得分", [("level", 396, "万亩", ">=", 2025)]),
    ],
)
def test_the_figures_of_a_scoring_rule_are_no_targets(text, expected):
    """评分标准 of an assessment (考核办法): the rate points are taken by (每低1个百分点扣0.5分) and the
    threshold that earns them (达到90%以上的得10分), a weight (权重15%) and a quota of grades score the
    assessed, they set no goal."""
    assert read(text) == expected


@pytest.mark.parametrize(
    "text, indicator, value",
    [
        ("街道、社区两级河长按要求开展巡河,每月不少于1次,及时发现并处置沿线乱排乱倒问题", "巡河", 1),
        ("对辖区在建工地开展每月不少于2次的巡查", "巡查", 2),
        ("每周巡查2次", "巡查", 2),
        ("每季度开展不少于1次联合执法检查", "联合执法检查", 1),
        ("镇级路长巡查:每月不少于1次", "镇级路长巡查", 1),  # what the heading before the colon names
    ],
)
def test_a_frequency_is_a_count_of_what_is_done(text, indicator, value):
    """每月不少于1次: how often an activity is done, named by the activity (as the golden files name
    车站每半年…开展一次联合应急演练); only 每年 makes it a yearly target."""
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [(t.indicator, t.kind, t.value, t.unit, t.per_year) for t in found] == [
        (indicator, "count", value, "次", False)
    ]


def test_a_count_naming_the_set_of_a_later_share_or_a_whole_set_goal_is_no_target():
    assert read("松江、青浦、嘉定、奉贤等4个新城建设用地面积50%以上达到海绵城市建设目标要求") == [
        ("share", 50, "%", ">=", None)
    ]
    assert read("8个先进制造业开发区营收全部达到100亿元以上") == [("level", 100, "亿元", ">=", None)]


def test_a_deadline_sentence_without_figures_dates_the_sentences_after_it():
    context = _Context(None, None)
    text = MappedText.of("到2022年,基本建立农村公路管理养护体制机制")
    assert list(sentence_targets("p", text, context, None, [])) == []
    found = list(sentence_targets("p", MappedText.of("农村公路列养率保持100%"), context, None, []))
    assert [(t.value, t.year) for t in found] == [(100, 2022)]


def test_titles_give_a_plan_year_but_dates_do_not():
    assert plan_years("上海市交通领域持续优化营商环境行动方案（2026年）") == (2026, 2026)
    assert plan_years("松江区城市更新2025年度实施计划") == (2025, 2025)
    assert plan_years("关于印发《上海市城镇房屋安全隐患排查整治工作方案》的通知( 2021年03月12日)") == (None, None)


def test_rules_in_articles_have_no_horizon_for_their_standing_duties():
    """A city's 实施办法 states one goal with its year (到2027年，…70%以上): that article's; a duty of
    another article (主要河道每周巡查不少于一次) is a standing rule, of no year, as a plan's task would be."""
    text = (
        "某市河道管理实施办法\n\n第一条　到2027年，主城区生态护岸比例达到70%以上。\n"
        "第二条　区水务部门应当建立巡查制度，主要河道每周巡查不少于一次。\n"
    )
    found = outline_targets(parse_outline(SourceText("doc.txt", text, "utf-8")), [])
    assert [(t.path, t.year) for t in found] == [("第一条", 2027), ("第二条", None)]


def test_two_horizons_leave_undated_goals_without_a_year():
    doc = record("shanghai-sponge-city-2024")  # 到2025年底 … 到2030年底 …
    undated = [t for t in doc.targets if t.path == "二/（四）/1"]
    assert undated and all(t.year is None for t in undated)


def test_annex_forms():
    """A numbered list annex cites its items (附件/1); a task table's cells are read as sentences
    under the annex label, with the annex title's year; cells that only hold figures are not."""
    transport = record("shanghai-transport-business-environment-2026")
    assert [(t.path, t.kind, t.value, t.year) for t in transport.targets if t.path.startswith("附件")] == [
        ("附件/1", "count", 6, 2026)
    ]
    jingan = record("jingan-carbon-peak-workplan-2026")
    assert ("附件", "level", 5500, "千瓦", 2026) in [(t.path, t.kind, t.value, t.unit, t.year) for t in jingan.targets]
    shelters = record("fengxian-emergency-shelters-2022")
    assert not [t for t in shelters.targets if t.path in ("附表3", "附表4")]  # past work, named sites


def test_plan_table_rows_and_columns():
    """附表2 of the shelters plan: a 数量 (count, 个) and an area (万m2) per row, due in the row's
    建设时间 (a cell spanning rows); budgets are not targets."""
    shelters = record("fengxian-emergency-shelters-2022")
    table = {(t.kind, t.value, t.unit, t.year) for t in shelters.targets if t.path == "附表2"}
    assert {("count", 25, "个", 2021), ("level", 13.86, "万m2", 2021), ("count", 50, "个", 2021)} <= table
    assert {("count", 1, "个", 2023), ("level", 3, "万m2", 2023)} <= table
    assert not [t for t in shelters.targets if t.path == "附表2" and t.unit == "万元"]


def test_a_table_of_figures_alone_takes_its_unit_from_its_note_and_its_quantity_from_its_title():
    """Places as rows, years as columns, the unit in a note (单位：万辆) and the quantity only in the
    title: each figure is that quantity for its place and year, the total row the whole area's."""
    text = (
        "某市新能源汽车推广应用实施方案\n\n一、工作目标\n\n到2025年，全市新能源汽车保有量达到50万辆。\n\n"
        "附件\n\n各地新能源汽车推广目标分解表\n\n单位：万辆\n\n"
        "地区\t2024年\t2025年\n甲县\t3.0\t4.5\n乙区\t3.5\t5.0\n合计\t6.5\t9.5\n"
    )
    assert annex_table(text) == [
        ("新能源汽车推广目标", 3.0, "万辆", 2024, "甲县"),
        ("新能源汽车推广目标", 4.5, "万辆", 2025, "甲县"),
        ("新能源汽车推广目标", 3.5, "万辆", 2024, "乙区"),
        ("新能源汽车推广目标", 5.0, "万辆", 2025, "乙区"),
        ("新能源汽车推广目标", 6.5, "万辆", 2024, "city"),
        ("新能源汽车推广目标", 9.5, "万辆", 2025, "city"),
    ]


def test_a_table_in_the_body_names_a_bare_figure_by_its_whole_column():
    # Jiading's 表1, one cell per line: 年份 | 达标区域 | 达标区域面积(平方公里) over 片区 | 总计 |
    # 达标区域 / 总面积占比 (one header cell wrapped over two lines), a row per zone: "40%" is the share
    # its whole column names, "40.39" the running total, both printed once for the year's two zones.
    found = [t for t in record("jiading-sponge-city-2024").targets if t.path == "一" and t.source == "annex"]
    assert [(t.indicator, t.value, t.year) for t in found][:4] == [
        ("达标区域面积总计", 40.39, 2024),
        ("达标区域总面积占比", 40, 2024),
        ("达标区域面积总计", 52.12, 2025),
        ("达标区域总面积占比", 52, 2025),
    ]
    assert {(t.kind, t.unit, t.scope) for t in found} == {("level", "平方公里", "city"), ("share", "%", "city")}


@pytest.mark.parametrize(
    "text",
    [
        "对新认定的国家级园区，给予一次性奖励500万元",
        "对首次入选的企业，分别给予100万元、300万元、500万元奖励",
        "对新获批的重点实验室给予最高1000万元资助",
        "对年营业收入首次突破10亿元、50亿元的企业给予奖励",
        "对年产量首次突破10万辆的整车企业，给予奖励",
        "对符合条件的项目，按照设备投资额的20%给予补助",
        "补贴标准为新车销售价格的20%",
        "贴息比例不超过1个百分点",
        "市级按项目研发投入的20%给予配套补助",
        "对数字化改造项目按设备和软件投资额给予最高10%的补助",  # the rate, between its grant and its subsidy
        "对新引进的整机制造企业，按其实际投资额的10%给予最高2000万元落户奖励",
        "每个应用给予最高20万元奖励，单个企业每年不超过100万元",
        "同一企业同一年度享受本办法第八条、第十条支持的，合计不超过500万元",
        "政府引导基金出资比例可提高至40%",
        "对首次纳入规模以上统计（年营业收入2000万元以上）的软件企业，给予一次性奖励50万元",
        "对助餐机构按照每服务1名老年人每餐补助2元、每新建1处助餐点补助5万元的标准给予支持",  # the unit paid by
    ],
)
def test_what_a_support_policy_pays_and_whom_it_pays_are_no_targets(text):
    """若干政策措施 name the awards they pay and the thresholds that qualify for them."""
    assert read(text) == []
    assert read("全年发放创业担保贷款5000万元") == [("level", 5000, "万元", "=", None)]  # a total to pay out
    found = sentence_targets("p", MappedText.of("在全市范围内发放消费券总额5000万元"), _Context(None, None), None, [])
    assert [t.indicator for t in found] == ["消费券总额"]
    # the share of a subsidy fund spent on something is a goal, as the 中央一号文件 sets it
    assert read("衔接推进乡村振兴补助资金用于产业发展的比重稳定在55%以上") == [("share", 55, "%", ">=", None)]


@pytest.mark.parametrize(
    "text",
    [
        "工业用地出让起始价可按不低于所在地土地等级相对应全国工业用地出让最低价标准的70%确定",
        "复核结果在县政府门户网站公示7个工作日，无异议的由县财政局按规定拨付资金",
        "公示期为5个工作日",
        "在门户网站公示，公示期不少于5个工作日",
    ],
)
def test_how_a_price_is_set_or_how_long_a_procedure_takes_is_no_target(text):
    """A price floor a policy grants (按…标准的70%确定) and the term of a procedure (公示7个工作日) bind no
    area to reach anything."""
    assert read(text) == []
    assert read("“标准地”出让比例100%") == [("share", 100, "%", "=", None)]
    assert read("企业开办时间压缩至1个工作日内") == [("level", 1, "个工作日", "<=", None)]


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("居民小区垃圾分类达标率保持在90%以上", "居民小区垃圾分类达标率"),  # 达标, no 达 (reach)
        ("落实海绵城市达标区面积占建成区50%的目标要求", "海绵城市达标区面积占建成区"),
        ("全市行政村5G通达率达到100%", "行政村5G通达率"),  # 达 reaches only a figure: 达95%
        ("地表水达到或好于Ⅲ类水体比例达到80%", "地表水达到或好于Ⅲ类水体比例"),  # 达到或好于: a class reached
        ("近岸海域水质优良(一、二类)比例达到90%", "近岸海域水质优良(一、二类)比例"),  # 、 inside brackets
        ("人均预期寿命达到79岁", "人均预期寿命"),
        # all of a list covered: the whole list (as the golden files write 乡道、村道管理养护)
        ("做到乡道、村道管理养护全覆盖", "乡道、村道管理养护"),
        ("实现城市、县城、乡镇和重点行政村5G网络全覆盖", "城市、县城、乡镇和重点行政村5G网络"),
        ("城市生活垃圾无害化处理率达95%", "城市生活垃圾无害化处理率"),
        # the verb that brings it to the figure is no part of it
        ("物流成本占GDP比重降至13.5%左右", "物流成本占GDP比重"),
        ("城市污水处理率提升至95%", "城市污水处理率"),
        ("森林覆盖率由30.2%提高到32%", "森林覆盖率"),  # from a figure, as 从
        ("新增上云企业1000家", "上云企业"),  # 上云 names the enterprises: no verb to drop
        ("城市生活垃圾回收利用率≥35%", "城市生活垃圾回收利用率"),
        ("二是企业开办时间压缩至1个工作日以内", "企业开办时间"),  # 一是/二是 enumerate, name nothing
        # an adverb before the verb (基本实现, 全面完成, 逐步达到) is no part of what is measured
        ("规模以上工业企业数字化改造基本实现全覆盖", "规模以上工业企业数字化改造"),
        ("城市生活垃圾分类基本实现全覆盖", "城市生活垃圾分类"),
        # whose what is covered: the subject before 实现 and the object after it
        ("全省规模以上工业企业基本实现数字化改造全覆盖", "规模以上工业企业数字化改造"),
        ("全市行政村实现5G网络全覆盖", "行政村5G网络"),
        ("畜产品质量安全抽检合格率常年稳定在98%以上", "畜产品质量安全抽检合格率"),
        # A、B等X names X: the list only gives examples of it
        ("口蹄疫、小反刍兽疫等重大动物疫病免疫密度常年保持在90%以上", "重大动物疫病免疫密度"),
        ("每年新增工程技术研究中心、企业技术中心等市级以上研发平台10家以上", "市级以上研发平台"),
        ("路面技术状况指数(PQI)中等及以上农村公路占比达到90%", "路面技术状况指数(PQI)中等及以上农村公路占比"),
    ],
)
def test_an_indicator_named_with_a_verb_s_character_is_named_whole(text, indicator):
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), 2025, [])
    assert [t.indicator for t in found] == [indicator]


@pytest.mark.parametrize("when", ["年内", "年底前"])
def test_when_within_the_year_is_no_part_of_the_indicator(when):
    found = sentence_targets("p", MappedText.of(f"{when}帮扶就业率达到90%以上"), _Context(None, None), 2024, [])
    assert [(t.indicator, t.value, t.year) for t in found] == [("帮扶就业率", 90, 2024)]


@pytest.mark.parametrize(
    "clause", ["研发经费投入强度较2020年提高0.5个百分点", "研发经费投入强度比2020年提高0.5个百分点"]
)
def test_a_rate_raised_by_points_is_named_without_its_verb_or_baseline(clause):
    found = sentence_targets("p", MappedText.of(clause), _Context(None, None), None, [])
    assert [(t.indicator, t.baseline) for t in found] == [("研发经费投入强度", "2020")]


def test_a_growth_without_its_subject_measures_what_the_clause_before_did():
    text = "到2025年,全省新型储能产业营业收入达到6000亿元,年均增长50%以上"
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    revenue = "新型储能产业营业收入"
    assert [(t.indicator, t.kind) for t in found] == [(revenue, "level"), (revenue, "growth")]


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("工程建设项目审批时间压缩到80个工作日以内", "工程建设项目审批时间"),
        ("从立项到不动产登记全流程审批时间不得超过十五个工作日", "从立项到不动产登记全流程审批时间"),
        ("办理时间为一个工作日,最多不超过三个工作日", "办理时间"),
        ("农村自来水普及率稳定在99%以上", "农村自来水普及率"),
        ("到2025年,全省新能源汽车年产量达到30万辆", "新能源汽车年产量"),  # the whole area, as 全市 is
        ("5年内新建改建公园100个", "公园"),  # 新建改建, 改扩建: building verbs
        # the verb first, what it brings to the figure after it
        ("推行告知承诺制,压缩企业开办时间至0.5个工作日", "企业开办时间"),
        ("控制细颗粒物年均浓度在35微克/立方米以下", "细颗粒物年均浓度"),
        # the body a lower level assists is not what it counts (but 协助企业办理: no body)
        ("一是配合区水务局实施农村生活污水治理项目2个", "农村生活污水治理项目"),
        ("协助企业办理手续1000件", "协助企业办理手续"),
    ],
)
def test_a_target_is_named_by_what_it_measures_not_its_predicate(text, indicator):
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [t.indicator for t in found] == [indicator]


def test_an_indicator_is_named_without_the_size_word_after_it():
    texts = [
        "到2026年,产业总规模超过500亿元",
        "到2026年,全市数字经济规模达到3000亿元",
        "到2025年,高新技术企业总数达到800家",
    ]
    outlines = [parse_outline(SourceText("d.txt", f"某方案\n\n一、目标\n\n{text}。\n", "utf-8")) for text in texts]
    named = [t.indicator for outline in outlines for t in outline_targets(outline, [])]
    assert named == ["产业", "数字经济", "高新技术企业"]


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("城市核心区公共充电服务半径小于1公里", "城市核心区公共充电服务半径"),
        ("公共建筑屋顶光伏覆盖面积比例不小于50%", "公共建筑屋顶光伏覆盖面积比例"),
        ("细颗粒物年均浓度不大于35微克/立方米", "细颗粒物年均浓度"),
        # a hedge before the comparator (原则上: as a rule)
        ("零碳物流园区建成期库容面积原则上应不小于2万平方米", "零碳物流园区建成期库容面积"),
        ("医护比为1:1.2", "医护比"),
        ("集聚人工智能企业超过2000家", "人工智能企业"),  # 集聚 (to gather) is the verb
        # livestock on hand (存栏) or sold (出栏) is named by the herd; 稳定在 and 新打 (to drill) are verbs
        ("全区牛存栏稳定在900万头以上", "牛存栏"),
        ("其中乌珠穆沁羊存栏150万只", "乌珠穆沁羊存栏"),
        ("到2025年,全盟牲畜存栏稳定在1800万头只左右", "牲畜存栏"),  # 全盟, 全旗: the whole area
        ("每年完成肉牛冷配改良3万头", "肉牛冷配改良"),
        ("新打抗旱机电井200眼", "抗旱机电井"),
        ("每年安排城市更新专项资金不少于10亿元", "城市更新专项资金"),  # 安排 (to allocate)
        # the body that bears the target, and the one it works with, are no part of what is measured
        ("县消防救援大队要会同县林业局开展联合演练不少于2次", "联合演练"),
        ("市城管局负责新建公共厕所30座", "公共厕所"),
        # a deadline within the year is no subject
        ("春节前完成辖区内重点企业安全检查全覆盖", "重点企业安全检查"),  # 辖区内: the whole area, as 全区
        ("汛期前完成排水管网清疏100公里", "排水管网清疏"),
    ],
)
def test_a_comparator_is_no_part_of_the_indicator(text, indicator):
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [t.indicator for t in found] == [indicator]


@pytest.mark.parametrize(
    "title, signed, year",
    [
        ("某市促进消费提质扩容若干措施", "2024年3月5日", 2024),  # the year it was issued, not its goals' horizon
        ("某市2025年促进消费工作要点", "2024年12月28日", 2025),  # a one-year plan's own year
    ],
)
def test_the_whole_year_is_the_year_of_the_document(title, signed, year):
    text = (
        f"{title}\n\n一、主要目标\n\n到2026年，建成夜间经济示范街区10个。\n\n二、重点任务\n\n"
        f"（一）促进汽车消费。全年新能源汽车销量突破15万辆。\n\n"
        f"（二）加强巡查。11月底前完成重点商圈巡查全覆盖。\n\n某市人民政府\n{signed}\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    found = {t.indicator: t.year for t in outline_targets(outline, [])}
    assert found == {"夜间经济示范街区": 2026, "新能源汽车销量": year, "重点商圈巡查": year}


def test_within_years_is_not_the_year_of_the_document():
    context = _Context(None, None, 2024)
    found = sentence_targets("p", MappedText.of("十年内新建公共停车位2万个"), context, 2030, [])
    assert [(t.indicator, t.year) for t in found] == [("公共停车位", 2030)]


def test_a_task_row_s_deadline_is_the_year_of_the_targets_it_states():
    """A task table's row due in a year (完成时限 2024年12月) states its targets for that year; a row
    due at no date keeps the document's (none here)."""
    text = (
        "某市数字经济重点任务分工\n\n附件\n\n重点任务分工表\n\n"
        "| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n"
        "| 1 | 建设5G基站1万个 | 市工业和信息化局 | 2024年12月 |\n"
        "| 2 | 建设工业互联网平台10个 | 市工业和信息化局 | 持续推进 |\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [(t.indicator, t.year) for t in outline_targets(outline, [])] == [("5G基站", 2024), ("工业互联网平台", None)]


@pytest.mark.parametrize(
    "text, indicators",
    [
        ("城市、县城和乡镇污水处理率分别达到95%、90%和70%", ["城市污水处理率", "县城污水处理率", "乡镇污水处理率"]),
        ("城镇、农村居民人均可支配收入分别增长6%和7%", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
        # 城乡居民 before two values: the urban residents' and the rural residents'
        ("城乡居民人均可支配收入分别增长6.5%和8%", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
        ("县道和乡村道年均养护工程比例分别不低于13%和8%", ["县道年均养护工程比例", "乡村道年均养护工程比例"]),
        # each member names its own quantity: nothing is shared
        ("新能源汽车、充电桩保有量分别达到10万辆、5万个", ["新能源汽车", "充电桩保有量"]),
        # one value for each member (均); a modifier before the first member is every member's
        ("主要农作物化肥、农药利用率均达到43%以上", ["主要农作物化肥利用率", "主要农作物农药利用率"]),
        ("主要农作物化肥、农药利用率分别达到43%和45%", ["主要农作物化肥利用率", "主要农作物农药利用率"]),
        ("城市、县城污水处理率均达到95%", ["城市污水处理率", "县城污水处理率"]),
    ],
)
def test_the_members_of_a_distributive_list_share_the_last_ones_head(text, indicators):
    """共享中心语: 城市、县城和乡镇污水处理率 is the treatment rate of each of the three."""
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [t.indicator for t in found] == indicators


def test_a_time_cut_by_a_share_is_named_without_its_verb():
    """通关时间较2016年压缩三分之一: the indicator is the time, as it is the rate in 比重下降2个百分点."""
    text = "到2018年底进出口货物平均通关时间较2016年压缩三分之一"
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [(t.indicator, t.baseline) for t in found] == [("进出口货物平均通关时间", "2016")]


def test_a_list_of_kinds_before_one_rate_is_named_whole():
    """蔬菜、水果、茶叶农药残留例行监测合格率: one rate over the three kinds, not the tea's alone."""
    text = "蔬菜、水果、茶叶农药残留例行监测合格率稳定在98%以上"
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [t.indicator for t in found] == ["蔬菜、水果、茶叶农药残留例行监测合格率"]


def test_a_list_of_waters_before_one_concentration_is_named_whole():
    """淀山湖、元荡、汾湖总磷浓度: a concentration (浓度) is measured as a rate is, over the three lakes."""
    text = "淀山湖、元荡、汾湖总磷浓度较2023年下降10%以上"
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [(t.indicator, t.kind, t.value) for t in found] == [("淀山湖、元荡、汾湖总磷浓度", "reduction", 10)]


def test_a_range_of_years_is_no_part_of_the_indicator():
    text = "2024—2027年每年新建和改造提升高标准农田1万亩"
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [(t.indicator, t.year) for t in found] == [("高标准农田", 2027)]


def test_what_was_achieved_before_the_document_is_no_target():
    """A plan's review of the last period (2020年…降至26微克/立方米) reports results: no target, as
    its goals for the next period are."""
    text = (
        "某市生态环境保护规划\n\n第一章 发展基础\n"
        "十三五期间，2020年市区PM2.5平均浓度降至26微克/立方米，国考断面水质优良比例达到90%。\n"
        "第二章 主要目标\n到2025年，市区PM2.5平均浓度控制在25微克/立方米以下。\n\n某市人民政府\n2022年3月15日\n"
    )
    found = document_targets(text)
    assert [(t.path, t.value, t.year) for t in found] == [("第二章", 25, 2025)]


def test_a_plan_s_main_indicators_table():
    """A plan's box of main indicators (专栏1 “十四五”…主要指标): 类别 | 指标 (its unit in brackets) |
    基期值 | 目标值 | 属性, the category spanning rows (a pipe opens the row's empty first cell), the
    goal with its sign (≥90, ≤30), a qualifier (93左右) or as a five-year total (〔14〕); the base
    period's column and goals in words are none."""
    text = (
        "某市“十四五”生态环境保护规划\n\n第一章 发展目标\n\n到2025年，生态环境质量持续改善。\n\n"
        "专栏1 某市“十四五”生态环境保护主要指标\n\n类别 | 指标 | 2020年基期值 | 2025年目标值 | 属性\n"
        "环境治理 | 1.城市空气质量优良天数比率（%） | 88.5 | ≥90 | 约束性\n"
        " | 2.细颗粒物（PM2.5）平均浓度（微克/立方米） | 32.6 | ≤30 | 约束性\n"
        " | 3.受污染耕地安全利用率（%） | 91.2 | 93左右 | 约束性\n"
        "应对气候变化 | 4.单位地区生产总值能源消耗降低（%） | — | 〔14〕 | 约束性\n"
        " | 5.单位地区生产总值二氧化碳排放降低（%） | — | 完成省下达任务 | 约束性\n\n"
        "注：〔 〕内为五年累计数。\n\n第二章 主要任务\n\n推进工业废气深度治理。\n\n某市人民政府\n2022年3月15日\n"
    )
    found = document_targets(text)
    assert [(t.path, t.indicator, t.value, t.unit, t.comparator, t.year) for t in found] == [
        ("第一章/专栏1", "城市空气质量优良天数比率", 90, "%", ">=", 2025),
        ("第一章/专栏1", "细颗粒物(PM2.5)平均浓度", 30, "微克/立方米", "<=", 2025),
        ("第一章/专栏1", "受污染耕地安全利用率", 93, "%", "≈", 2025),
        ("第一章/专栏1", "单位地区生产总值能源消耗降低", 14, "%", "=", 2025),
    ]


def test_a_target_in_a_row_of_a_section_s_task_table_is_the_row_s():
    """A section that is only its table of tasks (序号 | 重点任务 | 牵头单位 …): each row is a measure
    of its own (二/1, 二/2), and the targets its task states are that measure's, as its bodies are."""
    text = (
        "某旗推进现代畜牧业高质量发展实施方案\n\n一、发展目标\n\n到2025年，人工种草保留面积达到20万亩。\n\n"
        "二、重点任务及分工\n\n序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n"
        "1 | 推广肉牛冷配改良，每年完成肉牛冷配改良3万头 | 旗农牧和科技局 | 各苏木镇人民政府 | 每年\n"
        "2 | 实施牧区抗旱水源工程，新打抗旱机电井200眼 | 旗水利局 | 旗财政局 | 2026年12月底前\n\n"
        "某旗人民政府办公室\n2024年8月26日\n"
    )
    found = document_targets(text)
    assert [(t.path, t.indicator, t.value, t.year) for t in found if t.path.startswith("二")] == [
        ("二/1", "肉牛冷配改良", 3, 2025),
        ("二/2", "抗旱机电井", 200, 2026),
    ]


def test_a_clause_that_leaves_its_indicator_unnamed_measures_what_the_clause_before_did():
    """2024年，X达到40%；2025年，达到50%: the 2025 target is X's too."""
    text = "某县方案\n\n一、工作目标\n\n2024年，全县规上工业企业数字化改造覆盖率达到40%；2025年，达到50%。\n"
    found = outline_targets(parse_outline(SourceText("d.txt", text, "utf-8")), [])
    assert [(t.indicator, t.value, t.year) for t in found] == [
        ("规上工业企业数字化改造覆盖率", 40.0, 2024),
        ("规上工业企业数字化改造覆盖率", 50.0, 2025),
    ]


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("到2026年,政务服务事项网上可办率达到100%", "政务服务事项网上可办率"),
        ("重要信息系统可用率达到99.5%", "重要信息系统可用率"),
    ],
)
def test_can_inside_an_indicator_s_name_permits_nothing(text, indicator):
    """可 is "may" before a verb (出资比例可提高至40%); in 可办率, 可用率 it is part of a rate's name."""
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [t.indicator for t in found] == [indicator]


@pytest.mark.parametrize(
    "text, indicator",
    [
        # 一是/二是 enumerate; the clause before names what a bare 累计完成 counts
        ("一是对特殊困难老年人家庭实施居家适老化改造,到2025年累计完成改造1.5万户", "居家适老化改造"),
        ("建设养老家庭照护床位,累计建设1200张", "养老家庭照护床位"),
        # for whom or where the verb acts (为…, 在…等…) is no part of what it does
        ("为高龄、失能、残疾老年人家庭实施居家适老化改造1500户", "居家适老化改造"),
        ("在花家地、南湖等老旧小区新建社区养老服务驿站2家", "社区养老服务驿站"),
        ("每年引进深圳等地数字经济企业20家以上", "数字经济企业"),  # 等地: and other places
        ("对独居、空巢、失能老年人每月上门探访不少于2次", "上门探访"),
        ("辖区新建社区养老服务驿站2家", "社区养老服务驿站"),  # 辖区: the whole area, as 全区
        # two verbs of one object; the verbs of people and events trained, raised or held
        ("新建或改造村级便民商店5000个", "村级便民商店"),
        ("每年培训农村电商人才2万人次以上", "农村电商人才"),
        ("每年举办促消费活动6场次以上", "促消费活动"),
        ("实现应急培训全覆盖", "应急培训"),  # 培训 ending the name of a work, as 改造 does
        # a threshold limits which are counted; its predicate is not the rate's
        ("年销售汽油量大于5000吨的加油站油气回收在线监控安装率达到100%", "加油站油气回收在线监控安装率"),
    ],
)
def test_an_indicator_is_bounded_by_what_the_verb_counts(text, indicator):
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [t.indicator for t in found] == [indicator]


def test_a_goal_of_the_preamble_is_the_document_s_own():
    """若干措施 and 实施意见 often state their headline goal after the sentence of purpose, outside any
    item: a target of no measure (path ""); the sentence of purpose (为…，推动…实现倍增，制定如下措施)
    states the document's aims, no goal."""
    text = (
        "某省加快数字经济发展若干措施\n\n为加快建设数字某省，推动数字经济规模实现倍增，结合我省实际，制定如下措施。"
        "到2026年，全省数字经济核心产业增加值占地区生产总值比重达到10%以上。\n\n"
        "一、夯实数字基础设施\n\n1.加快5G网络建设。到2026年，全省5G基站达到10万个。\n"
    )
    found = outline_targets(parse_outline(SourceText("d.txt", text, "utf-8")), [])
    assert [(t.path, t.indicator, t.value, t.year) for t in found] == [
        ("", "数字经济核心产业增加值占地区生产总值比重", 10, 2026),
        ("一/1", "5G基站", 10, 2026),
    ]


def test_a_deadline_opening_the_goals_is_the_horizon_of_the_tasks_that_print_none():
    """2025年底前，…达到…: the year a work plan's goals are due, as 到2025年 is."""
    text = (
        "某街道养老服务工作方案\n\n一、工作目标\n\n2025年底前，辖区老年助餐服务点达到12个。\n\n"
        "二、主要任务\n\n1.扩大老年助餐服务。辖区老年助餐服务点达到12个。\n"
    )
    found = outline_targets(parse_outline(SourceText("d.txt", text, "utf-8")), [])
    assert [(t.path, t.year) for t in found] == [("一", 2025), ("二/1", 2025)]


def test_a_total_allotted_to_places_named_alone_is_the_totals_in_each():
    """After a total, a figure with only places before it (其中市南区20处; 市南区、市北区各500张) is
    the total's indicator in that place, once for each place 各 lists; a place in brackets after
    another (黄岛区（青岛西海岸新区）) is the same place written twice."""
    places = ["市南区", "市北区", "即墨区", "黄岛区", "青岛西海岸新区"]

    def read_places(text: str) -> list[tuple]:
        found = sentence_targets("p", normalize(text), _Context(None, None), None, places)
        return [(t.indicator, t.value, t.scope) for t in found]

    assert read_places("2024年新增老年助餐点200处，其中市南区20处、即墨区20处、黄岛区（青岛西海岸新区）40处") == [
        ("老年助餐点", 200, "city"),
        ("老年助餐点", 20, "市南区"),
        ("老年助餐点", 20, "即墨区"),
        ("老年助餐点", 40, "黄岛区"),
    ]
    assert read_places("全市建设家庭养老床位4000张，市南区、市北区各500张") == [
        ("家庭养老床位", 4000, "city"),
        ("家庭养老床位", 500, "市南区"),
        ("家庭养老床位", 500, "市北区"),
    ]
    assert [t[1:] for t in read_places("市南区新增助餐点20处")] == [(20, "市南区")]  # no total: the place's own


def test_places_listed_before_各_and_a_verb_each_take_the_figure():
    """长沙县、浏阳市、宁乡市各建成X 2个 (支持A、B各打造1个X): the places open the clause as its subject,
    a verb and what it counts follow 各, and the figure is each place's."""
    places = ["长沙县", "浏阳市", "宁乡市"]

    def read_each(text: str) -> list[tuple]:
        found = sentence_targets("p", normalize(text), _Context(None, None), None, places)
        return [(t.indicator, t.value, t.scope) for t in found]

    assert read_each("到2026年，长沙县、浏阳市、宁乡市各建成县级物流配送中心2个") == [
        ("县级物流配送中心", 2, area) for area in places
    ]
    assert read_each("其中，长沙县建成乡镇商贸中心12个，宁乡市建成13个") == [
        ("乡镇商贸中心", 12, "长沙县"),
        ("乡镇商贸中心", 13, "宁乡市"),
    ]  # a single place opening the clause as the verb's subject is its scope, not the indicator's
    assert read_each("支持长沙县、宁乡市各打造1个县域夜间经济集聚区") == [
        ("县域夜间经济集聚区", 1, "长沙县"),
        ("县域夜间经济集聚区", 1, "宁乡市"),
    ]


def test_a_figure_after_a_list_of_places_is_for_them_together():
    """在长沙县、浏阳市、宁乡市主产区建设…，新增…3万吨: no one place of the list is the scope."""
    text = "在长沙县、浏阳市、宁乡市农产品主产区建设产地冷藏保鲜设施，新增产地冷藏保鲜能力3万吨"
    found = sentence_targets("p", normalize(text), _Context(None, None), None, ["长沙县", "浏阳市", "宁乡市"])
    assert [(t.indicator, t.value, t.scope) for t in found] == [("产地冷藏保鲜能力", 3, "city")]


def test_what_a_measure_rests_on_is_no_part_of_its_indicator():
    """依托X打造Y 1个, 利用X建设Y 10个: X is where the work rests, Y what is counted."""

    def read(text: str) -> list[tuple]:
        return [(t.indicator, t.value) for t in sentence_targets("p", normalize(text), _Context(None, None), None, [])]

    assert read("依托浏阳河文化旅游街区打造夜间经济集聚区1个") == [("夜间经济集聚区", 1)]
    assert read("利用农村客运站点建设乡镇综合运输服务站10个") == [("乡镇综合运输服务站", 10)]


def test_each_district_or_subdistrict_and_lifts_counted_by_部():
    """每个区（市）, 每个街道: a goal for each of them, as 各区 and 各街道 are, and 每个设区市 in a
    province's document; lifts and vehicles are counted in 部 (not a 部门)."""

    def read_scope(text: str) -> list[tuple]:
        found = sentence_targets("p", normalize(text), _Context(None, None), None, [])
        return [(t.indicator, t.value, t.unit, t.scope) for t in found]

    assert read_scope("每个区（市）至少打造3个示范社区") == [("示范社区", 3, "个", "each-county")]
    assert read_scope("到2025年每个街道至少建有1个社区养老服务中心") == [("社区养老服务中心", 1, "个", "each-county")]
    assert read_scope("到2025年，每个设区市培育1家以上骨干回收企业") == [("骨干回收企业", 1, "家", "each-county")]
    assert read_scope("2024年新增加装电梯400部") == [("加装电梯", 400, "部", "city")]
    assert read_scope("会同12部门联合开展检查") == []


def test_a_measure_a_cell_lists_names_its_indicator_without_its_number():
    """A 具体措施 cell lists its measures (1.…。2.到2025年…): the number opens no indicator."""
    text = normalize("2.到2025年养老机构护理型床位占比达到60%以上")
    found = sentence_targets("p", text, _Context(None, None), None, [])
    assert [(t.indicator, t.value, t.year) for t in found] == [("养老机构护理型床位占比", 60, 2025)]


def test_a_table_allotting_the_goals_by_place_without_a_year_holds_the_goals_of_the_horizon():
    """各县（市）…目标任务分解表: places as rows, indicators with their units as columns and no year in
    the table or its title (a period plan, 2023—2025年, whose goals are 到2025年): each figure is its
    place's goal for that year, the total row the whole area's."""
    text = (
        "某州农村人居环境整治提升实施方案（2023—2025年）\n\n一、工作目标\n\n到2025年，全州农村卫生厕所普及率达到65%以上。\n\n"
        "附件\n\n各县（市）主要目标任务分解表\n\n"
        "县（市）\t卫生厕所普及率（%）\t美丽宜居村庄（个）\n甲县\t65\t14\n乙市\t90\t10\n合计\t—\t24\n"
    )
    assert annex_table(text) == [
        ("卫生厕所普及率", 65, "%", 2025, "甲县"),
        ("美丽宜居村庄", 14, "个", 2025, "甲县"),
        ("卫生厕所普及率", 90, "%", 2025, "乙市"),
        ("美丽宜居村庄", 10, "个", 2025, "乙市"),
        ("美丽宜居村庄", 24, "个", 2025, "city"),
    ]


def test_areas_named_alone_before_a_figure_take_the_indicator_before():
    """全省…覆盖率达到70%以上，武汉、襄阳、宜昌达到80%以上: the second clause names only areas of the
    issuer (its divisions, written short or in full): the same indicator, in each of them."""
    text = "到2024年底,全省智慧工地覆盖率达到70%以上,武汉、襄阳、宜昌达到80%以上"
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, ["武汉", "襄阳", "宜昌", "武汉市"])
    assert [(t.indicator, t.kind, t.value, t.scope) for t in found] == [
        ("智慧工地覆盖率", "coverage", 70, "city"),
        *(("智慧工地覆盖率", "coverage", 80, area) for area in ("武汉", "襄阳", "宜昌")),
    ]


def test_a_province_s_document_names_its_cities_as_areas():
    """A province's cities (武汉, 宜昌) and a city's districts are the areas its targets may name, curated or not."""
    text = (
        "湖北省住房和城乡建设厅关于推进智慧工地建设的通知\n\n一、重点任务\n\n（一）推进智慧工地建设。"
        "到2024年底，全省智慧工地覆盖率达到70%以上，武汉、宜昌达到80%以上。\n"
    )
    record = extract(parse_outline(SourceText("d.txt", text, "utf-8")), Gazetteer.bundled())
    assert [(t.value, t.scope) for t in record.targets] == [(70, "city"), (80, "武汉"), (80, "宜昌")]


def test_the_bodies_of_the_clause_closing_the_sentence_before_are_no_scope_of_the_next():
    """一是…。（责任单位：市政务服务数据管理局，各镇街（园区））二是…: the bracket after a run-in task
    names who answers for it; its 各镇街 does not make the next task's goal one for each town."""
    text = (
        "某市数字政府工作方案\n\n一、重点任务\n\n（一）提升政务服务效能。一是推进一窗综合受理。（责任单位：市政务服务数据"
        "管理局，各镇街（园区））二是新增“湾区通办”事项20项以上。（责任单位：市政务服务数据管理局）\n"
    )
    found = document_targets(text)
    assert [(t.indicator, t.value, t.scope) for t in found] == [("“湾区通办”事项", 20, "city")]


def test_a_year_dating_the_object_worked_on_is_not_the_goal_s():
    """以2023年排查发现的问题户厕为重点: the year says when the object was found (an attributive clause
    after a preposition), not by when the goal is due; neither that goal nor the sentences after it
    are the past."""
    text = (
        "某区2024年农村人居环境整治工作方案\n\n一、重点任务\n\n"
        "（一）整改问题户厕。以2023年排查发现的问题户厕为重点，逐户建立台账，完成问题户厕整改300户。"
        "在乡村旅游点位新建改建公共厕所3座。\n\n某区人民政府办公室\n2024年3月18日\n"
    )
    found = document_targets(text)
    assert [(t.indicator, t.value, t.year) for t in found] == [("问题户厕整改", 300, 2024), ("公共厕所", 3, 2024)]


def test_places_listed_as_examples_of_where_a_task_is_done_do_not_scope_a_later_figure():
    """依托苏州高新区、吴江区等地，…，培育3家以上…: the places 等 lists in a clause of their own say where
    the task is done; the figure of a later clause is the whole area's. A place named in the
    figure's own clause still scopes it."""
    places = ["苏州高新区", "吴江区"]

    def read_places(text: str) -> list[tuple]:
        found = sentence_targets("p", normalize(text), _Context(None, None), None, places)
        return [(t.indicator, t.value, t.scope) for t in found]

    text = "依托苏州高新区、吴江区等地，发展汽车零部件、工程机械再制造，培育3家以上再制造示范企业"
    assert read_places(text) == [("再制造示范企业", 3, "city")]
    assert read_places("吴江区培育3家以上再制造示范企业") == [("再制造示范企业", 3, "吴江区")]


def test_the_conditions_a_response_starts_on_are_no_targets():
    """An emergency plan's 启动条件 (and the items a sentence lists as 下列情况之一) state when a
    response starts: 24小时降雨量达到50毫米以上 and 2个以上县 are triggers, as is a figure a duty waits
    for (积水深度超过0.3米时…); the plan's goal (编制率达到100%) stays. Every trigger was a target."""
    text = (
        "某市防汛应急预案\n\n1 总则\n1.1 预防准备\n　　到2025年，全市危险区村庄转移避险预案编制率达到100%。"
        "市城管局加强下穿立交桥积水监测，积水深度超过0.3米时立即采取封闭措施。\n"
        "2 应急响应\n2.1 Ⅳ级应急响应\n2.1.1 启动条件\n　　出现下列情况之一的，启动Ⅳ级应急响应：\n"
        "　　（1）预报2个以上县（市、区）24小时降雨量达到50毫米以上；\n　　（2）黄壁庄水库水位超过汛限水位。\n"
        "2.1.2 响应措施\n　　市防指副指挥长主持会商。\n"
        "3 干旱\n（一）出现下列情形之一的，启动抗旱应急响应：\n"
        "1.有3个以上县发生严重干旱；\n2.城市供水量低于正常需求的80%。\n"
    )
    found = outline_targets(parse_outline(SourceText("doc.txt", text, "utf-8")), [])
    assert [(t.path, t.indicator, t.value) for t in found] == [("1/1.1", "危险区村庄转移避险预案编制率", 100)]


def test_the_conditions_an_applicant_must_meet_are_no_targets():
    """A rule's 申请条件 (应当具备以下基本条件：（二）上年度营业收入不低于1亿元) are thresholds of
    eligibility, as are the items under a heading that names them (申报条件); a goal in another
    article stays. Every threshold was a target."""
    text = (
        "某省企业技术中心认定管理办法\n\n"
        "　　第四条　申请认定的企业应当具备以下基本条件：\n"
        "　　（一）上年度营业收入不低于1亿元；\n　　（二）专职研究与试验发展人员数不少于30人。\n"
        "　　第五条　到2025年，全省企业技术中心达到800家。\n"
        "　　第六条　申报条件\n　　（一）研发投入占营业收入的比重不低于3%。\n"
    )
    found = outline_targets(parse_outline(SourceText("doc.txt", text, "utf-8")), [])
    assert [(t.path, t.indicator, t.value) for t in found] == [("第五条", "企业技术中心", 800)]


def test_a_whole_area_s_kind_is_part_of_what_is_counted():
    """全省性 (province-wide, a kind of drill) is no scope word before the indicator: 全省 was cut off,
    leaving 性防汛应急演练."""
    found = sentence_targets(
        "p", MappedText.of("省防指每年汛前至少组织开展1次全省性防汛应急演练"), _Context(None, None), None, []
    )
    assert [(t.indicator, t.value, t.per_year) for t in found] == [("全省性防汛应急演练", 1, True)]


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("新增超算能力100PFLOPS", "超算能力"),
        ("超低排放改造企业达到50家", "超低排放改造企业"),
        ("规上企业数超500家", "规上企业数"),
    ],
)
def test_chao_before_a_word_is_part_of_the_indicator(text, indicator):
    """超 alone is a verb before a figure (超500家); before a word it is part of it (超算, 超低排放)."""
    found = sentence_targets("p", MappedText.of(text), _Context(None, None), None, [])
    assert [t.indicator for t in found] == [indicator]


@pytest.mark.parametrize(
    "text, indicators",
    [
        ("每所中小学至少配备1名专（兼）职心理健康教育教师", ["专(兼)职心理健康教育教师"]),
        ("建设10个市域产教联合体和20个行业产教融合共同体", ["市域产教联合体", "行业产教融合共同体"]),
        ("培育3家龙头企业及配套企业", ["龙头企业及配套企业"]),
        ("落实中小学生每天综合体育活动时间不低于2小时要求", ["中小学生每天综合体育活动时间"]),
    ],
    ids=["qualifier-in-brackets", "two-counts-joined", "two-nouns-joined", "figure-of-a-rule"],
)
def test_what_a_figure_counts_or_measures_is_named_whole(text, indicators):
    """What a count counts runs past a short qualifier in brackets (专（兼）职), and stops at a second count
    joined to it (和20个…); a figure followed by 要求 names the rule, what it measures being before it."""
    found = sentence_targets("p", normalize(text), _Context(None, None), None, [])
    assert [t.indicator for t in found] == indicators


def test_a_road_network_s_density_is_a_level_per_area():
    """路网密度达到8公里/平方公里: kilometres of road per square kilometre, one unit (it was no target)."""
    assert read("到2027年,全省城市建成区平均路网密度达到8公里/平方公里。") == [
        ("level", 8.0, "公里/平方公里", "=", 2027)
    ]


def test_the_year_the_things_worked_on_were_built_before_is_no_deadline():
    """改造2000年底前建成的城镇老旧小区: the houses' age, not when the 200 a year are due (the target was
    dated 2000, before the plan, and dropped)."""
    text = "全面摸排2000年底前建成的城镇老旧小区,每年改造老旧小区200个以上,有条件的同步加装电梯。"
    assert read(text) == [("count", 200.0, "个", ">=", None)]


def test_a_list_of_kinds_before_the_thing_a_length_measures_is_named_whole():
    """建设改造城市燃气、供水、排水管网1.5万公里: the networks of the three kinds together, not the last
    kind's (排水管网)."""
    found = sentence_targets(
        "p", MappedText.of("建设改造城市燃气、供水、排水管网1.5万公里。"), _Context(None, None), None, []
    )
    assert [(t.indicator, t.value, t.unit) for t in found] == [("城市燃气、供水、排水管网", 1.5, "万公里")]


def test_a_capacity_per_day_reached_is_a_target():
    """A measure per unit of time that an indicator reaches (处理能力达到5000吨/日) is a capacity to
    build, a level in that unit; a unit cost (1000万元/个) stays no target."""
    assert read("到2027年，全市厨余垃圾资源化处理能力达到5000吨/日") == [("level", 5000, "吨/日", "=", 2027)]
    assert read("新增污水处理能力30万立方米/日") == [("level", 30, "万立方米/日", "=", None)]
    assert read("Ⅰ类固定中心1000万元/个") == []


def test_a_share_that_opens_its_clause_measures_what_follows():
    """A share that opens its clause and runs into 的 (60%以上的乡镇建成示范片区) is the share of those
    that do what follows, not a second value of the clause before's indicator."""
    found = sentence_targets(
        "p",
        normalize("城市生活垃圾回收利用率达到40%以上，60%以上的乡镇建成生活垃圾分类示范片区"),
        _Context(None, None),
        None,
        [],
    )
    assert [(t.indicator, t.value) for t in found] == [
        ("城市生活垃圾回收利用率", 40),
        ("乡镇建成生活垃圾分类示范片区", 60),
    ]


def test_the_count_of_a_set_each_member_of_which_reaches_a_figure_is_no_target():
    """A、B等4个社区各创建…不少于2个: the 4 counts the set listed, each of which must reach the 2; a
    count after 等 that nothing follows stays the target (建成张江、临港等4个产业园)."""
    text = "松石社区、金紫社区、新溉社区、花卉园社区等4个社区各创建市级生活垃圾分类示范小区不少于2个"
    assert read(text) == [("count", 2, "个", ">=", None)]
    assert read("建成张江、临港等4个产业园") == [("count", 4, "个", "=", None)]


def test_the_tasks_a_table_allots_by_place_in_words_are_each_place_s():
    """旗区 | 任务量 | 完成时限, each 任务量 a sentence of figures: the figures of a row are its place's,
    as a plan table's values under a 街镇 column are (a 合计 row is the whole area's)."""
    text = (
        "某市实施方案\n\n一、工作目标\n\n到2027年，全市完成防沙治沙任务100万亩。\n\n"
        "附件：任务分解表\n\n附件\n\n任务分解表\n\n"
        "旗区\t任务量\t完成时限\n"
        "乌审旗\t草原修复治理40万亩，防沙治沙60万亩\t2027年底\n"
        "合计\t防沙治沙100万亩\t2027年底\n"
    )
    assert annex_table(text) == [
        ("草原修复治理", 40, "万亩", 2027, "乌审旗"),
        ("防沙治沙", 60, "万亩", 2027, "乌审旗"),
        ("防沙治沙", 100, "万亩", 2027, "city"),
    ]


def test_a_place_that_completes_a_task_is_the_scope_and_the_task_the_indicator():
    """其中：乌审旗完成防沙治沙150万亩，杭锦旗完成180万亩: the place is the subject of 完成, what it
    completes is measured; a place that completes no named task measures what the clause before did."""
    text = normalize("到2027年，全市完成防沙治沙600万亩。其中：乌审旗完成防沙治沙任务150万亩，杭锦旗完成180万亩。")
    found = text_targets("p", text, 2027, None, ["乌审旗", "杭锦旗"])
    assert [(t.indicator, t.value, t.scope) for t in found] == [
        ("防沙治沙", 600, "city"),
        ("防沙治沙任务", 150, "乌审旗"),
        ("防沙治沙任务", 180, "杭锦旗"),
    ]


def test_a_rate_per_thousand_is_a_share_in_per_mille():
    """森林火灾受害率控制在0.9‰以内: a rate in ‰ (fire damage, mortality) is a goal as one in % is."""
    found = text_targets("p", normalize("健全草原防火指挥体系，草原火灾受害率控制在0.3‰以内。"), 2027, None, [])
    assert [(t.indicator, t.kind, t.value, t.unit, t.comparator) for t in found] == [
        ("草原火灾受害率", "share", 0.3, "‰", "<=")
    ]


def test_a_breakdown_by_township_after_qizhong_names_each_township_s_share():
    """其中：A镇完成…3万亩，B镇完成10万亩: a county's towns are no places the gazetteer knows, but each
    clause of the breakdown opens with a township's name before its predicate; 重点镇 is no name."""
    text = normalize(
        "到2027年，全旗完成草原修复治理40万亩。其中：阿勒腾席热镇完成草原修复治理3万亩，札萨克镇完成10万亩，"
        "阿尔巴斯苏木完成9万亩。建设特色小镇5个，其中重点镇2个。"
    )
    found = text_targets("p", text, 2027, None, [])
    assert [(t.indicator, t.value, t.scope) for t in found] == [
        ("草原修复治理", 40, "city"),
        ("草原修复治理", 3, "阿勒腾席热镇"),
        ("草原修复治理", 10, "札萨克镇"),
        ("草原修复治理", 9, "阿尔巴斯苏木"),
        ("特色小镇", 5, "city"),
        ("重点镇", 2, "city"),
    ]


def test_figures_shared_out_by_fenbie_name_each_member_of_the_list():
    """化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别达到…万吨、…万吨和…万吨: each pollutant
    takes the quantity the last member names (化学需氧量 is a pollutant, not a quantity), and the figure
    before 和 is one of the list, not a noun's size."""
    text = normalize(
        "到2025年，化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别达到14.8万吨、0.7万吨、5.9万吨和2.8万吨"
    )
    found = sentence_targets("p", text, _Context(None, None), None, [])
    assert [(t.indicator, t.value, t.unit) for t in found] == [
        ("化学需氧量重点工程减排量", 14.8, "万吨"),
        ("氨氮重点工程减排量", 0.7, "万吨"),
        ("氮氧化物重点工程减排量", 5.9, "万吨"),
        ("挥发性有机物重点工程减排量", 2.8, "万吨"),
    ]


def test_a_table_allotting_by_city_has_a_bare_place_column_and_measures_naming_regions():
    """市 | 单位地区生产总值能耗降低（%） | …: the bare 市 column names the places; 地区 inside a measure's
    name (单位地区生产总值) names none."""
    text = (
        "某省“十四五”节能减排规划\n\n一、主要目标\n\n到2025年，全省单位地区生产总值能源消耗下降14%。\n\n"
        "附件\n\n各市“十四五”节能减排主要目标\n\n"
        "市\t单位地区生产总值能耗降低（%）\t化学需氧量重点工程减排量（万吨）\n甲市\t14.5\t2.08\n乙市\t14\t0.62\n"
    )
    assert annex_table(text) == [
        ("单位地区生产总值能耗降低", 14.5, "%", 2025, "甲市"),
        ("化学需氧量重点工程减排量", 2.08, "万吨", 2025, "甲市"),
        ("单位地区生产总值能耗降低", 14, "%", 2025, "乙市"),
        ("化学需氧量重点工程减排量", 0.62, "万吨", 2025, "乙市"),
    ]


def test_an_indicator_table_s_target_column_holds_the_plan_s_goals_unless_a_row_names_its_year():
    """指标名称 | 单位 | 2020年基数 | 目标值: the 目标值 column of a “十四五” plan holds its 2025 goals; a row
    naming its own year (城市生活污水集中收集率（2027年）) that year's."""
    text = (
        "某市“十四五”节能减排规划\n\n一、主要目标\n\n到2025年，节能减排政策机制更加健全。\n\n专栏1　主要指标\n"
        "序号\t指标名称\t单位\t2020年基数\t目标值\t属性\n"
        "1\t单位地区生产总值能耗降低\t%\t—\t14.5\t约束性\n"
        "2\t城市生活污水集中收集率（2027年）\t%\t58\t75\t预期性\n\n"
        "二、重点任务\n\n（一）推进节能改造。加强重点用能单位管理。\n"
    )
    found = [(t.indicator, t.value, t.unit, t.year) for t in document_targets(text) if t.source == "annex"]
    assert found == [("单位地区生产总值能耗降低", 14.5, "%", 2025), ("城市生活污水集中收集率", 75, "%", 2027)]


def test_a_share_opening_its_clause_counts_the_things_after_it():
    """80%以上的县级及以上机关达到节约型机关创建要求: the share of the bodies that meet the standard, not a
    figure of the indicator before (人均综合能耗下降6%)."""
    text = normalize("到2025年，人均综合能耗下降6%，80%以上的县级及以上机关达到节约型机关创建要求")
    found = sentence_targets("p", text, _Context(None, None), None, [])
    assert [(t.indicator, t.kind, t.value) for t in found] == [
        ("人均综合能耗", "reduction", 6),
        ("县级及以上机关达到节约型机关创建要求", "share", 80),
    ]


def test_a_capacity_to_add_is_a_goal_counted_per_day():
    """新增污水处理能力200万立方米/日: the capacity is the goal, in 万立方米 a day (but 1000万元/个 is a
    rate a policy pays, no goal)."""
    text = normalize("到2025年，新增和改造污水收集管网4000公里，新增污水处理能力200万立方米/日")
    found = sentence_targets("p", text, _Context(None, None), None, [])
    assert [(t.indicator, t.value, t.unit) for t in found] == [
        ("污水收集管网", 4000, "公里"),
        ("污水处理能力", 200, "万立方米/日"),
    ]


def test_a_table_by_city_and_county_allots_to_each_and_a_share_of_population_is_a_goal():
    """市县 | 2027年…普及率（%）| 2027年…覆盖农村人口比例（%）: a province that runs its cities and counties
    directly (海南) allots by 市县, each row its place's; a share of the population is a goal though a
    column of a population (人口) is a forecast."""
    text = (
        "某省实施方案\n\n一、工作目标\n\n到2027年，全省农村自来水普及率达到97%。\n\n"
        "附件：各市县目标任务分解表\n\n附件\n\n各市县目标任务分解表\n\n"
        "序号\t市县\t2027年农村自来水普及率（%）\t2027年规模化供水工程覆盖农村人口比例（%）\t2027年农村人口（万人）\n"
        "1\t琼中黎族苗族自治县\t95\t75\t16\n"
    )
    assert annex_table(text) == [
        ("农村自来水普及率", 95, "%", 2027, "琼中黎族苗族自治县"),
        ("规模化供水工程覆盖农村人口比例", 75, "%", 2027, "琼中黎族苗族自治县"),
    ]


def test_a_hunan_prefecture_allots_by_县市():
    """县市 | 民宿集聚区（个）| 等级民宿（家）: Hunan's prefectures name their counties and county-level
    cities 县市 (湘西州's 吉首市 and seven counties), each row its place's."""
    text = (
        "某州实施方案\n\n一、工作目标\n\n到2025年，全州培育乡村民宿集聚区8个。\n\n"
        "附件：2025年各县市乡村民宿发展目标任务表\n\n附件\n\n2025年各县市乡村民宿发展目标任务表\n\n"
        "县市\t民宿集聚区（个）\t等级民宿（家）\n"
        "吉首市\t1\t30\n"
        "泸溪县\t1\t15\n"
    )
    assert annex_table(text) == [
        ("民宿集聚区", 1, "个", 2025, "吉首市"),
        ("等级民宿", 30, "家", 2025, "吉首市"),
        ("民宿集聚区", 1, "个", 2025, "泸溪县"),
        ("等级民宿", 15, "家", 2025, "泸溪县"),
    ]


def test_the_existing_works_a_goal_renovates_are_no_present_state():
    """完成现有小型工程规范化改造300处: 现有 after the verb names what the goal works on; 现有水库438座
    states the present."""
    assert read("到2025年底前完成现有小型工程规范化改造300处。") == [("count", 300, "处", "=", 2025)]
    assert read("全市现有小型水库438座。") == []


def test_a_table_allotting_a_growth_of_investment_and_a_count_a_year_by_place():
    """设备投资增长（%） is how fast investment grows, a goal, not a cost column (总投资); 项目（个/年) a
    count each year: each place's, per year."""
    text = (
        "某市实施方案\n\n一、工作目标\n\n到2027年，全市设备投资增长25%以上。\n\n"
        "附件：目标任务分解表\n\n附件\n\n目标任务分解表\n\n"
        "序号\t县（市、区）\t设备更新项目（个/年）\t设备投资增长（%）\t总投资（万元）\n"
        "1\t甲县\t8\t25\t5000\n"
        "合计\t\t8\t25\t5000\n"
    )
    found = [t for t in document_targets(text) if t.path == "附件"]
    assert [(t.indicator, t.value, t.unit, t.per_year, t.scope) for t in found] == [
        ("设备更新项目", 8, "个", True, "甲县"),
        ("设备投资增长", 25, "%", False, "甲县"),
        ("设备更新项目", 8, "个", True, "city"),
        ("设备投资增长", 25, "%", False, "city"),
    ]


def test_a_place_in_a_name_does_not_scope_a_later_figure():
    """中川机场至武威段 (an end of a route), 中欧班列（兰州） (a service's place in brackets): the place is
    part of what a project or a service is called; the figure after it is the whole area's. A place
    that is the clause's subject still scopes it."""
    places = ["武威", "兰州", "武威市"]

    def read_places(text: str) -> list[tuple]:
        found = sentence_targets("p", normalize(text), _Context(None, None), None, places)
        return [(t.indicator, t.value, t.scope) for t in found]

    assert read_places("推进中川机场至武威段等重大交通项目建设，新改建农村公路5000公里") == [("农村公路", 5000, "city")]
    assert read_places("推动中欧班列（兰州）提质增效，外贸进出口增长10%左右") == [("外贸进出口", 10, "city")]
    assert read_places("武威市新改建农村公路500公里") == [("农村公路", 500, "武威市")]
