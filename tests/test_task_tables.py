"""Annex task tables stored flattened, one cell per line: rows rebuilt (cells spanning rows, header
rows repeated after a page break, cells wrapped over lines, group rows), columns read by their names,
and each row's path. Small texts state each rule apart from any one document; the development
documents check them on real tables."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

from conftest import document, golden
from policykg.graph.annex import grid
from policykg.graph.extract import extract, extract_document
from policykg.graph.gazetteer import Gazetteer
from policykg.graph.outline import Outline, parse_outline, read_outline
from policykg.graph.records import SourceText
from policykg.graph.targets import outline_targets
from policykg.graph.task_tables import annex_assignments, annex_items

BODY = """关于印发《某区2025年城市更新工作要点》的通知

一、总体要求

坚持规划引领。

二、重点任务

（一）推进旧区改造。加快推进零星旧改。

（二）加强组织保障。建立工作机制。

附件：重点任务推进表

"""


def table(*cells: str) -> Outline:
    """A document whose annex table is printed one cell per line, blank lines between cells."""
    text = BODY + "\n\n".join(("附件", "重点任务推进表", *cells)) + "\n"
    return parse_outline(SourceText("doc.txt", text, "utf-8"))


def found(outline: Outline) -> list[tuple[str | None, str, str]]:
    return [(a.path, a.agency.name, a.role) for a in annex_assignments(outline)]


@cache
def dev(stem: str) -> Outline:
    return read_outline(document(stem))


# -- rows ---------------------------------------------------------------------------------------


def test_a_responsible_cell_spanning_rows_belongs_to_each_row_it_spans():
    """任务类型 left of 序号 and 推进单位 both span rows: the rows below print neither."""
    outline = table(
        "任务类型", "序号", "工作任务", "推进单位",
        "规划引领", "1", "编制城市更新专项规划", "区规划资源局",
        "2", "开展城市体检评估工作",
        "项目实施", "3", "推进旧区改造", "区旧改办、各街镇",
        "4", "实施老旧小区综合改造",
    )  # fmt: skip
    assert [r.cells for r in outline.annexes[0].rows[1:]] == [
        ("规划引领", "1", "编制城市更新专项规划", "区规划资源局"),
        ("2", "开展城市体检评估工作"),
        ("项目实施", "3", "推进旧区改造", "区旧改办、各街镇"),
        ("4", "实施老旧小区综合改造"),
    ]
    assert outline.problems == []
    assert [[c.text for c in row.cells] for row in grid(outline.annexes[0])][1] == [
        "规划引领", "2", "开展城市体检评估工作", "区规划资源局",
    ]  # fmt: skip
    assert found(outline) == [
        ("附件/1", "区规划资源局", "responsible"),
        ("附件/2", "区规划资源局", "responsible"),
        ("二/（一）", "区旧改办", "responsible"),
        ("二/（一）", "各街镇", "responsible"),
        ("附件/4", "区旧改办", "responsible"),
        ("附件/4", "各街镇", "responsible"),
    ]


def test_a_scoring_table_s_rows_score_the_body_s_tasks_and_state_none():
    """考核指标及评分细则: 序号 | 考核指标 | 分值 | 评分标准 | 责任单位. A row the body states is its task;
    a bonus the body does not state (加分项) is a way to earn points, no task of its own (附件/2)."""
    outline = table(
        "序号", "考核指标", "分值", "评分标准", "责任单位",
        "1", "推进旧区改造", "20", "完成年度任务的得20分，每低1个百分点扣1分", "区旧改办",
        "2", "改革创新加分", "5", "经验做法被市级推广的，每项加1分", "区发展改革委",
    )  # fmt: skip
    assert found(outline) == [("二/（一）", "区旧改办", "responsible")]
    assert annex_items(outline) == []


def test_a_lead_cell_merged_over_rows_inside_the_row():
    """A table flattened from Word prints a merged 牵头单位 once: the rows below it lack that cell,
    between their measures and their 责任单位, and still print their deadline."""
    outline = table(
        "序号", "重点任务", "牵头单位", "责任单位", "完成时限",
        "1", "实施企业数字化改造", "市经信局", "各县市区人民政府", "2024年12月底",
        "2", "推动中小企业数字化转型", "市财政局", "2024年11月底",
    )  # fmt: skip
    assert found(outline) == [
        ("附件/1", "市经信局", "lead"),
        ("附件/1", "各县市区人民政府", "responsible"),
        ("附件/2", "市经信局", "lead"),
        ("附件/2", "市财政局", "responsible"),
    ]


def test_a_group_row_after_a_row_lacking_its_merged_cells_starts_a_row():
    """A group row whose number and title share a cell (三、夯实数字基础) after a row that lacks its
    merged deadline starts a row of its own, not that row's last cell; enterprises and universities
    answer in a body column."""
    outline = table(
        "序号", "重点任务", "牵头单位", "责任单位", "完成时限",
        "一、推进企业数字化改造",
        "1", "加强工业互联网安全", "市委网信办", "市公安局", "2024年12月底",
        "2", "开展网络安全检查", "市委网信办", "市经信局",
        "二、夯实数字基础设施",
        "3", "加快5G网络建设", "市通信发展管理办公室", "各基础电信企业，三峡大学", "2024年12月底",
    )  # fmt: skip
    rows = [[c.text if c else None for c in row.cells] for row in grid(outline.annexes[0])]
    assert rows[3][0] == "二、夯实数字基础设施" and rows[3][1:] == [None] * 4
    assert rows[4] == ["3", "加快5G网络建设", "市通信发展管理办公室", "各基础电信企业,三峡大学", "2024年12月底"]


def test_a_short_label_before_the_number_is_the_rows_own_when_every_row_prints_its_body():
    outline = table(
        "任务类型", "序号", "工作任务", "推进单位",
        "规划引领", "1", "编制城市更新专项规划", "区规划资源局",
        "2", "开展城市体检评估工作", "区建设管理委",
        "项目实施", "3", "推进旧区改造", "区旧改办",
    )  # fmt: skip
    assert [len(r.cells) for r in outline.annexes[0].rows] == [4, 4, 3, 4]
    assert [agency for _, agency, _ in found(outline)] == ["区规划资源局", "区建设管理委", "区旧改办"]


def test_a_category_after_the_number_spans_rows_and_names_their_measure():
    """分项任务 printed once for three rows (the rows below lack the cell right after their number)."""
    outline = table(
        "任务编号", "分项任务", "工作任务", "主要部门",
        "1", "推进旧区改造", "推进零星旧改地块征收", "区旧改办",
        "2", "推进成片旧区改造", "区旧改办、",  "区房管局",
        "3", "加强组织保障", "建立工作机制", "区建设管理委",
    )  # fmt: skip
    rows = grid(outline.annexes[0])
    assert [row.cells[1].text for row in rows] == ["推进旧区改造", "推进旧区改造", "加强组织保障"]
    assert [row.printed[1] for row in rows] == [True, False, True]
    assert found(outline) == [
        ("二/（一）", "区旧改办", "responsible"),
        ("二/（一）", "区旧改办", "responsible"),
        ("二/（一）", "区房管局", "responsible"),  # "区旧改办、" wraps onto the next line
        ("二/（二）", "区建设管理委", "responsible"),
    ]


def test_a_group_row_stays_a_group_row_and_its_title_spans_its_rows():
    outline = table(
        "序号", "重点任务", "具体工作", "时间进度", "责任部门",
        "一", "推进旧区改造",
        "1", "推进零星旧改地块征收", "全年推进", "区旧改办",
        "2", "完成历史风貌区保护修缮", "年内完成", "区房管局",
        "二", "加强组织保障",
        "3", "建立月度推进例会制度", "全年推进", "区建设管理委",
    )  # fmt: skip
    rows = grid(outline.annexes[0])
    assert [(row.number, row.group) for row in rows] == [
        ("一", True),
        ("1", False),
        ("2", False),
        ("二", True),
        ("3", False),
    ]
    assert outline.problems == []
    assert [path for path, _, _ in found(outline)] == ["二/（一）", "二/（一）", "二/（二）"]


def test_a_header_repeated_after_a_page_break_is_no_row():
    outline = table(
        "序号", "工作任务", "责任单位",
        "1", "编制城市更新专项规划", "区规划资源局",
        "序号", "工作任务", "责任单位",
        "2", "开展城市体检评估工作", "区建设管理委",
    )  # fmt: skip
    assert [r.cells[0] for r in outline.annexes[0].rows] == ["序号", "1", "2"]


def test_figures_are_no_row_numbers_and_a_total_row_starts_on_its_label():
    outline = table(
        "序号", "项目名称", "面积（公顷）", "备注",
        "1", "滨海湿地公园", "40",
        "2", "城市中央公园", "12", "需动迁",
        "合计", "52",
    )  # fmt: skip
    assert [r.cells for r in outline.annexes[0].rows[1:]] == [
        ("1", "滨海湿地公园", "40"),
        ("2", "城市中央公园", "12", "需动迁"),
        ("合计", "52"),
    ]
    assert outline.problems == []


def test_a_support_cell_the_row_does_not_print_is_empty_not_spanning():
    """A task always has a lead, so a missing one spans from above; it may have no support."""
    outline = table(
        "序号", "工作任务", "牵头单位", "配合单位",
        "1", "编制城市更新专项规划", "区规划资源局", "区建设管理委",
        "2", "开展城市体检评估工作",
        "3", "建立更新项目储备库", "区发展改革委", "各街镇",
    )  # fmt: skip
    assert found(outline) == [
        ("附件/1", "区规划资源局", "lead"),
        ("附件/1", "区建设管理委", "support"),
        ("附件/2", "区规划资源局", "lead"),
        ("附件/3", "区发展改革委", "lead"),
        ("附件/3", "各街镇", "support"),
    ]


def test_the_lead_marked_in_a_responsible_cell_leads_and_the_others_support():
    outline = table(
        "序号", "工作任务", "责任单位",
        "1", "编制城市更新专项规划", "区规划资源局（牵头）、区建设管理委",
        "2", "开展城市体检评估工作", "区建设管理委",
    )  # fmt: skip
    assert found(outline) == [
        ("附件/1", "区规划资源局", "lead"),
        ("附件/1", "区建设管理委", "support"),
        ("附件/2", "区建设管理委", "responsible"),
    ]


def test_a_table_cut_off_in_its_last_row_is_reported():
    outline = table(
        "序号", "工作任务", "牵头单位", "配合单位",
        "1", "编制城市更新专项规划", "区规划资源局", "区建设管理委",
        "2", "开展城市体检评估工作",
    )  # fmt: skip
    assert [p.message for p in outline.problems] == ["附件: row 2 has 2 of 4 cells (truncated table?)"]
    assert [path for path, _, _ in found(outline)] == ["附件/1", "附件/1"]


# -- paths --------------------------------------------------------------------------------------


def test_numbering_that_restarts_in_each_group_is_prefixed_by_the_groups_number():
    outline = table(
        "序号", "工作任务", "牵头单位", "配合单位",
        "一", "规划引领",
        "1", "编制城市更新专项规划", "区规划资源局", "区建设管理委",
        "二", "项目实施",
        "1", "推进旧区改造工作", "区旧改办", "各街镇",
        "2", "实施老旧小区综合改造", "区房管局", "各街镇",
    )  # fmt: skip
    assert [path for path, _, role in found(outline) if role == "lead"] == ["附件/一/1", "二/（一）", "附件/二/2"]
    items = annex_items(outline)
    assert [(i.path, i.number, i.title) for i in items] == [
        ("附件/一", "一", "规划引领"),
        ("附件/一/1", "1", "编制城市更新专项规划"),
        ("附件/二", "二", "项目实施"),
        ("附件/二/2", "2", "实施老旧小区综合改造"),
    ]
    assert {a.path for a in annex_assignments(outline)} <= {i.path for i in items} | {"二/（一）"}


def test_a_row_that_restates_a_body_paragraph_belongs_to_its_item():
    outline = table(
        "序号", "任务类型", "重点内容", "责任单位",
        "1", "零星旧改", "加快推进零星旧改", "区旧改办",
    )  # fmt: skip
    assert found(outline) == [("二/（一）", "区旧改办", "responsible")]


GOALS_AND_TABLE = (
    "关于印发某市数字乡村建设实施方案的通知\n\n一、工作目标\n\n到2025年，全市行政村5G网络通达率达到100%，"
    "农产品网络零售额达到150亿元。\n\n二、主要任务\n\n本方案主要任务及分工见附件。\n\n"
    + "\n\n".join(
        (
            "附件",
            "重点任务分工表",
            "序号",
            "重点任务",
            "牵头单位",
            "1",
            "推进农村千兆光网和5G网络建设，到2025年行政村5G网络通达率达到100%",
            "市工业和信息化局",
        )
    )  # fmt: skip
    + "\n"
)


def test_a_row_whose_target_alone_the_body_states_is_a_task_of_its_own():
    """The goals (到2025年，5G网络通达率达到100%) restate a row's target, not its task
    (推进农村5G网络建设): the row is the annex's own measure, not the goals', and so is its target."""
    outline = parse_outline(SourceText("doc.txt", GOALS_AND_TABLE, "utf-8"))
    assert [item.path for item in annex_items(outline)] == ["附件/1"]
    assert [a.path for a in annex_assignments(outline)] == ["附件/1"]
    rows = {(t.path, t.indicator, t.value) for t in outline_targets(outline, []) if t.source == "annex"}
    assert rows == {("附件/1", "行政村5G网络通达率", 100.0)}


def test_a_project_table_names_its_rows_by_words_not_by_their_figures_or_years():
    """A plan's project table prints figures and dates before the body that answers for a project
    (总投资（亿元） 15 | 建设年限 2024-2026 | 责任单位): the item a project becomes is named by its words,
    its name (项目名称) its title, its name and content (建设内容) its text."""
    rows = [
        ("序号", "项目名称", "建设内容", "总投资（亿元）", "建设年限", "责任单位"),
        ("1", "智慧交通平台", "建设交通大数据平台", "2", "2024", "区交通委"),
        ("2", "城市更新展示中心", "改造展示中心一处", "0.5", "2024-2025", "区规划资源局"),
    ]
    text = BODY + "附件\n\n重点项目表\n\n" + "\n".join("\t".join(row) for row in rows) + "\n"
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [(item.path, item.title, item.text) for item in annex_items(outline)] == [
        ("附件/1", "智慧交通平台", "智慧交通平台建设交通大数据平台"),
        ("附件/2", "城市更新展示中心", "城市更新展示中心改造展示中心一处"),
    ]
    assert found(outline) == [("附件/1", "区交通委", "responsible"), ("附件/2", "区规划资源局", "responsible")]


# -- the development documents ------------------------------------------------------------------


def test_a_work_plans_task_rows_take_their_groups_measure():
    """67 tasks in 14 groups (一…十四) whose 重点任务 are the body's 二/（一）…二/（十四）."""
    stem = "jingan-carbon-peak-workplan-2026"
    record = extract_document(document(stem))
    gz = Gazetteer.bundled()
    want = Counter(
        (a["path"], gz.resolve(a["agency"], record.city).iri, a["role"], a["rank"])
        for a in golden(stem, "responsibilities")["assignments"]
        if a["source"] == "annex"
    )
    got = Counter((a.path, r.iri, a.role, a.rank) for a, r in record.assignments if a.source == "annex")
    assert got == want
    assert not [p for p in record.problems if "truncated" in p.message]


