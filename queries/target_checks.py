"""Do a document's numbers agree with themselves and with the city's other documents?

A plan states its targets twice (in the body and again in an annex table), builds totals from parts,
promises a doubling through yearly growth rates, and restates the targets of earlier plans. Each of
these can disagree, and a reader checks them cell by cell; this module does the same from the targets
in the store. Every check is generic (no document is named here): (a) body counts of a category
("一星级开发区2个", "二档以上", "AAA级", "省级") against the annex cells of that category, (b) a count of
things above an amount ("超50亿元的达到11个") against the annex amounts of that year, (c) parts (zones,
clusters) against the city total, (d) yearly growth rates against the doubling they must reach, (e)
one indicator across documents and years. Each finding quotes the sentences (``oa:exact``) it rests
on. Amounts of money are compared in 元 whatever unit each is printed in (万元, 千万元, 亿元…), and
reported in the unit of the statement they are checked against.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import Store

from policykg.graph.numbering import cn_to_int
from policykg.graph.units import base_unit, in_base, yuan
from policykg.queries.findings import Finding
from policykg.queries.store_rows import rows, stem

# A category that ranks (一星, 二档, 一级, 甲级, AAA级, 5A级, 省级), then "以上"/"以下" and the thing counted.
TIER = re.compile(
    r"(?:(?P<n>[一二三四五六七八九十]+|\d+)(?P<word>星|档|级|类|等|A(?=级))|(?P<a>A{1,5})(?=级)"
    r"|(?P<stem>[甲乙丙丁])(?P<stem_word>级|等|类)|(?P<level>国家|省|市|县)(?=级))"
    r"级?(?P<bound>及?以上|及?以下)?(?P<thing>.*)"
)
ADMINISTRATIVE = ("县", "市", "省", "国家")  # the levels of government, lowest first
AMOUNT = re.compile(r"(超过|超|突破|高于)?(\d+(?:\.\d+)?)((?:十|百|千)?(?:万亿|万|亿)?元)(以上)?")
NOUNS = ("集群", "企业", "开发区", "园区", "项目")
FLOW = re.compile(r"新增|认定|培育|新建|新入库|每年|年均|引进")
COUNTERS = {"家", "个", "项", "件", "条"}  # counting units that compare with each other
WORDS = {">=": "at least ", ">": "over ", "≈": "about ", "<=": "at most ", "=": "", "range": ""}


@dataclass(frozen=True)
class StoredTarget:
    """A target as the checks read it back from the store: numbers parsed, where it is, and its quote
    (the build's :class:`policykg.graph.records.Target` holds offsets into the text instead)."""

    document: str
    city: str
    path: str
    annex: str
    annex_title: str
    indicator: str
    kind: str
    value: float | None
    category: str
    unit: str
    comparator: str
    year: int | None
    per_year: bool
    scope: str
    place: str
    baseline: str
    source: str
    quote: str

    @property
    def where(self) -> str:
        return self.annex or self.path

    @property
    def number(self) -> float:
        """The value, for the checks, which take only targets that state one (a category states none)."""
        if self.value is None:
            raise ValueError(f"{self.document} {self.where}: the target {self.indicator!r} states no value")
        return self.value

    @property
    def base(self) -> float:
        """The value in the base unit of its unit (元 for 万元 and 亿元, so that they compare)."""
        return in_base(self.number, self.unit)


def targets(store: Store) -> list[StoredTarget]:
    """Every target of the store, in document order."""
    out = []
    for r in rows(store, "targets"):
        value, year = float(r["value"]) if r["value"] else None, int(r["year"]) if r["year"] else None
        where = (stem(r["source_file"]), r["city"], r["path"], r["annex"], r["annex_title"], r["indicator"], r["kind"])
        stated = (value, r["category"], r["unit"], r["comparator"], year, r["per_year"] == "true")
        scope = (r["scope"], r["cluster"] or r["scope_place"], r["baseline"], r["source"], r["quote"])
        out.append(StoredTarget(*where, *stated, *scope))
    return out


def _n(x: float) -> str:
    """A number as a reader writes it.

    >>> _n(11.0), _n(29.4), _n(1.5456)
    ('11', '29.4', '1.5456')
    """
    return str(int(x)) if x == int(x) else f"{x:.4f}".rstrip("0")


def _quotes(ts) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.quote for t in ts))


