"""Task tables (分工表, 分解表, 重点安排表, 任务清单…): who leads, supports or answers for each row.

Columns are recognised by their names (牵头单位, 配合单位, 责任单位, 推进单位, 主要部门…); each row,
its row-spanning cells carried down (:func:`annex.grid`), is matched to the body measure it names.
A task the body does not state is cited by its place in the annex: ``附件/12``, or ``附件/一/2``
where the numbering restarts in each group; in a table of the body (表1 …), by the item that holds
the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.graph.annex import GridRow, grid, number_column
from policykg.graph.body_tables import body_tables
from policykg.graph.deadlines import DEADLINE_COLUMN, deadline_in_cell
from policykg.graph.mapped import MappedText
from policykg.graph.numbering import int_to_cn, parse_segment
from policykg.graph.records import Annex, Assignment, Deadline, Item, Outline, Span
from policykg.graph.responsibilities import (
    ANNEX,
    BEARERS,
    IMPLEMENTER,
    RESPONSIBLE,
    ROLE_WORDS,
    SUPPORT,
    assign,
    cell_assignments,
    coverage,
    every_task,
    similarity,
)
from policykg.graph.text import HAN

# A column names a role as a clause label does, or as tables also write it (主要部门).
_ROLE_COLUMNS = tuple(
    (role, re.compile(rf"(?:{words})(?:{BEARERS})" + ("|主要部门" if role == RESPONSIBLE else "")))
    for role, words in ROLE_WORDS.items()
)

# A numbered list of tasks the addressees all carry out names no bodies (序号 | 重点任务 | 工作要求 | 完成时限)
_TASK_COLUMN = re.compile(
    r"(?:重点|主要|工作|具体)?任务(?:名称|内容|事项)?|工作(?:要求|内容|措施)|(?:具体|主要)措施|重点工作"
)
# a column of the points a row is worth or how they are given (分值, 评分标准, 权重): an assessment's scoring
# table (考核指标及评分细则), whose rows score the tasks the body states; one the body does not state (加分项
# 改革创新) is a way to earn points, no task of its own
_POINTS_COLUMN = re.compile(r"(?:分值|分数|标准分|权重|(?:评分|计分|扣分)(?:标准|细则|办法|方法))(?:[(（]分[)）])?")
_BODIES = re.compile(r"(?:兑现|兑付|受理|审核|审批|办理|经办|承办|实施|执行|主管)(?:部门|单位|机构)$")
# a column of the persons who answer for a row (牵头领导, 责任市领导, 分管领导, 负责人): persons, not bodies
# nor the task
_PEOPLE = re.compile(r"领导$|负责人$|联系人$")
# a column naming the projects a table lists (项目名称, 重大项目): the body may name a project (依托X项目建设…)
# without stating it, so a row of such a table is a body item's only when it bears that item's title
_PROJECT_COLUMN = re.compile(r"(?:重点|重大)?(?:建设)?项目(?:名称)?")
_CLAUSE_END = re.compile(r"[，,；;。：:]")
_NAMING = re.compile(rf"[{HAN}](?<![年月日底末前])[{HAN}]")  # words, not a figure or a date


@dataclass(frozen=True)
class _Row:
    """A row of a task table, where the annex puts it and the measure it belongs to."""

    grid: GridRow
    place: str | None  # its place in the annex: 附件/12, 附件/一/2, 附件/一 for a group
    path: str | None  # the body item that states the task, else its place
    names: tuple[MappedText, ...]  # the cells that state the task: its name (重点任务), its measures (具体措施)

    @property
    def name(self) -> MappedText | None:
        """The cell that names the task most closely: the row's own last (具体措施 over 重点任务)."""
        return self.names[-1] if self.names else None


def _match(names: list[str], items: list[Item], after: int) -> int | None:
    """Index of the item whose title best matches one of ``names``; ties go to the first after ``after``."""
    scored = [(similarity(n, it.title or ""), i >= after, -i, i) for n in names for i, it in enumerate(items)]
    best = max(scored, default=None)
    return best[3] if best and best[0] >= 0.5 else None


def _restated(task: str, items: list[Item]) -> int | None:
    """Index of the item whose own text restates a task: most of its character pairs are there, and
    most of those of its opening clause, which names the task (推进农村千兆光网和5G网络建设, before
    ，到2025年…通达率达到100%: an item that only states the same target, such as the goals, is not it)."""
    head = _CLAUSE_END.split(task, 1)[0]
    best = max(((coverage(task, it.text), -i, i) for i, it in enumerate(items)), default=None)
    return best[2] if best and best[0] >= 0.5 and coverage(head, items[best[2]].text) >= 0.5 else None


