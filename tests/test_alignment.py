"""Alignment of measures across levels on the development chains, against gold pairs written
from reading both documents (tests/golden/alignment).

The floors sit just under the figures measured when they were set (pairs: precision 0.905, recall
0.658; upper measures not taken up: precision 0.70, recall 0.94). The constants of the method were
chosen on these chains; leaving each chain out of the choice of the weak pairs' threshold in turn
gave precision 0.890 and recall 0.653 on the chain left out. The recall goal of the flow issue
(0.85) is not reached by the lexical method (see the issue notes).
"""

from __future__ import annotations

from collections import Counter

from scoring import alignment_counts, f1

from conftest import GOLDEN
from policykg.graph.alignment import align, measures_of
from policykg.graph.outline import parse_outline
from policykg.graph.records import Measure, SourceText
from policykg.graph.task_tables import annex_items

CHAINS = sorted((GOLDEN / "alignment").glob("*.json"))


def _totals() -> Counter:
    total: Counter = Counter()
    for chain in CHAINS:
        total.update(alignment_counts(chain))
    return total


def test_pairs_against_the_gold_of_every_development_chain():
    t = _totals()
    precision, recall, _ = f1(t["matched"], t["golden"], t["extracted"])
    assert len(CHAINS) >= 10
    assert precision >= 0.9 and recall >= 0.65, (precision, recall, t)


def test_upper_measures_not_taken_up():
    t = _totals()
    precision, recall, _ = f1(t["idle_matched"], t["idle_golden"], t["idle_extracted"])
    assert precision >= 0.69 and recall >= 0.93, (precision, recall, t)


def test_a_restated_task_is_paired_with_its_evidence_and_a_local_one_is_not():
    upper = [
        Measure("二/（一）", "推进海绵型地块建设。新建项目全面落实海绵城市建设要求。"),
        Measure("二/（二）", "完善城市排水防涝设施,提升内涝防治能力。"),
    ]
    lower = [
        Measure("1", "推进海绵型地块建设,区内新建项目全面落实海绵城市建设要求。"),
        Measure("2", "举办绿色生活主题宣传活动。"),
    ]
    pairs = align(upper, lower)
    assert [(p.upper, p.lower) for p in pairs] == [("二/（一）", "1")]
    # the evidence quotes what both state, as phrases
    assert pairs[0].shared == ("新建项目全面落实海绵城市建设要求", "推进海绵型地块建设") and 0 < pairs[0].score <= 1


def test_alignment_is_deterministic():
    upper = [Measure(str(i), f"加强第{i}项海绵城市建设管理工作") for i in range(1, 6)]
    lower = [Measure(str(i), f"落实第{i}项海绵城市建设管理工作") for i in range(1, 6)]
    assert align(upper, lower) == align(list(upper), list(lower))


def test_a_measure_bundling_tasks_carries_out_each_upper_task_a_sentence_restates():
    upper = [
        Measure(
            "一",
            "完善碳排放双控制度。全面实施碳排放总量和强度双控制度，开展碳排放预算管理，制定区级碳排放统计核算方法。",
        ),
        Measure(
            "二",
            "推进工业绿色升级。加快布局绿色产业发展，推动新型储能、绿色燃料等产业高质量发展。"
            "组织重点工业企业开展能效诊断服务，挖掘节能潜力。",
        ),
        Measure("三", "开展全国节能宣传周主题宣传活动。"),
    ]
    lower = [
        Measure(
            "1",
            "持续推动节能降碳。全面实施碳排放总量和强度双控制度，开展碳排放预算管理，制定区级碳排放统计核算方法。"
            "推动区内工业企业开展能效诊断。",  # restates a sentence of 二, whose whole text it shares little with
        )
    ]
    assert {(p.upper, p.lower) for p in align(upper, lower)} == {("一", "1"), ("二", "1")}


def _measures(text: str) -> list[str]:
    return [m.path for m in measures_of(parse_outline(SourceText("doc.txt", text, "utf-8")))]


