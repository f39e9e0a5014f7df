"""The outline of a document: front matter, numbered items and annexes, each with its span.

The document is cut into regions by lines: front matter (title, number, dates), preamble, the
numbered body, a closing block (印发 lines, signatures) and annexes (附件, 附表). Items nest by the
rank of their marker style, not by Markdown heading marks, which the sources use inconsistently.
Regulations and rules are the exception the law makes: their articles (第五条) are numbered across
chapters and cited by number alone, so an article sits in its chapter (or section) but its path is
its number: 第五条, 第五条/（一）.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from policykg.errors import Problem
from policykg.graph.annex import is_note, is_table_row, parse_annexes, table_rows
from policykg.graph.frontmatter import DATE_LINE, FIELD, FORWARDS, GENRE_END, PRINTED_LINE, RECORD_LINE, parse_metadata
from policykg.graph.mapped import MappedText
from policykg.graph.numbering import (
    ARTICLES,
    BRACKET,
    CN_NUMERALS,
    DECIMAL_RANKS,
    DIVISIONS,
    NAMED,
    UNNUMBERED,
    Marker,
    decimal_marker,
    decimal_parts,
    format_segment,
    match_marker,
)
from policykg.graph.records import Item, Outline, SourceText, Span
from policykg.graph.text import HAN, LineIndex, normalize, read_source

_MARKDOWN = re.compile(r"#{1,6}\s*")
# An annex header: 附件 / 附件1 / 附件一 / 附表2, alone or with a colon and a title or a list.
_ANNEX = re.compile(r"附[件表]([一二三四五六七八九十\d]*)(?::(.*))?$")
_TERMINAL = "。!?;:)】》〕"
_LEVEL_BRACKET = re.compile(r"[省市州县区旗乡镇]\([市区县旗、]{1,5}\)$")  # a level's kinds, 县(市、区): a name goes on
# A task's field on a line of its own, as task lists print them under each task: 责任单位:…, 配合单位:…,
# 完成时限:…, 时间节点:…
_FIELD = re.compile(rf"[{HAN}]{{0,4}}(?:单位|部门|处室|科室|股室|主体|时限|时间|期限|节点)\s*:|(?:注|备注|说明)\s*:")
# a field's label a hard wrap broke (…突出问题。责任 / 单位：…), or left at a line's end (责任单位： / 市农业农村局…)
_LABEL_HEAD = re.compile(rf"(?:^|[。;,])([{HAN}]{{1,4}})$")
_LABEL_END = re.compile(rf"[{HAN}]{{0,4}}(?:单位|部门|处室|科室|股室)\s*:$")
_SENTENCE_END = "。!?;"
_AFTER_END = re.compile(f"[{_SENTENCE_END})]")  # a sentence's end, or a bracket's: （责任单位：…）
# A numbered line shorter than a printed line (GB/T 9704: 28 characters, less the indent and the
# number) that ends no sentence is a heading on its own line, not the first half of a broken one.
_HEADING_MAX = 22
# Web-page furniture that scraped documents end with (tags, comment boxes, print buttons, the lists
# of related pages and the links to the previous and next ones, whose titles are other documents').
_PAGE_CHROME = re.compile(
    r"(标签|验证码|留言|全部咨询|收藏$|打印本页|关闭窗口|【?字体|分享到|扫一扫"
    r"|相关(?:链接|稿件|文件|文章|阅读|新闻|信息|政策|解读)|上一(?:篇|条)|下一(?:篇|条)|返回顶部)"
)
# Two full-width spaces are a paragraph's first-line indent (GB/T 9704); PDF extraction leaves
# them inside a line where a paragraph was run into the one before.
_INDENT = "\u3000\u3000"


@dataclass(frozen=True)
class Line:
    """One line of the normalised text: ``start``/``end`` bound it, ``content`` skips Markdown marks."""

    start: int
    content: int
    end: int
    number: int  # 1-based line number in the original

    def text(self, doc: MappedText) -> str:
        return doc.text[self.content : self.end]


def split_lines(doc: MappedText) -> list[Line]:
    lines, index, start = [], LineIndex(doc.original), 0
    for raw in doc.text.split("\n"):
        end = start + len(raw)
        m = _MARKDOWN.match(raw)
        content = start + (m.end() if m else 0)
        origin = doc.index[start] if start < len(doc.index) else len(doc.original)
        number = index.line(origin)
        for cut in _run_in_items(doc, content, end):
            stop = cut
            while stop > content and doc.text[stop - 1] == " ":
                stop -= 1
            lines.append(Line(start, content, stop, number))
            start = content = cut
        lines.append(Line(start, content, end, number))
        start = end + 1
    return _numbered_in_line(doc, lines)


_RUN_ON_STYLES = ("cn", "cn_paren", "arabic", "arabic_paren", "article")
_RUN_ON_AFTER = "。!?;:)"  # a sentence's, a clause's or a bracket's end; an announcement's, before 一、
_QUOTES = {"(": ")", "《": "》", "“": "”", "〔": "〕"}
_CLOSING = {c: o for o, c in _QUOTES.items()}
_LOOKAHEAD = 3000  # how far a first item's second must follow: a few items' text
_FOLDED_BRACKETS = str.maketrans("（）", "()")


def _next_printed(marker: Marker) -> tuple[str, ...]:
    """How the number after ``marker`` is printed, as normalised text holds it: 二、 / (二) / 2. / (2)."""
    following = format_segment(marker.style, marker.ordinal + 1).translate(_FOLDED_BRACKETS)
    if marker.style == "cn":
        return (following, following[:-1] + ".")
    if marker.style == "arabic":
        return (following + ".", following + "、")
    return (following,)


# The names a plan's sections take (GB/T 9704 prints them on a line of their own after the number);
# a page copied without its line breaks runs such a name into its first sentence.
_SECTION_NAMES = re.compile(
    "(?:总体要求|指导思想|基本原则|工作原则|总体目标|主要目标|工作目标|发展目标|目标任务|重点任务|主要任务|工作任务"
    "|重点工作|主要措施|工作措施|保障措施|组织保障|组织实施|实施步骤|工作步骤|进度安排|职责分工|工作要求|工作机制)"
    f"(?= *[{HAN}\\d])"
)


def _run_on_headings(text: str, first: Marker | None, cuts: list[int]) -> list[int]:
    """Where a section's name run into its first sentence ends (三、保障措施各县（市、区）人民政府要…):
    after the number that opens a stretch of the line, a section's name, then prose (a comma or a
    sentence's end before the stretch ends). A heading standing alone (保障措施和工作要求) is left."""
    starts: list[tuple[int, Marker | None]] = [(0, first), *((at, match_marker(text[at:])) for at in cuts)]
    bounds = sorted({*cuts, len(text)})
    found = []
    for at, marker in starts:
        if marker is None:
            continue
        name = _SECTION_NAMES.match(text, at + marker.end)
        stop = next(b for b in bounds if b > at)
        if name and any(c in text[name.end() : stop] for c in ",。;"):
            found.append(name.end())
    return found


