"""Shared fixtures: the bundled corpus and its golden files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
DOCUMENTS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def golden(stem: str, kind: str) -> dict:
    return json.loads((GOLDEN / f"{stem}.{kind}.json").read_text(encoding="utf-8"))


def fold(text: str | None) -> str | None:
    """Compare text as the golden files promise: widths folded, spaces dropped."""
    if text is None:
        return None
    folded = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)
    return "".join(folded.split())


@pytest.fixture(params=DOCUMENTS)
def stem(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The bundled corpus built once for the session: (build folder, summary)."""
    from policykg.graph.build import build

    out = tmp_path_factory.mktemp("kg") / "build"
    return out, build(CORPUS, out)