def _in(base: float, unit: str) -> float:
    """A value given in the base unit of ``unit`` (元 for money) written in ``unit``.

    >>> _in(30_000_000, "亿元"), _in(150_000_000, "万元"), _in(8, "%")
    (0.3, 15000.0, 8.0)
    """
    return base / base_unit(unit)[1]


@dataclass(frozen=True)
class Tier:
    """A category on its scale: ``scale`` names what ranks (星, 档, 级, A, 行政级别), ``rank`` grows
    with standing (三星 over 一星; 一档 over 二档, so its rank is -1; 国家级 over 省级)."""

    scale: str
    rank: int


def tier(text: str) -> tuple[Tier, str, str] | None:
    """The category a text opens with, the bound written after it (以上, 以下 or ""), and the rest.

    >>> tier("三星级以上开发区")
    (Tier(scale='星', rank=3), '以上', '开发区')
    >>> tier("二档"), tier("AAA级景区")[0], tier("5A级")[0]
    ((Tier(scale='档', rank=-2), '', ''), Tier(scale='A', rank=3), Tier(scale='A', rank=5))
    >>> tier("乙级")[0], tier("省级及以上开发区"), tier("高新技术企业"), tier("A股上市企业")
    (Tier(scale='级', rank=-2), (Tier(scale='行政级别', rank=3), '以上', '开发区'), None, None)
    """
    m = TIER.fullmatch(text)
    if not m:
        return None
    if m["level"]:
        found = Tier("行政级别", ADMINISTRATIVE.index(m["level"]) + 1)
    elif m["stem"]:
        found = Tier(m["stem_word"], -"甲乙丙丁".index(m["stem"]) - 1)
    elif m["a"]:
        found = Tier("A", len(m["a"]))
    else:
        n = int(m["n"]) if m["n"].isdigit() else cn_to_int(m["n"])
        found = Tier(m["word"], n if m["word"] in ("星", "A") else -n)  # more stars, fewer grades
    return found, m["bound"].removeprefix("及") if m["bound"] else "", m["thing"]


def _within(rank: int, stated: Tier, bound: str) -> bool:
    """Whether a cell's rank is one a statement counts (三档以上 counts 一档, 二档 and 三档)."""
    return rank == stated.rank or (bound == "以上" and rank > stated.rank) or (bound == "以下" and rank < stated.rank)


def _meets(n: int, value: float, comparator: str) -> bool:
    """Whether a count meets a stated count (达到 2个 is exactly 2; 不少于 2个 is 2 or more)."""
    return {">=": n >= value, ">": n > value, "<=": n <= value, "<": n < value}.get(comparator, n == value)


def tier_counts(ts: list[StoredTarget]) -> list[Finding]:
    """(a) Body counts of a category ("一星级开发区2个", "二档以上开发区5个") against the annex cells of
    the same scale (a zone's "一星", "二档"), per year: categories agree where their scale agrees."""
    body: dict[tuple, list[tuple[StoredTarget, Tier, str, str]]] = defaultdict(list)
    cells: dict[tuple, list[tuple[StoredTarget, Tier]]] = defaultdict(list)
    for t in ts:
        if t.kind == "count" and t.source == "body" and t.year and t.value is not None and (read := tier(t.indicator)):
            body[(t.document, t.year, read[0].scale)].append((t, *read))
        elif t.kind == "category" and t.source == "annex" and t.year and (read := tier(t.category)) and not read[2]:
            cells[(t.document, t.year, read[0].scale)].append((t, read[0]))
    out: list[Finding] = []
    checked: dict[str, int] = defaultdict(int)  # cells checked and cells agreeing, by document
    agreed: dict[str, int] = defaultdict(int)
    for (doc, year, scale), said in sorted(body.items(), key=lambda x: x[0]):
        annex = cells.get((doc, year, scale), [])
        if not annex:
            continue
        label = annex[0][0].annex
        covered: set[StoredTarget] = set()
        for t, stated, bound, thing in sorted(said, key=lambda x: (-x[1].rank, x[2], x[0].quote)):
            zones = [c for c, rank in annex if _within(rank.rank, stated, bound)]
            covered.update(zones)
            checked[doc] += 1
            if _meets(len(zones), t.number, t.comparator):
                agreed[doc] += 1
                continue
            category = t.indicator[: len(t.indicator) - len(thing)]
            out.append(
                _tier_error(year, f"says {t.indicator}{_n(t.number)}{t.unit}", label, category, zones, thing, [t])
            )
        uncounted: dict[str, list[StoredTarget]] = defaultdict(list)
        for c, _ in annex:
            if c not in covered:
                uncounted[c.category].append(c)
        for category, zones in sorted(uncounted.items()):
            checked[doc] += 1
            out.append(_tier_error(year, f"gives no count of {category}", label, category, zones, "zones", []))
    for doc in sorted(checked):
        out.append(
            Finding(
                "tier-count",
                "info",
                f"the body's yearly counts of categories agree with the annex in {agreed[doc]} of {checked[doc]} cells",
                (doc,),
                (),
            )
        )
    return out


