"""Reading documents: decoding bytes and normalising text for parsing.

Decoding is detected, not assumed: a BOM decides first; text with NUL bytes and no BOM is UTF-16 if
one byte order gives line breaks and printable text, else a binary file; then strict UTF-8, then
GB18030 (a superset of GBK and GB2312) or Big5, whichever reads as more common Chinese characters.
The reader then removes control characters (keeping tab, line ends and form feed), reads the HTML
markup of text copied from a page's source as what it stands for, and flags traditional script,
all as warnings. Normalisation only deletes characters or replaces them one
for one (see :mod:`policykg.graph.mapped`), so that every position maps back to the text as read
and every quote is exact.
"""

from __future__ import annotations

import bisect
import codecs
import html
import os
import re
import unicodedata
from pathlib import Path

from policykg.errors import CorpusError, PolicyKGError, Problem
from policykg.graph.mapped import MappedText, translation
from policykg.graph.numbering import CN_NUMERALS
from policykg.graph.records import SourceText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_OK = "\t\n\r\f"
# Control characters no document needs: C0 and C1 controls but tab, line ends and form feed (a
# page break), and the bidirectional overrides that can make text display other than it reads.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile("\r\n|\r|\n")
# HTML markup, as text copied from a page's source keeps it: the tags that break a line or a row
# (<br>, <p>, </div>, </tr>), those between cells (<td>), the others (<span>, <strong>), and the
# entities (&nbsp;, &#12288;, &lt;). Only the tags of HTML are markup: <本市…的实施意见> is a title.
_LINE_TAGS = "br|p|div|li|tr|h[1-6]|table|tbody|thead|ul|ol|section|article|center|blockquote"
_INLINE_TAGS = "span|strong|b|i|u|em|font|a|sup|sub|o:p|col|colgroup|caption"  # not <img>: content, kept as text
_MARKUP = re.compile(
    rf"(?P<line></?(?:{_LINE_TAGS})\b[^<>]*>)|(?P<cell></?t[dh]\b[^<>]*>)|(?P<inline></?(?:{_INLINE_TAGS})\b[^<>]*>)"
    r"|(?P<entity>&(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});)",
    re.IGNORECASE,
)
_BLANK_ENTITIES = {"&nbsp;", "&ensp;", "&emsp;", "&thinsp;", "&#160;", "&#12288;", "&#8194;", "&#8195;"}
# A page's number on a line of its own, as text taken from a PDF keeps it: GB/T 9704 prints it
# between two dashes (— 3 —), others write 第3页 (共12页). It falls wherever the page ends, mid-
# sentence as often as not, so the line goes and the sentence reads on. Blank lines (and form
# feeds) around it may be the page's or the document's own (between a table's rows): those of one
# side stay. A bare number stays too: it may be a table's cell.
_DIGITS = "[0-9０-９]{1,4}"
_PAGE_SPACE = r"[ \u3000]*"
_BLANK = r"(?:^[ \t\u3000\f]*(?:\r\n|\r|\n))*"
_PAGE_NUMBER = re.compile(
    rf"(?P<before>{_BLANK})^[ \t\u3000\f]*"
    rf"(?:[—–－―-]{{1,2}}{_PAGE_SPACE}{_DIGITS}{_PAGE_SPACE}[—–－―-]{{1,2}}"
    rf"|第{_PAGE_SPACE}{_DIGITS}{_PAGE_SPACE}页(?:[ \u3000，,/]*共{_PAGE_SPACE}{_DIGITS}{_PAGE_SPACE}页)?"
    rf"|共{_PAGE_SPACE}{_DIGITS}{_PAGE_SPACE}页[ \u3000，,]*第{_PAGE_SPACE}{_DIGITS}{_PAGE_SPACE}页)"
    rf"[ \t\u3000\f]*(?:\r\n|\r|\n|\Z)(?P<after>{_BLANK})",
    re.MULTILINE,
)
# Characters a PDF's fonts put for ideographs they look like: Kangxi radicals (⼀ U+2F00 for 一, ⼯
# for 工), the two radicals supplement forms that stand for one, and CJK compatibility ideographs.
# Text taken from such a PDF reads ⼀、总体要求, which no pattern matches: each is read as its ideograph.
_LOOKALIKES = {
    code: ideograph
    for code in (*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6), *range(0xF900, 0xFADA))
    if len(ideograph := unicodedata.normalize("NFKC", chr(code))) == 1 and ideograph != chr(code)
}
_LOOKALIKE = re.compile("[" + "".join(map(chr, _LOOKALIKES)) + "]")
MAX_MB = 5  # policy documents are well under 1 MB; the parser holds an index per character
# Frequent characters, simplified and traditional forms: real text is mostly made of them, text
# decoded with the wrong code page hardly.
_FREQUENT = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件"
    "长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被做必战先回则任取据处队南给色"
    "光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白"
    "教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广"
    "石记需段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般"
    "史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型王按格养易置层片始却专状育厂京识"
    "适属包火住调满县局照参红细引听该铁价严龙飞"
)
# Forms found only in traditional script (their simplified forms differ): enough of them mark a
# document the extractors, which match simplified words such as 责任单位, will mostly miss.
TRADITIONAL = (
    "與為這個們來國對發會經業產區縣務實現動點進義關開過單責時體機設計際質構據態應場題當數導製級農維資條項標優"
    "辦環總員術讓認識論頭長門問間陽東車氣電書買說話請讀寫將從網絡聯鄉鎮財協調組織負監測層歷劃庫擴還運達選錢鐵"
    "銀隊險類顯風飛養驗齊龍"
)
_FREQUENT.update(TRADITIONAL)
_TRADITIONAL = re.compile(f"[{TRADITIONAL}]")


