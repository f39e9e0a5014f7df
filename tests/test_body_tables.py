"""Tables in the body of a document (表1 …), printed one cell per line between blank lines: where each
begins and ends, its cells read as an annex table's are, and what its rows become (targets named by
their whole column header, tasks with their bodies and deadlines). Small texts state each rule apart
from any one document; Jiading's sponge-city plan, read by hand, checks them on real tables."""

from __future__ import annotations

from conftest import document
from policykg.graph.annex import grid
from policykg.graph.body_tables import body_tables
from policykg.graph.deadlines import outline_deadlines
from policykg.graph.outline import Outline, parse_outline, read_outline
from policykg.graph.prose import prose_assignments
from policykg.graph.records import SourceText
from policykg.graph.targets import outline_targets
from policykg.graph.task_tables import annex_assignments, annex_deadlines, annex_items

TITLE = "某区绿道建设三年行动方案"


def outline(*paragraphs: str) -> Outline:
    """A document whose paragraphs (and table cells) are printed between blank lines."""
    text = "\n\n".join((TITLE, *paragraphs)) + "\n"
    parsed = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert parsed.problems == []
    return parsed


def cells(parsed: Outline, k: int = 0) -> list[list[str | None]]:
    return [[c.text if c is not None else None for c in row.cells] for row in grid(body_tables(parsed)[k].table)]


def targets(parsed: Outline) -> list[tuple]:
    return [(t.path, t.indicator, t.kind, t.value, t.unit, t.year, t.scope) for t in outline_targets(parsed, [])]


# A plan by year: header cells wrapped over two lines, a share column, a note under the table.
YEARLY = outline(
    "一、工作目标",
    "到2027年,全区绿道总长度达到120公里。年度安排见表1。",
    "表1 某区绿道建设年度计划表",
    "年份", "建设绿道长度\n（公里）", "绿道建成\n总长度占比",
    "2025年", "30", "25%",
    "2026年", "40", "58%",
    "2027年", "50", "100%",
    "注:占比按规划总长度120公里计。",
    "各街镇要按计划推进,2026年底前完成绿道选线80%。",
    "二、保障措施",
    "加强资金保障。",
)  # fmt: skip


def test_a_table_runs_from_its_caption_to_the_sentence_after_its_note():
    (table,) = body_tables(YEARLY)
    assert (table.home, table.table.label, table.table.title) == ("一", "表1", "某区绿道建设年度计划表")
    assert table.table.notes == ("注:占比按规划总长度120公里计。",)
    assert table.table.rows[0].cells == ("年份", "建设绿道长度（公里）", "绿道建成总长度占比")  # wrapped lines joined
    assert cells(YEARLY) == [["2025年", "30", "25%"], ["2026年", "40", "58%"], ["2027年", "50", "100%"]]


def test_a_tables_figures_are_targets_named_by_their_whole_column_and_the_prose_around_it_stays_prose():
    found = targets(YEARLY)
    assert ("一", "建设绿道长度", "level", 30, "公里", 2025, "city") in found
    assert ("一", "绿道建成总长度占比", "share", 58, "%", 2026, "city") in found
    assert ("一", "绿道建成总长度占比", "share", 100, "%", 2027, "city") in found
    goal = ("一", "绿道总长度", "level", 120, "公里", 2027, "city")
    assert [t for t in found if t[3] == 120] == [goal]  # the sentence's, not the note's
    assert [(t[2], t[3], t[5]) for t in found if t[3] == 80] == [("share", 80, 2026)]  # the sentence after it
    assert len(found) == 8


# A task table: a 序号 column, a body's column, a deadline column; one row restates a measure.
TASKS = outline(
    "一、重点任务",
    "(一)加强统筹推进",
    "各部门按照表2分工推进。",
    "表2 重点任务分工表",
    "序号", "工作任务", "完成时限", "责任单位",
    "1", "编制绿道建设专项规划", "2025年6月底前", "区规划资源局",
    "2", "建设环城绿道", "2026年底前", "区绿化市容局、\n区交通委",
    "3", "开展绿道运营评估", "2027年底前", "区绿化市容局",
    "区发展改革委要做好资金保障。",
    "(二)建设环城绿道。推进环城绿道贯通。",
)  # fmt: skip