def _tier_error(
    year: int, said: str, label: str, category: str, zones: list[StoredTarget], thing: str, stated: list[StoredTarget]
) -> Finding:
    doc = (stated or zones)[0].document
    return Finding(
        "tier-count",
        "error",
        f"{year}: the body {said}, but {label} gives {category} to {len(zones)} {thing}"
        + (f" ({'、'.join(z.place or z.scope for z in zones)})" if zones else ""),
        (doc,),
        tuple(dict.fromkeys([t.path for t in stated] + [label])),
        (),
        _quotes(stated + zones),
    )


def _nouns(text: str) -> set[str]:
    return {n for n in NOUNS if n in text}


def threshold_counts(ts: list[StoredTarget]) -> list[Finding]:
    """(b) A count of things above an amount ("超50亿元的达到11个") against the annex amounts of its year
    (in any unit of money: 5000万元 in the body is 0.5 in a table in 亿元)."""
    groups: dict[tuple, list[StoredTarget]] = defaultdict(list)
    for t in ts:
        m = AMOUNT.search(t.indicator)
        if t.kind == "count" and t.source == "body" and t.year and m and t.value is not None:
            strict = bool(m[1]) and not m[4]
            groups[(t.document, t.year, float(m[2]), m[3], strict, t.value)].append(t)
    out = []
    for (doc, year, amount, unit, strict, value), said in sorted(groups.items()):
        nouns = set.union(*(_nouns(AMOUNT.sub("", t.indicator)) for t in said))
        annex = [
            t
            for t in ts
            if t.document == doc
            and t.source == "annex"
            and t.year == year
            and t.kind == "level"
            and yuan(t.unit)
            and t.value is not None
            and nouns & _nouns(t.annex_title)
        ]
        if not annex:
            continue
        threshold = amount * yuan(unit)
        above = [t for t in annex if t.base > threshold]
        at = [t for t in annex if t.base == threshold]
        n = len(above) if strict else len(above) + len(at)
        if n == value:
            continue
        label = annex[0].annex
        inclusive = strict and len(above) + len(at) == value
        word = "超" if strict else "以上"
        out.append(
            Finding(
                "threshold-count",
                "warning" if inclusive else "error",
                f"{year}: the body counts {_n(value)} above {_n(amount)}{unit} "
                f"({'; '.join(t.indicator for t in said)}), "
                f"but {label} has {len(above)} strictly above {_n(amount)}{unit} in {year}"
                + (
                    f" and {len(at)} at exactly {_n(amount)}{unit} ({'、'.join(t.place or t.scope for t in at)})"
                    if at
                    else ""
                )
                + (f": {_n(value)} only if {word} includes {_n(amount)}{unit}" if inclusive else ""),
                (doc,),
                tuple(dict.fromkeys([t.path for t in said] + [label])),
                (),
                _quotes(said + at),
            )
        )
    return out