def max_bytes() -> int:
    """The largest file the reader takes: ``POLICYKG_MAX_FILE_MB`` megabytes, default :data:`MAX_MB`."""
    value = os.environ.get("POLICYKG_MAX_FILE_MB") or str(MAX_MB)
    try:
        return int(float(value) * 2**20)
    except ValueError:
        raise PolicyKGError(f"POLICYKG_MAX_FILE_MB={value!r}: not a number of megabytes") from None


def _line_at_byte(data: bytes, position: int, encoding: str = "latin-1") -> int:
    before = data[:position].decode(encoding, errors="replace")
    return len(_LINE_BREAK.findall(before)) + 1


def _unprintable(text: str) -> int:
    """How many characters are control or unassigned ones: each character's category looked up
    once (a document uses a few thousand characters, each many times)."""
    return sum(
        text.count(ch)
        for ch in set(text)
        if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in _CONTROL_OK
    )


def _looks_like_text(text: str) -> bool:
    """True when almost every character is printable: what real documents decode to. A few control
    characters are removed later with a warning; binary data decodes to far more (one byte in eight)."""
    return bool(text) and _unprintable(text) / len(text) < 0.02 + (1 / len(text))


def _frequent_share(text: str) -> float:
    """Share of the Chinese characters that are frequent ones: high for text read right."""
    han = [ch for ch in text if is_han(ch)]
    return sum(ch in _FREQUENT for ch in han) / len(han) if han else 0.0


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the bytes read as UTF-16 in exactly one byte order.

    ASCII characters such as line breaks and digits hold a NUL byte in UTF-16; read in the wrong
    byte order a line break becomes U+0A00 or U+0D00 and Chinese turns to rare characters, so only
    the right order yields line breaks or frequent characters. Binary data holds NUL characters.
    """
    if len(data) % 2:
        return None
    found = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _looks_like_text(text) and (_LINE_BREAK.search(text) or _frequent_share(text) >= 0.3):
            found.append((text, encoding))
    return found[0] if len(found) == 1 else None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode a document's bytes; return (text, encoding) or raise :class:`CorpusError`."""
    if not data.strip():
        raise CorpusError(name, "empty file: nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise CorpusError(
                    name,
                    f"invalid {encoding} text after its byte-order mark",
                    _line_at_byte(data, err.start, encoding),
                ) from err
            break
    else:
        if b"\x00" in data:
            found = _utf16_without_bom(data)
            if found is None:
                raise CorpusError(
                    name,
                    "binary file (it holds NUL bytes), not a text document"
                    " (nor UTF-16 text: save UTF-16 with a byte-order mark)",
                    _line_at_byte(data, data.index(b"\x00")),
                )
            text, encoding = found
        else:
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError as utf8_err:
                text, encoding = _decode_chinese(data, name, utf8_err)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise CorpusError(name, "empty file: only white space")
    if not _looks_like_text(text):
        raise CorpusError(
            name,
            f"binary file: decoded as {encoding}, {_unprintable(text)} of its {len(text)} characters are control"
            " or unassigned characters",
        )
    return text, encoding