def test_what_sets_no_task_is_no_measure():
    regulation = [
        "第一条 为了优化营商环境，根据有关法律，制定本条例。",
        "第二条 各级人民政府应当加强组织领导。",
        "第三条 本条例自2021年1月1日起施行。",
    ]
    plan = [
        "一、总体要求",
        "（一）指导思想",
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的精神。",
        "（二）工作目标",
        "到2025年，建成海绵城市。",
        "二、重点任务",
        "（一）推进海绵型地块建设。",
    ]
    assert _measures("\n".join(regulation) + "\n") == ["第二条"]
    rules = [  # rules implementing a regulation: their basis, and who interprets them in an article of its own
        "第一条 根据《某省物业管理条例》，结合本市实际，制定本办法。",
        "第二条 市住房城乡建设局负责本市物业管理工作。",
        "第三条 本办法由市住房城乡建设局负责解释。",
        "第四条 本办法自2024年1月1日起施行。",
    ]
    assert _measures("\n".join(rules) + "\n") == ["第二条"]
    assert _measures("\n".join(plan) + "\n") == ["一/（二）", "二/（一）"]
    # a city's plan heads its guiding ideas 工作思路 or 总体思路; 创新工作思路 is a task
    ideas = ["一、总体要求", "（一）工作思路。坚持以智能制造为主攻方向。", "（二）创新工作思路。建立工作专班。"]
    assert _measures("\n".join(ideas) + "\n") == ["一/（二）"]
    # a section that only says where the tasks are; a task that points to its details is one
    pointers = ["一、主要任务", "本方案主要任务及分工见附件。", "二、推进改造", "推进老旧小区改造，具体任务见附件2。"]
    assert _measures("\n".join(pointers) + "\n") == ["二"]
    counted = "三、重点任务\n围绕五个方面，明确13项重点任务，逐项明确牵头单位（详见附件）。各单位要制定推进计划。\n"
    assert _measures(counted) == []
    # a five-year plan's review of where it starts from
    review = [
        "第一章 发展基础与面临形势",
        "第一节 “十三五”取得的成效",
        "空气质量持续改善。",
        "第二节 面临的形势",
        "污染防治任务依然艰巨。",
        "第二章 主要任务",
        "第一节 优化产业结构",
        "推动钢铁行业超低排放改造。",
    ]
    assert _measures("\n".join(review) + "\n") == ["第二章/第一节"]
    # the article letting the lower levels make their own rules: the lower document carries it out whole
    enabling = ["第二十七条 市财政局负责资金拨付。", "第二十八条 各市可参照本办法，结合本地实际，制定具体实施细则。"]
    assert _measures("\n".join(enabling) + "\n") == ["第二十七条"]
    enabling[1] = "第二十八条 设区的市可以根据本条例，结合本地实际，制定生活垃圾分类管理的具体办法。"
    assert _measures("\n".join(enabling) + "\n") == ["第二十七条"]


def test_an_item_followed_by_a_box_still_states_its_tasks():
    """A box (专栏) after a 节's paragraphs illustrates the 节: the 节 is still a measure, and so is
    each project the box lists."""
    text = [
        "第四章 深入打好污染防治攻坚战",
        "第三节 推进土壤污染防治",
        "严格建设用地准入管理，重点建设用地安全利用率达到95%。",
        "专栏3 污染防治重点工程",
        "1.大气污染防治工程。实施超低排放改造。",
        "2.城镇污水管网工程。新建污水管网2500公里。",
    ]
    assert _measures("\n".join(text) + "\n") == ["第四章/第三节", "第四章/第三节/专栏3/1", "第四章/第三节/专栏3/2"]


def test_a_task_stated_before_the_list_it_announces_is_a_measure():
    """重点做好以下工作：(1)…(2)… lists the parts of the task before the colon, which holds its
    object and its figure: an upper plan may state that task alone."""
    text = [
        "（二）推进茶园提质增效",
        "1.稳定茶园面积。落实耕地保护制度，稳定茶园面积60万亩。",
        "2.改造低产茶园。每年改造低产低效茶园3万亩，重点做好以下工作：",
        "(1)推广良种，开展品种改良；",
        "(2)实施土壤改良，每亩增施有机肥200公斤以上。",
        "3.推进宜机化改造。推广修剪机、采茶机500台（套）。",
        "4.加强茶园管护。主要包括：",
        "(1)抓好病虫害绿色防控，安装杀虫灯2000盏。",
        "(2)推进茶园宜机化改造，建设示范基地2个。",
    ]
    assert _measures("\n".join(text) + "\n") == [
        "（二）/1",
        "（二）/2",
        "（二）/2/（1）",
        "（二）/2/（2）",
        "（二）/3",
        "（二）/4/（1）",
        "（二）/4/（2）",
    ]


def test_responsibility_clauses_are_no_evidence():
    """Two measures that share only who answers for them (（X、各县（市、区）人民政府按职责分工负责）)
    carry out nothing of each other."""
    clause = "（市农牧局、市市场监管局，各旗县（市、区）人民政府按职责分工负责）"
    upper = [Measure("一", f"实施肉牛种业振兴行动，建设核心育种场。{clause}")]
    lower = [Measure("1", f"开展草原生态修复治理，落实禁牧休牧制度。{clause}")]
    assert align(upper, lower) == []
    fields = "\n牵头单位：省生态环境厅大气环境处\n配合单位：省市场监管局、省交通运输厅"  # on lines of their own
    upper = [Measure("一", f"推进工业涂装行业治理，推广静电喷涂。{fields}")]
    lower = [Measure("1", f"加强油品储运销监管，开展油气回收检测。{fields}")]
    assert align(upper, lower) == []


