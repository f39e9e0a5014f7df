"""Policy flow across the corpus: a citation resolved to the corpus document it names, and the
measures of a document aligned with those of the corpus documents it is based on.

Documents are read one at a time; this stage sees the corpus. Each document leaves a small
:class:`Digest` (its number, titles and citations); from the digests of all, a citation whose
number or title names a corpus document gets an edge to that document itself (the stub of what the
citation says stays beside it, and resolves to it). A document that cites no corpus document as its
basis but repeats the title of a document of a region it lies in (静安区2026年碳达峰…重点工作安排
after 上海市2026年碳达峰…重点工作安排: the usual way a district takes up a municipal plan, 对口落实)
mirrors it; so does one whose title names the subject of such a document in its words (营商环境 of
深化“放管服”改革优化营商环境) when most of its measures carry out that document's (黄埔区…工作方案,
番禺区贯彻落实…工作清单 after 广州市…工作要点: a shorter title, another genre). For every lower
document based on an upper one in the corpus, or mirroring it, each lower measure is linked to the
upper measures it carries out (:mod:`alignment`), with its score and evidence (the phrases,
industries and types of bodies both measures name), and the targets of the two measures that state
the same quantity are compared (:mod:`target_levels`). A lower document based both on an upper one and
on a middle one that carries it out (a province's plan after the State Council's opinion and the
ministries' plan for it) carries out, through each middle measure it restates, the upper measures that
one does. Only the documents of such chains are read
again, for their measures, so memory stays flat whatever the corpus. An upper measure that some
lower measure carries out is taken up, another not taken up; a lower measure that carries out none
is a local addition. A notice forwarding the upper document whole (关于转发《X》的通知, 请一并抓好落实)
takes up every measure of it, those its own points restate paired with them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Generator, Iterator
from functools import lru_cache

from pyoxigraph import NamedNode, Triple

import policykg.graph.iris as iris
from policykg.graph.alignment import FRAME, align, measures_of
from policykg.graph.gazetteer import Gazetteer, key
from policykg.graph.lineage import commentary, forwards, issued_title, number_key
from policykg.graph.numbering import article_segment, cn_to_int
from policykg.graph.rdf import ELI, RDF_TYPE, cited_iri, decimal, document_iri, item_iris, pkg, target_iris, text
from policykg.graph.records import Digest, DocumentRecord, Measure, Pair, Target
from policykg.graph.responsibilities import COORDINATOR, SUPPORT, similarity
from policykg.graph.target_levels import comparisons
from policykg.graph.text import HAN

_STATUS = pkg("flowStatus")
_SHARED = (pkg("sharedIndustry"), pkg("sharedAgencyType"))  # evidence beside the shared terms
# What a title says besides its topic: the region's own names, how it opens, and its genre.
_OWN_REGION = re.compile(r"本[省市区县镇]|全[省市区县镇]|我[省市区县镇]")
_FRAME = re.compile(
    rf"^[{HAN}]{{0,20}}?关于|的(?=[^的]*$)|(?:的)?(?:实施|指导|工作|行动)?(?:意见|方案|计划|安排|要点|细则|办法)$"
)  # 国务院办公厅关于…的意见: the issuer and 关于 too
_DASHES = re.compile(r"[—–―‐~～-]+")  # 2024—2026年, 2024——2026年, 2024-2026年, 2024～2026年
MIRROR = 0.8  # share of title bigrams two documents' topics must have in common (Dice)
# Share of its measures a document must carry out of an upper one whose title shares only its subject
# (黄埔区2025年优化营商环境工作方案 of 广州市2025年深化“放管服”改革优化营商环境工作要点)
RESTATED = 0.5
RESTATED_LEAST = 3  # and this many at least: one or two measures of a short notice may share words by chance
CANDIDATES = 3  # documents of a region above whose measures are compared, the closest titles first
_SUBJECT_RUN = 4  # Han characters in a row two titles' topics must share: 营商环境, 城市更新
_QUOTES = re.compile(r"[“”\"‘’'「」]")
_YEARS = re.compile(r"([0-9]{4})(?:-([0-9]{4}))?年度?")  # 2025年, 2025年度, 2024-2026年
# A document that names another gives it a short name: 《河南省优化营商环境条例》（以下简称《条例》）, or after
# its number in the same bracket (《X》（厦府办规〔2024〕12号，以下简称《实施细则》）).
_SHORT_NAME = re.compile(r"《([^《》]{2,60})》[^《》。；]{0,30}?[（(,，]以下简称[“\"《]([^”\"》]{1,20})[”\"》][）)]")
_NUMERAL = "[一二三四五六七八九十百零〇两0-9]{1,6}"
_GENRE = re.compile(r"(?:若干|实施|指导)?(?:意见|措施|办法|细则|条例|规定|方案)")  # a title's last word
_ARTICLE = f"第({_NUMERAL})条(?:之([一二三四五六七八九十]{{1,3}}))?"  # 第二十二条, 第22条, 第三条之一


def _title_key(title: str) -> str:
    """A title as citations are compared: widths, spaces, brackets and dashes folded, a notice
    reduced to what it issues (关于印发《X》的通知 → X).

    >>> _title_key("关于印发《X三年行动方案（2024——2026年）》的通知") == _title_key("X三年行动方案(2024-2026年)")
    True
    """
    folded = _DASHES.sub("-", key(title)).strip("《》<>〈〉")
    return re.sub(r"[《》<>〈〉＜＞]", "", issued_title(folded))


class _Names:
    """The corpus documents by what a citation names them with: the number, else the title, else
    the title bare of its bracketed qualifiers (《…行动方案》 for …行动方案（2024—2026年）, …（试行）),
    where one document alone has it and was issued no later than the citing one (of the editions of a
    rule that share a title, its revision's marked or not (X管理办法（2024年修订）), the latest issued no
    later: the one in force, not the one it repealed);
    else, for a title whose issuer is written as its level (《省人民政府关于…的实施意见》, as a city cites its province)
    or left out of the marks (国家发展改革委等部门《关于…的通知》), the document of a region above the
    citing one whose title says the same after its issuer."""

    def __init__(self, digests: list[Digest]):
        self.by_number = {d.number: d for d in digests if d.number}
        self.by_title: dict[str, list[Digest]] = {}
        for d in digests:
            for form in {f for t in d.titles for f in (t, _REVISED.sub("", t))}:
                self.by_title.setdefault(form, []).append(d)
        self.by_bare: dict[str, Digest | None] = {}
        self.by_subject: dict[str, list[Digest]] = {}
        for d in digests:
            for bare in {_bare(t) for t in d.titles}:
                self.by_bare[bare] = d if self.by_bare.get(bare, d) is d else None  # None: two have it
            for subject in {s for t in d.titles if (s := _subject(t))}:
                self.by_subject.setdefault(subject, []).append(d)

    def document(self, title: str | None, number: str | None, citing: Digest, before: bool = False) -> Digest | None:
        """The corpus document a citation names; ``before``: of a title editions share, the one in force
        before the citing document (a decision amends the edition it finds, not the one it makes)."""
        if number and number in self.by_number:
            return self.by_number[number]
        if not title:
            return None
        if title in self.by_title:
            return _in_force(self.by_title[title], citing, before)
        found = self.by_bare.get(_bare(title))
        if found is None and (_LEVEL_ISSUER.match(title) or title.startswith("关于")):
            above = [
                d
                for d in self.by_subject.get(_subject(title) or "", [])
                if d.region[:1] and d.region[0] in citing.region[1:]
            ]
            found = above[0] if len(above) == 1 else None
        return found if found and not (found.date and citing.date and found.date > citing.date) else None


# What a revision's title adds to the title it shares with the edition it replaces: X管理办法（2024年修订）
_REVISED = re.compile(r"\((?:(?:19|20)\d\d年)?(?:修订|修正|修改|修订版)(?:稿|本)?\)$")


def _in_force(editions: list[Digest], citing: Digest, before: bool = False) -> Digest | None:
    """Of the documents that share a title, the one a citation of that title means: the latest issued
    no later than the citing document (《X管理办法》 cited in 2024 is its 2024 revision, in 2020 the
    2019 edition), or ``before`` it (the edition a decision amends, not the text as amended on the
    decision's day); an undated one only when it alone has the title."""

    def later(d: Digest) -> bool:
        return bool(d.date and citing.date and (d.date > citing.date or (before and d.date == citing.date)))

    if len(editions) == 1:
        return None if later(editions[0]) else editions[0]
    issued = [d for d in editions if d.date and not later(d)]
    return max(issued, key=lambda d: d.date or "") if issued else None


# An issuer written as its level, as a lower document cites its upper one (省人民政府, 省政府办公厅, 市委),
# a department's too (省生态环境厅, as a city's bureau cites its province's): the document of that level
# above the citing one (as for a title of no issuer, 关于… alone).
_LEVEL_ISSUER = re.compile(
    rf"^(?:中共)?(?:省|自治区|市|州|盟)(?:[{HAN}]{{1,12}}?(?:厅|局|委员会|委))?"
    r"(?:人民政府|政府|委|委员会)?(?:办公厅|办公室)?关于"
)


def _subject(title: str) -> str | None:
    """What a title says after its issuer, 关于 on (关于推进农村物流高质量发展的实施意见)."""
    at = title.find("关于")
    return title[at:] if at >= 0 else None


def _bare(title: str) -> str:
    """A title key without its bracketed qualifiers.

    >>> _bare(_title_key("上海市城市更新三年行动方案（2024—2026年）")), _bare(_title_key("X管理办法（试行）"))
    ('上海市城市更新三年行动方案', 'X管理办法')
    """
    return re.sub(r"\([^()]*\)", "", title)


def _topic(title: str, names: list[str]) -> str:
    """What a title is about, as two levels that share it both state it.

    >>> _topic("上海市2026年碳达峰碳中和及节能减排重点工作安排", ["上海市", "上海"])
    '2026年碳达峰碳中和及节能减排重点'
    >>> _topic("关于加快推进本区公园城市建设实施意见", ["上海市", "奉贤区"])
    '加快推进公园城市建设'
    """
    for name in sorted(names, key=len, reverse=True):
        title = title.replace(name, "")
    return _FRAME.sub("", _OWN_REGION.sub("", title))


def digest(record: DocumentRecord, source: str, gazetteer: Gazetteer) -> Digest:
    meta = record.outline.metadata
    forwarded = _title_key(meta.enclosed_title or "") if forwards(meta.title) else ""
    # a notice forwarding another body's document is not named by that document's title
    titles = {_title_key(t) for t in (meta.title, meta.enclosed_title) if t and not forwarded}
    region = gazetteer.chain(record.city)[::-1]
    if gazetteer.country and gazetteer.country not in region:  # above every province: the nation
        region.append(gazetteer.country)
    names = [key(n) for place in region for n in (place.label_zh, *place.aliases)]
    dates = {d.kind: d.date for d in meta.dates}
    return Digest(
        source,
        document_iri(record).value,
        number_key(meta.document_number) if meta.document_number else None,
        tuple(sorted(titles)),
        tuple(
            (
                _title_key(c.title) if c.title else None,
                number_key(c.number) if c.number else None,
                "repeals" if c.repeals else "amends" if c.amends else c.relation,
                cited_iri(c).value,
            )
            for c in record.citations
        ),
        tuple(place.iri for place in region),
        dates.get("amended") or dates.get("issued") or dates.get("signed") or dates.get("printed"),
        "" if commentary(meta.title) else _topic(_title_key(meta.enclosed_title or meta.title or ""), names),
        forwarded,
    )


def _mirrored(d: Digest, by_region: dict[str, list[Digest]]) -> Digest | None:
    """The document of a region ``d`` lies in, issued no later and of the same years, whose topic
    ``d`` repeats; the closest in words when several do, of the nearest region when they are as
    close (a district's plan repeats its city's title, and its province's that the city's repeats).
    ``by_region``: the documents by their own region, so that only those above ``d`` are compared
    (all pairs would be quadratic in the corpus)."""
    scored = sorted(
        ((similarity(d.topic, u.topic), -distance, u.iri), u)
        for distance, ups in enumerate(_above(d, by_region))
        for u in ups
        if _years_agree(d.topic, u.topic)
    )
    return scored[-1][1] if scored and scored[-1][0][0] >= MIRROR else None


def _above(d: Digest, by_region: dict[str, list[Digest]]) -> list[list[Digest]]:
    """The documents of each region ``d`` lies in, the nearest first, issued no later, that state a topic."""
    return [
        [u for u in by_region.get(region, ()) if len(u.topic) >= 4 and not (u.date and d.date and u.date > d.date)]
        for region in d.region[1:]
    ]


def _years_agree(lower: str, upper: str) -> bool:
    """Whether two topics state years in common, or one states none: a district's 2026 work points
    carry out the city's of 2026, not those of 2025 that repeat their words but the year.

    >>> _years_agree("2025年优化营商环境", "2024-2026年优化营商环境"), _years_agree("2026年X", "2025年X")
    (True, False)
    """
    years = [{y for m in _YEARS.finditer(t) for y in range(int(m[1]), int(m[2] or m[1]) + 1)} for t in (lower, upper)]
    return not all(years) or bool(years[0] & years[1])


def _same_subject(lower: str, upper: str) -> bool:
    """Whether two topics name one subject in the same words (a run of Han characters both state,
    营商环境 of 优化营商环境 and 营商环境改革重点任务) and, where both state years, years in common
    (2025年 of 2024-2026年). A slogan's quotation marks do not break a run (“放管服”改革).

    >>> _same_subject("2025年优化营商环境", "2024-2026年深化“放管服”改革优化营商环境")
    True
    >>> _same_subject("2025年“放管服”改革攻坚", "2025年深化“放管服”改革优化营商环境")
    True
    >>> _same_subject("2025年", "2025年城市管理"), _same_subject("2023年城市管理", "2025年城市管理")
    (False, False)
    """
    if not _years_agree(lower, upper):
        return False
    lower, upper = (_YEARS.sub(" ", _QUOTES.sub("", t)) for t in (lower, upper))
    runs = re.findall(f"[{HAN}]{{{_SUBJECT_RUN},}}", lower)
    return any(run[i : i + _SUBJECT_RUN] in upper for run in runs for i in range(len(run) - _SUBJECT_RUN + 1))


def _restated(d: Digest, by_region: dict[str, list[Digest]], measures: Callable[[str], list[Measure]]) -> Digest | None:
    """The document of a region ``d`` lies in, issued no later, whose subject ``d``'s title names
    and whose measures ``d`` carries out for the most part (RESTATED, RESTATED_LEAST): a district's
    plan that takes up a city's without its title (黄埔区…工作方案, 番禺区贯彻落实…工作清单 of
    广州市…工作要点). Of the nearest region that has one, the one it carries out most of.
    ``measures`` gives a document's by its source."""
    for ups in _above(d, by_region):
        # the closest titles only: a province's hundreds of documents may share a subject (高质量发展)
        named = sorted((-similarity(d.topic, u.topic), u.iri, u) for u in ups if _same_subject(d.topic, u.topic))
        candidates = [u for *_, u in named[:CANDIDATES]]
        lower = measures(d.source) if candidates else []
        paired = [(len({p.lower for p in align(measures(u.source), lower)}), u) for u in candidates]
        best = max(paired, key=lambda found: found[0], default=None)
        if best and best[0] >= max(RESTATED * len(lower), RESTATED_LEAST):
            return best[1]
    return None


def flow_triples(
    digests: list[Digest], read: Callable[[str], DocumentRecord], gazetteer: Gazetteer
) -> Iterator[Triple]:
    """The edges from citing documents to the corpus documents they cite, and the alignment of the
    measures of every document with those of the corpus documents it is based on; ``read`` gives
    the record of a document of a chain from its source, ``gazetteer`` the areas places lie in."""
    named = _Names(digests)
    bases: dict[str, set[str]] = {}  # upper IRI -> lower IRIs based on it
    forwarded: set[str] = set()  # upper IRIs a notice forwards whole (关于转发《X》的通知): all taken up
    for d in digests:
        for title, number, relation, stub in d.citations:
            upper = named.document(title, number, d, before=relation == "amends")
            if upper is None or upper.iri == d.iri:
                continue
            for edge in ("cites", relation) if relation in ("repeals", "amends") else (relation,):
                yield Triple(NamedNode(d.iri), NamedNode(ELI + edge), NamedNode(upper.iri))
            yield Triple(NamedNode(stub), pkg("resolvesTo"), NamedNode(upper.iri))  # what the citation says
            if relation == "based_on":
                bases.setdefault(upper.iri, set()).add(d.iri)
                if d.forwards and d.forwards in upper.titles:
                    forwarded.add(upper.iri)
    based = {iri for lows in bases.values() for iri in lows}
    by_region: dict[str, list[Digest]] = {}
    for d in digests:
        if d.region:
            by_region.setdefault(d.region[0], []).append(d)

    @lru_cache(maxsize=256)  # an upper document is compared with each of its areas' documents: read it once
    def measures_by_source(source: str) -> list[Measure]:
        record = read(source)
        return measures_of(record.outline, record.annex_items)

    for d in digests:
        if d.iri in based:
            continue
        if upper := _mirrored(d, by_region) or _restated(d, by_region, measures_by_source):
            yield Triple(NamedNode(d.iri), pkg("mirrors"), NamedNode(upper.iri))
            bases.setdefault(upper.iri, set()).add(d.iri)
    docs = {d.iri: d for d in digests}
    lowers = sorted({iri for lows in bases.values() for iri in lows})
    records = {iri: read(docs[iri].source) for iri in sorted(set(bases) | set(lowers))}
    items = {iri: item_iris(record) for iri, record in records.items()}
    measures = {iri: measures_of(record.outline, record.annex_items) for iri, record in records.items()}
    targets = {iri: _targets_by_item(record) for iri, record in records.items()}
    mentioned = {iri: _named_by_item(record) for iri, record in records.items()}
    taken: dict[str, set[str]] = {iri: set() for iri in bases}  # upper measures some lower one carries out
    paired: dict[str, set[str]] = {}  # lower measures that carry out some upper one
    aligned: dict[tuple[str, str], list[Pair]] = {}
    elsewhere: dict[tuple[str, str], set[str]] = {}  # upper measures charged to another area than the lower's
    for upper_iri in sorted(bases):
        for lower_iri in sorted(bases[upper_iri]):
            cited = _cited_articles(records[lower_iri], measures[lower_iri], docs[upper_iri], measures[upper_iri])
            charged = _charged_elsewhere(records[upper_iri], docs[lower_iri].region, gazetteer)
            elsewhere[(upper_iri, lower_iri)] = charged
            tasks = [m for m in measures[upper_iri] if m.path not in charged]
            aligned[(upper_iri, lower_iri)] = align(tasks, measures[lower_iri], cited)
    for upper_iri in sorted(bases):
        for lower_iri in sorted(bases[upper_iri]):
            compared: set[tuple[str, str]] = set()  # (upper target, lower target) already compared
            names = _area_names(records[upper_iri]) + _area_names(records[lower_iri])
            # what the upper document allots the lower area by name (its row in a table of targets by
            # place): the lower targets it settles are that allotment's, not the whole upper area's, whose
            # figure is then an average over the parts and no standard of each
            area = set(_area_names(records[lower_iri]))
            allotted = [t for found in targets[upper_iri].values() for t in found if t[0].scope in area]
            lower_all = _measured(targets[lower_iri], items[lower_iri]) + targets[lower_iri].get("", [])
            yield from _comparison_triples(None, allotted, lower_all, names, compared, allotted=True)
            settled = {lower for _, lower in compared}
            through = _through(upper_iri, lower_iri, aligned, docs)
            through = [p for p in through if p.upper not in elsewhere[(upper_iri, lower_iri)]]
            for pair in aligned[(upper_iri, lower_iri)] + through:
                node = yield from _alignment_triples(items[upper_iri][pair.upper], items[lower_iri][pair.lower], pair)
                both = zip(_named(mentioned[upper_iri], pair.upper), _named(mentioned[lower_iri], pair.lower))
                for predicate, (above, below) in zip(_SHARED, both):
                    yield from (Triple(node, predicate, NamedNode(iri)) for iri in sorted(above & below))
                ups, lows = targets[upper_iri].get(pair.upper, []), targets[lower_iri].get(pair.lower, [])
                yield from _comparison_triples(node, ups, _unsettled(lows, settled), names, compared)
                taken[upper_iri].add(pair.upper)
                paired.setdefault(lower_iri, set()).add(pair.lower)
            # a document's own goals (its preamble's, of no measure) against the other's targets: the whole
            # lower document carries out the whole upper one, so no alignment of measures holds them
            # and a goals section's (工作目标), which gathers targets the other level states in its tasks:
            # those of measures of another kind, which no alignment pairs
            upper_goals = targets[upper_iri].get("", []) + _framed(measures[upper_iri], targets[upper_iri])
            lower_goals = targets[lower_iri].get("", []) + _framed(measures[lower_iri], targets[lower_iri])
            upper_all = _measured(targets[upper_iri], items[upper_iri]) + targets[upper_iri].get("", [])
            yield from _comparison_triples(None, upper_goals, _unsettled(lower_all, settled), names, compared)
            yield from _comparison_triples(None, upper_all, _unsettled(lower_goals, settled), names, compared)
    for upper_iri in sorted(bases):
        for m in measures[upper_iri]:
            status = "TakenUp" if m.path in taken[upper_iri] or upper_iri in forwarded else "NotTakenUp"
            yield Triple(items[upper_iri][m.path], _STATUS, pkg(status))
    for lower_iri in lowers:
        for m in measures[lower_iri]:
            if m.path not in paired.get(lower_iri, set()):  # carries out none of its upper documents' measures
                yield Triple(items[lower_iri][m.path], _STATUS, pkg("LocalMeasure"))


def _cited_articles(
    lower: DocumentRecord, lower_measures: list[Measure], upper: Digest, upper_measures: list[Measure]
) -> dict[tuple[str, str], str]:
    """The articles of the upper document each lower measure cites by number, as rules implementing a
    regulation do: by its title (《河南省优化营商环境条例》第二十二条) or by the short name the lower
    document gives it (以下简称《条例》 or “条例”), also cited bare (条例第三条; 本条例第三条 is the
    citing text itself); an opinion numbered by points (一、…二十三、) has its points cited so, as
    articles or points (《若干意见》第三条, 若干意见第五点); {(upper path, lower path): the citation}."""
    text = lower.outline.text.text.replace("\n", "")  # a hard wrap inside (以下简称《条例》\n）
    names = {short for full, short in _SHORT_NAME.findall(text) if _title_key(full) in upper.titles}
    short = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    bare = rf"|(?<![本该此])[“\"]?(?P<short>{short})[”\"]?" if names else ""
    articles = {number: m.path for m in upper_measures if (number := _article(m.path.rsplit("/", 1)[-1]))}
    unit = "条"
    if not articles:  # an opinion's points (一、…二十三、), cited as its articles or points: 第三条, 第五点
        articles = {article_segment(point): m.path for m in upper_measures if (point := _point(m.path))}
        unit = "[条点]"
    article = f"第{_NUMERAL}(?:[、和及与至到]第?{_NUMERAL})*{unit}(?:之[一二三四五六七八九十]{{1,3}})?"
    more = f"(?:[、和及与至到]{article})*"  # 第四条、第五条; 第四条至第六条
    citation = re.compile(rf"(?:《(?P<title>[^《》]{{1,60}})》{bare})(?P<article>{article}{more})")
    cited: dict[tuple[str, str], str] = {}
    for m in lower_measures:
        for match in citation.finditer(m.text.replace("\n", "")):
            title = match.group("title")
            if title is None or title in names or _title_key(title) in upper.titles or _genre_of(title, upper, names):
                for number in _articles(_spread(match.group("article").replace("点", "条"))):
                    if number in articles:
                        cited.setdefault((articles[number], m.path), match.group())
    return cited


def _spread(cited: str) -> str:
    """Numbers that share one 条 written each with its own (第五、六条 → 第五条、第六条; 第五至七条)."""
    shared = rf"第({_NUMERAL}(?:[、和及与至到]第?{_NUMERAL})+)条"
    return re.sub(shared, lambda m: re.sub(rf"第?({_NUMERAL})", r"第\1条", m[1]), cited)


def _articles(cited: str) -> list[str]:
    """The articles a citation lists (第四条、第五条), a range (第四条至第六条) every one in it."""
    found = list(re.finditer(_ARTICLE, cited))
    numbers = [n for m in found if (n := _article(m.group()))]
    for before, after in zip(found, found[1:]):
        if cited[after.start() - 1] in "至到":  # 第四条至第六条: those between too
            low, high = (int(m[1]) if m[1].isdigit() else cn_to_int(m[1]) for m in (before, after))
            numbers += [n for i in range(low + 1, high) if (n := _article(f"第{i}条"))]
    return numbers


def _genre_of(title: str, upper: Digest, names: set[str]) -> bool:
    """《若干意见》 where the lower document gives its basis no short name: the genre its title ends
    with, as a city writes 省政府《若干意见》第七条 of the one opinion it carries out."""
    return not names and bool(_GENRE.fullmatch(title)) and any(t.endswith(title) for t in upper.titles)


def _point(path: str) -> int | None:
    """The number of a measure that is a top-level point (二十三 of 二十三、, 5 of 5.), else None."""
    if re.fullmatch("[一二三四五六七八九十百零]+|[0-9]+", path):
        return int(path) if path.isdigit() else cn_to_int(path)
    return None


def _article(segment: str) -> str | None:
    """An article's number as its path prints it (第22条 → 第二十二条, 第三条之一), None for another item."""
    found = re.fullmatch(_ARTICLE, segment)
    if not found:
        return None
    number = int(found[1]) if found[1].isdigit() else cn_to_int(found[1])
    return article_segment(number, cn_to_int(found[2]) if found[2] else 0)


def _charged_elsewhere(upper: DocumentRecord, lower_region: tuple[str, ...], gazetteer: Gazetteer) -> set[str]:
    """The upper measures borne only by bodies of areas below the upper one, none of them the lower
    document's area, one it lies in or one lying in it (a city plan's project for 龙岗区政府 alone):
    another area's task, which the lower document does not carry out, whatever words they share.
    A document issued jointly by several governments (沪苏浙 for their 两区一县) lies over each
    issuer's area, at any depth (吴江区 lies in 苏州市 in 江苏省); bodies of the upper level that
    only guide, support or coordinate (青浦区人民政府负责，市水务局指导) leave the task the area's."""
    above = {upper.city.iri} | {issuer.city.iri for issuer in upper.issuers}
    # path -> for each body bearing it: True, of another area; False, of the lower one's; None, of no area below
    bearers: dict[str, set[bool | None]] = defaultdict(set)
    for assignment, agency in upper.assignments:
        if assignment.path is None:
            continue
        chain = {place.iri for place in gazetteer.chain(agency.city)}
        if agency.city.iri not in above and chain & above:
            ours = agency.city.iri in lower_region or bool(lower_region) and lower_region[0] in chain
            bearers[assignment.path].add(not ours)
        elif assignment.role not in (SUPPORT, COORDINATOR):
            bearers[assignment.path].add(None)
    return {path for path, found in bearers.items() if found == {True}}


def _area_names(record: DocumentRecord) -> tuple[str, ...]:
    return tuple(n for n in (record.city.label_zh, *record.city.aliases) if len(n) > 1)


def _named_by_item(record: DocumentRecord) -> dict[str, tuple[set[str], set[str]]]:
    """What each item names that two levels can share: the industries of its text, and the functional
    types of the bodies it charges (in any role)."""
    by_item: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for path, found in record.mentions.items():
        by_item[path][0].update(f.iri for f in found if f.kind == "Industry")
    for assignment, agency in record.assignments:
        if assignment.path and agency.type:
            by_item[assignment.path][1].add(agency.type.iri)
    return by_item


def _named(by_item: dict[str, tuple[set[str], set[str]]], measure: str) -> tuple[set[str], set[str]]:
    """What a measure names: its item's, and its sub-items' for a regulation's article (第五条/（一）)."""
    parts = [named for path, named in by_item.items() if path == measure or path.startswith(measure + "/")]
    return set().union(*(p[0] for p in parts)), set().union(*(p[1] for p in parts))


def _targets_by_item(record: DocumentRecord) -> dict[str, list[tuple[Target, NamedNode]]]:
    """The targets of each item, with their nodes."""
    by_item: dict[str, list[tuple[Target, NamedNode]]] = {}
    for target, node in zip(record.targets, target_iris(record)):
        by_item.setdefault(target.path, []).append((target, node))
    return by_item


def _comparison_triples(
    alignment: NamedNode | None,
    upper: list[tuple[Target, NamedNode]],
    lower: list[tuple[Target, NamedNode]],
    names: tuple[str, ...],
    compared: set[tuple[str, str]],
    allotted: bool = False,
) -> Iterator[Triple]:
    """Each lower target that states the quantity of an upper one, and how its value stands
    (``…/against/<upper>``), on the alignment of their measures (none for a document's own goal, a
    goals section's or what the upper document allots the lower area); each pair once (``compared``)."""
    for i, j, comparison in comparisons([t for t, _ in upper], [t for t, _ in lower], names, allotted):
        if (upper[i][1].value, lower[j][1].value) in compared:
            continue
        compared.add((upper[i][1].value, lower[j][1].value))
        node = NamedNode(iris.target_comparison(lower[j][1].value, upper[i][1].value))
        yield Triple(node, RDF_TYPE, pkg("TargetComparison"))
        if alignment:
            yield Triple(node, pkg("onAlignment"), alignment)
        yield Triple(node, pkg("upperTarget"), upper[i][1])
        yield Triple(node, pkg("lowerTarget"), lower[j][1])
        yield Triple(node, pkg("comparison"), text(comparison))


def _unsettled(found: list[tuple[Target, NamedNode]], settled: set[str]) -> list[tuple[Target, NamedNode]]:
    """The targets no allotment of the upper document has been compared with."""
    return [(t, node) for t, node in found if node.value not in settled]


def _framed(measures: list[Measure], by_item: dict[str, list[tuple[Target, NamedNode]]]) -> list:
    """The targets of a document's goals sections (工作目标, 主要目标)."""
    return [t for m in measures if m.kind == FRAME for t in by_item.get(m.path, [])]


def _measured(by_item: dict[str, list[tuple[Target, NamedNode]]], items: dict[str, NamedNode]) -> list:
    """The targets of a document's items (not of its preamble nor of its annexes' tables)."""
    return [t for path, found in by_item.items() if path in items for t in found]


def _through(upper: str, lower: str, aligned: dict[tuple[str, str], list[Pair]], docs: dict[str, Digest]) -> list[Pair]:
    """The pairs a lower document based on both an upper document and a middle one that carries it out
    (a province's plan citing the State Council's opinion and the ministries' plan for it) makes
    through the middle: a lower measure restating a middle measure carries out the upper measures the
    middle one does, though it shares fewer words with them. As strong as the weaker of the two pairs.
    A middle measure that bundles several upper tasks (视频监控 and 数据质量核查 in one) is often
    restated only in part: a lower measure carrying out one of those tasks directly restates that part,
    and carries out none of the others through the middle."""
    direct = {(p.upper, p.lower) for p in aligned[(upper, lower)]}
    found: dict[tuple[str, str], Pair] = {}
    for (above, middle), carried in sorted(aligned.items()):
        if above != upper or (middle, lower) not in aligned:
            continue
        bundled: dict[str, set[str]] = defaultdict(set)  # middle measure: the upper measures it carries out
        for first in carried:
            bundled[first.lower].add(first.upper)
        for first in carried:
            for second in aligned[(middle, lower)]:
                key = (first.upper, second.lower)
                if second.upper != first.lower or key in direct:
                    continue
                if any((other, second.lower) in direct for other in bundled[first.lower]):
                    continue
                via = f"{docs[middle].number or docs[middle].source} {first.lower}"
                pair = Pair(first.upper, second.lower, min(first.score, second.score), (via,))
                if key not in found or pair.score > found[key].score:
                    found[key] = pair
    return [found[key] for key in sorted(found)]


def _alignment_triples(upper: NamedNode, lower: NamedNode, pair: Pair) -> Generator[Triple, None, NamedNode]:
    """``lower`` carries out ``upper``, and the alignment that says so (``…/carries/<upper>``); returns
    the alignment's node."""
    node = NamedNode(iris.alignment(lower.value, upper.value))
    yield Triple(lower, pkg("carriesOut"), upper)
    yield Triple(node, RDF_TYPE, pkg("Alignment"))
    yield Triple(node, pkg("lowerMeasure"), lower)
    yield Triple(node, pkg("upperMeasure"), upper)
    yield Triple(node, pkg("alignmentScore"), decimal(pair.score))
    yield Triple(node, pkg("sharedTerms"), text(" ".join(pair.shared)))
    return node
