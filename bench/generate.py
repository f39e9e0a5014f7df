"""A seeded synthetic corpus for the scale benchmark, in the styles of the five real documents.

``generate(n, out, seed)`` writes ``doc-00000.txt``… (UTF-8, 17-23 KB each, like the real 15-23 KB)
and ``manifest.json``, which lists per document what was planted: outline items by level,
responsibility assignments (path, agency as written, the name with a city prefix written once
restored, role, source), targets (path, number, upper bound of a range, unit, year), citations
(path, title, number, relation) and the measures drawn from a shared pool of near-duplicates.

Document *i* depends only on ``seed`` and *i*, never on N, and the same seed gives the same bytes.
Layouts copied from the corpus: a government notice with a web page's metadata table (2019, 2021),
a Party committee's opinions in Markdown (2023), a Party and government office notice with run-on
numbering (Puyang 2023) and a bare plan with an annex table in the tab layout (2024). Annex tables
use the two layouts the corpus has: one cell per line between blank lines (2019) and tab-led cells
(2024). See ``bench/README.md`` for the extraction recall measured on a sample.

Run from the repository root: ``python -m bench.generate N OUT [--seed S] [--score]``.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import string
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench import vocab

VERSION = 1
_CN = "零一二三四五六七八九"
_HALF = str.maketrans("，：；（）", ",:;()")
_ZIPF = list(itertools.accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(vocab.AGENCIES))))
_FIXED = {"notice": 1400, "party": 900, "party-office": 1300, "plan": 600}  # bytes outside the items
_CITY_WEIGHTS = list(itertools.accumulate(c.weight for c in vocab.CITIES))
# A bare name the extractor would not give the city prefix of the list's first name (市发改委、…).
_OWN_PREFIX = ("市", "省", "县", "区", "各", "中共", "国家", "中国", "委")
_OWN_MARK = ("区", "管委会", "党工委", "集团", "支行", "分行", "分局")


def cn(n: int) -> str:
    """A Chinese numeral below 100, as outlines print it.

    >>> [cn(n) for n in (3, 10, 12, 32)]
    ['三', '十', '十二', '三十二']
    """
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else _CN[tens]) + "十") + (_CN[ones] if ones else "")


def bigrams(text: str) -> set[str]:
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def dice(x: set[str], y: set[str]) -> float:
    """Overlap of two titles' bigrams: an annex task name must stay closest to its own measure."""
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


# -- the document tree ------------------------------------------------------------------------------


@dataclass
class Agent:
    """An agency in a list: ``written`` as printed, ``name`` with the list's city prefix restored."""

    written: str
    name: str


@dataclass
class Node:
    """An outline item. ``inline``: "title。body" on one line; otherwise the title is a heading."""

    title: str
    text: str = ""
    inline: bool = True
    children: list[Node] = field(default_factory=list)
    assignments: list[tuple[str, str, str, str]] = field(default_factory=list)  # written, name, role, source
    targets: list[tuple[float, float | None, str, int | None]] = field(default_factory=list)
    citations: list[tuple[str, str | None, str]] = field(default_factory=list)
    shared: str | None = None  # "block:k" of the pool measure it rewords
    annex: tuple[list[str], list[str], bool] | None = None  # leads, supports (full names), joint
    blanket: list[Agent] = field(default_factory=list)
    extra_lines: list[str] = field(default_factory=list)  # paragraphs after the first line
    used: set[int] = field(default_factory=set)  # target templates already planted here
    path: str = ""


@dataclass(frozen=True)
class Style:
    layout: str  # notice | party | party-office | plan
    depth: int  # 2: sections > measures; 3: sections > themes > measures
    punct: str  # full | half | mixed
    runon: bool  # numbering of measures runs on across sections
    annex: str | None  # tab | line | None
    body_clauses: bool
    web: str | None  # fields | pipe | None (a web page's metadata table)
    markdown: bool


BLOCK = 25  # documents that share a pool of measures: neighbours in the corpus, as a province's cities
POOL = 40  # measures in a block's pool


@functools.lru_cache(maxsize=4)
def block_pool(seed: int, block: int) -> list[tuple[str, list[str]]]:
    """The measures that documents of one block (and the next) word almost alike: (title, sentences).

    A pool per block of documents, rather than one for the corpus, keeps the number of copies of a
    shared measure bounded as the corpus grows, and leaves document *i* a function of *i* alone.
    """
    rng = random.Random(f"policykg-bench-pool:{seed}:{block}")
    filler = _Filler(rng, vocab.GENERIC_PLACES)
    pool = []
    for _ in range(POOL):
        title = filler.title()
        pool.append((title, [filler.sentence(title) for _ in range(rng.randint(3, 4))]))
    return pool


class _Filler:
    """Sentences of policy prose, without numbers (numbers are planted targets only).

    Like real prose, a sentence strings together short stock phrases (补齐短板), clauses that name
    enterprises and projects (深化恒瑞达药业与盛源泽化工战略合作), each practically a document's own,
    and now and then a boilerplate clause that many documents share (深化“放管服”改革). A closed
    vocabulary alone would make every measure a near-duplicate of thousands of others (the overlap
    analysis compares clauses of eight characters or more), which real corpora are not.
    """

    _SLOTS = {
        "i": vocab.INDUSTRIES,
        "e": vocab.ENTITIES,
        "e2": vocab.ENTITIES,
        "f": vocab.FACILITIES,
        "m": vocab.MECHANISMS,
        "a": vocab.ACTIVITIES,
    }
    _PARSED = [[(lit, name) for lit, name, _, _ in string.Formatter().parse(t)] for t in vocab.CLAUSES]

    def __init__(self, rng: random.Random, places: tuple[str, ...]):
        self.random = rng.random
        self.places = places

    def pick(self, seq: tuple[str, ...]) -> str:
        """``random.choice`` by index: several times faster, and this is the generator's hot loop."""
        return seq[int(self.random() * len(seq))]

    # Enterprise names as two halves: a pair of characters, and a character with (half the time) a
    # line of business; built once, so that a name costs two draws.
    _PAIRS = [a + b for a in vocab.NAME_CHARS for b in vocab.NAME_CHARS]
    _TAILS = [c + k for c in vocab.NAME_CHARS for k in vocab.NAME_KINDS] + [c for c in vocab.NAME_CHARS] * len(
        vocab.NAME_KINDS
    )

    def name(self) -> str:
        """An enterprise: 恒瑞达药业, 盛源泽."""
        rnd, pairs, tails = self.random, self._PAIRS, self._TAILS
        return pairs[int(rnd() * len(pairs))] + tails[int(rnd() * len(tails))]

    _NAMED = [tuple(t.replace("{B}", "{A}").split("{A}")) for t in vocab.NAMED]  # (before, between, after)

    def named(self) -> str:
        """A clause that names two enterprises: practically never the same in two documents."""
        rnd, pairs, tails = self.random, self._PAIRS, self._TAILS
        before, between, after = self._NAMED[int(rnd() * len(self._NAMED))]
        a = pairs[int(rnd() * len(pairs))] + tails[int(rnd() * len(tails))]
        b = pairs[int(rnd() * len(pairs))] + tails[int(rnd() * len(tails))]
        return before + a + between + b + after

    def title(self) -> str:
        pick = self.pick
        return pick(vocab.VERBS) + pick(vocab.FIELDS) + pick(vocab.OBJECTS_OF) + pick(vocab.AIMS)

    def boilerplate(self, obj: str) -> str:
        out, last = [], ""
        for literal, name in self._PARSED[int(self.random() * len(self._PARSED))]:
            out.append(literal)
            if name == "o":
                out.append(obj)
            elif name == "p":
                out.append(self.pick(self.places))
            elif name:
                word = self.pick(self._SLOTS[name])
                while word == last:
                    word = self.pick(self._SLOTS[name])
                out.append(word)
                last = word
        return "".join(out)

    def sentence(self, obj: str) -> str:
        rnd = self.random
        units = []
        for _ in range(3 + int(rnd() * 4)):
            r = rnd()
            if r < 0.5:
                units.append(self.pick(vocab.SHORT))
            elif r < 0.95:
                units.append(self.named())
            else:
                units.append(self.boilerplate(obj))
        return "，".join(units) + "。"


