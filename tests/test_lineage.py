"""Policy lineage: the upstream documents each corpus document is based on or cites, as read."""

from __future__ import annotations

import pytest
from scoring import record

from policykg.graph.divisions import Divisions
from policykg.graph.lineage import number_key, outline_citations
from policykg.graph.outline import parse_outline
from policykg.graph.records import SourceText

# (title, number, relation, level, path) as a reader finds them in each document.
EXPECTED = {
    "zhumadian-2021-industrial-quality-plan": {
        ("河南省推动制造业高质量发展实施方案", "豫办〔2020〕17号", "based_on", "provincial", None),
        ("河南省生态环境监督执法正面清单管理制度", None, "cites", "provincial", "七/（二十六）"),
        ("保障中小企业款项支付条例", None, "cites", "national", "七/（二十六）"),
    },
    "zhumadian-2023-industrial-economy": {
        (
            "中共河南省委、河南省人民政府关于加快建设先进制造业强省的若干意见",
            "豫发〔2022〕9号",
            "based_on",
            "provincial",
            None,
        ),
    },
    "zhumadian-2019-industrial-clusters-plan": {
        ("河南省产业集聚区企业分类综合评价办法", None, "cites", "provincial", "二/（一）/1"),
    },
    # The notice that issues a plan names the plan in 《》: that is the document itself, not a citation.
    "zhumadian-2024-development-zones-plan": set(),
    "puyang-2023-manufacturing-doubling": set(),
}


def test_citations(stem):
    found = {(c.title, c.number, c.relation, c.level, c.path) for c in record(stem).citations}
    assert found == EXPECTED[stem]


def test_every_corpus_document_is_municipal(stem):
    assert record(stem).level == "municipal"


def test_citation_quotes_are_exact(stem):
    doc = record(stem)
    for c in doc.citations:
        quote = doc.outline.text.original[c.quote.start : c.quote.end]
        assert (quote.startswith("《") and c.title in quote) if c.title else quote == c.number


def _based_on(text: str) -> set[tuple[str, str | None]]:
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    return {(c.title, c.number) for c in outline_citations(outline, outline.preamble_text) if c.relation == "based_on"}


SPONGE = "本市系统化全域推进海绵城市建设的实施意见"
NOTICE = f"""上海市嘉定区人民政府办公室关于印发《嘉定区关于贯彻落实〈{SPONGE}〉的实施方案》的通知

各镇人民政府、街道办事处：
现将《嘉定区关于贯彻落实〈{SPONGE}〉的实施方案》印发给你们，请认真按照执行。

嘉定区关于贯彻落实《{SPONGE}》的实施方案

为推进海绵城市建设，结合本区实际，制定本方案。

一、工作目标
到2025年，建成区40%以上面积达到海绵城市要求。
"""


def test_a_title_that_names_its_basis_is_based_on_it():
    # 关于贯彻落实《X》的实施方案: the commonest way a lower plan says what it carries out; the
    # notice's own 《…》 is the document itself, the 〈X〉 inside it the basis.
    assert _based_on(NOTICE) == {(SPONGE, None)}


@pytest.mark.parametrize("genre", ["任务分工", "工作要点", "实施细则", "规划纲要"])
def test_a_notice_without_preamble_still_names_the_basis_in_its_title(genre):
    # 关于印发《X区贯彻落实〈Y〉任务分工》的通知, then the plan's own title and its items with no
    # opening paragraph: the title still says what the plan carries out, whatever its genre.
    title = f"嘉定区贯彻落实《{SPONGE}》{genre}"
    text = (
        f"上海市嘉定区人民政府办公室关于印发《{title.replace('《', '〈').replace('》', '〉')}》的通知\n"
        f"嘉府办发〔2024〕8号\n\n各镇人民政府、街道办事处：\n"
        f"《{title.replace('《', '〈').replace('》', '〉')}》已经区政府同意，现印发给你们，请认真组织实施。\n\n"
        f"上海市嘉定区人民政府办公室\n2024年5月6日\n\n{title}\n\n"
        "一、推进海绵型道路建设。新建道路全面落实海绵城市建设要求。（责任单位：区建设管理委）\n"
    )
    assert _based_on(text) == {(SPONGE, None)}