def test_a_category_cell_spanning_three_rows_and_wrapped_department_lists():
    annex = next(a for a in dev("shanghai-park-city-2021").annexes if a.label == "附表2")
    rows = grid(annex)
    assert [r.number for r in rows] == [str(n) for n in range(1, 11)]
    assert [r.cells[1].text for r in rows[:4]] == ["重点发展区域", "重点发展区域", "重点发展区域", "重大建设项目"]
    assert rows[1].cells[3].text == "嘉定区、青浦区、松江区、奉贤区政府,临港新片区管委会"
    assert {a.path for a in annex_assignments(dev("shanghai-park-city-2021"))} == {
        "二/（三）/1", "二/（三）/2", "二/（三）/3",
    }  # fmt: skip


def test_tables_with_merged_cells_read_without_truncation_warnings():
    for stem in ("fengxian-emergency-shelters-2022", "fengxian-park-city-2021", "jiading-sponge-city-2024"):
        assert not [p for p in dev(stem).problems if "truncated" in p.message], stem


def test_merged_cells_of_a_project_table_are_carried_to_the_rows_they_span():
    """附表2: 建设时间 and 建设方式 span the rows of a year, 年度预算 too; the cells' kinds place them."""
    annex = next(a for a in dev("fengxian-emergency-shelters-2022").annexes if a.label == "附表2")
    rows = {r.number: [c.text if c else None for c in r.cells] for r in grid(annex) if r.number}
    assert rows["2"] == ["2", "2021年", "直接设置", "社区", "50", "44.75", "50", "150"]
    assert rows["8"] == ["8", "2023年", "配建设置/融入新建", "等级(Ⅱ类固定短期)", "2", "1.2", "340", "2210"]
    assert len(rows) == 18


