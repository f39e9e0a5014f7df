"""Responsibility clause forms beyond the corpus, each read from a small document of its own."""

from __future__ import annotations

import pytest

from policykg.graph.build import schema_ntriples
from policykg.graph.checks import check_unit
from policykg.graph.extract import extract, in_full, own_group
from policykg.graph.gazetteer import Gazetteer
from policykg.graph.mapped import MappedText
from policykg.graph.outline import parse_outline
from policykg.graph.prose import is_body, prose_assignments
from policykg.graph.rdf import document_triples
from policykg.graph.records import SourceText
from policykg.graph.responsibilities import body_assignments, first_listed_lead, split_agencies
from policykg.graph.store import as_ntriples


def known_in(code: str):
    """Whether the gazetteer knows a name as a body in the documents of a division."""
    gazetteer = Gazetteer.bundled()
    place = gazetteer.place_of(gazetteer.divisions.by_code[code])
    return lambda name: gazetteer.resolve(name, place).resolved


def prose(text: str, known) -> list:
    """The prose assignments of a document, bodies known as ``known`` says."""
    return prose_assignments(parse_outline(SourceText("doc.txt", text, "utf-8")), known)


def assignments(body: str):
    text = f"某市工作方案\n\n一、重点任务\n\n（一）推进项目建设。加快建设。{body}\n\n（二）优化服务。持续优化。\n"
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    return [(a.path, a.agency.name, a.role, a.rank, a.joint) for a in body_assignments(outline)]


@pytest.mark.parametrize(
    "clause, expected",
    [
        (
            "（市发改委牵头，市工信局、市财政局配合）",
            [("市发改委", "lead", 1), ("市工信局", "support", 1), ("市财政局", "support", 2)],
        ),
        (
            "（牵头单位：市科技局；配合单位：市教育局、人社局）",
            [("市科技局", "lead", 1), ("市教育局", "support", 1), ("市人社局", "support", 2)],
        ),
        (
            "（市商务局牵头负责，市招商局、各区政府组织落实）",
            [("市商务局", "lead", 1), ("市招商局", "implementer", 1), ("各区政府", "implementer", 2)],
        ),
        (
            "（责任单位 ：市自然资源和规划局、住建局、市场监管局）",
            [
                ("市自然资源和规划局", "responsible", 1),
                ("市住建局", "responsible", 2),
                ("市市场监管局", "responsible", 3),
            ],
        ),
        (
            "（主办单位：市商务委；协办单位：市财政局）",
            [("市商务委", "lead", 1), ("市财政局", "support", 1)],
        ),
        ("（责任主体：各区政府）", [("各区政府", "responsible", 1)]),
        ("（落实单位：市财政局、市税务局）", [("市财政局", "responsible", 1), ("市税务局", "responsible", 2)]),
        # unbracketed, on a line of its own or after the task's last sentence, as task lists print them
        (
            "\n责任单位：市行政审批局、市大数据中心。",
            [("市行政审批局", "responsible", 1), ("市大数据中心", "responsible", 2)],
        ),
        ("牵头单位：市商务局；配合单位：市财政局", [("市商务局", "lead", 1), ("市财政局", "support", 1)]),
        ("\n责任单位：各县区人民政府（管委会）", [("各县区人民政府(管委会)", "responsible", 1)]),
        # a lead and its supporters under the label of those responsible
        ("\n责任单位：市审批局牵头，市大数据中心配合", [("市审批局", "lead", 1), ("市大数据中心", "support", 1)]),
        (
            "（市卫健委牵头，市民政局、市医保局按职责分工负责）",
            [("市卫健委", "lead", 1), ("市民政局", "support", 1), ("市医保局", "support", 2)],
        ),
        # after the lead, parts apart by ; each with its role's verb
        (
            "（省经信委牵头，省发展改革委、省科技厅配合；各市（州）人民政府负责落实）",
            [
                ("省经信委", "lead", 1),
                ("省发展改革委", "support", 1),
                ("省科技厅", "support", 2),
                ("各市(州)人民政府", "implementer", 1),
            ],
        ),  # fmt: skip
        # 由 before the lead
        ("（由市发改委牵头，市财政局配合）", [("市发改委", "lead", 1), ("市财政局", "support", 1)]),
        # the lead marked among those responsible, the others supporting
        (
            "（责任单位：市工信局（牵头）、市发改委、市科技局）",
            [("市工信局", "lead", 1), ("市发改委", "support", 1), ("市科技局", "support", 2)],
        ),
        (
            "\n责任单位：市工信局（牵头）、各区政府\n完成时限：2026年底",
            [("市工信局", "lead", 1), ("各区政府", "support", 1)],
        ),
        (
            "（责任单位：市商务局〔牵头〕、市财政局）",
            [("市商务局", "lead", 1), ("市财政局", "support", 1)],
        ),
        ("（市发改委牵头，各区政府具体负责）", [("市发改委", "lead", 1), ("各区政府", "implementer", 1)]),
        ("（主责单位：市发改委；协同单位：市财政局）", [("市发改委", "responsible", 1), ("市财政局", "support", 1)]),
        # a list of bodies ends at another field or a deadline
        ("（责任领导：张三；责任单位：市发改委，2025年底前完成）", [("市发改委", "responsible", 1)]),
        # a label in brackets of its own, on its line
        ("\n【牵头单位】市发改委\n【配合单位】市财政局", [("市发改委", "lead", 1), ("市财政局", "support", 1)]),
        # bodies alone in brackets after the task's last sentence, as task divisions print them
        ("（市发改委、市财政局）", [("市发改委", "responsible", 1), ("市财政局", "responsible", 2)]),
        # names apart by a space, a slash or 及; roles labelled without 单位
        (
            "（责任单位：市发改委 市财政局/市科技局及各区政府）",
            [
                ("市发改委", "responsible", 1),
                ("市财政局", "responsible", 2),
                ("市科技局", "responsible", 3),
                ("各区政府", "responsible", 4),
            ],
        ),
        ("（牵头：市发改委；配合：市财政局）", [("市发改委", "lead", 1), ("市财政局", "support", 1)]),
        # a label after a clause of the task's sentence, and a list closed by 等市直有关部门
        (
            "开展专项整治，责任单位：市市场监管局、市财政局等市直有关部门。",
            [("市市场监管局", "responsible", 1), ("市财政局", "responsible", 2)],
        ),
        # square brackets, as some documents print a clause
        ("【责任单位：市民政局、市财政局】", [("市民政局", "responsible", 1), ("市财政局", "responsible", 2)]),
        ("〔牵头单位：市民政局；配合单位：市财政局〕", [("市民政局", "lead", 1), ("市财政局", "support", 1)]),
    ],
    ids=[
        "x-lead-y-support",
        "labelled-lead-support",
        "lead-and-implement",
        "city-prefix-once",
        "host-and-co-host",
        "the-body-that-answers",
        "the-bodies-that-carry-out",
        "a-line-of-its-own",
        "after-the-last-sentence",
        "a-line-ending-in-a-bracket",
        "lead-under-the-responsible-label",
        "lead-and-the-others-by-their-duties",
        "lead-then-parts-with-their-roles",
        "by-a-lead",
        "lead-marked-in-the-list",
        "lead-marked-on-a-line-with-a-deadline-after",
        "lead-marked-in-tortoise-shell-brackets",
        "lead-and-those-who-carry-it-out",
        "co-operating-bodies",
        "a-leader-before-and-a-deadline-after",
        "labels-in-brackets-of-their-own",
        "bodies-alone-in-brackets",
        "names-apart-by-a-space-a-slash-or-ji",
        "roles-without-bearer",
        "after-a-clause-and-etc",
        "square-brackets",
        "tortoise-shell-brackets",
    ],
)
def test_clause_forms(clause, expected):
    assert [(name, role, rank) for _, name, role, rank, _ in assignments(clause)] == expected
    assert {path for path, *_ in assignments(clause)} == {"一/（一）"}


@pytest.mark.parametrize(
    "clause, names",
    [
        ("（省发展改革委、省财政厅按职责分工负责）", ["省发展改革委", "省财政厅"]),
        # the State Council's form: ministries, 署 and 监会 among them, and 等 closing the list
        ("（商务部、海关总署、银保监会等按职责分工负责）", ["商务部", "海关总署", "银保监会"]),
        # the variants of the words
        ("（市发展改革委、市财政局按照职责分工落实）", ["市发展改革委", "市财政局"]),
        ("（市发展改革委、市财政局按职能分工负责）", ["市发展改革委", "市财政局"]),
        ("（由市发展改革委、市财政局按职责分工负责）", ["市发展改革委", "市财政局"]),  # 由 before them
        # a body named by its offices (机关): the discipline commissions', a Party working committee's
        ("（省纪委省监委机关、省直机关工委按职责分工负责）", ["省纪委省监委机关", "省直机关工委"]),
    ],
)
def test_bodies_sharing_a_task_with_no_lead_are_jointly_responsible(clause, names):
    assert [(name, role, joint) for _, name, role, _, joint in assignments(clause)] == [
        (name, "responsible", True) for name in names
    ]


@pytest.mark.parametrize(
    "blanket",
    [
        "，以下各项任务均需各县区人民政府负责落实，不再列出",
        "。以下均需各县区人民政府落实，不再列出",
        "；以下工作均由各县区人民政府组织实施",
    ],
)
def test_blanket_clause_covers_the_later_measures_of_its_section(blanket):
    found = assignments(f"（责任单位：市工信局{blanket}）")
    assert [(name, role) for path, name, role, *_ in found if path == "一/（一）"] == [("市工信局", "responsible")]
    assert ("一/（二）", "各县区人民政府", "implementer", 1, False) in found


def test_a_parenthesis_that_is_not_a_clause_gives_nothing():
    assert assignments("（含虚拟专网）推进5G建设（2024-2026年）") == []
    assert assignments("（2025年底前完成）") == assignments("（含综合管廊）") == []


