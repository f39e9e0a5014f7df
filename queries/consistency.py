"""Do a document's numbers agree with themselves and with the city's other documents?

A plan states its targets twice (in the body and again in an annex table), builds totals from parts,
promises a doubling through yearly growth rates, and restates the targets of earlier plans. Each of
these can disagree, and a reader checks them cell by cell; this module does the same from the targets
in the store. Every check is generic (no document is named here): (a) body counts of tiers or stars
("一星级开发区2个") against the annex cells of that category, (b) a count of things above an amount
("超50亿元的达到11个") against the annex amounts of that year, (c) parts (zones, clusters) against the
city total, (d) yearly growth rates against the doubling they must reach, (e) one indicator across
documents and years. Each finding quotes the sentences (``oa:exact``) it rests on.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import Store

from policykg.queries.network import rows, stem

SEVERITIES = ("error", "warning", "info")
TIER = re.compile(r"([一二三四五六七八九十]+)(星|档)级?(.*)")
AMOUNT = re.compile(r"(超过|超|突破|高于)?(\d+(?:\.\d+)?)亿元(以上)?")
NOUNS = ("集群", "企业", "开发区", "园区", "项目")
FLOW = re.compile(r"新增|认定|培育|新建|新入库|每年|年均|引进")
COUNTERS = {"家", "个", "项", "件", "条"}  # counting units that compare with each other
WORDS = {">=": "at least ", ">": "over ", "≈": "about ", "<=": "at most ", "=": "", "range": ""}


@dataclass(frozen=True)
class Finding:
    """One thing the auditor reports.

    ``kind`` says which check found it, ``severity`` is error (the document contradicts itself),
    warning (it probably does) or info (worth knowing); ``documents`` are file stems; ``paths`` are
    item paths (``二/（二）``) or annexes (``附件3``), prefixed by the document stem when the finding
    spans several documents; ``quotes`` are the exact texts the finding rests on.
    """

    kind: str
    severity: str
    message: str
    documents: tuple[str, ...]
    paths: tuple[str, ...]
    agencies: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.kind, self.documents, self.paths, self.message)


@dataclass(frozen=True)
class Target:
    """A target as the checks need it: numbers parsed, where it is, and its quote."""

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


def targets(store: Store) -> list[Target]:
    """Every target of the store, in document order."""
    out = []
    for r in rows(store, "targets"):
        value, year = float(r["value"]) if r["value"] else None, int(r["year"]) if r["year"] else None
        where = (stem(r["source_file"]), r["city"], r["path"], r["annex"], r["annex_title"], r["indicator"], r["kind"])
        scope = (r["scope"], r["cluster"] or r["scope_place"], r["baseline"], r["source"], r["quote"])
        out.append(
            Target(*where, value, r["category"], r["unit"], r["comparator"], year, r["per_year"] == "true", *scope)
        )
    return out


def _n(x: float) -> str:
    """A number as a reader writes it.

    >>> _n(11.0), _n(29.4), _n(1.5456)
    ('11', '29.4', '1.5456')
    """
    return str(int(x)) if x == int(x) else f"{x:.4f}".rstrip("0")


def _quotes(ts) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.quote for t in ts))


def tier_counts(ts: list[Target]) -> list[Finding]:
    """(a) Body counts of a tier or star ("一星级开发区2个") against the annex cells of that category, per year."""
    body: dict[tuple, list[Target]] = defaultdict(list)
    cells: dict[tuple, list[Target]] = defaultdict(list)
    for t in ts:
        if t.kind == "count" and t.source == "body" and t.year and TIER.fullmatch(t.indicator):
            body[(t.document, t.year, TIER.fullmatch(t.indicator)[2])].append(t)
        elif t.kind == "category" and t.source == "annex" and t.year and TIER.fullmatch(t.category):
            cells[(t.document, t.year, TIER.fullmatch(t.category)[2])].append(t)
    out, checked, agreed = [], defaultdict(int), defaultdict(int)
    for (doc, year, dim), said in sorted(body.items()):
        annex = cells.get((doc, year, dim), [])
        if not annex:
            continue
        stated = {"".join(TIER.fullmatch(t.indicator).group(1, 2)): t for t in said}
        counted: dict[str, list[Target]] = defaultdict(list)
        for c in annex:
            counted["".join(TIER.fullmatch(c.category).group(1, 2))].append(c)
        for category in sorted(set(stated) | set(counted)):
            t, zones = stated.get(category), counted.get(category, [])
            checked[doc] += 1
            if t and t.value == len(zones):
                agreed[doc] += 1
                continue
            label = annex[0].annex
            thing = TIER.fullmatch(t.indicator)[3] if t else "zones"
            said_text = f"says {t.indicator}{_n(t.value)}{t.unit}" if t else f"gives no count of {category}"
            out.append(
                Finding(
                    "tier-count",
                    "error",
                    f"{year}: the body {said_text}, but {label} gives {category} to {len(zones)} {thing}"
                    + (f" ({'、'.join(z.place or z.scope for z in zones)})" if zones else ""),
                    (doc,),
                    tuple(dict.fromkeys(([t.path] if t else []) + [label])),
                    (),
                    _quotes(([t] if t else []) + zones),
                )
            )
    for doc in sorted(checked):
        out.append(
            Finding(
                "tier-count",
                "info",
                f"the body's yearly counts of tiers and stars agree with the annex in {agreed[doc]} of "
                f"{checked[doc]} cells",
                (doc,),
                (),
            )
        )
    return out


def _nouns(text: str) -> set[str]:
    return {n for n in NOUNS if n in text}


def threshold_counts(ts: list[Target]) -> list[Finding]:
    """(b) A count of things above an amount ("超50亿元的达到11个") against the annex amounts of its year."""
    groups: dict[tuple, list[Target]] = defaultdict(list)
    for t in ts:
        m = AMOUNT.search(t.indicator)
        if t.kind == "count" and t.source == "body" and t.year and m and t.value is not None:
            strict = bool(m[1]) and not m[3]
            groups[(t.document, t.year, float(m[2]), strict, t.value)].append(t)
    out = []
    for (doc, year, amount, strict, value), said in sorted(groups.items()):
        nouns = set.union(*(_nouns(AMOUNT.sub("", t.indicator)) for t in said))
        annex = [
            t
            for t in ts
            if t.document == doc
            and t.source == "annex"
            and t.year == year
            and t.kind == "level"
            and t.unit == "亿元"
            and t.value is not None
            and nouns & _nouns(t.annex_title)
        ]
        if not annex:
            continue
        above = [t for t in annex if t.value > amount]
        at = [t for t in annex if t.value == amount]
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
                f"{year}: the body counts {_n(value)} above {_n(amount)}亿元 ({'; '.join(t.indicator for t in said)}), "
                f"but {label} has {len(above)} strictly above {_n(amount)}亿元 in {year}"
                + (
                    f" and {len(at)} at exactly {_n(amount)} ({'、'.join(t.place or t.scope for t in at)})"
                    if at
                    else ""
                )
                + (f": {_n(value)} only if {word} includes {_n(amount)}" if inclusive else ""),
                (doc,),
                tuple(dict.fromkeys([t.path for t in said] + [label])),
                (),
                _quotes(said + at),
            )
        )
    return out


def part_sums(ts: list[Target]) -> list[Finding]:
    """(c) Amounts for zones or clusters summed against the city total of the same indicator and year."""
    groups: dict[tuple, list[Target]] = defaultdict(list)
    for t in ts:
        if t.kind == "level" and t.year and t.value is not None:
            groups[(t.document, t.year, t.indicator, t.unit)].append(t)
    out = []
    for (doc, year, indicator, unit), group in sorted(groups.items()):
        totals = [t for t in group if t.scope == "city"]
        parts = [t for t in group if t.scope != "city" and t.place]
        if not totals or len(parts) < 2:
            continue
        total, whole = totals[0], sum(t.value for t in parts)
        exceeds = whole > total.value and total.comparator in ("=", "<=", "≈")
        share = f"{100 * whole / total.value:.0f}%"
        out.append(
            Finding(
                "sum",
                "warning" if exceeds else "info",
                f"{year} {indicator}: the {len(parts)} parts listed in {parts[0].where} add up to {_n(whole)}{unit}, "
                f"{share} of the city-wide target of {WORDS.get(total.comparator, '')}{_n(total.value)}{unit} "
                f"({total.where})" + (": more than the whole" if exceeds else ""),
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


def growth_paths(ts: list[Target]) -> list[Finding]:
    """(d) Yearly growth rates compounded against the multiple (倍增) they must reach by a year.

    >>> def t(kind, value, year, baseline=""):
    ...     where = ("d", "", "1", "", "", "增加值", kind, value, "", "%", ">=", year, False, "all", "")
    ...     return Target(*where, baseline, "", "")
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
        by_indicator: dict[str, list[Target]] = defaultdict(list)
        for t in ts:
            if (
                t.document == m.document and t.kind == "growth" and t.unit == "%" and t.scope == m.scope
                and t.year and base < t.year <= m.year and not t.per_year and t.baseline in ("", "previous-year")
                and t.value is not None and _matches(t.indicator, m.indicator)
            ):  # fmt: skip
                by_indicator[t.indicator].append(t)
        for steps in by_indicator.values():
            if len({t.year for t in steps}) == len(steps):
                out.append(_growth_path(m, sorted(steps, key=lambda t: t.year), base))
    return out


