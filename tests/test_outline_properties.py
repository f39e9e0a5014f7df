"""Properties of the outline parser: numbering round-trips; reflowing text changes nothing."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, DEV_CORPUS, DOCUMENTS, fold
from policykg.graph.extract import extract_document
from policykg.graph.lineage import outline_citations
from policykg.graph.numbering import cn_to_int, format_segment, int_to_cn, match_marker, parse_segment
from policykg.graph.outline import is_heading, is_prose, parse_outline, starts_block
from policykg.graph.records import SourceText
from policykg.graph.text import clean, normalize


@given(st.integers(1, 999))
def test_chinese_numerals_round_trip(n):
    assert cn_to_int(int_to_cn(n)) == n


@given(
    st.integers(1, 99),
    st.sampled_from(["{cn}、", "（{cn}）", "({cn})", "{n}.", "{n}、", "{n}．", "（{n}）", "({n})"]),
)
def test_markers_round_trip(n, template):
    printed = template.format(cn=int_to_cn(n), n=n)
    marker = match_marker(normalize(printed + "加快项目建设。").text)
    assert marker is not None and marker.ordinal == n
    assert marker.segment == format_segment(marker.style, n)
    assert parse_segment(marker.segment) == (marker.style, n)


@cache
def _source(stem: str) -> str:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


def _shape(text: str):
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    return (
        [(i.path, fold(i.title), fold(i.text)) for i in outline.walk()],
        [[fold(c) for c in r.cells] for a in outline.annexes for r in a.rows],
        fold(outline.metadata.title),
        len(outline.problems),
    )


def _splittable(text: str, at: int, body: tuple[int, int]) -> bool:
    """Could a page break fall here without making the split text ambiguous to any reader?"""
    if not body[0] < at < body[1] or text[at - 1] == "\n" or text[at] == "\n":
        return False
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    prefix = normalize(text[line_start:at]).text.rstrip()
    suffix = normalize(text[at : len(text) if line_end < 0 else line_end]).text.strip()
    marker = match_marker(prefix)
    prefix = prefix[marker.end :] if marker else prefix  # the parser reads a heading without its number
    return bool(
        prefix
        and not (marker and is_heading(prefix))  # a short numbered line is a heading on its own line
        and suffix
        and "\t" not in text[line_start:at]
        and not prefix.startswith("#")
        and is_prose(prefix)
        and prefix[-1] not in "。!?;:)】》〕"
        and not starts_block(suffix)
    )


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stem=st.sampled_from(DOCUMENTS), data=st.data())
def test_page_breaks_and_spacing_do_not_change_the_outline(stem, data):
    text = _source(stem)
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    items = list(outline.walk())
    body = (items[0].span.start, items[-1].span.end)
    candidates = [i for i in range(body[0], body[1]) if _splittable(text, i, body)]
    cuts = sorted(set(data.draw(st.lists(st.sampled_from(candidates), max_size=8))), reverse=True)
    reflowed = text
    for at in cuts:
        reflowed = reflowed[:at] + data.draw(st.sampled_from(["\n\n", "\n", "\n\n \n\n", "\r\n\r\n"])) + reflowed[at:]
    if data.draw(st.booleans()):
        reflowed = reflowed.replace("，", " ， ").replace("。", "。 ")
    assert _shape(reflowed) == _shape(text)


def test_a_page_break_in_the_last_clause_is_not_taken_for_the_signature():
    """Regression: a split line "批政务信息管理局、…)" before the 印发 block was cut off as a signature."""
    text = _source("puyang-2023-manufacturing-doubling")
    at = text.index("市行政审批") + len("市行政审")
    assert _shape(text[:at] + "\n\n" + text[at:]) == _shape(text)


def _hard_wrapped(text: str, width: int = 28) -> str:
    """The text as a PDF of a 公文 gives it: 28 characters to the line (GB/T 9704). A table's row
    (cells between tabs or pipes) and a scraped web page's metadata field (名 称: …) are no line
    of a PDF's text and stay whole."""
    whole = re.compile(r"[\t|]|^\s*[\u4e00-\u9fff ]{2,6}:")
    return "\n".join(
        piece
        for line in text.splitlines()
        for piece in (
            [line] if whole.search(line) else [line[i : i + width] for i in range(0, max(len(line), 1), width)]
        )
    )


