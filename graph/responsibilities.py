"""Who must do what: responsibility assignments read from clauses, annex tables and prose.

Four sources, each a function from an :class:`Outline` to :class:`Assignment` records:

- body clauses ``（责任单位：A、B、C）`` (role ``responsible``), also ``（A牵头，B配合）`` and
  ``（牵头单位：A；配合单位：B）`` (``lead``/``support``);
- blanket clauses ``以下各项任务均需X、Y负责落实，不再列出`` (``implementer`` on every later measure of
  the section);
- annex tables with 牵头/参加/配合 columns (``lead``/``support``), each row matched to its measure;
- prose in the body: see :mod:`policykg.graph.prose`.

Extractors know nothing of RDF; names are as written, with a city prefix written once restored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from policykg.graph.divisions import NOT_A_LEVEL, Divisions
from policykg.graph.mapped import MappedText
from policykg.graph.records import Assignment, Item, Mention, Outline, Span
from policykg.graph.text import HAN

RESPONSIBLE, LEAD, SUPPORT, IMPLEMENTER, COORDINATOR = "responsible", "lead", "support", "implementer", "coordinator"
BODY, ANNEX, PROSE = "body", "annex", "prose"

# The words that make a clause label or a table column name a role (牵头单位, 配合部门, 推进单位…).
ROLE_WORDS = {
    LEAD: "牵头|主办|主要责任",  # 主要责任单位：A；其他责任单位：B
    SUPPORT: "配合|参加|参与|支撑|协办|协助|协同|其他责任|其它责任",
    RESPONSIBLE: "责任|推进|主责|实施|承办|落实",
}
# what answers: a body, or a department's own divisions in its documents (责任处室; a county bureau's
# 股 and 室, 责任股室)
BEARERS = "单位|部门|主体|处室|科室|股室"
LABELS = f"(?:(?:{'|'.join(ROLE_WORDS.values())})(?:{BEARERS})|牵头|配合)"  # 牵头单位:, or 牵头:/配合: alone
# The last word of a body's name, as prose, clauses and targets read names (市发展改革委, 区消防救援支队,
# 商务部, 海关总署, 规划处)
BODY_END = (
    r"(?:(?<!布)局|委|办|厅|部门|委员会|办公室|中心|公司|集团|总部|支行|分行|银行|分局|管委会|领导小组|小组|政府|党工委|党委|"
    # 部, 署: ministries (部署 is a verb); 机场: an airport's operator (由市发改委、晋江国际机场负责实施)
    r"办事处|支队|总队|大队|研究院|街镇|街道|镇|乡|所|站|队|(?<!部)署|海关|机场|(?<![干全内外])部"
    r"|(?<![之好用此到难出查惩])处(?![置理罚])|(?<![学专本外内儿])科|司)"  # a ministry's 司, a department's 处
)
# a clause's brackets: round, or square ones some documents print (【责任单位：…】, 〔牵头单位：…〕)
_CLOSING = {"(": ")", "[": "]", "【": "】", "〔": "〕"}
# after a list of bodies: jointly, with no lead (按职责分工负责, 按照职责分工落实, 按职能分工负责…)
_JOINT = r"按(?:照)?(?:各自)?职(?:责|能)(?:分工)?(?:负责|落实)(?:落实)?"
# the verb after bodies that answer for a task: （市发改委负责）, （县委人才办、县人社局共同负责）
_DUTY = r"(?:共同|具体|分别)?负责(?:具体)?(?:落实|实施)?"
_DUTY_AFTER = re.compile(rf"{_DUTY}$")
# the convention a task list states once, in a note or after a list: the first body listed leads
_FIRST_LEADS = re.compile(r"(?:列|排)(?:在|名)?(?:第一|首)(?:位|个|家)?的?(?:单位|部门)?为牵头(?:单位|部门)")
# a note closing a list: 下同 (and the lists below), or the convention above
_LIST_NOTE = re.compile(rf"(?:[,;。]?\s*(?:{_FIRST_LEADS.pattern}|以?下同))+\s*$")
_ENDS_JOINT = re.compile(rf"(?:等)?{_JOINT}\s*$")
# a label may follow another field (责任领导:张三;责任单位:…) or stand in brackets of its own (【牵头单位】…)
# or end with 按职责分工负责 (a task shared with no lead: （商务部、财政部等按职责分工负责）)
# a clause's text, a short bracket inside it (区(市)县, 市经信局(市新经济委), 县〔市、区〕 nested)
_INSIDE = r"(?:[^()\[\]【】〔〕]|\([^()]{1,12}\)|〔[^〔〕()]{1,12}〕)"
_CLAUSE_OPEN = re.compile(
    rf"[(\[【〔](?=(?:[^()\[\]【】〔〕]{{0,20}}?{LABELS}\s*:|{_INSIDE}{{2,40}}?牵头"
    rf"|{_INSIDE}{{2,160}}?(?:{_JOINT}|{_DUTY}|组织实施|落实|不再(?:一一)?列出)[)\]】〕]))"
)
# the same labels opening a line or following a sentence or a clause, unbracketed: "…。责任单位:县行政审批局"
_LINE_OPEN = re.compile(rf"(?:^|(?<=[。,;]))[ \t]*(?=【?{LABELS}\s*(?::|】))", re.M)
_LABEL = re.compile(rf"【?({LABELS})\s*(?::|】)")
# what ends a list of bodies: another field (;完成时限:2025年底) or a deadline (,2025年底前完成)
_OTHER_LABEL = re.compile(rf"[;。,]\s*(?:[{HAN}]{{2,8}}\s*:|(?:19|20)\d\d年|年内|年底前|长期|持续)")
# an official who leads a task in person, first in its clause (市政府副秘书长陈志勇牵头，…; 李副市长负责；…):
# a person, not a body, whose part the bodies after it carry out
_OFFICIAL = r"副?(?:省长|市长|区长|县长|州长|镇长|乡长|主席|书记|秘书长|主任|局长|厅长|部长|组长)"
_PERSON = re.compile(rf"^[{HAN}]{{0,12}}?{_OFFICIAL}[{HAN}]{{0,3}}?(?:同志)?(?:牵头|负责|领衔|挂帅)?\s*[,;]\s*")
_BLANKET = re.compile(
    r"[,;。]?\s*(?:以下|下列)(?:各项)?(?:任务|工作|事项)?均[需由](.+?)(?:负责)?(?:组织)?(?:落实|实施)[^)]*$"
)
# A note or a paragraph naming who carries out every task of the document or table, whatever the
# task's own clause says: 注：各项任务均需X负责落实，不再列出; X为各项措施落实的责任主体，不再逐项列出;
# those above it, closing a list: 以上各项任务由X负责具体落实 (以下各项任务均需X落实: the later tasks
# only, a blanket clause)
EVERY_TASK = re.compile(
    r"(?<!以下)(?<!下列)(?:以上|上述|表中)?各项(?:任务|措施|工作)均[需由]([^,;。\n]+?)(?:负责)?(?:组织)?(?:落实|实施)"
    r"|([^,;:。\n]+?)为(?:以上|上述|本方案|表中)?各项(?:任务|措施|工作)(?:落实)?的?(?:责任|实施|落实)主体"
    r"|注\s*:\s*([^,;:。\n]+?)负责本(?:地区|区域|辖区)(?:相关)?工作[,;]不再(?:一一|逐项)?列出"
    r"|(?:以上|上述)(?:各项)?(?:任务|措施|工作)均?由([^,;。\n]+?)(?:负责)?(?:具体)?(?:组织)?(?:落实|实施|负责)"
)  # 注：各市（州）人民政府负责本地区相关工作，不再列出
_ABOVE = 4  # EVERY_TASK's group of the bodies that carry out the tasks above the statement only
_LEAD_FORM = re.compile(r"^(?:由)?(.+?)牵头(?:负责)?(?:[,;](.+))?$", re.S)  # (由)A牵头，…, over a wrapped line
# what bodies named after those who bear a task do, besides carrying it out: help (配合), guide it from
# the level above (指导: 各区政府负责，市住房城乡建设管理委指导), or coordinate the bearers (统筹协调)
_HELP = "配合|参与|协同|指导"
_COORDINATE = "统筹协调|统筹|协调"
# no lead, those first listed answering for the task and the others helping: 责任单位：A，B配合; A负责，B配合
_SUPPORTED_FORM = re.compile(rf"^([^,;]+?)(?:负责)?[,;](?=[^,;]+?(?:{_HELP}|{_COORDINATE})(?:[,;]|$))(.+)$", re.S)
_HELPS_AFTER, _COORDINATES_AFTER = re.compile(f"(?:{_HELP})$"), re.compile(f"(?:{_COORDINATE})$")
# the bodies after the lead, in parts apart by , or ; each ending in its role's verb (none: they support)
_AFTER_LEAD = re.compile(
    rf"([^,;]+?)({_HELP}|{_COORDINATE}|{_JOINT}|(?:组织|负责|具体)?(?:落实|实施)|具体负责|负责)?(?=[,;]|$)"
)
_LEAD_MARK = re.compile(r"[(（\[【〔]牵头(?:单位)?[)）\]】〕]$")  # 市工信局（牵头）, 〔牵头〕: the lead of those listed
_SEPARATORS = re.compile(r"[、,;。/ ]")  # a space or a slash after a body's name separates it, as 、 does
_CONJUNCTIONS = re.compile(r"[、,;。/ ]|以及|或者|和|及|与|或")  # prose lists: 各镇政府、街道办事处和头桥集团
# A name that carries its own place or level: a level's word first (盟农牧局, 旗林草局, 苏木镇人民政府),
# a named division's government (华漕镇人民政府, 东乌珠穆沁旗人民政府), a zone, a branch, a customs district
# or an airport named by its seat (泉州海关, 晋江国际机场).
_KEEPS_OWN_PREFIX = re.compile(
    r"^(市|省|县|区|镇|乡|州|盟|旗|苏木|各|中共|国家|国网|中国|相关|有关|所在|沿线)|区|管委会|党工委|集团|支行|分行|分局|总部"
    rf"|[镇乡]$|街道|海关$|机场$|^[{HAN}]{{2,}}[镇乡旗县市](?:人民)?政府$|^[局厅部](?=[{HAN}]{{2}})"
)
# the issuing body's division, named by the body's last character (局质量安全处, 厅质安处, 部质量安全监管司):
# written once before the first of a list of its divisions (局人事处、质量安全处)
_OWN_DIVISION = re.compile(rf"^[局厅部](?=[{HAN}]{{2}})")
# a level, with the levels like it in brackets (县(市、区): nested in a clause's brackets as 县〔市、区〕);
# 市州, 县市区, 盟市, 旗县市, 乡镇: a tier's kinds written as one word, the longer first; 级, every level
# (各级党委和政府: each level's Party committee and government); 地州市, 地(州、市), 地、州、市: the
# prefecture tier of a region that has 地区 (Xinjiang's 地区, 自治州 and cities; Tibet's 地(市))
_LEVEL = (
    r"(?:自治区|自治州|市州|盟市|县市区|旗县市区|旗县市|旗县|区县|苏木乡镇|苏木镇|苏木|乡镇|地州市|地(?=[(〔][州市]|、[州市])"
    r"|省|市|州|盟|县|区|旗|乡|镇|级)"
    r"(?:[(〔][^()〔〕]{1,5}[)〕])?"
)
_LEVEL_ALONE = re.compile(rf"各?(?:有关|相关)?{_LEVEL}(?:、{_LEVEL})*")  # 各县、区; 各地、州、市
_TIER = {  # by a level word's start
    "自治区": 0,
    "自治州": 1,
    "地": 1,
    "苏木": 3,
    "级": 4,
    "省": 0,
    "市": 1,
    "州": 1,
    "盟": 1,
    "县": 2,
    "区": 2,
    "旗": 2,
    "乡": 3,
    "镇": 3,
}
_BEARER_ONLY = re.compile(f"(?:{BEARERS})+")  # 各区政府、各有关部门和单位: 单位 alone is no function of the level
# a bureau's internal division (计划财务科, 教育股, 督导室; not 办事处 nor a level's 办公室), which no level's
# prefix written before the first name reaches: 市学生资助管理中心、计划财务科 is the bureau's 科
_SECTION = re.compile(r"(?:(?<!办事)处|科|股|(?<!办公)室)$")
# the level written once, before the first name: 市发改委、教育局; 各区发改委、科技局; 各市、州财政局、科技局
_LEVEL_PREFIX = re.compile(rf"^各?{_LEVEL}(?:、{_LEVEL})*(?=[{HAN}]{{2}})")
# 各有关市、县〔市、区〕政府: the relevant bodies of levels are their collectives
# 市、县（区）人民政府; 市和区县（市）人民政府, as Zhejiang's cities write their two levels
_SHARED_LEVELS = re.compile(rf"^(各?)(?:有关|相关)?((?:{_LEVEL}[、和])+)({_LEVEL})(?=[{HAN}]{{2}})")
# a township's kinds listed in brackets after the first (各乡（镇）, 各镇（乡、街道）, 有关乡（镇）): each kind's
# bodies, a township's government being named apart from a town's (but 各镇（街道）, 各街镇, is one collective)
_TOWNSHIP_KINDS = re.compile(r"^(各|有关|相关)([镇乡])[(〔]((?:镇|乡|街道)(?:、(?:镇|乡|街道))*)[)〕]")
# the state farms listed after the township tier as bodies of it (各乡（镇）、场; 各乡镇、农场)
_FARMS = re.compile(r"、((?:农|牧|林)?场)")
# 市区两级财政部门, 市、区两级政府, 省市县三级: the function at each level named before 两级/三级
_TIERS = re.compile(rf"^((?:[省市县区乡镇]、?){{2,4}})[两三四]级(?=[{HAN}]{{2}})")
_PARTY_AND_GOVERNMENT = re.compile(r"(?<=.)(党委|党工委)(?:和|及|与|、)?((?:人民)?政府)(?=$|[、,;。/ ])")
_BRACKETED = re.compile(r"\([^()]*\)|〔[^〔〕]*〕|〈[^〈〉]*〉")  # 〔〕 and 〈〉: brackets nested in a clause's
_PROVINCES = re.compile(r"省、自治区、直辖市")  # the provinces, as national texts name them: one level, not three
_ETC = re.compile(
    r"(?<=.{2})等(?:其他|其它)?(?:[市区县省]直)?(?:相关|有关)?(?:行政)?(?:主管)?(?:部门|单位)?$"
)  # 等市直有关部门
# the word after fields of work that share it: 发展改革、财政等(行政)主管部门, 市发展改革、财政、规划资源部门
_FIELDS_SHARE = re.compile(r"(?:行政)?(?:主管)?部门$")
# a law's government written once before the departments of its fields: 县级以上人民政府发展改革、财政等部门
_GOVERNMENT_PREFIX = re.compile(
    rf"^(?:县级以上(?:地方)?(?:各级)?|设区的市(?:级以上)?|各?{_LEVEL})人民政府(?=[{HAN}]{{2}})"
)
# places listed before the body they share, written once after the last (嘉定区、青浦区政府; 经开区、工业园区
# 管委会; 二连浩特市、东乌珠穆沁旗人民政府; a new town's, 科学城、各园区管委会): each place's body of that kind
_PLACE_END = re.compile(r"[省市州盟区县旗乡镇城]$")
_SHARED_BODY = re.compile(r"[省市州盟区县旗乡镇](管委会|党工委|人民政府|政府)$")
# or the department of one function they share, after a named place (章贡区、南康区、蓉江新区教育部门: each
# district's education bureau), when nothing but places comes before it
_SHARED_FUNCTION = re.compile(rf"^[{HAN}]{{1,8}}?(?:新区|[省市州盟区县旗])([{HAN}]{{2,10}}?(?:部门|局|委))$")
# the kind of the places listed, after 等, before the body they share (锦江区、青羊区等区政府, 甲县、乙县等县
# 人民政府, 甲区、乙县等区（市）县政府): each place's body of that kind, as without the 等
_KIND_AFTER_ETC = re.compile(r"(?<=[市州盟区县旗乡镇])等[市州盟区县旗乡镇()、]{1,8}(?=(?:人民政府|政府|管委会)$)")
# a body, or a division or service unit of one (厅种植业管理处, 省委督查室, 省植保植检站, 县农科所,
# 综合行政执法队; not 查处, 车站, 场所)
_AGENCY_FORM = re.compile(
    rf"[{HAN}()]{{1,24}}?(局|委|办|厅|部|(?<![之好用此到难出查惩])处|科|司|股|室|(?<!车)站|(?<![场住厕])所|院|(?<![车团排球])队|委员会|办公室|中心|公司|集团|支行|分行|分局|管委会|执委会|领导小组|政府|党工委|单位|部门|银行|社|工会|妇联|残联|侨联|文联|科协|贸促会|红十字会|协会|商会|工商联|运营商|办事处|支队|总队|署|监会|海关|机关|居委会|村委会|居民委员会|村民委员会|嘎查村|嘎查)"
)
# bodies alone in brackets after a task's last sentence, as task divisions print them: …。（市发展改革委、市财政局）,
# their deadline after them or not (…。（市财政局、市人社局，2024年底前）)
_DEADLINE = r"[,;](?:(?:19|20)\d\d年|年内|年底|\d{1,2}月|长期|持续)[^()]{0,16}"
_DEADLINE_AFTER = re.compile(f"{_DEADLINE}$")
# the township tier's collectives, its kinds listed once (各街道、镇; 各镇街)
_TOWNSHIPS = re.compile(r"各(?:镇街|街镇|乡镇|街道|镇|乡)(?:、(?:镇街|街镇|乡镇|街道|镇|乡))*")
_NAME = rf"(?:{_AGENCY_FORM.pattern}|{_TOWNSHIPS.pattern})"
# places listed before the body they share (广州市、深圳市人民政府): one name of the list
_PLACES_SHARING = rf"(?:[{HAN}]{{1,10}}?[省市州盟区县旗]、)+{_AGENCY_FORM.pattern}"
_NAMES_ONLY = re.compile(
    rf"(?<=。)\((?=(?:(?:{_PLACES_SHARING}|{_NAME})[、,])*(?:{_PLACES_SHARING}|{_NAME})(?:{_DEADLINE})?\))"
)


# -- agency lists ---------------------------------------------------------------------------


def split_agencies(text: MappedText, conjunctions: bool = False) -> list[Mention]:
    """Split a list of agencies, restoring a level prefix written once and a shared suffix.

    >>> [m.name for m in split_agencies(MappedText.of("市发改委、教育局、市场监管局"))]
    ['市发改委', '市教育局', '市市场监管局']
    >>> [m.name for m in split_agencies(MappedText.of("区发展改革委、科技局、各街镇"))]
    ['区发展改革委', '区科技局', '各街镇']
    >>> [m.name for m in split_agencies(MappedText.of("嘉定区、青浦区政府"))]
    ['嘉定区政府', '青浦区政府']
    >>> [m.name for m in split_agencies(MappedText.of("市发展改革、住房城乡建设管理、交通等部门"))]
    ['市发展改革部门', '市住房城乡建设管理部门', '市交通部门']
    >>> [m.name for m in split_agencies(MappedText.of("市、县(区)人民政府发展改革部门"))]
    ['市人民政府发展改革部门', '县(区)人民政府发展改革部门']
    >>> [m.name for m in split_agencies(MappedText.of("各县、区人民政府(管委会),高新区管委会"))]
    ['各县、区人民政府(管委会)', '高新区管委会']
    >>> [m.name for m in split_agencies(MappedText.of("锦江区、青羊区、郫都区等区政府"))]
    ['锦江区政府', '青羊区政府', '郫都区政府']
    >>> [m.name for m in split_agencies(MappedText.of("各县(市、区)人民政府,科学城、各园区管委会"))]
    ['各县(市、区)人民政府', '科学城管委会', '各园区管委会']
    >>> [m.name for m in split_agencies(MappedText.of("经开区、工业园区、示范区管委会"))]
    ['经开区管委会', '工业园区管委会', '示范区管委会']
    >>> [m.name for m in split_agencies(MappedText.of("章贡区、南康区、蓉江新区教育部门"))]
    ['章贡区教育部门', '南康区教育部门', '蓉江新区教育部门']
    >>> [m.name for m in split_agencies(MappedText.of("嘉定区、市交通委"))]
    ['嘉定区', '市交通委']
    >>> [m.name for m in split_agencies(MappedText.of("盟商务局、二连浩特市、东乌珠穆沁旗人民政府"))]
    ['盟商务局', '二连浩特市人民政府', '东乌珠穆沁旗人民政府']
    >>> [m.name for m in split_agencies(MappedText.of("旗财政局、林草局、巴拉嘎尔高勒镇人民政府"))]
    ['旗财政局', '旗林草局', '巴拉嘎尔高勒镇人民政府']
    >>> [m.name for m in split_agencies(MappedText.of("自治区林草局、农牧厅"))]
    ['自治区林草局', '自治区农牧厅']
    >>> [m.name for m in split_agencies(MappedText.of("省财政厅,各市、县〔市、区〕政府,市、县〔市、区〕财政部门"))]
    ['省财政厅', '各市政府', '各县〔市、区〕政府', '市财政部门', '县〔市、区〕财政部门']
    >>> [m.name for m in split_agencies(MappedText.of("市和区县(市)综合行政执法部门"))]
    ['市综合行政执法部门', '区县(市)综合行政执法部门']
    >>> [m.name for m in split_agencies(MappedText.of("各市(州)、县(市、区)人民政府"))]
    ['各市(州)人民政府', '各县(市、区)人民政府']
    >>> [m.name for m in split_agencies(MappedText.of("各镇人民政府、街道办事处"))]
    ['各镇人民政府', '各街道办事处']
    >>> [m.name for m in split_agencies(MappedText.of("各街道办事处、地区办事处"))]  # Beijing's township tier
    ['各街道办事处', '各地区办事处']
    >>> [m.name for m in split_agencies(MappedText.of("区镇两级财政部门、市、区两级人民政府"))]
    ['区财政部门', '镇财政部门', '市人民政府', '区人民政府']
    >>> [m.name for m in split_agencies(MappedText.of("各市、州财政局、科技局"))]
    ['各市、州财政局', '各市、州科技局']
    >>> [m.name for m in split_agencies(MappedText.of("市、区财政部门、交通主管部门"))]
    ['市财政部门', '区财政部门', '市交通主管部门', '区交通主管部门']
    >>> [m.name for m in split_agencies(MappedText.of("局人事处、质量安全处,各区建设局,局建筑市场处"))]
    ['局人事处', '局质量安全处', '各区建设局', '局建筑市场处']

    A level's prefix does not reach a bureau's internal division, which no level has:

    >>> [m.name for m in split_agencies(MappedText.of("市学生资助管理中心、计划财务科"))]
    ['市学生资助管理中心', '计划财务科']
    >>> [m.name for m in split_agencies(MappedText.of("县委办公室、政府办公室"))]
    ['县委办公室', '县政府办公室']

    A law's fields of work share the 主管部门 written once, and the government written before them:

    >>> [m.name for m in split_agencies(MappedText.of("县级以上人民政府生态环境、自然资源等主管部门"))]
    ['县级以上人民政府生态环境主管部门', '县级以上人民政府自然资源主管部门']
    >>> [m.name for m in split_agencies(MappedText.of("市发展改革、财政、规划资源部门"))]
    ['市发展改革部门', '市财政部门', '市规划资源部门']
    >>> [m.name for m in split_agencies(MappedText.of("乡镇人民政府、街道办事处"))]
    ['乡镇人民政府', '街道办事处']

    With ``conjunctions``, 和/及/与 separate too, after a body's name (not in 住房和城乡建设局):

    >>> [m.name for m in split_agencies(MappedText.of("各镇政府、街道办事处和头桥集团"), conjunctions=True)]
    ['各镇政府', '各街道办事处', '头桥集团']
    """
    pieces, start, suffix = [], 0, ""
    separators = _CONJUNCTIONS if conjunctions else _SEPARATORS
    bracketed = [b.span() for b in (*_BRACKETED.finditer(text.text), *_PROVINCES.finditer(text.text))]
    for m in [*separators.finditer(text.text), None]:
        if m and any(s < m.start() < e for s, e in bracketed):
            continue  # 县(市、区): a list inside brackets names no bodies of its own
        if (
            m
            and m.group() in ("以及", "或者", "和", "及", "与", "或", " ", "/")
            and not _AGENCY_FORM.fullmatch(text.text[start : m.start()].split("、")[-1])
        ):
            continue
        if m and m.group() in "和及与" and any(_PARTY_AND_GOVERNMENT.match(text.text, m.start() - n) for n in (2, 3)):
            continue  # 各区党委和政府: the level's two bodies, read together below
        end = m.start() if m else len(text.text)
        piece = text[start:end].strip()
        if (duty := _DUTY_AFTER.search(piece.text)) and _AGENCY_FORM.fullmatch(
            _BRACKETED.sub("", piece.text[: duty.start()])
        ):
            piece = piece[: duty.start()]  # 各县（市、区）市场监管局负责具体实施: the body, not its verb
        if etc := _ETC.search(piece.text):  # 科技经济委等, 区绿化市容局等相关部门
            suffix = suffix or (shared.group() if (shared := _FIELDS_SHARE.search(etc.group())) else "")
            piece = piece[: etc.start()]
        alone = _LEVEL_ALONE.match(text.text, start)  # read in the text: 地 is a level before 、州 and 、市
        if (
            m
            and m.group() == "、"
            and alone
            and alone.end() >= m.start()
            and piece.text.lstrip("各") not in ("乡镇", "级")
        ):
            continue  # "各县、区人民政府", "各市(州)、县(市、区)…": a level that runs on into the next piece (not
            # past the end of the list: 配合单位：县水利局、各镇（街道）。)
        if piece.text:
            pieces.append(piece)
        start = m.end() if m else end
    names = [p.text for p in pieces]
    listed = not _SEPARATORS.search(text.text.strip().replace("、", ""))  # one list, apart by 、 alone
    if not suffix and listed and len(names) > 1 and (last := _FIELDS_SHARE.search(names[-1])):
        level = _GOVERNMENT_PREFIX.match(names[0]) or _LEVEL_PREFIX.match(names[0])
        if all(map(_field, [names[0][level.end() if level else 0 :], *names[1:-1]])):
            suffix = last.group()  # 市发展改革、财政、规划资源部门: the 部门 written once, after the last field
    if suffix:  # 发展改革、交通等部门: fields of work sharing the 部门 written once
        names = [n if _AGENCY_FORM.fullmatch(n) else n + suffix for n in names]
    names = [_KIND_AFTER_ETC.sub("", n) for n in names]
    for i, name in enumerate(names):
        if len(name) > 2 and _PLACE_END.search(name):
            later = next((m for n in names[i + 1 :] if (m := _SHARED_BODY.search(n))), None)
            after = next((n for n in names[i + 1 :] if not _PLACE_END.search(n)), "")
            later = later or _SHARED_FUNCTION.match(after)
            if later:
                names[i] = name + later.group(1)
    first = names[0] if names else ""
    government = _GOVERNMENT_PREFIX.match(first) if first.endswith("部门") else None
    written = government or (_LEVEL_PREFIX.match(first) if not NOT_A_LEVEL.match(first) else None)
    written = written or _OWN_DIVISION.match(first)
    prefix = written.group() if written else ""
    own_division = bool(prefix) and bool(_OWN_DIVISION.match(first))
    for i, name in enumerate(names):
        if (
            i
            and prefix
            and (NOT_A_LEVEL.match(name) or not _has_own_place(name))
            and not _BEARER_ONLY.fullmatch(name)
            and (own_division or not _SECTION.search(name))
        ):
            names[i] = prefix + name
        elif (
            i
            and (first.startswith("各") or names[i - 1].startswith("各"))  # 区商务局，各街道、镇: after a collective
            and re.match("街道|镇|乡|地区办事处", name)
            and not Divisions.bundled().names_city(name)
        ):
            names[i] = "各" + name  # 各镇人民政府、街道办事处: each of both; Beijing's 各街道办事处、地区办事处
    mentions = []
    for piece, name in [(p, n) for p, listed in zip(pieces, names) for n in _party_and_government(listed)]:
        if tiers := _TIERS.match(name):
            levels = tiers.group(1).replace("、", "")
            mentions += [Mention(piece.display, level + name[tiers.end() :], piece.span()) for level in levels]
            continue
        if (kinds := _TOWNSHIP_KINDS.match(name)) and "乡" in kinds.group():
            function = name[kinds.end() :]
            kinds_listed = [kinds.group(2), *kinds.group(3).split("、")]
            if farms := _FARMS.fullmatch(function):  # 各乡（镇）、场: the state farms of the tier too
                kinds_listed, function = [*kinds_listed, farms.group(1)], ""
            each = kinds.group(1)
            mentions += [Mention(piece.display, f"{each}{kind}{function}", piece.span()) for kind in kinds_listed]
            continue
        shared = _SHARED_LEVELS.match(name)
        levels = [*re.split("[、和]", shared.group(2))[:-1], shared.group(3)] if shared else []
        tiers_listed = {_tier(level) for level in levels}
        if shared and not (shared.group(1) and len(tiers_listed) == 1 and tiers_listed != {_TIER["镇"]}):
            # 市、县（区）人民政府, 各市、县（市、区）政府: one function for each level listed; but
            # 各县、区人民政府 is one collective of the bodies of one tier, not 各镇、乡人民政府: the
            # vocabulary names a town's government and a township's apart
            each, function = shared.group(1), name[shared.end() :]
            mentions += [Mention(piece.display, each + level + function, piece.span()) for level in levels]
        else:
            mentions.append(Mention(piece.display, name, piece.span()))
    return mentions


def level_opening(name: str) -> str:
    """The level a body's name opens with (县(市、区), 县级以上人民政府), or '': what 同级 stands for."""
    found = _GOVERNMENT_PREFIX.match(name) or _LEVEL_PREFIX.match(name)
    return found.group() if found else ""