def test_the_document_named_by_its_own_title_is_no_citation():
    # 制定了《X》 in the preamble of the notice that issues X: the document itself
    text = NOTICE.replace(
        "为推进海绵城市建设，结合本区实际，制定本方案。",
        "为推进海绵城市建设，区政府制定了《嘉定区关于贯彻落实〈" + SPONGE + "〉的实施方案》。",
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    titles = [c.title for c in outline_citations(outline, outline.preamble_text)]
    assert titles == [SPONGE]


def test_a_revision_cites_and_repeals_the_edition_it_replaces():
    """修订后的《X管理办法》 ends 原《X管理办法》（号）同时废止: the title is its own, but the number names
    the earlier edition, which it cites and repeals; so does 原《X》 without a number, and each of a
    list before 废止. A mention of its own title with no number (对《X》进行了修订) stays no citation.
    The edition was dropped as the document itself."""
    rule = "陕西省企业技术中心认定管理办法"
    text = (
        f"陕西省工业和信息化厅关于印发修订后的《{rule}》的通知\n\n陕工信发〔2024〕87号\n\n"
        f"我厅对《{rule}》进行了修订，现印发给你们。\n\n{rule}\n\n"
        "　　第一条　为规范认定管理，制定本办法。\n"
        f"　　第十八条　本办法自2024年7月1日起施行。原《{rule}》（陕工信发〔2019〕142号）同时废止。\n"
        "　　第十九条　《陕西省技术创新示范企业管理办法》、《陕西省工业设计中心管理办法》自本办法施行之日起废止。"
        "评价按照《陕西省企业技术中心评价办法》执行。\n"
    )
    read = [(c.title, c.number, c.relation, c.repeals) for c in parse_and_cite(text)]
    assert read == [
        (rule, "陕工信发〔2019〕142号", "cites", True),
        ("陕西省技术创新示范企业管理办法", None, "cites", True),
        ("陕西省工业设计中心管理办法", None, "cites", True),
        ("陕西省企业技术中心评价办法", None, "cites", False),
    ]


@pytest.mark.parametrize(
    ("sentence", "amends"),
    [
        ("省第十四届人民代表大会常务委员会第十一次会议决定对《某省河道管理条例》作如下修改：", True),
        ("《某省河道管理条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。", True),
        ("决定对《某省河道管理条例》《某省水资源条例》等三件地方性法规作出修改。", True),
        ("根据《某省河道管理条例》，结合本市实际，制定本办法。", False),
    ],
    ids=["decides", "republished", "several", "basis"],
)
def test_a_decision_amends_the_regulation_it_edits(sentence, amends):
    """决定对《X》作如下修改: the decision amends X (eli:amends, a kind of citation), as does the closing
    《X》根据本决定作相应修改…重新公布; each of a list of regulations is amended. A basis is not."""
    text = f"某省人民代表大会常务委员会关于修改〈某省河道管理条例〉的决定\n\n{sentence}\n一、删去第二十四条。\n"
    first = parse_and_cite(text)[0]
    assert (first.title, first.amends) == ("某省河道管理条例", amends)


def parse_and_cite(text: str) -> list:
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    return outline_citations(outline, outline.preamble_text)


@pytest.mark.parametrize(
    "opening",
    [
        f"为推进《{SPONGE}》落实，结合本区实际，制定本方案。",
        f"为做好《{SPONGE}》贯彻实施工作，制定本方案。",
        f"为了实施《{SPONGE}》，结合本区实际，制定本细则。",
        f"依照《{SPONGE}》，结合本区实际，制定本方案。",
    ],
    ids=["to-advance-its-implementation", "to-carry-it-out-well", "to-implement", "in-accordance-with"],
)
def test_the_verbs_that_make_a_preamble_citation_the_basis(opening):
    text = f"嘉定区海绵城市建设实施方案\n\n{opening}\n\n一、工作目标\n建成区40%以上面积达到海绵城市要求。\n"
    assert _based_on(text) == {(SPONGE, None)}


def test_a_short_name_cites_the_title_it_stands_for():
    # 认真贯彻落实《上海市…的实施方案》（以下简称《实施方案》）… 现就贯彻落实《实施方案》重要任务
    cited = {c.title for c in record("shanghai-new-urbanization-task-division-2025").citations}
    assert "实施方案" not in cited
    assert "上海市深入实施以人为本的新型城镇化战略五年行动计划的实施方案" in cited


def _read(text: str) -> list[tuple[str | None, str | None, str, str, str | None, str]]:
    """(title, number, relation, level, path, quote) of every citation of a text."""
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    return [
        (c.title, c.number, c.relation, c.level, c.path, text[c.quote.start : c.quote.end])
        for c in outline_citations(outline, outline.preamble_text)
    ]


def _plan(opening: str, task: str = "建成区40%以上面积达到海绵城市要求。", number: str = "") -> str:
    """A district plan: its own number under its title, an opening, a basis section and one task."""
    head = f"嘉定区海绵城市建设实施方案\n{number}\n\n{opening}\n\n"
    return head + f"一、总体要求\n坚持系统治理。\n\n二、工作目标\n{task}\n"


@pytest.mark.parametrize(
    "opening, number, level",
    [
        ("按照沪府办发〔2024〕3号文件要求，结合本区实际，制定本方案。", "沪府办发〔2024〕3号", "provincial"),
        ("根据国办发〔2021〕10号文件精神，结合本区实际，制定本方案。", "国办发〔2021〕10号", "national"),
        ("依据沪府规〔2023〕5号文，结合本区实际，制定本方案。", "沪府规〔2023〕5号", "provincial"),
        ("按照市政府办公厅沪府办〔2022〕20号文件部署，结合本区实际，制定本方案。", "沪府办〔2022〕20号", "provincial"),
        ("为贯彻落实豫政〔2021〕3号文件，结合本市实际，制定本方案。", "豫政〔2021〕3号", "provincial"),
        ("遵照国务院办公厅国办发〔2021〕10号文件精神，制定本方案。", "国办发〔2021〕10号", "national"),
        ("根据省委、省政府豫发〔2022〕9号文件精神，制定本方案。", "豫发〔2022〕9号", "provincial"),
        ("落实工业和信息化部工信部联规〔2021〕3号文件要求，制定本方案。", "工信部联规〔2021〕3号", "national"),
        ("根据工信部联规〔2021〕3号文件要求，制定本方案。", "工信部联规〔2021〕3号", "national"),
        ("依照财政部财建〔2021〕3号文件，制定本方案。", "财建〔2021〕3号", "national"),
        ("按照上海市松江区人民政府沪松府办〔2025〕31号文件要求，制定本方案。", "沪松府办〔2025〕31号", "county"),
        ("按照沪府办发（2024）3号文件要求，结合本区实际，制定本方案。", "沪府办发（2024）3号", "provincial"),
        ("根据国办发[2021]10号文件精神，制定本方案。", "国办发[2021]10号", "national"),
        ("根据国办发【2021】10号文件精神，制定本方案。", "国办发【2021】10号", "national"),
    ],
    ids=[
        "as-required-by",
        "in-the-spirit-of",
        "on-the-basis-of-the-document",
        "issuer-then-number",
        "to-carry-out",
        "ministry-then-number",
        "two-issuers",
        "ministry-then-its-joint-code",
        "a-code-that-starts-like-an-issuer",
        "a-code-that-repeats-its-issuers-initial",
        "a-district-number",
        "year-in-round-brackets",
        "year-in-square-brackets",
        "year-in-lenticular-brackets",
    ],
)
def test_a_basis_named_by_its_number_alone(opening, number, level):
    assert _read(_plan(opening)) == [(None, number, "based_on", level, None, number)]


@pytest.mark.parametrize(
    "opening",
    [
        f"根据《{SPONGE}》、国办发〔2021〕10号和沪府规〔2023〕5号文件精神，制定本方案。",
        f"根据《{SPONGE}》精神、国办发〔2021〕10号文件要求和沪府规〔2023〕5号文，制定本方案。",
    ],
    ids=["listed", "each-with-its-own-words"],
)
def test_numbers_listed_after_a_verb_are_all_the_basis(opening):
    assert [(title, number, relation) for title, number, relation, *_ in _read(_plan(opening))] == [
        (SPONGE, None, "based_on"),
        (None, "国办发〔2021〕10号", "based_on"),
        (None, "沪府规〔2023〕5号", "based_on"),
    ]


@pytest.mark.parametrize(
    "between",
    [
        "和",
        "及市住建委",
        "和工业和信息化部等五部门",
        "和工业和信息化部等两部门",
        "和工业和信息化部等部门",
        "、国务院办公厅印发的",
        "要求和",
        "文件精神及省厅",
    ],
    ids=["and", "issuer", "issuers", "two-issuers", "issuers-uncounted", "issued", "its-word", "its-word-issuer"],
)
def test_titles_listed_after_a_verb_are_all_the_basis_whoever_issued_them(between):
    other = "关于加快推动制造业数字化转型的指导意见"
    opening = f"为贯彻落实《{SPONGE}》（沪府办〔2023〕5号）{between}《{other}》精神，制定本方案。"
    assert [(title, relation) for title, _, relation, *_ in _read(_plan(opening))] == [
        (SPONGE, "based_on"),
        (other, "based_on"),
    ]


def test_a_title_with_a_number_whose_year_is_in_round_brackets():
    opening = f"根据《{SPONGE}》（沪府办发（2024）3号）精神，制定本方案。"
    assert [(c[0], c[1], c[2]) for c in _read(_plan(opening))] == [(SPONGE, "沪府办发（2024）3号", "based_on")]


def test_a_number_with_its_serial_written_with_di_or_zeros_is_the_number():
    """〔2024〕第3号 and 〔2024〕03号, as some print them, are read and compared as 〔2024〕3号."""
    opening = f"根据《{SPONGE}》（沪府办发〔2024〕第3号）精神，制定本方案。"
    assert [(c[0], c[1], c[2]) for c in _read(_plan(opening))] == [(SPONGE, "沪府办发〔2024〕第3号", "based_on")]
    assert number_key("沪府办发〔2024〕第3号") == number_key("沪府办发〔2024〕03号") == "沪府办发〔2024〕3号"
    assert number_key("沪府办发〔2024〕30号") != number_key("沪府办发〔2024〕3号")


@pytest.mark.parametrize(
    "place, number, level",
    [("310114", "嘉府办发〔2024〕3号", "county"), ("411723", "驻政办〔2021〕10号", "municipal")],
    ids=["a-district-of-a-municipality", "the-city-above-a-county"],
)
def test_a_local_number_has_the_level_of_the_place_its_initial_names_near_the_document(place, number, level):
    text = _plan(f"按照{number}文件要求，结合本地实际，制定本方案。")
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    within = Divisions.bundled().by_code[place]
    assert [(c.number, c.level) for c in outline_citations(outline, outline.preamble_text, within)] == [(number, level)]


def test_a_number_alone_in_a_task_is_cited():
    task = "按照沪府办发〔2024〕3号文件要求，建成区40%以上面积达到海绵城市要求。"
    assert _read(_plan("为推进海绵城市建设，制定本方案。", task)) == [
        (None, "沪府办发〔2024〕3号", "cites", "provincial", "二", "沪府办发〔2024〕3号")
    ]


def test_a_title_that_names_its_basis_by_number():
    text = "关于贯彻落实国发〔2021〕10号文件精神的实施意见\n\n为推进海绵城市建设，制定本意见。\n\n一、目标\n达标。\n"
    assert [(c[0], c[1], c[2]) for c in _read(text)] == [(None, "国发〔2021〕10号", "based_on")]


@pytest.mark.parametrize(
    "text",
    [
        # the document's own number, under its title and in its header
        _plan("为推进海绵城市建设，结合本区实际，制定本方案。", number="嘉府办发〔2024〕12号"),
        "上海市嘉定区人民政府办公室文件\n嘉府办发〔2024〕12号\n\n" + _plan("为推进海绵城市建设，制定本方案。"),
        # its own number, even where a verb stands before it
        _plan("按照嘉府办发〔2024〕12号文件，制定本方案。", number="嘉府办发〔2024〕12号"),
        # a number in a table cell, not introduced by a verb
        _plan("为推进海绵城市建设，制定本方案。", "序号 | 任务 | 依据\n1 | 建成区达标 | 沪府办发〔2024〕3号"),
        # a number that a verb does not introduce
        _plan("为推进海绵城市建设，现将沪府办发〔2024〕3号文件转发给你们。"),
    ],
    ids=["own-number", "own-header-and-number", "own-number-after-a-verb", "table-cell", "no-verb"],
)
def test_numbers_that_are_no_citation(text):
    assert _read(text) == []


def test_a_number_after_a_title_is_read_with_it():
    opening = f"根据《{SPONGE}》（沪府办发〔2024〕3号）文件精神，制定本方案。"
    assert [(c[0], c[1], c[2]) for c in _read(_plan(opening))] == [(SPONGE, "沪府办发〔2024〕3号", "based_on")]


def test_a_number_not_in_brackets_after_a_title_is_not_its_number():
    opening = f"根据《{SPONGE}》精神和沪府规〔2023〕5号文，制定本方案。"
    assert [(c[0], c[1]) for c in _read(_plan(opening))] == [(SPONGE, None), (None, "沪府规〔2023〕5号")]


def test_a_certificate_or_a_form_in_book_title_marks_is_no_citation():
    task = "推行《道路运输证》电子证照，企业签署《风险隐患告知书》，依据《上海市道路运输管理条例》办理。"
    assert [c[0] for c in _read(_plan("为推进交通运输发展，制定本方案。", task))] == ["上海市道路运输管理条例"]


@pytest.mark.parametrize("verb", ["编制", "研究制定", "出台"])
def test_a_document_a_text_orders_written_is_no_citation(verb):
    """编制《X专项规划》: the plan is still to be written; revising one (修订《Y》) names it as it is."""
    text = _plan("为推进海绵城市建设，制定本方案。", f"{verb}《嘉定区海绵城市专项规划》，修订《嘉定区排水管理办法》。")
    assert [title for title, *_ in _read(text)] == ["嘉定区排水管理办法"]


GUIDANCE = "工业和信息化部 国家发展改革委关于加快推进制造业数字化转型的指导意见"
ISSUING = f"""江苏省工业和信息化厅文件

苏工信数字〔2024〕186号

江苏省工业和信息化厅关于印发《江苏省制造业数字化转型实施方案（2024—2027年）》的通知

各设区市工业和信息化局：

为贯彻落实《{GUIDANCE}》（工信部联信发〔2024〕112号），现将《江苏省制造业数字化转型实施方案（2024—2027年）》印发给你们，请结合实际认真贯彻落实。

附件：江苏省制造业数字化转型实施方案（2024—2027年）

江苏省工业和信息化厅
2024年11月5日

附件

江苏省制造业数字化转型实施方案（2024—2027年）

为深入贯彻国家关于推进新型工业化的部署要求，制定本实施方案。

一、总体目标
到2027年，规模以上工业企业关键工序数控化率达到72%。
"""


@pytest.mark.parametrize(
    "text",
    [
        ISSUING,
        ISSUING.replace("（工信部联信发", "\n（工信部联信发").replace("数字化转型的指导意见", "数字化转型\n的指导意见"),
        ISSUING.replace("附件：江苏省制造业数字化转型实施方案（2024—2027年）\n", ""),
        ISSUING.replace("\n附件\n", "\n"),
    ],
    ids=["annex", "hard-wrapped", "no-annex-list", "no-annex-label"],
)
def test_the_basis_the_notice_states_is_that_of_the_plan_it_issues(text):
    """关于印发《X》的通知: the notice's own paragraph (为贯彻落实《Y》（号），现将《X》印发给你们) states
    what X carries out, though X follows it with a preamble of its own; it is no item."""
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert [(c[0], c[1], c[2], c[3], c[4]) for c in _read(text)] == [
        (GUIDANCE.replace(" ", ""), "工信部联信发〔2024〕112号", "based_on", "national", None)
    ]
    assert [item.path for item in outline.walk()] == ["一"]


def test_a_notice_cited_with_the_titles_nested_in_its_own_is_one_citation():
    """《…关于印发〈贯彻落实《国务院办公厅关于…的意见》重点任务分工方案〉的通知》（川办发〔2024〕41号）: the
    notice, with its number, cited as the document it issues; the titles inside it are part of its title."""
    inner = "国务院办公厅关于加快推进冷链物流高质量发展的意见"
    notice = f"《四川省人民政府办公厅关于印发〈贯彻落实《{inner}》重点任务分工方案〉的通知》"
    text = _plan(f"为贯彻落实{notice}（川办发〔2024〕41号）精神，结合本市实际，制定本方案。")
    assert [(title, number, relation) for title, number, relation, *_ in _read(text)] == [
        (f"贯彻落实《{inner}》重点任务分工方案", "川办发〔2024〕41号", "based_on")
    ]


@pytest.mark.parametrize(
    "issuers",
    ["自治区党委办公厅、自治区人民政府办公厅", "州党委办公室、州人民政府办公室", "中共中央办公厅 国务院办公厅印发的"],
    ids=["region", "prefecture", "central"],
)
def test_a_title_after_the_offices_that_jointly_issued_it_is_the_basis(issuers):
    """Two offices of one level issue a plan together (两办); named between the verb and the title
    they are longer than a few words, and the plan is still what the document carries out."""
    opening = f"为深入贯彻落实{issuers}《{SPONGE}》（沪府办〔2023〕5号）精神，结合实际，制定本方案。"
    assert [(c[0], c[2]) for c in _read(_plan(opening))] == [(SPONGE, "based_on")]


@pytest.mark.parametrize(
    "before",
    [
        "全国、全省、全市教育工作会议精神和市教育局",
        "省委经济工作会议精神及市政府",
        "习近平总书记考察江西重要讲话精神和",
    ],
    ids=["meetings-and-issuer", "meeting-and-government", "speech"],
)
def test_a_title_after_meetings_listed_as_a_basis_is_the_basis(before):
    """A preamble names the meetings it follows before the plan it carries out (根据全国、全省教育工作
    会议精神和市教育局《X》要求): the plan after them is still the basis."""
    opening = f"根据{before}《{SPONGE}》要求，结合实际，制定本要点。"
    assert [(c[0], c[2]) for c in _read(_plan(opening))] == [(SPONGE, "based_on")]


def test_a_joint_title_naming_every_issuer_is_cited_whole():
    """A notice ten ministries issue names them all in its title, over 80 characters; a province's
    plan based on it cites that title whole (the spaces between the names dropped) with its number."""
    issuers = (
        "国家发展改革委 工业和信息化部 财政部 自然资源部 生态环境部 住房城乡建设部 交通运输部 商务部 "
        "市场监管总局 国家能源局"
    )
    title = f"{issuers}关于加快推进废旧物资循环利用体系建设的通知"
    assert len(title) > 80
    opening = f"为贯彻落实《{title}》（发改环资〔2024〕318号）要求，结合本省实际，制定本方案。"
    assert [(c[0], c[1], c[2], c[3]) for c in _read(_plan(opening))] == [
        (title.replace(" ", ""), "发改环资〔2024〕318号", "based_on", "national")
    ]


def test_an_unclosed_title_mark_does_not_run_into_the_next_sentence():
    """No title holds a full stop: a 《 left open ends with its sentence, not at a 》 after it."""
    opening = "为做好《海绵城市专项规划编制工作，结合本区实际，制定本方案。各街镇按照本方案》的分工落实。"
    assert _read(_plan(opening)) == []


def test_a_notice_is_based_on_the_document_another_body_issued_that_it_forwards():
    # 关于转发《X》的通知 names X in its title, as 关于印发《X》的通知 does, but X is the province's document,
    # not the notice: 现将《X》（number）转发给你们 makes it the notice's basis
    forwarded = "四川省人民政府办公厅关于推进城市更新行动的实施意见"
    text = (
        f"成都市人民政府办公厅关于转发《{forwarded}》的通知\n成办发〔2024〕41号\n\n各区（市）县政府：\n"
        f"现将《{forwarded}》（川办发〔2024〕27号）转发给你们，并提出以下贯彻意见，请一并抓好落实。\n\n"
        "一、加快老旧院落改造。2025年底前全面完成改造任务。（市住建局牵头）\n"
    )
    assert _based_on(text) == {(forwarded, "川办发〔2024〕27号")}


def test_a_form_the_document_encloses_is_no_citation_but_an_enclosed_basis_stays():
    """将《X项目汇总表》（附件2）报送: a form the document encloses is its own annex, no other
    document; an annex that prints the document it carries out is still its basis."""
    basis = "某省设备更新工作方案"
    text = (
        f"某市设备更新实施方案\n\n为贯彻落实《{basis}》，制定本方案。\n\n一、重点任务\n"
        "推动企业淘汰落后设备。请各县于2024年5月15日前将《某市设备更新项目推荐表》（附件2）报送市发展改革委。\n\n"
        f"附件：1.{basis}\n2.某市设备更新项目推荐表\n\n附件1\n\n{basis}\n\n推动设备更新。\n\n"
        "附件2\n\n某市设备更新项目推荐表\n\n序号\t项目名称\t总投资（万元）\n1\t\t\n"
    )
    assert [(title, relation) for title, _, relation, *_ in _read(text)] == [(basis, "based_on")]