_MARKER_START = f"(第【{CN_NUMERALS}0123456789"
# what the scan for run-on numbers stops at: a number's first character, a bracket, quotation or
# title mark that opens or closes, a sentence's end; the rest of a line is passed over
_SCANNED = re.compile("[" + re.escape(_MARKER_START + "".join(_QUOTES) + "".join(_CLOSING) + "。") + "]")


def _count_quote(depth: dict[str, int], ch: str) -> None:
    if ch in _QUOTES:
        depth[ch] += 1
    elif ch in _CLOSING:
        depth[_CLOSING[ch]] = max(0, depth[_CLOSING[ch]] - 1)


def _numbered_in_line(doc: MappedText, lines: list[Line]) -> list[Line]:
    """The lines cut where an item's number stands inside one, as a page copied without its line
    breaks leaves it (…（省民政厅牵头）（二）拓展居家助老服务。… / 一、总体要求（一）指导思想。…): a
    number counts as one only where it continues the numbering read so far, the next of a style
    open (continuous numbering goes on across groups: 6. … (二)… 7.) or a first item below the
    innermost whose second follows, and only after a sentence or a bracket ends, or after a
    heading's few words that its own number opened. The reader does not rely on line starts where
    the text shows its numbering plainly; a list printed one item a line has no such cut."""
    out: list[Line] = []
    stack: list[Marker] = []
    last: dict[str, int] = {}

    def opens(marker: Marker) -> None:
        while stack and stack[-1].rank >= marker.rank:
            stack.pop()
        stack.append(marker)
        last[marker.style] = marker.ordinal

    def continues_numbering(marker: Marker, at: int) -> bool:
        if marker.style not in _RUN_ON_STYLES:
            return False
        open_ = next((m for m in stack if m.style == marker.style), None)
        if open_ is not None:
            return marker.ordinal == open_.ordinal + 1
        if stack and marker.rank <= stack[-1].rank:
            return False
        if marker.ordinal == last.get(marker.style, 0) + 1 and marker.ordinal > 1:
            return True  # numbered on across groups
        ahead = doc.text[at : at + _LOOKAHEAD]
        return marker.ordinal == 1 and any(p in ahead for p in _next_printed(marker))

    for line in lines:
        text = line.text(doc)
        first = match_marker(text)
        if first is not None:
            opens(first)
        if _ANNEX.match(text):  # the list of annexes, 附表：1、…, is read as a list
            out.append(line)
            continue
        heading_from = first.end if first is not None else None  # a heading's words run from its number
        cuts = []
        depth = dict.fromkeys(_QUOTES, 0)  # the brackets, title marks and quotations open: no item inside
        for found in _SCANNED.finditer(text):
            at, ch = found.start(), found.group()
            if ch == "。":  # a sentence's end closes what a slip left open
                depth = dict.fromkeys(_QUOTES, 0)
            if at == 0 or ch not in _MARKER_START or any(depth.values()):
                _count_quote(depth, ch)
                continue
            _count_quote(depth, ch)  # after the check: a bracket opens the number it starts, (二)
            before = text[at - 1]
            if before == " ":  # a space the copy put for a line break: what the space follows
                before = text[:at].rstrip(" ")[-1:] or " "
            if before.isdigit() or before.isascii() and before.isalpha() or before == "第":
                continue
            marker = match_marker(text[at:])
            if marker is None:
                continue
            heading = (
                heading_from is not None
                and stack
                and at - heading_from <= _HEADING_MAX
                and not any(c in _SENTENCE_END for c in text[heading_from:at])
                and marker.rank > stack[-1].rank
            )
            after_end = before in _RUN_ON_AFTER and (before != ":" or marker.style == "cn")  # 如下：一、
            if not (after_end or heading):
                continue
            if not continues_numbering(marker, line.content + at):
                continue
            opens(marker)
            cuts.append(at)
            heading_from = at + marker.end
        cuts = sorted({*cuts, *_run_on_headings(text, first, cuts)})
        bounds = [0, *cuts, len(text)]
        for k, (begin, stop) in enumerate(zip(bounds, bounds[1:])):
            end = line.end if k == len(cuts) else line.content + len(text[:stop].rstrip(" "))
            out.append(Line(line.start if k == 0 else line.content + begin, line.content + begin, end, line.number))
    return out


_INLINE = ("arabic_paren", "arabic")  # (1) and 1.: the sub-items a county's plan runs into its paragraph


def _run_in_items(doc: MappedText, start: int, end: int) -> list[int]:
    """Where a numbered item starts inside a line: behind a sentence end and a paragraph indent, or
    as one of a run of sub-items the paragraph numbers from 1, each after a sentence or a clause's
    bracket ends (（二）健全配送体系。（1）建设配送中心。…（责任单位：…）（2）推进客货邮融合。…); or
    a number left alone at the line's end after a sentence (…（责任单位：县科技局） 2. / 严格投入品管理。…),
    as a hard wrap or a PDF's extraction leaves it: it opens the next line's item."""
    cuts: list[int] = []
    inline: list[int] = []  # the run of sub-items (1), (2) …, of the style of the first
    style = None
    for m in _AFTER_END.finditer(doc.text, start, end):
        at = m.end()
        rest = doc.text[at:end].rstrip(" ")
        lead = len(rest) - len(rest.lstrip(" "))
        alone = match_marker(rest[lead:]) if rest else None
        if alone is not None and lead + alone.end == len(rest) and m.group() in "。!?)":  # not a clause's ;
            cuts.append(at + lead)
            continue
        marker = match_marker(doc.text[at:end]) if at < end else None
        if marker is None:
            continue
        if m.group() in _SENTENCE_END and _INDENT in doc.original[doc.index[at - 1] + 1 : doc.index[at]]:
            cuts.append(at)
        elif marker.style in _INLINE and marker.ordinal == len(inline) + 1 and style in (None, marker.style):
            inline.append(at)
            style = marker.style
    return sorted({*cuts, *inline}) if len(inline) >= 2 else cuts


