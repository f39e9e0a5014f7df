"""Targets across levels: which lower target restates which upper one, and how it stands. The cases
are figures of the development chains as a reader compares them (tests/documents)."""

from __future__ import annotations

from scoring import record

from policykg.graph.records import Span, Target
from policykg.graph.target_levels import compare, comparisons

SHANGHAI, FENGXIAN = ("上海市", "上海"), ("奉贤区", "奉贤")


def target(
    indicator: str, value: float, unit: str | None, kind: str = "level", year: int | None = 2025, **kw
) -> Target:
    fields = dict(value_min=None, value_max=None, category=None, comparator=">=", per_year=False, scope="city",
                  baseline=None, source="body", quote=Span(0, 0))  # fmt: skip
    fields.update(kw)
    return Target("一", indicator, kind, value, unit=unit, year=year, **fields)  # type: ignore[arg-type]


def test_a_rate_is_raised_lowered_or_the_same():
    # 上海 森林覆盖率 19.5% by 2025, 奉贤 17%: the district's share falls short of the city's
    city = target("森林覆盖率", 19.5, "%", "share")
    assert compare(city, target("森林覆盖率", 17, "%", "share"), SHANGHAI + FENGXIAN) == "lowered"
    assert compare(city, target("森林覆盖率", 21, "%", "share")) == "raised"
    assert compare(city, target("森林覆盖率", 19.5, "%", "share")) == "same"


def test_a_ceiling_is_stronger_when_lower():
    limit = target("单位生产总值能耗", 0.4, "吨标准煤/万元", comparator="<=")
    assert compare(limit, target("单位生产总值能耗", 0.38, "吨标准煤/万元", comparator="<=")) == "raised"


def test_a_pollution_figure_in_a_table_of_goals_is_a_ceiling_though_printed_with_no_bound():
    # a city's 细颗粒物年均浓度 39 in its table of goals, the district's 38: the district asks more
    city = target("细颗粒物(PM2.5)年均浓度", 39, "微克/立方米", comparator="=")
    assert compare(city, target("细颗粒物(PM2.5)年均浓度", 38, "微克/立方米", comparator="=")) == "raised"
    severe = target("重污染天数比率", 1.5, "%", "share", comparator="=")
    assert compare(severe, target("重污染天数比率", 2, "%", "share", comparator="=")) == "lowered"
    # a share meeting a standard, and a cut in emissions, are floors
    good = target("空气质量优良天数比率", 71, "%", "share", comparator="=")
    assert compare(good, target("空气质量优良天数比率", 72, "%", "share", comparator="=")) == "raised"
    cut = target("单位地区生产总值二氧化碳排放降低", 18, "%", "share", comparator="=")
    assert compare(cut, target("单位地区生产总值二氧化碳排放降低", 16, "%", "share", comparator="=")) == "lowered"


def test_an_amount_is_the_lower_areas_part_unless_each_area_must_reach_it():
    # 上海 1000座 parks by 2025, 奉贤 230座: its part of the city's thousand, not a weaker target
    assert compare(target("公园", 1000, "座", "count"), target("公园", 230, "座", "count")) == "part"
    # 市域绿道总长度 2000公里 against 区域绿道总长度 200公里: one indicator once the area words go
    assert compare(target("市域绿道总长度", 2000, "公里"), target("区域绿道总长度", 200, "公里")) == "part"
    # 各区 ... 不少于5座: every district must reach it
    each = target("口袋公园", 5, "座", "count", scope="each-county")
    assert compare(each, target("口袋公园", 3, "座", "count")) == "lowered"


def test_a_capacity_per_day_is_the_lower_areas_part():
    # 重庆 厨余垃圾处理能力 5000吨/日, 渝北区 300吨/日: a district's share of the city's capacity, which
    # adds up (a per-time unit), not a weaker standard as a unit cost or a concentration would be
    assert compare(target("厨余垃圾处理能力", 5000, "吨/日"), target("厨余垃圾处理能力", 300, "吨/日")) == "part"


def test_another_quantity_is_not_compared():
    # 公园 (every park) against 口袋公园 (one kind of park), 2025 against 2030, 平方米 against %
    assert compare(target("公园", 100, "座", "count"), target("口袋公园", 3, "座", "count")) is None
    assert compare(target("森林覆盖率", 19.5, "%", "share"), target("森林覆盖率", 23, "%", "share", year=2030)) is None
    assert compare(target("建设用地面积", 50, "%", "share"), target("建设用地面积", 50, "平方公里")) is None
    # a figure of another zone: 南汇新城 60% against 嘉定新城 52%
    nanhui = target("南汇新城建设用地面积", 60, "%", "share")
    assert compare(nanhui, target("占嘉定新城建设用地面积", 52, "%", "share"), ("嘉定区", "嘉定")) is None
    # a lower figure for one zone of the district is not the district's
    district = target("森林覆盖率", 19.5, "%", "share")
    assert compare(district, target("森林覆盖率", 30, "%", "share", scope="金海湖")) is None


def test_the_park_city_chain_compares_its_shares_and_its_amounts():
    upper, lower = record("shanghai-park-city-2021"), record("fengxian-park-city-2021")
    pick = [t for t in upper.targets if t.path == "一/（三）"], [t for t in lower.targets if t.path == "一/（三）"]
    found = {
        (pick[0][i].indicator, pick[1][j].indicator, pick[0][i].year, how)
        for i, j, how in comparisons(*pick, SHANGHAI + FENGXIAN)
    }
    assert ("森林覆盖率", "森林覆盖率", 2025, "lowered") in found  # 19.5% → 17%
    assert ("公园", "公园", 2025, "part") in found  # 1000座 → 230座
    assert all(how != "lowered" or a == b for a, b, _, how in found)