def test_a_task_table_in_the_body_gives_its_rows_bodies_and_deadlines():
    assert cells(TASKS) == [
        ["1", "编制绿道建设专项规划", "2025年6月底前", "区规划资源局"],
        ["2", "建设环城绿道", "2026年底前", "区绿化市容局、区交通委"],
        ["3", "开展绿道运营评估", "2027年底前", "区绿化市容局"],
    ]  # the sentence after the last row is the item's prose again
    found = [(a.path, a.agency.name, a.role, a.source) for a in annex_assignments(TASKS)]
    assert found == [
        ("一/（一）", "区规划资源局", "responsible", "annex"),  # a task the body does not state: the holding item's
        ("一/（二）", "区绿化市容局", "responsible", "annex"),  # the measure the row names
        ("一/（二）", "区交通委", "responsible", "annex"),
        ("一/（一）", "区绿化市容局", "responsible", "annex"),
    ]
    deadlines = [(d.path, d.date) for d in annex_deadlines(TASKS)]
    assert deadlines == [("一/（一）", "2025-06-30"), ("一/（二）", "2026-12-31"), ("一/（一）", "2027-12-31")]
    assert outline_deadlines(TASKS) == []  # the cells are no deadlines of the item that holds the table
    assert annex_items(TASKS) == []  # a body table's rows are no items of their own
    prose = [(a.path, a.agency.name) for a in prose_assignments(TASKS, lambda name: True) if a.path == "一/（一）"]
    assert prose == [("一/（一）", "区发展改革委")]  # the cells are no prose; the sentence after them is


# Numbered rows whose task cells are sentences, as most task tables print them.
SENTENCE_TASKS = outline(
    "一、重点任务",
    "表5 重点任务分解表",
    "序号", "任务类型", "重点内容", "责任单位",
    "1", "规划管控", "编制专项规划,明确控制指标。", "区规划资源局",
    "2", "项目建设", "推进海绵型道路建设,2026年底前完成道路改造20公里。", "区交通委",
    "区水务局要加强技术指导。",
    "二、保障措施",
)  # fmt: skip


def test_a_sentence_is_a_cell_while_its_numbered_row_lacks_cells_and_prose_after_the_last_row():
    assert cells(SENTENCE_TASKS) == [
        ["1", "规划管控", "编制专项规划,明确控制指标。", "区规划资源局"],
        ["2", "项目建设", "推进海绵型道路建设,2026年底前完成道路改造20公里。", "区交通委"],
    ]
    assert [(a.path, a.agency.name) for a in annex_assignments(SENTENCE_TASKS)] == [
        ("一", "区规划资源局"),
        ("一", "区交通委"),
    ]
    assert [(a.path, a.agency.name) for a in prose_assignments(SENTENCE_TASKS, lambda name: True)] == [
        ("一", "区水务局")
    ]
    assert [(t[0], t[3], t[4], t[5]) for t in targets(SENTENCE_TASKS)] == [("一", 20, "公里", 2026)]  # once


# A unit printed in a row of its own under the measures it counts (长度 over 千米), and a
# project table that ends at the next numbered heading.
UNITS = outline(
    "一、建设任务",
    "表3 农村公路建设项目表",
    "序号", "项目名称", "长度", "面积", "完成年份", "千米", "万平方米",
    "1", "镇村道路大修", "12.5", "3.2", "2025年",
    "2", "桥梁维修改造", "0.8", "0.4", "2026年",
    "二、保障措施",
    "加强资金保障。",
)  # fmt: skip


def test_a_unit_row_names_the_columns_it_sits_under():
    assert body_tables(UNITS)[0].table.rows[0].cells == ("序号", "项目名称", "长度千米", "面积万平方米", "完成年份")
    assert cells(UNITS)[1] == ["2", "桥梁维修改造", "0.8", "0.4", "2026年"]
    assert targets(UNITS) == [
        ("一", "镇村道路大修长度", "level", 12.5, "千米", 2025, "city"),
        ("一", "镇村道路大修面积", "level", 3.2, "万平方米", 2025, "city"),
        ("一", "桥梁维修改造长度", "level", 0.8, "千米", 2026, "city"),
        ("一", "桥梁维修改造面积", "level", 0.4, "万平方米", 2026, "city"),
    ]


# Zones by year: the area column divided into each zone's part and the running total, the year
# and the total printed once for the zones of a year; a zone's own area is no goal.
ZONES = outline(
    "一、工作目标",
    "表1 达标区域推进计划表",
    "年份", "达标区域", "达标区域面积\n(平方公里)", "达标区域\n总面积占比", "片区", "总计",
    "2025年", "甲片区", "4.00", "10.00", "20%",
    "乙片区", "6.00",
    "2026年", "丙片区", "5.00", "15.00", "30%",
    "二、重点任务",
    "加强规划管控。",
)  # fmt: skip