def is_prose(line: str) -> bool:
    """A line of running text rather than a title, a name or a table cell."""
    return len(line) >= 20 or any(c in line for c in ",、;")


def starts_block(line: str, before: str = "") -> bool:
    """A line that opens something new, after the line ``before``: an item, a heading, a cell, an
    annex, a clause, a date."""
    return bool(
        _opening_marker(line, before)
        or line.startswith(("\t", "附件", "附表", "---", "(责任单位", "|"))
        or DATE_LINE.match(line)
    )


def _opening_marker(line: str, before: str = "") -> Marker | None:
    """The number that opens ``line``, after the line ``before``; a 1) is none where that line left a
    bracket or a number open: it is the rest of a (1) or of the number (…(/3)公园…, …2016-20/35)》)."""
    marker = match_marker(line)
    if marker and marker.style == "arabic_half" and before and (before[-1] in "(-" or before[-1].isdigit()):
        return None
    return marker


def is_heading(text: str) -> bool:
    """The text of a numbered line, its number removed, that is a heading standing on its own line.

    >>> is_heading("以规划为引领,构建区域绿色网络体系"), is_heading("培育壮大市场主体。以市级标准化智慧岛建设为引")
    (True, False)
    """
    return len(text) < _HEADING_MAX and not any(c in text for c in _SENTENCE_END)


def continues(prev: str, nxt: str) -> bool:
    """True when a line break between ``prev`` and ``nxt`` is a page-break split of one sentence.

    >>> continues("到2025年,“五链”深度耦合格局全面形成,高质量发", "展态势更趋巩固")
    True
    >>> continues("驻马店市推进产业集聚区高质量快速发展", "行动方案")
    False
    >>> continues("2021", "年3")  # a date broken by a scraped page's layout
    True
    >>> continues("根据《上海市深化农村公路管理养护体制改革实施方案的通知》(沪府办发〔2020〕", "3号)")
    True
    >>> continues("责任单位:市工信局、各区政府", "完成时限:2026年底")  # a task's next field
    False
    >>> continues("治理高额彩礼等突出问题。责任", "单位:市委宣传部"), continues("突出问题。责任单位:", "市民政局")
    (True, True)
    >>> continues("责任单位:市委组织部、市委农办", "注:列第一位的为牵头单位")  # a note after the list
    False
    >>> continues("诉求由市住房城乡建设局转办,区、县(市)", "住房城乡建设主管部门应当办理")  # a name's level
    True
    """
    if prev and nxt and prev[-1].isdigit() and nxt[0] in "年月日":
        return True
    if prev and nxt and prev[-1] in "〔〕" and nxt[0].isdigit():  # a document number: 沪府办发〔2020〕/3号
        return True
    if prev.count("(") > prev.count(")") and nxt and not starts_block(nxt, prev):  # a bracket left open: (责任部门:/…)
        return True
    if prev and nxt and all(c in ")。;:,、》〕" for c in nxt):  # a sentence's last marks wrapped alone: …(管委会)/)
        return True
    if _LEVEL_BRACKET.search(prev) and nxt and not starts_block(nxt, prev):  # 区、县(市)/住房城乡建设主管部门
        return True
    if nxt and not starts_block(nxt, prev):
        head = _LABEL_HEAD.search(prev)
        if _LABEL_END.search(prev) or (head and _FIELD.match(nxt) and _FIELD.match(head.group(1) + nxt)):
            return True
    return bool(
        prev
        and nxt
        and prev[-1] not in _TERMINAL
        and is_prose(prev)
        and "\t" not in prev
        and "|" not in prev
        and not starts_block(nxt, prev)
        and not _FIELD.match(nxt)  # a task's next field, outside any bracket: 完成时限:…
    )


def _body(doc: MappedText, lines: list[Line], first_content: int, headed: bool = True) -> MappedText:
    """The text of consecutive lines: page-break splits joined, other breaks kept as one newline.
    ``headed``: whether the first line may be a heading of its own (an article's is in brackets)."""
    kept = [ln for ln in lines if ln.end > ln.content]
    if not kept:
        return doc[first_content:first_content]
    gaps, prev = [], None
    for ln in kept:
        if prev is not None and ln.start > prev.end:  # a run-in item's line has no break before it
            start = max(prev.end, first_content)
            text = doc.text[max(prev.content, first_content) : prev.end]
            heading = headed and prev is kept[0] and first_content > prev.content and is_heading(text)
            if not heading and continues(text, ln.text(doc)):
                gaps.append((start, ln.content))
            else:
                gaps.append((start + 1, ln.content))  # keep one newline
        prev = ln
    begin = max(kept[0].content, first_content)
    shifted = [(s - begin, e - begin) for s, e in gaps]
    return doc[begin : kept[-1].end].delete(shifted)


def _title(body: MappedText, style: str) -> str | None:
    """The item's title: an article's bracketed title (第一条（目的和依据）), else its heading
    line, or its first sentence when that is short."""
    if style in ARTICLES and body.text.startswith("("):
        close = body.text.find(")")
        if close > 1:
            return body[1:close].display.strip() or None
    first = body.text.split("\n", 1)[0]
    if "。" in first:
        cut = first.index("。")
        return body[:cut].display.strip() or None if cut <= 40 else None
    return body[: len(first)].display.strip() or None if len(first) <= 60 else None


