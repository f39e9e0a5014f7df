"""What a reader sees in the layouts of the development corpus (tests/documents/), stated per
layout: regulations and rules, annex labels, numbering variants, scraped pages and front matter.
Small texts written here state the same rules apart from any one document."""

from __future__ import annotations

import re
from functools import cache

import pytest

from conftest import OTHER_DOCUMENTS, document, fold
from policykg.graph.lineage import outline_citations
from policykg.graph.numbering import int_to_cn, match_marker
from policykg.graph.outline import Outline, parse_outline, read_outline
from policykg.graph.records import SourceText

LAYOUTS = OTHER_DOCUMENTS  # every development document, golden or not


@cache
def outline_of(stem: str) -> Outline:
    return read_outline(document(stem))


def read(text: str) -> Outline:
    return parse_outline(SourceText("doc.txt", text, "utf-8"))


def paths(outline: Outline) -> list[str]:
    return [item.path for item in outline.walk()]


def item(outline: Outline, path: str):
    return next(i for i in outline.walk() if i.path == path)


def articles(n: int) -> list[str]:
    return [f"第{int_to_cn(k)}条" for k in range(1, n + 1)]


def messages(outline: Outline) -> list[str]:
    return [p.message for p in outline.problems]


# -- every document ----------------------------------------------------------------------------


@pytest.mark.parametrize("stem", LAYOUTS)
def test_every_document_reads_its_numbering(stem):
    outline = outline_of(stem)
    assert outline.items, stem
    assert not [m for m in messages(outline) if m.startswith(("no numbered items", "numbering repeats"))]
    assert outline.metadata.title and outline.metadata.issuers


# -- regulations and rules: 第一章 / 第一条 ---------------------------------------------------


def test_a_regulation_reads_as_chapters_and_articles_numbered_across_them():
    outline = outline_of("shanghai-urban-renewal-regulation-2021")
    assert [i.path for i in outline.walk() if i.style == "article"] == articles(64)
    chapters = [(i.path, i.title) for i in outline.items]
    assert chapters == [
        ("第一章", "总则"),
        ("第二章", "城市更新指引和更新行动计划"),
        ("第三章", "城市更新实施"),
        ("第四章", "城市更新保障"),
        ("第五章", "监督管理"),
        ("第六章", "浦东新区城市更新特别规定"),
        ("第七章", "法律责任"),
        ("第八章", "附则"),
    ]
    # an article sits in its chapter, but its path is its number alone
    assert [c.path for c in item(outline, "第二章").children] == articles(18)[10:]
    assert paths(outline).index("第二章") == paths(outline).index("第十条") + 1  # in document order
    # （一） restarts in each article, without a warning
    assert [c.path for c in item(outline, "第二条").children] == [f"第二条/（{int_to_cn(k)}）" for k in range(1, 6)]
    assert [c.path for c in item(outline, "第十二条").children][0] == "第十二条/（一）"
    assert outline.problems == []


def test_the_table_of_contents_is_not_read_as_chapters():
    outline = outline_of("shanghai-urban-renewal-regulation-2021")
    first = item(outline, "第一章")
    assert first.line == 16  # the heading of the text, not the 目录 line above it
    assert fold(outline.metadata.title) == "上海市城市更新条例"


def test_a_regulation_names_the_body_that_adopted_it_and_when():
    for stem, issuer, date in (
        ("shanghai-urban-renewal-regulation-2021", "上海市人民代表大会常务委员会", "2021-08-25"),
        ("henan-business-environment-regulation-2020", "河南省人民代表大会常务委员会", "2020-11-28"),
        ("zhumadian-business-environment-regulation-2021", "驻马店市人民代表大会常务委员会", "2021-10-22"),
    ):
        meta = outline_of(stem).metadata
        assert meta.issuers == (issuer,), stem
        assert [(d.date, d.kind) for d in meta.dates] == [(date, "issued")], stem


def test_a_regulation_without_its_first_chapter_heading_keeps_its_articles():
    for stem, count in (
        ("henan-business-environment-regulation-2020", 90),
        ("zhumadian-business-environment-regulation-2021", 38),
    ):
        outline = outline_of(stem)
        assert [i.path for i in outline.walk() if i.style == "article"] == articles(count), stem
        assert [i.path for i in outline.items][:2] == ["第一条", "第二条"], stem
        assert messages(outline) == ["numbering jumps to 第二章 (expected 第一章)"], stem


@pytest.mark.parametrize(
    "stem, first",
    [("shanghai-sponge-city-measures-2023", "目的和依据"), ("jinshan-sponge-city-rules-2026", "制定依据")],
)
def test_rules_articles_carry_their_bracketed_titles(stem, first):
    outline = outline_of(stem)
    arts = [i for i in outline.walk() if i.style == "article"]
    assert [a.path for a in arts] == articles(22)
    assert arts[0].title == first and arts[-1].title == "附则"
    assert all(a.title and "(" not in a.title for a in arts)
    assert [i.path for i in outline.items if i.style == "chapter"][:2] == ["第一章", "第二章"]
    assert outline.annexes == []  # the cover notice's 附件： names the rules themselves


def test_an_article_run_into_the_paragraph_before_it_is_split_off():
    """PDF extraction ran 第十四条 into 第十三条's paragraph behind two U+3000 indents."""
    outline = outline_of("shanghai-sponge-city-measures-2023")
    run_in = item(outline, "第十四条")
    assert run_in.title == "竣工验收"
    assert outline.text.original[run_in.span.start :].startswith("第十四条（竣工验收）")
    assert "第十四条" not in item(outline, "第十三条").text
    text = "办法\n\n第一条（目的）\n\n建设单位应按要求施工。 \u3000\u3000第二条（验收） 项目验收时，应当专项验收。\n"
    assert [(i.path, i.title) for i in read(text).walk()] == [("第一条", "目的"), ("第二条", "验收")]


def test_sub_items_a_paragraph_runs_in_after_its_sentences_are_items():
    """A county's plan packs its sub-tasks into the paragraph: (1) and (2), numbered from 1, each after
    a sentence or a bracketed clause ends, are items; a reference (按照第(1)项要求) is none."""
    text = (
        "某州实施方案\n\n一、主要任务\n\n（一）健全农村物流配送体系。（1）建设县级物流配送中心。整合快递资源。"
        "（责任单位：州商务局）（2）推进客货邮融合发展。发展农村客货邮。（责任单位：州交通运输局）\n\n"
        "（二）加强监管。按照第（1）项要求，开展检查。对照（2）中的标准执行。\n"
    )
    assert [(i.path, i.title) for i in read(text).walk()] == [
        ("一", "主要任务"),
        ("一/（一）", "健全农村物流配送体系"),
        ("一/（一）/（1）", "建设县级物流配送中心"),
        ("一/（一）/（2）", "推进客货邮融合发展"),
        ("一/（二）", "加强监管"),
    ]


def test_an_article_s_first_line_wrapped_as_a_pdf_prints_it_is_no_heading():
    """An article's heading is in brackets (第一条（目的）): a first line cut at the page's width runs on."""
    text = (
        "某市实施办法\n\n第二十一条  物业服务人应当按照物业服务合同约定，做好\n物业管理区域内的清雪除冰工作。\n"
        "第二十二条  热线受理的诉求，由市住房城乡建设局转办，区、县（市）\n住房城乡建设主管部门应当及时办理。\n"
    )
    assert [i.text for i in read(text).walk()] == [
        "物业服务人应当按照物业服务合同约定，做好物业管理区域内的清雪除冰工作。",
        "热线受理的诉求，由市住房城乡建设局转办，区、县（市）住房城乡建设主管部门应当及时办理。",
    ]


def test_articles_grouped_under_headings_are_the_headings_children():
    """A 若干政策 numbered by article groups its articles under 一、 headings, as a regulation's
    chapters do: the headings hold the articles, whose paths stay their numbers."""
    text = (
        "某市若干政策\n\n一、支持主导产业做大做强\n\n第一条 支持特色产业集群培育。给予200万元奖励。\n\n"
        "第二条 支持企业技术改造。按投资额的10%给予补助。\n\n二、强化要素保障\n\n第三条 保障项目用地。\n"
    )
    outline = read(text)
    assert [(i.path, [c.path for c in i.children]) for i in outline.items] == [
        ("一", ["第一条", "第二条"]),
        ("二", ["第三条"]),
    ]


