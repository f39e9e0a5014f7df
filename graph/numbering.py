"""Outline numbering: the markers that open numbered items, and Chinese numerals.

Styles, from the outermost level in: the divisions of regulations and rules, ``第一章`` / ``第一节``,
and their articles ``第一条``; then ``一、`` / ``(一)`` / ``1.`` or ``1、`` / ``(1)`` or ``1)`` / ``①``.
A plan's box (``专栏1 重点工程``) stands among the ``(一)`` items, and holds its own list or table;
an article an amendment inserted (``第三条之一``) is numbered by the one it follows.
Emergency plans (应急预案) and standards number their headings by decimals instead: ``1 总则`` /
``1.1 编制目的`` / ``4.1.1 启动条件``, with ``(1)`` items below; the outline reads those only where
the numbers run in sequence (:func:`decimal_marker`).
County plans may number a run of paragraphs by ordinals instead, ``第一，`` / ``第二，``, below the
``1.`` items and above ``(1)``.
Action plans name their task groups by what they are, ``专项行动一：`` / ``行动1：`` / ``工程2：`` /
``重点任务三：``, between the ``(一)`` items and the ``1.`` ones: the ``1)`` or ``①`` points below each group
are numbered from 1 again, not on from the group before. Their measures may be headed by a bracketed
title instead of a number (``【加强组织领导】依托…``), at the same depth; the title is the path segment.
Patterns run on normalised text, where full-width brackets are already folded to ASCII.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_CN_DIGITS = "零一二三四五六七八九"
CN_NUMERALS = "一二三四五六七八九十百零〇两"  # what a Chinese numeral of the outline is written with


def cn_to_int(numeral: str) -> int:
    """Value of a Chinese numeral up to 999.

    >>> [cn_to_int(n) for n in ("三", "十", "十二", "三十二", "一百零五")]
    [3, 10, 12, 32, 105]
    """
    total, digit = 0, 0
    for ch in numeral:
        if ch in "零〇":
            digit = 0
        elif ch == "两":
            digit = 2
        elif ch in _CN_DIGITS:
            digit = _CN_DIGITS.index(ch)
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += (digit or 1) * 100
            digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return total + digit


def int_to_cn(value: int) -> str:
    """The Chinese numeral as documents print it: 十二, 三十二, 一百零五.

    >>> [int_to_cn(n) for n in (3, 10, 12, 32, 105)]
    ['三', '十', '十二', '三十二', '一百零五']
    """
    if not 0 < value < 1000:
        raise ValueError(f"out of range: {value}")
    hundreds, rest = divmod(value, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _CN_DIGITS[hundreds] + "百"
        if tens == 0 and ones:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    if ones:
        out += _CN_DIGITS[ones]
    return out


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"

# 第X部分 / 第X章 / 第X节 / 第X条 open a heading or an article only when a space, a bracketed title or
# the end of the line follows: "第三十一条第三款规定的…" at the start of a line is a reference. A plan
# may be cut into parts (第一部分 总体要求) above its 一、 items.
_DIVISION_END = r"(?=[ (]|$)"
_DIVISION_WORDS = {"part": "部分", "chapter": "章", "section": "节", "article": "条"}
# A named task group's word, and its style: numbered in Chinese (行动一) or in figures (行动1, style
# act_n). The word and its number are a heading only before a colon or a space (工程1:…, 行动一 …),
# not in a sentence (工程1个).
NAMED_WORDS = {
    "sact": "专项行动", "kact": "重点行动", "act": "行动",
    "kproj": "重点工程", "proj": "工程", "ktask": "重点任务", "task": "任务",
}  # fmt: skip
_NAMED_END = r"(?: ?:| )"
NAMED = (*NAMED_WORDS, *(f"{style}_n" for style in NAMED_WORDS))
# A bracketed title that opens a paragraph (【加强组织领导】…); not a task's field (【责任单位】, 【完成时限】)
BRACKET = "bracket"
_BRACKET_FIELD = re.compile("(?:单位|部门|处室|科室|股室|主体|时限|时间|期限|节点)$")

# (style, rank, pattern); the pattern's group 1 is the number, the match ends after the marker.
STYLES: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    *(
        (style, rank, re.compile(f"第([{CN_NUMERALS}]+){word}{_DIVISION_END}"))
        for rank, (style, word) in enumerate(_DIVISION_WORDS.items())
    ),
    # an article an amendment inserted after another, numbered by it: 第三条之一
    ("article_added", 3, re.compile(f"第([{CN_NUMERALS}]+)条之([一二三四五六七八九十]{{1,3}}){_DIVISION_END}")),
    # a paragraph opened by an ordinal and a comma (第一，加强…), not a list of them (第二、三季度)
    ("ordinal", 5.5, re.compile("第([一二三四五六七八九十]{1,3})(?:,|、(?![一二三四五六七八九十]))")),
    ("cn", 3, re.compile(f"([{CN_NUMERALS}]+)(?:、|\\.(?!\\d))")),  # 一、, and 一． as web pages print it
    ("cn_paren", 4, re.compile(f"\\(([{CN_NUMERALS}]+)\\)")),
    *(
        (f"{style}{suffix}", 4.5, re.compile(f"{word}({numeral}){_NAMED_END}"))
        for style, word in NAMED_WORDS.items()
        for suffix, numeral in (("", f"[{CN_NUMERALS}]{{1,3}}"), ("_n", r"\d{1,2}"))
    ),
    # a box closes the (一) item before it and ends at the next: the rank of (一) items
    ("box", 4, re.compile(f"专栏 ?(\\d{{1,2}}|[{CN_NUMERALS}]{{1,3}})(?![\\d{CN_NUMERALS}])(?: ?[:：])?")),
    # "1." but not "1.5倍"; "2.2024-2026年…" (a number then a year) and "1.5G网络建设工程" (a number
    # then a term such as 5G, 3D, 4K) are still markers, though not "1.5GW".
    ("arabic", 5, re.compile(r"(\d{1,3})(?:[.、](?!\d)|\.(?=(?:19|20)\d\d|\d[A-Z](?![A-Za-z])))")),
    ("arabic_paren", 6, re.compile(r"\((\d{1,3})\)")),
    ("arabic_half", 6, re.compile(r"(\d{1,3})\)")),  # 1） as many type the (1) of GB/T 9704
    ("circled", 7, re.compile(f"([{_CIRCLED}])")),
    (BRACKET, 4.5, re.compile("【([\u4e00-\u9fff]{4,12})】")),
)
_ANY_MARKER = re.compile("|".join(f"(?:{pattern.pattern})" for _, _, pattern in STYLES))
# A decimal heading's number (4.1.1), before its heading's first character (Han, or a grade's Roman
# numeral: 4.1 Ⅳ级应急响应); normalising dropped the space before a Han one. Each depth is a style of
# its own, ranked between 一、 and (一): a (一) or a 1. under 2.3 is its item.
DECIMAL = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3}) *(?=[\u4e00-\u9fff\u2160-\u217f])")
DECIMAL_DEPTHS = 4
DECIMAL_RANKS = {f"decimal{depth}": 3 + depth / 10 for depth in range(1, DECIMAL_DEPTHS + 1)}
_PLACE = 100  # a decimal number's ordinal packs its parts, two digits each: 4.1.1 is 40101
# Chapters and sections head the articles without numbering them: articles run on across them.
DIVISIONS = ("part", "chapter", "section")
ARTICLES = ("article", "article_added")
_ADDED = 100  # an inserted article's ordinal: the article it follows, times this, plus its own (第三条之一: 301)
# A task table's row numbered within its group, as district and bureau task lists print them (1-1,
# 2-3: the second group's third task): ordinal group times this plus the row's own (2-3: 203).
_PAIR = 100
PAIR = re.compile(r"(\d{1,2})[-－—–](\d{1,2})")
# The path of the one item of a document that numbers nothing: its text after the opening paragraph.
UNNUMBERED = "正文"


@dataclass(frozen=True)
class Marker:
    style: str
    rank: float
    ordinal: int
    end: int  # offset just after the marker in the line
    title: str = ""  # a bracketed title's text, which stands for its number

    @property
    def segment(self) -> str:
        """The path segment: the number as printed, full-width brackets; a bracketed title as printed."""
        return f"【{self.title}】" if self.style == BRACKET else format_segment(self.style, self.ordinal)


def format_segment(style: str, ordinal: int) -> str:
    """
    >>> [format_segment(s, 3) for s in ("cn", "cn_paren", "arabic", "arabic_paren", "arabic_half", "circled", "box")]
    ['三', '（三）', '3', '（3）', '3）', '③', '专栏3']
    >>> format_segment("ordinal", 2), format_segment("sact", 2), format_segment("proj_n", 2)
    ('第二', '专项行动二', '工程2')
    >>> [format_segment(s, 12) for s in ("part", "chapter", "section", "article")]
    ['第十二部分', '第十二章', '第十二节', '第十二条']
    >>> format_segment("article_added", 1202), format_segment("arabic_pair", 203)
    ('第十二条之二', '2-3')
    >>> format_segment("decimal3", 40101), format_segment("decimal2", 1012)
    ('4.1.1', '10.12')
    """
    if style in _DIVISION_WORDS:
        return f"第{int_to_cn(ordinal)}{_DIVISION_WORDS[style]}"
    if style == "article_added":
        return f"第{int_to_cn(ordinal // _ADDED)}条之{int_to_cn(ordinal % _ADDED)}"
    if style == "text":
        return UNNUMBERED
    if style in DECIMAL_RANKS:
        return ".".join(map(str, decimal_parts(ordinal)))
    if style == "arabic_pair":
        return f"{ordinal // _PAIR}-{ordinal % _PAIR}"
    if style == "cn":
        return int_to_cn(ordinal)
    if style == "cn_paren":
        return f"（{int_to_cn(ordinal)}）"
    if style == "arabic":
        return str(ordinal)
    if style == "arabic_paren":
        return f"（{ordinal}）"
    if style == "arabic_half":
        return f"{ordinal}）"
    if style == "box":
        return f"专栏{ordinal}"
    if style == "ordinal":
        return f"第{int_to_cn(ordinal)}"
    if style in NAMED:
        word = NAMED_WORDS[style.removesuffix("_n")]
        return f"{word}{ordinal}" if style.endswith("_n") else f"{word}{int_to_cn(ordinal)}"
    return _CIRCLED[ordinal - 1]


def decimal_parts(ordinal: int) -> tuple[int, ...]:
    """The parts of a decimal number packed in ``ordinal``.

    >>> decimal_parts(40101), decimal_parts(7)
    ((4, 1, 1), (7,))
    """
    parts: list[int] = []
    while ordinal:
        ordinal, part = divmod(ordinal, _PLACE)
        parts.append(part)
    return tuple(reversed(parts))


def decimal_marker(line: str) -> Marker | None:
    """The decimal number that opens a normalised line (4.1.1启动条件), if any: the outline takes it
    for a heading's only where such numbers run in sequence, since a line may open with a figure
    (1.5倍以上…) or a count (24小时…).

    >>> m = decimal_marker("4.1.1启动条件")
    >>> m.style, m.segment, m.end
    ('decimal3', '4.1.1', 5)
    >>> decimal_marker("2总则").segment, decimal_marker("1.5%以上") is None, decimal_marker("4.1 Ⅳ级应急响应").end
    ('2', True, 4)
    """
    m = DECIMAL.match(line)
    if not m:
        return None
    parts = [int(p) for p in m[1].split(".")]
    if not all(0 < p < _PLACE for p in parts):
        return None
    ordinal = 0
    for part in parts:
        ordinal = ordinal * _PLACE + part
    style = f"decimal{len(parts)}"
    return Marker(style, DECIMAL_RANKS[style], ordinal, m.end())


def article_segment(number: int, added: int = 0) -> str:
    """The path segment of article ``number``, or of the ``added``-th inserted after it.

    >>> article_segment(22), article_segment(3, 1)
    ('第二十二条', '第三条之一')
    """
    return format_segment("article_added", number * _ADDED + added) if added else format_segment("article", number)


def parse_segment(segment: str) -> tuple[str, int]:
    """The (style, ordinal) of a path segment, the inverse of :func:`format_segment`.

    >>> parse_segment("（三十二）")
    ('cn_paren', 32)
    >>> parse_segment("第六十四条"), parse_segment("第二部分"), parse_segment("专栏2"), parse_segment("2）")
    (('article', 64), ('part', 2), ('box', 2), ('arabic_half', 2))
    >>> parse_segment("第三条之一"), parse_segment("2-3"), parse_segment("4.1.1"), parse_segment("第二")
    (('article_added', 301), ('arabic_pair', 203), ('decimal3', 40101), ('ordinal', 2))
    """
    if segment == UNNUMBERED:
        return "text", 1
    if pair := PAIR.fullmatch(segment):
        return "arabic_pair", int(pair[1]) * _PAIR + int(pair[2])
    if "." in segment and (decimal := decimal_marker(segment + "一")):  # 4.1.1, not a top level's 4
        return decimal.style, decimal.ordinal
    if segment.startswith("专栏"):
        return "box", int(segment[2:])
    if segment.startswith("【"):  # a title, not a number: its code stands for it in an item's IRI
        return BRACKET, zlib.crc32(segment.encode()) % 1_000_000
    for style, word in NAMED_WORDS.items():  # 专项行动 before 行动
        if segment.startswith(word) and segment != word:
            number = segment[len(word) :]
            return (f"{style}_n", int(number)) if number.isdigit() else (style, cn_to_int(number))
    if added := re.fullmatch("第(.+)条之(.+)", segment):
        return "article_added", cn_to_int(added[1]) * _ADDED + cn_to_int(added[2])
    for style, word in _DIVISION_WORDS.items():
        if segment.startswith("第") and segment.endswith(word):
            return style, cn_to_int(segment[1 : -len(word)])
    if segment.startswith("第"):
        return "ordinal", cn_to_int(segment[1:])
    if segment[:-1].isdigit() and segment.endswith("）"):
        return "arabic_half", int(segment[:-1])
    inner = segment.strip("（）")
    if inner in _CIRCLED:
        return "circled", _CIRCLED.index(inner) + 1
    paren = inner != segment
    if inner.isdigit():
        return ("arabic_paren" if paren else "arabic"), int(inner)
    return ("cn_paren" if paren else "cn"), cn_to_int(inner)


def match_marker(line: str) -> Marker | None:
    """The numbering marker at the start of a normalised line, if any.

    >>> match_marker("(三十二)加强督导考核").segment
    '（三十二）'
    >>> match_marker("1.5倍以上") is None
    True
    >>> match_marker("第十四条(竣工验收)").segment, match_marker("第三十一条第三款规定的") is None
    ('第十四条', True)
    >>> match_marker("第一百零三条之一 县级以上人民政府应当…").segment
    '第一百零三条之一'
    >>> match_marker("第二,推动精深加工。").segment, match_marker("第二、三季度完成") is None
    ('第二', True)
    >>> match_marker("专项行动三:工业互联网平台赋能行动").segment, match_marker("工程1 智能制造示范工程").segment
    ('专项行动三', '工程1')
    >>> match_marker("工程1个") is None, match_marker("行动一是") is None
    (True, True)
    >>> match_marker("【加强组织领导】依托…").segment, match_marker("【责任单位】省经信厅") is None
    ('【加强组织领导】', True)
    """
    if not _ANY_MARKER.match(line):  # most lines: one scan instead of one per style
        return None
    for style, rank, pattern in STYLES:
        m = pattern.match(line)
        if m:
            number = m.group(1)
            if style == BRACKET:
                if _BRACKET_FIELD.search(m.group(1)):
                    continue
                return Marker(style, rank, 1, m.end(), m.group(1))
            if style == "article_added":
                base, added = cn_to_int(number), cn_to_int(m.group(2))
                if 0 < base < 1000 and 0 < added < _ADDED:
                    return Marker(style, rank, base * _ADDED + added, m.end())
                continue
            if style in ("cn", "cn_paren", "ordinal", *_DIVISION_WORDS, *NAMED_WORDS) or (
                style == "box" and not number.isdigit()
            ):
                try:
                    ordinal = cn_to_int(number)
                except ValueError:
                    continue
            elif style == "circled":
                ordinal = _CIRCLED.index(number) + 1
            else:
                ordinal = int(number)
            if not 0 < ordinal < 1000:  # 零、 or 九百九百、 is not a number of the outline
                continue
            return Marker(style, rank, ordinal, m.end())
    return None