def test_a_coefficient_without_a_unit_is_a_standard_of_every_part():
    # 黑龙江 PUE降至1.25以下, 哈尔滨 1.3以下: a ceiling the city sets higher, so weaker
    province = target("新建大型数据中心电能利用效率(PUE)", 1.25, None, comparator="<=", year=2026)
    city = target("新建大型数据中心电能利用效率(PUE)", 1.3, None, comparator="<=", year=2026)
    assert compare(province, city) == "lowered"
    assert compare(province, target("新建大型数据中心电能利用效率(PUE)", 1.25, "%", comparator="<=", year=2026)) is None


def test_what_the_upper_document_allots_the_lower_area_is_the_lower_area_s_own():
    """A province's table allots each city its amount (西安市 | 80家): the city's own 75家 falls short
    of it, not a part of the province's 300."""
    allotted = target("完成治理企业数", 80, "家", "count", year=2024, scope="西安市")
    assert compare(allotted, target("完成治理企业数", 75, "家", "count", year=2024), allotted=True) == "lowered"
    assert compare(allotted, target("完成治理企业数", 75, "家", "count", year=2024)) is None  # another place's


def test_a_table_s_building_verb_is_no_part_of_the_indicator():
    """新建改造农村供水工程（处） in a province's table against the county's 累计新建改造农村供水工程35处,
    read as 农村供水工程: prose puts the verb before its figure's object, a header keeps it."""
    allotted = target("新建改造农村供水工程", 35, "处", "count", year=2027, scope="琼中黎族苗族自治县")
    assert compare(allotted, target("农村供水工程", 35, "处", "count", year=2027), allotted=True) == "same"
    assert compare(target("改造老旧小区", 100, "个", "count"), target("老旧小区", 10, "个", "count")) == "part"


def test_an_indicator_is_compared_without_what_names_no_quantity():
    """规上 is short for 规模以上; the part of a province a provincial figure names (山区26县, 苏北地区) holds
    the lower area; 各类 qualifies nothing. A grade (省级, 州级以上) names another thing."""
    province = target("山区26县规模以上工业增加值", 8, "%", "growth")
    assert compare(province, target("规上工业增加值", 9, "%", "growth")) == "raised"
    assert compare(target("苏北地区规模以上工业增加值", 8, "%", "growth"), target("规上工业增加值", 8, "%", "growth"))
    assert compare(target("各类品牌首店", 300, "家", "count"), target("品牌首店", 30, "家", "count")) == "part"
    county, plot = target("省级绿色防控示范县", 20, "个", "count"), target("市级绿色防控示范片", 30, "个", "count")
    assert compare(county, plot) is None
    leaders = target("省级以上龙头企业", 1500, "家", "count"), target("州级以上龙头企业", 300, "家", "count")
    assert compare(*leaders) is None


def test_the_field_a_figure_opens_with_is_the_plan_s_own():
    # a city's 低空经济领域专精特新“小巨人”企业 20家 and a district's 专精特新“小巨人”企业 8家 in its plan on
    # the same field: one indicator, the district's part
    city = target("低空经济领域国家级专精特新“小巨人”企业", 20, "家", "count")
    assert compare(city, target("国家级专精特新“小巨人”企业", 8, "家", "count")) == "part"
    assert compare(target("低空经济领域专利授权量", 5000, "件", "count"), target("专利授权量", 800, "件", "count"))


def test_an_amount_per_mu_head_or_household_is_a_standard_of_every_part():
    # 云南 新建高标准农田亩均投入不低于3000元, 大理州 the same: every mu of the prefecture's, not its part
    assert compare(target("高标准农田亩均投入", 3000, "元"), target("高标准农田亩均投入", 3000, "元")) == "same"
    income = target("农村居民人均可支配收入", 2, "万元"), target("农村居民人均可支配收入", 1.8, "万元")
    assert compare(*income) == "lowered"


def test_a_rate_over_a_list_of_kinds_is_compared_with_one_kind_s():
    # 湖南 蔬菜、水果、茶叶农药残留例行监测合格率 98%, 长沙 蔬菜农药残留监测合格率 98.5%
    upper = target("蔬菜、水果、茶叶农药残留例行监测合格率", 98, "%", "share")
    assert compare(upper, target("蔬菜农药残留监测合格率", 98.5, "%", "share")) == "raised"
    # 农业农村部 农产品农药残留例行监测合格率 97%, against the province's list of kinds
    assert compare(target("农产品农药残留例行监测合格率", 97, "%", "share"), upper) == "raised"


def test_a_cut_is_stronger_when_deeper_whatever_it_cuts():
    # 公共机构单位建筑面积能耗下降5% (the indicator read without 下降), a city's 6%: a deeper cut, raised
    cut = target("公共机构单位建筑面积能耗", 5, "%", "reduction", comparator="=")
    assert compare(cut, target("公共机构单位建筑面积能耗", 6, "%", "reduction", comparator="=")) == "raised"


def test_a_capacity_per_day_adds_up_over_the_lower_areas():
    # 新增污水处理能力200万立方米/日 for a province, 30万立方米/日 for a city: its part, not a weaker rate
    province = target("污水处理能力", 200, "万立方米/日", comparator="=")
    assert compare(province, target("污水处理能力", 30, "万立方米/日", comparator="=")) == "part"
    assert compare(target("水价", 3, "元/吨", comparator="="), target("水价", 3.5, "元/吨", comparator="=")) == "raised"
