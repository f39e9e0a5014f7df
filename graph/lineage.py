"""Policy lineage: the documents a text implements or cites, with their level of government.

A citation is a title in 《》, with the cited document's number when it follows in brackets:
《河南省推动制造业高质量发展实施方案》(豫办〔2020〕17号), or a number alone that a based-on verb
introduces, the issuing body between them or not: 根据国办发〔2021〕10号文件精神, 按照市政府办公厅
沪府办〔2022〕20号文件部署. In the preamble, "根据" and "(为)贯彻落实" make the document based on the
cited one (``eli:based_on``); anything else is a citation (``eli:cites``). The document's own
title may name its basis too (关于贯彻落实《X》的实施方案), and a short name given to a title
(以下简称《方案》) cites that title wherever it is used. A number is normalised as printed; the
document's own number, and a number no verb introduces (a table cell), are no citation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from policykg.graph.divisions import COUNTY as DIVISION_COUNTY
from policykg.graph.divisions import PREFECTURE, PROVINCE, Division, Divisions
from policykg.graph.divisions import TOWNSHIP as DIVISION_TOWNSHIP
from policykg.graph.frontmatter import DOCUMENT_NUMBER, FORWARDS, NUMBER_YEAR
from policykg.graph.gazetteer import key
from policykg.graph.mapped import MappedText
from policykg.graph.records import Citation, Outline, Span
from policykg.graph.text import HAN

# A number alone, with the words before its year (the verb and issuer that introduce it, read from ``lead``).
_NUMBER_ALONE = re.compile(rf"(?P<lead>[{HAN}、]{{1,40}}){NUMBER_YEAR}\d{{1,4}}号")
# A title's length: a joint document's title names every issuer (国家发展改革委 工业和信息化部 … 国家能源局
# 关于…的通知: ten bodies, over 80 characters), and no title holds a full stop, where an unclosed mark ends.
_TITLE_LENGTH = "{2,200}"
# A title and the number in brackets after it, or a number alone: one pattern, so that a number after a
# title is read once.
_CITED = re.compile(
    rf"《(?P<title>[^《》。]{_TITLE_LENGTH})》(?:\s*\((?P<number>{DOCUMENT_NUMBER.pattern})\)?)?|{_NUMBER_ALONE.pattern}"
)
_YEAR_BRACKETS = str.maketrans("[]()【】", "〔〕〔〕〔〕")
_SERIAL = re.compile(r"〕第?0*(?=\d)")  # 〔2024〕第3号, 〔2024〕03号: the serial number as 〔2024〕3号
# between two citations of one list, the body that issued the second named before it or not:
# 《X》（…）和工业和信息化部等五部门《Y》, 国务院《优化营商环境条例》; the count may be 两 or left out
# (工业和信息化部等两部门, 工业和信息化部等部门); the first one's word of what is carried out may end it
# (《X》（…）要求和《Y》精神)
_LISTED = re.compile(
    rf"(?:文件|文)?(?:精神|要求|部署|规定)?[\s、,，和及与以及]*(?:[{HAN}]{{2,20}}?(?:部|委|厅|局|院|政府|办公厅|办公室)"
    r"(?:等(?:[一二三四五六七八九十两\d]+个?)?部门)?(?:联合)?(?:印发的?)?)?"
)
# between a citation and a number listed after it: 国办发〔2021〕10号文件精神和沪府规〔2023〕5号
_JOINED = re.compile(r"(?:文件|文)?(?:精神|要求|部署|规定)?[\s、和及与以及]*")
_VERB = re.compile(
    r"根据|依据|依照|按照|遵照|(?:为了?)?(?:深入|认真|全面|进一步)?贯彻(?:落实)?|(?:为了?)?落实|为了?(?:实施|执行)"
)
# Between the verb and the title, a few words (精神, 文件) or the bodies that issued it, jointly as two
# offices of one level issue (贯彻落实自治区党委办公厅、自治区人民政府办公厅《X》): longer than a few words.
_BODY = r"(?:委员会|人民政府|政府|办公厅|办公室|委|局|厅|院|部)"
_ISSUERS = rf"(?:[{HAN}]{{2,20}}?{_BODY}[、和及与\s]?){{1,4}}(?:联合)?(?:印发的?)?"
# Meetings or speeches listed before the title, as a basis besides it (根据全国、全省教育工作会议精神和
# 市教育局《X》要求): the title after them is still a basis, its issuer named before it or not.
_MEETINGS = r"(?:[^。,;《〈]{2,40}?(?:会议|讲话|指示|批示)(?:精神)?(?:和|及|以及|与|、))?"
_BASED_ON = re.compile(rf"(?:{_VERB.pattern}){_MEETINGS}(?:[^。,;《〈]{{0,12}}|{_ISSUERS})$")
# The body that issued a number, named before it: 国务院办公厅, 市政府, 市住建委, 工业和信息化部.
_ISSUER = re.compile(rf"、?[{HAN}]*?(?:委员会|管委会|人民政府|政府|办公厅|办公室|委|局|厅|院|部)(?:办公厅|办公室)?")
_LEVEL_WORD = re.compile(r"国务院|国家|中共|中央|省|市|区|县|州|盟|旗|镇|乡")
# The verb after the title: 为推进《X》落实, 为做好《X》贯彻实施工作, 为确保《X》各项任务落实到位.
_TO_CARRY_OUT = re.compile(r"为(?:了)?(?:推进|推动|做好|确保|保障|加快|促进)$")
_CARRIED_OUT = re.compile(r"^[^。,;《]{0,8}(?:贯彻|落实|实施|执行)")
# The verb after the title of a notice that forwards it: 现将《X》（川办发〔2024〕27号）转发给你们.
_FORWARDED = re.compile(r"^[^。,;《]{0,4}转发")
# A title in the document's own title: 关于贯彻落实《X》的实施方案, or 〈X〉 inside the 《》 of the notice
# that issues it (关于印发《…贯彻落实〈X〉的实施方案》的通知).
_TITLE_CITED = re.compile(
    rf"[《〈<＜](?P<title>[^《》〈〉<>＜＞。]{_TITLE_LENGTH})[》〉>＞](?:\s*\((?P<number>{DOCUMENT_NUMBER.pattern})\)?)?"
)
_SHORT_NAME = re.compile(r"(?:以下)?简称$")  # （以下简称《实施方案》）: a name for the title just cited
# What a text orders to be written: a document still to come (编制《X专项规划》, 研究制定《Y》), not cited.
_TO_WRITE = re.compile(r"(?:编制|编写|起草|研究制定|制定|出台)(?:出台|完成|并发布|并公布|并印发)?$")
# What a citation is followed by when the citing document repeals it (原《X》（号）同时废止; 《A》、《B》
# 自本办法施行之日起废止; 《X》不再执行), other citations listed before the verb.
_REPEALED = re.compile(r"^(?:[、,和及与]*《[^《》]*》(?:\([^()]*\))?)*[^。;,《》]{0,14}?(?:废止|停止执行|不再执行)")
# What a citation is followed by when the citing decision amends it (决定对《X》作如下修改; 对《A》《B》作出
# 修改; 《X》根据本决定作相应修改…重新公布), or preceded by (关于修改《X》的决定).
_AMENDED_AFTER = re.compile(
    r"^(?:[、,和及与]*《[^《》]*》)*(?:等[^。;,《》]{0,12}?)?(?:根据本决定)?"
    r"(?:作如下修改|作出如下修改|作出修改|修改如下|进行修改|作相应修改|作如下修正)"
)
_AMENDED_BEFORE = re.compile(r"关于修改$")
# The title of a decision that amends regulations (关于修改〈X〉的决定; 关于修改《A》等十件地方性法规的决定;
# 关于废止和修改…的决定): its points are edits that quote the amended text, not tasks of its own.
_AMENDING = re.compile(r"关于(?:废止和)?修改.+的决定$")
# What book-title marks also enclose but is no document: a certificate or licence (《道路运输证》,
# 《营业执照》) and an instrument served on one party (《风险隐患告知书》, 《承诺书》).
_NOT_A_DOCUMENT = re.compile(r"(?:证|证书|执照|告知书|承诺书|通知书|决定书)$")
NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY, TOWNSHIP = "national", "provincial", "municipal", "county", "township"
LEVELS = {PROVINCE: PROVINCIAL, PREFECTURE: MUNICIPAL, DIVISION_COUNTY: COUNTY, DIVISION_TOWNSHIP: TOWNSHIP}
_NATIONAL_NUMBER = re.compile(r"^(国发|国办发|国函|国办函|中发|中办发|工信部|发改|财|人社部|住建部|国家)")
_LAYOUT_SPACE = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")
_LEVEL_NAMED = re.compile(r"^(?:中共)?(省|自治区|市|州|盟)(?:人民政府|政府|委)")  # 省人民政府关于…, 市委…
_NOTICE = re.compile(r"^.*?关于(?:印发|转发)[《<＜〈]?(.+?)[》>＞〉]?的通知$")
_NATIONAL_TITLE = re.compile(r"^(关于印发)?《?(中共中央|国务院|国家|全国|中华人民共和国)")


def level_of(title: str, number: str | None = None, within: Division | None = None, unnamed: str = NATIONAL) -> str:
    """The level of government a document comes from: the first division its title names, else
    its number's 发文机关代字: a province's abbreviation (豫办, 沪府办发) is the province, except that
    a 直辖市's districts write it before their own initial (沪松府办: 松江区); another initial is that
    of a city or county near ``within``, the citing document's place (驻政办: 驻马店市).

    >>> level_of("河南省推动制造业高质量发展实施方案", "豫办〔2020〕17号")
    'provincial'
    >>> level_of("保障中小企业款项支付条例")
    'national'
    >>> level_of("驻马店市2021年工业经济高质量发展工作方案", "驻政办〔2021〕10号")
    'municipal'
    >>> [level_of("本市海绵城市建设的实施意见", n) for n in ("沪府办发〔2024〕3号", "沪松府办〔2025〕31号")]
    ['provincial', 'county']
    >>> level_of("嘉定区海绵城市建设规划（2018-2035）")
    'county'
    >>> level_of("省人民政府关于推进农村物流高质量发展的实施意见")  # its issuer written as its level
    'provincial'

    ``unnamed``: the level of a title that names none (a cited law, …条例: national; a corpus
    document whose issuers name no place: unknown, "").
    """
    if (number and _NATIONAL_NUMBER.match(number)) or _NATIONAL_TITLE.match(title):
        return NATIONAL
    divisions = Divisions.bundled()
    for at in range(min(len(title), 12)):
        division, _ = divisions.read(title[at:])
        if division is not None:
            return LEVELS[division.level]
    province = divisions.of_abbreviation(number)
    if province is not None and number:
        if province.name.endswith("市"):  # a 直辖市's districts number as 沪松府办, 沪奉府发
            districts = {d.name[0] for d in divisions.by_code.values() if d.parent == province.code}
            return COUNTY if number[1:2] in districts else PROVINCIAL
        return PROVINCIAL
    local = divisions.of_initial(number, within)
    if local is not None:
        return LEVELS[local.level]
    if issuer := _LEVEL_NAMED.match(title):  # 省人民政府关于…: the level its issuer is written as
        municipality = within is not None and divisions.chain(within)[0].name.endswith("市")  # 市政府 in a 直辖市
        return PROVINCIAL if issuer[1] in ("省", "自治区") or municipality else MUNICIPAL
    return unnamed


def number_key(number: str) -> str:
    """A document number as citations are compared: widths and spaces folded, square brackets as
    the year's 〔〕 (沪府办发[2024]3号 and 沪府办发（2024）3号 are 沪府办发〔2024〕3号), and the serial
    number bare, as GB/T 9704 prints it (〔2024〕第3号 and 〔2024〕03号 are 〔2024〕3号).

    >>> number_key("沪府办发［2024］3号") == number_key("沪府办发〔2024〕 3号") == number_key("沪府办发〔2024〕第03号")
    True
    """
    return _SERIAL.sub("〕", key(number).translate(_YEAR_BRACKETS))


def issued_title(title: str) -> str:
    """The title of the document a notice issues or forwards, which is what a citation of the notice
    names; any other title as it is, but for the spaces a page layout leaves between two characters.

    >>> issued_title("上海市人民政府办公厅关于印发<本市系统化全域推进海绵城市建设的实施意见>的通知")
    '本市系统化全域推进海绵城市建设的实施意见'
    >>> issued_title("关于开展安全生产大检查的通知"), issued_title("国务院办公厅关于推进海绵城市建 设的指导意见")
    ('关于开展安全生产大检查的通知', '国务院办公厅关于推进海绵城市建设的指导意见')
    """
    title = _LAYOUT_SPACE.sub("", title)
    m = _NOTICE.match(title)
    return m.group(1) if m else title


def _outermost(text: str) -> str:
    """``text`` with the 《》 nested inside a title's 《》 written 〈〉, as the title nested in a notice's
    title should be (《四川省…关于印发〈贯彻落实《国务院办公厅关于…的意见》重点任务分工方案〉的通知》
    （川办发〔2024〕41号）): one citation, the outermost, with its number. Each mark is one character
    for one: positions do not move."""
    out, depth = [], 0
    for ch in text:
        if ch == "《":
            depth += 1
            out.append("〈" if depth > 1 else ch)
        elif ch == "》" and depth:
            out.append("〉" if depth > 1 else ch)
            depth -= 1
        else:
            out.append(ch)
            depth = 0 if ch in "。\n" else depth  # an unclosed mark does not run past its sentence
    return "".join(out)


@dataclass
class _Reader:
    """What reading one document's citations carries from one text to the next: its own number
    (no citation), its place (``within``, for the level of a number's initial) and the short names
    its texts give titles."""

    own_number: str | None
    within: Division | None
    short_names: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def citations(self, text: MappedText, path: str | None, preamble: bool) -> list[Citation]:
        """The citations of a text; in the preamble, those a based-on verb introduces, and those listed
        right after them (根据《A》《B》和《C》: all three), are what the document is based on. A short
        name a text gives a title (《A》（以下简称《方案》）) is recorded, and a later 《方案》 cites A. A
        number alone is read when a verb introduces it or it is listed after another citation; the
        document's own number is no citation."""
        found: list[Citation] = []
        based, end = False, 0
        for m in _CITED.finditer(_outermost(text.text)):
            if m.group("title") is None:
                read = _number_alone(m.group("lead"), text.text[end : m.start()] if found else None)
                if read is None:
                    continue
                at, issuer, introduced = read
                alone = text[m.start() + at : m.end()].display
                own = self.own_number is not None and number_key(alone) == number_key(self.own_number)
                if not DOCUMENT_NUMBER.fullmatch(alone) or own:
                    continue
                based = preamble and (introduced or based)
                end = m.end()
                found.append(self.citation(None, alone, based, path, text.span(m.start() + at, m.end()), issuer))
                continue
            title = text[m.start("title") : m.end("title")].display
            number = text[m.start("number") : m.end("number")].display if m.group("number") else None
            if _NOT_A_DOCUMENT.search(title) and not number:
                continue
            if _SHORT_NAME.search(text.text[: m.start()]):
                if found:
                    self.short_names[title] = (found[-1].title, found[-1].number)
                continue
            if _TO_WRITE.search(text.text[: m.start()]) and not number:
                continue
            named, number = self.short_names.get(title, (title, number))
            listed = based and _LISTED.fullmatch(text.text[end : m.start()])
            based = preamble and bool(listed or _introduces_basis(text.text, m.start(), m.end()))
            end = m.end()
            cited = self.citation(named, number, based, path, text.span(m.start(), m.end()))
            repeals = bool(_REPEALED.match(text.text[m.end() :]))
            amends = bool(_AMENDED_AFTER.match(text.text[m.end() :]) or _AMENDED_BEFORE.search(text.text[: m.start()]))
            found.append(replace(cited, repeals=repeals, amends=amends))
        return found

    def title_citations(self, outline: Outline, preamble: MappedText) -> list[Citation]:
        """The basis the document's own title names (关于贯彻落实《X》的实施方案), read in the lines
        before the preamble and in those that print the title (a preamble read from the document's
        start holds them); the title of the document itself, which a notice issues, is not one."""
        first = next(outline.walk(), None)
        head = outline.text[: bisect_left(outline.text.index, first.span.start) if first else len(outline.text.text)]
        front = head.text.find(preamble.text[:40]) if preamble.text.strip() else len(head.text)
        titles = [_same(t) for t in (outline.metadata.title, outline.metadata.enclosed_title) if t]
        found: dict[str, Citation] = {}
        at = 0
        for line in head.lines():
            printed, before, at = _same(line.text), at < front, at + len(line.text) + 1
            if not before and not (printed and any(printed in t for t in titles)):
                continue
            for m in _TITLE_CITED.finditer(line.text):
                title = issued_title(line[m.start("title") : m.end("title")].display)
                number = line[m.start("number") : m.end("number")].display if m.group("number") else None
                if _BASED_ON.search(line.text[: m.start()]) and (_same(title) not in found or number):
                    found[_same(title)] = self.citation(title, number, True, None, line.span(m.start(), m.end()))
            for m in _NUMBER_ALONE.finditer(line.text):  # 关于贯彻落实国发〔2021〕10号文件精神的实施意见
                read = _number_alone(m.group("lead"), None)
                if read is not None and read[2]:
                    at, issuer, _ = read
                    number = line[m.start() + at : m.end()].display
                    if DOCUMENT_NUMBER.fullmatch(number):
                        quote = line.span(m.start() + at, m.end())
                        found[number_key(number)] = self.citation(None, number, True, None, quote, issuer)
        return list(found.values())

    def citation(
        self, title: str | None, number: str | None, based: bool, path: str | None, quote: Span, issuer: str = ""
    ) -> Citation:
        """A citation of what it names; its level from the title, else the issuer named and the number."""
        relation = "based_on" if based else "cites"
        level = level_of(title or issuer, number, self.within)
        return Citation(title and issued_title(title), number, relation, level, path, quote)


def _number_alone(lead: str, since_last: str | None) -> tuple[int, str, bool] | None:
    """Where a number alone begins in ``lead``, the words before its year, the issuer named before
    it, and whether a verb introduces it: the number follows the last based-on verb and the issuers
    after it (按照市政府办公厅沪府办〔2022〕20号), or the words that list it after the last citation
    (``since_last``: the text from that citation's end, None when there is none). None
    when neither introduces it (a number in a table cell, a heading, the document's own)."""
    verbs = list(_VERB.finditer(lead))
    if verbs:
        at, introduced = verbs[-1].end(), True
    elif since_last is not None and (joined := _JOINED.match(since_last + lead)) and joined.end() >= len(since_last):
        at, introduced = joined.end() - len(since_last), False
    else:
        return None
    after_verb = at
    while (m := _ISSUER.match(lead, at)) and len(lead) - m.end() >= 2:
        issuer = m.group().lstrip("、")
        # a full name (市政府, 工业和信息化部), or a code that repeats the issuer's initial (财政部财建);
        # not the start of a code (工信部联规)
        if not (len(issuer) >= 4 or _LEVEL_WORD.match(issuer) or lead[m.end()] == issuer[0]):
            break
        at = m.end()
    return at, lead[after_verb:at].lstrip("、"), introduced


def _introduces_basis(text: str, start: int, end: int) -> bool:
    """Whether the words around the title at ``text[start:end]`` make it the basis: a verb before
    it (根据, 贯彻落实), or 为推进 before it and 落实 after it, or 转发 after it (a notice carries out
    what it forwards)."""
    before = text[:start]
    after = text[end:]
    carried = _TO_CARRY_OUT.search(before) and _CARRIED_OUT.match(after)
    return bool(_BASED_ON.search(before) or carried or _FORWARDED.match(after))


def _same(title: str) -> str:
    """A title as two citations of one document may differ: widths folded (（2023—2026年）, (2023—2026年)),
    spaces, enumeration commas and the marks of a title inside it (〈X〉, <X>) dropped."""
    return re.sub(r"[、,〈〉<>]", "", key(title))


def outline_citations(outline: Outline, preamble: MappedText, within: Division | None = None) -> list[Citation]:
    """Citations of the title, the preamble and every item (the document's own title is not a
    citation, wherever it is named, but a title it names as its basis is); the basis is stated in
    the title, the preamble, the notice that issues the document above its own preamble (为贯彻落实
    《Y》，现将《X》印发给你们: the notice's basis is X's), the first item (一、总体要求) or a law's first
    article. ``within`` is the document's place, near which a number's initial is looked for."""
    reader = _Reader(outline.metadata.document_number, within)
    found = reader.citations(preamble, None, True)
    for stated in (reader.citations(outline.notice_text, None, True), reader.title_citations(outline, preamble)):
        cited = {_identity(c) for c in found} | {number_key(c.number) for c in found if c.number}
        found = [c for c in stated if _identity(c) not in cited] + found  # a basis stated again is one
    first = next(outline.walk(), None)
    for item in outline.walk():
        basis = item is first or item.path == "第一条"  # a law states its basis in its first article
        found += reader.citations(item.body, item.path, basis)
    meta = outline.metadata
    own = {_same(issued_title(t)) for t in (meta.title, meta.enclosed_title) if t and not forwards(meta.title)}
    # a form or list it encloses (将《X项目汇总表》（附件3）报送…) is its own annex, no other document; an
    # annex that prints the document it carries out or forwards stays its basis
    annexed = {_same(a.title) for a in outline.annexes if a.title}
    return [
        c
        for c in found
        if not (
            c.title
            and (
                (_same(c.title) in own and not _edition(c, meta.document_number))
                or (_same(c.title) in annexed and c.relation != "based_on")
            )
        )
    ]  # 制定了《X》: the document itself


def _edition(citation: Citation, own_number: str | None) -> bool:
    """Whether a citation of the document's own title names another edition of it: one it repeals
    (原《X》（号）同时废止), or one of another number (a revision citing the rule it revises)."""
    other = bool(citation.number and number_key(citation.number) != number_key(own_number or ""))
    return citation.repeals or other


# A page about a document, not one that sets tasks: its interpretation (《X》政策解读, 图解：《X》, 一图读懂《X》),
# an interview on it (…就《X》答记者问), a report of a meeting (我市召开…推进会), or a draft published for
# comment (X（征求意见稿）, 关于…公开征求意见的公告). Government sites print them beside the document.
_COMMENTARY = re.compile(
    r"(?:解读|图解|答记者问|答问|问答)$|^(?:政策)?(?:解读|图解|一图(?:读懂|看懂|了解|速览))"
    r"|[(（](?:征求意见稿|[^()（）]{0,6}草案|送审稿)[)）]|征求意见的(?:公告|通知|公示|函)$"
    r"|(?:召开|举行|举办)[^《》]{2,40}?会议?$"
)


def commentary(title: str | None) -> bool:
    """Whether a title is that of a page about a document (its 解读, an interview, a meeting's news, a
    draft for comment): it names documents it carries out none of, and its tasks, bodies and targets
    restate theirs or are not yet adopted."""
    return bool(title and _COMMENTARY.search(title.strip()))


def amending(title: str | None) -> bool:
    """Whether a title is that of a decision amending regulations (关于修改〈X〉的决定): its points
    (将第五条修改为：“…”; 删去第二十四条) edit the text it amends, whose duties and figures they quote."""
    return bool(title and _AMENDING.search(title.strip()))


def forwards(title: str | None) -> bool:
    """Whether a notice's title forwards a document another body issued (关于转发《X》的通知), which is
    then not the notice itself, as the document a notice issues (关于印发《X》的通知) is."""
    return bool(title and FORWARDS.search(title))


def _identity(citation: Citation) -> str:
    """What two citations of one document share: the title, else the number."""
    return _same(citation.title) if citation.title else number_key(citation.number or "")