def _decode_chinese(data: bytes, name: str, utf8_err: UnicodeDecodeError) -> tuple[str, str]:
    """GB18030 or Big5 (cp950), whichever decodes to more frequent characters; GB18030 on a tie."""
    found, errors = [], [utf8_err.start]
    for encoding in ("gb18030", "cp950"):
        try:
            found.append((data.decode(encoding), encoding))
        except UnicodeDecodeError as err:
            errors.append(err.start)
    if not found:
        raise CorpusError(
            name, "neither UTF-8 nor GB18030/GBK nor Big5 text (undecodable bytes)", _line_at_byte(data, max(errors))
        )
    return max(found, key=lambda pair: (_looks_like_text(pair[0]), _frequent_share(pair[0])))


def clean(text: str, name: str) -> tuple[str, list[Problem]]:
    """Remove page numbers and control characters (a warning), read a PDF font's look-alikes as
    the ideographs they stand for and HTML markup as what it stands for (warnings), and flag a
    document in traditional script (a warning)."""
    text = _PAGE_NUMBER.sub(lambda m: max(m["before"], m["after"], key=len), text)
    problems = []
    lookalikes = list(_LOOKALIKE.finditer(text))
    if lookalikes:
        line = len(_LINE_BREAK.findall(text, 0, lookalikes[0].start())) + 1
        sample = "".join(dict.fromkeys(m.group() for m in lookalikes))[:6]
        message = f"{len(lookalikes)} look-alike characters ({sample}…), as a PDF's fonts give them, read as ideographs"
        problems.append(Problem(name, line, "warning", message))
        text = text.translate(_LOOKALIKES)
    controls = list(_CONTROL.finditer(text))
    if controls:
        first = controls[0]
        line = len(_LINE_BREAK.findall(text, 0, first.start())) + 1
        kinds = ", ".join(sorted({f"U+{ord(m.group()):04X}" for m in controls})[:5])
        problems.append(Problem(name, line, "warning", f"{len(controls)} control characters removed ({kinds})"))
        text = _CONTROL.sub("", text)
    markup = list(_MARKUP.finditer(text))
    if markup:
        line = len(_LINE_BREAK.findall(text, 0, markup[0].start())) + 1
        message = f"{len(markup)} HTML tags and entities, as a page's source holds them, read as what they stand for"
        problems.append(Problem(name, line, "warning", message))
        text = _MARKUP.sub(_unmarked, text)
    traditional = [m.start() for m in _TRADITIONAL.finditer(text)]
    if len(traditional) >= 5 and len(traditional) >= 0.02 * len(_HAN.findall(text)):
        line = len(_LINE_BREAK.findall(text, 0, traditional[0])) + 1
        sample = "".join(dict.fromkeys(text[i] for i in traditional))[:8]
        problems.append(
            Problem(
                name,
                line,
                "warning",
                f"traditional script ({sample}…): read as written, but responsibility clauses and agency"
                " names are matched in simplified Chinese and may be missed",
            )
        )
    return text, problems


def _unmarked(markup: re.Match) -> str:
    """What a tag or an entity stands for: a line break, a cell's edge, nothing, or its character."""
    if markup["line"]:
        return "\n"
    if markup["cell"]:
        return "\t" if not markup["cell"].startswith("</") else ""
    if markup["inline"]:
        return ""
    entity = markup["entity"]
    return " " if entity.lower() in _BLANK_ENTITIES else html.unescape(entity)


