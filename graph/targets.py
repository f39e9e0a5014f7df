"""Quantified targets: what a policy promises, read from sentences and from tables (annexed, or
captioned in the body: 表1 …).

A target is a number with a unit (or 倍增, 全覆盖, 全量, 清零, a 星级 to build to, a zone's 星级/档级, a coefficient's
bare value: PUE降至1.25以下) that a clause commits to, in an item or in the preamble after its sentence of purpose
(the document's own goal, of no measure). Its context comes from the clause and the sentence around it: the year
(到2026年, 2025年底前, 至“十四五”期末, a one-year plan's year, "2年内" counted from the plan's first year), 每年/年均,
the scope (全市, 各县（区）, 各街镇, 每个开发区), the baseline (在2022年基础上, 较2023年, 同比) and the comparator
(以上, 左右, 不少于, 超过, 低于…). A number that only qualifies a noun ("10亿元以上的项目",
"1000亩以上开放休闲林地5个", "57座以上大客车"), sizes a named thing ("远香湖南（4.73平方公里）",
"10万吨绿色甲醇项目"), classifies (分为…6个等级), describes the past (已建成…), counts the document's own parts
(从5个方面提出20条措施) or sits in a name is not a target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from policykg.graph.annex import UNIT_COLUMN, grid
from policykg.graph.body_tables import body_tables
from policykg.graph.deadlines import DEADLINE_COLUMN
from policykg.graph.mapped import MappedText
from policykg.graph.records import Annex, Item, Outline, Span, Target
from policykg.graph.responsibilities import BODY_END
from policykg.graph.task_tables import TaskTable, annex_item_rows
from policykg.graph.text import HAN, is_han, normalize

_NUMBER = r"\d+(?:\.\d+)?"
_HAN_DIGITS = "〇零一二两三四五六七八九十百千万"
# 家次, 人次: visits and attendances (establishments or people, times); 头只: cattle and sheep together
# (牲畜存栏1800万头只), 羽: poultry, 眼 and 口: wells, 标准箱 or 标箱 or TEU: containers (集装箱吞吐量2000万标准箱)
_COUNT_UNITS = (
    "场次|人次|家次|户次|车次|架次|批次|班次|台件|台套|头只|家|个|项|件|座|条|台|套|户|所|次|场|批|名|人|张|处|辆|栋|支|株|艘|架|例|间|"
    "头|只|羽|眼|口|标准机架|机架|标准箱|标箱|TEU|部(?![门署委长])"  # 部: lifts, vehicles, works (not 12部门)
)
_MEASURE_UNITS = (
    "(?:公里|千米)/平方(?:公里|千米)|"  # a road network's density (路网密度达到8公里/平方公里)
    "平方公里|平方米|公顷|亩|公里|千米|米|千瓦时|千瓦|兆瓦|吨标准煤|吨|个工作日|工作日|小时|微克/立方米|毫克/立方米|立方米|公斤|"
    "千克|斤|m2|㎡|[μµ]g/m[3³]|mg/m[3³]|年一遇|岁|"
    "(?:[EPT](?i:flops)|[GMkK]Wh?|[EPT]B|[TGM]bps)(?![A-Za-z])"  # computing power (PFlops as often as
    # PFLOPS), power, storage and bandwidth
)
_MAGNITUDE = "(?:[十百千]?(?:万亿|万|亿))?"  # 亿元, 万亿元, 千万元 (as target_checks reads them)
# a measure per unit of time: a capacity or a throughput (处理能力达到5000吨/日, 300万立方米/日)
PER_TIME = "/(?:日|天|年|小时)"
# ‰: per thousand; 个百分点: percentage points; 台(套), 个(家): a count of either
_COUNTS = rf"(?:{_COUNT_UNITS})(?:\((?:{_COUNT_UNITS})\))?"
_UNITS = rf"%|‰|个百分点|倍|{_MAGNITUDE}(?:元|(?:{_MEASURE_UNITS})(?:{PER_TIME})?|{_COUNTS})"
_QUANTITY = re.compile(
    rf"(?:百分之(?P<pct>[{_HAN_DIGITS}]+|{_NUMBER})|(?P<whole>[一二三四五六七八九十])分之(?P<part>[一二三四五六七八九])"
    rf"|(?P<num>{_NUMBER}|[{_HAN_DIGITS}]+)(?:\s*(?P<sep>[-~—–至])\s*(?P<num2>{_NUMBER}))?\s*(?P<unit>{_UNITS}))"
    r"(?P<qual>及以上|以上|左右|以内|以下|内(?=[,;。:)]|$))?"  # …压缩至1个工作日内。: within
)
# Whole-set goals: 倍增, 翻一番 or 增长一倍 (doubling), 翻两番 (four times), 全覆盖/全量 (all of it), 清零 (none
# left), 全面完成 by a year, 零突破 (the first one).
_SPECIAL = re.compile(
    r"(?:(?P<double>倍增|翻一番|(?:增长|增加|提高)一倍)|(?P<quadruple>翻两番)|(?<![健安齐])(?P<full>全覆盖)|(?P<all>全量)(?=上线|安装|纳入|接入|覆盖|应用|办理)|(?P<zero>清零)"
    r"|(?P<done>全面完成)(?!\d)|(?P<first>零突破))(?!行动|活动|工程|计划|工作|的)"
)
_MULTIPLES = {"double": 2.0, "quadruple": 4.0}  # what a whole-set goal multiplies its base by
_CATEGORY_GOAL = re.compile(r"(?P<cat>[一二三四五]星级)(?P<up>及以上)?标准建设")
# A ratio after the name of one (车桩比达到2:1以下, 师生比不低于1∶15): its value is the first term per
# one of the second
_RATIO = re.compile(rf"(?P<a>{_NUMBER})\s*[:∶]\s*(?P<b>{_NUMBER})(?P<qual>以上|以下|以内|左右)?")
# a value with no unit after the name of a coefficient or an index (电能利用效率(PUE)降至1.25以下,
# 容积率不低于1.0, 基尼系数控制在0.4以内)
_COEFFICIENT = re.compile(rf"(?P<num>{_NUMBER})(?P<qual>以上|以下|左右|以内)?(?![\d.%A-Za-z{HAN}])")
_COEFFICIENT_NAMED = re.compile(
    r"(?:系数|指数|PUE|容积率)\)?值?(?:达到|达|为|[降提][至到]|(?:降低|下降|提高|提升)[到至]|保持在|控制在|不得?[低高]于"
    r"|不超过|不[小大]于|优于|[低高小大]于)\s*$"
)
# a count in tens of thousands or hundreds of millions, the magnitude its only unit, after the name of
# a count (实名注册用户数突破1.9亿, 市场主体用户数达到1600万): what is counted is in the name
_COUNTED = re.compile(rf"(?P<num>{_NUMBER})(?P<unit>[十百千]?(?:万亿|万|亿))(?P<qual>以上|左右)?(?![\d.%A-Za-z{HAN}])")
_COUNT_NAMED = re.compile(r"数(?:量)?(?:达到|达|突破|超过|超|不低于|不少于|[增提][加长高升][到至]|保持在|稳定在)\s*$")
_RATIO_NAMED = re.compile(r"比(?:达到|达|为|保持在|控制在|不得?[低高]于|不超过|不[小大]于|优于|[低高小大]于)?\s*$")
_CLAUSE_MARK = re.compile(r"[,;:]")
_DEADLINE = re.compile(r"(?:到|至)(?:19|20)\d\d年|(?:19|20)\d\d年(?:底|前|末)")
_HAN = re.compile(f"[{HAN}]")
_YEAR = re.compile(r"(?:到|至|力争)?(?P<year>(?:19|20)\d\d)年(?:底前|前|底|末)?")
_PERIOD_NAME = re.compile(r"十(?P<n>[一二三四五六七八九])五")
_PERIOD = re.compile(rf"“?{_PERIOD_NAME.pattern}”?(?:期末|末|期间|时期|[^,;。“]{{0,10}}规划)")
_WITHIN = re.compile(r"(?P<n>\d)年内")
# the year of the document: 全年, 年内, 今年, or a month's deadline with no year (11月底前)
_THIS_YEAR = re.compile(
    r"全年|(?<![\d一二两三四五六七八九十])年内|今年|本年度?|(?<!年)\d{1,2}月(?:底|末|上旬|中旬|下旬)?前"
)  # not N年内 (within N years)
_BASELINE = re.compile(r"(?:在|较|比)(?P<year>(?:19|20)\d\d)年(?:基础上)?")
# 满意度比2023年提高5个百分点: the baseline is no part of the indicator's name
_BASELINE_AFTER = re.compile(_BASELINE.pattern + "$")
_PER_YEAR = re.compile(r"每年|年均|年度")
# each of the areas under the issuer: a city's counties and districts, its towns, and a province's cities
# (每个设区市, 各地级市), whose figure is each one's as a county's is in a city's document
_EACH_COUNTY = re.compile(
    r"各县\(?区\)?|各县区|每个县|(?:各|每个)区(?!域)|各(?:街镇|镇|乡镇|街道)|每个(?:街镇|乡镇|街道)|(?:各|每个)(?:设区|地级)市"
)
_EACH_ZONE = re.compile(r"每个开发区|各开发区|各产业集聚区|每个产业集聚区")
# 盟 and 旗: Inner Mongolia's prefecture and county (全盟, 全旗); 州: an autonomous prefecture
_WHOLE = re.compile(r"[全本][省市区县镇乡盟旗州]")
# after a place, the places listed with it as examples of where a task is done, in a clause of their
# own (依托苏州高新区、吴江区等地，…，培育3家以上…): a figure in a later clause is not theirs
_EXAMPLES = re.compile(r"(?:[、和及][^、,;。]{1,12}?)*等(?:地|地区|城市)?[^,;。]*[,;。]")
_REDUCE = re.compile(r"下降|降低|减少|压减|压缩|缩短")  # 通关时间压缩三分之一: time cut by a share
_REDUCE_TO = re.compile(r"(?:下降|降低|减少|压减|压缩|缩短)(?:到|至)|降至")
_GROW = re.compile(r"增长|增速|递增|提高|增加|提升")
_SHARE = re.compile(r"占|比重|比例|占比|率")
_COVER = re.compile(r"覆盖率")
# the present state (现有438座), but not the existing things a goal works on (完成现有小型工程改造300处)
_PAST = re.compile(r"(?<!完成|改造|提升|实施|整治|盘活)现有|已建成|已完成|已有|目前")
_CLASSIFY = re.compile(r"分为|分成|包括")
# what a document counts of itself (从5个方面提出20条措施, 实施17项重点任务): no goal
_OWN_PARTS = re.compile(r"(?:重点|主要|具体|政策|工作)?(?:任务|措施|举措|方面)")
# a preposition opening what a measure works on or for (围绕, 聚焦, 依托…), up to the figure: a count in
# it names things that exist, unless a verb comes between (围绕16个集群建设50个智能工厂: 50 is a goal)
_WORKS_ON = re.compile(r"(?:围绕|聚焦|依托|针对|面向|立足|瞄准|紧扣|紧盯)([^,;:]*)$")
# money a policy pays a party that qualifies (an award, a subsidy), up to the figure: 给予一次性奖励,
# 分别给予, 最高给予, 一次性补助 (but 发放补贴5000万元, a total to pay out, is a goal)
_GRANT = re.compile(r"(?:给予|最高|一次性(?:奖励|补助|补贴|资助))[^,;。]{0,12}$")
_SUBSIDY = re.compile(r"(?:补助|补贴|奖励|资助|贴息)(?:标准|比例|金额|额度)?")  # what a support policy pays
_SPENT_ON = re.compile(r"用于[^,;。]{1,20}的(?:比重|比例)")  # the share of funds spent on something
# points a scoring rule (评分标准) gives or takes, after the figure in its clause or the condition it closes:
# 每低1个百分点扣0.5分, 每减少1%扣2分, 达到90%以上的得10分, 超过5%的，每超1个百分点扣1分;
# 达到98%以上,得10分 (the points opening the next clause), but not 不低于396万亩,未完成的不得分 (a goal, and
# a rule of its own for missing it)
_POINTS = re.compile(
    r"(?:[^,;。]{0,16}?的,|[^,;。]{0,6}?,(?=[扣加减得计]))?[^,;。]{0,16}?(?:(?:扣|加|减|得|计)[\d.]+分|得满分|不得分)"
)
# the arithmetic of an assessment, up to the figure: a weight (权重20%, 日常考核占40%, 评价得分×30%) or a
# quota of its grades (优秀等次比例不超过30%)
_WEIGHT = re.compile(r"权重[^,;。]{0,4}$|[×*]$|(?:考核|得分|评价|评分)占(?:比)?$|等次[^,;。]{0,6}$")
# not 一般公共预算收入, a revenue, nor 中央预算内投资, a channel of funds (争取中央预算内投资200亿元以上: a goal)
_ESTIMATE = re.compile(r"估算|(?<!公共)预算(?!收入|内)|测算|所需|共需|承担|按照?$")
# 超 alone is a verb only before a figure (超500家, 超百亿, 企业数超): 超低排放, 超高清, 超算 are words
_VERBS = (
    "新认定|新入库|新培育|培训|培养|举办|新谋划|新招引|新改建|改扩建|新建|新打|改建|扩建|新增|培育|打造|创建|争创|引进|集聚|认定|组建|建成|建设|实施|形成|推动|"
    "储备|完成|转移转化|累计|共计|合计|达到|达(?!标)|超过|突破|超(?![^\\d〇零一二两三四五六七八九十百千万,;。])|不低于|不少于|至少|注册|参与制修订|开展|盘活|"
    "带动|开发|滚动|持续|成功|巩固提升|普遍|引导|支持|力争|确保|推进|加快|改造|提升|设置|推广|筹措|稳定在|保持在|保持|发放|落实|安排"
)
# Chinese numerals count only as the object of a verb ("提升百个大公共空间", "开展一次联合演练").
_HAN_VERB = re.compile(r"(?:实施|开展|建设|提升|新建|建成|新增|完成|打造|创建|培育|引进|配备)$")
_COMPARATOR = re.compile(
    r"不得?低于|不得?少于|不小于|至少|不得?超过|不高于|不大于|低于|小于|控制在|超过|高于|大于|突破|超|约"
)
# signs as their words read: ≥ 不低于, ≤ 不超过, > 大于, < 小于 (a ceiling, as 小于 and 低于 are)
_SIGNS = {"≥": ">=", "≧": ">=", "≤": "<=", "≦": "<=", ">": ">", "<": "<="}
_FLOOR = re.compile(r"(?:不得?低于|不得?少于|不小于|至少)$")
_NO_SUBJECT = re.compile(r"(?:年均|同比|每年)?(?:增长|增速|递增|提高|提升|增加|下降|降低|减少)?")  # a predicate alone
_REACHES = re.compile(rf"(?:达到|达(?!标)|突破|超过|超|[增提][加升高]到)$|{_FLOOR.pattern}")
# how fully or how long a goal is met, before its verb (基本实现全覆盖, 全面完成, 逐步达到, 常年保持在,
# 始终稳定在): no part of the indicator
_ADVERBS = "基本|全面|逐步|常年|始终|长期|稳定"
# 等 closing a list of examples of what follows it (口蹄疫、小反刍兽疫等重大动物疫病; 深圳等地: of
# places), not in a word (等级, 等效, 中等, 平等)
_ETC = re.compile(rf"(?<![中平同相对均高初上优次头一二三])等(?:地区?|城市)?(?![级效额量同待于])(?=[{HAN}])")
# 均 before the predicate: each member of the list before it reaches the one value (化肥、农药利用率均达到43%)
_EACH_MEMBER = re.compile(r"(?<![年人平])均(?![衡等匀值])(?=[^,;]*?(?:达|保持|稳定|控制|于|超过|在))")
_SCOPE_WORDS = (
    r"辖区内?|各县\(?区\)?|各县区|每个开发区|各开发区|各产业集聚区|\d年内"
    r"|(?:在)?全[省市区县镇乡盟旗州](?!性)(?:范围内)?"  # not 全省性 (province-wide): a kind of drill
)
# how often an activity is done (每月不少于1次, 每半年开展一次…): no part of what is done
_EVERY = r"每(?:年|半年|季度?|半月|月|旬|周|天|日)"
_ENUMERATED = "[一二三四五六七八九十]是"  # 一是…，二是…: the points of a paragraph
# the verbs whose object is what a count counts (实施居家适老化改造1500户, 新建社区养老服务驿站2家)
_ACTIONS = "实施|开展|组织|进行|新建|改扩建|建设|建成|打造|培育|引进|创建|组建|配备|设置"
# for whom or where (为高龄、失能老年人家庭实施…, 在花家地、南湖等老旧小区新建…, 对…老年人每月上门探访): no
# part of what the verb then does
_FOR_WHOM = re.compile(rf"(?:为|对|在|向|给)[^,;]*?(?:(?:{_ACTIONS})(?!区)|(?={_EVERY}))")
# a deadline within the year before a task (6月底前, 春节前, 汛期前完成…)
_TIME_BEFORE = r"(?:\d{1,2}月(?:底|末|上旬|中旬|下旬)?|春节|国庆|汛期|节日|节)前"
_LEADING = re.compile(
    rf"^(?:\(\d+\)|\d{{1,2}}[.、](?!\d)|{_ENUMERATED}|(?:到|至)?(?:(?:19|20)\d\d[-—–~至到])?(?:19|20)\d\d年(?:底前|前|底)?|(?:[一二两三四五六七八九十]+|\d+)年内?|全年|年内|年底前|{_TIME_BEFORE}|{_SCOPE_WORDS}|"
    rf"{_EVERY}|年均|年度|实现|做到|其中|"
    rf"并|和|或|以及|要|的|即|(?:{_VERBS})(?!区)|{_ADVERBS})+"
)
# the body a clause makes bear the target, and those it works with (县消防救援大队要会同县林业局开展…)
_BEARER = re.compile(rf"^[^,;]{{1,30}}?{BODY_END}(?:要|应当|须|必须|负责)(?:会同[^,;]{{1,30}}?{BODY_END})?")
# the body a lower level assists in the work it counts (配合区水务局实施农村生活污水治理项目2个)
_ASSISTED = re.compile(rf"^(?:配合|协助|会同|联合)[^,;]{{1,30}}?{BODY_END}(?={_VERBS})")
_TRAILING = re.compile(
    rf"(?:{'|'.join(v for v in _VERBS.split('|') if v not in ('改造', '培训'))}|{_ADVERBS}|{_EVERY}|分别|总?数量|总数"
    r"|总?规模|均|等|的|应|原则上|(?:最多|最长)?不得?|[≥≧≤≦<>])+$"
)  # keep "管道改造", "应急培训": verbs that end the name of a work


def han_number(text: str) -> float | None:
    """A number written in Chinese numerals.

    >>> [han_number(t) for t in ("九十五", "百", "千", "一万", "十二", "二十四", "两")]
    [95.0, 100.0, 1000.0, 10000.0, 12.0, 24.0, 2.0]
    """
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    powers = {"十": 10, "百": 100, "千": 1000, "万": 10000}
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in digits:
            digit = digits[ch]
        elif ch == "万":
            total += (section + (digit or 0) or 1) * 10000
            section, digit = 0, None
        elif ch in powers:
            section += (1 if digit is None else digit) * powers[ch]
            digit = None
        else:
            return None
    return float(total + section + (digit or 0))


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    return float(text) if text[0].isdigit() else han_number(text)


def plan_years(title: str) -> tuple[int | None, int | None]:
    """(first year, the single year of a one-year plan) from a title; dates (2021年8月25日) are
    when a text was passed or published, not years it plans for.

    >>> plan_years("濮阳市促进制造业倍增行动(2023—2026年)")
    (2023, None)
    >>> plan_years("驻马店市２０２１年工业经济高质量发展工作方案")
    (2021, 2021)
    >>> plan_years("上海市城市更新条例（2021年8月25日上海市第十五届人民代表大会常务委员会通过）")
    (None, None)
    """
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)(?!\d|年\s*\d{1,2}\s*月)", _fold(title))]
    if not years:
        return None, None
    return min(years), (years[0] if len(set(years)) == 1 else None)


def _fold(text: str) -> str:
    """Titles and cells are kept as printed; full-width digits (２０２５) must read as ASCII."""
    return normalize(text).text


def _period_year(text: str, named: bool = False) -> int | None:
    """The last year of the five-year plan period a clause sets a goal for (至“十四五”期末,
    “十四五”期间, 按照“十四五”…规划 → 2025), or with ``named`` any period a title names."""
    found = None
    for m in (_PERIOD_NAME if named else _PERIOD).finditer(text):
        found = 2010 + 5 * "一二三四五六七八九".index(m.group("n"))
    return found


def _comparator(before: str, qual: str | None, ranged: bool) -> str:
    if ranged:
        return "range"
    if qual in ("以上", "及以上"):
        return ">="
    if qual == "左右":
        return "≈"
    if qual in ("以内", "内", "以下"):
        return "<="
    if sign := re.search(r"([≥≧≤≦<>])\s*$", before):  # 达标率≥95%: a sign just before the figure
        return _SIGNS[sign.group(1)]
    found = [m.group() for m in _COMPARATOR.finditer(before)]
    word = found[-1] if found else ""
    if word in ("超过", "高于", "大于", "突破"):
        return ">"
    if (word == "超" and before.endswith("超")) or _FLOOR.fullmatch(word):
        return ">="
    if word in ("超", "约"):
        return "≈" if before.endswith("约") else "="
    return "<=" if word else "="


def _kind(unit: str, clause: str) -> str:
    if unit == "倍":
        return "multiple"
    if _REDUCE.search(clause) and not _REDUCE_TO.search(clause):  # 下降到35微克: the level to reach
        return "reduction"
    if unit == "个百分点":
        return "growth"  # a rise of a rate, in points
    if unit in ("%", "‰"):  # a rate per thousand (森林火灾受害率0.9‰) is a share as a percentage is
        if _COVER.search(clause):
            return "coverage"
        if _GROW.search(clause) and not _SHARE.search(clause):
            return "growth"
        return "share"
    if unit.endswith("元") or re.search(f"(?:{_MEASURE_UNITS})(?:{PER_TIME})?$", unit):
        return "level"
    return "count"


# what a measure rests on, before its verb (依托浏阳河文化旅游街区打造夜间经济集聚区1个): where, not what is counted
_PREPOSED = re.compile(rf"^(?:依托|依靠|利用|借助|结合|围绕|聚焦)[^,;:]+?(?=(?:{_VERBS})(?!区))")


def _clean(indicator: str) -> str:
    """Drop the body that bears the target, leading verbs and context, trailing verbs, and quote
    marks left without their pair."""
    indicator = _LEADING.sub("", _BEARER.sub("", _PREPOSED.sub("", indicator.strip(' ,、:"'))))
    indicator = _LEADING.sub("", _ASSISTED.sub("", indicator))
    indicator = _TRAILING.sub("", _BASELINE_AFTER.sub("", indicator)).strip(' ,、"')
    if indicator.count("“") != indicator.count("”"):
        indicator = indicator.strip("“”")
        if "”" in indicator and "“" not in indicator:
            indicator = "“" + indicator  # "股上市”企业": the opening mark fell on the verb's side
    return indicator


_PREDICATES = (
    r"(?:年均|同比|在(?:19|20)\d\d年基础上|较(?:19|20)\d\d年|从[^,;]*?|由(?=\d)[^,;]*?)?(?:增长|增速|下降|降低|达到(?!或)|达(?=[\d〇零一二两三四五六七八九十百千万约])|[增提][加升高][到至]|降[至到]|提[高升](?=[\d〇零一二两三四五六七八九十百千]|$)|"
    r"(?:最多|最长)?不得?超过|超过|超(?![^\d〇零一二两三四五六七八九十百千万,;。])|突破|实现|完成|高于|低于|不得?低于|不得?少于|不得?高于|不?[小大]于|保持在|保持|稳定在|控制在|"
    r"[压缩][缩短](?:[至到]|$))"  # 通关时间压缩三分之一: cut right before its figure
)


def _indicator(clause: str, kind: str) -> str:
    """What is measured: the subject before the predicate ("森林覆盖率达到…", "煤炭消费占一次能源消费
    比重保持在…"), else what follows it ("完成既有建筑节能改造4000万平方米"); for a count the object
    of its verb ("新增…"), unless it grows from a figure ("公园数量从438座增加到…", "由…"). The predicate of
    a threshold that limits the subject (年销售汽油量大于5000吨的加油站…安装率达到) is not the subject's."""
    m = re.search(rf"(.*?){_PREDICATES}(.*)", clause)
    if m and m.end(1) < len(clause) - len(rest := _after_threshold(clause)):  # the predicate of a threshold
        m = re.search(rf"(.*?){_PREDICATES}(.*)", rest)
    if m and (_clean(m.group(1)) or _clean(m.group(2))) and (kind != "count" or re.search(r"从|由\d", clause)):
        if kind == "coverage" and clause[m.end(1) : m.start(2)] == "实现" and _clean(m.group(2)):
            return _clean(m.group(1)) + _clean(m.group(2))  # 企业基本实现数字化改造全覆盖: whose what is covered
        return _clean(m.group(1)) or _clean(m.group(2))
    changed = _CHANGED_TO.search(clause)
    return _clean(changed.group(1) if changed else clause)


# the verb before what it brings to the figure (压缩企业开办时间至0.5个工作日, 提高城市污水处理率到95%,
# 控制细颗粒物浓度在35微克/立方米以下)
_CHANGED_TO = re.compile(r"(?:压缩|缩短|缩减|控制|降低|减少|提高|提升|扩大)([^,;]+?)(?:至|到|在)$")


@dataclass
class _Context:
    """What a sentence has said so far: it carries over to the clauses that follow."""

    year: int | None
    start: int | None
    current: int | None = None  # the year 全年, 年内 and 今年 name (see ``outline_targets``)


# a year inside the object of a preposition that an attributive clause (…的) dates: 以2023年排查发现的问题
# 户厕为重点, 对2023年排查出的问题户厕: when the thing worked on was found, not when the goal is due
_DATES_OBJECT = re.compile(r"(?:以|对|将|把|按照?|根据|依据|针对)$")
_ATTRIBUTIVE = re.compile(r"[^,，;；。]{0,15}?的")
# a year before which the things worked on were built (改造2000年底前建成的城镇老旧小区): their age, no deadline
_BUILT_BEFORE = re.compile(r"(?:以前|之前)?(?:建成|建设|建造|修建|竣工|交付)(?:使用|投用)?的")


def _year_before(text: str, context: _Context) -> int | None:
    found = None
    for m in _YEAR.finditer(text):
        before, after = text[max(0, m.start() - 2) : m.start()], text[m.end() :]
        if (_DATES_OBJECT.search(before) and _ATTRIBUTIVE.match(after)) or _BUILT_BEFORE.match(after):
            continue
        if before[-1:] not in ("在", "较", "比") and not after.startswith("度"):
            found = int(m.group("year"))
    found = _period_year(text) if found is None else found
    for m in _WITHIN.finditer(text):
        if context.start:
            found = context.start + int(m.group("n")) - 1
    return found


def _scope(before: str, places: list[str]) -> str:
    hits = [(m.end(), "each-county") for m in _EACH_COUNTY.finditer(before)]
    hits += [(m.end(), "each-zone") for m in _EACH_ZONE.finditer(before)]
    hits += [(m.end(), "city") for m in _WHOLE.finditer(before)]
    ends = [(before.rfind(p) + len(p), p) for p in places if p in before]
    hits += [
        (end, p)
        for end, p in ends
        if not _EXAMPLES.match(before, end) and not _listed(before, end, p, places) and not _in_a_name(before, end, p)
    ]
    return max(hits)[1] if hits else "city"


def _in_a_name(before: str, end: int, place: str) -> bool:
    """Whether the place ending at ``end`` is part of a name: an end of a route (中川机场至武威段, 西宁至
    成都铁路) or the place a name's brackets add (中欧班列(兰州)). It says where a project or a service
    runs, not the area whose figure follows."""
    head, tail = before[: end - len(place)], before[end:]
    return head[-1:] == "至" or tail[:1] in ("至", "段") or (head[-1:] == "(" and tail[:1] == ")")


def _listed(before: str, end: int, place: str, places: list[str]) -> bool:
    """Whether the place ending at ``end`` is one of a list of places (在长沙县、浏阳市、宁乡市主产区建设…，
    新增…3万吨): the figure is for them together, not for any one (a list's 各 is read apart)."""
    head, tail = before[: end - len(place)], before[end:]
    after = tail[:1] in ("、", "和", "及") and any(tail[1:].startswith(p) for p in places)
    return after or (head[-1:] in ("、", "和", "及") and any(head[:-1].endswith(p) for p in places))


def _baseline(clause: str) -> str | None:
    m = _BASELINE.search(clause)
    if m:
        return m.group("year")
    return "previous-year" if "同比" in clause else None


@dataclass(frozen=True)
class _Quantity:
    """One number (or whole-set goal) found in a sentence, before it is judged a target."""

    start: int
    end: int
    match: re.Match

    @property
    def special(self) -> str | None:
        return self.match.lastgroup if self.match.re is _SPECIAL else None

    @property
    def unit(self) -> str:
        """The number's unit ("" for a whole-set goal or a category, which have none)."""
        if self.match.re is _QUANTITY:
            return "%" if self.match.group("pct") or self.match.group("whole") else self.match.group("unit")
        return ""


def _quantities(text: str) -> list[_Quantity]:
    found = [_Quantity(m.start(), m.end(), m) for m in _QUANTITY.finditer(text) if _valid(text, m)]
    found += [_Quantity(m.start(), m.end(), m) for m in _SPECIAL.finditer(text)]
    found += [_Quantity(m.start(), m.end(), m) for m in _CATEGORY_GOAL.finditer(text)]
    found += [
        _Quantity(m.start(), m.end(), m)
        for m in _RATIO.finditer(text)
        if _RATIO_NAMED.search(text[: m.start()]) and float(m.group("b")) and not text[m.end() :].startswith("的")
    ]
    found += [
        _Quantity(m.start(), m.end(), m)
        for m in _COEFFICIENT.finditer(text)
        if _COEFFICIENT_NAMED.search(text[: m.start()])
    ]
    found += [
        _Quantity(m.start(), m.end(), m) for m in _COUNTED.finditer(text) if _COUNT_NAMED.search(text[: m.start()])
    ]
    return sorted(found, key=lambda q: q.start)


def _valid(text: str, m: re.Match) -> bool:
    """Chinese numerals count only as the object of a verb or a comparator; 一 only where a
    frequency (每…一次) or a floor (不少于一名) makes it a number rather than an article."""
    num = m.group("num")
    if m.group("whole") and is_han(text[m.end() : m.end() + 1] or "。"):
        return False  # 二分之一工作法: a fraction naming a method, not a share to reach
    if num is None or num[0].isdigit():
        return True
    unit, before = m.group("unit"), text[: m.start()]
    if unit == "批" or text[m.end() : m.end() + 1] in ("性", "工"):
        return False  # "一批" (a batch), "一次性", "一个工作日"
    if num != "一" and _REACHES.search(before):
        return True  # "营业收入突破千亿元", "企业达到百家"
    if not re.fullmatch(_COUNT_UNITS, unit):
        return False
    if re.match(r"[^,;。、]*?(?:计划|行动|活动|工程)(?:[,;。、]|$)", text[m.end() :]):
        return False  # "实施千座公园计划": the name of a programme
    if num == "一":
        return bool(_FLOOR.search(before) or (re.search(r"每[^,;]*$", before) and _HAN_VERB.search(before)))
    return bool(_HAN_VERB.search(before) or _FLOOR.search(before))


_PREDICATE = re.compile(r"(?:及以上|以上|以下)?(?:达到|达(?!标)|实现|完成|纳入|用于|保持)")


def _is_target(text: str, q: _Quantity, clause_start: int, later: _Quantity | None, previous: _Quantity | None) -> bool:
    """A figure is a target unless it only describes (a name, the past, a size, a standard…) or
    qualifies a noun that something else in the clause measures."""
    if q.match.re not in (_QUANTITY, _COEFFICIENT):
        return not _inside_quotes(text, q.start)
    return not _describes(text, q, text[clause_start : q.start], previous) and not _qualifies(
        text, q, text[clause_start : q.start], later, previous
    )


def _describes(text: str, q: _Quantity, clause: str, previous: _Quantity | None) -> bool:
    """A figure that states no goal: part of a name, a title, a date, a duration, the present or
    past state, a starting point, a classification, an estimate, a rate, a size or extent of a
    place, a design standard, or a condition."""
    start, end, unit = q.start, q.end, q.unit
    after = text[end : end + 2]
    if (
        after.startswith(("级", "月", "性", "+"))
        or text[start - 1 : start] in ("+", "第")
        or _inside_quotes(text, start)
    ):
        return True  # "百亿级", "“十四五”", "第十三个履约周期", "5+2"
    if unit == "小时" and (after.startswith("内") or q.match.re is _QUANTITY and q.match.group("qual") == "内"):
        return True  # "2小时内": a duration
    if (
        _PAST.search(clause)
        or re.search(r"截[至止]", text[:start])
        or re.match(r"(?:以上|以下|左右)?已(?:完成|建成)", text[end:])
    ):
        return True  # "现有438座", "截至2020年底，…427公里", "共计25.2平方公里已完成…"
    if (m := _WORKS_ON.search(clause)) and not re.search(rf"(?:{_VERBS})(?!区)", m.group(1)):
        return True  # "围绕16个先进制造业集群和50条重点产业链,…": the things a measure works on
    if re.search(r"[从由]$", clause) or _CLASSIFY.search(clause) or _ESTIMATE.search(clause):
        return True  # "从438座增加到…", "分为…6个等级", "共需经费约5400万元", "按照0.5%增长率"
    if re.match(rf"/[{HAN}]", text[end:]) and not clause.endswith("能力"):
        return True  # "1000万元/个", "1000标方/小时": a rate or a capacity (but 新增污水处理能力200万立方米/日: a goal)
    if _kind(unit, "") == "level" and (
        text[start - 1 : start] == ")" or (clause.endswith("约") and not re.search(_VERBS, clause))
    ):
        return True  # "(原中央公园一期、二期)4.78平方公里", "面积约8.6平方公里": a named place's size
    if text[start - 1 : start] == "(" and after.startswith(")"):
        return True  # "远香湖南(4.73平方公里)": the size of the place just named
    if unit == "年一遇" and ("标准" in text[end : end + 20].split(",")[0] or previous):
        return True  # a design standard, or the standard an earlier share is measured by
    if unit.endswith("元") and _GRANT.search(clause):
        return True  # "给予一次性奖励500万元", "分别给予100万元、300万元…奖励": what a policy pays, no goal
    if unit.endswith("元") and (re.search(r"处以?$", clause) or re.match(r"[^,;。]{0,12}?(?:罚款|罚金)", text[end:])):
        return True  # "处2000元以上2万元以下罚款": a penalty, no goal
    paid = bool(_SUBSIDY.search(clause)) and not _SPENT_ON.search(clause)  # not 补助资金用于产业发展的比重: a goal
    paid = paid or bool(_GRANT.search(clause) and re.match(f"的?{_SUBSIDY.pattern}", text[end:]))  # 给予最高10%的补助
    if paid or re.match(rf"[^,;。]{{0,8}}?(?:给予|予以)[^,;。]{{0,16}}?{_SUBSIDY.pattern}", text[end:]):
        return True  # "按照设备投资额的20%给予(配套)补助", "按投资额的10%给予最高2000万元落户奖励",
        # "补贴标准为…的20%", "贴息比例不超过1个百分点": what it pays
    if _POINTS.match(text, end) or _WEIGHT.search(clause):
        return True  # "每低1个百分点扣0.5分", "复耕率达到90%以上的得10分", "权重20%": how the assessed are scored
    if re.search(rf"每(?:{_ACTIONS}|服务|招用|吸纳|接收|安置|培训|新增|增加)$", clause):
        return True  # "每服务1名老年人每餐补助2元", "每新建1处补助5万元": the unit a rate is paid by
    granted = _GRANT.search(text[:start]) or _SUBSIDY.search(text[:start]) or "享受" in text[:start]
    if unit.endswith("元") and granted and re.search(r"(?:不超过|最高)$", clause):
        return True  # "给予最高20万元奖励，单个企业每年不超过100万元", "享受第八条支持的，合计不超过500万元":
        # the cap of what it pays
    if re.search(r"按(?:照)?[^,;。]*的$", clause) and re.match(r"(?:以上|以下)?(?:确定|计算|核定|收取)", text[end:]):
        return True  # "出让起始价按…最低价标准的70%确定": how a price or fee is set, no goal
    if re.search(r"(?:公示|公告)(?:期)?(?:为|不少于|不得少于)?$", clause) and _kind(unit, "") == "level":
        return True  # "在门户网站公示7个工作日", "公示期不少于5个工作日": how long a procedure takes, no goal
    if (m := re.search(r"可(?:以)?([^,;。]{0,4})(?:至|到)$", clause)) and not re.search(r"[率量数值比]", m[1]):
        return True  # "出资比例可提高至40%": what a policy permits, no goal (but 网上可办率达到: a name)
    if re.fullmatch(r"[项条个]", unit) and _OWN_PARTS.match(text, end):
        return True  # "从5个方面提出20条措施", "实施17项重点任务": the parts of the text itself
    if re.search(r"[(（]", clause) and re.match(r"(?:及以上|以上|以下)?[)）]的", text[end:]):
        return True  # "纳入规模以上统计(年营业收入2000万元以上)的企业": the threshold that qualifies a noun
    if re.match(rf"(?:、{_NUMBER}(?:{_UNITS}))+的", text[end:]):
        return True  # "首次突破10亿元、50亿元、100亿元的企业": a list that qualifies a noun, as its last does
    if (
        clause.lstrip().startswith("对")
        and re.match(r"(?:及以上|以上)?的", text[end:])
        and not re.search(rf"(?:{_VERBS})(?!区)", _COMPARATOR.sub("", _REACHES.sub("", clause)))
    ):  # "对年产量首次突破10万辆的整车企业，给予…": whom a measure supports or binds (but "对在建工地开展
        return True  # 每月不少于2次的巡查": a verb's object, after 对's)
    if re.match(r"(?:及以上|以上|以下)?时(?![间限效段期])", text[end:]):
        return True  # "积水深度超过0.3米时立即采取封闭措施": the condition a duty starts on
    return bool(re.match(r"的[,;。]|的$", text[end:]))  # "签约比例达到百分之九十五以上的，": a condition


def _qualifies(text: str, q: _Quantity, clause: str, later: _Quantity | None, previous: _Quantity | None) -> bool:
    """A figure that qualifies the noun it runs into rather than stating a goal of its own."""
    start, end, unit = q.start, q.end, q.unit
    noun = _modified_noun(text, end)
    if not noun:
        return False
    # The next figure when nothing separates it from this one.
    adjacent_later = later if later is not None and not re.search(r"[,;:、]|和|及", text[end : later.start]) else None
    if unit.endswith("元"):
        return True  # "10亿元以上制造业项目", "产值10亿元以上的企业": an amount that describes a noun
    counted_later = adjacent_later and not re.match(r"(?:及以上|以上|以下)?的", text[adjacent_later.end :])
    if q.match.group("qual") in ("以上", "及以上", "以下") and (
        counted_later or (previous and text[previous.end : start] == "")
    ):
        return True  # "1000亩以上开放休闲林地5个", "2个10亿元以上的主导产业项目" (but "10家以上营业收入超
        # 10亿元的软件企业": the later figure qualifies the noun this one counts)
    if text[start - 1 : start] == "等" and adjacent_later and adjacent_later.unit == "%":
        return True  # "松江、青浦等4个新城建设用地面积50%": the set whose share is given
    if (
        text[start - 1 : start] == "等"
        and adjacent_later
        and re.search(r"各|均|分别", text[end : adjacent_later.start])
    ):
        return True  # "松石、金紫等4个社区各创建示范小区不少于2个": the set each member of which reaches it
    if noun.startswith("的") and adjacent_later:
        return True  # "覆盖率达到90%的开发区实现零突破": what the later figure counts
    if (
        _kind(unit, "") == "level"
    ):  # a measured action ("实施7公里燃气管道改造") or subject ("50平方公里以上建设用地面积达到…")
        opening = not _LEADING.sub("", clause).strip()
        return not (opening or re.search(rf"(?:{_VERBS})$", clause)) or "的" in noun  # "化工区10万吨甲醇项目"
    return False


def _modified_noun(text: str, end: int) -> str:
    """The noun phrase a quantity runs into ("…的面积", "建设用地面积"), up to the next figure,
    comparator or punctuation; empty when the quantity ends its clause or a verb follows."""
    rest = re.sub(r"^(?:及以上|以上|以下|左右)", "", text[end:])
    if (
        _PREDICATE.match(rest)
        or re.match(r"的(?:目标|任务|要求)|(?:目标|要求)(?:[,;。]|$)", rest)  # 不低于2小时要求, the figure's rule
        or not rest
        or not (is_han(rest[0]) or rest[0] in "“")
        or re.match(r"(?:和|及|与)\d", rest)
    ):
        return ""  # "达到…", "实现人均避难面积2.3平方米的目标", "分别达到5.9万吨和2.8万吨": the figure is the goal
    return re.split(r"[,;:、。()\d]|不低于|不少于|达到|低于|高于", rest, maxsplit=1)[0]


# what a count counts, after its figure: up to a stop, a bracket that is not a word's short qualifier
# (1名专（兼）职教师), or a second figure listed after it (10个联合体和20个共同体)
_COUNTED_NOUN = re.compile(
    rf"(?:[^,;、。(和及与]|\([^()]{{1,4}}\)(?=[{HAN}])|(?:和|及|与)(?![\d一二三四五六七八九十两]))*"
)


def _counted(rest: str) -> str:
    """The noun a count runs into, as :data:`_COUNTED_NOUN` bounds it."""
    m = _COUNTED_NOUN.match(rest)
    return m.group() if m else ""


def _inside_quotes(text: str, at: int) -> bool:
    opened = text[:at]
    return opened.count("《") > opened.count("》") or opened.count("“") > opened.count("”")


def sentence_targets(
    path: str,
    sentence: MappedText,
    context: _Context,
    default_year: int | None,
    places: list[str],
    source: str = "body",
    subject: str = "",
) -> Iterator[Target]:
    """The targets of a sentence, an indicator it leaves unnamed (…，达到50%) being ``subject``, what
    the clause before measured, or its own last target's."""
    text = sentence.text
    year_in_sentence = None
    boundaries = [0] + [m.end() for m in _CLAUSE_MARK.finditer(text)]
    quantities = _quantities(text)
    kept = []
    for k, q in enumerate(quantities):
        clause_start = max(b for b in boundaries if b <= q.start)
        later = quantities[k + 1] if k + 1 < len(quantities) else None
        previous = quantities[k - 1] if k else None
        previous = previous if previous and previous.start >= clause_start else None
        if _is_target(text, q, clause_start, later, previous):
            kept.append(q)
    kept = [q for q in kept if not _named_by_set(text, q, kept)]
    last: Target | None = None  # the sentence's last target
    groups: list[list[_Quantity]] = []
    for q in kept:
        if groups and re.fullmatch(r"、|和|及", text[groups[-1][-1].end : q.start]) and "分别" in text[: q.start]:
            groups[-1].append(q)
        else:
            groups.append([q])
    last_end = 0
    for group in groups:
        first = group[0]
        clause_start = max(b for b in boundaries if b <= first.start)
        year_here = _year_before(text[: first.start], context)
        this_year = context.current if _THIS_YEAR.search(text[clause_start : first.start]) else None
        year = year_here or this_year or year_in_sentence or context.year or default_year
        year_in_sentence = year_here or year_in_sentence
        areas = _areas_alone(text[max(clause_start, last_end) : first.start], places) if last else []
        last_end = group[-1].end
        if areas and last:  # 新增助餐点200处，其中市南区20处、市北区30处; 全省覆盖率达到70%以上，武汉、襄阳达到80%以上
            for _, q, end in _indicators(text, clause_start, group):  # the same indicator, in each area named
                target = _target(
                    path, sentence, sentence.span(clause_start, end), q, last.indicator, year, places, source
                )
                yield from (replace(target, kind=last.kind, scope=area) for area in areas)
            continue
        if len(group) == 1 and (each := _areas_each(text[clause_start : first.start], places)):
            areas, after = each  # 长沙县、浏阳市、宁乡市各建成县级物流配送中心2个: 2 in each of them
            for indicator, q, end in _indicators(text, clause_start + after, group):
                last = _target(path, sentence, sentence.span(clause_start, end), q, indicator, year, places, source)
                subject = indicator
                yield from (replace(last, scope=area) for area in areas)
            continue
        shared = _shared_comparator(group)
        for indicator, q, end in _indicators(text, clause_start, group):
            indicator = _without_place(indicator, places)
            if indicator in places:  # 乌审旗完成防沙治沙150万亩: the place is the scope, what it completes measured
                indicator = _object_of_place(text[clause_start : q.start], indicator) or indicator
            if _NO_SUBJECT.fullmatch(indicator) or indicator in places:  # "营业收入达到6000亿元,年均增长50%":
                indicator = subject or _named_before(text, clause_start) or indicator  # the same revenue's growth
            subject = indicator
            last = _target(path, sentence, sentence.span(clause_start, end), q, indicator, year, places, source)
            yield replace(last, comparator=shared) if shared and last.comparator == "=" else last
    deadline = _DEADLINE.search(text)
    if year_in_sentence or (not groups and deadline):  # "到2022年，基本建立…。…列养率保持100%"
        context.year = year_in_sentence or _year_before(text, context)


def _shared_comparator(group: list[_Quantity]) -> str | None:
    """The bound a distributive list's last value prints for all of them (分别增长15%和20%以上, 分别增长
    6.5%和7.5%左右: each at least, or about), when the earlier values print none of their own."""
    last = group[-1].match
    if len(group) < 2 or last.re is not _QUANTITY or not last.group("qual"):
        return None
    return _comparator("", last.group("qual"), False)


# what joins the areas named to their figure: 武汉、襄阳达到, 其中江岸区要达到, 武汉市为, 市南区、市北区各
_AREAS_VERB = re.compile(r"(?:各|均|要|应|须|力争)?(?:达到|达|为|不低于|不少于|超过|高于|保持)?(?:在)?$")


def _areas_alone(words: str, places: list[str]) -> list[str]:
    """The areas the words before a figure name as all they say (其中市南区; 、黄岛区（青岛西海岸新区）;
    市南区、市北区各; 武汉、襄阳、宜昌达到), each of which the figure is for, else []: the indicator is
    the one the sentence measured before."""
    named = _AREAS_VERB.sub("", re.sub(r"\([^()]*\)", "", words.strip().lstrip(",;、").removeprefix("其中")))
    members = re.split(r"、|和|及", named) if named else []
    return members if members and all(m in places for m in members) else []


def _areas_each(clause: str, places: list[str]) -> tuple[list[str], int] | None:
    """The areas a clause lists before 各 (长沙县、浏阳市、宁乡市各建成…; 支持A、B各打造1个…), each of
    which the figure is for, and where the words after 各, which name what it counts, begin."""
    m = _listed_each(tuple(places)).search(clause) if places else None
    return (re.split(r"、|和|及", m.group(1)), m.end()) if m else None


@lru_cache(maxsize=64)
def _listed_each(places: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    return re.compile(rf"((?:{names})(?:(?:、|和|及)(?:{names}))+)各")


def _named_before(text: str, clause_start: int) -> str:
    """What the clause before names as its subject ("办理时间为一个工作日,最多不超过三个工作日"), or what
    its verb takes ("开展巡河,每月不少于1次", "建设养老家庭照护床位,累计建设1200张")."""
    previous = re.split(r"[,;:]", text[:clause_start].rstrip(",;:"))[-1]
    if text[:clause_start].endswith(":"):
        return _clean(previous)  # "专管员巡查:每周全覆盖一次": what a heading names
    previous = re.sub(f"^{_ENUMERATED}", "", previous)
    m = re.match(r"(.+?)(?:为|是)", previous) or re.search(rf"(?:{_ACTIONS})(.+)$", previous)
    return _clean(m.group(1)) if m else ""


def _named_by_set(text: str, q: _Quantity, kept: list[_Quantity]) -> bool:
    """A count that names the set a whole-set goal is about ("将23项…事项全部纳入", "清零57座以上大客车")."""
    if q.special or q.match.re is not _QUANTITY:
        return False
    if _kind(q.unit, "") == "count" and re.match(r"[^,;:]*(?:全部|(?<!年)均)", text[q.end :]):
        return True  # "8个先进制造业开发区营收全部达到百亿以上": each of the set
    for other in kept:
        if other.special in ("all", "full", "zero", "done") and other is not q:
            between = text[min(q.end, other.end) : max(q.start, other.start)]
            if not re.search(r"[,;:]", between):
                return True
    return False


# a share opening its clause and the things it counts (80%以上的县级及以上机关达到节约型机关创建要求)
_SHARE_OF = re.compile(r"(?:及以上|以上|左右)?的([^,;。]{2,40})")


def _indicators(text: str, clause_start: int, group: list[_Quantity]) -> list[tuple[str, _Quantity, int]]:
    """Each quantity of a group with what it measures and where its quote ends. A list of rates
    before one value ("安装率、入网率、实时在线率达到100%") or of objects after 清零 gives one
    target per member; a noun after the figure ("培育2家省级数字化转型示范区", "实施7公里燃气老化
    管道改造") is what it counts or measures, and the quote runs to its end."""
    first, last = group[0], group[-1]
    clause = text[clause_start : first.start]
    if len(group) > 1:
        head = _indicator(clause.split("分别")[0], "level")
        parts = _members(_URBAN_RURAL.sub(r"城镇、农村\1", head, count=1) if len(group) == 2 else head)
        names = _shared_head(parts) if len(parts) == len(group) else [head] * len(group)
        return [(_clean(n), q, last.end) for n, q in zip(names, group)]
    q = first
    if q.special in ("zero", "all", "done") or q.match.re is _CATEGORY_GOAL:
        obj = re.split(r"[,;。(]", text[q.end :], maxsplit=1)[0]
        end = q.end + len(obj)
        if q.match.re is _CATEGORY_GOAL:
            obj, end = re.split(r"全面|按照|执行", clause)[0], q.end
        members = [_clean(p) for p in obj.split("、")] if q.special != "all" else [_clean(obj)]
        return [(m, q, end) for m in members if m]
    if q.match.re is _RATIO:  # what ends in 比 before it
        named = _RATIO_NAMED.search(clause)
        return [(_clean(clause[: named.start() + 1] if named else clause), q, q.end)]
    kind = _quantity_kind(q, clause)
    if q.match.re is _QUANTITY and kind in ("count", "level"):
        after = _counted(text[q.end :]) if kind == "count" else _modified_noun(text, q.end)
        noun = _clean(after) if kind == "count" else _TRAILING.sub("", re.sub(r"^(?:及以上|以上|以下|左右)", "", after))
        if noun and (kind == "count" or "的" not in after):
            return [(noun, q, q.end + len(after))]
    if q.unit == "%" and not _LEADING.sub("", clause).strip() and (share := _SHARE_OF.match(text, q.end)):
        return [(_clean(share[1]), q, share.end())]  # "60%以上的乡镇建成示范片区": the share of them that do
    # a list before a figure: its last member, unless each member reaches the figure (均; rates:
    # 安装率、入网率达到100%), shares it (分别) or all are covered (实现乡道、村道管理养护全覆盖); a 、 inside
    # brackets splits nothing (优良(一、二类)比例); a list of examples (A、B等X) names X
    opened = _LEADING.sub("", clause)
    if m := _FOR_WHOM.match(opened):
        clause = opened[m.end() :]
    whole = "分别" in clause or q.special == "full"
    example_of = _ETC.split(clause)[-1]
    clause = clause if whole or not _indicator(example_of, kind) else example_of
    members = _members(_indicator(clause, "level"))
    if len(members) > 1 and (all(p.endswith("率") for p in members) or _EACH_MEMBER.search(clause)):
        return [(_clean(n), q, q.end) for n in _shared_head(members)]
    whole = whole or _kinds_of_one(members, measured=kind != "level")
    before_item = clause if whole else re.split(r"、(?![^()]*\))", clause)[-1]
    return [(_indicator(before_item, kind), q, q.end)]


# 城乡居民 before two values (城乡居民人均可支配收入分别增长6.5%和7.5%): the urban residents' and the rural
# residents' figures, as 城镇、农村居民 writes them
_URBAN_RURAL = re.compile(r"^城乡(居民|常住居民)")


def each_member(indicator: str) -> list[str]:
    """What an indicator named by a list of kinds measures of each (蔬菜、水果、茶叶农药残留合格率:
    蔬菜农药残留合格率, …), or the indicator alone."""
    members = _members(indicator)
    return _shared_head(members) if _kinds_of_one(members) else [indicator]


def _kinds_of_one(members: list[str], measured: bool = True) -> bool:
    """A list of kinds before the one quantity they share (蔬菜、水果、茶叶农药残留例行监测合格率: the
    rate over the three), named whole: bare nouns of a few characters before a measured last member;
    without ``measured``, before the thing a length or an area measures, whose name the last member
    ends with (燃气、供水、排水管网1.5万公里: the networks of the three kinds together)."""
    if len(members) < 2:
        return False
    *bare, last = members
    short = all(_HAN.fullmatch(c) for b in bare for c in b) and all(len(b) <= 4 for b in bare)
    plain = not any(_MEASURED.search(b) or re.search(_VERBS, b) for b in bare)
    named = bool(_MEASURED.search(last)) if measured else not re.search(_VERBS, last)
    return short and plain and len(last) > (4 if measured else 3) and named


def _members(names: str) -> list[str]:
    """The members of a list (县道和乡村道年均养护工程比例), without the verb after the last; a 、 inside
    brackets separates none (优良(一、二类)比例)."""
    return [p for p in re.split(r"(?:、|和)(?![^()]*\))", _TRAILING.sub("", names)) if p]


# How the name of a measured quantity ends (率, 收入, 数量…): a list member that does not is a bare
# noun that shares the last member's head.
# what names a quantity; not 化学需氧量, 生化需氧量, the names of pollutants (化学需氧量、氨氮…减排量)
_MEASURED = re.compile(r"(?:率|(?<!需氧)量|额|数|值|比重|比例|占比|收入|面积|规模|产值|指数|密度|浓度|时间|天数|时长)$")


def _shared_head(parts: list[str]) -> list[str]:
    """The members of a list whose last member alone names the quantity (城市、县城和乡镇污水处理率:
    城市污水处理率, 县城污水处理率, 乡镇污水处理率; 城镇、农村居民人均可支配收入): the bare members
    take the head that follows the last member's own, as long as theirs or ending as theirs do (县道和
    乡村道年均养护工程比例: 乡村道, whose 道 ends 县道 too)."""
    *bare, last = parts
    width, prefix = max(map(len, bare), default=0), ""
    if bare and width > len(last) - 3 and len(last) > 3 and last.endswith("率"):
        # 主要农作物化肥、农药利用率: a rate is named by two characters and 率 (利用率, 处理率, 合格率); the
        # first member's characters before a noun of that length modify every member
        width = len(last) - 3
        prefix = bare[0][: max(0, len(bare[0]) - width)]
    while width < len(last) and last[width] in {b[-1] for b in bare}:
        width += 1
    head = last[width:]
    if not bare or any(_MEASURED.search(b) for b in bare) or len(head) < 2 or not _MEASURED.search(head):
        return parts
    return [bare[0] + head] + [prefix + b + head for b in bare[1:]] + [prefix + last]


def _quantity_kind(q: _Quantity, clause: str) -> str:
    if q.special in _MULTIPLES:
        return "multiple"
    if q.special in ("full", "all", "done"):
        return "coverage"
    if q.special == "zero":
        return "reduction"
    if q.special == "first":
        return "count"
    if q.match.re is _CATEGORY_GOAL:
        return "category"
    if q.match.re is _RATIO:
        return "ratio"
    if q.match.re is _COEFFICIENT:
        return "level"
    if q.match.re is _COUNTED:
        return "count"
    return _kind(q.unit, clause)


def _target(path, sentence, quote, q, indicator, year, places, source) -> Target:
    text = sentence.text
    clause_start = max([0] + [m.end() for m in re.finditer(r"[,;:]", text[: q.start])])
    clause = text[clause_start : q.start]
    kind = _quantity_kind(q, clause)
    category = None
    if q.special in _MULTIPLES:  # 倍增, 翻一番: twice the base; 翻两番: four times
        value, lo, hi, unit, comp = _MULTIPLES[q.special], None, None, "倍", "="
    elif kind in ("coverage", "reduction") and q.special:
        value, lo, hi, unit, comp = 100.0, None, None, "%", "="
    elif q.special == "first":
        value, lo, hi, unit, comp = 1.0, None, None, "个", ">="
    elif kind == "category":
        value, lo, hi, unit = None, None, None, None
        category, comp = q.match.group("cat"), (">=" if q.match.group("up") else "=")
    elif kind == "ratio":
        value, lo, hi, unit = round(float(q.match.group("a")) / float(q.match.group("b")), 4), None, None, ":1"
        comp = _comparator(clause, q.match.group("qual"), False)
    elif q.match.re is _COEFFICIENT:
        value, lo, hi, unit = float(q.match.group("num")), None, None, None
        comp = _comparator(clause, q.match.group("qual"), False)
    elif q.match.re is _COUNTED:
        value, lo, hi, unit = float(q.match.group("num")), None, None, q.match.group("unit")
        comp = _comparator(clause, q.match.group("qual"), False)
    else:
        m = q.match
        unit = q.unit
        ranged = m.group("num2") is not None
        value = None if ranged else _number(m.group("pct") or m.group("num"))
        if (part := _number(m.group("part"))) and (whole := _number(m.group("whole"))):  # 压缩三分之一: in %
            value = round(100 * part / whole, 2)
        lo, hi = (_number(m.group("num")), _number(m.group("num2"))) if ranged else (None, None)
        comp = _comparator(_after_threshold(text[clause_start : q.start]), m.group("qual"), ranged)
    return Target(
        path, indicator, kind, value, lo, hi, category, unit, comp, year,
        bool(_PER_YEAR.search(clause)),
        _scope(text[: q.start], places), _baseline(clause), source, quote,
    )  # fmt: skip


def _without_place(indicator: str, places: list[str]) -> str:
    """An indicator without the place that opens it as the subject of a verb (长沙县建成乡镇商贸中心12个):
    the place is the target's scope, what the verb takes is what it counts."""
    for place in places:
        rest = indicator.removeprefix(place)
        if rest != indicator and re.match(_VERBS, rest) and _clean(rest):
            return _clean(rest)
    return indicator


def _object_of_place(words: str, place: str) -> str:
    """What a predicate after a place takes before the figure (乌审旗完成防沙治沙 → 防沙治沙), else ""
    (杭锦旗完成: the indicator measured before)."""
    m = re.search(rf"{re.escape(place)}{_PREDICATES}(.+)$", words)
    return _clean(m.group(1)) if m else ""


def _after_threshold(before: str) -> str:
    """The words before a figure after any threshold that qualifies what it counts: 超过 compares the
    10亿元 of "年销售收入超过10亿元的畜产品加工企业30家", not the 30家."""
    ends = [m.end() for m in re.finditer(rf"(?:{_QUANTITY.pattern})的", before)]
    return before[ends[-1] :] if ends else before


def text_targets(
    path: str,
    body: MappedText,
    default_year: int | None,
    start: int | None,
    places: list[str],
    tables: Sequence[Span] = (),
    current: int | None = None,
) -> list[Target]:
    """Targets of the sentences of an item's body or of a preamble (``path`` "", whose sentence of
    purpose states none), a year a sentence names carrying over to the rest of its paragraph. The
    paragraphs of a table the item holds (``tables``, read as a table by :func:`table_targets`) are no
    sentences of it."""
    found: list[Target] = []
    for para in _split(body, "\n"):
        at = para.span().start
        if any(table.start <= at < table.end for table in tables):
            continue
        context = _Context(None, start, current)
        for sentence in map(_without_clause_before, _split(para, "。")):
            if not path and _PURPOSE.match(sentence.text):
                continue
            subject = ""  # what the sentence's last clause measured: 2024年，X达到40%；2025年，达到50%
            here = places + [t for t in _township_shares(sentence.text) if t not in places]
            for clause in _split(sentence, ";"):
                stated = list(sentence_targets(path, clause, context, default_year, here, subject=subject))
                found += stated
                subject = stated[-1].indicator if stated else subject
    return found


# a township's share of a goal, after 其中 (其中：阿勒腾席热镇完成3万亩，札萨克镇完成10万亩): the towns a
# county's text names are no place the gazetteer knows, but a name of a township's form opening each
# clause of the breakdown before its predicate is one
_TOWNSHIP_SHARE = re.compile(
    rf"(?:^|[,、])(?!各|相关|有关|乡镇|苏木乡?镇)([{HAN}]{{2,8}}?(?:镇|乡|街道|苏木))(?=完成|达到|为|新增|建成|实现)"
)


def _township_shares(sentence: str) -> list[str]:
    """The townships a breakdown after 其中 gives their shares to, each opening its clause."""
    at = sentence.find("其中")
    return [] if at < 0 else [m[1] for m in _TOWNSHIP_SHARE.finditer(sentence[at + 2 :].lstrip(":"))]


# why a document is made (为全面贯彻…，推动…等实现倍增，制定如下行动): its aims, no goals of its own
_PURPOSE = re.compile(r"\s*为")


def _without_clause_before(sentence: MappedText) -> MappedText:
    """A sentence without the bracket it opens with, the clause of the sentence before (…。（责任单位：市政务
    服务数据管理局，各镇街（园区））四是…): the bodies it names are no scope of this sentence's targets.
    A short bracket (（1）, an enumerator) stays."""
    text = sentence.text
    opened = len(text) - len(text.lstrip())
    if not text.startswith("(", opened):
        return sentence
    depth = 0
    for at in range(opened, len(text)):
        depth += {"(": 1, ")": -1}.get(text[at], 0)
        if depth == 0:
            return sentence[at + 1 :] if at - opened > 4 and text[at + 1 :].strip() else sentence
    return sentence


def _split(text: MappedText, separators: str) -> Iterator[MappedText]:
    at = 0
    for m in [*re.finditer(f"[{separators}]", text.text), None]:
        end = m.start() if m else len(text.text)
        if text.text[at:end].strip():
            yield text[at:end]
        at = end + 1 if m else end


# -- annex tables -------------------------------------------------------------------------------

_CATEGORY = re.compile(r"[一二三四五]\s*[星档]")
_YEAR_CELL = re.compile(r"(?P<year>(?:19|20)\d\d)年(?P<indicator>.*)")


def annex_targets(annex: Annex) -> list[Target]:
    """Targets of a table with entities (zones, clusters) as columns and years as rows.

    Each year row holds k cells per entity: a star and a tier in 附件2's layout, one revenue
    figure in 附件3's. The unit comes from the table's note (单位：亿元). A table whose columns name
    quantities (a unit, a share) is a plan table (:func:`plan_table_targets`), not one of entities.
    """
    if len(annex.rows) < 2 or not any(_YEAR_CELL.match(_fold(r.cells[0])) for r in annex.rows[1:]):
        return []
    header = [_fold(c).replace(" ", "") for c in annex.rows[0].cells]
    if any(_column_unit(header, j) for j in range(1, len(header))):
        return []
    entities = annex.rows[0].cells[1:]
    unit = _note_unit(annex)
    found = []
    for row in annex.rows[1:]:
        m = _YEAR_CELL.match(_fold(row.cells[0]))
        if not m or not entities:
            continue
        cells = list(zip(row.cells[1:], row.texts[1:]))
        per_entity = len(cells) // len(entities)
        if per_entity == 0 or len(cells) % len(entities):
            continue
        for e, entity in enumerate(entities):
            for cell, text in cells[e * per_entity : (e + 1) * per_entity]:
                target = _cell_target(annex.label, entity, int(m.group("year")), m.group("indicator"), unit, cell, text)
                if target:
                    found.append(target)
    return found


def _note_unit(annex: Annex) -> str | None:
    """The unit a table's note gives all its figures (单位：亿元)."""
    return next((n.split(":", 1)[-1].split("：", 1)[-1].strip() for n in annex.notes if "单位" in n), None)


# What a table's title says besides the quantity it lists: whose (各地, 各区) and what kind of table
_TITLE_FRAME = re.compile(
    r"^各(?:地|区县|县区|市区|[市县区](?:\([市县区、]+\))?|街镇|乡镇)|(?:分解|分配|安排)?(?:一览)?(?:表|清单)$"
)


def _title_quantity(title: str) -> str:
    """The quantity a table of figures alone lists, as its title names it: 各地新能源汽车推广目标分解表 →
    新能源汽车推广目标."""
    return _TITLE_FRAME.sub("", _fold(title).replace(" ", ""))


def _cell_target(label, entity, year, indicator, unit, cell, text) -> Target | None:
    value = _fold(cell).replace(" ", "")
    if not value:
        return None
    span = text.span() if len(text) else Span(0, 0)
    if _CATEGORY.fullmatch(value):
        name = "星级" if value.endswith("星") else "档级"
        return Target(
            label, name, "category", None, None, None, value, None, "=", year, False, entity, None, "annex", span
        )
    if re.fullmatch(_NUMBER, value):
        return Target(
            label,
            indicator or "目标值",
            "level",
            float(value),
            None,
            None,
            None,
            unit,
            "=",
            year,
            False,
            entity,
            None,
            "annex",
            span,
        )
    return None


_GOAL_WORD = re.compile(r"任务|目标|计划|指标")
_TIME_COLUMN = re.compile(r"(?:建设|实施|完成|计划)?(?:时间|年限|年份|年度)")
_CHANGE_TAIL = re.compile(r"较(?:上年|基期)?(?:下降|降低|减少|削减|增长|提高)(?:比例|幅度|率)?$")  # how it changes
# the column of the places a table allots to: 街镇, 区县, 设区市, 县(市), 市(州), 县(市、区), 县(市)区, a
# bare 市, a province's cities and counties it runs directly (市县, 海南), a Hunan prefecture's counties and
# county-level cities (县市, 湘西州's 吉首市 and 7 counties); its header ends in the place word
# (达标区域), which inside a measure names no place (单位地区生产总值能耗降低(%))
_PLACE_COLUMN = re.compile(
    r"(?:街镇|街道|乡镇|区县|县区|地区|区域|辖区|设区市|地市|市州|州市|市县区?|县市区?|[市县区州]\([市县区州旗、]+\)区?"
    # Inner Mongolia's: a city's banners and districts, the leagues and cities, the sumu
    r"|旗县|旗市?区|盟市|苏木镇)(?:名称)?$"
    r"|^[市县区州盟旗](?:名称)?$"
)
_COUNT_COLUMN = re.compile(r"数量|个数")
_SHARE_COLUMN = re.compile(r"(?:占比|比例|比重|率)$")  # a column of shares, in %
# costs, forecasts, the past (现状, 2020年基数); a population, but not a share of it (覆盖农村人口比例)
_NOT_GOAL_COLUMN = re.compile(
    r"预算|经费|投资|资金|人口(?![^()]*(?:比例|比重|占比|率))|已建成|已完成|现状|现有|基数|基期"
)
# ... but how fast one grows, or its share, is a goal (设备投资增长(%), 民间投资占比)
_RATE_COLUMN = re.compile(r"增长|增速|增幅|占比|比重")
_PER_YEAR_UNIT = re.compile(r"[(（]([^()（）]{1,6})/年[)）]\s*$")  # a count a year: 项目(个/年)
_SIZE = r"(?:面积|长度|里程|规模)"
_MEASURE_UNIT = re.compile(
    rf"(?<={_SIZE})({_MAGNITUDE}(?:{_MEASURE_UNITS}))$"
)  # a unit under its measure: 长度 over 千米
_HEADER_UNIT = re.compile(r"[(（]([^()（）]{1,8})[)）]\s*$")
_TOTAL_ROW = re.compile(r"[合小总]计")
_FIGURE = re.compile(_NUMBER)


def plan_table_targets(
    annex: Annex, default_year: int | None, issued: int | None, horizon: int | None = None
) -> list[Target]:
    """Targets of a plan table: each value under a column that names a year ("2021年任务(万m2)",
    "2025年底总量(万m2)", an indicator table's "2025年指标" holding "58%以上"), or under a column
    with a unit in a row that names its year (建设时间 "2021年", "“十四五”期间"); a bare figure takes
    its column's unit, else its row's (a 单位 column), else the table note's (单位：万辆); a figure no
    column names is the quantity the table's title names (各地新能源汽车推广目标分解表). A bare year
    over when the document was issued is the baseline, not a target (2020年 | 2025年 in a 2021
    plan). Rows with no value
    under the year columns (named projects whose years are ticked), columns of costs, forecasts
    and past work, and tables of a period over before the document was issued ("“十三五”期间…
    建设情况一览表") give none, nor does a column that gives the size of the row's place (达标区域 |
    达标区域面积: the size of a zone named, as "远香湖南(4.73平方公里)" in prose). The scope is the
    row's place (a 街镇 column), the whole area for a total row or column (合计, 总计). A value
    spanning several rows is one target, read where it is printed. A table that allots the goals by
    place and names no year (各县（市）…目标任务分解表) holds the goals of the document's ``horizon``."""
    if not annex.rows or _is_past(annex.title or "", issued):
        return []
    header = [_fold(c).replace(" ", "") for c in annex.rows[0].cells]
    place = next((j for j, h in enumerate(header) if _PLACE_COLUMN.search(h)), None)
    goals = [
        j
        for j, h in enumerate(header)
        if (not _NOT_GOAL_COLUMN.search(h) or _RATE_COLUMN.search(h)) and not _sizes_place(header, place, j)
    ]
    year_of = {j: int(m.group(1)) for j in goals if (m := re.search(r"((?:19|20)\d\d)", header[j]))}
    # a bare year over when the document was issued is the baseline (2020年 | 2025年 in a 2021 plan), not
    # one that names its work (2021年任务 in a five-year plan issued in 2022)
    baseline = {j for j, year in year_of.items() if issued and year < issued and not _GOAL_WORD.search(header[j])}
    units = next((j for j, h in enumerate(header) if UNIT_COLUMN.fullmatch(h)), None)
    indicator_at = next((j for j, h in enumerate(header) if _INDICATOR_COLUMN.fullmatch(h)), None)
    goals = [j for j in goals if j not in (units, indicator_at) and j not in baseline]
    year_of = {j: year for j, year in year_of.items() if j in goals}
    horizon = default_year or horizon
    if indicator_at is not None and horizon is not None:  # 指标名称 | 单位 | 2020年基数 | 目标值: the plan's goals
        year_of |= {j: horizon for j in goals if _GOAL_COLUMN.fullmatch(header[j]) and j not in year_of}
    valued = sorted(set(year_of) | {j for j in goals if _column_unit(header, j)})
    time = next((j for j, h in enumerate(header) if _TIME_COLUMN.fullmatch(h)), None)
    # a table that allots the plan's goals by place and names no year (各县（市）…目标任务分解表): its values
    # are the goals of the plan's horizon, each place's
    allotted = place is not None and bool(_GOAL_WORD.search(annex.title or "")) and horizon is not None
    if not year_of and time is None and not allotted:
        return []
    note_unit = _note_unit(annex)
    found = []
    for row in grid(annex):
        cells = [c if c is not None and len(c) else None for c in row.cells] + [None] * len(header)
        texts = [_fold(c.text).replace(" ", "") if c else "" for c in cells]
        total = any(_TOTAL_ROW.fullmatch(t) for t in texts)
        row_year = _row_year(texts[time]) if time is not None else None
        first = valued[0] if valued else 0  # the labels come before the first column of values
        labels = "".join(t for j, t in enumerate(texts[:first]) if j not in (place, time, units) and _is_label(t))
        if indicator_at is not None:
            labels = _ROW_NUMBER.sub("", texts[indicator_at])
        # a row that names its own year (城市生活污水集中收集率(2027年)) holds that year's goal
        label_year = int(m.group(1)) if (m := _LABEL_YEAR.search(labels)) else None
        labels = _LABEL_YEAR.sub("", labels)
        named = re.split(r"[,、]", m.group(1))[0] if (m := _HEADER_UNIT.search(labels)) else ""  # (个,累计): 个
        named_unit = named if re.fullmatch(_UNITS, named) else None
        if named_unit:  # an indicator table's row: 软件和信息服务业营业收入(亿元), 数字化车间(个,累计)
            labels = _HEADER_UNIT.sub("", labels)
        row_unit = texts[units] if units is not None and re.fullmatch(_UNITS, texts[units]) else named_unit
        values = {
            j: (cell, v)
            for j in valued
            if (cell := cells[j])
            and row.printed[j]
            and (v := _cell_value(texts[j], _column_unit(header, j, before=j in year_of) or row_unit or note_unit))
        }
        if not values or not (any(j in values for j in year_of) if year_of else row_year or total or allotted):
            continue  # a named project without a planned series, or a row of no year
        named = cells[place] if place is not None else None
        scope = named.display.strip() if named and not total else "city"
        year_named = max(year_of.values(), default=None) or (horizon if allotted else default_year)
        for j, (cell, (value, unit, comparator)) in values.items():
            stem = re.sub(r"指标|目标值?", "", _without_unit(re.sub(r"(?:19|20)\d\d年?", "", header[j])))
            named = labels + ("" if _COUNT_COLUMN.fullmatch(stem) else stem) or _title_quantity(annex.title or "")
            indicator = _CHANGE_TAIL.sub("", named) or named  # 排放总量较2020年下降比例: the quantity that falls
            year = label_year or year_of.get(j) or row_year or year_named
            scope = "city" if _TOTAL_ROW.search(header[j]) else scope
            found.append(
                Target(
                    annex.label,
                    indicator,
                    _kind(unit or "个", named),
                    value,
                    None,
                    None,
                    None,
                    unit,
                    comparator,
                    year,
                    bool(_PER_YEAR_UNIT.search(header[j])),
                    scope,
                    None,
                    "annex",
                    cell.span(),
                )  # fmt: skip
            )
    return found


def _sizes_place(header: list[str], place: int | None, j: int) -> bool:
    """Whether column ``j`` measures the place its row names (达标区域 | 达标区域面积(平方公里)),
    rather than a total over the rows (达标区域面积总计)."""
    if place is None or j == place or _TOTAL_ROW.search(header[j]):
        return False
    return bool(re.match(re.escape(header[place]) + _SIZE, header[j]))


def _cell_value(cell: str, unit: str | None) -> tuple[float, str | None, str] | None:
    """(value, unit, comparator) of a table cell: a bare figure in the column's unit ("3.80"), or
    one quantity with little around it ("58%以上", "力争2000座", "低于5%"); none for a zero."""
    if _FIGURE.fullmatch(cell):
        return (float(cell), unit, "=") if float(cell) else None
    if bare := _BARE_FIGURE.fullmatch(cell):  # ≥90, 93左右, 〔14〕 (a five-year total): the column's unit
        return float(bare["num"]), unit, _comparator(bare["sign"], bare["qual"], False)
    m = _QUANTITY.search(cell)
    rest = cell[: m.start()] + cell[m.end() :] if m else ""
    if not m or m.group("num2") or re.search(r"\d", rest) or len(rest) > 2 or not (m.group("num") or "")[:1].isdigit():
        return None
    return float(m.group("num")), m.group("unit"), _comparator(cell[: m.start()], m.group("qual"), False)


# a figure in an indicator table's cell with its sign or qualifier, or in the 〔〕 that mark a period's total
_BARE_FIGURE = re.compile(rf"(?P<sign>[≥≧≤≦><]?)\s*[〔\[]?(?P<num>{_NUMBER})[〕\]]?\s*(?P<qual>以上|以下|左右|以内)?")
_INDICATOR_COLUMN = re.compile(r"(?:主要)?指标(?:名称)?")  # 类别 | 指标 | …: the indicator is this cell alone
# the column of an indicator table that holds the plan's goals, naming no year: 目标值, 规划目标, 预期目标
_GOAL_COLUMN = re.compile(r"(?:规划|预期|期末)?目标值?|(?:规划|目标)指标值?")
_LABEL_YEAR = re.compile(r"[(（]((?:19|20)\d\d)年(?:底|末)?[)）]$")  # 城市生活污水集中收集率(2027年)
_ROW_NUMBER = re.compile(r"^(?:\d{1,2}[.、]|[(（]\d{1,2}[)）])")  # 1.城市空气质量优良天数比率


def _is_label(cell: str) -> bool:
    return bool(cell) and not _FIGURE.fullmatch(cell) and not _TOTAL_ROW.fullmatch(cell)


def _column_unit(header: list[str], j: int, before: bool = False) -> str | None:
    """The unit a header gives its column ("(万m2)", "（亩）", % for a share, 个 for a 数量 column), or with
    ``before`` the measure of the nearest column to its left (a year under "实施面积（亩）")."""
    if before and not _HEADER_UNIT.search(header[j]):  # 2027年农业总产值(亿元): its own unit
        return next((u for k in range(j - 1, -1, -1) if (u := _column_unit(header, k)) and u != "个"), None)
    m = _PER_YEAR_UNIT.search(header[j]) or _HEADER_UNIT.search(header[j]) or _MEASURE_UNIT.search(header[j])
    if m and re.fullmatch(_UNITS, m.group(1)):
        return m.group(1)
    if _SHARE_COLUMN.search(header[j]):
        return "%"
    return "个" if _COUNT_COLUMN.fullmatch(_HEADER_UNIT.sub("", header[j])) else None


def _without_unit(header: str) -> str:
    """A column's name without the unit it gives (面积(公顷) → 面积, 长度千米 → 长度)."""
    return _MEASURE_UNIT.sub("", _HEADER_UNIT.sub("", header))


def _row_year(cell: str) -> int | None:
    """The year a row's time cell names: "2021年", "“十四五”期间"."""
    m = re.fullmatch(r"((?:19|20)\d\d)年?(?:底|前)?", cell)
    return int(m.group(1)) if m else _period_year(cell, named=True)


def _is_past(title: str, issued: int | None) -> bool:
    """A title that names a period over before the document was issued (“十三五”期间… in 2022)."""
    end = _period_year(title, named=True)
    return bool(issued and end and end < issued)


def annex_sentence_targets(
    annex: Annex, default_year: int | None, start: int | None, places: list[str], tasks: dict[int, str]
) -> list[Target]:
    """Targets stated in the sentences of an annex: the cells of a task table (重点内容, 具体工作,
    项目内容…), cited by the annex label, or by the row's place when the row is a task of its own
    (``tasks``: places by where rows start, :func:`task_tables.annex_item_rows`), or the items of a
    numbered list (1.…), cited as 附件/1. An annex whose title names a year or a plan period
    (“十四五”期间…) is due then; a row whose deadline (完成时限) names a year, that year."""
    year = _annex_year(annex, default_year)
    found: list[Target] = []
    header = annex.rows[0].cells if annex.rows else ()
    due = next((j for j, h in enumerate(header) if DEADLINE_COLUMN.search(_fold(h))), None)
    at = next((j for j, h in enumerate(header) if _PLACE_COLUMN.search(_fold(h).replace(" ", ""))), None)
    for row in annex.rows:
        listed = _LIST_ITEM.match(row.texts[0].text) if len(row.texts) == 1 and row.texts else None
        if row.cells == header and not listed:
            continue
        path = f"{annex.label}/{listed.group(1)}" if listed else tasks.get(row.span.start, annex.label)
        deadline = _YEAR.search(_fold(row.cells[due])) if due is not None and due < len(row.cells) else None
        place = _fold(row.cells[at]).replace(" ", "") if at is not None and at < len(row.cells) else ""
        for cell in (c for c in row.texts if _is_prose(c.text)):
            context = _Context(None, start)
            for sentence in _split(cell, "。;\n"):
                row_year = int(deadline.group("year")) if deadline else year
                stated = sentence_targets(path, sentence, context, row_year, places, "annex")
                # a row of a table that allots by place (旗区 | 任务量): its figures are its place's, if it
                # names one (not 合计, 全市, 各旗区 or a list)
                mine = place and not re.search(rf"{_TOTAL_ROW.pattern}|{_WHOLE.pattern}|^各|[、,]", place)
                found += [replace(t, scope=place) if mine and t.scope == "city" else t for t in stated]
    return found


def _annex_year(annex: Annex, default_year: int | None) -> int | None:
    """The year an annex's title names ("2026年…分工表", "“十四五”期间…测算表"), else the document's."""
    _, single = plan_years(annex.title or "")
    return single or _period_year(annex.title or "", named=True) or default_year


_LIST_ITEM = re.compile(r"(\d{1,3})[.、]")


def _is_prose(cell: str) -> bool:
    """A cell that states something (a verb phrase around its figures), not a value ("3.55公顷",
    "力争2000座") that a table reads under its header."""
    return len(_HAN.findall(_QUANTITY.sub("", cell))) > 2


# A regulation or rules in articles (…条例, …实施办法, …规定): standing rules, whose one goal's year (到2027年)
# is no horizon for the duties of other articles (主要河道每周巡查不少于一次).
_STANDING = re.compile(r"(?:条例|办法|规定|细则|规则)(?:\(.{1,12}\))?$")


def _horizon(outline: Outline) -> int | None:
    """The year the goals are set for when the preamble (but its sentence of purpose) and the body name
    exactly one ("到2025年，…", "2025年底前，…"); a document with two horizons (2025 and 2035) gives no
    year to the goals that print none."""
    stated = [s for s in re.split(r"[。\n]", outline.preamble_text.text) if not _PURPOSE.match(s)]
    texts = stated + [i.body.text for i in outline.walk()]
    years = {int(m["to"] or m["by"]) for text in texts for m in _HORIZON.finditer(text)}
    return years.pop() if len(years) == 1 else None


# the year goals are set for: 到2025年, or a deadline opening a sentence (2025年底前，…达到…)
_HORIZON = re.compile(
    r"(?:到|至)(?P<to>(?:19|20)\d\d)年|(?:^|(?<=。))\s*(?P<by>(?:19|20)\d\d)年(?:底前|前|底|末),", re.M
)


# What a response starts on (an emergency plan's 启动条件 of each grade, 响应条件, 预警分级, 分级标准) and
# the items a sentence lists as conditions (出现下列情况之一的，启动Ⅳ级应急响应：; 有下列情形之一的): their
# figures (24小时降雨量达到50毫米以上, 2个以上设区市) are triggers, no goals. So are what an applicant
# must meet (申报条件; 申请认定的企业应当具备以下基本条件：…上年度营业收入不低于1亿元): thresholds of eligibility.
_CONDITIONS = re.compile(
    r"(?:启动|响应|触发|预警)(?:条件|标准)$|(?:申报|申请|认定|评定|准入|遴选)条件$"
    r"|^(?:分级标准|预警(?:级别|分级)|事件分级|基本条件)$"
)
_CONDITIONS_LISTED = re.compile(
    r"(?:下列|以下)(?:情况|情形|条件)之一(?:的|时)|(?:具备|符合|满足)(?:下列|以下|如下)(?:基本|申报|申请)?条件"
)


def _conditions(items: list[Item], inside: bool = False) -> set[str]:
    """The paths of the items that state conditions, not goals: under a heading that names them, or
    listed by a sentence that says they are."""
    found: set[str] = set()
    for item in items:
        here = inside or bool(_CONDITIONS.search(item.title or ""))
        if here:
            found.add(item.path)
        found |= _conditions(item.children, here or bool(_CONDITIONS_LISTED.search(item.body.text)))
    return found


def outline_targets(outline: Outline, places: list[str], task_tables: list[TaskTable] | None = None) -> list[Target]:
    """Every target of a document: its preamble's sentences (path "": the document's, of no measure),
    its items' sentences and the tables they hold, its annexes' sentences and tables (``task_tables``:
    see :func:`task_tables.task_tables`, when read already)."""
    title = " ".join(filter(None, [outline.metadata.title, outline.metadata.enclosed_title]))
    start, default = plan_years(title)
    horizon = _horizon(outline)
    if start is None and not _STANDING.search(outline.metadata.title or ""):
        default = horizon  # no period in the title: the horizon its goals state ("到2025年，…") holds
    issued = min((int(d.date[:4]) for d in outline.metadata.dates), default=None)
    current = start if start is not None and start == default else issued  # a one-year plan's, else the issue's
    tables = body_tables(outline)
    tasks = annex_item_rows(outline, task_tables)
    # a goal the preamble states (…，制定如下措施。到2026年，…比重达到10%以上): the document's own, of no measure
    stated = text_targets("", outline.preamble_text, default, start, places, current=current)
    found = [t for t in stated if not (issued and t.year and t.year < issued)]
    conditions = _conditions(outline.items)
    for item in outline.walk():
        if item.path in conditions:
            continue
        held = [t.table for t in tables if t.home == item.path]
        stated = text_targets(item.path, item.body, default, start, places, [t.span for t in held], current)
        found += [t for t in stated if not (issued and t.year and t.year < issued)]  # the past: what was achieved
        for table in held:  # the item's, unless a row is a task of its own (二/3: a section that is only its table)
            read = table_targets(table, default, start, places, issued, tasks, horizon)
            found += [replace(t, path=item.path) if t.path == table.label else t for t in read]
    for annex in outline.annexes:
        found += table_targets(annex, default, start, places, issued, tasks, horizon)
    return found


def table_targets(
    annex: Annex,
    default_year: int | None,
    start: int | None,
    places: list[str],
    issued: int | None,
    tasks: dict[int, str] | None = None,
    horizon: int | None = None,
) -> list[Target]:
    """The targets of a table, annexed or in the body: its cells under their columns, and the
    sentences of its cells (``tasks``: see :func:`annex_sentence_targets`); ``horizon``: the year the
    document's goals are set for (到2025年)."""
    year = _annex_year(annex, default_year)
    found = annex_targets(annex) or plan_table_targets(annex, year, issued, horizon)
    return found + annex_sentence_targets(annex, default_year, start, places, tasks or {})