def test_divisions_articles_and_references():
    text = (
        "某市某条例\n\n目录\n第一章 总则\n第二章 管理\n\n第一章 总则\n\n"
        "第一条 为了规范管理，制定本条例。\n\n第二章 管理\n\n第一节 规划\n\n"
        "第二条 本条所称事项包括：\n（一）规划；\n（二）建设。\n"
        "第三十一条第三款规定的情形除外。\n\n第二节 建设\n\n第三条 建设单位应当遵守本条例。\n"
    )
    outline = read(text)
    assert paths(outline) == [
        "第一章",
        "第一条",
        "第二章",
        "第二章/第一节",
        "第二条",
        "第二条/（一）",
        "第二条/（二）",
        "第二章/第二节",
        "第三条",
    ]
    # a reference, not an article: the article's next 款, after its items (项)
    assert "第三十一条第三款" in item(outline, "第二条").text and item(outline, "第二条/（二）").text == "建设。"
    assert item(outline, "第一条").title == "为了规范管理，制定本条例"
    assert outline.problems == []


def test_a_paragraph_after_an_article_s_items_is_the_article_s():
    """An article's items (项) are a paragraph each; a paragraph after them is the article's next 款
    (前款第（二）项规定的…), with the bodies it names, not the last item's text."""
    text = (
        "某省土壤污染防治办法\n\n第六条 有下列情形之一的，土地使用权人应当开展土壤污染状况调查：\n"
        "（一）用途变更为住宅用地的；\n（二）土地使用权收回、\n转让的。\n"
        "前款第（二）项规定的土地使用权收回的，由县级以上人民政府自然资源主管部门组织开展调查。\n"
        "第七条 调查报告应当报生态环境主管部门备案。\n"
    )
    outline = read(text)
    assert item(outline, "第六条/（二）").text == "土地使用权收回、\n转让的。"  # a line broken inside it is its own
    assert item(outline, "第六条").text.endswith("由县级以上人民政府自然资源主管部门组织开展调查。")


def test_an_article_an_amendment_inserted_is_an_article_of_its_own():
    """第三条之一, as an amended regulation numbers an article inserted after 第三条: an article of its own,
    its items under it, no break in the numbering; 第三条之一规定的 at a line's start is a reference."""
    text = (
        "某省大气污染防治条例\n\n第一章 总则\n\n第三条 县级以上人民政府统一监督管理。\n"
        "第三条之一 县级以上人民政府应当建立下列制度：\n（一）重污染天气应急预案；\n（二）信息公开。\n"
        "第三条之一规定的制度由省人民政府制定。\n第四条 排污单位应当依法取得排污许可证。\n"
    )
    outline = read(text)
    assert paths(outline) == ["第一章", "第三条", "第三条之一", "第三条之一/（一）", "第三条之一/（二）", "第四条"]
    assert item(outline, "第三条之一").title == "县级以上人民政府应当建立下列制度："
    assert "第三条之一规定的" in item(outline, "第三条之一").text  # a reference, in the article's next 款
    numbering = [p.message for p in outline.problems if "numbering" in p.message]
    assert numbering == ["numbering jumps to 第三条 (expected 第一条)"]  # the excerpt's, not 第三条之一's


# -- annex labels ------------------------------------------------------------------------------


def test_annex_labels_as_printed():
    assert [a.label for a in outline_of("fengxian-emergency-shelters-2022").annexes] == [
        "附表1",
        "附表2",
        "附表3",
        "附表4",
    ]
    assert [a.label for a in outline_of("shanghai-park-city-2021").annexes] == ["附表1", "附表2"]
    assert [a.label for a in outline_of("jiading-sponge-city-2024").annexes] == ["附件"]
    assert [(a.label, a.title) for a in read("一、任务\n\n附件一\n\n任务表\n\n序号\n\n任务\n\n1\n\n甲\n").annexes] == [
        ("附件一", "任务表")
    ]


def test_the_list_of_annexes_is_not_items():
    park = outline_of("shanghai-park-city-2021")
    assert not item(park, "三/（三）").children  # "附表：" then "1.公园城市指标体系指引表" …
    shelters = outline_of("fengxian-emergency-shelters-2022")
    assert not item(shelters, "五").children  # "附表：1、…" then "2、…"


def test_an_annex_of_numbered_text_is_read_as_items_under_its_label():
    """An annex that prints numbered paragraphs, not a table (附件：重点任务清单 1.… 2.…), holds
    tasks as the body does: its items are read, under the annex's label."""
    text = (
        "一、重点任务\n（一）建设基础设施。推进网络建设。\n\n附件：重点任务清单\n\n附件\n\n重点任务清单\n\n"
        "为落实本方案，明确以下任务。\n1.建设数据中心。新建机架5000个。责任单位：市工业和信息化局。\n"
        "2.培育企业。引进企业100家。\n（1）引进龙头企业。\n（2）培育中小企业。\n"
    )
    outline = read(text)
    assert paths(outline) == ["一", "一/（一）", "附件/1", "附件/2", "附件/2/（1）", "附件/2/（2）"]
    assert item(outline, "附件/1").title == "建设数据中心"
    assert [(a.label, a.title, a.rows) for a in outline.annexes] == [("附件", "重点任务清单", ())]
    assert paths(outline_of("shanghai-transport-business-environment-2026"))[-7:] == [f"附件/{n}" for n in range(1, 8)]


def test_an_annex_table_or_unnumbered_text_stays_as_it_is():
    table = read("一、任务\n\n附件\n\n任务表\n\n序号\n\n任务\n\n1.\n\n甲\n\n2.\n\n乙\n")
    assert paths(table) == ["一"]
    assert [r.cells for r in table.annexes[0].rows] == [("序号", "任务"), ("1.", "甲"), ("2.", "乙")]
    names = outline_of("wujing-town-housing-safety-2021")  # a group's members, one a line
    assert not [p for p in paths(names) if p.startswith("附件")] and names.annexes[0].rows


def test_annexes_listed_but_not_in_the_text_are_reported():
    for stem, label in (("shanghai-zero-carbon-parks-2026", "附件"), ("shanghai-carbon-peak-workplan-2026", "附表")):
        outline = outline_of(stem)
        assert outline.annexes == [], stem
        assert messages(outline) == [f"{label}: listed but not in the text"], stem


def test_an_annex_named_over_the_signature_alone_is_listed_not_held():
    """附件：X（略） with nothing after it but the signature, the date and the 版记 names an annex the
    text does not hold: those lines are the closing block (its dates are read), not the annex's rows."""
    outline = read(
        "某市深化基层治理实施方案\n\n一、任务\n（一）推进建设。\n\n　　附件：重点任务清单（略）\n\n"
        "中共某市委办公厅\n某市人民政府办公厅\n"
        "2024年5月20日\n\n抄送：市人大常委会办公厅。\n中共某市委办公厅　　2024年5月21日印发\n"
    )
    assert outline.annexes == []
    assert messages(outline) == ["附件: listed but not in the text"]
    assert [(d.date, d.kind) for d in outline.metadata.dates] == [("2024-05-20", "signed"), ("2024-05-21", "printed")]


# -- numbering variants ------------------------------------------------------------------------


def test_mixed_brackets_read_as_one_style():
    outline = outline_of("fengxian-emergency-shelters-2022")  # "(一）" and "(一)"
    assert [c.path for c in item(outline, "三").children] == ["三/（一）", "三/（二）", "三/（三）"]
    assert item(outline, "三/（一）").title == "直接设置"


def test_markdown_bold_headings_read_as_plain_ones():
    plain = "\n\n".join(
        [
            "某区城市更新工作要点",
            "一、总体要求",
            "坚持规划引领。",
            "二、重点任务",
            "（一）推进旧区改造。加快推进零星旧改。",
        ]
    )
    bold = plain.replace("一、总体要求", "**一、总体要求**").replace("（一）推进旧区改造。", "**（一）推进旧区改造。**")
    expected = [(i.path, i.title) for i in read(plain).walk()]
    assert [(i.path, i.title) for i in read(bold).walk()] == expected
    assert expected == [("一", "总体要求"), ("二", "重点任务"), ("二/（一）", "推进旧区改造")]


@pytest.mark.parametrize("zero", ["〇", "○", "O", "Ｏ", "零"])
def test_a_date_in_chinese_numerals_reads_as_one_in_figures(zero):
    """二〇二一年十二月三十日, its 〇 as printed or as typed: a circle, a letter O, 零."""
    body = ["某区城市更新工作要点", "一、总体要求", "坚持规划引领。", "某区人民政府办公室"]
    figures, numerals = (
        read("\n\n".join([*body, date]) + "\n") for date in ("2021年12月30日", f"二{zero}二一年十二月三十日")
    )
    assert [(d.date, d.kind) for d in numerals.metadata.dates] == [(d.date, d.kind) for d in figures.metadata.dates]
    assert [d.date for d in numerals.metadata.dates] == ["2021-12-30"]
    assert paths(numerals) == paths(figures) == ["一"]  # the date closes the body