def part_sums(ts: list[StoredTarget]) -> list[Finding]:
    """(c) Amounts for zones or clusters summed against the city total of the same indicator and year
    (amounts of money in any unit, written in the total's)."""
    groups: dict[tuple, list[StoredTarget]] = defaultdict(list)
    for t in ts:
        if t.kind == "level" and t.year and t.value is not None:
            groups[(t.document, t.year, t.indicator, base_unit(t.unit)[0])].append(t)
    out = []
    for (doc, year, indicator, _), group in sorted(groups.items()):
        totals = [t for t in group if t.scope == "city"]
        parts = [t for t in group if t.scope != "city" and t.place]
        if not totals or len(parts) < 2:
            continue
        total, whole = totals[0], sum(t.base for t in parts)
        exceeds = whole > total.base and total.comparator in ("=", "<=", "≈")
        share = f"{100 * whole / total.base:.0f}%"
        unit = total.unit
        out.append(
            Finding(
                "sum",
                "warning" if exceeds else "info",
                f"{year} {indicator}: the {len(parts)} parts listed in {parts[0].where} add up to "
                f"{_n(_in(whole, unit))}{unit}, {share} of the city-wide target of "
                f"{WORDS.get(total.comparator, '')}{_n(total.number)}{unit} ({total.where})"
                + (": more than the whole" if exceeds else ""),
                (doc,),
                tuple(dict.fromkeys([total.where] + [t.where for t in parts])),
                (),
                _quotes([total]),
            )
        )
    return out


def _matches(growth: str, multiple: str) -> bool:
    core = re.sub(r"增加$|增速$", "", growth)
    return growth == multiple or core in multiple


def growth_paths(ts: list[StoredTarget]) -> list[Finding]:
    """(d) Yearly growth rates compounded against the multiple (倍增) they must reach by a year.

    >>> def t(kind, value, year, baseline=""):
    ...     where = ("d", "", "1", "", "", "增加值", kind, value, "", "%", ">=", year, False, "all", "")
    ...     return StoredTarget(*where, baseline, "", "")
    >>> steps = [t("growth", 12, 2023), t("growth", 15, 2024), t("growth", 20, 2025)]
    >>> print(growth_paths([*steps, t("multiple", 2, 2026, "2022")])[0].message)  # doctest: +NORMALIZE_WHITESPACE
    all 增加值: 12% (2023), 15% (2024), 20% (2025) compound to ×1.5456 of 2022; ×2 by 2026
    then needs 29.4% in 2026, more than any year stated
    """
    out = []
    for m in ts:
        if m.kind != "multiple" or not m.year or not re.fullmatch(r"\d{4}", m.baseline) or m.value is None:
            continue
        base = int(m.baseline)
        by_indicator: dict[str, list[tuple[int, StoredTarget]]] = defaultdict(list)
        for t in ts:
            if (
                t.document == m.document and t.kind == "growth" and t.unit == "%" and t.scope == m.scope
                and t.year and base < t.year <= m.year and not t.per_year and t.baseline in ("", "previous-year")
                and t.value is not None and _matches(t.indicator, m.indicator)
            ):  # fmt: skip
                by_indicator[t.indicator].append((t.year, t))
        for steps in by_indicator.values():
            if len({year for year, _ in steps}) == len(steps):
                ordered = [t for _, t in sorted(steps, key=lambda step: step[0])]
                out.append(_growth_path(m, ordered, base, m.year))
    return out


def _growth_path(m: StoredTarget, steps: list[StoredTarget], base: int, year: int) -> Finding:
    """The compounding of one indicator's yearly rates against its multiple, due in ``year``."""
    reached = math.prod(1 + t.number / 100 for t in steps)
    missing = [y for y in range(base + 1, year + 1) if y not in {t.year for t in steps}]
    path = ", ".join(f"{_n(t.number)}% ({t.year})" for t in steps)
    head = f"{m.scope} {steps[0].indicator}: {path} compound to ×{reached:.4f} of {base}; ×{_n(m.number)} by {year}"
    if missing:
        needed = (m.number / reached) ** (1 / len(missing)) - 1
        years = f"in {missing[0]}" if len(missing) == 1 else f"a year in {missing[0]}–{missing[-1]}"
        back_loaded = needed * 100 > max(t.number for t in steps)
        message = f"{head} then needs {100 * needed:.1f}% {years}" + (
            ", more than any year stated" if back_loaded else ", within the rates stated"
        )
    else:
        back_loaded = reached < m.number
        message = f"{head}: the stated rates {'fall short' if back_loaded else 'suffice'}"
    return Finding(
        "growth-path",
        "warning" if back_loaded else "info",
        message,
        (m.document,),
        tuple(dict.fromkeys(t.path for t in [*steps, m])),
        (),
        _quotes([*steps, m]),
    )