# -- targets ------------------------------------------------------------------------------------------

# (text with {n} or {a}/{b}, unit, low, high, decimals); {n} is the number planted.
_TARGETS: tuple[tuple[str, str, float, float, int], ...] = (
    ("全市规模以上工业增加值年均增长{n}%以上", "%", 5, 12, 0),
    ("规模以上制造业增加值增长{n}%左右", "%", 5, 12, 0),
    ("战略性新兴产业增加值占规模以上工业增加值比重达到{n}%", "%", 15, 45, 0),
    ("规模以上工业企业研发经费支出占营业收入比重达到{n}%", "%", 0.8, 2.5, 1),
    ("单位工业增加值能耗下降{n}%", "%", 1.5, 5, 1),
    ("技术改造投资增长{n}%以上", "%", 8, 25, 0),
    ("规模以上工业企业数字化改造普及率达到{n}%以上", "%", 50, 90, 0),
    ("制造业增加值占地区生产总值比重达到{n}%左右", "%", 25, 40, 0),
    ("新培育专精特新中小企业{n}家", "家", 10, 120, 0),
    ("新增规模以上工业企业{n}家以上", "家", 30, 150, 0),
    ("培育省级以上智能工厂{n}家", "家", 3, 30, 0),
    ("建成市级以上研发平台{n}个", "个", 10, 200, 0),
    ("新认定国家高新技术企业{n}家", "家", 10, 80, 0),
    ("打造中小企业数字化转型标杆{n}个", "个", 3, 20, 0),
    ("争创绿色工厂{n}家", "家", 3, 30, 0),
    ("引进高层次创新人才{n}名", "名", 20, 300, 0),
    ("推动{n}家企业上云", "家", 100, 800, 0),
    ("组建产业技术创新战略联盟{n}个", "个", 2, 10, 0),
    ("实施重点技术改造项目{n}个", "个", 20, 200, 0),
    ("全市制造业营业收入突破{n}亿元", "亿元", 300, 5000, 0),
    ("开发区营业收入达到{n}亿元以上", "亿元", 200, 3000, 0),
    ("工业用地亩均税收达到{n}万元", "万元", 10, 40, 0),
    ("完成技术合同成交额{n}亿元", "亿元", 3, 50, 0),
    ("制造业招商引资到位资金达到{n}亿元以上", "亿元", 100, 800, 0),
    ("高新技术产业增加值占规模以上工业增加值比重达到{n}%", "%", 30, 55, 0),
    ("工业投资增长{n}%以上", "%", 6, 15, 0),
    ("制造业投资年均增长{n}%", "%", 8, 20, 0),
    ("规模以上工业企业研发活动覆盖率达到{n}%", "%", 40, 80, 0),
    ("关键工序数控化率达到{n}%", "%", 50, 70, 0),
    ("数字化研发设计工具普及率达到{n}%", "%", 70, 90, 0),
    ("万元工业增加值用水量下降{n}%", "%", 5, 15, 0),
    ("一般工业固体废物综合利用率达到{n}%以上", "%", 60, 90, 0),
    ("新增工业用地中制造业用地比例不低于{n}%", "%", 30, 60, 0),
    ("亩均税收年均增长{n}%", "%", 5, 12, 0),
    ("外贸进出口总额增长{n}%以上", "%", 5, 20, 0),
    ("建成省级以上绿色园区{n}个", "个", 1, 5, 0),
    ("培育制造业头雁企业{n}家", "家", 5, 40, 0),
    ("新增上市挂牌企业{n}家", "家", 1, 10, 0),
    ("认定市级工程技术研究中心{n}个", "个", 10, 60, 0),
    ("培育省级服务型制造示范企业{n}家", "家", 2, 15, 0),
    ("新培育科技型中小企业{n}家", "家", 50, 400, 0),
    ("实施智能化改造项目{n}个", "个", 20, 150, 0),
    ("引进亿元以上项目{n}个", "个", 10, 80, 0),
    ("打造特色产业集群{n}个", "个", 2, 12, 0),
    ("培育链主企业{n}家", "家", 3, 20, 0),
    ("新增国家级专精特新“小巨人”企业{n}家", "家", 1, 15, 0),
    ("技术改造投资达到{n}亿元", "亿元", 50, 500, 0),
    ("全市工业投资完成{n}亿元", "亿元", 300, 2000, 0),
    ("招商引资到位资金突破{n}亿元", "亿元", 100, 1000, 0),
    ("规模以上工业营业收入达到{n}亿元", "亿元", 1000, 8000, 0),
    ("培育营业收入超百亿元的龙头企业{a}-{b}家", "家", 1, 5, 0),
    ("形成{a}~{b}个具有较强竞争力的产业集群", "个", 1, 6, 0),
)
_PER_YEAR = (
    ("每年新增规模以上工业企业{n}家", "家", 20, 120),
    ("年均注册商标{n}件以上", "件", 500, 4000),
    ("每年新谋划招商项目{n}个以上", "个", 100, 800),
)


def _number(rng: random.Random, low: float, high: float, decimals: int) -> float:
    return round(rng.uniform(low, high), 1) if decimals else float(rng.randint(int(low), int(high)))


