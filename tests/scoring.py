"""Scoring extraction against the golden files: precision, recall and field agreement.

Run ``python tests/scoring.py`` for the tables the issue notes report.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conftest import DEV_DOCUMENTS, DOCUMENTS, document, fold, golden  # noqa: E402
from policykg.graph.extract import extract_document  # noqa: E402
from policykg.graph.gazetteer import Gazetteer  # noqa: E402
from policykg.graph.records import DocumentRecord  # noqa: E402
from policykg.graph.responsibilities import similarity  # noqa: E402

TARGET_FIELDS = ("comparator", "year", "per_year", "scope", "baseline")


@cache
def record(stem: str) -> DocumentRecord:
    return extract_document(document(stem))


def _numbers(t) -> tuple:
    return (
        (t["value"], t["value_min"], t["value_max"], t["category"])
        if isinstance(t, dict)
        else (t.value, t.value_min, t.value_max, t.category)
    )


def _as_dict(t) -> dict:
    return {
        "path": t.path, "indicator": t.indicator, "kind": t.kind, "value": t.value, "value_min": t.value_min,
        "value_max": t.value_max, "category": t.category, "unit": t.unit, "comparator": t.comparator,
        "year": t.year, "per_year": t.per_year, "scope": t.scope, "baseline": t.baseline,
    }  # fmt: skip


def _same_number(a, b) -> bool:
    """Values, range and category agree (numbers as numbers, categories as folded text)."""

    def same(x, y) -> bool:
        if x is None or y is None:
            return x is None and y is None
        if isinstance(x, str) or isinstance(y, str):
            return fold(str(x)) == fold(str(y))
        return float(x) == float(y)

    return all(same(x, y) for x, y in zip(a, b))


def _same_target(a: dict, b: dict) -> bool:
    return a["path"] == b["path"] and a["kind"] == b["kind"] and _same_number(_numbers(a), _numbers(b))


def match_targets(stem: str) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """(matched golden/extracted pairs, missed golden targets, extra extracted targets).

    Two targets match when path, kind and numbers agree; among several, the most similar
    indicator wins."""
    want = golden(stem, "targets")["targets"]
    got = [_as_dict(t) for t in record(stem).targets]
    free = list(range(len(got)))
    pairs, missed = [], []
    for g in want:
        candidates = [i for i in free if _same_target(got[i], g)]
        if not candidates:
            missed.append(g)
            continue
        best = max(
            candidates,
            key=lambda i: (
                similarity(fold(got[i]["indicator"]), fold(g["indicator"]))
                + similarity(fold(got[i]["scope"]), fold(g["scope"]))
            ),
        )
        free.remove(best)
        pairs.append((g, got[best]))
    return pairs, missed, [got[i] for i in free]


def target_scores(stem: str) -> dict:
    pairs, missed, extra = match_targets(stem)
    found = len(pairs)
    agree = {f: sum(1 for g, e in pairs if _field_equal(f, g[f], e[f])) for f in TARGET_FIELDS}
    return {
        "golden": found + len(missed),
        "extracted": found + len(extra),
        "matched": found,
        "precision": found / (found + len(extra)) if found + len(extra) else 1.0,
        "recall": found / (found + len(missed)) if found + len(missed) else 1.0,
        "agreement": {f: (agree[f] / found if found else 1.0) for f in TARGET_FIELDS},
        "by_kind": Counter(g["kind"] for g, _ in pairs),
        "missed_by_kind": Counter(g["kind"] for g in missed),
        "extra_by_kind": Counter(e["kind"] for e in extra),
    }


def _field_equal(field: str, a, b) -> bool:
    if field == "year":
        return (a is None and b is None) or (a is not None and b is not None and int(a) == int(b))
    if field == "scope" and a not in ("city", "each-county", "each-zone"):
        return fold(str(a)) == fold(str(b))
    return a == b


def f1(matched: int, golden: int, extracted: int) -> tuple[float, float, float]:
    p = matched / extracted if extracted else 1.0
    r = matched / golden if golden else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def responsibility_counts(stem: str) -> dict[str, Counter]:
    """Matched, golden and extracted counts of assignments, for the core forms (clauses and
    annex rows) and for prose apart. Two assignments match on path, agency (after resolution,
    so 市发改委 and 市发展改革委 are one body) and role."""
    doc = record(stem)
    gz = Gazetteer.bundled()

    def kind(source: str) -> str:
        return "prose" if source == "prose" else "core"

    want = Counter(
        (kind(a["source"]), a["path"], gz.resolve(a["agency"], doc.city).iri, a["role"])
        for a in golden(stem, "responsibilities")["assignments"]
    )
    got = Counter((kind(a.source), a.path, r.iri, a.role) for a, r in doc.assignments)
    both = want & got
    out = {}
    for k in ("core", "prose"):
        out[k] = Counter(
            matched=sum(n for key, n in both.items() if key[0] == k),
            golden=sum(n for key, n in want.items() if key[0] == k),
            extracted=sum(n for key, n in got.items() if key[0] == k),
        )
    return out


def resolution(stem: str) -> Counter:
    """Agency mentions of a document and how many resolved to a known agency."""
    doc = record(stem)
    return Counter(mentions=len(doc.assignments), resolved=sum(1 for _, r in doc.assignments if r.resolved))


def main() -> None:
    for name, stems in (("bundled", DOCUMENTS), ("development", DEV_DOCUMENTS)):
        totals = {"core": Counter(), "prose": Counter(), "agencies": Counter()}
        print(f"\nresponsibilities ({name}): document | core P/R/F1 (golden) | prose P/R/F1 (golden) | resolved")
        for stem in stems:
            counts = responsibility_counts(stem)
            res = resolution(stem)
            totals["agencies"].update(res)
            cells = []
            for k in ("core", "prose"):
                c = counts[k]
                totals[k].update(c)
                p, r, f = f1(c["matched"], c["golden"], c["extracted"])
                cells.append(f"{p:.2f}/{r:.2f}/{f:.2f} ({c['golden']})")
            share = res["resolved"] / res["mentions"] if res["mentions"] else 1.0
            print(f"{stem} | {cells[0]} | {cells[1]} | {share:.0%}")
        for k in ("core", "prose"):
            c = totals[k]
            p, r, f = f1(c["matched"], c["golden"], c["extracted"])
            print(f"all {k}: precision {p:.2f}, recall {r:.2f}, F1 {f:.2f} ({c['golden']} golden)")
        a = totals["agencies"]
        print(f"agency mentions resolved: {a['resolved']} of {a['mentions']}")
        target_table(stems)


def target_table(stems: list[str]) -> None:
    total = Counter()
    print("targets: document | golden | extracted | matched | precision | recall | " + " | ".join(TARGET_FIELDS))
    for stem in stems:
        s = target_scores(stem)
        total.update({k: s[k] for k in ("golden", "extracted", "matched")})
        fields = " | ".join(f"{s['agreement'][f]:.2f}" for f in TARGET_FIELDS)
        counts = f"{s['golden']} | {s['extracted']} | {s['matched']}"
        print(f"{stem} | {counts} | {s['precision']:.2f} | {s['recall']:.2f} | {fields}")
        print(f"    missed by kind {dict(s['missed_by_kind'])}; extra by kind {dict(s['extra_by_kind'])}")
    kinds = Counter()
    for stem in stems:
        s = target_scores(stem)
        for kind in set(s["by_kind"]) | set(s["missed_by_kind"]) | set(s["extra_by_kind"]):
            kinds[(kind, "matched")] += s["by_kind"][kind]
            kinds[(kind, "missed")] += s["missed_by_kind"][kind]
            kinds[(kind, "extra")] += s["extra_by_kind"][kind]
    for kind in sorted({k for k, _ in kinds}):
        m, missed, extra = kinds[(kind, "matched")], kinds[(kind, "missed")], kinds[(kind, "extra")]
        precision, recall = m / max(1, m + extra), m / max(1, m + missed)
        print(f"  kind {kind}: golden {m + missed}, precision {precision:.2f}, recall {recall:.2f}")
    p, r, f = f1(total["matched"], total["golden"], total["extracted"])
    print(f"all | {total['golden']} | {total['extracted']} | {total['matched']} | {p:.2f} | {r:.2f} | F1 {f:.2f}")


if __name__ == "__main__":
    main()


def alignment_counts(gold_file: Path) -> Counter:
    """Pairs of one development chain against its gold (tests/golden/alignment): found, gold and
    matched pairs, and the same for the upper measures not taken up. Only measures the gold counts
    are scored (it leaves out items that set no task, such as 指导思想)."""
    from policykg.graph.alignment import align, measures_of

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    upper, lower = record(gold["upper"][:-4]), record(gold["lower"][:-4])
    uppers = {p["upper"] for p in gold["pairs"]} | set(gold["not_taken_up"])
    lowers = {p["lower"] for p in gold["pairs"]} | set(gold["local"])
    want = {(p["upper"], p["lower"]) for p in gold["pairs"]}
    got = {(p.upper, p.lower) for p in align(*(measures_of(r.outline, r.annex_items) for r in (upper, lower)))}
    got = {(u, v) for u, v in got if u in uppers and v in lowers}
    idle_want, idle_got = set(gold["not_taken_up"]), uppers - {u for u, _ in got}
    return Counter(
        matched=len(want & got),
        golden=len(want),
        extracted=len(got),
        idle_matched=len(idle_want & idle_got),
        idle_golden=len(idle_want),
        idle_extracted=len(idle_got),
    )
