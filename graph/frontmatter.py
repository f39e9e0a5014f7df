"""Document metadata from the front matter: title, 文号, issuers and dates.

Lines before the preamble are classed one by one (a 文件 header, a 文号 line, a date, a
regulation's adoption note, the addressee line ending in a colon, sentences of a notice, a web
page's metadata table); the first run of the remaining short lines is the title.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from policykg.errors import Problem
from policykg.graph.mapped import MappedText
from policykg.graph.numbering import cn_to_int
from policykg.graph.records import DocumentDate, Metadata
from policykg.graph.text import HAN

if TYPE_CHECKING:
    from policykg.graph.outline import Line

# A date in figures (2024年3月5日), or in Chinese numerals as older documents print it (二〇二四年三月五日,
# its 〇 often typed as ○, ◯ or a letter O).
_DIGIT = {c: d for d, c in enumerate("〇一二三四五六七八九")} | dict.fromkeys("零○◯OΟО", 0)
_DAY = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE = rf"(\d{{4}}|[{''.join(_DIGIT)}]{{4}})年{_DAY}月{_DAY}日"
DATE_LINE = re.compile(rf"\(?{_DATE}\)?(印发)?$")
# What closes a 公文 (GB/T 9704) besides its signature and date: the 附注 under the date ((此件公开
# 发布), (联系人:…)), and the 版记 after the annexes: 抄送 lines, rules, and the printing office with
# the date it printed the document (某市人民政府办公室  2024年3月2日印发).
PRINTED_LINE = re.compile(rf"[^,。;:()]{{2,40}}?\s*{_DATE}\s*印发$")
RECORD_LINE = re.compile(
    r"(?:抄送|抄报|分送|公开方式|公开属性|信息公开选项)\s*:|[─━—_=\-]{3,}|\((?:此件|本件|联系人|联系电话|联系方式).*\)$"
)  # the 版记 (GB/T 9704): 抄送, 公开方式 (whether the document is published), rules, (此件…)
# How a title ends: the kinds of 公文 (GB/T 9704: 通知, 意见, 决定, 公告, 通告, 通报, 批复, 纪要, 决议…)
# and of the plans and rules they issue (方案, 规划, 纲要, 办法, 细则, 指南, 任务分工…), and of the pages
# that explain them (政策解读, 答记者问).
GENRE_END = re.compile(
    r"(?:方案|意见|办法|规定|细则|规则|规划|纲要|计划|通知|要点|安排|条例|决定|措施|清单|指引|指南|分工|准则|名录"
    r"|公告|通告|通报|批复|纪要|决议|解读|答记者问|问答|\((?:试行|征求意见稿|草案|送审稿)\))$"
)
# A number's year in 〔〕, as GB/T 9704 prints it, or in the brackets writers use instead: [], (), 【】;
# some print 第 before the serial (〔2023〕第25号).
NUMBER_YEAR = r"[〔\[(（【](?:19|20)\d\d[〕\])）】]"
DOCUMENT_NUMBER = re.compile(rf"[{HAN}]{{1,10}}{NUMBER_YEAR}第?\d{{1,4}}号")
# A web page's metadata table: "文号:…" on one line, or the label on a line and its value below.
_FIELD_LABELS = (
    "索引号",
    "索取号",
    "主题分类",
    "信息来源",
    "发文机关",
    "发布机构",
    "发文日期",
    "成文日期",
    "发布日期",
    "发布时间",
    "来源",
    "名称",
    "发文字号",
    "文号",
    "文件编号",
    "载体类型",
    "记录形式",
    "公开类别",
    "关键词",
    "内容描述",
    "字号",
)
FIELD = re.compile(f"({'|'.join(_FIELD_LABELS)}):")
_FIELD_DATE = re.compile(r"(\d{4})[年-](\d{1,2})[月-](\d{1,2})")
_HEADER = re.compile(r".{2,30}文件")
# The rest of a 公文's masthead (GB/T 9704 版头): its copy number (份号), classification (秘密★1年),
# urgency (特急) and, on a report to a higher body, who signed it (签发人:…); none is the title.
_MASTHEAD = re.compile(r"\d{1,8}|(?:绝密|机密|秘密)(?:★.*)?|特急|加急|特提|平急|急件|签发人:.*")
# The enclosed document of a notice that issues or forwards it: 关于印发《X》的通知,
# …印发修订后的《X》的通知, 关于转发区建设管理委制订的《X》的通知, 关于印发X的通知; a document
# forwarded with its drafter named before its own title (转发市发展改革委关于…的实施方案的通知): that title.
_ENCLOSED = re.compile(r"(?:印发|转发)[^《》]*?《(.+)》的通知|(?:印发|转发)(?:[^《》关]{2,24}?(?=关于))?(.+)的通知$")
# A notice forwarding a document that another body issued under its own name and number (关于转发
# 《四川省人民政府办公厅关于…的实施意见》的通知): the forwarded title names its issuer before 关于. A draft a
# department wrote and the notice issues (转发区建设管理委制订的《X》, 转发《嘉定区…实施方案》) is the notice's text.
_FORWARDED_ISSUER = "(?:委员会|人民政府|政府|办公厅|办公室|委|局|厅|部|院|署|行|会)"
FORWARDS = re.compile(rf"转发《[^《》]{{2,40}}?{_FORWARDED_ISSUER}关于[^《》]+》")
# The title's issuer stands before 关于 / 印发 / 转发.
_ISSUER_END = re.compile("关于|印发|转发")
# An issuer's name as a masthead prints it: 江苏省财政厅, 国务院国资委, 市场监管总局, 中共安吉县委办公室.
_ISSUER_NAME = re.compile(
    rf"(?!.*关于)[{HAN}]{{2,30}}?(?:人民政府|政府|委员会|委|办公厅|办公室|厅|局|部|署|院|管委会|办事处)"
)
# A body's own yearly plan names it before the year, with no 关于: 杭州市生态环境局2024年工作要点.
_BODY_YEAR = re.compile(r"^(\S{2,30}?(?:局|厅|委员会|委|办公室|办公厅|管委会|人民政府|政府))(?=(?:19|20)\d{2}年)")
# A regulation's adoption note under its title: "(2021年8月25日上海市第十五届人民代表大会常务委员会
# 第三十四次会议通过)". The body that adopts it (通过) issues it; one that approves it (批准) does not.
# The text as amended since (a collection's 修正本) notes each amendment after it (根据2024年9月27日…
# 《关于修改〈X〉的决定》修正; 2019年…第十次会议修订): the latest is the date of that edition.
_ADOPTED = re.compile(
    rf"\(?{_DATE} ?(.+?)第[一二三四五六七八九十百零〇]+次(?:全体)?会议(通过|批准)(?P<later>[ ,;][^()]*)?\)?$"
)
_AMENDED = re.compile(rf"{_DATE}[^()]*?(?:修正|修订|修改)")
_TERM = re.compile("第[一二三四五六七八九十百零〇]+届")
# A decree (令, GB/T 9704's 命令) that promulgates rules, or a legislature's announcement (公告) that
# promulgates a regulation: its head (浙江省人民政府令, 湖北省人民代表大会常务委员会公告) and serial
# (第402号, 第一百一十八号), on one line or two, are its number; it names what it promulgates
# (《X》已经…通过，现予公布: the title) and who signs it (省长 王浩: a person, not the issuer).
_SERIAL = r"\(?第?(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,8})号\)?"
_DECREE = re.compile(rf"(?P<issuer>[{HAN}]{{2,24}}?)(?:令|公告)(?P<serial>{_SERIAL})?")
_DECREE_SERIAL = re.compile(_SERIAL)
_PROMULGATED = re.compile(r"^《(.+?)》(?:已经|已由|经).{0,80}?现予(?:公布|发布|印发)")
# The note under a rule's title saying which decree promulgated it (（2021年8月30日杭州市人民政府令第332号
# 公布 自2021年10月1日起施行）, later amendments after it): its date, number and issuer.
_DECREE_NOTE = re.compile(
    rf"\(?{_DATE} ?(?P<decree>(?P<issuer>[{HAN}]{{2,24}}?)令{_SERIAL})(?:公布|发布)(?P<later>[ ,;][^()]*)?\)?$"
)
_SIGNATORY = re.compile(rf"(?:省长|市长|州长|区长|县长|旗长|主席|总理|部长|主任|局长)\s*[{HAN}]{{2,4}}")


def _amended(text: MappedText, note: re.Match[str]) -> list[DocumentDate]:
    """The date of the latest amendment a rule's or a regulation's note lists after its adoption, that
    of the edition printed under it (a collection's 修正本 of the text first adopted years before)."""
    later = list(_AMENDED.finditer(note["later"] or ""))
    if not later:
        return []
    at = note.start("later")
    return [
        DocumentDate(
            iso_date(*later[-1].groups()[:3]), "amended", text.span(at + later[-1].start(), at + later[-1].end())
        )
    ]


def iso_date(year: str, month: str, day: str) -> str:
    """A date as printed, in figures or Chinese numerals, in ISO form.

    >>> iso_date("二〇二一", "十二", "三十一"), iso_date("2024", "3", "5")
    ('2021-12-31', '2024-03-05')
    """
    return f"{_figure(year, True):04d}-{_figure(month):02d}-{_figure(day):02d}"


def _figure(text: str, digits: bool = False) -> int:
    """A number in figures or Chinese numerals; ``digits``: numerals read digit by digit (二〇二一)."""
    if text.isdigit():
        return int(text)
    if digits:
        return int("".join(str(_DIGIT[c]) for c in text))
    return cn_to_int(text)


def _fields(text: str) -> list[tuple[str, int, int]]:
    """(label, value start, value end) of each field of a metadata-table line."""
    found = list(FIELD.finditer(text))
    return [
        (m.group(1), m.end(), found[k + 1].start() if k + 1 < len(found) else len(text)) for k, m in enumerate(found)
    ]


_CLAUSE_MARK = re.compile(r"[。,;]")  # a sentence or a clause: no title is one (titles are noun phrases)


def _repeats(line: str, run: str) -> bool:
    """Whether a line prints the run before it again: all of it (a scraped page's heading over the
    title), or its first line (a title of two lines printed twice)."""
    return line.startswith(run) or (len(line) > 4 and run.startswith(line))


def _front_lines(doc: MappedText, lines: list[Line]) -> list[MappedText]:
    """The lines of the front matter (blank ones as empty text); a note broken over lines, such as
    a regulation's adoption note (bracketed, or hard-wrapped after its date), is read as one line,
    and a colon a hard-wrapped text put on a line of its own ends the line before it."""
    out: list[MappedText] = []
    open_note = False
    for line in lines:
        text = doc[line.content : line.end]
        if text.text == ":" and out:
            out[-1] = out[-1] + text
            continue
        if open_note and text.text:
            out[-1] = out[-1] + text
            open_note = ")" not in text.text
            continue
        out.append(text)
        t = text.text
        open_note = (t.startswith("(") and ")" not in t) or bool(  # or a note hard-wrapped without brackets
            re.match(_DATE, t) and not DATE_LINE.match(t) and not re.search(r"(?:通过|批准)\)?$", t)
        )
    return out


def _title_issuers(title: str) -> tuple[str, ...]:
    """
    >>> _title_issuers("上海市人民政府办公厅印发修订后的《关于进一步减少本市道路交通事故的意见》的通知")
    ('上海市人民政府办公厅',)
    >>> _title_issuers("关于印发《上海市零碳园区建设工作方案》的通知")
    ()
    >>> _title_issuers("杭州市生态环境局2024年工作要点"), _title_issuers("上海市2026年碳达峰碳中和重点工作安排")
    (('杭州市生态环境局',), ())
    >>> _title_issuers("省发展改革委负责同志就《陕西省人民政府关于加快推进数字经济高质量发展的实施意见》答记者问")
    ()
    """
    parts = _ISSUER_END.split(title, maxsplit=1)
    if len(parts) > 1 and "《" not in parts[0]:  # not …就《X关于…》答记者问: a title the title names
        return tuple(parts[0].split())
    return (body.group(1),) if (body := _BODY_YEAR.match(title)) else ()


def _title_run(runs: list[list[MappedText]]) -> tuple[list[MappedText], list[MappedText]]:
    """The first run of lines less the issuers' names that a masthead prints alone, without 文件
    (GB/T 9704 §7.2.1 allows it), stacked or on one line (江苏省工业和信息化厅 / 江苏省财政厅 /
    苏工信数字〔2024〕186号, then the title): names the title's own words do not follow (关于…, 印发…),
    nor the title's list of its issuers, wrapped, naming others (国家发展改革委 工业和信息化部 … /
    市场监管总局 国家能源局关于…); and those names."""
    printed: list[MappedText] = []
    for run in runs:
        names = next((k for k, line in enumerate(run) if not _names_only(line.text)), len(run))
        if names < len(run):
            if names == 0 or _ISSUER_END.match(run[names].text) or _more_names(run[:names], run[names].text):
                return run, printed
            return run[names:], printed + run[:names]
        printed += run
    return [], printed


def _more_names(above: list[MappedText], line: str) -> bool:
    """Whether ``line`` opens with issuers' names, none of them on the lines ``above``, before the
    title's own words (关于…): the title's list of its issuers, wrapped; a masthead's names are
    named again in the title."""
    head = _ISSUER_END.split(line, maxsplit=1)
    printed = {name for text in above for name in text.text.split()}
    return len(head) > 1 and _names_only(head[0]) and not printed & set(head[0].split())


def _listed(line: str, after: str) -> bool:
    """Whether a title's list of its issuers runs on from ``line`` to ``after``: a line of names
    alone, and the next one's words before 关于 names too; the space between two names, which a
    line's end stood for."""
    head = _ISSUER_END.split(after, maxsplit=1)[0]
    return bool(head.strip()) and _names_only(line) and _names_only(head)


def _names_only(line: str) -> bool:
    """A line of issuers' names alone, spaced or not (江苏省工业和信息化厅 江苏省财政厅)."""
    return all(_ISSUER_NAME.fullmatch(name) for name in line.split())


def _publisher(fields: dict[str, MappedText]) -> tuple[str, ...]:
    """The body a web page names as publishing it (发布机构, or 来源 when it names a body, not a
    newspaper or a portal): the issuer of a page that names none in its title or signature."""
    if fields.get("发布机构"):
        return (fields["发布机构"].display,)
    source = next((fields[label].display.strip() for label in ("信息来源", "来源") if fields.get(label)), "")
    return (source,) if _ISSUER_NAME.fullmatch(source) else ()


def parse_metadata(
    name: str, doc: MappedText, lines: list[Line], front_end: int, closing: list[Line]
) -> tuple[Metadata, list[Problem]]:
    """Metadata from ``lines[:front_end]`` (the front matter) and the closing block.

    The title is the first run of short lines; a line that prints it again (a scraped page's
    heading) ends it. The names above the date that closes a cover notice are its signature.
    """
    fields: dict[str, MappedText] = {}
    dates: list[DocumentDate] = []
    runs: list[list[MappedText]] = [[]]
    number: MappedText | None = None
    adopted_by: list[str] = []
    signature: list[MappedText] = []
    decree, promulgated, serial = "", "", None
    masthead: list[str] = []  # 北京市朝阳区望京街道办事处, or 黔东南苗族侗族自治州人民政府办公室文件
    texts = _front_lines(doc, lines[:front_end])
    for at, text in enumerate(texts):
        t = text.text
        if number is None and (head := _DECREE.fullmatch(t)) and "关于" not in t:  # not 关于…的公告, a title
            serial = None if head["serial"] else next((x for x in texts[at + 1 :] if x.text), None)
            if head["serial"] or (serial is not None and _DECREE_SERIAL.fullmatch(serial.text)):
                number, decree = (text + serial if serial else text), head["issuer"]
                runs.append([])
                continue
        if t == "文件" and runs[-1]:  # a joint masthead: the issuers stacked, 文件 after them
            masthead += [name for line in runs[-1] for name in line.text.split()]
            runs[-1].clear()
            runs.append([])
            continue
        if decree and (text is serial or _SIGNATORY.fullmatch(t)):
            continue  # the decree's serial on a line of its own; the person who signs it
        if decree and (promulgation := _PROMULGATED.match(t)):
            promulgated = promulgation[1]
            runs.append([])
            continue
        if len(t) == 1 and runs[-1] and texts[at - 1] is runs[-1][-1] and GENRE_END.search(texts[at - 1].text + t):
            runs[-1].append(text)  # the title's last character, hard-wrapped onto a line of its own (…实施意/见)
            continue
        if len(t) <= 1 or (at and texts[at - 1].text in _FIELD_LABELS and t not in _FIELD_LABELS):
            continue  # blank, a page's font-size button (大 中 小), or the value of a label above
        if t in _FIELD_LABELS:
            value = texts[at + 1] if at + 1 < len(texts) else None
            if value is not None and value.text and value.text not in _FIELD_LABELS:
                fields.setdefault(t, value.strip(" |"))
            runs.append([])
            continue
        found = _fields(t)
        if found:
            for label, s, e in found:
                fields.setdefault(label, text[s:e].strip(" |"))
            runs.append([])
            continue
        adopted = _ADOPTED.match(t)
        date = DATE_LINE.match(t)
        if number is None and (note := _DECREE_NOTE.match(t)):
            dates.append(DocumentDate(iso_date(*note.groups()[:3]), "issued", text.span(*note.span())))
            dates += _amended(text, note)
            number, decree = text[note.start("decree") : note.end("decree")], note["issuer"]
            runs.append([])
        elif adopted:
            if adopted.group(5) == "通过":
                dates.append(DocumentDate(iso_date(*adopted.groups()[:3]), "issued", text.span(*adopted.span())))
                dates += _amended(text, adopted)
                body = text[adopted.start(4) : adopted.end(4)]
                adopted_by.append(body.delete(m.span() for m in _TERM.finditer(body.text)).display.strip())
            runs.append([])
        elif date:
            after_title = bool(runs[-1]) and len([r for r in runs if r]) == 1
            kind = "printed" if date.group(4) else ("issued" if after_title else "signed")
            dates.append(DocumentDate(iso_date(*date.groups()[:3]), kind, text.span()))
            if kind == "signed" and not signature:
                signature = runs[-1]
            runs.append([])
        elif DOCUMENT_NUMBER.fullmatch(t):
            number = number or text
            runs.append([])
        elif _HEADER.fullmatch(t):
            masthead += [name for name in t.removesuffix("文件").split() if _ISSUER_NAME.fullmatch(name)]
            runs.append([])
        elif (
            _MASTHEAD.fullmatch(t)
            or t.endswith(":")
            or _CLAUSE_MARK.search(t)
            or t.startswith(("附件", "附表", "特此"))
        ):
            runs.append([])
        elif t.startswith("(") and t.endswith(")"):
            continue  # a note beside a signature: (上海市发展和改革委员会代章)
        elif runs[-1] and _repeats(t, "".join(r.text for r in runs[-1])):
            runs.append([text])  # the title printed again
        elif runs[-1] and GENRE_END.search(runs[-1][-1].text) and not t.startswith(("(", "的")):
            runs.append([text])  # the title ended (…的通知); a year range, （试行） or 的通知 may still follow it
        else:
            runs[-1].append(text)
    signed = ""  # the closing signature: the issuers' names on the lines above the date
    for line in closing:
        if date := DATE_LINE.match(line.text(doc)):
            kind = "printed" if date.group(4) else "signed"
        elif date := PRINTED_LINE.match(line.text(doc)):
            kind = "printed"
        else:
            if written := line.text(doc).strip():
                signed = written if _names_only(written) else ""
            continue
        if kind == "signed" and signed:
            masthead += signed.split()
        dates.append(DocumentDate(iso_date(*date.groups()[:3]), kind, doc.span(line.content, line.end)))

    for label, kind in (("发文日期", "issued"), ("成文日期", "signed"), ("发布日期", "issued"), ("发布时间", "issued")):
        m = label in fields and _FIELD_DATE.search(fields[label].text)
        if m and not (label in ("发布日期", "发布时间") and "发文日期" in fields):
            dates.insert(0, DocumentDate(iso_date(*m.groups()), kind, fields[label].span(*m.span())))

    problems = []
    title_run, names = _title_run(runs)
    masthead = [name for line in names for name in line.text.split()] + masthead
    if "名称" in fields and fields["名称"].text:
        title = fields["名称"].display
    elif promulgated:
        title = promulgated
    elif title_run:
        title = "".join(
            t.display + (" " if _listed(t.text, after.text) else "") for t, after in zip(title_run, title_run[1:])
        )
        title += title_run[-1].display
    else:
        title = None
        problems.append(Problem(name, None, "warning", "no title found in the front matter"))
    for label in ("文号", "发文字号", "字号", "文件编号"):
        m = label in fields and DOCUMENT_NUMBER.search(fields[label].text)
        if m:
            number = fields[label][m.start() : m.end()]
            break
    enclosed = _ENCLOSED.search(title or "")
    issuers = (
        _title_issuers(title or "")
        or tuple(adopted_by)
        or ((decree,) if decree else ())
        or tuple(t.display.strip() for t in signature)
        or _publisher(fields)
    )
    meta = Metadata(
        title=title,
        enclosed_title=next(g for g in enclosed.groups() if g) if enclosed else None,
        document_number=number.display if number else None,
        issuers=issuers,
        dates=tuple(dates),
        fields=tuple((k, v.display) for k, v in fields.items()),
        printed_issuers=(*dict.fromkeys([*masthead, *(t.display.strip() for t in signature)]),),
    )
    return meta, problems