def test_a_plan_cut_into_parts_numbers_its_items_under_each_part():
    text = "\n\n".join(
        ["某区城市更新三年行动方案", "第一部分 总体要求", "一、指导思想", "坚持规划引领。"]
        + ["第二部分 重点任务", "一、推进旧区改造", "加快推进零星旧改。", "二、加强组织保障", "建立工作机制。"]
    )
    outline = read(text + "\n")
    assert [(i.path, i.title) for i in outline.walk()] == [
        ("第一部分", "总体要求"),
        ("第一部分/一", "指导思想"),
        ("第二部分", "重点任务"),
        ("第二部分/一", "推进旧区改造"),
        ("第二部分/二", "加强组织保障"),
    ]
    assert messages(outline) == []  # 一、 starts again in each part


def test_a_plan_s_box_holds_its_own_list_among_the_items():
    """专栏N, the box of a five-year plan, ends the (一) item before it and lists its projects under
    itself, not under that item; the next (一) item or section ends it; boxes number on across
    sections."""
    text = "\n".join(
        ["某市生态环境保护“十四五”规划", "", "一、深入推进大气污染防治"]
        + ["（一）加强移动源污染防治。淘汰营运柴油货车3000辆。", "专栏1  大气污染防治重点工程"]
        + ["1.工业废气治理工程：完成50家企业废气提标改造。", "2.港口岸电工程：新建港口岸电设施20套。"]
        + ["（二）强化挥发性有机物治理。完成200家重点企业深度治理。", "二、深入推进水污染防治"]
        + ["专栏二：水污染防治重点工程", "1.新增城镇污水处理能力20万吨/日。", "三、保障措施", "加强组织领导。"]
    )
    outline = read(text + "\n")
    assert [(i.path, i.title) for i in outline.walk()] == [
        ("一", "深入推进大气污染防治"),
        ("一/（一）", "加强移动源污染防治"),
        ("一/专栏1", "大气污染防治重点工程"),
        ("一/专栏1/1", "工业废气治理工程：完成50家企业废气提标改造"),
        ("一/专栏1/2", "港口岸电工程：新建港口岸电设施20套"),
        ("一/（二）", "强化挥发性有机物治理"),
        ("二", "深入推进水污染防治"),
        ("二/专栏2", "水污染防治重点工程"),
        ("二/专栏2/1", "新增城镇污水处理能力20万吨/日"),
        ("三", "保障措施"),
    ]
    assert outline.items[0].children[0].text == "加强移动源污染防治。淘汰营运柴油货车3000辆。"
    assert messages(outline) == []


def test_full_width_and_half_width_arabic_numbers():
    roads = outline_of("shanghai-rural-roads-reform-2020")  # 1．
    assert [c.path for c in item(roads, "四/（一）").children] == [f"四/（一）/{k}" for k in range(1, 5)]
    district = outline_of("fengxian-rural-roads-reform-2021")  # (一) 1. (1), half-width
    assert [c.path for c in item(district, "五/（一）/2").children] == [f"五/（一）/2/（{k}）" for k in range(1, 4)]


@pytest.mark.parametrize("close", ["）", ")"])
def test_the_fourth_level_typed_with_a_closing_bracket_alone(close):
    """1） for the （1） of GB/T 9704, as many type it: items under the 1. item they follow."""
    text = "\n".join(
        ["某县农村人居环境整治实施方案", "", "一、重点任务", "1.推进厕所革命。"]
        + [f"1{close}完成户厕改造500户。", f"2{close}建设公共厕所20座。", "2.治理生活污水。"]
    )
    outline = read(text + "\n")
    assert paths(outline) == ["一", "一/1", "一/1/1）", "一/1/2）", "一/2"]
    assert messages(outline) == []


def test_items_numbered_on_across_sections_keep_their_numbers():
    outline = outline_of("qingpu-fire-safety-2024")  # one paragraph a line, no blank lines
    assert [c.path for c in item(outline, "二").children] == ["二/（五）", "二/（六）", "二/（七）"]
    assert len(list(outline.walk())) == 20


def test_a_short_numbered_line_is_a_heading_of_its_own():
    park = outline_of("fengxian-park-city-2021")
    assert item(park, "二/（一）").title == "以规划为引领，构建区域绿色网络体系"
    assert item(park, "二/（二）").title == "以五大新城建设为契机，优化生态空间环境"
    assert item(outline_of("songjiang-carbon-peak-workplan-2026"), "一").title == "坚持目标导向，落实双碳主体责任"
    assert item(outline_of("fengxian-rural-roads-reform-2021"), "五/（二）/1/（2）").title == "乡、村道"


def test_yi_shi_er_shi_inside_a_paragraph_is_text():
    park = outline_of("fengxian-park-city-2021")
    assert not item(park, "二/（二）").children
    assert "一是聚焦奉贤新城建设" in item(park, "二/（二）").text


# -- scraped pages -----------------------------------------------------------------------------


def test_a_scraped_page_without_its_chrome_and_navigation():
    outline = outline_of("shanghai-housing-safety-2021")
    meta = outline.metadata
    assert meta.title == "关于印发《上海市城镇房屋安全隐患排查整治工作方案》的通知"  # printed three times
    assert meta.document_number == "沪房规范〔2021〕3号"
    assert meta.issuers == ("上海市住房和城乡建设管理委员会", "上海市房屋管理局")
    assert sorted((d.date, d.kind) for d in meta.dates) == [("2021-03-01", "signed"), ("2021-03-12", "issued")]
    last = list(outline.walk())[-1]
    assert last.text.endswith("有效期至2025年12月31日。")  # the date broken over lines is joined
    assert "政府信息公开" not in last.text and "关闭窗口" not in last.text
    assert outline.annexes == []


@pytest.mark.parametrize("heading", ["相关文件", "相关文章", "相关阅读", "上一篇：关于做好春耕生产工作的通知"])
def test_a_page_s_list_of_related_pages_is_no_part_of_the_document(heading):
    text = (
        "某市人民政府关于推进数字经济发展的意见\n某政发〔2024〕6号\n各区人民政府：\n"
        "一、加强组织领导。建立联席会议制度。\n二、加大资金支持。统筹专项资金。\n"
        "某市人民政府\n2024年3月5日\n"
        "抄送：市委各部门。\n某市人民政府办公室    2024年3月6日印发\n"
        f"{heading}\n《某市人民政府关于印发某市大数据发展若干措施的通知》（某政发〔2023〕12号） 2023-06-02\n"
        "扫一扫在手机打开当前页\n"
    )
    outline = read(text)
    assert sorted((d.date, d.kind) for d in outline.metadata.dates) == [
        ("2024-03-05", "signed"),
        ("2024-03-06", "printed"),
    ]  # the closing block is the document's last lines, not the page's
    assert outline_citations(outline, outline.preamble_text) == []  # the related page is no citation


@pytest.mark.parametrize("label", ["文号", "发文字号", "字号", "文件编号"])
def test_a_page_s_metadata_names_the_document_number_under_any_of_its_labels(label):
    text = (
        f"索引号：11330100002489567L/2024-00123\n{label}：杭政办函〔2024〕21号\n发布日期：2024-04-15\n\n"
        "杭州市人民政府办公厅关于推进城市更新工作的实施意见\n\n一、总体要求\n\n推进城市更新。\n"
    )
    assert read(text).metadata.document_number == "杭政办函〔2024〕21号"


@pytest.mark.parametrize(
    "head, issuer, number",
    [
        ("浙江省人民政府令\n\n第402号", "浙江省人民政府", "浙江省人民政府令第402号"),
        ("浙江省人民政府令（第402号）", "浙江省人民政府", "浙江省人民政府令（第402号）"),
        ("宜昌市人民政府令\n第一百七十六号", "宜昌市人民政府", "宜昌市人民政府令第一百七十六号"),
        (
            "浙江省人民代表大会常务委员会公告\n\n第十八号",
            "浙江省人民代表大会常务委员会",
            "浙江省人民代表大会常务委员会公告第十八号",
        ),
    ],
    ids=["decree", "decree-one-line", "serial-in-words", "announcement"],
)
def test_a_decree_or_announcement_that_promulgates_rules_is_numbered_by_its_head(head, issuer, number):
    """A government's rules (规章) are published under a decree (令), a legislature's regulation under
    an announcement (公告): its head and serial are the number, what it promulgates (《X》已经…通过，
    现予公布) the title, the government or the legislature the issuer; the governor who signs a
    decree is a person, and the signature over the date is no title."""
    title = "浙江省建设用地土壤污染风险管控和修复监督管理办法"
    text = (
        f"{head}\n\n《{title}》已经2023年10月26日省人民政府第18次常务会议审议通过，现予公布，"
        f"自2024年1月1日起施行。\n\n省长  王浩\n{issuer}\n\n2023年11月8日\n\n{title}\n\n第一章  总  则\n\n"
        "第一条  为了加强建设用地土壤污染风险管控，制定本办法。\n"
    )
    meta = read(text).metadata
    assert (meta.title, meta.issuers, meta.document_number) == (title, (issuer,), number)


