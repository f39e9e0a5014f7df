"""Policy lineage: the upstream documents each corpus document is based on or cites, as read."""

from __future__ import annotations

from scoring import record

# (title, number, relation, level, path) as a reader finds them in each document.
EXPECTED = {
    "zhumadian-2021-industrial-quality-plan": {
        ("河南省推动制造业高质量发展实施方案", "豫办〔2020〕17号", "based_on", "provincial", None),
        ("河南省生态环境监督执法正面清单管理制度", None, "cites", "provincial", "七/（二十六）"),
        ("保障中小企业款项支付条例", None, "cites", "national", "七/（二十六）"),
    },
    "zhumadian-2023-industrial-economy": {
        (
            "中共河南省委、河南省人民政府关于加快建设先进制造业强省的若干意见",
            "豫发〔2022〕9号",
            "based_on",
            "provincial",
            None,
        ),
    },
    "zhumadian-2019-industrial-clusters-plan": {
        ("河南省产业集聚区企业分类综合评价办法", None, "cites", "provincial", "二/（一）/1"),
    },
    # The notice that issues a plan names the plan in 《》: that is the document itself, not a citation.
    "zhumadian-2024-development-zones-plan": set(),
    "puyang-2023-manufacturing-doubling": set(),
}


def test_citations(stem):
    found = {(c.title, c.number, c.relation, c.level, c.path) for c in record(stem).citations}
    assert found == EXPECTED[stem]


def test_every_corpus_document_is_municipal(stem):
    assert record(stem).level == "municipal"


def test_citation_quotes_are_exact(stem):
    doc = record(stem)
    for c in doc.citations:
        quote = doc.outline.text.original[c.quote.start : c.quote.end]
        assert quote.startswith("《") and c.title in quote
