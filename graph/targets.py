"""Quantified targets: what a policy promises, read from sentences and from annex tables.

A target is a number with a unit (or 倍增, 全覆盖, a zone's 星级/档级) that a clause commits to. Its
context comes from the clause and the sentence around it: the year (到2026年, a one-year plan's
year, "2年内" counted from the plan's first year), 每年/年均, the scope (全市, 各县（区）, 每个开发区),
the baseline (在2022年基础上, 较2023年, 同比) and the comparator (以上, 左右, 超过…). A number that
only qualifies a noun ("10亿元以上的项目", "百亿级") is not a target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.graph.mapped import MappedText
from policykg.graph.records import Annex, Item, Outline, Span
from policykg.graph.text import is_han, normalize

_NUMBER = r"\d+(?:\.\d+)?"
_COUNT_UNITS = "场次|家|个|项|件|座|条|台|套|户|所|次|场|批|名|人|亩"
_UNITS = f"%|亿元|万元|元|倍|{_COUNT_UNITS}"
_QUANTITY = re.compile(
    rf"(?P<num>{_NUMBER})(?:\s*(?P<sep>[-~—–至])\s*(?P<num2>{_NUMBER}))?\s*(?P<unit>{_UNITS})(?P<qual>以上|左右|以内|以下)?"
)
_SPECIAL = re.compile(r"(?P<double>倍增)(?!行动)|(?P<full>全覆盖)")
_YEAR = re.compile(r"(?:到|至|力争)?(?P<year>(?:19|20)\d\d)年(?:底前|前|底)?")
_WITHIN = re.compile(r"(?P<n>\d)年内")
_BASELINE = re.compile(r"(?:在|较|比)(?P<year>(?:19|20)\d\d)年(?:基础上)?")
_PER_YEAR = re.compile(r"每年|年均|年度")
_EACH_COUNTY = re.compile(r"各县\(?区\)?|各县区|每个县")
_EACH_ZONE = re.compile(r"每个开发区|各开发区|各产业集聚区|每个产业集聚区")
_REDUCE = re.compile(r"下降|降低|减少|压减")
_GROW = re.compile(r"增长|增速|递增|提高|增加|提升")
_SHARE = re.compile(r"占|比重|比例|占比|率")
_COVER = re.compile(r"覆盖率")
_VERBS = (
    "新认定|新入库|新培育|新谋划|新招引|新建|新增|培育|打造|创建|争创|引进|认定|组建|建成|建设|实施|形成|推动|"
    "储备|完成|转移转化|累计|达到|达|超过|突破|超|不低于|不少于|至少|注册|参与制修订|开展|盘活|上云平台|上云|带动|"
    "开发|滚动|持续|成功|巩固提升|普遍|引导|支持|力争|确保|推进|加快"
)
_SCOPE_WORDS = r"各县\(?区\)?|各县区|每个开发区|各开发区|各产业集聚区|全市|\d年内"
_LEADING = re.compile(
    rf"^(?:(?:到|至)?(?:19|20)\d\d年(?:底前|前|底)?|全年|{_SCOPE_WORDS}|每年|年均|年度|实现|其中|并|和|以及|{_VERBS})+"
)
_TRAILING = re.compile(rf"(?:{_VERBS}|分别|数量|总数|规模|均|的)+$")


@dataclass(frozen=True)
class Target:
    path: str  # the item, or the annex label for an annex table
    indicator: str
    kind: str  # level | growth | share | count | reduction | multiple | coverage | category
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


YUAN = {"元": 1, "万元": 10**4, "亿元": 10**8}


def in_yuan(value: float | None, unit: str | None) -> int | None:
    """A money amount in yuan, so that 1500亿元 and 150000000000元 compare.

    >>> in_yuan(1500, "亿元")
    150000000000
    """
    if value is None or unit not in YUAN:
        return None
    return round(value * YUAN[unit])


def _number(text: str | None) -> float | None:
    return None if text is None else float(text)


def plan_years(title: str) -> tuple[int | None, int | None]:
    """(first year, the single year of a one-year plan) from a title.

    >>> plan_years("濮阳市促进制造业倍增行动(2023—2026年)")
    (2023, None)
    >>> plan_years("驻马店市２０２１年工业经济高质量发展工作方案")
    (2021, 2021)
    """
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", _fold(title))]
    if not years:
        return None, None
    return min(years), (years[0] if len(set(years)) == 1 else None)


def _fold(text: str) -> str:
    """Titles and cells are kept as printed; full-width digits (２０２５) must read as ASCII."""
    return normalize(text).text


def _comparator(before: str, qual: str | None, ranged: bool) -> str:
    if ranged:
        return "range"
    if qual == "以上":
        return ">="
    if qual == "左右":
        return "≈"
    if qual in ("以内", "以下"):
        return "<="
    tail = before[-4:]
    if re.search(r"不低于|不少于|至少", tail):
        return ">="
    if re.search(r"超过|高于|突破", tail):
        return ">"
    if tail.endswith("超"):
        return ">="
    return "="


def _kind(unit: str, clause: str) -> str:
    if unit == "倍":
        return "multiple"
    if _REDUCE.search(clause):
        return "reduction"
    if unit == "%":
        if _COVER.search(clause):
            return "coverage"
        if _GROW.search(clause) and not _SHARE.search(clause):
            return "growth"
        return "share"
    return "level" if unit.endswith("元") else "count"


def _clean(indicator: str) -> str:
    """Drop leading verbs and context, trailing verbs, and quote marks left without their pair."""
    indicator = _LEADING.sub("", indicator.strip(' ,、:"'))
    indicator = _TRAILING.sub("", indicator).strip(' ,、"')
    if indicator.count("“") != indicator.count("”"):
        indicator = indicator.strip("“”")
        if "”" in indicator and "“" not in indicator:
            indicator = "“" + indicator  # "股上市”企业": the opening mark fell on the verb's side
    return indicator


def _indicator(clause: str, kind: str) -> str:
    """What is measured: for growth, shares and levels the subject before the verb; for counts the
    object between the verb and the number."""
    if kind in ("growth", "share", "reduction", "coverage", "level", "multiple"):
        m = re.search(
            r"(.*?)(?:年均|同比|在(?:19|20)\d\d年基础上|较(?:19|20)\d\d年)?(?:增长|增速|下降|降低|达到|达|占|提高到|超过|超|突破|实现|完成|高于)",
            clause,
        )
        if m and _clean(m.group(1)):
            return _clean(m.group(1))
    return _clean(clause)


@dataclass
class _Context:
    """What a sentence has said so far: it carries over to the clauses that follow."""

    year: int | None
    start: int | None


def _year_before(text: str, context: _Context) -> int | None:
    found = None
    for m in _YEAR.finditer(text):
        if not _BASELINE.match(text, max(0, m.start() - 1)) and text[max(0, m.start() - 1) : m.start()] not in (
            "在",
            "较",
            "比",
        ):
            found = int(m.group("year"))
    for m in _WITHIN.finditer(text):
        if context.start:
            found = context.start + int(m.group("n")) - 1
    return found


def _scope(before: str, places: list[str]) -> str:
    hits = [(m.end(), "each-county") for m in _EACH_COUNTY.finditer(before)]
    hits += [(m.end(), "each-zone") for m in _EACH_ZONE.finditer(before)]
    hits += [(m.end(), "city") for m in re.finditer("全市", before)]
    hits += [(before.rfind(p) + len(p), p) for p in places if p in before]
    return max(hits)[1] if hits else "city"


def _baseline(clause: str) -> str | None:
    m = _BASELINE.search(clause)
    if m:
        return m.group("year")
    return "previous-year" if "同比" in clause else None


def sentence_targets(
    path: str, sentence: MappedText, context: _Context, default_year: int | None, places: list[str]
) -> Iterator[Target]:
    text = sentence.text
    year_in_sentence = None
    boundaries = [0] + [m.end() for m in re.finditer(r"[,;:]", text)]
    quantities = sorted(
        [(m.start(), m.end(), m) for m in _QUANTITY.finditer(text)]
        + [(m.start(), m.end(), m) for m in _SPECIAL.finditer(text)],
        key=lambda t: t[0],
    )
    groups: list[list[tuple[int, int, re.Match]]] = []
    for q in quantities:
        if groups and text[groups[-1][-1][1] : q[0]] == "、" and "分别" in text[: q[0]]:
            groups[-1].append(q)
        else:
            groups.append([q])
    for group in groups:
        start, end, m = group[0]
        if _not_a_target(text, start, group[-1][1], m):
            continue
        clause_start = max(b for b in boundaries if b <= start)
        clause = text[clause_start:start]
        year_here = _year_before(text[:start], context)
        year = year_here or year_in_sentence or context.year or default_year
        year_in_sentence = year_here or year_in_sentence
        before_item = re.split(r"、", clause)[-1] if "分别" not in clause else clause
        after_noun = _clean(re.match(r"[^,;、。(]*", text[group[-1][1] :]).group())
        indicators = [clause]
        if len(group) > 1:
            head = _indicator(clause.split("分别")[0], "level")
            parts = [p for p in re.split(r"、|和", _TRAILING.sub("", head)) if p]
            indicators = parts if len(parts) == len(group) else [head] * len(group)
        for k, (s, _end, q) in enumerate(group):
            quote = sentence.span(clause_start, group[-1][1])
            if q.re is _SPECIAL:
                kind = "multiple" if q.group("double") else "coverage"
                value, lo, hi, unit, comp = (
                    (2.0, None, None, "倍", "=") if kind == "multiple" else (100.0, None, None, "%", "=")
                )
            else:
                unit = q.group("unit")
                ranged = q.group("num2") is not None
                value = None if ranged else _number(q.group("num"))
                lo, hi = (_number(q.group("num")), _number(q.group("num2"))) if ranged else (None, None)
                comp = _comparator(text[:s], q.group("qual"), ranged)
                kind = _kind(unit, clause)
            if len(group) > 1:
                indicator = _clean(indicators[k])
            elif kind == "count" and after_noun:
                indicator = after_noun  # "培育2家省级数字化转型示范区": the noun follows the number
            else:
                indicator = _indicator(before_item, kind)
            yield Target(
                path, indicator, kind, value, lo, hi, None, unit, comp, year,
                bool(_PER_YEAR.search(clause)), _scope(text[:s], places), _baseline(clause), "body", quote,
            )  # fmt: skip
    if year_in_sentence:
        context.year = year_in_sentence


def _not_a_target(text: str, start: int, end: int, m: re.Match) -> bool:
    """Numbers that qualify a noun (10亿元以上的项目, 百亿级), or sit in a name or a title."""
    after = text[end : end + 2]
    if after.startswith(("的", "级", "月")) or text[start - 1 : start] in ("+", "第"):
        return True
    if m.re is _QUANTITY and (m.group("unit") == "%" or m.group("unit").endswith("元")):
        if after[:1] and is_han(after[0]):
            return True  # "10亿元以上制造业项目": an amount that describes a noun
    if m.re is _QUANTITY and re.match(r"[+]", text[end : end + 1]):
        return True
    opened = text[:start]
    return opened.count("《") > opened.count("》") or opened.count("“") > opened.count("”")


def item_targets(item: Item, default_year: int | None, start: int | None, places: list[str]) -> list[Target]:
    context = _Context(None, start)
    found: list[Target] = []
    for para in _split(item.body, "\n"):
        context.year = None
        for sentence in _split(para, "。;"):
            found += sentence_targets(item.path, sentence, context, default_year, places)
    return found


def _split(text: MappedText, separators: str) -> Iterator[MappedText]:
    at = 0
    for m in [*re.finditer(f"[{separators}]", text.text), None]:
        end = m.start() if m else len(text.text)
        if text.text[at:end].strip():
            yield text[at:end]
        at = end + 1 if m else end


# -- annex tables -------------------------------------------------------------------------------

_CATEGORY = re.compile(r"[一二三四五]\s*[星档]")
_YEAR_CELL = re.compile(r"(?P<year>(?:19|20)\d\d)年(?P<indicator>.*)")


def annex_targets(annex: Annex) -> list[Target]:
    """Targets of a table with entities (zones, clusters) as columns and years as rows.

    Each year row holds k cells per entity: a star and a tier in 附件2's layout, one revenue
    figure in 附件3's. The unit comes from the table's note (单位：亿元).
    """
    if len(annex.rows) < 2 or not any(_YEAR_CELL.match(_fold(r.cells[0])) for r in annex.rows[1:]):
        return []
    entities = annex.rows[0].cells[1:]
    unit = next((n.split(":", 1)[-1].split("：", 1)[-1].strip() for n in annex.notes if "单位" in n), None)
    found = []
    for row in annex.rows[1:]:
        m = _YEAR_CELL.match(_fold(row.cells[0]))
        if not m or not entities:
            continue
        cells = list(zip(row.cells[1:], row.texts[1:]))
        per_entity = len(cells) // len(entities)
        if per_entity == 0 or len(cells) % len(entities):
            continue
        for e, entity in enumerate(entities):
            for cell, text in cells[e * per_entity : (e + 1) * per_entity]:
                target = _cell_target(annex.label, entity, int(m.group("year")), m.group("indicator"), unit, cell, text)
                if target:
                    found.append(target)
    return found


def _cell_target(label, entity, year, indicator, unit, cell, text) -> Target | None:
    value = _fold(cell).replace(" ", "")
    if not value:
        return None
    span = text.span() if len(text) else Span(0, 0)
    if _CATEGORY.fullmatch(value):
        name = "星级" if value.endswith("星") else "档级"
        return Target(
            label, name, "category", None, None, None, value, None, "=", year, False, entity, None, "annex", span
        )
    if re.fullmatch(_NUMBER, value):
        return Target(
            label,
            indicator or "目标值",
            "level",
            float(value),
            None,
            None,
            None,
            unit,
            "=",
            year,
            False,
            entity,
            None,
            "annex",
            span,
        )
    return None


def outline_targets(outline: Outline, places: list[str]) -> list[Target]:
    """Every target of a document: its items' sentences and its annex tables."""
    title = " ".join(filter(None, [outline.metadata.title, outline.metadata.enclosed_title]))
    start, default = plan_years(title)
    if start is None:  # no period in the title: the horizon its goals state ("到2025年，…") holds
        horizon = next(
            (_YEAR.search(i.body.text) for i in outline.walk() if re.search(r"到(?:19|20)\d\d年", i.body.text)), None
        )
        default = int(horizon.group("year")) if horizon else None
    found: list[Target] = []
    for item in outline.walk():
        found += item_targets(item, default, start, places)
    for annex in outline.annexes:
        found += annex_targets(annex)
    return found
