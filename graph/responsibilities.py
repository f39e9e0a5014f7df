"""Who must do what: responsibility assignments read from clauses, annex tables and prose.

Four sources, each a function from an :class:`Outline` to :class:`Assignment` records:

- body clauses ``（责任单位：A、B、C）`` (role ``responsible``), also ``（A牵头，B配合）`` and
  ``（牵头单位：A；配合单位：B）`` (``lead``/``support``);
- blanket clauses ``以下各项任务均需X、Y负责落实，不再列出`` (``implementer`` on every later measure of
  the section);
- annex tables with 牵头/参加/配合 columns (``lead``/``support``), each row matched to its measure;
- prose in the body: ``市发改委统筹协调推进…``, ``A、B分别牵头成立X、Y工作专班`` (``coordinator``).

Extractors know nothing of RDF; names are as written, with a city prefix written once restored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.graph.mapped import MappedText
from policykg.graph.records import Annex, AnnexRow, Item, Outline, Span

RESPONSIBLE, LEAD, SUPPORT, IMPLEMENTER, COORDINATOR = "responsible", "lead", "support", "implementer", "coordinator"
BODY, ANNEX, PROSE = "body", "annex", "prose"

_CLAUSE_OPEN = re.compile(r"\((?=(?:责任单位|责任部门|牵头单位|牵头部门|[^()]{2,40}?牵头))")
_LABEL = re.compile(r"(责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|参加单位|参与单位)\s*:")
_LABEL_ROLE = {"责任": RESPONSIBLE, "牵头": LEAD, "配合": SUPPORT, "参加": SUPPORT, "参与": SUPPORT}
_BLANKET = re.compile(r"[,;]?\s*(?:以下|下列)(?:各项)?任务均[需由](.+?)负责落实[^)]*$")
_LEAD_FORM = re.compile(r"^(.+?)牵头(?:负责)?(?:[,;](.+?)(配合|参与|协同|组织落实|负责落实|落实)?)?$")
_SEPARATORS = re.compile(r"[、,;。]")
_JOINT = "按职责分工负责"
_KEEPS_OWN_PREFIX = re.compile(r"^(市|省|县|区|各|中共|国家|中国)|区|管委会|党工委|集团|支行|分行|分局")
_ZONE_SUFFIX = re.compile(r"区(管委会|党工委)$")
_AGENCY_FORM = re.compile(
    r"[\u4e00-\u9fff()]{1,24}?(局|委|办|厅|部|委员会|办公室|中心|公司|集团|支行|分局|管委会|领导小组|政府|党工委|单位|部门|银行|工商联|运营商)"
)
_PROSE_VERB = re.compile(r"统筹|牵头|抓总|调度")


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


# -- agency lists ---------------------------------------------------------------------------


def split_agencies(text: MappedText) -> list[Mention]:
    """Split a list of agencies, restoring a city prefix written once and a shared suffix.

    >>> [m.name for m in split_agencies(MappedText.of("市发改委、教育局、市场监管局"))]
    ['市发改委', '市教育局', '市市场监管局']
    >>> [m.name for m in split_agencies(MappedText.of("各县、区人民政府(管委会),高新区管委会"))]
    ['各县、区人民政府(管委会)', '高新区管委会']
    >>> [m.name for m in split_agencies(MappedText.of("经开区、工业园区、示范区管委会"))]
    ['经开区管委会', '工业园区管委会', '示范区管委会']
    """
    pieces, start = [], 0
    for m in [*_SEPARATORS.finditer(text.text), None]:
        end = m.start() if m else len(text.text)
        piece = text[start:end].strip()
        if m and len(piece.text) <= 2 and not _AGENCY_FORM.fullmatch(piece.text):
            continue  # "各县、区人民政府": too short to be a body, it runs on into the next piece
        if piece.text:
            pieces.append(piece)
        start = end + 1 if m else end
    names = [p.text for p in pieces]
    prefix = "市" if names and names[0].startswith("市") else ""
    for i, name in enumerate(names):
        if prefix and (name.startswith("市场") or not _KEEPS_OWN_PREFIX.search(name)):
            names[i] = prefix + name
    for i, name in enumerate(names):
        if name.endswith("区"):
            later = next((n for n in names[i + 1 :] if _ZONE_SUFFIX.search(n)), None)
            if later:
                names[i] = name + _ZONE_SUFFIX.search(later).group(1)
    return [Mention(p.display, n, p.span()) for p, n in zip(pieces, names)]


def _joint_list(text: MappedText) -> tuple[list[Mention], bool]:
    """A list that may end with 按职责分工负责 (a joint lead)."""
    joint = text.text.rstrip().endswith(_JOINT)
    if joint:
        text = text[: text.text.rindex(_JOINT)]
    return split_agencies(text), joint


def _assign(path, mentions, role, joint, source, quote) -> list[Assignment]:
    return [Assignment(path, m, role, rank, joint, source, quote) for rank, m in enumerate(mentions, 1)]


# -- body clauses -----------------------------------------------------------------------------


def _closing_paren(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n":
            return i
    return len(text)


def _clauses(item: Item) -> Iterator[tuple[MappedText, MappedText]]:
    """(whole clause with brackets, content) for each responsibility clause of an item."""
    text = item.body.text
    for m in _CLAUSE_OPEN.finditer(text):
        end = _closing_paren(text, m.start())
        yield (
            item.body[m.start() : end + 1 if end < len(text) and text[end] == ")" else end],
            item.body[m.start() + 1 : end],
        )


def clause_assignments(item: Item) -> tuple[list[Assignment], list[Mention]]:
    """Assignments of an item's clauses, and the implementers of a blanket clause in them."""
    found: list[Assignment] = []
    blanket: list[Mention] = []
    for clause, content in _clauses(item):
        quote = clause.span()
        m = _BLANKET.search(content.text)
        if m:
            blanket = split_agencies(content[m.start(1) : m.end(1)])
            content = content[: m.start()]
        labels = list(_LABEL.finditer(content.text))
        if labels:
            for k, label in enumerate(labels):
                end = labels[k + 1].start() if k + 1 < len(labels) else len(content.text)
                role = _LABEL_ROLE[label.group(1)[:2]]
                mentions, joint = _joint_list(content[label.end() : end])
                found += _assign(item.path, mentions, role, joint, BODY, quote)
            continue
        lead = _LEAD_FORM.match(content.text)
        if lead and all(_AGENCY_FORM.fullmatch(x.name) for x in split_agencies(content[: lead.end(1)])):
            found += _assign(item.path, split_agencies(content[: lead.end(1)]), LEAD, False, BODY, quote)
            if lead.group(2):
                verb = lead.group(3) or "配合"
                role = IMPLEMENTER if "落实" in verb else SUPPORT
                found += _assign(
                    item.path, split_agencies(content[lead.start(2) : lead.end(2)]), role, False, BODY, quote
                )
    return found, blanket