def _closing_start(doc: MappedText, lines: list[Line], start: int, end: int) -> int:
    """Where the closing block (signatures and dates, notes such as (此件发至…), the 版记: ---,
    抄送…, 印发 date) begins, before ``end``."""
    at, seen_marker, below = end, False, ""
    for i in range(end - 1, start, -1):
        text = lines[i].text(doc)
        if not text:
            continue
        if DATE_LINE.match(text) or PRINTED_LINE.match(text) or RECORD_LINE.match(text):
            seen_marker, below = True, text
        elif len(text) > 25 or is_table_row(text) or any(unicodedata.category(c).startswith("P") for c in text):
            record = _record_above(doc, lines, i, start)
            if record is None:
                break  # signatures are bare names; anything with punctuation, or a table's row, is the body's
            at, seen_marker, below = record, True, lines[record].text(doc)  # a 版记 line hard-wrapped: all of it
            continue
        elif RECORD_LINE.match(below) and not DATE_LINE.match(below):
            break  # a signature stands over its date: a bare name over the 版记 (…每年 / 抄送：) is the body's
        at = i
    return at if seen_marker else end


def _record_above(doc: MappedText, lines: list[Line], i: int, start: int) -> int | None:
    """The 版记 line (抄送：…) that line ``i`` goes on from, a few lines above it, with nothing but
    its wrapped lines between (each left open: no sentence ends before ``i``)."""
    for k in range(i - 1, max(start, i - 4), -1):
        text = lines[k].text(doc)
        if RECORD_LINE.match(text):
            return k
        if text.endswith("。"):
            return None
    return None


def _after_annexes(doc: MappedText, lines: list[Line], last_head: int) -> int:
    """Where the annexes end: before a closing block after them (the 版记, 抄送… 印发, or a
    signature and date that a web page prints last), when the block opens with the 版记 (抄送：…,
    no cell's text), or a table's row or a finished sentence ends the last annex; after a bare cell
    of a table printed a cell to the line, a signature cannot be told from the last row (市商务局 /
    2024年3月1日), so the annex runs to the end."""
    tail = _closing_start(doc, lines, last_head, len(lines))
    first = next((lines[i].text(doc) for i in range(tail, len(lines)) if lines[i].text(doc)), "")
    last = next((lines[i].text(doc) for i in range(tail - 1, last_head, -1) if lines[i].text(doc)), "")
    if RECORD_LINE.match(first) or PRINTED_LINE.match(first):
        return tail
    return tail if last and (is_table_row(last) or last[-1] in "。;!?)") else len(lines)


def _table_caption(doc: MappedText, lines: list[Line], end: int, table: set[int]) -> int | None:
    """The caption line of a table that is the document's body (a header and a row at least: rows
    between tabs or pipes, or the lines of ``table``, :func:`annex.table_rows`): a caption stands
    over it rather than a sentence, and no sentence follows it but its notes' and the closing block's."""
    rows = [i for i in range(end) if i in table or is_table_row(lines[i].text(doc))]
    if len(rows) < 2:
        return None
    above = [i for i in range(rows[0]) if lines[i].text(doc)]
    caption = above[-1] if above else None
    after = [lines[i].text(doc) for i in range(rows[-1] + 1, _closing_start(doc, lines, rows[-1], end))]
    if caption is None or any("。" in t for t in after if not is_note(t)):  # a note under it (注：…) is its own
        return None
    if "。" not in lines[caption].text(doc):
        return caption
    # no caption: the table follows the sentence that issues it (现将…清单印发给你们。), a blank line between
    return rows[0] - 1 if caption < rows[0] - 1 else None


def _annex_starts(doc: MappedText, lines: list[Line], start: int) -> tuple[int, list[int]]:
    """(first line after the body, annex header lines). A first ``附件:…`` that lists annexes, on
    its line or as numbered lines below it, is the annex list, not an annex; a list that nothing
    follows but the closing block (the signature and date, the 版记) announces annexes the text
    does not hold (附件：…清单（略）)."""
    heads = [i for i in range(start, len(lines)) if _ANNEX.match(lines[i].text(doc))]
    if not heads:
        return len(lines), []
    first = _ANNEX.match(lines[heads[0]].text(doc))
    below = [ln.text(doc) for ln in lines[heads[0] + 1 : heads[1] if len(heads) > 1 else len(lines)]]
    numbered = [t for t in below if t]
    listed = all(match_marker(t) for t in numbered)
    if len(heads) == 1 and (listed or _signature_follows(doc, lines, heads[0])):
        return heads[0], []
    if len(heads) > 1 and first and (first.group(2) or (numbered and listed)):
        return heads[0], heads[1:]
    return heads[0], heads


def _signature_follows(doc: MappedText, lines: list[Line], head: int) -> bool:
    """Whether nothing follows line ``head`` but the closing block, opening with a signature: a
    date under a few names (the issuers, GB/T 9704's 署名), not under a table's cells printed one
    to a line (任务表 / 序号 / … / 市商务局 / 2024年3月1日)."""
    closing = _closing_start(doc, lines, head, len(lines))
    if closing == len(lines) or any(ln.text(doc) for ln in lines[head + 1 : closing]):
        return False
    block = [t for ln in lines[closing:] if (t := ln.text(doc))]
    dated = next((k for k, t in enumerate(block) if DATE_LINE.match(t)), None)
    return dated is not None and dated <= _SIGNERS


_SIGNERS = 4  # the most issuers a joint document signs under its text, one a line


# A notice that forwards another body's document (关于转发《X》的通知, frontmatter.FORWARDS) and adds
# points of its own to carry it out (并结合我市实际提出以下贯彻意见) signs and dates them, then may print
# the forwarded text, numbered from 一 again, or as an annex: that text is the other document's, not
# the notice's.
_RECORD = re.compile(r"(?:抄送|抄报|分送)\s*:|[─━—_=\-]{3,}")  # where a 版记 after a forwarded copy begins


def _forwarded_copy(
    doc: MappedText, lines: list[Line], first: int, item_lines: list[int], markers: dict[int, Marker]
) -> tuple[int, int] | None:
    """(the line of a forwarding notice's signature under its own points, the line after its date)
    when the copy of the forwarded document follows: a date under a few bare names between two
    items, after which the numbering starts again; None for any other document (a notice issuing
    its own document, X印发给你们, whose text is its own)."""
    if not item_lines or not _forwarded_title(doc, lines, first):
        return None
    for before, after in zip(item_lines, item_lines[1:]):
        if markers[after].ordinal != 1:
            continue
        dated = next((k for k in range(before + 1, after) if DATE_LINE.match(lines[k].text(doc))), None)
        if dated is None:
            continue
        start = _closing_start(doc, lines, before, dated + 1)
        if 0 < sum(1 for ln in lines[start:dated] if ln.text(doc)) <= _SIGNERS:
            return start, dated + 1
    return None


