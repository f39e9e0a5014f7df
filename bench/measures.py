"""Synthetic measures for timing overlap detection at sizes no corpus here reaches (10k, 100k)."""

from __future__ import annotations

import random

from policykg.queries.near_duplicates import MeasureText


def synthetic(n: int, seed: int = 1) -> tuple[list[MeasureText], list[tuple[int, int]]]:
    """n measures of random two-character words; every 50th copies a clause of an earlier one with
    one character changed. Returns the measures and the planted (earlier, copy) pairs."""
    rng = random.Random(seed)
    chars = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 600))
    words = ["".join(rng.choice(chars) for _ in range(2)) for _ in range(3000)]
    measures, planted = [], []
    for i in range(n):
        clauses = ["".join(rng.choice(words) for _ in range(rng.randint(4, 9))) for _ in range(rng.randint(5, 10))]
        if i % 50 == 49:
            j = rng.randrange(i)
            source = measures[j].text.split("，")[1]
            k = rng.randrange(len(source))
            clauses[2] = source[:k] + rng.choice(chars) + source[k + 1 :]
            planted.append((j, i))
        measures.append(MeasureText(f"m{i}", f"doc{i % 20}", "city", str(i), clauses[0], "，".join(clauses) + "。"))
    return measures, planted