@pytest.mark.parametrize(
    "note",
    [
        "（2021年8月30日杭州市人民政府令第332号公布　自2021年10月1日起施行）",
        "2021年8月30日杭州市人民政府令第332号公布",
        "（2021年8月30日杭州市人民政府令第332号公布　根据2023年5月4日杭州市人民政府令第345号修订）",
    ],
    ids=["bracketed", "bare", "amended"],
)
def test_a_rule_s_promulgation_note_names_its_decree_date_and_issuer(note):
    """A rule (规章) printed alone carries under its title the decree that promulgated it, as a
    regulation carries its adoption: its date is the rule's, the decree its number, the government
    that decrees it its issuer; a later amendment's decree is none of these, its date that of the
    edition printed (amended)."""
    text = f"杭州市生活垃圾管理办法\n\n{note}\n\n第一条 为了加强生活垃圾管理，制定本办法。\n"
    meta = read(text).metadata
    assert (meta.title, meta.issuers, meta.document_number) == (
        "杭州市生活垃圾管理办法",
        ("杭州市人民政府",),
        "杭州市人民政府令第332号",
    )
    amended = [("2023-05-04", "amended")] if "修订" in note else []
    assert [(d.date, d.kind) for d in meta.dates] == [("2021-08-30", "issued"), *amended]


@pytest.mark.parametrize(
    ("note", "amended"),
    [
        (
            "（2017年9月24日江苏省第十二届人民代表大会常务委员会第三十二次会议通过　根据2024年9月27日"
            "江苏省第十四届人民代表大会常务委员会第十一次会议《关于修改〈江苏省河道管理条例〉的决定》修正）",
            "2024-09-27",
        ),
        (
            "（2004年6月17日某省第十届人民代表大会常务委员会第十次会议通过　根据2012年3月29日某省第十一届"
            "人民代表大会常务委员会第二十八次会议《关于修改〈某省城市绿化条例〉的决定》第一次修正　"
            "2019年11月29日某省第十三届人民代表大会常务委员会第十三次会议修订）",
            "2019-11-29",
        ),
    ],
    ids=["amended", "amended-then-revised"],
)
def test_a_regulation_s_text_as_amended_is_dated_by_its_latest_amendment(note, amended):
    """A collection prints a regulation as amended under the note of its adoption and of each
    amendment since: the legislature adopted it then, and the edition printed is that of the latest
    amendment (what a later citation of the title means, the text in force)."""
    text = f"某省城市绿化条例\n{note}\n\n第一章　总则\n第一条　为了促进城市绿化事业的发展，制定本条例。\n"
    meta = read(text).metadata
    assert meta.issuers[0].endswith("人民代表大会常务委员会")
    assert [d.kind for d in meta.dates] == ["issued", "amended"]
    assert meta.dates[1].date == amended


def test_an_announcement_titled_by_its_subject_is_no_decree():
    """关于…的公告 is a 公告's title, its serial under it no part of it."""
    text = "某市人民政府关于加强城市管理的公告\n第3号\n\n为加强城市管理，现公告如下：\n一、加强管理。\n"
    assert read(text).metadata.title == "某市人民政府关于加强城市管理的公告"


def test_a_notice_that_numbers_nothing_reads_its_text_after_the_opening_paragraph_as_one_item():
    """A short 通知 in paragraphs: the one that announces it (…通知如下:) opens it, the rest is its text,
    whose duties and targets are read as an item's; the signature and date close it."""
    text = (
        "某市人民政府办公室关于做好防汛工作的通知\n\n各区人民政府，市政府各部门：\n"
        "当前已进入主汛期，经市政府同意，现就有关事项通知如下：\n"
        "市水利局负责做好水库安全度汛工作，年内完成隐患点治理30处。\n"
        "市气象局要加强监测预报预警。\n\n某市人民政府办公室\n2024年5月28日\n"
    )
    outline = read(text)
    (item,) = outline.walk()
    assert (item.path, item.number, item.title) == ("正文", "", None)
    assert item.body.text == "市水利局负责做好水库安全度汛工作,年内完成隐患点治理30处。\n市气象局要加强监测预报预警。"
    assert outline.preamble_text.text.endswith("现就有关事项通知如下:")
    assert [(d.date, d.kind) for d in outline.metadata.dates] == [("2024-05-28", "signed")]


def test_a_page_with_its_metadata_labels_above_their_values():
    outline = outline_of("shanghai-sponge-city-measures-2023")
    meta = outline.metadata
    assert meta.title == "关于印发《上海市海绵城市规划建设管理办法》的通知"
    assert meta.enclosed_title == "上海市海绵城市规划建设管理办法"
    assert meta.document_number == "沪住建规范联〔2023〕11号"
    assert dict(meta.fields)["发布机构"] == "上海市住房和城乡建设管理委员会"
    assert meta.issuers[0] == "市住房城乡建设管理委" and len(meta.issuers) == 9  # the signature of the joint notice
    assert "一图读懂" not in item(outline, "第二十二条").text


# -- front matter ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stem, issuers, enclosed",
    [
        ("shanghai-road-safety-2024", ("上海市人民政府办公厅",), "关于进一步减少本市道路交通事故的意见"),
        ("jiading-sponge-city-2024", ("上海市嘉定区人民政府办公室",), "嘉定区系统化全域推进海绵城市建设的实施方案"),
        ("shanghai-rural-roads-reform-2020", ("上海市人民政府办公厅",), "上海市深化农村公路管理养护体制改革实施方案"),
        (
            "shanghai-zero-carbon-parks-2026",
            ("上海市发展和改革委员会", "上海市经济和信息化委员会"),
            "上海市零碳园区建设工作方案",
        ),
        ("shanghai-new-urbanization-task-division-2025", ("上海市区域高质量发展领导小组办公室",), None),
        ("wujing-town-housing-safety-2021", ("闵行区吴泾镇人民政府",), "吴泾镇城镇房屋安全隐患排查整治工作方案"),
    ],
)
def test_issuers_from_the_title_or_the_signature(stem, issuers, enclosed):
    meta = outline_of(stem).metadata
    assert meta.issuers == issuers
    if enclosed:
        assert meta.enclosed_title == enclosed


def test_a_title_printed_twice_is_one_title():
    for stem in ("lingang-city-checkup-2024", "shanghai-cim-platform-2025", "wujing-town-housing-safety-2021"):
        meta = outline_of(stem).metadata
        assert meta.title.count("关于印发") == 1, stem
    assert outline_of("shanghai-cim-platform-2025").metadata.document_number == "沪建科信〔2025〕394号"


def test_a_title_over_two_lines_ends_where_its_genre_does():
    """The 的通知 a layout puts on the title's second line is the title's; the addressees after it are not."""
    lines = [
        "上海市人民政府办公厅关于印发上海市推进城市更新实施方案",
        "的通知",
        "各区人民政府，市政府各委、办、局",
        "：",
        "现将《上海市推进城市更新实施方案》印发给你们。",
        "一、工作目标",
        "到2025年，完成旧区改造。",
    ]
    text = "\n".join(lines) + "\n"
    meta = parse_outline(SourceText("doc.txt", text, "utf-8")).metadata
    assert (meta.title, meta.enclosed_title) == (
        "上海市人民政府办公厅关于印发上海市推进城市更新实施方案的通知",
        "上海市推进城市更新实施方案",
    )


def test_the_preamble_may_announce_the_items():
    preamble = outline_of("shanghai-fire-safety-2024").preamble
    assert preamble.startswith("为长效防范化解") and preamble.endswith("提出意见如下：")


# -- the closing block --------------------------------------------------------------------------

