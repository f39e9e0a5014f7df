"""Reading bytes into text and normalising it without losing the way back to the original."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.errors import CorpusError
from policykg.graph.text import clean, decode, normalize

SAMPLE = "（一）强化科技和人才支撑。坚持企业创新主体地位，（责任单位：市科技局、市工信局）\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16-bom"],
)
def test_decodes_each_encoding_to_the_same_text(data, encoding):
    text, used = decode(data, "doc.txt")
    assert text == SAMPLE
    assert used == encoding


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty file"),
        (b"  \n\r\n\t ", "empty file"),
        (bytes(range(256)) * 4, "binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\x01\x02\x03\x04abc\x05" * 50, "binary file"),
    ],
    ids=["empty", "blank", "all-bytes", "png", "control-chars"],
)
def test_rejects_what_is_not_a_document(data, message):
    with pytest.raises(CorpusError) as err:
        decode(data, "bad.txt")
    assert str(err.value).startswith("bad.txt")
    assert message in str(err.value)


def test_normalises_widths_spacing_and_line_ends():
    norm = normalize("（二） 主要目标 ：工 作 方 案\r\n项目 600 个\u3000以上")
    assert norm.text == "(二)主要目标:工作方案\n项目600个以上"


def test_keeps_the_space_between_two_numbers_in_either_width():
    """Regression: full-width digits counted as punctuation, so "１２ ３４" read as one number 1234."""
    assert normalize("１２ ３４").text == normalize("12 34").text == "12 34"
    assert normalize("项目 ６００ 个").text == "项目600个"


def test_keeps_the_space_that_separates_two_names():
    norm = normalize("中共濮阳市委办公室 濮阳市人民政府办公室 关于印发")
    assert norm.text == "中共濮阳市委办公室 濮阳市人民政府办公室 关于印发"


def test_display_keeps_the_printed_widths():
    norm = normalize("（三）建设制造业创新高地。")
    assert norm.text.startswith("(三)")
    assert norm.display.startswith("（三）")


# Documents are Chinese prose with mixed punctuation, spaces of several kinds and CR/LF.
chinese_text = st.text(
    alphabet=st.sampled_from(
        list("市发改委工信局科技推进高质量发展一二三1234567890（）()：:，,。、 \u3000\t\n\r《》“”")
    ),
    max_size=200,
)


@given(chinese_text)
def test_every_normalised_character_maps_back_to_the_same_character(text):
    norm = normalize(text)
    assert len(norm.index) == len(norm.text)
    assert list(norm.index) == sorted(set(norm.index))  # order kept, nothing duplicated
    for ch, at in zip(norm.display, norm.index):
        original = text[at]
        assert ch == original or (original in "\r\u3000\xa0" and ch in "\n ")


@given(chinese_text, st.data())
def test_quotes_of_spans_are_exact(text, data):
    norm = normalize(text)
    if not norm.text:
        return
    start = data.draw(st.integers(0, len(norm.text) - 1))
    end = data.draw(st.integers(start + 1, len(norm.text)))
    span = norm.span(start, end)
    assert norm.quote(start, end) == text[span.start : span.end]
    assert span.start == norm.index[start] and span.end == norm.index[end - 1] + 1


def test_html_markup_copied_from_a_page_s_source_reads_as_what_it_stands_for():
    """<br> and <p> break lines, <td> separates cells, <span> is nothing, &nbsp; is a space and
    &lt; its character, with a warning naming the line of the first; a title in angle brackets
    (<本市…的实施意见>) is no markup."""
    source = (
        "关于印发<本市推进海绵城市建设的实施意见>的通知<br>\n"
        "&nbsp;&nbsp;一、<span style='font-weight:bold'>主要目标</span><br/>"
        "<p>到2025年，达标面积占比&gt;40%。</p><table><tr><td>序号</td><td>任务</td></tr></table>"
    )
    text, problems = clean(source, "page.txt")
    assert text == (
        "关于印发<本市推进海绵城市建设的实施意见>的通知\n\n"
        "  一、主要目标\n\n到2025年，达标面积占比>40%。\n\n\n\t序号\t任务\n\n"
    )
    assert [(p.line, p.severity) for p in problems] == [(1, "warning")]
    assert "17 HTML tags and entities" in problems[0].message
    assert clean("关于印发<本市推进海绵城市建设的实施意见>的通知", "page.txt") == (
        "关于印发<本市推进海绵城市建设的实施意见>的通知",
        [],
    )


@pytest.mark.parametrize(
    "line, read",
    [
        ("—、总体要求", "一、总体要求"),
        ("（—）加强组织领导。", "(一)加强组织领导。"),
        ("(－)加强组织领导。", "(一)加强组织领导。"),
        ("第—条 为了规范管理，制定本办法。", "第一条 为了规范管理,制定本办法。"),
        ("十—、强化保障", "十一、强化保障"),
    ],
)
def test_a_dash_ocr_read_for_one_in_an_item_s_marker_is_one(line, read):
    assert normalize(line).text == read
    assert normalize(line).display == line  # as printed


@pytest.mark.parametrize("line", ["—加强组织领导", "——、总体要求", "目标—、任务", "1-2、推进"])
def test_a_dash_elsewhere_stays_a_dash(line):
    assert "一" not in normalize(line).text


def test_tabs_indenting_every_paragraph_go_but_a_table_s_empty_cells_stay():
    indented = "\t一、总体要求\n\t为推进工作，制定本方案。\n\t（一）加强领导。\n\t（二）强化保障。\n"
    assert normalize(indented).text == "一、总体要求\n为推进工作,制定本方案。\n(一)加强领导。\n(二)强化保障。\n"
    cells = "为推进工作，制定本方案。\n一、加强领导。\n二、强化保障。\n序号\n\t1\n\t做强特色主导产业\n\t市发改委\n"
    assert normalize(cells).text.count("\t") == 3  # a table printed a cell a line


def test_paragraphs_run_into_one_line_are_broken_at_their_indents():
    indent = "\u3000\u3000"
    line = f"{indent}一、总体要求{indent}建成基站6万个。{indent}二、重点任务{indent}（一）加快网络建设。推进覆盖。\n"
    assert normalize(line).text == "一、总体要求\n建成基站6万个。\n二、重点任务\n(一)加快网络建设。推进覆盖。\n"
    row = f"序号{indent}重点任务{indent}牵头单位{indent}完成时限\n"
    assert normalize(row).text == "序号\t重点任务\t牵头单位\t完成时限\n"  # a table's row aligned by spaces


@pytest.mark.parametrize(
    "spaced, read",
    [
        ("到2 0 2 5年建成1 2 0 0个", "到2025年建成1200个"),
        ("吉政发〔2 0 2 4〕1 1号", "吉政发〔2024〕11号"),
        ("1 0.发展智慧农业", "10.发展智慧农业"),
        ("12 34", "12 34"),  # two numbers
        ("序号 1 2 3", "序号1 2 3"),  # a table's numbers
    ],
)
def test_a_number_letter_spaced_digit_by_digit_is_one_number(spaced, read):
    assert normalize(spaced).display == read