def _columns(header: list[str]) -> dict[str, int]:
    """The role columns of a header; with none, a column that names bodies by what they do is the
    responsible one (兑现部门, 受理部门, 实施机构: who pays, receives, carries out)."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        role = next((role for role, pattern in _ROLE_COLUMNS if pattern.search(cell)), None)
        if role and role not in cols:
            cols[role] = i
    bodies = next((i for i, cell in enumerate(header) if _BODIES.search(cell)), None)
    return cols or ({RESPONSIBLE: bodies} if bodies is not None else {})


def _names(row: GridRow, before: int, number: int | None, people: set[int]) -> list[MappedText]:
    """The cells that name the row's task, left of the first role column (its number left out, the
    figures and dates a project table prints there: 总投资 15, 建设年限 2024-2026, and the ``people``
    columns, the leaders who answer for it: 市政府副秘书长陈志勇): those it takes from a row above
    first, its own last."""
    number = number if row.number else None
    cells = [
        (j, c)
        for j, c in enumerate(row.cells[:before])
        if c is not None and _NAMING.search(c.text) and j != number and j not in people
    ]
    return [c for _, c in sorted(cells, key=lambda jc: (row.printed[jc[0]], jc[0]))]


def _rows(
    annex: Annex, items: list[Item], home: str | None = None, places: str | None = None
) -> tuple[dict[str, int], list[_Row]]:
    """The role columns of a task table and its rows ({} and [] for another table), placed under
    ``places`` (see :func:`_tables`); a row the body does not state and that has no place is a
    task of ``home``, the item holding the table."""
    header = [t.text for t in annex.rows[0].texts] if annex.rows else []
    cols, number = _columns(header), number_column(header)
    if not cols and (number is None or not any(map(_TASK_COLUMN.fullmatch, header))):
        return {}, []
    items = [item for item in items if item.path != home]  # whose text holds the table: it states no row
    # with no role column, the task's cells are those before its deadline
    deadline = next((j for j, cell in enumerate(header) if DEADLINE_COLUMN.search(cell)), len(header))
    rows, first = grid(annex), min(cols.values()) if cols else deadline
    people = {j for j, cell in enumerate(header) if _PEOPLE.search(cell)}
    names = [_names(row, first, number, people) for row in rows]
    projects = any(map(_PROJECT_COLUMN.fullmatch, header))
    stated: list[str | None] = []
    after = 0
    for row, cells in zip(rows, names):
        texts = [c.text for c in cells]
        hit = _match(texts, items, after if not row.group else 0)
        if hit is None and texts and not row.group and not (home and places) and not projects:
            hit = _restated(max(texts, key=len), items)  # a body's list of tasks is its own: its goals
            # restate their figures
        stated.append(items[hit].path if hit is not None else None)
        after = hit + 1 if hit is not None and not row.group else after
    scoring = any(map(_POINTS_COLUMN.fullmatch, header))
    tasks = [row.number for row in rows if not row.group and row.number]
    restarts = len(set(tasks)) < len(tasks)  # 1, 2 … again in each group: the group's number tells them apart
    out: list[_Row] = []
    group, groups = None, 0
    for r, row in enumerate(rows):
        if not row.group and scoring and stated[r] is None:
            continue  # a scoring rule the body states no task for
        if not row.group:
            place: str | None = f"{places}/{group}/{row.number}" if restarts and group else f"{places}/{row.number}"
            place = place if row.number and places else None
            out.append(_Row(row, place, stated[r] or place or home, tuple(names[r])))
            continue
        groups += 1
        group = row.number or int_to_cn(groups)
        members = stated[r + 1 : r + 1 + _span(rows, r)]
        parents = {p.rsplit("/", 1)[0] for p in members if p and "/" in p}
        place = f"{places}/{group}" if restarts and places else None
        path = parents.pop() if len(parents) == 1 else stated[r] or (place if None in members else None) or home
        out.append(_Row(row, place, path, tuple(names[r])))
    return cols, out


def _span(rows: list[GridRow], r: int) -> int:
    """How many rows the group row ``r`` heads: those up to the next group row."""
    return next((k for k, row in enumerate(rows[r + 1 :]) if row.group), len(rows) - r - 1)


@dataclass(frozen=True)
class TaskTable:
    """A table that may list tasks, read: its role columns and its placed rows ({} and [] for another table)."""

    annex: Annex
    columns: dict[str, int]
    rows: list[_Row]


def task_tables(outline: Outline) -> list[TaskTable]:
    """Every table of a document that may list tasks, its rows placed: read once per document by
    extract.py and handed to the assignments, items, deadlines and targets of the rows (each of
    which reads them itself when not handed them)."""
    items = [it for it in outline.walk() if it.title]
    return [TaskTable(annex, *_rows(annex, items, home, places)) for annex, home, places in _tables(outline)]


def annex_assignments(outline: Outline, tables: list[TaskTable] | None = None) -> list[Assignment]:
    """Every task table's cells under a role column, annexed or in the body, one assignment per
    body named. A support cell counts only where the row prints it (a task may have none); a lead
    or responsible cell the row lacks, or leaves blank, is the one above it in its group: a cell
    spanning both, as a table flattened from merged cells prints it once (a task always has one)."""
    found: list[Assignment] = []
    for table in task_tables(outline) if tables is None else tables:
        above: dict[int, MappedText] = {}  # the last lead or responsible cell of each column in the group
        for row in table.rows:
            if row.grid.group:
                above.clear()
            for role, col in table.columns.items():
                cell = row.grid.cells[col]
                if role != SUPPORT and not row.grid.group and cell is not None and not cell.text:
                    cell = above.get(col)  # printed blank: the merged cell above
                if cell is None or not cell.text or (role == SUPPORT and not row.grid.printed[col]):
                    continue
                if role != SUPPORT:
                    above[col] = cell
                row_span, cell_span = row.grid.row.span, cell.span()
                quote = Span(min(row_span.start, cell_span.start), max(row_span.end, cell_span.end))
                found += cell_assignments(_measure(row), cell, role, quote)  # the row, and a cell spanning it
        notes = every_task(outline.text[table.annex.span.start : table.annex.span.end])  # 注：各项任务均需X负责落实
        for bodies, quote, _ in notes:  # (under the table: its rows are all above it)
            for row in table.rows:
                if not row.grid.group and (path := _measure(row)):
                    found += assign(path, bodies, IMPLEMENTER, False, ANNEX, quote)
    return found


def _tables(outline: Outline) -> list[tuple[Annex, str | None, str | None]]:
    """Every table that may list tasks, with the item of the body holding it and where its rows are
    placed: an annex's under its label (附件/3); a body table's under the item holding it when the
    table is all that item says (三、重点任务分工, then 序号 | 重点任务 | 牵头单位…: 三/3), else nowhere,
    its rows being tasks of that item."""
    items = {item.path: item for item in outline.walk()}
    annexed = [(annex, None, annex.label) for annex in outline.annexes]
    return annexed + [
        (t.table, t.home, t.home if _lists(items[t.home], t.table) else None) for t in body_tables(outline)
    ]


# A sentence that only points to the table below it (各项任务及责任分工见下表：; 具体任务如下表所示。),
# or opens it, ending in a colon (县本级按以下标准兑现相关条款：)
_POINTS_TO_TABLE = re.compile(
    r"[^。;:!?]{0,30}(?:见下表|如下表|下表所示|详见表\d?|分工如下|如下)(?:所示)?[:。]?$|[^。;:!?]{0,80}:$"
)


def _lists(item: Item, table: Annex) -> bool:
    """Whether a table is all an item says besides its heading and a sentence pointing to it: its list of tasks."""
    said = "".join(c for c, at in zip(item.body.text, item.body.index) if not table.span.start <= at < table.span.end)
    said = _POINTS_TO_TABLE.sub("", "".join(said.split()))
    return not item.children and len(said.rstrip("。.")) <= len(item.title or "")  # a run-in heading ends in 。


def _measure(row: _Row) -> str | None:
    """The measure a row's assignments belong to: the body item it names, else its own place when
    it names a task there (a row with no cell naming its task is no item of its own: None)."""
    return None if row.path == row.place and row.name is None else row.path


def annex_items(outline: Outline, tables: list[TaskTable] | None = None) -> list[Item]:
    """The tasks that only a task table states, as items whose path is their place (the measure
    their assignments belong to), each after its group when the group's number is part of it."""
    found: list[Item] = []
    for row, place in _own_rows(task_tables(outline) if tables is None else tables):
        number = place.rsplit("/", 1)[-1]
        style, ordinal = parse_segment(number)
        span, line = row.grid.row.span, row.grid.row.line
        title, text = row.names[0].display, MappedText.join(row.names)  # 重点任务 names it, 具体措施 says how
        found.append(Item(place, number, style, ordinal, title, text, span, line))
    return found


