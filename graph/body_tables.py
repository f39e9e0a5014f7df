"""Tables in the body of a document: a caption (表1 标题, 表一, 附表2 标题, a plan's box 专栏1 标题),
then the cells one per line as text extraction flattens them (or a row per line, tab-separated),
then the body resumes; or, with no caption, rows between pipes, as converters print a table
(序号 | 重点任务 | 牵头单位), rows between tabs under a header that numbers them, or cells a line
each under a header printed so (序号 / 重点任务 / 牵头单位, :func:`annex.stacked_table`), and the
notes below them.

The table runs from its caption to the first sign that prose is back: a numbered heading, the next
caption (表N, 图N), an annex, a sentence (ending in 。!?) or, once notes below the table (注:,
资料来源:) have begun, anything else. A sentence is a cell only where a row awaits it: a numbered
row that still lacks cells (1 | 任务类型 | 区建设管理委负责…。), or the name it says something about
in a table whose rows hold sentences (远香湖中央活动区 | 结合…,打造…。). Its cells are read as an annex
table's are (:func:`annex.read_table`), on behalf of the item whose text holds it: its rows become
that item's tasks and targets rather than sentences of its prose.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from dataclasses import dataclass

from policykg.graph.annex import is_figure, is_name_cell, is_note, numbered_header, read_table, table_rows
from policykg.graph.mapped import MappedText
from policykg.graph.numbering import match_marker
from policykg.graph.outline import Line, split_lines
from policykg.graph.records import Annex, Item, Outline, Span
from policykg.graph.text import LineIndex

_NUMBER = r"\s*(?:\d{1,2}(?:[-.]\d{1,2})?|[一二三四五六七八九十]{1,3})(?![\d.、])"
# 专栏: the box of a plan (专栏1 “十四五”…主要指标), which holds its indicator table
_CAPTION = re.compile(rf"(?P<label>(?:附表|表|专栏){_NUMBER})\s*:?\s*(?P<title>[^,;。!?]{{0,40}})")
_CAPTION_START = re.compile(rf"^\s*(?:#+\s*)?(?:附表|表|专栏){_NUMBER}", re.M)  # a line that may be a caption
_FIGURE = re.compile(rf"图{_NUMBER}")
_STACKED_HEADER = re.compile(
    r"^\s*\S{0,4}(?:序|编)号\s*\n(?:\s*\n)?\s*\S{1,12}\s*$", re.M
)  # 序号 / 重点任务, a cell to the line
_SENTENCE_END = ("。", "!", "?")


@dataclass(frozen=True)
class BodyTable:
    """A table printed in the body, and the item whose text holds it."""

    home: str  # the item's path
    table: Annex


# The last outline's tables, which the readers of its responsibilities, targets, deadlines and task
# tables each ask for: read once. Held with a weak reference, so that an outline made at the address
# of one gone is read anew.
_last: tuple[weakref.ref, tuple[BodyTable, ...]] | None = None


def body_tables(outline: Outline) -> list[BodyTable]:
    """Every table of the body, in document order: those under a caption, and those printed a row
    to the line between pipes with none over them (三、重点任务分工, then 序号 | 重点任务 | 牵头单位…)."""
    global _last
    if _last is None or _last[0]() is not outline:
        _last = (weakref.ref(outline), tuple(_body_tables(outline)))
    return list(_last[1])


def _body_tables(outline: Outline) -> list[BodyTable]:
    doc = outline.text
    items = list(outline.walk())
    if not items or not (
        _CAPTION_START.search(doc.text) or _STACKED_HEADER.search(doc.text) or "|" in doc.text or "\t" in doc.text
    ):
        return []
    lines = split_lines(doc)
    index = LineIndex(doc.original)
    starts = [item.line for item in items]
    found: list[tuple[int, BodyTable]] = []
    captions = [(i, m) for i, ln in enumerate(lines) if (m := _CAPTION.fullmatch(ln.text(doc).strip()))]
    rows = table_rows([ln.text(doc) for ln in lines])
    annexed = [(a.line, _last_line(a, index)) for a in outline.annexes]
    for at in [*(at for at, _ in captions), *_row_runs(doc, lines, rows)]:
        k = bisect_right(starts, lines[at].number) - 1
        if k < 0 or any(first <= lines[at].number <= last for first, last in annexed):
            continue  # before the first item (the preamble holds no tables), or an annex's table
        limit = starts[k + 1] if k + 1 < len(items) else _last_line(items[k], index) + 1
        if lines[at].number >= limit:
            continue  # after the body: an annex's
        stop = next((j for j in range(at, len(lines)) if lines[j].number >= limit), len(lines))
        caption = _CAPTION.fullmatch(lines[at].text(doc).strip())
        table = _table(doc, lines, at, stop, caption, index) if caption else _rows(doc, lines, rows, at, stop, index)
        if table is not None:
            found.append((at, BodyTable(items[k].path, table)))
    return [table for _, table in sorted(found, key=lambda found: found[0])]


def _row_runs(doc: MappedText, lines: list[Line], rows: set[int]) -> list[int]:
    """The first lines of the runs of rows (blank lines between them allowed) that no caption
    stands over."""
    runs, last, above = [], None, ""
    for i, line in enumerate(lines):
        text = line.text(doc).strip()
        if not text:
            continue
        if i in rows:
            if last is None and not _CAPTION.fullmatch(above):
                runs.append(i)
            last = i
        else:
            last, above = None, text
    return runs


def _rows(doc: MappedText, lines: list[Line], rows: set[int], at: int, stop: int, index: LineIndex) -> Annex | None:
    """The table printed a row to the line from ``at`` (None when it has not a header and a row of
    two cells or more), with the notes right below it (注:…)."""
    end, noted = at, False
    for j in range(at, stop):
        text = lines[j].text(doc).strip()
        if not text:
            continue
        if (noted or j not in rows) and not is_note(text):
            break
        end, noted = j, noted or is_note(text)
    region = lines[at : end + 1]
    rows_read, notes = read_table(doc, region, index)
    if len(rows_read) < 2 or len(rows_read[0].cells) < 2:
        return None
    span = Span(doc.span(region[0].start, region[0].end).start, doc.span(region[-1].start, region[-1].end).end)
    return Annex("表", None, tuple(rows_read), tuple(notes), span, lines[at].number)


def _last_line(item: Item | Annex, index: LineIndex) -> int:
    """The last line of an item's own text (of the last item: the body ends there), or an annex's."""
    return max(item.line, index.line(max(item.span.end - 1, item.span.start)))


def _table(doc: MappedText, lines: list[Line], at: int, stop: int, caption: re.Match, index: LineIndex) -> Annex | None:
    """The table under the caption on line ``at`` (None when no table of two rows follows it)."""
    region = _region(doc, lines[at + 1 : stop])
    if not region:
        return None
    rows, notes = read_table(doc, region, index)
    if len(rows) < 2 or len(rows[0].cells) < 2:
        return None
    head = lines[at]
    label = re.sub(r"\s", "", caption.group("label"))
    span = Span(doc.span(head.content, head.end).start, doc.span(region[-1].start, region[-1].end).end)
    return Annex(label, caption.group("title").strip() or None, tuple(rows), tuple(notes), span, head.number)


def _region(doc: MappedText, lines: list[Line]) -> list[Line]:
    """The lines of a table's cells and notes, up to where the prose resumes."""
    region: list[Line] = []
    rows = _Cells()
    noted = False  # notes below the table have begun
    k = 0
    while k < len(lines):
        j = k + 1 if lines[k].text(doc).strip() else k
        # a piece runs to a blank line, or to the notes printed right under the rows (注：1.…。)
        while j < len(lines) and lines[j].text(doc).strip() and not is_note(lines[j].text(doc).strip()):
            j += 1
        if j == k:
            k += 1
            continue
        piece = "".join(ln.text(doc).strip() for ln in lines[k:j])
        if _ends_table(piece, rows, noted):
            break
        noted = noted or (bool(rows.pieces) and is_note(piece))
        if not is_note(piece):
            rows.add(piece)
        region += lines[k:j]
        k = j
    return region


