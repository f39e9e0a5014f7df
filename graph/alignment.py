"""Alignment of measures across levels: which measures of a lower document carry out which
measures of the upper document it is based on.

A lower document restates the tasks it carries out in its own words, keeping their objects,
mechanisms and terms (海绵型地块建设, 隐患排查, 容缺受理). So each measure is read as the character
bigrams of its text, weighted by how rare they are among the measures of both documents (TF-IDF:
words every measure shares, 加强 推进 工作, weigh little). A measure often bundles several tasks
while the other level restates only one of them, so two measures are scored half on their whole
texts and half on their closest pair of sentences. A lower measure is paired with each upper
measure that scores high in absolute terms and either close to its best one or the best for one of
its sentences (a measure that bundles tasks carries out each upper task one of its sentences
restates), and with each upper article it cites by number, as rules implementing a regulation do
(依照《条例》第三条: flow.py reads the citations), other articles then only when at least as close;
a lower measure with none is a local addition, an upper measure no lower measure pairs with is not
taken up. A weak pair (scoring under WEAK) stands only as the closest of its upper or of its lower
measure: two measures that share a few words with each other's better partners carry out neither.
A measure pairs only with one of its kind: a plan's goals and steps frame its tasks, a
regulation's liability articles punish the breach of its duties (neither carries the other out);
but the goals of a lower plan restate the tasks of an upper document that has no goals of its own
(若干措施 set theirs in their tasks), and the tasks of a lower document with no goals of its own
restate the upper goals it takes up. A task table's group row (一、主要预期目标) heads the rows under
it as a section heading does.
The evidence of a pair is the citation, if any, and the phrases both state (runs of shared bigrams).
Candidates come from an inverted index of the informative bigrams, so a measure is compared only
with the measures it shares one with (sub-quadratic), and ties break by path: deterministic.

The constants were chosen on the development chains (tests/golden/alignment) leaving each chain
out in turn, so that the figures reported for them are those of chains the choice did not see.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from itertools import chain, islice

from policykg.graph.annex import grid
from policykg.graph.numbering import ARTICLES, article_segment, cn_to_int
from policykg.graph.records import Item, Measure, Outline, Pair
from policykg.graph.responsibilities import BODY_END, LABELS
from policykg.graph.text import HAN

MIN_SCORE = 0.16  # see the module's docstring for how the constants were chosen
NEAR_BEST = 0.6  # a second upper measure counts when it scores this share of the lower measure's best one
SENTENCE_BEST = 0.3  # ... or when it is the closest upper measure to a lower sentence, this close
SENTENCE_WEIGHT = 0.5  # of the score, the closest pair of sentences; the rest, the whole texts
WEAK = 0.2  # a pair scoring less stands only as the closest pair of its upper or of its lower measure
# Responsibility clauses, a bracket that may hold brackets (（市发展改革委、各县（市、区）人民政府按职责
# 分工负责）), or a labelled field on its line (牵头单位：省生态环境厅大气环境处): which bodies answer
# is what the lower level changes, not what it carries out.
_INNER = r"(?:[^（）()]|[（(][^（）()]{0,12}[）)])*"
_CLAUSE = re.compile(rf"[（(]{_INNER}(?:单位|部门|牵头|负责|配合){_INNER}[）)]|(?:{LABELS})\s*:[^\n。]*")
# The same said in prose, a sentence of its own after a plan's task whose every clause names bodies
# and their part (市生态环境局牵头，市工业和信息化局、市商务局等配合。区水务局负责。区住房和建设委、区城市
# 管理委按职责分工负责，天津港集团落实。): a name ends in a body's word and its part ends the clause.
_PART = (
    r"(?:等)?(?:(?:按照?|根据)(?:各自)?职责(?:分工)?)?(?:共同|分别|具体)?"
    r"(?:牵头|负责(?:落实|实施)?|配合|参与|协同|落实(?:属地|主体)?(?:责任)?)"
)
_NAMED = rf"[^,;。!?\n]{{2,80}}?(?:{BODY_END}|单位){_PART}"
_PROSE_CLAUSE = re.compile(rf"(?:(?<=[。;!?\n])|^)\s*{_NAMED}(?:,{_NAMED})*(?:[。;]|$)")
# The formulas of a regulation's 法律责任 articles, which every liability article of every level
# repeats whoever it binds and whatever it punishes, those of its general provisions (违反本条例
# 规定, 从其规定, 法律、法规授权的…组织), and the generic subject and modal every article opens with
# (县级以上人民政府及其有关部门应当, 任何单位和个人不得): what an article carries out is told by its
# own subject, its task or its offence, not by them.
_FORMULA = re.compile(
    r"情节严重的|构成犯罪的|依法追究刑事责任|对直接负责的主管人员和其他直接责任人员|依法给予(?:行政)?处分"
    r"|责令(?:限期)?改正|拒不改正的|没收违法所得|有违法所得的|(?:并)?处[^，。；]{0,12}以上[^，。；]{0,12}以下(?:的)?罚款"
    r"|违反本(?:条例|办法|规定)(?:规定)?(?:的行为)?|(?:法律|行政法规|法律、(?:行政)?法规)(?:另|已)?有(?:处罚)?规定的，?从其规定"
    r"|法律、法规授权的具有管理公共事务职能的组织|有下列(?:情形|行为)之一的"
    r"|(?:县级以上|各级)?(?:地方)?(?:人民政府)?(?:及其)?(?:有关|相关)?(?:部门|主管部门)?(?:及其工作人员)?(?:应当|不得)"
    r"|任何单位和个人"
    # the formulas of a support policy (若干措施) every measure repeats whatever it supports: 给予一次性
    # 奖励50万元, 按研发投入的20%给予补助, 单个企业每年最高不超过100万元
    r"|(?:给予|予以)(?:一次性|最高|不超过|[0-9.]+万?元|的)*(?:配套)?(?:奖励|补助|补贴|资助|贴息)"
    r"|按(?:照)?[^,。;]{0,20}?的[0-9.]+%(?:给予)?(?:配套)?(?:奖励|补助|补贴|资助)?"
    r"|(?:单个|每个|每家)?(?:企业|项目|单位)?(?:每年|年度)?(?:累计)?最高(?:不超过)?[0-9.]+万?元"
)
# runs of ideographs, read as their bigrams, and terms in Latin letters read whole (5G, IPv6, MES): often a
# task's most specific words
_HAN = re.compile(rf"[{HAN}]+|[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[0-9]+")
_ARTICLE = re.compile(r"第.+条(?:之.+)?")  # an article's path: its items are part of its measure
# 一是…，二是…: the points of a paragraph, numbered in words that say nothing of what each does (their
# bigrams 一是, 是推 are rare, so weigh as much as a task's own terms)
_ENUMERATOR = re.compile(rf"(?:^|(?<=[。；;，,：:\s]))[一二三四五六七八九十]{{1,2}}是(?=[{HAN}])")
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?\n])")
# What sets no task: a plan's guiding ideology (指导思想, or 总体思路 / 工作思路 as cities head it), a
# regulation's purpose and its entry into force, a
# section whose first sentence points to the annex for the document's tasks (本方案主要任务及分工见
# 附件; 明确13项重点任务，逐项明确牵头单位（详见附件）), not a task that points to its details there,
# and the article that lets the lower levels make their own rules (各市可参照本办法制定实施细则; 设区的市可以
# 根据本条例…制定具体办法, as a province's regulation closes): the lower document carries it out by
# being written, not by one of its measures.
_NO_TASK = re.compile(
    r"^(?:[（(][^）)]{1,8}[）)]\s*)?"  # an article's bracketed heading, （附则）
    r"(?:指导思想|(?:总体|工作)思路[。:：]|(?:为了?|根据|依据)[^。]*制定本(?:实施)?(?:条例|办法|规定|细则)"
    r"|[^。]*自[^。]*起施行[^。]*。?(?:[^。]*(?:解释|废止|有效期)[^。]*。?)*$|本(?:实施)?(?:条例|办法|规定|细则)由[^。]*负责解释。?$"
    r"|[^。]*(?:\d+项|[一二三四五六七八九十]+项|主要|重点)任务[^。]*见附件"
    r"|(?:各(?:市|县|区|地|设区的市)|设区的市(?:、县(?:\(市、区\)|（市、区）)?)?(?:人民政府)?)"
    r"[^。]{0,30}(?:制定|制订)[^。]{0,10}(?:实施细则|实施办法|具体办法)。?$)"
)
# The paragraph after the last item that puts the document in force (本措施自印发之日起施行…): the
# document's, not the last task's
_IN_FORCE = re.compile(r"\n本[^。\n]{0,12}自[^\n]*起施行[^\n]*$")
# A plan's review of where it starts from, its first chapter in every five-year plan (第一章 发展基础与
# 面临形势 / 第一节 "十三五"取得的成效; 一、发展现状): it states what was done and what is faced.
_BACKGROUND = re.compile(
    r"^[^，。；]{0,10}(?:发展基础|发展现状|现实基础|工作基础|面临的?形势|发展形势|规划背景|机遇(?:与|和)挑战"
    r"|取得的(?:主要)?成[效就绩]|主要成[效就]|发展回顾|存在的?(?:主要)?问题)"
    r"|^(?:“?十[一二三四五]五”?时期|面临的)?发展环境"  # not 优化产业发展环境, a task
)


# What a measure does, as alignment pairs only measures of one kind. A plan's goals (一、工作目标;
# 总体要求 stating them alone) and its steps (实施步骤, 进度安排) frame its tasks: a task that names a
# goal's figures does not carry the goal out. A regulation's liability articles (法律责任, 违反本条例…)
# punish the breach of a duty: they do not carry the duty out, nor does the duty carry them out.
TASK, FRAME, LIABILITY = "task", "frame", "liability"
_FRAME = re.compile(r"^[^,，。;；]{0,6}(?:目标|步骤|进度安排|时间安排)$")
_FRAME_ALONE = re.compile(r"^总体要求$")
_LIABILITY = re.compile(r"^(?:法律责任|罚则)$")
_BREACH = re.compile(r"^(?:[（(][^）)]{1,8}[）)]\s*)?违反本(?:条例|办法|规定|细则)")
# …的，由X责令改正，处…罚款; …的，由X依照《条例》第三十六条的规定予以处罚; a fund's rules sanction a
# breach by taking the money back and barring the grantee (收回已拨付资金，三年内不得申报)
_PENALTY = re.compile(
    r"处[^。;]{0,40}罚款|给予[^。;]{0,10}处分|追究[^。;]{0,10}责任|的规定(?:予以)?(?:处罚|处理)"
    r"|(?:收回|追回)已(?:拨付|下达|安排|发放)|[年内]不得(?:再次?)?申报"
)
# an item that is a penalty whatever its form: it opens with the breach (…的，) and the sanction follows at
# once, with no duty word (在考核工作中弄虚作假的，予以通报批评…追究相关人员责任), as a 细则 numbering its
# clauses 一、（一） restates an article's; not 对发生事故的，要依法依规追究…责任, a duty to hold to account
_SANCTION = re.compile(r"^[^。；;]*?的[，,](?:由[^。；;，,]{1,20}?)?(?:依法|依规|依纪|予以|给予|处以?|追究|责令)")
# The duties a liability article punishes the breach of, cited by their numbers (违反本条例第二十五条、第二十七条
# 第一款规定; 违反本办法第十二条至第十四条规定): every level writes its penalties so, citing its own articles.
_NUM = "[一二三四五六七八九十百零〇两0-9]{1,6}"
_BREACH_OF = re.compile(
    rf"违反本(?:条例|办法|规定|细则)((?:第{_NUM}条(?:之[一二三四五六七八九十]{{1,3}})?(?:第{_NUM}[款项])*[、和及与或者至到]*)+)"
)
_NUMBERED = re.compile(rf"第({_NUM})条(?:之([一二三四五六七八九十]{{1,3}}))?")


# An emergency plan states the same steps once per response grade (4.1 Ⅳ级应急响应 … 4.4 Ⅰ级应急响应:
# 启动条件, 响应措施) in nearly the same words: the grade tells them apart. (A warning's colour is no
# grade: a 红色预警 may start a Ⅱ级 response.)
_GRADE = re.compile(r"(IV|I{1,3}|[一二三四1-4])级(?:应急)?响应")
_GRADES = {"I": 1, "II": 2, "III": 3, "IV": 4, "一": 1, "二": 2, "三": 3, "四": 4}


def _grade(titles: Iterable[str]) -> int | None:
    """The response grade the deepest title naming one states (Ⅳ级应急响应, 一级响应: 1 the highest).

    >>> _grade(["应急响应", "Ⅳ级应急响应", "启动条件"]), _grade(["二级响应"]), _grade(["响应措施"])
    (4, 2, None)
    """
    found = None
    for title in titles:
        if m := _GRADE.search(unicodedata.normalize("NFKC", title)):
            found = _GRADES.get(m[1]) or int(m[1])
    return found


# A sub-item headed by where, when or by whom alone splits its parent's task by district, stage or body
# (1.迁安市 / 2.丰润区、丰南区 under （一）巩固钢铁行业超低排放成效; 1.中心城区 2.平原农村地区; 第一阶段（2024年）;
# 3.其他县（市、区）; 市直有关部门): its heading, or the head of it before a colon (迁安市：督促…), says
# where the task is done, the parent's says what the task is. Places: 迁安市, 峰峰矿区 (not 宜居城市,
# 化工园区), 中心城区, 平原农村地区, 各县（市、区）.
_PLACE = (
    rf"(?:各|其他|其余)?(?:[{HAN}]{{2,4}}(?:(?<!城)市|(?<![园社小景校厂])区|县|旗|盟|州|镇|乡|街道)"
    rf"|[{HAN}]{{0,4}}(?:城区|地区|片区)|县|区|市)(?:[（(][市区县旗、]{{1,5}}[）)])?"
)
_STAGE = (
    r"(?:20[0-9]{2}年(?:[0-9]{1,2}月)?[^,，。;；:：]{0,6}?(?:前|底|内|期间)?|第[一二三四五六七八九十]阶段|[近中远]期)"
    r"(?:[（(][^（）()]{1,16}[）)])?"
)
_WHO = r"(?:省|市|区|县|各|其他|其余|有关|相关)[^,，。;；:：]{0,30}?(?:局|委|厅|办公室|部门|单位|政府|管委会)"
_WHERE_WHEN = re.compile(rf"(?:{_PLACE})(?:(?:、|和|及)(?:{_PLACE}))*|{_STAGE}|{_WHO}")


def _split_heading(item: Item, above: tuple[Item, ...]) -> str:
    """The heading of the task an item carries out a share of, when its own heading says only where,
    when or by whom (see _WHERE_WHEN): the nearest ancestor's that says more, else nothing."""
    if not item.title or not _where_when(item.title):
        return ""
    for parent in reversed(above):
        if parent.title and not _where_when(parent.title):
            return parent.title
    return ""


