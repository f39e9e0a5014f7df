"""Targets across levels: which target of a lower measure restates a target of the upper measure it
carries out, and how its value stands against the upper one.

Two targets of aligned measures state the same quantity when they are of the same kind, count in the
same base unit, fall due in the same year (or one states none), cover comparable areas and name the
same indicator. The indicator is compared as a reader does: without the words that only say whose
area it is (市域绿道总长度 and 区域绿道总长度 are one indicator), and not when it names another zone
(南汇新城建设用地面积 against 嘉定新城建设用地面积) or another thing (公园 against 口袋公园: a kind
of park is not every park).

How the values compare depends on the quantity. A rate, share or standard (%, 倍, a value per unit,
a time limit) holds for every part of an area, so the lower value is raised, lowered or the same.
An amount (座, 公里, 亿元) adds up over the parts: a district's 230 parks are its part of the city's
1000, not a weaker target; unless the upper target binds each lower area (各区 ... 不少于 ...), the
lower amount is a ``part``. What the upper document allots the lower area by name (西安市 | 80 in a
table of targets by 设区市) is that area's own: the lower amount is raised, lowered or the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from policykg.graph.records import Target
from policykg.graph.responsibilities import similarity
from policykg.graph.targets import PER_TIME, each_member
from policykg.graph.text import HAN
from policykg.graph.units import base_unit

COMPARISONS = ("raised", "lowered", "same", "part")
SAME_INDICATOR = 0.8  # share of character bigrams two indicators must have in common (Dice)
# Words that say whose area a figure covers, not what it measures (全市, 市域, 本区…), and the part of a
# province a provincial figure names (山区26县, 苏北地区, 粤东西北): the lower area is in it.
_AREA_WORDS = re.compile(
    r"^占?(?:[全本各][省市区县镇]|[省市区县镇]域|山区\d*县|[东南西北中]部地区|[苏皖浙粤闽鲁豫湘鄂赣][东南西北中]+(?:地区(?!生产总值))?)"
)
# words that qualify nothing (各类品牌首店 is every 品牌首店), and 规上, short for 规模以上
_NOTHING = re.compile(r"各类|各种")
# the field a plan is about, opening its figure (低空经济领域专利授权量): a lower plan on that field
# counts the same thing without saying so (专利授权量)
_FIELD = re.compile(rf"^[{HAN}]{{2,8}}?领域")
# the grade a thing is recognised at (省级绿色防控示范县, 州级以上龙头企业): another grade is another thing
_GRADE = re.compile(r"(?:国家|省|市|州|盟|县|区|乡)级(?:以上)?")
# A zone named inside an indicator: two or more characters before the kind of zone (南汇新城, 临港新片区).
_ZONE = re.compile(rf"[{HAN}]{{2,4}}?(?:新城|新片区|新区|开发区|示范区|园区|片区|保护区)")
# the building verbs a table's header opens with (新建改造农村供水工程（处）), which prose puts before its
# figure's object and not in its indicator (累计新建改造农村供水工程370处: 农村供水工程)
_WORKS_VERB = re.compile(rf"^(?:累计)?(?:新建|改扩建|改建|扩建|建成|改造)+(?=[{HAN}]{{2}})")
_PER_UNIT = re.compile(r"[亩人户]均|^单位|每(?!年)")  # 亩均投入, 人均收入, 单位GDP能耗, 每万人拥有…
# What a pollution, consumption or harm indicator names (细颗粒物年均浓度, 重污染天数比率, 劣Ⅴ类水体比例,
# 单位GDP能耗, 事故发生率): its figure in a table of goals, with no 以下 printed, is a ceiling all the same;
# not so the cut in it (二氧化碳排放降低, 减排量) nor the share meeting a standard (达标率, 优良比例).
_CEILING = re.compile(r"浓度|排放(?:量|总量|强度)|能耗|劣[ⅤV5五]类|重污染|超标|发生率|死亡|伤亡")
_NO_CEILING = re.compile(r"降低|下降|减少|削减|减排|降幅|达标|优良|去除|消除")
_INTENSIVE_UNITS = {"%", "‰", "倍", "个百分点", "年一遇", "小时", "分钟", "天", "日", "个工作日", "工作日"}


def _indicator(name: str, region_names: tuple[str, ...]) -> str:
    name = unicodedata.normalize("NFKC", name)
    for region in sorted(region_names, key=len, reverse=True):
        name = name.replace(region, "")
    name = _FIELD.sub("", _AREA_WORDS.sub("", _NOTHING.sub("", name.replace("规上", "规模以上"))))
    return _WORKS_VERB.sub("", name)


def same_indicator(upper: str, lower: str, region_names: tuple[str, ...] = ()) -> bool:
    """Whether two indicators name the same quantity, the names of both documents' areas set aside.

    >>> same_indicator("市域绿道总长度", "区域绿道总长度"), same_indicator("公园", "口袋公园")
    (True, False)
    >>> same_indicator("南汇新城建设用地面积", "占嘉定新城建设用地面积", ("嘉定区", "嘉定"))
    False
    >>> same_indicator("山区26县规模以上工业增加值", "规上工业增加值")
    True
    >>> same_indicator("省级以上龙头企业", "州级以上龙头企业")
    False
    >>> same_indicator("低空经济领域国家级专精特新企业", "国家级专精特新企业")
    True
    >>> same_indicator("蔬菜、水果、茶叶农药残留例行监测合格率", "蔬菜农药残留监测合格率")
    True
    """
    a, b = _indicator(upper, region_names), _indicator(lower, region_names)
    if set(_ZONE.findall(a)) != set(_ZONE.findall(b)) or set(_GRADE.findall(a)) != set(_GRADE.findall(b)):
        return False
    pairs = ((x, y) for x in [a, *each_member(a)] for y in [b, *each_member(b)])
    return any(x == y or similarity(x, y) >= SAME_INDICATOR for x, y in pairs)


def intensive(target: Target) -> bool:
    """A rate, share or standard (a coefficient with no unit: PUE降至1.25以下; an amount per mu, head,
    household or unit: 亩均投入不低于3000元, 人均可支配收入), true of every part of an area, rather than
    an amount that adds up."""
    unit = target.unit or ""
    intensive_kinds = ("share", "coverage", "growth", "multiple", "ratio")
    if _PER_UNIT.search(_indicator(target.indicator, ())):
        return True
    per = "/" in re.sub(f"{PER_TIME}$", "", unit)  # 万元/个, 微克/立方米; not a capacity (吨/日), which adds up
    return target.kind in intensive_kinds or unit in _INTENSIVE_UNITS or per or target.unit is None


def _base(target: Target) -> tuple[str, float] | None:
    if target.value is None:
        return None
    unit, factor = base_unit(target.unit or "")  # a coefficient's bare value compares with another's
    return unit, target.value * factor


def compare(upper: Target, lower: Target, region_names: tuple[str, ...] = (), allotted: bool = False) -> str | None:
    """How ``lower`` stands against ``upper`` (one of :data:`COMPARISONS`), or None when they do not
    state the same quantity for comparable areas. ``allotted``: ``upper`` is what the upper document
    allots the lower area (its row in a table of targets by place), an amount it must reach itself."""
    u, v = _base(upper), _base(lower)
    if u is None or v is None or u[0] != v[0] or upper.kind != lower.kind:
        return None
    if upper.year and lower.year and upper.year != lower.year:
        return None
    if lower.scope != "city" or (upper.scope not in ("city", "each-county") and not allotted):
        return None  # a figure for a zone or for each part of the lower area
    if not same_indicator(upper.indicator, lower.indicator, region_names):
        return None
    if not intensive(upper) and upper.scope == "city":
        return "part"
    if u[1] == v[1]:
        return "same"
    return "raised" if (v[1] > u[1]) != _ceiling(upper) else "lowered"


def _ceiling(target: Target) -> bool:
    """Whether a target is a ceiling, the lower the stronger: printed so (<=), or, stated with no
    bound (a table's 39), one an indicator of pollution, consumption or harm sets."""
    if target.comparator in ("<=", ">=", ">"):
        return target.comparator == "<="
    if target.kind == "reduction":  # 能耗下降6%: the cut is the goal, the deeper the stronger
        return False
    name = unicodedata.normalize("NFKC", target.indicator)
    return bool(_CEILING.search(name)) and not _NO_CEILING.search(name)


def comparisons(
    upper: list[Target], lower: list[Target], region_names: tuple[str, ...] = (), allotted: bool = False
) -> Iterator[tuple[int, int, str]]:
    """(index of the upper target, index of the lower target, comparison) for every pair of the
    targets of two aligned measures that state the same quantity (or of the upper targets allotted
    to the lower area and the lower document's targets)."""
    for i, u in enumerate(upper):
        for j, v in enumerate(lower):
            if (found := compare(u, v, region_names, allotted)) is not None:
                yield i, j, found