class _Cells:
    """The cells of a table so far (runs of lines between blank lines) and, in a table of
    numbered rows, how many the last row has printed."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.header: tuple[int, int] | None = None  # width and number column of a numbered table's header
        self.number = 0  # the last row number
        self.printed = 0  # the cells of its row from the number on

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        if self.header is None and piece == "1":
            self.header = numbered_header(self.pieces)
        if self.header is not None and piece in (str(self.number + 1), "1"):
            self.number, self.printed = int(piece), 1
        else:
            self.printed += 1

    def sentence_is_cell(self) -> bool:
        """Whether a sentence next is a cell: in a table of numbered rows, while the last row lacks
        cells; in another, after a name in a table whose rows hold sentences (one already, or no
        figure yet)."""
        if self.header is not None:
            width, number = self.header
            return self.printed < width - number
        pieces = self.pieces
        of_sentences = any(map(_is_sentence, pieces)) or not any(map(is_figure, pieces))
        return bool(pieces) and of_sentences and is_name_cell(pieces[-1])


def _ends_table(piece: str, cells: _Cells, noted: bool) -> bool:
    """Whether a piece is the prose after a table rather than one of its cells or notes."""
    if _CAPTION.fullmatch(piece) or _FIGURE.match(piece) or match_marker(piece) or piece.startswith(("附件", "附表")):
        return True
    if noted or is_note(piece):
        return noted and not is_note(piece)
    return _is_sentence(piece) and not cells.sentence_is_cell()


def _is_sentence(piece: str) -> bool:
    return piece.endswith(_SENTENCE_END) and not is_note(piece)