def _where_when(title: str) -> bool:
    head = re.split(r"[:：]", unicodedata.normalize("NFKC", title).strip(), maxsplit=1)[0]
    return bool(_WHERE_WHEN.fullmatch(head))


def measures_of(outline: Outline, annex_items: Iterable[Item] = ()) -> list[Measure]:
    """The measures of a document as alignment compares them, each with its kind: the items that
    state a task (those without sub-items), each article of a regulation whole, its numbered items
    included, and the tasks only an annex's task table states (``annex_items``: a district often
    lists what it takes up in such a table alone). What sets no task is left out: a plan's 指导思想,
    a regulation's purpose (为了…制定本条例) and its entry into force (本条例自…起施行), a section
    that only says the tasks are in the annex (具体任务分工见附件). A sub-item headed by a place or a
    stage alone is read under its parent's heading, the task it carries out a share of.
    """
    annexed = list(annex_items)
    groups = {item.path.rsplit("/", 1)[0] for item in annexed}  # a table's group rows (一、规划引领)
    headings = _group_headings(outline, annexed)
    out = []
    for item, above in chain(_with_ancestors(outline.items, ()), ((item, ()) for item in annexed)):
        titles = [*headings.get(item.path, ()), *(a.title or "" for a in (*above, item))]
        head = item.path.split("/", 1)[0]
        if item.style in ARTICLES:
            measure = Measure(item.path, " ".join(i.text for i in item.walk()))
        elif _states_tasks(item) and item.path not in groups and not _ARTICLE.fullmatch(head):
            heading = _split_heading(item, above)
            measure = Measure(item.path, (heading + "。" if heading else "") + _IN_FORCE.sub("", item.text))
        else:
            continue
        if not _NO_TASK.search(measure.text.strip()) and not any(map(_BACKGROUND.match, titles)):
            out.append(replace(measure, kind=_kind(item, titles, measure.text), grade=_grade(titles)))
    return out