def test_responsibility_sentences_in_prose_are_no_evidence():
    """A plan's task closing on who answers for it in a sentence of its own (X牵头，Y、Z等配合。
    X负责。) carries out nothing of another task that only closes alike."""
    upper = [
        Measure("一", "推进碳排放权交易，做好重点排放单位配额清缴。市生态环境局负责。"),
        Measure("二", "推进钢铁企业超低排放改造。市工业和信息化局牵头，市发展改革委、市生态环境局等配合。"),
    ]
    lower = [
        Measure("1", "实行排污许可证核发与执法监管衔接。区生态环境局负责。"),
        Measure("2", "开展农村生活污水治理。区农业农村委负责，各涉农街镇落实属地责任。"),
    ]
    assert align(upper, lower) == []
    lower = [Measure("1", "加快钢铁企业超低排放改造。区工业和信息化局牵头，区生态环境局配合。")]
    assert [(p.upper, p.lower) for p in align(upper, lower)] == [("二", "1")]


def test_the_words_numbering_a_paragraph_s_points_are_no_evidence():
    """一是…。二是…。: two measures that share only how they number their points carry out nothing of
    each other."""
    upper = [
        Measure("一", "加强草原保护。一是开展草原生态修复治理；二是落实禁牧休牧制度；三是推进草原确权登记。"),
        Measure("二", "推进农田水利建设，完善灌溉设施。"),
    ]
    lower = [
        Measure("1", "发展现代畜牧业。一是实施肉牛种业振兴行动；二是建设核心育种场；三是推进饲草料基地建设。"),
        Measure("2", "开展农产品质量安全监管。"),
    ]
    assert align(upper, lower) == []


def test_goals_and_steps_pair_only_with_their_kind():
    """A plan's goals (工作目标) and steps (实施步骤) frame its tasks: a task that restates a goal's
    figures does not carry the goal out, while the lower plan's goals do."""

    def plan(goal: str, task: str, steps: str) -> list[Measure]:
        text = f"一、工作目标\n{goal}\n二、重点任务\n（一）{task}\n三、实施步骤\n（一）{steps}\n"
        return measures_of(parse_outline(SourceText("doc.txt", text, "utf-8")))

    upper = plan(
        "到2026年，推动规上工业企业数字化改造全覆盖，建成智能工厂200家。",
        "打造智能制造标杆。建设智能工厂和数字化车间，推广工业机器人应用。",
        "全面推进阶段（2024年7月—2025年12月）。集中力量推进各项重点任务。",
    )
    lower = plan(
        "到2026年，全市规上工业企业数字化改造全覆盖，建成智能工厂30家。",
        "推进规上工业企业数字化改造全覆盖。建设智能工厂，推广工业机器人。",
        "全面推进阶段（2024年7月—2025年12月）。推进各项重点任务落地。",
    )
    assert [m.kind for m in upper] == ["frame", "task", "frame"]
    assert {(p.upper, p.lower) for p in align(upper, lower)} == {
        ("一", "一"),
        ("二/（一）", "二/（一）"),
        ("三/（一）", "三/（一）"),
    }


def test_lower_goals_restate_an_upper_task_in_each_clause_of_one_sentence():
    """A goals section lists its indicators clause by clause in one sentence (电子转移联单运行率达到100%，
    视频监控联网率达到100%): each clause restates another upper task, not only the closest one."""
    upper = [
        Measure("一", "全面实施电子转移联单。危险废物转移通过信息系统运行电子转移联单，电子转移联单运行率达到100%。"),
        Measure("二", "推进重点单位视频监控联网。推动危险废物环境重点监管单位在关键位置安装视频监控并联网。"),
        Measure("三", "规范小微企业危险废物收集。到2025年底，小微企业危险废物收集服务覆盖率达到90%以上。"),
        Measure("四", "开展专项执法检查。严厉查处非法转移、倾倒、处置危险废物等环境违法行为。"),
    ]
    text = (
        "一、工作目标\n到2024年底，全市危险废物电子转移联单运行率达到100%，重点监管单位视频监控联网率达到100%；"
        "到2025年底，小微企业危险废物收集服务覆盖率达到90%以上。\n"
        "二、主要任务\n（一）开展专项执法检查。严厉打击非法转移、倾倒危险废物行为。\n"
    )
    lower = measures_of(parse_outline(SourceText("l.txt", text, "utf-8")))
    assert lower[0].kind == "frame"
    assert {p.upper for p in align(upper, lower) if p.lower == "一"} == {"一", "二", "三"}