def test_split_keeps_spans_on_the_original():
    text = MappedText.of("市发改委、教育局,各县区政府")
    mentions = split_agencies(text)
    assert [text.original[m.span.start : m.span.end] for m in mentions] == ["市发改委", "教育局", "各县区政府"]


def test_a_clause_names_no_body_after_a_label_of_something_else():
    found = assignments("（责任单位：市科委、市财政局；完成时限：2025年底）")
    assert [(name, role) for _, name, role, *_ in found] == [("市科委", "responsible"), ("市财政局", "responsible")]


def test_a_bracketed_duty_sentence_names_its_bodies_once():
    # （市教委、市财政局负责）: a clause of the item, which the prose reading then leaves alone
    text = "某市工作方案\n\n一、重点任务\n\n（一）推进项目建设。加快建设。（市教委、市财政局负责）\n"
    assert [(path, name) for path, name, *_ in assignments("（市教委、市财政局负责）")] == [
        ("一/（一）", "市教委"),
        ("一/（一）", "市财政局"),
    ]
    assert prose(text, lambda name: True) == []


def test_a_group_s_office_named_with_where_it_sits_a_lead_s_implementers_and_who_coordinates():
    text = (
        "某市工作方案\n\n一、重点任务\n\n（一）加强垃圾治理。市城管局牵头，各区政府具体实施。\n\n"
        "（二）加强统筹。市整治工作领导小组办公室（设在市农业农村局）负责统筹协调，定期通报进展。\n\n"
        "（三）加强保障。市商务局要加强统筹协调，定期跟踪评估政策实施效果。\n\n"
        "（四）推进村庄整治。由市农业农村委牵头，各区政府具体负责。\n"
    )
    found = prose(text, lambda name: True)
    assert [(a.path, a.agency.name, a.role) for a in found] == [
        ("一/（一）", "市城管局", "lead"),
        ("一/（一）", "各区政府", "responsible"),
        ("一/（二）", "市整治工作领导小组办公室", "coordinator"),
        ("一/（三）", "市商务局", "coordinator"),
        ("一/（四）", "市农业农村委", "lead"),
        ("一/（四）", "各区政府", "responsible"),
    ]


def test_the_bodies_a_lead_works_with_support_it_named_whole():
    """由X牵头，会同Y…: Y supports, as after X会同Y; a body after 会同 is the name the gazetteer knows,
    not its first few characters that end like a body (市住房城乡, 乡)."""
    text = (
        "某市工作方案\n\n一、重点任务\n\n（一）完善政策体系。由市发展改革委牵头，会同市财政局、市科技局等部门制定实施细则。\n\n"
        "（二）加强要素保障。市自然资源和规划局要会同市住房城乡建设局做好用地保障。\n"
    )

    found = prose(text, known_in("340100"))
    assert [(a.path, a.agency.name, a.role) for a in found] == [
        ("一/（一）", "市发展改革委", "lead"),
        ("一/（一）", "市财政局", "support"),
        ("一/（一）", "市科技局", "support"),
        ("一/（二）", "市自然资源和规划局", "lead"),
        ("一/（二）", "市住房城乡建设局", "support"),
    ]


def test_an_airport_bears_a_duty_beside_bureaus():
    """本条由市发改委、晋江国际机场负责实施: an airport is named as the body that operates it, and one
    name the reading cannot place would lose the whole list."""
    text = "某市实施细则\n\n第十条 支持拓展航空货运业务。本条由市发改委、晋江国际机场负责实施。\n"
    found = prose(text, known_in("350500"))
    assert [(a.path, a.agency.name, a.role) for a in found] == [
        ("第十条", "市发改委", "responsible"),
        ("第十条", "晋江国际机场", "responsible"),
    ]


def test_a_body_of_the_same_level_is_the_lead_s_level():
    """X会同同级财政部门: 同级 is the level of the body it works with, so the county's finance department,
    and a law's 县级以上人民政府X部门会同同级Y部门 is the same governments' Y department."""
    text = (
        "某市实施细则\n\n第十四条 县（市、区）工业和信息化部门会同同级财政部门对申报材料进行初审。\n"
        "第十五条 县级以上人民政府农业农村主管部门会同同级财政部门做好资金监管。\n"
    )
    found = prose(text, known_in("140100"))
    assert [(a.agency.name, a.role) for a in found] == [
        ("县(市、区)工业和信息化部门", "lead"),
        ("县(市、区)财政部门", "support"),
        ("县级以上人民政府农业农村主管部门", "lead"),
        ("县级以上人民政府财政部门", "support"),
    ]


def test_the_bodies_taking_part_under_a_lead_support_it():
    """由A牵头，B、C等单位参加: the bodies taking part support the lead, as a 参加单位 column says."""
    text = (
        "某市考核办法\n\n一、组织实施\n\n（一）成立考核工作组。市人民政府成立考核工作组，由市自然资源和规划局牵头，"
        "市发展改革委、市财政局等单位参加，负责组织实施考核工作。\n"
    )
    found = prose(text, known_in("340100"))
    assert [(a.agency.name, a.role) for a in found] == [
        ("市自然资源和规划局", "lead"),
        ("市发展改革委", "support"),
        ("市财政局", "support"),
    ]


def test_an_enumerator_before_a_duty_is_no_part_of_its_bearer():
    text = (
        "某县工作方案\n\n一、压实责任\n\n一是县林业局要加强统筹协调，组织开展隐患排查；"
        "二是各乡镇人民政府要落实属地管理责任；第三，县应急管理局负责做好物资储备。\n"
    )
    found = prose(text, known_in("411721"))
    assert [(a.agency.name, a.role) for a in found] == [
        ("县林业局", "coordinator"),
        ("各乡镇人民政府", "responsible"),
        ("县应急管理局", "responsible"),
    ]


def test_a_body_a_clause_sets_up_bears_the_duty_it_gives():
    text = (
        "某市实施意见\n\n三、保障措施\n\n（一）加强组织领导。成立市数字经济发展领导小组，统筹推进各项工作。\n"
        "（二）强化机构保障。本市设立城市更新中心，按照规定职责，参与相关规划编制。\n"
    )
    found = prose(text, known_in("411700"))
    assert [(a.path, a.agency.name, a.role) for a in found] == [
        ("三/（一）", "市数字经济发展领导小组", "coordinator"),
        ("三/（二）", "城市更新中心", "responsible"),
    ]


def test_the_members_of_a_joint_meeting_are_not_who_it_says_coordinates():
    text = (
        "某市工作方案\n\n一、保障措施\n\n（一）加强组织领导。建立市数字经济发展联席会议制度，由市政府分管领导"
        "担任召集人，市发展改革委、市经信局等单位为成员单位，统筹推进数字经济发展工作。\n"
    )
    assert prose(text, lambda name: True) == []


@pytest.mark.parametrize("statement", ["各区政府是稳就业工作的责任主体", "各区政府是本辖区道路安全的第一责任人"])
def test_the_body_a_sentence_names_as_the_one_answerable_is_responsible(statement):
    text = f"某市工作方案\n\n一、重点任务\n\n（一）推进项目建设。{statement}，负责组织实施。\n"
    found = prose(text, lambda name: True)
    assert [(a.path, a.agency.name, a.role) for a in found] == [("一/（一）", "各区政府", "responsible")]


@pytest.mark.parametrize("role", ["有关部门", "处置部门", "责任单位", "牵头部门", "配合单位", "各地各部门"])
def test_a_role_in_the_task_is_no_body(role):
    """有关部门, 处置部门 (whoever handles it), 牵头部门: a role the task gives, not a body it names."""
    text = f"某市工作方案\n\n一、重点任务\n\n（一）处置问题。{role}要及时反馈问题，市财政局负责保障经费。\n"
    found = prose(text, lambda name: name == "市财政局")
    assert [a.agency.name for a in found] == ["市财政局"]


@pytest.mark.parametrize(
    "clause, expected",
    [
        # a note closing the list is no body
        (
            "（责任单位：市财政局，各县（市、区）人民政府，下同）",
            [("市财政局", "responsible"), ("各县(市、区)人民政府", "responsible")],
        ),
        # the main responsible body leads, the others support
        ("（主要责任单位：市委宣传部；其他责任单位：市文广旅局）", [("市委宣传部", "lead"), ("市文广旅局", "support")]),
        # bodies alone in brackets, their deadline after them
        ("（市财政局、市人社局，2024年底前）", [("市财政局", "responsible"), ("市人社局", "responsible")]),
        ("（市财政局，持续推进）", [("市财政局", "responsible")]),
        # bodies alone in brackets, among them places listed before the government they share
        (
            "（省发展改革委，广州市、深圳市人民政府）",
            [("省发展改革委", "responsible"), ("广州市人民政府", "responsible"), ("深圳市人民政府", "responsible")],
        ),
    ],
)
def test_the_notes_and_deadlines_beside_a_list_are_no_bodies(clause, expected):
    assert [(name, role) for _, name, role, *_ in assignments(clause)] == expected