def test_a_quantity_divided_into_parts_and_their_total_is_read_as_two_columns():
    header = body_tables(ZONES)[0].table.rows[0].cells
    assert header[2:] == ("达标区域面积片区(平方公里)", "达标区域面积总计(平方公里)", "达标区域总面积占比")
    assert cells(ZONES) == [
        ["2025年", "甲片区", "4.00", "10.00", "20%"],
        ["2025年", "乙片区", "6.00", "10.00", "20%"],  # the year and the totals span both zones
        ["2026年", "丙片区", "5.00", "15.00", "30%"],
    ]
    assert targets(ZONES) == [
        ("一", "达标区域面积总计", "level", 10, "平方公里", 2025, "city"),
        ("一", "达标区域总面积占比", "share", 20, "%", 2025, "city"),
        ("一", "达标区域面积总计", "level", 15, "平方公里", 2026, "city"),
        ("一", "达标区域总面积占比", "share", 30, "%", 2026, "city"),
    ]


# Rows of a name and a sentence about it: the first row's name reads like a header cell.
SENTENCES = outline(
    "一、重点任务",
    "1.打造示范样板。在重点区域打造示范点,见表4。",
    "表4 示范区建设任务表",
    "示范区", "建设目标",
    "中央活动区", "结合地标建筑群建设,打造示范会客厅。",
    "滨水商务区", "提高雨水资源利用效率,形成地方特色。",
    "2.加强项目管理。严格落实建设要求。",
)  # fmt: skip


def test_rows_of_a_name_and_a_sentence_keep_the_header_to_two_columns():
    assert body_tables(SENTENCES)[0].table.rows[0].cells == ("示范区", "建设目标")
    assert [row[0] for row in cells(SENTENCES)] == ["中央活动区", "滨水商务区"]


# An indicator table as plans print them: a unit column, a baseline year and the goal year.
INDICATORS = [
    "一、主要目标",
    "到2025年,全区制造业高质量发展取得明显成效。",
    "表2 主要指标",
    "序号", "指标", "单位", "2020年", "2025年", "属性",
    "1", "规模以上工业增加值年均增速", "%", "6.5", "8", "预期性",
    "2", "高新技术企业数量", "家", "320", "500", "预期性",
    "二、重点任务",
    "加快技术改造。",
]  # fmt: skip


def test_an_indicator_table_reads_each_rows_unit_and_takes_the_baseline_year_for_no_target():
    text = "\n\n".join((TITLE, "2021年3月1日", *INDICATORS)) + "\n"
    parsed = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert cells(parsed) == [
        ["1", "规模以上工业增加值年均增速", "%", "6.5", "8", "预期性"],  # the unit column holds no bodies
        ["2", "高新技术企业数量", "家", "320", "500", "预期性"],
    ]
    assert targets(parsed) == [
        ("一", "规模以上工业增加值年均增速", "growth", 8.0, "%", 2025, "city"),
        ("一", "高新技术企业数量", "count", 500.0, "家", 2025, "city"),
    ]  # 2020 was over when the plan was issued in 2021: its figures are the baseline


def test_a_note_printed_right_under_a_table_s_rows_ends_them():
    """Rows a line each with no blank line between them, and the note on the next line (注：1.…；
    2.…。): the note is no row, and its closing 。 does not make the rows a sentence of prose."""
    lines = [
        "表1 某市“十四五”生态环境保护主要指标",
        "序号 | 指标名称 | 2020年 | 2025年目标 | 属性",
        "1 | 细颗粒物（PM2.5）年均浓度（微克/立方米） | 48 | 39 | 约束性",
        "2 | 空气质量优良天数比率（%） | 69.4 | 71 | 约束性",
        "注：1.细颗粒物为全市平均值；2.二氧化碳排放降低为五年累计数。",
    ]
    text = "\n".join((TITLE, "2022年1月24日", "一、主要目标", "到2025年，生态环境持续改善。", *lines, "二、保障措施"))
    parsed = parse_outline(SourceText("doc.txt", text + "\n", "utf-8"))
    (table,) = body_tables(parsed)
    assert table.table.notes == (lines[-1],)
    assert [(t.indicator, t.value, t.unit, t.year) for t in outline_targets(parsed, [])] == [
        ("细颗粒物(PM2.5)年均浓度", 39.0, "微克/立方米", 2025),
        ("空气质量优良天数比率", 71.0, "%", 2025),
    ]