def read_source(path: Path) -> SourceText:
    """Read, decode and clean one document; refuse a file larger than :func:`max_bytes`."""
    limit = max_bytes()
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(limit + 1) if size <= limit else b""
    except OSError as err:
        raise CorpusError(path.name, f"cannot read: {err.strerror or err}") from err
    if size > limit or len(data) > limit:
        size = max(size, len(data))
        raise CorpusError(
            path.name,
            f"file too large ({size / 2**20:.3g} MB > {limit / 2**20:.3g} MB limit): not read"
            " (policy documents are far smaller; set POLICYKG_MAX_FILE_MB to allow more)",
        )
    text, encoding = decode(data, path.name)
    text, problems = clean(text, path.name)
    return SourceText(path.name, text, encoding, tuple(problems))


# -- normalisation ------------------------------------------------------------------------

_SPACES = " \u3000\xa0\u2002\u2003\u2009\u202f"
_SPACE_RUN = re.compile(f"[{_SPACES}]+")
_ITEM_OPENING = re.compile(
    f"\\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[{_SPACES}]*[.、．]\\D|第.{{1,4}}[条章节])"
)
# An item's marker at the start of a line, its number set apart as text taken from a PDF gives it:
# 1 . 开展, 一 、总体要求, （ 一 ）, 第 一 条.
_SPACED_MARKER = re.compile(
    f"^[{_SPACES}]*(?:第[{_SPACES}]*[{CN_NUMERALS}]+[{_SPACES}]*[条章节]"
    f"|[(（][{_SPACES}]*[{CN_NUMERALS}\\d]+[{_SPACES}]*[)）]"
    f"|(?:\\d{{1,3}}|[{CN_NUMERALS}]+)[{_SPACES}]*[.、．](?!\\d))",
    re.M,
)
# 一 in an item's marker at the start of a line, as OCR reads it: a dash of the same stroke (—、总体要求,
# (—)加强组织领导, 第—条, 十—、). A dash before 、 or between a marker's brackets is no punctuation.
_DASHES = "—―─━－‒–-"
_DASH_FOR_ONE = re.compile(
    f"^[{_SPACES}]*(?:[{CN_NUMERALS}]*(?P<a>[{_DASHES}])[{CN_NUMERALS}]*、"
    f"|[(（][{CN_NUMERALS}]*(?P<b>[{_DASHES}])[{CN_NUMERALS}]*[)）]"
    f"|第[{CN_NUMERALS}]*(?P<c>[{_DASHES}])[{CN_NUMERALS}]*[条章节])",
    re.M,
)
# A number letter-spaced digit by digit, as OCR of a widely spaced scan gives it (到2 0 2 5年,
# 〔2 0 2 4〕1 1号, 1 0.推进): single digits one space apart, the last attached to what it counts
# (年, 号, 亿元, a marker's dot). Numbers a space apart (12 34, a table's 1 2 3) are not so.
_DIGIT = "0-9０-９"
_SPACED_DIGITS = re.compile(f"(?<![{_DIGIT}])[{_DIGIT}](?:[{_SPACES}][{_DIGIT}])+(?=[^{_DIGIT}\\s])")
_LINE = re.compile(r"[^\n]+")
_GAP = re.compile(f"(?<=\\S)[{_SPACES}]{{2,}}(?=\\S)")
# What carries no text: invisible characters, a CR before LF, and Markdown's strong emphasis (**二、主要任务**)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]|\r(?=\n)|\\*\\*")
# Full-width ASCII forms fold to ASCII so that patterns need one spelling: （一） -> (一), ：-> :
_FOLD = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_FOLD.update({ord("\r"): "\n", ord("\f"): "\n", 0x3000: " ", 0xA0: " "})
_FOLDED = translation(_FOLD)
_LINE_ENDS = translation({ord("\r"): "\n", ord("\f"): "\n"})


# The Han characters, for a regex's character class: place and body names use the rare ones too
# (㮾梨街道, in Extension A).
HAN = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN = re.compile(f"[{HAN}]")


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def _is_punct(ch: str) -> bool:
    """Punctuation and symbols, full-width forms included, but not full-width digits and letters:
    "１２ ３４" keeps its space as "12 34" does."""
    if ch.isalnum():
        return False
    return unicodedata.category(ch)[0] in "PS" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def _token_before(text: str, at: int) -> str:
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:at]