def test_where_the_first_body_listed_leads_the_list_says_who_leads():
    """列第一位的为牵头单位, said once for the whole list of tasks or after a list: the first of each
    list of responsible bodies leads; a list beside a named lead, or shared jointly, stays as it is."""
    text = (
        "某市重点任务分工方案\n\n各区人民政府，市政府各部门：\n现将分工方案印发给你们。各项任务中列第一位的为牵头单位。\n\n"
        "一、重点任务\n\n（一）推进项目建设。加快建设。（责任单位：市住建局、市财政局、市自然资源局）\n\n"
        "（二）优化服务。持续优化。（牵头单位：市政务服务局；责任单位：市财政局）\n\n"
        "（三）强化保障。加强保障。（市财政局、市人社局按职责分工负责）\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    found = first_listed_lead(outline, body_assignments(outline))
    assert [(a.path, a.agency.name, a.role, a.rank) for a in found] == [
        ("一/（一）", "市住建局", "lead", 1),
        ("一/（一）", "市财政局", "support", 1),
        ("一/（一）", "市自然资源局", "support", 2),
        ("一/（二）", "市政务服务局", "lead", 1),
        ("一/（二）", "市财政局", "responsible", 1),
        ("一/（三）", "市财政局", "responsible", 1),
        ("一/（三）", "市人社局", "responsible", 2),
    ]
    without = parse_outline(SourceText("doc.txt", text.replace("各项任务中列第一位的为牵头单位。", ""), "utf-8"))
    assert first_listed_lead(without, body_assignments(without)) == body_assignments(without)


@pytest.mark.parametrize(
    "heading",
    ["合肥市交通运输局关于印发2024年全市交通运输工作要点的通知\n\n合交〔2024〕12号", "合肥市交通运输局2024年工作要点"],
    ids=["notice", "yearly-plan"],
)
def test_an_unknown_division_in_a_bureau_s_document_is_the_bureau_s(heading):
    """责任处室：综合规划处 in a 交通运输局's 工作要点 (issued by a notice, or titled with the bureau
    before the year): the bureau's division, and 各县（市）区分局 its branches; a body of its own
    (公路管理处, the city's highway administration) stays itself, and a government's document has
    no divisions."""
    gazetteer = Gazetteer.bundled()
    text = (
        f"{heading}\n\n"
        "一、加快综合交通基础设施建设\n\n1.推进高速公路建设。（责任处室：综合规划处、局办公室）\n\n"
        "2.提升农村公路水平。（责任处室：公路管理处；配合：各县（市）区分局）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), gazetteer)
    bureau = record.issuers[0]
    assert [(a.label_zh, a.division_of) for _, a in record.assignments] == [
        ("合肥市交通运输局综合规划处", bureau.iri),
        ("合肥市交通运输局办公室", bureau.iri),
        ("合肥市公路管理局", None),  # the type's own name
        ("合肥市交通运输局各县(市)区分局", bureau.iri),
    ]
    government = extract(
        parse_outline(SourceText("doc.txt", text.replace("交通运输局", "人民政府"), "utf-8")), gazetteer
    )
    assert [a.division_of for _, a in government.assignments] == [None, None, None, None]


def test_a_ministry_s_departments_in_a_joint_notice_are_the_lead_ministry_s_divisions():
    """A ministries' joint notice hands its tasks to the 司 of the first (原材料工业司 in 工业和信息化部's
    notice with others): the ministry's divisions, as a bureau's 处 are; a company (公司) is none."""
    text = (
        "工业和信息化部 国家发展改革委关于印发《工业资源综合利用实施方案》的通知\n\n工信部联规〔2024〕88号\n\n"
        "一、重点任务\n\n1.推进尾矿综合利用。（责任单位：原材料工业司、节能与综合利用司）\n\n"
        "2.建设示范工程。（责任单位：规划司、示范工程公司）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    ministry = record.issuers[0]
    assert ministry.label_zh == "工业和信息化部"
    assert [(a.label_zh, a.division_of) for _, a in record.assignments] == [
        ("工业和信息化部原材料工业司", ministry.iri),
        ("工业和信息化部节能与综合利用司", ministry.iri),
        ("工业和信息化部规划司", ministry.iri),
        ("示范工程公司", None),
    ]


def test_a_county_bureau_s_sections_are_its_divisions():
    """A county-level bureau's divisions are 股 and 室, listed under 责任股室 (瑞金市教育体育局's 教育股,
    计财股, 督导室): the bureau's, as a city bureau's 科 under 责任科室."""
    text = (
        "瑞金市教育体育局关于印发《2025年全市教育体育工作要点》的通知\n\n瑞教体字〔2025〕12号\n\n"
        "一、推进基础教育优质均衡\n\n1.扩大学前教育资源。新增公办幼儿园学位600个。（责任股室：教育股、计财股）\n\n"
        "2.迎接国家督导评估。对照评估指标补齐短板。（责任股室：督导室）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    bureau = record.issuers[0]
    assert [(a.label_zh, a.division_of) for _, a in record.assignments] == [
        (f"{bureau.label_zh}{name}", bureau.iri) for name in ("教育股", "计财股", "督导室")
    ]
    assert bureau.city is not None and bureau.city.label_zh == "瑞金市"


def test_names_listed_under_a_label_of_divisions_are_the_bureau_s():
    """责任处室：机关党委、电教站 names the bureau's own Party committee and unit, whatever their ending;
    a body sent to it (驻厅纪检监察组), the schools, a body of the level named after ； or a name under a
    label of bodies (责任单位：) are not its divisions."""
    text = (
        "江西省教育厅关于印发《2025年全省教育工作要点》的通知\n\n赣教办字〔2025〕3号\n\n"
        "一、坚持党的领导\n\n1.加强党的建设。（责任处室：机关党委、电教站；省教育考试院）\n\n"
        "2.深化从严治党。（责任处室：驻厅纪检监察组、各高校）\n\n3.推进数字化。（责任单位：电教站）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    bureau = record.issuers[0]
    assert [(a.label_zh, a.division_of) for _, a in record.assignments] == [
        (f"{bureau.label_zh}机关党委", bureau.iri),
        (f"{bureau.label_zh}电教站", bureau.iri),
        ("江西省教育考试院", None),
        ("驻厅纪检监察组", None),
        ("各高校", None),
        ("电教站", None),
    ]


def test_a_bureau_s_office_issuing_its_document_names_the_bureau_s_divisions():
    """A bureau's notices are often issued by its 办公室 under the office's number (江西省教育厅办公室,
    赣教办字): the office is the bureau's division, and the divisions the document names the bureau's."""
    text = (
        "江西省教育厅办公室关于印发《2025年全省教育工作要点》的通知\n\n赣教办字〔2025〕3号\n\n"
        "一、推进基础教育扩优提质\n\n1.推动学前教育普及普惠发展。（责任处室：基础教育处；省教育考试院）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    bureau = Gazetteer.bundled().resolve("江西省教育厅", record.city)
    assert [(a.label_zh, a.division_of) for a in record.issuers] == [("江西省教育厅办公室", bureau.iri)]
    assert [(a.label_zh, a.division_of) for _, a in record.assignments] == [
        ("江西省教育厅基础教育处", bureau.iri),
        ("江西省教育考试院", None),
    ]


def test_a_division_s_bureau_is_described_with_it():
    """A notice its 办公室 issues may name no other body of the bureau's than its divisions: the bureau
    they are divisions of is still described (an agency), so the shapes hold (pkg:divisionOf's
    class) in the default build."""
    text = (
        "江西省教育厅办公室关于印发《2025年全省教育工作要点》的通知\n\n赣教办字〔2025〕3号\n\n"
        "一、推进基础教育扩优提质\n\n1.推动学前教育普及普惠发展。（责任处室：基础教育处）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    unit = check_unit(schema_ntriples(), as_ntriples(document_triples(record)), shacl=True, reasoner=False)
    assert [v.message for found in unit.violations.values() for v in found] == []


def test_a_branch_s_document_names_its_district_s_bodies_and_its_own_divisions():
    """A document 西安市生态环境局雁塔分局 issues is 雁塔区's: its 各街道办事处 are the district's, and
    分局大气环境科, 分局执法大队 the branch's own (it calls itself 分局, as a bureau calls itself 局); the
    city bureau's 雁塔分局 is that branch, and a police branch's 分局治安支队 its own."""
    text = (
        "西安市生态环境局雁塔分局关于印发《雁塔区VOCs综合治理工作方案》的通知\n\n雁环发〔2024〕21号\n\n"
        "一、推进原辅材料替代。（责任单位：分局大气环境科、各街道办事处）\n\n"
        "二、开展夏季专项执法。（责任单位：分局执法大队）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    assert (record.city.label_zh, record.level) == ("雁塔区", "county")
    bureau = record.issuers[0]
    assert [(a.label_zh, a.division_of) for _, a in record.assignments] == [
        ("雁塔区生态环境局大气环境科", bureau.iri),
        ("雁塔区各街道办事处", None),
        ("雁塔区生态环境局执法大队", bureau.iri),
    ]
    city = "西安市生态环境局关于印发方案的通知\n\n一、开展治理。（责任单位：雁塔分局、各区县分局）\n"
    named = extract(parse_outline(SourceText("city.txt", city, "utf-8")), Gazetteer.bundled())
    branch, branches = (agency for _, agency in named.assignments)  # the city bureau's branch in 雁塔区: the same body
    assert (branch, branches.division_of) == (bureau, named.issuers[0].iri)
    police = text.replace("西安市生态环境局雁塔分局", "北京市公安局朝阳分局").replace("执法大队", "治安支队")
    squad = extract(parse_outline(SourceText("doc.txt", police, "utf-8")), Gazetteer.bundled()).assignments[-1][1]
    assert squad.label_zh == "朝阳区公安局治安支队"


def test_a_city_s_county_level_cities_are_its_county_tier_named_once():
    """各市 in the text of a prefecture-level city are its county-level cities (各县级市): with its
    districts (各市、区人民政府) one tier, the collective of its county-level governments, once in the
    clause; its own departments (各市直部门) stay its own, and a province's 各市 are its cities."""
    gazetteer = Gazetteer.bundled()
    text = (
        "苏州市人民政府关于加快推进数字经济发展的实施意见\n\n苏府〔2024〕12号\n\n"
        "一、加快数字基础设施建设。（责任单位：市工信局，各市、区人民政府）\n\n"
        "二、推动产业数字化转型。（责任单位：各县级市人民政府、各市直部门）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), gazetteer)
    assert [(a.path, agency.iri.rsplit("/", 1)[1], a.rank) for a, agency in record.assignments] == [
        ("一", "320500-industry-it", 1),
        ("一", "320500-county-governments", 2),
        ("二", "320500-county-governments", 1),
        ("二", "320500-municipal-bodies", 2),
    ]
    province = extract(parse_outline(SourceText("doc.txt", text.replace("苏州市", "江苏省"), "utf-8")), gazetteer)
    assert "320000-city-governments" in {agency.iri.rsplit("/", 1)[1] for _, agency in province.assignments}


def _listed(task: str) -> list[tuple[str, str, str]]:
    text = f"某市场监管局2024年工作要点\n\n一、强化监管\n\n{task}\n\n（三）优化服务。持续优化。\n"
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    return [(a.path, a.agency.name, a.role) for a in body_assignments(outline)]


def test_a_clause_set_after_a_list_of_sub_items_closes_their_task():
    # 1）…；2）…；3）…。 then the clause on a line of its own: the bodies of the task, all its sub-items
    closing = (
        "（二）强化信用监管。\n1）健全信用风险分类管理制度；\n2）推进部门联合抽查；\n3）开展信用修复工作。\n"
        "（牵头处室：信用监管处，配合处室：执法稽查处）"
    )
    assert _listed(closing) == [("一/（二）", "信用监管处", "lead"), ("一/（二）", "执法稽查处", "support")]
    # a clause inside the last sub-item's sentence is its own, as is one after sub-items that name theirs
    inline = closing.replace("工作。\n（牵头", "工作（牵头")
    assert {path for path, *_ in _listed(inline)} == {"一/（二）/3）"}
    own = closing.replace("抽查；", "抽查（责任处室：执法稽查处）；")
    assert {path for path, *_ in _listed(own)} == {"一/（二）/2）", "一/（二）/3）"}


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("（县委人才办、县人社局负责）", [("县委人才办", "responsible", False), ("县人社局", "responsible", False)]),
        ("（县委人才办、县人社局共同负责）", [("县委人才办", "responsible", True), ("县人社局", "responsible", True)]),
        ("（市发改委负责）", [("市发改委", "responsible", False)]),
        (
            "（责任处室：信用监管处；各县（市、区）市场监管局负责具体实施）",
            [("信用监管处", "responsible", False), ("各县(市、区)市场监管局", "responsible", False)],
        ),
        (
            "（人民银行四川省分行、省委金融办按职责分工负责）",
            [("人民银行四川省分行", "responsible", True), ("省委金融办", "responsible", True)],
        ),
        ("（由市政府负责解释）", []),
        (
            "（市发改委负责，各区政府组织实施）",
            [("市发改委", "responsible", False), ("各区政府", "implementer", False)],
        ),
        (
            "（省交通运输厅、省邮政管理局按职责分工负责，各市州、县市区人民政府落实）",
            [
                ("省交通运输厅", "responsible", True),
                ("省邮政管理局", "responsible", True),
                ("各市州人民政府", "implementer", False),
                ("各县市区人民政府", "implementer", False),
            ],
        ),
        ("（各州、市人民政府负责）", [("各州、市人民政府", "responsible", False)]),  # one tier, either order
        (
            "（交通运输部、中华全国供销合作总社按职责分工负责）",
            [("交通运输部", "responsible", True), ("中华全国供销合作总社", "responsible", True)],
        ),
        (
            "（市商务局、市供销社、市总工会）",  # mass organisations answer too
            [
                ("市商务局", "responsible", False),
                ("市供销社", "responsible", False),
                ("市总工会", "responsible", False),
            ],
        ),
    ],
    ids=[
        "bodies-then-duty",
        "together",
        "one-body",
        "verb-after-a-listed-body",
        "bank-branch-jointly",
        "no-bodies",
        "answers-and-carries-out",
        "jointly-and-the-tiers-carry-out",
        "one-tier",
        "cooperatives-federation",
        "mass-organisations",
    ],
)
def test_bodies_named_before_the_verb_of_their_duty(clause, expected):
    # （X、Y负责）: the usual short way to say who answers for a task, with no label and no lead
    assert [(name, role, joint) for _, name, role, _, joint in assignments(clause)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "各区人民政府、高新区管委会对本行政区域生态环境质量负总责。",
            [("各区人民政府", "responsible"), ("高新区管委会", "responsible")],
        ),
        (
            "县级以上人民政府自然资源主管部门在编制国土空间规划时，应当充分考虑土壤污染风险。",
            [("县级以上人民政府自然资源主管部门", "responsible")],
        ),
        ("市工业和信息化局要会同市政府加强跟踪督办。", [("市工业和信息化局", "lead"), ("市政府", "support")]),
        ("县财政局应当统筹安排专项资金。", [("县财政局", "responsible")]),  # its own means: no coordinating
        ("领导小组办公室设在市发展改革委，负责统筹协调。", [("市发展改革委", "coordinator")]),  # hosts the office
        ("加快形成城乡协调、车桩相随的充电网络。", []),  # 协调 an adjective, 加快形成城乡 no body
        ("市住房城乡建设局是本市物业管理主管部门，负责监督管理工作。", [("市住房城乡建设局", "responsible")]),
        ("区财政局对老旧住宅小区物业服务给予补贴。", [("区财政局", "responsible")]),  # a rule's indicative
        ("区财政局将生活垃圾分类经费纳入区级财政预算。", [("区财政局", "responsible")]),  # brings into its budget
        ("将生活垃圾分类工作纳入镇街年度目标考核。", []),  # no bearer named
        ("市住房城乡建设局依照《条例》第二十六条规定，建立信用管理制度。", [("市住房城乡建设局", "responsible")]),
        ("普通住宅前期物业服务收费实行政府指导价。", []),  # 实行政府指导价: no body
    ],
    ids=[
        "answers-for-it-all",
        "when-doing-so",
        "verb-after-the-object",
        "allots-its-funds",
        "hosts-the-office",
        "no-subject",
        "the-competent-department",
        "gives-a-subsidy",
        "brings-into-its-budget",
        "brings-in-with-no-bearer",
        "per-the-article-cited",
        "a-pricing-rule",
    ],
)
def test_duties_in_prose_after_what_they_concern(sentence, expected):
    """X对…负总责 (answers for it all), X在…时，应当… (a duty when doing something): the subject
    before what the duty concerns bears it; a verb after 会同's object is no part of its name."""
    text = f"某市工作方案\n\n一、保障措施\n\n（一）加强组织领导。{sentence}\n"
    assert [(a.agency.name, a.role) for a in prose(text, lambda name: True)] == expected


def test_no_body_s_name_holds_a_predicate():
    """A clause's head that runs over its predicate to a body's ending is no name: X是…主管部门,
    Y应当配合…街道办事处, 收费实行政府(指导价)."""
    for head in ("市住房城乡建设局是本市物业管理主管部门", "物业服务人应当配合街道办事处", "物业服务收费实行政府"):
        assert not is_body(head, lambda name: False), head
    assert is_body("市应急管理局", lambda name: False)


def test_a_task_that_builds_a_centre_names_no_body():
    """建设X分拨中心，推动…: the clause opens with the task's verb, so what it builds (ending like a
    body, 中心) bears no duty; a bureau whose name starts with that word (建设局) still does."""
    text = "某区工作措施\n\n第一条　打造物流枢纽。建设低空物流分拨中心，推动无人机物流干线开通。\n"
    assert prose(text, lambda name: False) == []
    assert not is_body("打造区级创新服务中心", lambda name: False)
    assert is_body("建设局", lambda name: False)


def test_a_list_s_notes_after_it_name_no_body():
    # …开发区管委会。列第一位的为牵头单位，下同: two notes on the list, neither a body
    found = assignments("（责任单位：市发展改革委、开发区管委会。列第一位的为牵头单位，下同）")
    assert [name for _, name, *_ in found] == ["市发展改革委", "开发区管委会"]


def test_a_blanket_clause_after_the_task_s_own_bodies():
    """（A、B按职责分工负责，C落实。以下均需C落实，不再列出）: the task's bodies, and C for every later task."""
    text = (
        "某省实施意见\n\n一、重点任务\n\n（一）建设服务中心。加快建设。（省交通运输厅、省邮政管理局按职责分工负责，"
        "各市州人民政府落实。以下均需各市州人民政府落实，不再列出）\n\n（二）推进农村物流。加快推进。\n"
    )
    found = [
        (a.path, a.agency.name, a.role) for a in body_assignments(parse_outline(SourceText("d.txt", text, "utf-8")))
    ]
    assert found == [
        ("一/（一）", "省交通运输厅", "responsible"),
        ("一/（一）", "省邮政管理局", "responsible"),
        ("一/（一）", "各市州人民政府", "implementer"),
        ("一/（二）", "各市州人民政府", "implementer"),
    ]


@pytest.mark.parametrize("nested", ["〈州〉", "〔州〕"])
def test_a_blanket_clause_whose_level_is_written_in_nested_brackets(nested):
    """Inside a clause's brackets a province writes 各市（州） with nested ones (各市〈州〉, 各市〔州〕): the
    task's own bodies are read as with 各市州."""
    text = (
        "某省实施意见\n\n一、重点任务\n\n（一）优化布局。加快建设。（省文化和旅游厅、省发展改革委按职责分工负责，"
        f"各市{nested}人民政府落实。以下均需各市{nested}人民政府落实，不再列出）\n\n（二）打造线路。加快推进。\n"
    )
    found = [
        (a.path, a.agency.name, a.role) for a in body_assignments(parse_outline(SourceText("d.txt", text, "utf-8")))
    ]
    assert found == [
        ("一/（一）", "省文化和旅游厅", "responsible"),
        ("一/（一）", "省发展改革委", "responsible"),
        ("一/（一）", f"各市{nested}人民政府", "implementer"),
        ("一/（二）", f"各市{nested}人民政府", "implementer"),
    ]


def test_the_bodies_of_leagues_banners_and_named_places_keep_their_own_place():
    """Inner Mongolia writes every name of a list in full (盟林草局、盟农牧局), an autonomous region
    once (自治区林草局、农牧厅); a named town or city carries its own place (旗财政局、巴拉嘎尔高勒镇
    人民政府), and places share the government written once after the last (二连浩特市、东乌珠穆沁旗
    人民政府)."""
    names = [m.name for m in split_agencies(MappedText.of("盟林草局、盟农牧局、二连浩特海关"))]
    assert names == ["盟林草局", "盟农牧局", "二连浩特海关"]
    names = [m.name for m in split_agencies(MappedText.of("旗水利局、旗林草局、巴拉嘎尔高勒镇人民政府"))]
    assert names == ["旗水利局", "旗林草局", "巴拉嘎尔高勒镇人民政府"]
    names = [m.name for m in split_agencies(MappedText.of("区财政局、华漕镇人民政府"))]
    assert names == ["区财政局", "华漕镇人民政府"]
    names = [m.name for m in split_agencies(MappedText.of("二连浩特市、东乌珠穆沁旗人民政府"))]
    assert names == ["二连浩特市人民政府", "东乌珠穆沁旗人民政府"]
    assert [m.name for m in split_agencies(MappedText.of("自治区林草局、农牧厅"))] == ["自治区林草局", "自治区农牧厅"]


def test_inner_mongolia_s_tiers_and_township_offices_resolve():
    league = known_in("152500")  # 锡林郭勒盟
    assert all(map(league, ["盟农牧局", "各旗县市(区)人民政府", "各苏木镇人民政府", "相关苏木镇人民政府", "各嘎查"]))
    gazetteer = Gazetteer.bundled()
    town = gazetteer.place_of(gazetteer.divisions.by_code["310112"])  # 闵行区: its towns' offices, by their kind
    for name in ("街道城市管理办公室", "城管办", "街道平安建设办公室", "社区事务办"):
        assert gazetteer.resolve(name, town).resolved, name
    jiangsu = gazetteer.place_of(gazetteer.divisions.by_code["320000"])
    full, short = (gazetteer.resolve(name, jiangsu) for name in ("江苏省人民政府国有资产监督管理委员会", "省国资委"))
    assert full.iri == short.iri


def test_a_local_supply_cooperative_named_zongshe_is_the_local_one():
    """湖南省供销合作总社 and 长沙市供销合作总社 are local bodies; unprefixed, 供销合作总社 is the national one."""
    gazetteer = Gazetteer.bundled()
    changsha = gazetteer.place_of(gazetteer.divisions.by_code["430100"])
    local, national = (gazetteer.resolve(name, changsha) for name in ("市供销合作总社", "供销合作总社"))
    assert local.resolved and local.city.label_zh == "长沙市"
    assert national.label_zh == "中华全国供销合作总社"


def test_a_plan_s_plain_statement_of_who_acts_is_a_duty():
    """X积极争取…, X制定具体实施计划: a plan names who acts without 负责 or 要; 制定的《…》 names no duty."""
    text = (
        "某市工作方案\n\n一、进度安排\n\n（一）动员部署阶段。各镇人民政府、各街道办事处和市直相关单位制定具体实施计划。\n\n"
        "（二）强化资金保障。市财政局积极争取上级资金。按照市发展改革局制定的方案推进。\n"
    )
    found = [(a.path, a.agency.name, a.role) for a in prose(text, known_in("430181"))]
    assert found == [
        ("一/（一）", "各镇人民政府", "responsible"),
        ("一/（一）", "各街道办事处", "responsible"),
        ("一/（二）", "市财政局", "responsible"),
    ]


def test_ministries_bear_duties_in_prose():
    """财政部会同工业和信息化部…, 国务院国资委指导…, X分行引导…: a ministry or a bank's branch opening a
    clause bears its duty; a principle's formula (政府推动、市场运作) and 充分发挥政府引导作用 name none."""
    text = (
        "某部指导意见\n\n一、保障措施\n\n（一）加强政策支持。财政部会同工业和信息化部完善支持政策。"
        "国务院国资委指导中央企业开展数字化转型。人民银行江苏省分行引导金融机构加大信贷投放。\n\n"
        "（二）坚持原则。坚持政府推动、市场运作。充分发挥政府引导作用，推动人才集聚。\n"
    )
    found = [(a.path, a.agency.name, a.role) for a in prose(text, known_in("320000"))]
    assert found == [
        ("一/（一）", "财政部", "lead"),
        ("一/（一）", "工业和信息化部", "support"),
        ("一/（一）", "国务院国资委", "responsible"),
        ("一/（一）", "人民银行江苏省分行", "responsible"),
    ]


def test_a_table_s_note_names_who_carries_out_every_task():
    """注：各项任务均需X负责落实，不再列出: X carries out every task of the table."""
    text = (
        "某市行动方案\n\n一、重点任务\n\n（一）推进智能化改造。加快改造。\n\n（二）建设数字化车间。加快建设。\n\n"
        "附件\n\n重点任务分工表\n\n| 序号 | 重点任务 | 牵头单位 |\n| --- | --- | --- |\n"
        "| 1 | 推进智能化改造 | 市工信局 |\n| 2 | 建设数字化车间 | 市发改委 |\n\n"
        "注：各项任务均需各县级市（区）人民政府、苏州工业园区管委会负责落实，不再列出。\n"
    )
    record = extract(parse_outline(SourceText("d.txt", text, "utf-8")), Gazetteer.bundled())
    found = sorted((a.path, a.agency.name, a.role) for a, _ in record.assignments if a.role == "implementer")
    assert found == [
        ("一/（一）", "各县级市(区)人民政府", "implementer"),
        ("一/（一）", "苏州工业园区管委会", "implementer"),
        ("一/（二）", "各县级市(区)人民政府", "implementer"),
        ("一/（二）", "苏州工业园区管委会", "implementer"),
    ]


def test_the_host_of_an_office_coordinates_and_a_body_scheduling_every_half_year():
    """成立工作专班，办公室设在X。: X runs the office (coordinates), whatever it is said to do; …，X每半年调度…"""
    text = (
        "某旗工作方案\n\n一、保障措施\n\n（一）加强组织领导。成立畜牧业发展工作专班，办公室设在旗农牧和科技局。\n\n"
        "（二）强化考核。将任务落实情况纳入考核，盟农牧局每半年调度一次进展。\n"
    )
    found = [(a.path, a.agency.name, a.role) for a in prose(text, lambda name: True)]
    assert found == [("一/（一）", "旗农牧和科技局", "coordinator"), ("一/（二）", "盟农牧局", "coordinator")]


def test_party_and_government_formulas():
    """各级党委和政府: each level's Party committee and government; 会同省委农办开展…: the office, not
    the committee; 负责统筹资金投入: a body's own allocating, not coordinating others."""
    text = (
        "某省实施意见\n\n一、保障措施\n\n（一）加强领导。各级党委和政府要落实主体责任。"
        "各乡镇党委和政府要抓好落实。\n\n（二）强化考核。省委组织部会同省委农办开展实绩考核。\n\n"
        "（三）加强投入。省财政厅负责统筹资金投入。\n"
    )
    found = [(a.path, a.agency.name, a.role) for a in prose(text, known_in("130000"))]
    assert found == [
        ("一/（一）", "各级党委", "responsible"),
        ("一/（一）", "各级政府", "responsible"),
        ("一/（一）", "各乡镇党委", "responsible"),
        ("一/（一）", "各乡镇政府", "responsible"),
        ("一/（二）", "省委组织部", "lead"),
        ("一/（二）", "省委农办", "support"),
        ("一/（三）", "省财政厅", "responsible"),
    ]


def test_a_note_or_a_paragraph_names_who_carries_out_every_task():
    """X为各项措施落实的责任主体，不再逐项列出, in a paragraph before the list or a note after it (注：…),
    and a list's last line before that note, hard-wrapped as a PDF prints it."""
    text = (
        "某市若干措施\n\n各县（市、区）党委、政府为各项措施落实的责任主体，不再逐项列出。\n\n一、任务\n\n"
        "1．稳定粮食生产。落实补贴。责任单位：\n市农业农村局、市财政局\n\n"
        "2．强化实绩考核。开展考核。责任\n单位：市委组织部、市委农办\n\n注：责任单位中列第一位的为牵头单位。\n"
    )
    found = [
        (a.path, a.agency.name, a.role) for a in body_assignments(parse_outline(SourceText("d.txt", text, "utf-8")))
    ]
    assert found == [
        ("一/1", "市农业农村局", "responsible"),  # the note's first-listed lead is read over the whole record
        ("一/1", "市财政局", "responsible"),
        ("一/2", "市委组织部", "responsible"),
        ("一/2", "市委农办", "responsible"),
        ("一/1", "各县(市、区)党委", "implementer"),
        ("一/1", "各县(市、区)政府", "implementer"),
        ("一/2", "各县(市、区)党委", "implementer"),
        ("一/2", "各县(市、区)政府", "implementer"),
    ]


def test_a_statement_closing_a_list_names_who_carries_out_the_tasks_above_it():
    """以上各项任务由X负责具体落实 after the last task: X carries out the tasks of that section above
    it, not the goals before them nor the measures after them."""
    text = (
        "某街道工作方案\n\n一、工作目标\n\n到2025年，养老服务驿站达到10家。\n\n二、重点任务\n\n"
        "1.完善养老服务设施。（责任科室：民生保障办公室）\n\n2.开展探访关爱。（责任科室：社区建设办公室）\n\n"
        "以上各项任务由各社区居委会负责具体落实。\n\n三、保障措施\n\n（一）加强组织领导。街道成立工作专班。\n"
    )
    found = [
        (a.path, a.agency.name, a.role) for a in body_assignments(parse_outline(SourceText("d.txt", text, "utf-8")))
    ]
    assert found == [
        ("二/1", "民生保障办公室", "responsible"),
        ("二/2", "社区建设办公室", "responsible"),
        ("二/1", "各社区居委会", "implementer"),
        ("二/2", "各社区居委会", "implementer"),
    ]


def test_a_city_bureau_s_branch_in_a_county_named_with_its_city():
    gazetteer = Gazetteer.bundled()
    zhengding = gazetteer.place_of(gazetteer.divisions.by_code["130123"])
    branch = gazetteer.resolve("石家庄市生态环境局正定县分局", zhengding)
    assert branch == gazetteer.resolve("县生态环境局", zhengding)


def test_a_body_s_second_name_in_brackets_and_the_national_collectives():
    """（市经信局（市新经济委）牵头，…配合）: one lead under two plates; 各区（市）县政府, Chengdu's county tier;
    各省、自治区、直辖市人民政府, the provinces' governments as a national text names them."""
    found = assignments("（市经信局（市新经济委）牵头，市口岸物流办、市商务局配合）")
    assert [(name, role) for _, name, role, *_ in found] == [
        ("市经信局(市新经济委)", "lead"),
        ("市口岸物流办", "support"),
        ("市商务局", "support"),
    ]
    gazetteer = Gazetteer.bundled()
    chengdu = gazetteer.place_of(gazetteer.divisions.by_code["510100"])
    assert gazetteer.resolve("各区(市)县政府", chengdu) == gazetteer.resolve("各县(市、区)人民政府", chengdu)
    text = "国务院办公厅意见\n\n一、保障措施\n\n（一）加强领导。各省、自治区、直辖市人民政府要把冷链物流摆上日程。\n"
    assert [(a.agency.name, a.role) for a in prose(text, known_in("510000"))] == [
        ("各省、自治区、直辖市人民政府", "responsible")
    ]
    assert all(gazetteer.resolve(name, gazetteer.country).resolved for name in ("国家铁路局", "中国民航局"))


@pytest.mark.parametrize(
    "clause, expected",
    [
        # a department's divisions and service units (厅种植业管理处, 省植保植检站), a committee's office (督查室)
        (
            "（责任单位：厅种植业管理处牵头，省植保植检站配合）",
            [("厅种植业管理处", "lead"), ("省植保植检站", "support")],
        ),
        (
            "（省农业农村厅、省委督查室牵头，省统计局配合）",
            [("省农业农村厅", "lead"), ("省委督查室", "lead"), ("省统计局", "support")],
        ),
        # a labelled list, then who helps: 配合 is no part of a name
        ("（责任单位：区商务局，各街道配合）", [("区商务局", "responsible"), ("各街道", "support")]),
        ("（责任部门：经济发展办，各社区居委会配合）", [("经济发展办", "responsible"), ("各社区居委会", "support")]),
        # a level's relevant departments, whichever they are, are no body
        ("（省经信厅牵头，省级有关部门配合）", [("省经信厅", "lead")]),
        # the bodies a role names wherever it is given (each project's): a pointer, no body
        ("（责任单位：区发改局，各项目责任单位）", [("区发改局", "responsible")]),
        # the bureau's divisions: 局 written once before a list of them, and no level's after 各区建设局
        (
            "（责任单位：局人事处、质量安全处，各区建设局，局建筑市场处）",
            [(n, "responsible") for n in ("局人事处", "局质量安全处", "各区建设局", "局建筑市场处")],
        ),
    ],
    ids=[
        "divisions-and-stations",
        "an-office-among-leads",
        "labelled-then-support",
        "offices-and-committees",
        "vague",
        "role-holders",
        "the-bureau-s-divisions",
    ],
)
def test_divisions_and_who_helps_in_a_clause(clause, expected):
    assert [(name, role) for _, name, role, *_ in assignments(clause)] == expected


@pytest.mark.parametrize(
    "clause, names",
    [
        ("（区商务局、区市场监管局，各街道）", ["区商务局", "区市场监管局", "各街道"]),
        ("（区商务局，各街道、镇）", ["区商务局", "各街道", "各镇"]),
        ("（区商务局、各镇街）", ["区商务局", "各镇街"]),
    ],
)
def test_bodies_alone_in_brackets_with_the_township_collectives(clause, names):
    """Departments, then the township tier after a comma (…。（区商务局、区市场监管局，各街道）): each responsible."""
    assert [(name, role) for _, name, role, *_ in assignments(clause)] == [(n, "responsible") for n in names]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "部种植业管理司会同全国农业技术推广服务中心做好监测。",
            [("部种植业管理司", "lead"), ("全国农业技术推广服务中心", "support")],
        ),
        ("厅计划财务处要统筹安排资金。", [("厅计划财务处", "responsible")]),
        (
            "局种植业科会同局农产品质量安全监管科开展检查。",
            [("局种植业科", "lead"), ("局农产品质量安全监管科", "support")],
        ),
        ("各级农业农村部门要把农药残留作为执法重点。", [("各级农业农村部门", "responsible")]),
        ("各级有关部门要加强监管。", []),
        ("由县财政局会同兑现部门追回补助资金。", [("县财政局", "lead")]),
        # 部署 is a verb, no 署: the clause after a comma (主要负责同志要亲自研究部署，定期…) names no body
        (
            "各地住建部门要把安全生产摆在突出位置，主要负责同志要亲自研究部署，定期分析研判形势。",
            [("各地住建部门", "responsible")],
        ),
    ],
    ids=[
        "ministry-division",
        "department-division",
        "bureau-section",
        "each-level-s",
        "each-level-vague",
        "a-role",
        "deploying-is-no-body",
    ],
)
def test_divisions_and_each_level_s_departments_bear_duties_in_prose(sentence, expected):
    """A ministry's 司, a department's 处, a bureau's 科 bear duties; 各级X部门 is X at every level,
    各级有关部门 none, and 兑现部门 (whoever pays the subsidy out) a role, not a body."""
    text = f"某市工作方案\n\n一、保障措施\n\n（一）加强组织领导。{sentence}\n"
    assert [(a.agency.name, a.role) for a in prose(text, lambda name: False)] == expected


def test_a_clause_wrapped_after_its_semicolon_runs_on():
    """Lines cut at the page's width, and one ending in ； inside the clause's bracket, as GB/T 9704
    sets ；，、 at a line's end: the bodies on the next line are the clause's."""
    text = (
        "某州人民政府办公室关于印发某州农业发展行动方案的通知\n\n"
        "　　一、重点任务\n"
        "　　（一）提升农产品加工水平。支持经济技术开发区建设农产品加工\n"
        "园区，发展果蔬冷链、乳制品、核桃油等精深加工，到2027年全州规\n"
        "模以上农产品加工企业达到320户。（州工业和信息化局、州农业农村\n"
        "局牵头，州商务局、州发展改革委配合；\n"
        "各县市人民政府负责落实）\n"
        "　　（二）培育新型农业经营主体。实施龙头企业培大育强行动，支持\n"
        "企业上市融资。（州农业农村局牵头，州市场监管局配合）\n"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    found = [(a.path, a.agency.name, a.role) for a in body_assignments(outline)]
    assert ("一/（一）", "各县市人民政府", "implementer") in found
    assert ("一/（一）", "州商务局", "support") in found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a schedule's duties: X于<date>前 + its verb, and 请X…
        ("各市州农业农村局于6月20日前报送工作总结。", [("各市州农业农村局", "responsible")]),
        ("请各市州农业农村局于2024年6月20日前报送工作总结。", [("各市州农业农村局", "responsible")]),
        ("局农产品质量安全监管科于5月至9月组织开展抽检。", [("局农产品质量安全监管科", "responsible")]),
        # who answers questions on the text sets no task
        ("本政策由市经信局会同市财政局负责解释。", []),
        ("本细则由县经济商务科技局负责解释，自2023年11月1日起施行。", []),
        # a body allotting funds named at length allots its own means: no coordination
        ("厅计划财务处要统筹中央农业生产发展资金和省级农业发展资金。", [("厅计划财务处", "responsible")]),
    ],
    ids=["by-a-date", "a-request", "over-months", "interprets-with", "interprets", "allots-funds"],
)
def test_a_schedule_s_duties_and_who_interprets_the_text(sentence, expected):
    text = f"某市工作方案\n\n一、保障措施\n\n（一）加强组织领导。{sentence}\n"
    assert [(a.agency.name, a.role) for a in prose(text, lambda name: False)] == expected


@pytest.mark.parametrize(
    "clause, expected",
    [
        # a township's kinds listed: the vocabulary names a town's government and a township's apart
        ("（责任单位：各镇、乡人民政府）", ["各镇人民政府", "各乡人民政府"]),
        ("（责任单位：各乡（镇）人民政府）", ["各乡人民政府", "各镇人民政府"]),
        ("（责任单位：各镇（乡、街道））", ["各镇", "各乡", "各街道"]),
        ("（责任单位：各镇（街道））", ["各镇(街道)"]),  # 各街镇: one collective
        ("（配合单位：有关乡（镇）人民政府）", ["有关乡人民政府", "有关镇人民政府"]),  # those concerned of each kind
        # the relevant governments of two levels, their kinds nested in the clause's bracket
        ("（各有关市、县〔市、区〕政府负责）", ["各市政府", "各县〔市、区〕政府"]),
        # a bracket opened at a line's end runs on
        ("（\n州委督查室、州综合行政执法队牵头）", ["州委督查室", "州综合行政执法队"]),
    ],
    ids=[
        "towns-and-townships",
        "township-town",
        "town-township-subdistrict",
        "towns-subdistricts",
        "relevant-townships",
        "relevant",
        "open",
    ],
)
def test_the_township_tier_s_kinds_and_the_relevant_governments_of_levels(clause, expected):
    assert [name for _, name, *_ in assignments(clause)] == expected


def test_an_autonomous_prefecture_s_counties_and_cities_are_its_county_tier():
    """各县市人民政府 in a 州's text: its counties and county-level cities, as 各县（市）人民政府."""
    gazetteer = Gazetteer.bundled()
    dali = gazetteer.place_of(gazetteer.divisions.by_code["532900"])
    assert gazetteer.resolve("各县市人民政府", dali) == gazetteer.resolve("各县（市）人民政府", dali)
    assert gazetteer.resolve("各县市人民政府", dali).resolved


def test_a_street_s_own_offices_in_its_document_are_its_office_s_divisions():
    """经济发展办, 平安建设办 in a document a 街道办事处 issues: divisions of its office, as a bureau's
    处 and 科 are; a district government's document has none."""
    gazetteer = Gazetteer.bundled()
    text = (
        "广州市黄埔区人民政府大沙街道办事处关于印发大沙街道2025年工作要点的通知\n\n"
        "一、促进消费。开展促消费活动。（责任部门：经济发展办，各社区居委会配合）\n\n"
        "二、加强安全管理。开展专项检查。（责任部门：平安建设办）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), gazetteer)
    office = record.issuers[0]
    divisions = {a.agency.name: agency.division_of for a, agency in record.assignments}
    assert divisions["经济发展办"] == divisions["平安建设办"] == office.iri
    district = text.replace("人民政府大沙街道办事处关于", "人民政府关于")
    record = extract(parse_outline(SourceText("doc.txt", district, "utf-8")), gazetteer)
    assert not any(agency.division_of for _, agency in record.assignments)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "市规划资源部门应当会同市发展改革、住房城乡建设管理、房屋管理、经济信息化、商务、交通、生态环境、"
            "绿化市容、水务、文化旅游、应急管理、民防、财政、科技等部门，编制本市城市更新指引。",
            [("市规划资源部门", "lead")]
            + [
                (f"市{field}部门", "support")
                for field in "发展改革 住房城乡建设管理 房屋管理 经济信息化 商务 交通 生态环境 绿化市容 水务 "
                "文化旅游 应急管理 民防 财政 科技".split()
            ],
        ),
        (
            "区人民政府（含作为市人民政府派出机构的特定地区管理委员会，下同）是推进本辖区城市更新工作的主体。",
            [("区人民政府", "responsible")],
        ),
        (
            "市应急局、市交通委和其他有安全生产监管职责的部门要加强区域合作。",
            [("市应急局", "responsible"), ("市交通委", "responsible")],
        ),
        (
            "各镇政府、街道办事处或区政府相关部门（单位）应按照规划要求组织评估。",
            [("各镇政府", "responsible"), ("各街道办事处", "responsible")],
        ),
    ],
    ids=["with-a-dozen-fields", "a-bracket-after-the-body", "one-a-clause-describes", "vague-either-kind"],
)
def test_the_bodies_a_law_names_at_length(sentence, expected):
    """A law's lead works with the fields of a dozen departments written once before 等部门 (the list
    runs to its comma, past the first 60 characters); a bracket after a body says what it includes,
    commas and all (（含…，下同）), and X是…的主体 makes it answer; a body a clause describes (其他有…职责的
    部门, 市人民政府指定的部门) is no named body, nor 相关部门（单位）, of either kind."""
    text = f"某市条例\n\n第一章 总则\n\n第五条 {sentence}\n"
    assert [(a.agency.name, a.role) for a in prose(text, lambda name: False)] == expected