def test_lower_goals_restate_the_tasks_of_an_upper_document_that_states_no_goals():
    """若干措施 set their goals in their tasks (到2026年，建成智能工厂200家): a lower plan's goals
    section restates those tasks, and is no local addition."""
    upper = measures_of(
        parse_outline(
            SourceText(
                "u.txt",
                "某省若干措施\n一、推进智能制造\n1.打造智能制造标杆。到2026年，建成智能工厂200家，推广工业机器人应用。\n"
                "二、优化政务服务\n2.深化一网通办。到2026年，政务服务事项网上可办率达到100%。\n",
                "utf-8",
            )
        )
    )
    lower = measures_of(
        parse_outline(
            SourceText(
                "l.txt",
                "某市实施方案\n一、主要目标\n到2026年，全市建成智能工厂30家，推广工业机器人应用。政务服务事项网上可办率达到100%。\n"
                "二、重点任务\n（一）打造智能制造标杆。建设智能工厂，推广工业机器人。\n",
                "utf-8",
            )
        )
    )
    assert [m.kind for m in upper] == ["task", "task"] and lower[0].kind == "frame"
    assert {(p.upper, p.lower) for p in align(upper, lower) if p.lower == "一"} == {("一/1", "一"), ("二/2", "一")}


def test_the_formulas_of_liability_articles_pair_nothing():
    """责令改正, 情节严重的…依法给予处分, 构成犯罪的，依法追究刑事责任: every liability article
    repeats them; what it carries out is told by whom it binds and what it punishes."""
    formulas = (
        "责令改正；情节严重的，对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的，依法追究刑事责任。"
    )
    upper = [
        Measure("第八十六条", f"行业协会商会违反本条例规定，强制会员参加评比表彰的，由登记管理机关{formulas}"),
        Measure("第八十七条", "公用企事业单位违反本条例规定，强制市场主体接受指定服务的，由市场监管部门责令改正。"),
    ]
    lower = [Measure("第三十五条", f"公用企事业单位强制市场主体接受指定服务的，由有关部门{formulas}")]
    assert [(p.upper, p.lower) for p in align(upper, lower)] == [("第八十七条", "第三十五条")]


def test_the_formulas_of_general_provisions_pair_nothing():
    """法律、法规授权的具有管理公共事务职能的组织, 违反本条例规定, 法律、行政法规已有规定的，从其规定:
    drafting formulas any regulation repeats, which say nothing of the task an article sets."""
    upper = [
        Measure("第八十九条", "法律、法规授权的具有管理公共事务职能的组织，适用本条例关于行政机关的规定。"),
        Measure("第八十二条", "违反本条例规定的行为，法律、行政法规已有处罚规定的，从其规定。"),
        Measure("第二十五条", "县级以上人民政府应当建立政企沟通机制，帮助市场主体解决发展中的困难。"),
    ]
    lower = [
        Measure(
            "第十五条",
            "行政机关和法律、法规授权的具有管理公共事务职能的组织应当建立政企沟通机制，帮助企业解决困难；"
            "违反本条例规定的，依照有关规定处理。",
        )
    ]
    assert [(p.upper, p.lower) for p in align(upper, lower)] == [("第二十五条", "第十五条")]


def test_the_tasks_only_an_annexed_table_states_are_measures():
    """A district often takes up its upper document's tasks in a 任务分工 table alone; its rows are
    its measures (a group row, 一 规划引领, is none)."""
    body = "关于印发本区城市更新实施方案的通知\n\n各街镇、区政府各委、办、局：\n\n现将重点任务分工表印发给你们。\n\n"
    cells = ("序号", "工作任务", "牵头单位", "一", "规划引领", "1", "编制城市更新专项规划", "区规划资源局",
             "二", "项目实施", "1", "开展城市体检评估工作", "区建设管理委")  # fmt: skip
    text = body + "\n\n".join(("附件", "重点任务分工表", *cells)) + "\n"
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    lower = measures_of(outline, annex_items(outline))
    assert [m.path for m in lower] == ["附件/一/1", "附件/二/1"]
    upper = [Measure("一", "编制城市更新专项规划，明确更新区域。"), Measure("二", "加强历史风貌保护。")]
    assert [(p.upper, p.lower) for p in align(upper, lower)] == [("一", "附件/一/1")]