def _markdown(table: list[str]) -> list[str]:
    """Cells as a Markdown pipe table: the header, its rule, then rows of ``width`` cells."""
    header, rows = table[:4], table[4:]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(rows[k : k + 4]) + " |" for k in range(0, len(rows), 4)]
    return ["\n".join(lines)]


def test_a_markdown_table_is_read_as_the_same_table_printed_one_cell_per_line():
    printed = ["序号", "指标", "单位", "2027年目标", "1", "绿道总长度", "公里", "120", "2", "驿站数量", "个", "15"]
    head = ["一、工作目标", "到2027年,绿道体系基本建成。", "表1 绿道建设指标"]
    tail = ["二、保障措施", "加强资金保障。"]
    as_cells, as_markdown = outline(*head, *printed, *tail), outline(*head, *_markdown(printed), *tail)
    assert cells(as_markdown) == cells(as_cells) == [["1", "绿道总长度", "公里", "120"], ["2", "驿站数量", "个", "15"]]
    assert (
        targets(as_markdown)
        == targets(as_cells)
        == [
            ("一", "绿道总长度", "level", 120.0, "公里", 2027, "city"),
            ("一", "驿站数量", "count", 15.0, "个", 2027, "city"),
        ]
    )


def test_what_is_no_table():
    prose = outline("一、工作目标", "表1 某区绿道建设年度计划表", "全区绿道总长度达到120公里。", "二、保障措施")
    assert body_tables(prose) == []  # a caption over a figure the text does not hold
    cited = outline("一、工作目标", "表1所列项目应按期完成。", "二、保障措施")
    assert body_tables(cited) == []


def test_jiading_tables_as_a_reader_reads_them():
    """表1 (in 一): per year, the zones assessed, each zone's area, and the running total and share of
    the 100.9 km² base, the total and share printed once for a year's zones; 表2 (in 二/（一）/3): the
    zones whose system plans are drawn each year; 表3 (in 二/（二）/5): five demonstration zones."""
    jiading = read_outline(document("jiading-sponge-city-2024"))
    tables = body_tables(jiading)
    assert [(t.home, t.table.label) for t in tables] == [("一", "表1"), ("二/（一）/3", "表2"), ("二/（二）/5", "表3")]
    plan = cells(jiading, 0)
    header = tables[0].table.rows[0].cells
    assert header[2:] == ("达标区域面积片区（平方公里）", "达标区域面积总计（平方公里）", "达标区域总面积占比")
    assert plan[2] == ["2024年", "嘉北公园二期", "10.46", "40.39", "40%"]
    assert plan[-1] == ["2030年", "嘉定工业区2", "12.37", "90.49", "90%"]
    assert len(plan) == 10 and tables[0].table.notes == ("注：海绵城市建设用地面积要求按照100.9平方公里计。",)
    assert cells(jiading, 1)[3] == ["2027年", "北部科技驿站(朱桥片区)", "4.62", "/"]
    assert [row[0] for row in cells(jiading, 2)] == ["远香湖中央活动区", "嘉宝智慧湾未来城市实践区", "北虹桥商务区",
                                                     "一城一绿环", "西门历史文化风貌区"]  # fmt: skip
    found = [t for t in outline_targets(jiading, []) if t.path in ("一", "二/（一）/3") and t.source == "annex"]
    totals = {t.year: t.value for t in found if t.indicator == "达标区域面积总计"}
    shares = {t.year: t.value for t in found if t.indicator == "达标区域总面积占比"}
    assert totals == {2024: 40.39, 2025: 52.12, 2026: 56.04, 2027: 59.7, 2028: 64.12, 2029: 78.12, 2030: 90.49}
    assert shares == {2024: 40, 2025: 52, 2026: 56, 2027: 59, 2028: 64, 2029: 77, 2030: 90}
    assert len(found) == 14  # not the 2020–2023 row (work done), a zone's own area, or 表2's zone areas


