"""Measures that say the same thing: near-duplicate clauses found by banded MinHash, as topics.

Plans of one city repeat each other (the 2019, 2021, 2023 and 2024 Zhumadian documents all set up
工业用地"标准地"出让); a topic gathers the measures that state one task, for the auditor
(``overlap`` findings here, lead conflicts in :mod:`policykg.queries.responsibility_flags`) and the views.

Method. Measures are long and cover several tasks, so a whole-measure similarity misses one shared
task. The unit is the clause: a measure's title and text (its responsibility clause removed) cut at
。；，：, folded (NFKC, digits to ``#``, punctuation dropped), kept from :data:`MIN_CLAUSE` characters
(shorter ones are stock phrases: 强化要素保障), as a set of character bigrams (Chinese words are mostly
two characters). Banded MinHash (numpy, fixed seed, so the same input gives the same topics): 192
hash functions in 64 bands of 3 rows propose a pair of Jaccard J with probability 1 − (1 − J³)^64,
above 0.997 at J = 0.45 and 0.06 at J = 0.1, so the cost follows the number of clauses and of similar
pairs, not its square. Proposed pairs are verified on the exact bigram sets: Jaccard ≥ :data:`THRESHOLD`.
0.45 is where the bundled corpus's matches stop reading as one instruction: 2019's 标准地 trial and
2023's 标准地 system meet at 0.455, the 2021 and 2023 green-manufacturing lists at 0.452, while from 0.44
down pairs share a slogan only (推动制造业高质量协同发展 / 打造制造业高质量发展协同带); the development
corpus agrees (the precision measured on both is by :data:`THRESHOLD`). A topic is a
connected component of verified pairs, folded into a larger topic that holds all its measures. Pairs
inside one measure or between an item and an item above it (a section's lead restates its sub-items),
and items titled 指导思想 or 总体要求 (boilerplate), are left out.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import defaultdict
from dataclasses import dataclass, field, replace

import networkx as nx
import numpy as np
from pyoxigraph import Store

from policykg.graph.responsibilities import LABELS
from policykg.queries.findings import Finding
from policykg.queries.store_rows import rows, stem

WINDOW = 16  # pairs per row within one LSH bucket
# Precision of the pairs verified at each Jaccard, read by hand (a pair is true when both clauses
# state the same task): the bundled corpus read whole, tests/documents (29 documents) 20 or 40
# random pairs per band. Pairs and precision by band of Jaccard:
#                 [0.40, 0.45)   [0.45, 0.50)   [0.50, 0.55)   [0.55, 1]
#   bundled        23, 52%        10, 80%        11, 91%        26, 100% (8 identical)
#   development   258, 20%       111, 38%       121, 38%       725, 84% (415 identical, 90%)
# Found at 0.40 / 0.45 / 0.50: bundled 70 / 47 / 37 pairs, 80% / 94% / 97% true; development
# 1,215 / 957 / 846 pairs, about 61% / 72% / 77% true. Both corpora step up at 0.45 (the band
# below is the worst of each); 0.50 would drop pairs as often true as those it keeps on the
# development corpus (38%) and 8 true pairs for 2 false on the bundled one. Nearly half the false
# pairs from 0.45 to 0.55 are no matter of threshold: agency lists from brackets other than 责任单位
# (责任部门, 牵头单位/配合单位) and a regulation's articles sharing their subject (县级以上人民政府…应当).
THRESHOLD = 0.45
MIN_CLAUSE = 8
NUM_PERM, BANDS, ROWS = 192, 64, 3
_BLOCK = 4096  # sets hashed together by signatures()
SEED = 1
_MIX = 0x9E3779B97F4A7C15
BOILERPLATE = ("指导思想", "总体要求")
_CUT = re.compile(r"[。；;，,：:！!？?\n]")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# A responsibility clause: a bracket opening with a label (责任单位, 牵头单位, 责任部门…) or naming a lead.
_CLAUSE = re.compile(rf"[（(]\s*(?:{LABELS}|[^（）()]{{2,40}}?牵头)(?:[^（）()]|[（(][^（）()]*[）)])*(?:[）)]|$)")
_PUNCT = re.compile(r"[^\w#]|_")  # keep letters and digits (str.isalnum) and the digit mark


@dataclass(frozen=True)
class MeasureText:
    """What the overlap search reads of a measure: an id, where it is, and its title and text."""

    measure: str
    document: str
    city: str
    path: str
    title: str
    text: str
    ancestors: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicMeasure:
    """A measure of a topic, its clauses that matched, and its agencies by role (in rank order)."""

    measure: str
    document: str
    city: str
    path: str
    title: str
    clauses: tuple[str, ...]
    agencies: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def where(self) -> str:
        """The document and path, as findings across documents name a measure."""
        return f"{self.document} {self.path}"


@dataclass(frozen=True)
class Topic:
    """Measures that share near-duplicate clauses; ``similarity`` is the lowest verified Jaccard that joins it."""

    label: str
    similarity: float
    measures: tuple[TopicMeasure, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({m.document for m in self.measures}))

    @property
    def quotes(self) -> tuple[str, ...]:
        """The clauses that matched, each once, in the order of the measures."""
        return tuple(dict.fromkeys(c for m in self.measures for c in m.clauses))


def strip_responsibility(text: str) -> str:
    """The text without its responsibility clauses (a bracket opening with a label such as 责任单位 or
    牵头单位, or naming a lead; one level of brackets inside).

    >>> strip_responsibility("推进标准地出让。（责任单位：市自然资源局（规划）、市财政局）另起")
    '推进标准地出让。另起'
    >>> strip_responsibility("推进海绵城市建设。(牵头单位：区绿化市容局;配合单位：区水务局)")
    '推进海绵城市建设。'
    """
    return _CLAUSE.sub("", text)


def clauses(text: str) -> list[tuple[str, str]]:
    """The clauses of a text, as written and folded, keeping those of at least MIN_CLAUSE characters.

    >>> clauses("实行工业用地“标准地”出让，强化要素保障。2026年达到１５家")
    [('实行工业用地“标准地”出让', '实行工业用地标准地出让')]
    """
    out = []
    for part in _CUT.split(unicodedata.normalize("NFKC", text)):
        folded = _PUNCT.sub("", _DIGITS.sub("#", part))
        if len(folded) >= MIN_CLAUSE:
            out.append((part.strip(), folded))
    return out


def shingles(folded: str) -> frozenset[str]:
    """Character bigrams.

    >>> sorted(shingles("标准地"))
    ['准地', '标准']
    """
    return frozenset(map(str.__add__, folded, folded[1:]))


def signatures(units: list[frozenset[str]], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """MinHash signatures, one row per set: per permutation, the least hash of the set's shingles.

    A shingle's CRC-32 ``x`` is hashed by multiply-add-shift, ((a·x + b) mod 2^64) >> 32 with ``a``
    and ``b`` drawn from a fixed seed: a 2-independent family for 32-bit keys that numpy computes
    exactly (uint64 arithmetic wraps modulo 2^64). The work is vectorised over all shingles of all sets.

    >>> sig = signatures([frozenset({"标准", "准地"}), frozenset({"准地", "标准"}), frozenset({"绿色"})], 8)
    >>> bool((sig[0] == sig[1]).all()), bool((sig[0] == sig[2]).all())
    (True, False)
    """
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 63, size=(num_perm, 1), dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
    b = rng.integers(0, 1 << 63, size=(num_perm, 1), dtype=np.uint64)
    vocabulary = {s: i for i, s in enumerate(frozenset().union(*units))}
    flat = [vocabulary[s] for u in units for s in u]  # any order: only the minimum counts
    codes = np.array([zlib.crc32(s.encode("utf-8")) for s in vocabulary], dtype=np.uint64)
    hashes = codes[np.array(flat, dtype=np.int64)]
    starts = np.cumsum([0] + [len(u) for u in units])
    out = np.empty((len(units), num_perm), dtype=np.uint64)
    # A block of sets and a few functions at a time, so that the arrays stay in the CPU's cache
    # whatever the number of sets (over all sets at once, 100k measures took 13× the time of 10k).
    for first in range(0, len(units), _BLOCK):
        last = min(first + _BLOCK, len(units))
        block = hashes[starts[first] : starts[last]][None, :]
        offsets = starts[first:last] - starts[first]
        for lo in range(0, num_perm, 4):
            permuted = (a[lo : lo + 4] * block + b[lo : lo + 4]) >> np.uint64(32)
            out[first:last, lo : lo + 4] = np.minimum.reduceat(permuted, offsets, axis=1).T
    return out


def candidate_pairs(
    sig: np.ndarray, bands: int = BANDS, rows: int = ROWS, window: int = WINDOW
) -> list[tuple[int, int]]:
    """Pairs of rows that agree on all ``rows`` values of at least one of ``bands`` bands (LSH banding).

    A pair with Jaccard J becomes a candidate with probability 1 − (1 − J^rows)^bands. Within a
    bucket, a row is paired with the next ``window`` rows only: a stock phrase that thousands of
    documents vary slightly would otherwise give pairs growing with the square of the corpus, and
    topics are connected components, which a chain of neighbours keeps connected.

    >>> candidate_pairs(np.array([[1, 2, 3, 4], [1, 2, 9, 9], [5, 6, 3, 4]], dtype=np.uint64), bands=2, rows=2)
    [(0, 1), (0, 2)]
    """
    found = [np.empty(0, dtype=np.int64)]
    for band in range(bands):
        keys = np.zeros(len(sig), dtype=np.uint64)
        for c in range(band * rows, (band + 1) * rows):
            keys = (keys * np.uint64(_MIX)) ^ sig[:, c]  # wraps modulo 2^64: collisions only add candidates
        order = np.argsort(keys, kind="stable")
        ordered, step = keys[order], 1
        while step <= window and step < len(ordered) and (same := ordered[step:] == ordered[:-step]).any():
            x, y = order[:-step][same], order[step:][same]
            found.append(np.minimum(x, y) * len(sig) + np.maximum(x, y))
            step += 1
    codes = np.unique(np.concatenate(found))
    return list(zip((codes // len(sig)).tolist(), (codes % len(sig)).tolist()))


def find_topics(measures: list[MeasureText], threshold: float = THRESHOLD) -> list[Topic]:
    """Topics of near-duplicate clauses among the measures (no store needed: the core of :func:`topics`).

    Clauses that fold to the same text form one class, hashed and compared once: the stock phrases
    every document repeats would otherwise make pairs growing with the square of the corpus.
    """
    units = []  # (measure index, clause as written, folded)
    for index, m in enumerate(measures):
        text = m.text if m.text.startswith(m.title) else f"{m.title}。{m.text}"
        for written, folded in clauses(strip_responsibility(text)):
            units.append((index, written, folded))
    classes: dict[str, list[int]] = defaultdict(list)  # folded text -> its units, in order
    for key, unit in enumerate(units):
        classes[unit[2]].append(key)
    groups = list(classes.values())

    def allowed(key: int, other: int) -> bool:
        a, b = measures[units[key][0]], measures[units[other][0]]
        return a is not b and not _related(a, b)

    def link(keys: list[int], others: list[int], jaccard: float) -> None:
        """One edge between the classes, from the first pair of units that may be linked."""
        pair = next(((k, o) for k in keys for o in others if allowed(k, o)), None)
        if pair:
            pairs.add_edge(*pair, jaccard=jaccard)

    pairs: nx.Graph[int] = nx.Graph()
    for keys in groups:
        for i, key in enumerate(keys[1:], 1):
            link([key], keys[:i], 1.0)
    if groups:
        bigrams = [shingles(units[keys[0]][2]) for keys in groups]
        sig = signatures(bigrams)
        for a, b in _likely(sig, candidate_pairs(sig), threshold):
            jaccard = len(bigrams[a] & bigrams[b]) / len(bigrams[a] | bigrams[b])
            if jaccard >= threshold:
                link(groups[a], groups[b], jaccard)
    found = []
    for component in sorted(nx.connected_components(pairs), key=min):
        keys = sorted(component)
        sub = pairs.subgraph(keys)
        central = max(keys, key=lambda k: (sub.degree(k, weight="jaccard"), -len(units[k][1]), -k))
        by_measure: dict[int, dict[str, None]] = defaultdict(dict)
        for k in keys:
            by_measure[units[k][0]][units[k][1]] = None
        members = tuple(
            TopicMeasure(m.measure, m.document, m.city, m.path, m.title, tuple(by_measure[i]))
            for i, m in sorted(((i, measures[i]) for i in by_measure), key=lambda x: (x[1].document, x[0]))
        )
        similarity = min(data["jaccard"] for _, _, data in sub.edges(data=True))
        found.append(Topic(units[central][1], round(similarity, 3), members))
    return _fold(sorted(found, key=lambda t: (-len(t.documents), -len(t.measures), t.label)))


def _fold(found: list[Topic]) -> list[Topic]:
    """Fold a topic into a larger one holding all its measures (one shared measure does not: no chains)."""
    kept: list[Topic] = []
    kept_ids: list[set[str]] = []
    holding: dict[str, list[int]] = defaultdict(list)  # measure -> the kept topics holding it, in order
    for t in found:
        ids = {m.measure for m in t.measures}
        host = next((i for i in holding[t.measures[0].measure] if ids <= kept_ids[i]), None)
        if host is None:
            for measure in ids:
                holding[measure].append(len(kept))
            kept.append(t)
            kept_ids.append(ids)
            continue
        extra = {m.measure: m.clauses for m in t.measures}
        k = kept[host]
        members = tuple(
            replace(m, clauses=m.clauses + tuple(c for c in extra.get(m.measure, ()) if c not in m.clauses))
            for m in k.measures
        )
        kept[host] = replace(k, similarity=min(k.similarity, t.similarity), measures=members)
    return kept


def _likely(sig: np.ndarray, candidates: list[tuple[int, int]], threshold: float) -> list[tuple[int, int]]:
    """The candidates whose signatures agree enough to be worth an exact check: the share of agreeing
    functions estimates J within 0.036 (one standard error, 192 functions), so a pair at the threshold
    falls below threshold − 0.18 (five errors) with odds under one in a million."""
    keep = []
    for lo in range(0, len(candidates), 20_000):
        chunk = np.array(candidates[lo : lo + 20_000], dtype=np.int64)
        agree = (sig[chunk[:, 0]] == sig[chunk[:, 1]]).mean(axis=1)
        keep += [tuple(p) for p in chunk[agree >= threshold - 0.18].tolist()]
    return keep


def _related(a: MeasureText, b: MeasureText) -> bool:
    return a.measure in b.ancestors or b.measure in a.ancestors


def measure_texts(store: Store) -> list[MeasureText]:
    """The measures of the store (outline items that state a task), in document order."""
    items = rows(store, "items")
    parent = {i["item"]: i["parent"] for i in items}
    out = []
    for i in (i for i in items if i["is_measure"] == "true" and i["title"] not in BOILERPLATE):
        ancestors = [parent[i["item"]]]
        while ancestors[-1]:
            ancestors.append(parent[ancestors[-1]])
        doc = stem(i["source_file"])
        out.append(MeasureText(i["item"], doc, i["city"], i["path"], i["title"], i["text"], tuple(ancestors[:-1])))
    return out


def _agencies_by_role(store: Store) -> dict[str, dict[str, tuple[str, ...]]]:
    ranked: dict[str, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    for r in rows(store, "responsibilities"):
        if r["measure"] and (int(r["rank"]), r["agency_zh"]) not in ranked[r["measure"]][r["role"]]:
            ranked[r["measure"]][r["role"]].append((int(r["rank"]), r["agency_zh"]))
    return {
        m: {role: tuple(a for _, a in sorted(v)) for role, v in sorted(roles.items())} for m, roles in ranked.items()
    }


def topics(store: Store, threshold: float = THRESHOLD) -> list[Topic]:
    """Topics of near-duplicate measures in the store, each measure with its agencies by role."""
    agencies = _agencies_by_role(store)
    return [
        replace(t, measures=tuple(replace(m, agencies=agencies.get(m.measure, {})) for m in t.measures))
        for t in find_topics(measure_texts(store), threshold)
    ]


def overlap_findings(found: list[Topic]) -> list[Finding]:
    """One ``overlap`` finding per topic, naming its measures, their agencies and the clauses that matched."""
    out = []
    for t in found:
        agencies = tuple(
            f"{m.where} {role}: {'、'.join(names)}" for m in t.measures for role, names in m.agencies.items()
        )
        scope = "across documents" if len(t.documents) > 1 else "within one document"
        out.append(
            Finding(
                "overlap",
                "info",
                f"{len(t.measures)} measures {scope} say nearly the same (Jaccard ≥ {t.similarity}): "
                f"«{t.label}» — " + ", ".join(f"{m.where} {m.title}" for m in t.measures),
                t.documents,
                tuple(m.where if len(t.documents) > 1 else m.path for m in t.measures),
                agencies,
                t.quotes,
            )
        )
    return out
