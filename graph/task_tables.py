"""Annex task tables (分工表, 分解表, 任务清单…): who leads, supports or answers for each row.

Columns are recognised by their names (牵头单位, 配合单位, 责任单位…), and each row is matched to
the body measure it names.
"""

from __future__ import annotations

import re

from policykg.graph.mapped import MappedText
from policykg.graph.records import Annex, AnnexRow, Item, Outline
from policykg.graph.responsibilities import (
    ANNEX,
    LEAD,
    RESPONSIBLE,
    SUPPORT,
    Assignment,
    assign,
    joint_list,
    similarity,
)

_LEAD_COL = re.compile(r"牵头(单位|部门)")
_SUPPORT_COL = re.compile(r"(参加|配合|协助|协办|参与)(单位|部门)")
_RESP_COL = re.compile(r"责任(单位|部门)")
_INDEX = re.compile(r"\d{1,3}")


def _match(name: str, items: list[Item], after: int) -> int | None:
    """Index of the item whose title best matches ``name``; ties go to the first after ``after``."""
    scored = [(similarity(name, it.title or ""), i >= after, -i, i) for i, it in enumerate(items)]
    best = max(scored, default=None)
    return best[3] if best and best[0] >= 0.5 else None


def _columns(header: AnnexRow) -> dict[str, int]:
    cols = {}
    for i, cell in enumerate(header.cells):
        for role, pattern in ((LEAD, _LEAD_COL), (SUPPORT, _SUPPORT_COL), (RESPONSIBLE, _RESP_COL)):
            if pattern.search(cell) and role not in cols:
                cols[role] = i
    return cols


def _cell(row: AnnexRow, width: int, col: int) -> MappedText | None:
    """A row's cell by header column, short rows aligned to the right (merged cells on the left)."""
    k = col - (width - len(row.texts))
    return row.texts[k] if 0 <= k < len(row.texts) and row.texts[k].text else None


def annex_assignments(outline: Outline) -> list[Assignment]:
    items = [it for it in outline.walk() if it.title]
    found: list[Assignment] = []
    for annex in outline.annexes:
        found += _annex_table(outline, annex, items)
    return found


def _annex_table(outline: Outline, annex: Annex, items: list[Item]) -> list[Assignment]:
    if not annex.rows:
        return []
    cols = _columns(annex.rows[0])
    if not cols:
        return []
    width = len(annex.rows[0].cells)
    rows = annex.rows[1:]
    paths: list[str | None] = [None] * len(rows)
    after = 0
    for r, row in enumerate(rows):
        if _INDEX.fullmatch(row.cells[0]) and len(row.cells) > 1:
            hit = _match(row.cells[1], items, after)
            if hit is not None:
                paths[r], after = items[hit].path, hit + 1
    for r, row in enumerate(rows):  # a group row belongs to the parent of its rows' measures
        if _INDEX.fullmatch(row.cells[0]) and len(row.cells) > 1:
            continue
        members = []
        for later, path in zip(rows[r + 1 :], paths[r + 1 :]):
            if not (_INDEX.fullmatch(later.cells[0]) and len(later.cells) > 1):
                break
            members.append(path)
        parents = {p.rsplit("/", 1)[0] for p in members if p and "/" in p}
        if len(parents) == 1:
            paths[r] = parents.pop()
        else:
            name = next((c for c in row.cells if c and not re.fullmatch(r"[一二三四五六七八九十]+", c)), "")
            hit = _match(name, items, 0)
            paths[r] = items[hit].path if hit is not None else None
    found = []
    for row, path in zip(rows, paths):
        for role, col in cols.items():
            cell = _cell(row, width, col)
            if cell is None:
                continue
            mentions, joint = joint_list(cell)
            found += assign(path, mentions, role, joint, ANNEX, row.span)
    return found