def _party_and_government(name: str) -> list[str]:
    """A level's Party committees and governments named together (各县（市）党委和人民政府, 各级党委政府):
    each of the two bodies, as a conjunction after a body's name would give them."""
    both = _PARTY_AND_GOVERNMENT.search(name)
    return [name[: both.start()] + both[1], name[: both.start()] + both[2]] if both else [name]


def _tier(level: str) -> int:
    """The tier of a level's word: 自治区 a province's, 市州 and 盟市 a prefecture's (by their first kind)."""
    return next(tier for word, tier in _TIER.items() if level.startswith(word))


def _field(name: str) -> bool:
    """A field of work named alone in a list (财政, 住房城乡建设): no body's name, place or level."""
    return not (_AGENCY_FORM.fullmatch(name) or _has_own_place(name) or name.startswith("各")) and 2 <= len(name) <= 10


def _has_own_place(name: str) -> bool:
    """A name that carries its own place or level (各街镇, 上海证监局, 开发区管委会)."""
    return bool(_KEEPS_OWN_PREFIX.search(name)) or Divisions.bundled().names_city(name)


def joint_list(text: MappedText) -> tuple[list[Mention], bool]:
    """A list that may end with 按职责分工负责 or its variants (a joint lead), or with a note on
    the list (下同, 列第一位的为牵头单位)."""
    if note := _LIST_NOTE.search(text.text):
        text = text[: note.start()]
    joint = _ENDS_JOINT.search(text.text)
    if joint:
        text = text[: joint.start()]
    return split_agencies(text, conjunctions=True), joint is not None  # 市发展改革委及各区政府: two bodies