def test_a_liability_article_pairs_only_with_a_liability_article():
    """法律责任 articles punish the breach of a duty: they share its words (主动提供一次性牙刷、梳子)
    but do not carry it out, nor does the duty carry them out; the lower rules' penalty (依照《条例》
    …的规定予以处罚) pairs with the upper penalty."""

    def rules(*articles: str) -> list[Measure]:
        return measures_of(parse_outline(SourceText("doc.txt", "某条例\n\n" + "\n".join(articles) + "\n", "utf-8")))

    upper = rules(
        "第一章 总则",
        "第十六条 鼓励旅馆业减少使用一次性日用品。",
        "第二章 法律责任",
        "第三十五条 违反本条例第十六条规定，宾馆、餐饮经营者主动向消费者提供一次性牙刷、梳子的，由商务主管部门"
        "责令改正；拒不改正的，处五百元以上五千元以下罚款。",
    )
    lower = rules(
        "第十四条 宾馆、餐饮经营者不得主动向消费者提供一次性牙刷、梳子。",
        "第三十条 宾馆、餐饮经营者主动提供一次性用品的，由商务部门依照《条例》第三十五条的规定予以处罚。",
    )
    assert [m.kind for m in upper] == ["task", "liability"] and [m.kind for m in lower] == ["task", "liability"]
    pairs = {(p.upper, p.lower) for p in align(upper, lower)}
    assert ("第三十五条", "第三十条") in pairs and ("第三十五条", "第十四条") not in pairs


def test_penalties_pair_as_the_duties_they_cite_do():
    """违反本条例第X条规定: a penalty cites the duty it punishes the breach of. A lower penalty carries
    out the upper penalty of the duty its cited duty carries out, however alike the formulas of
    another penalty read (管理责任人…责令改正；拒不改正的，处…罚款); a penalty of a local duty is local."""
    fine = "由综合行政执法部门责令改正；拒不改正的，处一千元以上一万元以下罚款。"
    upper = [
        Measure("第二十五条", "产生生活垃圾的单位和个人应当按照分类标准分类投放生活垃圾。"),
        Measure("第二十七条", "管理责任人应当建立生活垃圾分类日常管理制度，设置收集容器。"),
        Measure("第五十一条", f"违反本条例第二十五条规定，未按照分类标准投放生活垃圾的，{fine}", kind="liability"),
        Measure("第五十二条", f"违反本条例第二十七条规定，管理责任人未履行管理职责的，{fine}", kind="liability"),
    ]
    lower = [
        Measure("第二十条", "单位和个人应当按照本市分类目录分类投放生活垃圾。"),
        Measure("第二十八条", "住宅小区实行定时定点投放，管理责任人应当设置误时投放点。"),
        Measure("第四十八条", f"违反本条例第二十条规定，管理责任人或者个人未分类投放的，{fine}", kind="liability"),
        Measure("第五十条", f"违反本条例第二十八条第二款规定，管理责任人未设置误时投放点的，{fine}", kind="liability"),
    ]
    pairs = {(p.upper, p.lower) for p in align(upper, lower)}
    assert ("第五十一条", "第四十八条") in pairs and ("第五十二条", "第四十八条") not in pairs
    assert not {u for u, w in pairs if w == "第五十条"}


def test_a_penalty_citing_the_duty_it_punishes_carries_out_the_penalty_only():
    """违反《条例》第十四条规定，…依照《条例》第四十一条规定予以处罚: a city's penalty names the upper
    duty whose breach it punishes and the upper penalty it applies; it carries out the penalty, and
    the duty is carried out by the article that restates it, not by the penalty."""
    upper = [
        Measure("第十四条", "建设单位应当将涉河工程建设方案报送水行政主管部门审查。"),
        Measure(
            "第四十一条",
            "违反本条例第十四条规定，工程建设方案未经审查擅自建设的，责令停止建设，处五万元以上十万元以下罚款。",
            kind="liability",
        ),
    ]
    lower = [
        Measure(
            "第二十八条",
            "违反《条例》第十四条规定，工程建设方案未经审查擅自建设的，由市、区水务部门依照《条例》第四十一条规定予以处罚。",
            kind="liability",
        )
    ]
    cited = {("第十四条", "第二十八条"): "《条例》第十四条", ("第四十一条", "第二十八条"): "《条例》第四十一条"}
    assert [(p.upper, p.lower) for p in align(upper, lower, cited)] == [("第四十一条", "第二十八条")]