def test_every_assignment_belongs_to_an_item_even_when_a_row_names_no_task():
    # A group row padded with empty cells (non-breaking spaces, as some exports print them) shifts
    # the row after the second group: its task lands in 牵头单位 and it names no task. Its agencies
    # then belong to no measure, rather than to an item no reading makes (the build failed on it).
    outline = table(
        "序号", "专项工作", "牵头单位", "配合单位",
        "推进开放合作", "\u00a0", "\u00a0",
        "1", "引导5G绿色园区推广", "市科技局", "市招商局",
        "2", "推动招商引资体制创新", "市税务局", "市财政局",
        "深化数字赋能", "\u00a0", "\u00a0",
        "1", "加强开发区规划布局", "市科技局", "市财政局",
    )  # fmt: skip
    items = {i.path for i in annex_items(outline)} | {i.path for i in outline.walk()}
    assert {a.path for a in annex_assignments(outline)} - items == {None}


PRINTED = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
PRINTED += ["1", "推进旧区改造", "区房管局", "区发展改革委、区财政局", "2025年底前"]
PRINTED += ["2", "建立工作机制", "区建设管理委", "各街镇", "2025年6月底前"]
ROWS = [PRINTED[k : k + 5] for k in range(0, len(PRINTED), 5)]  # the same table, a row at a time