def _forwarded_title(doc: MappedText, lines: list[Line], first: int) -> str:
    """The title of the document another body issued that a notice forwards, from the lines before
    its first item (关于转发《X》的通知: X), or ''."""
    found = FORWARDS.search("".join(lines[i].text(doc) for i in range(first)))
    return found.group()[3:-1] if found else ""


def _prints_forwarded(doc: MappedText, lines: list[Line], head: int, forwarded: str) -> bool:
    """Whether the annex headed at line ``head`` prints the forwarded document (附件 / 四川省人民政府办公厅 /
    关于…的实施意见): its first line of text is part of the forwarded title."""
    text = next((t for ln in lines[head + 1 : head + 4] if (t := ln.text(doc))), "")
    return len(text) >= 4 and text in forwarded


def _contents(doc: MappedText, lines: list[Line]) -> set[int]:
    """The lines of a table of contents: the chapter headings listed below 目录, which the text
    then prints a second time."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if line.text(doc) != "目录":
            continue
        listed: dict[str, int] = {}
        for j in range(i + 1, len(lines)):
            text = lines[j].text(doc)
            marker = match_marker(text) if text else None
            if text and (marker is None or marker.style not in DIVISIONS or marker.segment in listed):
                if marker and marker.segment in listed:
                    found.update(listed.values())
                break
            if marker:
                listed[marker.segment] = j
    return found


# The label of the notes under a form (填表说明：/ 1.… 2.…, 注：1.…): how to fill it in, not tasks.
_NOTES = re.compile(r"(?:(?:填表|填报|填写)?说明|注|备注)\s*:\s*")


def _opens_notes(text: str) -> bool:
    """Whether a line is the label of numbered notes, alone or before the first note."""
    label = _NOTES.match(text)
    if label is None:
        return False
    return label.end() == len(text) or match_marker(text[label.end() :]) is not None


_LISTED_TITLE_MAX = 50  # an annex's title in the list of annexes: a name, no sentence


def _annex_list(doc: MappedText, lines: list[Line]) -> set[int]:
    """The lines that continue a list of annexes (附件：1.X / 2.Y / 3.Z, or 附件： / 1.X / 2.Y): numbered
    from 1 on, one title a line, no sentence. They name the annexes; a notice that numbers none of
    its own points would otherwise take them for its first items, and the annexes for its text."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        head = _ANNEX.match(line.text(doc))
        if not head or head.group(1) or head.group(2) is None:
            continue
        first = match_marker(head.group(2).strip())
        expected, style = (2, first.style) if first and first.ordinal == 1 else (1, None)
        if head.group(2).strip() and style is None:
            continue
        listed: list[int] = []
        for j in range(i + 1, len(lines)):
            text = lines[j].text(doc)
            marker = match_marker(text) if text else None
            if (
                marker is None
                or marker.ordinal != expected
                or (style is not None and marker.style != style)
                or "。" in text
                or len(text) > _LISTED_TITLE_MAX
            ):
                break
            listed.append(j)
            expected, style = expected + 1, marker.style
        if style is not None and (first or len(listed) >= 2):
            found.update(listed)
    return found


def _without_page_chrome(doc: MappedText, lines: list[Line]) -> list[Line]:
    """Drop the web page's furniture after the document's last sentence: print buttons, comment
    boxes and the site's navigation, whose titles belong to other documents."""
    last = max((i for i, ln in enumerate(lines) if "。" in ln.text(doc)), default=-1)
    for i in range(last + 1, len(lines)):
        if _PAGE_CHROME.match(lines[i].text(doc)):
            return lines[:i]
    return lines