def _token_after(text: str, at: int) -> str:
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[at:end]


def _spaces_to_delete(text: str) -> list[tuple[int, int]]:
    """Spaces that are layout, not separators.

    Deleted: spaces at the start or end of a line or before a tab; spaces beside punctuation in
    Chinese text ("(责任单位 ：", "(一) 主要目标"); spaces within an item's marker ("1 . ",
    "第 一 条", as text taken from a PDF gives it); spaces between Chinese and a number ("项目 600 个");
    letter-spacing ("工 作 方 案", "索 引 号", "到2 0 2 5年"). Kept, as one space: spaces between two Chinese words
    ("中共濮阳市委办公室 濮阳市人民政府办公室"), which separate names, and the space after 第一条.
    """
    spans = []
    markers = [m.span() for m in _SPACED_MARKER.finditer(text)]
    inside = {s for start, end in markers for s in range(start + 1, end)}  # spaces within a marker go
    inside |= {s for m in _SPACED_DIGITS.finditer(text) for s in range(m.start() + 1, m.end(), 2)}  # 2 0 2 5
    after = {end for _, end in markers if text[end - 1] in "条章节"}  # the space after 第一条 ends it: it stays
    for m in _SPACE_RUN.finditer(text):
        s, e = m.span()
        left = text[s - 1] if s > 0 else "\n"
        right = text[e] if e < len(text) else "\n"
        if s in after and right not in "\n\t":
            spans += [(s + 1, e)] if e - s > 1 else []
            continue
        if left in "\n\t" or right in "\n\t" or s in inside:
            spans.append((s, e))
            continue
        han_l, han_r = is_han(left), is_han(right)
        punct_l, punct_r = _is_punct(left), _is_punct(right)
        chinese_l = han_l or (punct_l and not left.isascii())
        chinese_r = han_r or (punct_r and not right.isascii())
        if (
            (punct_l and (chinese_r or punct_r))
            or (punct_r and (chinese_l or punct_l))
            or (han_l != han_r and (han_l or han_r))
            or (han_l and han_r and min(len(_token_before(text, s)), len(_token_after(text, e))) == 1)
        ):
            spans.append((s, e))
        elif e - s > 1:
            spans.append((s + 1, e))
    return spans


def _column_gaps(text: str) -> list[tuple[int, int]]:
    """The gaps between the cells of a row that a PDF's layout text aligns in columns: runs of two
    spaces or more, on a line with at least two of them between words (序号    重点任务    牵头单位),
    not letter-spacing beside a single character (王  欣, 第六章  附  则).

    >>> normalize("序号    重点任务    牵头单位").text, normalize("第六章  附  则").text
    ('序号\\t重点任务\\t牵头单位', '第六章 附则')
    >>> normalize("(一)  加强组织领导。  各区要建立工作机制。").text
    '(一)加强组织领导。各区要建立工作机制。'

    """
    gaps: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if _ITEM_OPENING.match(line.group()):
            continue  # an item's line: spaces after its number or a sentence are layout, not cells
        found = []
        for m in _GAP.finditer(line.group()):
            left, right = _token_before(line.group(), m.start()), _token_after(line.group(), m.end())
            if not any(len(t) == 1 and is_han(t) for t in (left, right)):
                found.append((line.start() + m.start(), line.start() + m.end()))
        if len(found) >= 2:
            gaps += found
    return gaps


# A tab that opens a line and is its only one: an empty first cell, or a paragraph's indent.
_LONE_TAB = re.compile(r"^\t(?=[^\t\n]+$)", re.M)


def _tab_indents(text: str) -> list[tuple[int, int]]:
    """The tabs that indent paragraphs, as a word processor's text may (\\t一、总体要求 / \\t为…。):
    those that open lines, in a text whose sentences (the lines that hold 。) mostly open with one.
    Elsewhere a lone tab opening a line is an empty cell of a table printed a cell a line.

    >>> normalize("\\t一、总体要求\\n\\t为推进工作，制定本方案。\\n\\t（一）加强领导。\\n\\t（二）强化保障。").text
    '一、总体要求\\n为推进工作,制定本方案。\\n(一)加强领导。\\n(二)强化保障。'
    """
    prose = [line.group() for line in _LINE.finditer(text) if "。" in line.group()]
    indented = sum(1 for line in prose if _LONE_TAB.match(line))
    if len(prose) < 3 or indented < 0.8 * len(prose):
        return []
    return [(m.start(), m.start() + 1) for m in _LONE_TAB.finditer(text)]