_GROUP_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．])\s*")


def _group_headings(outline: Outline, annexed: list[Item]) -> dict[str, tuple[str]]:
    """The heading of the group row each annexed task is listed under (一、主要预期目标 over rows 1 to
    5), by the task's path: the heading a body item's section gives it, whether or not the rows'
    numbering restarts in each group (and so names the group in their paths)."""
    found: dict[str, tuple[str]] = {}
    for annex in outline.annexes if annexed else ():
        inside = [it for it in annexed if annex.span.start <= it.span.start < annex.span.end]
        rows = [(r.row.span.start, r.row.cells) for r in grid(annex) if r.group] if inside else []
        for item in inside:
            above = [cells for start, cells in rows if start < item.span.start]
            if above:
                heading = next((c for c in above[-1] if c.strip()), "")
                found[item.path] = (_GROUP_MARKER.sub("", heading).strip(),)
    return found


_LIST_PARTS = ("arabic_paren", "arabic_half", "circled")
# a clause announcing the list, or a condition of its (重点做好以下工作：, 出现下列情况之一的，启动…响应：)
_ANNOUNCEMENT = re.compile(r"[:：]\s*$|下列|以下|如下")


def _announces_list(item: Item) -> bool:
    """An item that states a task of its own before announcing the list its sub-items make
    (2.改造低产茶园。每年改造3万亩，重点做好以下工作：(1)推广良种；(2)…): a measure, as its items are,
    since an upper plan may state that task alone. A heading that only announces them
    (加强茶园管护。主要包括：), or the condition they are alternatives of (出现下列情况之一的，启动Ⅳ级
    应急响应：), states none."""
    text = item.text.strip()
    title = item.title or ""
    own = text[len(title) :] if text.startswith(title) else text
    stated = [c for c in re.split(r"[。；;，,]", own) if c.strip() and not _ANNOUNCEMENT.search(c)]
    return (
        bool(item.children)
        and text.endswith((":", "："))
        and bool(stated)  # a task of its own, not a heading and 主要包括：
        and all(c.style in _LIST_PARTS and not c.children for c in item.children)
    )


