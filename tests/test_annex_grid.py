"""Annex tables of figures stored flattened, one cell per line: a table without a 序号 column whose
rows open with a name, cells spanning two rows (a place and its population), total rows whose label
spans columns, a header of two levels, and a last row of remarks. Small texts state each rule
apart from any one document; the development documents check them on real tables."""

from __future__ import annotations

from conftest import document
from policykg.graph.annex import grid
from policykg.graph.outline import parse_outline, read_outline
from policykg.graph.records import Annex, SourceText
from policykg.graph.targets import plan_table_targets

BODY = """关于印发《某区应急避难场所建设计划》的通知

一、工作目标

到2023年，全区新增应急避难场所面积5万平方米。

附件：建设推进计划表

"""


def annex(*cells: str) -> Annex:
    """The annex of a document whose table is printed one cell per line, blank lines between cells."""
    text = BODY + "\n\n".join(("附件", "建设推进计划表", *cells)) + "\n"
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert outline.problems == []
    return outline.annexes[0]


def cells(table: Annex) -> list[list[str | None]]:
    return [[c.text if c is not None else None for c in row.cells] for row in grid(table)]


def test_rows_opening_with_a_name_and_a_place_with_its_population_spanning_two_rows():
    """No 序号 column: the header stops before the first row's names (甲镇, 等级); each place has
    two type rows, the second lacking the place and its 规划人口 (a figure of the place)."""
    table = annex(
        "街镇", "类型", "2021年任务(万m2)", "2022年任务(万m2)", "规划人口（万）", "人均面积(m2)",
        "甲镇", "等级", "1.20", "1.30", "27.73", "0.69",
        "社区", "2.10", "2.20", "1.61",
        "乙镇", "等级", "0.50", "0.60", "11.76", "0.69",
        "社区", "1.10", "1.20", "1.61",
        "总计", "等级", "1.70", "1.90", "39.49", "0.69",
        "社区", "3.20", "3.40", "1.61",
        "备  注", "人口按常住人口计；", "面积按建设任务计。",
    )  # fmt: skip
    assert len(table.rows[0].cells) == 6
    assert cells(table)[:6] == [
        ["甲镇", "等级", "1.20", "1.30", "27.73", "0.69"],
        ["甲镇", "社区", "2.10", "2.20", "27.73", "1.61"],
        ["乙镇", "等级", "0.50", "0.60", "11.76", "0.69"],
        ["乙镇", "社区", "1.10", "1.20", "11.76", "1.61"],
        ["总计", "等级", "1.70", "1.90", "39.49", "0.69"],
        ["总计", "社区", "3.20", "3.40", "39.49", "1.61"],
    ]
    assert [row.printed[0] for row in grid(table)][:2] == [True, False]
    assert table.rows[-1].cells == ("备注", "人口按常住人口计；", "面积按建设任务计。")  # the remarks: one row
    found = plan_table_targets(table, 2023, 2021)
    assert [(t.scope, t.value, t.year) for t in found if t.indicator.startswith("社区")][:3] == [
        ("甲镇", 2.1, 2021),
        ("甲镇", 2.2, 2022),
        ("甲镇", 1.61, 2022),
    ]
    assert {t.scope for t in found} == {"甲镇", "乙镇", "city"}


def test_a_totals_label_spans_columns_and_the_rows_below_it_take_what_they_lack():
    """合计 and 总计 print no number; the row under each lacks the cells spanning from it (its
    label, 建设时间, 建设方式, 年度预算), and 总计 spans 序号 … 建设方式 itself."""
    table = annex(
        "序号", "建设时间", "建设方式", "类型", "数量", "面积（万m2）", "年度预算（万元）",
        "1", "2021年", "直接设置", "等级", "25", "13.86", "150",
        "2", "社区", "50", "44.75",
        "合计", "“十四五”期间", "直接设置", "等级", "125", "69.46", "750",
        "社区", "250", "204.75",
        "总计", "等级", "148", "81.86", "5400",
        "社区", "250", "204.75",
    )  # fmt: skip
    assert cells(table) == [
        ["1", "2021年", "直接设置", "等级", "25", "13.86", "150"],
        ["2", "2021年", "直接设置", "社区", "50", "44.75", "150"],
        ["合计", "“十四五”期间", "直接设置", "等级", "125", "69.46", "750"],
        ["合计", "“十四五”期间", "直接设置", "社区", "250", "204.75", "750"],
        ["总计", "总计", "总计", "等级", "148", "81.86", "5400"],
        ["总计", "总计", "总计", "社区", "250", "204.75", "5400"],
    ]
    assert [(row.number, row.group) for row in grid(table)] == [("1", False), ("2", False)] + [(None, False)] * 4