NOTICE = "某市数字经济工作方案\n\n一、重点任务\n（一）建设基础设施。推进网络建设。（责任单位：市工业和信息化局）\n"
TASKS = (
    "\n附件\n\n重点任务分工表\n\n序号\t任务\t责任单位\n1\t建设数据中心\t市工业和信息化局\n2\t培育数字企业\t市商务局\n"
)
SIGNED = "\n某市人民政府办公室\n2024年3月1日\n"
RECORD = (
    "\n──────────\n抄送：市委各部门，市人大常委会办公厅。\n──────────\n某市人民政府办公室          2024年3月2日印发\n"
)


def dates(outline: Outline) -> list[tuple[str, str]]:
    return [(d.date, d.kind) for d in outline.metadata.dates]


WRAPPED_COPIES = "\n抄送：市委各部门，市人大常委会办公室，\n　　　市法院，市检察院，警备区。\n"
WRAPPED_RECORD = WRAPPED_COPIES + "某市人民政府办公室    2024年3月2日印发\n"


@pytest.mark.parametrize(
    "note, record",
    [
        ("", RECORD),
        ("（此件公开发布）\n", RECORD),
        ("（联系人：王五，联系电话：0396-2345678）\n", RECORD),
        ("", WRAPPED_RECORD),  # as a PDF prints it: the 抄送 line broken, no rules around it
    ],
    ids=["record", "published", "contact", "wrapped"],
)
def test_the_record_that_closes_a_document_is_no_item_s_text(note, record):
    """GB/T 9704's 附注 under the date and 版记 (抄送…, the printing office and its date) after the
    signature: the closing block's, dated as printed, not the last item's text."""
    outline = read(NOTICE + SIGNED + note + record)
    assert item(outline, "一/（一）").text == "建设基础设施。推进网络建设。（责任单位：市工业和信息化局）"
    assert dates(outline) == [("2024-03-01", "signed"), ("2024-03-02", "printed")]


@pytest.mark.parametrize("closing", [SIGNED, SIGNED + RECORD, RECORD], ids=["signature", "both", "record"])
def test_what_closes_the_document_after_its_annexes_is_no_cell(closing):
    """A signature that a web page prints after the annexes, or the 版记 that follows them."""
    outline = read(NOTICE + TASKS + closing)
    assert outline.annexes[0].rows[-1].cells == ("2", "培育数字企业", "市商务局")
    assert dates(outline)[-1][0] == ("2024-03-01" if closing == SIGNED else "2024-03-02")


def test_a_table_printed_a_cell_to_the_line_keeps_its_last_date():
    """After a bare cell, a body's name and a date are the last row's cells as likely as a signature."""
    cells = ("序号", "任务", "责任单位", "完成时间", "1", "建设数据中心", "市商务局", "2024年3月1日")
    table = "\n附件\n\n任务表\n\n" + "\n\n".join(cells) + "\n"
    outline = read(NOTICE + table)
    assert outline.annexes[0].rows[-1].cells == ("1", "建设数据中心", "市商务局", "2024年3月1日")


@pytest.mark.parametrize("signer", ["", "签发人：张三\n\n"], ids=["down", "up"])
def test_a_masthead_s_copy_number_classification_and_urgency_are_no_title(signer):
    """GB/T 9704's 版头: 份号, 密级, 紧急程度, the issuer's 文件 line, the number and, on a report
    upwards, 签发人; the title is what follows them, over two lines."""
    masthead = f"000123\n机密★1年\n特急\n\n驻马店市人民政府文件\n\n驻政〔2024〕5号\n{signer}\n"
    title = "驻马店市人民政府\n关于加快推进数字经济发展的实施意见\n\n各县（区）人民政府：\n为加快发展，提出如下意见。\n"
    meta = read(masthead + title + "一、总体要求\n加快发展。\n").metadata
    assert (meta.title, meta.document_number, meta.issuers) == (
        "驻马店市人民政府关于加快推进数字经济发展的实施意见",
        "驻政〔2024〕5号",
        ("驻马店市人民政府",),
    )


@pytest.mark.parametrize(
    "line, marked",
    [
        ("1.5G网络建设工程。新建5G基站4万个。", "5G网络建设工程。新建5G基站4万个。"),  # a number, then 5G
        ("2.3D打印产业园。", "3D打印产业园。"),
        ("1.5倍以上的增速。", None),  # a decimal
        ("1.5GW光伏项目。", None),  # a decimal with its unit
    ],
)
def test_an_arabic_marker_before_a_term_that_begins_with_a_digit(line, marked):
    marker = match_marker(line)
    assert (line[marker.end :] if marker else None) == marked


@pytest.mark.parametrize(
    "line, marked",
    [
        ("一.发展特色产业", ("cn", "发展特色产业")),  # 一． as a web page prints it, normalised
        ("十二、加强组织领导", ("cn", "加强组织领导")),
        ("一.5倍", None),  # no marker before a digit
    ],
)
def test_a_chinese_numeral_marker_with_a_full_stop(line, marked):
    marker = match_marker(line)
    assert ((marker.style, line[marker.end :]) if marker else None) == marked


def test_a_forwarded_document_is_enclosed_under_its_own_title():
    """转发X关于…的实施方案的通知: the office forwards the department's document, whose own title
    begins at 关于, its drafter named before it."""
    text = (
        "合肥市人民政府办公室转发市发展改革委关于加快推进充换电基础设施建设的实施方案的通知\n合政办〔2024〕11号\n\n"
        "各县（市）区人民政府：\n市发展改革委《关于加快推进充换电基础设施建设的实施方案》已经市政府同意，现转发给你们。\n\n"
        "一、总体要求\n到2027年，全市建成公共充电桩10万个。\n"
    )
    meta = read(text).metadata
    assert meta.enclosed_title == "关于加快推进充换电基础设施建设的实施方案"
    assert meta.issuers == ("合肥市人民政府办公室",)


def test_a_joint_masthead_stacks_its_issuers_above_文件():
    """中共X县委办公室 / X县人民政府办公室 / 文件: the masthead, not the title, which names both issuers."""
    text = (
        "中共安吉县委办公室\n安吉县人民政府办公室\n文件\n\n安委办发〔2024〕8号\n\n"
        "中共安吉县委办公室　安吉县人民政府办公室\n"
        "关于印发《安吉县白茶产业高质量发展三年行动方案（2024—2026年）》的通知\n\n"
        "各乡镇党委、人民政府：\n现将《行动方案》印发给你们，请认真贯彻落实。\n\n一、总体要求\n推进茶产业发展。\n"
    )
    meta = read(text).metadata
    assert meta.issuers == ("中共安吉县委办公室", "安吉县人民政府办公室")
    assert meta.enclosed_title == "安吉县白茶产业高质量发展三年行动方案（2024—2026年）"
    assert meta.document_number == "安委办发〔2024〕8号"


@pytest.mark.parametrize(
    "masthead",
    [
        "江苏省工业和信息化厅\n江苏省发展和改革委员会\n江苏省财政厅\n\n苏工信数字〔2024〕186号\n\n",
        "江苏省工业和信息化厅 江苏省发展和改革委员会 江苏省财政厅\n\n苏工信数字〔2024〕186号\n\n",
        "江苏省工业和信息化厅\n江苏省发展和改革委员会\n江苏省财政厅\n\n",
    ],
    ids=["stacked", "one-line", "no-number"],
)
def test_a_joint_masthead_of_the_issuers_names_alone(masthead):
    """GB/T 9704 §7.2.1: the 发文机关标志 may be the issuers' names without 文件, stacked or on one
    line; the title is the line after them that names them again and its genre."""
    text = masthead + (
        "江苏省工业和信息化厅 江苏省发展和改革委员会 江苏省财政厅关于印发《江苏省制造业数字化转型实施方案》的通知\n\n"
        "各设区市工业和信息化局、发展改革委、财政局：\n现将《实施方案》印发给你们，请认真贯彻落实。\n\n"
        "一、总体目标\n推进数字化转型。\n"
    )
    meta = read(text).metadata
    assert meta.title.startswith("江苏省工业和信息化厅 江苏省发展和改革委员会 江苏省财政厅关于印发")
    assert meta.enclosed_title == "江苏省制造业数字化转型实施方案"
    assert meta.issuers == ("江苏省工业和信息化厅", "江苏省发展和改革委员会", "江苏省财政厅")