def test_a_table_a_pdf_aligns_in_columns_of_spaces_reads_as_the_same_table_printed_one_cell_per_line():
    rows = ROWS
    widths = [max(len(r[j]) for r in rows) * 2 + 2 for j in range(5)]  # as pdftotext -layout pads them
    aligned = [
        "".join(cell.ljust(w, "　" if j % 2 else " ") for j, (cell, w) in enumerate(zip(r, widths))) for r in rows
    ]
    as_columns = parse_outline(
        SourceText("doc.txt", BODY + "附件\n\n重点任务推进表\n\n" + "\n".join(aligned) + "\n", "utf-8")
    )
    (annex,) = as_columns.annexes
    assert [r.cells for r in annex.rows] == [tuple(r) for r in rows]
    assert found(as_columns) == found(table(*PRINTED))


def _print_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_a_cell_wrapped_in_a_table_aligned_in_spaces_continues_the_cell_it_stands_under():
    """pdftotext -layout wraps a long cell onto the next line, under its own column: 区发展改革委、
    区财政局 printed as 区发展改革委、 / 区财政局 under 配合单位, not run into 完成时限."""
    starts = [0, 8, 30, 48, 72]  # the columns, in print width (a CJK character is two columns)

    def line(cells: list[str]) -> str:
        out = ""
        for start, cell in zip(starts, cells):
            if cell:
                out += " " * (start - _print_width(out)) + cell
        return out

    rows = [
        ROWS[0],
        ["1", "推进旧区改造", "区房管局", "区发展改革委、", "2025年底前"],
        ["", "", "", "区财政局", ""],
        ROWS[2],
    ]
    text = BODY + "附件\n\n重点任务推进表\n\n" + "\n".join(map(line, rows)) + "\n"
    (annex,) = parse_outline(SourceText("doc.txt", text, "utf-8")).annexes
    assert [r.cells for r in annex.rows] == [tuple(r) for r in ROWS]


def test_a_markdown_task_table_reads_as_the_same_table_printed_one_cell_per_line():
    printed, rows = PRINTED, ROWS
    markdown = [
        "| " + " | ".join(rows[0]) + " |",
        "|:---:|---|---|---|---|",
        *("| " + " | ".join(r) + " |" for r in rows[1:]),
    ]
    as_cells = table(*printed)
    as_markdown = parse_outline(
        SourceText("doc.txt", BODY + "附件\n\n重点任务推进表\n\n" + "\n".join(markdown) + "\n", "utf-8")
    )
    (annex,) = as_markdown.annexes
    assert annex.title == "重点任务推进表" and [r.cells for r in annex.rows] == [tuple(r) for r in rows]
    assert (
        found(as_markdown)
        == found(as_cells)
        == [
            ("二/（一）", "区房管局", "lead"),
            ("二/（一）", "区发展改革委", "support"),
            ("二/（一）", "区财政局", "support"),
            ("二/（二）", "区建设管理委", "lead"),
            ("二/（二）", "各街镇", "support"),
        ]
    )


def test_a_document_that_is_a_table_reads_as_a_task_table_of_its_own():
    """A 任务分解表 issued as the document itself: no numbered items, no 附件, the table under its
    caption, the signature and date after it."""
    rows = ROWS
    text = "\n".join(
        [
            "某区人民政府办公室关于印发某区2025年城市更新任务分解表的通知",
            "各街镇，区政府各部门：",
            "现将《某区2025年城市更新任务分解表》印发给你们，请认真抓好落实。",
            "某区2025年城市更新任务分解表",
            *("\t".join(r) for r in rows),
            "某区人民政府办公室",
            "2025年1月20日",
        ]
    )
    outline = parse_outline(SourceText("doc.txt", text + "\n", "utf-8"))
    (annex,) = outline.annexes
    assert (annex.label, annex.title) == ("表", "某区2025年城市更新任务分解表")
    assert [r.cells for r in annex.rows] == [tuple(r) for r in rows]
    assert [d.date for d in outline.metadata.dates] == ["2025-01-20"]
    assert not [p for p in outline.problems if "numbered items" in p.message]
    assert found(outline) == [
        ("表/1", "区房管局", "lead"),
        ("表/1", "区发展改革委", "support"),
        ("表/1", "区财政局", "support"),
        ("表/2", "区建设管理委", "lead"),
        ("表/2", "各街镇", "support"),
    ]