@pytest.mark.parametrize(
    "clause",
    ["（各地、州、市党委和人民政府负责）", "（各地（州、市）党委和人民政府负责）", "（各地州市党委和人民政府负责）"],
    ids=["listed", "bracketed", "one-word"],
)
def test_the_prefecture_tier_of_a_region_with_prefectures_named_di(clause):
    """Xinjiang names its prefecture tier 地、州、市 (地区, 自治州, cities; Tibet 地（市）): one tier whose
    Party committees and governments are each responsible, the cities' collectives of the region."""
    found = [(name, role) for _, name, role, *_ in assignments(clause)]
    assert [role for _, role in found] == ["responsible", "responsible"]
    region = known_in("650000")
    assert all(region(name) for name, _ in found), found
    gazetteer = Gazetteer.bundled()
    xinjiang = gazetteer.place_of(gazetteer.divisions.by_code["650000"])
    names = ("各地(州、市)人民政府", "各地、州、市人民政府", "各市人民政府")
    governments = {gazetteer.resolve(n, xinjiang).iri for n in names}
    assert len(governments) == 1
    assert gazetteer.resolve("各地发展改革部门", xinjiang).resolved  # 各地 alone: the localities, as before


def test_a_tier_s_word_di_is_no_level_before_another_collective():
    assert [m.name for m in split_agencies(MappedText.of("各地、各部门"))] == ["各地", "各部门"]