def _growth_path(m: Target, steps: list[Target], base: int) -> Finding:
    """The compounding of one indicator's yearly rates against its multiple."""
    reached = math.prod(1 + t.value / 100 for t in steps)
    missing = [y for y in range(base + 1, m.year + 1) if y not in {t.year for t in steps}]
    path = ", ".join(f"{_n(t.value)}% ({t.year})" for t in steps)
    head = f"{m.scope} {steps[0].indicator}: {path} compound to ×{reached:.4f} of {base}; ×{_n(m.value)} by {m.year}"
    if missing:
        needed = (m.value / reached) ** (1 / len(missing)) - 1
        years = f"in {missing[0]}" if len(missing) == 1 else f"a year in {missing[0]}–{missing[-1]}"
        back_loaded = needed * 100 > max(t.value for t in steps)
        message = f"{head} then needs {100 * needed:.1f}% {years}" + (
            ", more than any year stated" if back_loaded else ", within the rates stated"
        )
    else:
        back_loaded = reached < m.value
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


def indicator_trends(ts: list[Target], starts: dict[str, int | None]) -> list[Finding]:
    """(e) One indicator's targets across a city's documents and years: raised, lowered or repeated.

    Counts of new things (新增, 认定, 每年…) are compared per year over the span of the plan (from the
    year it starts, ``starts`` by document); stocks are compared as they stand.
    """
    groups: dict[tuple, list[Target]] = defaultdict(list)
    for t in ts:
        if t.source == "body" and t.value is not None and t.kind in ("count", "level", "share", "growth"):
            unit = "count" if t.kind == "count" and t.unit in COUNTERS else t.unit
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
            pace = t.value if t.per_year else (t.value / (t.year - start + 1) if flow and t.year and start else None)
            due = f" by {t.year}" if t.year else ""
            note = f", {_n(round(pace, 1))} a year" if pace is not None and not t.per_year else ""
            described.append(f"{t.document} {t.where}: {'new ' if flow else ''}{_n(t.value)}{t.unit}{due}{note}")
            if flow and pace is not None:
                flows.append(pace)
            elif not flow:
                stocks.append(t.value)
        trends = [
            f"the {what} is {_trend(values)} from {_n(round(values[0], 1))} to {_n(round(values[-1], 1))}"
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


def consistency_findings(store: Store) -> list[Finding]:
    """All the target checks on the store, in a deterministic order."""
    ts = targets(store)
    starts = {stem(d["source_file"]): _start_year(d["title"], d["date"]) for d in rows(store, "documents")}
    found = tier_counts(ts) + threshold_counts(ts) + part_sums(ts) + growth_paths(ts) + indicator_trends(ts, starts)
    return sorted(found, key=Finding.sort_key)