def test_a_table_right_after_the_sentence_that_issues_it_has_no_caption_to_have():
    """A web page often prints the issued list straight after the notice's sentence, with no title
    over it: the table is still the document's; the sentence stays in the preamble (its citation)."""
    text = "\n".join(
        [
            "某区人民政府办公室关于印发某区2025年城市更新任务分解表的通知",
            "各街镇，区政府各部门：",
            "现将《某区2025年城市更新任务分解表》印发给你们，请认真抓好落实。",
            "",
            *("| " + " | ".join(r) + " |" for r in ROWS),
            "",
            "某区人民政府办公室",
            "2025年1月20日",
        ]
    )
    outline = parse_outline(SourceText("doc.txt", text + "\n", "utf-8"))
    (annex,) = outline.annexes
    assert (annex.label, annex.title) == ("表", None)
    assert outline.preamble_text.text.endswith("请认真抓好落实。")
    assert [path for path, _, role in found(outline) if role == "lead"] == ["表/1", "表/2"]


def test_a_table_that_prose_follows_is_no_document_of_its_own():
    rows = ["序号\t项目名称\t责任单位", "1\t物流园\t区发展改革委", "2\t产业园\t区经委"]
    text = "\n".join(["关于报送重点项目进展情况的通知", "现将有关事项通知如下：", "重点项目清单", *rows])
    outline = parse_outline(SourceText("doc.txt", text + "\n请各单位于5月10日前报送进展情况。\n", "utf-8"))
    assert outline.annexes == [] and any("numbered items" in p.message for p in outline.problems)