# Two full-width spaces or more inside a line: a paragraph's indent where paragraphs were run together
_INNER_INDENT = re.compile("(?<=\\S)\u3000{2,}(?=\\S)")
_PARAGRAPH_END = tuple("。;；!！?？:：)）")


def _run_together(text: str) -> list[tuple[int, int]]:
    """The indents that open paragraphs run into one line, as a page's text copied without its
    line breaks gives them (…亿元。\\u3000\\u3000二、夯实基础\\u3000\\u3000（一）加快建设。…): in a line
    of three paragraphs or more, most of which end a sentence or open with an item's number. A
    table's row aligned by such spaces has cells that do neither (序号, 牵头单位, a deadline).

    >>> normalize("一、总体要求\\u3000\\u3000为推进工作。\\u3000\\u3000二、重点任务\\u3000\\u3000（一）加强领导。").text
    '一、总体要求\\n为推进工作。\\n二、重点任务\\n(一)加强领导。'
    >>> normalize("1\\u3000\\u3000推进5G建设。\\u3000\\u3000市工信局\\u3000\\u30002025年底").text
    '1\\t推进5G建设。\\t市工信局\\t2025年底'
    """
    found: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        indents = list(_INNER_INDENT.finditer(line.group()))
        if len(indents) < 2:
            continue
        paragraphs = _INNER_INDENT.split(line.group().strip())
        ended = sum(1 for p in paragraphs if p.endswith(_PARAGRAPH_END) or _ITEM_OPENING.match(p))
        if ended >= 0.6 * len(paragraphs):
            found += [(line.start() + m.start(), line.start() + m.end()) for m in indents]
    return found