def test_a_header_of_two_levels_is_read_as_its_leaf_columns():
    """长度 over 千米 and 建设年限 over 2021 … 2023: the widest row has eight cells, not ten."""
    table = annex(
        "序号", "项目名称", "长度", "实施面积（亩）", "建设年限", "备注", "千米", "2021", "2022", "2023",
        "1", "生态公益林", "/", "12000", "1500", "2000", "2500", "镇财政承担",
        "2", "经济果林", "/", "1500", "300", "300", "300", "镇财政承担",
    )  # fmt: skip
    assert table.rows[0].cells == (
        "序号", "项目名称", "长度千米", "实施面积（亩）", "建设年限2021", "建设年限2022", "建设年限2023", "备注",
    )  # fmt: skip
    assert cells(table)[1][:7] == ["2", "经济果林", "/", "1500", "300", "300", "300"]
    found = plan_table_targets(table, 2023, 2021)
    assert [(t.value, t.unit, t.year) for t in found[:4]] == [
        (12000.0, "亩", 2023),
        (1500.0, "亩", 2021),
        (2000.0, "亩", 2022),
        (2500.0, "亩", 2023),
    ]


def test_the_development_tables_of_figures_read_by_these_rules():
    shelters = {a.label: a for a in read_outline(document("fengxian-emergency-shelters-2022")).annexes}
    plan = cells(shelters["附表1"])
    assert len(shelters["附表1"].rows[0].cells) == 11
    assert plan[1][:3] == ["南桥镇", "社区", "0.00"] and plan[1][9:] == ["27.73", "1.61"]
    assert [r[0] for r in plan if r[1] == "社区"][-1] == "总计"
    projects = cells(shelters["附表2"])
    assert projects[18:25] == [
        ["合计", "“十四五”期间", "直接设置", "等级(Ⅲ类固定短期)", "125", "69.46", "500", "750"],
        ["合计", "“十四五”期间", "直接设置", "社区", "250", "204.75", "250", "750"],
        ["合计", "“十四五”期间", "配建设置/融入新建", "等级(Ⅰ类)", "2", "6", "1800", "4650"],
        ["合计", "“十四五”期间", "配建设置/融入新建", "等级(Ⅱ类)", "4", "2.8", "810", "4650"],
        ["合计", "“十四五”期间", "配建设置/融入新建", "等级(Ⅲ类)", "17", "5.1", "2040", "4650"],
        ["总计", "总计", "总计", "等级", "148", "81.86", "5150", "5400"],
        ["总计", "总计", "总计", "社区", "250", "204.75", "250", "5400"],
    ]
    assert projects[25][0] == "备注" and len(projects) == 26
    forest = next(a for a in read_outline(document("fengxian-park-city-2021")).annexes if a.label == "附件3")
    assert len(forest.rows[0].cells) == 13 and forest.rows[0].cells[7] == "建设年限2021"
    assert cells(forest)[13][6:12] == ["12000", "1500", "2000", "2500", "3000", "3000"]


def test_a_table_of_targets_by_place_names_each_place_and_each_column_its_own_unit():
    """A 目标任务分解表 names its places under 县（市） (or 设区市, 市（州）…), and each column its year,
    indicator and unit (2027年农业总产值（亿元）): every cell is the target of its row's place, in its
    own column's unit; how a quantity changes (较2020年下降比例) is its kind, not its name."""
    table = annex(
        "序号", "县（市）", "2027年农业总产值（亿元）", "2027年高标准农田面积（万亩）",
        "2025年化肥用量较2020年下降比例（%）",
        "1", "大理市", "70", "16", "5",
        "2", "祥云县", "45", "12", "4",
    )  # fmt: skip
    found = plan_table_targets(table, 2027, 2024)
    assert [(t.scope, t.indicator, t.value, t.unit, t.kind) for t in found if t.scope == "大理市"] == [
        ("大理市", "农业总产值", 70, "亿元", "level"),
        ("大理市", "高标准农田面积", 16, "万亩", "level"),
        ("大理市", "化肥用量", 5, "%", "reduction"),
    ]


def _lined(*cells: str) -> Annex:
    """The annex of a document whose table is printed one cell per line, no blank lines between."""
    text = BODY + "\n".join(("附件", "重点项目表", *cells)) + "\n"
    return parse_outline(SourceText("doc.txt", text, "utf-8")).annexes[0]


