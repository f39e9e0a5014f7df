"""Annex tables (附件), and tables in the body (:mod:`body_tables`), as rows of cells, in the two
layouts text extraction gives and in Markdown's.

- Tab layout: each cell opens with a tab; a line without a tab continues the cell above (text
  set vertically in a narrow cell, "一\\n\\n星"); a blank line before a tab line starts a new row.
- One cell per line: cells are separated by one blank line, so an empty cell shows as an extra
  blank line (or not at all); or by none, as a PDF's text gives them, a cell that wraps known by
  its row holding more lines than columns. A cell whose text wraps may come in pieces, a cell
  spanning several rows is printed once (the rows below it have fewer cells), and the header row
  is repeated after a page break. Rows are cut at their numbers (序号 1, 2, 3 … in sequence, group
  numbers 一, 二 …) and, in tables without numbers, where a name follows the figures (a row's names
  come first);
  a header of two levels (建设年限 over 2021 … 2025; 面积 over 片区 | 总计) is merged into one row
  of leaf columns, and a last row opening with 备注 holds the table's remarks. In a table whose
  rows are a name and a sentence (远香湖中央活动区 | 结合…。), the header is as wide as the period
  at which the sentences recur.

- Markdown: a row per line, cells between pipes, a rule (|---|) under the header.

:func:`grid` gives every row one cell per column, a spanning cell carried down to the rows it spans.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations
from typing import TYPE_CHECKING

from policykg.errors import Problem
from policykg.graph.mapped import MappedText
from policykg.graph.numbering import PAIR, int_to_cn, match_marker
from policykg.graph.records import Annex, AnnexRow, Span
from policykg.graph.text import HAN, LineIndex, is_han

if TYPE_CHECKING:
    from policykg.graph.outline import Line

# A note printed with a table: its unit, remarks, sources, a form's notes on filling it in (填表说明) and
# the lines a form leaves to fill in above it (填报单位（盖章）：, 填报日期：)
_NOTE = re.compile(
    r"(单位|注|备注|(?:填表|填报|填写)?说明|资料来源|数据来源|(?:填报|填表|推荐|申报|报送)(?:单位|人|日期|时间)(?:\(盖章\))?)\s*:"
)
_INDEX = re.compile(r"\d{1,3}|[一二三四五六七八九十]{1,3}")
_HEAD_MAX = 12
_NAME_MAX = 30  # a column's name after the number column, up to the first row's number
_UNIT = re.compile(r"\([^()]{1,12}\)")  # a unit or note in brackets under a header: (万m2), (公顷)
_LISTED = re.compile(r"(\d{1,2})[.、](?!\d)")  # a measure a cell lists: 1.…, 2、…
_RUNS_ON = ("、", ",")  # a list that a line break cuts: "嘉定区、青浦区政府," / "临港新片区管委会"
_NUMBER_COLUMN = re.compile(r"(序|编)号$")
# the label of a form's sample row (示例 | XX公司…项目 | …), printed where the rows' numbers go: a row
# showing how to fill the form in, not one of its entries
SAMPLE = re.compile(r"(?:填写|填报|填表)?(?:示例|样例|范例|举例|例)\d?\s*:?")
_BODIES_COLUMN = re.compile(r"(单位|部门|主体)$")
UNIT_COLUMN = re.compile(r"(?:计量)?单位")  # a column of each row's unit (指标 | 单位 | 目标值), not of bodies
# what a column of bodies' cells end in: a body's last word, and the places (各区, 浦东新区) and actors
# (企业, 高校, 商业银行) a table charges as well
_BODY = re.compile(
    r"(局|委|办|厅|部|队|院|所|站|段|署|处|中心|公司|集团|企业|大学|学校|政府|会|联|协|办公室|街道|街镇|镇|乡|区|县|单位|部门|主体|银行|社)$"
)
_NUMBER = re.compile(r"[\d.,%]+")
_MARK = re.compile(r"[/—\-√✓]+")  # "/" (not applicable), a tick: at home in any column
_UNIT_WORD = r"[万亿千]?(?:元|人|个|座|家|吨|亩|公顷|平方米|平方公里|m2|㎡|米|km|公里|千米|%)"
_MEASURE = r"长度|宽度|面积|里程|规模|数量|总量|投资|金额|资金|产值|容量"
# a unit in brackets under the name ("面积(公顷)"), or a measure over its unit (长度 over 千米)
# ... or per time (项目(个/年))
_QUANTITY_COLUMN = re.compile(rf"\({_UNIT_WORD}(?:/(?:年|季度?|月|日|天))?\)$|(?:{_MEASURE}){_UNIT_WORD}$")
_YEAR = re.compile(r"(?:19|20)\d\d年?")
_SUBHEADING = re.compile(rf"{_YEAR.pattern}|{_UNIT_WORD}")  # a lower header level: years, a unit
_TIME_NAME = re.compile(r"年限|年份|年度|时间|进度|计划|安排")  # a header over years
_MEASURE_NAME = re.compile(rf"(?:{_MEASURE})$")  # a header over a unit
_GROUP_FIGURE = re.compile(r"人口|户数")  # a figure of the place a group of rows is about
_TOTAL = re.compile(r"[合小总]计")  # a total row: it starts with its label, whatever the row above lacks
_ROW_START = re.compile(rf"{_INDEX.pattern}|{_TOTAL.pattern}")  # numbers the header did not name
_PART = re.compile(rf"[{HAN}]{{1,4}}")  # a lower header cell naming a part: 片区, 新建, 合计
_REMARK = re.compile(r"备注|说明|注")  # a last row of remarks, opened by its label
_TEXT, _BODIES, _NUMERIC, _SHARED = "text", "bodies", "number", "shared"
_FIGURES = (_NUMERIC, _SHARED)
_PIPE_RULE = re.compile(r"[|:\-\s]*-[|:\-\s]*")  # the rule under a Markdown header: |---|:--:|

Cell = MappedText


def _row(cells: list[Cell], lines: LineIndex) -> AnnexRow:
    pieces = [c for c in cells if len(c)]
    start = cells[0].span().start if not pieces else pieces[0].span().start
    end = start if not pieces else pieces[-1].span().end
    return AnnexRow(tuple(c.display.strip() for c in cells), Span(start, end), lines.line(start), tuple(cells))


def _tab_layout(doc: MappedText, region: list[Line]) -> tuple[list[list[Cell]], list[str]]:
    """Rows of cells between tabs (or a PDF's column gaps). A line of one piece continues a cell of
    the row above: the one whose column it starts under (a wrapped cell of a table aligned in spaces),
    else the last."""
    rows: list[list[Cell]] = []
    notes: list[str] = []
    blank_before = True
    texts = [doc.text[ln.start : ln.end] for ln in region]
    for i, ln in enumerate(region):
        text = texts[i]
        if len(rows) > 1 and not blank_before and _breaks_on(text, len(rows[-1]), len(rows[0])):
            lead = 1 if text.startswith("\t") else 0  # a line break inside a cell: this line ends it,
            at = ln.start + lead  # its tabs open the row's next cells
            for k, part in enumerate(text[lead:].split("\t")):
                piece = doc[at : at + len(part)].strip()
                if k == 0:
                    rows[-1][-1] = rows[-1][-1] + piece
                else:
                    rows[-1].append(piece)
                at += len(part) + 1
        elif _is_tab_row(text) or _opens_row(text):
            if not rows or blank_before or not text.startswith("\t"):
                rows.append([])
            lead = 1 if text.startswith("\t") else 0
            at = ln.start + lead
            for part in text[lead:].split("\t"):
                rows[-1].append(doc[at : at + len(part)].strip())
                at += len(part) + 1
            blank_before = False
        elif not text.strip():
            blank_before = True
        elif _NOTE.match(text):
            notes.append(doc[ln.start : ln.end].display)
        elif rows and (cells := _spaced_row(text, len(rows[0]))):
            rows.append([doc[ln.start + a : ln.start + b] for a, b in cells])
            blank_before = False
        elif rows and _merged_group_row(texts, i):  # a group row's merged cell: a row of its own
            rows.append([doc[ln.start : ln.end].strip()])
            blank_before = False
        elif rows and rows[-1]:
            piece = doc[ln.start : ln.end].strip()
            k = _column_under(rows[-1], piece)
            rows[-1][k] = rows[-1][k] + piece
            blank_before = False
    return rows, notes


_SPACED_ROW = re.compile(r"(\d{1,3})[.、]?\s*")


def _spaced_row(text: str, width: int) -> list[tuple[int, int]] | None:
    """The cells (start, end) of a numbered row whose cells a paste left apart by single spaces, not
    tabs (5.组织诊断服务 县工信局 县市场监管局 持续推进), when they are as many as the header's."""
    number = _SPACED_ROW.match(text)
    if not number or " " not in text.strip():
        return None
    cells, at = [number.span(1)], number.end()
    for part in text[at:].split(" "):
        if part:
            cells.append((at, at + len(part)))
        at += len(part) + 1
    return cells if len(cells) == width else None


def _opens_row(line: str) -> bool:
    """A numbered row whose cell breaks after its first cells (2	提升平台服务能力，): a row between
    tabs, however few its tabs."""
    first, tab, _ = line.partition("\t")
    return bool(tab) and bool(_INDEX.fullmatch(first.strip().rstrip(".、")))


def _breaks_on(line: str, have: int, width: int) -> bool:
    """Whether ``line`` goes on with a row of ``have`` cells, short of the header's ``width``: a table
    copied from a word processor or a web page keeps a line break inside a cell, so the line ends
    that cell and its tabs open the row's next cells, up to the header's width. A line that opens
    a row of its own (its number, a group row 二、…) does not; a line opening with a tab (its cells
    each after one) does only when its cells would overfill the row by one, the first ending the
    cell broken."""
    if "\t" not in line or have >= width:
        return False
    if line.startswith("\t"):
        return have + line.count("\t") - 1 == width
    first = line.partition("\t")[0].strip()
    return have + line.count("\t") <= width and not (_opens_row(line) or _GROUP_ROW.match(first))


def _column_under(row: list[Cell], piece: Cell) -> int:
    """The cell of ``row`` a continuation line's ``piece`` starts under, by where each starts on its
    printed line (CJK characters two columns wide, as a PDF's layout text aligns them); the last
    cell when the piece is not indented (text that runs on) or the row's cells are not aligned."""
    at = _print_column(piece)
    if not at or not all(len(cell) for cell in row):
        return len(row) - 1
    starts = [_print_column(cell) for cell in row]
    if len(set(starts)) < len(row):
        return len(row) - 1
    return min(range(len(row)), key=lambda k: (abs(starts[k] - at), -k))


def _print_column(text: MappedText) -> int:
    """Where ``text`` starts on its line of the original, in display columns."""
    start = text.span().start
    line = text.original[text.original.rfind("\n", 0, start) + 1 : start]
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def is_table_row(line: str) -> bool:
    """A row of a table printed a row to the line: cells between tabs or between pipes."""
    return _is_tab_row(line) or is_pipe_row(line.strip())


def is_header_row(line: str) -> bool:
    """The header of a table printed a row to the line with no caption over it: three cells or more
    between tabs or pipes, each a column's name, one of them the rows' number (序号	任务	牵头单位	配合
    单位	完成时限, as a table pasted from a spreadsheet prints it) or two of them years (指标名称	2024年
    2025年	2026年, a table of yearly targets)."""
    cells = _cells_of(line)
    years = sum(bool(_YEAR.fullmatch(c)) for c in cells)
    named = all(map(_is_heading, cells)) and (number_column(cells) is not None or years >= 2)
    return is_table_row(line) and len(cells) >= 3 and named


def _cells_of(line: str) -> list[str]:
    """The non-empty cells of a row printed between tabs or pipes."""
    return [c.strip() for c in re.split(r"[\t|]", line.strip()) if c.strip()]


def table_rows(texts: list[str]) -> set[int]:
    """Which of these lines belong to a table that needs no caption: every row between pipes, the
    rows between tabs under a header (:func:`is_header_row`), blank lines between them allowed, and
    the lines of a table printed a cell to the line under a header of its own (:func:`stacked_table`).
    Such a line is never an item, whatever it holds (1.	推进…; a group row 三、强化监管 among numbered rows)."""
    rows: set[int] = set()
    width = 0  # of the header of tab-separated columns the lines are under, if any
    for i, text in enumerate(texts):
        if not text.strip() or i in rows:
            continue
        if is_header_row(text):
            width = len(_cells_of(text))
        elif not (_is_tab_row(text) or _spaced_row(text, width) or width and _merged_group_row(texts, i)):
            width = 0
        if width or is_pipe_row(text.strip()):
            rows.add(i)
        elif _NUMBER_COLUMN.search(text.strip()):
            rows.update(stacked_table(texts, i))
    return rows


_GROUP_ROW = re.compile(r"[一二三四五六七八九十]{1,3}、[^。;]{1,40}")  # 三、强化冷链物流监管, over the rows below it


def _merged_group_row(texts: list[str], i: int) -> bool:
    """A group row whose cell spans the table's columns, so that it prints as one cell with no tab
    (一、完善基础设施 between the tab-separated rows of a 任务分解表): a row of the table when a row
    between tabs follows it."""
    after = next((t for t in texts[i + 1 :] if t.strip()), "")
    return bool(_GROUP_ROW.fullmatch(texts[i].strip())) and _is_tab_row(after)


def stacked_table(texts: list[str], at: int) -> list[int]:
    """The lines of a table printed a cell to the line, as text taken from a web page or a PDF gives
    it, whose header opens on line ``at``: three column names or more, the rows' number among them
    (序号 / 重点任务 / 责任单位), then the first row (1, or a group row 一、… over it). The rows run on
    while they follow: a number continuing the numbering opens a row, a group row stands before
    one, the header comes again after a page break. A table printed without blank lines ends at one;
    one with a blank line after each cell, when its last row has its cells; either at a numbered
    heading once the last row has its cells. [] when no such header opens on line ``at``."""
    lines = [i for i in range(at, len(texts)) if texts[i].strip()]
    width = next((k for k, i in enumerate(lines) if not _is_heading(texts[i].strip(), _NAME_MAX)), len(lines))
    if width < 3 or number_column([texts[i].strip() for i in lines[:width]]) is None:
        return []
    spaced = lines[width - 1] - lines[0] >= width  # blank lines between the header's cells
    pieces = _stacked_pieces(lines) if spaced else [[i] for i in lines]  # a wrapped cell is one piece
    cells = ["".join(texts[i].strip() for i in piece) for piece in pieces]
    found, number, printed, group, k = pieces[:width], 0, 0, False, width
    while k < len(cells):
        text = cells[k]
        if cells[k : k + width] == cells[:width]:  # the header again, after a page break
            found += pieces[k : k + width]
            k += width
            continue
        following = k + 1 < len(cells) and _follows(cells[k + 1], number, True)
        if _follows(text, number, group or not number):
            number, printed, group = int(text), 0, False
        elif _GROUP_ROW.fullmatch(text) and following:
            group = True
        elif not number or is_note(text) or (spaced and printed >= width - 1):
            break
        elif printed >= width - 1 and match_marker(text) and not text.isdecimal():
            break  # the last row has its cells and a heading follows (二、重点工程): the body resumes
        elif not spaced and pieces[k][0] > found[-1][-1] + 1:  # a blank line: the table has ended
            break
        else:
            printed += 1
        found.append(pieces[k])
        k += 1
    return [i for piece in found for i in piece] if number else []


def _stacked_pieces(lines: list[int]) -> list[list[int]]:
    """Runs of consecutive line numbers: the cells of a table with a blank line after each cell."""
    pieces: list[list[int]] = []
    for i in lines:
        if pieces and i == pieces[-1][-1] + 1:
            pieces[-1].append(i)
        else:
            pieces.append([i])
    return pieces


def _is_tab_row(line: str) -> bool:
    """A row of cells between tabs: tab-led (a cell per tab), or three cells or more on the line (as
    a PDF's layout text gives a table, its column gaps read as tabs by the normaliser)."""
    return line.startswith("\t") or line.count("\t") >= 2


def _pipe_layout(doc: MappedText, region: list[Line]) -> tuple[list[list[Cell]], list[str]]:
    """A Markdown table, as converters write one: a row per line, its cells between pipes
    (``| 序号 | 重点任务 | 责任单位 |``), the rule under the header (``|---|:--:|``) skipped. A table
    whose header has no pipes at its ends has none at any row's: a pipe there opens or closes an
    empty cell (`` | 2.细颗粒物浓度 | 32.6``, the category above spanning it). A line outside the
    table is a note when it reads as one (注:), else the last cell's text going on."""
    rows: list[list[Cell]] = []
    notes: list[str] = []
    ends: bool | None = None  # whether the rows print pipes at their ends, as the header does
    for ln in region:
        text = doc.text[ln.start : ln.end]
        row = text.strip()
        if is_pipe_row(row):
            if _PIPE_RULE.fullmatch(row):
                continue
            ends = row.startswith("|") if ends is None else ends
            at = ln.start + (text.index("|") + 1 if ends else len(text) - len(text.lstrip()))
            end = ln.start + len(text.rstrip()) - (1 if ends and row.endswith("|") and len(row) > 1 else 0)
            rows.append([])
            for part in doc.text[at:end].split("|"):
                rows[-1].append(doc[at : at + len(part)].strip())
                at += len(part) + 1
        elif _NOTE.match(row):
            notes.append(doc[ln.start : ln.end].display)
        elif row and rows and rows[-1]:
            rows[-1][-1] = rows[-1][-1] + doc[ln.start : ln.end].strip()
    return rows, notes


def is_pipe_row(line: str) -> bool:
    """A row of a Markdown table: cells apart by pipes, with pipes at its ends or not (| 序号 | 重点任务 |,
    序号 | 重点任务 | 牵头单位); prose holds no pipes."""
    return line.count("|") >= 2


def _is_heading(cell: str, longest: int = _HEAD_MAX) -> bool:
    """A column's name: short, no figure, no sentence. ``longest``: more for the names after a
    number column (序号), which the first row's number ends (2025年VOCs排放总量较2020年下降比例(%))."""
    # a unit under the name does not lengthen it (2025年底总量(万m2)), nor do the kinds of a level list
    # it (县(市、区))
    bare = _UNIT.sub("", cell)
    numeral = _INDEX.fullmatch(cell) or _NUMBER.fullmatch(cell)
    return 0 < len(bare) <= longest and not numeral and not re.search(r"[,、;。]", bare)


def is_note(text: str) -> bool:
    """A note printed with a table (注:, 单位:, 资料来源:), not one of its cells."""
    return bool(_NOTE.match(text))


def is_figure(text: str) -> bool:
    """A cell that holds a figure alone (4.73, 40%, 1)."""
    return bool(_NUMBER.fullmatch(text))


def is_name_cell(text: str) -> bool:
    """A cell that names a row's subject (远香湖中央活动区): short, in words, no figure or year."""
    return _is_heading(text) and not _free(text) and not _YEAR.match(text) and any(is_han(c) for c in text)


def _pieces(doc: MappedText, region: list[Line]) -> tuple[list[Cell], list[str], bool]:
    """The cells of a region, its notes and whether it is printed without blank lines: the pieces
    between blank lines (the lines of one piece joined, a cell that wraps), or its lines when the
    header's names stand on consecutive lines (a cell that wraps is joined by :func:`_unwrapped`)."""
    cells, notes, at = [], [], 0
    while len(region) > 1 and (not region[0].text(doc) or _NOTE.match(region[0].text(doc))):
        if region[0].text(doc):  # a line above the header (单位：万元, 填报单位（盖章）：): the table's note
            notes.append(doc[region[0].start : region[0].end].display.strip())
        region = region[1:]
    block = doc[region[0].start : region[-1].end]
    parts = block.text.split("\n\n")
    header = [t.strip() for t in next((p for p in parts if p.strip()), "").strip().split("\n")]
    lined = len(header) >= 3 and all(map(_is_heading, header[:3]))
    for part in parts:
        cell = block[at : at + len(part)]
        at += len(part) + 2
        if _NOTE.match(cell.text.strip()):
            notes.append(cell.display.strip())
        elif lined:  # a note printed right under the last cell (注：…) is no cell, nor is what follows it
            found = [ln.strip() for ln in cell.lines() if ln.text.strip()]
            noted = next((k for k, ln in enumerate(found) if _NOTE.match(ln.text)), len(found))
            cells += found[:noted]
            notes += [ln.display for ln in found[noted:]]
        else:
            cells.append(MappedText.join(ln.strip() for ln in cell.lines()) if "\n" in cell.text else cell.strip())
    while cells and not cells[0].text:
        cells.pop(0)
    return cells, notes, lined


def _unwrapped(cells: list[Cell], width: int, number: int | None, kinds: Sequence[str] = ()) -> list[Cell]:
    """In a table printed without blank lines a cell that wraps comes as several lines: a numbered
    row holding more lines than its columns is cut into as many cells as it has columns after its
    number, where its cells read best as text wrapped at their columns' widths (:func:`_cuts`)."""
    if number is None:
        return cells
    starts = _numbers(cells, len(cells), _figures(list(kinds), number), width - number - 1)
    out = cells[: starts[0] if starts else len(cells)]
    count = width - number - 1
    rows = [cells[at : starts[k + 1] if k + 1 < len(starts) else len(cells)] for k, at in enumerate(starts)]
    # a total row (合计 | 120 | …) has no number: it ends the numbered row above it, whose cells do not wrap into it
    ends = [next((i for i in range(1, len(row)) if _TOTAL.fullmatch(row[i].text)), len(row)) for row in rows]
    rows, totals = [row[:e] for row, e in zip(rows, ends)], [row[e:] for row, e in zip(rows, ends)]
    wrapped = [k for k, row in enumerate(rows) if row[0].text.isdecimal() and len(row) > count + 1]
    lines = [_Lines.of(rows[k][1:]) for k in wrapped]
    # each column wraps at one width in every row: the commonest widths of the full lines of each
    # row's own reading are the candidates, each column taking the one that reads all rows best
    own = [_cuts(ln, count, [0.0] * count)[1] for ln in lines]
    columns = [0.0] * count  # 0: not known
    for c in range(count):
        seen = Counter(w for cells in own for w in cells[c][:-1])
        candidates = sorted(seen, key=lambda w: (-seen[w], w))[:_CANDIDATES]
        if candidates:
            columns[c] = min(
                candidates,
                key=lambda v: sum(_cuts(ln, count, [*columns[:c], v, *columns[c + 1 :]])[0] for ln in lines),
            )
    cut = {k: _cuts(ln, count, columns)[2] for k, ln in zip(wrapped, lines)}
    for k, row in enumerate(rows):
        out += [row[0], *(MappedText.join(row[1 + a : 1 + b]) for a, b in cut[k])] if k in cut else row
        out += totals[k]
    return out


_FULL_LAST = 0.25  # under the half of a character any other difference of widths is
_CANDIDATES = 4  # widths tried for a column: its full lines are all as wide, but for a row misread


@dataclass(frozen=True)
class _Lines:
    """The lines of a row's cells: each one's printed width, whether it ends a sentence, and whether
    the writer broke it before the next measure of a list its cell numbers (1.…。 then 2.…)."""

    widths: tuple[float, ...]
    ends: tuple[bool, ...]
    listed: tuple[bool, ...]

    @classmethod
    def of(cls, lines: list[Cell]) -> _Lines:
        width = [
            sum(1.0 if unicodedata.east_asian_width(ch) in "FW" else 0.5 for ch in c.display.strip()) for c in lines
        ]
        texts = [c.text for c in lines]
        listed = [_lists_on(t, after) for t, after in zip(texts, [*texts[1:], ""])]
        ends = [t.endswith(("。", ";", "!", "?")) and not more for t, more in zip(texts, listed)]
        return cls(tuple(width), tuple(ends), tuple(listed))

    def cost(self, start: int, end: int, column: float) -> float:
        """How badly lines ``start:end`` read as one cell of a column ``column`` wide (0: as wide as
        its widest line but the last): a line is cut where its column is full, so every line but the
        last is as wide as the column and none wider (a full last line might as well run on: a little
        worse than a shorter one), but for a line its writer broke before the next measure of its
        list, which the cell holds too; a line that ends a sentence ends its cell."""
        widths, ends = self.widths[start:end], self.ends[start:end]
        if any(ends[:-1]) or self.listed[end - 1]:
            return math.inf
        wrapped = [w for w, listed in zip(widths[:-1], self.listed[start:end]) if not listed]
        full = column or max(wrapped or widths)
        over = sum(max(0.0, w - full) for w in widths)
        if len(widths) == 1:
            return over
        return over + sum(abs(full - w) for w in wrapped) + (_FULL_LAST if widths[-1] == full else 0.0)


def _lists_on(line: str, after: str) -> bool:
    """Whether ``after`` opens the next measure of a list that ``line`` numbers (1.…。 then 2.…)."""
    number = _LISTED.match(after)
    if number is None or int(number.group(1)) < 2:
        return False
    return bool(re.search(rf"(?:^|[。;])\s*{int(number.group(1)) - 1}[.、]", line))


def _cuts(
    lines: _Lines, count: int, columns: list[float]
) -> tuple[float, list[tuple[float, ...]], list[tuple[int, int]]]:
    """The least cost of reading ``lines`` as ``count`` cells (ties: the earlier cut), the widths
    of each cell's lines and each cell's (start, end) among the lines."""
    n = len(lines.widths)
    best: list[dict[int, tuple[float, tuple[int, ...]]]] = [{0: (0.0, ())}]  # first i lines as c cells
    for c in range(count):
        best.append(
            {
                i: min(
                    (cost + lines.cost(j, i, columns[c]), (*cuts, j)) for j, (cost, cuts) in best[-1].items() if j < i
                )
                for i in range(c + 1, n - (count - c - 1) + 1)
            }
        )
    cost, starts = best[count][n]
    spans = list(zip(starts, (*starts[1:], n)))
    return cost, [lines.widths[a:b] for a, b in spans], spans


def _join_wrapped(cells: list[Cell]) -> list[Cell]:
    """A cell whose text wraps comes in pieces: a list cut after 、 or , runs on into the next piece
    (unless that is a row number), and a bracketed unit alone ("(万m2)") ends the piece before it."""
    out: list[Cell] = []
    for cell in cells:
        last = out[-1].text if out else ""
        wraps = last.endswith(_RUNS_ON) and not _INDEX.fullmatch(cell.text)
        if last and cell.text and (wraps or _UNIT.fullmatch(cell.text)):
            out[-1] = out[-1] + cell
        else:
            out.append(cell)
    return out


def _without_repeated_header(cells: list[Cell], width: int) -> list[Cell]:
    """The header row printed again after a page break is no row of the table."""
    header = [c.text for c in cells[:width]]
    out = cells[:width]
    k = width
    while k < len(cells):
        if [c.text for c in cells[k : k + width]] == header:
            k += width
        else:
            out.append(cells[k])
            k += 1
    return out


def _names_bodies(text: str) -> bool:
    """Whether a cell lists bodies (发展改革委、建设管理委(交通委)、各街镇等): most of its names end
    as a body's name does."""
    # a bracket first, as it may list places itself: 各县(市、区)政府
    unbracketed = re.sub(r"[(（][^()（）]*[)）]", "", text)
    names = [
        re.sub(r"等$|按职责分工负责$|牵头$|配合$", "", n.strip())
        for n in re.split(r"[、,，;；。]", unbracketed)
        if n.strip()
    ]
    return 2 * sum(bool(_BODY.search(n)) for n in names) > len(names)


@lru_cache(maxsize=1 << 12)  # a row's cells are tried in every placement of the row
def _fit(text: str, kind: str) -> int:
    """+1 when a cell is what its column holds (bodies, numbers), -1 when it is not, 0 when either says nothing."""
    if not text or kind == _TEXT or _MARK.fullmatch(text):
        return 0
    ok = _names_bodies(text) if kind == _BODIES else bool(_NUMBER.fullmatch(text))
    return 1 if ok else -1


def _kinds(header: list[str], rows: list[list[str]]) -> list[str]:
    """What each column holds: bodies under a 单位/部门/主体 header, numbers under a unit ("面积(公顷)")
    or where most full rows have one, shared numbers where these are a figure of the place a group
    of rows is about (规划人口: printed once for the place's rows)."""
    full = [r for r in rows if len(r) == len(header)]

    def numeric(j: int) -> bool:
        values = [r[j] for r in full if r[j] and not _MARK.fullmatch(r[j])]  # a dash says nothing
        return 2 * sum(bool(_NUMBER.fullmatch(v)) for v in values) > len(values)

    def kind(j: int, h: str) -> str:
        if UNIT_COLUMN.fullmatch(h):  # 单位 over each row's unit (%, 吨, 微克/立方米): no figures
            return _TEXT
        if _BODIES_COLUMN.search(h):
            return _BODIES
        if _QUANTITY_COLUMN.search(h) or numeric(j):
            return _SHARED if _GROUP_FIGURE.search(h) else _NUMERIC
        return _TEXT

    return [kind(j, h) for j, h in enumerate(header)]


def _placement(cells: list[str], first: int, kinds: list[str], fewest: bool = False) -> tuple[int, list[int]]:
    """(score, columns) for the cells a row prints from column ``first`` on. A short row lacks the
    cells of columns that span rows: first those at its start (a category over several rows), then
    shared figures (a place's 人口), else the last ones (a body answering for several rows), as the
    cells' kinds decide; on a tie its start lacks as many as it can (with ``fewest``, as few: the
    columns a total's label spans)."""
    width = len(kinds)
    missing = max(width - first - len(cells), 0)

    def placed(skip: int) -> tuple[tuple[int, int], list[int]]:
        rest = range(first + skip, width)
        lacking = list(dict.fromkeys([j for j in rest if kinds[j] == _SHARED] + list(reversed(rest))))
        columns = [j for j in rest if j not in lacking[: missing - skip]]
        columns += range(width, width + len(cells) - len(columns))  # a row longer than the header
        score = sum(_fit(c, kinds[j]) for c, j in zip(cells, columns) if j < width)
        return (score, -skip if fewest else skip), columns

    def lacking_inside(absent: tuple[int, ...]) -> tuple[tuple[int, int], list[int]]:
        columns = [j for j in range(first, width) if j not in absent]
        return (sum(_fit(c, kinds[j]) for c, j in zip(cells, columns)), 0), columns

    # a merged cell inside the row (牵头单位 between 工作措施 and 责任单位, spanning the rows of one lead),
    # when no placement above fits the cells as well: a date is no body, a body no figure
    inside = (lacking_inside(absent) for absent in combinations(range(first, width), missing)) if missing <= 3 else ()
    (score, _), columns = max(chain((placed(skip) for skip in range(missing + 1)), inside), key=lambda p: p[0])
    return score, columns


def _numbers(cells: list[Cell], reach: int, figures: Set[int] = frozenset(), full: int = 0) -> list[int]:
    """Positions of the row numbers: each continues the numbering (n, n+1; 1 again after a group
    row), and group numbers 一, 二 … theirs, alone or before the group's title (三、夯实数字基础).
    ``reach``: the most cells a row holds after its number; ``figures``: the offsets after it of
    the columns of figures, a row holding ``full`` cells after its number when none spans rows:
    a figure that happens to be the next number (总投资 3 in row 2) is the row's own when that
    number comes again where the row is full or after, before the number after it."""
    found: list[int] = []
    arabic = chinese = 0
    for i, cell in enumerate(cells):
        text, gap = cell.text, i - (found[-1] if found else -1) - 1
        after_group = bool(found) and not cells[found[-1]].text.isdecimal()
        if found and gap + 1 in figures and gap < full and _again(cells, i, i - gap + full, text):
            continue
        if _follows(text, arabic, after_group or gap > reach):
            arabic = int(text)
        elif chinese < 99 and (text == int_to_cn(chinese + 1) or text.startswith(int_to_cn(chinese + 1) + "、")):
            chinese += 1
        else:
            continue
        found.append(i)
    return found


def _again(cells: list[Cell], at: int, start: int, text: str) -> bool:
    """Whether the number ``text`` at ``at`` comes again from ``start`` on, before the number after it."""
    after = str(int(text) + 1) if text.isdecimal() else None
    for i in range(at + 1, len(cells)):
        if cells[i].text == after:
            return False
        if cells[i].text == text:
            return i >= start
    return False


def _follows(text: str, last: int, restart: bool) -> bool:
    """Whether ``text`` is the row number after ``last`` (or 1 when the numbering may restart)."""
    return text.isdecimal() and len(text) <= 3 and (int(text) == last + 1 or (restart and int(text) == 1))


def _free(text: str) -> bool:
    """A cell at home in any column: a figure, a mark or nothing."""
    return not text or bool(_NUMBER.fullmatch(text) or _MARK.fullmatch(text))


def _rows_by_kinds(cells: list[Cell], kinds: list[str], starts: re.Pattern = _TOTAL) -> list[list[Cell]]:
    """Rows cut when full, at a cell that ``starts`` a row, or at a name after the figures when no
    name column is left: a row's names come before its figures (街镇, 类型 | 2021年任务 …). A row
    opening with k names puts them under the last k of the first text columns (the first ones,
    spanning from the rows above, it lacks); a figure or a mark takes the next column."""
    width = len(kinds)
    names = [j for j, k in enumerate(kinds) if k not in _FIGURES]
    texts = [j for j in names if kinds[j] == _TEXT]
    lead = texts[: next((k for k, j in enumerate(texts) if j != texts[0] + k), len(texts))]
    rows: list[list[Cell]] = []
    at = width
    for i, cell in enumerate(cells):
        if rows and not starts.fullmatch(cell.text) and at + 1 < width:
            take = at + 1 if _free(cell.text) else next((j for j in names if j > at), None)
            if take is not None:
                rows[-1].append(cell)
                at = take
                continue
        rows.append([cell])
        opening = next((k for k, c in enumerate(cells[i : i + width]) if _free(c.text)), width)
        if starts.fullmatch(cell.text) or not names:
            at = 0
        elif opening == 0:
            at = next((j for j, k in enumerate(kinds) if k in _FIGURES), 0)
        else:
            at = lead[-opening] if opening <= len(lead) else names[0]
    return rows


def _rows_by_number(cells: list[Cell], width: int, number: int, kinds: list[str]) -> list[list[Cell]]:
    """Rows cut at their numbers. The cells between two numbers are the first row's own, then
    the next row's cells left of its number, with any group row between them: the split that
    best fits the columns' kinds, the first row taking as many as it can on a tie."""
    starts = _numbers(cells, width - 1, _figures(kinds, number), width - number - 1)
    if not starts:
        return _rows_by_kinds(cells, kinds, _ROW_START)
    first = starts[0] - min(number, starts[0])
    rows, left = _rows_by_kinds(cells[:first], kinds), cells[first : starts[0]]
    for k, at in enumerate(starts):
        after = cells[at + 1 : starts[k + 1] if k + 1 < len(starts) else len(cells)]
        group = not cells[at].text.isdecimal()
        most = next((i for i, c in enumerate(after) if _TOTAL.fullmatch(c.text)), len(after))
        splits = []
        for own in range(min(most, 1), min(most, width - number - 1) + 1):
            rest = after[own:]
            keep = min(number, len(rest)) if k + 1 < len(starts) else 0
            score = (0 if group else _placement([c.text for c in after[:own]], number + 1, kinds)[0]) + sum(
                _fit(c.text, kinds[number - keep + i]) for i, c in enumerate(rest[len(rest) - keep :])
            )
            splits.append((score, own, keep))
        _, own, keep = max(splits)
        rows.append([*left, cells[at], *after[:own]])
        rows += _rows_by_kinds(after[own : len(after) - keep], kinds)
        left = after[len(after) - keep :]
    return rows


def _figures(kinds: list[str], number: int) -> set[int]:
    """The offsets after the number column of the columns of figures (总投资（亿元）)."""
    return {j - number for j, kind in enumerate(kinds) if kind in _FIGURES and j > number}


def number_column(header: list[str]) -> int | None:
    """The column of the row numbers (序号, 编号, 任务编号), if the table has one."""
    return next((j for j, h in enumerate(header) if _NUMBER_COLUMN.search(h)), None)


def numbered_header(texts: list[str]) -> tuple[int, int] | None:
    """(width, number column) of the header that opens these cells, up to the first row number, in
    a table whose rows are numbered (序号 1, 2 …); None for another table."""
    width = _header_width([MappedText.of(t) for t in texts])
    number = number_column(texts[:width])
    return None if number is None else (width, number)


def _header_width(cells: list[Cell]) -> int:
    """The header: the names that open the table, up to the first row. A row whose number is not
    in the first column starts with short cells too (任务类型 / 序号: "规划引领", "1"): they are its own.
    Years before the first number name the columns of a lower header level (建设年限 over 2021 …)."""
    width = 0
    while width < len(cells) and _is_heading(cells[width].text) and not SAMPLE.fullmatch(cells[width].text):
        width += 1
    number = number_column([c.text for c in cells[:width]])
    if number is None:
        return _before_first_row(cells, width)
    while (
        width < len(cells)
        and (_is_heading(cells[width].text, _NAME_MAX) or _YEAR.fullmatch(cells[width].text))
        and not SAMPLE.fullmatch(cells[width].text)
    ):
        width += 1
    first = next((i for i in range(width, len(cells)) if cells[i].text == "1"), len(cells))
    return max(min(width, first - number), number + 1)


def _before_first_row(cells: list[Cell], width: int) -> int:
    """In a table without numbers the first row's names run on from the header (街镇, 类型, …,
    人均避难面积(m2), 南桥镇, 等级, 0.55 …): the header ends where the row fits its columns, names
    under those before the first quantity column and a figure under it."""
    quantities = [j for j in range(width) if _QUANTITY_COLUMN.search(cells[j].text)]
    if not quantities:
        return _sentence_period(cells, width)
    j = quantities[0]
    for end in range(width, quantities[-1], -1):
        row = [c.text for c in cells[end : end + j + 1]]
        if len(row) == j + 1 and _NUMBER.fullmatch(row[j]) and not any(_NUMBER.fullmatch(t) for t in row[:j]):
            return end
    return width


def _sentence_period(cells: list[Cell], width: int) -> int:
    """In a table whose rows each hold a sentence about the thing they name (远香湖中央活动区 |
    结合…,打造…。), the sentences recur once a row: the header is as wide as their period, and a
    name before the first sentence that reads like a header cell is the first row's."""
    sentences = [i for i, c in enumerate(cells) if not _is_heading(c.text) and not _free(c.text)]
    gaps = {b - a for a, b in zip(sentences, sentences[1:])}
    if len(sentences) < 2 or len(gaps) != 1:
        return width
    period = gaps.pop()
    return period if 2 <= period < width <= sentences[0] else width


def _parts(header: list[Cell]) -> int:
    """How many cells end the header as the parts of a quantity and their total (片区 | 总计,
    新建 | 改造 | 合计): short names, one of them a total."""
    n = 0
    while n < len(header) - 1 and _PART.fullmatch(header[len(header) - 1 - n].text):
        n += 1
    return n if n >= 2 and any(_TOTAL.fullmatch(c.text) for c in header[len(header) - n :]) else 0


def _divided(header: list[Cell], parts: int) -> list[Cell]:
    """A header whose last cells divide the one quantity column above them (达标区域面积(平方公里)
    over 片区 | 总计): that column becomes one leaf per part, named by both levels, its unit last."""
    top, lower = header[: len(header) - parts], header[len(header) - parts :]
    quantities = [k for k, c in enumerate(top) if _QUANTITY_COLUMN.search(c.text) or _MEASURE_NAME.search(c.text)]
    if len(quantities) != 1:
        return header
    parent = top[quantities[0]]
    unit = _UNIT.search(parent.text)
    cut = unit.start() if unit and unit.end() == len(parent.text) else len(parent)
    leaves = [parent[:cut] + part + parent[cut:] for part in lower]
    return top[: quantities[0]] + leaves + top[quantities[0] + 1 :]


def _leaves(header: list[Cell], width: int) -> list[Cell]:
    """A header of two levels printed as one row of ``width`` columns: the lower level (years, a
    unit) comes last, each run of it under the header it divides (years under 建设年限 or 实施年度,
    a unit under a measure printed without one: 长度 over 千米), or the parts and total of a quantity
    (:func:`_divided`). Each leaf is named by both levels."""
    if parts := _parts(header):
        return _divided(header, parts)
    lower = 0
    while lower < len(header) and _SUBHEADING.fullmatch(header[len(header) - 1 - lower].text):
        lower += 1
    top = header[: len(header) - lower]
    runs: list[list[Cell]] = []
    for cell in header[len(header) - lower :]:
        year = _YEAR.fullmatch(cell.text)
        last = runs[-1][-1].text if runs else ""
        if year and _YEAR.fullmatch(last) and last[:4] < cell.text[:4]:
            runs[-1].append(cell)
        else:
            runs.append([cell])
    if not lower or len(top) + lower - len(runs) != width:
        return header
    parents: dict[int, list[Cell]] = {}
    for run in runs:
        over = _TIME_NAME if _YEAR.fullmatch(run[0].text) else _MEASURE_NAME
        after = max(parents, default=-1) + 1
        fits = (k for k in range(after, len(top)) if over.search(top[k].text) and not _UNIT.search(top[k].text))
        k = next(fits, None)
        if k is None:
            return header
        parents[k] = run
    return [leaf for k, cell in enumerate(top) for leaf in ([cell + c for c in parents[k]] if k in parents else [cell])]


def _body_rows(header: list[str], body: list[Cell]) -> list[list[Cell]]:
    """The rows under a header, cut at their numbers or by the columns' kinds, these known from
    the full rows of a first reading."""
    number, kinds = number_column(header), _kinds(header, [])
    for _ in range(2):
        rows = _rows_by_kinds(body, kinds) if number is None else _rows_by_number(body, len(header), number, kinds)
        kinds = _kinds(header, [[c.text for c in r] for r in rows])
    return rows


def _line_layout(doc: MappedText, region: list[Line]) -> tuple[list[list[Cell]], list[str]]:
    if not region:
        return [], []
    pieces, notes, lined = _pieces(doc, region)
    cells = _join_wrapped(pieces)
    width = _header_width(cells)
    if width < 2:
        return [[c] for c in cells if c.text], notes
    cells = _without_repeated_header(cells, width)
    header, body = cells[:width], cells[width:]
    if lined:
        texts = [c.text for c in header]
        body = _unwrapped(body, width, number_column(texts), _kinds(texts, []))
    end = next((i for i, c in enumerate(body) if _REMARK.fullmatch(c.text)), len(body))
    body, remarks = body[:end], body[end:]
    rows = _body_rows([c.text for c in header], body)
    leaves = _leaves(header, max(map(len, rows), default=width))
    if len(leaves) < width:
        header, rows = leaves, _body_rows([c.text for c in leaves], body)
    rows = [header, *rows, remarks]
    while rows and not any(c.text for c in rows[-1]):
        rows.pop()
    return rows, notes


@dataclass(frozen=True)
class GridRow:
    """A table row with a cell per column. A cell spanning several rows is printed in the first of
    them only; the rows below take it from the row above (``printed`` is False for them)."""

    row: AnnexRow
    cells: tuple[Cell | None, ...]
    printed: tuple[bool, ...]
    number: str | None  # the row's number (序号) as printed
    group: bool  # a category over the rows below it (一, 二 … among numbered rows, or a title)
    cut_off: bool  # the table's last row lacks cells every other row prints: the text ends in it


def _unnumbered(
    row: AnnexRow, texts: list[str], kinds: list[str], numbered: bool
) -> tuple[dict[int, Cell], None, bool, bool]:
    """(slots, number, group, carried) of a row without a number. One without figures is a title
    or remarks, read as printed (a group row among numbered rows). A total's label spans the columns
    before its figures and takes nothing from above; another short row lacks the cells that span
    from the rows above, the cells' kinds telling which."""
    if not any(_NUMBER.fullmatch(t) for t in texts):
        return dict(enumerate(row.texts)), None, numbered, False
    if _TOTAL.fullmatch(texts[0]):
        columns = _placement(texts[1:], 1, kinds, fewest=True)[1]
        slots = dict.fromkeys(range(columns[0] if columns else 1), row.texts[0])
        return slots | dict(zip(columns, row.texts[1:])), None, False, False
    return dict(zip(_placement(texts, 0, kinds)[1], row.texts)), None, False, True


_MARKED_NUMBER = re.compile(r"((?:\d{1,3}|[一二三四五六七八九十]{1,3}))[.、．]")


def _unmarked(cell: str) -> str:
    """A row's number printed with its mark (1. 一、), as a table pasted from a list prints it: the number;
    a number within its group (1-1, 2－3) as a path writes it (2-3)."""
    if pair := PAIR.fullmatch(cell):
        return f"{pair[1]}-{pair[2]}"
    return m.group(1) if (m := _MARKED_NUMBER.fullmatch(cell)) else cell


def grid(annex: Annex) -> list[GridRow]:
    """The rows below the header, each with a cell per column."""
    if not annex.rows:
        return []
    header = [t.text for t in annex.rows[0].texts]
    width, number = len(header), number_column(header)
    rows = [[_unmarked(t.text) for t in r.texts] for r in annex.rows[1:]]
    kinds = _kinds(header, rows)
    arabic = any(r and r[0].isdecimal() for r in rows)
    placed: list[tuple[dict[int, Cell], str | None, bool, bool]] = []  # slots, number, group, carried
    last = 0
    for row, texts in zip(annex.rows[1:], rows):
        head = texts[: (number or 0) + 1] if number is not None else []
        at = next((i for i, c in enumerate(head) if _INDEX.fullmatch(c) or PAIR.fullmatch(c)), None)
        if at is not None and texts[at].isdecimal() and not _follows(texts[at], last, True):
            at = None  # a figure of a total row, not a row number
        if at is None or number is None:  # (a row number lies in the number column)
            placed.append(_unnumbered(row, texts, kinds, number is not None))
            continue
        group = arabic and not texts[at].isdecimal() and not PAIR.fullmatch(texts[at])
        last = int(texts[at]) if texts[at].isdecimal() else last
        after = row.texts[at + 1 :]
        columns = (
            range(number + 1, number + 1 + len(after)) if group else _placement(texts[at + 1 :], number + 1, kinds)[1]
        )
        slots = {number - at + i: t for i, t in enumerate(row.texts[:at])}
        slots[number] = row.texts[at]
        slots.update(zip(columns, after))
        placed.append((slots, _unmarked(row.cells[at]), group, not group))
    tasks = [k for k, (_, n, group, _) in enumerate(placed) if n is not None and not group]

    def unprinted_end(slots: dict[int, Cell]) -> set[int]:
        return set(range(max(slots) + 1, width))

    cut = tasks[-1] if len(tasks) > 1 else None
    if cut is not None and any(not group for _, _, group, _ in placed[cut + 1 :]):
        cut = None  # rows below it (totals): the table goes on
    if cut is not None:
        lacking = unprinted_end(placed[cut][0])
        if not lacking or any(unprinted_end(placed[k][0]) & lacking for k in tasks[:-1]):
            cut = None
    out: list[GridRow] = []
    above: list[Cell | None] = [None] * width
    for k, (row, (slots, n, group, carried)) in enumerate(zip(annex.rows[1:], placed)):
        kept = unprinted_end(slots) if k == cut else set()
        cells = [slots.get(j, above[j] if carried and j not in kept else None) for j in range(width)]
        out.append(GridRow(row, tuple(cells), tuple(j in slots for j in range(width)), n, group, k == cut))
        above = cells
    return out


def read_table(doc: MappedText, region: list[Line], index: LineIndex) -> tuple[list[AnnexRow], list[str]]:
    """The rows (header first) and notes of the table printed on ``region``'s lines, in any layout."""
    texts = [doc.text[ln.start : ln.end] for ln in region]
    if any(is_pipe_row(t.strip()) for t in texts):
        layout = _pipe_layout
    else:
        layout = _tab_layout if any(map(_is_tab_row, texts)) else _line_layout
    cell_rows, notes = layout(doc, region)
    # a form's sample row is printed with it, not an entry of it
    sample = [bool(r) and k > 0 and bool(SAMPLE.fullmatch(r[0].text)) for k, r in enumerate(cell_rows)]
    notes += [" | ".join(c.display for c in r) for r, s in zip(cell_rows, sample) if s]
    return [_row(r, index) for r, s in zip(cell_rows, sample) if r and not s], notes


def parse_annexes(
    name: str, doc: MappedText, lines: list[Line], heads: list[int], problems: list[Problem]
) -> list[Annex]:
    index = LineIndex(doc.original)
    annexes = []
    for k, head in enumerate(heads):
        stop = heads[k + 1] if k + 1 < len(heads) else len(lines)
        head_text = lines[head].text(doc)
        # 附件2:… ; or the caption of a table that is the document itself (…任务分解表)
        label, _, title_text = head_text.partition(":") if head_text.startswith("附") else ("表", "", head_text)
        region = lines[head + 1 : stop]
        title = title_text.strip() or None
        if title is None:
            table = table_rows([doc.text[ln.start : ln.end] for ln in region])
            for j, ln in enumerate(region):
                text = doc.text[ln.start : ln.end]
                if _is_tab_row(text) or j in table:
                    break
                if text.strip():
                    title = doc[ln.content : ln.end].display.strip()
                    region = region[j + 1 :]
                    break
        rows, notes = read_table(doc, region, index)
        if not rows:
            problems.append(Problem(name, lines[head].number, "warning", f"{label}: no table found"))
        end_line = lines[stop - 1] if stop - 1 > head else lines[head]
        annex = Annex(
            label,
            title,
            tuple(rows),
            tuple(notes),
            doc.span(lines[head].content, max(end_line.end, lines[head].end)),
            lines[head].number,
        )
        for row in grid(annex):
            if row.cut_off:
                width = len(rows[0].cells)
                message = f"{label}: row {row.number} has {len(row.row.cells)} of {width} cells (truncated table?)"
                problems.append(Problem(name, row.row.line, "warning", message))
        annexes.append(annex)
    return annexes