def _states_tasks(item: Item) -> bool:
    """An item without sub-items, or one whose only sub-items are boxes (专栏2 重点工程 after the
    paragraphs of a 节): a box illustrates the item, whose own text still states its tasks; or one
    that states a task before the list it announces."""
    if not item.children or _announces_list(item):
        return True
    return all(c.style == "box" for c in item.children) and item.text.strip() != (item.title or "").strip()


def _with_ancestors(items: list[Item], above: tuple[Item, ...]) -> Iterator[tuple[Item, tuple[Item, ...]]]:
    for item in items:
        yield item, above
        yield from _with_ancestors(item.children, (*above, item))


def _kind(item: Item, titles: list[str], text: str) -> str:
    """The kind of an item's measure; ``titles``: the headings over it, its own last."""
    # a penalty is an article's (…的，由X处…罚款), or an item's that opens with the breach; a notice's
    # task to hold the liable to account (严肃追究事故单位责任，实施资质处罚) is a duty the other level restates
    penalty = (item.style in ARTICLES or _SANCTION.match(text.strip())) and _PENALTY.search(text)
    if any(map(_LIABILITY.match, titles)) or _BREACH.match(text.strip()) or penalty:
        return LIABILITY
    if _FRAME_ALONE.match(item.title or "") or any(map(_FRAME.match, titles)):
        return FRAME
    return TASK