def test_a_plan_box_holds_an_indicator_table_whose_rows_name_their_units():
    """专栏 N, the box of a five-year plan, captions its indicator table, whose targets are the box's;
    each row names its unit after the indicator (指标名称（亿元）), the year before the plan is the
    baseline, not a target."""
    text = "\n".join(
        (
            "某市“十四五”数字经济发展规划",
            "",
            "一、发展目标",
            "到2025年，建成数字经济发展高地。",
            "专栏1 “十四五”数字经济发展主要指标",
            "序号\t指标名称\t2020年\t2025年\t属性",
            "1\t数字经济核心产业增加值占GDP比重（%）\t10.5\t13\t预期性",
            "2\t软件和信息服务业营业收入（亿元）\t4000\t6000\t预期性",
            "3\t5G基站数量（万个）\t3.9\t8\t约束性",
            "二、重点任务",
            "（一）夯实数字基础设施。加快5G网络建设。",
            "",
            "某市人民政府",
            "2022年3月1日",
        )
    )
    parsed = parse_outline(SourceText("doc.txt", text + "\n", "utf-8"))
    assert [(t.path, t.indicator, t.kind, t.value, t.unit, t.year) for t in outline_targets(parsed, [])] == [
        ("一/专栏1", "数字经济核心产业增加值占GDP比重", "share", 13.0, "%", 2025),
        ("一/专栏1", "软件和信息服务业营业收入", "level", 6000.0, "亿元", 2025),
        ("一/专栏1", "5G基站数量", "count", 8.0, "万个", 2025),
    ]


def test_a_table_of_yearly_targets_pasted_with_no_caption():
    """指标名称	2024年	2025年…, straight after the sentence that announces it: its rows are targets of
    each year, a row's unit bracketed with a note (个，累计) its unit."""
    text = (
        f"{TITLE}\n\n2024年3月1日\n\n一、工作目标\n\n到2026年，关键工序数控化率达到63%。分年度目标如下：\n"
        "指标名称\t2024年\t2025年\t2026年\n关键工序数控化率（%）\t58\t60\t63\n数字化车间（个，累计）\t70\t110\t150\n\n"
        "二、重点任务\n\n（一）推进改造。\n"
    )
    found = [t for t in targets(parse_outline(SourceText("doc.txt", text, "utf-8"))) if t[5] != 2026 or t[4] == "个"]
    assert found == [
        ("一", "关键工序数控化率", "share", 58.0, "%", 2024, "city"),
        ("一", "关键工序数控化率", "share", 60.0, "%", 2025, "city"),
        ("一", "数字化车间", "count", 70.0, "个", 2024, "city"),
        ("一", "数字化车间", "count", 110.0, "个", 2025, "city"),
        ("一", "数字化车间", "count", 150.0, "个", 2026, "city"),
    ]


def test_a_table_a_cell_to_the_line_ends_at_its_note_or_the_next_heading():
    """Cells pasted a line each with no blank line after them: a note (注：…) printed right under the
    last cell is a note, and a numbered heading once the last row has its cells opens the body again."""
    box = "专栏1　主要指标\n序号\n指标名称\n单位\n目标值\n1\n能耗降低\n%\n14.5\n2\n公共机构能耗降低\n%\n6\n"
    noted = outline("一、主要目标\n" + box + "注：目标值为2025年目标。", "二、重点任务")
    assert cells(noted)[-1] == ["2", "公共机构能耗降低", "%", "6"]
    assert body_tables(noted)[0].table.notes == ("注：目标值为2025年目标。",)
    headed = parse_outline(
        SourceText("doc.txt", f"{TITLE}\n\n一、主要目标\n{box}二、重点任务\n（一）推进节能改造。\n", "utf-8")
    )
    assert [item.path for item in headed.walk()] == ["一", "一/专栏1", "二", "二/（一）"]
    assert cells(headed)[-1] == ["2", "公共机构能耗降低", "%", "6"]


def test_a_unit_column_holds_no_figures_and_a_dash_says_nothing_of_a_column():
    """单位 over %, 吨 … is no column of figures (a % alone looks like one), and a baseline column
    mostly of dashes (—) still holds figures: a row with another unit (微克/立方米) keeps its cells."""
    rows = [("能耗降低", "%", "—", "14.5"), ("工业能耗降低", "%", "—", "16"), ("化学需氧量减排量", "吨", "—", "20800")]
    rows += [("氨氮减排量", "吨", "—", "900"), ("细颗粒物年均浓度", "微克/立方米", "35.6", "34")]
    rows += [("优良天数比率", "%", "83.1", "84.5"), ("公共机构能耗降低", "%", "—", "6")]
    lines = [f"{k}\n{name}\n{unit}\n{base}\n{goal}\n约束性" for k, (name, unit, base, goal) in enumerate(rows, 1)]
    box = "专栏1　主要指标\n序号\n指标名称\n单位\n2020年基数\n目标值\n属性\n" + "\n".join(lines)
    parsed = outline("一、主要目标\n" + box, "二、重点任务")
    assert cells(parsed)[4] == ["5", "细颗粒物年均浓度", "微克/立方米", "35.6", "34", "约束性"]