def parse_outline(source: SourceText) -> Outline:
    """Read a decoded document into an :class:`Outline`."""
    doc = normalize(source.text)
    lines = _without_page_chrome(doc, split_lines(doc))
    problems: list[Problem] = list(source.problems)
    contents = _contents(doc, lines) | _annex_list(doc, lines)
    rows = table_rows([ln.text(doc) for ln in lines])
    markers = {
        i: m for i, ln in enumerate(lines) if i not in contents and i not in rows and (m := match_marker(ln.text(doc)))
    }  # a table's row is no heading, whatever its first cell holds (一、产业升级 | | |; 1.	推进…	县工信局)
    markers = _without_wrapped(doc, lines, markers)
    if sum(m.style == BRACKET for m in markers.values()) < 2:  # one bracketed title is a label, not a list
        markers = {i: m for i, m in markers.items() if m.style != BRACKET}
    markers = dict(sorted({**markers, **_decimal_headings(doc, lines, contents | rows)}.items()))
    markers = _named_ranks(doc, lines, markers)
    first_marker = min(markers, default=None)
    body_end, annex_heads = _annex_starts(doc, lines, first_marker or 0)
    if body_end < len(lines) and not annex_heads:
        label = lines[body_end].text(doc).partition(":")[0]
        problems.append(Problem(source.name, lines[body_end].number, "warning", f"{label}: listed but not in the text"))
    annex_end = len(lines)
    unnumbered = False
    if first_marker is None or first_marker >= body_end:
        caption = None if annex_heads else _table_caption(doc, lines, body_end, rows)
        if caption is None:
            problems.append(
                Problem(
                    source.name,
                    None,
                    "warning",
                    f"no numbered items (一、 / (一) / 1.) found: the text after its opening paragraph is read as"
                    f" one item, {UNNUMBERED}",
                )
            )
            first_marker, unnumbered = _closing_start(doc, lines, 0, body_end), True  # the text ends at the signature
        else:  # the document is a table (…任务分解表): read as an annex of its own, up to the signature
            first_marker, annex_heads = caption, [caption]
            body_end = annex_end = _closing_start(doc, lines, caption, len(lines))
    if annex_heads and annex_end == len(lines):
        annex_end = _after_annexes(doc, lines, annex_heads[-1])
    closing = first_marker if unnumbered else _closing_start(doc, lines, first_marker, body_end)
    item_lines = [i for i in markers if first_marker <= i < closing]
    copy = _forwarded_copy(doc, lines, first_marker, item_lines, markers)
    if copy is not None:  # the forwarded document's items, signature and date are not the notice's
        item_lines = [i for i in item_lines if i < copy[0]]
        closing = copy[0]

    pre = _preamble_start(doc, lines, first_marker)
    while pre < first_marker and not lines[pre].text(doc):
        pre += 1
    if unnumbered:
        pre = _announced_from(doc, lines, pre)
    text_start = _after_opening(doc, lines, pre, first_marker) if unnumbered else first_marker
    preamble = _body(doc, lines[pre:text_start], lines[pre].content if pre < len(lines) else 0)
    notice = _notice(doc, lines, pre)

    # GB/T 9704 prints the signature and date under the list of annexes (附件：1.…), before the annexes
    listed_end = annex_heads[0] if annex_heads else annex_end
    signature = _closing_start(doc, lines, body_end, listed_end) if listed_end > body_end else listed_end
    forwarded = _forwarded_title(doc, lines, first_marker)
    copied = {h for h in annex_heads if forwarded and _prints_forwarded(doc, lines, h, forwarded)}
    tail = annex_end
    if annex_heads and annex_heads[-1] in copied:  # after the forwarded copy, its signature, then the 版记
        tail = next((k for k in range(annex_end, len(lines)) if _RECORD.match(lines[k].text(doc))), len(lines))
    closing_lines = lines[closing:body_end] + lines[signature:listed_end] + lines[tail:]
    if copy is not None:  # the notice's signature, and the 版记 after the copy
        record = next((k for k in range(copy[1], body_end) if _RECORD.match(lines[k].text(doc))), body_end)
        closing_lines = lines[closing : copy[1]] + lines[record:body_end] + lines[signature:listed_end] + lines[tail:]
    metadata, meta_problems = parse_metadata(source.name, doc, lines, pre, closing_lines)
    problems += meta_problems
    items = _build_items(source.name, doc, lines, item_lines, markers, closing, problems)
    if unnumbered and text_start < first_marker:
        items = [_text_item(doc, lines[text_start:first_marker])]
    annexes = parse_annexes(source.name, doc, lines[:annex_end], annex_heads, problems)
    for k, (head, annex) in enumerate(zip(annex_heads, annexes)):
        stop = annex_heads[k + 1] if k + 1 < len(annex_heads) else annex_end
        notes = next((i for i in range(head + 1, stop) if _opens_notes(lines[i].text(doc))), stop)
        numbered = [i for i in sorted(markers) if head < i < notes]
        if head in copied:  # the forwarded document, printed as an annex: its text, not the notice's
            annexes[k] = replace(annex, rows=())
        elif len(numbered) >= 2 and all(len(row.cells) <= 1 for row in annex.rows):
            # an annex that prints numbered text, not a table (附件：重点任务清单 1.… 2.…): its items
            items += _build_items(source.name, doc, lines, numbered, markers, stop, problems, f"{annex.label}/")
            annexes[k] = replace(annex, rows=())
    return Outline(source.name, doc, metadata, preamble, notice, items, annexes, problems)


def _notice(doc: MappedText, lines: list[Line], pre: int) -> MappedText:
    """The text of the notice that issues the document, when the document follows it with a preamble
    of its own (…现将《X》印发给你们，请认真贯彻落实。 / 附件：X / the signature / 附件 / X / 为…，制定本
    方案。): the running text after the addressee line (各设区市工业和信息化局：), the last line before the
    first sentence that ends in a colon, up to its last sentence (not 附件：X, nor the signature)."""
    first_sentence = next((i for i in range(pre) if "。" in lines[i].text(doc)), pre)
    start = max((i + 1 for i in range(first_sentence) if lines[i].text(doc).endswith(":")), default=pre)
    end, before = start, ""
    while end < pre:
        text = lines[end].text(doc)
        if text and not ((is_prose(text) and not starts_block(text)) or continues(before, text)):
            break
        before, end = text or before, end + 1
    while end > start and not lines[end - 1].text(doc).endswith(tuple(_SENTENCE_END)):
        end -= 1  # after the last sentence: a signature as long as a line of text
    return _body(doc, lines[start:end], lines[start].content if start < end else 0)


def _announced_from(doc: MappedText, lines: list[Line], start: int) -> int:
    """The start of an unnumbered document's text, the paragraph that announces it included
    (现就有关事项通知如下:), which a numbered document's preamble holds only last."""
    above = start - 1
    while above >= 0 and not lines[above].text(doc):
        above -= 1
    return above if above >= 0 and lines[above].text(doc).endswith("如下:") else start


def _after_opening(doc: MappedText, lines: list[Line], start: int, end: int) -> int:
    """Where the text of an unnumbered document begins: after its opening paragraph (为…，现就有关事项
    通知如下:), a paragraph a hard-wrapped text broke running on; ``end`` when that is all it says."""
    at = min(start + 1, end)
    while at < end and lines[at].text(doc) and continues(lines[at - 1].text(doc), lines[at].text(doc)):
        at += 1
    while at < end and not lines[at].text(doc):
        at += 1
    return at


def _text_item(doc: MappedText, lines: list[Line]) -> Item:
    """The text of an unnumbered document after its opening paragraph, as one item (正文): its duties
    and targets are read as an item's are."""
    own_end = max((ln.end for ln in lines if ln.end > ln.content), default=lines[0].end)
    body = _body(doc, lines, lines[0].content).strip()
    return Item(UNNUMBERED, "", "text", 1, None, body, doc.span(lines[0].content, own_end), lines[0].number)


def _without_wrapped(doc: MappedText, lines: list[Line], markers: dict[int, Marker]) -> dict[int, Marker]:
    """The markers less those a hard-wrapped text put at a line's start inside a sentence
    (…全面推广容缺办理、多评合/一、区域统一评估…): the line before runs on into it, is no
    heading's own line, and the number does not follow the last of its style; a 1) may be the rest of the
    line before (:func:`_opening_marker`). A table's row runs into no line: a list numbered again
    after a box's table (专栏1 / 序号	项目	… / （一）扩大出口…) starts below it."""
    kept: dict[int, Marker] = {}
    last: dict[str, int] = {}
    for i, marker in sorted(markers.items()):
        j = i - 1
        while j >= 0 and not lines[j].text(doc):
            j -= 1
        before = lines[j].text(doc) if j >= 0 else ""
        wrapped = before and before[-1] not in _TERMINAL and _unfinished(before) and not _below_table(doc, lines, j, i)
        # a heading's own line, its items below, or the line after its number printed alone (一、/
        # 发展民生事业，解决急难愁盼); a paragraph's runs on into the next line
        k = j - 1
        while k >= 0 and not lines[k].text(doc):
            k -= 1
        bare = j not in markers and k in kept and kept[k].end == len(lines[k].text(doc))
        heading = before if bare else before[markers[j].end :] if j in markers else None
        own = heading is not None and not any(c in _SENTENCE_END for c in heading)
        if wrapped and not own and marker.ordinal != last.get(marker.style, 0) + 1:
            continue
        if not _opening_marker(lines[i].text(doc), before):
            continue
        kept[i] = marker
        last[marker.style] = marker.ordinal
    return kept


