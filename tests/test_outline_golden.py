"""The outline of every corpus document against its golden file (written from reading it)."""

from __future__ import annotations

from functools import cache

from conftest import CORPUS, fold, golden
from policykg.graph.outline import Outline, read_outline


@cache
def outline_of(stem: str) -> Outline:
    return read_outline(CORPUS / f"{stem}.txt")


def test_metadata(stem):
    want = golden(stem, "outline")["metadata"]
    got = outline_of(stem).metadata
    assert fold(got.title) == fold(want["title"])
    assert fold(got.enclosed_title) == fold(want["enclosed_title"])
    assert got.document_number == want["document_number"]
    assert [fold(i) for i in got.issuers] == [fold(i) for i in want["issuers"]]
    assert sorted((d.date, d.kind) for d in got.dates) == sorted((d["date"], d["kind"]) for d in want["dates"])


def test_items(stem):
    want = [(i["path"], fold(i["title"])) for i in golden(stem, "outline")["items"]]
    got = [(i.path, fold(i.title)) for i in outline_of(stem).walk()]
    assert got == want


def test_annexes(stem):
    want = [
        (a["label"], fold(a["title"]), [[fold(c) for c in r] for r in a["rows"]])
        for a in golden(stem, "outline")["annexes"]
    ]
    got = [(a.label, fold(a.title), [[fold(c) for c in r.cells] for r in a.rows]) for a in outline_of(stem).annexes]
    assert got == want


def test_reads_without_warnings(stem):
    assert outline_of(stem).problems == []


def test_spans_quote_the_original(stem):
    outline = outline_of(stem)
    original = outline.text.original
    for item in outline.walk():
        quote = original[item.span.start : item.span.end]
        assert fold(quote).startswith(fold(item.number)), item.path
        if item.title:
            assert fold(item.title) in fold(quote), item.path
    for annex in outline.annexes:
        for row in annex.rows:
            quote = fold(original[row.span.start : row.span.end])
            for cell in row.cells:
                assert fold(cell) in quote
