"""Document metadata from the front matter: title, 文号, issuers and dates.

Lines before the preamble are classed one by one (a 文件 header, a 文号 line, a date, the
addressee line ending in a colon, sentences of a notice, a web page's metadata table); the first run
of the remaining short lines is the title.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from policykg.errors import Problem
from policykg.graph.mapped import MappedText
from policykg.graph.records import DocumentDate, Metadata

if TYPE_CHECKING:
    from policykg.graph.outline import Line

DATE_LINE = re.compile(r"\(?(\d{4})年(\d{1,2})月(\d{1,2})日\)?(印发)?$")
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[](?:19|20)\d\d[〕\]]\d{1,4}号")
_FIELD_LABELS = (
    "索引号",
    "主题分类",
    "信息来源",
    "发文机关",
    "发文日期",
    "成文日期",
    "发布日期",
    "名称",
    "文号",
    "关键词",
)
_FIELD = re.compile(f"({'|'.join(_FIELD_LABELS)}):")
_HEADER = re.compile(r".{2,30}文件")
_ENCLOSED = re.compile(r"关于印发《(.+)》的通知")


def iso_date(year: str, month: str, day: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _fields(text: str) -> list[tuple[str, int, int]]:
    """(label, value start, value end) of each field of a metadata-table line."""
    found = list(_FIELD.finditer(text))
    return [
        (m.group(1), m.end(), found[k + 1].start() if k + 1 < len(found) else len(text)) for k, m in enumerate(found)
    ]


def _clean(doc: MappedText, start: int, end: int) -> MappedText:
    return doc[start:end].strip(" |")


def parse_metadata(
    name: str, doc: MappedText, lines: list[Line], front_end: int, closing: list[Line]
) -> tuple[Metadata, list[Problem]]:
    """Metadata from ``lines[:front_end]`` (the front matter) and the closing block."""
    fields: dict[str, MappedText] = {}
    dates: list[DocumentDate] = []
    runs: list[list[Line]] = [[]]
    number: MappedText | None = None
    for line in lines[:front_end]:
        text = line.text(doc)
        if not text:
            continue
        found = _fields(text)
        if found:
            for label, s, e in found:
                fields.setdefault(label, _clean(doc, line.content + s, line.content + e))
            runs.append([])
            continue
        date = DATE_LINE.match(text)
        if date:
            after_title = bool(runs[-1]) and len([r for r in runs if r]) == 1
            kind = "printed" if date.group(4) else ("issued" if after_title else "signed")
            dates.append(DocumentDate(iso_date(*date.groups()[:3]), kind, doc.span(line.content, line.end)))
            runs.append([])
        elif DOCUMENT_NUMBER.fullmatch(text):
            number = number or doc[line.content : line.end]
            runs.append([])
        elif _HEADER.fullmatch(text) or text.endswith(":") or "。" in text:
            runs.append([])
        else:
            runs[-1].append(line)
    for line in closing:
        date = DATE_LINE.match(line.text(doc))
        if date:
            kind = "printed" if date.group(4) else "signed"
            dates.append(DocumentDate(iso_date(*date.groups()[:3]), kind, doc.span(line.content, line.end)))

    if "发文日期" in fields or "成文日期" in fields:
        for label, kind in (("发文日期", "issued"), ("成文日期", "signed")):
            m = label in fields and re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", fields[label].text)
            if m:
                dates.insert(0, DocumentDate(iso_date(*m.groups()), kind, fields[label].span(*m.span())))

    problems = []
    title_run = next((r for r in runs if r), [])
    if "名称" in fields and fields["名称"].text:
        title = fields["名称"].display
    elif title_run:
        title = "".join(doc[ln.content : ln.end].display for ln in title_run)
    else:
        title = None
        problems.append(Problem(name, None, "warning", "no title found in the front matter"))
    if "文号" in fields and DOCUMENT_NUMBER.search(fields["文号"].text):
        m = DOCUMENT_NUMBER.search(fields["文号"].text)
        number = fields["文号"][m.start() : m.end()]
    enclosed = _ENCLOSED.search(title or "")
    issuers: tuple[str, ...] = ()
    if title and "关于" in title:
        issuers = tuple(title.split("关于", 1)[0].split())
    meta = Metadata(
        title=title,
        enclosed_title=enclosed.group(1) if enclosed else None,
        document_number=number.display if number else None,
        issuers=issuers,
        dates=tuple(dates),
        fields=tuple((k, v.display) for k, v in fields.items()),
    )
    return meta, problems