def test_a_joint_title_wrapped_in_its_list_of_issuers_is_whole():
    """Ten ministries' notice under their masthead: its title, over several lines, lists them all
    before 关于, and its first lines are names alone; they are the title's, not a second masthead,
    as the names the line after them prints are others."""
    text = (
        "国家发展和改革委员会\n工业和信息化部\n财政部\n商务部\n国家市场监督管理总局\n文件\n\n发改环资〔2024〕318号\n\n"
        "国家发展改革委 工业和信息化部\n财政部 商务部\n市场监管总局关于加快推进废旧物资\n循环利用体系建设的通知\n\n"
        "各省、自治区、直辖市发展改革委：\n现就有关事项通知如下。\n\n一、总体要求\n加快体系建设。\n"
    )
    meta = read(text).metadata
    assert (
        meta.title
        == "国家发展改革委 工业和信息化部 财政部 商务部 市场监管总局关于加快推进废旧物资循环利用体系建设的通知"
    )
    assert meta.issuers == ("国家发展改革委", "工业和信息化部", "财政部", "商务部", "市场监管总局")


TASK_LIST_NOTICE = (
    "某区人民政府办公室关于印发《某区重点任务分解表》的通知\n\n各街道办事处，区直各单位：\n"
    "现将《某区重点任务分解表》印发给你们，请认真抓好落实。\n\n附件：某区重点任务分解表\n\n"
    "某区人民政府办公室\n2024年7月15日\n\n附件\n\n某区重点任务分解表\n\n"
    "序号\t工作任务\t具体举措\t责任单位\t完成时限\n"
    "一、完善基础设施\n"
    "1\t建设起降设施\t建成起降平台200个以上\t区交通运输局\t2026年12月\n"
    "2\t建设通信网络\t实现通信网络全覆盖\t区工业和信息化局\t2025年12月\n"
    "二、拓展应用场景\n"
    "3\t开展物流配送\t开通无人机物流航线100条以上\t区商务局\t2026年12月\n"
)


def test_a_task_list_s_group_rows_printed_as_merged_cells_stay_in_its_table():
    """A 任务分解表 enclosed by a notice, its group rows (一、完善基础设施) one cell spanning the columns
    and so printed without a tab: rows of the table, not headings of a body; the notice's signature
    between the list of annexes and the annex still dates it."""
    outline = read(TASK_LIST_NOTICE)
    assert not [i for i in outline.walk() if i.path in ("一", "二")]
    (annex,) = outline.annexes
    assert [row.cells[0] for row in annex.rows] == ["序号", "一、完善基础设施", "1", "2", "二、拓展应用场景", "3"]
    assert ("2024-07-15", "signed") in {(d.date, d.kind) for d in outline.metadata.dates}


def test_the_signature_under_the_list_of_annexes_dates_the_document():
    """GB/T 9704: 附件：… after the body, then the signature and its date, then the annexes on pages
    of their own; the date under the signature is the signing date, as it is with no annexes."""
    text = (
        "某局关于做好某工作的通知\n\n各区：\n\n现就有关事项通知如下。\n一、加强领导\n（一）加强组织领导。定期研究。\n\n"
        "附件：重点任务清单\n\n某市某局\n2024年3月15日\n\n附件\n\n重点任务清单\n\n1.建设数据中心。\n2.培育企业。\n\n"
        "抄送：市政府办公厅。\n某市某局办公室　　2024年3月18日印发\n"
    )
    outline = parse_outline(SourceText("d.txt", text, "utf-8"))
    assert [(d.date, d.kind) for d in outline.metadata.dates] == [("2024-03-15", "signed"), ("2024-03-18", "printed")]
    assert outline.items[0].children[0].text == "加强组织领导。定期研究。"


EMERGENCY_PLAN = """某市防汛应急预案

1 总则
1.1 编制目的
　　做好水旱灾害防范与处置工作，最大程度减少人员伤亡和财产损失。
1.2 适用范围
　　本预案适用于本市行政区域内水旱灾害的预防和应急处置。
2 应急响应
2.1 Ⅳ级应急响应
2.1.1 启动条件
　　出现下列情况之一的，启动Ⅳ级应急响应：
　　（1）预报2个以上县（市、区）24小时降雨量达到50毫米以上；
　　（2）主要河道发生超警戒水位洪水。
2.1.2 响应措施
　　市防指副指挥长主持会商，作出相应工作安排。工作组须在
1.5小时内到达现场。
2.2 响应终止
　　汛情得到有效控制时，市防指宣布终止应急响应。
"""


def test_an_emergency_plan_numbers_its_headings_by_decimals():
    """应急预案 number their headings 1 / 1.1 / 1.1.1 (the number, a space, the heading; a grade's
    Roman numeral may open it): each a level of the outline, its path the numbers as printed, the
    (1) items below the deepest; a line of text opening with a figure (1.5小时内…) is no heading.
    Such a plan was read as one unnumbered text."""
    outline = read(EMERGENCY_PLAN)
    assert paths(outline) == [
        "1", "1/1.1", "1/1.2", "2", "2/2.1", "2/2.1/2.1.1", "2/2.1/2.1.1/（1）", "2/2.1/2.1.1/（2）",
        "2/2.1/2.1.2", "2/2.2",
    ]  # fmt: skip
    assert item(outline, "2/2.1").title == "Ⅳ级应急响应"
    assert "1.5小时内到达现场" in fold(item(outline, "2/2.1/2.1.2").text)
    assert messages(outline) == []


def test_decimal_numbers_out_of_sequence_are_text():
    """A decimal number is a heading's only where it follows the last one read: figures opening
    short lines (2.5米, 12个) in a text numbered otherwise are no outline."""
    outline = read("某市方案\n\n一、重点任务\n\n（一）加固堤防。堤顶高程提高\n2.5米以内\n12个乡镇完成。\n")
    assert paths(outline) == ["一", "一/（一）"]


@pytest.mark.parametrize(
    ("masthead", "rendering"),
    [
        ("བོད་རང་སྐྱོང་ལྗོངས་མི་དམངས་སྲིད་གཞུང་གི་ལས་ཁང་གི་ཡིག་ཆ།", "བོད་ལྗོངས་ཀྱི་ལག་བསྟར་ཇུས་གཞི་དཔར་འགྲེམས་བྱེད་པའི་བརྡ་ཐོ།"),
        ("شىنجاڭ ئۇيغۇر ئاپتونوم رايونى خەلق ھۆكۈمىتى ھۆججىتى", "لايىھەسىنى تارقىتىش توغرىسىدا ئۇقتۇرۇش"),
    ],
    ids=["tibetan", "uyghur"],
)
def test_an_autonomous_area_s_own_script_beside_the_chinese_changes_nothing(masthead, rendering):
    """A Tibetan or Uyghur line over the masthead and over the title renders the Chinese one beside
    it: the reading is that of the Chinese alone, the title not the script's line."""
    title = "某自治区人民政府办公厅关于印发《某自治区高标准农田建设实施方案》的通知"
    chinese = (
        "某自治区人民政府办公厅文件\n\n某政办发〔2024〕12号\n\n{}\n\n"
        "各地（市）人民政府：\n　　现印发给你们。\n\n一、加强规划。\n二、加强管护。\n"
    )
    both = f"{masthead}\n{chinese.format(rendering + chr(10) + title)}"
    plain, read_both = read(chinese.format(title)), read(both)
    assert read_both.metadata.title == plain.metadata.title == title
    assert read_both.metadata.document_number == plain.metadata.document_number
    assert paths(read_both) == paths(plain) == ["一", "二"]


def test_an_autonomous_area_s_own_script_on_the_masthead_s_line_is_no_title():
    """The rendering printed on the Chinese masthead's line (…文件　ཡིག་ཆ།) leaves a 文件 header."""
    title = "某市人民政府办公室关于印发《某市实施方案》的通知"
    text = (
        f"某市人民政府办公室文件　ལྷ་ས་གྲོང་ཁྱེར་གྱི་ཡིག་ཆ།\n\n某政办发〔2024〕21号\n\n{title}\n\n"
        "各县（区）人民政府：\n　　现印发。\n\n一、加强规划。\n"
    )
    assert read(text).metadata.title == title


FORWARDED = "四川省人民政府办公厅关于推进城市更新行动的实施意见"
FORWARDING = f"""成都市人民政府办公厅关于转发《{FORWARDED}》的通知

成办发〔2024〕41号

各区（市）县政府，市政府各部门：

　　现将《{FORWARDED}》（川办发〔2024〕27号）转发给你们，并结合我市实际提出以下贯彻意见，请一并抓好落实。

　　一、加快老旧院落改造。2025年底前全面完成改造任务。（市住建局牵头）

　　二、强化组织实施。各区（市）县政府要制定本地区实施方案。

　　成都市人民政府办公厅
　　2024年9月10日

　　（此件公开发布）

四川省人民政府办公厅
关于推进城市更新行动的实施意见
川办发〔2024〕27号

　　一、总体要求

　　（一）主要目标。到2025年，全省累计开工改造城镇老旧小区2.2万个。

　　二、重点任务

　　（一）加快城镇老旧小区改造。（省住房城乡建设厅负责）

　　四川省人民政府办公厅
　　2024年8月15日

抄送：市委各部门。
　　成都市人民政府办公厅　　　　　　　　　　　　2024年9月11日印发
"""