def _below_table(doc: MappedText, lines: list[Line], j: int, i: int) -> bool:
    """Whether line ``i`` follows a table that ends at line ``j``: a row there, and none after ``i``
    (a numbered line between rows is the table's group row, 一、持续提升… over its tasks' rows)."""
    if j < 0 or not is_table_row(lines[j].text(doc)):
        return False
    after = next((t for ln in lines[i + 1 :] if (t := ln.text(doc))), "")
    return not is_table_row(after)


def _decimal_headings(doc: MappedText, lines: list[Line], skip: set[int]) -> dict[int, Marker]:
    """The headings numbered by decimals (1 总则, 1.1 编制目的, 4.1.1 启动条件), as emergency plans
    number them: each a heading on its own line whose number follows the last one read (the next
    at some depth, or a first child), two levels at least; a line that opens with a figure
    (1.5倍以上…, 24小时…) follows no number and stays text."""
    found: dict[int, Marker] = {}
    last: tuple[int, ...] = ()
    for i, line in enumerate(lines):
        text = line.text(doc)
        marker = None if i in skip else decimal_marker(text)
        if marker is None or not is_heading(text[marker.end :]) or not marker.end < len(text):
            continue
        number = decimal_parts(marker.ordinal)
        if _follows(last, number):
            found[i], last = marker, number
    return found if sum(m.style != "decimal1" for m in found.values()) >= 2 else {}


def _follows(last: tuple[int, ...], number: tuple[int, ...]) -> bool:
    """Whether decimal ``number`` may come next after ``last``: a first child (3.1 after 3; 4.1.1
    after 4, its 4.1 unnumbered), or the next at one of its depths, opening there (3.2, then 4 or
    4.1 after 3.2.4).

    >>> [_follows((3, 2, 4), n) for n in [(3, 2, 5), (3, 3), (4,), (4, 1), (3, 2, 4, 1), (4, 2), (3, 4)]]
    [True, True, True, True, True, False, False]
    """
    rest = number[len(last) :]
    if number[: len(last)] == last and rest and set(rest) == {1}:
        return True
    for depth in range(min(len(last), len(number))):
        if number[:depth] == last[:depth] and number[depth] == last[depth] + 1:
            return set(number[depth + 1 :]) <= {1}
    return False


_ABOVE_CN_PAREN = 3.5  # between 一、 and (一)


def _named_ranks(doc: MappedText, lines: list[Line], markers: dict[int, Marker]) -> dict[int, Marker]:
    """The markers, a named task group's (行动一：…) ranked above the (一) items where a heading of
    that style has (一) items below it (行动一：智能化改造行动 / （一）推进设备更新。…), not below them
    as where its points are 1) or ①."""
    ordered = sorted(markers)
    above = {
        markers[i].style
        for i, j in zip(ordered, ordered[1:])
        if markers[i].style in NAMED
        and markers[j].style == "cn_paren"
        and is_heading(lines[i].text(doc)[markers[i].end :])
    }
    return {i: replace(m, rank=_ABOVE_CN_PAREN) if m.style in above else m for i, m in markers.items()}


# The sentence that announces the items: 现提出如下意见:, and a decision's 决定对《X》作如下修改: (its points
# the edits).
_ANNOUNCES = re.compile(r"如下(?:修改|修正)?:$")


def _preamble_start(doc: MappedText, lines: list[Line], first: int) -> int:
    """Where the preamble begins: the paragraphs of running text just before the first item, the
    last of which may announce the items ("现提出如下意见:", "决定对《X》作如下修改:"); a line of a paragraph that a
    hard-wrapped text broke (a 公文 prints 28 characters to the line) runs on into the next."""
    pre, last = first, True
    after = lines[first].text(doc) if first < len(lines) else ""
    while pre > 0:
        text = lines[pre - 1].text(doc)
        if text in (":", "。"):  # a hard-wrapped text put the sentence's last mark on a line of its own
            text, after = "", text
        if text:
            runs_on = _unfinished(text) and bool(after) and not starts_block(after, text)
            if not (text.endswith("。") or (last and _ANNOUNCES.search(text)) or runs_on):
                break
            last, after = False, text
        pre -= 1
    return pre


def _unfinished(line: str) -> bool:
    """A line of running text broken before its sentence ends; not a title (…实施方案), unless the
    title is one it cites, left open at the break (…根据《本市…实施意见); nor a web page's metadata
    fields (发布时间:2024-03-20 来源:…), nor a note in brackets."""
    title = GENRE_END.search(line) and line.count("《") <= line.count("》")
    note = line.startswith("(") and line.endswith(")")  # (2024年9月27日…会议通过): a title's note, closed
    return line[-1] not in "。!?;:" and is_prose(line) and not title and not note and not FIELD.match(line)