# the relevant departments of a level, whichever they are: no body (省经信厅牵头，省级有关部门配合)
_VAGUE_LEVEL = re.compile(r"^[省市州县区]级(?:有关|相关)(?:部门|单位)$")
# the bodies a role names wherever it is given, named by that role (各项目责任单位, 各牵头单位, 相关责任部门):
# a pointer to the bodies listed for each task or project, no body of its own
_ROLE_HOLDERS = re.compile(r"^(?:各|相关|有关)*(?:项目|任务)?(?:责任|牵头|配合|协办|参与)(?:单位|部门)$")


def assign(path, mentions, role, joint, source, quote) -> list[Assignment]:
    """One assignment per body, ranked as listed; among those responsible, the bodies marked as
    leading lead and the others support (责任单位：A（牵头）、B、C, as task lists write it)."""
    mentions = [m for m in mentions if not _VAGUE_LEVEL.match(m.name) and not _ROLE_HOLDERS.match(m.name)]
    marked = [m for m in mentions if _LEAD_MARK.search(m.name)]
    if role == RESPONSIBLE and marked:
        leads = [_unmarked(m) for m in marked]
        others = [m for m in mentions if m not in marked]
        return assign(path, leads, LEAD, joint, source, quote) + assign(path, others, SUPPORT, joint, source, quote)
    return [Assignment(path, m, role, rank, joint, source, quote) for rank, m in enumerate(mentions, 1)]