def test_the_copy_a_forwarding_notice_prints_after_its_own_points_is_not_its_text():
    """A notice forwarding another body's document with points of its own signs and dates them, then
    prints the forwarded text, numbered from 一 again: the notice's items are its points, its date
    its own signature's, not the forwarded document's."""
    outline = read(FORWARDING)
    assert paths(outline) == ["一", "二"]
    assert item(outline, "二").body.text.endswith("实施方案。")
    assert [(d.date, d.kind) for d in outline.metadata.dates] == [("2024-09-10", "signed"), ("2024-09-11", "printed")]


def test_a_department_s_draft_a_notice_forwards_is_the_notice_s_own_text():
    """转发区建设管理委制订的《X》 issues the department's draft: its items are the document's."""
    draft = "《城市更新实施方案》"
    text = FORWARDING.replace(f"转发《{FORWARDED}》", f"转发区住房城乡建设局制订的{draft}")
    text = text.replace(f"《{FORWARDED}》（川办发〔2024〕27号）", draft)
    assert paths(read(text))[:3] == ["一", "二", "三"]


def test_the_forwarded_document_printed_as_an_annex_is_not_the_notice_s_text():
    """The same copy under 附件: an annex printing the forwarded title holds no items of the notice,
    and the copy's signature dates nothing of it."""
    text = FORWARDING.replace(
        "（此件公开发布）\n\n四川省人民政府办公厅\n", "（此件公开发布）\n\n附件\n\n四川省人民政府办公厅\n"
    )
    outline = read(text)
    assert paths(outline) == ["一", "二"]
    assert [a.label for a in outline.annexes] == ["附件"]
    assert [(d.date, d.kind) for d in outline.metadata.dates] == [("2024-09-10", "signed"), ("2024-09-11", "printed")]


_ISSUING_NOTICE = (
    "某省发展和改革委员会关于印发《某省设备更新工作方案》的通知\n\n"
    "各设区市发展改革委：\n现将《某省设备更新工作方案》印发给你们，请认真贯彻落实。\n\n"
    "{listed}\n\n某省发展和改革委员会\n2024年4月26日\n\n"
    "附件1\n\n某省设备更新工作方案\n\n为加快设备更新，制定本方案。\n一、总体目标\n到2027年，设备投资增长25%。\n"
    "二、重点任务\n（一）加快落后设备替代。推动企业淘汰落后设备。\n（二）推进节能改造。推动电机更新换代。\n\n"
    "附件2\n\n项目汇总表\n\n序号\t项目名称\t总投资（万元）\n1\t\t\n2\t\t\n\n"
    "附件3\n\n回执\n\n单位名称\t姓名\t联系电话\n"
)


@pytest.mark.parametrize(
    "listed",
    [
        "附件：1.某省设备更新工作方案\n      2.项目汇总表\n      3.回执",
        "附件：\n1.某省设备更新工作方案\n2.项目汇总表\n3.回执",
    ],
)
def test_the_list_of_annexes_under_a_notice_numbers_no_items(listed):
    """附件：1.X / 2.Y / 3.Z under a notice that numbers none of its own points names the annexes: its
    lines are no items, and the plan printed as 附件1 is the document's text (一, 二/（一）), as under
    a single 附件, the other annexes its annexes."""
    outline = read(_ISSUING_NOTICE.format(listed=listed))
    assert paths(outline) == ["一", "二", "二/（一）", "二/（二）"]
    assert [a.label for a in outline.annexes] == ["附件2", "附件3"]


def test_the_numbered_notes_under_a_form_are_no_items():
    """填表说明：1.… 2.… under a form (an annex whose table is not read) say how to fill it in, not
    what to do: no items of the annex."""
    text = (
        "某市实施方案\n\n一、工作目标\n到2027年，完成设备更新项目100个。\n\n附件：推荐表\n\n附件\n\n推荐表\n\n"
        "推荐单位（盖章）：\n\n填表说明：\n1.项目总投资不低于500万元。\n2.请于2024年5月15日前报送。\n"
    )
    outline = read(text)
    assert paths(outline) == ["一"]


def test_a_list_numbered_again_below_a_box_s_table_is_not_run_into_the_table():
    text = (
        "一、拓展市场\n（一）深耕国内市场。新建专卖店20家。\n（二）发展电商。培育主播。\n"
        "专栏1　市场拓展重点项目\n序号\t项目名称\t建设内容\t责任单位\n"
        "1\t遵义茶城\t建设茶叶交易中心\t市商务局\n2\t茶外贸基地\t建设出口备案基地5个\t市商务局\n\n"
        "（一）扩大茶叶出口。开拓中亚、欧盟市场。\n（二）推进茶旅融合。打造精品线路。\n"
    )
    outline = read(text)
    assert [i.title for i in item(outline, "一").children if i.style == "cn_paren"] == [
        "深耕国内市场",
        "发展电商",
        "扩大茶叶出口",
        "推进茶旅融合",
    ]


def test_paragraphs_opened_by_ordinals_are_items():
    text = (
        "（一）推进茶园提质\n1.稳定茶园面积。落实耕地保护制度。\n（二）提升加工水平\n"
        "第一，壮大加工主体。每年新增规上企业3家。\n第二，推动精深加工。建设产业园。\n"
        "第三，改造初制加工厂。第二、三季度完成验收。\n"
    )
    outline = read(text)
    assert paths(outline) == ["（一）", "（一）/1", "（二）", "（二）/第一", "（二）/第二", "（二）/第三"]
    assert item(outline, "（二）/第三").text.endswith("第二、三季度完成验收。")


def test_a_number_left_at_the_end_of_the_line_above_opens_the_next_item():
    text = (
        "（六）强化科技支撑\n"
        "1.加强科技研发。开展良种选育。（责任单位：县科技局） 2.\n"
        "严格投入品管理。全面禁止茶园使用除草剂。（责任单位：县农业农村局）\n"
        "3.推进质量追溯。规上茶企全部纳入追溯平台。\n"
    )
    outline = read(text)
    assert paths(outline) == ["（六）", "（六）/1", "（六）/2", "（六）/3"]
    assert item(outline, "（六）/1").text.endswith("（责任单位：县科技局）")
    assert item(outline, "（六）/2").text.startswith("严格投入品管理。")
    assert not any("numbering" in p.message and p.line != 1 for p in outline.problems)


def test_a_numbered_group_row_between_a_table_s_rows_stays_in_the_table():
    text = (
        "广州市贯彻落实数字政府改革建设工作要点任务分工方案\n\n"
        "序号\t工作任务\t牵头单位\t完成时限\n一、持续提升政务服务水平\n"
        "1\t深化改革，新推出集成服务25项以上，重点推进出生、入学等事项一次办好\t市政务服务数据管理局\t2024年12月底前\n"
        "2\t提升平台服务能力，推动与粤省事深度融合，注册用户数突破1500万\t市政务服务数据管理局\t2024年12月底前\n"
        "二、提升城市治理数字化水平\n"
        "3\t深化城市运行管理中枢建设，新增城市体征指标200项以上\t市政务服务数据管理局\t2024年12月底前\n"
    )
    assert "二" not in paths(read(text))


def test_named_task_groups_head_points_numbered_again_below_each():
    text = (
        "二、重点任务\n"
        "专项行动一：企业数字化改造提升行动\n"
        "1）推动龙头企业全面改造。支持链主企业开展全流程数字化改造。\n"
        "2）推动中小企业上云。①开展免费诊断；②推广轻量化应用。\n"
        "专项行动二：产业链数字化协同行动\n"
        "1）推动产业链上下游协同。支持链主企业搭建供应链协同平台。\n"
        "三、重点工程\n"
        "工程1：智能制造示范工程。每年遴选省级智能制造示范工厂100家。\n"
        "工程2 “一业一策”转型工程。编制行业转型路线图。\n"
        "行动一是加快建设，工程1个月内开工。\n"
    )
    outline = read(text)
    assert paths(outline) == [
        "二", "二/专项行动一", "二/专项行动一/1）", "二/专项行动一/2）", "二/专项行动二", "二/专项行动二/1）",
        "三", "三/工程1", "三/工程2",
    ]  # fmt: skip
    assert item(outline, "三/工程2").text.endswith("工程1个月内开工。")
    tasks = read("二、重点任务\n重点任务一：推进企业改造\n1.推动龙头企业改造。\n重点任务二：平台\n1.培育平台。\n")
    assert paths(tasks) == ["二", "二/重点任务一", "二/重点任务一/1", "二/重点任务二", "二/重点任务二/1"]
    assert not any("numbering" in p.message and p.line != 1 for p in outline.problems)


