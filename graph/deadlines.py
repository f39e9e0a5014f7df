"""Deadlines: the dates by which a task is to be done, as official writing states them.

In a task's text a deadline ends in 前 (2025年底前, 2024年3月底前, 2021年6月20日前, 2026年上半年前)
or names the end of a period (到2025年底); an annex's 完成时限 / 时间进度 / 完成时间 column states
it without 前 (2026年12月底). A deadline is the last day its words allow: 2024年3月底 is 2024-03-31,
上半年 is 06-30, a year alone its 12-31.
"""

from __future__ import annotations

import calendar
import re

from policykg.graph.body_tables import body_tables
from policykg.graph.mapped import MappedText
from policykg.graph.records import Deadline, Outline

_PERIOD_END = {"上半年": 6, "年中": 6, "一季度": 3, "第一季度": 3, "二季度": 6, "第二季度": 6, "三季度": 9,
               "第三季度": 9, "四季度": 12, "第四季度": 12, "下半年": 12, "底": 12, "末": 12}  # fmt: skip
_WHEN = (
    r"(?P<year>(?:19|20)\d\d)年(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日|(?P<month_end>底|末|下旬))?"
    r"|(?P<period>上半年|下半年|年中|第?[一二三四]季度|底|末))?"
)
DEADLINE_COLUMN = re.compile(r"完成时限|完成时间|时间进度|时间节点|时限要求|时限")
# a span of time dated at both ends (动员部署阶段（2024年7月—2024年8月）, 2024年9月至2026年6月): the work
# of the span is done by its end; not a validity, a reporting or an application period
# (有效期为2023年1月1日至2025年12月31日, 统计期, 申报时间)
_SPAN_OF = re.compile(r"(?:有效期|施行|执行|期限|统计|申报|起止|截止)[^,;。]{0,6}$")
_SPAN = rf"(?:19|20)\d\d年\d{{1,2}}月(?:\d{{1,2}}日)?\s*(?:—|–|~|～|-|至|到)\s*{_WHEN.replace('?P<', '?P<r_')}"
# 到/至 a period's end is a deadline (到2025年底), not 截至 (a status) or 有效期至 (a validity); so is a
# date a deadline's label introduces in a clause (完成时限:2025年12月).
_IN_TEXT = re.compile(
    rf"{_SPAN}|{_WHEN}(?:以前|之前|前)|(?<!截)(?<!有效期)(?:到|至){_WHEN.replace('?P<', '?P<e_')}"
    rf"|(?:{DEADLINE_COLUMN.pattern})\s*:\s*{_WHEN.replace('?P<', '?P<l_')}"
)
_IN_CELL = re.compile(rf"^{_WHEN}(?:以前|之前|前)?$")


def _date(m: re.Match[str], prefix: str = "", period_end: bool = False) -> str | None:
    """The last day a matched deadline allows (its groups named with ``prefix``); with ``period_end``,
    only when it names a period's end (到2025年 alone is a horizon)."""
    g = {k.removeprefix(prefix): v for k, v in m.groupdict().items() if k.startswith(prefix) and v}
    if "year" not in g:
        return None
    year = int(g["year"])
    if period_end and not ({"month_end", "period"} & g.keys()):
        return None
    if "period" in g:
        month = _PERIOD_END[g["period"]]
    else:
        month = int(g.get("month", 12))
    if not 1 <= month <= 12:
        return None
    day = int(g["day"]) if "day" in g else calendar.monthrange(year, month)[1]
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def deadlines_in(text: MappedText, path: str) -> list[Deadline]:
    """The deadlines a task's text states.

    >>> [d.date for d in deadlines_in(MappedText.of("2024年3月底前完成评估,到2025年底全面建成,2025年前达到"), "一")]
    ['2024-03-31', '2025-12-31', '2025-12-31']
    >>> deadlines_in(MappedText.of("到2025年,建成10个;截至2020年底,有效期至2031年1月31日"), "一")
    []
    >>> [d.date for d in deadlines_in(MappedText.of("(责任单位:市科委;完成时限:2025年6月)"), "一")]
    ['2025-06-30']
    >>> [d.date for d in deadlines_in(MappedText.of("集中攻坚阶段(2024年9月—2026年6月)"), "一")]
    ['2026-06-30']
    >>> deadlines_in(MappedText.of("本方案有效期为2024年1月1日至2026年12月31日"), "一")
    []
    """
    found = []
    for m in _IN_TEXT.finditer(text.text):
        date = _date(m, "r_") or _date(m) or _date(m, "e_", period_end=True) or _date(m, "l_")
        if date and m["r_year"] and _SPAN_OF.search(text.text[: m.start()]):
            continue
        if date:
            found.append(Deadline(path, date, text.span(m.start(), m.end())))
    return found


def deadline_in_cell(cell: MappedText, path: str) -> Deadline | None:
    """The deadline an annex's deadline cell states (2026年12月底), if it states one (持续推进 does not).

    >>> deadline_in_cell(MappedText.of("2026年12月底"), "附件/3").date
    '2026-12-31'
    """
    m = _IN_CELL.match(cell.text.strip())
    date = _date(m) if m else None
    return Deadline(path, date, cell.span()) if date else None


def outline_deadlines(outline: Outline) -> list[Deadline]:
    """Deadlines in the own text of every item (an item's children state their own); a date before
    the document's year describes the past (2019年以前建成的房屋), not a deadline. The cells of a
    table in the body are no text of the item that holds it: the table's rows give their own
    deadlines (:mod:`task_tables`)."""
    year = min((d.date[:4] for d in outline.metadata.dates), default="")
    tables = [t.table.span for t in body_tables(outline)]
    return [
        d
        for item in outline.walk()
        for d in deadlines_in(item.body, item.path)
        if d.date[:4] >= year and not any(t.start <= d.quote.start < t.end for t in tables)
    ]