def _unmarked(mention: Mention) -> Mention:
    """A body without its (牵头) mark, the span shortened to its name."""
    cut = len(mention.written) - len(_LEAD_MARK.sub("", mention.written))
    span = Span(mention.span.start, mention.span.end - cut)
    return Mention(_LEAD_MARK.sub("", mention.written), _LEAD_MARK.sub("", mention.name), span)


# -- body clauses -----------------------------------------------------------------------------


def _closing_paren(text: str, start: int) -> int:
    """Where the bracket opened at ``start`` closes (or its line ends, but for a line ending in ；，、
    which GB/T 9704 sets at a line's end, or in the bracket itself: the list runs on, （A牵头，B配合；⏎
    C负责落实）, …约谈。（⏎州委督查室牵头）)."""
    opening, closing = text[start], _CLOSING[text[start]]
    depth = 0
    for i in range(start, len(text)):
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n" and text[:i].rstrip(" \t\u3000")[-1:] not in (",", ";", "、", opening):
            return i
    return len(text)


@lru_cache(maxsize=1 << 10)  # an item's text is read for clauses by the clauses, the prose and the blankets
def _clause_bounds(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """(start, content start, content end, end) of each responsibility clause: in brackets, to the
    closing one; unbracketed, to the end of its line."""
    bounds: list[tuple[int, int, int, int]] = []
    for m in sorted([*_CLAUSE_OPEN.finditer(text), *_NAMES_ONLY.finditer(text)], key=lambda m: m.start()):
        end = _closing_paren(text, m.start())
        closed = end < len(text) and text[end] == _CLOSING[text[m.start()]]
        bounds.append((m.start(), m.start() + 1, end, end + 1 if closed else end))
    for m in _LINE_OPEN.finditer(text):
        if not any(start <= m.end() < end for start, *_, end in bounds):  # in a bracket, or a label's line read
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            bounds.append((m.end(), m.end(), end, end))
    return tuple(sorted(set(bounds)))  # a bracket both forms open is one clause


def _clauses(item: Item) -> Iterator[tuple[MappedText, MappedText]]:
    """(whole clause with brackets, content) for each responsibility clause of an item."""
    for start, content, content_end, end in _clause_bounds(item.body.text):
        yield item.body[start:end], item.body[content:content_end]


def clause_spans(item: Item) -> list[tuple[int, int]]:
    """Where an item's responsibility clauses lie in its text (prose reading skips them)."""
    return [(start, end) for start, *_, end in _clause_bounds(item.body.text)]


def clause_assignments(item: Item) -> tuple[list[Assignment], list[Mention]]:
    """Assignments of an item's clauses, and the implementers of a blanket clause in them."""
    found: list[Assignment] = []
    blanket: list[Mention] = []
    for clause, content in _clauses(item):
        quote = clause.span()
        m = _BLANKET.search(content.text)
        if m:
            blanket = split_agencies(content[m.start(1) : m.end(1)])
            content = content[: m.start()]
        if person := _PERSON.match(content.text):  # （市政府副秘书长陈志勇牵头，市X局负责）: the bodies after
            content = content[person.end() :]
        found += (
            _labelled(item.path, content, quote)
            or _lead_form(item.path, content, quote)
            or _names_only(item.path, content, quote)
            or _duty_parts(item.path, content, quote)
        )
    return found, blanket


def _labelled(path: str | None, content: MappedText, quote: Span) -> list[Assignment]:
    """The bodies of each labelled list of a clause (牵头单位：A；配合单位：B, 责任单位：A牵头，B配合), or
    none when no label opens one."""
    found: list[Assignment] = []
    labels = list(_LABEL.finditer(content.text))
    for k, label in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(content.text)
        other = _OTHER_LABEL.search(content.text, label.end(), end)
        end = other.start() if other else end
        role = next(r for r, words in ROLE_WORDS.items() if re.match(words, label.group(1)))
        listed = content[label.end() : end].strip()
        # 责任单位：A牵头，B配合; 责任单位：A指导，B负责
        led = (_lead_form(path, listed, quote) or _duty_parts(path, listed, quote)) if role == RESPONSIBLE else []
        if not led:
            mentions, joint = joint_list(listed)
            led = assign(path, mentions, role, joint, BODY, quote)
        found += led
    return found


def cell_assignments(path: str | None, cell: MappedText, role: str, quote: Span) -> list[Assignment]:
    """The bodies of a task table's cell under a role column: a responsible cell may state their
    roles as a clause does (A牵头，B、C按职责分工负责; 牵头单位：A；配合单位：B; A负责，B组织实施), any other
    cell names its column's."""
    if role == RESPONSIBLE:
        stated = _labelled(path, cell, quote) or _lead_form(path, cell, quote) or _duty_parts(path, cell, quote)
        if stated:
            return [replace(a, source=ANNEX) for a in stated]
    mentions, joint = joint_list(cell)
    return assign(path, mentions, role, joint, ANNEX, quote)


def first_listed_lead(outline: Outline, found: list[Assignment]) -> list[Assignment]:
    """Where a task list says the first body listed leads (列第一位的为牵头单位, in a note or a
    clause), the first of each list of responsible bodies leads and the others support; a list
    beside a named lead, or shared with no lead (按职责分工负责), is left as it is."""
    if not _FIRST_LEADS.search(outline.text.text):
        return found
    led = {(a.path, a.quote) for a in found if a.role == LEAD}
    out = []
    for a in found:
        if a.role != RESPONSIBLE or a.joint or (a.path, a.quote) in led:
            out.append(a)
        else:
            role, rank = (LEAD, 1) if a.rank == 1 else (SUPPORT, a.rank - 1)
            out.append(Assignment(a.path, a.agency, role, rank, a.joint, a.source, a.quote))
    return out


def _names_only(path: str, content: MappedText, quote: Span) -> list[Assignment]:
    """The bodies a bracket names alone, each responsible (none unless every piece is a body's name);
    jointly when 按职责分工负责 follows them, as the State Council's task divisions and the provinces'
    write a task shared with no lead: （商务部、海关总署、税务总局等按职责分工负责）, with or without
    由 before them."""
    if deadline := _DEADLINE_AFTER.search(content.text):
        content = content[: deadline.start()]
    if content.text.startswith("由"):
        content = content[1:]
    duty = None if _ENDS_JOINT.search(content.text) else _DUTY_AFTER.search(content.text)
    if duty:  # （县委人才办、县人社局共同负责）: together when they share it
        content = content[: duty.start()]
    mentions, joint = joint_list(content)
    joint = joint or bool(duty and duty.group().startswith("共同"))
    if not mentions or not all(re.fullmatch(_NAME, _BRACKETED.sub("", m.name).replace("、", "")) for m in mentions):
        return []
    return assign(path, mentions, RESPONSIBLE, joint, BODY, quote)


# what bodies that carry out a task do: 落实, 负责落实, 组织实施 (the implementers of what others lead)
_CARRY_OUT = re.compile(r"(?:负责|具体|组织)?(?:落实|实施)$")


def _duty_parts(path: str | None, content: MappedText, quote: Span) -> list[Assignment]:
    """Parts apart by , or ; each of bodies and their verb (A、B按职责分工负责，C落实): bodies that
    负责 responsible (jointly with 按职责分工负责), those that 落实 or 组织实施 implementers, those
    that help, guide or coordinate the bearers named after them (省农业农村厅指导，各县政府负责) support
    or coordinate; none unless there are two parts or more, every one reads so and one bears the task."""
    parts = re.split(r"[,;]", content.text)
    if len(parts) < 2:
        return []
    found: list[Assignment] = []
    at = 0
    for part in parts:
        piece, at = content[at : at + len(part)], at + len(part) + 1
        joint, carry = _ENDS_JOINT.search(part), _CARRY_OUT.search(part)
        helps, coordinates = _HELPS_AFTER.search(part), _COORDINATES_AFTER.search(part)
        verb = joint or carry or _DUTY_AFTER.search(part) or helps or coordinates
        bodies = joint_list(piece[: verb.start()])[0] if verb else []
        if not bodies or not all(_AGENCY_FORM.fullmatch(_BRACKETED.sub("", b.name).replace("、", "")) for b in bodies):
            return []
        role = SUPPORT if helps else COORDINATOR if coordinates else IMPLEMENTER if carry and not joint else RESPONSIBLE
        found += assign(path, bodies, role, bool(joint), BODY, quote)
    return found if any(a.role in (RESPONSIBLE, IMPLEMENTER) for a in found) else []


def _lead_form(path: str | None, content: MappedText, quote: Span) -> list[Assignment]:
    """The assignments of ``A牵头，B配合`` (or B负责落实), and of ``A，B配合`` (A responsible), or none when
    the content is not of either form."""
    lead = _LEAD_FORM.match(content.text)
    role = LEAD
    if not lead and (lead := _SUPPORTED_FORM.match(content.text)):
        role = RESPONSIBLE
    if not lead:
        return []
    leads = split_agencies(content[lead.start(1) : lead.end(1)])
    if not leads or not all(
        _AGENCY_FORM.fullmatch(_BRACKETED.sub("", x.name)) for x in leads
    ):  # 市经信局（市新经济委）
        return []
    found = assign(path, leads, role, False, BODY, quote)
    for part in _AFTER_LEAD.finditer(content.text, lead.start(2)) if lead.group(2) else ():
        verb = part.group(2) or "配合"  # …，B配合; …，B、C按职责分工负责 (jointly); …；C负责落实 (carry it out)
        joint = bool(re.fullmatch(_JOINT, verb))
        helps = re.fullmatch(_HELP, verb) or joint
        role = SUPPORT if helps else COORDINATOR if re.fullmatch(_COORDINATE, verb) else IMPLEMENTER
        found += assign(path, split_agencies(content[part.start(1) : part.end(1)]), role, joint, BODY, quote)
    return found


def body_assignments(outline: Outline) -> list[Assignment]:
    """Body clauses, blanket clauses applied to the later measures of their section, and a note or a
    paragraph naming who carries out every task (``EVERY_TASK``) applied to every measure. Clauses
    set on lines of their own after a list of sub-items none of which names its own bodies are the
    parent's (（二）强化信用监管。 1）…； 2）…； 3）…。 then （牵头处室：…）): they close the task, not its
    last sub-item."""
    found: list[Assignment] = []
    for root in outline.items:
        items = list(root.walk())
        closing = {id(item.children[-1]): item.path for item in items if _closes(item)}
        for i, item in enumerate(items):
            own, blanket = clause_assignments(item)
            if id(item) in closing:
                own = [replace(a, path=closing[id(item)]) for a in own]
            found += own
            if blanket:
                clause = next(c for c, _ in _clauses(item))
                for later in items[i + 1 :]:
                    if not later.children:
                        found += assign(later.path, blanket, IMPLEMENTER, False, BODY, clause.span())
    walk = list(outline.walk())
    tasks = [item.path for item in walk if not item.children]
    for k, text in enumerate((outline.preamble_text, *(item.body for item in walk))):
        # the items up to the one whose text it is, in its section: 以上各项任务 closes the list of tasks
        section = walk[k - 1].path.split("/")[0] + "/" if k and "/" in walk[k - 1].path else ""
        above = {item.path for item in walk[:k] if item.path.startswith(section)}
        for bodies, quote, only_above in every_task(text):
            paths = [path for path in tasks if path in above] if only_above else tasks
            found += [a for path in paths for a in assign(path, bodies, IMPLEMENTER, False, BODY, quote)]
    return found


def every_task(text: MappedText) -> Iterator[tuple[list[Mention], Span, bool]]:
    """The bodies each note or paragraph of ``text`` names as carrying out every task (``EVERY_TASK``),
    with what it says and whether it means only the tasks above it."""
    for note in EVERY_TASK.finditer(text.text):
        named = note.lastindex or 1  # the group of the form that matched
        bodies = split_agencies(text[note.start(named) : note.end(named)])
        yield bodies, text[note.start() : note.end()].span(), named == _ABOVE


def _closes(item: Item) -> bool:
    """Whether the clauses of the last of ``item``'s sub-items are ``item``'s: each on a line of its
    own after the sub-item's text, and neither ``item`` nor another sub-item has a clause."""
    if len(item.children) < 2:
        return False
    *others, last = item.children
    spans = clause_spans(last)
    if not spans or clause_spans(item) or any(map(clause_spans, others)):
        return False
    text = last.body.text
    return (
        all(text[:start].rstrip(" \t\u3000").endswith("\n") for start, _ in spans) and not text[spans[-1][1] :].strip()
    )


# -- text similarity ------------------------------------------------------------------------


@lru_cache(maxsize=1 << 14)
def _bigrams(text: str) -> frozenset[str]:
    """Cached: a title is compared with every row of a task table and every other title."""
    chars = [c for c in text if c.isalnum()]
    return frozenset(a + b for a, b in zip(chars, chars[1:]))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams: tolerant of 推广/推进 and of word order.

    >>> round(similarity("推广绿色工厂建设", "推进绿色工厂建设"), 2)
    0.71
    """
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def coverage(part: str, whole: str) -> float:
    """Share of ``part``'s character bigrams found in ``whole``.

    >>> coverage("开发区协同创新", "实施协同创新行动")
    0.5
    """
    x = _bigrams(part)
    return len(x & _bigrams(whole)) / len(x) if x else 0.0
