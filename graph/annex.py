"""Annex tables (附件) as rows of cells, for the two layouts the corpus holds.

- Tab layout: each cell opens with a tab; a line without a tab continues the cell above (text
  set vertically in a narrow cell, "一\\n\\n星"); a blank line before a tab line starts a new row.
- One cell per line: cells are separated by one blank line, so an empty cell shows as an extra
  blank line; rows are cut by the header's width, each row opening with its number (序号) and
  group rows (a section title spanning the columns) opening with text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from policykg.errors import Problem
from policykg.graph.mapped import MappedText
from policykg.graph.records import Annex, AnnexRow, Span
from policykg.graph.text import LineIndex

if TYPE_CHECKING:
    from policykg.graph.outline import Line

_NOTE = re.compile(r"(单位|注|备注|说明|资料来源|数据来源)\s*:")
_INDEX = re.compile(r"\d{1,3}|[一二三四五六七八九十]{1,3}")
_HEAD_MAX = 10

Cell = MappedText


def _row(cells: list[Cell], lines: LineIndex) -> AnnexRow:
    pieces = [c for c in cells if len(c)]
    start = cells[0].span().start if not pieces else pieces[0].span().start
    end = start if not pieces else pieces[-1].span().end
    return AnnexRow(tuple(c.display.strip() for c in cells), Span(start, end), lines.line(start), tuple(cells))


def _tab_layout(doc: MappedText, region: list[Line]) -> tuple[list[list[Cell]], list[str]]:
    rows: list[list[Cell]] = []
    notes: list[str] = []
    blank_before = True
    for ln in region:
        text = doc.text[ln.start : ln.end]
        if text.startswith("\t"):
            if not rows or blank_before:
                rows.append([])
            at = ln.start + 1
            for part in text[1:].split("\t"):
                rows[-1].append(doc[at : at + len(part)].strip())
                at += len(part) + 1
            blank_before = False
        elif not text.strip():
            blank_before = True
        elif _NOTE.match(text):
            notes.append(doc[ln.start : ln.end].display)
        elif rows and rows[-1]:
            rows[-1][-1] = rows[-1][-1] + doc[ln.start : ln.end].strip()
            blank_before = False
    return rows, notes


def _is_heading(cell: str) -> bool:
    return 0 < len(cell) <= _HEAD_MAX and not _INDEX.fullmatch(cell) and not re.search(r"[,、;。]", cell)


def _line_layout(doc: MappedText, region: list[Line]) -> tuple[list[list[Cell]], list[str]]:
    if not region:
        return [], []
    block = doc[region[0].start : region[-1].end]
    cells, notes, at = [], [], 0
    for part in block.text.split("\n\n"):
        cell = block[at : at + len(part)]
        at += len(part) + 2
        if _NOTE.match(cell.text.strip()):
            notes.append(cell.display.strip())
        else:
            cells.append(MappedText.join(ln.strip() for ln in cell.lines()) if "\n" in cell.text else cell.strip())
    while cells and not cells[0].text:
        cells.pop(0)
    width = 0
    while width < len(cells) and _is_heading(cells[width].text):
        width += 1
    if width < 2:
        return [[c] for c in cells if c.text], notes
    rows: list[list[Cell]] = [cells[:width]]
    for cell in cells[width:]:
        if _INDEX.fullmatch(cell.text) or len(rows[-1]) >= width:
            rows.append([cell])
        else:
            rows[-1].append(cell)
    while rows and not any(c.text for c in rows[-1]):
        rows.pop()
    return rows, notes


def parse_annexes(
    name: str, doc: MappedText, lines: list[Line], heads: list[int], problems: list[Problem]
) -> list[Annex]:
    index = LineIndex(doc.original)
    annexes = []
    for k, head in enumerate(heads):
        stop = heads[k + 1] if k + 1 < len(heads) else len(lines)
        head_text = lines[head].text(doc)
        label, _, title_text = head_text.partition(":")
        region = lines[head + 1 : stop]
        title = title_text.strip() or None
        if title is None:
            for j, ln in enumerate(region):
                text = doc.text[ln.start : ln.end]
                if text.startswith("\t"):
                    break
                if text.strip():
                    title = doc[ln.content : ln.end].display.strip()
                    region = region[j + 1 :]
                    break
        tabbed = any(doc.text[ln.start : ln.end].startswith("\t") for ln in region)
        cell_rows, notes = (_tab_layout if tabbed else _line_layout)(doc, region)
        rows = [_row(r, index) for r in cell_rows if r]
        width = len(rows[0].cells) if rows else 0
        for row in rows[1:]:
            if _INDEX.fullmatch(row.cells[0]) and len(row.cells) < width:
                problems.append(
                    Problem(
                        name,
                        row.line,
                        "warning",
                        f"{label}: row {row.cells[0]} has {len(row.cells)} of {width} cells (truncated table?)",
                    )
                )
        if not rows:
            problems.append(Problem(name, lines[head].number, "warning", f"{label}: no table found"))
        end_line = lines[stop - 1] if stop - 1 > head else lines[head]
        annexes.append(
            Annex(
                label,
                title,
                tuple(rows),
                tuple(notes),
                doc.span(lines[head].content, max(end_line.end, lines[head].end)),
                lines[head].number,
            )
        )
    return annexes