def body_assignments(outline: Outline) -> list[Assignment]:
    """Body clauses, and blanket clauses applied to the later measures of their section."""
    found: list[Assignment] = []
    for root in outline.items:
        items = list(root.walk())
        for i, item in enumerate(items):
            own, blanket = clause_assignments(item)
            found += own
            if blanket:
                clause = next(c for c, _ in _clauses(item))
                for later in items[i + 1 :]:
                    if not later.children:
                        found += _assign(later.path, blanket, IMPLEMENTER, False, BODY, clause.span())
    return found


# -- annex tables -------------------------------------------------------------------------------

_LEAD_COL = re.compile(r"牵头(单位|部门)")
_SUPPORT_COL = re.compile(r"(参加|配合|协助|协办|参与)(单位|部门)")
_RESP_COL = re.compile(r"责任(单位|部门)")
_INDEX = re.compile(r"\d{1,3}")


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams: tolerant of 推广/推进 and of word order.

    >>> round(similarity("推广绿色工厂建设", "推进绿色工厂建设"), 2)
    0.71
    """
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def coverage(part: str, whole: str) -> float:
    """Share of ``part``'s character bigrams found in ``whole``.

    >>> coverage("开发区协同创新", "实施协同创新行动")
    0.5
    """
    x = _bigrams(part)
    return len(x & _bigrams(whole)) / len(x) if x else 0.0


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
            mentions, joint = _joint_list(cell)
            found += _assign(path, mentions, role, joint, ANNEX, row.span)
    return found


# -- prose --------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。;]+")
_TASK_FORCE = re.compile(r"分别牵头(?:成立|组建)?(.+?)(?:[一二三四五六七八九十\d]+个)?(?:工作)?专班")


def prose_assignments(outline: Outline, known) -> list[Assignment]:
    """Named bodies that a sentence makes responsible: X统筹/牵头/抓总/调度….

    ``known(name)`` says whether a name is an agency (not a collective such as 各县区).
    """
    items = [it for it in outline.walk() if it.title]
    found: list[Assignment] = []
    for item in outline.walk():
        text = item.body.text
        for s in _SENTENCE.finditer(text):
            sentence = item.body[s.start() : s.end()].strip()
            first = re.split(r"[,]", sentence.text, maxsplit=1)[0]
            subject = re.match(r"(.+?)(?=分别牵头|统筹|牵头|抓总|每月|每季度|定期)", first)
            if not subject or not _PROSE_VERB.search(first):
                continue
            mentions = split_agencies(sentence[: subject.end()])
            if not mentions or not all(_AGENCY_FORM.fullmatch(m.name) and known(m.name) for m in mentions):
                continue
            pairs = _TASK_FORCE.search(sentence.text)
            if pairs and len(mentions) > 1:
                targets = [t.name for t in split_agencies(sentence[pairs.start(1) : pairs.end(1)])]
                for rank, (mention, target) in enumerate(zip(mentions, targets), 1):
                    hit = max(items, key=lambda it: coverage(target, it.title or ""), default=None)
                    hit = hit.path if hit and coverage(target, hit.title or "") >= 0.5 else item.path
                    found.append(Assignment(hit, mention, COORDINATOR, rank, False, PROSE, sentence.span()))
            else:
                found += _assign(item.path, mentions, COORDINATOR, False, PROSE, sentence.span())
    return found
