"""Duties stated in prose: the bodies a sentence of the body makes responsible for something.

Chinese official prose names the bearer of a duty as the subject of a clause, followed by a duty
word: X要… / X应当… / X负责… / X牵头… / X会同Y… / X配合… / X统筹协调… / 由X负责… / X是…主管部门;
a rule states its commands in the indicative (X对…给予补贴, X依照《条例》第N条规定，建立…); a section
organised by department gives each body a paragraph of its own ("区民防办：负责…", "房管所负责…；").
The subject is a list of bodies (、 和 及 与), every one of which must be recognisable as a body
(the gazetteer knows its function, or its name ends like one: 集团, 支队, 领导小组…); vague
collectives (有关部门, 各成员单位) and market roles (建设单位, 企业) bear no duty here.

Roles follow the duty word: 牵头 → lead; 会同's subject → lead and its objects → support; 配合 / 协助,
and 参加 / 参与 closing a clause (由A牵头，B等单位参加) → support; 统筹 / 协调 without 牵头 →
coordinator; anything else → responsible. 按照各自职责 (of the listed bodies) makes them joint. A
body counts once per role in a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from policykg.graph.body_tables import body_tables
from policykg.graph.mapped import MappedText
from policykg.graph.records import Assignment, Item, Mention, Outline, Span
from policykg.graph.responsibilities import (
    BODY_END,
    COORDINATOR,
    LEAD,
    PROSE,
    RESPONSIBLE,
    SUPPORT,
    clause_spans,
    coverage,
    level_opening,
    split_agencies,
)

_SENTENCE = re.compile(r"[^。!?\n]+")
_CLAUSE_START = re.compile(r"(?:^|[,;:])\s*")
_MODAL = r"(?:要|应当|应|须|必须|需要|需|将)?"
_DUTY = re.compile(
    rf"{_MODAL}(?:负责(?!人|同志)|牵头|会同|配合|协助|统筹|协调|分别|按照|按|根据|依据|依法|在各自|落实|履行|承担|做好|加强|抓好|组织(?!部)"
    # 国务院国资委指导中央企业…, 人民银行X分行引导金融机构…; not a principle's formula (政府推动、市场运作)
    r"|(?:指导(?!意见)|引导|支持|推动|督促)(?![,、;。]|作用)"
    r"|具体(?:实施|落实|负责)"
    # a plan's plain statement of who does what: X积极争取…, X及时上报…, X制定具体实施计划; not 制定的《…》
    r"|积极|主动|及时|认真|切实|制定(?!的)"
    r"|(?:参加|参与)(?=[,;]|$))"  # 由A牵头，B、C等单位参加: those taking part, as a 参加单位 column lists them
    r"|要|应当|应|须|必须|:|每月|每季度|每半年|每年|定期"
    r"|是(?=[^,;。]{0,24}(?:责任主体|第一责任人|主管部门|的主体))"  # 各区政府是本地区稳就业工作的责任主体
    # a rule's plain indicative is its command: 区财政局对…给予补贴; 市住房城乡建设局依照《条例》第二十六条规定，建立…
    r"|依照|对(?=[^,;。]{1,40}?(?:给予|予以|实施|进行|开展))"
    r"|将(?=[^,;。]{1,30}?纳入)"  # 区财政局将生活垃圾分类经费纳入区级财政预算: what it brings into its budget or plan
    r"|对(?=[^,;。]{1,40}?负(?:总|主体|全面|首要|直接|领导)?责)"  # 各区人民政府对本行政区域…负总责
    r"|在(?=[^,;。]{1,40}?(?:时|中|期间),?(?:应当|应|要|须|必须|负责))"  # X在编制…时，应当…
    r"|于(?=(?:(?:19|20)\d\d年)?\d{1,2}月|每[月季年])"  # a schedule's: X于6月20日前报送…, X于5月至9月开展…
)
_PLEASE = re.compile(r"^请(?!示)")  # 请X于…报送: a request is a duty
_LEAD = re.compile(rf"{_MODAL}(?:负责牵头|牵头)")
_WITH = re.compile(rf"{_MODAL}会同")
_ALSO_WITH = re.compile(r"(?:负责)?,?(?:并|负责)?会同")  # 牵头，会同…
_SUPPORT = re.compile(rf"{_MODAL}(?:负责)?(?:配合|协助|协同|(?:参加|参与)(?=[,;]|$))")
_ALONGSIDE = re.compile(r"^(?:共同)?(?:配合|协助|协同)")
# 统筹/协调 without 牵头, 牵头抓总 (overall charge), a recurring 调度 (scheduling the others' work); not
# 统筹安排资金, 统筹使用, 统筹资金投入, 统筹编制资源, 统筹中央农业生产发展资金: a body's own allocating of its means.
_COORDINATE = re.compile(
    rf"{_MODAL}(?:负责|加强)?(?:统筹(?!安排|使用|利用|整合|考虑|兼顾|[^,;]{{0,10}}?(?:资金|资源|经费|编制|用地))|协调)"
    rf"(?!.{{0,6}}牵头)|{_MODAL}牵头抓总"
    r"|(?:每月|每季度|每半年|定期)[^,]*调度"
)
_JOINT = re.compile(rf"{_MODAL}(?:按照|按|根据|依据|在)(?:各自|各自的)?(?:职责|职能)")
# what a bracket after a body says of it: 领导小组办公室(设在市发展改革委), (以下简称…), (以下统称编制部门),
# (含…管理委员会，下同)
_ALIAS = re.compile(r"\((?:(?:以下)?(?:简称|统称)|设在|含)[^)]*\)$|\([^)]*下同\)$")
# 领导小组办公室设在市发展改革委，负责…: the host bears the office's duty; …，办公室设在旗农牧和科技局。 with
# none said: the host runs the office, the group's coordination
_SEATED = re.compile(r"(?:办公室|办)设在([^,;]+?)[,;]?$")
_MAX_SUBJECT = 60
_MAX_LIST = 160  # a list of the bodies a lead works with (会同…等部门) may name a dozen fields
# a law's list of the fields whose departments share a duty, a dozen of them (发展和改革、经济和信息化、…、
# 邮政管理等部门按照各自职责，做好…): a subject longer than any other
_FIELDS_LIST = re.compile(
    r"^[^,;。]{40,150}?、[^,;。、]{1,12}?等?(?:有关|相关)?(?:主管)?部门(?=应当|应|要|按照|按|依照|根据|在各自|负责|做好)"
)
_CLAUSE_END = re.compile(r"[,;。]")
# a body the clause sets up before giving it its duty (成立市数字经济发展领导小组，统筹推进…)
_ESTABLISHED = re.compile(r"(?:本[省市区县])?(?:成立|组建|设立)")
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[,、]|首先|其次|再次|最后)")
_MEMBERS = re.compile(r"为(?:其)?成员(?:单位)?")
# (any 执法部门 is vague, but not the body of that name: 综合行政执法部门, 城管执法部门)
_VAGUE = re.compile(
    r"(有关|相关|其他|其它|成员|所属|上级|(?<!综合行政)(?<!综合)(?<!城管)执法|处置|责任|牵头|配合).{0,6}(部门|单位|方面|机构)"
    r"(?:\((?:部门|单位)\))?$"
    r"|^[市区县]?(各级|各|直|级)?(部门|单位)+$"  # 区政府相关部门(单位)
    r"|^(我|其余|其)|^各地(?:区)?(?:各部门)?$"  # 各地各部门要…: every locality and department
    r"|^(?:兑现|审批|审核|受理|认定|验收|考核)(?:部门|单位)$"  # a role the task gives: 会同兑现部门追回
    r"|的(?:部门|单位|机构)(?:或者?(?:部门|单位|机构))?$"  # one a clause describes: 市人民政府指定的部门或者机构
)
_VAGUE_WORD = re.compile(r"部门|单位|方面|机构")  # what every vague name that can open with a verb ends in
_VERB_START = re.compile(
    r"^(要|应(?!急)|须|可|将|并|把|对|以|经(?!济|营|贸|信|开)|报|向|建立|组织|协调|推动|加强|指导|督促|负责|配合|支持|鼓励|充分|发挥|优化"
    r"|加快|推进|深化|完善|健全|实现|形成|提高|提升|促进|坚持"
    # a task that builds or grows something ending like a body (建设…分拨中心，推动…): no bearer
    r"|建设(?!局|厅|委|银行|工程|管理)|新建|打造|搭建|布局|培育|引进|开展|推广"
    # the partners of the clause before's bearer (…，会同省水利厅等部门组织开展检查), and a principle's
    # formula (统一指挥，分级分部门负责)
    r"|会同|分级)"
)
_VERB_INSIDE = re.compile(r"设立|遴选|依托|强化|加强|做好|落实|按照|根据|是|应当|实行|执行|配合|“")
_MARKET = re.compile(
    r"(建设|设计|施工|监理|勘察|社会|产权|物业|管理|使用|运营)单位$|企业$|产权人$|业主$|个人$|群众$|(?<!人民)银行$"
)  # 商业银行应当…: a market actor's duty under the law, not a body's task
# a collective of a level, or a name ending like a body with two characters or more before its ending
# (消防救援站, 房管所; not 车站, a place of work)
_BODY_FORM = re.compile(rf"各(?:区|县|县区|县\(区\)|乡镇|街镇|镇|街道)|[^的对将把在从为由,、:0-9]{{2,30}}?{BODY_END}")
# a town's or a street's own level word, which opens the names of its offices (街道城乡统筹办, 镇退役军人服务站)
_OWN_LEVEL = re.compile(r"街道|镇|乡")
_INTERPRETS = re.compile(r"[^,;]*?负责解释(?:[,;]|$)")
_TASK_FORCE = re.compile(r"^分别牵头(?:成立|组建)?(.+?)(?:[一二三四五六七八九十\d]+个)?(?:工作)?专班")


def is_body(name: str, known: Callable[[str], bool]) -> bool:
    """A name that can bear a duty: a known function or a body's form, not vague, not a market role,
    not a phrase with a verb in it (依托第三方专业团队, 本市设立城市更新中心)."""
    if _VAGUE.search(name) or _MARKET.search(name) or _VERB_START.match(name) or _VERB_INSIDE.search(name):
        return False
    return known(name) or bool(_BODY_FORM.fullmatch(name))


def _subject(text: MappedText, known) -> tuple[list[Mention], int] | None:
    """The list of bodies a clause opens with, and where the duty word after it starts: the first
    duty word whose preceding text is a list of bodies (应 in 市应急局 is no duty word). A vague
    member (区政府相关部门) is left out of a list that names bodies besides it."""
    for duty in _DUTY.finditer(text.text):  # the clause as far as its subject may run
        head = text[: duty.start()]
        if "由" in head.text:  # 资金原则上由区政府统筹…: the bearer follows 由
            head = head[head.text.rindex("由") + 1 :]
        if m := _ALIAS.search(head.text):
            head = head[: m.start()]
        if m := _SEATED.search(head.text):
            head = head[m.start(1) : m.end(1)]
        if _MEMBERS.search(head.text):  # …等单位为成员单位，统筹推进…: the members, not who coordinates
            continue
        head = head[len(head.text) - len(head.text.lstrip("(")) :]  # (市教委负责): the bracket opens no name
        if m := _ENUMERATOR.match(head.text) or _PLEASE.match(head.text):  # 一是县林业局要…; 请X…
            head = head[m.end() :]
        if m := _ESTABLISHED.match(head.text):  # 本市设立城市更新中心，…参与…: the body set up bears the duty
            head = head[m.end() :]
        if not head.text or (_VERB_START.match(head.text) and not _VAGUE_WORD.search(head.text)):
            continue  # a list whose first name opens with a verb names no body: not split (costly)
        mentions = split_agencies(head, conjunctions=True)
        named = [m for m in mentions if not _VAGUE.search(m.name)]
        if named and all(is_body(m.name, known) for m in named):
            return named, duty.start()
    return None


def _objects(text: MappedText, known) -> list[Mention]:
    """The bodies after 会同, up to the verb that follows the last of them (会同市公安局、市应急局督促…)."""
    out: list[Mention] = []
    end = _CLAUSE_END.search(text.text, 0, _MAX_LIST)  # 会同市发展改革、财政、…等部门，: the list to its end
    for mention in split_agencies(text[: end.start() if end else _MAX_SUBJECT], conjunctions=True):
        if is_body(mention.name, known):
            out.append(mention)
            continue
        body = _body_opening(mention.name, known)
        if body and is_body(body, known):  # 会同商务等部门推动…: 商务部门, the 等 of a list of one
            out += [Mention(body, m.name, mention.span) for m in split_agencies(MappedText.of(body))]
        break
    return out


def _peers(bodies: list[Mention], lead: Mention) -> list[Mention]:
    """The bodies a lead works with, 同级 (of the same level) written as the lead's level: in
    县（市、区）工业和信息化部门会同同级财政部门, the counties' finance departments, which the name alone
    does not place."""
    level = level_opening(lead.name)
    if not level:
        return bodies
    return [Mention(m.written, level + m.name[2:], m.span) if m.name.startswith("同级") else m for m in bodies]


def _body_opening(text: str, known) -> str | None:
    """The body a text opens with: the longest opening the gazetteer knows (会同省委农办开展…: 省委农办, not
    省委), else the shortest that ends like a body (会同市住房城乡建设局做好…: 市住房城乡建设局, not 市住房城乡,
    which ends like 乡)."""
    openings = [text[: end.end()] for end in re.finditer(BODY_END, text[:_MAX_SUBJECT])]
    found = [opening for opening in openings if known(opening) and is_body(opening, known)]
    office = _BODY_FORM.match(text, len(found[-1])) if found and _OWN_LEVEL.fullmatch(found[-1]) else None
    if office and is_body(office.group(), known):
        return text[: office.end()]  # 会同街道城乡统筹办开展…: the street's office, not the street
    if found:
        return found[-1]
    form = _BODY_FORM.match(text)
    return form.group() if form else None


def prose_assignments(outline: Outline, known: Callable[[str], bool]) -> list[Assignment]:
    """Every duty the prose of the body states, with the item that states it. The cells of a table
    in the body are no prose: the table is read as a task table (:mod:`task_tables`)."""
    items = [it for it in outline.walk() if it.title]
    tables = [t.table.span for t in body_tables(outline)]
    found: list[Assignment] = []
    for item in outline.walk():
        found += _item_duties(item, items, known, tables)
    defined = {name for item in outline.walk() for name in _defined_subjects(item.body.text)}
    return [a for a in found if a.agency.name not in defined and a.agency.written not in defined]


# a rule's definition of what it governs: 本办法所称省级企业技术中心（以下简称技术中心），是指企业设立的…机构
_DEFINITION = re.compile(
    r"本(?:办法|细则|规定|条例|规则|制度|意见|方案)所称([^,;。()]{2,20}?)(?:\(以下简称([^)]{2,12})\))?,?是指([^,;。]*)"
)
# a definition that names a body of government (本办法所称主管部门，是指县级以上人民政府住房城乡建设部门)
_DEFINED_BODY = re.compile(r"(?:政府|部门|机关|局|厅|委员会|办公室)$")


def _defined_subjects(text: str) -> set[str]:
    """The names a rule defines for what it governs, and their short names: the institutions, projects
    or enterprises it applies to (技术中心应当按要求填报评价材料) bear its duties as the governed, not
    as bodies of government; a defined body of government stays one."""
    return {
        name
        for m in _DEFINITION.finditer(text)
        if not _DEFINED_BODY.search(m.group(3))
        for name in (m.group(1), m.group(2))
        if name
    }


def _item_duties(item: Item, items: list[Item], known, tables: list[Span]) -> list[Assignment]:
    found: list[Assignment] = []
    clauses = clause_spans(item)
    for s in _SENTENCE.finditer(item.body.text):
        sentence = item.body[s.start() : s.end()]
        if any(table.start <= sentence.span().start < table.end for table in tables):
            continue
        if _DEFINITION.match(sentence.text.lstrip()):  # 本办法所称主管部门，是指…: a definition, no duty
            continue
        facts: list[tuple[str, Mention, str, int, bool]] = []  # (path, body, role, rank, joint)
        for start in _CLAUSE_START.finditer(sentence.text):
            if any(a <= s.start() + start.end() < b for a, b in clauses):
                continue
            clause = sentence[start.end() :]
            fields = _FIELDS_LIST.match(clause.text)
            subject = _subject(clause[: fields.end() + 8 if fields else _MAX_SUBJECT], known)  # it reads no more
            if subject:
                facts += _clause_duties(clause, subject, item, items, known)
            elif host := _SEATED.search(sentence.text, start.end()):
                hosts = split_agencies(sentence[host.start(1) : host.end(1)], conjunctions=True)
                if hosts and all(is_body(m.name, known) for m in hosts):
                    facts += [(item.path, m, COORDINATOR, rank, False) for rank, m in enumerate(hosts, 1)]
        seen: set[tuple[str, str]] = set()
        for path, mention, role, rank, joint in facts:
            if (mention.name, role) not in seen:  # once per body and role in a sentence
                seen.add((mention.name, role))
                found.append(Assignment(path, mention, role, rank, joint, PROSE, sentence.span()))
    return found


def _clause_duties(
    clause: MappedText, subject: tuple[list[Mention], int], item: Item, items: list[Item], known
) -> list[tuple]:
    """The duties a clause gives its subject, the bodies it opens with (or the sentence's last)."""
    mentions, duty_at = subject
    after = clause.text[duty_at:]
    if _INTERPRETS.match(after):  # 本政策由X会同Y负责解释: who answers questions on a text sets no task
        return []

    def each(bodies: list[Mention], role: str, joint: bool = False) -> list[tuple]:
        return [(item.path, m, role, rank, joint) for rank, m in enumerate(bodies, 1)]

    pairs = _TASK_FORCE.match(after)
    if pairs and len(mentions) > 1:  # A、B分别牵头成立X、Y专班: each body coordinates its task force
        names = [t.name for t in split_agencies(clause[duty_at + pairs.start(1) : duty_at + pairs.end(1)])]
        out = []
        for rank, (mention, name) in enumerate(zip(mentions, names), 1):
            hit = max(items, key=lambda it: coverage(name, it.title or ""), default=None)
            path = hit.path if hit and coverage(name, hit.title or "") >= 0.5 else item.path
            out.append((path, mention, COORDINATOR, rank, False))
        return out
    if _COORDINATE.match(after):
        return each(mentions, COORDINATOR)
    if lead := _LEAD.match(after):  # 由X牵头，会同Y…: Y supports
        also = _ALSO_WITH.match(after, lead.end())
        supports = _objects(clause[duty_at + also.end() :], known) if also else []
        return each(mentions, LEAD) + each(_peers(supports, mentions[0]), SUPPORT)
    if m := _WITH.match(after):
        return each(mentions, LEAD) + each(_peers(_objects(clause[duty_at + m.end() :], known), mentions[0]), SUPPORT)
    joint = bool(_JOINT.match(after)) and len(mentions) > 1
    if _SUPPORT.match(after) or (joint and _ALONGSIDE.search(after.split(",", 2)[1 if "," in after else 0])):
        return each(mentions, SUPPORT, joint)  # …在各自职责范围内，协同开展…: they support, jointly
    return each(mentions, RESPONSIBLE, joint)