@pytest.mark.parametrize("conjunctions", [False, True])
def test_a_level_s_party_committees_and_governments_are_two_bodies(conjunctions):
    """各县（市）党委和人民政府负责落实: the county tier's Party committees and its governments, each, whether
    the list is read with 和 as a separator or not (…、各区党委和政府: the districts' 政府, not the city's)."""
    names = [m.name for m in split_agencies(MappedText.of("各县(市)党委和人民政府"), conjunctions)]
    assert names == ["各县(市)党委", "各县(市)人民政府"]
    names = [m.name for m in split_agencies(MappedText.of("市发改委、各区党委和政府"), conjunctions)]
    assert names == ["市发改委", "各区党委", "各区政府"]


def test_the_farms_listed_after_the_township_tier_are_bodies_of_their_own():
    """责任单位：县农业农村局，各乡（镇）、场: a county with state farms names them beside its townships;
    the farms (各场) are bodies of the tier, not part of the townships' name (各乡、场)."""
    names = [m.name for m in split_agencies(MappedText.of("县农业农村局,各乡(镇)、场"))]
    assert names == ["县农业农村局", "各乡", "各镇", "各场"]


def test_a_unit_named_after_the_issuing_body_is_its_own():
    """厅信息中心, 局监督站: a centre or station the document names after its issuer (as it names 厅质安处)
    is the issuer's unit."""
    text = (
        "湖北省住房和城乡建设厅关于做好安全生产工作的通知\n\n鄂建文〔2024〕21号\n\n"
        "一、推进智慧工地建设。（责任处室：厅质安处；配合处室：厅信息中心）\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    bureau = record.issuers[0]
    assert [(a.label_zh, a.division_of) for _, a in record.assignments] == [
        ("湖北省住房和城乡建设厅质安处", bureau.iri),
        ("湖北省住房和城乡建设厅信息中心", bureau.iri),
    ]


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("（市政府副秘书长陈志勇牵头，市政务服务数据管理局负责）", [("市政务服务数据管理局", "responsible")]),
        ("（李副市长负责；市发展改革委牵头，市财政局配合）", [("市发展改革委", "lead"), ("市财政局", "support")]),
        ("（区长牵头，区发改委、区财政局负责）", [("区发改委", "responsible"), ("区财政局", "responsible")]),
    ],
    ids=["title-then-name", "surname-then-title", "title-alone"],
)
def test_an_official_leading_a_task_in_person_is_no_body(clause, expected):
    """A task division may name the official who leads a task in person before the bodies
    (市政府副秘书长陈志勇牵头，…): a person bears no body's role; the bodies after the official still do."""
    assert [(name, role) for _, name, role, *_ in assignments(clause)] == expected