def test_a_fund_s_sanctions_are_a_liability_article():
    """A fund's rules sanction a breach by taking the money back and barring the grantee (收回已拨付资金，
    三年内不得申报): the duty it names (不得截留、挤占、挪用) is carried out by a duty, not by the sanction."""

    def rules(*articles: str) -> list[Measure]:
        return measures_of(parse_outline(SourceText("doc.txt", "某办法\n\n" + "\n".join(articles) + "\n", "utf-8")))

    upper = rules(
        "第十九条 各市财政局收到资金后，应当在30日内拨付至项目单位，不得截留、挤占、挪用。",
        "第二十六条 项目单位有下列情形之一的，由有关部门收回已拨付资金，三年内不得申报省级财政专项资金：",
        "（一）提供虚假材料骗取专项资金的；",
        "（二）截留、挤占、挪用专项资金的。",
    )
    lower = rules(
        "第十八条 市财政局收到省级专项资金后，应当在30日内拨付至项目单位；县财政部门不得截留、挤占、挪用。",
        "第二十四条 项目单位存在《办法》第二十六条所列情形的，由市财政局收回已拨付资金，三年内不得申报市级资金。",
    )
    assert [m.kind for m in upper] == ["task", "liability"] and [m.kind for m in lower] == ["task", "liability"]
    assert {(p.upper, p.lower) for p in align(upper, lower)} == {("第十九条", "第十八条"), ("第二十六条", "第二十四条")}


def test_a_notice_s_task_to_hold_the_liable_to_account_is_a_task():
    """严肃追究事故单位责任，实施资质、资格处罚 in a notice's item is a task the province restates
    (严肃事故责任追究); only an article's penalty (…的，处…罚款) is a liability article."""

    def notice(*items: str) -> list[Measure]:
        return measures_of(parse_outline(SourceText("doc.txt", "某通知\n\n" + "\n".join(items) + "\n", "utf-8")))

    upper = notice(
        "一、压实安全生产责任",
        "（一）严肃事故调查和责任追究。对发生生产安全事故的，要依法依规严肃追究事故单位和相关人员责任，"
        "按规定实施资质、资格处罚。",
        "（二）加强组织领导。定期分析研判安全生产形势。",
    )
    lower = notice(
        "一、压实各方责任",
        "（一）严肃事故责任追究。对发生生产安全事故的企业和人员，依法依规实施资质、资格处罚。",
    )
    assert [m.kind for m in upper] == ["task", "task"]
    assert [(p.upper, p.lower) for p in align(upper, lower)] == [("一/（一）", "一/（一）")]


def test_an_item_that_opens_with_the_breach_restates_a_penalty_article():
    """A city's 细则 numbered 一、（一） restates a province's penalty article (…弄虚作假的，予以通报批评，
    …追究相关人员责任) as an item: a penalty too, paired with the article, not left local."""
    upper = measures_of(
        parse_outline(
            SourceText(
                "u.txt",
                "某省考核办法\n\n第九条 考核结果分为优秀、良好、合格、不合格四个等次。\n"
                "第十条 考核工作中弄虚作假、瞒报谎报的，予以通报批评，考核结果确定为不合格，"
                "并依法依规追究相关人员责任。\n",
                "utf-8",
            )
        )
    )
    lower = measures_of(
        parse_outline(
            SourceText(
                "l.txt",
                "某市考核实施细则\n\n一、结果运用\n\n（一）考核结果分为优秀、良好、合格、不合格四个等次。\n"
                "（二）在考核工作中弄虚作假、瞒报谎报的，予以通报批评，考核结果直接确定为不合格，并依规依纪依法追究相关人员责任。\n",
                "utf-8",
            )
        )
    )
    assert [m.kind for m in lower] == ["task", "liability"]
    assert ("第十条", "一/（二）") in {(p.upper, p.lower) for p in align(upper, lower)}


def test_a_measure_that_cites_articles_carries_out_those_or_closer_ones():
    """依照《条例》第六条: a lower article that cites upper articles by number carries them out; an
    upper article it shares words with pairs only if it is at least as close as the one cited."""
    upper = [
        Measure("第六条", "生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾，分类标准由省主管部门制定。"),
        Measure("第九条", "设区的市主管部门应当会同有关部门编制生活垃圾分类专项规划，报本级人民政府批准后实施。"),
    ]
    lower = [
        Measure(
            "第六条",
            "依照《条例》第六条，本市生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾。"
            "市主管部门会同有关部门制定分类目录，报市人民政府批准后公布。",
        )
    ]
    cited = {("第六条", "第六条"): "《条例》第六条"}
    assert [(p.upper, p.lower) for p in align(upper, lower, cited)] == [("第六条", "第六条")]
    assert ("第九条", "第六条") in {(p.upper, p.lower) for p in align(upper, lower)}  # without the citation


def test_terms_in_latin_letters_are_evidence():
    """5G, IPv6: a task's most specific words, read whole."""
    upper = [Measure("一", "加快5G和IPv6在工业园区部署。"), Measure("二", "完善数字化转型公共服务。")]
    lower = [Measure("1", "推进工业园区5G覆盖，开展IPv6改造。"), Measure("2", "举办技能竞赛。")]
    pairs = align(upper, lower)
    assert [(p.upper, p.lower) for p in pairs] == [("一", "1")] and {"5G", "IPv6"} <= set(pairs[0].shared)