def annex_item_rows(outline: Outline, tables: list[TaskTable] | None = None) -> dict[int, str]:
    """The place of each annexed row that is a task of its own (:func:`annex_items`), by where the
    row starts in the text: the measure what the row states belongs to."""
    own = _own_rows(task_tables(outline) if tables is None else tables)
    return {row.grid.row.span.start: place for row, place in own}


def _own_rows(tables: list[TaskTable]) -> Iterator[tuple[_Row, str]]:
    """The placed rows of task tables, tasks or their groups, that no body item states, with their places."""
    for table in tables:
        rows = [(row, row.place) for row in table.rows if row.place and row.names]
        own = {place for row, place in rows if row.path == place}
        yield from ((row, place) for row, place in rows if place in own or any(p.startswith(f"{place}/") for p in own))


def annex_deadlines(outline: Outline, tables: list[TaskTable] | None = None) -> list[Deadline]:
    """The deadlines a task table's 完成时限 / 时间进度 column gives its rows, annexed or in the body."""
    found: list[Deadline] = []
    for table in task_tables(outline) if tables is None else tables:
        header = [t.text for t in table.annex.rows[0].texts] if table.annex.rows else []
        column = next((i for i, cell in enumerate(header) if DEADLINE_COLUMN.search(cell)), None)
        if column is None:
            continue
        for row in table.rows:
            cell = row.grid.cells[column] if column < len(row.grid.cells) else None
            deadline = deadline_in_cell(cell, row.path) if cell is not None and row.path else None
            if deadline:
                found.append(deadline)
    return found
