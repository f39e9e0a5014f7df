"""Quantified targets: what a policy promises, read from sentences and from annex tables.

A target is a number with a unit (or 倍增, 全覆盖, 全量, 清零, a 星级 to build to, a zone's 星级/档级)
that a clause commits to. Its context comes from the clause and the sentence around it: the year
(到2026年, 2025年底前, 至“十四五”期末, a one-year plan's year, "2年内" counted from the plan's first
year), 每年/年均, the scope (全市, 各县（区）, 各街镇, 每个开发区), the baseline (在2022年基础上,
较2023年, 同比) and the comparator (以上, 左右, 不少于, 超过, 低于…). A number that only qualifies
a noun ("10亿元以上的项目", "1000亩以上开放休闲林地5个", "57座以上大客车"), sizes a named thing
("远香湖南（4.73平方公里）", "10万吨绿色甲醇项目"), classifies (分为…6个等级), describes the past
(已建成…) or sits in a name is not a target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.graph.mapped import MappedText
from policykg.graph.records import Annex, AnnexRow, Item, Outline, Span
from policykg.graph.text import is_han, normalize

_NUMBER = r"\d+(?:\.\d+)?"
_HAN_DIGITS = "〇零一二两三四五六七八九十百千万"
_COUNT_UNITS = "场次|家|个|项|件|座|条|台|套|户|所|次|场|批|名|人|张|处|辆|栋"
_MEASURE_UNITS = "平方公里|平方米|公顷|亩|公里|千米|米|千瓦时|千瓦|兆瓦|吨标准煤|吨|标方|小时|微克/立方米|m2|㎡|年一遇"
_UNITS = rf"%|倍|[万亿]?(?:元|{_MEASURE_UNITS}|{_COUNT_UNITS})"
_QUANTITY = re.compile(
    rf"(?:百分之(?P<pct>[{_HAN_DIGITS}]+|{_NUMBER})"
    rf"|(?P<num>{_NUMBER}|[{_HAN_DIGITS}]+)(?:\s*(?P<sep>[-~—–至])\s*(?P<num2>{_NUMBER}))?\s*(?P<unit>{_UNITS}))"
    r"(?P<qual>及以上|以上|左右|以内|以下)?"
)
# Whole-set goals: 倍增 (doubling), 全覆盖/全量 (all of it), 清零 (none left), 全面完成 by a year.
_SPECIAL = re.compile(
    r"(?P<double>倍增)(?!行动|计划|工程)|(?<![健安齐])(?P<full>全覆盖)|(?P<all>全量)(?=[\u4e00-\u9fff])"
    r"|(?P<zero>清零)(?!行动|工程|计划|工作)|(?P<done>全面完成)"
)
_CATEGORY_GOAL = re.compile(r"(?P<cat>[一二三四五]星级)(?P<up>及以上)?标准建设")
_YEAR = re.compile(r"(?:到|至|力争)?(?P<year>(?:19|20)\d\d)年(?:底前|前|底|末)?")
_PERIOD = re.compile(r"“?十(?P<n>[一二三四五六七八九])五”?(?:期末|末|期间|时期|规划)")
_WITHIN = re.compile(r"(?P<n>\d)年内")
_BASELINE = re.compile(r"(?:在|较|比)(?P<year>(?:19|20)\d\d)年(?:基础上)?")
_PER_YEAR = re.compile(r"每年|年均|年度")
_EACH_COUNTY = re.compile(r"各县\(?区\)?|各县区|每个县|各区(?!域)|各街镇|各镇|各乡镇|各街道")
_EACH_ZONE = re.compile(r"每个开发区|各开发区|各产业集聚区|每个产业集聚区")
_WHOLE = re.compile(r"全市|全区|全县|全镇|本市|本区")
_REDUCE = re.compile(r"下降|降低|减少|压减")
_GROW = re.compile(r"增长|增速|递增|提高|增加|提升")
_SHARE = re.compile(r"占|比重|比例|占比|率")
_COVER = re.compile(r"覆盖率")
_PAST = re.compile(r"现有|已建成|已完成|已有|目前|十三五")
_CLASSIFY = re.compile(r"分为|分成|包括")
_VERBS = (
    "新认定|新入库|新培育|新谋划|新招引|新建|新增|培育|打造|创建|争创|引进|认定|组建|建成|建设|实施|形成|推动|"
    "储备|完成|转移转化|累计|共计|合计|达到|达|超过|突破|超|不低于|不少于|至少|注册|参与制修订|开展|盘活|上云平台|上云|"
    "带动|开发|滚动|持续|成功|巩固提升|普遍|引导|支持|力争|确保|推进|加快|改造|提升|设置|新建|推广|筹措|保持"
)
# Chinese numerals count only as the object of a verb ("提升百个大公共空间", "开展一次联合演练").
_HAN_VERB = re.compile(r"(?:实施|开展|建设|提升|新建|建成|新增|完成|打造|创建|培育|引进|配备)$")
_CEILING = re.compile(r"(?:不超过|不高于|低于|控制在)$")
_FLOOR = re.compile(r"(?:不低于|不少于|至少)$")
_SCOPE_WORDS = r"各县\(?区\)?|各县区|每个开发区|各开发区|各产业集聚区|全市|全区|\d年内"
_LEADING = re.compile(
    rf"^(?:(?:到|至)?(?:19|20)\d\d年(?:底前|前|底)?|全年|{_SCOPE_WORDS}|每年|年均|年度|实现|其中|并|和|以及|要|{_VERBS})+"
)
_TRAILING = re.compile(rf"(?:{_VERBS}|分别|数量|总数|规模|均|的|应)+$")


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


def han_number(text: str) -> float | None:
    """A number written in Chinese numerals.

    >>> [han_number(t) for t in ("九十五", "百", "千", "一万", "十二", "二十四", "两")]
    [95.0, 100.0, 1000.0, 10000.0, 12.0, 24.0, 2.0]
    """
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    powers = {"十": 10, "百": 100, "千": 1000, "万": 10000}
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in digits:
            digit = digits[ch]
        elif ch == "万":
            total += (section + (digit or 0) or 1) * 10000
            section, digit = 0, None
        elif ch in powers:
            section += (1 if digit is None else digit) * powers[ch]
            digit = None
        else:
            return None
    return float(total + section + (digit or 0))


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    return float(text) if text[0].isdigit() else han_number(text)


def plan_years(title: str) -> tuple[int | None, int | None]:
    """(first year, the single year of a one-year plan) from a title; dates (2021年8月25日) are
    when a text was passed or published, not years it plans for.

    >>> plan_years("濮阳市促进制造业倍增行动(2023—2026年)")
    (2023, None)
    >>> plan_years("驻马店市２０２１年工业经济高质量发展工作方案")
    (2021, 2021)
    >>> plan_years("上海市城市更新条例（2021年8月25日上海市第十五届人民代表大会常务委员会通过）")
    (None, None)
    """
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)(?!\d|年\s*\d{1,2}\s*月)", _fold(title))]
    if not years:
        return None, None
    return min(years), (years[0] if len(set(years)) == 1 else None)


def _fold(text: str) -> str:
    """Titles and cells are kept as printed; full-width digits (２０２５) must read as ASCII."""
    return normalize(text).text


def _period_year(text: str) -> int | None:
    """The last year of a five-year plan period named in ``text`` (“十四五”期末 → 2025)."""
    found = None
    for m in _PERIOD.finditer(text):
        found = 2005 + 5 * "一二三四五六七八九".index(m.group("n")) + 5
    return found


def _comparator(before: str, qual: str | None, ranged: bool) -> str:
    if ranged:
        return "range"
    if qual in ("以上", "及以上"):
        return ">="
    if qual == "左右":
        return "≈"
    if qual in ("以内", "以下"):
        return "<="
    tail = re.sub(r"总量的|总数的|[\u4e00-\u9fff]{1,8}的$", "", before[-12:]) if before.endswith("的") else before
    tail = tail[-4:]
    if _FLOOR.search(tail):
        return ">="
    if _CEILING.search(tail):
        return "<="
    if re.search(r"(?:超过|高于|突破)$", tail):
        return ">"
    if tail.endswith("超"):
        return ">="
    if tail.endswith("约"):
        return "≈"
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
    if unit.endswith("元") or re.search(f"(?:{_MEASURE_UNITS})$", unit):
        return "level"
    return "count"


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
            r"(.*?)(?:年均|同比|在(?:19|20)\d\d年基础上|较(?:19|20)\d\d年)?(?:增长|增速|下降|降低|达到|达|占|提高到|超过|超|突破|实现|完成|高于|低于|不低于|不少于|不高于|保持在|保持)",
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
        if text[max(0, m.start() - 1) : m.start()] not in ("在", "较", "比") and not text[m.end() :].startswith("度"):
            found = int(m.group("year"))
    found = _period_year(text) if found is None else found
    for m in _WITHIN.finditer(text):
        if context.start:
            found = context.start + int(m.group("n")) - 1
    return found


def _scope(before: str, places: list[str]) -> str:
    hits = [(m.end(), "each-county") for m in _EACH_COUNTY.finditer(before)]
    hits += [(m.end(), "each-zone") for m in _EACH_ZONE.finditer(before)]
    hits += [(m.end(), "city") for m in _WHOLE.finditer(before)]
    hits += [(before.rfind(p) + len(p), p) for p in places if p in before]
    return max(hits)[1] if hits else "city"


def _baseline(clause: str) -> str | None:
    m = _BASELINE.search(clause)
    if m:
        return m.group("year")
    return "previous-year" if "同比" in clause else None


@dataclass(frozen=True)
class _Quantity:
    """One number (or whole-set goal) found in a sentence, before it is judged a target."""

    start: int
    end: int
    match: re.Match

    @property
    def special(self) -> str | None:
        return self.match.lastgroup if self.match.re is _SPECIAL else None

    @property
    def unit(self) -> str | None:
        if self.match.re is _QUANTITY:
            return "%" if self.match.group("pct") else self.match.group("unit")
        return None


def _quantities(text: str) -> list[_Quantity]:
    found = [_Quantity(m.start(), m.end(), m) for m in _QUANTITY.finditer(text) if _valid(text, m)]
    found += [_Quantity(m.start(), m.end(), m) for m in _SPECIAL.finditer(text)]
    found += [_Quantity(m.start(), m.end(), m) for m in _CATEGORY_GOAL.finditer(text)]
    return sorted(found, key=lambda q: q.start)


def _valid(text: str, m: re.Match) -> bool:
    """Chinese numerals count only as the object of a verb or a comparator; 一 only where a
    frequency (每…一次) or a floor (不少于一名) makes it a number rather than an article."""
    num = m.group("num")
    if num is None or num[0].isdigit():
        return True
    unit = m.group("unit")
    if not re.fullmatch(_COUNT_UNITS, unit) or unit == "批" or text[m.end() : m.end() + 1] in ("性", "工"):
        return False
    before = text[: m.start()]
    if num == "一":
        return bool(_FLOOR.search(before) or re.search(r"每[^,;]*$", before))
    return bool(_HAN_VERB.search(before) or _FLOOR.search(before))


_PREDICATE = re.compile(r"(?:及以上|以上|以下)?(?:达到|达|实现|完成|纳入|用于|保持)")


def _is_target(text: str, q: _Quantity, clause_start: int, later: _Quantity | None, previous: _Quantity | None) -> bool:
    """A quantity is a target unless it qualifies a noun, sizes a named thing, sits in a name, a
    title, a classification or the past, or is a condition ("…以上的，")."""
    if q.match.re is not _QUANTITY:
        return not _inside_quotes(text, q.start)
    start, end, unit = q.start, q.end, q.unit
    after = text[end : end + 2]
    clause = text[clause_start:start]
    if after.startswith(("级", "月", "性", "内", "+")) or text[start - 1 : start] in ("+", "第"):
        return False
    if _inside_quotes(text, start) or _PAST.search(clause) or _CLASSIFY.search(clause):
        return False
    if text[start - 1 : start] == "(" and after.startswith(")"):
        return False  # "远香湖南(4.73平方公里)": the size of the place just named
    if unit == "年一遇" and (after.startswith("标准") or "标准" in text[end : end + 12].split(",")[0] or previous):
        return False  # a design standard, or the standard an earlier share is measured by
    if re.match(r"的[,;。]|的$", text[end:]):
        return False  # "签约比例达到百分之九十五以上的，": a condition, not a goal
    noun = _modified_noun(text, end)
    if not noun:
        return True
    qualifier = q.match.group("qual") in ("以上", "及以上", "以下")
    adjacent_later = later is not None and not re.search(r"[,;:、]", text[end : later.start])
    if unit.endswith("元"):
        return False  # "10亿元以上制造业项目", "产值10亿元以上的企业": an amount that describes a noun
    if qualifier and (adjacent_later or (previous and text[previous.end : start] == "")):
        return False  # "1000亩以上开放休闲林地5个", "2个10亿元以上的主导产业项目"
    if text[start - 1 : start] == "等" and adjacent_later:
        return False  # "松江、青浦等4个新城建设用地面积50%": the set the later figure is about
    if _kind(unit, "") == "level":
        verb = re.search(rf"(?:{_VERBS})$", text[clause_start:start])
        return bool(verb) and "的" not in noun  # "实施7公里燃气管道改造", not "化工区10万吨甲醇项目"
    return True


def _modified_noun(text: str, end: int) -> str:
    """The noun phrase a quantity runs into ("…的面积", "建设用地面积"), up to the next figure,
    comparator or punctuation; empty when the quantity ends its clause or a verb follows."""
    rest = re.sub(r"^(?:及以上|以上|以下|左右)", "", text[end:])
    if _PREDICATE.match(rest) or not rest or not (is_han(rest[0]) or rest[0] in "“"):
        return ""
    return re.split(r"[,;:、。()\d]|不低于|不少于|达到|低于|高于", rest, maxsplit=1)[0]


def _inside_quotes(text: str, at: int) -> bool:
    opened = text[:at]
    return opened.count("《") > opened.count("》") or opened.count("“") > opened.count("”")


def sentence_targets(
    path: str,
    sentence: MappedText,
    context: _Context,
    default_year: int | None,
    places: list[str],
    source: str = "body",
) -> Iterator[Target]:
    text = sentence.text
    year_in_sentence = None
    boundaries = [0] + [m.end() for m in re.finditer(r"[,;:]", text)]
    quantities = _quantities(text)
    kept = []
    for k, q in enumerate(quantities):
        clause_start = max(b for b in boundaries if b <= q.start)
        later = quantities[k + 1] if k + 1 < len(quantities) else None
        previous = quantities[k - 1] if k else None
        previous = previous if previous and previous.start >= clause_start else None
        if _is_target(text, q, clause_start, later, previous):
            kept.append(q)
    kept = [q for q in kept if not _named_by_set(text, q, kept)]
    groups: list[list[_Quantity]] = []
    for q in kept:
        if groups and re.fullmatch(r"、|和|及", text[groups[-1][-1].end : q.start]) and "分别" in text[: q.start]:
            groups[-1].append(q)
        else:
            groups.append([q])
    for group in groups:
        first = group[0]
        clause_start = max(b for b in boundaries if b <= first.start)
        year_here = _year_before(text[: first.start], context)
        year = year_here or year_in_sentence or context.year or default_year
        year_in_sentence = year_here or year_in_sentence
        for indicator, q in _indicators(text, clause_start, group):
            yield _target(path, sentence, clause_start, group, q, indicator, year, places, source)
    if year_in_sentence:
        context.year = year_in_sentence


def _named_by_set(text: str, q: _Quantity, kept: list[_Quantity]) -> bool:
    """A count that names the set a whole-set goal is about ("将23项…事项全部纳入", "清零57座以上大客车")."""
    if q.special or q.match.re is not _QUANTITY:
        return False
    for other in kept:
        if other.special in ("all", "full", "zero", "done") and other is not q:
            between = text[min(q.end, other.end) : max(q.start, other.start)]
            if not re.search(r"[,;:]", between):
                return True
    return False


def _indicators(text: str, clause_start: int, group: list[_Quantity]) -> list[tuple[str, _Quantity]]:
    """Each quantity of a group with what it measures; a list of rates before one value ("安装率、
    入网率、实时在线率达到100%") or of objects after 清零 gives one target per member."""
    first, last = group[0], group[-1]
    clause = text[clause_start : first.start]
    if len(group) > 1:
        head = _indicator(clause.split("分别")[0], "level")
        parts = [p for p in re.split(r"、|和", _TRAILING.sub("", head)) if p]
        names = parts if len(parts) == len(group) else [head] * len(group)
        return [(_clean(n), q) for n, q in zip(names, group)]
    q = first
    if q.special in ("zero", "all", "done") or q.match.re is _CATEGORY_GOAL:
        if q.match.re is _CATEGORY_GOAL:
            obj = re.split(r"全面|按照|执行", clause)[0]
        else:
            obj = re.match(r"[^,;。(]*", text[q.end :]).group()
        members = [_clean(p) for p in obj.split("、")] if q.special != "all" else [_clean(obj)]
        return [(m, q) for m in members if m]
    kind = _quantity_kind(q, clause)
    if kind == "count" and q.match.re is _QUANTITY:
        after_noun = _clean(re.match(r"[^,;、。(]*", text[last.end :]).group())
        if after_noun:
            return [(after_noun, q)]  # "培育2家省级数字化转型示范区": the noun follows the number
    before_item = re.split(r"、", clause)[-1] if "分别" not in clause else clause
    rates = [p for p in clause.split("、")]
    if len(rates) > 1 and all(p.endswith("率") for p in rates[1:]) and re.search(r"率(?:达到|达)$", rates[-1]):
        names = rates[:-1] + [re.sub(r"(?:达到|达)$", "", rates[-1])]
        return [(_clean(re.split(r"[,;]", n)[-1]), q) for n in names]
    return [(_indicator(before_item, kind), q)]


def _quantity_kind(q: _Quantity, clause: str) -> str:
    if q.special == "double":
        return "multiple"
    if q.special in ("full", "all", "done"):
        return "coverage"
    if q.special == "zero":
        return "reduction"
    if q.match.re is _CATEGORY_GOAL:
        return "category"
    return _kind(q.unit, clause)


def _target(path, sentence, clause_start, group, q, indicator, year, places, source) -> Target:
    text = sentence.text
    clause = text[clause_start : q.start]
    kind = _quantity_kind(q, clause)
    quote = sentence.span(clause_start, group[-1].end)
    category = None
    if kind == "multiple":
        value, lo, hi, unit, comp = 2.0, None, None, "倍", "="
    elif kind in ("coverage", "reduction") and q.special:
        value, lo, hi, unit, comp = 100.0, None, None, "%", "="
        if q.special != "full":
            quote = sentence.span(clause_start, q.end + len(re.match(r"[^,;。(]*", text[q.end :]).group()))
    elif kind == "category":
        value, lo, hi, unit = None, None, None, None
        category, comp = q.match.group("cat"), (">=" if q.match.group("up") else "=")
    else:
        m = q.match
        unit = q.unit
        ranged = m.group("num2") is not None
        value = None if ranged else _number(m.group("pct") or m.group("num"))
        lo, hi = (_number(m.group("num")), _number(m.group("num2"))) if ranged else (None, None)
        comp = _comparator(text[clause_start : q.start], m.group("qual"), ranged)
    return Target(
        path, indicator, kind, value, lo, hi, category, unit, comp, year,
        bool(_PER_YEAR.search(text[: q.start][clause_start:]) or _PER_YEAR.search(text[: clause_start])),
        _scope(text[: q.start], places), _baseline(clause), source, quote,
    )  # fmt: skip


def item_targets(item: Item, default_year: int | None, start: int | None, places: list[str]) -> list[Target]:
    context = _Context(None, start)
    found: list[Target] = []
    for para in _split(item.body, "\n"):
        row_year = re.fullmatch(r"((?:19|20)\d\d)年", para.text.strip())
        context.year = int(row_year.group(1)) if row_year else (context.year if _is_cell(para.text) else None)
        for sentence in _split(para, "。;"):
            found += sentence_targets(item.path, sentence, context, default_year, places)
    return found


def _is_cell(line: str) -> bool:
    """A line of a table flattened one cell per line: short, with no sentence punctuation."""
    return len(line) <= 20 and not re.search(r"[,;。:]", line)


def _split(text: MappedText, separators: str) -> Iterator[MappedText]:
    at = 0
    for m in [*re.finditer(f"[{separators}]", text.text), None]:
        end = m.start() if m else len(text.text)
        if text.text[at:end].strip():
            yield text[at:end]
        at = end + 1 if m else end