def test_a_town_s_office_named_by_its_level_is_the_same_division():
    """镇社会事务办 in a 镇人民政府's document, 街道社区发展治理办 in a 街道办事处's: the level word names
    the issuer itself, as 局 does in 局办公室; the office is the one written without it."""
    gazetteer = Gazetteer.bundled()
    for issuer, level in (("成都市郫都区友爱镇人民政府", "镇"), ("成都市郫都区唐昌街道办事处", "街道")):
        text = (
            f"{issuer}关于印发农村人居环境整治工作方案的通知\n\n"
            f"一、整治农家乐环境。开展专项整治。（牵头单位：{level}社会事务办）\n\n"
            "二、开展场镇整治。规范占道经营。（牵头单位：社会事务办）\n"
        )
        record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), gazetteer)
        offices = {agency.iri: agency.label_zh for _, agency in record.assignments}
        assert len(offices) == 1, offices
        assert all(f"{level}社会事务办" not in label for label in offices.values()), offices


def test_a_street_s_office_after_with_is_named_whole():
    """街道党政办会同街道退役军人服务站…: the partner is the street's station, whose name opens with the
    street's level word, not the street itself; 会同街道开展… and 会同街道督促… still name the street."""
    found = {}
    for body in ("会同街道退役军人服务站每月开展督查", "会同街道开展督查", "会同街道督促各部门开展督查"):
        text = f"某街道工作方案\n\n一、强化督查\n\n（一）强化督查通报。街道党政办{body}。\n"
        found[body] = [(a.agency.name, a.role) for a in prose(text, known_in("510117"))]
    assert found == {
        "会同街道退役军人服务站每月开展督查": [("街道党政办", "lead"), ("街道退役军人服务站", "support")],
        "会同街道开展督查": [("街道党政办", "lead"), ("街道", "support")],
        "会同街道督促各部门开展督查": [("街道党政办", "lead"), ("街道", "support")],
    }