def _build_items(
    name: str,
    doc: MappedText,
    lines: list[Line],
    item_lines: list[int],
    markers: dict[int, Marker],
    end: int,
    problems: list[Problem],
    prefix: str = "",
) -> list[Item]:
    """The items numbered on ``item_lines`` up to line ``end``, nested by rank; their paths start
    with ``prefix`` (an annex's label)."""
    roots: list[Item] = []
    stack: list[Item] = []
    ranks: list[float] = []  # the rank each item of the stack was read at (a named group's is the document's)
    articles: list[Item] = []  # numbered as one list, whatever chapter they sit in
    last_ordinal: dict[str, int] = {}
    bounds = item_lines + [end]
    for at, stop in zip(bounds, bounds[1:]):
        marker = markers[at]
        line = lines[at]
        # a 若干政策 numbered by article may group its articles under 一、 headings, as chapters do
        while stack and ranks[-1] >= marker.rank and not _groups(stack[-1], marker):
            stack.pop()
            ranks.pop()
        parent = stack[-1] if stack else None
        siblings = parent.children if parent else roots
        numbered = articles if marker.style in ARTICLES else siblings
        if marker.style == BRACKET:  # titled, not numbered: the next of its siblings
            marker = replace(marker, ordinal=sum(s.style == BRACKET for s in numbered) + 1)
        if marker.style != "article_added":  # numbered by the article it follows
            _check_sequence(name, line.number, marker, numbered, last_ordinal, problems)
        marker = _unique(marker, numbered)
        last_ordinal[marker.style] = marker.ordinal
        if parent is not None and parent.style in ARTICLES and marker.style not in ARTICLES:
            clause = _next_clause(doc, lines, at, stop)  # the article's 款 after its 项
            if clause < stop:
                back = doc[lines[clause].start - 1 : lines[clause].start]  # the line break before it
                parent.body = parent.body + back + _body(doc, lines[clause:stop], lines[clause].content).strip()
                stop = clause
        body = _body(doc, lines[at:stop], line.content + marker.end, marker.style not in ARTICLES)
        title = marker.title or _title(body.strip(), marker.style)
        if at + 1 < stop and lines[at + 1].start == line.end and not match_marker(lines[at + 1].text(doc)):
            # a section's name run into its first sentence (:func:`_run_on_headings`): the name, then the text
            title = doc[line.content + marker.end : line.end].display.strip()
            body = _body(doc, lines[at + 1 : stop], lines[at + 1].content)
        own_end = max((ln.end for ln in lines[at:stop] if ln.end > ln.content), default=line.end)
        above = parent.path + "/" if parent and marker.style not in ARTICLES else prefix  # articles: cited by number
        item = Item(
            path=above + marker.segment,
            number=doc[line.content : line.content + marker.end].display,
            style=marker.style,
            ordinal=marker.ordinal,
            title=title,
            body=body.strip(),
            span=doc.span(line.content, own_end),
            line=line.number,
        )
        siblings.append(item)
        if marker.style in ARTICLES:
            articles.append(item)
        for ancestor in stack:  # a parent's span covers its children
            ancestor.span = Span(ancestor.span.start, max(ancestor.span.end, item.span.end))
        stack.append(item)
        ranks.append(marker.rank)
    return roots


def _groups(item: Item, marker: Marker) -> bool:
    """Whether an item heads the article ``marker`` numbers: a 一、 heading over 第一条 … (an article
    under it, or the first after its heading)."""
    return marker.style in ARTICLES and item.style == "cn" and (bool(item.children) or is_heading(item.body.text))


def _next_clause(doc: MappedText, lines: list[Line], at: int, stop: int) -> int:
    """Where a paragraph after an article's numbered item (项) begins, before ``stop``: a line after
    one that ends a sentence. An item of an article is one paragraph; the next is the article's
    next 款 (前款第（二）项规定的…), not the item's text."""
    last = lines[at].text(doc)
    for j in range(at + 1, stop):
        text = lines[j].text(doc)
        if text and last.endswith(("。", ";")):
            return j
        last = text or last
    return stop


def _check_sequence(name, line, marker, siblings, last_ordinal, problems) -> None:
    """Numbers go up by one; a list may start at 1 or run on from the last number of its style."""
    same = [s for s in siblings if s.style == marker.style]
    expected = {same[-1].ordinal + 1} if same else {1, last_ordinal.get(marker.style, 0) + 1}
    if marker.style in DECIMAL_RANKS and not same:  # 4.1 opens its parent's list, whatever came before
        expected = {marker.ordinal - marker.ordinal % 100 + 1}
    if marker.ordinal not in expected:
        wanted = " or ".join(_printed(marker.style, e) for e in sorted(expected))
        message = f"numbering jumps to {marker.segment} (expected {wanted})"
        if marker.ordinal in {s.ordinal for s in same}:
            filed = _unique(marker, siblings).segment
            message = f"numbering repeats {marker.segment} (expected {wanted}): read as {filed}"
        problems.append(Problem(name, line, "warning", message))


def _unique(marker: Marker, siblings: list[Item]) -> Marker:
    """A number its siblings already hold is filed under the next free one (its warning says so),
    so that every item has its own path; its printed number stays as it is."""
    used = {s.ordinal for s in siblings if s.style == marker.style}
    if marker.ordinal not in used or _segment(marker.style, max(used) + 1) is None:
        return marker
    return replace(marker, ordinal=max(used) + 1)


def _segment(style: str, ordinal: int) -> str | None:
    """The path segment of a number; None past the style's range (㊿, 九百九十九)."""
    try:
        return format_segment(style, ordinal)
    except (ValueError, IndexError):
        return None


def _printed(style: str, ordinal: int) -> str:
    return _segment(style, ordinal) or str(ordinal)


def read_outline(path: Path) -> Outline:
    """Read a document file into its outline (raises CorpusError if it cannot be read)."""
    return parse_outline(read_source(path))


def outline_to_dict(outline: Outline) -> dict:
    """The outline as plain JSON-ready data (spans as [start, end] offsets of the original)."""

    def item(it: Item) -> dict:
        return {
            "path": it.path,
            "number": it.number,
            "title": it.title,
            "text": it.text,
            "line": it.line,
            "span": [it.span.start, it.span.end],
            "children": [item(c) for c in it.children],
        }

    meta = outline.metadata
    return {
        "file": outline.source,
        "metadata": {
            "title": meta.title,
            "enclosed_title": meta.enclosed_title,
            "document_number": meta.document_number,
            "issuers": list(meta.issuers),
            "dates": [{"date": d.date, "kind": d.kind, "span": [d.span.start, d.span.end]} for d in meta.dates],
            "fields": dict(meta.fields),
        },
        "preamble": outline.preamble,
        "notice": outline.notice_text.display,
        "items": [item(it) for it in outline.items],
        "annexes": [
            {
                "label": a.label,
                "title": a.title,
                "notes": list(a.notes),
                "line": a.line,
                "span": [a.span.start, a.span.end],
                "rows": [{"cells": list(r.cells), "line": r.line, "span": [r.span.start, r.span.end]} for r in a.rows],
            }
            for a in outline.annexes
        ],
        "problems": [str(p) for p in outline.problems],
    }