def test_a_pipe_table_under_a_heading_is_the_item_s_list_of_tasks():
    """A 分工方案 prints its tasks as a table under its last section, with no caption, its rows
    between pipes (with or without pipes at the ends), its groups as rows of their own (一、… | | |,
    no heading of the body), a lead cell left blank where the merged cell above spans the row."""
    text = (
        "某市推进制造业数字化转型重点任务分工方案\n\n一、工作目标\n\n新增省级工业互联网标杆示范项目15个以上。\n\n"
        "二、重点任务分工\n\n序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位\n"
        "一、推动产业数字化 |  |  |  | \n"
        "1 | 实施规上企业转型行动 | 制定转型路线图。 | 市工业和信息化局 | 各区人民政府\n"
        "2 |  | 遴选示范工厂。 |  | 市财政局\n"
        "3 | 培育工业互联网平台 | 新增省级工业互联网标杆示范项目15个以上。 | 市科技局 | \n"
        "二、强化要素保障 |  |  |  | \n"
        "4 | 创新金融服务 | 推出数字化转型贷。 | 市委金融办 | \n\n注：表中空白单元格与上一行内容相同。\n\n"
        "公开方式：主动公开\n\n抄送：市委办公室。\n\n某市人民政府办公室  2024年3月8日印发\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [item.path for item in outline.walk()] == ["一", "二"]
    assert [item.path for item in annex_items(outline)] == ["二/1", "二/2", "二/3", "二/4"]
    assert found(outline) == [
        ("二/1", "市工业和信息化局", "lead"),
        ("二/1", "各区人民政府", "support"),
        ("二/2", "市工业和信息化局", "lead"),
        ("二/2", "市财政局", "support"),
        ("二/3", "市科技局", "lead"),  # its goal, stated in 一、工作目标, does not make it that item's
        ("二/4", "市委金融办", "lead"),
    ]


def test_a_table_pasted_from_a_spreadsheet_is_the_item_s_list_of_tasks():
    """Cells between tabs under a header that numbers the rows (序号	任务	牵头单位…), each row's number
    printed with its mark (1.): the rows are the item's tasks, not items of the body."""
    text = (
        "某县推进制造业数字化转型工作方案\n\n一、工作目标\n\n到2026年，关键工序数控化率达到50%。\n\n二、主要任务\n"
        "序号\t任务\t牵头单位\t配合单位\t完成时限\n"
        "1.\t推进县工业集中区5G网络覆盖\t县工信局\t县发改局、古宜镇人民政府\t2025年12月底前\n"
        "2.\t推动茶叶加工企业开展数字化改造\t县工信局\t县农业农村局\t2026年12月底前\n"
        "3.组织企业参加诊断服务 县工信局 县市场监管局 持续推进\n"  # a row the paste left apart by spaces
        "三、保障措施\n\n（一）加强组织协调。县工信局要加强统筹。\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [item.path for item in outline.walk()] == ["一", "二", "三", "三/（一）"]
    assert [item.path for item in annex_items(outline)] == ["二/1", "二/2", "二/3"]
    assert found(outline) == [
        ("二/1", "县工信局", "lead"),
        ("二/1", "县发改局", "support"),
        ("二/1", "古宜镇人民政府", "support"),
        ("二/2", "县工信局", "lead"),
        ("二/2", "县农业农村局", "support"),
        ("二/3", "县工信局", "lead"),
        ("二/3", "县市场监管局", "support"),
    ]


def test_a_task_division_issued_as_a_table_with_roles_in_its_cells_and_a_note_under_it():
    """A 重点任务分工方案 that is its table: a 责任单位 cell states roles as a clause does (A牵头，B、C按职责
    分工负责; A牵头，B参与), and the note under the table (注：各市（州）人民政府负责本地区相关工作，不再列出)
    names who carries out every task; the note does not end the table."""
    text = (
        "四川省人民政府办公厅关于印发《重点任务分工方案》的通知\n\n川办发〔2024〕41号\n\n"
        "现将《重点任务分工方案》印发给你们，请认真贯彻执行。\n\n重点任务分工方案\n\n"
        "| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 加快国家骨干冷链物流基地建设。 | 省发展改革委牵头，省交通运输厅、省商务厅按职责分工负责 |\n"
        "| 2 | 完善产地冷链物流设施。 | 省农业农村厅牵头，省财政厅参与 |\n\n"
        "注：各市（州）人民政府负责本地区相关工作，不再列出。\n\n四川省人民政府办公厅\n2024年8月12日\n"
    )
    found = {
        (a.path, a.agency.name, a.role)
        for a, _ in extract(parse_outline(SourceText("d.txt", text, "utf-8")), Gazetteer.bundled()).assignments
    }
    assert found == {
        ("表/1", "省发展改革委", "lead"),
        ("表/1", "省交通运输厅", "support"),
        ("表/1", "省商务厅", "support"),
        ("表/1", "各市(州)人民政府", "implementer"),
        ("表/2", "省农业农村厅", "lead"),
        ("表/2", "省财政厅", "support"),
        ("表/2", "各市(州)人民政府", "implementer"),
    }


STACKED = [  # a task division printed a cell to the line, as a PDF's text extraction gives it
    "序号",
    "重点任务",
    "责任单位",
    "一、完善冷链物流设施",
    "1",
    "加快冷链物流基地建设。依托农产品优势产区统筹布局建设冷链物流基地，推动基地与港口、铁路场站、机场等枢纽设",
    "施协同建设。",  # the cell wraps where its column is full
    "省发展改革委牵头，省交通运输厅、省商务厅按职责分工负责",
    "2",
    "补齐产地冷链设施短板。",
    "省农业农村厅",
    "",
    "序号",  # the header again after a page break
    "重点任务",
    "责任单位",
    "二、强化冷链物流监管",
    "3",
    "健全冷链物流标准体系。",
    "省市场监管局牵头，省商务厅按职责分工负责",
]


def test_a_task_division_issued_as_a_table_printed_a_cell_to_the_line():
    """The cells on lines of their own, with no blank line between them: the header's names stacked
    (序号 / 重点任务 / 责任单位) open the table, a number continuing the numbering opens a row, a group
    row (二、…) stands among them and is no item of the body, a cell that wraps is one cell."""
    text = "\n".join(
        [
            "某省人民政府办公厅关于印发《冷链物流重点任务分工方案》的通知",
            "现将《冷链物流重点任务分工方案》印发给你们，请认真贯彻执行。",
            "",
            *STACKED,
            "",
            "注：各市（州）人民政府负责本地区相关工作，不再列出。",
            "",
            "某省人民政府办公厅",
            "2024年8月12日",
        ]
    )
    outline = parse_outline(SourceText("doc.txt", text + "\n", "utf-8"))
    assert list(outline.walk()) == []
    (annex,) = outline.annexes
    assert [r.cells[0] for r in annex.rows] == ["序号", "一、完善冷链物流设施", "1", "2", "二、强化冷链物流监管", "3"]
    assert annex.rows[2].cells[1].endswith("枢纽设施协同建设。")
    every = {(path, "各市(州)人民政府", "implementer") for path in ("表/1", "表/2", "表/3")}  # the note's
    assert set(found(outline)) == every | {
        ("表/1", "省发展改革委", "lead"),
        ("表/1", "省交通运输厅", "support"),
        ("表/1", "省商务厅", "support"),
        ("表/2", "省农业农村厅", "responsible"),
        ("表/3", "省市场监管局", "lead"),
        ("表/3", "省商务厅", "support"),
    }
    assert [d.date for d in outline.metadata.dates] == ["2024-08-12"]


def test_a_table_printed_a_cell_to_the_line_under_a_heading_is_the_item_s_list_of_tasks():
    """The same table under the section that issues its tasks, with a blank line after each cell
    or none, and the body going on after it: its rows are the item's tasks, its group rows no items."""
    spaced = "\n\n".join(c for c in STACKED if c).replace("枢纽设\n\n施", "枢纽设\n施").split("\n")
    for cells in (STACKED, spaced):
        text = "\n".join(
            [
                "某市冷链物流工作方案",
                "一、工作目标",
                "到2026年，全市冷链物流基地达到3个。",
                "二、重点任务",
                *cells,
                "",
                "三、保障措施",
                "（一）加强组织领导。市发展改革委要加强统筹。",
            ]
        )
        outline = parse_outline(SourceText("doc.txt", text + "\n", "utf-8"))
        assert [item.path for item in outline.walk()] == ["一", "二", "三", "三/（一）"]
        assert [item.path for item in annex_items(outline)] == ["二/1", "二/2", "二/3"]
        assert ("二/3", "省市场监管局", "lead") in found(outline)


def test_rows_numbered_within_their_group_under_a_sentence_pointing_to_the_table():
    """A district or bureau work plan numbers its tasks within their groups (1-1, 1-2, 2-1) and
    points to the table from the section that holds it (各项任务及责任分工见下表：): the rows are
    that section's tasks, each under its number as printed."""
    text = (
        "某区工作方案\n\n一、工作目标\n\n2024年底前，全区完成8家重点企业综合治理。\n\n二、重点任务\n\n"
        "各项任务及责任分工见下表：\n\n"
        "序号\t工作任务\t具体措施\t责任单位\t完成时限\n"
        "1-1\t推进原辅材料替代\t建立替代台账。\t区生态环境分局\t2024年底\n"
        "1-2\t严格项目准入\t落实倍量削减替代。\t区发展改革委\t持续推进\n"
        "2-1\t工业涂装治理\t推广水性涂料。\t各街道办事处\t2025年底\n\n"
        "三、保障措施\n\n（一）加强组织领导。区生态环境分局成立工作专班。\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [item.path for item in annex_items(outline)] == ["二/1-1", "二/1-2", "二/2-1"]
    assert found(outline) == [
        ("二/1-1", "区生态环境分局", "responsible"),
        ("二/1-2", "区发展改革委", "responsible"),
        ("二/2-1", "各街道办事处", "responsible"),
    ]


def test_the_record_after_an_annex_printed_a_cell_to_the_line_is_no_cell_of_its_last_row():
    """The 版记 (抄送：…, …印发) after the last annex opens with a line no cell holds: the bare cell
    over it (每年) is the last row's, not a signature, and the 印发 date is the document's; a body
    ending in 会 (市贸促会) fills a 责任单位 cell as 局 does."""
    text = BODY + "\n".join(
        [
            "附件",
            "重点任务推进表",
            "序号",
            "重点任务",
            "责任单位",
            "完成时限",
            "1",
            "推进零星旧改。",
            "区房管局、区住房城乡建设管理委",
            "2025年底前",
            "2",
            "办好城市更新论坛。",
            "区商务委、区贸促会",
            "每年",
            "",
            "抄送：区委各部门，区人大常委会办公室，区政协办公室。",
            "某区人民政府办公室　　　　2024年7月16日印发",
        ]
    )
    outline = parse_outline(SourceText("doc.txt", text + "\n", "utf-8"))
    (annex,) = outline.annexes
    assert annex.rows[-1].cells == ("2", "办好城市更新论坛。", "区商务委、区贸促会", "每年")
    assert [(d.kind, d.date) for d in outline.metadata.dates] == [("printed", "2024-07-16")]


def test_a_column_named_at_length_after_the_number_column_is_a_column():
    """A target table names its columns by year, indicator and unit, longer than most names
    (2025年VOCs排放总量较2020年下降比例（%）): up to the first row's number, each is a column."""
    outline = table(
        "序号", "设区市", "2024年完成治理企业数（家）", "2025年VOCs排放总量较2020年下降比例（%）",
        "1", "西安市", "80", "12",
        "2", "铜川市", "10", "8",
    )  # fmt: skip
    (annex,) = outline.annexes
    assert [len(r.cells) for r in annex.rows] == [4, 4, 4]
    assert annex.rows[2].cells == ("2", "铜川市", "10", "8")


def test_a_payout_table_opened_by_a_sentence_ending_in_a_colon():
    """A county's 实施细则 opens its payout table with a sentence ending in a colon (县本级按以下标准兑现
    相关条款：) and names who pays in a 兑现部门 column: the rows are the item's tasks, that column
    their responsible bodies."""
    text = (
        "某县实施细则\n\n一、总体要求\n\n推动政策落地见效。\n\n二、政策兑现标准\n\n"
        "县本级按以下标准兑现《若干政策》相关条款（县级承担部分由县财政安排）：\n"
        "序号\t政策条款\t兑现标准\t兑现部门\n"
        "1\t《若干政策》第一条\t县财政再给予200万元奖励\t县经济商务科技局、县财政局\n"
        "2\t《若干政策》第三条\t按设备投资额的10%给予补助\t县经济商务科技局\n\n"
        "三、保障措施\n\n（一）加强组织领导。\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [item.path for item in annex_items(outline)] == ["二/1", "二/2"]
    assert found(outline) == [
        ("二/1", "县经济商务科技局", "responsible"),
        ("二/1", "县财政局", "responsible"),
        ("二/2", "县经济商务科技局", "responsible"),
    ]


def test_an_annex_printed_a_cell_to_the_line_after_a_blank_line_under_its_caption():
    """附件 / caption / a blank line, then the cells on lines of their own: the table opens after the
    blank line; a 具体措施 cell listing its measures one a line (1.…。 then 2.…。) is one cell, not
    two, however well each line ends its sentence."""
    text = BODY + "\n".join(
        [
            "附件",
            "",
            "重点任务清单",
            "",
            "序号",
            "重点任务",
            "具体措施",
            "牵头单位",
            "配合单位",
            "完成时限",
            "一、推进旧区改造",
            "1",
            "实施零星旧改",
            "1.完成零星旧改10万平方米。",
            "2.推进旧住房成套改造。",
            "区房管局",
            "区规划资源局、各街道",
            "2025年底前",
            "2",
            "办好城市更新论坛",
            "每年举办论坛1次。",
            "区商务委",
            "区贸促会",
            "持续推进",
        ]
    )
    outline = parse_outline(SourceText("doc.txt", text + "\n", "utf-8"))
    (annex,) = outline.annexes
    assert [r.cells for r in annex.rows[2:]] == [
        (
            "1",
            "实施零星旧改",
            "1.完成零星旧改10万平方米。2.推进旧住房成套改造。",
            "区房管局",
            "区规划资源局、各街道",
            "2025年底前",
        ),
        ("2", "办好城市更新论坛", "每年举办论坛1次。", "区商务委", "区贸促会", "持续推进"),
    ]
    assert ("附件/1", "区房管局", "lead") in found(outline)


# A ministry's annexed task list as a PDF's text gives it: a cell to the line and each cell wrapped
# where its column is full (重点任务 six characters wide, 工作要求 fourteen, 完成时限 five).
WRAPPED_LIST = [
    "附件",
    "",
    "重点任务清单",
    "",
    "序号",
    "重点任务",
    "工作要求",
    "完成时限",
    "1",
    "重大事故隐患",
    "专项排查整治",  # the same width as the line above: one cell, or two?
    "对在建项目开展重大事故隐患全覆",
    "盖排查，建立台账，动态清零",
    "2024年12",
    "月底前",
    "2",
    "建筑施工安全",
    "生产执法检查",
    "组织开展全覆盖执法检查，每季度",
    "通报检查结果",  # shorter: the cell ends here, not on the full line above
    "长期坚持",
]


def test_a_task_list_printed_a_cell_to_the_line_with_cells_wrapped_where_their_column_is_full():
    """Each row holds more lines than columns: it is cut where its cells read as wrapped text,
    every line but a cell's last as wide as its column and the last no wider (a full last line
    might as well run on). The header is read after the title's blank line."""
    text = (
        "某部办公厅关于做好安全生产工作的通知\n\n一、压实责任\n（一）落实企业主体责任。\n\n"
        + "\n".join(WRAPPED_LIST)
        + "\n"
    )
    (annex,) = parse_outline(SourceText("doc.txt", text, "utf-8")).annexes
    assert [r.cells for r in annex.rows] == [
        ("序号", "重点任务", "工作要求", "完成时限"),
        ("1", "重大事故隐患专项排查整治", "对在建项目开展重大事故隐患全覆盖排查，建立台账，动态清零", "2024年12月底前"),
        ("2", "建筑施工安全生产执法检查", "组织开展全覆盖执法检查，每季度通报检查结果", "长期坚持"),
    ]


def test_a_numbered_task_list_with_no_column_of_bodies_states_tasks():
    """序号 | 重点任务 | 工作要求 | 完成时限: the addressees carry out every row; a row the body does
    not state is a task of its own (附件/2), one the body states is that item's."""
    text = (
        "某部办公厅关于做好安全生产工作的通知\n\n一、排查整治隐患\n（一）全面排查重大事故隐患。建立隐患台账。\n\n"
        "附件\n\n重点任务清单\n\n序号\n\n重点任务\n\n工作要求\n\n完成时限\n\n"
        "1\n\n重大事故隐患排查\n\n全面排查重大事故隐患，建立台账\n\n2024年12月底前\n\n"
        "2\n\n安全生产月活动\n\n组织开展建筑施工安全生产月活动\n\n2024年6月\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [(i.path, i.text) for i in annex_items(outline)] == [
        ("附件/2", "安全生产月活动组织开展建筑施工安全生产月活动")
    ]


def test_a_line_break_inside_a_cell_of_a_copied_table_goes_on_with_its_row():
    """A table copied from a word processor or a web page keeps a line break inside a cell: the row
    breaks after its first cells (2	推进…，) and the next line ends the cell, its tabs opening the
    row's next cells, whether or not it opens with a tab; a row broken in its bodies cell goes on the
    same way."""
    text = BODY + (
        "附件\n\n重点任务推进表\n\n"
        "序号\t工作任务\t牵头单位\t责任单位\t完成时限\n"
        "1\t推进旧区改造\t区房管局\t区财政局\t2025年底前\n"
        "2\t提升“一网通办”平台服务能力，\n推动高频事项掌上办。\t区政务服务办\t区市场监管局\t2025年6月底前\n"
        "3\t推进城市生命线安全监测\t区建设管理委\t区水务局、\n各街镇\t2025年底前\n"
        "4\t深化“一网统管”建设，\n\t拓展专题应用。\t区城运中心\t各街镇\t2025年底前\n"  # under its column
    )
    (annex,) = parse_outline(SourceText("doc.txt", text, "utf-8")).annexes
    assert [r.cells for r in annex.rows[1:]] == [
        ("1", "推进旧区改造", "区房管局", "区财政局", "2025年底前"),
        ("2", "提升“一网通办”平台服务能力，推动高频事项掌上办。", "区政务服务办", "区市场监管局", "2025年6月底前"),
        ("3", "推进城市生命线安全监测", "区建设管理委", "区水务局、各街镇", "2025年底前"),
        ("4", "深化“一网统管”建设，拓展专题应用。", "区城运中心", "各街镇", "2025年底前"),
    ]


def test_a_column_of_the_leaders_answering_for_a_row_is_neither_its_task_nor_a_body():
    """序号 | 工作任务 | 牵头领导 | 牵头单位 | 责任单位: the leaders (市政府副秘书长陈志勇, 李副市长) are
    persons; the row's task is its 工作任务 alone and its bodies those of the role columns."""
    text = BODY + (
        "附件\n\n重点任务推进表\n\n"
        "序号\t工作任务\t牵头领导\t牵头单位\t责任单位\n"
        "1\t推进“穗智管”城市运行管理中枢建设\t李副市长\t区政务服务数据管理局\t各街道\n"
        "2\t优化12345热线接诉即办机制\t区政府副秘书长陈志勇\t区政务服务数据管理局\t区信访局\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    tasks = ["推进“穗智管”城市运行管理中枢建设", "优化12345热线接诉即办机制"]
    assert [item.text for item in annex_items(outline)] == tasks
    assert {name for _, name, _ in found(outline)} == {"区政务服务数据管理局", "各街道", "区信访局"}


def test_a_project_the_body_names_is_no_restatement_of_its_task():
    """A task may build on a project (依托X数据中心，打造…); the project table's row is a project of
    its own, not that task restated: its bodies and figures are the row's."""
    text = (
        "某区新型基础设施建设实施方案\n\n一、重点任务\n\n"
        "（一）建设数据中心集聚区。依托中国移动（湖北）数据中心，打造数据中心集聚区。（责任单位：区发改局）\n\n"
        "（二）加强组织领导。成立工作专班。\n\n附件：重点项目表\n\n附件\n\n重点项目表\n"
        "序号\t项目名称\t建设内容\t总投资（亿元）\t建设年限\t责任单位\n"
        "1\t中国移动（湖北）数据中心\t建设标准机架1.2万架\t35\t2024—2026年\t区发改局\n"
        "2\t江夏智慧农业示范基地\t建设物联网监测站点200个\t1.5\t2024—2026年\t区农业农村局\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [item.path for item in annex_items(outline)] == ["附件/1", "附件/2"]


def test_a_table_after_a_run_in_heading_and_a_sentence_pointing_to_it_is_the_item_s_list():
    """（三）推进重点项目建设。重点推进以下项目：then the table: the heading's full stop says nothing of
    its own, so the rows are the item's list, each project an item."""
    text = (
        "某区实施方案\n\n一、重点任务\n\n（一）加快5G建设。推进5G网络覆盖。\n\n"
        "（二）推进重点项目建设。重点推进以下项目：\n"
        "表1　重点项目\n"
        "序号\t项目名称\t建设内容\t总投资（亿元）\t建设年限\t责任单位\n"
        "1\t数据中心\t建设标准机架1.2万架\t35\t2024—2026年\t区发改局\n"
        "2\t智慧农业示范基地\t建设物联网监测站点200个\t1.5\t2024—2026年\t区农业农村局\n\n"
        "二、保障措施\n\n（一）加强组织领导。成立工作专班。\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [item.path for item in annex_items(outline)] == ["一/（二）/1", "一/（二）/2"]