def test_a_figure_that_is_the_next_row_s_number_stays_in_its_column():
    """A project's investment (总投资 3 in row 2) may be the number the next row opens with: it is
    the row's own figure when that number comes again where the row is full."""
    header = ("序号", "项目名称", "建设内容", "总投资（亿元）", "建设年限", "责任单位")
    rows = (
        ("1", "数据中心", "建设标准机架1.2万架", "35", "2024—2026年", "区发改局"),
        ("2", "千兆光网升级工程", "改造光纤接入网络", "3", "2024—2025年", "区经信局"),
        ("3", "公共充电网络建设", "建设公共充电桩5000个", "4", "2024—2026年", "区发改局"),
        ("4", "智慧农业示范基地", "建设物联网监测站点200个", "1.5", "2024—2026年", "区农业农村局"),
    )
    for printed in (annex, _lined):
        table = printed(*header, *(cell for row in rows for cell in row))
        assert cells(table) == [list(row) for row in rows]


def test_a_form_s_fill_in_lines_sample_row_and_notes_are_no_rows():
    """A form to fill in (项目汇总表): the line above its header (填报单位（盖章）：… 填报日期：), the row
    showing how to fill it in (示例 where the numbers go) and its notes (填表说明：1.… 2.…) are printed
    with it, not entries of it; its empty rows keep their numbers."""
    header = ("序号", "项目名称", "建设单位", "总投资（万元）", "建设内容", "联系人")
    sample = ("示例", "XX公司智能化改造项目", "XX有限公司", "12000", "购置数控机床120台（套）", "张XX")
    notes = ("填表说明：\n1.设备购置投资占比原则上不低于40%。\n2.请于2024年5月20日前报送。",)
    text = BODY + "\n".join(("附件", "项目汇总表", "填报单位（盖章）：      填报日期：  年 月 日", *header, *sample))
    table = parse_outline(SourceText("doc.txt", text + "\n1\n2\n合计\n\n" + notes[0] + "\n", "utf-8")).annexes[0]
    assert list(table.rows[0].cells) == list(header)
    assert [row[0] for row in cells(table)] == ["1", "2", "合计"]
    assert table.notes[0].startswith("填报单位") and table.notes[1].startswith("填表说明")
    assert table.notes[2].startswith("示例 | XX公司智能化改造项目")


def test_a_table_by_county_a_cell_to_the_line_with_counts_and_a_total():
    """县（市、区） names a column though its brackets list kinds; a count a year (个/年) names a column
    of figures, so a figure that is the next row's number (3 in row 1) stays in its column; the total
    row (合计), which has no number, ends the last numbered row: no cell of that row wraps into it."""
    header = ("序号", "县（市、区）", "项目（个/年）", "示范工厂（家）", "淘汰设备（台套）")
    rows = (("1", "甲县", "3", "0", "100"), ("2", "乙县", "3", "1", "300"), ("3", "丙县", "6", "1", "250"))
    table = _lined(*header, *(c for row in rows for c in row), "合计", "12", "2", "650")
    assert list(table.rows[0].cells) == list(header)
    assert cells(table) == [*map(list, rows), ["合计", "合计", "12", "2", "650"]]


def test_a_body_whose_brackets_list_places_fills_a_column_of_bodies():
    """各县（市、区）政府 names a body though its brackets list places: the cell after it, a deadline,
    is the same row's, not a row of its own; so does a railway's 车务段."""
    header = ("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限")
    rows = (
        ("1", "严控落后产能", "淘汰步进式烧结机。", "市发展改革委", "市工业和信息化局", "2025年底前"),
        ("2", "动态清零", "建立网格化排查机制。", "市生态环境局", "各县（市、区）政府", "持续推进"),
        ("3", "清洁运输", "推进公转铁。", "市交通运输局", "中国铁路北京局集团有限公司石家庄车务段", "2025年底前"),
        ("4", "治理设施", "依法查处。", "市生态环境局", "各县（市、区）政府", "2024年底前"),
    )
    table = annex(*header, *(c for row in rows for c in row))
    assert cells(table) == [[c.replace("（", "(").replace("）", ")") for c in row] for row in rows]  # as normalised


def test_a_column_of_bodies_holds_the_sub_district_offices():
    """街道办事处 is a body (a 处, as 管理处 is): a row's last cell naming the sub-district offices
    (各乡镇人民政府、街道办事处) is its own 责任单位, not a row of its own."""
    header = ("序号", "重点工作", "牵头单位", "责任单位")
    rows = (
        ("1", "全区地区生产总值增长6.5%左右。", "区发展改革局", "区统计局"),
        ("2", "城镇新增就业5500人。", "区人社局", "各乡镇人民政府、街道办事处"),
        ("3", "改造城镇老旧小区30个。", "区住建局", "各街道办事处"),
    )
    table = _lined(*header, *(c for row in rows for c in row))
    assert cells(table) == [list(row) for row in rows]