def _read(text: str):
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    meta = outline.metadata
    citations = [(c.title, c.number, c.relation) for c in outline_citations(outline, outline.preamble_text)]
    dates = [(d.date, d.kind) for d in meta.dates]
    return [i.path for i in outline.walk()], (meta.title, meta.enclosed_title, meta.document_number, dates), citations


ALL = sorted([*CORPUS.glob("*.txt"), *DEV_CORPUS.glob("*.txt")])


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_a_text_hard_wrapped_as_a_pdf_prints_it_reads_as_the_flowing_one(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    wrapped = _hard_wrapped(text)
    assert _read(wrapped) == _read(text)
    (tmp_path / path.name).write_text(wrapped, encoding="utf-8")
    assert _extracted(tmp_path / path.name) == _extracted(path)


# How a page's number comes out of a PDF: GB/T 9704's dashes, ASCII or full-width, or 第N页;
# with a form feed, or blank lines on one side.
PAGE_NUMBERS = ("— {} —", "-{}-", "第 {} 页 共 40 页", "－{}－\f", "\n— {} —", "- {} -\n")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_page_numbers_of_a_pdf_s_text_are_no_part_of_it(path, tmp_path):
    """A 公文's page holds 22 lines of 28 characters (GB/T 9704); its number, wherever it falls
    (mid-sentence, mid-table), is dropped and the text reads as the flowing one."""
    text = path.read_text(encoding="utf-8")
    form = PAGE_NUMBERS[ALL.index(path) % len(PAGE_NUMBERS)]
    lines = _hard_wrapped(text).split("\n")
    paged = "\n".join(
        line + ("\n" + form.format(n // 22 + 1) if n % 22 == 0 else "") for n, line in enumerate(lines, 1)
    )
    assert paged.count(form.format(2)) == 1
    assert _read(clean(paged, path.name)[0]) == _read(text)
    (tmp_path / path.name).write_text(paged, encoding="utf-8")
    assert _extracted(tmp_path / path.name) == _extracted(path)


def _extracted(path: Path):
    doc = extract_document(path)
    assignments = [(a.path, a.role, agency.iri) for a, agency in doc.assignments]
    return assignments, [(t.path, t.indicator, t.kind, t.value, t.unit, t.year) for t in doc.targets]


LOOKALIKE = {unicodedata.normalize("NFKC", chr(code)): chr(code) for code in range(0x2F00, 0x2FD6)}


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_a_pdf_font_s_look_alike_characters_read_as_their_ideographs(path, tmp_path):
    """Text taken from a PDF often gives 一 as the Kangxi radical ⼀ (U+2F00), 工 as ⼯: every
    character that has such a look-alike written so, the document reads as it is."""
    text = path.read_text(encoding="utf-8")
    pdf = "".join(LOOKALIKE.get(ch, ch) for ch in text)
    assert pdf != text
    cleaned, problems = clean(pdf, path.name)
    assert [p.message.split(" ")[1:3] for p in problems][:1] == [["look-alike", "characters"]]
    assert _read(cleaned) == _read(text)
    (tmp_path / path.name).write_text(pdf, encoding="utf-8")
    assert _extracted(tmp_path / path.name) == _extracted(path)


# An item's number set apart from its mark, as text taken from a PDF gives it: 1 . 开展, 一 、总体要求,
# （ 一 ）, 第 一 条
_MARKS = re.compile(r"^([ \t]*)(\d{1,3}|[一二三四五六七八九十]+)([.．、])(?!\d)", re.M)
_AROUND = re.compile(r"^([ \t]*)([（(]|第)([一二三四五六七八九十百]+|\d{1,3})([）)]|条)", re.M)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_an_item_s_number_set_apart_from_its_mark_reads_as_it_is(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    spaced = _AROUND.sub(r"\1\2 \3 \4", _MARKS.sub(r"\1\2 \3 ", text))
    assert spaced != text
    assert _read(spaced) == _read(text)
    (tmp_path / path.name).write_text(spaced, encoding="utf-8")
    assert _extracted(tmp_path / path.name) == _extracted(path)