def test_the_relevant_towns_are_the_towns_collective():
    """有关镇（街道）, 相关镇（街道）: the towns a measure concerns, read as the collective the vocabulary
    names whole (各镇（街道）), as 有关街镇 is."""
    gazetteer = Gazetteer.bundled()
    district = gazetteer.place_of(gazetteer.divisions.by_code["510117"])
    each = gazetteer.resolve("各镇（街道）", district)
    assert each.resolved
    for name in ("有关镇（街道）", "相关镇（街道）", "有关街镇"):
        assert gazetteer.resolve(name, district) == each, name


@pytest.mark.parametrize(
    "paragraph",
    [
        "省应急管理厅：负责组织协调应急救援工作，会同省水利厅等部门组织开展防汛抗旱检查。",
        "坚持行政首长负责制，统一指挥，分级分部门负责；省应急管理厅负责组织协调应急救援工作。",
    ],
    ids=["partners-after-a-comma", "a-principle-s-formula"],
)
def test_a_clause_opening_with_its_partners_or_a_principle_names_no_bearer(paragraph):
    """A department's paragraph goes on with the partners of its own bearer (…，会同省水利厅等部门组织开展…),
    and an emergency plan's principle says how duties are shared (统一指挥，分级分部门负责): neither
    clause opens with a body (会同省水利厅, 分级分部门 were read as bodies)."""
    text = f"某省应急预案\n\n一、职责\n\n（一）成员单位职责\n{paragraph}\n"
    found = prose(text, lambda name: name.startswith("省") and name.endswith("厅"))
    assert [(a.agency.name, a.role) for a in found] == [("省应急管理厅", "responsible")]