def _show(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


# -- one document ---------------------------------------------------------------------------------------


class _Document:
    """One document: drawn at construction, built and rendered by :meth:`build`."""

    def __init__(self, rng: random.Random, block: int, seed: int, scale: float = 1.0):
        self.rng = rng
        self.block = block
        self.pools = [block_pool(seed, block)] + ([block_pool(seed, block - 1)] if block else [])  # own first
        self.scale = scale  # of the size budget, corrected when a first build comes out too small or large
        self.city = rng.choices(vocab.CITIES, cum_weights=_CITY_WEIGHTS)[0]
        self.c = self.city.name + "市"
        self.forms = [rng.choice(forms) for forms in vocab.AGENCIES]  # one form per department
        collectives = vocab.COUNTY_COLLECTIVES if rng.random() < 0.95 else ("各县、区人民政府（管委会）",)  # 2021
        self.collective = rng.choice(collectives) if self.city.collective else None
        places = self.city.counties + self.city.zones if self.city.counties else vocab.GENERIC_PLACES
        self.filler = _Filler(rng, places)
        self.objects = rng.sample(vocab.OBJECTS, k=len(vocab.OBJECTS))
        self.titles: set[str] = set()
        self.year = rng.randint(2019, 2025)
        self.style = self._style()
        self.topic = rng.choice(vocab.TOPICS)
        self.topic_short = self.topic.removeprefix("推进").removeprefix("加快").removeprefix("促进")
        self.one_year = False
        self.title_years: tuple[int, int] | None = None
        self.plan = self._plan_title()

    def _style(self) -> Style:
        rng = self.rng
        layout = rng.choices(("notice", "party", "party-office", "plan"), weights=(45, 15, 15, 25))[0]
        depth = {"notice": rng.choice((2, 3)), "party": rng.choice((2, 2, 3)), "party-office": 3, "plan": 3}[layout]
        annex = None
        if layout == "notice" and rng.random() < 0.55:
            annex = rng.choice(("line", "tab"))
        elif layout == "plan" and rng.random() < 0.8:
            annex = "tab"
        return Style(
            layout=layout,
            depth=depth,
            punct=rng.choices(("full", "half", "mixed"), weights=(70, 20, 10))[0],
            runon=rng.random() < (0.6 if layout in ("notice", "party-office") else 0.2),
            annex=annex,
            body_clauses=layout != "party" and (annex is None or rng.random() < 0.5),
            web=rng.choice(("fields", "pipe", None)) if layout == "notice" else None,
            markdown=layout in ("party", "party-office"),
        )

    def _plan_title(self) -> str:
        """The title of the plan; it fixes the years targets without a year of their own fall in."""
        rng, c, layout, y = self.rng, self.c, self.style.layout, self.year
        if layout == "party":
            return f"关于{self.topic}的" + rng.choice(("若干意见", "实施意见"))
        if layout == "party-office":
            self.title_years = (y, y + 3)
            return f"{c}{self.topic}行动（{y}—{y + 3}年）"
        if layout == "plan" or rng.random() < 0.3:
            self.title_years = (y, y + 2)
            return f"{c}{self.topic}三年行动方案（{y}-{y + 2}年）"
        if rng.random() < 0.3:
            self.one_year = True
            return f"{c}{y}年工业经济高质量发展工作方案"
        return c + self.topic + rng.choice(("实施方案", "行动方案", "若干措施", "工作方案"))

    # -- agencies --------------------------------------------------------------------------------

    def agencies(self, k: int, top: int | None = None) -> list[str]:
        """``k`` different departments (of the ``top`` most named), so a few carry most of the load."""
        weights = _ZIPF[:top] if top else _ZIPF
        picked: list[int] = []
        while len(picked) < k:
            for a in self.rng.choices(range(len(weights)), cum_weights=weights, k=k):
                if a not in picked:
                    picked.append(a)
        return [self.forms[a] for a in picked[:k]]

    def agent_list(self, names: list[str], once: bool) -> tuple[str, list[Agent]]:
        """A list as printed; with ``once`` the city prefix 市 is written on the first name only."""
        agents = []
        for i, name in enumerate(names):
            bare = name[1:]
            own = bare.startswith(_OWN_PREFIX) and not bare.startswith("市场") or any(m in bare for m in _OWN_MARK)
            short = once and i > 0 and not own
            agents.append(Agent(bare if short else name, name))
        if not once and agents and self.rng.random() < 0.05:  # now and then the city's name: 信阳市工信局
            full = self.city.name + agents[0].written
            agents[0] = Agent(full, full)
        return "、".join(a.written for a in agents), agents

    def locals_(self) -> tuple[str, list[Agent]]:
        """The county collective and zone committees that close many lists: "，各县区政府"."""
        if not self.collective:
            return "", []
        agents = [Agent(self.collective, self.collective)]
        text = self.collective
        if self.rng.random() < 0.3:
            committees = self.city.committees
            if self.city.name == "濮阳":  # "经开区、工业园区、示范区管委会": the suffix written once
                bare = [c.removesuffix("管委会") for c in committees]
                text += "，" + "、".join(bare) + "管委会"
                agents += [Agent(b + ("管委会" if b == bare[-1] else ""), c) for b, c in zip(bare, committees)]
            else:
                c = self.rng.choice(committees)
                text += "、" + c
                agents.append(Agent(c, c))
        return text, agents

    def clause(self, node: Node, leads: list[str], supports: list[str], local: bool, form: str | None = None) -> str:
        """A responsibility clause in one of the corpus's forms; plants its assignments on ``node``."""
        rng = self.rng
        local_text, local_agents = self.locals_() if local else ("", [])
        sep = " ：" if rng.random() < 0.04 else "："
        r = rng.random()
        if form is None and r < 0.15 and supports:
            lead_text, lead_agents = self.agent_list(leads, once=False)
            sup_text, sup_agents = self.agent_list(supports, once=rng.random() < 0.5)
            if local_text:
                sup_text, sup_agents = sup_text + "，" + local_text, sup_agents + local_agents
            _plant(node, lead_agents, "lead")
            _plant(node, sup_agents, "support")
            return f"（牵头单位{sep}{lead_text}；配合单位{sep}{sup_text}）"
        if form is None and r < 0.25 and len(leads) <= 2:
            lead_text, lead_agents = self.agent_list(leads, once=False)
            _plant(node, lead_agents, "lead")
            if not supports:
                return f"（{lead_text}牵头负责）"
            sup_text, sup_agents = self.agent_list(supports, once=False)
            _plant(node, sup_agents, "support")
            if local_text and self.collective and rng.random() < 0.5:  # …，各县区政府负责落实
                _plant(node, [Agent(self.collective, self.collective)], "implementer")
                return f"（{lead_text}牵头，{sup_text}配合，{self.collective}负责落实）"
            return f"（{lead_text}牵头，{sup_text}配合）"
        text, agents = self.agent_list(leads + supports, once=rng.random() < 0.2)
        if local_text:
            text, agents = text + "，" + local_text, agents + local_agents
        _plant(node, agents, "responsible")
        label = "责任部门" if rng.random() < 0.05 else "责任单位"
        return f"（{label}{sep}{text}"  # closed by the caller, which may add a blanket clause

    # -- targets ---------------------------------------------------------------------------------

    def target_text(self, node: Node, year: int | None, k: int) -> str:
        """``k`` targets as the clauses of one sentence, planted on ``node`` with ``year``."""
        rng = self.rng
        parts = []
        fresh = [j for j in range(len(_TARGETS)) if j not in node.used]
        for j in rng.sample(fresh, k=k):
            node.used.add(j)
            template, unit, low, high, decimals = _TARGETS[j]
            if "{a}" in template:
                a = rng.randint(int(low), int(high) - 1)
                b = a + rng.randint(1, 3)
                parts.append(template.format(a=a, b=b))
                node.targets.append((float(a), float(b), unit, year))
            else:
                n = _number(rng, low, high, decimals)
                parts.append(template.format(n=_show(n)))
                node.targets.append((n, None, unit, year))
        r = rng.random() if not node.targets else 1.0  # the special forms once per item
        if r < 0.12:  # a distributive list: 分别达到180家、310家
            a, b = rng.randint(20, 200), rng.randint(20, 400)
            parts.append(f"省级以上专精特新企业和高新技术企业数量分别达到{a}家、{b}家")
            node.targets += [(float(a), None, "家", year), (float(b), None, "家", year)]
        elif r < 0.2:
            parts.append(f"全市制造业投资规模在{(year or self.year) - rng.randint(2, 4)}年基础上实现倍增")
            node.targets.append((2.0, None, "倍", year))
        elif r < 0.3:
            template, unit, low, high = rng.choice(_PER_YEAR)
            n = float(rng.randint(low, high))
            parts.append(template.format(n=_show(n)))
            node.targets.append((n, None, unit, year))
        return "，".join(parts)

    def target_year(self) -> int:
        if self.title_years:
            first, last = self.title_years
            return self.rng.randint(first + 1, last) if self.rng.random() < 0.8 else first
        return self.year + self.rng.randint(1, 4)

    def target_sentence(self, node: Node) -> str:
        """A measure's own target sentence with its year (a one-year plan may leave the year out)."""
        if self.one_year and self.rng.random() < 0.7:
            return self.target_text(node, self.year, self.rng.randint(1, 2)) + "。"
        year = self.year if self.one_year else self.target_year()
        lead = self.rng.choice(("到{y}年，", "力争{y}年", "{y}年，", "到{y}年底，"))
        return lead.format(y=year) + self.target_text(node, year, self.rng.randint(1, 2)) + "。"

    # -- items -----------------------------------------------------------------------------------

    def measure(self) -> Node:
        """A task measure: title, prose, perhaps targets and a citation, and who is to do it."""
        rng = self.rng
        pool = self.pools[0 if rng.random() < 0.7 or len(self.pools) == 1 else 1]
        k = rng.randrange(len(pool))
        if rng.random() < 0.15 and pool[k][0] not in self.titles:  # reworded from the shared pool
            title, sentences = pool[k]
            sentences = list(sentences)
            if len(sentences) > 3 and rng.random() < 0.5:
                sentences.pop(rng.randrange(len(sentences)))
            for _ in range(rng.randint(1, 2)):
                a, b = rng.choice(vocab.SYNONYMS)
                j = rng.randrange(len(sentences))
                sentences[j] = sentences[j].replace(a, b, 1)
            node = Node(title, shared=f"{self.block - (pool is not self.pools[0])}:{k}")
        else:
            if rng.random() < 0.25:  # a task many plans set (企业技术改造): a real overlap
                obj = self.objects.pop()
                title = rng.choice(vocab.title_verbs(obj)) + obj
            else:
                title = self.filler.title()
                while title in self.titles:
                    title = self.filler.title()
            node = Node(title)
            sentences = [self.filler.sentence(title) for _ in range(rng.randint(2, 4))]
        self.titles.add(node.title)
        if rng.random() < 0.45:
            sentences.insert(rng.randint(1, len(sentences)), self.target_sentence(node))
        if rng.random() < 0.08:
            title, number = rng.choice([(t, n) for t, n in vocab.CITED if not n or _year_of(n) <= self.year])
            number = number if number and rng.random() < 0.6 else None
            sentences.insert(0, f"认真贯彻落实《{title}》" + (f"（{number}）" if number else "") + "，细化工作举措。")
            node.citations.append((title, number, "cites"))
        node.text = "".join(sentences)
        n_leads = 1 if rng.random() < 0.75 else 2
        names = self.agencies(n_leads + rng.choice((0, 1, 2, 2, 3, 4, 5)))
        node.annex = (names[:n_leads], names[n_leads:], n_leads > 1 and rng.random() < 0.5)
        return node

    def safeguard(self, title: str, first: bool) -> Node:
        rng = self.rng
        node = Node(title)
        sentences = [self.filler.sentence(title) for _ in range(rng.randint(2, 3))]
        if first and rng.random() < 0.6:  # a coordinator in prose: 市发展改革委统筹协调推进…
            name = rng.choice(vocab.LEADING_GROUPS) if rng.random() < 0.4 else self.agencies(1, top=5)[0]
            verb = rng.choice(("统筹协调推进全市{t}工作", "牵头抓总，定期研究解决{t}中的重大问题"))
            sentences.insert(0, name + verb.format(t=self.topic_short) + "。")
            node.assignments.append((name, name, "coordinator", "prose"))
        node.text = "".join(sentences)
        names = self.agencies(rng.randint(2, 4))
        node.annex = (names[:1], names[1:], False)
        return node

    def goals(self) -> Node:
        """主要目标: one or two paragraphs of targets, each opening with its year."""
        rng = self.rng
        node = Node("主要目标" if rng.random() < 0.7 else "发展目标", inline=self.style.depth == 2)
        paragraphs = []
        for _ in range(rng.randint(1, 2)):
            if self.one_year:
                year, lead = self.year, ""
            else:
                year = self.target_year()
                lead = rng.choice(("到{y}年，", "力争到{y}年，", "{y}年，")).format(y=year)
            first = self.target_text(node, year, rng.randint(2, 3))
            paragraphs.append(f"{lead}{first}；{self.target_text(node, year, rng.randint(1, 2))}。")
        node.text = paragraphs[0]
        node.extra_lines = paragraphs[1:]
        if self.style.layout == "party-office":  # Puyang: the goals as numbered items, year by year
            node.text, node.extra_lines, node.targets = self.filler.sentence("制造业高质量发展"), [], []
            first, last = self.title_years or (self.year, self.year + 3)
            for title in rng.sample(vocab.GOAL_ITEMS, k=3):
                child = Node(title)
                years = sorted(rng.sample(range(first, last + 1), k=2))
                child.text = "；".join(f"{y}年，{self.target_text(child, y, rng.randint(1, 2))}" for y in years) + "。"
                node.children.append(child)
        return node

    def guiding(self) -> str:
        parts = self.rng.sample(vocab.GUIDING[:-1], k=3) + [vocab.GUIDING[-1].format(c=self.city.name)]
        return "，".join(parts) + "。"

    # -- structure -------------------------------------------------------------------------------

    def build(self) -> tuple[str, dict]:
        rng, st = self.rng, self.style
        budget = rng.randint(18_000, 22_000) * self.scale  # bytes of UTF-8
        guide = Node("指导思想" if st.depth == 3 else "总体要求", self.guiding(), inline=st.depth == 2)
        general = Node("总体要求" if st.depth == 3 else "总体要求和主要目标", inline=False)
        general.children = [guide, self.goals()]
        titles = rng.sample(vocab.SAFEGUARDS, k=rng.randint(3, 5))
        safeguards = Node("保障措施", inline=False, children=[self.safeguard(t, i == 0) for i, t in enumerate(titles)])

        measures: list[Node] = []
        used = _size([general, safeguards]) + _FIXED[st.layout] + (900 if st.annex else 0)
        while used < budget or len(measures) < 4:
            m = self.measure()
            measures.append(m)
            used += self._cost(m)
        per = rng.randint(3, 5)
        groups = [measures[i : i + per] for i in range(0, len(measures), per)]
        if len(groups) > 1 and len(groups[-1]) < 2:
            last = groups.pop()
            groups[-1].extend(last)
        themes = rng.sample(vocab.THEMES, k=len(groups))
        sections = [Node(theme, inline=False, children=group) for theme, group in zip(themes, groups)]
        if st.layout == "plan":  # 2024: "（一）实施链群培育行动。intro and targets", then its measures
            for node in sections:
                node.title = rng.choice(node.title.split("，"))
                node.inline = True
                node.text = self.filler.sentence(node.title)
                if rng.random() < 0.7:
                    node.text += self.target_sentence(node)
        if st.depth == 3:
            roots = [general, Node("重点任务", inline=False, children=sections), safeguards]
        elif st.layout == "party":  # 2023: 二、重点任务 holds the measures themselves
            sections = [Node("重点任务", inline=False, children=measures)]
            roots = [general, *sections, safeguards]
        else:  # 2021: each theme a section of its own
            roots = [general, *sections, safeguards]
        self._responsibilities(sections, safeguards)
        return self._render(roots, sections, safeguards)

    def _cost(self, m: Node) -> int:
        """About how many bytes a measure adds: its line, its clause and its annex row."""
        leads, supports, _ = m.annex
        names = sum(map(len, leads)) + sum(map(len, supports)) + len(leads) + len(supports)
        cost = len(m.title.encode()) + len(m.text.encode()) + 10
        if self.style.body_clauses:
            cost += 3 * names + 30
        if self.style.annex:
            cost += 3 * (len(m.title) + names) + 40
        return cost

    def _responsibilities(self, sections: list[Node], safeguards: Node) -> None:
        """Body clauses (none when an annex table carries them all) and, at times, a blanket clause."""
        rng, st = self.rng, self.style
        if not st.body_clauses:
            return
        blanket = self.collective is not None and rng.random() < 0.25
        for section in sections:
            for m in section.children:
                if rng.random() < 0.08:
                    continue  # a measure nobody is named for
                leads, supports, _ = m.annex
                if blanket:  # （责任单位：…，以下各项任务均需各县区人民政府…负责落实，不再列出）
                    clause = self.clause(m, leads, supports, local=False, form="responsible")
                    local_text, m.blanket = self.locals_()
                    _plant(m, m.blanket, "responsible")
                    if st.layout == "party-office":
                        clause += f"，{local_text}。以下任务均需{local_text}负责落实，不再一一列出）"
                    else:
                        clause += f"，{local_text}，以下各项任务均需{local_text}负责落实，不再列出）"
                    blanket = False
                else:
                    clause = self.clause(m, leads, supports, local=rng.random() < 0.3)
                    clause += "" if clause.endswith("）") else "）"
                if st.layout == "party-office" and rng.random() < 0.1:
                    m.extra_lines.append(clause)  # the clause on a line of its own
                else:
                    m.text += clause
        for m in safeguards.children:
            if rng.random() < 0.5:
                leads, supports, _ = m.annex
                clause = self.clause(m, leads, supports, local=False)
                m.text += clause + ("" if clause.endswith("）") else "）")

    # -- rendering -------------------------------------------------------------------------------

    def _render(self, roots: list[Node], sections: list[Node], safeguards: Node) -> tuple[str, dict]:
        st = self.style
        body: list[str] = []
        levels: Counter[int] = Counter()
        counters: Counter[tuple[str, str]] = Counter()
        runon = "cn_paren" if st.depth == 2 else "arabic"  # 2021: (一)…(三十二); Puyang: 1.…11.

        def emit(node: Node, depth: int, parent: str) -> None:
            kind = ("cn", "cn_paren", "arabic")[depth]
            scope = (kind, "*" if st.runon and kind == runon else parent)
            counters[scope] += 1
            n = counters[scope]
            segment = {"cn": cn(n), "cn_paren": f"（{cn(n)}）", "arabic": str(n)}[kind]
            node.path = f"{parent}/{segment}" if parent else segment
            levels[depth + 1] += 1
            marker = {"cn": f"{cn(n)}、", "cn_paren": f"（{cn(n)}）", "arabic": f"{n}."}[kind]
            if kind == "arabic" and st.layout == "party-office":
                marker += " "
            line = marker + node.title
            if node.inline:
                line += "。" + (" " if st.layout == "notice" and st.depth == 2 else "") + node.text
                body.append(self._page_break(line) if st.markdown else line)
            else:
                body.append("#" * self.rng.randint(2, 4) + " " + line if st.markdown else line)
                if node.text:
                    body.append(node.text)
            body.extend(node.extra_lines)
            for child in node.children:
                emit(child, depth + 1, node.path)

        for root in roots:
            if root.title == "重点任务":
                counters.pop(("arabic", "*"), None)  # Puyang numbers its measures afresh after the goals
            emit(root, 0, "")
        _blankets(roots)
        annex_rows = self._annex_rows(sections, safeguards) if st.annex else []

        doc: dict = {
            "file": "",
            "city": self.c,
            "layout": st.layout,
            "depth": st.depth,
            "annex": st.annex,
            "title": "",
            "number": None,
            "items": {str(k): v for k, v in sorted(levels.items())},
            "measures": sum(len(s.children) for s in sections),
            "annex_rows": 0,  # rows of the annex tables, header rows included, as the outline reads them
            "assignments": [],
            "targets": [],
            "citations": [],
            "shared": [],
        }
        for node in _walk(roots):
            doc["assignments"] += [[node.path, *a] for a in node.assignments]
            doc["targets"] += [[node.path, *t] for t in node.targets]
            doc["citations"] += [[node.path, *c] for c in node.citations]
            if node.shared is not None:
                doc["shared"].append([node.path, node.shared])
        front, cited, closing = self._front(doc)
        doc["citations"] = [[None, *c] for c in cited] + doc["citations"]
        blocks = [self._punct(x) for x in front + body] + closing
        if st.annex:
            blocks += self._annex_text(annex_rows, doc)
        return ("\n\n" if st.markdown or st.web == "fields" else "\n").join(blocks) + "\n", doc

    def _page_break(self, line: str) -> str:
        """A page break inside a sentence, as PDF conversions leave them ("高质量发\\n\\n展"): after
        at least a printed line's worth of text, between two characters of running text."""
        if self.rng.random() > 0.25:
            return line
        for at in range(40 + int(self.rng.random() * 60), len(line) - 1):
            if _is_han(line[at - 1]) and _is_han(line[at]) and line[at] not in "一二三四五六七八九十":
                before = line[:at]
                if before.count("《") == before.count("》") and before.count("（") == before.count("）"):
                    return before + "\n\n" + line[at:]
        return line

    def _punct(self, line: str) -> str:
        if self.style.punct == "half" or (self.style.punct == "mixed" and self.rng.random() < 0.5):
            return line.translate(_HALF)
        return line

    # -- front matter and closing ----------------------------------------------------------------

    def _preamble(self) -> tuple[str, list[tuple[str, str | None, str]]]:
        rng = self.rng
        end = {"party": "结合我市实际，提出如下意见。", "party-office": "制定如下行动。"}.get(
            self.style.layout, "结合我市实际，制定本方案。"
        )
        r = rng.random()
        if r < 0.3:
            return f"为深入贯彻落实国家、省高质量发展要求，推动我市{self.topic_short}迈上新台阶，{end}", []
        earlier = [(t, n) for t, n in vocab.CITED if n and _year_of(n) < self.year]
        if not earlier:
            return f"为深入贯彻落实国家、省高质量发展要求，推动我市{self.topic_short}迈上新台阶，{end}", []
        cited = rng.sample(earlier, k=min(len(earlier), 2 if r > 0.85 else 1))
        parts = "和".join(f"《{t}》（{n}）" for t, n in cited)
        opener = rng.choice(("为贯彻落实", "根据", "为深入贯彻落实"))
        return f"{opener}{parts}精神，加快{self.topic_short}，{end}", [(t, n, "based_on") for t, n in cited]

    def _front(self, doc: dict) -> tuple[list[str], list, list[str]]:
        """Lines before the first item, the preamble's citations, and the closing block."""
        rng, st, c, y = self.rng, self.style, self.c, self.year
        date = f"{y}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        preamble, cited = self._preamble()
        addressee = (
            f"各县区人民政府，{c}城乡一体化示范区、经济开发区、高新技术产业开发区管委会，市直有关单位："
            if self.city.collective
            else "各镇人民政府、街道办事处，市直各单位："
        )
        notice = f"《{self.plan}》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。"
        n = rng.randint(1, 160)
        number: str | None = None
        closing: list[str] = []
        if st.layout == "party":  # 2023
            number = f"{self.city.abbr}发〔{y}〕{n}号"
            title = f"中共{c}委 {c}人民政府 {self.plan}"
            front = [f"# 中共{c}委文件", number, f"## {title}", f"（{date}）", preamble]
            closing = ["（此件发至县级）", "---", f"中共{c}委办公室", f"{date}印发", "---"]
        elif st.layout == "party-office":  # Puyang 2023
            number = f"{self.city.abbr}办〔{y}〕{n}号"
            title = f"中共{c}委办公室 {c}人民政府办公室 关于印发《{self.plan}》的通知"
            addressee = "各县（区）党委、人民政府，经开区、工业园区、示范区党工委、管委会，市直各单位："
            name, years = self.plan.split("（")
            front = [
                f"# 中共{c}委办公室文件",
                number,
                f"## {title}",
                addressee,
                notice.replace("市政府", "市委、市政府"),
            ]
            front += [f"中共{c}委办公室  \n{c}人民政府办公室", date, f"# {name}", f"## （{years}", preamble]
            closing = ["---", f"中共{c}委办公室", f"{date}印发", "---"]
        elif st.layout == "plan":  # 2024: the plan alone, signed at the end
            title = self.plan
            head, _, tail = self.plan.partition("三年")
            front = [head, "三年" + tail, preamble]
            closing = [f"{c}人民政府办公室", date] if not st.annex else []
        else:  # 2019 and 2021: the notice, then the plan
            number = f"{self.city.abbr}政办〔{y}〕{n}号"
            title = f"{c}人民政府办公室关于印发《{self.plan}》的通知"
            if "（" in self.plan:
                head, _, tail = self.plan.partition("三年")
                tail = "三年" + tail
            else:
                head, tail = self.plan[:-4], " ".join(self.plan[-4:])  # 行 动 方 案
            if st.web == "fields":
                front = self._web(title, number, date)
            else:
                front = self._web(title, number, date) + [f"{c}人民政府办公室", title[len(c) + 7 :], number]
            front += [addressee, notice, "\u00a0" if st.web else "", date, head, tail]
            front += ["\u00a0", preamble] if st.web == "fields" else [preamble]
        doc["title"], doc["number"] = title, number
        return front, cited, closing

    def _web(self, title: str, number: str, date: str) -> list[str]:
        """The metadata table of a government web page, as scraped (2019: fields, 2021: pipes)."""
        st, rng, y = self.style, self.rng, self.year
        index = f"S0001-0{rng.randint(200, 299)}-{y}-{rng.randint(0, 99999):05d}"
        if st.web == "fields":
            return [
                title,
                f"索 引 号: {index} 主题分类: 市政府办公室",
                f"信息来源: 发文日期: {date}",
                f"名  称: {title}",
                f"文  号: {number} 关 键 词:",
            ]
        if st.web == "pipe":
            return [
                f"索 引 号: | {index} | 主题分类: | 其他 |",
                f"信息来源: | 市政府办 | 发文日期: | {date} |",
                f"名 称: | {title} | ||",
                f"文 号: | {number} | 关 键 词: |",
            ]
        return []

    # -- annex tables ----------------------------------------------------------------------------

    def _annex_rows(self, sections: list[Node], safeguards: Node) -> list[tuple[str, str, str, str]]:
        """Rows of the task table (kind, task, lead, support), planting their assignments."""
        rng = self.rng
        titles = [(n.title, bigrams(n.title)) for n in _walk([*sections, safeguards])]
        rows = []
        for section in [*sections, safeguards]:
            if self.style.annex == "tab" and section is not safeguards:  # 2024: a group row names its lead
                lead = section.children[0].annex[0][0]
                _plant(section, [Agent(lead, lead)], "lead", "annex")
                rows.append(("group", section.title.split("，")[-1], lead, ""))
            else:
                rows.append(("group", section.title, "", ""))
            for m in section.children:
                leads, supports, joint = m.annex
                lead_text, lead_agents = self.agent_list(leads, once=True)
                sup_text, sup_agents = self.agent_list(supports, once=True)
                if self.collective and (rng.random() < 0.6 or not supports):
                    sup_text = (sup_text + "，" if sup_text else "") + self.collective
                    sup_agents.append(Agent(self.collective, self.collective))
                _plant(m, lead_agents, "lead", "annex")
                _plant(m, sup_agents, "support", "annex")
                joint_text = "按职责分工负责" if joint else ""
                rows.append(("task", self._task_name(m.title, titles), lead_text + joint_text, sup_text))
        return rows

    def _task_name(self, title: str, titles: list[tuple[str, set[str]]]) -> str:
        """The task as the annex names it: now and then worded a little differently (推广 vs 推进),
        never so differently that another measure's title comes closer."""
        if self.rng.random() > 0.3:
            return title
        a, b = self.rng.choice(vocab.SYNONYMS)
        edited = title.replace(a, b, 1) if a in title else title.removesuffix("建设").removesuffix("发展")
        grams = bigrams(edited)
        own = dice(grams, bigrams(title))
        if own < 0.6 or any(dice(grams, g) >= own for t, g in titles if t != title):
            return title
        return edited

    def _annex_text(self, rows: list[tuple[str, str, str, str]], doc: dict) -> list[str]:
        """The annex list and tables: the task table in the 2019 (line) or 2024 (tab) layout, and
        in the tab layout at times a table of yearly targets per cluster (2024's 附件3)."""
        st, rng = self.style, self.rng
        lead_col, sup_col = rng.choice((("牵头单位", "参加单位"), ("牵头单位", "配合单位"), ("牵头部门", "配合部门")))
        head = ["序号", "专项工作", lead_col, sup_col]
        if st.annex == "line":  # cells one per line between blank lines; numbers restart in each group
            title = "重点工作任务分工"
            cells, k = list(head), 0
            for kind, task, lead, support in rows:
                if kind == "group":
                    cells += [task, "\u00a0", "\u00a0"]
                    k = 0
                else:
                    k += 1
                    if lead.count("、") > 1 and rng.random() < 0.1:  # a typo the 2019 table has: 人社局。科技局
                        at = lead.rindex("、")
                        lead = lead[:at] + "。" + lead[at + 1 :]
                    cells += [str(k), task, lead, support or "\u00a0"]
            doc["annex_rows"] += 1 + len(rows)
            annex = [f"附件：{title}", "\u00a0", "\u00a0", "附  件", title, *cells]
            if st.web == "fields":
                annex += ["\u00a0", "\u00a0", "标签:", "留言与评论(共有 0 条评论)", "验证码:"]
            return ["\n\n".join(self._punct(x) for x in annex)]
        # every cell opens with a tab, a blank line ends a row, numbers run on across groups
        title = self.plan.split("（")[0] + "重点工作分工"
        table, k, g = ["\n".join("\t" + x for x in head)], 0, 0
        for kind, task, lead, support in rows:
            if kind == "group":
                g += 1
                cells = [cn(g), task, lead, ""]
            else:
                k += 1
                cells = [str(k), task, lead, support]
            table.append("\n".join("\t" + self._punct(x) for x in cells))
        tables = [(title, "\n\n".join(table))]
        doc["annex_rows"] += len(table)
        if rng.random() < 0.5:
            tables.append(self._target_table(doc))
        date = f"{self.year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        if len(tables) == 1:
            listing = [f"附件：{title}"]
        else:
            listing = [f"附件：1.{tables[0][0]}"] + [f"{k}.{t}" for k, (t, _) in enumerate(tables[1:], 2)]
        if st.layout == "plan":
            listing += [f"{self.c}人民政府办公室", date]
        out = ["\n".join(self._punct(x) for x in listing)]
        for k, (name, text) in enumerate(tables, 1):
            out += ["附件" if len(tables) == 1 else f"附件{k}", name + "\n" + text]
        return out

    def _target_table(self, doc: dict) -> tuple[str, str]:
        """Yearly revenue targets per cluster: clusters as columns, a row per year (2024's 附件3)."""
        rng = self.rng
        if self.city.zones:
            zones = [z.removesuffix("产业开发区").removesuffix("开发区") for z in self.city.zones]
        else:
            zones = [f"{self.city.name}高新区", f"{self.city.name}经开区", f"{self.c}产业集聚区"]
        clusters = list(
            dict.fromkeys(rng.choice(zones) + rng.choice(vocab.INDUSTRIES) for _ in range(rng.randint(4, 9)))
        )
        first, last = self.title_years or (self.year + 1, self.year + 3)
        header = "\t特色产业集群\n名称\n年度营业收入目标\n" + "\n".join("\t" + c for c in clusters)
        values = [rng.randint(5, 160) for _ in clusters]
        rows = [header]
        for year in range(first, last + 1):
            rows.append("\n".join(["\t" + f"{year}年营业收入"] + ["\t" + str(v) for v in values]))
            doc["targets"] += [["附件2", float(v), None, "亿元", year] for v in values]
            values = [v + rng.randint(2, 25) for v in values]
        doc["annex_rows"] += len(rows)
        return f"{first}-{last}年特色产业集群营业收入年度目标", "\n\n".join(rows) + "\n单位：亿元"


def _plant(node: Node, agents: list[Agent], role: str, source: str = "body") -> None:
    node.assignments += [(a.written, a.name, role, source) for a in agents]


def _blankets(roots: list[Node]) -> None:
    """Plant a blanket clause's implementers on every later measure of its section."""
    for root in roots:
        leaves = [n for n in _walk([root]) if not n.children]
        for i, leaf in enumerate(leaves):
            if leaf.blanket:
                for later in leaves[i + 1 :]:
                    _plant(later, leaf.blanket, "implementer")


def _size(nodes: list[Node]) -> int:
    return sum(len(n.title.encode()) + len(n.text.encode()) + _size(n.children) for n in nodes)


def _year_of(number: str) -> int:
    """The year of a document number: 豫政〔2022〕9号 → 2022."""
    return int(number[number.index("〔") + 1 : number.index("〕")])


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


# -- the corpus ---------------------------------------------------------------------------------------


def document(i: int, seed: int) -> tuple[str, dict]:
    """Document ``i`` of the corpus for ``seed``: (text, what it plants). Independent of N.

    Sizes are estimated while measures are drawn; a document that comes out of 17-23 KB is drawn
    again from the same seed (so the same layout and front matter) with its budget rescaled.
    """
    scale = 1.0
    for _ in range(4):
        text, planted = _Document(random.Random(f"policykg-bench:{seed}:{i}"), i // BLOCK, seed, scale).build()
        size = len(text.encode("utf-8"))
        if 17_000 <= size <= 23_000:
            break
        scale *= 20_000 / size
    planted["file"] = f"doc-{i:05d}.txt"
    return text, planted


def generate(n: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` documents and ``manifest.json`` into ``out``; return the documents' paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths, docs = [], []
    for i in range(n):
        text, planted = document(i, seed)
        path = out / planted["file"]
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
        docs.append(json.dumps(planted, ensure_ascii=False, separators=(",", ":")))
    header = {
        "generator": f"bench.generate v{VERSION}",
        "seed": seed,
        "count": n,
        "fields": {
            "items": "outline items by depth (1: 一、, 2: （一）, 3: 1.)",
            "assignments": "[path, agency as written, name with a list's 市 prefix restored, role, source]",
            "targets": "[path, number, upper bound of a range or null, unit, year or null]",
            "citations": "[path or null for the preamble, title, document number or null, relation]",
            "shared": "[path, block:k of the shared-pool measure it rewords (documents of a block and the next share)]",
        },
    }
    text = json.dumps(header, ensure_ascii=False, indent=1)[:-2] + ',\n "documents": [\n' + ",\n".join(docs) + "\n]}\n"
    (out / "manifest.json").write_bytes(text.encode("utf-8"))
    return paths


# -- scoring against the extractor ---------------------------------------------------------------------


def score(out: Path, limit: int | None = None) -> dict:
    """Run the extractor over a generated corpus and compare what it finds with the manifest.

    Returns totals: per kind, how many planted items were found (recall) and how many found items
    were planted (precision), outlines that match level by level, unresolved agencies, problems.
    """
    from policykg.graph.extract import extract_document
    from policykg.graph.gazetteer import Gazetteer, key

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    gazetteer = Gazetteer.bundled()
    totals: Counter[str] = Counter()
    for doc in manifest["documents"][:limit]:
        record = extract_document(out / doc["file"], gazetteer)
        totals["documents"] += 1
        levels = Counter(str(item.depth) for item in record.outline.walk())
        totals["outlines matching"] += levels == Counter(doc["items"])
        totals["city right"] += record.city.label_zh == doc["city"]
        totals["title right"] += key(record.outline.metadata.title or "") == key(doc["title"])
        totals["annex rows right"] += sum(len(a.rows) for a in record.outline.annexes) == doc["annex_rows"]
        totals["errors"] += sum(p.severity == "error" for p in record.problems)
        totals["warnings"] += sum(p.severity != "error" for p in record.problems)
        planted = Counter((a[0], key(a[2]), a[3], a[4]) for a in doc["assignments"])
        found = Counter((a.path, key(a.agency.name), a.role, a.source) for a, _ in record.assignments)
        _tally(totals, "assignments", planted, found)
        for source in ("body", "annex", "prose"):
            _tally(
                totals,
                f"  {source}",
                Counter({k: v for k, v in planted.items() if k[3] == source}),
                Counter({k: v for k, v in found.items() if k[3] == source}),
            )
        agencies = {agency.iri: agency for _, agency in record.assignments}
        totals["agencies"] += len(agencies)
        totals["agencies unresolved"] += sum(not a.resolved for a in agencies.values())
        planted = Counter((t[0], t[1], t[2], t[3], t[4]) for t in doc["targets"])
        found = Counter(
            (t.path, t.value if t.value is not None else t.value_min, t.value_max, t.unit, t.year)
            for t in record.targets
        )
        _tally(totals, "targets", planted, found)
        planted = Counter((c[0], key(c[1]), c[2]) for c in doc["citations"])
        found = Counter((c.path, key(c.title or ""), c.number) for c in record.citations)
        _tally(totals, "citations", planted, found)
        relations = {(c[0], key(c[1])): c[3] for c in doc["citations"]}
        totals["citation relations right"] += sum(
            relations.get((c.path, key(c.title or ""))) == c.relation for c in record.citations
        )
    return dict(totals)


def _tally(totals: Counter[str], kind: str, planted: Counter, found: Counter) -> None:
    totals[f"{kind} planted"] += sum(planted.values())
    totals[f"{kind} found"] += sum(found.values())
    totals[f"{kind} matched"] += sum((planted & found).values())


def report(totals: dict) -> str:
    """The totals of :func:`score` as a short table of recall and precision."""
    lines = [f"{totals['documents']} documents, {totals.get('errors', 0)} errors, {totals.get('warnings', 0)} warnings"]
    for kind in ("outlines matching", "annex rows right", "city right", "title right"):
        lines.append(f"  {kind}: {totals.get(kind, 0)}/{totals['documents']}")
    for kind in ("assignments", "  body", "  annex", "  prose", "targets", "citations"):
        planted, found, matched = (totals.get(f"{kind} {x}", 0) for x in ("planted", "found", "matched"))
        recall = matched / planted if planted else 1.0
        precision = matched / found if found else 1.0
        lines.append(f"  {kind}: {matched}/{planted} found (recall {recall:.1%}), precision {precision:.1%}")
    lines.append(
        f"  citation relations right: {totals.get('citation relations right', 0)}/{totals.get('citations found', 0)}"
    )
    lines.append(f"  agencies unresolved: {totals.get('agencies unresolved', 0)}/{totals.get('agencies', 0)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many documents")
    parser.add_argument("out", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--score", action="store_true", help="then run the extractor and report what it finds")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must not be negative")
    clock = time.perf_counter()
    paths = generate(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    seconds = time.perf_counter() - clock
    print(f"wrote {len(paths)} documents, {size / 1e6:.1f} MB, into {args.out}/ in {seconds:.1f}s (seed {args.seed})")
    if args.score:
        print(report(score(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
