"""Typed records passed between the stages: text → records → triples, every one in this module.

A document is read into a :class:`SourceText`, parsed into an :class:`Outline` (metadata, numbered
items, annex tables), and the extractors read from the outline who must do what (:class:`Assignment`),
targets, deadlines and citations; :class:`DocumentRecord` gathers them for the mapping to RDF. Across
the corpus, each document leaves a :class:`Digest`, and the measures of a chain (:class:`Measure`)
are aligned into :class:`Pair` records.

Offsets in every record are character offsets into the decoded original text of the document,
end exclusive, so ``original[span.start:span.end]`` is the exact quote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from policykg.errors import Problem

if TYPE_CHECKING:
    from policykg.graph.gazetteer import Agency, Found, Place
    from policykg.graph.mapped import MappedText

# -- the text as read ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceText:
    """A decoded document: its name, its text as read, the encoding and what reading it found."""

    name: str
    text: str
    encoding: str
    problems: tuple[Problem, ...] = ()


# -- the outline -----------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class DocumentDate:
    date: str  # ISO 8601
    kind: str  # issued | signed | printed | amended (the latest amendment a consolidated text notes)
    span: Span


@dataclass(frozen=True)
class Metadata:
    title: str | None
    enclosed_title: str | None
    document_number: str | None
    issuers: tuple[str, ...]
    dates: tuple[DocumentDate, ...]
    fields: tuple[tuple[str, str], ...] = ()  # a web page's metadata table (索引号, 发文日期, …)
    # the issuers as the masthead and the signature print them, in full (GB/T 9704 发文机关标志, 署名)
    printed_issuers: tuple[str, ...] = ()


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
    notice_text: MappedText  # the paragraphs of a notice that issues the document above its own preamble
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


# -- what the extractors read from an outline ------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """An agency as a document names it: ``written`` as printed, ``name`` with the prefix restored."""

    written: str
    name: str
    span: Span


@dataclass(frozen=True)
class Assignment:
    path: str | None  # the measure; None for an annex row that matches no measure
    agency: Mention
    role: str
    rank: int
    joint: bool
    source: str  # body | annex | prose
    quote: Span  # the clause, annex row or sentence that says so


@dataclass(frozen=True)
class Target:
    path: str  # the item, or the annex label for an annex table
    indicator: str
    kind: str  # level | growth | share | count | reduction | multiple | coverage | category | ratio
    value: float | None
    value_min: float | None
    value_max: float | None
    category: str | None
    unit: str | None
    comparator: str  # >= | ≈ | = | > | <= | range
    year: int | None
    per_year: bool
    scope: str  # city | each-county | each-zone | a place as printed
    baseline: str | None
    source: str  # body | annex
    quote: Span


@dataclass(frozen=True)
class Deadline:
    path: str  # the measure
    date: str  # ISO 8601, the last day the words allow
    quote: Span


@dataclass(frozen=True)
class Citation:
    """A document a text cites, by its title, its number or both (根据国办发〔2021〕10号文件精神: no title)."""

    title: str | None
    number: str | None
    relation: str  # based_on | cites
    level: str
    path: str | None  # the item that cites; None for the preamble
    quote: Span
    repeals: bool = False  # 原《X》（号）同时废止: the citing document replaces it
    amends: bool = False  # 决定对《X》作如下修改: the citing decision amends it


@dataclass(frozen=True)
class Cluster:
    """An industrial cluster: one zone (or county) and one industry, named as a table prints it."""

    name: str
    zone: str  # place IRI
    industry: str  # industry IRI


# -- the records of one document, for the mapping to RDF -------------------------------------------


@dataclass
class DocumentRecord:
    outline: Outline
    city: Place  # the administrative area whose government issues it
    level: str | None  # None: no place named, no level known
    annex_items: list[Item]  # tasks that only an annex states, with paths such as 附件/12
    deadlines: list[Deadline]
    places: list[Place]  # areas it refers to that the curated vocabulary lacks, outermost first
    issuers: list[Agency]
    assignments: list[tuple[Assignment, Agency]]
    targets: list[Target]
    target_scopes: list[tuple[str | None, Cluster | None]]  # per target: (place IRI, cluster)
    citations: list[Citation]
    mentions: dict[str, list[Found]]  # item path -> places, industries, companies it names
    problems: list[Problem]

    @property
    def stem(self) -> str:
        return Path(self.outline.source).stem


# -- across the corpus: the policy flow ------------------------------------------------------------


@dataclass(frozen=True)
class Digest:
    """What the flow needs of one document: small enough to keep for the whole corpus."""

    source: str  # the file, to read it again when it is part of a chain
    iri: str
    number: str | None
    titles: tuple[str, ...]  # the forms a citation may name it by, normalised
    # (normalised title, number, relation (based_on, cites, repeals or amends), the IRI of the cited document as
    # the citation names it)
    citations: tuple[tuple[str | None, str | None, str, str], ...]
    region: tuple[str, ...] = ()  # its place and the places that place lies in, IRIs, its own first
    date: str | None = None  # ISO 8601
    topic: str = ""  # its title without its region's names, opening and genre
    forwards: str = ""  # the normalised title of the document another body issued that it forwards (转发《X》)


@dataclass(frozen=True)
class Measure:
    path: str
    text: str  # title and text as printed
    kind: str = "task"  # or what frames the tasks (goals, steps), or a regulation's liability (see alignment)
    grade: int | None = None  # the response grade an emergency plan states it under (Ⅳ级应急响应: 4)


@dataclass(frozen=True)
class Pair:
    upper: str  # path
    lower: str
    score: float
    shared: tuple[str, ...]  # the most informative bigrams both state: the evidence