def test_a_support_policy_s_formulas_and_closing_paragraph_are_no_evidence():
    """给予一次性奖励50万元, 按…的20%给予补助, 单个企业每年最高不超过100万元 repeat in every measure of a
    若干措施, whatever it supports; 本措施自印发之日起施行 closes the document, not its last task; a task
    titled 优化产业发展环境 is no review of where the plan starts from."""
    upper = [Measure("一", "支持企业上市。对首次上市的软件企业给予一次性奖励50万元，单个企业每年最高不超过100万元。")]
    lower = [Measure("1", "支持参加展会。对参加境外展会的企业，按展位费的20%给予补助，单个企业每年最高不超过100万元。")]
    assert align(upper, lower) == []
    text = "一、优化产业发展环境\n（一）加强人才引进。引进软件高端人才。\n本措施自印发之日起施行，有效期三年。\n"
    assert [(m.path, m.text) for m in measures_of(parse_outline(SourceText("doc.txt", text, "utf-8")))] == [
        ("一/（一）", "加强人才引进。引进软件高端人才。")
    ]


def test_a_weak_pair_stands_only_as_the_closest_of_either_measure_among_all_it_was_scored_with():
    """二 (跨境直升机航线) shares a few words with 2 (跨境…航线 among its logistics and drainage tasks), but
    is closer still to 1, which carries out 一; and 2 is closer to 三. The weak pair is neither's
    closest, so it stands for neither: that 1 is taken by a better partner does not make 2 二's closest."""
    upper = [
        Measure("一", "建设海绵公园。推进雨水花园和下沉绿地建设，完善透水铺装。"),
        Measure("二", "开展城际客运试点。开通跨境直升机航线，发展通勤航空。"),
        Measure("三", "加强排水管网改造。实施雨污分流，提升泵站能力。"),
    ]
    lower = [
        Measure("1", "建设海绵公园。推进雨水花园和下沉绿地建设，完善透水铺装，开通跨境直升机观光航线。"),
        Measure("2", "试点跨境无人机航线。提升泵站能力，建设物流仓库和冷链配送中心，发展快递分拣。"),
    ]
    assert [(p.upper, p.lower) for p in align(upper, lower)] == [("一", "1"), ("三", "2")]


def _response_plan(level: str, unit: str) -> str:
    steps = "".join(
        f"1.{k} {grade}级应急响应\n1.{k}.1 启动条件\n　　预报{n}个以上{unit}24小时降雨量达到{mm}毫米以上。\n"
        f"1.{k}.2 响应措施\n　　{level}防指{lead}主持会商，作出相应工作部署；{level}水务局加强水库调度。\n"
        for k, (grade, n, mm, lead) in enumerate(
            [("Ⅳ", 2, 50, "副指挥长"), ("Ⅲ", 3, 100, "常务副指挥长"), ("Ⅱ", 3, 150, "常务副指挥长")], 1
        )
    )
    others = "".join(f"2.{k} {task}\n　　{level}各成员单位{task}。\n" for k, task in enumerate(_SAFEGUARDS, 1))
    return f"某{level}防汛应急预案\n\n1 应急响应\n{steps}2 保障措施\n{others}"


_SAFEGUARDS = (
    "储备防汛物资 保障通信畅通 组建抢险队伍 安排救灾资金 开展宣传培训 组织应急演练 排查地质灾害 转移受灾群众".split()
)


def test_a_step_of_one_response_grade_carries_out_the_same_grade_s():
    """An emergency plan states its 启动条件 and 响应措施 once per grade in nearly the same words: the
    city's Ⅲ级 measures carry out the province's Ⅲ级 ones, not its Ⅳ级 or Ⅱ级 (each lower step paired
    with every grade's)."""
    upper = measures_of(parse_outline(SourceText("upper.txt", _response_plan("省", "设区市"), "utf-8")))
    lower = measures_of(parse_outline(SourceText("lower.txt", _response_plan("市", "县（市、区）"), "utf-8")))
    steps = [m.path for m in lower if m.path.startswith("1/") and m.path.endswith(".2")]  # 1/1.k/1.k.2: 响应措施
    assert {(p.upper, p.lower) for p in align(upper, lower) if p.lower in steps} == {(s, s) for s in steps}