def _key(indicator: str) -> str:
    """An indicator folded for comparison across documents.

    >>> _key("国家高新技术企业") == _key("高新技术企业"), _key("省级“专精特新”中小企业")
    (True, '省级专精特新中小企业')
    """
    text = unicodedata.normalize("NFKC", indicator).replace("规上", "规模以上").replace("技改", "技术改造")
    text = text.replace("及以上", "以上")
    return re.sub(r"^国家(?!级)", "", re.sub(r"[^\w]|_", "", text))


def _start_year(title: str, date: str) -> int | None:
    found = re.search(r"(20\d\d)", date) or re.search(r"(20\d\d)\s*[-—–至]", title) or re.search(r"(20\d\d)年", title)
    return int(found[1]) if found else None


def indicator_trends(ts: list[StoredTarget], starts: dict[str, int | None]) -> list[Finding]:
    """(e) One indicator's targets across a city's documents and years: raised, lowered or repeated.

    Counts of new things (新增, 认定, 每年…) are compared per year over the span of the plan (from the
    year it starts, ``starts`` by document); stocks are compared as they stand.
    """
    groups: dict[tuple, list[StoredTarget]] = defaultdict(list)
    for t in ts:
        if t.source == "body" and t.value is not None and t.kind in ("count", "level", "share", "growth"):
            unit = "count" if t.kind == "count" and t.unit in COUNTERS else base_unit(t.unit)[0]
            groups[(t.city, _key(t.indicator), t.kind, unit, t.scope)].append(t)
    out = []
    for (city, key, kind, _, scope), group in sorted(groups.items()):
        if len({t.document for t in group}) < 2:
            continue
        group = sorted(group, key=lambda t: (t.year or starts.get(t.document) or 0, t.document, t.quote))
        described, flows, stocks = [], [], []
        for t in group:
            flow = bool(FLOW.search(t.quote)) or t.per_year
            start = starts.get(t.document)
            pace = t.number if t.per_year else (t.number / (t.year - start + 1) if flow and t.year and start else None)
            due = f" by {t.year}" if t.year else ""
            note = f", {_n(round(pace, 1))} a year" if pace is not None and not t.per_year else ""
            described.append(f"{t.document} {t.where}: {'new ' if flow else ''}{_n(t.number)}{t.unit}{due}{note}")
            if flow and pace is not None:
                flows.append(in_base(pace, t.unit))
            elif not flow:
                stocks.append(t.base)
        shown = group[0].unit  # in the first target's unit
        trends = [
            f"the {what} is {_trend(values)} from {_n(round(_in(values[0], shown), 1))}{shown} "
            f"to {_n(round(_in(values[-1], shown), 1))}{shown}"
            for what, values in (("yearly pace", flows), ("level", stocks))
            if len(values) >= 2
        ]
        out.append(
            Finding(
                "indicator-trend",
                "info",
                f"{key} ({city}, {kind}{'' if scope == 'city' else ', ' + scope}): "
                + "; ".join(described)
                + "".join(f"; {t}" for t in trends),
                tuple(sorted({t.document for t in group})),
                tuple(dict.fromkeys(f"{t.document} {t.where}" for t in group)),
                (),
                _quotes(group),
            )
        )
    return out


def _trend(values: list[float]) -> str:
    """raised, lowered or repeated, from the first value to the last.

    >>> _trend([20, 10]), _trend([100, 200]), _trend([3, 3])
    ('lowered', 'raised', 'repeated')
    """
    return "raised" if values[-1] > values[0] else "lowered" if values[-1] < values[0] else "repeated"


def target_findings(store: Store) -> list[Finding]:
    """All the target checks on the store, in a deterministic order."""
    ts = targets(store)
    starts = {stem(d["source_file"]): _start_year(d["title"], d["date"]) for d in rows(store, "documents")}
    found = tier_counts(ts) + threshold_counts(ts) + part_sums(ts) + growth_paths(ts) + indicator_trends(ts, starts)
    return sorted(found, key=Finding.sort_key)