# A text hard-wrapped at a fixed width (copied from a fixed-width view, an e-mail, a converter's
# output) breaks most of its lines at that width, inside sentences and numbers alike.
_WRAP_MIN = 20  # the narrowest width taken for a wrap: shorter lines are names, headings, cells
_WRAP_LINES = 6  # lines at the width before the text counts as wrapped
_WRAP_SHARE = 0.5  # of the lines at least half the width


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _hard_wraps(text: str) -> list[tuple[int, int]]:
    """The line breaks of a text hard-wrapped at a fixed width, counted in characters or in
    columns (a wide character takes two, and may leave the last one empty), most of them inside a
    sentence: each line filled to that width runs on into the next, unless the next opens an item
    or a table's row or is blank. A text with a paragraph a line has few lines of one width, and
    those end their sentences; none is joined.

    >>> line = "为贯彻落实省委省政府部署要求推进银发经济高质量发展结合实际制定本方案一"
    >>> normalize((line[:24] + "\\n") * 6 + "二、重点任务\\n").text.count("\\n")
    2
    """
    lines = [m for m in _LINE.finditer(text) if "\t" not in m.group()]
    best: list[re.Match] = []
    for measure, slack in ((len, 0), (_display_width, 1)):
        widths = [measure(m.group().rstrip()) for m in lines]
        counts: dict[int, int] = {}
        for w in widths:
            counts[w] = counts.get(w, 0) + 1
        wide = [w for w in counts if w >= _WRAP_MIN]
        if not wide:
            continue
        width = max(wide, key=lambda w: (sum(counts.get(w - k, 0) for k in range(slack + 1)), w))
        full = [m for m, w in zip(lines, widths) if width - slack <= w <= width]
        longer = sum(1 for w in widths if w > width)
        half = sum(1 for w in widths if w >= width // 2)
        broken = sum(1 for m in full if not m.group().rstrip().endswith(_PARAGRAPH_END))  # inside a sentence
        wrapped = len(full) >= _WRAP_LINES and broken >= _WRAP_SHARE * len(full)
        if wrapped and len(full) >= _WRAP_SHARE * half and longer * 4 <= len(full):
            best = max(best, full, key=len)
    joins = []
    for m in best:
        after = text[m.end() + 1 : m.end() + 40]
        if text[m.end() : m.end() + 1] == "\n" and after.strip() and not after[0].isspace():
            if not _ITEM_OPENING.match(after) and "\t" not in after.partition("\n")[0]:
                joins.append((m.end(), m.end() + 1))
    return joins


# The scripts of China's autonomous areas that their documents print beside the Chinese: Tibetan,
# Arabic (Uyghur, Kazakh), Mongolian, Yi and Hangul (延边). A line written in one of them and in no
# Han is a rendering of the Chinese line beside it (a masthead, a title), so it is not read; nor is
# such a rendering printed on the Chinese line itself, after it or before it.
_SECOND_SCRIPT = (
    "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"  # Arabic
    "\u0f00-\u0fff\u1800-\u18af\ua000-\ua4cf\u1100-\u11ff\uac00-\ud7af"  # Tibetan, Mongolian, Yi, Hangul
)
_SECOND_SCRIPT_LINE = re.compile(f"^[^\n{HAN}]*[{_SECOND_SCRIPT}][^\n{HAN}]*(?:\n|$)", re.MULTILINE)
_SECOND_SCRIPT_RUN = re.compile(f"[ \t\u3000]*[{_SECOND_SCRIPT}](?:[^\n{HAN}]*[{_SECOND_SCRIPT}])?[ \t\u3000]*")


def _second_script_lines(text: str) -> list[tuple[int, int]]:
    """The lines, with their ends, printed in an autonomous area's own script and not in Chinese.

    >>> _second_script_lines("藏政办发〔2024〕12号\\nབོད་ལྗོངས།\\n关于印发的通知\\n")
    [(14, 25)]
    """
    return [m.span() for m in _SECOND_SCRIPT_LINE.finditer(text)]


def _second_script_runs(text: str) -> list[tuple[int, int]]:
    """The runs of that script on a line in Chinese, with the spaces that part them from it.

    >>> _second_script_runs("拉萨市人民政府办公室文件　ལྷ་ས་ཡིག་ཆ།\\n")
    [(12, 24)]
    """
    return [m.span() for m in _SECOND_SCRIPT_RUN.finditer(text)]


def normalize(original: str) -> MappedText:
    """Normalise a document for parsing, keeping the map back to the original.

    Line endings become ``\\n``, invisible characters and Markdown's bold marks go, tabs that indent
    paragraphs and layout spaces go (see
    :func:`_spaces_to_delete`), a dash OCR put for 一 in an item's marker is read as 一 and full-width
    forms fold to ASCII. Page-break splits are joined
    later, by the outline, where it knows which lines are prose.

    >>> normalize("（一）主要目标 ： 工 作 方 案\\r\\n").text
    '(一)主要目标:工作方案\\n'
    >>> normalize("**二、主要任务**").text
    '二、主要任务'
    """
    text = MappedText.of(original)
    text = text.delete(m.span() for m in _INVISIBLE.finditer(text.text))
    text = text.translate(_LINE_ENDS)
    text = text.delete(_second_script_lines(text.text))
    text = text.delete(_second_script_runs(text.text))
    text = text.delete(_tab_indents(text.text))
    text = text.delete(_hard_wraps(text.text))
    indents = _run_together(text.text)  # a paragraph's indent in a line breaks it
    text = text.replace((s for s, _ in indents), "\n").delete((s + 1, e) for s, e in indents)
    gaps = _column_gaps(text.text)  # a column gap is a cell's edge, as a tab is
    text = text.replace((s for s, _ in gaps), "\t").delete((s + 1, e) for s, e in gaps)
    text = text.delete(_spaces_to_delete(text.text))
    dashes = (m.start(g) for m in _DASH_FOR_ONE.finditer(text.text) for g in "abc" if m.start(g) >= 0)
    text = text.replace(dashes, "一")
    return text.translate(_FOLDED)


class LineIndex:
    """Maps character offsets of the original text to 1-based line numbers (CRLF, CR or LF ends a line)."""

    def __init__(self, original: str):
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(original)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)