def test_a_task_split_by_district_carries_out_its_parents_task():
    """A lower plan splits an upper task over sub-items headed by where they are done alone (1.迁安市
    2.曹妃甸区、乐亭县; 中心城区, 第一阶段): each carries out the task its parent's heading states,
    though its own words name only the district's works and firms."""
    upper = measures_of(
        parse_outline(
            SourceText(
                "u.txt",
                "某省行动方案\n一、深化工业污染治理\n（一）全面完成钢铁行业超低排放改造。到2025年，全省钢铁企业完成超低排放改造。\n"
                "（二）推进燃气锅炉低氮燃烧改造。燃气锅炉实施低氮燃烧改造，生物质锅炉禁止掺烧煤炭。\n"
                "二、优化能源结构\n（一）推进清洁取暖改造。平原地区基本完成散煤替代，加强散煤复烧监管。\n",
                "utf-8",
            )
        )
    )
    lower = measures_of(
        parse_outline(
            SourceText(
                "l.txt",
                "某市实施方案\n一、推进重点行业深度治理\n（一）高标准巩固钢铁行业超低排放成效。\n"
                "1.迁安市。督促首钢股份等企业对烧结、球团、高炉全工序提标治理，原料场全部封闭。\n"
                "2.曹妃甸区、乐亭县。推动首钢京唐、河钢唐钢新区对标国际先进水平，打造绩效标杆。\n"
                "（二）推进燃气锅炉深度治理。燃气锅炉全部完成低氮燃烧改造。\n",
                "utf-8",
            )
        )
    )
    assert {(p.upper, p.lower) for p in align(upper, lower)} == {
        ("一/（一）", "一/（一）/1"),
        ("一/（一）", "一/（一）/2"),
        ("一/（二）", "一/（二）"),
    }

    # where, when or by whom alone, or before a colon; not a heading that names a task (建设宜居城市)
    def headed(title: str) -> bool:
        text = f"（一）推进清洁取暖改造。\n1.{title}。完成改造。\n"
        return measures_of(parse_outline(SourceText("d.txt", text, "utf-8")))[0].text.startswith("推进清洁取暖改造")

    heads = [
        "迁安市：督促企业提标治理",
        "其他县（市、区）",
        "市直有关部门",
        "2025年采暖季前",
        "第一阶段（2024年4—6月）",
    ]
    assert all(map(headed, heads)) and not any(map(headed, ["建设宜居城市", "整治提升化工园区", "老旧小区"]))
    assert [
        m.text[:6]
        for m in measures_of(parse_outline(SourceText("d.txt", "（一）建设宜居城市。推进老旧小区改造。\n", "utf-8")))
    ] == ["建设宜居城市"]


def _task_table(rows: str) -> list[Measure]:
    """The measures of a notice whose tasks are all in its annexed, tab-separated 分解表."""
    text = (
        "某市人民政府办公室关于印发重点工作任务分解方案的通知\n\n各县区人民政府：\n\n现将分解表印发给你们。\n\n"
        "附件\n\n重点工作任务分解表\n\n序号\t重点工作\t牵头单位\n" + rows
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    return measures_of(outline, annex_items(outline))


_GOALS_UPPER = (
    "某省分工方案\n一、主要预期目标\n1.地区生产总值增长6%左右。\n2.粮食产量稳定在250亿斤以上。\n"
    "二、重点工作\n3.新建高标准农田320万亩。\n"
)


def test_a_task_tables_goals_group_frames_its_rows():
    """A 分解表's group row (一、主要预期目标) heads its rows as a section heads its items, though the
    rows number on across groups: its rows are goals, and restate the upper document's goals."""
    upper = measures_of(parse_outline(SourceText("u.txt", _GOALS_UPPER, "utf-8")))
    lower = _task_table(
        "一、主要预期目标\n1\t全市地区生产总值增长6.5%左右。\t市发展改革委\n"
        "二、乡村振兴\n2\t新建高标准农田35万亩。\t市农业农村局\n"
    )
    assert [(m.path, m.kind) for m in lower] == [("附件/1", "frame"), ("附件/2", "task")]
    assert {(p.upper, p.lower) for p in align(upper, lower)} == {("一/1", "附件/1"), ("二/3", "附件/2")}


def test_a_lower_document_without_goals_lists_the_upper_goals_among_its_tasks():
    """A county's 分解表 with no goals group opens with the goals it takes up (全区地区生产总值增长…):
    they carry out the upper goals, and are no local additions."""
    upper = measures_of(parse_outline(SourceText("u.txt", _GOALS_UPPER, "utf-8")))
    lower = _task_table("1\t全区地区生产总值增长6.5%左右。\t区发展改革局\n2\t新建高标准农田3万亩。\t区农业农村局\n")
    assert [m.kind for m in lower] == ["task", "task"]
    assert {(p.upper, p.lower) for p in align(upper, lower)} == {("一/1", "附件/1"), ("二/3", "附件/2")}