def test_bracketed_titles_head_unnumbered_measures():
    text = (
        "四、保障措施\n"
        "【加强组织领导】依托省制造强省建设领导小组，统筹推进全省制造业数字化转型工作。（责任单位：省经信厅）\n"
        "【加大财政金融支持】统筹省级专项资金，对数字化改造项目给予补助。（责任单位：省财政厅）\n"
        "五、任务清单\n"
        "【责任单位】省经信厅\n"
    )
    outline = read(text)
    assert paths(outline) == ["四", "四/【加强组织领导】", "四/【加大财政金融支持】", "五"]
    assert item(outline, "四/【加大财政金融支持】").title == "加大财政金融支持"
    assert item(outline, "四/【加大财政金融支持】").text.startswith("统筹省级专项资金")
    assert not any("numbering" in p.message and p.line != 1 for p in outline.problems)
    alone = read("一、保障措施\n【加强组织领导】依托领导小组统筹推进。\n二、其他\n")
    assert paths(alone) == ["一", "二"]  # one bracketed title is a label, not a list


def test_a_named_task_group_over_cn_paren_items_holds_them():
    text = (
        "二、重点行动\n"
        "行动一：智能化改造行动\n"
        "（一）推进设备更新。支持企业更新设备。\n"
        "（二）推进软件应用。推广工业软件。\n"
        "行动二：网络化协同行动\n"
        "（一）建设平台。建设工业互联网平台。\n"
        "三、保障措施\n"
        "（一）加强组织领导。成立专班。\n"
    )
    assert paths(read(text)) == [
        "二", "二/行动一", "二/行动一/（一）", "二/行动一/（二）", "二/行动二", "二/行动二/（一）", "三", "三/（一）",
    ]  # fmt: skip


def test_a_web_page_about_a_document_keeps_its_title_date_and_publisher():
    """A 政策解读 page: its title ends in 解读 after the title it explains, the line of fields under it
    (发布时间, 来源, 字号) is no running text, and the body its 来源 names publishes it; an interview's
    title names a title with its issuer (…就《X关于…》答记者问), which is not the interview's issuer."""
    page = read(
        "《陕西省人民政府关于加快推进数字经济高质量发展的实施意见》政策解读\n\n"
        "发布时间：2024-03-20　　来源：陕西省发展和改革委员会　　字号：大 中 小\n\n"
        "　　近日，省政府印发《实施意见》。现就有关内容解读如下。\n"
        "　　一、出台背景\n　　数字经济是主要经济形态。\n　　二、主要内容\n　　共六个部分。\n"
    )
    meta = page.metadata
    assert meta.title == "《陕西省人民政府关于加快推进数字经济高质量发展的实施意见》政策解读"
    assert meta.issuers == ("陕西省发展和改革委员会",)
    assert [(d.date, d.kind) for d in meta.dates] == [("2024-03-20", "issued")]
    interview = read(
        "省发展改革委负责同志就《陕西省人民政府关于加快推进数字经济高质量发展的实施意见》答记者问\n\n"
        "来源：陕西日报\n\n　　问：出台的背景？\n　　答：为加快发展，起草了《实施意见》。\n"
    )
    assert interview.metadata.issuers == ()  # a newspaper is no issuer


_RUN_ON = (
    "某市人民政府办公室关于印发某市促进银发经济发展实施方案的通知\n\n"
    "为贯彻落实上级部署，结合我市实际，制定本方案。"
    "一、总体要求（一）指导思想。坚持以人民为中心。（二）工作目标。到2027年，全市老年助餐点达到150个。"
    "二、重点任务（一）提升民生服务1.扩大老年助餐服务。推广社区配送模式。（市民政局牵头）"
    "2.拓展居家助老服务。推广家庭养老床位。（市民政局、市卫健委按职责分工负责）"
    "（二）壮大经营主体3.培育经营主体。支持企业连锁经营。（市发改委牵头）"
    "4.建设产业园区。布局银发经济产业园区，推广“1.5级”护理标准。（市工信局牵头）"
    "三、保障措施各部门要加强组织领导。\n\n某市人民政府办公室\n2025年5月12日\n"
)


@pytest.mark.parametrize("joint", ["", " "])
def test_items_run_into_one_line_are_cut_where_the_numbering_goes_on(joint):
    """A page copied without its line breaks, or with a space for each: each number that continues
    the numbering, after a sentence, a bracket or its heading's words, opens an item, numbered on
    across groups (3. under (二)); a figure inside a sentence (“1.5级”) does not."""
    outline = read(re.sub("(?=[一二三]、|（[一二]）|[1-4]\\.)", joint, _RUN_ON))
    assert paths(outline) == [
        "一",
        "一/（一）",
        "一/（二）",
        "二",
        "二/（一）",
        "二/（一）/1",
        "二/（一）/2",
        "二/（二）",
        "二/（二）/3",
        "二/（二）/4",
        "三",
    ]
    assert item(outline, "二/（二）/3").title == "培育经营主体"
    assert item(outline, "二/（一）/2").body.text.endswith(fold("（市民政局、市卫健委按职责分工负责）"))


def test_a_list_inside_a_sentence_or_of_annexes_stays_on_its_line():
    """Numbers that run on inside a line of a document whose items stand on their own lines are
    a sentence's list (包括：（1）…；（2）…) or the list of annexes (附件：1、…), no items."""
    outline = read(
        "某区工作方案\n\n一、重点任务\n（一）开展排查。排查范围包括：（1）老旧房屋；（2）违法建筑。\n"
        "（二）加强整治。\n\n附件：1、排查表\n\n某区人民政府\n2025年5月12日\n"
    )
    assert paths(outline) == ["一", "一/（一）", "一/（二）"]


@pytest.mark.parametrize("width", [24, 31, 37])
def test_a_run_on_text_hard_wrapped_at_a_fixed_width_reads_as_the_flowing_one(width):
    """Text copied from a fixed-width view: the body a stream broken every ``width`` characters,
    inside words and numbers ((|二) 拓展…); its lines are joined again and read as run on."""
    head, rest = _RUN_ON.split("\n\n", 1)
    body, tail = rest.split("\n\n", 1)
    wrapped = "\n".join(body[k : k + width] for k in range(0, len(body), width))
    assert paths(read(f"{head}\n\n{wrapped}\n\n{tail}")) == paths(read(_RUN_ON))


def test_a_section_s_name_run_into_its_first_sentence_is_its_title():
    """三、保障措施各部门要…: a plan's section name ends where its run-on prose begins, and that
    prose is the item's text (its agencies are read); a heading standing alone stays whole."""
    outline = read(_RUN_ON.replace("各部门要加强组织领导。", "市发改委要加强统筹调度，定期跟踪评估。"))
    assert item(outline, "三").title == "保障措施"
    assert item(outline, "三").body.text.split("\n")[-1].startswith("市发改委要加强统筹调度")
    alone = read(
        _RUN_ON.replace("三、保障措施各部门要加强组织领导。", "三、保障措施和工作要求\n各部门要加强组织领导。")
    )
    assert item(alone, "三").title == "保障措施和工作要求"


def test_a_number_printed_alone_on_its_line_heads_the_next_line_s_heading():
    """Some PDFs' text sets each number on a line of its own (一、/发展民生事业，解决急难愁盼/（一）/…):
    the first item below such a heading is no wrapped line's number, though the heading has a comma."""
    outline = read(
        "某市实施方案\n\n为推进工作，制定本方案。\n一、\n发展民生事业，解决急难愁盼\n（一）\n扩大老年助餐服务。推广配送。\n"
        "（二）\n拓展居家助老服务。推广床位。\n二、\n扩大产品供给，提升质量水平\n（一）\n培育经营主体。支持企业。\n"
        "（二）\n推进产业集群发展。建设园区。\n\n某市人民政府\n2025年5月12日\n"
    )
    assert paths(outline) == ["一", "一/（一）", "一/（二）", "二", "二/（一）", "二/（二）"]