@pytest.mark.parametrize(
    "clause, expected",
    [
        (  # the level above guides what the districts bear
            "（责任单位：青浦区人民政府负责，市水务局、市生态环境局指导）",
            [("青浦区人民政府", "responsible"), ("市水务局", "support"), ("市生态环境局", "support")],
        ),
        (  # an executive committee (执委会) leads; the bodies it coordinates bear the task
            "（责任单位：青浦区、吴江区人民政府负责，示范区执委会统筹协调）",
            [("青浦区人民政府", "responsible"), ("吴江区人民政府", "responsible"), ("示范区执委会", "coordinator")],
        ),
        (  # the level above named first, guiding the bearers named after it
            "（责任单位：市农业农村委指导，青浦区、吴江区人民政府负责）",
            [("市农业农村委", "support"), ("青浦区人民政府", "responsible"), ("吴江区人民政府", "responsible")],
        ),
        (
            "（责任单位：示范区执委会牵头，两省一市生态环境部门、市场监管部门配合）",
            [("示范区执委会", "lead"), ("两省一市生态环境部门", "support"), ("市场监管部门", "support")],
        ),
    ],
)
def test_bodies_that_guide_or_coordinate_those_bearing_a_task(clause, expected):
    """A负责，B指导 / A负责，B统筹协调: B guides or coordinates the bearers, its verb no part of its name
    (江苏省生态环境厅指导 was one unresolved body, the whole clause responsible)."""
    assert [(name, role) for _, name, role, _, _ in assignments(clause)] == expected


def test_a_level_ending_a_labelled_list_is_named_without_the_full_stop():
    """配合单位：县水利局、各镇（街道）。: the towns and subdistricts end the list; a level runs on only
    into a next level after 、 (各县、区人民政府), not past the full stop (各镇(街道)。 was unresolved)."""
    found = assignments("牵头单位：县农业农村局；配合单位：县水利局、各镇（街道）。")
    assert [(name, role) for _, name, role, _, _ in found] == [
        ("县农业农村局", "lead"),
        ("县水利局", "support"),
        ("各镇(街道)", "support"),
    ]


def test_places_listed_before_their_kind_and_shared_body_are_each_that_body():
    """锦江区、青羊区、郫都区等区政府: 等区 names the kind of the places listed, not a body (郫都区等区政府 was
    unresolved); a new town listed before a shared 管委会 (科学城、各园区管委会) is that town's committee,
    not a county's body (各县(市、区)科学城)."""
    found = assignments("（市住建局牵头，锦江区、青羊区、郫都区等区政府负责）")
    assert [(name, role) for _, name, role, _, _ in found] == [
        ("市住建局", "lead"),
        ("锦江区政府", "implementer"),
        ("青羊区政府", "implementer"),
        ("郫都区政府", "implementer"),
    ]
    found = assignments("（责任单位：各县（市、区）人民政府，科学城、各园区管委会）")
    assert [name for _, name, *_ in found] == ["各县(市、区)人民政府", "科学城管委会", "各园区管委会"]


def test_a_leading_group_s_office_named_bare_is_the_office_of_the_group_the_document_sets_up():
    """领导小组办公室 with no field is the office of the group the document names in full (成立…领导小组),
    not of any group a vocabulary knows; a document naming none leaves it its own name."""
    text = (
        "某市某区某街道办事处关于印发《某街道生活垃圾分类工作方案》的通知\n\n"
        "一、组织领导\n\n成立某街道生活垃圾分类工作领导小组，统筹推进辖区生活垃圾分类工作。\n\n"
        "二、工作要求\n\n领导小组办公室每月对各社区工作开展情况进行检查通报。\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    offices = [a.label_zh for _, a in record.assignments if a.label_zh.endswith("办公室")]
    assert offices and all("生活垃圾分类工作领导小组办公室" in label for label in offices)
    bare = text.replace("成立某街道生活垃圾分类工作领导小组，统筹推进辖区生活垃圾分类工作。", "加强领导。")
    record = extract(parse_outline(SourceText("doc.txt", bare, "utf-8")), Gazetteer.bundled())
    assert all("制造强市" not in a.label_zh for _, a in record.assignments)
    city = Gazetteer.bundled().place_in(["上海市人民政府"], [])
    assert city is not None
    group = own_group(["上海市房屋安全隐患排查整治工作领导小组", "区领导小组"])
    assert in_full("市领导小组办公室", group, city) == "上海市房屋安全隐患排查整治工作领导小组办公室"
    assert in_full("区领导小组", group, city) == "区领导小组"  # each district's group, in a city's text


def test_the_competent_department_a_regulation_names_is_its_bare_主管部门():
    """A regulation names its competent department in its general provisions (X是…的主管部门) and then
    writes 主管部门, 市主管部门: that department, at the level written, not any 有关部门. The department
    is 市和区县（市）X, Zhejiang's cities' two levels joined by 和: each level's X; 综合行政执法部门 is a
    body of that name, not any 执法部门."""
    text = (
        "宁波市生活垃圾分类管理条例\n\n2021年6月29日 宁波市第十六届人民代表大会常务委员会第三十八次会议通过\n\n"
        "第一条 为了加强生活垃圾分类管理，制定本条例。\n\n"
        "第二条 市和区县（市）综合行政执法部门是本行政区域生活垃圾分类管理的主管部门，负责组织、协调和监督。\n\n"
        "第三条 市主管部门应当建立生活垃圾分类智慧监管平台。\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    found = {(a.path, agency.label_zh) for a, agency in record.assignments}
    assert ("第二条", "宁波市各县(市、区)城市管理行政执法局") in found
    assert ("第三条", "宁波市城市管理行政执法局") in found
    assert not [label for _, label in found if "有关部门" in label]
    defined = "市和区县（市）综合行政执法部门是本行政区域生活垃圾分类管理的主管部门"
    bare = text.replace(defined, "各级人民政府")
    record = extract(parse_outline(SourceText("doc.txt", bare, "utf-8")), Gazetteer.bundled())
    assert all("执法" not in agency.label_zh for _, agency in record.assignments)


def test_a_law_s_dozen_fields_sharing_their_departments_duty_are_each_a_bearer():
    """发展和改革、经济和信息化、…、邮政管理等部门按照各自职责，做好…: a regulation's general provisions
    list a dozen fields whose departments share a duty, a subject longer than any other clause's."""
    fields = (
        "发展和改革、经济和信息化、教育、财政、自然资源和规划、生态环境、商务、文化广电旅游、"
        "市场监督管理、机关事务管理、邮政管理"
    )
    text = f"某市某某条例\n\n第一条 为了加强管理，制定本条例。\n\n第二条 {fields}等部门按照各自职责，做好相关工作。\n"
    found = {a.agency.name for a in prose(text, known_in("330200")) if a.path == "第二条"}
    assert {"发展和改革部门", "商务部门", "邮政管理部门"} <= found and len(found) == 11


def test_a_partner_named_with_等_before_its_verb_is_the_field_s_department():
    """会同商务等部门推动…: the partner is 商务部门, the 等 closing a list of one, not a body named 商务等部门."""
    text = (
        "某省某某条例\n\n第一条 为了加强管理，制定本条例。\n\n"
        "第二条 邮政管理部门应当会同商务等部门推动快递包装绿色化、减量化和可循环。\n"
    )
    found = [(a.agency.name, a.role) for a in prose(text, known_in("330000"))]
    assert found == [("邮政管理部门", "lead"), ("商务部门", "support")]


def test_what_a_rule_defines_as_governed_bears_no_duty_of_a_body():
    """本办法所称省级企业技术中心（以下简称技术中心），是指企业设立的…机构: the rule governs the centres;
    技术中心应当按要求填报评价材料 is the governed's duty, not a body's. A defined body of government
    (本办法所称主管部门，是指…部门) and the department charged stay; a definition states no duty. Both
    技术中心 and 本办法所称主管部门 (是 read as a duty word) were bodies."""
    text = (
        "某省企业技术中心认定管理办法\n\n"
        "　　第二条　本办法所称省级企业技术中心（以下简称技术中心），是指企业设立的技术研发与创新机构。"
        "本办法所称主管部门，是指设区市工业和信息化主管部门。\n"
        "　　第三条　省工业和信息化厅负责技术中心的认定和管理工作。\n"
        "　　第十一条　技术中心应当按要求填报评价材料。主管部门负责初审。\n"
    )
    found = [(a.path, a.agency.name) for a in prose(text, lambda name: False)]
    assert found == [("第三条", "省工业和信息化厅"), ("第十一条", "主管部门")]


def test_a_decision_amending_a_regulation_charges_no_body_and_sets_no_target():
    """关于修改〈X〉的决定: its points edit the regulation (将第十四条修改为：“…”), quoting its new text,
    whose duties and figures are the regulation's, read in its text as amended, not the decision's."""
    text = (
        "江西省人民代表大会常务委员会关于修改〈江西省河道管理条例〉的决定\n"
        "（2024年9月27日江西省第十四届人民代表大会常务委员会第十一次会议通过）\n\n"
        "江西省第十四届人民代表大会常务委员会第十一次会议决定对《江西省河道管理条例》作如下修改：\n"
        "一、删去第一条。\n"
        "二、将第十四条修改为：“建设单位应当将工程建设方案报送水行政主管部门审查。"
        "水行政主管部门应当自受理之日起二十日内作出审查决定。”\n"
        "三、将第二十条修改为：“县级以上人民政府应当组织河道清淤疏浚。到2030年，全省河湖水质优良比例达到95%以上。”\n"
    )
    record = extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())
    assert (record.assignments, record.targets) == ([], [])
    assert [(c.title, c.amends) for c in record.citations] == [("江西省河道管理条例", True)]