def _breached(text: str) -> set[str]:
    """The articles (path segments) a liability article says it punishes the breach of.

    >>> sorted(_breached("违反本条例第二十五条、第27条第一款规定，…；违反本条例第三条至第五条规定的，…"))
    ['第三条', '第二十七条', '第二十五条', '第五条', '第四条']
    """
    found: set[str] = set()
    for cited in _BREACH_OF.finditer(text):
        numbers = [(_number(m[1]), cn_to_int(m[2]) if m[2] else 0, m) for m in _NUMBERED.finditer(cited[1])]
        found.update(article_segment(n, added) for n, added, _ in numbers)
        for (low, _, before), (high, _, after) in zip(numbers, numbers[1:]):
            if cited[1][before.end() : after.start()].strip("第一二三四五六七八九十0-9款项") in ("至", "到"):
                found.update(article_segment(n) for n in range(low + 1, high))
    return found


def _number(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else cn_to_int(numeral)


def _by_breach(
    upper: list[Measure],
    lower: list[Measure],
    pairs: list[Pair],
    scored: Callable[[int, int], float],
    cited: Iterable[tuple[int, int]],
) -> list[Pair]:
    """The pairs of liability articles as the duties they punish the breach of are paired: a lower
    penalty citing its own articles (违反本条例第二十五条规定) carries out the upper penalty citing an
    upper article those carry out, whatever their formulas share, and no upper penalty citing
    others; a penalty of local duties alone (articles of the lower document's that carry out
    nothing) is local. Where either cites none, their words decide, and a pair the lower penalty
    cites by number (依照《条例》第五十一条) stands. ``scored``: the score of a pair by indices."""
    segment = {m.path: m.path.rsplit("/", 1)[-1] for m in upper + lower}
    duties = {segment[m.path] for m in lower if m.kind != LIABILITY}
    carried: dict[str, set[str]] = defaultdict(set)  # lower article -> the upper articles it carries out
    liable = {m.path for m in upper + lower if m.kind == LIABILITY}
    for p in pairs:
        if p.upper not in liable and p.lower not in liable:
            carried[segment[p.lower]].add(segment[p.upper])
    up_breach = {i: _breached(m.text) for i, m in enumerate(upper) if m.kind == LIABILITY}
    verdict: dict[tuple[int, int], bool] = {}
    for j, m in enumerate(lower):
        if m.kind != LIABILITY or not (own := _breached(m.text)):
            continue
        carries = set().union(*(carried[a] for a in own))
        local = not carries and own <= duties
        for i, cites in up_breach.items():
            if (local or cites and carries) and (i, j) not in cited:
                verdict[(i, j)] = bool(carries & cites)
    upper_at, lower_at = {m.path: i for i, m in enumerate(upper)}, {m.path: j for j, m in enumerate(lower)}
    kept = [p for p in pairs if verdict.get((upper_at[p.upper], lower_at[p.lower]), True)]
    have = {(p.upper, p.lower) for p in kept}
    for (i, j), paired in sorted(verdict.items()):
        if paired and (upper[i].path, lower[j].path) not in have:
            breach = next(_BREACH_OF.finditer(lower[j].text))[0]
            kept.append(Pair(upper[i].path, lower[j].path, round(scored(i, j), 4), (breach,)))
    return kept


def _stated(text: str) -> str:
    """What a measure states: its text without responsibility clauses, bracketed (which a sentence's
    end (；) inside them would otherwise cut into halves that read as sentences of their own) or in
    prose."""
    return _PROSE_CLAUSE.sub("", _CLAUSE.sub("", unicodedata.normalize("NFKC", text)))


def _bigrams(text: str) -> Counter[str]:
    text = _ENUMERATOR.sub("", _FORMULA.sub("", _stated(text)))
    grams: Counter[str] = Counter()
    for run in _HAN.findall(text):
        if run.isdigit():
            continue
        if run.isascii():
            grams[run] += 1
            continue
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def _sentences(text: str) -> list[str]:
    """The sentences of a measure that state something (three bigrams or more), or the whole text."""
    found = [s for s in _SENTENCE_END.split(_stated(text)) if sum(_bigrams(s).values()) >= 3]
    return found or [text]


def _clauses(text: str) -> list[str]:
    """The clauses of a goals section that restates upper tasks: it lists one indicator a clause
    (电子转移联单运行率达到100%，视频监控联网率达到100%), each another task's."""
    found = [c for s in _sentences(text) for c in re.split(r"[,;]", s) if sum(_bigrams(c).values()) >= 3]
    return found or [text]


def _vectors(texts: list[str]) -> tuple[list[dict[str, float]], dict[str, float]]:
    """TF-IDF vectors of the bigrams of ``texts``, unit length, and the IDF of each bigram."""
    bags = [_bigrams(t) for t in texts]
    df = Counter(g for bag in bags for g in bag)
    idf = {g: math.log((1 + len(bags)) / (1 + d)) + 1 for g, d in df.items()}
    vectors = []
    for bag in bags:
        vec = {g: (1 + math.log(c)) * idf[g] for g, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({g: v / norm for g, v in vec.items()})
    return vectors, idf


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return math.fsum(a[g] * b[g] for g in a.keys() & b.keys())  # exactly rounded: the same in any set order


def align(upper: list[Measure], lower: list[Measure], cited: Mapping[tuple[str, str], str] | None = None) -> list[Pair]:
    """The pairs (upper measure, lower measure it carries out), best first for each lower measure.
    ``cited``: the pairs (upper path, lower path) where the lower measure cites the upper one by
    number (依照《条例》第十二条), with the citation: paired whatever their words share, the citation
    first in their evidence."""
    vectors, idf = _vectors([m.text for m in upper + lower])
    up, low = vectors[: len(upper)], vectors[len(upper) :]
    # an upper document that states no goals of its own (若干措施) sets them in its tasks: a lower goals
    # section restates those, one indicator a clause
    framed = any(m.kind == FRAME for m in upper)
    sentences = [_sentences(m.text) for m in upper]
    sentences += [_clauses(m.text) if m.kind == FRAME and not framed else _sentences(m.text) for m in lower]
    flat = iter(_vectors([s for group in sentences for s in group])[0])
    by_measure = [list(islice(flat, len(group))) for group in sentences]
    up_sentences, low_sentences = by_measure[: len(upper)], by_measure[len(upper) :]
    n = len(vectors)
    # in three measures at most, or one in six: a chain's goals sections alone put a task's key terms
    # (数字化车间, 自治区级) into four measures of a small chain's thirty
    informative = math.log((1 + n) / (1 + max(3, n // 6))) + 1
    index: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(up):
        for g in vec:
            if idf[g] >= informative:
                index[g].append(i)
    scores: dict[tuple[int, int], float] = {}
    restated: set[tuple[int, int]] = set()  # (i, j): upper measure i is the closest to a sentence of j
    # and a lower document that states no goals of its own lists the upper goals it takes up among
    # its tasks (a county's 分解表 opening with 全区地区生产总值增长6.5%左右 over no 主要目标 group)
    kinds = {TASK, FRAME} if not any(m.kind == FRAME for m in lower) else {TASK}
    for j, vec in enumerate(low):
        shared = {i for g in vec if idf[g] >= informative for i in index.get(g, ())}
        kind = TASK if lower[j].kind == FRAME and not framed else lower[j].kind
        allowed = kinds if kind == TASK else {kind}
        grade = lower[j].grade  # a step of one response grade carries out the same grade's, not another's
        candidates = sorted(
            i for i in shared if upper[i].kind in allowed and (grade is None or upper[i].grade in (None, grade))
        )
        # closeness[k][c]: of lower sentence k to the closest sentence of candidate c
        closeness = [[max(_cosine(a, b) for a in up_sentences[i]) for i in candidates] for b in low_sentences[j]]
        for c, i in enumerate(candidates):
            closest = max(row[c] for row in closeness)
            scores[(i, j)] = (1 - SENTENCE_WEIGHT) * _cosine(vec, up[i]) + SENTENCE_WEIGHT * closest
        for row in closeness:
            if row and max(row) >= SENTENCE_BEST:
                restated.add((candidates[row.index(max(row))], j))
    best: dict[int, float] = defaultdict(float)
    for (_, j), score in scores.items():
        best[j] = max(best[j], score)
    upper_at, lower_at = {m.path: i for i, m in enumerate(upper)}, {m.path: j for j, m in enumerate(lower)}
    # a liability article cites the duty whose breach it punishes (违反《条例》第十四条规定) beside the
    # penalty it applies (依照《条例》第四十一条规定予以处罚): it carries out the penalty, not the duty
    citations = {
        (upper_at[u], lower_at[w]): c
        for (u, w), c in (cited or {}).items()
        if u in upper_at
        and w in lower_at
        and (lower[lower_at[w]].kind != LIABILITY or upper[upper_at[u]].kind == LIABILITY)
    }

    def scored(i: int, j: int) -> float:  # a pair never compared (no informative bigram in common), all the same
        if (i, j) in scores:
            return scores[(i, j)]
        closest = max(_cosine(a, b) for a in up_sentences[i] for b in low_sentences[j])
        return (1 - SENTENCE_WEIGHT) * _cosine(low[j], up[i]) + SENTENCE_WEIGHT * closest

    for i, j in sorted(citations.keys() - scores.keys()):
        scores[(i, j)] = scored(i, j)
    pairs: list[Pair] = []
    cited_best: dict[int, float] = defaultdict(float)  # a lower measure's best score among the articles it cites
    for i, j in citations:
        cited_best[j] = max(cited_best[j], scores[(i, j)])
    chosen = [
        (i, j, score, citations.get((i, j)))
        for (i, j), score in sorted(scores.items(), key=lambda s: (lower[s[0][1]].path, -s[1], upper[s[0][0]].path))
        if (i, j) in citations
        or (
            score >= max(MIN_SCORE, cited_best[j])  # one that cites articles carries out those it cites, or closer
            and (score >= NEAR_BEST * best[j] or (i, j) in restated)
        )
    ]
    closest_up: dict[int, float] = defaultdict(float)
    closest_low: dict[int, float] = defaultdict(float)
    for (i, j), score in scores.items():
        closest_up[i], closest_low[j] = max(closest_up[i], score), max(closest_low[j], score)
    for i, j, score, cites in chosen:
        if cites or score >= WEAK or score in (closest_up[i], closest_low[j]):  # weak: only as one's closest
            evidence = _phrases(lower[j].text, low[j].keys() & up[i].keys(), idf)
            pairs.append(Pair(upper[i].path, lower[j].path, round(score, 4), (cites, *evidence) if cites else evidence))
    return _by_breach(upper, lower, pairs, scored, citations)


def _phrases(text: str, shared: set[str], idf: dict[str, float], most: int = 8) -> tuple[str, ...]:
    """What two measures state alike, as a reader would quote it: the runs of the lower text made of
    bigrams both state (营商环境监测平台, not 营商 商环 环境), the most informative first."""
    runs: dict[str, float] = {}
    for run in _HAN.findall(_stated(text)):
        if run.isascii():  # a term in Latin letters, whole (5G)
            if run in shared:
                runs[run] = idf[run]
            continue
        start = None
        for k in range(len(run)):  # bigram run[k:k+2] starts at k; a phrase is a chain of shared bigrams
            inside = k < len(run) - 1 and run[k : k + 2] in shared
            if inside and start is None:
                start = k
            elif not inside and start is not None:
                phrase = run[start : k + 1]
                runs[phrase] = sum(idf[phrase[m : m + 2]] for m in range(len(phrase) - 1))
                start = None
    chosen: list[str] = []
    for phrase in sorted(runs, key=lambda p: (-runs[p], p)):
        if len(chosen) < most and not any(phrase in c for c in chosen):
            chosen.append(phrase)
    return tuple(chosen)
