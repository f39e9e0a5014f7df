"""Typed records passed between the stages: outline and metadata.

Offsets in every record are character offsets into the decoded original text of the document,
end exclusive, so ``original[span.start:span.end]`` is the exact quote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policykg.errors import Problem

if TYPE_CHECKING:
    from policykg.graph.mapped import MappedText


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class DocumentDate:
    date: str  # ISO 8601
    kind: str  # issued | signed | printed
    span: Span


@dataclass(frozen=True)
class Metadata:
    title: str | None
    enclosed_title: str | None
    document_number: str | None
    issuers: tuple[str, ...]
    dates: tuple[DocumentDate, ...]
    fields: tuple[tuple[str, str], ...] = ()  # a web page's metadata table (索引号, 发文日期, …)


@dataclass
class Item:
    """A numbered item of the outline: a section, a measure or a sub-measure."""

    path: str  # numbers as printed, top level first, full-width brackets: 二/（三）
    number: str  # the marker as printed: "(三)", "1.", "一、"
    style: str  # marker style, see numbering.STYLES
    ordinal: int
    title: str | None
    body: MappedText  # own text, marker removed, page-break splits joined
    span: Span  # the whole item, children included
    line: int
    children: list[Item] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return self.path.count("/") + 1

    @property
    def text(self) -> str:
        return self.body.display

    def walk(self) -> Iterator[Item]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class AnnexRow:
    cells: tuple[str, ...]  # as printed, split cells joined
    span: Span
    line: int
    texts: tuple[MappedText, ...] = field(default=(), compare=False, repr=False)  # for extractors


@dataclass(frozen=True)
class Annex:
    label: str  # as printed, spaces removed: 附件1, 附件
    title: str | None
    rows: tuple[AnnexRow, ...]
    notes: tuple[str, ...]  # table notes such as 单位：亿元
    span: Span
    line: int


@dataclass
class Outline:
    """A document read into metadata, numbered items and annex tables."""

    source: str  # the file's name
    text: MappedText  # the normalised document
    metadata: Metadata
    preamble_text: MappedText
    items: list[Item]
    annexes: list[Annex]
    problems: list[Problem]

    @property
    def preamble(self) -> str:
        return self.preamble_text.display

    def walk(self) -> Iterator[Item]:
        """Every item in document order."""
        for item in self.items:
            yield from item.walk()
