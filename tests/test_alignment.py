"""Alignment of measures across levels on the development chains, against gold pairs written
from reading both documents (tests/golden/alignment).

The floors sit just under the figures measured when they were set (pairs: precision 0.84, recall
0.64; upper measures not taken up: precision 0.69, recall 0.91). The constants of the method were
chosen on these chains; leaving each chain out of the choice in turn gives precision 0.80 and recall
0.63 on the chain left out. The goals of the flow issue (precision 0.9, recall 0.85) are not reached
by the lexical method (see the issue notes).
"""

from __future__ import annotations

from collections import Counter

from scoring import alignment_counts, f1

from conftest import GOLDEN
from policykg.graph.alignment import align
from policykg.graph.records import Measure

CHAINS = sorted((GOLDEN / "alignment").glob("*.json"))


def _totals() -> Counter:
    total: Counter = Counter()
    for chain in CHAINS:
        total.update(alignment_counts(chain))
    return total


def test_pairs_against_the_gold_of_every_development_chain():
    t = _totals()
    precision, recall, _ = f1(t["matched"], t["golden"], t["extracted"])
    assert len(CHAINS) >= 10
    assert precision >= 0.82 and recall >= 0.62, (precision, recall, t)


def test_upper_measures_not_taken_up():
    t = _totals()
    precision, recall, _ = f1(t["idle_matched"], t["idle_golden"], t["idle_extracted"])
    assert precision >= 0.66 and recall >= 0.88, (precision, recall, t)


def test_a_restated_task_is_paired_with_its_evidence_and_a_local_one_is_not():
    upper = [
        Measure("二/（一）", "推进海绵型地块建设。新建项目全面落实海绵城市建设要求。"),
        Measure("二/（二）", "完善城市排水防涝设施,提升内涝防治能力。"),
    ]
    lower = [
        Measure("1", "推进海绵型地块建设,区内新建项目全面落实海绵城市建设要求。"),
        Measure("2", "举办绿色生活主题宣传活动。"),
    ]
    pairs = align(upper, lower)
    assert [(p.upper, p.lower) for p in pairs] == [("二/（一）", "1")]
    # the evidence quotes what both state, as phrases
    assert pairs[0].shared == ("新建项目全面落实海绵城市建设要求", "推进海绵型地块建设") and 0 < pairs[0].score <= 1


def test_alignment_is_deterministic():
    upper = [Measure(str(i), f"加强第{i}项海绵城市建设管理工作") for i in range(1, 6)]
    lower = [Measure(str(i), f"落实第{i}项海绵城市建设管理工作") for i in range(1, 6)]
    assert align(upper, lower) == align(list(upper), list(lower))
