"""Fuzzing the reader, the outline parser and the extractors with generated documents.

Documents are composed from the parts real ones have (front matter, numbered items of every
style with skips and repeats, responsibility clauses, targets, annex tables, a closing block),
then roughened (stray spaces of several kinds, page-break splits, random punctuation and
characters), given CRLF or CR line ends and written in one of the encodings the reader accepts.
Properties: the reader gives back the text; nothing but a :class:`CorpusError` escapes the
parser and the extractors; every span lies inside the text and every quote is the text there.

``POLICYKG_FUZZ_EXAMPLES`` sets the examples per property (default 60, for CI); run with
``--hypothesis-show-statistics`` to see how many ran.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policykg.errors import CorpusError
from policykg.graph.extract import extract
from policykg.graph.gazetteer import Gazetteer
from policykg.graph.mapped import MappedText
from policykg.graph.numbering import int_to_cn
from policykg.graph.outline import read_outline
from policykg.graph.records import Outline, Span
from policykg.graph.text import _SECOND_SCRIPT_LINE, _SECOND_SCRIPT_RUN, read_source

EXAMPLES = int(os.environ.get("POLICYKG_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- documents --------------------------------------------------------------------------------

AGENCIES = [
    "市发改委", "市工信局", "科技局", "财政局", "市场监管局", "各县区人民政府", "高新区管委会", "市委组织部",
    "人社局", "市自然资源和规划局", "经济开发区", "驻马店经济开发区管委会", "市金融工作局", "电力公司",
    "市人民政府", "中国人民银行驻马店市中心支行", "各县（区）", "A公司", '"}; DROP ALL; #', "<b>局</b>",
]  # fmt: skip
PHRASES = [
    "加快推进产业集群发展", "强化科技和人才支撑", "坚持企业创新主体地位", "推动制造业高质量发展", "优化营商环境",
    "实施智能化改造", "培育专精特新企业", "开展绿色园区创建", "推广绿色工厂建设", "完善考核激励", "加强组织领导",
    "总体要求", "主要目标", "保障措施", "重点任务", "指导思想",
]  # fmt: skip
INDICATORS = ["规模以上工业增加值", "制造业增加值", "高新技术企业", "专精特新企业", "工业投资", "营业收入", "亩均税收"]
UNITS = ["家", "个", "项", "亿元", "万元", "元", "%", "倍", "亩", "场次"]
PUNCTUATION = list("，。；：、（）()【】《》“”\"'<>\\/|-—~…!?！？·#&%{}[]^`")
SPACES = [" ", "\u3000", "\t", "\xa0", "\u200b", "\ufeff", "  "]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
ENDINGS = ["\n", "\r\n", "\r"]
FULL_WIDTH = {ord(c): ord(c) + 0xFEE0 for c in "0123456789%"}
# Characters a sloppy source may hold: anything but lone surrogates (control characters too).
NOISE = st.characters(codec="utf-8", exclude_categories=("Cs",))
# Characters of a clean source: printable ASCII, common CJK and CJK punctuation.
CLEAN = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.sampled_from(PUNCTUATION),
)


def number(draw) -> str:
    n = draw(st.one_of(st.integers(0, 3000).map(str), st.floats(0, 999, allow_nan=False).map(lambda f: f"{f:.1f}")))
    if draw(st.booleans()):
        n = f"{n}{draw(st.sampled_from(['-', '~', '至', '—']))}{draw(st.integers(0, 999))}"
    return n.translate(FULL_WIDTH) if draw(st.integers(0, 4)) == 0 else n


def agencies(draw, chars) -> str:
    names = draw(st.lists(st.one_of(st.sampled_from(AGENCIES), st.text(chars, max_size=6)), min_size=1, max_size=4))
    joined = draw(st.sampled_from(["、", "，", "；", ",", "、 "])).join(names)
    return joined + draw(st.sampled_from(["", "", "按职责分工负责", "等"]))


def clause(draw, chars) -> str:
    a, b = agencies(draw, chars), agencies(draw, chars)
    return draw(
        st.sampled_from(
            [
                f"（责任单位：{a}）",
                f"(责任单位:{a})",
                f"（牵头单位：{a}；配合单位：{b}）",
                f"（{a}牵头，{b}配合）",
                f"（{a}牵头）",
                f"（{a}牵头负责，{b}负责落实）",
                f"以下各项任务均需{a}负责落实，不再列出",
                f"{a}统筹协调推进",
                f"{a}、{b}分别牵头成立{draw(st.sampled_from(PHRASES))}、{draw(st.sampled_from(PHRASES))}工作专班",
                f"（责任单位：{a}",  # never closed
                f"（责任部门：{a}（{b}））",
            ]
        )
    )


def target(draw) -> str:
    year = draw(st.one_of(st.integers(2015, 2035), st.integers(0, 9999))).__str__()
    year = year.translate(FULL_WIDTH) if draw(st.integers(0, 4)) == 0 else year
    indicator = draw(st.sampled_from(INDICATORS))
    unit, n = draw(st.sampled_from(UNITS)), number(draw)
    qual = draw(st.sampled_from(["", "以上", "左右", "以内", "以下"]))
    return draw(
        st.sampled_from(
            [
                f"到{year}年，{indicator}达到{n}{unit}{qual}",
                f"{year}年{indicator}增长{n}%",
                f"新培育{indicator}{n}{unit}",
                f"{indicator}年均增长{n}%以上",
                f"在{year}年基础上实现{indicator}倍增",
                f"{indicator}全覆盖",
                f"{indicator}分别达到{n}{unit}、{number(draw)}{unit}",
                f"{draw(st.integers(1, 9))}年内新建{n}{unit}{indicator}",
                f"各县（区）{indicator}不低于{n}{unit}",
                f"《{indicator}{n}{unit}》",
            ]
        )
    )


def sentence(draw, chars) -> str:
    kind = draw(st.integers(0, 9))
    if kind < 3:
        return draw(st.sampled_from(PHRASES))
    if kind < 5:
        return clause(draw, chars)
    if kind < 8:
        return target(draw)
    if kind < 9:
        return draw(st.text(chars, max_size=12))
    return "".join(draw(st.lists(st.sampled_from(PUNCTUATION + SPACES), max_size=4)))


def body(draw, chars) -> str:
    ends = ["。", "，", "；", "", "：", "。\n"]
    return "".join(sentence(draw, chars) + draw(st.sampled_from(ends)) for _ in range(draw(st.integers(0, 4))))


def marker(draw, style: int, n: int) -> str:
    if style == 0:
        cn = draw(st.one_of(st.just(int_to_cn(n)), st.text("一二三四五六七八九十百零〇两", min_size=1, max_size=4)))
        return f"{cn}、"
    if style == 1:
        cn = (
            int_to_cn(n)
            if draw(st.integers(0, 9))
            else draw(st.text("一二三四五六七八九十百零", min_size=1, max_size=4))
        )
        return draw(st.sampled_from(["（{}）", "({})"])).format(cn)
    if style == 2:
        return draw(st.sampled_from(["{}.", "{}、", "{}．", "{}. "])).format(n if n < 1000 else 1000)
    if style == 3:
        return draw(st.sampled_from(["（{}）", "({})"])).format(n)
    return CIRCLED[(n - 1) % 20]


def items(draw, chars) -> list[str]:
    lines, last = [], [0] * 5
    for _ in range(draw(st.integers(0, 12))):
        style = draw(st.integers(0, 4))
        step = draw(st.sampled_from([1, 1, 1, 1, 1, 0, 2, -1, 50]))  # mostly in order; skips and repeats
        last[style] = max(1, min(999, last[style] + step))
        for deeper in range(style + 1, 5):
            last[deeper] = 0
        heading = draw(st.sampled_from(["", "", "## ", "### "]))
        title = draw(st.sampled_from(PHRASES)) + draw(st.sampled_from(["。", "", "\n", ":"]))
        lines.append(f"{heading}{marker(draw, style, last[style])}{title}{body(draw, chars)}")
    return lines


def annex(draw, chars) -> list[str]:
    label = draw(st.sampled_from(["附件", "附件1", "附件2"]))
    lines = [f"{label}" + draw(st.sampled_from(["", ":重点工作任务分工", "：主要目标"]))]
    header = ["序号", "重点任务", "牵头单位", "配合单位"]
    rows = [[str(k), draw(st.sampled_from(PHRASES)), agencies(draw, chars), agencies(draw, chars)] for k in range(1, 4)]
    rows += [[f"{draw(st.integers(2019, 2030))}年", number(draw), number(draw), number(draw)]]
    if draw(st.booleans()):
        lines += ["\t" + "\t".join(r) for r in [header, *rows]]
    else:
        lines += ["\n\n".join(header)] + ["\n\n".join(r) for r in rows]
    if draw(st.booleans()):  # cut off mid-row
        text = "\n".join(lines)
        return [text[: draw(st.integers(len(lines[0]), len(text)))]]
    return lines + ["单位：亿元"] * draw(st.integers(0, 1))


@st.composite
def documents(draw, rough: bool = True) -> str:
    """A document as text, LF line ends: front matter, items, closing block, annexes.

    ``rough``: stray spaces and line breaks anywhere, and any character in names and sentences.
    """
    chars = NOISE if rough else CLEAN
    front = [
        draw(st.sampled_from(["", "# 中共驻马店市委文件", "驻政〔2023〕5号"])),
        draw(st.sampled_from(["驻马店市人民政府关于", "濮阳市", ""])) + draw(st.sampled_from(PHRASES)) + "的通知",
        draw(st.sampled_from(["", "(2023年6月13日)", "2024年1月5日"])),
        draw(st.sampled_from(["", "各县区人民政府，市直各有关单位："])),
        draw(
            st.sampled_from(
                ["", "为深入贯彻制造强国战略，根据《河南省工作方案》（豫政〔2022〕9号）精神，提出如下意见。"]
            )
        ),
    ]
    lines = front + items(draw, chars)
    if draw(st.booleans()):
        lines += ["", "2023年6月13日", "（此件公开发布）"]
    for _ in range(draw(st.integers(0, 2))):
        lines += [""] + annex(draw, chars)
    text = "\n".join(lines)
    if rough:
        for at, extra in draw(
            st.lists(st.tuples(st.floats(0, 1), st.sampled_from([*SPACES, "\n", "\n\n"])), max_size=6)
        ):
            cut = int(at * len(text))
            text = text[:cut] + extra + text[cut:]
    return text


def write(text: str, encoding: str, ending: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-", dir=TMP))
    path = folder / "doc.txt"
    data = text.replace("\n", ending).encode(encoding, errors="strict")
    path.write_bytes(data)
    return path


TMP = tempfile.mkdtemp(prefix="policykg-fuzz-")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()


# -- invariants -------------------------------------------------------------------------------

_LAYOUT = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff#]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def folded(ch: str) -> str:
    """A character as normalisation reads it: full-width forms as ASCII, page breaks and odd spaces plain."""
    if 0xFF01 <= ord(ch) <= 0xFF5E:
        return chr(ord(ch) - 0xFEE0)
    return {"\r": "\n", "\f": "\n", "\u3000": " ", "\xa0": " "}.get(ch, ch)


def visible(text: str) -> str:
    """Text as read, without what normalisation may delete (spaces, line ends, invisibles, Markdown marks,
    lines and runs in an autonomous area's own script)."""
    text = _SECOND_SCRIPT_RUN.sub("", _SECOND_SCRIPT_LINE.sub("", text.translate({ord("\r"): "\n"})))
    return _LAYOUT.sub("", "".join(map(folded, text)))


def check_span(span: Span, original: str) -> None:
    assert 0 <= span.start <= span.end <= len(original), span


def check_mapped(text: MappedText, original: str) -> None:
    """Each character comes from its place in the original, in order, as itself or its fold."""
    assert text.original is original or text.original == original
    assert len(text.index) == len(text.text)
    assert all(a < b for a, b in zip(text.index, text.index[1:]))
    expected = "".join(folded(original[at]) for at in text.index)
    # a column gap's first space reads as a tab, a cell's edge (text._column_gaps)
    assert all(a == b or (a == "\t" and b == " ") for a, b in zip(text.text, expected))
    if len(text):
        check_span(text.span(), original)
        assert visible(text.quote()) == visible(text.display)


def check_outline(outline: Outline, name: str) -> None:
    original = outline.text.original
    lines = len(re.findall("\r\n|\r|\n", original)) + 1
    check_mapped(outline.text, original)
    check_mapped(outline.preamble_text, original)
    items = list(outline.walk())
    top = any(i.ordinal >= (50 if i.style == "circled" else 999) for i in items)  # no number left to file under
    assert len({i.path for i in items}) == len(items) or top
    for item in items:
        check_mapped(item.body, original)
        check_span(item.span, original)
        assert 1 <= item.line <= lines
        if len(item.body):
            assert item.span.start <= item.body.span().start and item.body.span().end <= item.span.end
        for child in item.children:
            assert item.span.start <= child.span.start and child.span.end <= item.span.end
    for annex in outline.annexes:
        check_span(annex.span, original)
        for row in annex.rows:
            check_span(row.span, original)
            assert 1 <= row.line <= lines
            for cell, text in zip(row.cells, row.texts):
                check_mapped(text, original)
                assert visible(cell) == visible(text.display)
    for date in outline.metadata.dates:
        check_span(date.span, original)
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", date.date)
    for problem in outline.problems:
        assert problem.file == name and problem.message
        assert problem.line is None or 1 <= problem.line <= lines


# -- properties -------------------------------------------------------------------------------


@FUZZ
@given(documents(rough=False), st.sampled_from(ENCODINGS), st.sampled_from(ENDINGS))
def test_reader_gives_back_the_text_in_every_encoding_and_line_end(text, encoding, ending):
    path = write(text, encoding, ending)
    source = read_source(path)
    shown = text.replace("<b>", "").replace("</b>", "")  # the names' HTML markup reads as its text
    assert source.text == shown.replace("\n", ending)
    assert [p for p in source.problems if "traditional" in p.message] == []


def read_or_reject(text: str, encoding: str, ending: str):
    """The outline of the document written in that encoding, or None when the reader refuses it
    with a CorpusError naming the file (the only exception allowed to escape)."""
    try:
        return read_outline(write(text, encoding, ending))
    except CorpusError as err:
        assert err.file == "doc.txt" and err.message
        return None


@FUZZ
@given(documents(), st.sampled_from(ENCODINGS), st.sampled_from(ENDINGS))
def test_outline_spans_lie_in_the_text_and_quotes_are_exact(text, encoding, ending):
    outline = read_or_reject(text, encoding, ending)
    if outline:
        check_outline(outline, "doc.txt")


@FUZZ
@given(documents(), st.sampled_from(ENCODINGS), st.sampled_from(ENDINGS))
@example(  # two items numbered ①: one path, so the graph merged them (now filed as ① and ②)
    text="\n驻马店市人民政府关于加快推进产业集群发展的通知\n\n\n\n①加快推进产业集群发展。\n①加快推进产业集群发展。"
    "市发改委、经济开发区分别牵头成立加快推进产业集群发展、加快推进产业集群发展工作专班。",
    encoding="utf-8",
    ending="\n",
)
@example(  # a space inside a number: "299 9-191家" is 299 and the range 9-191
    text="驻马店市方案\n一、主要目标\n到２０２４年，专精特新企业达到299 9-191家。"
    "规模以上工业增加值年均增长0-1 1%以上。\n",
    encoding="gb18030",
    ending="\r\n",
)
def test_extractors_quote_what_the_text_says(gazetteer, text, encoding, ending):
    outline = read_or_reject(text, encoding, ending)
    if outline is None:
        return
    record = extract(outline, gazetteer)
    original = outline.text.original
    paths = {item.path for item in outline.walk()}
    for assignment, agency in record.assignments:
        check_span(assignment.quote, original)
        check_span(assignment.agency.span, original)
        mention = assignment.agency
        assert visible(original[mention.span.start : mention.span.end]) == visible(mention.written)
        assert assignment.quote.start <= mention.span.start and mention.span.end <= assignment.quote.end
        assert assignment.path is None or assignment.path in paths
        assert agency.iri and agency.label_zh
    for t in record.targets:
        check_span(t.quote, original)
        printed = original[t.quote.start : t.quote.end]
        quote = visible(printed)
        # A number is read across a page break or invisible character, not across a space.
        spaced = re.sub("[\n\u200b\u200c\u200d\u2060\ufeff]", "", "".join(map(folded, printed)))
        numbers = {float(n) for n in _NUMBER.findall(quote) + _NUMBER.findall(spaced)}
        if t.value is not None and not quote.endswith(("倍增", "全覆盖")):
            assert t.value in numbers, (t, quote)
        if t.value_min is not None:
            assert {t.value_min, t.value_max} <= numbers, (t, quote)
        if t.category:
            assert visible(t.category) in quote
        assert t.path in paths or t.path.startswith("附件")
    for citation in record.citations:
        check_span(citation.quote, original)
        said = citation.title or citation.number  # a document cited by its number alone has no title
        assert said and visible(said) in visible(original[citation.quote.start : citation.quote.end])
    items = {item.path: item for item in outline.walk()}
    for path, found in record.mentions.items():
        for f in found:
            assert 0 <= f.start < f.end <= len(items[path].body.text)
